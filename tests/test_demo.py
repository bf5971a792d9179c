"""``careerdiff demo``, the README's first command, run as a person runs it (twice); and
``careerdiff serve`` without a server.

No Prefect server is configured: the demo starts Prefect's temporary one (so each
run takes 20-40 s). Its output tables are read back as numbers.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from careerdiff.cli._examples import EXAMPLE_QUERIES
from careerdiff.fixture_site import fixture_site_urls
from models import Store

ROOT = Path(__file__).resolve().parent.parent
CAREERDIFF = Path(sys.executable).parent / "careerdiff"
ROW = re.compile(r"^[│|] (?P<measure>[^│|]+?) +[│|] +(?P<count>[\d,.]+) [│|]$")


def run_careerdiff(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``careerdiff ARGS`` in ``home`` with no Prefect or careerdiff settings of this process."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PREFECT_", "CAREERDIFF_"))
    }
    env.update({"PREFECT_HOME": str(home / "prefect"), "COLUMNS": "100"})
    return subprocess.run(
        [str(CAREERDIFF), *args],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )


def run_demo(db_url: str, home: Path, port: int) -> subprocess.CompletedProcess[str]:
    return run_careerdiff("demo", "--db", db_url, "--port", str(port), home=home)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def summary_of(output: str) -> dict[str, int]:
    """The run-summary table's rows, by measure."""
    rows = {}
    for line in output.splitlines():
        match = ROW.match(line.strip())
        if match:
            rows[match["measure"]] = int(float(match["count"].replace(",", "")))
    return rows


@pytest.mark.slow
def test_the_demo_stores_every_fixture_page_and_a_second_run_finds_them_unchanged(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite:///{tmp_path / 'demo.db'}"
    allowed = len(fixture_site_urls("http://127.0.0.1:1").allowed)
    port = free_port()  # page URLs hold the port: both runs must use one (8799 may be taken)

    first = run_demo(db_url, tmp_path, port)

    assert first.returncode == 0, first.stdout + first.stderr
    summary = summary_of(first.stdout)
    assert summary["pages new"] == allowed >= 13
    assert summary["pages failed"] == summary["failed: robots-disallowed"] == 1
    for query in EXAMPLE_QUERIES:
        assert query.title in first.stdout
    assert "Traceback" not in first.stderr
    with Store.open(db_url) as store, store.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT count(*) FROM comparisons")).scalar_one()
    assert stored == allowed

    second = run_demo(db_url, tmp_path, port)

    assert second.returncode == 0, second.stdout + second.stderr
    again = summary_of(second.stdout)
    assert again["pages new"] == again["pages changed"] == again["pages fetched"] == 0
    assert again["pages not modified (304)"] == summary["pages fetched"]


def test_a_bad_database_url_is_a_one_line_error(tmp_path: Path) -> None:
    done = run_demo("mysql://nowhere/db", tmp_path, free_port())

    assert done.returncode == 2
    assert done.stderr.startswith("careerdiff: error: unsupported database URL")
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_taken_port_asked_for_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = run_demo(f"sqlite:///{tmp_path / 'demo.db'}", tmp_path, taken.getsockname()[1])

    assert done.returncode == 2
    assert done.stderr.startswith("careerdiff: error: cannot serve the fixture site on port")
    assert len(done.stderr.strip().splitlines()) == 1
    assert "starting Prefect" not in done.stdout  # refused before the slow part


def test_serve_without_a_prefect_server_is_a_one_line_error(tmp_path: Path) -> None:
    done = run_careerdiff("serve", home=tmp_path)

    assert done.returncode == 2
    assert done.stderr.startswith("careerdiff: error: careerdiff serve needs a Prefect server")
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_example_queries_are_the_ones_docs_database_md_shows() -> None:
    document = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")

    for query in EXAMPLE_QUERIES:
        assert query.sql in document, query.title
