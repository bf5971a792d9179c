"""What a load did, in counts: for command output and flow-run artifacts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from models.items import Outcome

_RANK: dict[Outcome, int] = {"unchanged": 0, "changed": 1, "new": 2}


def stronger(first: Outcome | None, second: Outcome) -> Outcome:
    """The more telling of two outcomes of one thing: new > changed > unchanged."""
    if first is None or _RANK[second] > _RANK[first]:
        return second
    return first


@dataclass(frozen=True)
class LoadSummary:
    """Counts of one load (or the sum of several).

    ``pages`` counts load items; the ``pages_*`` and ``occupations_*`` counts
    count distinct pages and occupations by what happened to them (new first
    seen, changed: something stored changed, unchanged: only seen again).
    ``page_outcomes`` gives the outcome of every page by URL.
    """

    pages: int = 0
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0
    occupations_new: int = 0
    occupations_changed: int = 0
    occupations_unchanged: int = 0
    changes: int = 0
    issues: int = 0
    page_outcomes: Mapping[str, Outcome] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def __add__(self, other: LoadSummary) -> LoadSummary:
        if not isinstance(other, LoadSummary):
            return NotImplemented
        outcomes = dict(self.page_outcomes)
        for url, outcome in other.page_outcomes.items():
            outcomes[url] = stronger(outcomes.get(url), outcome)
        return LoadSummary(
            pages=self.pages + other.pages,
            pages_new=self.pages_new + other.pages_new,
            pages_changed=self.pages_changed + other.pages_changed,
            pages_unchanged=self.pages_unchanged + other.pages_unchanged,
            occupations_new=self.occupations_new + other.occupations_new,
            occupations_changed=self.occupations_changed + other.occupations_changed,
            occupations_unchanged=self.occupations_unchanged + other.occupations_unchanged,
            changes=self.changes + other.changes,
            issues=self.issues + other.issues,
            page_outcomes=MappingProxyType(outcomes),
        )

    def __str__(self) -> str:
        return (
            f"{_count(self.pages, 'page')} loaded "
            f"({self.pages_new} new, {self.pages_changed} changed, "
            f"{self.pages_unchanged} unchanged); "
            f"occupations: {self.occupations_new} new, {self.occupations_changed} changed, "
            f"{self.occupations_unchanged} unchanged; "
            f"{_count(self.changes, 'change')} recorded; {_count(self.issues, 'issue')}"
        )

    @classmethod
    def of(
        cls,
        *,
        pages: int,
        page_outcomes: Mapping[str, Outcome],
        occupation_outcomes: Mapping[str, Outcome],
        changes: int,
        issues: int,
    ) -> LoadSummary:
        """A summary from per-page and per-occupation outcomes."""
        page_counts = _counts(page_outcomes.values())
        occupation_counts = _counts(occupation_outcomes.values())
        return cls(
            pages=pages,
            pages_new=page_counts["new"],
            pages_changed=page_counts["changed"],
            pages_unchanged=page_counts["unchanged"],
            occupations_new=occupation_counts["new"],
            occupations_changed=occupation_counts["changed"],
            occupations_unchanged=occupation_counts["unchanged"],
            changes=changes,
            issues=issues,
            page_outcomes=MappingProxyType(dict(page_outcomes)),
        )


def _counts(outcomes: Iterable[Outcome]) -> dict[Outcome, int]:
    counts: dict[Outcome, int] = {"new": 0, "changed": 0, "unchanged": 0}
    for outcome in outcomes:
        counts[outcome] += 1
    return counts


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
