"""Crawl, recrawl and reparse throughput over loopback, beside the Scrapy peer.

For each site size, with nginx serving the generated site on 127.0.0.1:

1. ``careerdiff crawl`` into a fresh SQLite database and the Scrapy peer into
   another, taking turns (``repeats`` times each, the order swapped every time);
2. ``careerdiff crawl`` again on careerdiff's last database: the site is unchanged,
   so every page should cost a conditional request answered 304;
3. ``careerdiff reparse --all`` on that database: archive to database, no network.

Every command runs as a child process (see :mod:`bench.processes`) so its wall
time, CPU time and peak memory are its own. Rate limits are off (``--rate 0``),
``--concurrency`` requests are in flight. Pages/s counts comparison pages: those
stored for a crawl, re-checked for a recrawl, re-extracted for a reparse, over the
child's whole wall time (start-up included, for every tool alike).
"""

from __future__ import annotations

import os
import re
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.nginx import Server, error_lines, serve
from bench.processes import Measured, cpu_seconds_of, run_measured, tree_of
from bench.sitegen import ROOT, Site, ensure_site, write_discovery

CAREERDIFF = "careerdiff crawl"
RECRAWL = "careerdiff recrawl (unchanged site)"
REPARSE = "careerdiff reparse --all"
SCRAPY = "Scrapy peer"

Say = Callable[[str], None]


@dataclass
class Run:
    """One measured child process."""

    tool: str
    site_pages: int
    pages: int  # comparison pages stored, re-checked or re-extracted
    measured: Measured
    server_cpu_seconds: float
    log: Path
    notes: list[str] = field(default_factory=list)
    server: str = ""  # what served the site

    @property
    def seconds(self) -> float:
        return self.measured.seconds

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    @property
    def cpu_ms_per_page(self) -> float:
        """CPU time of the child and its helpers per page (steadier than pages/s on a busy host)."""
        return 1000 * self.measured.cpu_seconds / self.pages if self.pages else 0.0

    @property
    def cpu_percent(self) -> float:
        return 100 * self.measured.cpu_seconds / self.seconds if self.seconds > 0 else 0.0

    @property
    def server_cpu_percent(self) -> float:
        return 100 * self.server_cpu_seconds / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return self.measured.returncode == 0 and not self.measured.timed_out


#: The packages of this checkout that the measured children import.
PROJECT_PACKAGES = ("careerdiff", "extractors", "models", "flows", "bench")


def bytecode_cache(out: Path) -> Path:
    """Where the measured children keep their compiled bytecode (``PYTHONPYCACHEPREFIX``)."""
    return out / "pycache"


def warm_bytecode(out: Path) -> None:
    """Compile the standard library, the installed packages and this checkout into
    :func:`bytecode_cache`, so that no measured child spends its start-up compiling.

    An installed Python program starts from bytecode (pip compiles what it installs);
    without it, with ``PYTHONDONTWRITEBYTECODE`` set as on our machines, every child
    compiled the hundreds of modules it imports again: about a second of CPU per
    start, for careerdiff and the Scrapy peer alike. Files already compiled are skipped.
    """
    paths = sysconfig.get_paths()
    roots = dict.fromkeys([paths["stdlib"], paths["purelib"], paths["platlib"]])
    roots.update(dict.fromkeys(str(ROOT / name) for name in PROJECT_PACKAGES))
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(bytecode_cache(out)))
    command = [sys.executable, "-m", "compileall", "-q", "-j", "0", *roots]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def child_env(out: Path | None = None) -> dict[str, str]:
    """The environment of every measured child: ours without careerdiff's settings, and
    the bytecode that :func:`warm_bytecode` compiled into ``out``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERDIFF_")}
    if out is not None:
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache(out))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["DO_NOT_TRACK"] = "1"
    return env


def count_rows(db: Path, view: str) -> int:
    """Rows of one of the store's views (0 when the database or view is missing)."""
    if not db.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            (count,) = connection.execute(f"SELECT count(*) FROM {view}").fetchone()
            return int(count)
    except sqlite3.Error:
        return 0


