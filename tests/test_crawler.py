"""``run_crawl``: the fixture site into the database, recrawls with 304s, faults, two workers.

Real servers on 127.0.0.1 (the fixture site, the fault server) and temp databases,
SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

import extractors
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawl.urls import normalize_url
from careerdiff.crawler import run_crawl
from careerdiff.errors import ConfigError
from careerdiff.fixture_site import FixtureSiteServer
from careerdiff.settings import Settings
from extractors import extract_page
from models import Store
from models.archive import Archive
from models.frontier import DbFrontier
from models.views import VIEW_COLUMNS
from tests.crawl.faultserver import DEFAULT_ROBOTS, FaultServer
from tests.helpers import SEED_NAME, load_page
from tests.models.store_factories import postgres_schema

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
#: Columns of the views that hold times of fetches (they differ from crawl to crawl).
TIME_COLUMNS = {"first_seen_at", "last_seen_at", "changed_at", "seen_at"}


@pytest.fixture(params=BACKENDS)
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes empty databases of the test's back-end."""
    with ExitStack() as cleanups:
        made = iter(range(100))

        def make() -> str:
            if request.param == "sqlite":
                return f"sqlite:///{tmp_path / f'crawl{next(made)}.db'}"
            return cleanups.enter_context(postgres_schema())

        yield make


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    return new_db_url()


@pytest.fixture
def site() -> Iterator[FixtureSiteServer]:
    with FixtureSiteServer() as server:
        yield server


def settings_for(server: FixtureSiteServer, db_url: str, **overrides: Any) -> Settings:
    """Fast settings for crawling ``server`` into ``db_url``: no rate limit, inline extraction."""
    values: dict[str, Any] = {
        "seeds": (server.urls().home,),
        "db_url": db_url,
        "rate": 0,
        "concurrency": 4,
        "extract_processes": 0,
        "backoff_base": 0.01,
    }
    values.update(overrides)
    return Settings().replace(**values)


def view_facts(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every view's rows without the fetch-time columns, sorted: what a crawl found."""
    with Store.open(db_url) as store, store.engine.connect() as connection:
        facts = {}
        for view, columns in VIEW_COLUMNS.items():
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIME_COLUMNS)
            rows = connection.execute(sa.text(f"SELECT {kept} FROM {view}")).all()
            facts[view] = sorted((tuple(row) for row in rows), key=repr)
        return facts


def table_rows(db_url: str, *tables: str) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(sa.text(f"SELECT * FROM {table}"))),
                key=repr,
            )
            for table in tables
        }


STORE_TABLES = (
    "comparison_page",
    "page_fetch",
    "page_issue",
    "occupation",
    "occupation_skill",
    "occupation_demographic",
    "occupation_responsibility",
    "occupation_change",
)


def test_a_crawl_of_the_fixture_site_stores_every_allowed_page_and_no_disallowed_one(
    site: FixtureSiteServer, db_url: str
) -> None:
    urls = site.urls()
    summary = run_crawl(settings_for(site, db_url))

    allowed = {normalize_url(url) for url in urls.allowed}
    assert summary.new == len(allowed) and summary.changed == summary.unchanged == 0
    assert summary.failed == {"robots-disallowed": len(urls.disallowed)}
    for url in urls.disallowed:
        path = urlsplit(url).path.rstrip("/")
        assert path not in site.request_log and f"{path}/" not in site.request_log

    facts = view_facts(db_url)
    assert {row[0] for row in facts["comparisons"]} == allowed
    expected_slugs = {
        occupation.slug
        for url in urls.allowed
        for occupation in extract_page(load_page(urls.page_names[url])).occupations
    }
    assert {row[0] for row in facts["occupations"]} == expected_slugs
    assert facts["occupation_changes"] == []

    with Store.open(db_url) as store:
        frontier, archive = DbFrontier(store.engine), Archive(store.engine)
        assert frontier.failures() == {"robots-disallowed": len(urls.disallowed)}
        assert frontier.counts().queued == frontier.counts().leased == 0
        kinds = Counter(entry.kind for entry in frontier.entries() if entry.state == "done")
        assert kinds["comparison"] == len(allowed) and kinds["listing"] == len(urls.listings)
        assert archive.count() == len(allowed)
        assert archive.count(older_than=extractors.EXTRACTOR_VERSION) == 0
        for url in allowed:
            [body] = archive.get(url)
            assert body.body == load_page(urls.page_names[_with_slash(urls, url)]).encode()
            assert body.status == 200 and "etag" in body.headers


