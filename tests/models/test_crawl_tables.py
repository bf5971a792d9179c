"""The crawl tables: the database frontier (models/frontier.py) and archive (models/archive.py).

Every test runs on SQLite and on PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from store_factories import T0, item, occupation, page

from careerdiff.crawl.frontier import Done, Failure, NewUrl, Retry, Validators
from careerdiff.extraction import compress
from models import Store
from models.archive import Archive, ArchivedPage
from models.frontier import DUE_AT_ONCE, DbFrontier, worker_name

BASE = "https://careers.test"
LATER = T0 + timedelta(days=1)


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


def frontier_of(store: Store, clock: Clock, **kwargs: object) -> DbFrontier:
    return DbFrontier(store.engine, clock=clock, **kwargs)  # type: ignore[arg-type]


def urls(*paths: str) -> list[str]:
    return [f"{BASE}{path}" for path in paths]


# --- adding and leasing ------------------------------------------------------------------


def test_add_queues_new_urls_once_keeping_the_first_finder_and_the_smallest_depth(
    store: Store, clock: Clock
) -> None:
    frontier = frontier_of(store, clock, classify=lambda url: "listing")
    a, b = urls("/a", "/b")
    assert frontier.add([NewUrl(a, 2, "https://careers.test/"), NewUrl(b, 1)]) == 2
    assert frontier.add([NewUrl(a, 3, "elsewhere"), NewUrl(b, 1)]) == 0
    # another frontier over the same database (no cache) sees them as known too
    other = frontier_of(store, clock)
    assert other.add([NewUrl(a, 1, "elsewhere")]) == 0
    entries = {entry.url: entry for entry in frontier.entries()}
    assert entries[a].depth == 1 and entries[a].found_on == "https://careers.test/"
    assert entries[a].kind == "listing" and entries[a].state == "queued"
    assert entries[a].attempts == 0 and entries[a].next_attempt_at == DUE_AT_ONCE
    assert frontier.counts().queued == 2


def test_lease_hands_out_due_urls_in_order_once_under_this_worker(
    store: Store, clock: Clock
) -> None:
    frontier = frontier_of(store, clock, lease_timeout=timedelta(minutes=5))
    wanted = urls(*(f"/p{number}" for number in range(5)))
    frontier.add([NewUrl(url) for url in wanted])
    first = frontier.lease(3, due_by=T0)
    second = frontier.lease(10, due_by=T0)
    assert [lease.url for lease in first] == wanted[:3]
    assert [lease.url for lease in second] == wanted[3:]
    assert frontier.lease(10, due_by=T0) == []
    entry = frontier.entries([wanted[0]])[0]
    assert entry.state == "leased" and entry.attempts == 1
    assert entry.lease_owner == frontier.owner
    assert entry.lease_expires_at == T0 + timedelta(minutes=5)
    assert frontier.counts().leased == 5


def test_settling_records_validators_statuses_and_reasons(store: Store, clock: Clock) -> None:
    frontier = frontier_of(store, clock)
    fresh, same, gone, flaky = urls("/fresh", "/same", "/gone", "/flaky")
    frontier.add([NewUrl(url) for url in (fresh, same, gone, flaky)])
    frontier.lease(4, due_by=T0)
    validators = Validators('"v1"', "Wed, 21 Oct 2015 07:28:00 GMT", "abc123")
    frontier.mark_done([Done(fresh, T0, validators), Done(same, T0, validators)])
    frontier.mark_not_modified([same], at=LATER)
    frontier.mark_failed([Failure(gone, "http-404", "HTTP 404 from there", T0)])
    frontier.retry_later([Retry(flaky, "http-503", "HTTP 503 from there", LATER)])

    entries = {entry.url: entry for entry in frontier.entries()}
    assert entries[fresh].state == "done" and entries[fresh].last_status == 200
    assert frontier.validators(fresh) == validators
    assert entries[same].last_status == 304 and entries[same].validators == validators
    assert entries[gone].state == "failed" and entries[gone].last_status == 404
    assert (entries[gone].last_reason, entries[gone].last_message) == (
        "http-404",
        "HTTP 404 from there",
    )
    assert entries[flaky].state == "queued" and entries[flaky].last_reason == "http-503"
    assert entries[flaky].next_attempt_at == LATER
    assert all(entry.lease_owner is None for entry in entries.values())
    assert frontier.validators(gone) is None
    assert frontier.counts().done == 2 and frontier.counts().failed == 1
    assert frontier.failures() == {"http-404": 1}


def test_a_url_to_retry_is_due_only_from_its_next_attempt_time(store: Store, clock: Clock) -> None:
    frontier = frontier_of(store, clock)
    [flaky] = urls("/flaky")
    frontier.add([NewUrl(flaky)])
    frontier.lease(1, due_by=T0)
    frontier.retry_later([Retry(flaky, "timeout", "timed out", LATER)])
    assert frontier.lease(5, due_by=T0) == []
    assert [lease.url for lease in frontier.lease(5, due_by=LATER)] == [flaky]
    assert frontier.entries([flaky])[0].attempts == 2


def test_a_lease_that_expired_goes_to_another_worker_but_not_back_to_its_owner(
    store: Store, clock: Clock
) -> None:
    mine = frontier_of(store, clock, lease_timeout=timedelta(minutes=1))
    [slow] = urls("/slow")
    mine.add([NewUrl(slow)])
    assert [lease.url for lease in mine.lease(1, due_by=T0)] == [slow]
    clock.now = T0 + timedelta(seconds=30)
    assert frontier_of(store, clock).lease(1, due_by=clock.now) == []  # not expired yet
    clock.now = T0 + timedelta(minutes=2)
    assert mine.lease(1, due_by=clock.now) == []  # its own lease: still in its hands
    other = frontier_of(store, clock)
    assert [lease.url for lease in other.lease(1, due_by=clock.now)] == [slow]
    entry = other.entries([slow])[0]
    assert entry.lease_owner == other.owner and entry.attempts == 2


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_begin_takes_back_the_leases_of_a_dead_worker_on_this_host(
    store: Store, clock: Clock
) -> None:
    host = worker_name().split(":")[0]
    dead = frontier_of(store, clock, owner=f"{host}:{_dead_pid()}:deadbeef")
    remote = frontier_of(store, clock, owner="some-other-host:1:cafe")
    dead_urls, remote_urls = urls("/d1", "/d2"), urls("/r1")
    dead.add([NewUrl(url) for url in dead_urls])
    dead.lease(2, due_by=T0)
    remote.add([NewUrl(url) for url in remote_urls])
    remote.lease(1, due_by=T0)

    start = frontier_of(store, clock).begin()
    assert start.reclaimed == 2 and start.requeued == 0
    assert start.waiting == 3  # the two handed back, and the one leased elsewhere
    states = {entry.url: entry.state for entry in dead.entries()}
    assert [states[url] for url in dead_urls] == ["queued", "queued"]
    assert states[remote_urls[0]] == "leased"  # alive, as far as this host can tell


def test_begin_starts_a_new_round_only_when_nothing_is_due(store: Store, clock: Clock) -> None:
    frontier = frontier_of(store, clock)
    done, failed, waiting = urls("/done", "/failed", "/waiting")
    frontier.add([NewUrl(url) for url in (done, failed, waiting)])
    frontier.lease(3, due_by=T0)
    frontier.mark_done([Done(done, T0, Validators('"e"', None, "h"))])
    frontier.mark_failed([Failure(failed, "http-410", "gone", T0)])
    frontier.retry_later([Retry(waiting, "http-503", "busy", LATER)])

    assert frontier.begin(new_round=False).requeued == 0
    start = frontier.begin()  # the retry waiting for later does not hold the round up
    assert (start.requeued, start.waiting) == (1, 0)
    again = frontier.begin()  # the round has started: resume it
    assert (again.requeued, again.waiting) == (0, 1)
    [lease] = frontier.lease(5, due_by=T0)
    assert lease.url == done and lease.validators == Validators('"e"', None, "h")
    assert frontier.begin().requeued == 0  # a URL is leased: the round goes on
    states = {entry.url: entry.state for entry in frontier.entries()}
    assert states[failed] == "failed" and states[waiting] == "queued"


def test_release_queues_this_workers_unsettled_leases_again(store: Store, clock: Clock) -> None:
    frontier, other = frontier_of(store, clock), frontier_of(store, clock)
    mine, theirs = urls("/mine"), urls("/theirs")
    frontier.add([NewUrl(url) for url in mine])
    frontier.lease(1, due_by=T0)
    other.add([NewUrl(url) for url in theirs])
    other.lease(1, due_by=T0)
    assert frontier.release() == 1
    states = {entry.url: entry.state for entry in frontier.entries()}
    assert states == {mine[0]: "queued", theirs[0]: "leased"}


def test_workers_leasing_at_once_never_get_the_same_url(store: Store) -> None:
    wanted = urls(*(f"/page-{number}" for number in range(300)))
    DbFrontier(store.engine).add([NewUrl(url) for url in wanted])
    leased: list[list[str]] = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def work(number: int) -> None:
        frontier = DbFrontier(store.engine)
        start.wait()
        while batch := frontier.lease(7, due_by=datetime.now(UTC)):
            leased[number].extend(lease.url for lease in batch)
            time.sleep(0.002)  # fetching them, while the others lease

    threads = [threading.Thread(target=work, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [url for batch in leased for url in batch]
    assert sorted(everything) == sorted(wanted)  # each exactly once
    assert sum(1 for batch in leased if batch) >= 2, "the workers should have shared the work"


def test_the_frontier_table_has_one_row_per_url(store: Store, clock: Clock) -> None:
    frontier = frontier_of(store, clock)
    many = [NewUrl(url) for url in urls(*(f"/u{number % 40}" for number in range(200)))]
    assert frontier.add(many) == 40
    with store.engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM crawl_url")).scalar_one()
    assert count == 40


# --- the archive ------------------------------------------------------------------------


def archived(url: str, body: bytes, fetched_at: datetime, **changes: object) -> ArchivedPage:
    values: dict[str, object] = {
        "url": url,
        "final_url": url,
        "status": 200,
        "headers": {"content-type": "text/html; charset=utf-8", "etag": '"x"'},
        "charset": "utf-8",
        "content_hash": f"hash-{body.decode()}",
        "fetched_at": fetched_at,
        "body_zlib": compress(body),
        "body_bytes": len(body),
    }
    values.update(changes)
    return ArchivedPage(**values)  # type: ignore[arg-type]


def test_the_archive_keeps_a_body_once_per_url_and_hash(store: Store) -> None:
    archive = Archive(store.engine)
    [url] = urls("/a-jobs/a-vs-b-differences")
    archive.keep([archived(url, b"<p>one</p>", T0)])
    archive.keep(
        [archived(url, b"<p>one</p>", LATER, status=203), archived(url, b"<p>two</p>", T0)]
    )
    bodies = archive.get(url)
    assert [page.body for page in bodies] == [b"<p>one</p>", b"<p>two</p>"]
    assert bodies[0].fetched_at == LATER and bodies[0].status == 203  # the latest fetch
    assert bodies[0].headers == {"content-type": "text/html; charset=utf-8", "etag": '"x"'}
    assert archive.count() == 2
    assert len(bodies[0].body_zlib) > 0 and bodies[0].body_bytes == len(b"<p>one</p>")


def test_current_bodies_are_the_newest_per_url_and_filtered_by_version(store: Store) -> None:
    archive = Archive(store.engine)
    a, b, c = urls("/a", "/b", "/c")
    archive.keep(
        [
            archived(a, b"old", T0),
            archived(a, b"new", LATER),
            archived(b, b"only", T0),
            archived(c, b"cee", T0),
        ]
    )
    archive.mark_extracted([(b, "hash-only")], version=3, at=LATER)
    archive.mark_extracted([(c, "hash-cee")], version=2, at=LATER)

    every = [page for batch in archive.current(older_than=None, batch_size=2) for page in batch]
    assert {(page.url, page.body) for page in every} == {(a, b"new"), (b, b"only"), (c, b"cee")}
    stale = [page for batch in archive.current(older_than=3, batch_size=1) for page in batch]
    assert {page.url for page in stale} == {a, c}  # b is at version 3 already
    assert archive.count(older_than=3) == 3  # a's two bodies and c's
    assert [page.url for page in every] == [a, c, b]  # newest fetch first, then newest id
    later = archive.current(older_than=None, batch_size=5, after=every[0].cursor)
    assert [page.url for batch in later for page in batch] == [c, b]


def test_a_body_fetched_again_becomes_current_again(store: Store) -> None:
    archive = Archive(store.engine)
    [url] = urls("/flip")
    archive.keep([archived(url, b"first", T0)])
    archive.keep([archived(url, b"second", T0 + timedelta(hours=1))])
    archive.keep([archived(url, b"first", T0 + timedelta(hours=2))])
    [current] = [page for batch in archive.current(older_than=None, batch_size=5) for page in batch]
    assert current.body == b"first" and current.fetched_at == T0 + timedelta(hours=2)


def test_loaded_hashes_are_those_of_each_pages_newest_loaded_fetch(store: Store) -> None:
    first = page(occupation("nurse"), occupation("medic"))
    second = page(occupation("cook"), occupation("chef"))
    store.load([item(first, T0), item(first, LATER), item(second, T0)])
    hashes = Archive(store.engine).loaded_hashes([str(first.url), str(second.url), "https://x/"])
    assert hashes == {
        str(first.url): item(first, LATER).content_hash,
        str(second.url): item(second, T0).content_hash,
    }


def test_an_engine_for_the_frontier_commits_without_waiting_for_the_disk(db_url: str) -> None:
    from models import dialect

    fast, durable = dialect.create_engine(db_url, durable=False), dialect.create_engine(db_url)
    sqlite = fast.url.get_backend_name() == "sqlite"
    query = "PRAGMA synchronous" if sqlite else "SHOW synchronous_commit"
    try:
        with fast.connect() as connection:
            assert connection.exec_driver_sql(query).scalar() == (1 if sqlite else "off")
        with durable.connect() as connection:  # FULL (2) and on: the store's commits
            assert connection.exec_driver_sql(query).scalar() == (2 if sqlite else "on")
    finally:
        fast.dispose()
        durable.dispose()
