"""The salary table: average salary, range, highest paying city and state, best payers."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issue_pairs, issues_of, record

HEADING = f"<h2>{TITLE} salary</h2><p>They have different pay scales, as shown below.</p>"


def _field(rec, name: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [getattr(occupation, name) for occupation in rec.occupations]


def _table(*rows: tuple[str, str, str]) -> str:
    return (
        "<table>"
        + "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in rows)
        + "</table>"
    )


def test_salary_range_between_and() -> None:
    rec = record(HEADING + _table(("Salary range", "Between $25,000 And $41,000", "$28K - $53K")))
    assert _field(rec, "salary_min_usd") == [25000, 28000]
    assert _field(rec, "salary_max_usd") == [41000, 53000]


def test_highest_paying_city_splits_into_city_and_state() -> None:
    rec = record(HEADING + _table(("Highest paying City", "Brockton, MA", "Kansas City, MO")))
    assert _field(rec, "highest_paying_city") == ["Brockton", "Kansas City"]
    assert _field(rec, "highest_paying_city_state") == ["MA", "MO"]


def test_a_value_that_contains_a_label_word_is_no_label() -> None:
    # "Kansas City" holds the word "city"; it must stay a value.
    rec = record(
        HEADING
        + _table(
            ("Highest paying City", "Kansas City, MO", "Denton, TX"),
            ("Highest paying state", "Missouri", "Texas"),
        )
    )
    assert _field(rec, "highest_paying_state") == ["Missouri", "Texas"]
    assert _field(rec, "highest_paying_city") == ["Kansas City", "Denton"]


def test_company_and_industry_keep_their_commas_and_entities() -> None:
    rec = record(
        HEADING
        + _table(
            ("Best paying company", "University of California, Berkeley", "AT&amp;T"),
            ("Best paying industry", "Health&nbsp;Care", "Media &amp; Communication"),
        )
    )
    assert _field(rec, "best_paying_company") == ["University of California, Berkeley", "AT&T"]
    assert _field(rec, "best_paying_industry") == ["Health Care", "Media & Communication"]


def test_average_salary_fills_the_yearly_salary() -> None:
    rec = record(HEADING + _table(("Average salary", "$32,954", "$38,859")))
    assert _field(rec, "yearly_salary_usd") == [32954, 38859]


def test_average_salary_disagreeing_with_the_overview_is_a_warning() -> None:
    overview = f"<h2>{TITLE} overview</h2>" + _table(("Yearly salary", "$32,954", "$38,859"))
    rec = record(overview + HEADING + _table(("Average salary", "$33,000", "$38,859")))
    assert _field(rec, "yearly_salary_usd") == [32954, 38859]  # the overview's, stored once
    assert any("33000" in message for message in issues_of(rec, "salary"))
    assert ("salary", "warning") in issue_pairs(rec)


def test_agreeing_values_raise_no_issue() -> None:
    overview = f"<h2>{TITLE} overview</h2>" + _table(("Yearly salary", "$32,954", "$38,859"))
    rec = record(overview + HEADING + _table(("Average salary", "$32,954", "$38,859")))
    assert not any("yearly_salary" in message for message in issues_of(rec, "salary"))


def test_dashes_everywhere_are_nulls() -> None:
    rec = record(
        HEADING
        + _table(
            ("Salary range", "--", "-"),
            ("Highest paying City", "N/A", "--"),
            ("Best paying company", "\u2014", "-"),
        )
    )
    assert _field(rec, "salary_min_usd") == [None, None]
    assert _field(rec, "highest_paying_city") == [None, None]
    assert _field(rec, "best_paying_company") == [None, None]
    assert not any("cannot read" in message for message in issues_of(rec, "salary"))


def test_salary_rows_as_a_div_grid() -> None:
    rec = record(
        HEADING + '<div class="z1"><div class="z2"><span>Highest paying state</span>'
        '<svg></svg></div><div class="z3"><span><span>Massachusetts</span></span></div>'
        '<div class="z3"><span><span>Alaska</span></span></div></div>'
    )
    assert _field(rec, "highest_paying_state") == ["Massachusetts", "Alaska"]


def test_a_nav_menu_titled_salary_is_not_the_salary_section() -> None:
    html_body = (
        "<nav><h3>Salary</h3><ul><li>Highest paying state</li><li>Texas</li><li>Ohio</li></ul>"
        "</nav>" + HEADING + _table(("Highest paying state", "Massachusetts", "Alaska"))
    )
    rec = record(html_body)
    assert _field(rec, "highest_paying_state") == ["Massachusetts", "Alaska"]


def test_a_related_comparison_heading_with_other_names_is_not_the_salary_section() -> None:
    rec = record(
        "<aside><h3>Medical assistant vs nurse salary</h3></aside>"
        + HEADING
        + _table(("Highest paying state", "Massachusetts", "Alaska"))
    )
    assert _field(rec, "highest_paying_state") == ["Massachusetts", "Alaska"]


def test_a_missing_salary_section_is_a_warning_and_the_rest_still_loads() -> None:
    overview = f"<h2>{TITLE} overview</h2>" + _table(("Yearly salary", "$32,954", "$38,859"))
    rec = record(overview)
    assert ("salary", "warning") in issue_pairs(rec)
    assert _field(rec, "yearly_salary_usd") == [32954, 38859]


def test_labels_split_over_a_row_group() -> None:
    def row(label: str, a: str, b: str, group: str = "") -> str:
        return f"<tr>{group}<th scope=row>{label}</th><td>{a}</td><td>{b}</td></tr>"

    rec = record(
        HEADING
        + "<table>"
        + row("Average salary", "$32,954", "$38,859", "<td></td>")
        + row("Salary range", "$25,000 - $41,000", "$28,000 - $53,000", "<td></td>")
        + row("City", "Brockton, MA", "Kansas City, MO", "<th rowspan=2>Highest paying</th>")
        + row("State", "Massachusetts", "Missouri")
        + row("Company", "Apple", "Google", "<th rowspan=2>Best paying</th>")
        + row("Industry", "Health Care", "Retail")
        + "</table>"
    )
    assert _field(rec, "highest_paying_city") == ["Brockton", "Kansas City"]
    assert _field(rec, "highest_paying_state") == ["Massachusetts", "Missouri"]
    assert _field(rec, "best_paying_company") == ["Apple", "Google"]
    assert _field(rec, "best_paying_industry") == ["Health Care", "Retail"]
    assert _field(rec, "salary_max_usd") == [41000, 53000]
    assert issues_of(rec, "salary") == []


@pytest.mark.parametrize(
    ("low", "high"), [("<small>Low</small>", "High"), ("Min:", "Max:"), ("", "")]
)
def test_a_range_over_two_rows_under_one_label(low: str, high: str) -> None:
    """``<th rowspan=2>Salary range</th>`` over a row for each end (with or without a
    sub-label naming the end); a cell across both columns is both occupations' value."""
    rec = record(
        HEADING + "<table><tr><th>Average salary</th><td>$56,470</td><td>$51,820</td></tr>"
        f"<tr><th rowspan=2>Salary range</th><td>{low}</td><td>$38,000</td><td>$36,000</td></tr>"
        f"<tr><td>{high}</td><td>$82,000</td><td>$73,000</td></tr>"
        "<tr><th>Best paying industry</th><td colspan=2>Construction</td></tr></table>"
    )
    assert _field(rec, "salary_min_usd") == [38000, 36000]
    assert _field(rec, "salary_max_usd") == [82000, 73000]
    assert _field(rec, "best_paying_industry") == ["Construction", "Construction"]