def _with_slash(urls: Any, normalized: str) -> str:
    """The site's own spelling of a normalized comparison URL."""
    for url in urls.comparisons:
        if normalize_url(url) == normalized:
            return str(url)
    raise AssertionError(f"{normalized} is not a page of the site")


def test_a_second_crawl_of_the_unchanged_site_gets_304s_and_changes_nothing(
    site: FixtureSiteServer, db_url: str
) -> None:
    first = run_crawl(settings_for(site, db_url))
    before = table_rows(db_url, *STORE_TABLES, "page_archive")
    log_start = len(site.request_log)

    second = run_crawl(settings_for(site, db_url))

    assert second.fetched == 0 and second.not_modified == first.fetched
    assert second.new == second.changed == second.unchanged == 0
    assert table_rows(db_url, *STORE_TABLES, "page_archive") == before
    recrawled = dict(
        zip(site.request_log[log_start:], site.request_headers[log_start:], strict=True)
    )
    comparison_paths = {urlsplit(url).path for url in site.urls().allowed}
    asked = {path for path in recrawled if {path, f"{path}/"} & comparison_paths}
    assert len(asked) == len(comparison_paths)
    assert all("if-none-match" in recrawled[path] for path in asked)


def test_a_crawl_with_extraction_in_a_worker_process_stores_the_same(
    site: FixtureSiteServer, new_db_url: Callable[[], str]
) -> None:
    inline, in_worker = new_db_url(), new_db_url()
    run_crawl(settings_for(site, inline))
    summary = run_crawl(settings_for(site, in_worker, extract_processes=1))
    assert summary.new == len(site.urls().allowed)
    assert view_facts(in_worker) == view_facts(inline)


def test_a_crawl_stopped_at_max_pages_resumes_where_it_stopped(
    site: FixtureSiteServer, db_url: str
) -> None:
    total = 0
    rounds = 0
    while True:
        summary = run_crawl(settings_for(site, db_url, max_pages=7), recheck=False)
        answered = summary.fetched + summary.not_modified + summary.failed_total
        total += answered
        rounds += 1
        if answered < 7:
            break
    assert rounds >= 3
    paths = Counter(site.request_log)
    pages = [path for path in paths if path not in ("/robots.txt",) and "sitemap" not in path]
    assert all(paths[path] == 1 for path in pages), "no page fetched twice"
    assert {row[0] for row in view_facts(db_url)["comparisons"]} == {
        normalize_url(url) for url in site.urls().allowed
    }


def test_an_in_memory_database_is_refused(site: FixtureSiteServer) -> None:
    with pytest.raises(ConfigError, match="in-memory"):
        run_crawl(settings_for(site, "sqlite://"))


# --- faults ---------------------------------------------------------------------------

FAULT_PATTERN = r"^/(?:[a-z0-9-]+-jobs/[a-z0-9-]+-differences|fault/.+|private/.+)$"
FINAL_FAULTS = {
    "/fault/status/404": "http-404",
    "/fault/status/410": "http-410",
    "/fault/json": "not-html",
    "/fault/big?bytes=600000": "too-large",
    "/fault/loop/a": "redirect-loop",
    "/fault/offsite": "redirect-offsite",
    "/fault/chain/9": "too-many-redirects",
    "/private/secret": "robots-disallowed",
}
TRANSIENT_FAULTS = {
    "/fault/status/503": "http-503",
    "/fault/reset": "connection",
    "/fault/truncated": "connection",
    "/fault/slow?seconds=2": "timeout",
}
GOOD = ("/nurse-jobs/nurse-vs-medic-differences", "/fault/flaky/once?fails=1")


def fault_settings(server: FaultServer, db_url: str) -> Settings:
    seeds = [server.url(path) for path in (*FINAL_FAULTS, *TRANSIENT_FAULTS, *GOOD)]
    return Settings().replace(
        seeds=seeds,
        allow_hosts=(f"127.0.0.1:{server.port}",),
        comparison_pattern=FAULT_PATTERN,
        db_url=db_url,
        rate=0,
        concurrency=8,
        max_retries=1,
        backoff_base=0.01,
        read_timeout=0.5,
        max_body_bytes=500_000,
        max_redirects=5,
        extract_processes=0,
        retry_later_after=0.2,
        max_depth=0,  # the seed page links to pages this server does not have
    )


