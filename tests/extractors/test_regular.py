"""The regular-table fast path: when it reads a table, and when it must give up.

``read_regular`` may only answer when the text pieces leave no doubt; in every
other case it returns ``None`` and ``read_rows`` hands the table to the general
reader. Each fallback condition has a test here that shows the fast path giving
up AND the general path still reading the table right, so a fast path that
claimed such a table (and read it wrong) would fail.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors._dom import Node
from extractors._names import Names
from extractors._regular import glued, read_regular, text_pieces
from extractors._rows import Label, LabelSet, read_rows

LABELS = LabelSet(
    (
        Label("salary", "yearly salary", "year"),
        Label("age", "average age", "age"),
    )
)
NAMES = Names("chef", "line cook")


def _roots(html: str) -> list[Node]:
    root = LexborHTMLParser(f"<main>{html}</main>").css_first("main")
    assert root is not None
    return [root]


def _regular(
    html: str, names: Names | None = None
) -> tuple[dict[str, list[str]], list[str | None], list[int]] | None:
    pieces, ends = text_pieces(_roots(html))
    return read_regular(pieces, ends, LABELS.key_by_words, len(LABELS.labels), names)


def _general(html: str) -> dict[str, list[str | None]]:
    return read_rows(_roots(html), LABELS, names=NAMES).rows


def _table(*rows: str) -> str:
    return "<table>" + "".join(rows) + "</table>"


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _dl(label: str, *values: str) -> str:
    return f"<dl><dt>{label}</dt>" + "".join(f"<dd>{value}</dd>" for value in values) + "</dl>"


def _card(name: str, salary: str, age: str) -> str:
    return (
        f"<div><h3>{name}</h3>" + _dl("Yearly salary", salary) + _dl("Average age", age) + "</div>"
    )


# --- what the fast path reads ----------------------------------------------------------


def test_a_plain_table_is_read_by_the_fast_path() -> None:
    found = _regular(
        _table(
            _row("", "Chef", "Line cook"),
            _row("Yearly salary", "$1", "$2"),
            _row("Average age", "40", "44"),
        ),
        NAMES,
    )
    assert found is not None
    rows, names, order = found
    assert rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}
    assert names == ["Chef", "Line cook"]
    assert order == [0, 1]


def test_the_header_order_says_when_b_comes_first() -> None:
    html = _table(
        _row("", "Line cook", "Chef"),
        _row("Yearly salary", "$2", "$1"),
        _row("Average age", "44", "40"),
    )
    found = _regular(html, NAMES)
    assert found is not None
    assert found[2] == [1, 0]
    # read_rows puts the values back in A, B order
    reading = read_rows(_roots(html), LABELS, names=NAMES)
    assert reading.swapped
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_labels_with_a_colon_a_footnote_mark_or_odd_spacing_are_labels() -> None:
    found = _regular(_table(_row("Yearly  salary:", "$1", "$2"), _row("Average age*", "40", "44")))
    assert found is not None
    assert found[0] == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_value_split_over_elements_is_glued_back() -> None:
    html = _table(
        _row(
            "Yearly salary",
            "<span>$</span><span>32,954</span>",
            "<span>$</span><span>41,000</span>",
        ),
        _row("Average age", "40", "44"),
    )
    found = _regular(html)
    assert found is not None
    assert found[0]["salary"] == ["$32,954", "$41,000"]
    assert _general(html)["salary"] == ["$32,954", "$41,000"]


def test_two_breakdowns_of_the_same_categories_are_read_as_two_values() -> None:
    labels = LabelSet((Label("gender", "gender ratio", "ratio"),))
    html = _dl("Gender ratio", "Male, 11%", "Female, 89%", "Male, 20%", "Female, 80%")
    pieces, ends = text_pieces(_roots(html))
    found = read_regular(pieces, ends, labels.key_by_words, 1, None)
    assert found is not None
    assert found[0] == {"gender": ["Male, 11% Female, 89%", "Male, 20% Female, 80%"]}


# --- when the fast path gives up (and the general path still reads it right) -----------


def test_a_missing_label_is_no_regular_table() -> None:
    html = _table(_row("Yearly salary", "$1", "$2"))
    assert _regular(html) is None
    assert _general(html) == {"salary": ["$1", "$2"]}


def test_a_label_seen_twice_is_no_regular_table() -> None:
    # cards: one per occupation, each with every label
    html = _card("Chef", "$1", "40") + _card("Line cook", "$2", "44")
    assert _regular(html) is None
    assert _general(html) == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_label_twice_and_another_missing_is_no_regular_table() -> None:
    # as many labels as the table has, but not each once: the count alone would pass
    html = _table(_row("Yearly salary", "$1", "$2"), _row("Yearly salary", "$3", "$4"))
    assert _regular(html) is None


def test_one_value_is_no_regular_row() -> None:
    html = _table(_row("Yearly salary", "$1"), _row("Average age", "40", "44"))
    assert _regular(html) is None
    assert _general(html) == {"salary": ["$1", None], "age": ["40", "44"]}


def test_three_values_are_no_regular_row() -> None:
    html = _table(_row("Yearly salary", "$1", "$2", "+20%"), _row("Average age", "40", "44"))
    assert _regular(html) is None
    assert _general(html) == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_note_between_label_and_values_is_no_regular_row() -> None:
    html = _table(
        _row("Yearly salary", "<small>median</small>", "$1", "$2"), _row("Average age", "40", "44")
    )
    assert _regular(html) is None


@pytest.mark.parametrize("fragment", ["$", "Brockton,", "(", "/"])
def test_a_piece_of_a_value_is_no_whole_value(fragment: str) -> None:
    # a value cell whose text is only a fragment (a lone "$", a city with a dangling comma)
    html = _table(_row("Yearly salary", fragment, "$2"), _row("Average age", "40", "44"))
    assert _regular(html) is None


@pytest.mark.parametrize("value", ["\u2605\u2605\u2605", "\u2022", "?"])
def test_a_value_without_a_word_or_a_number_is_no_whole_value(value: str) -> None:
    html = _table(_row("Yearly salary", value, "$2"), _row("Average age", "40", "44"))
    assert _regular(html) is None


def test_a_dangling_currency_sign_at_the_end_is_no_whole_value() -> None:
    # nothing follows the "$" to glue it to, so it stays a fragment
    html = _table(_row("Yearly salary", "$1", "$2"), _row("Average age", "40", "$"))
    assert _regular(html) is None


def test_an_empty_value_cell_is_no_regular_row() -> None:
    # the empty cell gives no text piece, so the row has one value
    html = _table(_row("Yearly salary", "", "$2"), _row("Average age", "40", "44"))
    assert _regular(html) is None
    assert _general(html)["salary"] == ["", "$2"]


def test_breakdowns_of_different_categories_are_no_regular_row() -> None:
    labels = LabelSet((Label("gender", "gender ratio", "ratio"),))
    html = _dl("Gender ratio", "Male, 11%", "Female, 89%", "Female, 80%", "Male, 20%")
    pieces, ends = text_pieces(_roots(html))
    assert read_regular(pieces, ends, labels.key_by_words, 1, None) is None


def test_breakdowns_without_shares_are_no_regular_row() -> None:
    labels = LabelSet((Label("gender", "gender ratio", "ratio"),))
    html = _dl("Gender ratio", "Male", "Female", "Male", "Female")
    pieces, ends = text_pieces(_roots(html))
    assert read_regular(pieces, ends, labels.key_by_words, 1, None) is None


def test_an_odd_number_of_breakdown_pieces_is_no_regular_row() -> None:
    labels = LabelSet((Label("gender", "gender ratio", "ratio"),))
    html = _dl("Gender ratio", "Male, 11%", "Female, 89%", "Male, 20%")
    pieces, ends = text_pieces(_roots(html))
    assert read_regular(pieces, ends, labels.key_by_words, 1, None) is None


def test_text_after_the_table_in_another_root_is_not_a_value() -> None:
    # the last label's values run to the end of its root, not into the next root
    first = LexborHTMLParser(
        "<main>" + _table(_row("Yearly salary", "$1", "$2"), _row("Average age", "40")) + "</main>"
        "<aside>44</aside>"
    )
    roots = [node for node in (first.css_first("main"), first.css_first("aside")) if node]
    assert len(roots) == 2
    pieces, ends = text_pieces(roots)
    assert pieces[-1] == "44"
    assert read_regular(pieces, ends, LABELS.key_by_words, 2, None) is None


# --- the text pieces ------------------------------------------------------------------


def test_text_pieces_skip_blank_text_and_mark_where_each_root_ends() -> None:
    tree = LexborHTMLParser("<p> a <b>b</b>\n</p><div>\n</div><p>c</p>")
    roots = tree.css("p, div")
    pieces, ends = text_pieces(roots)
    assert pieces == ["a", "b", "c"]
    assert ends == [2, 2, 3]


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["$", "32,954"], ["$32,954"]),
        (["Brockton,", "MA"], ["Brockton, MA"]),
        (["CPR", ", 8%"], ["CPR, 8%"]),
        (["(", "median", ")"], ["(median)"]),
        (["Chef", "Line cook"], ["Chef", "Line cook"]),
    ],
)
def test_glued_joins_only_fragments(pieces: list[str], expected: list[str]) -> None:
    assert glued(pieces) == expected
