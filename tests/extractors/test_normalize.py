"""The value normalizers: examples from the seed page, edge cases, and properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.normalize import (
    clean_text,
    find_durations,
    is_null,
    parse_city_state,
    parse_duration,
    parse_float,
    parse_int,
    parse_labelled_share,
    parse_money,
    parse_money_range,
    parse_number,
    parse_percent,
    parse_shares,
    slugify,
    split_prose_list,
    text_or_none,
    tidy_spacing,
    without_note_marks,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NULLS = [
    "--",
    "-",
    "N/A",
    "n/a",
    "",
    "\u2014",
    "\u2013",
    "  --  ",
    "\xa0-\xa0",
    "None",
    "N/A*",
    "-\u2020",
    "Not available",
    "not available*",
]


# --- text --------------------------------------------------------------------


def test_clean_text_makes_typographic_apostrophes_plain() -> None:
    assert clean_text("Bachelor\u2019s Degree") == "Bachelor's Degree"


def test_clean_text_makes_typographic_double_quotes_plain() -> None:
    assert clean_text("\u201cquoted\u201d") == '"quoted"'


def test_clean_text_collapses_non_breaking_and_other_white_space() -> None:
    assert clean_text("  Health\xa0\xa0Care\n\t and  more ") == "Health Care and more"


def test_clean_text_drops_zero_width_characters() -> None:
    assert clean_text("Pati\u200bents\ufeff") == "Patients"


def test_clean_text_turns_the_minus_sign_into_a_hyphen() -> None:
    assert clean_text("\u22124%") == "-4%"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("$44,190\u00b9", "$44,190"),
        ("Growth rate\u00b2", "Growth rate"),
        ("-4%\u2020", "-4%"),
        ("Bachelor's Degree, 48%\u2009\u00b3", "Bachelor's Degree, 48%"),
        ("Unknown, 4.9%\u2074 Hispanic or Latino, 9.1%", "Unknown, 4.9% Hispanic or Latino, 9.1%"),
        ("Washington, DC\u00a7", "Washington, DC"),
        ("\u00a7 5 of the code", "\u00a7 5 of the code"),
    ],
)
def test_clean_text_drops_footnote_marks_written_as_characters(text: str, clean: str) -> None:
    assert clean_text(text) == clean


@pytest.mark.parametrize("space", ["\u202f", "\u2009"])
def test_a_narrow_space_between_digit_groups_is_a_thousands_separator(space: str) -> None:
    assert clean_text(f"$108{space}249") == "$108249"
    assert parse_int(clean_text(f"1{space}917{space}342")) == 1917342
    assert clean_text(f"38{space}44") == "38 44"  # no group of three: two figures


def test_tidy_spacing_removes_spaces_that_joining_elements_added() -> None:
    assert tidy_spacing("Male , 11.2 % ( x ) $ 32,954") == "Male, 11.2% (x) $32,954"


def test_tidy_spacing_leaves_ordinary_text_alone() -> None:
    assert tidy_spacing("University of California, Berkeley") == (
        "University of California, Berkeley"
    )


@pytest.mark.parametrize("text", NULLS)
def test_absent_values_are_null(text: str) -> None:
    assert is_null(text)
    assert text_or_none(text) is None


def test_a_real_value_is_not_null() -> None:
    assert not is_null("0")
    assert text_or_none(" Massachusetts ") == "Massachusetts"


# --- slug --------------------------------------------------------------------


def test_slug_of_a_title() -> None:
    assert slugify("Patient Coordinator") == "patient-coordinator"


def test_slug_collapses_runs_and_trims_the_ends() -> None:
    assert slugify("  C++ / Java -- Developer (Sr.) ") == "c-java-developer-sr"


def test_slug_of_non_ascii_letters_drops_them() -> None:
    assert slugify("Caf\u00e9 Manager") == "caf-manager"


@given(st.text())
def test_slug_matches_the_pattern_or_is_empty(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG.match(slug)


@given(st.text())
def test_slug_is_idempotent(text: str) -> None:
    assert slugify(slugify(text)) == slugify(text)


@given(st.text())
def test_clean_text_is_idempotent_and_has_no_double_spaces(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert "  " not in cleaned
    assert cleaned == cleaned.strip()


# --- numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$32,954", 32954), ("97,878", 97878), ("$45K", 45000), ("$1.2M", 1200000), ("40", 40)],
)
def test_money_and_whole_numbers(text: str, expected: int) -> None:
    assert parse_money(text) == expected
    assert isinstance(parse_money(text), int)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$15.84", 15.84), ("-4%", -4.0), ("5%", 5.0), ("+5%", 5.0), ("\u22124%", -4.0)],
)
def test_decimals_and_percent_points(text: str, expected: float) -> None:
    assert parse_float(text) == expected
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", NULLS)
def test_absent_numbers_are_none_never_zero(text: str) -> None:
    assert parse_money(text) is None
    assert parse_float(text) is None
    assert parse_int(text) is None


def test_a_number_with_words_around_it() -> None:
    assert parse_int("40 years") == 40
    assert parse_float("3.8 out of 5") == 3.8


def test_text_without_a_number_is_none() -> None:
    assert parse_number("unknown") is None
    assert parse_number("inf") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_money_round_trips_a_thousands_separated_amount(amount: int) -> None:
    assert parse_money(format(amount, ",")) == amount
    assert parse_money(f"${amount:,}") == amount


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_percent_round_trips(points: int) -> None:
    assert parse_percent(f"{points}%") == float(points)


@given(st.text())
def test_number_parsers_never_raise(text: str) -> None:
    for parse in (parse_number, parse_int, parse_money, parse_float, parse_percent):
        value = parse(text)
        assert value is None or isinstance(value, int | float)


# --- ranges, places, shares ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Between $25,000 And $41,000",
        "between $25,000 and $41,000",
        "$25,000 - $41,000",
        "$25,000 \u2013 $41,000",
        "$25,000\u2013$41,000",
        "$25K to $41K",
        "Between\xa0$25,000 And\xa0$41,000",
    ],
)
def test_salary_ranges(text: str) -> None:
    assert parse_money_range(text) == (25000, 41000)


def test_an_absent_range_is_two_nones() -> None:
    assert parse_money_range("--") == (None, None)


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_ranges_round_trip(low: int, high: int) -> None:
    assert parse_money_range(f"Between ${low:,} And ${high:,}") == (low, high)


def test_city_and_state() -> None:
    assert parse_city_state("Brockton, MA") == ("Brockton", "MA")
    assert parse_city_state("Kansas City,\xa0MO") == ("Kansas City", "MO")


def test_a_city_without_a_state() -> None:
    assert parse_city_state("Remote") == ("Remote", None)
    assert parse_city_state("--") == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Bachelor's Degree, 40%",
        "Bachelor\u2019s Degree, 40%",
        "Bachelor's Degree 40%",
        "Bachelor's Degree (40%)",
        "Bachelor's Degree40%",
        "Bachelor's Degree:\xa040 %",
        "Bachelor's Degree \u00b7 40%",
        "Bachelor's Degree \u2022 40%",
        "Bachelor's Degree | 40%",
    ],
)
def test_degree_with_its_share(text: str) -> None:
    assert parse_labelled_share(text) == ("Bachelor's Degree", 40.0)


def test_a_label_with_digits_keeps_them() -> None:
    assert parse_labelled_share("Windows 10, 5%") == ("Windows 10", 5.0)


def test_a_degree_without_a_share() -> None:
    assert parse_labelled_share("Associate Degree") == ("Associate Degree", None)
    assert parse_labelled_share("--") == (None, None)


@pytest.mark.parametrize("note", ["(of workers)", "(typical)", " (est.)"])
def test_labelled_share_with_a_note_after_the_share(note: str) -> None:
    assert parse_labelled_share(f"Associate Degree, 38% {note}") == ("Associate Degree", 38.0)


def test_a_name_in_parentheses_without_a_share_stays_whole() -> None:
    assert parse_labelled_share("Nursing (RN)") == ("Nursing (RN)", None)


def test_shares_in_page_order() -> None:
    assert parse_shares("Male, 11.2% Female, 88.8%") == [("Male", 11.2), ("Female", 88.8)]


def test_a_charts_legend_and_tooltip_before_the_first_category_go() -> None:
    assert parse_shares("Male Female Male Male: 92.5 Male 92.5% Female 7.5%") == [
        ("Male", 92.5),
        ("Female", 7.5),
    ]
    assert parse_shares("Male Female Male 92.5% Female 7.5%") == [("Male", 92.5), ("Female", 7.5)]


def test_shares_joined_by_and() -> None:
    assert parse_shares("Male 71.4% and Female 28.6%") == [("Male", 71.4), ("Female", 28.6)]
    assert parse_shares("Male, 50% & Female, 50%") == [("Male", 50.0), ("Female", 50.0)]


def test_shares_run_together_without_spaces() -> None:
    assert parse_shares("Male11.2%Female88.8%") == [("Male", 11.2), ("Female", 88.8)]


def test_shares_with_multi_word_categories() -> None:
    text = "Black or African American, 11.1% American Indian and Alaska Native, 0.7%"
    assert parse_shares(text) == [
        ("Black or African American", 11.1),
        ("American Indian and Alaska Native", 0.7),
    ]


@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abcdefghij XYZ", min_size=1).map(str.strip).filter(bool),
            st.decimals(min_value=0, max_value=100, places=1),
        ),
        max_size=8,
    )
)
def test_shares_round_trip(pairs: list[tuple[str, object]]) -> None:
    text = " ".join(f"{name}, {pct}%" for name, pct in pairs)
    assert parse_shares(text) == [(" ".join(name.split()), float(pct)) for name, pct in pairs]


# --- time to become ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2-4 years", (24, 48)),
        ("6-12 months", (6, 12)),
        ("1 year", (12, 12)),
        ("4\u20136 years", (48, 72)),
        ("2 to 4 years", (24, 48)),
        ("1.5 years", (18, 18)),
        ("less than 1 year", (0, 12)),
        ("6 months to 1 year", (6, 12)),
        ("a year", (12, 12)),
        ("two years", (24, 24)),
    ],
)
def test_time_to_become(text: str, months: tuple[int, int]) -> None:
    assert parse_duration(f"it takes {text} to become one") == months


def test_no_duration() -> None:
    assert parse_duration("no time given, data years") == (None, None)


def test_a_pays_period_is_no_duration() -> None:
    text = "A hygienist makes $78,630 a year, or 37.80 an hour; it takes about a year to train."
    assert [months for _, _, months in find_durations(text)] == [(12, 12)]
    assert find_durations("$78,630 a year") == []


def test_durations_are_found_in_order_with_their_positions() -> None:
    text = "takes 2-4 years, while the other requires 6-12 months."
    found = find_durations(text)
    assert [months for _, _, months in found] == [(24, 48), (6, 12)]
    assert text[found[0][0] : found[0][1]] == "2-4 years"


# --- prose lists ---------------------------------------------------------------


def test_a_list_without_the_oxford_comma() -> None:
    assert split_prose_list("patients, customer service and patient care.") == [
        "patients",
        "customer service",
        "patient care",
    ]


def test_a_list_with_the_oxford_comma() -> None:
    assert split_prose_list("patients, vital signs, and CPR") == ["patients", "vital signs", "CPR"]


def test_an_item_with_and_inside_keeps_it_when_commas_separate() -> None:
    assert split_prose_list("patients, research and development, and CPR") == [
        "patients",
        "research and development",
        "CPR",
    ]


def test_an_and_inside_the_last_item_splits_where_the_known_names_say() -> None:
    text = "customer service, cleanliness and food and beverage"
    assert split_prose_list(text) == ["customer service", "cleanliness and food", "beverage"]
    known = {"customer service", "cleanliness", "food and beverage", "cash handling"}
    assert split_prose_list(text, known) == ["customer service", "cleanliness", "food and beverage"]
    assert split_prose_list(
        "patients, health and safety and CPR", {"health and safety", "cpr"}
    ) == [
        "patients",
        "health and safety",
        "CPR",
    ]


def test_shares_separated_by_a_slash_or_a_dot() -> None:
    assert parse_shares("Male 57.2% / Female 42.8%") == [("Male", 57.2), ("Female", 42.8)]
    # the column headers of a breakdown's own table before it
    assert parse_shares("Category Share Male 96.1% Female 3.9%") == [
        ("Male", 96.1),
        ("Female", 3.9),
    ]
    assert parse_shares("Group, 50% Other, 50%") == [("Group", 50.0), ("Other", 50.0)]
    assert parse_shares("Male 57.2% \u00b7 Female 42.8%") == [("Male", 57.2), ("Female", 42.8)]


def test_numbers_with_a_multiplier_word() -> None:
    assert parse_int("1.2 million") == 1_200_000
    assert parse_int("1.2 Million jobs") == 1_200_000
    assert parse_money("$1.2M") == 1_200_000
    assert parse_money("$85 thousand") == 85_000
    assert parse_int("2 bn") == 2_000_000_000
    assert parse_int("12 months") == 12  # "m" of a word is no multiplier


# --- values with units and scales (holdout set 13) ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$32,954/yr", 32954), ("$78,920 /yr", 78920), ("$32,954 a year", 32954), ("44 yrs", 44)],
)
def test_whole_numbers_with_a_unit_after_them(text: str, expected: int) -> None:
    assert parse_money(text) == expected
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$15.84/hr", 15.84), ("$15.84 an hour", 15.84), ("3.4/5", 3.4), ("3.4 / 5", 3.4)],
)
def test_decimals_with_a_unit_or_a_scale_after_them(text: str, expected: float) -> None:
    assert parse_float(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$41k \u2013 $98k", (41000, 98000)),
        ("$19K\u2013$45K", (19000, 45000)),
        ("$41k-$98k/yr", (41000, 98000)),
        ("$58,000 \u2013 $105,000/yr", (58000, 105000)),
    ],
)
def test_salary_ranges_in_thousands_and_with_units(text: str, expected: tuple[int, int]) -> None:
    assert parse_money_range(text) == expected


def test_shares_written_before_their_categories() -> None:
    assert parse_shares("59.6% Male 40.4% Female") == [("Male", 59.6), ("Female", 40.4)]
    assert parse_shares("68.2% White, 0.3% American Indian and Alaska Native") == [
        ("White", 68.2),
        ("American Indian and Alaska Native", 0.3),
    ]
    assert parse_labelled_share("64% Bachelor\u2019s Degree") == ("Bachelor's Degree", 64.0)


def test_a_share_first_reading_must_cover_the_whole_text() -> None:
    # "5% ..." at the start of category-first shares is no share-first list (and a stray
    # figure before the first category is no part of it).
    assert parse_shares("5 Unknown, 5.3% Asian, 6.2%") == [("Unknown", 5.3), ("Asian", 6.2)]


def test_footnote_marks_at_the_end_of_a_value_go() -> None:
    assert without_note_marks("New York[7]") == "New York"
    assert without_note_marks("Otis Worldwide \u2020") == "Otis Worldwide"
    assert without_note_marks("$29,416*") == "$29,416"
    assert without_note_marks("Acme [1][2]") == "Acme"
    assert without_note_marks("Brockton, MA") == "Brockton, MA"
    assert without_note_marks("*") == "*"


@pytest.mark.parametrize("text", ["--No data available", "\u2014 (not available)", "- n/a"])
def test_a_dash_with_its_words_for_a_screen_reader_is_null(text: str) -> None:
    """ "<span aria-hidden=true>--</span><span class=visually-hidden>No data available</span>"."""
    assert is_null(text)


@pytest.mark.parametrize("text", ["-5%", "- Acme", "--5"])
def test_a_dash_before_other_words_is_no_null(text: str) -> None:
    assert not is_null(text)
