"""The reparse-archive flow: archived pages extracted again in slices, with no network."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from prefect_records import RunRecords

import extractors
from careerdiff.crawler import run_crawl
from careerdiff.errors import ConfigError
from careerdiff.fixture_site import FixtureSiteServer
from careerdiff.settings import Settings
from flows.reparse import reparse_archive, reparse_slice
from flows.summary import artifact_key
from models import Store

#: What the views hold that a reparse with the same extractor output must leave alone.
SNAPSHOT_QUERIES = (
    "SELECT url, title, slug_a, slug_b, browse_category FROM comparisons ORDER BY url",
    "SELECT * FROM occupations ORDER BY slug",
    "SELECT * FROM occupation_skills ORDER BY slug, rank",
    "SELECT count(*) FROM occupation_changes",
    "SELECT url, section, severity, message FROM parse_issues ORDER BY url, section, message",
)


@pytest.fixture(scope="module")
def crawled_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """A database with the fixture site crawled into it (and archived): its URL, and how
    many comparison pages it holds."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('reparse') / 'crawled.db'}"
    with FixtureSiteServer() as site:
        summary = run_crawl(
            Settings(seeds=(site.base_url + "/",), rate=0, concurrency=4, db_url=db_url)
        )
    return db_url, summary.new


@pytest.fixture
def db_copy(crawled_db: tuple[str, int], tmp_path: Path) -> tuple[str, int]:
    """A copy of the crawled database for one test to change."""
    target = tmp_path / "copy.db"
    with (
        closing(sqlite3.connect(crawled_db[0].removeprefix("sqlite:///"))) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)
    return f"sqlite:///{target}", crawled_db[1]


def snapshot(db_url: str) -> list[list[tuple[object, ...]]]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return [
            [tuple(row) for row in connection.execute(sa.text(query))] for query in SNAPSHOT_QUERIES
        ]


def test_slices_go_on_where_the_last_one_stopped(db_copy: tuple[str, int]) -> None:
    db_url, pages = db_copy

    first = reparse_slice.fn(
        db_url, 1, all_pages=True, after=None, pages=5, batch_size=2, processes=0
    )
    rest = reparse_slice.fn(
        db_url, 2, all_pages=True, after=first.cursor, pages=1000, batch_size=2, processes=0
    )
    past_the_end = reparse_slice.fn(
        db_url, 3, all_pages=True, after=rest.cursor, pages=1000, batch_size=2, processes=0
    )

    assert first.pages == 5 and first.batches == 3
    assert rest.pages == pages - 5
    assert past_the_end.pages == 0


def test_a_new_extractor_version_reaches_every_page_and_a_rerun_has_nothing_to_do(
    prefect: None,
    db_copy: tuple[str, int],
    monkeypatch: pytest.MonkeyPatch,
    run_records: RunRecords,
) -> None:
    db_url, pages = db_copy
    before = snapshot(db_url)
    monkeypatch.setattr(extractors, "EXTRACTOR_VERSION", extractors.EXTRACTOR_VERSION + 1)
    monkeypatch.setenv("CAREERDIFF_EXTRACT_PROCESSES", "0")

    state = reparse_archive(db_url=db_url, pages_per_slice=7, batch_size=3, return_state=True)
    summary = state.result()

    assert summary.reparsed == pages >= 13
    assert summary.tasks == pages // 7 + 1
    assert (summary.new, summary.changed, summary.unchanged) == (0, 0, pages)
    assert summary.fetched == summary.not_modified == 0
    assert snapshot(db_url) == before
    flow_run_id = state.state_details.flow_run_id
    assert flow_run_id is not None
    rows = {
        row["measure"]: row["count"]
        for row in run_records.artifact_rows(flow_run_id, artifact_key("reparse-archive"))
    }
    assert rows["pages reparsed from the archive"] == pages
    assert rows["pages unchanged"] == pages

    again = reparse_archive(db_url=db_url, pages_per_slice=7)

    assert (again.reparsed, again.tasks) == (0, 1)

    everything = reparse_archive(db_url=db_url, all_pages=True)

    assert everything.reparsed == pages
    assert snapshot(db_url) == before


def test_bad_slice_sizes_are_one_line_errors(prefect: None, db_copy: tuple[str, int]) -> None:
    with pytest.raises(ConfigError, match="pages_per_slice"):
        reparse_archive(db_url=db_copy[0], pages_per_slice=0)
