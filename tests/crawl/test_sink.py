"""The in-memory page sink."""

from __future__ import annotations

from datetime import UTC, datetime

from careerdiff.crawl.result import FetchResult
from careerdiff.crawl.sink import MemorySink, PageOutcome, PageSink


def _page(url: str, content_hash: str) -> FetchResult:
    return FetchResult(
        url=url, final_url=url, fetched_at=datetime.now(UTC), status=200, content_hash=content_hash
    )


def test_outcomes_new_changed_unchanged_in_order() -> None:
    sink: PageSink = MemorySink()
    assert list(sink.accept([_page("u1", "h1"), _page("u2", "h2")])) == [
        PageOutcome.NEW,
        PageOutcome.NEW,
    ]
    assert list(sink.accept([_page("u2", "h2"), _page("u1", "h9"), _page("u3", "h3")])) == [
        PageOutcome.UNCHANGED,
        PageOutcome.CHANGED,
        PageOutcome.NEW,
    ]


def test_batches_and_pages_are_remembered() -> None:
    sink = MemorySink()
    sink.accept([_page("u1", "h1")])
    sink.accept([_page("u1", "h2"), _page("u2", "h1")])
    assert sink.batches == [["u1"], ["u1", "u2"]]
    assert sink.pages["u1"].content_hash == "h2"
