"""Public names of a package imported on first use (PEP 562's module ``__getattr__``).

A package's ``__init__`` runs before any of its submodules; importing its heavy
modules there would make every light submodule cost them. ``lazy_names`` gives the
package a ``__getattr__`` that imports a name's home module when the name is first
asked for, and keeps the value so the next lookup is a plain global.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each of ``homes``' names from its module."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    return __getattr__


def import_httpx_without_its_command() -> None:
    """Import httpx, leaving out its command-line tool until that is run.

    httpx's package imports its ``httpx`` command (``httpx._main``) whenever click, rich
    and pygments are installed, as they are here (Prefect needs rich): ~60 ms of CPU for
    Rich's console and progress bars and Pygments' lexer table, in every crawl, for a
    command careerdiff never runs. While httpx is imported here, ``httpx._main`` is a
    stand-in whose ``main`` imports the real module when called; afterwards the stand-in
    is gone, so ``import httpx._main`` gives the real one. If httpx is imported already
    (by whoever came first), nothing happens.
    """
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    stand_in = types.ModuleType("httpx._main")

    def main(*args: Any, **kwargs: Any) -> Any:
        """httpx's command-line tool, imported on its first run."""
        if sys.modules.get("httpx._main") is stand_in:
            del sys.modules["httpx._main"]
        return importlib.import_module("httpx._main").main(*args, **kwargs)

    stand_in.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stand_in
    try:
        importlib.import_module("httpx")
    finally:
        if sys.modules.get("httpx._main") is stand_in:
            del sys.modules["httpx._main"]
