"""The bars' verdicts, the one table, and RESULTS.md keeping its hand-written notes."""

from __future__ import annotations

from pathlib import Path

from bench import crawling, report
from bench.crawling import Run
from bench.machine import machine, versions
from bench.parsing import BS4, BS4_PEER, CAREERDIFF, LEXBOR, ParseResult
from bench.processes import Measured


def _parse(ours: float, lexbor: float, peer: float) -> ParseResult:
    rates = {CAREERDIFF: ours, LEXBOR: lexbor, BS4_PEER: peer, BS4: peer * 1.1}
    return ParseResult(10, 130.0, 3, 1, rates, {k: [v] * 3 for k, v in rates.items()})


def _run(tool: str, size: int, pages: int, seconds: float, peak_mb: float = 100.0) -> Run:
    measured = Measured(0, seconds, seconds, peak_mb, peak_mb, 1)
    return Run(tool, size, pages, measured, 0.1, Path("x.log"))


def test_parse_bars() -> None:
    met = [v.met for v in report.parse_verdicts(_parse(1200, 2000, 100))]
    assert met == [True, True, True]
    missed = [v.met for v in report.parse_verdicts(_parse(500, 2000, 100))]
    assert missed == [False, False, False]
    assert [v.met for v in report.parse_verdicts(None)] == [None]


def test_crawl_bars_use_medians_and_the_first_crawl() -> None:
    runs = [
        _run(crawling.CAREERDIFF, 1000, 1000, 2.0, peak_mb=100),
        _run(crawling.CAREERDIFF, 1000, 1000, 3.0, peak_mb=100),
        _run(crawling.CAREERDIFF, 1000, 1000, 9.0, peak_mb=100),
        _run(crawling.SCRAPY, 1000, 1000, 4.0),
        _run(crawling.RECRAWL, 1000, 1000, 0.5),
        _run(crawling.CAREERDIFF, 20000, 20000, 60.0, peak_mb=180),
    ]
    verdicts = {v.bar: v for v in report.crawl_verdicts(runs, [1000, 20000])}
    peer = verdicts["crawl >= 1.25x the Scrapy peer (1,000 pages)"]
    assert peer.met and peer.measured.startswith("1.33x")  # median 3.0 s vs 4.0 s
    recrawl = verdicts["unchanged recrawl >= 5x faster than the first crawl (1,000 pages)"]
    assert recrawl.met and recrawl.measured.startswith("6.0x")
    memory = verdicts["crawl peak memory grows < 50 MB from 1,000 to 20,000 pages"]
    assert memory.met is False and "+80 MB" in memory.measured


def test_the_table_has_a_row_per_measurement() -> None:
    runs = [_run(crawling.CAREERDIFF, 1000, 1000, 2.0), _run(crawling.SCRAPY, 1000, 990, 4.0)]
    lines = report.table(_parse(1200, 2000, 100), runs)
    assert len(lines) == 2 + 4 + 2
    assert "990/1,000" in lines[-1] and "248" in lines[-1]


def test_results_keep_the_notes_after_the_marker(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    context = report.Context("today", machine(), versions(), (1.0, 1.0, 1.0), command="x")
    first = report.markdown(context, _parse(1200, 2000, 100), [], [1000], "")
    results.write_text(first + "## What we changed\n\nbatching: +20%\n", encoding="utf-8")
    notes = report.kept_notes(results)
    assert "batching: +20%" in notes
    second = report.markdown(context, None, [], [1000], notes)
    assert second.count(report.NOTES_MARKER) == 1
    assert second.endswith("batching: +20%\n")
    assert "1,200 pages/s" not in second  # measurements are rewritten, notes kept
    assert report.kept_notes(tmp_path / "missing.md") == ""
