"""Compiled or from source: the extractors never run a compiled copy of other sources."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors._native import (
    MANIFEST_NAME,
    PURE_ENV,
    SourceFirst,
    compiled_is_current,
    compiled_names,
    fingerprint,
    pure_requested,
)

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path, *, built: bool) -> Path:
    """A package of two compiled modules and the never-compiled ones, built or not."""
    for name in ("__init__", "_native", "_build", "records", "page", "_rows"):
        (tmp_path / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    if built:
        for name in compiled_names(tmp_path):
            (tmp_path / f"{name}{SUFFIX}").write_bytes(b"")
        manifest = {"fingerprint": fingerprint(tmp_path)}
        (tmp_path / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


def test_only_the_extractor_modules_are_compiled(tmp_path: Path) -> None:
    assert compiled_names(_package(tmp_path, built=False)) == ["_rows", "page"]


def test_a_fresh_build_is_current(tmp_path: Path) -> None:
    assert compiled_is_current(_package(tmp_path, built=True))


def test_without_a_build_the_sources_run(tmp_path: Path) -> None:
    assert not compiled_is_current(_package(tmp_path, built=False))


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True)
    with (package / "_rows.py").open("a", encoding="utf-8") as source:
        source.write("X = 1\n")
    assert not compiled_is_current(package)


def test_a_new_module_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True)
    (package / "skills.py").write_text("# skills\n", encoding="utf-8")
    assert not compiled_is_current(package)


def test_editing_a_module_that_is_never_compiled_keeps_the_build(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True)
    (package / "records.py").write_text("# records, edited\n", encoding="utf-8")
    assert compiled_is_current(package)


def test_a_missing_extension_module_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True)
    (package / f"page{SUFFIX}").unlink()
    assert not compiled_is_current(package)


@pytest.mark.parametrize("manifest", ["", "not json", "[1]", '{"fingerprint": "0"}'])
def test_a_broken_manifest_means_the_sources_run(tmp_path: Path, manifest: str) -> None:
    package = _package(tmp_path, built=True)
    (package / MANIFEST_NAME).write_text(manifest, encoding="utf-8")
    assert not compiled_is_current(package)


@pytest.mark.parametrize(("value", "pure"), [(None, False), ("", False), ("0", False), ("1", True)])
def test_the_environment_can_ask_for_the_sources(value: str | None, pure: bool) -> None:
    environ = {} if value is None else {PURE_ENV: value}
    assert pure_requested(environ) is pure


def test_the_finder_imports_the_named_modules_from_source(tmp_path: Path) -> None:
    package = _package(tmp_path, built=True)
    finder = SourceFirst("pkg", package, ["page"])
    spec = finder.find_spec("pkg.page")
    assert spec is not None and spec.origin == str(package / "page.py")
    assert finder.find_spec("pkg.records") is None
    assert finder.find_spec("other.page") is None


def _parse_fixtures(pure: bool) -> tuple[str, str]:
    env = {key: value for key, value in os.environ.items() if key != PURE_ENV}
    if pure:
        env[PURE_ENV] = "1"
    script = (
        "import sys, extractors\n"
        "from careerdiff.cli import main\n"
        "print(extractors.RUNS_AS, file=sys.stderr)\n"
        "sys.exit(main(['parse', 'fixtures/pages']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    return done.stderr.splitlines()[0], done.stdout


@pytest.mark.slow
def test_compiled_and_source_extractors_give_the_same_records() -> None:
    """Whatever this machine's build gave, its records are the source's, on every fixture."""
    import extractors

    runs_as, records = _parse_fixtures(pure=False)
    source_runs_as, source_records = _parse_fixtures(pure=True)
    assert (runs_as, source_runs_as) == (extractors.RUNS_AS, "source")
    assert records.count("\n") == len(list((ROOT / "fixtures" / "pages").glob("*.html")))
    assert records == source_records
