"""The skills section: each occupation's "Common ... skills" list of "Skill, NN%"."""

from __future__ import annotations

import re
from typing import Any

from extractors._context import PageContext, SectionResult, empty_result
from extractors._dom import Block
from extractors._lists import list_items, sublists
from extractors.normalize import (
    clean_text,
    label_before_share,
    parse_shares,
    split_labelled_share,
)
from extractors.records import Skill

SECTION = "skills"
#: A share written before the skill's name: "8% CPR", "8 % - CPR".
#: Words after a share that say what it is a share of: "of job postings", "of resumes".
_SHARE_OF = re.compile(r"%\s+(?:of|in|on)\s+(?:all\s+)?[^\W\d_][^\d%,]{0,30}$")
_SHARE_FIRST = re.compile(
    r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*[-:,\u2013\u2014]?\s*(?P<name>(?:\d+[^\W\d_]|[^\W\d_]).*)"
)


def extract_skills(ctx: PageContext) -> SectionResult:
    """The skills of A and of B with their shares, in page order.

    Skills are handed on as plain ``{"name", "share_pct"}`` mappings; the record
    validates them all at once.
    """
    if SECTION not in ctx.outline.headings:
        ctx.issues.warn(SECTION, "no skills section found")
        return empty_result()
    result: SectionResult = ({}, {})
    for sublist in sublists(ctx, SECTION, "skills", "skill_list"):
        fields = result[sublist.occupation]
        if not fields.get("skills"):  # the first sub-heading with a list (one may be empty)
            pairs = skill_pairs(list_items(sublist.blocks, Block.value))
            fields["skills"] = [{"name": name, "share_pct": pct} for name, pct in pairs]
    ctx.skill_names = (_lower_names(result[0]), _lower_names(result[1]))
    for index, fields in enumerate(result):
        skills: list[dict[str, Any]] = fields.get("skills", [])
        if not skills:
            ctx.issues.warn(SECTION, f"no skills found for {ctx.names.pair[index]}")
        for skill in skills:
            share = skill["share_pct"]
            if share is not None and not 0 <= share <= 100:
                ctx.issues.warn(SECTION, f"share of {skill['name']!r} is {share}%")
    return result


def _lower_names(fields: dict[str, Any]) -> frozenset[str]:
    return frozenset(skill["name"].lower() for skill in fields.get("skills", []))


def skill_pairs(items: list[str]) -> list[tuple[str, float | None]]:
    """ "Patients, 30%" (or "30% Patients") -> ("Patients", 30.0); when some items have a
    share, the rest (stray text and header cells, not skills) are dropped. Items are
    texts ``clean_text`` has cleaned.

    A share on its own ("27%") belongs to the name just before it: the name and
    the share sit in separate cells (``<dt>CDL</dt><dd>27%</dd>``, table cells).
    """
    pairs: list[tuple[str, float | None]] = []
    for item in items:
        if "% " in item:  # "Piano, 9% of job postings": what the share counts is no name
            item = _SHARE_OF.sub("%", item)
        if item.count("%") > 1 and (shares := parse_shares(item)):
            # Chips with no separator but their borders: "Guest Service 14%Hospitality 11%".
            pairs.extend(shares)
            continue
        if item[:1].isdigit() and (match := _SHARE_FIRST.fullmatch(item)) is not None:
            name: str | None = match["name"]
            pct: float | None = float(match["pct"])
        else:
            name, pct = split_labelled_share(item)
        if name:
            pairs.append((name, pct))
        elif pct is not None and pairs and pairs[-1][1] is None:
            pairs[-1] = (label_before_share(pairs[-1][0]), pct)
    if any(pct is not None for _, pct in pairs):
        pairs = [(name, pct) for name, pct in pairs if pct is not None]
    return pairs


def parse_skills(items: list[str]) -> list[Skill]:
    """The skills of ``items`` as records (see ``skill_pairs``)."""
    cleaned = [clean_text(item) for item in items]
    return [Skill(name=name, share_pct=pct) for name, pct in skill_pairs(cleaned)]
