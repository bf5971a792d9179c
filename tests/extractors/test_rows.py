"""Reading label/value rows directly: the layouts ``_rows`` knows, one per test."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from extractors._names import Names
from extractors._rows import Label, read_rows

LABELS = (
    Label("salary", "yearly salary", "year"),
    Label("age", "average age", "age"),
)


def _rows(html: str, names: Names | None = None):  # type: ignore[no-untyped-def]
    root = LexborHTMLParser(html).css_first("main")
    assert root is not None
    return read_rows([root], LABELS, names=names)


def test_table_rows() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>"
        "<tr><td>Average age</td><td>40</td><td>44</td></tr></table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_missing_value_is_none_and_an_empty_cell_is_empty() -> None:
    reading = _rows("<main><table><tr><td>Yearly salary</td><td></td></tr></table></main>")
    assert reading.rows == {"salary": ["", None]}


def test_labels_not_on_the_page_are_left_out() -> None:
    assert _rows("<main><p>nothing</p></main>").rows == {}


def test_inline_label_and_value() -> None:
    reading = _rows(
        "<main><ul><li>Yearly salary: $1</li></ul><ul><li>Yearly salary: $2</li></ul></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_label_word_inside_a_value_is_not_a_label() -> None:
    reading = _rows(
        "<main><table><tr><td>Average age</td><td>40 years</td><td>44 years a year</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"age": ["40 years", "44 years a year"]}


def test_extra_cells_after_the_values_are_ignored() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>$1</td><td>$2</td><td>+20%</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_header_names_found_in_the_same_search() -> None:
    names = Names("Nurse", "doctor")
    reading = _rows(
        "<main><table><tr><th></th><th>Nurse</th><th>Doctor</th></tr>"
        "<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table></main>",
        names,
    )
    assert reading.names == ["Nurse", "Doctor"]
    assert reading.rows == {"salary": ["$1", "$2"]}
