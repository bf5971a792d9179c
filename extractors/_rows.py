"""Reading "label: value for A, value for B" rows, whatever the markup.

A row is found by the words of its label, never by position or class. The
label's element (or text node) is found with ``:lexbor-contains`` on one word of
it, then its values are what follows it:

* ``<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>`` and ``<div>`` grids:
  the label's following siblings (climbing out of wrappers that hold only the label);
* ``<dl><dt>label</dt><dd>a</dd><dd>b</dd>...``: the siblings up to the next label;
* one wrapper holding both values: its children;
* one card per occupation (the label twice in the section): one value from each;
* "Yearly salary: $1" in one element: the text after the label;
* a column of labels beside one column per occupation (or a table turned on its
  side): the items at the label's index in the columns that follow.

A table with a header row of labels and a row per occupation is read by
``_sideways``; values stated in sentences are read by ``_prose`` (from ``_table``,
for rows nothing here found).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from extractors._dom import (
    BLOCK_TAGS,
    CELL_TAGS,
    HEADING_TAGS,
    NON_CONTENT_TAGS,
    Node,
    ancestry_ids,
    content_children,
    inside,
    is_content,
    is_hidden,
    is_panel,
    next_content,
    previous_content,
    value_text,
)
from extractors._names import Names
from extractors._regular import (
    FRAGMENT_ENDS,
    FRAGMENT_STARTS,
    label_room,
    read_regular,
    text_pieces,
    without_icon_lead,
    without_period,
)
from extractors._sideways import read_sideways
from extractors.normalize import clean_text, is_bare_share, is_null, tidy_spacing

_MAX_CLIMB = 5
#: Words before an occupation's name that say a value is its: "for chefs", "of welders",
#: "among nurses"; and the articles that may follow them.
_WHOSE_WORDS = ("for", "of", "among")
_ARTICLES = ("an?", "the", "all")
_WHOSE_LEAD = "(?:" + "|".join(_WHOSE_WORDS) + ")"


def _articles(space: str) -> str:
    """A pattern for one of ``_ARTICLES`` followed by ``space``."""
    return "(?:" + "|".join(f"{article}{space}" for article in _ARTICLES) + ")"


#: How many wrappers around a label may stand between it and its row's values (a page
#: nested every label ten deep inside its cell).
_MAX_VALUE_CLIMB = 16
#: The most words a lead before a header name's colon may have ("Occupation: A").
_MAX_LEAD_WORDS = 3
#: How far above a label other labels are looked for (a row, a column of labels).
_ANCESTOR_LEVELS = _MAX_VALUE_CLIMB + 1
_INLINE_TAGS = frozenset(
    {"span", "b", "strong", "em", "i", "a", "font", "u", "small", "mark", "abbr", "data"}
)
_MAX_INLINE_VALUE_CHARS = 160
_MAX_SEPARATED_VALUE_CHARS = 480
#: What may stand between a label and its value in one text: "Yearly salary: $1",
#: "Yearly salary — $1" (an en or em dash; a hyphen may be a minus sign).
_VALUE_SEPARATORS = frozenset(":|=\u2013\u2014")
_SEPARATOR_CHARS = " " + "".join(sorted(_VALUE_SEPARATORS))
#: Marks of a footnote after a label ("Number of jobs*").
_NOTE_MARKS = frozenset(
    "*\u2020\u2021\u00a7\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
)
#: A note in parentheses between a label and its value: "Salary range (middle 80%) $1 - $2".
_NOTE_BEFORE_VALUE = re.compile(r"^\([^()]*\)\s*")
#: Without a separator, a value in the label's text has at most this many words.
_MAX_BARE_VALUE_WORDS = 4


@dataclass(frozen=True)
class Label:
    """A row label: its key, its words (lower-case) and the one word searched for."""

    key: str
    words: str
    keyword: str


@dataclass(slots=True)
class _Unit:
    """One occurrence of a label: its node, and the value written in the same text, if any
    (or, for a label over a group of rows, each column's value put together: ``spanned``)."""

    label: Label
    node: Node
    inline_value: str | None
    spanned: list[str] | None = None


class LabelSet:
    """A table's labels, indexed for the lookups every row does."""

    def __init__(self, labels: Sequence[Label]) -> None:
        self.labels = tuple(labels)
        self.by_words = {label.words: label for label in self.labels}
        #: Wordings of two words or more, longest first, for labels with a qualifier before.
        self.multiword = tuple(
            sorted(
                (label for label in self.labels if " " in label.words),
                key=lambda label: -len(label.words),
            )
        )
        self.key_by_words = {label.words: label.key for label in self.labels}
        #: How long a text piece may be and still be one of these labels.
        self.label_room = label_room(self.key_by_words)
        #: Each row's first wording (SPEC's; other wordings of the row follow it).
        self.words_by_key: dict[str, str] = {}
        for label in self.labels:
            self.words_by_key.setdefault(label.key, label.words)
        #: How many rows the table has (a row may have several wordings of its label).
        self.key_count = len(self.words_by_key)
        self.keywords = tuple(dict.fromkeys(label.keyword for label in self.labels))
        # Every start of a label that ends at a word: "most", "most common", ...
        self.prefixes = frozenset(
            label.words[:end]
            for label in self.labels
            for end in range(1, len(label.words) + 1)
            if end == len(label.words) or label.words[end] == " "
        )
        self.selector = selector_for(self.labels)

    def __iter__(self) -> Iterator[Label]:
        return iter(self.labels)


def synonyms(key: str, keyword: str, *wordings: str) -> tuple[Label, ...]:
    """Other wordings of row ``key``'s label, each found by ``keyword`` (listed after the
    label SPEC names, longer wordings first: the first label a text starts with wins)."""
    return tuple(Label(key, words, keyword) for words in wordings)


def selector_for(labels: Sequence[Label]) -> str:
    """One CSS selector that finds the owners of every label's key word."""
    keywords = dict.fromkeys(label.keyword for label in labels)
    return ", ".join(f'*:lexbor-contains("{keyword}" i)' for keyword in keywords)


@dataclass
class Reading:
    """What a table search found: each label's values, and each occupation's header name."""

    rows: dict[str, list[str | None]]
    names: list[str | None]
    swapped: bool = False  # B's column came first (the values are put back in A, B order)


def read_rows(
    roots: Sequence[Node],
    labels: LabelSet | Sequence[Label],
    selector: str | None = None,
    names: Names | None = None,
    headers: bool = True,
    swapped: bool = False,
    stops: Collection[int] = frozenset(),
) -> Reading:
    """For each label found under ``roots``: the texts of its value for A and for B.

    Labels not found are left out; a value that is not there is ``None``, an
    empty cell is "". With ``names``, a value cell that starts with a copy of its
    column's occupation name (a screen-reader prefix) loses that copy, and (with
    ``headers``) the header cells that name the occupations are found in the same
    search: they give each occupation's name as the table writes it, and the
    order of the value columns (B's column may come first). Without ``headers``,
    ``swapped`` says that B's column comes first. A value never runs on into an element
    whose id is in ``stops`` (what holds another section's heading).
    """
    label_set = labels if isinstance(labels, LabelSet) else LabelSet(labels)
    header_names = names if headers else None
    pieces, ends = text_pieces(roots)
    regular = read_regular(
        pieces,
        ends,
        label_set.key_by_words,
        label_set.key_count,
        header_names,
        label_set.label_room,
    )
    if regular is not None:
        return _regular_reading(regular, label_set, names, header_names is not None, swapped)
    reading = _read_by_labels(roots, label_set, selector, names, header_names, swapped, stops)
    sideways = read_sideways(roots, label_set.key_by_words, names) if names is not None else None
    if sideways is None:
        return reading
    # A table with a row per occupation: its columns' values replace what the labels in
    # its header row seemed to have beside them (the other labels' headers).
    rows, sideways_names = sideways
    return Reading(
        {**reading.rows, **rows},
        [found or name for found, name in zip(sideways_names, reading.names, strict=True)],
        swapped,
    )


def _read_by_labels(
    roots: Sequence[Node],
    label_set: LabelSet,
    selector: str | None,
    names: Names | None,
    header_names: Names | None,
    swapped: bool,
    stops: Collection[int],
) -> Reading:
    """``read_rows`` when the section's text is not a regular table: each label's
    occurrences are found, then the values beside them."""
    name_query = _name_selector(header_names) if header_names is not None else ""
    query = ", ".join(filter(None, (selector or label_set.selector, name_query)))
    units, name_texts, name_order = _find_units(roots, label_set, query, header_names)
    if selector and selector != label_set.selector and _missing_rows(units, label_set):
        # Some rows are worded otherwise than SPEC: search for every wording's key word.
        query = ", ".join(filter(None, (label_set.selector, name_query)))
        units, name_texts, name_order = _find_units(roots, label_set, query, header_names)
    if header_names is not None:
        swapped = name_order == [1, 0]
    rows: dict[str, list[str | None]] = {}
    if not units:
        return Reading(rows, name_texts, swapped)
    by_key: dict[str, list[_Unit]] = {}
    for unit in units:
        by_key.setdefault(unit.label.key, []).append(unit)
    if len(by_key) < len(units):  # a label seen twice: copies inside its own cells go
        by_key = {
            key: _without_echoes(_without_hidden_copies(_without_link_words(occurrences)))
            for key, occurrences in by_key.items()
        }
        units = [unit for occurrences in by_key.values() for unit in occurrences]
    reader = _ValueReader(_unit_ancestors(units), names, swapped, stops)
    for key, occurrences in by_key.items():
        values = reader.row_or_cards(occurrences)
        rows[key] = values[::-1] if swapped else values
    return Reading(rows, name_texts, swapped)


def _missing_rows(units: list[_Unit], labels: LabelSet) -> bool:
    return len({unit.label.key for unit in units}) < labels.key_count


def _regular_reading(
    regular: tuple[dict[str, list[str]], list[str | None], list[int]],
    labels: LabelSet,
    names: Names | None,
    headers: bool,
    swapped: bool,
) -> Reading:
    """A ``Reading`` of what ``read_regular`` found, in A, B order and without name copies."""
    found, name_texts, name_order = regular
    if headers:
        swapped = name_order == [1, 0]
    occupations = (1, 0) if swapped else (0, 1)
    words = labels.words_by_key
    rows: dict[str, list[str | None]] = {}
    for key, values in found.items():
        texts: list[str | None] = [
            without_copy(None, text, words[key], names, occupation) if ":" in text else text
            for text, occupation in zip(values, occupations, strict=True)
        ]
        rows[key] = texts[::-1] if swapped else texts
    return Reading(rows, name_texts, swapped)


def _find_units(
    roots: Sequence[Node], labels: LabelSet, selector: str, names: Names | None
) -> tuple[list[_Unit], list[str | None], list[int]]:
    """The label occurrences, the header names, and the order the header names come in."""
    units: list[_Unit] = []
    header = _HeaderNames()
    seen_owners: set[int] = set()
    seen_units: set[int] = set()
    by_words = labels.by_words
    for root in roots:
        owners = [root] if root.is_text_node else root.css(selector)
        for owner in owners:
            owner_id = owner.mem_id
            if owner_id in seen_owners:
                continue
            seen_owners.add(owner_id)
            child = owner.child
            if child is not None and child.next is None and child.is_text_node:
                # The usual cell: one text. A label's exact words need no climbing.
                text = clean_text(child.text_content or "").lower()
                label = by_words.get(text)
                if label is None and text and not text[0].isalnum():
                    label = by_words.get(without_icon_lead(text))  # "💰 Yearly salary"
                if label is not None and " " not in label.words and _follows_a_figure(owner):
                    continue  # "18,452<sup>3</sup> <span>jobs</span>": a unit, no label
                if label is not None:
                    unit: _Unit | None = _whole_label(_Unit(label, owner, None), labels)
                elif text in labels.prefixes and (grouped := _row_group_units(owner, text, labels)):
                    for unit in grouped:
                        if unit.node.mem_id not in seen_units:
                            seen_units.add(unit.node.mem_id)
                            units.append(unit)
                    continue
                else:
                    unit = _climb_to_label(owner, text, labels) if text else None
            else:
                unit = _unit_in(owner, labels)
                if (
                    unit is not None
                    and unit.node.is_text_node  # (not a label broken over two lines)
                    and any(child.tag == "br" for child in owner.iter())
                ):
                    # "Yearly salary: $1<br>Hourly rate: $2": a label on every line
                    for more in _line_units(owner, labels):
                        if more.node.mem_id not in seen_units:
                            seen_units.add(more.node.mem_id)
                            units.append(more)
            if unit is not None:
                if unit.node.mem_id not in seen_units:
                    seen_units.add(unit.node.mem_id)
                    units.append(_over_spanned_rows(unit, labels))
            elif names is not None:
                _name_in(owner, names, header)
    return (units, *header.settled())


def _row_group_units(owner: Node, words: str, labels: LabelSet) -> list[_Unit]:
    """The rows a ``rowspan`` cell holding the start of their labels heads.

    ``<th rowspan=2>Highest paying</th><th>City</th>...`` then ``<th>State</th>...``:
    each row's label is the group's words and its own first cell's ("highest paying
    city", "highest paying state"); the values follow that cell.
    """
    cell: Node | None = owner
    for _ in range(3):
        if cell is None or cell.tag in CELL_TAGS:
            break
        cell = cell.parent
    if cell is None or cell.tag not in CELL_TAGS:
        return []
    span = cell.attributes.get("rowspan")
    if not isinstance(span, str) or not span.strip().isdigit() or int(span) < 2:
        return []
    units: list[_Unit] = []
    row = cell.parent
    sub = _next_element(cell)
    for _ in range(min(int(span), 12)):
        if row is None:
            break
        if sub is not None:
            label = labels.by_words.get(f"{words} {value_text(sub).lower()}")
            if label is not None:
                units.append(_Unit(label, sub, None))
        row = _next_element(row)
        sub = _first_element(row) if row is not None else None
    return units


#: What stands before the first name, and between each name and its value, in a text
#: that names both: "Nurse: $1", "Nurse, $1", "Nurse — $1", "Nurse - $1" (never the
#: minus of "-5%" or a null's "--").
_NAME_VALUE_GAP = " ,:;-\u2013\u2014\u00b7|"
_GAP_AFTER_NAME = re.compile(r"^\s*(?:[:,|\u00b7\u2013\u2014]|-(?=\s))?\s*")
#: What ends the first value before the second name: "; ", " · ", " | ", ", ", " and ".
_BEFORE_NEXT_NAME = re.compile(r"(?:[\s,;|\u00b7\u2022]*\band\b)?[\s,;|\u00b7\u2022]*$")


#: Sub-labels of a range's rows under one label cell ("Salary range" over "Low" and "High").
_RANGE_ENDS = frozenset(
    {"low", "lowest", "lower", "min", "min.", "minimum", "from", "bottom", "start", "starting"}
    | {"high", "highest", "upper", "max", "max.", "maximum", "to", "top"}
)
#: The most rows one label cell is read over (a race breakdown has a handful).
_MAX_SPANNED_ROWS = 12


def _over_spanned_rows(unit: _Unit, labels: LabelSet) -> _Unit:
    """``unit``, with each column's value put together when its label's cell spans rows.

    ``<th rowspan=2>Salary range</th>`` over "Low | $38,000 | $36,000" and "High |
    $82,000 | $73,000" gives "$38,000 - $82,000" and "$36,000 - $73,000";
    ``<th rowspan=2>Gender ratio</th>`` over "Male | 96.8% | 97.1%" and "Female | 3.2% |
    2.9%" gives "Male, 96.8% Female, 3.2%" and "Male, 97.1% Female, 2.9%". A cell across
    both columns (``colspan=2``) is both columns' value. A cell over rows whose first
    cells are labels of their own ("Jobs" over "Growth rate" and "Number of jobs") is a
    group's heading, read as before.
    """
    cell = _cell_around(unit.node)
    span = cell.attributes.get("rowspan") if cell is not None else None
    if cell is None or not isinstance(span, str) or not span.strip().isdigit():
        return unit
    rows: list[tuple[str, list[str]]] = []
    row: Node | None = cell.parent
    cells = _shown_cells_from(_next_element(cell))
    for _ in range(min(int(span), _MAX_SPANNED_ROWS)):
        if row is None:
            break
        texts = [value_text(each) for each in cells for _ in range(_columns_spanned(each))]
        if len(texts) == 2:
            rows.append(("", texts))
        elif len(texts) == 3:
            rows.append((texts[0], texts[1:]))
        else:
            return unit  # not one sub-label and two values: read as any other row
        row = _next_element(row)
        cells = _shown_cells_from(_first_element(row)) if row is not None else []
    if len(rows) < 2:
        return unit
    subs = [sub.lower().rstrip(":") for sub, _ in rows]
    if any(sub in labels.by_words for sub in subs):
        return unit
    if all(sub in _RANGE_ENDS or not sub for sub in subs):
        spanned = [_range_of([values[column] for _, values in rows]) for column in (0, 1)]
    else:
        spanned = [
            " ".join(f"{sub}, {value[column]}" for sub, value in rows if not is_null(value[column]))
            for column in (0, 1)
        ]
    return _Unit(unit.label, unit.node, unit.inline_value, spanned)


def _range_of(ends: list[str]) -> str:
    """One range's text from its ends' texts (the first and the last row)."""
    given = [end for end in (ends[0], ends[-1]) if not is_null(end)]
    return " - ".join(given) if given else ends[0]


def _cell_around(node: Node) -> Node | None:
    """The table cell that is ``node`` or holds it (a few wrappers up), if any."""
    cell: Node | None = node
    for _ in range(3):
        if cell is None or cell.tag in CELL_TAGS:
            break
        cell = cell.parent
    return cell if cell is not None and cell.tag in CELL_TAGS else None


def _shown_cells_from(node: Node | None) -> list[Node]:
    """The shown table cells from ``node`` on among its siblings."""
    cells: list[Node] = []
    while node is not None:
        if node.tag in CELL_TAGS and not is_hidden(node):
            cells.append(node)
        node = _next_element(node)
    return cells


def _next_element(node: Node) -> Node | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling


def _first_element(node: Node) -> Node | None:
    child = node.child
    while child is not None and not child.is_element_node:
        child = child.next
    return child


def _unit_in(owner: Node, labels: LabelSet) -> _Unit | None:
    """The label occurrence whose key word ``owner`` holds in its own text, if it is a label."""
    if owner.is_text_node:
        pieces = [owner]
    else:
        child = owner.child
        if child is not None and child.next is None:  # one text child: the owner is the cell
            text = value_text(owner).lower()
            return _climb_to_label(owner, text, labels) if text else None
        pieces = list(owner.iter(include_text=True))
        if _is_figure_with_unit(owner, labels):
            return None  # "12,406<!-- --> jobs": the unit after a figure is no label
    for piece in pieces:
        if not piece.is_text_node:
            continue
        text = value_text(piece).lower()
        if not text or not any(map(text.__contains__, labels.keywords)):
            continue
        lead = _LEAD_DASH.match(text) if piece.prev is not None else None
        if lead is not None:  # "<b>Nurse</b> — gender ratio: Male, 9% ..."
            unit = _climb_to_label(piece, text[lead.end() :], labels, lead.end())
        else:
            unit = _climb_to_label(piece, text, labels)
        if unit is not None:
            return unit
    return None


#: A dash or a colon between a name in an element and a label's words after it.
_LEAD_DASH = re.compile(r"[\u2013\u2014:|-]\s+")


def _line_units(owner: Node, labels: LabelSet) -> list[_Unit]:
    """The label occurrences of each line after the first in ``owner``'s own text, lines
    being split by ``<br>``: each line's first text piece that is a label."""
    found: list[_Unit] = []
    after_break = False
    for piece in owner.iter(include_text=True):
        if piece.tag == "br":
            after_break = True
        elif after_break and piece.is_text_node:
            text = value_text(piece).lower()
            unit = _climb_to_label(piece, text, labels) if text else None
            if unit is not None:
                found.append(unit)
            after_break = unit is None and not text
    return found


def _is_figure_with_unit(owner: Node, labels: LabelSet) -> bool:
    """Whether ``owner``'s text is a figure followed by words ("12,406 jobs", "39 yrs"),
    a value however much its last word looks like a label."""
    text = value_text(owner)
    if not text or not (text[0].isdecimal() or text[0] in "$+-\u2212"):
        return False
    return labels.by_words.get(text.lower()) is None  # "10-year growth" is a label


def _follows_a_figure(node: Node) -> bool:
    """Whether the text just before ``node`` in its parent ends with a figure."""
    before = _text_neighbour(node, "prev")
    if before is None:
        return False
    text = value_text(before)
    return bool(text) and (text[-1].isdecimal() or text[-1] == "%")


def _climb_to_label(node: Node, text: str, labels: LabelSet, lead: int = 0) -> _Unit | None:
    """From a text node, the smallest node whose text starts with a whole label (``text``
    is the node's lower-case text after its first ``lead`` characters)."""
    current = node
    for _ in range(_MAX_CLIMB):
        exact = labels.by_words.get(text) or _qualified_label(text, labels)
        if exact is None:  # "Projected job growth, 2022-2032"
            bare = without_period(text)
            if bare != text:
                exact = labels.by_words.get(bare) or _qualified_label(bare, labels)
        if exact is not None:
            return _whole_label(_Unit(exact, current, None), labels)
        for label in labels.labels:
            if text.startswith(label.words) and not _is_word_char(text[len(label.words)]):
                rest = value_text_after(current, lead + len(label.words))
                if _is_note(current, rest) or _LABEL_GOES_ON.match(rest) or _WHOSE.fullmatch(rest):
                    return _Unit(label, current, None)
                if not _reads_as_value(rest) and (
                    cells := _column_cells(current, label.words, rest)
                ):
                    return _Unit(label, current, None, cells)  # a line of a text table
                if not _reads_as_value(rest) or (
                    " " not in label.words and not _separated_or_figure(rest)
                ):
                    return None  # a sentence or a name that starts with the label's words
                rest = _NOTE_BEFORE_VALUE.sub("", rest)
                return _Unit(label, current, rest.strip(_SEPARATOR_CHARS) or None)
        if text not in labels.prefixes:
            return None  # neither a label nor a piece of one
        parent = current.parent
        if parent is None:
            return None
        current = parent
        text = value_text(current).lower()
        lead = 0
    return None


def _whole_label(unit: _Unit, labels: LabelSet) -> _Unit:
    """The label whose words the cell around ``unit`` holds when ``unit`` is one piece of it.

    ``<th><abbr>LGBT</abbr> Percentage</th>``: "LGBT" alone is a wording of the same
    row, but the cell's words are the label, and "Percentage" is no value. And
    ``<th>Growth rate<sup>1</sup></th>``: the cell is the label, its footnote mark no value.
    """
    node = unit.node
    for _ in range(_MAX_CLIMB):
        before, after = _text_neighbour(node, "prev"), _text_neighbour(node, "next")
        if before is not None or after is not None:
            break
        if node.parent is None:
            return unit
        node = node.parent  # a lone child: its parent says the same
    else:
        return unit
    inline = [side for side in (before, after) if side is not None and _is_inline(side)]
    cell = node.parent
    if not inline or cell is None:
        return unit
    text = value_text(cell).lower()
    label = labels.by_words.get(text) or _qualified_label(text, labels)
    if label is not None:
        return _Unit(label, cell, None)
    words = unit.label.words
    if text.startswith(words) and _is_note(cell, text[len(words) :]):  # "Growth rate<sup>1"
        return _Unit(unit.label, cell, None)
    return unit


def _text_neighbour(node: Node, side: str) -> Node | None:
    """The nearest sibling on ``side`` ("prev" or "next") that is not blank text."""
    sibling = getattr(node, side)
    while sibling is not None and sibling.is_text_node and not (sibling.text_content or "").strip():
        sibling = getattr(sibling, side)
    return sibling


def _is_inline(node: Node) -> bool:
    """Text, or an element that runs on in the same line of text (a word in ``<abbr>``, a
    footnote mark in ``<sup>``)."""
    return node.is_text_node or node.tag in _INLINE_TAGS or node.tag == "sup"


#: Whose a label's values are, after its words: "Race ratio for welders:" (a card's label;
#: its value follows it).
_WHOSE = re.compile(_WHOSE_LEAD + " " + _articles(" ") + r"?[^\W\d_][^\d:;,.]{0,60}:")
#: What follows a label's words when they are only the start of a longer label of the same
#: row ("Race / ethnicity", "Race and ethnicity", "Growth & outlook"), not its value;
#: or a unit sign after the label ("LGBT %", "Salary ($)").
_LABEL_GOES_ON = re.compile(r"\s*(?:(?:/|&|and\b|or\b)\s*[^\W\d_][^\d]*|\(?\s*[%$]\s*\)?)$")
#: Words a site may put before a label of several words ("Job growth rate", "Annual
#: growth rate", "Median yearly salary") that still name the same row.
_MAX_QUALIFIER_WORDS = 2
#: Those words. Only these: a screen reader's copy "Optometrist years of experience:"
#: names an occupation before a label, and is no label of its own.
_QUALIFIERS = frozenset(
    {
        "average", "avg.", "avg", "median", "mean", "typical", "overall", "job", "jobs",
        "annual", "yearly", "projected", "expected", "estimated", "current", "total",
    }
)  # fmt: skip


def _qualified_label(text: str, labels: LabelSet) -> Label | None:
    """The label of several words that ``text`` ends with after a qualifier or two.

    "Job growth rate" is the growth rate's label, not the label "Job growth" with the
    value "rate". Single-word wordings ("Salary", "Jobs") never count this way: too
    many texts end with them.
    """
    text = text.rstrip(" :")
    if " " not in text or not text[-1].isalpha():
        return None
    for label in labels.multiword:  # the longest wording first
        if text.endswith(label.words) and text[-len(label.words) - 1 : -len(label.words)] == " ":
            qualifier = text[: -len(label.words) - 1].split()
            if len(qualifier) <= _MAX_QUALIFIER_WORDS and all(w in _QUALIFIERS for w in qualifier):
                return label
    return None


def _is_word_char(char: str) -> bool:
    """A letter or a digit; not a superscript footnote mark ("Yearly salary\u00b9")."""
    return char.isalpha() or char.isdecimal()


def _is_note(node: Node, rest: str) -> bool:
    """Whether what follows a label's words is a note on it, not a value.

    "(median)", "*", or a footnote mark in ``<sup>``: "Average age<sup>1</sup>".
    """
    rest = rest.strip(" :")
    if not rest or (rest[0] == "(" and rest[-1] == ")" and rest.count("(") == 1):
        return True
    if all(char in _NOTE_MARKS for char in rest):
        return True
    last = node.last_child if node.is_element_node else None
    while last is not None and last.is_text_node and not (last.text_content or "").strip():
        last = last.prev
    return last is not None and last.tag == "sup" and value_text(last) == rest


def _reads_as_value(rest: str) -> bool:
    """Whether what follows a label in the same text is its value, not the rest of a sentence.

    "Yearly salary: $32,954" and "Yearly salary $32,954" are; "Yearly salary
    figures below come from surveys" is not.
    """
    if rest[:1] in _VALUE_SEPARATORS:
        return len(rest) <= _MAX_SEPARATED_VALUE_CHARS  # a race breakdown for both is long
    if len(rest) > _MAX_INLINE_VALUE_CHARS:
        return False
    return len(rest.split()) <= _MAX_BARE_VALUE_WORDS


def _column_cells(node: Node, words: str, rest: str) -> list[str] | None:
    """The cells after a label in preformatted text that stands apart from its value by a
    run of spaces, a column's gap ("Most common degree    High School Diploma, 38%
    Associate Degree, 45%": two cells); else ``None``."""
    if not node.is_text_node or len(rest) > _MAX_SEPARATED_VALUE_CHARS:
        return None
    raw = (node.text_content or "").strip()
    gap = _COLUMN_GAP.search(raw)
    if gap is None or clean_text(raw[: gap.start()]).lower() != words:
        return None
    cells = [clean_text(cell) for cell in _COLUMN_GAP.split(raw[gap.end() :])]
    return [cell for cell in cells if cell] or None


#: The gap between two columns of text drawn with spaces.
_COLUMN_GAP = re.compile(r" {2,}|\t")


def _separated_or_figure(rest: str) -> bool:
    """Whether what follows a one-word label in its text can be its value: after a
    separator, a figure or a null ("Salary $32,954", "Jobs: --"); never more words, as
    in the names that start with a label's word ("College of Charleston")."""
    return rest[:1] in _VALUE_SEPARATORS or _figure_or_null(rest)


def _figure_or_null(text: str) -> bool:
    """Whether ``text`` can be a value on its own: it holds a digit, or it is a null mark."""
    return any(map(str.isdigit, text)) or is_null(text)


def value_text_after(node: Node, count: int) -> str:
    """The node's text after its first ``count`` characters (of the cleaned text)."""
    return value_text(node)[count:].strip()


def _unit_ancestors(units: list[_Unit]) -> dict[int, int]:
    """For every ancestor of a unit (up to a few levels): how many units it holds."""
    counts: dict[int, int] = {}
    for unit in units:
        for node_id in ancestry_ids(unit.node, limit=_ANCESTOR_LEVELS):
            counts[node_id] = counts.get(node_id, 0) + 1
    return counts


def _without_echoes(occurrences: list[_Unit]) -> list[_Unit]:
    """The occurrences of one label, less the copies that start a value cell of an earlier one.

    A responsive table repeats the label in each value cell
    (``<th>Yearly salary</th><td><span>Yearly salary</span>$1</td>``); those
    copies are part of the values, not rows of their own.
    """
    kept: list[_Unit] = []
    for unit in occurrences:
        if not any(_starts_a_cell_after(unit, first) for first in kept):
            kept.append(unit)
    return kept


def _acts_on_row(node: Node, text: str, label: Label) -> bool:
    """Whether a cell after a value is a link acting on its row ("Change<span> yearly
    salary</span>"): one link whose words hold the label's and more. A value that is a
    link (a company's name) does not hold the label's words."""
    if not node.is_element_node or len(text) <= len(label.words):
        return False
    if label.words not in text.lower():
        return False
    link: Node | None = node
    for _ in range(_LINK_DEPTH):
        if link is None:
            return False
        if link.tag == "a":
            return True
        children = content_children(link)
        link = children[0] if len(children) == 1 else None
    return False


def _without_link_words(occurrences: list[_Unit]) -> list[_Unit]:
    """The occurrences of one label less those that are words of a longer link, when any
    is not: an action's "Change<span> yearly salary</span>" after each value."""
    kept = [unit for unit in occurrences if not _in_a_longer_link(unit)]
    return kept if kept else occurrences


def _in_a_longer_link(unit: _Unit) -> bool:
    current: Node | None = unit.node
    for _ in range(_LINK_DEPTH):
        if current is None:
            return False
        if current.tag == "a":
            return len(value_text(current)) > len(unit.label.words) + 1
        current = current.parent
    return False


#: How far up a label's ancestors the link it may be words of is looked for.
_LINK_DEPTH = 3


def _without_hidden_copies(occurrences: list[_Unit]) -> list[_Unit]:
    """The occurrences of one label less those a browser does not show, when one is shown.

    A table stacked for phones repeats each column's label in every cell, hidden
    until the screen is narrow (``<td><span style="display:none">Gender ratio</span>...``),
    and a page may carry a hidden copy of a whole table with stale figures.
    """
    shown = [unit for unit in occurrences if not _hidden_label(unit.node)]
    return shown if shown else occurrences


def _hidden_label(node: Node) -> bool:
    """Whether the label's element or any element around it is hidden.

    A tab panel not chosen yet is hidden, but is no copy: on a page that shows one
    occupation at a time, the other's labels and values are in its panel.
    """
    current: Node | None = node
    for _ in range(_MAX_HIDDEN_DEPTH):
        if current is None:
            return False
        if current.is_element_node and is_hidden(current) and not is_panel(current):
            return True
        current = current.parent
    return False


#: How far up a label's ancestors a hidden one is looked for.
_MAX_HIDDEN_DEPTH = 40


def _starts_a_cell_after(copy: _Unit, label: _Unit) -> bool:
    """Whether ``copy`` opens an element that follows ``label``'s cell in the same row."""
    cells: dict[int, Node] = {}  # parent id -> the label or a wrapper holding only it
    node: Node | None = label.node
    for _ in range(_MAX_CLIMB):
        if node is None or node.parent is None:
            break
        cells[node.parent.mem_id] = node
        if value_text(node.parent).lower() != label.label.words:
            break
        node = node.parent
    inner: Node = copy.node
    outer = inner.parent
    for _ in range(_MAX_CLIMB):
        if outer is None or outer.parent is None:
            return False
        cell = cells.get(outer.parent.mem_id)
        if cell is not None:
            return value_text(outer).lower().startswith(copy.label.words) and _follows(outer, cell)
        inner, outer = outer, outer.parent
    return False


def _follows(node: Node, before: Node, limit: int = 12) -> bool:
    sibling = before.next
    for _ in range(limit):
        if sibling is None:
            return False
        if sibling.mem_id == node.mem_id:
            return True
        sibling = sibling.next
    return False


class _ValueReader:
    """Reads the values of label occurrences, knowing where every label sits."""

    def __init__(
        self,
        ancestors: dict[int, int],
        names: Names | None,
        swapped: bool,
        stops: Collection[int] = frozenset(),
    ) -> None:
        self.ancestors = ancestors  # id of each node holding labels -> how many
        self.stops = stops  # ids of what holds another section's heading
        self.names = names
        self.occupation_of_column = (1, 0) if swapped else (0, 1)

    def row_or_cards(self, occurrences: list[_Unit]) -> list[str | None]:
        """A label's values: one per card, unless just one occurrence is a row with both.

        (In cards, a value in two pieces can look like a row; so it takes exactly one
        row-like occurrence among several to read them as a row.)
        """
        if len(occurrences) == 1:
            return self.values(occurrences[0], 2)
        rows = [
            values
            for values in (self.values(unit, 2) for unit in occurrences)
            if values[0] is not None and values[1] is not None
        ]
        if len(rows) == 1:
            return rows[0]
        if len(occurrences) == 3:
            agreed = self._row_beside_cards(occurrences)
            if agreed is not None:
                return agreed
        return [self.values(unit, 1, column)[0] for column, unit in enumerate(occurrences[:2])]

    def _row_beside_cards(self, occurrences: list[_Unit]) -> list[str | None] | None:
        """A row and one card per occupation that say the same (a desktop table and its
        mobile cards, both in the page): the row's values; else ``None``.

        (A card's value in list items can read as a row of two; agreeing tells them apart.)
        """
        for index, unit in enumerate(occurrences):
            row = self.values(unit, 2)
            if row[0] is None or row[1] is None:
                continue
            cards = [other for other_index, other in enumerate(occurrences) if other_index != index]
            if row == [self.values(card, 1, column)[0] for column, card in enumerate(cards)]:
                return row
        return None

    def values(self, unit: _Unit, expected: int, column: int = 0) -> list[str | None]:
        """``expected`` value texts from ``column`` on; "" for an empty cell, None for none."""
        texts: list[str | None] = []
        if unit.spanned is not None:
            texts = list(unit.spanned[column : column + expected])
            return texts + [None] * (expected - len(texts))
        if unit.inline_value is not None:
            if expected == 2 and (
                named := self._split_by_names(unit.inline_value)
                or self._split_by_captions(unit.inline_value)
            ):
                # "Gender ratio: Nurse: Male, 9% ... · Doctor: Male, ...", "LGBT: 4% of
                # welders and 3% of machinists."
                return list(named)
            texts.append(unit.inline_value)
        if len(texts) < expected:
            wanted = expected - len(texts)
            # After "Label: value" in one text, B's value can only be in the cells after it:
            # not a node holding labels (the next card), nor a column the labels align with.
            nodes = self.value_nodes(unit.node, wanted, aligned=not texts)
            if texts:
                nodes = [node for node in nodes if node.mem_id not in self.ancestors]
            if wanted == 1 and nodes:
                # One value per occurrence (a card): everything up to the next label is it.
                text = self._card_value(nodes, unit.label, column + len(texts))
                texts.append(self._with_share_beside(text, nodes[-1]))
            elif (named := self._named_values(nodes) if wanted == 2 else None) is not None:
                texts.extend(named)  # "Welder, $44,190; Machinist, $47,520" after the label
            else:
                if len(nodes) == 1 and wanted >= 2 and _columns_spanned(nodes[0]) >= wanted:
                    # One cell across both columns (colspan=2): the value of both.
                    texts.extend(self._pick(nodes, 1, unit.label, column + len(texts)) * wanted)
                elif len(nodes) == 1 and wanted >= 2:
                    nodes = self._with_value_before(nodes[0]) or _split_single(nodes[0]) or nodes
                    texts.extend(self._pick(nodes, wanted, unit.label, column + len(texts)))
                else:
                    texts.extend(self._pick(nodes, wanted, unit.label, column + len(texts)))
        if expected == 2 and len(texts) == 1 and texts[0]:
            text = texts[0]
            texts = list(
                self._split_by_captions(text)
                or self._split_by_names(text)
                or split_pair(text)
                or texts
            )
        texts = texts[:expected]
        return texts + [None] * (expected - len(texts))

    def _split_by_captions(self, text: str) -> tuple[str, str] | None:
        """Both values of one text that names whose each is after it: "Las Vegas, NV (Chef) |
        San Francisco, CA (Line Cook)", "$37.24 (Nurse) vs. $25.92 (Aide)", "$72,105 for
        hygienists; $38,420 for assistants", or one value "for both"; else ``None``.

        Each value ends with its occupation's name, in parentheses or after "for", one for
        each, the last at the text's end; the separator between them goes.
        """
        if self.names is None:
            return None
        text = text.rstrip(" .")
        both = _FOR_BOTH.search(text)
        if both is not None:
            value = text[: both.start()].rstrip(" ,")
            return (value, value) if value and not self.names.mentions(value) else None
        if text.endswith(")"):
            captions = [
                (match.start(), match.end(), match[0]) for match in _PARENTHESES.finditer(text)
            ]
        else:
            captions = [
                (lead.start(), end, text[start:end])
                for start, end, _ in self.names.mentions(text)
                if (lead := _FOR_NAME.search(text, 0, start)) is not None
            ]
        named = [
            (start, end, occupation)
            for start, end, caption in captions
            if (occupation := _whose(self.names, caption)) is not None
        ]
        if len(named) != 2 or {occupation for _, _, occupation in named} != {0, 1}:
            return None
        (first_start, first_end, first_occupation), (last_start, last_end, _) = named
        if last_end != len(text):
            return None
        values = [
            text[:first_start].strip(),
            _PAIR_SEPARATOR.sub("", text[first_end:last_start]).strip(),
        ]
        if not all(values):
            return None
        if first_occupation == 1:
            values.reverse()
        return values[0], values[1]

    def _named_values(self, nodes: list[Node]) -> tuple[str, str] | None:
        """Both values from one text after a label (one node, or a line of inline ones)
        that leads each with its occupation's name (see ``_split_by_names``)."""
        if self.names is None or not nodes or (len(nodes) > 1 and not all(map(_is_inline, nodes))):
            return None
        if len(nodes) == 1 and nodes[0].is_element_node:
            paired = self._named_terms(nodes[0])
            if paired is not None:
                return paired
        return self._split_by_names(tidy_spacing(" ".join(value_text(node) for node in nodes)))

    def _named_terms(self, node: Node) -> tuple[str, str] | None:
        """Both values of a description list that names each occupation in a term:
        ``<dl><dt>Nurse</dt><dd>$1</dd><dt>Doctor</dt><dd>$2</dd></dl>``; else ``None``."""
        if self.names is None or node.css_first("dt") is None:
            return None
        found: list[str | None] = [None, None]
        for term in node.css("dt"):
            occupation = self.names.exactly(value_text(term))
            detail = _next_element(term)
            if occupation is not None and detail is not None and detail.tag == "dd":
                found[occupation] = value_text(detail)
        first, second = found
        return (first, second) if first is not None and second is not None else None

    def _split_by_names(self, text: str) -> tuple[str, str] | None:
        """Both values of one text that leads each with its occupation's name: "Welder,
        $44,190; Machinist, $47,520.", "Nurse: $1 · Doctor: $2", "Nurse — x and Doctor —
        y"; else ``None``.

        The text starts with one name, the other comes after a separator (";", "·", "|",
        ",", "and"; a line break, which reads as a space, when a colon follows the name:
        "Nurse: $1<br>Doctor: $2"), and each value is what follows its name.
        """
        if self.names is None:
            return None
        mentions = self.names.mentions(text)
        if len(mentions) < 2:
            return None
        start, first_end, first = mentions[0]
        if text[:start].strip(_NAME_VALUE_GAP):
            return None  # the text does not start with a name
        # The other name after a separator; a name inside a value ("Paralegal: Paralegal
        # Studies") is no start of the next one.
        found = next(
            (
                (mention, separator)
                for mention in mentions[1:]
                if mention[2] != first
                and (separator := _BEFORE_NEXT_NAME.search(text[first_end : mention[0]]))
                and (separator.group().strip() or text[mention[1] : mention[1] + 1] == ":")
            ),
            None,
        )
        if found is None:
            return None
        (second_start, second_end, _), separator = found
        between = text[first_end:second_start]
        values = [
            _GAP_AFTER_NAME.sub("", between[: separator.start()], count=1),
            _GAP_AFTER_NAME.sub("", text[second_end:], count=1).removesuffix(".").rstrip(),
        ]
        if not all(values):
            return None
        if first == 1:
            values.reverse()
        return values[0], values[1]

    def value_nodes(self, node: Node, wanted: int, aligned: bool = True) -> list[Node]:
        """The nodes after the label that hold its values (see the module docstring); without
        ``aligned``, never the values a column of labels lines up with.

        A label written inline in a cell of its own, among icons, buttons and
        tooltips, has its values after that cell, not after the label's words.
        """
        current = node
        for level in range(_MAX_VALUE_CLIMB):
            in_label_cell = level == 0 and (node.is_text_node or node.tag in _INLINE_TAGS)
            siblings = self._siblings_after(current, in_label_cell)
            if (
                in_label_cell
                and wanted == 2
                and (self._named_values(siblings) is not None or self._says_whose(siblings))
            ):
                # "<b>Label:</b> Welder, Odessa, TX; Machinist, Santa Clara, CA.", "<b>Label:</b>
                # Odessa, TX (welder) and Santa Clara, CA (machinist)."
                return siblings
            if level == 0 and siblings and current.tag in HEADING_TAGS:
                outside = self._value_after_wrapper(current)
                if outside is not None and wanted == 1 and _no_figures(siblings):
                    return [outside]  # the words under the label were its caption
                if outside is not None and len(siblings) < wanted:
                    return [*siblings, outside]  # A's value under the label, B's beside
            if siblings and (
                _only_notes_and_icons(siblings) or (in_label_cell and self._only_whose(siblings))
            ):
                siblings = []  # a label among its icon and tooltip: its values are outside
            if in_label_cell and not siblings:
                before = self._figure_before(current)
                if before is not None:
                    return [before]  # "$43,410<span class=visually-hidden>Yearly salary</span>"
            if siblings:
                if in_label_cell and len(siblings) < wanted:
                    outer = self._after_label_cell(current, wanted)
                    if outer:
                        return outer
                return siblings
            if level < _CAPTION_LEVELS and not in_label_cell:
                before = self._value_above(current)
                if before is not None:
                    return [before]
            parent = current.parent
            if parent is None:
                return []
            if self.ancestors.get(parent.mem_id, 0) > 1:
                # The parent holds other labels too: a column of labels, or a header row.
                return self._aligned_values(current, parent) if aligned else []
            current = parent
        return []

    def _says_whose(self, nodes: list[Node]) -> bool:
        """Whether one text after a label holds both values, each captioned with whose it is
        ("Santa Rosa, CA (hygienist) and Anchorage, AK (assistant)")."""
        return len(nodes) == 1 and self._split_by_captions(value_text(nodes[0])) is not None

    def _value_after_wrapper(self, label: Node) -> Node | None:
        """What follows the wrapper of a heading label and the words under it, when it holds
        text and no label: ``<ion-label><h3>Yearly salary</h3><p>National average</p>
        </ion-label><ion-note>$49,610</ion-note>``; else ``None``."""
        wrapper = label.parent
        if wrapper is None:
            return None
        after = next(next_content(wrapper), None)
        if after is None or after.mem_id in self.ancestors or not value_text(after):
            return None
        return after

    def _value_above(self, label: Node) -> Node | None:
        """The value a label is the caption of, written before it in a card of their own
        (``<div><div>$52,000</div><div>Yearly salary</div></div>``): the one content
        element before the label (see ``_lone_before``); else ``None``."""
        before = self._lone_before(label)
        return before if before is not None and before.is_element_node else None

    def _figure_before(self, label: Node) -> Node | None:
        """The figure written just before an inline label that ends its text, its caption
        for a screen reader (``$43,410<span>Yearly salary</span>``): the one content
        sibling before it (see ``_lone_before``), when its text holds a digit or a null
        mark; else ``None`` (an icon's glyph before a label is no value)."""
        before = self._lone_before(label)
        if before is None:
            return None
        text = value_text(before)
        return before if text and _figure_or_null(text) else None

    def _lone_before(self, label: Node) -> Node | None:
        """The one content sibling before ``label`` when nothing follows the label, it holds
        no label, and nothing with text comes before it (an icon before a value shows
        none); else ``None``."""
        if next(next_content(label), None) is not None:
            return None
        before = previous_content(label)
        previous = next(before, None)
        if previous is None or previous.mem_id in self.ancestors:
            return None
        return None if any(value_text(earlier) for earlier in before) else previous

    def _only_whose(self, nodes: list[Node]) -> bool:
        """Whether ``nodes`` beside a label only say whose row it is, for a screen reader:
        "Yearly salary<span> for chef</span>" (one list of labels per occupation), or "for
        both careers" (a row's button that opens both values)."""
        names = self.names
        if names is None:
            return False
        return all(
            _whose(names, text) is not None or _BOTH.fullmatch(text.lower()) is not None
            for text in (value_text(node) for node in nodes)
        )

    def _with_value_before(self, after: Node) -> list[Node]:
        """A's value before the label and B's after it ("$1 | Yearly salary | $2", a
        versus layout): the one content sibling before the label's cell, then ``after``.

        Only when the label's cell has exactly one sibling before it, holding text and
        no label, so an icon cell or a row of labels is never taken for A's value.
        """
        ancestors = self.ancestors
        node = after.prev
        while node is not None and node.mem_id not in ancestors:
            if is_content(node) and value_text(node):
                return []  # more than the label between the values
            node = node.prev
        if node is None:
            return []
        before: list[Node] = []
        node = node.prev
        while node is not None:
            if node.mem_id in ancestors:
                return []
            if is_content(node) and (not node.is_element_node or node.tag not in NON_CONTENT_TAGS):
                before.append(node)
            node = node.prev
        if len(before) != 1 or not value_text(before[0]):
            return []
        return [before[0], after]

    def _after_label_cell(self, label: Node, wanted: int) -> list[Node]:
        """The values after the cell ``label`` sits in, when there are ``wanted`` of them."""
        cell = label.parent
        if cell is None or self.ancestors.get(cell.mem_id, 0) != 1:
            return []
        outer = self._siblings_after(cell, False)
        return outer if len(outer) >= wanted else []

    def _siblings_after(self, node: Node, in_label_cell: bool) -> list[Node]:
        """The content siblings after ``node``, up to the next label or what holds one;
        in the label's own cell, none that is hidden or shows nothing (Word's empty
        ``<o:p></o:p>`` after every paragraph's text)."""
        ancestors, stops = self.ancestors, self.stops
        siblings: list[Node] = []
        sibling = node.next
        while sibling is not None:
            if sibling.is_element_node:
                if sibling.mem_id in ancestors:  # a label, or something holding one
                    break
                if sibling.mem_id in stops and sibling.tag not in CELL_TAGS:
                    break  # the next section (a cell's word "Education" is a value)
                if sibling.tag not in NON_CONTENT_TAGS and not (
                    in_label_cell and (is_hidden(sibling) or not value_text(sibling))
                ):
                    siblings.append(sibling)
            elif sibling.is_text_node:
                text = sibling.text_content
                if text and not text.isspace():
                    if sibling.mem_id in ancestors:
                        break
                    siblings.append(sibling)
            sibling = sibling.next
        return siblings

    def _aligned_values(self, branch: Node, labels_column: Node) -> list[Node]:
        """Values at the label's index in the columns that follow the column of labels.

        Only a pure column of labels counts (every item a label or empty), so a
        ``<dl>`` whose last label has no value does not borrow what follows it.
        """
        ancestors = self.ancestors
        items = content_children(labels_column)
        # Every item a label or empty; but for the first, the corner cell of a table on its
        # side ("Career", then the labels; each row below it one occupation's values).
        if any(item.mem_id not in ancestors and value_text(item) for item in items[1:]):
            return []
        index = next((i for i, item in enumerate(items) if item.mem_id == branch.mem_id), None)
        if index is None:
            return []
        column: Node | None = labels_column
        for _ in range(_MAX_CLIMB):
            if column is None:
                return []
            followers = list(next_content(column))
            if followers:
                break
            column = column.parent
        else:
            return []
        if len(followers) == 1 and followers[0].is_element_node:
            followers = content_children(followers[0])  # rows wrapped in one body
        followers = _rows_of(followers)
        values = []
        for follower in followers[:2]:
            cells = content_children(follower) if follower.is_element_node else []
            at = index + self._header_cells(cells, len(items))
            values.append(cells[at] if at < len(cells) else follower)
        return values

    def _header_cells(self, cells: list[Node], labels: int) -> int:
        """1 when a column of values starts with its occupation's name where the column of
        labels has no corner cell (the labels set lower by the page's style), else 0."""
        if len(cells) != labels + 1 or self.names is None:
            return 0
        return int(self.names.exactly(value_text(cells[0])) is not None)

    def _pick(self, nodes: list[Node], count: int, label: Label, column: int) -> list[str | None]:
        """The first ``count`` value texts; empty extras (icons, spacers) are dropped first."""
        chosen: list[tuple[Node, str]]
        if len(nodes) <= count:
            chosen = [(node, value_text(node)) for node in nodes]
        else:  # the first ``count`` non-empty texts, else the first ``count`` texts
            chosen = []
            first: list[tuple[Node, str]] = []
            for node in nodes:
                text = value_text(node)
                if len(first) < count:
                    first.append((node, text))
                if text:
                    chosen.append((node, text))
                    if len(chosen) == count:
                        break
            else:
                chosen = first
        texts: list[str | None] = []
        for offset, (node, text) in enumerate(chosen):
            if text and (text[0].isalpha() or text[-1].isalpha() or text[-1] == ")"):  # words
                text = self._without_copy(node, text, label, column + offset)
            texts.append(text)
        return texts

    def _card_value(self, nodes: list[Node], label: Label, column: int) -> str:
        texts = [
            self._without_copy(node, text, label, column)
            for node, text in ((node, value_text(node)) for node in nodes)
            if not _acts_on_row(node, text, label)
        ]
        return " ".join(text for text in texts if text)

    def _with_share_beside(self, text: str, last: Node) -> str:
        """A worded value and the bare share written just after the wrapper of its label and
        value, in a field of its own ("High School Diploma", then "38%"): "High School
        Diploma, 38%"; else ``text``. (A figure, or a value with a share, is left alone.)"""
        if not text or any(char.isdigit() for char in text) or not any(map(str.isalpha, text)):
            return text
        wrapper = last.parent
        if wrapper is None:
            return text
        after = next(next_content(wrapper), None)
        if after is None or after.mem_id in self.ancestors:
            return text  # nothing, or the next label's wrapper
        share = value_text(after)
        return f"{text}, {share}" if is_bare_share(share) else text

    def _without_copy(self, node: Node, text: str, label: Label, column: int) -> str:
        """``text`` without a copy of its column's occupation name or of the label (see
        ``without_copy``)."""
        occupation = self.occupation_of_column[column] if column < 2 else None
        return without_copy(node, text, label.words, self.names, occupation)


#: Elements that stress words inside a text rather than set a caption apart.
_EMPHASIS_TAGS = frozenset({"b", "strong", "em", "i", "u", "mark", "a"})


#: How many wrappers up from a label a value written above it (a stat card's) is looked for.
_CAPTION_LEVELS = 2
#: A site's badges after a value, each an element of its own ("Netflix <strong>New</strong>").
_BADGES = frozenset(
    {"new", "hot", "top", "high", "low", "popular", "trending", "updated", "featured", "beta"}
)
#: What may end a copy of a name or label before a value: "Chef:", "Chef" and a dash.
_COPY_ENDS = " :-|\u2013\u2014"
#: Words a screen reader's caption puts before the occupation's name: "for chefs".
_CAPTION_LEADS = (*(f"{word} " for word in _WHOSE_WORDS), "as ")
#: A caption that says a row is both occupations': "for both careers", "for each".
_BOTH_WORDS = r"(?:both|each)(?: (?:careers|occupations|jobs|roles|professions))?"
_BOTH = re.compile(rf"(?:for |of )?{_BOTH_WORDS}")


def _is_caption(
    caption: str, label_words: str, names: Names | None, occupation: int | None
) -> bool:
    """Whether a value's trailing element only repeats whose value it is: the occupation
    ("Chef", "(Chef)", "for chefs") or, in parentheses, the row ("(highest paying
    state)", "(college)" after "Most common college")."""
    if names is not None and occupation is not None and _whose(names, caption) == occupation:
        return True
    inner = caption.strip(" ").lower()
    words = inner[1:-1].strip()
    return inner[:1] == "(" and inner[-1:] == ")" and bool(words) and label_words.endswith(words)


def _whose(names: Names, caption: str) -> int | None:
    """The occupation a caption names ("Chef", "(Chef)", "for chefs"), else ``None``."""
    return names.exactly(_named_in(caption))


def _named_in(caption: str) -> str:
    """The name a trailing caption holds: "(Chef)" and "for chefs" name the chef."""
    caption = caption.strip(" ()")
    lowered = caption.lower()
    for lead in _CAPTION_LEADS:
        if lowered.startswith(lead):
            return caption[len(lead) :]
    return caption


def without_copy(
    node: Node | None, text: str, label_words: str, names: Names | None, occupation: int | None
) -> str:
    """``text`` without a leading copy of the occupation's name or of the row's label, and
    without a trailing caption naming the occupation.

    A leading copy counts when it is an element of its own at the start of the cell
    ``node`` (``<span class="sr-only">Chef</span>$50,160``) or is followed by a
    colon ("Chef: $50,160"); a trailing one when it is an element of its own at the
    end (``<div>Meta</div><figcaption>Chef</figcaption>``). A short lead of its own that
    ends with a colon goes too, whatever its words ("Value for A:").
    """
    if not text:
        return text
    lowered = text.lower()
    stem = names.stem(occupation) if names is not None and occupation is not None else ""
    if node is not None and lowered.rpartition(" ")[2] in _BADGES:
        last = _edge_piece(node, last=True)
        if last is not None and value_text(last).lower() in _BADGES:
            text = text.rpartition(" ")[0].rstrip()  # "Netflix <strong>New</strong>"
            lowered = text.lower()
    if node is not None and (text[-1:] == ")" or (stem and stem in lowered)):
        last = _edge_piece(node, last=True)
        if last is not None and last.tag not in _EMPHASIS_TAGS:
            caption = value_text(last)  # "Chef"; a screen reader's "(Chef)", "for chefs"
            if text.endswith(caption) and _is_caption(caption, label_words, names, occupation):
                text = text[: -len(caption)].rstrip()
                lowered = text.lower()
    if not text or not text[0].isalpha():
        return text
    first = _edge_piece(node) if node is not None else None
    if first is not None and not first.is_text_node:
        lead = value_text(first)
        if lead.endswith(":") and text.startswith(lead) and _is_lead(lead, label_words, stem):
            rest = text[len(lead) :].strip()
            if rest:  # a lead a screen reader hears: "<span>Value for A: </span>$48,606"
                return rest
    if not (lowered.startswith(label_words) or (stem and lowered.startswith(stem))):
        return text

    def is_copy(piece: str) -> bool:
        words = piece.lower().rstrip(_COPY_ENDS)
        piece = piece.rstrip(_COPY_ENDS)
        if words == label_words:
            return True
        if names is None or stem == "":
            return False
        if words.endswith(label_words) and len(words) > len(label_words):
            piece = piece[: len(words) - len(label_words)]  # "Chef Yearly salary:"
        return names.exactly(piece) == occupation

    if first is not None:
        first_text = value_text(first)
        if is_copy(first_text):
            rest = text[len(first_text) :].lstrip(" :")  # (a "-" may be a minus sign)
            return rest if rest else text
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and is_copy(head):
        return rest.strip()
    return text


def _is_lead(lead: str, label_words: str, stem: str) -> bool:
    """Whether an element ending with a colon before a value only says whose value it is:
    a short one whatever its words ("Value for A:"), a longer one when it names the row or
    the occupation ("Most common college for Elementary School Teacher:")."""
    if lead.count(" ") < _MAX_LEAD_WORDS * 2:
        return True
    lowered = lead.lower()
    return label_words in lowered or bool(stem and stem in lowered)


def _rows_of(followers: list[Node]) -> list[Node]:
    """The rows in ``followers``: a table body's rows in place of the body, and no footer
    (``<tfoot>`` holds notes on the table, never an occupation's values)."""
    if not any(node.tag in _ROW_GROUPS for node in followers):
        return followers
    rows: list[Node] = []
    for node in followers:
        if node.tag == "tfoot":
            continue
        rows.extend(content_children(node) if node.tag in _ROW_GROUPS else [node])
    return rows


_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})


