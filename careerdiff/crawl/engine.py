"""The crawl engine: seeds and sitemaps in, comparison pages out to a sink, in batches.

``crawl`` queues the seeds and the URLs of the sitemaps (given ones and those that
the seeds' robots.txt lists), then keeps many requests in flight: a pool of workers
fetches leased URLs (each host's gate bounds how many reach that host at once),
follows links to comparison and listing pages up to ``max_depth``, and buffers
comparison pages until the sink takes a batch in its own thread. Frontier updates
are buffered too and written in batches. The crawl stops when the frontier has
nothing due and nothing is in flight, or after ``max_pages`` fetches.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from careerdiff.crawl.fetcher import Fetcher
from careerdiff.crawl.frontier import Done, Failure, Frontier, Lease, NewUrl, Retry, Validators
from careerdiff.crawl.links import FOLLOWED_KINDS, LinkFinder
from careerdiff.crawl.progress import CrawlProgress
from careerdiff.crawl.result import INTERNAL, FetchResult
from careerdiff.crawl.retry import Sleep
from careerdiff.crawl.sink import PageOutcome, PageSink
from careerdiff.crawl.sitemaps import harvest_sitemaps
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary
from careerdiff.crawl.urls import UrlKind, UrlRules, hosts_of, normalize_url, origin_of
from careerdiff.errors import ConfigError, LoadError
from careerdiff.settings import Settings

log = logging.getLogger(__name__)

#: The most workers one crawl runs, however many hosts it is allowed.
MAX_WORKERS = 256
#: How often a crawl process with nothing to do looks again while its siblings still work:
#: first after ``SIBLING_POLL_FIRST`` seconds, then twice as long each time, up to
#: ``SIBLING_POLL_SECONDS``. A sibling about to finish is seen within milliseconds (at a
#: fixed 0.1 s, a recrawl's first process to run dry ended ~0.1 s after the other, in most
#: runs: a tenth of a 1,000-page recrawl); a long wait still costs a look every 0.1 s.
SIBLING_POLL_FIRST = 0.005
SIBLING_POLL_SECONDS = 0.1
#: Comparison pages waiting for the sink, in batches, before leasing pauses: one batch
#: being stored and one filling keep both sides busy and memory bounded (at 2, a crawl
#: process held up to three batches of bodies, ~15 MB more per process on long crawls).
SINK_BUFFER_BATCHES = 1
#: Leased URLs a process queues, in fetch workers' worth: leasing again when the queue
#: falls under one worker's worth writes what was settled and leases in one frontier
#: transaction for about ``LEASE_AHEAD - 1`` URLs a worker (at 2, a recrawl of 304s
#: spent ~20% of a crawl process's CPU in those transactions).
LEASE_AHEAD = 4
#: New URLs written to the frontier per call: a sitemap of 20,000 pages written in one
#: call held a row dict and more per URL at once (the parent's peak before it forks).
#: Sitemap files are queued one at a time, in chunks of this size.
ADD_CHUNK = 1000


def rules_for(settings: Settings) -> UrlRules:
    """The crawl's URL rules: ``allow_hosts``, or else the hosts of the seeds and sitemaps."""
    hosts = settings.allow_hosts or hosts_of([*settings.seeds, *settings.sitemaps])
    if not hosts:
        raise ConfigError("nothing to crawl: set seeds, sitemaps or allow_hosts")
    try:
        return UrlRules(hosts, settings.comparison_pattern, settings.listing_pattern)
    except (ValueError, re.error) as exc:
        raise ConfigError(str(exc)) from None


async def crawl(
    settings: Settings,
    frontier: Frontier,
    sink: PageSink,
    *,
    client: httpx.AsyncClient | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: CrawlProgress | None = None,
    sleep: Sleep = asyncio.sleep,
    spread: int = 1,
    siblings_working: Callable[[], bool] | None = None,
) -> CrawlSummary:
    """Crawl from ``settings.seeds`` and ``settings.sitemaps`` into ``frontier`` and ``sink``.

    ``client`` (kept open) or ``transport`` replace the network, ``sleep`` the waits
    between retries. Raises ``ConfigError`` for bad seeds or settings and the sink's
    own errors; HTTP and network faults are counted in the summary, never raised.

    One of several crawl processes on one frontier passes ``spread`` (how many share
    each host's rate) and ``siblings_working``: while it says other processes still
    hold leases (their pages may link to more), a process with nothing due waits
    instead of ending.
    """
    rules = rules_for(settings)
    seeds = _normalized(settings.seeds, "seed")
    sitemaps = _normalized(settings.sitemaps, "sitemap")
    async with Fetcher(
        settings, rules, client=client, transport=transport, sleep=sleep, spread=spread
    ) as fetcher:
        run = _CrawlRun(settings, rules, fetcher, frontier, sink, progress, siblings_working)
        return await run.execute(seeds, sitemaps)


