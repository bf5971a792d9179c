"""Whether the extractor modules run compiled or from their Python source.

``make install`` compiles the extractor modules with mypyc (``python -m
extractors._build``): the same code, typed as mypy already checks it, turned into
C. It runs the extraction about a third faster than the interpreter, which is
what a parse or a reparse of hundreds of thousands of pages is bound by. The
compiled modules lie beside their sources, where Python imports an extension
module before a ``.py`` of the same name.

A compiled copy that no longer matches its source would run stale code after an
edit, so the build writes the fingerprint of the sources it compiled next to
them, and this package compares it with the sources on disk when it is first
imported. When they differ, when there is no compiled copy, or when
``CAREERDIFF_PURE`` is set, a finder makes every extractor module import from its
``.py``. Never compiled: the package itself, this module, the build script and
the pydantic records (mypyc does not compile pydantic models).

This module reads files and is imported before any extractor; it is never
compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = "extractors"
PACKAGE_DIR = Path(__file__).resolve().parent
#: The modules that stay Python source (see the module's docstring).
NEVER_COMPILED = frozenset({"__init__", "_native", "_build", "records"})
#: What the build writes: the fingerprint of the sources it compiled.
MANIFEST_NAME = "_native.json"
#: Set (to anything but "" or "0") to run the extractors from source.
PURE_ENV = "CAREERDIFF_PURE"


def compiled_names(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The names of the modules the build compiles, sorted."""
    return sorted(path.stem for path in package_dir.glob("*.py") if path.stem not in NEVER_COMPILED)


def fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of every compiled module's name and source bytes."""
    digest = hashlib.sha256()
    for name in compiled_names(package_dir):
        digest.update(name.encode() + b"\0")
        digest.update((package_dir / f"{name}.py").read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def compiled_is_current(package_dir: Path = PACKAGE_DIR) -> bool:
    """Whether the compiled modules were built from exactly the sources on disk."""
    try:
        manifest = json.loads((package_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != fingerprint(package_dir):
        return False
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return all((package_dir / f"{name}{suffix}").is_file() for name in compiled_names(package_dir))


def pure_requested(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    return environ.get(PURE_ENV, "") not in ("", "0")


class SourceFirst(importlib.abc.MetaPathFinder):
    """Imports the named modules of the package from their ``.py`` files."""

    def __init__(self, package: str, package_dir: Path, names: Sequence[str]) -> None:
        self._prefix = f"{package}."
        self._dir = package_dir
        self._names = frozenset(names)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(self._prefix):
            return None
        name = fullname[len(self._prefix) :]
        if name not in self._names:
            return None
        return importlib.util.spec_from_file_location(fullname, self._dir / f"{name}.py")


def choose() -> str:
    """Make the extractor modules import compiled or from source; returns which.

    Called once, by the package, before any extractor module is imported.
    """
    if not pure_requested() and compiled_is_current():
        return "compiled"
    if not any(isinstance(finder, SourceFirst) for finder in sys.meta_path):
        sys.meta_path.insert(0, SourceFirst(PACKAGE, PACKAGE_DIR, compiled_names()))
    return "source"