def _no_figures(nodes: list[Node]) -> bool:
    """Whether ``nodes`` hold no digit (a caption such as "National average", no value)."""
    return not any(char.isdigit() for node in nodes for char in value_text(node))


def _only_notes_and_icons(nodes: list[Node]) -> bool:
    """Whether ``nodes`` hold a note (a sentence of several words ending in a full stop,
    such as a tooltip's "Projected change in employment over the next ten years.") and
    nothing else with text but footnote marks in ``<sup>``: no value."""
    found_note = False
    for node in nodes:
        if node.tag == "sup":
            continue  # a footnote mark beside the label
        if _shows_nothing(node):
            found_note = True  # a tooltip whose trigger and text are both hidden
            continue
        raw = value_text(node)
        text = raw.lstrip(_ICON_CHARS)  # "ⓘAverage pay per hour worked."
        if not text:
            found_note = found_note or bool(raw)  # an info sign alone: "ⓘ"
            continue
        if text[-1] != "." or text.count(" ") < _MIN_NOTE_SPACES or not text[0].isalnum():
            return False
        found_note = True
    return found_note


def _shows_nothing(node: Node) -> bool:
    """Whether an element holds only hidden elements (``aria-hidden``, ``hidden``...)."""
    if not node.is_element_node:
        return False
    children = content_children(node)
    return bool(children) and all(child.is_element_node and is_hidden(child) for child in children)


