"""The crawl's own tables: the persisted frontier and the raw-page archive.

They are the crawler's bookkeeping, not part of the analysts' interface (the views
are). :mod:`models.frontier` and :mod:`models.archive` hold the queries.

``crawl_url`` is the frontier: one row per URL the crawl knows, with its state
(``queued`` → ``leased`` → ``done`` or ``failed``; a transient failure goes back to
``queued`` with a later ``next_attempt_at``), what the last attempt gave, the
validators of its last fresh fetch for conditional requests, and the lease a
crawl worker holds on it while fetching.

``page_archive`` keeps every fetched comparison page's body, zlib-compressed, once
per (URL, content hash), so that a parser fix can re-extract without the network.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import models.base  # noqa: F401  (the naming convention must be set before any table)
from models.dialect import UtcDateTime

#: The states of a frontier URL.
URL_STATES = ("queued", "leased", "done", "failed")


class CrawlUrl(SQLModel, table=True):
    """One URL of the frontier: its state, its last attempt, validators and lease.

    ``next_attempt_at`` is when a queued URL is due (new URLs: when they were added).
    ``last_status`` is 200 for a fresh body, 304 for not modified, else the HTTP status
    of a final failure when it was one; ``last_reason`` is the fetcher's reason tag.
    ``lease_owner`` names the worker (``host:pid:token``) holding a leased URL until
    ``lease_expires_at``.
    """

    __tablename__ = "crawl_url"
    __table_args__ = (
        UniqueConstraint("url"),
        CheckConstraint("state IN ('queued', 'leased', 'done', 'failed')", name="state"),
        Index(None, "state", "next_attempt_at"),
        Index(None, "state", "lease_expires_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text)
    kind: str | None = Field(default=None, sa_type=Text)  # comparison | listing | other
    state: str = Field(sa_type=Text)
    depth: int
    found_on: str | None = Field(default=None, sa_type=Text)
    attempts: int = 0
    added_at: datetime = Field(sa_type=UtcDateTime)
    next_attempt_at: datetime = Field(sa_type=UtcDateTime)
    last_attempt_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    settled_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_status: int | None = None
    last_reason: str | None = Field(default=None, sa_type=Text)
    last_message: str | None = Field(default=None, sa_type=Text)
    etag: str | None = Field(default=None, sa_type=Text)
    last_modified: str | None = Field(default=None, sa_type=Text)
    content_hash: str | None = Field(default=None, sa_type=Text)
    lease_owner: str | None = Field(default=None, sa_type=Text)
    lease_expires_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class PageArchive(SQLModel, table=True):
    """One fetched body of a page, kept once per (URL, content hash).

    ``body_zlib`` is the body as received (content encoding undone), zlib-compressed;
    ``charset`` is what it was decoded with. ``first_fetched_at``/``last_fetched_at``
    span the fetches that returned this body; ``status``, ``headers`` (JSON object)
    and ``final_url`` are those of the latest. ``extractor_version`` is the version
    of the extractor that last extracted and loaded it (NULL: never).
    """

    __tablename__ = "page_archive"
    __table_args__ = (
        UniqueConstraint("url", "content_hash"),
        Index(None, "url", "last_fetched_at"),
        Index(None, "last_fetched_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text)
    content_hash: str = Field(sa_type=Text)
    final_url: str = Field(sa_type=Text)
    status: int
    headers: str = Field(sa_type=Text)
    charset: str | None = Field(default=None, sa_type=Text)
    body_zlib: bytes = Field(sa_type=LargeBinary)
    body_bytes: int
    first_fetched_at: datetime = Field(sa_type=UtcDateTime)
    last_fetched_at: datetime = Field(sa_type=UtcDateTime)
    extractor_version: int | None = None
    extracted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


def _table(model: Any) -> sa.Table:
    table: sa.Table = model.__table__
    return table


CRAWL_URL = _table(CrawlUrl)
ARCHIVE = _table(PageArchive)
