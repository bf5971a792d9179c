"""Preparing a load item: values a database would refuse become "load" issues, not failures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from store_factories import T0, item, occupation, page

from extractors.records import Issue, Occupation, PageRecord, Share, Skill
from models.items import LoadItem
from models.prepare import LIST_NAMES, prepare


def load_issues(facts) -> list[str]:  # type: ignore[no-untyped-def]
    return [issue.message for issue in facts.issues if issue.section == "load"]


def test_a_clean_page_keeps_every_fact_and_issue() -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    issue = Issue(section="skills", severity="warning", message="short list")
    facts = prepare(item(page(a, b, issues=(issue,))))

    assert (facts.slug_a, facts.slug_b) == (a.slug, b.slug)
    assert facts.occupations[0].scalars["yearly_salary_usd"] == a.yearly_salary_usd
    assert facts.occupations[0].lists["skills"] == tuple((s.name, s.share_pct) for s in a.skills)
    assert facts.occupations[0].lists["gender"] == (("Male", 11.2), ("Female", 88.8))
    assert [(i.section, i.severity, i.message) for i in facts.issues] == [
        ("skills", "warning", "short list")
    ]


def test_fetch_times_are_made_utc() -> None:
    east = timezone(timedelta(hours=2))
    local = item(page(occupation("a"), occupation("b")), datetime(2026, 3, 1, 14, 0, tzinfo=east))
    naive = item(page(occupation("a"), occupation("b")), datetime(2026, 3, 1, 12, 0))
    assert prepare(local).fetched_at == prepare(naive).fetched_at == T0


def test_out_of_range_and_non_finite_numbers_are_dropped_with_an_issue() -> None:
    odd = occupation("a", job_count=-(2**64), top_degree_pct=float("inf"), lgbt_pct=float("nan"))
    facts = prepare(item(page(odd, occupation("b"))))
    scalars = facts.occupations[0].scalars
    assert (scalars["job_count"], scalars["top_degree_pct"], scalars["lgbt_pct"]) == (
        None,
        None,
        None,
    )
    assert len(load_issues(facts)) == 3


def test_nul_characters_are_removed_and_empty_text_is_absent() -> None:
    odd = occupation("a", title="\x00", top_major="Bio\x00logy", best_paying_company="")
    facts = prepare(item(PageRecord(url="https://x.test/\x00p", title="T\x00", occupations=[odd])))
    scalars = facts.occupations[0].scalars
    assert (scalars["title"], scalars["top_major"], scalars["best_paying_company"]) == (
        None,
        "Biology",
        None,
    )
    assert (facts.url, facts.title) == ("https://x.test/p", "T")


def test_a_name_listed_twice_keeps_its_first_share() -> None:
    odd = occupation(
        "a",
        skills=[Skill(name="CPR", share_pct=8.0), Skill(name="CPR", share_pct=3.0)],
        race=[Share(category="Asian", share_pct=6.0), Share(category="Asian", share_pct=7.0)],
    )
    facts = prepare(item(page(odd, occupation("b"))))
    assert facts.occupations[0].lists["skills"] == (("CPR", 8.0),)
    assert facts.occupations[0].lists["race"] == (("Asian", 6.0),)
    assert len(load_issues(facts)) == 2


def test_an_occupation_without_a_slug_is_skipped_with_an_issue() -> None:
    record = PageRecord(
        url="https://x.test/p",
        title="T",
        occupations=[Occupation(slug="", title="X"), occupation("b")],
    )
    facts = prepare(item(record))
    assert [o.slug for o in facts.occupations] == ["b"]
    assert (facts.slug_a, facts.slug_b) == ("b", None)
    assert load_issues(facts) == ["occupation 1 has no slug; it was not stored"]


def test_an_empty_list_has_no_digest_and_different_lists_differ() -> None:
    empty = prepare(item(page(occupation("a", skills=[], gender=[]), occupation("b"))))
    assert empty.occupations[0].digests["skills"] is None
    assert empty.occupations[0].digests["gender"] is None
    a, b = (
        empty.occupations[1].digests,
        prepare(
            item(page(occupation("a"), occupation("b", skills=[Skill(name="CPR", share_pct=1.0)])))
        )
        .occupations[1]
        .digests,
    )
    assert set(a) == set(LIST_NAMES)
    assert a["skills"] != b["skills"] and a["race"] == b["race"]


def test_issue_lists_have_a_digest_even_when_empty() -> None:
    record = page(occupation("a"), occupation("b"))
    clean = prepare(item(record))
    noisy = prepare(
        LoadItem(
            record=record.model_copy(
                update={"issues": [Issue(section="page", severity="error", message="x")]}
            ),
            fetched_at=T0,
            content_hash=None,
            extractor_version=1,
        )
    )
    assert (
        clean.issues_digest and noisy.issues_digest and clean.issues_digest != noisy.issues_digest
    )