#: Icon characters a tooltip's text may start with: info and question marks.
_ICON_CHARS = " ⓘℹ❓❔?!*"


#: A note has at least this many spaces (five words); a value with a full stop at its
#: end ("Acme Inc.", "St. Louis") has fewer.
_MIN_NOTE_SPACES = 4


def _columns_spanned(node: Node) -> int:
    """How many columns a cell spans (``colspan``, ``aria-colspan``); 1 when it says nothing."""
    if not node.is_element_node:
        return 1
    attrs = node.attributes
    span = attrs.get("colspan") or attrs.get("aria-colspan")
    return int(span) if isinstance(span, str) and span.strip().isdigit() else 1


def _edge_piece(node: Node, last: bool = False) -> Node | None:
    """The element a cell's text starts with (or with ``last``, ends with), when more
    text is beside it; else ``None``."""
    current = node
    for _ in range(_MAX_VALUE_CLIMB):  # down through wrappers that hold only the value
        if not current.is_element_node:
            return None
        children = content_children(current)
        if not children:
            return None
        edge = children[-1] if last else children[0]
        if len(children) >= 2:
            return edge if edge.is_element_node else None
        current = edge
    return None


#: A parenthesized part of a text ("(Chef)"), and what may stand between two values.
_PARENTHESES = re.compile(r"\([^()]*\)")
_PAIR_SEPARATOR = re.compile(
    r"^\s*(?:[|/;,\u2013\u2014]\s*)?(?:and(?=\s)|vs\.?(?=\s)|versus(?=\s))?", re.IGNORECASE
)
#: "for" or "of" before a name that ends a value ("$72,105 for dental hygienists", "4% of
#: welders"), right before it.
_FOR_NAME = re.compile(r"\s+" + _WHOSE_LEAD + r"\s+" + _articles(r"\s+") + "?$", re.IGNORECASE)
#: One value for both occupations after it: "Health Care for both jobs", "Health Care (both)".
_FOR_BOTH = re.compile(rf"\s*(?:\({_BOTH_WORDS}\)|\s(?:for|of) {_BOTH_WORDS})$", re.IGNORECASE)


