"""The database frontier's "recently seen" cache is bounded; the database de-duplicates.

Runs on SQLite and on PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from careerdiff.crawl.frontier import NewUrl
from models import Store
from models import frontier as frontier_module
from models.frontier import DbFrontier

BASE = "https://careers.test"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def test_urls_forgotten_by_the_bounded_cache_are_still_added_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontier_module, "_KNOWN_CACHE_SIZE", 4)
    frontier = DbFrontier(store.engine, classify=lambda url: "listing")
    first = [NewUrl(f"{BASE}/a{n}-jobs", 2) for n in range(10)]
    assert frontier.add(first) == 10
    assert len(frontier._known) <= 4
    # all of them again (most forgotten by the cache): none is new, none queued twice
    assert frontier.add(first) == 0
    assert len(frontier._known) <= 4
    # a forgotten URL found at a smaller depth still gets the smaller depth
    assert frontier.add([NewUrl(f"{BASE}/a0-jobs", 1)]) == 0
    entries = {entry.url: entry for entry in frontier.entries()}
    assert len(entries) == 10
    assert entries[f"{BASE}/a0-jobs"].depth == 1
    assert entries[f"{BASE}/a5-jobs"].depth == 2
    assert frontier.counts().queued == 10
