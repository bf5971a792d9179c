"""The "What does a ... do?" sections: each occupation's description paragraphs."""

from __future__ import annotations

from extractors._context import PageContext, SectionResult
from extractors._dom import Node, leaf_blocks
from extractors._lists import is_control

SECTION = "description"
#: The label of an advertisement placed between sections ("ADVERTISEMENT", "Sponsored").
AD_LABELS = frozenset(
    {"advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted"}
)


def extract_descriptions(ctx: PageContext) -> SectionResult:
    """A's and B's descriptions: their paragraphs joined by a blank line."""
    result: SectionResult = ({}, {})
    for index, fields in enumerate(result):
        key = f"description:{index}"
        if key not in ctx.outline.headings:
            ctx.issues.warn(SECTION, f"no 'What does ... do?' section for {ctx.names.pair[index]}")
            continue
        paragraphs = description_paragraphs(ctx.outline.region(key))
        if paragraphs:
            fields["description"] = "\n\n".join(paragraphs)
        else:
            ctx.issues.warn(SECTION, f"the description of {ctx.names.pair[index]} is empty")
    return result


def description_paragraphs(region: list[Node]) -> list[str]:
    """The text of each paragraph in ``region``; ``<br>`` breaks a block into paragraphs."""
    paragraphs: list[str] = []
    for block in leaf_blocks(region):
        for text in block.lines():
            if text.lower() in AD_LABELS:
                return paragraphs  # an advertisement after the description: what follows is its
            if text and not is_control(text):
                paragraphs.append(text)
    return paragraphs
