"""The "What does a ... do?" sections: each occupation's description paragraphs."""

from __future__ import annotations

import re

from extractors._context import PageContext, SectionResult
from extractors._dom import (
    Block,
    Node,
    attribute,
    content_children,
    in_hidden,
    leaf_blocks,
    value_text,
)
from extractors._lists import is_control
from extractors._outline import AD_LABELS, is_bracketed_note
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
        heading = ctx.outline.headings[key]
        paragraphs = description_paragraphs(ctx.outline.region(key), in_hidden(heading))
        if paragraphs:
            fields["description"] = "\n\n".join(paragraphs)
        else:
            ctx.issues.warn(SECTION, f"the description of {ctx.names.pair[index]} is empty")
    return result


#: The title of a callout box after a description (a wiki's "Tip" or "Note" panel): the
#: box's words are no part of the description.
_CALLOUT_LABELS = frozenset({"tip", "note", "info", "warning", "important", "pro tip"})
#: A feedback widget's question under a description.
_FEEDBACK = re.compile(
    r"(?:was this|is this|did you find this|did this)"
    r"(?: (?:answer|article|page|information|content|section))? (?:helpful|useful)"
)
#: How a note around a description starts: its source, an image's credit, a wiki's hatnote.
_NOTE_STARTS = (
    "source:",
    "sources:",
    "photo:",
    "image:",
    "credit:",
    "photo credit:",
    # a wiki's hatnote over a section: "See also: Dental hygiene", "Main article: Welding"
    "see also:",
    "main article:",
    "main articles:",
    "further information:",
)


def description_paragraphs(region: list[Node], under_hidden: bool = False) -> list[str]:
    """The text of each paragraph in ``region``; ``<br>`` breaks a block into paragraphs.

    An image's caption, a paragraph that is only a link ("Learn more about nurses
    →") and a source note are around the description, not part of it; so is a hidden
    block under a shown heading (a skeleton loader's copy), but not under a hidden one,
    ``under_hidden`` (the second occupation's tab, shown when chosen).
    """
    paragraphs: list[str] = []
    region_ids = frozenset(node.mem_id for node in region)
    for block in leaf_blocks(node for node in region if not _holds_a_form(node)):
        node = block.nodes[0]
        if _is_aside(node) or (not under_hidden and in_hidden(node, region_ids)):
            continue  # (hidden: a skeleton loader's copy, "Lorem ipsum")
        if paragraphs and _in_quote(node):
            continue  # a pull quote after the paragraphs repeats or sums them up
        if _leads_with_ad_label(block.nodes):
            return paragraphs  # "<span>Advertisement</span><a>Request a demo.</a>": an ad

        for text in _kept_paragraphs(block) or block.lines():
            lowered = text.lower()
            if lowered in AD_LABELS and _empty_slot(node):
                break  # "<div><span>Advertisement</span><ins></ins></div>" between paragraphs
            if lowered in AD_LABELS or _is_labelled_ad(lowered) or lowered in _CALLOUT_LABELS:
                return paragraphs  # an ad (or a tip box) after the description: the rest is its
            if _FEEDBACK.match(lowered) is not None:
                return paragraphs  # "Was this answer helpful? Yes No": a widget under it
            if not any(char.isalnum() for char in text):
                continue  # an icon or a divider ("💡", "* * *"), not words
            if not (
                is_control(text) or lowered.startswith(_NOTE_STARTS) or is_bracketed_note(text)
            ):
                paragraphs.append(text)
    if len(paragraphs) > 1 and _is_kicker(paragraphs[0]):
        return paragraphs[1:]  # "Top highlight", "Member-only story" over the first paragraph
    return paragraphs


#: The most words of a label over a description's first paragraph (no sentence is so short).
_MAX_KICKER_WORDS = 3


def _is_kicker(text: str) -> bool:
    """Whether ``text``, before a description's paragraphs, is a label over them: a few
    words that end no sentence."""
    return text[-1] not in ".!?" and text.count(" ") < _MAX_KICKER_WORDS


#: A blank line in text whose white space is kept.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _kept_paragraphs(block: Block) -> list[str] | None:
    """The paragraphs of a block whose style keeps its white space (``white-space:
    pre-wrap``, as React Native Web writes text): a blank line shows as one, so it
    separates paragraphs; ``None`` for any other block."""
    if len(block.nodes) != 1:
        return None
    style = attribute(block.nodes[0], "style")
    if style is None or "pre" not in style or "white-space" not in style:
        return None
    parts = [clean_text(part) for part in _BLANK_LINE.split(block.nodes[0].text())]
    paragraphs = [part for part in parts if part]
    return paragraphs if len(paragraphs) > 1 else None


#: Elements a reader fills in: a box holding one (a newsletter sign-up, a poll) is no
#: part of a description.
_FORM_SELECTOR = "form, input, select, textarea"


def _holds_a_form(node: Node) -> bool:
    """Whether a block of the region is, or holds, a form (paragraphs are never searched)."""
    if not node.is_element_node or node.tag == "p":
        return False
    return node.tag == "form" or node.css_first(_FORM_SELECTOR) is not None


def _empty_slot(label: Node) -> bool:
    """Whether an ad's label is all its box shows (the ad itself not loaded): the text
    after the box goes on with the description."""
    box = label.parent
    return box is not None and value_text(box).lower() == value_text(label).lower()


def _leads_with_ad_label(nodes: tuple[Node, ...]) -> bool:
    """Whether a block's first element, with more after it, is an ad's label."""
    if len(nodes) == 1:
        if not nodes[0].is_element_node:
            return False
        nodes = tuple(content_children(nodes[0]))
    if len(nodes) < 2 or not nodes[0].is_element_node:
        return False
    return value_text(nodes[0]).lower() in AD_LABELS


def _is_labelled_ad(lowered: str) -> bool:
    """Whether a paragraph announces itself as an advertisement ("Sponsored: Get certified
    in 12 weeks", "Advertisement - ...")."""
    head, separator, _ = lowered.partition(":")
    if not separator:
        head, separator, _ = lowered.partition(" - ")
    return bool(separator) and head.strip() in AD_LABELS


#: Elements around a block that is no part of the text beside it: an image's caption, a
#: sidebar (an e-book's "Career tip" box).
_ASIDE_TAGS = frozenset({"figcaption", "figure", "aside"})
#: Roles of the same: a wiki's "Main article: Nurse" hatnote, a tip or a note box; and a
#: tab's label, a control ("Radiologic Technologist" over the next occupation's panel).
_ASIDE_ROLES = frozenset(
    {"note", "complementary", "doc-tip", "doc-note", "doc-pullquote", "tab", "tablist"}
)


def _in_quote(node: Node) -> bool:
    """Whether a block is, or is inside, a ``<blockquote>`` (up to three levels up)."""
    current: Node | None = node
    for _ in range(3):
        if current is None:
            return False
        if current.tag == "blockquote":
            return True
        current = current.parent
    return False


def _is_aside(node: Node) -> bool:
    """Whether a block is an image's caption, a note or a sidebar's (see ``_ASIDE_TAGS``),
    or holds nothing but one link."""
    if not node.is_element_node:
        return False
    current: Node | None = node
    for _ in range(3):
        if current is None:
            break
        if current.tag in _ASIDE_TAGS or attribute(current, "role") in _ASIDE_ROLES:
            return True
        current = current.parent
    child = node.child
    if (child is None or (child.next is None and child.is_text_node)) and node.tag != "a":
        return False  # only text: no link (the search below would find no "a")
    links = node.css("a")
    if len(links) != 1:
        return False
    return links[0].text(strip=True) == node.text(strip=True)
