"""Values written in sentences rather than beside labels.

A writer comparing two careers in prose puts a section's facts in sentences, one
paragraph per occupation or one clause each: "The highest paying city for sous
chefs is Honolulu, HI, and the highest paying state is Hawaii." The label's words
are still there, inside the sentence; the value is what a linking word ("is",
"of", ":") puts after them, up to the end of its clause.

Whose a value is comes from the names: the occupation the clause names, else the
one its sentence names, else the one its paragraph names (a paragraph about one
occupation names it once, then says "they"). A clause or sentence naming both is
left alone: which value is whose is not certain there.

Only labels of two words or more are looked for: a lone "salary" or "jobs" is in
too many sentences that state no value.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from extractors._names import Names
from extractors.intro import split_sentences

Rows = dict[str, list[str | None]]

#: Where a sentence turns from one fact to the next: "..., and the best paying industry is".
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|while|whereas|but|or)\s+|;\s+|\s+and\s+(?=the\s)", re.IGNORECASE
)
#: What links a label's words to its value: "... for sous chefs is", " of ", ": ".
_LINK = re.compile(
    r"\s*(?:\([^()]*\)\s*)?"  # a note: "(median)"
    r"(?:(?:for|of|among|in)\s+[^,;:]{1,60}?\s+)?"  # whose: "for sous chefs"
    r"(?:is|are|was|were|of|at|comes to|stands at|sits at|:|=)\s+",
    re.IGNORECASE,
)
#: The most characters a value in a sentence may have.
_MAX_VALUE_CHARS = 80


def read_prose(
    paragraphs: Sequence[str],
    wordings: Mapping[str, str],
    keys: Collection[str],
    names: Names,
    patterns: Mapping[str, re.Pattern[str]] | None = None,
) -> Rows:
    """Each of ``keys``' values for A and B as ``paragraphs`` state them in sentences.

    ``wordings`` maps a label's lower-case words to its key. ``patterns`` finds a
    key's value by its shape where no label words it ("between $38,000 and
    $71,000" for a salary range): the whole match is the value.
    """
    labels = sorted(
        ((words, key) for words, key in wordings.items() if key in keys and " " in words),
        key=lambda item: -len(item[0]),
    )
    shapes = {key: pattern for key, pattern in (patterns or {}).items() if key in keys}
    found: Rows = {}
    for paragraph in paragraphs:
        named = {occupation for _, _, occupation in names.mentions(paragraph)}
        if not named:
            continue
        paragraph_owner = next(iter(named)) if len(named) == 1 else None
        for sentence in split_sentences(paragraph):
            sentence_owner = _only_one(sentence, names, paragraph_owner)
            for clause in _CLAUSE_BREAK.split(sentence):
                owner = _only_one(clause, names, sentence_owner)
                if owner is None:
                    continue
                for key, value in _values_in(clause, labels, shapes):
                    values = found.setdefault(key, [None, None])
                    if values[owner] is None:
                        values[owner] = value
    return found


def _only_one(text: str, names: Names, otherwise: int | None) -> int | None:
    """The one occupation ``text`` names; ``otherwise`` when it names none; ``None`` when
    it names both."""
    named = names.indices(text)
    if not named:
        return otherwise
    return next(iter(named)) if len(named) == 1 else None


def _values_in(
    clause: str, labels: list[tuple[str, str]], shapes: Mapping[str, re.Pattern[str]]
) -> list[tuple[str, str]]:
    """(key, value) of each label the clause words and states a value for."""
    lowered = clause.lower()
    out: list[tuple[str, str]] = []
    taken: set[str] = set()
    for words, key in labels:
        if key in taken:
            continue
        at = _word_at(lowered, words)
        if at < 0:
            continue
        link = _LINK.match(clause, at + len(words))
        if link is None:
            continue
        value = clause[link.end() :].strip().rstrip(".!?").strip()
        if value and len(value) <= _MAX_VALUE_CHARS:
            out.append((key, value))
            taken.add(key)
    for key, pattern in shapes.items():
        if key not in taken and (match := pattern.search(clause)) is not None:
            out.append((key, match[0]))
    return out


def _word_at(lowered: str, words: str) -> int:
    """Where ``words`` stand in ``lowered`` as whole words, or -1."""
    start = lowered.find(words)
    while start >= 0:
        end = start + len(words)
        before = lowered[start - 1] if start else " "
        after = lowered[end] if end < len(lowered) else " "
        if not before.isalnum() and not after.isalnum():
            return start
        start = lowered.find(words, start + 1)
    return -1
