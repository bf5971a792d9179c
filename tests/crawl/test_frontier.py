"""The in-memory frontier: queueing, leasing, settling, revisiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from careerdiff.crawl.frontier import (
    Done,
    Failure,
    Frontier,
    FrontierCounts,
    MemoryFrontier,
    NewUrl,
    Retry,
    Validators,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _urls(*names: str) -> list[NewUrl]:
    return [NewUrl(f"https://a.test/{name}") for name in names]


def test_memory_frontier_is_a_frontier() -> None:
    frontier: Frontier = MemoryFrontier()
    assert frontier.counts() == FrontierCounts(queued=0, leased=0, done=0, failed=0)


def test_add_keeps_each_url_once_first_found_and_smallest_depth() -> None:
    frontier = MemoryFrontier()
    assert frontier.add([NewUrl("https://a.test/x", 3, "https://a.test/p1")]) == 1
    assert frontier.add([NewUrl("https://a.test/x", 1, "https://a.test/p2")]) == 0
    entry = frontier.entries["https://a.test/x"]
    assert entry.depth == 1 and entry.found_on == "https://a.test/p1"


def test_lease_in_the_order_added_and_only_once() -> None:
    frontier = MemoryFrontier()
    frontier.add(_urls("a", "b", "c"))
    first = frontier.lease(2, due_by=T0)
    assert [lease.url for lease in first] == ["https://a.test/a", "https://a.test/b"]
    assert [lease.url for lease in frontier.lease(5, due_by=T0)] == ["https://a.test/c"]
    assert frontier.lease(5, due_by=T0) == []
    assert frontier.counts() == FrontierCounts(queued=0, leased=3, done=0, failed=0)


def test_settling() -> None:
    frontier = MemoryFrontier()
    frontier.add(_urls("done", "same", "gone", "later"))
    frontier.lease(4, due_by=T0)
    validators = Validators('"e1"', "Wed, 01 Jan 2025 00:00:00 GMT", "abc")
    frontier.mark_done([Done("https://a.test/done", T0, validators)])
    frontier.mark_not_modified(["https://a.test/same"], at=T0)
    frontier.mark_failed([Failure("https://a.test/gone", "http-404", "HTTP 404", T0)])
    frontier.retry_later(
        [Retry("https://a.test/later", "http-503", "HTTP 503", T0 + timedelta(hours=1))]
    )
    assert frontier.counts() == FrontierCounts(queued=1, leased=0, done=2, failed=1)
    assert frontier.validators("https://a.test/done") == validators
    assert frontier.validators("https://a.test/gone") is None
    assert frontier.validators("https://a.test/unknown") is None
    assert frontier.state_of("https://a.test/gone") == "failed"


def test_retry_later_is_due_only_at_its_time() -> None:
    frontier = MemoryFrontier()
    frontier.add(_urls("later"))
    frontier.lease(1, due_by=T0)
    frontier.retry_later([Retry("https://a.test/later", "timeout", "t", T0 + timedelta(hours=1))])
    assert frontier.lease(5, due_by=T0) == []
    leased = frontier.lease(5, due_by=T0 + timedelta(hours=2))
    assert [lease.url for lease in leased] == ["https://a.test/later"]


def test_new_urls_come_before_scheduled_ones() -> None:
    frontier = MemoryFrontier()
    frontier.add(_urls("old"))
    frontier.lease(1, due_by=T0)
    frontier.retry_later([Retry("https://a.test/old", "timeout", "t", T0)])
    frontier.add(_urls("new"))
    leased = frontier.lease(5, due_by=T0)
    assert [lease.url for lease in leased] == ["https://a.test/new", "https://a.test/old"]


def test_revisit_after_makes_done_pages_due_again_with_their_validators() -> None:
    frontier = MemoryFrontier(revisit_after=timedelta(days=1))
    frontier.add(_urls("p"))
    frontier.lease(1, due_by=T0)
    validators = Validators('"e1"', None, "abc")
    frontier.mark_done([Done("https://a.test/p", T0, validators)])
    assert frontier.lease(1, due_by=T0 + timedelta(hours=1)) == []
    (lease,) = frontier.lease(1, due_by=T0 + timedelta(days=2))
    assert lease.url == "https://a.test/p" and lease.validators == validators
    assert frontier.counts().leased == 1


def test_a_failed_url_is_not_leased_again_even_when_rescheduled_before() -> None:
    frontier = MemoryFrontier()
    frontier.add(_urls("x"))
    frontier.lease(1, due_by=T0)
    frontier.retry_later([Retry("https://a.test/x", "timeout", "t", T0)])
    frontier.lease(1, due_by=T0)
    frontier.mark_failed([Failure("https://a.test/x", "http-404", "gone", T0)])
    assert frontier.lease(5, due_by=T0 + timedelta(days=9)) == []


def test_settling_an_unknown_url_keeps_it() -> None:
    frontier = MemoryFrontier()
    frontier.mark_failed([Failure("https://a.test/ghost", "http-410", "gone", T0)])
    assert frontier.state_of("https://a.test/ghost") == "failed"
    assert frontier.counts() == FrontierCounts(queued=0, leased=0, done=0, failed=1)
