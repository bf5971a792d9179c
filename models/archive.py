"""The raw-page archive: every fetched comparison page's body, kept to re-extract offline.

Bodies are zlib-compressed and kept once per (URL, content hash): fetching the same
body again only moves its ``last_fetched_at`` (a 304 stores nothing at all). Each
row remembers the extractor version that last extracted and loaded it, so
``careerdiff reparse`` can pick the pages an older extractor read.

A URL's current body is its row with the newest ``last_fetched_at``; a reparse reads
only current bodies (older ones stay archived, their facts already in the history).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from careerdiff.extraction import decompress
from models import dialect
from models.crawl import ARCHIVE
from models.writer import FETCH as _FETCH
from models.writer import PAGE as _PAGE

#: At most this many values in one ``IN (...)`` list.
_IN_CHUNK = 1000

_A = ARCHIVE.c


@dataclass(frozen=True, slots=True)
class ArchiveCursor:
    """A place in the archive's newest-first order: after the body fetched at
    ``fetched_at`` with id ``id``."""

    fetched_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """One fetched body, compressed, with what came with it."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    charset: str | None
    content_hash: str
    fetched_at: datetime
    body_zlib: bytes
    body_bytes: int
    extractor_version: int | None = None
    id: int | None = None

    @property
    def body(self) -> bytes:
        """The body, decompressed."""
        return decompress(self.body_zlib)

    @property
    def cursor(self) -> ArchiveCursor:
        """Where this body is in the archive's newest-first order (archived pages only)."""
        if self.id is None:
            raise ValueError("a page not read from the archive has no place in it")
        return ArchiveCursor(self.fetched_at, self.id)


class Archive:
    """The ``page_archive`` table of the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def keep(self, pages: Sequence[ArchivedPage]) -> None:
        """Archive ``pages`` in one transaction; a body already kept for its URL only has its
        latest fetch (time, status, headers, final URL) updated."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for page in sorted(pages, key=lambda page: page.fetched_at):
            rows[(page.url, page.content_hash)] = _row(page)
        if not rows:
            return
        with self.engine.begin() as connection:
            statement = dialect.upsert(
                connection.dialect.name,
                ARCHIVE,
                ["url", "content_hash"],
                ["final_url", "status", "headers", "charset", "last_fetched_at"],
            )
            connection.execute(statement, list(rows.values()))

    def mark_extracted(
        self, keys: Sequence[tuple[str, str]], *, version: int, at: datetime
    ) -> None:
        """Record that the bodies ``(url, content_hash)`` were extracted by ``version`` and
        loaded."""
        if not keys:
            return
        statement = (
            sa.update(ARCHIVE)
            .where(_A.url == sa.bindparam("b_url"), _A.content_hash == sa.bindparam("b_hash"))
            .values(extractor_version=version, extracted_at=at)
        )
        with self.engine.begin() as connection:
            connection.execute(statement, [{"b_url": u, "b_hash": h} for u, h in keys])

    def loaded_hashes(self, urls: Sequence[str]) -> dict[str, str | None]:
        """The content hash of each URL's newest loaded fetch (URLs never loaded are left out).

        Read from the store's provenance (``page_fetch``), so it says what the views
        hold, whatever the archive knows.
        """
        other = _FETCH.alias("other_fetch")
        newest = sa.select(sa.func.max(other.c.fetched_at)).where(other.c.page_id == _PAGE.c.id)
        query = (
            sa.select(_PAGE.c.url, _FETCH.c.content_hash)
            .join(_FETCH, _FETCH.c.page_id == _PAGE.c.id)
            .where(_FETCH.c.fetched_at == newest.scalar_subquery())
        )
        hashes: dict[str, str | None] = {}
        with self.engine.connect() as connection:
            for chunk in _chunks(list(dict.fromkeys(urls))):
                rows = connection.execute(query.where(_PAGE.c.url.in_(chunk)))
                hashes.update((url, content_hash) for url, content_hash in rows)
        return hashes

    def current(
        self, *, older_than: int | None, batch_size: int, after: ArchiveCursor | None = None
    ) -> Iterator[list[ArchivedPage]]:
        """Each URL's current body, newest fetch first, in batches (from ``after`` on).

        ``older_than``: only bodies never extracted or extracted by an older version;
        None: all. Newest first, so that a reparse loads each occupation's latest
        page before the older ones, which then only confirm it. Each batch is read in
        its own short transaction, so a caller may write between batches.
        """
        newer = ARCHIVE.alias("newer")
        superseded = sa.exists().where(
            newer.c.url == _A.url,
            sa.or_(
                newer.c.last_fetched_at > _A.last_fetched_at,
                sa.and_(newer.c.last_fetched_at == _A.last_fetched_at, newer.c.id > _A.id),
            ),
        )
        query = (
            sa.select(ARCHIVE)
            .where(~superseded)
            .order_by(_A.last_fetched_at.desc(), _A.id.desc())
            .limit(batch_size)
        )
        if older_than is not None:
            query = query.where(
                sa.or_(_A.extractor_version.is_(None), _A.extractor_version < older_than)
            )
        cursor = after
        while True:
            batch_query = query
            if cursor is not None:
                batch_query = query.where(
                    sa.or_(
                        _A.last_fetched_at < cursor.fetched_at,
                        sa.and_(_A.last_fetched_at == cursor.fetched_at, _A.id < cursor.id),
                    )
                )
            with self.engine.connect() as connection:
                rows = connection.execute(batch_query).mappings().all()
            if not rows:
                return
            batch = [_page(row) for row in rows]
            cursor = batch[-1].cursor
            yield batch

    def count(self, *, older_than: int | None = None) -> int:
        """How many bodies are archived (``older_than``: extracted by an older version or
        never)."""
        query = sa.select(sa.func.count()).select_from(ARCHIVE)
        if older_than is not None:
            query = query.where(
                sa.or_(_A.extractor_version.is_(None), _A.extractor_version < older_than)
            )
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def get(self, url: str) -> list[ArchivedPage]:
        """Every body archived for ``url``, oldest first."""
        query = sa.select(ARCHIVE).where(_A.url == url).order_by(_A.first_fetched_at, _A.id)
        with self.engine.connect() as connection:
            return [_page(row) for row in connection.execute(query).mappings()]


def _row(page: ArchivedPage) -> dict[str, Any]:
    return {
        "url": page.url,
        "content_hash": page.content_hash,
        "final_url": page.final_url,
        "status": page.status,
        "headers": json.dumps(dict(page.headers), ensure_ascii=False, sort_keys=True),
        "charset": page.charset,
        "body_zlib": page.body_zlib,
        "body_bytes": page.body_bytes,
        "first_fetched_at": page.fetched_at,
        "last_fetched_at": page.fetched_at,
    }


def _page(row: Any) -> ArchivedPage:
    return ArchivedPage(
        url=row["url"],
        final_url=row["final_url"],
        status=row["status"],
        headers=json.loads(row["headers"]),
        charset=row["charset"],
        content_hash=row["content_hash"],
        fetched_at=row["last_fetched_at"],
        body_zlib=row["body_zlib"],
        body_bytes=row["body_bytes"],
        extractor_version=row["extractor_version"],
        id=row["id"],
    )


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]
