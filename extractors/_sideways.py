"""Tables turned on their side: one row per occupation, one column per label.

A data portal shows a section as records: a header row of labels ("Occupation |
Yearly salary | Hourly rate"), then a row for each occupation, in whatever order
the table is sorted by. Read label by label, such a table has no values beside its
labels; read here, each label's column gives A's value from A's row and B's from
B's row. Rows are found by the occupations' names in them, never by their order,
and columns by the words of their header cells.

A ``<table>`` and an ARIA grid (``role="table"``/``"grid"``, rows of
``role="row"``, cells of ``role="cell"``/``"columnheader"``...) read alike. A
header spread over two rows ("Gender ratio" spanning "Male" and "Female") gives a
label its columns' sub-headers, which become the categories of its breakdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from extractors._dom import Node, is_hidden, value_text
from extractors._names import Names
from extractors._regular import without_icon_lead
from extractors.normalize import clean_text

_GRIDS = 'table, [role="table"], [role="grid"], [role="treegrid"]'
_GRID_TAGS = frozenset({"table"})
_GRID_ROLES = frozenset({"table", "grid", "treegrid"})
_CELL_TAGS = frozenset({"td", "th"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
#: Sort arrows written into a header cell ("Average salary ▼").
_SORT_MARKS = "\u25b2\u25bc\u25b4\u25be\u2191\u2193\u2195\u21c5\u2b0d\u2b0c\u25b3\u25bd"
#: A unit or note after a header's words: "Yearly salary ($)", "Job satisfaction (out of 5)".
_HEADER_NOTE = re.compile(r"\s*\([^()]*\)$")
_HEADER_TRAILERS = " :*" + _SORT_MARKS
#: How many words before a label's words a header cell may have ("Projected growth rate").
_MAX_QUALIFIERS = 2
#: A breakdown's value written as a bare number under its category ("Male" | "14.3").
_BARE_NUMBER = re.compile(r"\d{1,3}(?:\.\d+)?")

Rows = dict[str, list[str | None]]
T = TypeVar("T")


def read_sideways(
    roots: Sequence[Node], by_words: dict[str, str], names: Names
) -> tuple[Rows, list[str | None]] | None:
    """Each label key's values for A and B from tables with a row per occupation, and the
    names those rows give; ``None`` when no such table is under ``roots``.

    ``by_words`` maps a label's lower-case words to its key.
    """
    rows: Rows = {}
    found_names: list[str | None] = [None, None]
    for grid in _grids(roots):
        read = _read_grid(grid, by_words, names)
        if read is None:
            continue
        grid_rows, grid_names = read
        for key, values in grid_rows.items():
            rows.setdefault(key, values)
        for occupation, name in enumerate(grid_names):
            found_names[occupation] = found_names[occupation] or name
    return (rows, found_names) if rows else None


def _grids(roots: Sequence[Node]) -> list[Node]:
    grids: list[Node] = []
    seen: set[int] = set()
    for root in roots:
        if root.is_text_node:
            continue
        found = [root] if _is_grid(root) else []
        for grid in found + list(root.css(_GRIDS)):
            if grid.mem_id not in seen:
                seen.add(grid.mem_id)
                grids.append(grid)
    return grids


def _is_grid(node: Node) -> bool:
    return node.tag in _GRID_TAGS or node.attributes.get("role") in _GRID_ROLES


def _read_grid(
    grid: Node, by_words: dict[str, str], names: Names
) -> tuple[Rows, list[str | None]] | None:
    """One grid's rows by label key, when it has a header row of labels and a row for each
    occupation."""
    header: list[str | None] | None = None
    spans_down: list[bool] = []
    header_texts: list[str] = []
    sub_header: list[str] | None = None
    records: dict[int, tuple[list[Node], str]] = {}
    for row in _rows_of(grid):
        cells = _cells_of(row)
        if not cells:
            continue
        texts = [value_text(cell) for cell in cells]
        widths = [_span(cell) for cell in cells]
        named = _occupation_in(texts, names)
        if named is not None:
            if header is not None and named[0] not in records:
                records[named[0]] = (_spread(cells, widths), named[1])
            continue
        if records:
            continue
        keys = [_key_of(text, by_words) for text in texts]
        if header is None and sum(key is not None for key in keys) >= 2:
            header = _spread(keys, widths)
            header_texts = _spread(texts, widths)
            spans_down = _spread([_row_span(cell) > 1 for cell in cells], widths)
        elif header is not None and sub_header is None:
            # the cells under the header's groups, beside the header cells spanning both rows
            below = iter(_spread(texts, widths))
            sub_header = ["" if down else next(below, "") for down in spans_down]
    if header is None or len(records) != 2:
        return None
    rows: Rows = {}
    for key in dict.fromkeys(key for key in header if key is not None):
        columns = [index for index, found in enumerate(header) if found == key]
        rows[key] = [
            _value(records[occupation][0], columns, header_texts, sub_header)
            for occupation in (0, 1)
        ]
    return rows, [records[0][1], records[1][1]]


def _rows_of(grid: Node) -> list[Node]:
    """The grid's own rows (not those of a grid nested in one of its cells), shown ones only."""
    rows = []
    for row in grid.css('tr, [role="row"]'):
        if is_hidden(row):
            continue
        parent = row.parent
        while parent is not None and parent.mem_id != grid.mem_id and not _is_grid(parent):
            parent = parent.parent
        if parent is not None and parent.mem_id == grid.mem_id:
            rows.append(row)
    return rows


