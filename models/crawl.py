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

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Column, Index, Integer, LargeBinary, Text, UniqueConstraint

from models.base import metadata
from models.dialect import UtcDateTime

#: The states of a frontier URL.
URL_STATES = ("queued", "leased", "done", "failed")

# Plain SQLAlchemy tables, not SQLModel classes: a crawl that only re-checks pages needs
# these two tables and none of the store's, and SQLModel (with pydantic) would cost more
# to import than the rest of SQLAlchemy's share of its start-up. Nothing reads them as
# objects; the queries of models.frontier and models.archive use the columns.

#: One URL of the frontier: its state, its last attempt, validators and lease.
#:
#: ``next_attempt_at`` is when a queued URL is due (new URLs: when they were added).
#: ``last_status`` is 200 for a fresh body, 304 for not modified, else the HTTP status
#: of a final failure when it was one; ``last_reason`` is the fetcher's reason tag.
#: ``lease_owner`` names the worker (``host:pid:token``) holding a leased URL until
#: ``lease_expires_at``.
CRAWL_URL = sa.Table(
    "crawl_url",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False),
    Column("kind", Text),  # comparison | listing | other
    Column("state", Text, nullable=False),
    Column("depth", Integer, nullable=False),
    Column("found_on", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("added_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("last_attempt_at", UtcDateTime),
    Column("settled_at", UtcDateTime),
    Column("last_status", Integer),
    Column("last_reason", Text),
    Column("last_message", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", Text),
    Column("lease_owner", Text),
    Column("lease_expires_at", UtcDateTime),
    UniqueConstraint("url"),
    CheckConstraint("state IN ('queued', 'leased', 'done', 'failed')", name="state"),
    Index(None, "state", "next_attempt_at"),
    Index(None, "state", "lease_expires_at"),
)

#: One fetched body of a page, kept once per (URL, content hash).
#:
#: ``body_zlib`` is the body as received (content encoding undone), zlib-compressed;
#: ``charset`` is what it was decoded with. ``first_fetched_at``/``last_fetched_at``
#: span the fetches that returned this body; ``status``, ``headers`` (JSON object)
#: and ``final_url`` are those of the latest. ``extractor_version`` is the version
#: of the extractor that last extracted and loaded it (NULL: never).
ARCHIVE = sa.Table(
    "page_archive",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("final_url", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("headers", Text, nullable=False),
    Column("charset", Text),
    Column("body_zlib", LargeBinary, nullable=False),
    Column("body_bytes", Integer, nullable=False),
    Column("first_fetched_at", UtcDateTime, nullable=False),
    Column("last_fetched_at", UtcDateTime, nullable=False),
    Column("extractor_version", Integer),
    Column("extracted_at", UtcDateTime),
    UniqueConstraint("url", "content_hash"),
    Index(None, "url", "last_fetched_at"),
    Index(None, "last_fetched_at", "id"),
)
