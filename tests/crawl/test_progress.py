"""Progress displays and the crawl summary."""

from __future__ import annotations

import io
import json

from rich.console import Console

from careerdiff.crawl.progress import LogProgress, RichProgress, progress_for, status_line
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary

STATUS = CrawlStatus(fetched=1200, not_modified=30, failed=4, queued=5678, elapsed=2.0)
SUMMARY = CrawlSummary(
    fetched=10,
    not_modified=2,
    new=5,
    changed=1,
    unchanged=3,
    failed={"http-404": 2, "timeout": 1},
    queued_left=7,
    elapsed=4.0,
)


def test_status_line() -> None:
    line = status_line(STATUS)
    assert "fetched 1,200" in line and "queued 5,678" in line and "failed 4" in line
    assert "617.0 pages/s" in line  # (1200 + 30 + 4) / 2


def test_log_progress_writes_plain_lines() -> None:
    stream = io.StringIO()
    progress = LogProgress(stream, interval=1.0)
    progress.start()
    progress.update(STATUS)
    progress.finish(SUMMARY)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "crawl: started"
    assert lines[1].startswith("crawl: fetched 1,200")
    assert lines[2].startswith("crawl: done: fetched 10")
    assert "\x1b" not in stream.getvalue()  # no terminal codes in logs


def test_rich_progress_draws_on_a_terminal() -> None:
    out = io.StringIO()
    progress = RichProgress(Console(file=out, force_terminal=True, width=160))
    progress.start()
    progress.update(STATUS)
    progress.finish(SUMMARY)
    text = out.getvalue()
    assert "fetched 1,200" in text
    assert "crawl: done: fetched 10" in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_for_picks_by_terminal() -> None:
    assert isinstance(progress_for(io.StringIO()), LogProgress)
    assert isinstance(progress_for(_Terminal()), RichProgress)


def test_summary_numbers_and_text() -> None:
    assert SUMMARY.failed_total == 3
    assert SUMMARY.pages_per_second == 3.0  # (10 + 2) / 4
    text = SUMMARY.describe()
    assert "new 5, changed 1, unchanged 3" in text
    assert "failed 3 (http-404 2, timeout 1)" in text
    data = SUMMARY.as_dict()
    assert json.loads(json.dumps(data))["failed"] == {"http-404": 2, "timeout": 1}
    assert data["failed_total"] == 3 and data["pages_per_second"] == 3.0


def test_an_empty_crawl_has_no_rate() -> None:
    assert CrawlSummary().pages_per_second == 0.0
    assert CrawlStatus(0, 0, 0, 0, 0.0).pages_per_second == 0.0
