"""Values stated in sentences: ``read_prose`` and the tables that fall back on it."""

from __future__ import annotations

import re

from seed_page import TITLE, record

from extractors._names import Names
from extractors._prose import read_prose

CHEF = Names("Sous chef", "line cook")
WORDINGS = {
    "highest paying city": "city",
    "highest paying state": "state",
    "best paying company": "company",
    "salary": "average",  # one word: never looked for in sentences
}
RANGE = {"range": re.compile(r"between \$[\d,]+ and \$[\d,]+")}


def _read(*paragraphs: str) -> dict[str, list[str | None]]:
    return read_prose(
        paragraphs, WORDINGS, {"city", "state", "company", "average", "range"}, CHEF, RANGE
    )


def test_a_paragraph_per_occupation() -> None:
    found = _read(
        "A sous chef earns a salary of $52,318, with most salaries falling between $38,000 and "
        "$71,000. The highest paying city for sous chefs is Honolulu, HI, and the highest paying "
        "state is Hawaii. The best paying company is Four Seasons Hotels and Resorts.",
        "Line cooks earn less. The highest paying city for line cooks is Boston, MA; the highest "
        "paying state is Massachusetts.",
    )
    assert found == {
        "range": ["between $38,000 and $71,000", None],
        "city": ["Honolulu, HI", "Boston, MA"],
        "state": ["Hawaii", "Massachusetts"],
        "company": ["Four Seasons Hotels and Resorts", None],
    }


def test_a_clause_each_in_one_sentence() -> None:
    found = _read(
        "The highest paying city for sous chefs is Honolulu, HI, while the highest paying city "
        "for line cooks is Boston, MA."
    )
    assert found == {"city": ["Honolulu, HI", "Boston, MA"]}


def test_a_clause_naming_both_is_left_alone() -> None:
    assert _read("The highest paying city for sous chefs and line cooks is Boston, MA.") == {}


def test_words_without_a_linking_word_state_nothing() -> None:
    assert _read("Sous chefs often ask which highest paying city deals exist.") == {}


def test_a_salary_section_written_as_prose_on_a_page() -> None:
    paragraph = (
        "<p>A {name} earns an average salary of {pay} a year, with most salaries falling "
        "between {low} and {high}. The highest paying city for {plural} is {city}, and the "
        "highest paying state is {state}. The best paying company is {company}, and the best "
        "paying industry is {industry}.</p>"
    )
    rec = record(
        f"<h2>{TITLE} salary</h2>"
        + paragraph.format(
            name="patient coordinator",
            plural="patient coordinators",
            pay="$32,954",
            low="$25,000",
            high="$41,000",
            city="Brockton, MA",
            state="Massachusetts",
            company="University of California, Berkeley",
            industry="Health Care",
        )
        + paragraph.format(
            name="certified medical technician",
            plural="certified medical technicians",
            pay="$38,854",
            low="$29,000",
            high="$51,000",
            city="Fairbanks, AK",
            state="Alaska",
            company="Kaiser Permanente",
            industry="Government",
        )
    )
    a, b = rec.occupations
    assert (a.salary_min_usd, a.salary_max_usd, b.salary_min_usd, b.salary_max_usd) == (
        25000,
        41000,
        29000,
        51000,
    )
    assert (a.highest_paying_city, a.highest_paying_city_state) == ("Brockton", "MA")
    assert (b.highest_paying_city, b.highest_paying_city_state) == ("Fairbanks", "AK")
    assert (a.highest_paying_state, b.highest_paying_state) == ("Massachusetts", "Alaska")
    assert a.best_paying_company == "University of California, Berkeley"
    assert (a.best_paying_industry, b.best_paying_industry) == ("Health Care", "Government")
    assert (a.yearly_salary_usd, b.yearly_salary_usd) == (32954, 38854)