async def discover(
    settings: Settings,
    frontier: Frontier,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> CrawlSummary:
    """Queue the seeds and the pages of the sitemaps (given ones and those robots.txt
    lists) in ``frontier``, fetching nothing else: what a crawl does before its fetch
    loop, done once before several crawl processes share the frontier."""
    rules = rules_for(settings)
    seeds = _normalized(settings.seeds, "seed")
    sitemaps = _normalized(settings.sitemaps, "sitemap")
    async with Fetcher(settings, rules, transport=transport) as fetcher:
        run = _CrawlRun(settings, rules, fetcher, frontier, _NoSink(), None)
        run._add(NewUrl(url) for url in seeds)
        await run._read_sitemaps(seeds, sitemaps)
        run._flush()
        return run._summary()


class _NoSink:
    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        raise LoadError("discovery stores no pages")


def _normalized(urls: Iterable[str], what: str) -> list[str]:
    normal = []
    for url in urls:
        try:
            normal.append(normalize_url(url))
        except ValueError:
            raise ConfigError(f"{what} is not an http(s) URL: {url!r}") from None
    return list(dict.fromkeys(normal))


@dataclass
class _Pending:
    """Frontier updates not written yet; written together by ``_CrawlRun._flush``."""

    adds: list[NewUrl] = field(default_factory=list)
    done: list[Done] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    retries: list[Retry] = field(default_factory=list)


@dataclass
class _Tally:
    fetched: int = 0
    not_modified: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    discovered: int = 0
    sitemap_files: int = 0
    sitemap_failures: Counter[str] = field(default_factory=Counter)


class _CrawlRun:
    """One crawl's moving parts: the feeder (this object's ``_feed``), workers and sink loop."""

    def __init__(
        self,
        settings: Settings,
        rules: UrlRules,
        fetcher: Fetcher,
        frontier: Frontier,
        sink: PageSink,
        progress: CrawlProgress | None,
        siblings_working: Callable[[], bool] | None = None,
    ) -> None:
        self.settings = settings
        self.siblings_working = siblings_working
        self.rules = rules
        self.links = LinkFinder(rules)
        self.fetcher = fetcher
        self.frontier = frontier
        self.sink = sink
        self.progress = progress
        self.tally = _Tally()
        self.pending = _Pending()
        self.workers = min(MAX_WORKERS, settings.concurrency * len(rules.allowed_hosts))
        self.queue: asyncio.Queue[Lease | None] = asyncio.Queue()
        self.busy = 0
        self.wake = asyncio.Event()  # a worker finished, or the sink freed room
        self.pages: list[tuple[Done, FetchResult]] = []  # comparison pages for the sink
        self.pages_ready = asyncio.Event()
        self.fetching_done = False
        self.frontier_thread: ThreadPoolExecutor | None = None
        self.drain = False  # the sink takes a partial batch: this process waits on its siblings
        self.budget = settings.max_pages or -1  # leases left; -1: no limit
        self.retry_delay = timedelta(seconds=settings.retry_later_after)
        self.started = time.perf_counter()
        self.due_by = datetime.now(UTC)

    async def execute(self, seeds: list[str], sitemaps: list[str]) -> CrawlSummary:
        if self.progress is not None:
            self.progress.start()
        tasks: list[asyncio.Task[None]] = []
        try:
            self._add(NewUrl(url) for url in seeds)
            await self._read_sitemaps(seeds, sitemaps)
            self.frontier_thread = ThreadPoolExecutor(1, thread_name_prefix="careerdiff-frontier")
            tasks = [asyncio.create_task(self._work()) for _ in range(self.workers)]
            sink_task = asyncio.create_task(self._feed_sink())
            tasks.append(sink_task)
            if self.progress is not None:
                tasks.append(asyncio.create_task(self._report(self.progress)))
            await self._feed(sink_task)
            for _ in range(self.workers):
                self.queue.put_nowait(None)
            await asyncio.gather(*tasks[: self.workers])
            self.fetching_done = True
            self.pages_ready.set()
            await sink_task
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self.frontier_thread is not None:
                self.frontier_thread.shutdown(wait=True)  # its writes first, then the rest
            self._flush()
            summary = self._summary()
            if self.progress is not None:
                self.progress.finish(summary)
        return summary

    async def _read_sitemaps(self, seeds: list[str], sitemaps: list[str]) -> None:
        starts = list(sitemaps)
        for origin in dict.fromkeys(origin_of(url) for url in [*seeds, *sitemaps]):
            starts.extend((await self.fetcher.robots(origin)).sitemaps)
        if not starts:
            return
        harvest = await harvest_sitemaps(
            starts, self.fetcher.fetch_document, on_pages=self._queue_sitemap_pages
        )
        self.tally.sitemap_files += harvest.files_read
        self.tally.sitemap_failures.update(reason for _, reason, _ in harvest.failures)
        for url, reason, message in harvest.failures:
            log.warning("sitemap %s failed: %s (%s)", url, message, reason)

    def _queue_sitemap_pages(self, sitemap_url: str, locs: Sequence[str]) -> None:
        """Write one sitemap file's comparison and listing pages to the frontier,
        ``ADD_CHUNK`` at a time: a site's sitemaps are never all held in memory."""
        for start in range(0, len(locs), ADD_CHUNK):
            found = []
            for loc in locs[start : start + ADD_CHUNK]:
                try:
                    url = normalize_url(loc)
                except ValueError:
                    continue
                if self.rules.classify(url) in FOLLOWED_KINDS:
                    found.append(NewUrl(url, 0, sitemap_url))
            self._add(found)
            self._flush()

    def _add(self, urls: Iterable[NewUrl]) -> None:
        self.pending.adds.extend(urls)

    async def _feed(self, sink_task: asyncio.Task[None]) -> None:
        """Lease due URLs into the queue until nothing is due and nothing is in flight.

        The frontier is written and leased from in a thread of its own (``_lease``): a
        database write may wait for a lock another crawl process holds, and the event
        loop goes on fetching meanwhile.
        """
        low_water, high_water = self.workers, LEASE_AHEAD * self.workers
        buffer_cap = SINK_BUFFER_BATCHES * self.settings.batch_size
        idle_wait = SIBLING_POLL_FIRST  # the next wait for siblings (see SIBLING_POLL_FIRST)
        while True:
            self.wake.clear()  # cleared first: a wake-up during a lease below is not lost
            if sink_task.done():
                sink_task.result()  # the sink failed: raise its error
                raise LoadError("the page sink stopped before the crawl ended")
            may_lease = self.budget != 0 and len(self.pages) < buffer_cap
            if may_lease and self.queue.qsize() < low_water:
                await self._lease(high_water - self.queue.qsize())
            if self.queue.empty() and self.busy == 0:
                if may_lease and not await self._lease(high_water):
                    if not (self.queue.empty() and self.busy == 0):
                        continue  # work came in meanwhile
                    if self.siblings_working is None or not self.siblings_working():
                        return  # nothing due, nothing in flight
                    if self.pages:  # store what waits for a full batch: siblings wait on it
                        self.drain = True
                        self.pages_ready.set()
                    await asyncio.sleep(idle_wait)  # their pages may link to more
                    idle_wait = min(SIBLING_POLL_SECONDS, 2 * idle_wait)
                    continue
                if not may_lease and len(self.pages) < buffer_cap:
                    return  # the page budget is spent and everything fetched is handled
            idle_wait = SIBLING_POLL_FIRST  # busy again: the next wait for siblings is short
            await self.wake.wait()

    async def _lease(self, room: int) -> int:
        """Write the buffered frontier updates, then lease up to ``room`` URLs, in the
        frontier's thread; the number leased."""
        limit = room if self.budget < 0 else min(room, self.budget)
        pending, self.pending = self.pending, _Pending()
        loop = asyncio.get_running_loop()
        discovered, leases = await loop.run_in_executor(
            self.frontier_thread, self._write_and_lease, pending, limit
        )
        self.tally.discovered += discovered
        for lease in leases:
            self.queue.put_nowait(lease)
        if self.budget > 0:
            self.budget -= len(leases)
        return len(leases)

    def _write_and_lease(self, pending: _Pending, limit: int) -> tuple[int, list[Lease]]:
        discovered = self._write(pending)
        if limit <= 0:
            return discovered, []
        return discovered, self.frontier.lease(limit, due_by=self.due_by)

    async def _work(self) -> None:
        while True:
            lease = await self.queue.get()
            if lease is None:
                return
            self.busy += 1
            try:
                await self._visit(lease)
            except Exception as exc:  # a bug here must not stall the crawl: record it
                log.exception("crawling %s failed unexpectedly", lease.url)
                self._settle_failure(lease, INTERNAL, f"{type(exc).__name__}: {exc}", False)
            finally:
                self.busy -= 1
                if self.busy == 0 or self.queue.qsize() < self.workers:
                    self.wake.set()

    async def _visit(self, lease: Lease) -> None:
        known = lease.validators
        fetched = await self.fetcher.fetch(
            lease.url, etag=known.etag, last_modified=known.last_modified
        )
        if fetched.error is not None:
            message = fetched.message or fetched.error
            self._settle_failure(lease, fetched.error, message, fetched.transient)
            return
        if fetched.not_modified:
            self.tally.not_modified += 1
            self.pending.not_modified.append(lease.url)
            return
        self.tally.fetched += 1
        kind = self._kind_of(lease.url, fetched.final_url)
        if lease.depth < self.settings.max_depth:
            self._follow_links(lease, fetched)
        done = Done(
            lease.url,
            fetched.fetched_at,
            Validators(fetched.etag, fetched.last_modified, fetched.content_hash),
        )
        if kind is not UrlKind.COMPARISON:
            self.pending.done.append(done)
        elif known.content_hash is not None and known.content_hash == fetched.content_hash:
            self.tally.outcomes[PageOutcome.UNCHANGED] += 1
            self.pending.done.append(done)
        else:
            self.pages.append((done, fetched))
            if len(self.pages) >= self.settings.batch_size:
                self.pages_ready.set()

    def _kind_of(self, url: str, final_url: str) -> UrlKind:
        if final_url != url:
            with contextlib.suppress(ValueError):
                url = normalize_url(final_url)
        return self.rules.classify(url)

    def _follow_links(self, lease: Lease, fetched: FetchResult) -> None:
        html: str | bytes = fetched.body if fetched.charset == "utf-8" else (fetched.text or "")
        depth = lease.depth + 1
        self._add(
            NewUrl(url, depth, lease.url) for url, _ in self.links.follow(html, fetched.final_url)
        )

    def _settle_failure(self, lease: Lease, reason: str, message: str, transient: bool) -> None:
        self.tally.failed[reason] += 1
        now = datetime.now(UTC)
        if transient:
            retry_at = now + self.retry_delay
            self.pending.retries.append(Retry(lease.url, reason, message, retry_at))
        else:
            self.pending.failures.append(Failure(lease.url, reason, message, now))

    async def _feed_sink(self) -> None:
        """Hand the sink full batches (and the rest at the end), one at a time, in its thread.

        However it ends, the feeder is woken: a sink that failed while the feeder waited
        (leasing paused on a full buffer, no fetch in flight) would leave it waiting forever.
        """
        try:
            await self._sink_batches()
        finally:
            self.wake.set()

    async def _sink_batches(self) -> None:
        size = self.settings.batch_size
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="careerdiff-sink") as thread:
            loop = asyncio.get_running_loop()
            while True:
                while len(self.pages) < size and not (self.fetching_done or self.drain):
                    self.pages_ready.clear()
                    await self.pages_ready.wait()
                self.drain = False
                if not self.pages:
                    if self.fetching_done:
                        return
                    continue
                batch, self.pages = self.pages[:size], self.pages[size:]
                self.wake.set()  # room in the buffer: the feeder may lease again
                results = [page for _, page in batch]
                outcomes = await loop.run_in_executor(thread, self.sink.accept, results)
                if len(outcomes) != len(batch):
                    raise LoadError(
                        f"the sink gave {len(outcomes)} outcomes for {len(batch)} pages"
                    )
                for (done, _), outcome in zip(batch, outcomes, strict=True):
                    self.tally.outcomes[PageOutcome(outcome)] += 1
                    self.pending.done.append(done)
                self.wake.set()

    def _flush(self) -> None:
        """Write the buffered frontier updates: new URLs first, then what was settled."""
        pending, self.pending = self.pending, _Pending()
        self.tally.discovered += self._write(pending)

    def _write(self, pending: _Pending) -> int:
        """Write ``pending``: new URLs first, then what was settled; how many were new."""
        discovered = 0
        for start in range(0, len(pending.adds), ADD_CHUNK):
            discovered += self.frontier.add(pending.adds[start : start + ADD_CHUNK])
        if pending.done:
            self.frontier.mark_done(pending.done)
        if pending.not_modified:
            self.frontier.mark_not_modified(pending.not_modified, at=datetime.now(UTC))
        if pending.failures:
            self.frontier.mark_failed(pending.failures)
        if pending.retries:
            self.frontier.retry_later(pending.retries)
        return discovered

    async def _report(self, progress: CrawlProgress) -> None:
        while True:
            await asyncio.sleep(progress.interval)
            progress.update(self._status())

    def _status(self) -> CrawlStatus:
        return CrawlStatus(
            fetched=self.tally.fetched,
            not_modified=self.tally.not_modified,
            failed=sum(self.tally.failed.values()),
            queued=self.frontier.counts().queued,
            elapsed=time.perf_counter() - self.started,
        )

    def _summary(self) -> CrawlSummary:
        tally = self.tally
        return CrawlSummary(
            fetched=tally.fetched,
            not_modified=tally.not_modified,
            new=tally.outcomes[PageOutcome.NEW],
            changed=tally.outcomes[PageOutcome.CHANGED],
            unchanged=tally.outcomes[PageOutcome.UNCHANGED],
            failed=dict(tally.failed),
            queued_left=self.frontier.counts().queued,
            discovered=tally.discovered,
            sitemap_files=tally.sitemap_files,
            sitemap_failures=dict(tally.sitemap_failures),
            elapsed=time.perf_counter() - self.started,
        )
