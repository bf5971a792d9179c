"""Turn measurements into one printed table, the bars' verdicts, and ``bench/RESULTS.md``.

RESULTS.md is rewritten on every run down to the notes marker; what follows the
marker (hand-written notes on what was changed and what it gained) is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import crawling
from bench.crawling import Run, median_run
from bench.machine import Machine
from bench.parsing import BS4, BS4_PEER, CAREERDIFF, CAREERDIFF_SOURCE, LEXBOR, ParseResult

NOTES_MARKER = "<!-- Everything below this line is kept by bench/run.py. -->"


@dataclass
class Context:
    """Where and when the numbers were taken."""

    date: str
    machine: Machine
    versions: dict[str, str]
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] | None = None
    busy_before: list[tuple[str, float]] = field(default_factory=list)
    server: str = ""
    command: str = ""


@dataclass(frozen=True)
class Verdict:
    bar: str
    measured: str
    met: bool | None  # None: not measured


def parse_verdicts(parse: ParseResult | None) -> list[Verdict]:
    if parse is None:
        return [Verdict("extraction >= 1,000 pages/s, <= 2.5x bare lexbor, >= 8x the BS4 peer",
                        "not measured", None)]  # fmt: skip
    ours, lexbor, peer = parse.rates[CAREERDIFF], parse.rates[LEXBOR], parse.rates[BS4_PEER]
    return [
        Verdict("extraction >= 1,000 pages/s on one core", f"{ours:,.0f} pages/s", ours >= 1000),
        Verdict(
            "extraction within 2.5x of bare lexbor",
            f"{lexbor / ours:.2f}x ({lexbor:,.0f} vs {ours:,.0f} pages/s)",
            lexbor / ours <= 2.5,
        ),
        Verdict(
            "extraction >= 8x faster than the BeautifulSoup peer",
            f"{ours / peer:.1f}x ({ours:,.0f} vs {peer:,.0f} pages/s)",
            ours / peer >= 8,
        ),
    ]


def _by(runs: Sequence[Run], tool: str, size: int) -> list[Run]:
    return [r for r in runs if r.tool == tool and r.site_pages == size and r.ok]


def crawl_verdicts(runs: Sequence[Run], sizes: Sequence[int]) -> list[Verdict]:
    verdicts = []
    for size in sizes:
        ours, peer = _by(runs, crawling.CAREERDIFF, size), _by(runs, crawling.SCRAPY, size)
        if ours and peer:
            a, b = median_run(ours), median_run(peer)
            ours_rate, peer_rate = a.pages_per_second, b.pages_per_second
            ratio = ours_rate / peer_rate if peer_rate else 0.0
            verdicts.append(
                Verdict(
                    f"crawl >= 1.25x the Scrapy peer ({size:,} pages)",
                    f"{ratio:.2f}x ({ours_rate:,.0f} vs {peer_rate:,.0f} pages/s)",
                    ratio >= 1.25,
                )
            )
        recrawl = _by(runs, crawling.RECRAWL, size)
        if ours and recrawl:
            first, again = median_run(ours), median_run(recrawl)
            speedup = first.seconds / again.seconds if again.seconds else 0.0
            verdicts.append(
                Verdict(
                    f"unchanged recrawl >= 5x faster than the first crawl ({size:,} pages)",
                    f"{speedup:.1f}x ({first.seconds:.1f} s vs {again.seconds:.1f} s)",
                    speedup >= 5,
                )
            )
    small = [s for s in sizes if _by(runs, crawling.CAREERDIFF, s)]
    if len(small) >= 2:
        low, high = min(small), max(small)
        low_mb = median_run(_by(runs, crawling.CAREERDIFF, low)).measured.tree_peak_mb
        high_mb = median_run(_by(runs, crawling.CAREERDIFF, high)).measured.tree_peak_mb
        verdicts.append(
            Verdict(
                f"crawl peak memory grows < 50 MB from {low:,} to {high:,} pages",
                f"{high_mb - low_mb:+.0f} MB ({low_mb:.0f} -> {high_mb:.0f} MB, all processes)",
                high_mb - low_mb < 50,
            )
        )
    return verdicts


def _mark(met: bool | None) -> str:
    return {True: "met", False: "NOT met", None: "not measured"}[met]


def table(parse: ParseResult | None, runs: Sequence[Run]) -> list[str]:
    """The one table: every measurement, one line each (medians where repeated)."""
    rows = [("measurement", "pages", "pages/s", "peak MB", "CPU %", "CPU ms/page", "server CPU %")]
    if parse is not None:
        for name in (CAREERDIFF, CAREERDIFF_SOURCE, LEXBOR, BS4_PEER, BS4):
            if name not in parse.rates:
                continue
            rate = parse.rates[name]
            label = f"{name} ({parse.runs_as})" if name == CAREERDIFF else name
            rows.append((f"parse: {label}", f"{parse.pages}", f"{rate:,.0f}",
                         "", "100 (1 core)", f"{1000 / rate:.2f}", ""))  # fmt: skip
    sizes = sorted({r.site_pages for r in runs})
    for size in sizes:
        for tool in (crawling.CAREERDIFF, crawling.SCRAPY, crawling.RECRAWL, crawling.REPARSE):
            found = [r for r in runs if r.tool == tool and r.site_pages == size]
            if not found:
                continue
            good = [r for r in found if r.ok]
            run = median_run(good) if good else found[-1]
            label = f"{tool}" + (f" (median of {len(good)})" if len(good) > 1 else "")
            rows.append(
                (
                    label + ("" if run.ok else " FAILED"),
                    f"{run.pages:,}/{size:,}",
                    f"{run.pages_per_second:,.0f}",
                    f"{run.measured.tree_peak_mb:.0f}",
                    f"{run.cpu_percent:.0f}",
                    f"{run.cpu_ms_per_page:.1f}",
                    f"{run.server_cpu_percent:.0f}",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return lines


def _load(load: tuple[float, float, float] | None) -> str:
    return "n/a" if load is None else " / ".join(f"{x:.2f}" for x in load)


def markdown(
    context: Context,
    parse: ParseResult | None,
    runs: Sequence[Run],
    sizes: Sequence[int],
    notes: str,
) -> str:
    verdicts = parse_verdicts(parse) + crawl_verdicts(runs, sizes)
    busy = ", ".join(f"{name} {pct:.0f}%" for name, pct in context.busy_before) or "n/a"
    lines = [
        "# careerdiff benchmarks",
        "",
        f"Measured {context.date} with `{context.command}`.",
        "",
        f"- Machine: {context.machine.describe()}.",
        f"- Load average (1/5/15 min) before: {_load(context.load_before)}; "
        f"after: {_load(context.load_after)}. Busiest processes before: {busy}.",
        f"- Static server: {context.server or 'none (parse only)'}.",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in context.versions.items()) + ".",
        "",
        "## Bars (issue 6)",
        "",
        "| bar | measured | verdict |",
        "|---|---|---|",
        *[f"| {v.bar} | {v.measured} | {_mark(v.met)} |" for v in verdicts],
        "",
        "## All measurements",
        "",
        *table(parse, runs),
        "",
        "pages/s: parse rows are pages per CPU second on one pinned core, median of the "
        "rounds; crawl rows are comparison pages stored (recrawl: answered 304; reparse: "
        "re-extracted) per wall-clock second of the whole child process, start-up included. "
        "peak MB adds the peak resident memory of every process of the child's tree "
        "(careerdiff's crawl extracts in a second process). CPU % is user+system time of "
        "the child and its helpers over wall time (200 = both cores), and CPU ms/page the "
        "same time per page: on a busy machine it is steadier than pages/s. server CPU % "
        "is nginx's.",
        "",
    ]
    if parse is not None:
        lines += _parse_details(parse)
    if runs:
        lines += _crawl_details(runs)
    lines += [NOTES_MARKER, notes.strip("\n"), ""]
    return "\n".join(lines)


def _parse_details(parse: ParseResult) -> list[str]:
    runs = "; ".join(
        f"{name}: " + ", ".join(f"{x:,.0f}" for x in values) for name, values in parse.runs.items()
    )
    lines = [
        "## Parse details",
        "",
        f"{parse.pages} generated pages ({parse.average_kb:.0f} KB on average), {parse.rounds} "
        f"interleaved rounds pinned to CPU {parse.cpu}. Every round (pages/s): {runs}.",
        "",
        f"Records check on the same pages: careerdiff's records differ from the generated "
        f"facts on {parse.facts_pages_differing} of {parse.pages} pages; the BeautifulSoup "
        f"peer's differ from careerdiff's on {parse.peer_pages_differing} of {parse.pages}.",
    ]
    for line in parse.facts_mismatches + parse.peer_mismatches:
        lines.append(f"- `{line}`")
    return [*lines, ""]


def _crawl_details(runs: Sequence[Run]) -> list[str]:
    lines = ["## Every crawl run", ""]
    for run in runs:
        notes = f" — {'; '.join(run.notes)}" if run.notes else ""
        lines.append(
            f"- {run.tool}, site of {run.site_pages:,}: {run.pages:,} pages in "
            f"{run.seconds:.1f} s ({run.pages_per_second:,.0f} pages/s), peak "
            f"{run.measured.tree_peak_mb:.0f} MB in {run.measured.processes} processes "
            f"(largest one {run.measured.maxrss_mb:.0f} MB), CPU {run.cpu_percent:.0f}% "
            f"({run.cpu_ms_per_page:.1f} ms/page), "
            f"server CPU {run.server_cpu_percent:.0f}%, exit {run.measured.returncode}"
            f"{' (timed out)' if run.measured.timed_out else ''}{notes}"
        )
    return [*lines, ""]


def kept_notes(path: Path) -> str:
    """The hand-written notes after the marker of an existing RESULTS.md ("" when none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    _, marker, notes = text.partition(NOTES_MARKER)
    return notes if marker else ""


def verdict_lines(
    parse: ParseResult | None, runs: Sequence[Run], sizes: Sequence[int]
) -> list[str]:
    return [
        f"{_mark(v.met):>12}  {v.bar}: {v.measured}"
        for v in parse_verdicts(parse) + crawl_verdicts(runs, sizes)
    ]
