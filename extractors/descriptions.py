"""The "What does a ... do?" sections: each occupation's description paragraphs."""

from __future__ import annotations

from extractors._context import PageContext, SectionResult
from extractors._dom import Block, Node, leaf_blocks
from extractors._lists import is_control
from extractors.normalize import clean_text

SECTION = "description"


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
        for text in _split_at_breaks(block):
            if text and not is_control(text):
                paragraphs.append(text)
    return paragraphs


def _has_break(node: Node) -> bool:
    """Whether a ``<br>`` sits directly in ``node`` (one text child cannot hold one)."""
    child = node.child
    if child is None or child.next is None:
        return False
    return any(piece.tag == "br" for piece in node.iter())


def _split_at_breaks(block: Block) -> list[str]:
    node = block.nodes[0]
    if len(block.nodes) > 1 or node.is_text_node or not _has_break(node):
        return [block.prose()]
    parts: list[str] = []
    current: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "br":
            parts.append("".join(current))
            current = []
        elif child.is_text_node:
            current.append(child.text_content or "")
        elif child.is_element_node:
            current.append(child.text())
    parts.append("".join(current))
    return [clean_text(part) for part in parts if part.strip()]
