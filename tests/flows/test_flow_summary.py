"""RunSummary: adding up crawl slices and reparse slices, the artifact's rows, issue counts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawler import ReparseSummary
from careerdiff.load import file_items
from flows.summary import RunSummary, artifact_key, issues_by_section, summary_rows
from models import LoadSummary, Store
from tests.helpers import fixture_path, page_names


def crawl(**counts: object) -> CrawlSummary:
    return CrawlSummary(**counts)  # type: ignore[arg-type]


def test_crawl_slices_add_up_and_the_last_slice_says_what_is_left() -> None:
    first = crawl(
        fetched=5,
        not_modified=2,
        new=3,
        changed=1,
        unchanged=1,
        failed={"http-404": 1},
        queued_left=9,
        elapsed=1.5,
    )
    second = crawl(
        fetched=4, new=4, failed={"http-404": 2, "timeout": 1}, queued_left=0, elapsed=2.0
    )

    summary = RunSummary(flow="crawl-comparisons").add_crawl(first).add_crawl(second)

    assert (summary.tasks, summary.fetched, summary.not_modified) == (2, 9, 2)
    assert (summary.new, summary.changed, summary.unchanged) == (7, 1, 1)
    assert summary.failed == {"http-404": 3, "timeout": 1}
    assert summary.failed_total == 4
    assert summary.pages_taken == 9 + 2 + 4
    assert summary.stored == 9
    assert summary.queued_left == 0
    assert summary.elapsed_seconds == 3.5


def test_reparse_slices_count_pages_and_load_outcomes() -> None:
    load = LoadSummary(pages=3, pages_new=1, pages_changed=1, pages_unchanged=1)
    reparse = ReparseSummary(pages=3, batches=1, extractor_version=9, elapsed=0.5, load=load)

    summary = RunSummary(flow="reparse-archive").add_reparse(reparse).add_reparse(reparse)

    assert (summary.tasks, summary.reparsed, summary.fetched) == (2, 6, 0)
    assert (summary.new, summary.changed, summary.unchanged) == (2, 2, 2)
    assert "reparsed 6" in summary.describe()


def test_rows_name_every_failure_reason_and_issue_section() -> None:
    summary = (
        RunSummary(flow="crawl-comparisons")
        .add_crawl(crawl(fetched=3, new=2, failed={"timeout": 2, "http-410": 1}))
        .with_issues({"skills": 2, "browse": 1})
    )

    rows = {row["measure"]: row["count"] for row in summary_rows(summary)}

    assert rows["pages fetched"] == 3
    assert rows["pages new"] == 2
    assert rows["pages failed"] == 3
    assert rows["failed: timeout"] == 2
    assert rows["failed: http-410"] == 1
    assert rows["parse issues in the database"] == 3
    assert rows["issues: skills"] == 2
    assert rows["issues: browse"] == 1
    assert rows["task runs"] == 1


def test_the_summary_is_a_plain_value_that_round_trips() -> None:
    summary = RunSummary(flow="crawl-comparisons").add_crawl(crawl(fetched=1, new=1))

    assert RunSummary.model_validate(summary.model_dump()) == summary


def test_artifact_keys_are_what_prefect_accepts() -> None:
    for flow in ("crawl-comparisons", "reparse-archive"):
        assert re.fullmatch(r"[a-z0-9-]+", artifact_key(flow))


def test_issues_are_counted_by_section_from_the_database(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'issues.db'}"
    files = [fixture_path(name) for name in page_names()]
    items = list(file_items(files))
    with Store.open(db_url) as store:
        store.load(items)
    expected = Counter(issue.section for item in items for issue in item.record.issues)

    counted = issues_by_section(db_url)

    assert counted == dict(expected)
    assert sum(counted.values()) > 0
