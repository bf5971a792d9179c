"""The education table: most common degree, major and college."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issues_of, record

HEADING = (
    f"<h2>Differences between {TITLE.replace(' vs ', ' and ')} education</h2>"
    "<p>There are a few differences in terms of educational background:</p>"
)


def _field(rec, name: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [getattr(occupation, name) for occupation in rec.occupations]


def test_major_and_college() -> None:
    rec = record(
        HEADING + "<table><tr><td>Most common major</td><td>Business</td><td>Nursing</td></tr>"
        "<tr><td>Most common college</td><td>University of Pennsylvania</td>"
        "<td>University of Connecticut</td></tr></table>"
    )
    assert _field(rec, "top_major") == ["Business", "Nursing"]
    assert _field(rec, "top_college") == ["University of Pennsylvania", "University of Connecticut"]


def test_degree_from_the_education_table() -> None:
    rec = record(
        HEADING + "<dl><dt>Most common degree</dt><dd>Bachelor&#39;s Degree, 40%</dd>"
        "<dd>Bachelor&rsquo;s Degree, 28%</dd></dl>"
    )
    assert _field(rec, "top_degree") == ["Bachelor's Degree", "Bachelor's Degree"]
    assert _field(rec, "top_degree_pct") == [40.0, 28.0]


def test_labels_split_by_inline_markup() -> None:
    rec = record(
        HEADING + "<table><tr><td>Most common <b>major</b></td><td>Business</td>"
        "<td>Nursing</td></tr></table>"
    )
    assert _field(rec, "top_major") == ["Business", "Nursing"]


def test_education_degree_disagreeing_with_the_overview_is_a_warning() -> None:
    overview = (
        f"<h2>{TITLE} overview</h2><table><tr><td>Most common degree</td>"
        "<td>Bachelor's Degree, 40%</td><td>Bachelor's Degree, 28%</td></tr></table>"
    )
    rec = record(
        overview + HEADING + "<table><tr><td>Most common degree</td>"
        "<td>Associate Degree, 40%</td><td>Bachelor's Degree, 28%</td></tr></table>"
    )
    assert _field(rec, "top_degree") == ["Bachelor's Degree", "Bachelor's Degree"]
    assert any("Associate" in message for message in issues_of(rec, "education"))


def test_a_share_above_100_is_a_warning() -> None:
    rec = record(
        HEADING + "<table><tr><td>Most common degree</td><td>Bachelor's Degree, 140%</td>"
        "<td>Bachelor's Degree, 28%</td></tr></table>"
    )
    assert _field(rec, "top_degree_pct") == [140.0, 28.0]
    assert any("outside 0-100" in message for message in issues_of(rec, "education"))


def test_other_wordings_of_major_and_college() -> None:
    rec = record(
        HEADING + "<table><tr><td>Top degree</td><td>Bachelor's Degree, 40%</td>"
        "<td>Associate Degree, 35%</td></tr>"
        "<tr><td>Top major</td><td>Business</td><td>Biology</td></tr>"
        "<tr><td>Top school</td><td>University of Phoenix</td><td>Capella University</td></tr>"
        "</table>"
    )
    assert _field(rec, "top_major") == ["Business", "Biology"]
    assert _field(rec, "top_college") == ["University of Phoenix", "Capella University"]
    assert _field(rec, "top_degree") == ["Bachelor's Degree", "Associate Degree"]
    assert issues_of(rec, "education") == []


def test_school_in_a_value_is_no_label_and_most_common_university_is_one() -> None:
    rec = record(
        HEADING + "<table><tr><td>Top school</td><td>Drexel University</td>"
        "<td>High School of Art</td></tr>"
        "<tr><td>Top degree</td><td>High School Diploma, 40%</td>"
        "<td>Bachelor's Degree, 28%</td></tr>"
        "</table>"
    )
    assert _field(rec, "top_college") == ["Drexel University", "High School of Art"]
    assert _field(rec, "top_degree") == ["High School Diploma", "Bachelor's Degree"]
    rec = record(
        HEADING + "<table><tr><td>Most common university</td><td>Rice University</td>"
        "<td>Baylor University</td></tr></table>"
    )
    assert _field(rec, "top_college") == ["Rice University", "Baylor University"]


@pytest.mark.parametrize(
    "label", ["Typical degree", "Education level", "Degree", "Top degree", "Degree required"]
)
def test_other_wordings_of_the_degree(label: str) -> None:
    rec = record(
        HEADING + f"<table><tr><th>{label}</th><td>Master's Degree, 67%</td>"
        "<td>Bachelor's Degree (59%)</td></tr></table>"
    )
    assert _field(rec, "top_degree") == ["Master's Degree", "Bachelor's Degree"]
    assert _field(rec, "top_degree_pct") == [67.0, 59.0]


@pytest.mark.parametrize(
    ("label", "field", "a", "b"),
    [
        ("Major", "top_major", "Court Reporting", "Criminal Justice"),
        ("Most popular major", "top_major", "Computer Science", "Business"),
        ("Common field of study", "top_major", "School Counseling", "Library Science"),
        ("Most common college", "top_college", "College of Charleston", "Ivy Tech College"),
        ("Most popular school", "top_college", "Purdue University", "School of Visual Arts"),
        ("Top school", "top_college", "University of Phoenix", "San Jose State University"),
        ("Popular college", "top_college", "Cornell University", "Johnson & Wales University"),
    ],
)
def test_other_wordings_of_the_major_and_college(label: str, field: str, a: str, b: str) -> None:
    rec = record(HEADING + f"<table><tr><th>{label}</th><td>{a}</td><td>{b}</td></tr></table>")
    assert _field(rec, field) == [a, b]
