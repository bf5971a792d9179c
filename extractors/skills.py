"""The skills section: each occupation's "Common ... skills" list of "Skill, NN%"."""

from __future__ import annotations

import re
from typing import Any

from extractors._context import PageContext, SectionResult, empty_result
from extractors._dom import Block
from extractors._lists import list_items, sublists
from extractors.normalize import parse_labelled_share
from extractors.records import Skill

SECTION = "skills"
#: A share written before the skill's name: "8% CPR", "8 % - CPR".
_SHARE_FIRST = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*[-:,\u2013\u2014]?\s*(?P<name>\D.*)")


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
        if "skills" not in fields:
            pairs = skill_pairs(list_items(sublist.blocks, Block.value))
            fields["skills"] = [{"name": name, "share_pct": pct} for name, pct in pairs]
    for index, fields in enumerate(result):
        skills: list[dict[str, Any]] = fields.get("skills", [])
        if not skills:
            ctx.issues.warn(SECTION, f"no skills found for {ctx.names.pair[index]}")
        for skill in skills:
            share = skill["share_pct"]
            if share is not None and not 0 <= share <= 100:
                ctx.issues.warn(SECTION, f"share of {skill['name']!r} is {share}%")
    return result


def skill_pairs(items: list[str]) -> list[tuple[str, float | None]]:
    """ "Patients, 30%" -> ("Patients", 30.0); when some items have a share, the rest
    (stray text and header cells, not skills) are dropped.

    A share on its own ("27%") belongs to the name just before it: the name and
    the share sit in separate cells (``<dt>CDL</dt><dd>27%</dd>``, table cells).
    """
    pairs: list[tuple[str, float | None]] = []
    for name, pct in map(_name_and_share, items):
        if name:
            pairs.append((name, pct))
        elif pct is not None and pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], pct)
    if any(pct is not None for _, pct in pairs):
        pairs = [(name, pct) for name, pct in pairs if pct is not None]
    return pairs


def _name_and_share(item: str) -> tuple[str | None, float | None]:
    """ "CPR, 8%" or "8% CPR" -> ("CPR", 8.0)."""
    if item[:1].isdigit():
        match = _SHARE_FIRST.fullmatch(item)
        if match is not None:
            return match["name"], float(match["pct"])
    return parse_labelled_share(item)


def parse_skills(items: list[str]) -> list[Skill]:
    """The skills of ``items`` as records (see ``skill_pairs``)."""
    return [Skill(name=name, share_pct=pct) for name, pct in skill_pairs(items)]
