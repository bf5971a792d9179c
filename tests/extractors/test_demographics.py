"""The demographics table: average age, gender and race breakdowns, LGBT share."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issues_of, record

HEADING = f"<h2>{TITLE} demographics</h2><p>Here are the differences:</p>"


def _field(rec, name: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [getattr(occupation, name) for occupation in rec.occupations]


def _shares(rec, name: str) -> list[list[tuple[str, float | None]]]:  # type: ignore[no-untyped-def]
    return [
        [(share.category, share.share_pct) for share in getattr(occupation, name)]
        for occupation in rec.occupations
    ]


def test_gender_as_one_text_run() -> None:
    rec = record(
        HEADING + "<table><tr><td>Gender ratio</td><td>Male, 11.2% Female, 88.8%</td>"
        "<td>Male, 20.4% Female, 79.6%</td></tr></table>"
    )
    assert _shares(rec, "gender") == [
        [("Male", 11.2), ("Female", 88.8)],
        [("Male", 20.4), ("Female", 79.6)],
    ]


def test_gender_in_separate_elements() -> None:
    rec = record(
        HEADING + "<div><span>Gender ratio</span><div><span>Male</span><span>11.2%</span>"
        "<span>Female</span><span>88.8%</span></div><div><ul><li>Male, 20.4%</li>"
        "<li>Female, 79.6%</li></ul></div></div>"
    )
    assert _shares(rec, "gender") == [
        [("Male", 11.2), ("Female", 88.8)],
        [("Male", 20.4), ("Female", 79.6)],
    ]


def test_breakdowns_with_a_row_per_category_under_one_label() -> None:
    """``<th rowspan=N>Gender ratio</th>`` over one row per category: "Male | 96.8% |
    97.1%" (a category without a figure for one occupation is left out of its list)."""
    rec = record(
        HEADING + "<table><tr><th colspan=4>Who works in these jobs</th></tr>"
        "<tr><th rowspan=2>Gender ratio</th><td>Male</td><td>96.8%</td><td>97.1%</td></tr>"
        "<tr><td>Female</td><td>3.2%</td><td>2.9%</td></tr>"
        "<tr><th rowspan='3'>Race ratio</th><td>White</td><td>65.3%</td><td>66.8%</td></tr>"
        "<tr><td>Black or African American</td><td>34.7%</td><td>33.2%</td></tr>"
        "<tr><td>Asian</td><td>--</td><td>0%</td></tr>"
        "<tr><th>LGBT Percentage</th><td>5%</td><td>4%</td></tr></table>"
    )
    assert _shares(rec, "gender") == [
        [("Male", 96.8), ("Female", 3.2)],
        [("Male", 97.1), ("Female", 2.9)],
    ]
    assert _shares(rec, "race") == [
        [("White", 65.3), ("Black or African American", 34.7)],
        [("White", 66.8), ("Black or African American", 33.2), ("Asian", 0.0)],
    ]
    assert _field(rec, "lgbt_pct") == [5.0, 4.0]


def test_race_keeps_page_order_and_multi_word_categories() -> None:
    a = "Black or African American, 11.1% Unknown, 5.3% White, 83.6%"
    b = "Asian, 10.0% American Indian and Alaska Native, 0.8% White, 89.2%"
    rec = record(HEADING + f"<table><tr><td>Race ratio</td><td>{a}</td><td>{b}</td></tr></table>")
    assert _shares(rec, "race") == [
        [("Black or African American", 11.1), ("Unknown", 5.3), ("White", 83.6)],
        [("Asian", 10.0), ("American Indian and Alaska Native", 0.8), ("White", 89.2)],
    ]
    assert not issues_of(rec, "demographics") or all(
        "add up" not in message for message in issues_of(rec, "demographics")
    )


def test_a_breakdown_that_does_not_add_up_is_a_warning() -> None:
    rec = record(
        HEADING + "<table><tr><td>Gender ratio</td><td>Male, 11.2% Female, 80.0%</td>"
        "<td>Male, 20.4% Female, 79.6%</td></tr></table>"
    )
    assert any("add up to 91.2%" in message for message in issues_of(rec, "demographics"))


def test_lgbt_share_and_average_age() -> None:
    rec = record(
        HEADING + "<table><tr><td>Average age</td><td>40</td><td>44</td></tr>"
        "<tr><td>LGBT Percentage</td><td>7%</td><td>8%</td></tr></table>"
    )
    assert _field(rec, "lgbt_pct") == [7.0, 8.0]
    assert _field(rec, "avg_age_years") == [40, 44]


def test_age_disagreeing_with_the_overview_is_a_warning() -> None:
    overview = (
        f"<h2>{TITLE} overview</h2><table><tr><td>Average age</td><td>40</td><td>44</td>"
        "</tr></table>"
    )
    rec = record(
        overview + HEADING + "<table><tr><td>Average age</td><td>41</td><td>44</td></tr></table>"
    )
    assert _field(rec, "avg_age_years") == [40, 44]
    assert any("41" in message for message in issues_of(rec, "demographics"))


def test_absent_breakdowns_are_empty_lists() -> None:
    rec = record(HEADING + "<table><tr><td>Gender ratio</td><td>--</td><td>-</td></tr></table>")
    assert _shares(rec, "gender") == [[], []]
    assert not any("cannot read" in message for message in issues_of(rec, "demographics"))


