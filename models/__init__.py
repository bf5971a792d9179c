"""The database: tables, migrations, and the store that loads extracted pages.

Public API::

    store = Store.open(db_url)      # a new database is created at head; an old one refused
    summary = store.load(items)     # items: Iterable[LoadItem]; batched, one transaction each
    store.engine                    # for other modules that keep tables in the same database
"""

from models.items import LoadItem, Outcome
from models.store import Store
from models.summary import LoadSummary

__all__ = ["LoadItem", "LoadSummary", "Outcome", "Store"]