@pytest.mark.parametrize(
    "label",
    [
        "Average pay",
        "Average yearly pay",
        "Yearly average",
        "Average annual salary",
        "Median annual wage",
        "Mean annual wage",
    ],
)
def test_other_wordings_of_the_average_salary(label: str) -> None:
    rec = record(HEADING + _table((label, "$78,920<small>/yr</small>", "$32,954/yr")))
    assert _field(rec, "yearly_salary_usd") == [78920, 32954]


@pytest.mark.parametrize("label", ["Typical pay range", "Pay range", "Earnings range"])
def test_other_wordings_of_the_range(label: str) -> None:
    rec = record(HEADING + _table((label, "$41k \u2013 $98k", "$19K\u2013$45K")))
    assert _field(rec, "salary_min_usd") == [41000, 19000]
    assert _field(rec, "salary_max_usd") == [98000, 45000]


@pytest.mark.parametrize(
    ("label", "field", "a", "b"),
    [
        ("Top city", "highest_paying_city", "Brooklyn, NY", "Kansas City, MO"),
        ("Top-paying city", "highest_paying_city", "Sacramento, CA", "Newark, NJ"),
        ("Best-paying city", "highest_paying_city", "San Jose, CA", "Seattle, WA"),
        ("City with highest pay", "highest_paying_city", "Las Vegas, NV", "Honolulu, HI"),
        ("Top state", "highest_paying_state", "New York", "Massachusetts"),
        ("Top-paying state", "highest_paying_state", "New York", "Connecticut"),
        ("Best paying state", "highest_paying_state", "Washington", "California"),
        ("Top employer by pay", "best_paying_company", "Meta", "Netflix"),
        ("Highest-paying employer", "best_paying_company", "Wynn Resorts", "Marriott"),
        ("Top-paying employer", "best_paying_company", "Fairfax County Public Schools", "Meta"),
        ("Top industry by pay", "best_paying_industry", "Technology", "Finance"),
        ("Top-paying industry", "best_paying_industry", "Education", "Energy"),
        ("Highest paying industry", "best_paying_industry", "Hospitality", "Energy"),
    ],
)
def test_other_wordings_of_the_best_payers(label: str, field: str, a: str, b: str) -> None:
    rec = record(HEADING + _table((label, a, b)))
    assert _field(rec, field) == [a.split(",")[0], b.split(",")[0]]
    assert not [m for m in issues_of(rec, "salary") if m.startswith("cannot read")]
