"""Public names of a package imported on first use (PEP 562's module ``__getattr__``).

A package's ``__init__`` runs before any of its submodules; importing its heavy
modules there would make every light submodule cost them. ``lazy_names`` gives the
package a ``__getattr__`` that imports a name's home module when the name is first
asked for, and keeps the value so the next lookup is a plain global.

Also here, for the same end (a command starts sooner): importing httpx without its
command-line tool, and keeping the garbage collector off a command's imports.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
import types
from collections.abc import Callable, Iterator, Mapping
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


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block of heavy imports.

    Importing a command's modules allocates some 100,000 long-lived objects, and the
    collector, counting allocations, ran ~140 collections over them that found almost
    nothing (a few hundred objects). Collection resumes after the block (if it was on
    before); reference counting frees as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def heap_frozen() -> Iterator[None]:
    """Keep the objects that exist now (the modules just imported) out of the garbage
    collector's passes for the block (``gc.freeze``), and give them back after it.

    Otherwise the collections after the imports (and the full one before a crawl forks
    its processes) walk all of them again: together with :func:`collection_paused`,
    ~35 ms less of a crawl's start-up in the process that imports. When objects are
    frozen already (by the caller), it leaves them and the collector as they are.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
