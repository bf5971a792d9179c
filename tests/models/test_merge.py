"""The merge rules, without a database: what wins, what is a change, what is left alone."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st
from store_factories import HOUR, T0, item, occupation, page

from extractors.records import Issue, Occupation, Skill
from models.merge import OccupationMerge, merge_occupation, merge_page
from models.prepare import OccupationFacts, PageFacts, prepare


def seen(
    occ: Occupation, at: Any = T0, url: str | None = None
) -> tuple[PageFacts, OccupationFacts]:
    facts = prepare(item(page(occ, occupation("other"), url=url), at))
    return facts, facts.occupations[0]


def merged(*observations: tuple[PageFacts, OccupationFacts]) -> OccupationMerge:
    """Each observation loaded on its own, in the order given."""
    result = merge_occupation(None, [observations[0]])
    for observation in observations[1:]:
        result = merge_occupation(result.row, [observation])
    return result


def test_the_first_sighting_is_new_and_no_change() -> None:
    result = merge_occupation(None, [seen(occupation("a"))])
    assert result.is_new and result.touched and not result.changed
    assert result.changes == []
    assert set(result.replaced_lists) == {
        "skills",
        "top_skills",
        "gender",
        "race",
        "responsibilities",
    }


def test_a_newer_value_is_one_change_stamped_with_its_fetch() -> None:
    first = merge_occupation(None, [seen(occupation("a", top_major="Business"), T0)])
    result = merge_occupation(
        first.row, [seen(occupation("a", top_major="Nursing"), T0 + HOUR, "u2")]
    )
    assert [
        (c.field, c.old_value, c.new_value, c.changed_at, c.source_url) for c in result.changes
    ] == [("top_major", "Business", "Nursing", T0 + HOUR, "u2")]
    assert result.row.scalars["top_major"] == "Nursing" and result.changed


def test_seeing_the_same_facts_again_touches_nothing() -> None:
    first = merge_occupation(None, [seen(occupation("a"), T0)])
    again = merge_occupation(first.row, [seen(occupation("a"), T0)])
    assert not again.touched and not again.changed and again.changes == []
    assert again.replaced_lists == {}


def test_a_later_sighting_of_the_same_facts_only_moves_last_seen() -> None:
    first = merge_occupation(None, [seen(occupation("a"), T0)])
    later = merge_occupation(first.row, [seen(occupation("a"), T0 + HOUR)])
    assert later.touched and not later.changed and later.changes == []
    assert (later.row.first_seen_at, later.row.last_seen_at) == (T0, T0 + HOUR)


def test_none_and_empty_lists_erase_nothing() -> None:
    first = merge_occupation(None, [seen(occupation("a"), T0)])
    blank = occupation("a", lgbt_pct=None, description=None, gender=[], skills=[])
    result = merge_occupation(first.row, [seen(blank, T0 + HOUR)])
    assert result.row.scalars == first.row.scalars and result.row.digests == first.row.digests
    assert result.replaced_lists == {} and not result.changed


def test_an_older_page_fills_unknowns_but_does_not_overwrite() -> None:
    newer = occupation("a", job_satisfaction=None, yearly_salary_usd=40000, skills=[])
    older = occupation("a", job_satisfaction=3.5, yearly_salary_usd=35000)
    first = merge_occupation(None, [seen(newer, T0 + HOUR, "new")])
    result = merge_occupation(first.row, [seen(older, T0, "old")])
    assert result.row.scalars["job_satisfaction"] == 3.5
    assert result.row.scalars["yearly_salary_usd"] == 40000
    assert result.replaced_lists["skills"] == tuple((s.name, s.share_pct) for s in older.skills)
    assert [(c.old_value, c.new_value, c.changed_at, c.source_url) for c in result.changes] == [
        ("35000", "40000", T0 + HOUR, "new")
    ]
    assert result.row.first_seen_at == T0 and result.row.last_seen_at == T0 + HOUR


_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "yearly_salary_usd": st.sampled_from([None, 30000, 40000]),
    "top_major": st.sampled_from([None, "Business", "Nursing"]),
    "lgbt_pct": st.sampled_from([None, 6.5, 7.0]),
    "skills": st.sampled_from(
        [[], [Skill(name="CPR", share_pct=8.0)], [Skill(name="CPR", share_pct=9.0)]]
    ),
}


_WHEN = st.sampled_from([T0, T0 + HOUR])
_WHERE = st.sampled_from(["https://x.test/a", "https://x.test/b"])


@given(st.fixed_dictionaries(_VALUES), _WHEN, _WHERE, st.fixed_dictionaries(_VALUES), _WHEN, _WHERE)
def test_two_pages_leave_the_same_row_and_history_in_either_load_order(
    values_1: dict[str, Any],
    when_1: Any,
    where_1: str,
    values_2: dict[str, Any],
    when_2: Any,
    where_2: str,
) -> None:
    assume((when_1, where_1) != (when_2, where_2))  # one fetch reparsed differently is not this
    first = seen(occupation("a", **values_1), when_1, where_1)
    second = seen(occupation("a", **values_2), when_2, where_2)
    older, newer = sorted(
        [first, second], key=lambda observation: (observation[0].fetched_at, observation[0].url)
    )

    forward, backward = merged(older, newer), merged(newer, older)

    assert forward.row.scalars == backward.row.scalars
    assert forward.row.digests == backward.row.digests
    assert forward.changes == backward.changes
    assert forward.row.source_url == backward.row.source_url == newer[0].url
    for name, value in newer[1].scalars.items():  # the newer page's known values win
        if value is not None:
            assert forward.row.scalars[name] == value
    for rerun in (older, newer):  # loading either page again adds nothing
        again = merge_occupation(backward.row, [rerun])
        assert again.changes == [] and not again.touched


def test_a_page_keeps_known_facts_and_takes_the_newest_issues() -> None:
    a, b = occupation("a"), occupation("b")
    issue = Issue(section="skills", severity="warning", message="x")
    first = merge_page(None, [prepare(item(page(a, b, issues=(issue,)), T0))])
    assert first.is_new and first.new_issues is not None and len(first.new_issues) == 1

    broken = page(a, b).model_copy(update={"title": "", "browse_category": None, "occupations": []})
    later = merge_page(first.row, [prepare(item(broken, T0 + HOUR))])
    assert (later.row.title, later.row.slug_a, later.row.browse_category) == (
        first.row.title,
        "a",
        "office and administrative",
    )
    assert later.new_issues == () and later.changed  # the newest parse had no issues

    older = merge_page(later.row, [prepare(item(page(a, b, issues=(issue,)), T0 - HOUR))])
    assert older.new_issues is None and not older.changed
    assert older.row.first_seen_at == T0 - HOUR
