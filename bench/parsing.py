"""Parse throughput on one core: careerdiff's extraction beside bare lexbor and BeautifulSoup.

Four works run over the same sample of generated pages (text, already decoded):
careerdiff's ``extract_page``, a bare ``LexborHTMLParser(html)`` (the limit), the
BeautifulSoup peer's extraction, and a bare ``BeautifulSoup(html, "lxml")``. They
take turns within each round (in a rotating order, so a busy machine slows them
alike), the process is pinned to one CPU, time is CPU time, and each work's figure
is the median of the rounds. The sample is also checked: careerdiff's records
against the facts the pages were drawn from, and the peer's against careerdiff's.

careerdiff's row says whether its extractors ran compiled (``make install``
compiles them with mypyc) or from source; when compiled, a child process pinned to
the same CPU measures them from source too (``CAREERDIFF_PURE=1``), for a fifth row.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser

from bench.compare import differences
from bench.peers.bs4_extract import extract_page_bs4
from bench.sitefacts import SitePlan
from bench.sitegen import Site
from extractors import RUNS_AS, extract_page
from extractors._native import PURE_ENV
from fixtures.tools.expected import comparison_record

CAREERDIFF = "careerdiff extract_page"
CAREERDIFF_SOURCE = "careerdiff extract_page, from source"
LEXBOR = "bare LexborHTMLParser(html)"
BS4_PEER = "BeautifulSoup peer extraction"
BS4 = "bare BeautifulSoup(html, 'lxml')"

Work = Callable[[str], object]
WORKS: dict[str, Work] = {
    CAREERDIFF: extract_page,
    LEXBOR: LexborHTMLParser,
    BS4_PEER: extract_page_bs4,
    BS4: lambda html: BeautifulSoup(html, "lxml"),
}


@dataclass(frozen=True)
class SamplePage:
    index: int  # in the site plan's order
    url_path: str
    html: str


@dataclass
class ParseResult:
    """Median pages/s of each work, every round's figure, and the records check."""

    pages: int
    average_kb: float
    rounds: int
    cpu: int | None
    rates: dict[str, float]
    runs: dict[str, list[float]]
    runs_as: str = RUNS_AS  # how careerdiff's extractors ran: "compiled" or "source"
    facts_mismatches: list[str] = field(default_factory=list)
    peer_mismatches: list[str] = field(default_factory=list)
    facts_pages_differing: int = 0
    peer_pages_differing: int = 0


def sample_pages(site: Site, count: int, seed: int = 7) -> list[SamplePage]:
    """``count`` comparison pages of ``site``, chosen at random (same seed, same pages)."""
    indices = sorted(random.Random(seed).sample(range(site.pages), min(count, site.pages)))
    pages = []
    for index in indices:
        path = site.comparison_paths[index]
        html = (site.www / path.strip("/") / "index.html").read_text(encoding="utf-8")
        pages.append(SamplePage(index, path, html))
    return pages


def measure(works: dict[str, Work], pages: Sequence[str], rounds: int) -> dict[str, list[float]]:
    """Pages per CPU second of each work in each round; the works take turns within a round."""
    runs: dict[str, list[float]] = {name: [] for name in works}
    names = list(works)
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            work = works[name]
            gc.collect()
            started = time.process_time()
            for page in pages:
                work(page)
            runs[name].append(len(pages) / max(time.process_time() - started, 1e-9))
    return runs


@contextlib.contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process to one CPU (the last one) for the block; yields it (None if unsupported)."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    before = os.sched_getaffinity(0)
    cpu = max(before)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, before)


def check_records(site: Site, pages: Sequence[SamplePage]) -> tuple[list[str], list[str], int, int]:
    """Differences of careerdiff's records from the facts, and of the peer's from careerdiff's.

    Returns (first facts differences, first peer differences, pages differing from
    the facts, pages where the peer differs), at most five lines each.
    """
    plan = SitePlan(site.pages, site.seed).comparisons()
    facts_lines: list[str] = []
    peer_lines: list[str] = []
    facts_pages = peer_pages = 0
    for page in pages:
        ours = extract_page(page.html).model_dump(mode="json")
        peer = extract_page_bs4(page.html).model_dump(mode="json")
        expected = comparison_record(plan[page.index])
        facts = differences(ours, expected)
        versus = differences(peer, ours)
        if facts:
            facts_pages += 1
            facts_lines.extend(f"{page.url_path}: {line}" for line in facts[:2])
        if versus:
            peer_pages += 1
            peer_lines.extend(f"{page.url_path}: {line}" for line in versus[:2])
    return facts_lines[:5], peer_lines[:5], facts_pages, peer_pages


def run_parse(site: Site, *, pages: int = 100, rounds: int = 3) -> ParseResult:
    """Measure the four works on ``pages`` sampled pages of ``site`` and check their records."""
    sample = sample_pages(site, pages)
    htmls = [page.html for page in sample]
    average_kb = sum(len(h.encode("utf-8")) for h in htmls) / len(htmls) / 1024
    facts, peer, facts_pages, peer_pages = check_records(site, sample)
    with one_core() as cpu:
        runs = measure(WORKS, htmls, rounds)
    if RUNS_AS == "compiled":
        runs[CAREERDIFF_SOURCE] = measure_from_source(htmls, rounds)
    return ParseResult(
        pages=len(sample),
        average_kb=average_kb,
        rounds=rounds,
        cpu=cpu,
        rates={name: statistics.median(values) for name, values in runs.items()},
        runs=runs,
        facts_mismatches=facts,
        peer_mismatches=peer,
        facts_pages_differing=facts_pages,
        peer_pages_differing=peer_pages,
    )


def measure_from_source(pages: Sequence[str], rounds: int) -> list[float]:
    """careerdiff's rates with its extractors run from source, in a pinned child process."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "pages.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump(list(pages), file)
        done = subprocess.run(
            [sys.executable, "-m", "bench.parsing", path, str(rounds)],
            env={**os.environ, PURE_ENV: "1"},
            capture_output=True,
            text=True,
            check=True,
        )
    rates: list[float] = json.loads(done.stdout)
    return rates


def _child(pages_file: str, rounds: str) -> None:
    """Print the rates of ``extract_page`` over the pages in ``pages_file`` (a JSON list)."""
    with open(pages_file, encoding="utf-8") as file:
        pages = json.load(file)
    with one_core():
        runs = measure({CAREERDIFF: extract_page}, pages, int(rounds))
    print(json.dumps(runs[CAREERDIFF]))


if __name__ == "__main__":
    _child(*sys.argv[1:3])
