"""Compare two page records (SPEC section 2's JSON) field by field.

Issues are compared as (section, severity) pairs, since messages are prose; floats
with a tiny tolerance. Used to check that the BeautifulSoup peer gives the same
records as careerdiff, and that generated pages extract to the facts they show.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any


def differences(got: Mapping[str, Any], want: Mapping[str, Any], where: str = "") -> list[str]:
    """Every field where ``got`` differs from ``want``, as "path: want != got" lines."""
    lines: list[str] = []
    for key in sorted(set(got) | set(want)):
        path = f"{where}.{key}" if where else key
        if key == "issues":
            if _issue_pairs(got.get(key)) != _issue_pairs(want.get(key)):
                lines.append(
                    f"{path}: {sorted(_issue_pairs(want.get(key)))} != "
                    f"{sorted(_issue_pairs(got.get(key)))}"
                )
            continue
        lines.extend(_value_differences(got.get(key), want.get(key), path))
    return lines


def _value_differences(got: Any, want: Any, path: str) -> list[str]:
    if isinstance(want, Mapping) and isinstance(got, Mapping):
        return differences(got, want, path)
    if isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            return [f"{path}: {len(want)} items != {len(got)} items"]
        lines = []
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            lines.extend(_value_differences(g, w, f"{path}[{i}]"))
        return lines
    if _same(got, want):
        return []
    return [f"{path}: {want!r} != {got!r}"]


def _same(got: Any, want: Any) -> bool:
    if isinstance(got, float) or isinstance(want, float):
        both_numbers = isinstance(got, int | float) and isinstance(want, int | float)
        return both_numbers and math.isclose(got, want, abs_tol=1e-9)
    return bool(got == want)


def _issue_pairs(issues: Any) -> set[tuple[str, str]]:
    return {(issue["section"], issue["severity"]) for issue in issues or []}
