"""The one metadata every table module registers on, with constraint names fixed.

Import this before defining a table: the naming convention must be in place
when a table is created, so that migrations name constraints the same way on
SQLite and PostgreSQL. The crawl's tables (:mod:`models.crawl`) are plain SQLAlchemy
tables on it; the store's SQLModel classes (:mod:`models.tables`) are put on it with
:func:`use_with_sqlmodel`, so that the crawl imports no SQLModel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import MetaData

if TYPE_CHECKING:
    from sqlmodel import SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def use_with_sqlmodel(model: type[SQLModel]) -> None:
    """Make SQLModel's table classes register on :data:`metadata` (call before defining any)."""
    if model.metadata is not metadata:
        model.metadata = metadata
