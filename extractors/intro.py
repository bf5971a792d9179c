"""The intro under the title: how long it takes to become each, and each one's top skills.

The sentences vary between pages, so both facts are keyed on the occupation
names: a duration belongs to the name nearest to it in the same clause, and a
skills sentence's list follows the name it is about and a verb ("include",
"are", ":").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extractors._context import PageContext, SectionResult
from extractors._dom import Block, in_hidden, inside, leaf_blocks
from extractors._names import Names
from extractors.normalize import find_durations, split_prose_list

SECTION = "intro"
#: A sentence's end: ".", "!" or "?", then a space and a capital or a mark that starts no
#: word ("... and EMR. · ·", a byline's separators), or a word's full stop then a figure
#: ("... and Python. 2 languages"); a footnote mark may follow a word's full stop ("...of
#: a welder.1 The top three").
_SENTENCE_BREAK = re.compile(
    r"[.!?](?:(?<=[^\W\d_][.!?])(?:\d{1,2}|[*\u2020\u2021]{1,2}))?"
    r" (?=[A-Z\"'(]|[^\w\s]|(?<=[^\W\d_][.!?] )\d)"
)
_LIST_VERB = re.compile(
    r"\b(?:include|includes|including|are|is|were|consist of"
    r"|list|lists|name|names|cite|cites|mention|mentions"
    r"|need|needs|require|requires|use|uses|value|values|rely on|relies on)\b|:"
)
#: A list of skills before the name it is about: "Employers look for patient care, dental
#: hygiene and x-rays in dental hygienists", "Employers list A, B and C as the top three
#: skills for a welder".
_LIST_BEFORE_NAME = re.compile(
    r"\b(?:(?:look|looks|ask|asks|search|searches) for (?P<list>[^;:]+?,[^;:]+?)"
    r" (?:in|among|from)"
    r"|(?:list|lists|name|names|cite|cites|rank|ranks) (?P<ranked>[^;:]+?,[^;:]+?)"
    r" as (?:the|their) top\b[^;:]*? (?:for|of))"
    r" (?:an? |the )?$"
)
#: Where a sentence about both occupations turns from one to the other.
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+but\s+", re.IGNORECASE)
#: Words after a list of skills that are not part of it ("... as their top three skills").
_AFTER_LIST = re.compile(r"\s+as (?:their|its|the) (?:top|most|main|key)\b.*$", re.IGNORECASE)


def extract_intro(ctx: PageContext) -> SectionResult:
    """A's and B's time to become (months) and top skills, from the paragraphs under the title.

    When the paragraphs up to the next heading say neither, the intro is looked for up to
    the first section's heading: a byline's or a sidebar's heading ("<h4>Dana
    Whitfield</h4>") can stand between the title and the intro.
    """
    result: SectionResult = ({}, {})
    text = intro_text(ctx)
    times, skills = _read(ctx, text)
    if not any(times) and not any(skills):
        wider = intro_text(ctx, to_first_section=True)
        if wider and wider != text:
            text = wider
            times, skills = _read(ctx, text)
    if not text:
        ctx.issues.warn(SECTION, "no intro paragraphs under the title")
        return result
    for index, months in enumerate(times):
        if months is not None:
            result[index]["time_to_become_min_months"] = months[0]
            result[index]["time_to_become_max_months"] = months[1]
        else:
            ctx.issues.warn(SECTION, f"no time to become a {ctx.names.pair[index]}")
    for index, listed in enumerate(skills):
        if listed:
            result[index]["top_skills"] = listed
        else:
            ctx.issues.warn(SECTION, f"no top skills of a {ctx.names.pair[index]}")
    return result


def _read(ctx: PageContext, text: str) -> tuple[list[tuple[int, int] | None], list[list[str]]]:
    """A's and B's times to become and top skills as ``text`` says them."""
    sentences = split_sentences(text) if text else []
    return times_to_become(sentences, ctx.names), top_skills(sentences, ctx.names, ctx.skill_names)


def intro_text(ctx: PageContext, to_first_section: bool = False) -> str:
    """The paragraphs between the title and the next heading (with ``to_first_section``,
    the first section's heading), as one text.

    Shown paragraphs outside tables come first: a wiki's infobox beside the intro ("Time
    to become | 4-6 years | 6-12 months") names the occupations only in its header, so its
    figures would go to whichever name is nearest, and a skeleton loader's hidden copy says
    "Skill name" for every skill; the intro's own sentences say whose each is. (A page
    laid out in tables keeps its order.)
    """
    outline = ctx.outline
    region = outline.region_to_a_section("title") if to_first_section else outline.region("title")
    blocks = leaf_blocks(region)
    region_ids = frozenset(node.mem_id for node in region)
    later = [
        inside(block.nodes[0], _TABLE) or in_hidden(block.nodes[0], region_ids) for block in blocks
    ]
    ordered = [b for b, last in zip(blocks, later, strict=True) if not last] + [
        b for b, last in zip(blocks, later, strict=True) if last
    ]
    return " ".join(text for text in (_prose(block) for block in ordered) if text)


def _prose(block: Block) -> str:
    """A block's text, its lines (broken by ``<br>``) spaced: "...a web developer.<br><br>
    The top three skills..." holds two sentences."""
    text = block.prose()
    if _GLUED_SENTENCES.search(text) is None or not block.has_break():
        return text
    return " ".join(block.lines())


