"""The intro under the title: how long it takes to become each, and each one's top skills.

The sentences vary between pages, so both facts are keyed on the occupation
names: a duration belongs to the name nearest to it in the same clause, and a
skills sentence's list follows the name it is about and a verb ("include",
"are", ":").
"""

from __future__ import annotations

import re

from extractors._context import PageContext, SectionResult
from extractors._dom import leaf_blocks
from extractors._names import Names
from extractors.normalize import find_durations, split_prose_list

SECTION = "intro"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_LIST_VERB = re.compile(r"\b(?:include|includes|including|are|is|were|consist of)\b|:")


def extract_intro(ctx: PageContext) -> SectionResult:
    """A's and B's time to become (months) and top skills, from the paragraphs under the title."""
    result: SectionResult = ({}, {})
    text = intro_text(ctx)
    if not text:
        ctx.issues.warn(SECTION, "no intro paragraphs under the title")
        return result
    for index, months in enumerate(times_to_become(text, ctx.names)):
        if months is not None:
            result[index]["time_to_become_min_months"] = months[0]
            result[index]["time_to_become_max_months"] = months[1]
        else:
            ctx.issues.warn(SECTION, f"no time to become a {ctx.names.pair[index]}")
    for index, skills in enumerate(top_skills(text, ctx.names)):
        if skills:
            result[index]["top_skills"] = skills
        else:
            ctx.issues.warn(SECTION, f"no top skills of a {ctx.names.pair[index]}")
    return result


def intro_text(ctx: PageContext) -> str:
    """The paragraphs between the title and the first section, as one text."""
    blocks = leaf_blocks(ctx.outline.region("title"))
    return " ".join(text for text in (block.prose() for block in blocks) if text)


def times_to_become(text: str, names: Names) -> list[tuple[int, int] | None]:
    """For A and B: (min, max) months, from the durations nearest each name."""
    found: list[tuple[int, int] | None] = [None, None]
    for sentence in _SENTENCE_END.split(text):
        mentions = names.mentions(sentence)
        if not mentions:
            continue
        for start, end, months in find_durations(sentence):
            occupation = _nearest(sentence, start, end, mentions)
            if found[occupation] is None:
                found[occupation] = months
    return found


def _nearest(sentence: str, start: int, end: int, mentions: list[tuple[int, int, int]]) -> int:
    """The occupation mentioned nearest to ``sentence[start:end]``; a clause break costs a lot."""

    def distance(mention: tuple[int, int, int]) -> int:
        lo, hi = (mention[1], start) if mention[1] <= start else (end, mention[0])
        between = sentence[lo:hi] if lo < hi else ""
        return len(_CLAUSE_BREAK.findall(between)) * 10_000 + len(between)

    return min(mentions, key=distance)[2]


def top_skills(text: str, names: Names) -> list[list[str]]:
    """For A and B: the skills a "top skills" sentence lists after naming the occupation."""
    found: list[list[str]] = [[], []]
    for sentence in _SENTENCE_END.split(text):
        if "skill" not in sentence.lower():
            continue
        mentions = names.mentions(sentence)
        if not mentions:
            continue
        _, end, occupation = mentions[0]
        verb = _LIST_VERB.search(sentence, end)
        if verb is None or found[occupation]:
            continue
        found[occupation] = split_prose_list(sentence[verb.end() :])
    return found
