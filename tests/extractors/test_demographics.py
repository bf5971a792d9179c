"""The demographics table: average age, gender and race breakdowns, LGBT share."""

from __future__ import annotations

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
