"""The duties and responsibilities section: each occupation's example responsibilities."""

from __future__ import annotations

from extractors._context import PageContext, SectionResult, empty_result
from extractors._dom import Block
from extractors._lists import list_items, sublists

SECTION = "duties"


def extract_duties(ctx: PageContext) -> SectionResult:
    """Every responsibility of A and of B, hidden ones too, in page order."""
    if SECTION not in ctx.outline.headings:
        ctx.issues.warn(SECTION, "no duties and responsibilities section found")
        return empty_result()
    result: SectionResult = ({}, {})
    for sublist in sublists(ctx, SECTION, "responsibilit", "responsibilities"):
        fields = result[sublist.occupation]
        if not fields.get("responsibilities"):  # the first sub-heading with items
            fields["responsibilities"] = list_items(sublist.blocks, Block.prose, links=False)
    for index, fields in enumerate(result):
        if not fields.get("responsibilities"):
            name = ctx.names.pair[index]
            ctx.issues.warn(SECTION, f"no responsibilities found for {name}")
    return result