def test_faults_are_recorded_with_their_reasons_and_nothing_is_stored_twice(
    db_url: str,
) -> None:
    with FaultServer(robots=DEFAULT_ROBOTS) as server:
        server.add(GOOD[0], load_page(SEED_NAME), headers={"ETag": '"nurse-1"'})
        settings = fault_settings(server, db_url)
        first = run_crawl(settings)
        time.sleep(settings.retry_later_after)  # the transient faults are due again
        second = run_crawl(settings)
        assert server.count("/private/secret") == 0

    final = {normalize_url(server.url(path)): reason for path, reason in FINAL_FAULTS.items()}
    transient = {
        normalize_url(server.url(path)): reason for path, reason in TRANSIENT_FAULTS.items()
    }
    good = {normalize_url(server.url(path)) for path in GOOD}
    assert first.new == 2 and first.failed == Counter([*final.values(), *transient.values()])
    with Store.open(db_url) as store:
        entries = {entry.url: entry for entry in DbFrontier(store.engine).entries()}
        for url, reason in final.items():
            assert (entries[url].state, entries[url].last_reason) == ("failed", reason)
            assert entries[url].last_message
        for url, reason in transient.items():
            assert (entries[url].state, entries[url].last_reason) == ("queued", reason)
            assert entries[url].attempts == 2  # the second crawl tried them again
        assert {url for url, entry in entries.items() if entry.state == "done"} == good
        assert entries[normalize_url(server.url("/fault/status/404"))].last_status == 404

    # the second crawl re-checked the good pages and retried the transient faults only
    assert second.failed == Counter(transient.values())
    assert second.not_modified == 1  # the page with an ETag
    rows = table_rows(db_url, "comparison_page", "page_fetch", "page_archive")
    assert sorted(row[1] for row in rows["comparison_page"]) == sorted(good)
    archived = Counter((row[1], row[2]) for row in rows["page_archive"])
    assert all(count == 1 for count in archived.values())
    nurse = normalize_url(server.url(GOOD[0]))
    assert sum(1 for row in rows["page_archive"] if row[1] == nurse) == 1


# --- two workers ----------------------------------------------------------------------


def test_two_workers_on_one_frontier_fetch_every_url_exactly_once(db_url: str) -> None:
    with FixtureSiteServer(delay=0.05) as site:
        settings = settings_for(site, db_url, concurrency=2)
        Store.open(db_url).close()  # both workers find the schema made
        summaries: list[CrawlSummary] = []
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def worker() -> None:
            try:
                start.wait()
                summaries.append(run_crawl(settings))
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        log = Counter(site.request_log)
        urls = site.urls()

    assert not errors, errors
    pages = {
        urlsplit(url).path.rstrip("/") or "/" for url in (urls.home, *urls.listings, *urls.allowed)
    }
    fetched: Counter[str] = Counter()
    for path, count in log.items():
        key = path.rstrip("/") or "/"
        if key in pages:
            fetched[key] += count
    assert set(fetched) == pages
    assert all(count == 1 for count in fetched.values()), fetched
    assert all(summary.fetched > 0 for summary in summaries), "both workers fetched pages"
    assert sum(summary.new for summary in summaries) == len(urls.allowed)


def test_crawl_processes_spawned_from_a_threaded_process_store_what_one_process_stores(
    site: FixtureSiteServer, tmp_path: Path
) -> None:
    one_url = f"sqlite:///{tmp_path / 'one.db'}"
    two_url = f"sqlite:///{tmp_path / 'two.db'}"
    one = run_crawl(settings_for(site, one_url, crawl_processes=1))
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait, daemon=True)  # as in a Prefect worker
    busy.start()
    try:
        two = run_crawl(settings_for(site, two_url, crawl_processes=2))
    finally:
        stop.set()
    assert (two.fetched, two.new, two.failed) == (one.fetched, one.new, one.failed)
    assert view_facts(two_url)["comparisons"] == view_facts(one_url)["comparisons"]
    with Store.open(two_url) as store:
        assert DbFrontier(store.engine).counts().leased == 0
