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
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extractors._dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    Node,
    ancestry_ids,
    content_children,
    next_content,
    value_text,
)
from extractors._names import Names

_MAX_CLIMB = 5
#: How far above a label other labels are looked for (a row, a column of labels).
_ANCESTOR_LEVELS = 4
_INLINE_TAGS = frozenset({"span", "b", "strong", "em", "i", "a", "font", "u", "small", "mark"})
_MAX_INLINE_VALUE_CHARS = 160
#: What may stand between a label and its value in one text ("Yearly salary: $1").
_VALUE_SEPARATORS = frozenset(":|=")
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
    """One occurrence of a label: its node, and the value written in the same text, if any."""

    label: Label
    node: Node
    inline_value: str | None


class LabelSet:
    """A table's labels, indexed for the lookups every row does."""

    def __init__(self, labels: Sequence[Label]) -> None:
        self.labels = tuple(labels)
        self.by_words = {label.words: label for label in self.labels}
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


def selector_for(labels: Sequence[Label]) -> str:
    """One CSS selector that finds the owners of every label's key word."""
    keywords = dict.fromkeys(label.keyword for label in labels)
    return ", ".join(f'*:lexbor-contains("{keyword}" i)' for keyword in keywords)


@dataclass
class Reading:
    """What a table search found: each label's values, and each occupation's header name."""

    rows: dict[str, list[str | None]]
    names: list[str | None]


def read_rows(
    roots: Sequence[Node],
    labels: LabelSet | Sequence[Label],
    selector: str | None = None,
    names: Names | None = None,
) -> Reading:
    """For each label found under ``roots``: the texts of its value for A and for B.

    Labels not found are left out; a value that is not there is ``None``, an
    empty cell is "". With ``names``, also how the table writes each occupation's
    name in a cell of its own (its header row), found in the same search.
    """
    query = selector or selector_for(list(labels))
    if names is not None:
        query = ", ".join(filter(None, (query, _name_selector(names))))
    label_set = labels if isinstance(labels, LabelSet) else LabelSet(labels)
    units, name_texts = _find_units(roots, label_set, query, names)
    rows: dict[str, list[str | None]] = {}
    if not units:
        return Reading(rows, name_texts)
    ancestors = _unit_ancestors(units)
    by_key: dict[str, list[_Unit]] = {}
    for unit in units:
        by_key.setdefault(unit.label.key, []).append(unit)
    for key, occurrences in by_key.items():
        rows[key] = _row_or_cards(occurrences, ancestors)
    return Reading(rows, name_texts)


def _row_or_cards(occurrences: list[_Unit], ancestors: dict[int, int]) -> list[str | None]:
    """A label's values: one per card, unless just one occurrence is a row with both.

    (In cards, a value in two pieces can look like a row; so it takes exactly one
    row-like occurrence among several to read them as a row.)
    """
    if len(occurrences) == 1:
        return _values(occurrences[0], 2, ancestors)
    rows = [
        values
        for values in (_values(unit, 2, ancestors) for unit in occurrences)
        if values[0] is not None and values[1] is not None
    ]
    if len(rows) == 1:
        return rows[0]
    return [_values(unit, 1, ancestors)[0] for unit in occurrences[:2]]


def _find_units(
    roots: Sequence[Node], labels: LabelSet, selector: str, names: Names | None
) -> tuple[list[_Unit], list[str | None]]:
    units: list[_Unit] = []
    name_texts: list[str | None] = [None, None]
    seen_owners: set[int] = set()
    seen_units: set[int] = set()
    for root in roots:
        owners = [root] if root.is_text_node else root.css(selector)
        for owner in owners:
            if owner.mem_id in seen_owners:
                continue
            seen_owners.add(owner.mem_id)
            unit = _unit_in(owner, labels)
            if unit is not None:
                if unit.node.mem_id not in seen_units:
                    seen_units.add(unit.node.mem_id)
                    units.append(unit)
            elif names is not None:
                _name_in(owner, names, name_texts)
    return units, name_texts


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
    for piece in pieces:
        if not piece.is_text_node:
            continue
        text = value_text(piece).lower()
        if not text or not any(map(text.__contains__, labels.keywords)):
            continue
        unit = _climb_to_label(piece, text, labels)
        if unit is not None:
            return unit
    return None


def _climb_to_label(node: Node, text: str, labels: LabelSet) -> _Unit | None:
    """From a text node, the smallest node whose text starts with a whole label."""
    current = node
    for _ in range(_MAX_CLIMB):
        exact = labels.by_words.get(text)
        if exact is not None:
            return _Unit(exact, current, None)
        for label in labels.labels:
            if text.startswith(label.words) and not text[len(label.words)].isalnum():
                rest = value_text_after(current, len(label.words))
                if not _reads_as_value(rest):
                    return None  # a sentence that starts with the label's words
                return _Unit(label, current, rest.strip(" :|=") or None)
        if text not in labels.prefixes:
            return None  # neither a label nor a piece of one
        parent = current.parent
        if parent is None:
            return None
        current = parent
        text = value_text(current).lower()
    return None


