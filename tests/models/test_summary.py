"""Load summaries add up and read as one line."""

from __future__ import annotations

from models.summary import LoadSummary, stronger


def summary(**outcomes: str) -> LoadSummary:
    return LoadSummary.of(
        pages=len(outcomes),
        page_outcomes=outcomes,  # type: ignore[arg-type]
        occupation_outcomes={"nurse": "new", "clerk": "unchanged"},
        changes=1,
        issues=2,
    )


def test_a_summary_counts_outcomes() -> None:
    counted = summary(p1="new", p2="changed", p3="changed")
    assert (counted.pages, counted.pages_new, counted.pages_changed, counted.pages_unchanged) == (
        3,
        1,
        2,
        0,
    )
    assert (counted.occupations_new, counted.occupations_unchanged) == (1, 1)


def test_summaries_add_up_and_keep_the_stronger_outcome_of_a_page() -> None:
    total = summary(p1="new") + summary(p1="unchanged", p2="changed")
    assert (total.pages, total.pages_new, total.pages_changed, total.pages_unchanged) == (
        3,
        1,
        1,
        1,
    )
    assert (total.changes, total.issues, total.occupations_new) == (2, 4, 2)
    assert dict(total.page_outcomes) == {"p1": "new", "p2": "changed"}
    assert LoadSummary() + total == total


def test_a_summary_reads_as_one_line() -> None:
    text = str(summary(p1="new", p2="unchanged"))
    assert "\n" not in text
    assert text.startswith("2 pages loaded (1 new, 0 changed, 1 unchanged)")
    assert "occupations: 1 new, 0 changed, 1 unchanged" in text
    assert text.endswith("1 change recorded; 2 issues")


def test_new_beats_changed_beats_unchanged() -> None:
    assert stronger(None, "unchanged") == "unchanged"
    assert stronger("changed", "unchanged") == "changed"
    assert stronger("changed", "new") == "new"
