"""Helpers of the crawl benchmark: reading the databases and the crawl's summary."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bench.crawling import _failed, _figure, child_env, count_rows


def test_count_rows_reads_a_view_and_tolerates_missing_ones(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE pages (url TEXT)")
        connection.executemany("INSERT INTO pages VALUES (?)", [("a",), ("b",)])
        connection.execute("CREATE VIEW comparisons AS SELECT * FROM pages")
    assert count_rows(db, "comparisons") == 2
    assert count_rows(db, "occupation_changes") == 0
    assert count_rows(tmp_path / "none.db", "comparisons") == 0
    assert not (tmp_path / "none.db").exists()


def test_figures_come_from_the_closing_summary() -> None:
    text = "crawl finished in 3.0 s\n  fetched       12\n  not modified  7\n"
    assert _figure(text, "fetched") == 12
    assert _figure(text, "not modified") == 7
    assert _figure(text, "changed") is None


def test_children_get_no_careerdiff_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERDIFF_DB_URL", "sqlite:///elsewhere.db")
    env = child_env()
    assert not [key for key in env if key.startswith("CAREERDIFF_")]
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(Path(__file__).resolve().parents[2])


def test_failures_come_from_the_closing_summary() -> None:
    assert _failed("  failed        0\n") is None
    assert _failed("  failed        38 (http-404 38)\n") == "38 (http-404 38)"
    assert _failed("crawl: started\n") is None


def test_children_start_from_the_bytecode_compiled_for_them(tmp_path: Path) -> None:
    from bench.crawling import bytecode_cache

    assert "PYTHONPYCACHEPREFIX" not in child_env() or os.environ.get("PYTHONPYCACHEPREFIX")
    env = child_env(tmp_path)
    assert env["PYTHONPYCACHEPREFIX"] == str(bytecode_cache(tmp_path))
    assert bytecode_cache(tmp_path).parent == tmp_path
