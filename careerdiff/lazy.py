"""Public names of a package imported on first use (PEP 562's module ``__getattr__``).

A package's ``__init__`` runs before any of its submodules; importing its heavy
modules there would make every light submodule cost them. ``lazy_names`` gives the
package a ``__getattr__`` that imports a name's home module when the name is first
asked for, and keeps the value so the next lookup is a plain global.
"""

from __future__ import annotations

import importlib
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
