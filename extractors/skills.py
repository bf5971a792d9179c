"""The skills section: each occupation's "Common ... skills" list of "Skill, NN%"."""

from __future__ import annotations

from extractors._context import PageContext, SectionResult, empty_result
from extractors._dom import Block
from extractors._lists import list_items, sublists
from extractors.normalize import parse_labelled_share
from extractors.records import Skill

SECTION = "skills"


def extract_skills(ctx: PageContext) -> SectionResult:
    """The skills of A and of B with their shares, in page order."""
    if SECTION not in ctx.outline.headings:
        ctx.issues.warn(SECTION, "no skills section found")
        return empty_result()
    result: SectionResult = ({}, {})
    for sublist in sublists(ctx, SECTION, "skills", "skill_list"):
        fields = result[sublist.occupation]
        if "skills" not in fields:
            fields["skills"] = parse_skills(list_items(sublist.blocks, Block.value))
    for index, fields in enumerate(result):
        if not fields.get("skills"):
            ctx.issues.warn(SECTION, f"no skills found for {ctx.names.pair[index]}")
        for skill in fields.get("skills", []):
            if skill.share_pct is not None and not 0 <= skill.share_pct <= 100:
                ctx.issues.warn(SECTION, f"share of {skill.name!r} is {skill.share_pct}%")
    return result


def parse_skills(items: list[str]) -> list[Skill]:
    """ "Patients, 30%" -> Skill("Patients", 30.0); when some items have a share, the rest
    (stray text, not skills) are dropped."""
    parsed = [parse_labelled_share(item) for item in items]
    skills = [Skill.model_construct(name=name, share_pct=pct) for name, pct in parsed if name]
    if any(skill.share_pct is not None for skill in skills):
        skills = [skill for skill in skills if skill.share_pct is not None]
    return skills
