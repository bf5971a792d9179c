"""The crawl-comparisons flow: slices on the frontier, few task runs, retries, the artifact.

Pure helpers and the slice task's logic (``.fn()``) run without Prefect; whole flow
runs report to the session's temporary Prefect server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from prefect_records import RunRecords

import flows.crawl
from careerdiff import crawler
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawl.urls import normalize_url
from careerdiff.errors import ConfigError, LoadError
from careerdiff.fixture_site import FixtureSiteServer
from careerdiff.settings import Settings
from flows.crawl import (
    crawl_comparisons,
    crawl_slice,
    describe_start,
    pages_taken,
    slice_settings,
)
from flows.summary import RunSummary, artifact_key
from models import Store
from models.frontier import RoundStart

SEEDS = ("http://127.0.0.1:8000/", "http://example.test/a-jobs/")


def stored_page_urls(db_url: str) -> set[str]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT url FROM comparisons"))}


# -- planning slices ------------------------------------------------------------------


def test_the_first_slice_keeps_the_seeds_and_takes_one_slice_of_pages() -> None:
    settings = Settings(seeds=SEEDS, sitemaps=("http://example.test/sitemap.xml",))

    first = slice_settings(settings, number=1, pages_so_far=0, pages_per_slice=50)

    assert first is not None
    assert first.max_pages == 50
    assert first.seeds == settings.seeds and first.sitemaps == settings.sitemaps


def test_later_slices_only_lease_from_the_frontier_within_the_same_hosts() -> None:
    settings = Settings(seeds=SEEDS)

    later = slice_settings(settings, number=2, pages_so_far=50, pages_per_slice=50)

    assert later is not None
    assert later.seeds == () and later.sitemaps == ()
    assert set(later.allow_hosts) == {"127.0.0.1:8000", "example.test"}


@pytest.mark.parametrize(
    ("max_pages", "pages_so_far", "budget"),
    [(0, 10_000, 50), (120, 0, 50), (120, 100, 20), (120, 120, None), (120, 130, None)],
)
def test_a_slice_never_goes_past_the_runs_max_pages(
    max_pages: int, pages_so_far: int, budget: int | None
) -> None:
    settings = Settings(seeds=SEEDS, max_pages=max_pages)

    planned = slice_settings(settings, number=3, pages_so_far=pages_so_far, pages_per_slice=50)

    assert (planned.max_pages if planned else None) == budget


def test_pages_taken_count_bodies_304s_and_failures() -> None:
    crawl = CrawlSummary(fetched=4, not_modified=3, new=2, failed={"timeout": 2, "http-404": 1})

    assert pages_taken(crawl) == 10


def test_how_a_crawl_began_is_said_in_words() -> None:
    assert "re-checking 7" in describe_start(RoundStart(reclaimed=0, requeued=7, waiting=0))
    assert "5 URLs waiting" in describe_start(RoundStart(reclaimed=0, requeued=0, waiting=5))
    assert "took back 2" in describe_start(RoundStart(reclaimed=2, requeued=0, waiting=2))
    assert "seeds" in describe_start(RoundStart(reclaimed=0, requeued=0, waiting=0))


# -- the slice task's logic -----------------------------------------------------------


def test_a_slice_crawls_the_fixture_site_into_the_database(
    site: FixtureSiteServer, sqlite_url: str
) -> None:
    settings = Settings(
        seeds=(site.base_url + "/",), rate=0, concurrency=4, db_url=sqlite_url, max_pages=500
    )

    crawl = crawl_slice.fn(settings, 1)

    allowed = {normalize_url(url) for url in site.urls().allowed}
    assert crawl.new == len(allowed)
    assert stored_page_urls(sqlite_url) == allowed


# -- whole flow runs ------------------------------------------------------------------


def test_a_run_crawls_the_site_in_slices_leaves_an_artifact_and_a_rerun_changes_nothing(
    prefect: None,
    site: FixtureSiteServer,
    sqlite_url: str,
    crawl_parameters: Callable[..., dict[str, Any]],
    run_records: RunRecords,
) -> None:
    parameters = crawl_parameters(site, sqlite_url, pages_per_slice=8)

    state = crawl_comparisons(**parameters, return_state=True)
    summary = state.result()

    assert isinstance(summary, RunSummary)
    urls = site.urls()
    allowed = {normalize_url(url) for url in urls.allowed}
    assert summary.new == len(allowed) >= 13
    assert summary.failed == {"robots-disallowed": len(urls.disallowed)}
    assert stored_page_urls(sqlite_url) == allowed
    taken = summary.fetched + summary.not_modified + summary.failed_total
    assert summary.tasks == taken // 8 + 1  # full slices, then one that ran out of pages
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    names = run_records.task_run_names(flow_run_id)
    assert [name for name in names if name.startswith("crawl-slice")] == sorted(
        f"crawl-slice-{number}" for number in range(1, summary.tasks + 1)
    )
    rows = {
        row["measure"]: row["count"]
        for row in run_records.artifact_rows(flow_run_id, artifact_key("crawl-comparisons"))
    }
    assert rows["pages new"] == summary.new
    assert rows["pages fetched"] == summary.fetched
    assert rows["failed: robots-disallowed"] == len(urls.disallowed)
    assert rows["parse issues in the database"] == sum(summary.issues_by_section.values()) > 0

    again = crawl_comparisons(**parameters)

    assert (again.new, again.changed, again.fetched) == (0, 0, 0)
    assert again.not_modified == summary.fetched
    assert stored_page_urls(sqlite_url) == allowed


class FakeSite:
    """Stands in for ``run_crawl``: a frontier of ``pages`` comparison pages, taken in order."""

    def __init__(self, pages: int) -> None:
        self.left = pages
        self.calls: list[Settings] = []
        self.rechecks: list[bool] = []

    def run_crawl(self, settings: Settings, *, recheck: bool = True, **_: Any) -> CrawlSummary:
        self.calls.append(settings)
        self.rechecks.append(recheck)
        taken = min(self.left, settings.max_pages)
        self.left -= taken
        return CrawlSummary(fetched=taken, new=taken, queued_left=self.left)


def test_a_5000_page_crawl_makes_a_few_task_runs(
    prefect: None,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    run_records: RunRecords,
) -> None:
    site = FakeSite(5000)
    monkeypatch.setattr(crawler, "run_crawl", site.run_crawl)

    state = crawl_comparisons(
        seeds=["http://127.0.0.1:9/"], db_url=sqlite_url, max_pages=0, return_state=True
    )
    summary = state.result()

    assert summary.fetched == summary.new == 5000
    assert summary.tasks == len(site.calls) == 5000 // flows.crawl.DEFAULT_PAGES_PER_SLICE + 1
    assert site.rechecks == [True] + [False] * (len(site.calls) - 1)
    assert [bool(call.seeds) for call in site.calls] == site.rechecks
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    assert len(run_records.task_run_names(flow_run_id)) <= summary.tasks + 1 < 100


def test_a_slice_that_lost_its_database_is_retried_whole(
    prefect: None, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = FakeSite(30)
    failures = [LoadError("the database connection was lost", transient=True)]

    def flaky(settings: Settings, **options: Any) -> CrawlSummary:
        if failures:
            raise failures.pop()
        return site.run_crawl(settings, **options)

    monkeypatch.setattr(crawler, "run_crawl", flaky)
    monkeypatch.setattr(flows.crawl, "crawl_slice", crawl_slice.with_options(retry_delay_seconds=0))

    summary = crawl_comparisons(seeds=["http://127.0.0.1:9/"], db_url=sqlite_url)

    assert summary.fetched == 30 and summary.tasks == 1
    assert not failures


def test_a_slice_that_fails_for_good_is_not_retried(
    prefect: None, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Settings] = []

    def broken(settings: Settings, **_: Any) -> CrawlSummary:
        calls.append(settings)
        raise ConfigError("setting 'user_agent' is not acceptable")

    monkeypatch.setattr(crawler, "run_crawl", broken)
    monkeypatch.setattr(flows.crawl, "crawl_slice", crawl_slice.with_options(retry_delay_seconds=0))

    with pytest.raises(ConfigError, match="user_agent"):
        crawl_comparisons(seeds=["http://127.0.0.1:9/"], db_url=sqlite_url)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"seeds": [], "sitemaps": [], "allow_hosts": []}, "nothing to crawl"),
        ({"seeds": ["http://127.0.0.1:9/"], "pages_per_slice": 0}, "pages_per_slice"),
        ({"seeds": ["http://127.0.0.1:9/"], "rate": -1.0}, "rate"),
    ],
)
def test_bad_parameters_fail_the_run_with_a_one_line_error(
    prefect: None, sqlite_url: str, parameters: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        crawl_comparisons(db_url=sqlite_url, **parameters)