#: Two values in one text: "$99,213 $78,580", "-4% 5%", "40 44", "3.6 --".
_TWO_VALUES = re.compile(
    r"(?P<a>[-+]?\$?\d[\d,]*(?:\.\d+)?[%kKmM]?|-{1,3}|n/a|N/A)"
    r"\s+(?P<b>[-+]?\$?\d[\d,]*(?:\.\d+)?[%kKmM]?|-{1,3}|n/a|N/A)"
)


def split_pair(text: str) -> tuple[str, str] | None:
    """Both occupations' values when one text holds the two, else ``None``.

    Two values with a bar between them ("Apple | Google"), two numbers
    ("$99,213 $78,580"), or two values that start with the same word
    and hold a figure each ("Between $25,000 And $41,000 Between $28,000 And
    $53,000"). A text that could be one value ("New York, New York") is not split.
    """
    match = _TWO_VALUES.fullmatch(text)
    if match is not None:
        return match["a"], match["b"]
    first_value, bar, second_value = text.partition(" | ")
    if bar and " | " not in second_value:
        return first_value.strip(), second_value.strip()
    first, space, _ = text.partition(" ")
    if not space or not first[:1].isalpha():
        return None
    at = text.find(f" {first} ", len(first))
    if at < 0 or text.find(f" {first} ", at + 1) >= 0:
        return None
    head, tail = text[:at].strip(), text[at + 1 :].strip()
    if any(map(str.isdigit, head)) and any(map(str.isdigit, tail)):
        return head, tail
    return None