def test_a_label_that_goes_on_after_a_slash_is_still_the_label() -> None:
    for label in ("Race / ethnicity", "Race and ethnicity"):
        rec = record(
            HEADING + f"<table><tr><td>{label}</td><td>White, 60%<br>Asian, 40%</td>"
            "<td>White, 70%<br>Asian, 30%</td></tr></table>"
        )
        assert [[share.share_pct for share in race] for race in _field(rec, "race")] == [
            [60.0, 40.0],
            [70.0, 30.0],
        ], label


def test_a_unit_sign_after_a_label_is_no_value() -> None:
    rec = record(HEADING + "<table><tr><td>LGBT %</td><td>11%</td><td>9%</td></tr></table>")
    assert _field(rec, "lgbt_pct") == [11.0, 9.0]


@pytest.mark.parametrize(
    ("label", "a", "b", "field", "want"),
    [
        ("Median age", "44 yrs", "38 years", "avg_age_years", [44, 38]),
        ("Avg. age", "41", "35", "avg_age_years", [41, 35]),
        ("Typical age", "30 yrs", "37 yrs", "avg_age_years", [30, 37]),
        ("LGBTQ+ %", "9%", "6%", "lgbt_pct", [9.0, 6.0]),
        ("LGBTQ+ share", "8%", "9%", "lgbt_pct", [8.0, 9.0]),
        ("LGBT", "5%", "6%", "lgbt_pct", [5.0, 6.0]),
        ("Identifies as LGBTQ+", "12%", "7%", "lgbt_pct", [12.0, 7.0]),
    ],
)
def test_other_wordings_of_the_figures(
    label: str, a: str, b: str, field: str, want: list[object]
) -> None:
    rec = record(HEADING + f"<table><tr><th>{label}</th><td>{a}</td><td>{b}</td></tr></table>")
    assert _field(rec, field) == want
    assert not [m for m in issues_of(rec, "demographics") if m.startswith("cannot read")]


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Gender split", "gender"),
        ("Gender breakdown", "gender"),
        ("Race/ethnicity", "race"),
        ("Race &amp; ethnicity", "race"),
        ("Ethnic background", "race"),
        ("Ethnicity", "race"),
    ],
)
def test_other_wordings_of_the_breakdowns(label: str, field: str) -> None:
    rec = record(
        HEADING + f"<table><tr><th>{label}</th><td>Female, 81.7% Male, 18.3%</td>"
        "<td>Female, 88.4% Male, 11.6%</td></tr></table>"
    )
    assert _shares(rec, field) == [
        [("Female", 81.7), ("Male", 18.3)],
        [("Female", 88.4), ("Male", 11.6)],
    ]
    assert not issues_of(rec, "demographics") or all(
        "cannot read" not in m for m in issues_of(rec, "demographics")
    )


def test_a_racial_makeup_label_is_the_race_row() -> None:
    rec = record(
        HEADING + "<h3>Patient Coordinator</h3><p><b>Gender makeup:</b> Male, 11.2% · "
        "Female, 88.8%<br><b>Racial makeup:</b> White, 60.0% · Asian, 40.0%</p>"
        "<h3>Certified Medical Technician</h3><p><b>Gender makeup:</b> Male, 20.4% · "
        "Female, 79.6%<br><b>Racial makeup:</b> White, 70.0% · Asian, 30.0%</p>"
    )
    assert _shares(rec, "race") == [
        [("White", 60.0), ("Asian", 40.0)],
        [("White", 70.0), ("Asian", 30.0)],
    ]
    assert _shares(rec, "gender")[0] == [("Male", 11.2), ("Female", 88.8)]


def test_the_last_cards_value_ends_at_the_next_sections_heading() -> None:
    cards = "".join(
        f"<p>Race ratio ({name}):</p><ul><li>White \u2014 {white}%</li>"
        f"<li>Asian \u2014 {100 - white}%</li></ul>"
        for name, white in (("patient coordinators", 70), ("certified medical technicians", 60))
    )
    rec = record(
        HEADING + cards + f"<h2>{TITLE} skills</h2><p>Common patient coordinator skills</p>"
        "<ul><li>Patients, 30%</li><li>Scheduling, 12%</li></ul>"
    )
    assert _shares(rec, "race") == [
        [("White", 70.0), ("Asian", 30.0)],
        [("White", 60.0), ("Asian", 40.0)],
    ]


def test_racial_and_ethnic_breakdown_is_the_race_ratio() -> None:
    rec = record(
        HEADING + "<table><tr><th>Racial and ethnic breakdown</th>"
        "<td><ul><li>White \u2013 60%</li><li>Asian \u2013 40%</li></ul></td>"
        "<td><ul><li>White \u2013 70%</li><li>Asian \u2013 30%</li></ul></td></tr></table>"
    )
    assert _shares(rec, "race") == [
        [("White", 60.0), ("Asian", 40.0)],
        [("White", 70.0), ("Asian", 30.0)],
    ]


def test_identify_as_lgbt_is_the_lgbt_share() -> None:
    rec = record(
        HEADING + "<table><tr><td>Identify as LGBT</td><td>8%</td><td>6%</td></tr></table>"
    )
    assert _field(rec, "lgbt_pct") == [8.0, 6.0]
