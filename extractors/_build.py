"""Compile the extractor modules with mypyc: ``python -m extractors._build``.

``make install`` runs it. The extension modules are written beside their sources,
the C sources and objects to ``build/native/`` with the build's log, and last the
fingerprint of the compiled sources (see ``extractors._native``), so that a
failed or interrupted build leaves the extractors running from source. Prints
one line; exits 1 when the build fails (the extractors then run from source).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path

from extractors._native import MANIFEST_NAME, PACKAGE, PACKAGE_DIR, compiled_names, fingerprint

ROOT = PACKAGE_DIR.parent
BUILD_DIR = ROOT / "build" / "native"
LOG = BUILD_DIR / "build.log"
#: The name of the shared library that holds every compiled module (inside the package).
GROUP = f"{PACKAGE}._native"


def build() -> int:
    started = time.perf_counter()
    manifest = PACKAGE_DIR / MANIFEST_NAME
    manifest.unlink(missing_ok=True)  # until the build has finished, the sources run
    for old in PACKAGE_DIR.glob("*.so"):
        old.unlink()
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    names = compiled_names()
    source_print = fingerprint()
    log = io.StringIO()
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            _compile([f"{PACKAGE}/{name}.py" for name in names])
    except (Exception, SystemExit) as exc:  # setuptools ends a failed compile with SystemExit
        LOG.write_text(log.getvalue() + f"\n{type(exc).__name__}: {exc}\n", encoding="utf-8")
        print(
            f"careerdiff: could not compile the extractors ({type(exc).__name__}; see {LOG});"
            " they run from source",
            file=sys.stderr,
        )
        return 1
    LOG.write_text(log.getvalue(), encoding="utf-8")
    if fingerprint() != source_print:
        print("careerdiff: the extractors changed while compiling; run it again", file=sys.stderr)
        return 1
    manifest.write_text(json.dumps({"fingerprint": source_print}) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - started
    print(f"careerdiff: compiled {len(names)} extractor modules with mypyc in {seconds:.0f} s")
    return 0


def _compile(paths: list[str]) -> None:
    from mypyc.build import mypycify
    from setuptools import Distribution

    cwd = Path.cwd()
    os.chdir(ROOT)  # mypyc names modules by their paths from here
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", *paths],
            opt_level="3",
            group_name=GROUP,
            target_dir=str(BUILD_DIR / "c"),
        )
        distribution = Distribution({"name": "careerdiff-extractors", "ext_modules": extensions})
        command = distribution.get_command_obj("build_ext")
        command.inplace = True
        command.build_temp = str(BUILD_DIR / "objects")
        distribution.run_command("build_ext")
    finally:
        os.chdir(cwd)


if __name__ == "__main__":
    sys.exit(build())
