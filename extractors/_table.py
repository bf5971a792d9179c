"""Reading a section's label/value table into typed values, with issues for what is missing."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from extractors._context import PageContext
from extractors._dom import leaf_blocks
from extractors._prose import read_prose
from extractors._rows import Label, LabelSet, read_rows, selector_for
from extractors.normalize import is_null, without_note_marks

T = TypeVar("T")
#: A separator left before a value when the label's run ended before it (a word
#: processor's export: "<span>Highest paying city</span><span>: </span><span>Boston</span>").
_LEADING_SEPARATOR = re.compile(r"^[:|=]\s*")
Rows = dict[str, list[str | None]]


class Table:
    """The labels of one section's table and the one selector that finds them."""

    def __init__(
        self,
        section: str,
        labels: Sequence[Label],
        with_names: bool = False,
        shapes: Mapping[str, re.Pattern[str]] | None = None,
    ) -> None:
        """``with_names``: this table's header row names the occupations, and its order of
        columns (A's first, or B's) holds for the tables read after it. ``shapes``: how a
        row's value looks when a sentence states it without the row's label (see
        ``read_prose``)."""
        self.section = section
        self.labels = LabelSet(labels)
        self.with_names = with_names
        self.shapes = shapes or {}
        #: Each row's first wording, the one SPEC names (others are synonyms after it).
        self.words: dict[str, str] = {}
        for label in self.labels:
            self.words.setdefault(label.key, label.words)
        #: Finds the labels as SPEC words them; other wordings are searched for only when
        #: rows are missing (each key word costs a test of every element searched).
        spec_words = set(self.words.values())
        self.selector = selector_for([label for label in self.labels if label.words in spec_words])

    def read(self, ctx: PageContext) -> list[RowReader] | None:
        """A reader per occupation; ``None`` (and a warning) when the section is not on the page."""
        if self.section not in ctx.outline.headings:
            ctx.issues.warn(self.section, f"no {self.section} section found")
            return None
        reading = read_rows(
            ctx.outline.search_roots(self.section),
            self.labels,
            self.selector,
            ctx.names,
            headers=self.with_names,
            swapped=ctx.columns_swapped,
            stops=ctx.outline.boundary_ids,
        )
        if self.with_names:
            ctx.columns_swapped = reading.swapped
        rows = reading.rows
        unread = [key for key in self.words if not any(rows.get(key) or ())]
        if unread:  # sentences may state them: "The highest paying city for chefs is ..."
            paragraphs = [block.prose() for block in leaf_blocks(ctx.outline.region(self.section))]
            stated = read_prose(
                paragraphs, self.labels.key_by_words, unread, ctx.names, self.shapes
            )
            for key, values in stated.items():
                rows[key] = [
                    old or new
                    for old, new in zip(rows.get(key) or [None, None], values, strict=True)
                ]
        for key, words in self.words.items():
            if key not in rows:
                ctx.issues.warn(self.section, f"no '{words}' row in the {self.section}")
            elif rows[key].count(None) == len(rows[key]):
                ctx.issues.warn(self.section, f"no values next to '{words}'")
        return [
            RowReader(self, ctx, rows, occupation, reading.names[occupation])
            for occupation in (0, 1)
        ]


@dataclass
class RowReader:
    """One occupation's column of a table."""

    table: Table
    ctx: PageContext
    rows: Rows
    occupation: int
    title: str | None = None  # the occupation's name in the table's header row, if asked for

    def text(self, key: str) -> str | None:
        """The text of this occupation's value in row ``key`` without footnote marks after
        it ("New York[7]", "Otis Worldwide †"), or ``None``."""
        values = self.rows.get(key)
        text = values[self.occupation] if values and self.occupation < len(values) else None
        if text:
            text = _LEADING_SEPARATOR.sub("", text)  # "<span>City</span><span>: </span>..."
        return without_note_marks(text) if text else text

    def value(self, key: str, parse: Callable[[str], T | None]) -> T | None:
        """``parse`` of the value; text that is there but does not parse is a warning, not a 0."""
        text = self.text(key)
        if text is None:
            return None
        value = parse(text)
        if value is None and not is_null(text):
            self.unreadable(key)
        return value

    def unreadable(self, key: str) -> None:
        """Record that the value of row ``key`` is there but cannot be read."""
        words = self.table.words.get(key, key)
        text = self.text(key)
        self.ctx.issues.warn(self.table.section, f"cannot read {text!r} as {words}")
