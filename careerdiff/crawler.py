"""The persistent crawl, wired: database frontier + store sink + crawl engine; and reparse.

    summary = run_crawl(settings)                  # CrawlSummary
    summary = reparse_archive("sqlite:///data/careerdiff.db")   # ReparseSummary

``run_crawl`` opens the store at ``settings.db_url``, keeps the frontier in the same
database (:class:`models.frontier.DbFrontier`), and runs the engine with a
:class:`~careerdiff.crawl.store_sink.StoreSink`. A crawl that was killed or stopped
at ``max_pages`` resumes where it stopped; a crawl that finds nothing due re-checks
every page it fetched before (with conditional requests), unless ``recheck`` is
False. ``reparse_archive`` extracts archived pages again and loads them, with no
network.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

import extractors
from careerdiff.crawl.engine import crawl, discover, rules_for
from careerdiff.crawl.parallel import merged, process_count, run_processes, shares
from careerdiff.crawl.progress import CrawlProgress
from careerdiff.crawl.store_sink import StoreSink, counts_of
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawl.urls import UrlRules, normalize_url
from careerdiff.errors import ConfigError, LoadError
from careerdiff.extraction import ExtractedPage, ExtractJob, PageExtractor
from careerdiff.settings import Settings
from models import LoadItem, LoadSummary, Store, dialect, migrate
from models.archive import Archive, ArchiveCursor, ArchivedPage
from models.frontier import DbFrontier, RoundStart, worker_name

#: Archived pages re-extracted per batch (one load transaction each), unless told.
DEFAULT_REPARSE_BATCH = 200


def run_crawl(
    settings: Settings,
    *,
    progress: CrawlProgress | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    recheck: bool = True,
    on_begin: Callable[[RoundStart], None] | None = None,
) -> CrawlSummary:
    """Crawl into the database at ``settings.db_url``, resuming an unfinished crawl.

    ``recheck`` False never starts a new round (it only crawls what is due: for a
    caller that crawls in slices of ``max_pages``). ``on_begin`` learns whether the
    crawl resumes or starts a new round. Raises ``ConfigError`` for bad settings and
    ``LoadError`` when the database fails; HTTP faults are counted in the summary.

    With several ``crawl_processes`` (see :mod:`careerdiff.crawl.parallel`) this
    process queues the seeds and sitemaps, then the processes fetch, extract and
    store together; a ``transport`` (a test's stand-in network) keeps to one.
    """
    rules = rules_for(settings)
    processes = 1 if transport is not None else process_count(settings)
    with Store.open(settings.db_url, batch_size=settings.batch_size) as store:
        if store.engine.url.get_backend_name() == "sqlite" and _in_memory(store):
            raise ConfigError("a crawl needs a database file or server, not an in-memory one")
        frontier_engine = _frontier_engine(settings)
        frontier = _frontier(frontier_engine, settings, rules)
        try:
            start = frontier.begin(new_round=recheck)
            if on_begin is not None:
                on_begin(start)
            if processes > 1:
                store.engine.dispose()  # the processes open their own connections
                return _crawl_in_processes(settings, frontier, processes, progress)
            return _crawl_into(
                store,
                settings,
                frontier,
                settings.extract_processes,
                transport=transport,
                progress=progress,
            )
        except SQLAlchemyError as exc:
            raise _load_error(exc) from None
        finally:
            frontier_engine.dispose()


def _crawl_into(
    store: Store,
    settings: Settings,
    frontier: DbFrontier,
    extract_processes: int,
    **options: Any,
) -> CrawlSummary:
    """Crawl into ``store`` through a :class:`StoreSink`; the frontier's leases this process
    still holds at the end (an interrupted crawl) are queued again."""
    with StoreSink(store, processes=extract_processes) as sink:
        try:
            return asyncio.run(crawl(settings, frontier, sink, **options))
        finally:
            frontier.release()


def _frontier_engine(settings: Settings) -> Engine:
    # The frontier is written many times a second from the event loop: its commits do
    # not wait for the disk (a killed crawl loses none; a machine crash may cost refetches).
    return dialect.create_engine(settings.db_url, durable=False)


def _frontier(
    engine: Engine, settings: Settings, rules: UrlRules, owner: str | None = None
) -> DbFrontier:
    return DbFrontier(
        engine,
        owner=owner,
        classify=lambda url: str(rules.classify(url)),
        lease_timeout=timedelta(seconds=settings.lease_timeout),
    )


def _load_error(exc: SQLAlchemyError) -> LoadError:
    return LoadError(
        f"the crawl's database failed: {migrate.first_line(exc)}",
        transient=isinstance(exc, OperationalError),
    )


def _crawl_in_processes(
    settings: Settings, frontier: DbFrontier, processes: int, progress: CrawlProgress | None
) -> CrawlSummary:
    """Queue the seeds and sitemaps here, then crawl in ``processes`` processes."""
    started = time.perf_counter()
    if progress is not None:
        progress.start()
    summary = CrawlSummary()
    try:
        first = asyncio.run(discover(settings, frontier))
        frontier.engine.dispose()  # no pooled connection crosses the fork
        normalize_url.cache_clear()  # the sitemaps' URLs: no process needs them again
        fixed = settings.replace(allow_hosts=rules_for(settings).allowed_hosts)
        interval = progress.interval if progress is not None else 10.0
        group = uuid.uuid4().hex[:8]
        summaries = run_processes(
            _crawl_process, shares(fixed, processes), group, progress, interval
        )
        summary = merged(summaries, first, time.perf_counter() - started)
        summary = dataclasses.replace(summary, queued_left=frontier.counts().queued)
        return summary
    finally:
        if progress is not None:
            progress.finish(dataclasses.replace(summary, elapsed=time.perf_counter() - started))


def _crawl_process(
    settings: Settings, group: str, spread: int, progress: CrawlProgress
) -> CrawlSummary:
    """One of several crawl processes: its own connections, extraction in this process."""
    rules = rules_for(settings)
    store = Store(dialect.create_engine(settings.db_url), batch_size=settings.batch_size)
    frontier_engine = _frontier_engine(settings)
    frontier = _frontier(frontier_engine, settings, rules, owner=worker_name(group))
    try:
        return _crawl_into(
            store,
            settings,
            frontier,
            0,
            progress=progress,
            spread=spread,
            siblings_working=lambda: frontier.siblings_working(group),
        )
    except SQLAlchemyError as exc:
        raise _load_error(exc) from None
    finally:
        frontier_engine.dispose()
        store.engine.dispose()


def _in_memory(store: Store) -> bool:
    return store.engine.url.database in (None, "", ":memory:")


@dataclass(frozen=True)
class ReparseSummary:
    """What a reparse did: ``pages`` archived pages extracted and loaded again.

    ``cursor`` is the archive position of the last page handled (pass it as
    ``after`` to go on from there); ``load`` sums what the store did with them.
    """

    pages: int = 0
    batches: int = 0
    extractor_version: int = 0
    cursor: ArchiveCursor | None = None
    elapsed: float = 0.0
    load: LoadSummary = field(default_factory=LoadSummary)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    def describe(self) -> str:
        """One line for people."""
        return (
            f"reparsed {self.pages} archived page{'' if self.pages == 1 else 's'} with "
            f"extractor version {self.extractor_version} in {self.elapsed:.1f} s "
            f"({self.pages_per_second:.1f} pages/s): {self.load}"
        )


def reparse_archive(
    db_url: str,
    *,
    all_pages: bool = False,
    batch_size: int = DEFAULT_REPARSE_BATCH,
    processes: int = 1,
    limit: int = 0,
    after: ArchiveCursor | None = None,
    on_batch: Callable[[ReparseSummary], None] | None = None,
) -> ReparseSummary:
    """Extract archived pages again and load them, in batches, with no network.

    By default only each URL's current body that was never extracted or was
    extracted by an older ``EXTRACTOR_VERSION``; ``all_pages`` takes every URL's
    current body. Pages go newest fetch first, so an occupation's latest page is
    loaded before older ones. ``limit`` (0: none) caps the pages of this call, and
    ``after`` starts after an archive position: a caller working in slices calls
    again with ``after=summary.cursor`` until ``pages`` is 0. ``processes`` extract while
    this process loads (0: extract here). ``on_batch`` sees the running summary.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}")
    version = extractors.EXTRACTOR_VERSION
    started = time.perf_counter()
    summary = ReparseSummary(extractor_version=version, cursor=after)
    with Store.open(db_url, batch_size=batch_size) as store, PageExtractor(processes) as extractor:
        archive = Archive(store.engine)
        batches = archive.current(
            older_than=None if all_pages else version, batch_size=batch_size, after=after
        )
        try:
            for pages, extracted in _extracted(_limited(batches, limit), extractor, processes):
                items = [
                    LoadItem(result.record, page.fetched_at, page.content_hash, version)
                    for page, result in zip(pages, extracted, strict=True)
                    if result.record is not None
                ]
                load = LoadSummary()
                for layer in newest_first_layers(items):
                    load = load + counts_of(store.load(layer))
                archive.mark_extracted(
                    [(page.url, page.content_hash) for page in pages],
                    version=version,
                    at=datetime.now(UTC),
                )
                summary = ReparseSummary(
                    pages=summary.pages + len(pages),
                    batches=summary.batches + 1,
                    extractor_version=version,
                    cursor=pages[-1].cursor,
                    elapsed=time.perf_counter() - started,
                    load=summary.load + load,
                )
                if on_batch is not None:
                    on_batch(summary)
        except SQLAlchemyError as exc:
            raise LoadError(
                f"reparsing failed: {migrate.first_line(exc)}",
                transient=isinstance(exc, OperationalError),
            ) from None
    return ReparseSummary(
        pages=summary.pages,
        batches=summary.batches,
        extractor_version=version,
        cursor=summary.cursor,
        elapsed=time.perf_counter() - started,
        load=summary.load,
    )