def _split_single(node: Node) -> list[Node]:
    """A lone node that wraps both values: its children, if there are two or more."""
    current = node
    for _ in range(_MAX_CLIMB):
        if not current.is_element_node:
            return []
        children = [child for child in content_children(current) if value_text(child)]
        if len(children) >= 2:
            # Pieces of one value ("$" and "32,954") are inline; wrapped values are blocks,
            # or inline cells alike in tag and class that each hold a whole value.
            if all(child.tag in BLOCK_TAGS for child in children) or _are_cells(children):
                return children
            return []
        if len(children) != 1:
            return []
        current = children[0]
    return []


def _are_cells(nodes: list[Node]) -> bool:
    """Whether inline ``nodes`` are one value each (``<span>$1</span><span>$2</span>``), not
    pieces of one value (``<span>$</span><span>46</span>``): elements of one tag and one
    class, none of which starts or ends like a fragment of a value."""
    first = nodes[0]
    kind = (first.tag, first.attributes.get("class"))
    for node in nodes:
        if not node.is_element_node or (node.tag, node.attributes.get("class")) != kind:
            return False
        text = value_text(node)
        if text[0] in FRAGMENT_STARTS or text[-1] in FRAGMENT_ENDS:
            return False
    return True


def _name_selector(names: Names) -> str:
    keywords = dict.fromkeys(names.keyword(index) for index in (0, 1))
    return ", ".join(f'*:lexbor-contains("{keyword}" i)' for keyword in keywords if keyword)


