"""``StoreSink``: the page sink that archives, extracts and loads fetched comparison pages.

For each batch the engine hands over (in the sink's own thread):

1. one query finds the content hash each page's URL last loaded with; a page whose
   body has that hash is ``unchanged`` and costs no extraction and no load;
2. the other pages are extracted, and every body is compressed, by a
   :class:`~careerdiff.extraction.PageExtractor` — in one worker process by default,
   pages sent as bytes,
   so that the event loop keeps the first core for fetching while the second core
   extracts;
3. the bodies are archived (:class:`models.archive.Archive`, one transaction), the
   records loaded with one ``Store.load`` call, and the archive rows marked as
   extracted by this ``EXTRACTOR_VERSION``.

A crash between the steps loses nothing: an archived body that was not loaded stays
marked as never extracted (``careerdiff reparse`` picks it up), and the frontier
does not settle the batch's URLs, so a resumed crawl fetches them again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from types import MappingProxyType, TracebackType

import extractors
from careerdiff.crawl.result import FetchResult
from careerdiff.crawl.sink import PageOutcome
from careerdiff.extraction import ExtractJob, PageExtractor, compress
from extractors import PageRecord
from models import LoadItem, LoadSummary, Store
from models.archive import Archive, ArchivedPage


class StoreSink:
    """A :class:`~careerdiff.crawl.sink.PageSink` into ``store``: archive, extract, load.

    ``processes`` is the number of extraction worker processes (0: extract in the
    sink's thread). ``load`` adds up what the store loaded (counts only), for reports.
    """

    def __init__(self, store: Store, *, processes: int = 1) -> None:
        self.store = store
        self.archive = Archive(store.engine)
        self.extractor = PageExtractor(processes)
        self.load = LoadSummary()

    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        """Store ``pages``; one outcome per page, in order."""
        hashes = [page.content_hash or hashlib.sha256(page.body).hexdigest() for page in pages]
        loaded = self.archive.loaded_hashes([page.url for page in pages])
        fresh = [loaded.get(page.url) != digest for page, digest in zip(pages, hashes, strict=True)]
        extracted = self.extractor.run(
            [
                ExtractJob(page.url, page.body, page.charset, extract=wanted)
                for page, wanted in zip(pages, fresh, strict=True)
            ]
        )
        self.archive.keep(
            [
                _archived(page, digest, result.body_zlib or compress(page.body))
                for page, digest, result in zip(pages, hashes, extracted, strict=True)
            ]
        )
        outcomes = self._load(
            [
                (page, digest, result.record)
                for page, digest, result in zip(pages, hashes, extracted, strict=True)
                if result.record is not None
            ]
        )
        return [outcomes.get(page.url, PageOutcome.UNCHANGED) for page in pages]

    def _load(self, pages: list[tuple[FetchResult, str, PageRecord]]) -> dict[str, PageOutcome]:
        """Load the extracted pages in one ``Store.load``, then mark their archived bodies
        as extracted by this version; the outcome of each page by URL."""
        if not pages:
            return {}
        version = extractors.EXTRACTOR_VERSION
        summary = self.store.load(
            LoadItem(record, page.fetched_at, digest, version) for page, digest, record in pages
        )
        self.load = self.load + counts_of(summary)
        self.archive.mark_extracted(
            [(page.url, digest) for page, digest, _ in pages], version=version, at=datetime.now(UTC)
        )
        return {url: PageOutcome(outcome) for url, outcome in summary.page_outcomes.items()}

    def close(self) -> None:
        """Stop the extraction workers (the store stays open: it is the caller's)."""
        self.extractor.close()

    def __enter__(self) -> StoreSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def counts_of(summary: LoadSummary) -> LoadSummary:
    """``summary`` without its outcome of every page: a running total of a long crawl keeps
    counts only, so its memory stays flat."""
    return dataclasses.replace(summary, page_outcomes=MappingProxyType({}))


def _archived(page: FetchResult, digest: str, body_zlib: bytes) -> ArchivedPage:
    return ArchivedPage(
        url=page.url,
        final_url=page.final_url,
        status=page.status or 200,
        headers=dict(page.headers),
        charset=page.charset,
        content_hash=digest,
        fetched_at=page.fetched_at,
        body_zlib=body_zlib,
        body_bytes=len(page.body),
    )