def newest_first_layers(items: Sequence[LoadItem]) -> list[list[LoadItem]]:
    """Split ``items`` (newest fetch first) into loads that each show an occupation once.

    The store orders the pages of one load by fetch time, oldest first, and reads a
    page older than what it holds as a late page whose disagreement is history. In a
    reparse the stored values came from the old extractor, so an old page read by the
    new one would record a change back and forth. Loaded in these layers, each
    occupation's newest page comes first, and older ones only confirm it.
    """
    layers: list[list[LoadItem]] = []
    last_layer_of: dict[str, int] = {}
    for item in items:
        slugs = {occupation.slug for occupation in item.record.occupations}
        layer = 1 + max((last_layer_of.get(slug, -1) for slug in slugs), default=-1)
        if layer == len(layers):
            layers.append([])
        layers[layer].append(item)
        for slug in slugs:
            last_layer_of[slug] = layer
    return layers


def _limited(batches: Iterator[list[ArchivedPage]], limit: int) -> Iterator[list[ArchivedPage]]:
    """The batches, cut after ``limit`` pages in all (0: no limit)."""
    left = limit
    for batch in batches:
        if limit and len(batch) >= left:
            yield batch[:left]
            return
        left -= len(batch)
        yield batch


def _extracted(
    batches: Iterator[list[ArchivedPage]], extractor: PageExtractor, processes: int
) -> Iterator[tuple[list[ArchivedPage], list[ExtractedPage]]]:
    """Each batch with its extraction results, keeping the workers one batch ahead."""
    ahead = max(1, processes)
    pending: deque[tuple[list[ArchivedPage], Future[list[ExtractedPage]]]] = deque()
    for batch in batches:
        jobs = [ExtractJob(p.url, p.body_zlib, p.charset, compressed=True) for p in batch]
        pending.append((batch, extractor.submit(jobs)))
        if len(pending) > ahead:
            yield _ready(pending.popleft(), extractor)
    while pending:
        yield _ready(pending.popleft(), extractor)


def _ready(
    entry: tuple[list[ArchivedPage], Future[list[ExtractedPage]]], extractor: PageExtractor
) -> tuple[list[ArchivedPage], list[ExtractedPage]]:
    batch, future = entry
    return batch, extractor.wait(
        future, [ExtractJob(p.url, p.body_zlib, p.charset, compressed=True) for p in batch]
    )


__all__ = ["ReparseSummary", "reparse_archive", "run_crawl"]