#: A sentence's end touching the next one's start: "...a web developer.The top three".
_GLUED_SENTENCES = re.compile(r"[a-z][.!?][A-Z]")


_TABLE = frozenset({"table"})


def split_sentences(text: str) -> list[str]:
    """Sentences: a ".", "!" or "?" then a space then a capital letter ends one."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        sentences.append(text[start : match.start() + 1])
        start = match.end()
    sentences.append(text[start:])
    return sentences


#: What joins a duration to the occupation it is the time to become.
_TO_BECOME = re.compile(
    r"\s*(?:to become|to be|before becoming|of training to become)\s+(?:an?\s+)?"
)


def times_to_become(sentences: list[str], names: Names) -> list[tuple[int, int] | None]:
    """For A and B: (min, max) months, from the durations nearest each name."""
    found: list[tuple[int, int] | None] = [None, None]
    for sentence in sentences:
        lowered = sentence.lower()
        if "year" not in lowered and "month" not in lowered and "week" not in lowered:
            continue
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
        if lo == end and _TO_BECOME.fullmatch(between) is not None:
            return -1  # "5-7 years to become a CPA": the duration says whose it is
        breaks = between.count(",") + between.count(";") + between.count(":")
        return breaks * 10_000 + len(between)

    return min(mentions, key=distance)[2]


def _may_break(sentence: str, lowered: str) -> bool:
    """Whether ``_CLAUSE_BREAK`` finds a break in ``sentence`` (``lowered`` is its lower case).

    Every break holds ";", "while", "whereas" or "but"; an ASCII sentence without
    them is not searched (elsewhere case-insensitive letters have other forms).
    """
    if (
        sentence.isascii()
        and ";" not in sentence
        and "while" not in lowered
        and "whereas" not in lowered
        and "but" not in lowered
    ):
        return False
    return _CLAUSE_BREAK.search(sentence) is not None


def top_skills(
    sentences: list[str],
    names: Names,
    known: tuple[Collection[str], Collection[str]] = ((), ()),
) -> list[list[str]]:
    """For A and B: the skills a "top skills" sentence lists after naming the occupation
    (``known``: each one's skill names, lower-case, to split the list where it is unclear)."""
    found: list[list[str]] = [[], []]
    #: Lists after a clause that names skills only in the list ("Compare nurses and
    #: aides: salary, skills, duties"), kept for an occupation no other clause lists.
    fallback: list[list[str]] = [[], []]
    about_skills = False
    for sentence in sentences:
        lowered = sentence.lower()
        # (a sentence after one about skills may go on without the word: "For a forklift
        # operator the top three are ...")
        follows_on = about_skills and "top " in lowered
        about_skills = "skill" in lowered
        if not about_skills and not follows_on:
            continue
        clauses = _CLAUSE_BREAK.split(sentence) if _may_break(sentence, lowered) else [sentence]
        for clause in clauses:
            mentions = names.mentions(clause)
            if not mentions:
                continue
            start, end, occupation = mentions[0]
            if found[occupation]:
                continue
            before = _LIST_BEFORE_NAME.search(clause, 0, start)
            if before is not None:  # "Employers look for A, B and C in dental hygienists"
                listed = before["list"] or before["ranked"]
                found[occupation] = split_prose_list(listed, known[occupation])
                continue
            verb = _LIST_VERB.search(clause, end)
            if verb is None:
                continue
            listed = _AFTER_LIST.sub("", clause[verb.end() :])
            if "skill" in clause[: verb.start()].lower():
                found[occupation] = split_prose_list(listed, known[occupation])
            elif not fallback[occupation]:
                fallback[occupation] = split_prose_list(listed, known[occupation])
    return [listed or other for listed, other in zip(found, fallback, strict=True)]
