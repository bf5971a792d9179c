"""The duties and responsibilities section: each occupation's example responsibilities."""

from __future__ import annotations

import re

from extractors._context import PageContext, SectionResult, empty_result
from extractors._dom import Block, Node, ancestry_ids, value_text
from extractors._lists import list_items, sublists
from extractors._outline import is_control

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
            items = [
                item
                for item in list_items(sublist.blocks, Block.prose, links=False)
                if any(map(str.isalpha, item))  # no carousel's page numbers ("1 2 3")
            ]
            for more in _elsewhere(ctx, sublist.blocks):
                items += [item for item in more if item not in items]
            fields["responsibilities"] = items
    for index, fields in enumerate(result):
        if not fields.get("responsibilities"):
            name = ctx.names.pair[index]
            ctx.issues.warn(SECTION, f"no responsibilities found for {name}")
    return result


#: A control that names what it shows: a link to an element of the page, or a button
#: that says which element it opens.
_POINTERS = 'a[href^="#"], [data-target^="#"], [aria-controls]'
#: An id that a CSS selector can name as it is (any other is left alone).
_PLAIN_ID = re.compile(r"[\w.:-]+")


def _elsewhere(ctx: PageContext, blocks: list[Node]) -> list[list[str]]:
    """The items of the lists a "See all responsibilities" control under a list opens, when
    they lie elsewhere in the page (a modal at the end of the body): the rest of them.
    A control that points at its own section ("Show more" to "#duties") opens nothing."""
    found: list[list[str]] = []
    for block in blocks:
        if not block.is_element_node:
            continue
        for control in block.css(_POINTERS):
            text = value_text(control)
            if not text or not is_control(text):
                continue
            attrs = control.attributes
            target = attrs.get("aria-controls") or attrs.get("data-target") or attrs.get("href")
            name = (target or "").lstrip("#")
            box = ctx.tree.css_first(f'[id="{name}"]') if _PLAIN_ID.fullmatch(name) else None
            if box is None or box.mem_id in ancestry_ids(control):
                continue  # nothing there, or the section itself ("Show more" to "#duties")
            if box.css_first("li") is not None:
                found.append(list_items([box], Block.prose, links=False))
    return found
