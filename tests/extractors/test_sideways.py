"""Tables with a row per occupation and a column per label (a data portal's records)."""

from __future__ import annotations

from seed_page import record
from selectolax.lexbor import LexborHTMLParser

from extractors._names import Names
from extractors._sideways import read_sideways

NAMES = Names("Electrician", "plumber")
BY_WORDS = {
    "yearly salary": "salary",
    "average age": "age",
    "gender ratio": "gender",
    "lgbt percentage": "lgbt",
}


def _read(html: str):  # type: ignore[no-untyped-def]
    root = LexborHTMLParser(f"<main>{html}</main>").css_first("main")
    assert root is not None
    return read_sideways([root], BY_WORDS, NAMES)


def test_rows_are_found_by_name_whatever_the_sort_order() -> None:
    found = _read(
        "<table><thead><tr><th>Occupation</th><th>Yearly salary \u25bc</th>"
        "<th>Average age ($)</th></tr></thead><tbody>"
        "<tr><td><a href='/p'>Plumber</a></td><td>$55,378</td><td>41</td></tr>"
        "<tr><td>Electrician</td><td>$56,902</td><td>40</td></tr></tbody></table>"
    )
    assert found == (
        {"salary": ["$56,902", "$55,378"], "age": ["40", "41"]},
        ["Electrician", "Plumber"],
    )


def test_a_qualifier_before_a_header_cells_label() -> None:
    found = _read(
        "<table><tr><th>Occupation</th><th>Median yearly salary</th><th>Average age</th></tr>"
        "<tr><td>Plumber</td><td>$2</td><td>41</td></tr>"
        "<tr><td>Electrician</td><td>$1</td><td>40</td></tr></table>"
    )
    assert found is not None
    assert found[0]["salary"] == ["$1", "$2"]


def test_an_aria_grid_with_a_gutter_of_row_numbers() -> None:
    cells = "".join(
        f"<div role='row'><div role='cell'>{n}</div><div role='cell'>{name}</div>"
        f"<div role='cell'>{pay}</div><div role='cell'>{age}</div></div>"
        for n, name, pay, age in ((1, "Electrician", "$1", "40"), (2, "Plumber", "$2", "41"))
    )
    found = _read(
        "<div role='grid'><div role='row'><div role='columnheader'>Occupation</div>"
        "<div role='columnheader'>Yearly salary</div><div role='columnheader'>Average age</div>"
        f"</div>{cells}</div>"
    )
    assert found is not None
    assert found[0] == {"salary": ["$1", "$2"], "age": ["40", "41"]}


def test_a_group_header_over_two_rows_gives_its_categories() -> None:
    found = _read(
        "<table><thead><tr><th rowspan='2'>Occupation</th><th rowspan='2'>Average age</th>"
        "<th colspan='2'>Gender ratio</th><th rowspan='2'>LGBT Percentage</th></tr>"
        "<tr><th>Male</th><th>Female</th></tr></thead><tbody>"
        "<tr><td>Electrician</td><td>40</td><td>97.3</td><td>2.7%</td><td>5%</td></tr>"
        "<tr><td>Plumber</td><td>41</td><td>96.1%</td><td>3.9%</td><td>4%</td></tr>"
        "</tbody></table>"
    )
    assert found is not None
    assert found[0]["gender"] == ["Male, 97.3% Female, 2.7%", "Male, 96.1% Female, 3.9%"]
    assert found[0]["lgbt"] == ["5%", "4%"]


def test_a_copy_of_the_header_in_a_cell_is_no_part_of_its_value() -> None:
    found = _read(
        "<table><tr><th>Career</th><th>Average age</th><th>Gender ratio</th></tr>"
        "<tr><td>Electrician</td><td>40</td><td><span hidden>Gender ratio</span>Male, 97%"
        " Female, 3%</td></tr>"
        "<tr><td>Plumber</td><td>41</td><td><span hidden>Gender ratio</span>Male, 96%"
        " Female, 4%</td></tr></table>"
    )
    assert found is not None
    assert found[0]["gender"] == ["Male, 97% Female, 3%", "Male, 96% Female, 4%"]


def test_an_ordinary_table_is_not_read_sideways() -> None:
    assert (
        _read(
            "<table><tr><th></th><th>Electrician</th><th>Plumber</th></tr>"
            "<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>"
            "<tr><td>Average age</td><td>40</td><td>41</td></tr></table>"
        )
        is None
    )


def test_a_table_of_column_descriptions_is_no_record_table() -> None:
    """A dataset's "Columns in this Dataset" table names labels in a column, not a row."""
    assert (
        _read(
            "<table><tr><th>Column</th><th>Description</th></tr>"
            "<tr><td>Yearly salary</td><td>Mean annual pay</td></tr>"
            "<tr><td>Average age</td><td>Mean age of workers</td></tr></table>"
        )
        is None
    )


def test_a_sideways_overview_on_a_page_gives_every_value_to_its_occupation() -> None:
    rec = record(
        "<h2>Patient coordinator vs certified medical technician overview</h2>"
        "<p>2 rows sorted by yearly_salary</p>"
        "<table><tr><th>Link</th><th>Occupation</th><th>Yearly salary \u25bc</th>"
        "<th>Hourly rate ($)</th><th>Average age</th></tr>"
        "<tr><td><a href='/r/2'>2</a></td><td>Certified Medical Technician</td><td>$38,854</td>"
        "<td>18.68</td><td>38</td></tr>"
        "<tr><td><a href='/r/1'>1</a></td><td>Patient Coordinator</td><td>$32,954</td>"
        "<td>15.84</td><td>40</td></tr></table>"
    )
    a, b = rec.occupations
    assert (a.yearly_salary_usd, a.hourly_rate_usd, a.avg_age_years) == (32954, 15.84, 40)
    assert (b.yearly_salary_usd, b.hourly_rate_usd, b.avg_age_years) == (38854, 18.68, 38)
    assert (a.title, b.title) == ("Patient Coordinator", "Certified Medical Technician")
