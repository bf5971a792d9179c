"""Start-up of the ``careerdiff`` command: help imports nothing heavy, and says the same.

The command group imports a command's module only when the command is used
(``careerdiff.cli._app``); these tests hold that in place, in a fresh
interpreter each, because the test process itself has long imported everything.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from careerdiff.cli import app, main
from careerdiff.cli._app import LAZY_COMMANDS

REPO = Path(__file__).resolve().parents[1]

#: Packages that take most of careerdiff's start-up, none of which help needs.
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "httpx", "pydantic", "extractors", "prefect")

_PROBE = """
import json, sys
from careerdiff.cli import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(HEAVY)))
print(json.dumps({"code": code, "heavy": heavy}))
"""


def imports_of(*args: str) -> dict[str, object]:
    """Run ``careerdiff ARGS`` in a new interpreter; its exit code and heavy modules loaded."""
    probe = _PROBE.replace("HEAVY", repr(json.dumps(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        [],
        ["--version"],
        ["crawl", "--help"],
        ["reparse", "--help"],
        ["parse", "--help"],
        ["import", "--help"],
        ["db", "--help"],
        ["db", "upgrade", "--help"],
        ["demo", "--help"],
        ["serve", "--help"],
    ],
    ids=" ".join,
)
def test_help_imports_no_heavy_package(args: list[str]) -> None:
    assert imports_of(*args) == {"code": 0, "heavy": []}


def test_the_probe_sees_heavy_imports_when_a_command_needs_them(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>A vs B</h1></body></html>", encoding="utf-8")
    assert "extractors" in imports_of("parse", str(page))["heavy"]  # type: ignore[operator]


def test_every_command_is_listed_and_registered_by_its_module() -> None:
    for name, lazy in LAZY_COMMANDS.items():
        importlib.import_module(lazy.module)
        assert name in app.commands, f"{lazy.module} does not register {name!r}"
    assert set(app.commands) == set(LAZY_COMMANDS)


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
@pytest.mark.parametrize("limit", [30, 45, 60, 94, 200])
def test_the_listed_help_is_the_commands_own(name: str, limit: int) -> None:
    importlib.import_module(LAZY_COMMANDS[name].module)
    command = app.commands[name]
    stand_in = click.Command(name, help=LAZY_COMMANDS[name].help)
    assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit)


def test_help_lists_every_command_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = out.split("Commands:", 1)[1].splitlines()
    names = [line.split()[0] for line in listed if line.strip()]
    assert names == sorted(LAZY_COMMANDS)
    assert "Look after the database." in out


def test_an_unknown_command_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nosuch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("careerdiff: error:") and "nosuch" in err and err.count("\n") == 1


def test_command_modules_are_attributes_of_the_cli_package() -> None:
    import careerdiff.cli as cli

    assert cli.parse.__name__ == "careerdiff.cli.parse"
    assert cli.store.__name__ == "careerdiff.cli.store"
    with pytest.raises(AttributeError):
        _ = cli.no_such_module  # type: ignore[attr-defined]


#: What a crawl that only re-checks unchanged pages (all 304s) does without: the store's
#: SQLModel tables (and pydantic), the extractors, retries (tenacity), Rich off a terminal.
RECRAWL_NEEDS_NONE_OF = (
    "sqlmodel",
    "pydantic",
    "alembic",
    "extractors",
    "prefect",
    "tenacity",
    "rich",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.orm",
)

_RECRAWL_PROBE = """
import json, sys
from careerdiff.cli import main
code = main(sys.argv[1:])
loaded = sorted(set(json.loads(NAMES)) & set(sys.modules))
print(json.dumps({"code": code, "loaded": loaded}))
"""


def test_an_unchanged_recrawl_imports_only_what_re_checking_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerdiff.fixture_site import FixtureSiteServer

    for name in [name for name in os.environ if name.startswith("CAREERDIFF_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    with FixtureSiteServer() as site:
        args = ["crawl", "--seed", site.urls().home, "--db", f"sqlite:///{tmp_path / 'c.db'}"]
        args += ["--rate", "0", "--processes", "1"]
        assert main(args) == 0  # the first crawl, here
        probe = _RECRAWL_PROBE.replace("NAMES", repr(json.dumps(RECRAWL_NEEDS_NONE_OF)))
        done = subprocess.run(
            [sys.executable, "-c", probe, *args],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    assert "re-checking" in done.stderr
    assert "\n  new           0\n" in done.stdout
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"code": 0, "loaded": []}


_HTTPX_PROBE = """
import sys
import careerdiff.crawl
import httpx
print("rich" in sys.modules, "pygments" in sys.modules)
httpx.main(["--help"], standalone_mode=False)  # the real command, imported now
import httpx._main
print(type(httpx._main.main).__name__)
"""


def test_httpx_comes_without_its_command_line_tool_until_that_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _HTTPX_PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "False False"
    assert "Usage: httpx" in done.stdout
    assert lines[-1] == "Command"
