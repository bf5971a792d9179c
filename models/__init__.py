"""The database: tables, migrations, and the store that loads extracted pages.

Public API::

    store = Store.open(db_url)      # a new database is created at head; an old one refused
    summary = store.load(items)     # items: Iterable[LoadItem]; batched, one transaction each
    store.engine                    # for other modules that keep tables in the same database

The names are imported on first use (``from models import Store`` works as
usual): importing ``models.dialect`` or ``models.items`` alone should not pull in
the whole store, and commands that never open a database should not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerdiff.lazy import lazy_names

if TYPE_CHECKING:
    from models.items import LoadItem, Outcome
    from models.store import Store
    from models.summary import LoadSummary

__all__ = ["LoadItem", "LoadSummary", "Outcome", "Store"]

_HOMES = {
    "LoadItem": "models.items",
    "Outcome": "models.items",
    "Store": "models.store",
    "LoadSummary": "models.summary",
}


__getattr__ = lazy_names(__name__, _HOMES)