def _in_a_longer_heading(node: Node, names: Names) -> bool:
    """Whether ``node`` is a piece of a heading that says more than one occupation's name
    (a card's ``<h3>`` that is only the name is that card's header)."""
    heading = node.parent
    while heading is not None and heading.tag not in HEADING_TAGS:
        heading = heading.parent
    return heading is not None and names.exactly(value_text(heading)) is None


def _after_lead(node: Node, text: str) -> str | None:
    """The text after a short lead that is an element of its own at the start of a cell
    (a caption's hidden "<span>Figures for </span>Chef"), else ``None``."""
    first = _edge_piece(node)
    if first is None:
        return None
    lead = value_text(first)
    if not lead or len(lead.split()) > _MAX_LEAD_WORDS or not text.startswith(lead):
        return None
    return text[len(lead) :].strip() or None


def _before_trailing_note(node: Node, text: str) -> str | None:
    """The text before a trailing element of its own that starts with a colon and holds no
    figure (a sortable header's "<span>: activate to sort column ascending</span>")."""
    last = _edge_piece(node, last=True)
    if last is None:
        return None
    note = value_text(last)
    if not note.startswith(":") or any(map(str.isdigit, note)) or not text.endswith(note):
        return None
    return text[: -len(note)].strip()


@dataclass
class _HeaderNames:
    """The occupations' names a table's header cells write, in the order they come; and
    those of one text naming both ("A | B", "A vs. B": a caption, a title row above the
    header cells), which count only where no cell of its own names an occupation."""

    texts: list[str | None] = field(default_factory=lambda: [None, None])
    order: list[int] = field(default_factory=list)
    both_texts: list[str | None] = field(default_factory=lambda: [None, None])
    both_order: list[int] = field(default_factory=list)

    def own(self, index: int, text: str) -> None:
        if self.texts[index] is None:
            self.texts[index] = text
        if index not in self.order:
            self.order.append(index)

    def both(self, found: list[tuple[int, str]]) -> None:
        for index, text in found:
            if self.both_texts[index] is None:
                self.both_texts[index] = text
            if index not in self.both_order:
                self.both_order.append(index)

    def settled(self) -> tuple[list[str | None], list[int]]:
        """Each occupation's name and the order they come in."""
        if len(self.order) == 2 or not self.both_order:
            return self.texts, self.order
        texts = [own or both for own, both in zip(self.texts, self.both_texts, strict=True)]
        return texts, self.order + [index for index in self.both_order if index not in self.order]


