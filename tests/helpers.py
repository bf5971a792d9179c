"""The one place tests load fixtures from: saved pages and their expected records.

    from tests.helpers import load_expected, load_page, page_names

``page_names()`` lists every page in ``fixtures/pages`` (by file stem, sorted), and
``generated_page_names()`` those the fixture tools render (not the ``HAND_MADE`` ones);
``load_page(name)`` is its HTML text and ``load_expected(name)`` its expected record
(SPEC section 2's shape, with issues reduced to ``{"section", "severity"}``).
``record_differences`` compares a record with an expected one field by field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from careerdiff.pages import read_page
from fixtures.tools import HAND_MADE

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
PAGES_DIR = FIXTURES_DIR / "pages"
EXPECTED_DIR = FIXTURES_DIR / "expected"
SITE_DIR = FIXTURES_DIR / "site"
SEED_NAME = "seed-patient-coordinator-vs-certified-medical-technician"


def page_names() -> list[str]:
    """Every fixture page's name (its file stem), sorted."""
    return sorted(path.stem for path in PAGES_DIR.glob("*.html"))


def generated_page_names() -> list[str]:
    """The pages the fixture tools render from ``facts.py``, sorted (hand-made ones left out)."""
    return [name for name in page_names() if name not in HAND_MADE]


def fixture_path(name: str) -> Path:
    """The file of fixture page ``name`` (with or without ``.html``); a clear error if unknown."""
    path = PAGES_DIR / (name if name.endswith(".html") else f"{name}.html")
    if not path.is_file():
        raise FileNotFoundError(f"no fixture page {name!r}; known pages: {', '.join(page_names())}")
    return path


def load_page(name: str) -> str:
    """The HTML text of fixture page ``name``, decoded as ``careerdiff parse`` decodes it
    (a page saved by Word may be windows-1252)."""
    return read_page(fixture_path(name))


def expected_path(name: str) -> Path:
    """The expected-record file of fixture page ``name``."""
    return EXPECTED_DIR / f"{name.removesuffix('.html')}.json"


def load_expected(name: str) -> dict[str, Any]:
    """The expected record of fixture page ``name``."""
    path = expected_path(name)
    if not path.is_file():
        raise FileNotFoundError(f"no expected record for fixture page {name!r} ({path})")
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def issue_pairs(issues: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """The (section, severity) pairs of a list of issues; messages are not compared."""
    return {(issue["section"], issue["severity"]) for issue in issues}


def record_differences(actual: Mapping[str, Any], expected: Mapping[str, Any]) -> list[str]:
    """Every way ``actual`` differs from ``expected``, one readable line each ([] if equal).

    Occupations are compared key by key (naming the occupation and the field), lists
    item by item, floats with a tiny tolerance, and issues as (section, severity) sets.
    """
    problems: list[str] = []
    for key in ("url", "title", "browse_category"):
        if not _same(actual.get(key), expected.get(key)):
            problems.append(f"{key}: expected {expected.get(key)!r}, got {actual.get(key)!r}")
    want_issues = issue_pairs(expected.get("issues", []))
    got_issues = issue_pairs(actual.get("issues", []))
    if want_issues != got_issues:
        problems.append(
            f"issues: missing {sorted(want_issues - got_issues)}, "
            f"unexpected {sorted(got_issues - want_issues)}; got messages "
            f"{[issue.get('message') for issue in actual.get('issues', [])]}"
        )
    want_occs = expected.get("occupations", [])
    got_occs = actual.get("occupations", [])
    if len(want_occs) != len(got_occs):
        problems.append(f"occupations: expected {len(want_occs)}, got {len(got_occs)}")
    for index, (got, want) in enumerate(zip(got_occs, want_occs, strict=False)):
        who = f"occupations[{index}] ({want.get('slug')})"
        for key in list(want) + [k for k in got if k not in want]:
            if key not in got:
                problems.append(f"{who}.{key}: missing from the record")
            elif key not in want:
                problems.append(f"{who}.{key}: unexpected key")
            else:
                problems.extend(_field_differences(f"{who}.{key}", got[key], want[key]))
    return problems


def _field_differences(where: str, got: Any, want: Any) -> list[str]:
    if isinstance(want, list) and isinstance(got, list):
        lines = []
        for i, (g, w) in enumerate(zip(got, want, strict=False)):
            if not _same(g, w):
                lines.append(f"{where}[{i}]: expected {w!r}, got {g!r}")
        if len(got) != len(want):
            lines.append(f"{where}: expected {len(want)} items, got {len(got)}: {got!r}")
        return lines
    return [] if _same(got, want) else [f"{where}: expected {want!r}, got {got!r}"]


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, float) and isinstance(got, int | float):
        return math.isclose(got, want, rel_tol=0, abs_tol=1e-9)
    if isinstance(want, Mapping) and isinstance(got, Mapping):
        return set(want) == set(got) and all(_same(got[k], want[k]) for k in want)
    if isinstance(want, Sequence) and not isinstance(want, str):
        return (
            isinstance(got, Sequence)
            and not isinstance(got, str)
            and len(got) == len(want)
            and all(_same(g, w) for g, w in zip(got, want, strict=True))
        )
    return bool(got == want) and type(got) is type(want)
