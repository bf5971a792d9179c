"""``careerdiff crawl`` and ``careerdiff reparse``: settings layered, summaries, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careerdiff.cli import main
from careerdiff.fixture_site import FixtureSiteServer


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No settings from the environment or a careerdiff.toml; extraction inline."""
    import os

    for name in list(os.environ):
        if name.startswith("CAREERDIFF_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CAREERDIFF_EXTRACT_PROCESSES", "0")
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def site() -> Iterator[FixtureSiteServer]:
    with FixtureSiteServer() as server:
        yield server


def db_in(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def crawl_args(site: FixtureSiteServer, tmp_path: Path, *more: str) -> list[str]:
    return ["crawl", "--seed", site.urls().home, "--db", db_in(tmp_path), "--rate", "0", *more]


def summary_value(output: str, label: str) -> str:
    """The figure after ``label`` in the closing summary."""
    for line in output.splitlines():
        if line.strip().startswith(label + "  ") or line.strip() == label:
            return line.strip().removeprefix(label).strip()
    raise AssertionError(f"no {label!r} line in:\n{output}")


def test_crawl_prints_a_closing_summary_and_progress(
    site: FixtureSiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(crawl_args(site, tmp_path, "--concurrency", "4")) == 0
    out, err = capsys.readouterr()
    allowed = len(site.urls().allowed)
    assert out.startswith("crawl finished in ")
    assert summary_value(out, "new") == str(allowed)
    assert summary_value(out, "changed") == summary_value(out, "unchanged") == "0"
    assert summary_value(out, "failed") == "1 (robots-disallowed 1)"
    assert summary_value(out, "still queued") == "0"
    fetched = int(summary_value(out, "fetched"))
    assert "crawl: started" in err and "crawl: done:" in err

    assert main(crawl_args(site, tmp_path)) == 0
    out, err = capsys.readouterr()
    assert f"re-checking {fetched} URLs fetched before" in err
    assert summary_value(out, "not modified") == str(fetched)
    assert summary_value(out, "new") == summary_value(out, "fetched") == "0"


def test_settings_come_from_the_file_then_the_environment_then_the_options(
    site: FixtureSiteServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("careerdiff.toml").write_text(
        "[careerdiff]\n"
        f'seeds = ["{site.urls().home}"]\n'
        f'db_url = "{db_in(tmp_path)}"\n'
        "rate = 0\n"
        "max_pages = 2\n",
        encoding="utf-8",
    )
    assert main(["crawl"]) == 0
    assert summary_value(capsys.readouterr().out, "fetched") == "2"
    monkeypatch.setenv("CAREERDIFF_MAX_PAGES", "3")
    assert main(["crawl"]) == 0
    assert summary_value(capsys.readouterr().out, "fetched") == "3"
    assert main(["crawl", "--max-pages", "4"]) == 0
    out, err = capsys.readouterr()
    assert summary_value(out, "fetched") == "4"
    assert "resuming an unfinished crawl" in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--max-pages", "many"], "'many' is not a valid integer"),
        (["--max-pages", "-1"], "'max_pages' must not be negative"),
        (["--rate", "fast"], "'fast' is not a valid float"),
        (["--rate", "-2"], "'rate' must not be negative"),
        (["--concurrency", "0"], "'concurrency' must be at least 1"),
        (["--max-depth", "-1"], "'max_depth' must not be negative"),
        (["--seed", "http://127.0.0.1:9/", "--db", "nosuch://x"], "unsupported database URL"),
        (["--seed", "http://127.0.0.1:9/", "--db", "mysql://x/y"], "unsupported database URL"),
        (["--seed", "http://127.0.0.1:9/", "--db", "not a url"], "not a database URL"),
        (["--config", "missing.toml"], "config file not found"),
        (["--seed", "ftp://example.test/x", "--allow-host", "x.test"], "not an http(s) URL"),
        ([], "nothing to crawl"),
        (["--allow-host", "http://"], "invalid allowed host"),
        (["--bogus"], "No such option"),
    ],
)
def test_bad_options_and_values_give_one_line_and_exit_2(
    args: list[str], says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = [] if "--db" in args else ["--db", db_in(tmp_path)]
    assert main(["crawl", *db, *args]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("careerdiff: error:"), err
    assert says in lines[0]
    assert "Traceback" not in err and out == ""


def test_a_bad_config_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("careerdiff.toml").write_text("[careerdiff]\nrate = 'fast'\n", encoding="utf-8")
    assert main(["crawl", "--seed", "http://127.0.0.1:9/"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "'rate'" in err


def test_reparse_prints_its_summary(
    site: FixtureSiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(crawl_args(site, tmp_path)) == 0
    capsys.readouterr()
    assert main(["reparse", "--db", db_in(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("reparsed 0 archived pages")
    assert main(["reparse", "--db", db_in(tmp_path), "--all", "--batch-size", "5"]) == 0
    out, err = capsys.readouterr()
    allowed = len(site.urls().allowed)
    assert out.startswith(f"reparsed {allowed} archived pages")
    assert f"{allowed} pages loaded (0 new, 0 changed, {allowed} unchanged)" in out
    assert err.count("reparse: ") == -(-allowed // 5)  # a progress line per batch


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--batch-size", "0"], "0 is not in the range x>=1"),
        (["--db", "nosuch://x"], "unsupported database URL"),
    ],
)
def test_reparse_bad_values_give_one_line_and_exit_2(
    args: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["reparse", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("careerdiff: error:") and says in err


def test_the_reparse_batch_default_is_the_crawlers() -> None:
    from careerdiff import crawler
    from careerdiff.cli import crawl as crawl_cli

    assert crawl_cli.DEFAULT_REPARSE_BATCH == crawler.DEFAULT_REPARSE_BATCH


@pytest.mark.parametrize("processes", ["1", "2"])
def test_one_or_two_crawl_processes_store_the_same_pages(
    site: FixtureSiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], processes: str
) -> None:
    args = crawl_args(site, tmp_path, "--concurrency", "2", "--processes", processes)
    assert main(args) == 0
    out, _ = capsys.readouterr()
    assert summary_value(out, "new") == str(len(site.urls().allowed))
    assert summary_value(out, "failed") == "1 (robots-disallowed 1)"
    assert summary_value(out, "still queued") == "0"


def test_a_bad_process_count_is_a_one_line_error(
    site: FixtureSiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(crawl_args(site, tmp_path, "--processes", "-1")) != 0
    _, err = capsys.readouterr()
    assert "crawl_processes" in err and "Traceback" not in err
