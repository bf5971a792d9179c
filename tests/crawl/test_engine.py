"""The crawl engine over a small site served by the fault server."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest

from careerdiff.crawl import engine
from careerdiff.crawl.engine import crawl, discover, rules_for
from careerdiff.crawl.frontier import MemoryFrontier, NewUrl
from careerdiff.crawl.result import FetchResult
from careerdiff.crawl.sink import MemorySink, PageOutcome
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary
from careerdiff.crawl.urls import normalize_url
from careerdiff.errors import ConfigError, LoadError
from careerdiff.fixture_site import FixtureSiteServer
from careerdiff.settings import Settings

from .conftest import RecordingSleep, crawl_settings, run
from .faultserver import FaultServer

ROBOTS = "User-agent: *\nDisallow: /private-jobs/\nSitemap: {base}/sitemap.xml\n"

# comparison pages: path -> links on the page
COMPARISONS = {
    "/nurse-jobs/nurse-vs-doctor-differences": ("/doctor-jobs/doctor-vs-pilot-differences",),
    "/nurse-jobs/nurse-vs-pilot-differences": (),  # reachable only from the listing page
    "/doctor-jobs/doctor-vs-nurse-differences": ("/nurse-jobs",),  # in the gzip sitemap
    "/doctor-jobs/doctor-vs-pilot-differences": ("/pilot-jobs/pilot-vs-cook-differences",),
    "/pilot-jobs/pilot-vs-cook-differences": (),  # depth 2 from the sitemap
}
LISTINGS = {
    "/nurse-jobs": (
        "/nurse-jobs/nurse-vs-doctor-differences/",
        "/nurse-jobs/nurse-vs-pilot-differences?utm_source=listing",
        "/nurse-jobs/nurse-vs-ghost-differences",  # 404
        "/private-jobs/private-vs-secret-differences",  # disallowed by robots.txt
        "/about-us",  # neither pattern: not followed
        "https://elsewhere.example/x-jobs",  # offsite: not followed
    ),
}
DISALLOWED = "/private-jobs/private-vs-secret-differences"


def build_site(server: FaultServer, *, etags: bool = False) -> None:
    """The little site: robots.txt, a sitemap index (plain + gzip child), a listing, pages."""
    server.robots = ROBOTS
    base = server.base_url
    server.add_html("/", "home", ("/nurse-jobs",))
    for path, links in {**COMPARISONS, **LISTINGS}.items():
        server.add_html(path, path, links, etag=f'"{path}"' if etags else None)
    server.add_html(DISALLOWED, "secret")
    server.add(
        "/sitemap.xml",
        "<sitemapindex><sitemap><loc>{base}/sitemap-1.xml</loc></sitemap>"
        "<sitemap><loc>{base}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    server.add(
        "/sitemap-1.xml",
        "<urlset><url><loc>{base}/nurse-jobs/nurse-vs-doctor-differences</loc></url>"
        "<url><loc>{base}/about-us</loc></url></urlset>",
        content_type="application/xml",
    )
    child = (
        f"<urlset><url><loc>{base}/doctor-jobs/doctor-vs-nurse-differences/</loc></url></urlset>"
    )
    server.add("/sitemap-2.xml.gz", gzip.compress(child.encode()), content_type="application/gzip")


def comparison_urls(server: FaultServer) -> set[str]:
    return {server.url(path) for path in COMPARISONS}


@dataclass
class RecordingProgress:
    interval: float = 0.01
    events: list[str] = field(default_factory=list)
    statuses: list[CrawlStatus] = field(default_factory=list)
    summary: CrawlSummary | None = None

    def start(self) -> None:
        self.events.append("start")

    def update(self, status: CrawlStatus) -> None:
        self.statuses.append(status)

    def finish(self, summary: CrawlSummary) -> None:
        self.events.append("finish")
        self.summary = summary


def do_crawl(
    server: FaultServer,
    frontier: MemoryFrontier | None = None,
    sink: Any = None,
    **overrides: Any,
) -> tuple[CrawlSummary, MemoryFrontier, Any]:
    frontier = frontier if frontier is not None else MemoryFrontier()
    sink = sink if sink is not None else MemorySink()
    settings = crawl_settings(seeds=(server.url("/"),), **overrides)
    summary = run(crawl(settings, frontier, sink, sleep=RecordingSleep()))
    return summary, frontier, sink


def test_crawl_finds_pages_through_seeds_sitemaps_and_links(fault_server: FaultServer) -> None:
    build_site(fault_server)
    summary, frontier, sink = do_crawl(fault_server)
    assert set(sink.pages) == comparison_urls(fault_server)
    assert summary.new == len(COMPARISONS) and summary.changed == summary.unchanged == 0
    # home + listing + comparisons, each fetched once
    assert summary.fetched == 1 + len(LISTINGS) + len(COMPARISONS)
    assert summary.failed == {"http-404": 1, "robots-disallowed": 1}
    assert summary.queued_left == 0
    assert summary.sitemap_files == 3 and summary.sitemap_failures == {}
    assert DISALLOWED not in fault_server.paths()
    assert "/about-us" not in fault_server.paths()
    assert all(fault_server.count(path) == 1 for path in COMPARISONS)
    assert frontier.state_of(fault_server.url("/nurse-jobs/nurse-vs-ghost-differences")) == "failed"
    assert frontier.counts().queued == 0 and frontier.counts().leased == 0


def test_sink_gets_text_and_hash_of_comparison_pages_only(fault_server: FaultServer) -> None:
    build_site(fault_server)
    _, frontier, sink = do_crawl(fault_server)
    page = sink.pages[fault_server.url("/nurse-jobs/nurse-vs-pilot-differences")]
    assert isinstance(page, FetchResult) and page.ok
    assert "nurse-vs-pilot" in (page.text or "")
    url = fault_server.url("/nurse-jobs/nurse-vs-pilot-differences")
    validators = frontier.validators(url)
    assert validators is not None and validators.content_hash == page.content_hash
    assert fault_server.url("/nurse-jobs") not in sink.pages


def test_found_on_and_depth_are_recorded(fault_server: FaultServer) -> None:
    build_site(fault_server)
    _, frontier, _ = do_crawl(fault_server)
    only_listed = frontier.entries[fault_server.url("/nurse-jobs/nurse-vs-pilot-differences")]
    assert only_listed.found_on == fault_server.url("/nurse-jobs")
    assert only_listed.depth == 2  # home -> listing -> page
    from_sitemap = frontier.entries[fault_server.url("/doctor-jobs/doctor-vs-nurse-differences")]
    assert from_sitemap.depth == 0 and from_sitemap.found_on == fault_server.url(
        "/sitemap-2.xml.gz"
    )


def test_max_depth_stops_link_following(fault_server: FaultServer) -> None:
    build_site(fault_server)
    summary, _, sink = do_crawl(fault_server, max_depth=0)
    # only the seed and the sitemap's pages: no links followed at all
    assert set(sink.pages) == {
        fault_server.url("/nurse-jobs/nurse-vs-doctor-differences"),
        fault_server.url("/doctor-jobs/doctor-vs-nurse-differences"),
    }
    assert "/nurse-jobs" not in fault_server.paths()
    assert summary.fetched == 3 and summary.failed_total == 0


def test_max_pages_stops_the_crawl(fault_server: FaultServer) -> None:
    build_site(fault_server)
    summary, frontier, _ = do_crawl(fault_server, max_pages=3)
    answered = summary.fetched + summary.not_modified + summary.failed_total
    assert answered == 3
    page_requests = [p for p in fault_server.paths() if not p.startswith(("/robots", "/sitemap"))]
    assert len(page_requests) == 3
    assert summary.queued_left == frontier.counts().queued > 0


def test_pages_reach_the_sink_in_batches(fault_server: FaultServer) -> None:
    build_site(fault_server)
    _, _, sink = do_crawl(fault_server, batch_size=2)
    sizes = [len(batch) for batch in sink.batches]
    assert sum(sizes) == len(COMPARISONS)
    assert max(sizes) <= 2 and len(sizes) >= 3


def test_second_crawl_sends_conditional_requests(fault_server: FaultServer) -> None:
    build_site(fault_server, etags=True)
    frontier = MemoryFrontier(revisit_after=timedelta(0))
    sink = MemorySink()
    do_crawl(fault_server, frontier, sink)
    batches_before = len(sink.batches)
    second, _, _ = do_crawl(fault_server, frontier, sink)
    assert second.not_modified == len(COMPARISONS) + len(LISTINGS)
    assert second.new == second.changed == 0
    assert len(sink.batches) == batches_before  # nothing to store
    request = fault_server.requests_to("/nurse-jobs/nurse-vs-pilot-differences")[-1]
    assert request.headers["if-none-match"] == '"/nurse-jobs/nurse-vs-pilot-differences"'


def test_same_content_hash_is_unchanged_without_the_sink(fault_server: FaultServer) -> None:
    build_site(fault_server)
    frontier = MemoryFrontier(revisit_after=timedelta(0))
    sink = MemorySink()
    do_crawl(fault_server, frontier, sink)
    batches_before = len(sink.batches)
    changed_path = "/nurse-jobs/nurse-vs-pilot-differences"
    fault_server.add_html(changed_path, "a new version of the page")
    second, _, _ = do_crawl(fault_server, frontier, sink)
    assert second.changed == 1 and second.unchanged == len(COMPARISONS) - 1
    assert second.new == 0 and second.not_modified == 0
    assert sink.batches[batches_before:] == [[fault_server.url(changed_path)]]


def test_transient_failures_are_left_for_a_later_crawl(fault_server: FaultServer) -> None:
    build_site(fault_server)
    flaky = "/nurse-jobs/nurse-vs-pilot-differences"
    fault_server.add(flaky, "busy", status=503, content_type="text/plain")
    summary, frontier, _ = do_crawl(fault_server, max_retries=1)
    assert summary.failed["http-503"] == 1
    assert fault_server.count(flaky) == 2
    assert frontier.state_of(fault_server.url(flaky)) == "queued"
    assert summary.queued_left == 1
    entry = frontier.entries[fault_server.url(flaky)]
    assert entry.last_reason == "http-503"


def test_robots_unavailable_fetches_nothing(make_fault_server: Callable[..., FaultServer]) -> None:
    server = make_fault_server(robots=500)
    build_site(server)
    server.robots = 500
    summary, frontier, sink = do_crawl(server, max_retries=1)
    assert summary.failed == {"robots-unavailable": 1}
    assert sink.pages == {}
    assert set(server.paths()) == {"/robots.txt"}
    assert frontier.state_of(server.url("/")) == "queued"  # for a later crawl


def test_many_requests_in_flight_bounded_per_host(fault_server: FaultServer) -> None:
    links = tuple(f"/slow-jobs/slow-vs-n{n}-differences" for n in range(12))
    fault_server.add_html("/", "home", links)
    for link in links:
        fault_server.add(link, "", status=302, headers={"Location": "/fault/slow?seconds=0.1"})
    summary, _, _ = do_crawl(fault_server, concurrency=3)
    assert fault_server.max_in_flight == 3
    assert summary.fetched == 1 + len(links)


def test_progress_is_reported(fault_server: FaultServer) -> None:
    build_site(fault_server)
    progress = RecordingProgress()
    settings = crawl_settings(seeds=(fault_server.url("/"),))
    summary = run(crawl(settings, MemoryFrontier(), MemorySink(), progress=progress))
    assert progress.events == ["start", "finish"]
    assert progress.summary == summary


class FailingSink:
    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        raise LoadError("database is locked", transient=True)


def test_sink_errors_stop_the_crawl_and_leave_pages_unsettled(fault_server: FaultServer) -> None:
    build_site(fault_server)
    frontier = MemoryFrontier()
    with pytest.raises(LoadError, match="database is locked"):
        do_crawl(fault_server, frontier, FailingSink(), batch_size=1)
    states = {frontier.state_of(url) for url in comparison_urls(fault_server)}
    assert "done" not in states


class MiscountingSink:
    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        return []


class SlowFailingSink:
    """Fails after the crawl has stopped leasing (one page buffered, nothing in flight)."""

    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        time.sleep(0.5)
        raise LoadError("database is locked", transient=True)


@pytest.mark.timeout(60)
def test_a_sink_that_fails_while_the_crawl_waits_stops_it(fault_server: FaultServer) -> None:
    build_site(fault_server)
    with pytest.raises(LoadError, match="database is locked"):
        do_crawl(fault_server, MemoryFrontier(), SlowFailingSink(), batch_size=1)


def test_a_sink_that_miscounts_is_an_error(fault_server: FaultServer) -> None:
    build_site(fault_server)
    with pytest.raises(LoadError, match="outcomes"):
        do_crawl(fault_server, sink=MiscountingSink())


def test_bad_settings_are_one_line_config_errors() -> None:
    with pytest.raises(ConfigError, match="nothing to crawl"):
        rules_for(Settings())
    with pytest.raises(ConfigError, match="seed is not an http"):
        run(
            crawl(
                Settings().replace(seeds=("ftp://x.test/",), allow_hosts=("x.test",)),
                MemoryFrontier(),
                MemorySink(),
            )
        )
    with pytest.raises(ConfigError, match="invalid allowed host"):
        rules_for(Settings().replace(allow_hosts=("http://",)))


def test_allowed_hosts_default_to_the_seeds_and_sitemaps() -> None:
    settings = Settings().replace(
        seeds=("https://www.zippia.com/nurse-jobs",), sitemaps=("https://cdn.zippia.com/s.xml",)
    )
    rules = rules_for(settings)
    assert rules.refusal("https://www.zippia.com/x") is None
    assert rules.refusal("https://cdn.zippia.com/x") is None
    assert rules.refusal("http://www.zippia.com/x") is None  # an https upgrade stays allowed
    assert rules.refusal("https://zippia.com/x") == "offsite"
    local = rules_for(Settings().replace(seeds=("http://127.0.0.1:8080/",)))
    assert local.refusal("http://127.0.0.1:8080/a") is None
    assert local.refusal("http://127.0.0.1:8081/a") == "offsite"


def test_crawl_of_the_bundled_fixture_site() -> None:
    with FixtureSiteServer() as server:
        site = server.urls()
        sink = MemorySink()
        frontier = MemoryFrontier()
        summary = run(crawl(crawl_settings(seeds=(site.home,)), frontier, sink))
        requested = set(server.request_log)
    assert site.listing_only, "the site should have pages reachable only through listings"
    assert set(sink.pages) == {normalize_url(url) for url in site.allowed}
    assert summary.new == len(site.allowed)
    assert summary.failed == {"robots-disallowed": len(site.disallowed)}
    for url in site.disallowed:
        path = urlsplit(url).path.rstrip("/")
        assert path not in requested and f"{path}/" not in requested
    assert summary.sitemap_files == len(site.sitemaps) + 1  # the index and its children


class _ChunkRecordingFrontier(MemoryFrontier):
    """A memory frontier that records how many URLs each ``add`` call carried."""

    def __init__(self) -> None:
        super().__init__()
        self.add_sizes: list[int] = []

    def add(self, urls: Sequence[NewUrl]) -> int:
        self.add_sizes.append(len(urls))
        return super().add(urls)


def test_a_big_sitemap_is_queued_in_bounded_chunks(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "ADD_CHUNK", 7)
    base = fault_server.base_url
    fault_server.robots = "User-agent: *\n"
    locs = "".join(f"<url><loc>{base}/p{n}-jobs</loc></url>" for n in range(30))
    fault_server.add("/sitemap.xml", f"<urlset>{locs}</urlset>", content_type="application/xml")
    settings = crawl_settings(fault_server, sitemaps=(f"{base}/sitemap.xml",), seeds=())
    frontier = _ChunkRecordingFrontier()
    summary = run(discover(settings, frontier))
    assert summary.discovered == 30
    assert sum(frontier.add_sizes) == 30
    assert max(frontier.add_sizes) <= 7
    assert len(frontier.entries) == 30


def test_a_process_waiting_on_its_siblings_looks_again_soon_then_less_often(
    fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(fault_server)
    looks: list[int] = []

    def siblings_working() -> bool:
        looks.append(1)
        return len(looks) <= 7

    waits: list[float] = []
    real_sleep = engine.asyncio.sleep

    async def recording_sleep(delay: float, *args: Any) -> Any:
        waits.append(delay)
        return await real_sleep(delay, *args)

    monkeypatch.setattr(engine.asyncio, "sleep", recording_sleep)
    settings = crawl_settings(seeds=(fault_server.url("/"),))
    frontier, sink = MemoryFrontier(), MemorySink()
    summary = run(crawl(settings, frontier, sink, siblings_working=siblings_working))
    monkeypatch.undo()
    assert summary.new == len(comparison_urls(fault_server))
    assert len(looks) == 8  # seven "still working", then done
    first = engine.SIBLING_POLL_FIRST
    assert waits == [first, 2 * first, 4 * first, 8 * first, 16 * first, 0.1, 0.1]
