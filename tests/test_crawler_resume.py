"""A ``careerdiff crawl`` killed (SIGKILL) or interrupted (Ctrl-C) midway, then run again,
ends with what one uninterrupted crawl stores, and fetches no finished page twice.

The crawl runs as a subprocess (the installed script, extraction in its worker
process) against the fixture site, slowed down so there is a midway to stop at.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from careerdiff.crawler import run_crawl
from careerdiff.fixture_site import FixtureSiteServer
from models import Store
from models.frontier import DbFrontier
from tests.test_crawler import settings_for, view_facts

pytestmark = pytest.mark.slow

SCRIPT = Path(sys.executable).parent / "careerdiff"
#: Seconds the site waits before each answer.
DELAY = 0.4
KILLS = 3


@pytest.fixture
def site() -> Iterator[FixtureSiteServer]:
    with FixtureSiteServer(delay=DELAY) as server:
        yield server


@pytest.fixture
def reference(site: FixtureSiteServer, tmp_path: Path) -> dict[str, object]:
    """The views after one uninterrupted crawl of the same site (in one process: the
    order of its pages is fixed, and so is which page's facts an occupation keeps)."""
    db_url = f"sqlite:///{tmp_path / 'reference.db'}"
    run_crawl(settings_for(site, db_url, concurrency=2, crawl_processes=1))
    return view_facts(db_url)  # type: ignore[return-value]


def order_free(facts: dict[str, object]) -> dict[str, object]:
    """What a crawl finds whatever the order of its pages: the comparisons and which
    occupations exist. (Red-team pages show shared occupations with other facts, and
    the page fetched last decides them; in several processes that order is not fixed.)"""
    occupations = facts["occupations"]
    assert isinstance(occupations, list)
    return {"comparisons": facts["comparisons"], "slugs": sorted(row[0] for row in occupations)}


def start_crawl(
    site: FixtureSiteServer, db_file: Path, processes: int = 1
) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERDIFF_")}
    env["CAREERDIFF_BATCH_SIZE"] = "3"  # pages reach the database all along the crawl
    env["CAREERDIFF_CRAWL_PROCESSES"] = str(processes)
    command = [str(SCRIPT), "crawl", "--seed", site.urls().home, "--db", f"sqlite:///{db_file}"]
    return subprocess.Popen(
        [*command, "--rate", "0", "--concurrency", "2"],
        cwd=db_file.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    """Ctrl-C as a terminal delivers it: a shell starts background jobs with SIGINT
    ignored, and Python keeps an ignored SIGINT ignored, so a suite run in the background
    would otherwise test nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def done_urls(db_file: Path) -> set[str]:
    """URLs the frontier holds as done (none while the database is being made)."""
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as connection:
            rows = connection.execute("SELECT url FROM crawl_url WHERE state = 'done'").fetchall()
    except sqlite3.OperationalError:
        return set()
    return {url for (url,) in rows}


def wait_until_done(process: subprocess.Popen[str], db_file: Path, count: int) -> None:
    deadline = time.monotonic() + 120
    while len(done_urls(db_file)) < count:
        assert process.poll() is None, f"the crawl ended too soon: {process.communicate()}"
        assert time.monotonic() < deadline, "the crawl made no progress"
        time.sleep(0.02)


def paths_of(urls: set[str]) -> set[str]:
    return {urlsplit(url).path or "/" for url in urls}


def finish(process: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        return process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_crawl_killed_at_random_points_and_restarted_stores_the_same(
    site: FixtureSiteServer, reference: dict[str, object], tmp_path: Path, processes: int
) -> None:
    seed = random.randrange(1_000_000)
    points = sorted(random.Random(seed).sample(range(2, 22), KILLS))
    db_file = tmp_path / "killed.db"
    finished_before: list[tuple[set[str], int]] = []  # done URLs and log length at each kill

    for point in points:
        process = start_crawl(site, db_file, processes)
        try:
            wait_until_done(process, db_file, point)
        finally:
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=60)
        finished_before.append((done_urls(db_file), len(site.request_log)))

    process = start_crawl(site, db_file, processes)
    out, err = finish(process)
    assert process.returncode == 0, err
    assert "took back" in err  # the last killed crawl's leases
    assert "crawl finished" in out

    for done, log_length in finished_before:
        again = paths_of(done) & set(site.request_log[log_length:])
        assert not again, f"fetched again after finishing (seed {seed}, kills at {points})"
    found = view_facts(f"sqlite:///{db_file}")
    if processes == 1:
        assert found == reference, f"seed {seed}, kills at {points}"
    else:
        assert order_free(found) == order_free(reference), f"seed {seed}, kills at {points}"
    with Store.open(f"sqlite:///{db_file}") as store:
        counts = DbFrontier(store.engine).counts()
        assert counts.leased == counts.queued == 0


@pytest.mark.parametrize("processes", [1, 2])
def test_ctrl_c_stops_cleanly_and_the_next_crawl_finishes_the_work(
    site: FixtureSiteServer, reference: dict[str, object], tmp_path: Path, processes: int
) -> None:
    db_file = tmp_path / "interrupted.db"
    process = start_crawl(site, db_file, processes)
    try:
        wait_until_done(process, db_file, 8)
    finally:
        process.send_signal(signal.SIGINT)
    _out, err = finish(process)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "careerdiff: interrupted"
    assert "Traceback" not in err
    with Store.open(f"sqlite:///{db_file}") as store:
        frontier = DbFrontier(store.engine)
        assert frontier.counts().leased == 0  # handed back
        stored = {row[0] for row in view_facts(f"sqlite:///{db_file}")["comparisons"]}
        done = {e.url for e in frontier.entries() if e.state == "done" and e.kind == "comparison"}
    assert done and done <= stored  # nothing finished was lost

    process = start_crawl(site, db_file, processes)
    _out, err = finish(process)
    assert process.returncode == 0, err
    assert "resuming an unfinished crawl" in err
    found = view_facts(f"sqlite:///{db_file}")
    if processes == 1:
        assert found == reference
    else:
        assert order_free(found) == order_free(reference)