def _fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class CrawlBench:
    """Runs the measured children for one site served by ``server``."""

    def __init__(self, site: Site, server: Server, out: Path, concurrency: int, say: Say) -> None:
        self.site = site
        self.server = server
        self.out = out
        self.concurrency = concurrency
        self.say = say
        self.workdir = out / "run"
        self.workdir.mkdir(parents=True, exist_ok=True)  # no careerdiff.toml here
        self.new_server_errors: list[str] = []

    def _server_errors(self) -> list[str]:
        return error_lines(self.server.work) if self.server.work else []

    def _run(self, tool: str, pages: int, measured: Measured, server_cpu: float, log: Path) -> Run:
        """A run, with the crawl's own failures and the server's new errors in its notes."""
        run = Run(tool, self.site.pages, pages, measured, server_cpu, log)
        failed = _failed(log.read_text(errors="replace"))
        if failed:
            run.notes.append(f"the crawl counted failures: {failed}")
        if self.new_server_errors:
            first = self.new_server_errors[0].split("] ", 1)[-1][:160]
            run.notes.append(f"nginx logged {len(self.new_server_errors)} errors, first: {first}")
        return run

    def _measure(self, tool: str, command: list[str], log: Path) -> tuple[Measured, float]:
        server_pids = tree_of(self.server.pid) if self.server.pid else []
        server_before = cpu_seconds_of(server_pids)
        errors_before = len(self._server_errors())
        measured = run_measured(command, cwd=self.workdir, env=child_env(self.out), log=log)
        server_cpu = cpu_seconds_of(server_pids) - server_before
        self.new_server_errors = self._server_errors()[errors_before:]
        if measured.returncode != 0 or measured.timed_out:  # say why, from the log's end
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            self.say(f"  {tool} failed ({measured.returncode}): {' | '.join(tail)}")
        return measured, server_cpu

    def careerdiff_crawl(self, db: Path, *, fresh: bool, tag: str) -> Run:
        if fresh:
            _fresh_db(db)
        tool = CAREERDIFF if fresh else RECRAWL
        before = count_rows(db, "comparisons")
        changes_before = count_rows(db, "occupation_changes")
        command = [
            sys.executable, "-m", "careerdiff", "crawl",
            "--seed", f"{self.server.base_url}/",
            "--rate", "0",
            "--concurrency", str(self.concurrency),
            "--db", f"sqlite:///{db}",
        ]  # fmt: skip
        log = self.out / "logs" / f"careerdiff-{self.site.pages}-{tag}.log"
        measured, server_cpu = self._measure(tool, command, log)
        stored = count_rows(db, "comparisons")
        text = log.read_text(errors="replace")
        run = self._run(tool, stored, measured, server_cpu, log)
        if not fresh:
            not_modified = _figure(text, "not modified")
            run.pages = not_modified if not_modified is not None else stored
            run.notes.append(
                f"{not_modified} not modified, comparisons {before} -> {stored}, "
                f"changes +{count_rows(db, 'occupation_changes') - changes_before}"
            )
        return run

    def scrapy_crawl(self, db: Path, *, tag: str) -> Run:
        _fresh_db(db)
        command = [
            sys.executable, str(ROOT / "bench" / "peers" / "scrapy_crawl.py"),
            "--base", self.server.base_url,
            "--db", f"sqlite:///{db}",
            "--concurrency", str(self.concurrency),
        ]  # fmt: skip
        log = self.out / "logs" / f"scrapy-{self.site.pages}-{tag}.log"
        measured, server_cpu = self._measure(SCRAPY, command, log)
        return self._run(SCRAPY, count_rows(db, "comparisons"), measured, server_cpu, log)

    def reparse(self, db: Path) -> Run:
        command = [
            sys.executable,
            "-m",
            "careerdiff",
            "reparse",
            "--db",
            f"sqlite:///{db}",
            "--all",
        ]
        log = self.out / "logs" / f"reparse-{self.site.pages}.log"
        measured, server_cpu = self._measure(REPARSE, command, log)
        text = log.read_text(errors="replace")
        found = re.search(r"reparsed (\d+) archived page", text)
        pages = int(found.group(1)) if found else 0
        return self._run(REPARSE, pages, measured, server_cpu, log)


def _failed(text: str) -> str | None:
    """The failures line of a crawl's closing summary ("38 (http-404 38)"), if any failed."""
    found = re.findall(r"^\s*failed\s+(\d+.*)$", text, flags=re.M)
    return found[-1].strip() if found and not found[-1].startswith("0") else None


def _figure(text: str, label: str) -> int | None:
    """The number after ``label`` on a line of a crawl's closing summary."""
    found = re.findall(rf"^\s*{re.escape(label)}\s+(\d+)", text, flags=re.M)
    return int(found[-1]) if found else None


def run_crawls(
    sizes: list[int],
    *,
    out: Path,
    repeats: int = 1,
    concurrency: int = 16,
    scrapy: bool = True,
    reparse: bool = True,
    say: Say = print,
) -> Iterator[Run]:
    """Measure every size in turn; yields each run as it finishes."""
    say("compiling bytecode for the measured children (once; then only what changed)")
    warm_bytecode(out)
    for size in sizes:
        say(f"site of {size:,} pages: generating or reusing")
        site = ensure_site(size, out)
        with serve(site.www, out / f"nginx-{size}", say=say) as server:
            write_discovery(site, server.base_url)
            bench = CrawlBench(site, server, out, concurrency, say)
            say(f"  served by {server.kind} {server.version} at {server.base_url}")
            last_db = out / "db" / f"careerdiff-{size}-1.db"
            for repeat in range(1, repeats + 1):
                ours_db = out / "db" / f"careerdiff-{size}-{repeat}.db"
                peer_db = out / "db" / f"scrapy-{size}-{repeat}.db"
                order = ["careerdiff", "scrapy"] if repeat % 2 else ["scrapy", "careerdiff"]
                for tool in order:
                    if tool == "careerdiff":
                        run = bench.careerdiff_crawl(ours_db, fresh=True, tag=str(repeat))
                        last_db = ours_db
                    elif scrapy:
                        run = bench.scrapy_crawl(peer_db, tag=str(repeat))
                    else:
                        continue
                    yield _said(run, server, say)
            for repeat in range(1, repeats + 1):  # the median, as for the first crawl
                again = bench.careerdiff_crawl(last_db, fresh=False, tag=f"recrawl-{repeat}")
                yield _said(again, server, say)
            if reparse:
                yield _said(bench.reparse(last_db), server, say)


def _said(run: Run, server: Server, say: Say) -> Run:
    run.server = f"{server.kind} {server.version}".strip()
    say(f"  {_line(run)}")
    return run


def _line(run: Run) -> str:
    notes = f" [{'; '.join(run.notes)}]" if run.notes else ""
    status = "" if run.ok else " FAILED"
    return (
        f"{run.tool}: {run.pages:,} pages in {run.seconds:.1f} s = "
        f"{run.pages_per_second:,.0f} pages/s, peak {run.measured.tree_peak_mb:.0f} MB, "
        f"CPU {run.cpu_percent:.0f}% ({run.cpu_ms_per_page:.1f} ms/page), "
        f"server CPU {run.server_cpu_percent:.0f}%{status}{notes}"
    )


def median_run(runs: list[Run]) -> Run:
    """The run with the median pages/s (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: run.pages_per_second)
    return ordered[(len(ordered) - 1) // 2]


def median_of(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