def _cells_of(row: Node) -> list[Node]:
    return [
        child
        for child in row.iter()
        if child.tag in _CELL_TAGS or child.attributes.get("role") in _CELL_ROLES
    ]


def _span(cell: Node, attribute: str = "colspan") -> int:
    span = cell.attributes.get(attribute) or ""
    return int(span) if span.isdigit() and 0 < int(span) <= 20 else 1


def _row_span(cell: Node) -> int:
    return _span(cell, "rowspan")


def _spread(items: list[T], widths: list[int]) -> list[T]:
    """Each item repeated for every column its cell spans."""
    return [item for item, width in zip(items, widths, strict=True) for _ in range(width)]


def _occupation_in(texts: list[str], names: Names) -> tuple[int, str] | None:
    """The occupation a record row is about: the first cell that is only its name."""
    for text in texts:
        if text and len(text) < 80:
            occupation = names.exactly(text)
            if occupation is not None:
                return occupation, text.strip(" .:;,")
    return None


def _without_header(text: str, header: str) -> str:
    """A cell's text without a copy of its column's header before it (a label shown only
    on phones: "<span hidden>Gender ratio</span>Male, 55.9%...")."""
    text = clean_text(text)
    if header and len(text) > len(header) and text[: len(header)].lower() == header.lower():
        return text[len(header) :].lstrip(" :")
    return text


def _key_of(text: str, by_words: dict[str, str]) -> str | None:
    """The label key a header cell's words name ("Yearly salary ($) ▼" -> yearly_salary)."""
    if not text or len(text) > 60:
        return None
    words = " ".join(without_icon_lead(text).lower().split()).rstrip(_HEADER_TRAILERS)
    if words.endswith(")"):
        words = _HEADER_NOTE.sub("", words).rstrip(_HEADER_TRAILERS)
    key = by_words.get(words)
    for _ in range(_MAX_QUALIFIERS):  # "Projected growth rate", "Median yearly salary"
        if key is not None or words.count(" ") < 2:
            break
        words = words.split(" ", 1)[1]
        key = by_words.get(words)
    return key


def _value(
    cells: list[Node], columns: list[int], header: list[str], sub_header: list[str] | None
) -> str:
    """A record's value in ``columns`` under the ``header`` cells' texts (a gutter of row
    numbers before the record's cells is skipped: the cells are aligned at the right)."""
    width = len(header)
    offset = len(cells) - width
    texts = [
        _without_header(value_text(cells[column + offset]), header[column])
        if 0 <= column + offset < len(cells)
        else ""
        for column in columns
    ]
    if len(columns) == 1 or sub_header is None or len(sub_header) != width:
        return " ".join(text for text in texts if text)
    pieces = []
    for column, text in zip(columns, texts, strict=True):
        if _BARE_NUMBER.fullmatch(text):
            text += "%"
        pieces.append(f"{sub_header[column]}, {text}")
    return " ".join(pieces)
