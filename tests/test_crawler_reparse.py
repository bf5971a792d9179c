"""``reparse_archive``: archived pages extracted again and loaded, with no network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import careerdiff.extraction
import extractors
from careerdiff.crawler import newest_first_layers, reparse_archive, run_crawl
from careerdiff.errors import ConfigError
from careerdiff.fixture_site import FixtureSiteServer
from extractors import PageRecord
from models import LoadItem, Store
from models.archive import Archive
from tests.models.store_factories import T0, occupation, postgres_schema
from tests.test_crawler import settings_for, view_facts

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _crawled(backend: str, tmp_path: Path) -> Iterator[tuple[str, int]]:
    with FixtureSiteServer() as site:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'crawled.db'}"
            run_crawl(settings_for(site, url))
            yield url, len(site.urls().allowed)
            return
        with postgres_schema() as url:
            run_crawl(settings_for(site, url))
            yield url, len(site.urls().allowed)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A database holding one crawl of the fixture site, and its number of pages."""
    yield from _crawled(str(request.param), tmp_path)


def fetch_versions(db_url: str) -> list[int]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return sorted(
            connection.execute(sa.text("SELECT extractor_version FROM page_fetch")).scalars()
        )


def test_after_a_version_bump_reparse_reads_every_page_again_and_changes_nothing(
    db: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_url, pages = db
    before = view_facts(db_url)
    assert reparse_archive(db_url, processes=0).pages == 0  # nothing older than this version

    newer = extractors.EXTRACTOR_VERSION + 1
    monkeypatch.setattr(extractors, "EXTRACTOR_VERSION", newer)
    summary = reparse_archive(db_url, processes=0, batch_size=7)

    assert summary.pages == pages and summary.batches == -(-pages // 7)
    assert summary.extractor_version == newer
    assert summary.load.pages_unchanged == pages and summary.load.changes == 0
    assert view_facts(db_url) == before
    assert fetch_versions(db_url) == [newer] * pages
    with Store.open(db_url) as store:
        assert Archive(store.engine).count(older_than=newer) == 0
    assert reparse_archive(db_url, processes=0).pages == 0  # all at the new version now


def test_reparse_all_reads_every_page_whatever_its_version(db: tuple[str, int]) -> None:
    db_url, pages = db
    before = view_facts(db_url)
    summary = reparse_archive(db_url, all_pages=True, processes=0)
    assert summary.pages == pages and summary.load.pages_unchanged == pages
    assert view_facts(db_url) == before


def _raise_salaries(html: Any, url: str | None = None) -> PageRecord:
    record = extractors.extract_page(html, url=url)
    occupations = [
        occupation.model_copy(update={"yearly_salary_usd": (occupation.yearly_salary_usd or 0) + 1})
        for occupation in record.occupations
    ]
    return record.model_copy(update={"occupations": occupations})


def test_a_fixed_extractor_reaches_the_database_through_reparse(
    db: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_url, pages = db
    monkeypatch.setattr(careerdiff.extraction, "extract_page", _raise_salaries)
    monkeypatch.setattr(extractors, "EXTRACTOR_VERSION", extractors.EXTRACTOR_VERSION + 1)
    summary = reparse_archive(db_url, processes=0)
    assert summary.pages == pages and summary.load.pages_changed > 0
    changes = view_facts(db_url)["occupation_changes"]
    assert changes and {row[1] for row in changes} == {"yearly_salary_usd"}
    assert all(int(new) == int(old) + 1 for _slug, _field, old, new, _url in changes), changes


def test_reparse_in_slices_reads_each_page_once(db: tuple[str, int]) -> None:
    db_url, pages = db
    seen = 0
    cursor = None
    calls = 0
    while (summary := reparse_archive(db_url, all_pages=True, limit=5, after=cursor)).pages:
        seen += summary.pages
        cursor = summary.cursor
        calls += 1
    assert seen == pages and calls == -(-pages // 5)


def test_reparse_with_a_worker_process_gives_the_same(
    db: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_url, pages = db
    before = view_facts(db_url)
    batches: list[int] = []
    summary = reparse_archive(
        db_url,
        all_pages=True,
        processes=1,
        batch_size=4,
        on_batch=lambda s: batches.append(s.pages),
    )
    assert summary.pages == pages and batches[-1] == pages and len(batches) == -(-pages // 4)
    assert view_facts(db_url) == before


def test_reparse_of_an_empty_archive_does_nothing(tmp_path: Path) -> None:
    summary = reparse_archive(f"sqlite:///{tmp_path / 'empty.db'}", processes=0)
    assert (summary.pages, summary.batches, summary.load.pages) == (0, 0, 0)


def test_a_batch_size_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="batch size"):
        reparse_archive(f"sqlite:///{tmp_path / 'x.db'}", batch_size=0)


def test_layers_show_each_occupation_once_newest_page_first() -> None:
    def load_item(name: str, *slugs: str) -> LoadItem:
        occupations = [occupation(slug) for slug in slugs]
        record = PageRecord(url=f"https://careers.test/{name}", title=name, occupations=occupations)
        return LoadItem(record, T0, None, 1)

    newest, middle, oldest, other, lone = (
        load_item("newest", "nurse", "medic"),
        load_item("middle", "cook", "nurse"),
        load_item("oldest", "cook", "medic"),
        load_item("other", "pilot", "baker"),
        load_item("lone", "cook"),
    )
    layers = newest_first_layers([newest, middle, oldest, other, lone])
    names = [[str(item.record.title) for item in layer] for layer in layers]
    assert names == [["newest", "other"], ["middle"], ["oldest"], ["lone"]]
    assert newest_first_layers([]) == []
