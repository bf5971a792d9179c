"""``careerdiff parse``: one JSON line per page, in order; one-line errors, exit 2 on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careerdiff.cli import main
from tests.helpers import SEED_NAME, fixture_path

SPEC_KEYS = ["url", "title", "browse_category", "occupations", "issues"]


def _page(a: str, b: str, salary: str = "$1,000") -> str:
    return (
        f"<html><head><title>{a} vs {b}</title></head><body><main><h1>{a} vs {b}</h1>"
        f"<h2>{a} vs {b} overview</h2><table><tr><th></th><th>{a.title()}</th>"
        f"<th>{b.title()}</th></tr><tr><td>Yearly salary</td><td>{salary}</td>"
        "<td>$2,000</td></tr></table></main></body></html>"
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def records(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines]


def test_one_page_is_one_json_line_with_the_spec_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nurse.html"
    path.write_text(_page("Nurse", "doctor", "$61,000"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(path))
    assert code == 0 and err == ""
    assert len(out) == 1
    record = json.loads(out[0])
    assert list(record) == SPEC_KEYS
    assert record["title"] == "Nurse vs doctor"
    assert [o["yearly_salary_usd"] for o in record["occupations"]] == [61000, 2000]
    assert record["url"] is None


def test_pages_come_out_in_the_order_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name, pair in (("z.html", ("Zookeeper", "vet")), ("a.html", ("Actor", "singer"))):
        paths.append(tmp_path / name)
        paths[-1].write_text(_page(*pair), encoding="utf-8")
    code, out, _ = run(capsys, "parse", *map(str, paths))
    assert code == 0
    assert [r["title"] for r in records(out)] == ["Zookeeper vs vet", "Actor vs singer"]


def test_a_folder_expands_to_its_html_files_sorted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b.html").write_text(_page("Baker", "cook"), encoding="utf-8")
    (tmp_path / "a.html").write_text(_page("Actor", "singer"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(tmp_path))
    assert code == 0
    assert [r["title"] for r in records(out)] == ["Actor vs singer", "Baker vs cook"]


def test_the_url_option_is_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.html"
    path.write_text(_page("Nurse", "doctor"), encoding="utf-8")
    url = "https://example.test/nurse-jobs/nurse-vs-doctor-differences"
    _, out, _ = run(capsys, "parse", "--url", url, str(path))
    assert json.loads(out[0])["url"] == url


def test_a_missing_file_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "parse", str(tmp_path / "nope.html"))
    assert code == 2
    assert out == []
    assert len(err.strip().splitlines()) == 1
    assert "nope.html" in err


def test_a_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", "--no-such-option", "x.html")
    assert code == 2
    assert out == []
    assert "no-such-option" in err


def test_no_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse")
    assert code == 2
    assert err.strip()


def test_a_page_that_is_no_comparison_still_prints_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.html"
    path.write_text("<html><body><h1>Healthcare jobs</h1></body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0
    record = json.loads(out[0])
    assert record["title"] == "Healthcare jobs"
    assert record["occupations"] == []
    assert {"section": "page", "severity": "error"} in [
        {"section": i["section"], "severity": i["severity"]} for i in record["issues"]
    ]


def test_undecodable_bytes_do_not_stop_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(_page("Nurse", "doctor").encode("utf-8") + b"\xff\xfe\x80")
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0
    assert json.loads(out[0])["title"] == "Nurse vs doctor"


@pytest.mark.slow
def test_the_installed_script_parses_the_seed_fixture() -> None:
    script = Path(sys.prefix) / "bin" / "careerdiff"
    seed = fixture_path(SEED_NAME)
    result = subprocess.run(
        [str(script), "parse", str(seed)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert [o["slug"] for o in record["occupations"]] == [
        "patient-coordinator",
        "certified-medical-technician",
    ]
    assert record["occupations"][0]["yearly_salary_usd"] == 32954


def test_a_page_saved_in_its_declared_charset_is_decoded_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word saves as windows-1252 and says so in ``<meta http-equiv=Content-Type>``: a
    curly apostrophe is byte 0x92, no UTF-8."""
    page = _page("Nurse", "doctor").replace(
        "<head>", "<head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
    )
    page = page.replace(
        "<td>$2,000</td>",
        "<td>$2,000</td></tr><tr><td>Most common degree</td>"
        "<td>Bachelor\u2019s Degree, 40%</td><td>Master\u2019s Degree, 30%</td>",
    )
    path = tmp_path / "word.html"
    path.write_bytes(page.encode("cp1252"))
    assert main(["parse", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [o["top_degree"] for o in record["occupations"]] == [
        "Bachelor's Degree",
        "Master's Degree",
    ]
