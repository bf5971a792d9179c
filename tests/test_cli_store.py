"""``careerdiff import`` and ``careerdiff db upgrade``: saved pages in, one-line errors out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from careerdiff.cli import main
from models import Store, migrate
from models.views import VIEW_COLUMNS
from tests.helpers import (
    HAND_MADE,
    PAGES_DIR,
    SEED_NAME,
    fixture_path,
    generated_page_names,
    load_expected,
    page_names,
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def query(db_url: str, sql: str) -> list[tuple[object, ...]]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text(sql))]


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert err.startswith("careerdiff: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_importing_the_fixture_pages_twice_loads_them_once(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", str(PAGES_DIR), "--db", db_url)
    assert (code, err) == (0, "")
    pages = len(page_names())
    assert out.startswith(f"{pages} pages loaded ({pages} new, 0 changed, 0 unchanged)")
    counts = query(
        db_url, "SELECT (SELECT count(*) FROM occupations), (SELECT count(*) FROM comparisons)"
    )
    changes = query(db_url, "SELECT count(*) FROM occupation_changes")

    code, out, err = run(capsys, "import", str(PAGES_DIR), "--db", db_url)

    assert (code, err) == (0, "")
    assert f"({0} new, 0 changed, {pages} unchanged)" in out and "0 changes recorded" in out
    assert (
        query(
            db_url, "SELECT (SELECT count(*) FROM occupations), (SELECT count(*) FROM comparisons)"
        )
        == counts
    )
    assert counts[0][1] == pages
    assert query(db_url, "SELECT count(*) FROM occupation_changes") == changes
    # Only the hand-made pages give an occupation other facts than the generated ones do.
    hand_made = {occ["slug"] for name in HAND_MADE for occ in load_expected(name)["occupations"]}
    changed = {slug for (slug,) in query(db_url, "SELECT DISTINCT slug FROM occupation_changes")}
    assert changed <= hand_made
    urls = {url for (url,) in query(db_url, "SELECT url FROM comparisons")}
    assert urls == {fixture_path(name).resolve().as_uri() for name in page_names()}


def test_an_edited_page_is_a_newer_fetch_with_one_change(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "pages" / "seed.html"
    saved.parent.mkdir()
    shutil.copy(fixture_path(SEED_NAME), saved)
    assert run(capsys, "import", str(saved), "--db", db_url)[0] == 0
    html = saved.read_text(encoding="utf-8")
    assert "$32,954" in html
    saved.write_text(html.replace("$32,954", "$33,500"), encoding="utf-8")
    later = saved.stat().st_mtime + 3600
    os.utime(saved, (later, later))

    code, out, _ = run(capsys, "import", str(saved), "--db", db_url)

    assert code == 0 and "occupations: 0 new, 1 changed, 1 unchanged" in out
    assert query(db_url, "SELECT slug, field, old_value, new_value FROM occupation_changes") == [
        ("patient-coordinator", "yearly_salary_usd", "32954", "33500")
    ]


def test_url_names_a_single_page(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    address = "https://careers.test/patient-coordinator-jobs/patient-coordinator-vs-x-differences"
    code, _, _ = run(
        capsys, "import", str(fixture_path(SEED_NAME)), "--db", db_url, "--url", address
    )
    assert code == 0
    assert query(db_url, "SELECT url, slug_a FROM comparisons") == [
        (address, "patient-coordinator")
    ]


def test_url_with_several_files_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "import", str(PAGES_DIR), "--db", db_url, "--url", "https://x.test/p"
    )
    assert_one_line_error(code, err, "--url")


def test_a_broken_page_becomes_issue_rows(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\xff\xfe<html><body><h1>Nothing vs</h1><table><tr><td>\x00")
    code, out, _ = run(capsys, "import", str(broken), "--db", db_url)
    assert code == 0 and "1 page loaded" in out
    issues = query(db_url, "SELECT url, severity FROM parse_issues")
    assert issues and {url for url, _ in issues} == {broken.resolve().as_uri()}


def test_a_missing_path_is_a_one_line_error(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", "no/such/page.html", "--db", db_url)
    assert_one_line_error(code, err, "no such file or folder")


def test_a_folder_without_pages_is_a_one_line_error(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(tmp_path), "--db", db_url)
    assert_one_line_error(code, err, "no *.html pages")


def test_an_unreadable_file_is_a_one_line_error(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text("<html></html>")
    real_read = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "locked.html":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run(capsys, "import", str(locked), "--db", db_url)
    assert_one_line_error(code, err, "cannot read", "Permission denied")


@pytest.mark.parametrize(
    ("bad_url", "words"),
    [
        ("nonsense", ("not a database URL",)),
        ("mysql://me@localhost/careers", ("unsupported database URL",)),
        ("postgresql+psycopg://nobody@127.0.0.1:1/test", ("cannot open the database",)),
    ],
)
def test_a_bad_database_url_is_a_one_line_error(
    bad_url: str, words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(fixture_path(SEED_NAME)), "--db", bad_url)
    assert_one_line_error(code, err, *words)


def test_the_default_database_is_data_careerdiff_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CAREERDIFF_DB_URL", raising=False)
    monkeypatch.delenv("CAREERDIFF_CONFIG", raising=False)
    assert run(capsys, "import", str(fixture_path(SEED_NAME)))[0] == 0
    assert (tmp_path / "data" / "careerdiff.db").is_file()


def test_db_upgrade_creates_a_database_at_the_newest_revision(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--db", db_url)
    assert code == 0 and migrate.head_revision() in out
    assert query(db_url, "SELECT count(*) FROM occupations") == [(0,)]


def test_db_upgrade_with_a_bad_url_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "db", "upgrade", "--db", "nonsense")
    assert_one_line_error(code, err, "not a database URL")


@pytest.mark.slow
def test_two_imports_at_once_into_one_file_both_finish(db_url: str, tmp_path: Path) -> None:
    # The generated pages agree on every occupation's facts; the hand-made red-team pages
    # give some of the same occupations other facts, and the order in which two writers
    # interleave such conflicts decides the change history, which is not under test here.
    names = generated_page_names()
    first, second = names[: len(names) * 2 // 3], names[len(names) // 3 :]  # a third in both
    command = [sys.executable, "-m", "careerdiff", "import", "--batch-size", "2", "--db", db_url]
    processes = [
        subprocess.Popen(
            [*command, *(str(fixture_path(name)) for name in half)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for half in (first, second)
    ]
    outcomes = [process.communicate(timeout=240) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outcomes
    assert all(err == b"" for _, err in outcomes)
    single = f"sqlite:///{tmp_path / 'single.db'}"
    assert main(["import", *(str(fixture_path(name)) for name in names), "--db", single]) == 0
    for view in VIEW_COLUMNS:  # exactly what one import of every page gives
        everything = f"SELECT * FROM {view}"
        assert sorted(query(db_url, everything), key=repr) == sorted(
            query(single, everything), key=repr
        ), view
