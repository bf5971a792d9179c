"""A fast path for regular tables: rows read from the section's text in one C call.

Most tables (``<tr>`` rows, ``<dl>`` rows, simple grids) hold one text per cell,
so the section's text pieces, in page order, are a header row's names, then
each label followed by its two values. ``node.text(separator=...)`` hands
over those pieces at once, which is far cheaper than walking the cells.

The reading is trusted only when the pieces leave no doubt: every label of the
table is there exactly once, each is followed by exactly two whole values (or
by two breakdowns of the same categories, one piece per category), and nothing
else comes between or after them. Anything else (values in
several pieces, notes in a label cell, cards, columns, empty cells) returns
``None``, and the general reader in ``_rows`` takes over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors._dom import Node
from extractors._names import Names
from extractors.normalize import clean_text, is_null, tidy_spacing

#: Joins the text pieces; no page text holds it.
_SEPARATOR = "\x1f"
#: What may end a label's cell besides its words ("Average salary:", "Yearly salary*").
_LABEL_TRAILERS = " :*\u2020\u2021\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
#: A value piece that starts or ends like this is a fragment of a value, not a whole one.
FRAGMENT_STARTS = frozenset(",.;:%)/]")
FRAGMENT_ENDS = frozenset(",(/$[")
_WORD_CHAR = re.compile(r"[^\W_]")
#: The pieces of a figure's digits that touch a "," or "." ("46\x1f,\x1f880", "4\x1f.\x1f5",
#: "46,\x1f880"): glued, they would read "46, 880" or "4." and "5". ("$\x1f32,954" and
#: "22\x1f%" glue right; two digits that touch, "40\x1f44", are more often two cells of
#: a minified table than one figure, and a figure split there leaves a row with the
#: wrong number of pieces, which the general reader then reads.) The pattern starts with
#: the separator, which the engine finds by a fast scan.
_SPLIT_FIGURE = re.compile(r"\x1f(?:(?<=\d\x1f)[.,](?=\x1f?\d)|(?<=\d[.,]\x1f)\d)")


def text_pieces(roots: Sequence[Node]) -> tuple[list[str], list[int]]:
    """The non-blank text pieces under ``roots`` in page order (script text included), and
    where each root's pieces end.

    A piece that is only part of a value is glued to its neighbour, as
    ``value_text`` would join them: "$" to "32,954", "Brockton," to "MA".
    """
    pieces: list[str] = []
    ends: list[int] = []
    for root in roots:
        text = (root.text_content or "") if root.is_text_node else root.text(separator=_SEPARATOR)
        segments = text.split(_SEPARATOR)
        found = [piece for piece in map(str.strip, segments) if piece]
        if len(found) > 1 and _has_fragment(found, segments):
            if _SPLIT_FIGURE.search(text) is not None:
                return [], []  # a figure split around its "," or ".": glued, it would misread
            found = glued(found)
        pieces += found
        ends.append(len(pieces))
    return pieces, ends


def _has_fragment(found: list[str], segments: list[str]) -> bool:
    """Whether a piece ends like part of a value before a separator, or starts like one
    after a separator ("$" then "32,954", "Brockton" then ", MA").

    ``found`` are the non-blank ``segments`` (the text split at the separator), stripped.
    The first segment follows no separator and the last is followed by none; blank
    segments in between are white space, as they are around each piece.
    """
    last = len(found) - 1 if segments[-1].strip() else len(found)
    first = 1 if segments[0].strip() else 0
    return any(piece[-1] in FRAGMENT_ENDS for piece in found[:last]) or any(
        piece[0] in FRAGMENT_STARTS for piece in found[first:]
    )


def split_figure(text: str) -> bool:
    """Whether ``text`` (pieces joined by the separator) holds touching pieces of figures."""
    return _SPLIT_FIGURE.search(text) is not None


def glued(pieces: list[str]) -> list[str]:
    """The pieces with each fragment of a value joined to its neighbour ("$" + "32,954")."""
    out: list[str] = []
    glue = False
    for piece in pieces:
        if out and (glue or piece[0] in FRAGMENT_STARTS):
            out[-1] = tidy_spacing(f"{out[-1]} {piece}")
        else:
            out.append(piece)
        glue = piece[-1] in FRAGMENT_ENDS
    return out


def read_regular(
    pieces: list[str],
    ends: list[int],
    by_words: dict[str, str],
    label_count: int,
    names: Names | None,
    longest: int | None = None,
) -> tuple[dict[str, list[str]], list[str | None], list[int]] | None:
    """Each label key's two values, the header names and their order; ``None`` if irregular.

    ``pieces`` and ``ends`` are what ``text_pieces`` gives; ``by_words`` maps a
    label's lower-case words to its key; ``label_count`` is how many labels the
    table has. A label's values run to the next label or the end of its root
    (text after a table, an advertisement, is another root's). ``longest`` is
    ``label_room(by_words)``, when the caller keeps it.
    """
    if longest is None:
        longest = label_room(by_words)
    found = _labels_in(pieces, by_words, longest)
    if len(found) != label_count:
        grouped = _with_row_groups(pieces, ends, by_words, longest)
        if grouped is None:
            return None
        pieces, ends = grouped
        found = _labels_in(pieces, by_words, longest)
        if len(found) != label_count:
            return None
    rows: dict[str, list[str]] = {}
    nexts = [index for index, _ in found[1:]] + [len(pieces)]
    for (index, key), after in zip(found, nexts, strict=True):
        end = after
        for root_end in ends:  # the end of the label's root, if that comes first
            if root_end > index:
                end = min(after, root_end)
                break
        if key in rows:
            return None
        if end - index == 3:
            one, two = clean_text(pieces[index + 1]), clean_text(pieces[index + 2])
            # Most values start with a letter or a digit and end whole: no call for those.
            if not ((one[0].isalnum() and one[-1] not in FRAGMENT_ENDS) or _is_whole(one)):
                return None
            if not ((two[0].isalnum() and two[-1] not in FRAGMENT_ENDS) or _is_whole(two)):
                return None
            values = [one, two]
        else:
            halves = _breakdowns(pieces[index + 1 : end])
            if halves is None:
                return None
            values = halves
        rows[key] = values
    header_names: list[str | None] = [None, None]
    order: list[int] = []
    if names is not None:
        for piece in pieces[: found[0][0]]:
            text = clean_text(piece)
            if len(text) >= 160:
                continue
            occupation = names.exactly(text)
            if occupation is not None:
                found_names = [(occupation, text.strip(" .:;,"))]
            else:  # a caption or one header cell naming both: "A vs. B"
                found_names = names.both(text) or []
            for occupation, name in found_names:
                if occupation not in order:
                    order.append(occupation)
                    header_names[occupation] = name
    return rows, header_names, order


def label_room(by_words: dict[str, str]) -> int:
    """How long a piece may be and still be a label: the longest wording, with room for
    white space and trailers."""
    return max(map(len, by_words)) + 8


def _label_words(piece: str) -> str:
    return without_period(" ".join(piece.lower().split()).rstrip(_LABEL_TRAILERS))


#: The years a figure is for, after a label: "Projected job growth, 2022-2032",
#: "Employment (2023)".
_PERIOD_AFTER = re.compile(r",?\s*\(?(?:19|20)\d\d(?:\s*[-\u2013\u2014]\s*(?:19|20)?\d\d)?\)?$")


def without_period(words: str) -> str:
    """A label's words without the years its figure is for after them."""
    if not words[-1:].isdigit() and not words.endswith(")"):
        return words
    return _PERIOD_AFTER.sub("", words).rstrip(_LABEL_TRAILERS) or words


#: Icons written before a label's words: an emoji ("💰 Yearly salary"), a symbol, a bullet.
_LABEL_LEAD = re.compile(r"^[^\w$(+\-]+")


def without_icon_lead(text: str) -> str:
    """A label's text without the emoji or symbols before its words."""
    return _LABEL_LEAD.sub("", text, count=1)


def _labels_in(pieces: list[str], by_words: dict[str, str], longest: int) -> list[tuple[int, str]]:
    """(index, key) of each piece that is a whole label."""
    get = by_words.get
    found: list[tuple[int, str]] = []
    for index, piece in enumerate(pieces):
        if len(piece) >= longest:
            continue
        if not piece[0].isalpha():  # values mostly start otherwise; labels with an icon too
            piece = without_icon_lead(piece)
            if not piece[:1].isalpha():
                continue
        lowered = piece.lower()
        key = get(lowered)  # the usual label cell: its words exactly
        if key is None:
            key = get(_label_words(lowered))
        if key is not None:
            found.append((index, key))
    return found


def _with_row_groups(
    pieces: list[str], ends: list[int], by_words: dict[str, str], longest: int
) -> tuple[list[str], list[int]] | None:
    """The pieces with labels split over a row group put back together, else ``None``.

    ``<th rowspan=2>Highest paying</th><th>City</th>...<th>State</th>``: the group's
    words start each of its rows' labels ("Highest paying City", "Highest paying
    State"). The group's piece goes, and each row's piece becomes the whole label.
    """
    out: list[str] = []
    position: list[int] = []  # for each original piece, how many pieces were kept before it
    group: str | None = None
    changed = False
    for index, piece in enumerate(pieces):
        position.append(len(out))
        if len(piece) >= longest or not piece[0].isalpha():
            out.append(piece)
            continue
        words = _label_words(piece)
        if words in by_words:
            group = None
        elif group is not None and f"{group} {words}" in by_words:
            piece, changed = f"{group} {words}", True
        elif index + 1 < len(pieces) and f"{words} {_label_words(pieces[index + 1])}" in by_words:
            group = words  # a row group's header: its words start the next label
            continue
        out.append(piece)
    if not changed:
        return None
    position.append(len(out))
    return out, [position[end] for end in ends]


def _breakdowns(pieces: list[str]) -> list[str] | None:
    """Two breakdowns in a row ("Male, 11.2%", "Female, 88.8%", "Male, 20.4%", ...) as two
    texts, when the second half names the same categories in the same order."""
    half = len(pieces) // 2
    if half < 2 or len(pieces) != 2 * half or not all(piece[-1] == "%" for piece in pieces):
        return None
    categories = [piece.rpartition(",")[0] for piece in pieces]
    if not categories[0] or categories[:half] != categories[half:]:
        return None
    return [clean_text(" ".join(pieces[:half])), clean_text(" ".join(pieces[half:]))]


def _is_whole(value: str) -> bool:
    """Whether a piece reads as a whole value ("$32,954", "--"), not a piece of one ("$")."""
    first = value[0]
    if first.isalnum() or (first in "$-+" and value[1:2].isdigit()):
        return value[-1] not in FRAGMENT_ENDS
    if is_null(value):
        return True
    return (
        value[0] not in FRAGMENT_STARTS
        and value[-1] not in FRAGMENT_ENDS
        and _WORD_CHAR.search(value) is not None
    )