def _name_in(owner: Node, names: Names, found: _HeaderNames) -> None:
    """Record ``owner`` (or the element it sits in) in ``found`` if its whole text is an
    occupation's name, or names both.

    Only a cell of its own counts, so sentences that mention the occupations do
    not, nor do the pieces of a heading (``<h2><span>Nurse</span> vs ...</h2>``).
    """
    if inside(owner, HEADING_TAGS) and _in_a_longer_heading(owner, names):
        return
    node: Node | None = owner
    for _ in range(3):
        if node is None:
            return
        text = value_text(node)
        if len(text) > _MAX_INLINE_VALUE_CHARS:
            return
        index = names.exactly(text)
        if index is None and ":" in text:  # a lead a screen reader hears: "Occupation: A"
            lead, _, rest = text.rpartition(":")
            if len(lead.split()) <= _MAX_LEAD_WORDS and not names.indices(lead):
                index = names.exactly(rest)
                text = rest
            if index is None:  # or a note after the name: "A<span>: activate to sort</span>"
                name = _before_trailing_note(node, text)
                index = names.exactly(name) if name else None
                text = name or text
        if index is None and " " in text:  # a lead of its own: "<span>Figures for </span>A"
            name = _after_lead(node, text)
            index = names.exactly(name) if name else None
            text = name or text
        if index is not None:
            found.own(index, text.strip(" .:;,"))
            return
        both = names.both(text) if len(text) > 4 else None
        if both is not None:  # one header cell or a caption for both: "A | B", "A vs. B"
            found.both(both)
            return
        if node.tag not in _INLINE_TAGS:
            return  # a cell is not part of a bigger name
        node = node.parent
