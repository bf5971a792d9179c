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

A re-check whose pages all answer 304 stores nothing: it imports neither the
extractors nor the store's loader, and starts no extraction process. The sink is
made when the first page to store arrives (:class:`_LazySink`).
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
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from careerdiff.crawl.engine import crawl, discover, rules_for
from careerdiff.crawl.parallel import merged, process_count, run_processes, shares
from careerdiff.crawl.progress import CrawlProgress
from careerdiff.crawl.result import FetchResult
from careerdiff.crawl.sink import PageOutcome
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawl.urls import UrlRules, normalize_url
from careerdiff.errors import ConfigError, LoadError
from careerdiff.settings import Settings
from models import dialect, migrate
from models.frontier import DbFrontier, RoundStart, worker_name

if TYPE_CHECKING:  # imported where used: a re-check answered 304 needs none of them
    import httpx

    from careerdiff.crawl.store_sink import StoreSink
    from careerdiff.extraction import ExtractedPage, PageExtractor
    from models import LoadItem, LoadSummary
    from models.archive import ArchiveCursor, ArchivedPage

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
    engine = _open_database(settings.db_url)
    try:
        if engine.url.get_backend_name() == "sqlite" and _in_memory(engine):
            raise ConfigError("a crawl needs a database file or server, not an in-memory one")
        frontier_engine = _frontier_engine(settings)
        frontier = _frontier(frontier_engine, settings, rules)
        try:
            start = frontier.begin(new_round=recheck)
            if on_begin is not None:
                on_begin(start)
            rechecking = start.requeued > 0  # most pages will answer 304: store nothing
            if processes > 1:
                engine.dispose()  # the processes open their own connections
                if not rechecking:
                    _import_sink()  # once, shared by the forked processes
                return _crawl_in_processes(settings, frontier, processes, progress)
            sink = _LazySink(engine, settings.batch_size, settings.extract_processes)
            if not rechecking:
                sink.open()
            return _crawl_into(sink, settings, frontier, transport=transport, progress=progress)
        except SQLAlchemyError as exc:
            raise _load_error(exc) from None
        finally:
            frontier_engine.dispose()
    finally:
        engine.dispose()


def _open_database(db_url: str) -> Engine:
    """An engine on ``db_url``, whose schema is at head.

    A database already at head is only looked at; any other (new, old, unreachable)
    goes through ``Store.open``, which creates it at head or says why it cannot.
    """
    engine = dialect.create_engine(db_url)
    try:
        with engine.connect() as connection:
            if migrate.current_revision(connection) == migrate.head_revision():
                return engine
    except SQLAlchemyError:
        pass
    engine.dispose()
    from models import Store

    return Store.open(db_url).engine


def _import_sink() -> None:
    """Import what storing pages needs (the store's loader, the extractors)."""
    import careerdiff.crawl.store_sink  # noqa: F401
    import models.store  # noqa: F401


class _LazySink:
    """A :class:`~careerdiff.crawl.store_sink.StoreSink` into the database behind
    ``engine``, made (with its ``processes`` extraction processes) when the first batch
    comes, or at ``open``."""

    def __init__(self, engine: Engine, batch_size: int, processes: int) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.processes = processes
        self.sink: StoreSink | None = None

    def open(self) -> StoreSink:
        if self.sink is None:
            from careerdiff.crawl.store_sink import StoreSink
            from models import Store

            store = Store(self.engine, batch_size=self.batch_size)
            self.sink = StoreSink(store, processes=self.processes)
        return self.sink

    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        return self.open().accept(pages)

    def close(self) -> None:
        if self.sink is not None:
            self.sink.close()


def _crawl_into(
    sink: _LazySink, settings: Settings, frontier: DbFrontier, **options: Any
) -> CrawlSummary:
    """Crawl into ``sink``; the frontier's leases this process still holds at the end
    (an interrupted crawl) are queued again."""
    try:
        return asyncio.run(crawl(settings, frontier, sink, **options))
    finally:
        try:
            frontier.release()
        finally:
            sink.close()


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
    """Crawl in ``processes`` processes; queue the seeds and sitemaps here meanwhile (the
    processes fetch what is due already, e.g. a re-check's pages, and wait for more)."""
    started = time.perf_counter()
    if progress is not None:
        progress.start()
    summary = CrawlSummary()
    found: list[CrawlSummary] = []

    def queue_seeds_and_sitemaps() -> None:
        found.append(asyncio.run(discover(settings, frontier)))
        normalize_url.cache_clear()  # the sitemaps' URLs: nothing needs them again

    try:
        frontier.engine.dispose()  # no pooled connection crosses the fork
        fixed = settings.replace(allow_hosts=rules_for(settings).allowed_hosts)
        interval = progress.interval if progress is not None else 10.0
        group = uuid.uuid4().hex[:8]
        summaries = run_processes(
            _crawl_process,
            shares(fixed, processes),
            group,
            progress,
            interval,
            meanwhile=queue_seeds_and_sitemaps,
        )
        summary = merged(summaries, found[0], time.perf_counter() - started)
        summary = dataclasses.replace(summary, queued_left=frontier.counts().queued)
        return summary
    finally:
        if progress is not None:
            progress.finish(dataclasses.replace(summary, elapsed=time.perf_counter() - started))


def _crawl_process(
    settings: Settings,
    group: str,
    spread: int,
    progress: CrawlProgress,
    parent_queueing: Callable[[], bool],
) -> CrawlSummary:
    """One of several crawl processes: its own connections, extraction in this process."""
    rules = rules_for(settings)
    engine = dialect.create_engine(settings.db_url)
    frontier_engine = _frontier_engine(settings)
    frontier = _frontier(frontier_engine, settings, rules, owner=worker_name(group))
    try:
        return _crawl_into(
            _LazySink(engine, settings.batch_size, 0),
            settings,
            frontier,
            progress=progress,
            spread=spread,
            siblings_working=lambda: parent_queueing() or frontier.siblings_working(group),
        )
    except SQLAlchemyError as exc:
        raise _load_error(exc) from None
    finally:
        frontier_engine.dispose()
        engine.dispose()


def _in_memory(engine: Engine) -> bool:
    return engine.url.database in (None, "", ":memory:")


def _load_summary() -> LoadSummary:
    from models import LoadSummary

    return LoadSummary()


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
    load: LoadSummary = field(default_factory=_load_summary)

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
    import extractors
    from careerdiff.crawl.store_sink import counts_of
    from careerdiff.extraction import PageExtractor
    from models import LoadItem, LoadSummary, Store
    from models.archive import Archive

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
    from careerdiff.extraction import ExtractJob

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
    from careerdiff.extraction import ExtractJob

    batch, future = entry
    return batch, extractor.wait(
        future, [ExtractJob(p.url, p.body_zlib, p.charset, compressed=True) for p in batch]
    )


__all__ = ["ReparseSummary", "reparse_archive", "run_crawl"]
