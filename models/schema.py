"""Every table of the database, gathered on one metadata.

Migrations and the schema test compare the database against :data:`metadata`,
so every module that defines tables must be imported here (and listed below).
"""

from __future__ import annotations

from models import crawl, tables
from models.base import metadata

#: The modules whose tables make up :data:`metadata`.
TABLE_MODULES = (tables, crawl)

__all__ = ["TABLE_MODULES", "metadata"]
