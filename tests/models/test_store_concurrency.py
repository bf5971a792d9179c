"""Two processes loading overlapping pages into one database both finish, and nothing is lost."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
from store_factories import T0, item, occupation, one, page, view

from models import Store

PAGES_EACH = 240
OVERLAP = 120  # the second process starts at page 120 of the first's range
BATCH = 8


def _pages(first: int, count: int) -> list:  # type: ignore[type-arg]
    """Page n compares occupation n with occupation n + 1: neighbours share occupations."""
    return [
        item(
            page(occupation(f"job-{n}", job_count=n), occupation(f"job-{n + 1}", job_count=n + 1)),
            T0,
        )
        for n in range(first, first + count)
    ]


def _load(db_url: str, first: int, start: multiprocessing.synchronize.Barrier) -> dict[str, int]:
    items = _pages(first, PAGES_EACH)
    start.wait(timeout=60)
    with Store.open(db_url, batch_size=BATCH) as store:
        summary = store.load(items)
    return {"pages": summary.pages, "changes": summary.changes}


@pytest.mark.slow
def test_two_processes_loading_overlapping_pages_both_finish(db_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            futures = [pool.submit(_load, db_url, first, start) for first in (0, OVERLAP)]
            results = [future.result(timeout=240) for future in futures]

    assert results == [{"pages": PAGES_EACH, "changes": 0}] * 2
    all_pages = OVERLAP + PAGES_EACH
    with Store.open(db_url) as store:
        assert len(view(store.engine, "comparisons")) == all_pages
        assert one(store.engine, "SELECT count(*) FROM occupations") == all_pages + 1
        assert one(store.engine, "SELECT count(*) FROM occupation_skills") == 3 * (all_pages + 1)
        assert one(store.engine, "SELECT count(*) FROM page_fetch") == all_pages
        assert one(store.engine, "SELECT count(*) FROM occupation_changes") == 0
        assert one(store.engine, "SELECT sum(job_count) FROM occupations") == sum(
            range(all_pages + 1)
        )