def _reads_as_value(rest: str) -> bool:
    """Whether what follows a label in the same text is its value, not the rest of a sentence.

    "Yearly salary: $32,954" and "Yearly salary $32,954" are; "Yearly salary
    figures below come from surveys" is not.
    """
    if len(rest) > _MAX_INLINE_VALUE_CHARS:
        return False
    if rest[:1] in _VALUE_SEPARATORS:
        return True
    return len(rest.split()) <= _MAX_BARE_VALUE_WORDS


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


def _values(unit: _Unit, expected: int, ancestors: dict[int, int]) -> list[str | None]:
    """``expected`` value texts for a label occurrence; "" for an empty cell, None for none."""
    texts: list[str | None] = []
    if unit.inline_value is not None:
        texts.append(unit.inline_value)
    if len(texts) < expected:
        nodes = _value_nodes(unit.node, ancestors)
        wanted = expected - len(texts)
        if wanted == 1 and nodes:
            # One value per occurrence (a card): everything up to the next label is it.
            texts.append(" ".join(text for text in map(value_text, nodes) if text))
        else:
            if len(nodes) == 1 and wanted >= 2:
                nodes = _split_single(nodes[0]) or nodes
            texts.extend(_pick(nodes, wanted))
    texts = texts[:expected]
    return texts + [None] * (expected - len(texts))


def _value_nodes(node: Node, ancestors: dict[int, int]) -> list[Node]:
    """The nodes after the label that hold its values (see the module docstring)."""
    current = node
    for _ in range(_MAX_CLIMB):
        siblings: list[Node] = []
        sibling = current.next
        while sibling is not None:
            if sibling.is_element_node:
                if sibling.mem_id in ancestors:  # a label, or something holding one
                    break
                if sibling.tag not in NON_CONTENT_TAGS:
                    siblings.append(sibling)
            elif sibling.is_text_node:
                text = sibling.text_content
                if text and not text.isspace():
                    if sibling.mem_id in ancestors:
                        break
                    siblings.append(sibling)
            sibling = sibling.next
        if siblings:
            return siblings
        parent = current.parent
        if parent is None:
            return []
        if ancestors.get(parent.mem_id, 0) > 1:
            # The parent holds other labels too: a column of labels, or a header row.
            return _aligned_values(current, parent, ancestors)
        current = parent
    return []


def _aligned_values(branch: Node, labels_column: Node, ancestors: dict[int, int]) -> list[Node]:
    """Values at the label's index in the columns that follow the column of labels.

    Only a pure column of labels counts (every item a label or empty), so a
    ``<dl>`` whose last label has no value does not borrow what follows it.
    """
    items = content_children(labels_column)
    if any(item.mem_id not in ancestors and value_text(item) for item in items):
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
    values = []
    for follower in followers[:2]:
        cells = content_children(follower) if follower.is_element_node else []
        values.append(cells[index] if index < len(cells) else follower)
    return values


def _split_single(node: Node) -> list[Node]:
    """A lone node that wraps both values: its children, if there are two or more."""
    current = node
    for _ in range(_MAX_CLIMB):
        if not current.is_element_node:
            return []
        children = [child for child in content_children(current) if value_text(child)]
        if len(children) >= 2:
            # Pieces of one value ("$" and "32,954") are inline; wrapped values are blocks.
            return children if all(child.tag in BLOCK_TAGS for child in children) else []
        if len(children) != 1:
            return []
        current = children[0]
    return []


def _pick(nodes: list[Node], count: int) -> list[str | None]:
    """The first ``count`` value texts; empty extras (icons, spacers) are dropped first."""
    texts = [value_text(node) for node in nodes]
    if len(texts) > count:
        non_empty = [text for text in texts if text]
        if len(non_empty) >= count:
            texts = non_empty
    return list[str | None](texts[:count])


def _name_selector(names: Names) -> str:
    keywords = dict.fromkeys(names.keyword(index) for index in (0, 1))
    return ", ".join(f'*:lexbor-contains("{keyword}" i)' for keyword in keywords if keyword)


def _name_in(owner: Node, names: Names, found: list[str | None]) -> None:
    """Record ``owner`` (or the element it sits in) if its whole text is an occupation's name.

    Only a cell of its own counts, so sentences that mention the occupations do not.
    """
    node: Node | None = owner
    for _ in range(3):
        if node is None:
            return
        text = value_text(node)
        if len(text) > _MAX_INLINE_VALUE_CHARS:
            return
        index = names.exactly(text)
        if index is not None:
            if found[index] is None:
                found[index] = text.strip(" .:;,")
            return
        if node.tag not in _INLINE_TAGS:
            return  # a cell is not part of a bigger name
        node = node.parent
