"""``StoreSink`` (careerdiff/crawl/store_sink.py) and ``PageExtractor`` (careerdiff/extraction.py):
batches of fetched pages archived, extracted (inline or in a worker process) and loaded."""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import careerdiff.extraction
import extractors
from careerdiff.crawl.result import FetchResult
from careerdiff.crawl.sink import PageOutcome
from careerdiff.crawl.store_sink import StoreSink
from careerdiff.extraction import ExtractJob, PageExtractor, compress, extract_jobs
from models import Store
from models.archive import Archive
from tests.helpers import SEED_NAME, load_page, page_names

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
BASE = "https://careers.test"


def fetched(name: str, html: str | bytes, at: datetime = T0, charset: str = "utf-8") -> FetchResult:
    body = html if isinstance(html, bytes) else html.encode(charset)
    return FetchResult(
        url=f"{BASE}/{name}-jobs/{name}-vs-x-differences",
        final_url=f"{BASE}/{name}-jobs/{name}-vs-x-differences",
        fetched_at=at,
        status=200,
        headers={"content-type": f"text/html; charset={charset}", "etag": f'"{name}"'},
        body=body,
        content_type="text/html",
        charset=charset,
        content_hash=hashlib.sha256(body).hexdigest(),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'sink.db'}") as opened:
        yield opened


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs extracted (inline) from now on."""
    calls: list[str] = []
    real = careerdiff.extraction.extract_record

    def counting(html: str | bytes, url: str) -> Any:
        calls.append(url)
        return real(html, url)

    monkeypatch.setattr(careerdiff.extraction, "extract_record", counting)
    return calls


def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text(sql))]


def test_a_batch_is_archived_extracted_and_loaded(store: Store) -> None:
    names = page_names()[:4]
    pages = [fetched(f"page{number}", load_page(name)) for number, name in enumerate(names)]
    with StoreSink(store, processes=0) as sink:
        outcomes = sink.accept(pages)
    assert outcomes == [PageOutcome.NEW] * len(pages)
    assert sink.load.pages == len(pages)
    archive = Archive(store.engine)
    for page in pages:
        [kept] = archive.get(page.url)
        assert kept.body == page.body and kept.content_hash == page.content_hash
        assert kept.extractor_version == extractors.EXTRACTOR_VERSION
        assert kept.headers == dict(page.headers) and kept.charset == "utf-8"
    stored = rows(store, "SELECT url FROM comparisons ORDER BY url")
    assert [url for (url,) in stored] == sorted(page.url for page in pages)
    provenance = rows(store, "SELECT content_hash FROM page_fetch")
    assert sorted(h for (h,) in provenance) == sorted(str(p.content_hash) for p in pages)


def test_a_page_with_the_loaded_hash_costs_no_extraction_and_no_load(
    store: Store, extractions: list[str]
) -> None:
    page = fetched("seed", load_page(SEED_NAME))
    with StoreSink(store, processes=0) as sink:
        assert sink.accept([page]) == [PageOutcome.NEW]
        before = rows(store, "SELECT * FROM comparison_page")
        later = fetched("seed", load_page(SEED_NAME), at=T0 + timedelta(days=1))
        assert sink.accept([later]) == [PageOutcome.UNCHANGED]
    assert extractions == [page.url]  # once: the second fetch was not extracted
    assert rows(store, "SELECT * FROM comparison_page") == before  # nor loaded
    [kept] = Archive(store.engine).get(page.url)  # one body, its latest fetch noted
    assert kept.fetched_at == T0 + timedelta(days=1)


def test_a_changed_page_is_loaded_as_changed_and_archived_beside_the_old_body(
    store: Store,
) -> None:
    html = load_page(SEED_NAME)
    assert "$32,954" in html
    with StoreSink(store, processes=0) as sink:
        sink.accept([fetched("seed", html)])
        raised = fetched("seed", html.replace("$32,954", "$33,954"), at=T0 + timedelta(days=2))
        assert sink.accept([raised]) == [PageOutcome.CHANGED]
    changes = rows(store, "SELECT field, old_value, new_value FROM occupation_changes")
    assert ("yearly_salary_usd", "32954", "33954") in changes
    assert len(Archive(store.engine).get(raised.url)) == 2


def test_a_page_in_another_charset_is_extracted_from_its_text(store: Store) -> None:
    html = (
        '<html><head><meta charset="windows-1252"></head><body><main>'
        "<h1>Caf\xe9 manager vs barista</h1><p>What does a caf\xe9 manager do?</p>"
        "</main></body></html>"
    )
    page = fetched("cafe", html.encode("cp1252"), charset="windows-1252")
    with StoreSink(store, processes=0) as sink:
        sink.accept([page])
    [(title,)] = rows(store, "SELECT title FROM comparisons")
    assert title.startswith("Café manager")
    assert Archive(store.engine).get(page.url)[0].body == html.encode("cp1252")


def test_an_extractor_crash_becomes_an_issue_and_the_page_is_still_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: Any, url: str | None = None) -> Any:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(careerdiff.extraction, "extract_page", broken)
    page = fetched("broken", "<html><body><h1>A vs B</h1></body></html>")
    with StoreSink(store, processes=0) as sink:
        assert sink.accept([page]) == [PageOutcome.NEW]
    issues = rows(store, "SELECT url, section, severity, message FROM parse_issues")
    assert issues == [(page.url, "page", "error", "the extractor failed: RuntimeError: boom")]


# --- PageExtractor -----------------------------------------------------------------------


def jobs_of(names: list[str]) -> list[ExtractJob]:
    return [ExtractJob(f"{BASE}/{name}", load_page(name).encode(), "utf-8") for name in names]


def test_a_worker_process_extracts_and_compresses_as_the_caller_would() -> None:
    jobs = jobs_of(page_names()[:3])
    with PageExtractor(1) as extractor:
        in_worker = extractor.run(jobs)
    inline = extract_jobs(jobs)
    assert [r.record for r in in_worker] == [r.record for r in inline]
    assert [r.body_zlib for r in in_worker] == [compress(job.body) for job in jobs]


def test_compressed_jobs_come_back_without_a_body_and_jobs_may_skip_extraction() -> None:
    [name] = page_names()[:1]
    body = load_page(name).encode()
    compressed = ExtractJob(f"{BASE}/a", compress(body), "utf-8", compressed=True)
    only_compress = ExtractJob(f"{BASE}/b", body, "utf-8", extract=False)
    first, second = extract_jobs([compressed, only_compress])
    assert first.record is not None and first.record.url == f"{BASE}/a"
    assert first.body_zlib is None
    assert second.record is None and second.body_zlib == compress(body)


def test_when_the_worker_dies_the_extractor_goes_on_in_this_process() -> None:
    jobs = jobs_of(page_names()[:2])
    with PageExtractor(1) as extractor:
        extractor.run(jobs)  # the worker is up
        pool = extractor._pool
        assert pool is not None
        for pid in list(pool._processes):  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
        results = extractor.run(jobs)
        assert extractor._pool is None
    assert [r.record for r in results] == [r.record for r in extract_jobs(jobs)]


def test_jobs_travel_in_chunks_and_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(careerdiff.extraction, "CHUNK_JOBS", 2)
    jobs = jobs_of(page_names()[:5])
    with PageExtractor(1) as extractor:
        results = extractor.run(jobs)
    assert [r.record.url if r.record else None for r in results] == [job.url for job in jobs]
