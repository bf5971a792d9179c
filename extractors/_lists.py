"""Per-occupation lists inside a section: the duties' responsibilities and the skills lists.

Each list follows a sub-heading that names one occupation ("Patient coordinator
example responsibilities.", "Common patient coordinator skills"); its items are
the blocks after it up to the next sub-heading or section, hidden ones included.
"Show more"/"Show less" controls are never items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from extractors._context import PageContext
from extractors._dom import (
    CELL_TAGS,
    NON_CONTENT_TAGS,
    Block,
    Node,
    ancestry_ids,
    attribute,
    content_children,
    in_hidden,
    leaf_blocks,
    value_text,
)
from extractors._names import Names
from extractors._outline import (
    AD_LABELS,
    CONTROL_STARTS,
    Outline,
    classify,
    is_control,
    region_after,
    widen_inline,
)
from extractors._regular import glued, split_figure
from extractors.normalize import clean_text

_MAX_SUBHEADING_CHARS = 200
#: Lists, and the elements their items are.
_ITEM_TAGS = {
    "ul": frozenset({"li"}),
    "ol": frozenset({"li"}),
    "div": frozenset({"div", "p"}),
}
_SEPARATOR = "\x1f"
#: Bullets written as text before an item (followed by a space).
_SYMBOL_BULLETS = frozenset("\u2022\u00b7\u25aa\u25e6\u2023\u2219\u25cf\u25a0\u25cb\u25ba\u25b8")
_BULLETS = _SYMBOL_BULLETS | frozenset("*-\u2013\u2014>")


@dataclass(slots=True)
class Sublist:
    """The blocks after one occupation's sub-heading (``occupation`` may come from page order)."""

    occupation: int
    blocks: list[Node]


def find_subheadings(
    region: list[Node], names: Names, keyword: str, kind: str
) -> list[tuple[int, Node]]:
    """The sub-headings of ``kind`` in ``region`` as (occupation, node), in page order."""
    selector = f'*:lexbor-contains("{keyword}" i)'
    found: list[tuple[int, Node]] = []
    seen: set[int] = set()
    for root in region:
        owners = [root] if root.is_text_node else root.css(selector)
        for owner in owners:
            match = _as_subheading(owner, names, kind)
            if match is not None and match[1].mem_id not in seen:
                seen.add(match[1].mem_id)
                found.append(match)
    return found


def _as_subheading(owner: Node, names: Names, kind: str) -> tuple[int, Node] | None:
    if owner.is_element_node:
        node, text = widen_inline(owner, value_text(owner))
        if len(text) <= _MAX_SUBHEADING_CHARS:
            found = classify(text, names)
            if found is not None and found.name == kind and found.occupation is not None:
                return found.occupation, node
            if owner.child is None or owner.child.next is None:
                return None  # one piece of text, and it is no sub-heading
        pieces = [child for child in owner.iter(include_text=True) if child.is_text_node]
    else:
        pieces = [owner]
    for piece in pieces:  # a sub-heading written as bare text before its list
        found = classify(value_text(piece), names)
        if found is not None and found.name == kind and found.occupation is not None:
            return found.occupation, piece
    return None


def sublists(ctx: PageContext, section: str, keyword: str, kind: str) -> list[Sublist]:
    """Each occupation's list in ``section``: after its sub-heading, else the lists in order."""
    outline = ctx.outline
    subheadings = _known_subheadings(outline, outline.region(section), kind)
    if subheadings is None:
        subheadings = find_subheadings(outline.search_roots(section), ctx.names, keyword, kind)
    if not subheadings:
        return _lists_in_order(ctx.outline.region(section))
    boundary_ids = set(ctx.outline.boundary_ids)
    heading_ids = set(ctx.outline.heading_ids)
    for _, node in subheadings:  # a hidden copy's sub-headings end the lists before them
        boundary_ids.update(ancestry_ids(node, stop_id=ctx.outline.root_id))
        heading_ids.add(node.mem_id)
    out: list[Sublist] = []
    for occupation, node in _shown_copies(subheadings):
        out.append(Sublist(occupation, region_after(node, boundary_ids, heading_ids)))
    return _shared_after_subheadings(out) or out


def _shown_copies(subheadings: list[tuple[int, Node]]) -> list[tuple[int, Node]]:
    """The sub-headings less those in hidden copies (a skeleton loader's "Common nurse
    skills" over placeholder items), when shown ones name both occupations."""
    shown = [(occupation, node) for occupation, node in subheadings if not in_hidden(node)]
    return shown if {occupation for occupation, _ in shown} == {0, 1} else subheadings


def _shared_after_subheadings(sublists: list[Sublist]) -> list[Sublist] | None:
    """Both sub-headings in a row, then both lists ("Common A skills", "Common B skills",
    list, list: a grid of two columns written row by row): the lists in the sub-headings'
    order; else ``None``."""
    if len(sublists) != 2:
        return None
    first, second = sublists
    if any(value_text(node) for node in first.blocks):
        return None
    lists = _lists_in_order(second.blocks)
    if len(lists) != 2:
        return None
    return [Sublist(first.occupation, lists[0].blocks), Sublist(second.occupation, lists[1].blocks)]


def _known_subheadings(
    outline: Outline, region: list[Node], kind: str
) -> list[tuple[int, Node]] | None:
    """Both occupations' sub-headings of ``kind`` in ``region``, when the page's headings
    (h1-h6, role=heading) hold them; else ``None``, and they are searched for by words."""
    found = [item for item in outline.subheadings if item.kind == kind]
    if len(found) < 2:
        return None
    region_ids = {node.mem_id for node in region}
    inside = [
        (item.occupation, item.node)
        for item in found
        if not region_ids.isdisjoint(ancestry_ids(item.node, limit=8, stop_id=outline.root_id))
    ]
    if {occupation for occupation, _ in inside} != {0, 1}:
        return None
    return inside


def _lists_in_order(region: list[Node]) -> list[Sublist]:
    """Without sub-headings: the section's outermost lists, the first for A, the next for B."""
    lists: list[Node] = []
    inner: set[int] = set()
    for root in region:
        if root.is_text_node:
            continue
        for node in root.css("ul, ol"):
            if node.mem_id in inner:
                continue
            lists.append(node)
            inner.update(child.mem_id for child in node.css("ul, ol"))
    return [Sublist(index, [node]) for index, node in enumerate(lists[:2])]


def list_items(nodes: list[Node], text_of: Callable[[Block], str], links: bool = True) -> list[str]:
    """The texts of the items under ``nodes``: list items if there is a list, else every block.

    A block whose lines are broken by ``<br>`` gives one item per line. Controls
    ("Show more") and empty blocks are dropped; without ``links``, so are items that are
    nothing but a link (an editor's hidden "Configure block", "Edit view").
    """
    simple = _plain_list_texts(nodes, spaced=text_of is Block.value, links=links)
    if simple is not None:
        pieces: list[tuple[str, Node | None]] = [(clean_text(text), None) for text in simple]
    else:
        blocks = [block for block in leaf_blocks(nodes) if not _heads_a_column(block.nodes[0])]
        if any(block.in_list for block in blocks):
            blocks = _list_blocks(blocks, links)
        if not links:
            blocks = [block for block in blocks if not _only_a_link(block.nodes)]
        pieces = [
            (text, block.nodes[0]) for block in blocks for text in _block_texts(block, text_of)
        ]
    items: list[tuple[str, Node | None]] = []
    for text, node in pieces:
        if not text:
            continue
        first = text[0]
        if first in _BULLETS:
            text = without_bullet(text)
            first = text[:1]
        if first.lower() in CONTROL_STARTS and is_control(text):
            continue
        if text and text.lower() not in AD_LABELS:  # an ad's label below the list
            items.append((text, node))
    texts = [text for text, _ in items]
    return _without_copies(items) if _repeats_words(texts) else texts


def _heads_a_column(node: Node) -> bool:
    """Whether ``node`` is a table's column header ("#", "Responsibility"): no item."""
    if node.tag != "th":
        return False
    row = node.parent
    return attribute(node, "scope") == "col" or (
        row is not None and row.parent is not None and row.parent.tag == "thead"
    )


def _repeats_words(texts: list[str]) -> bool:
    """Whether an item with words comes twice (a share alone, "4%" or "6% of job adverts",
    may well repeat)."""
    if len(set(texts)) == len(texts):
        return False
    worded = [text for text in texts if not text[:1].isdecimal() and any(map(str.isalpha, text))]
    return len(set(worded)) < len(worded)


def _without_copies(items: list[tuple[str, Node | None]]) -> list[str]:
    """Each item once, in its own order, when a carousel's copies repeat them.

    A looping carousel (Slick, Swiper) puts copies of its last slides before the real
    ones and of its first after them, hidden like the real slides out of view; the real
    run begins at the first slide shown. So the items are the first run of every item
    once that starts with the first shown item (the carousel's own, or a full list in a
    hidden "See all" box), else each item at its first place.
    """
    texts = [text for text, _ in items]
    distinct = list(dict.fromkeys(texts))
    count = len(distinct)
    first_shown = next(
        (text for text, node in items if node is not None and not in_hidden(node)), None
    )
    for start in range(len(texts) - count + 1):
        run = texts[start : start + count]
        if (first_shown is None or run[0] == first_shown) and len(set(run)) == count:
            return run
    return distinct


def _list_blocks(blocks: list[Block], links: bool = True) -> list[Block]:
    """The blocks of a list: those in a ``<ul>``/``<ol>``, and runs of sibling elements of one
    tag beside them (the visible items as ``<div>``s, the hidden rest a ``<ul>``); stray
    text around the list (a lead, a note) is dropped. Without ``links``, a block that is
    only a link makes no run (a field's "Occupation" label beside its link is no list).
    """
    runs: Counter[tuple[int, str]] = Counter(
        _run_key(block)
        for block in blocks
        if not block.in_list
        and len(block.nodes) == 1
        and block.nodes[0].tag != "pre"  # a notebook's code beside its "In [8]:" prompt
        and (links or not _only_a_link(block.nodes))
    )
    return [
        block
        for block in blocks
        if block.in_list
        or (
            len(block.nodes) == 1
            and runs[_run_key(block)] >= _MIN_RUN
            and block.nodes[0].tag not in _NO_ITEM_TAGS
        )
    ]


#: Blocks that are no list's items: a table's cells after the list, a block of code.
_NO_ITEM_TAGS = CELL_TAGS | {"pre"}


#: Sibling elements of one tag that make a list of their own.
_MIN_RUN = 2


def _run_key(block: Block) -> tuple[int, str]:
    """Where a block's item sits: its parent and its tag, after climbing out of wrappers that
    hold nothing else (``<div class="views-row"><div><div>Item</div></div></div>``: the
    rows are the run)."""
    node = block.nodes[0]
    parent = node.parent
    for _ in range(_MAX_WRAPPERS):
        if parent is None or node.tag == "li" or not _lone_child(node, parent):
            break
        node, parent = parent, parent.parent
    return (parent.mem_id if parent is not None else 0, node.tag or "")


#: How many wrappers around an item ``_run_key`` climbs out of.
_MAX_WRAPPERS = 3


def _lone_child(node: Node, parent: Node) -> bool:
    """Whether ``node`` is all that ``parent`` holds (but blank text)."""
    return all(child.mem_id == node.mem_id for child in content_children(parent))


def _block_texts(block: Block, text_of: Callable[[Block], str]) -> list[str]:
    return block.lines() if block.has_break() else [text_of(block)]


def _only_a_link(nodes: tuple[Node, ...] | list[Node]) -> bool:
    """Whether a block or an item is one link and nothing else."""
    if len(nodes) != 1 or not nodes[0].is_element_node:
        return False
    node = nodes[0]
    if node.tag == "a":
        return True
    children = content_children(node)
    return len(children) == 1 and children[0].tag == "a"


def _plain_list_texts(nodes: list[Node], spaced: bool, links: bool = True) -> list[str] | None:
    """The texts of a plain list's items, or ``None`` when the list is not plain.

    Plain: the nodes are one list (a ``<ul>``/``<ol>`` of ``<li>``, or a
    ``<div>`` of ``<div>``/``<p>`` items), perhaps beside controls, and each
    item holds one piece of text; with ``spaced`` (texts read as values, not
    prose), pieces of one value ("CPR", ", ", "8%") count as one. Anything else
    is read block by block.
    """
    found: Node | None = None
    item_tags: frozenset[str] = frozenset()
    for node in nodes:
        if node.is_element_node:
            tag = node.tag or ""
            if tag in _ITEM_TAGS and found is None:
                found, item_tags = node, _ITEM_TAGS[tag]
            elif tag not in NON_CONTENT_TAGS:
                return None
        elif node.is_text_node and not (node.text_content or "").isspace():
            return None
    if found is None:
        return None
    texts: list[str] = []
    for item in found.iter(include_text=True):
        if item.is_text_node:
            if (item.text_content or "").isspace():
                continue
            return None
        if item.tag not in item_tags:
            return None
        if not links and _only_a_link([item]):
            continue
        child = item.child
        if child is not None and child.next is None and child.is_text_node:
            texts.append(child.text_content or "")  # the usual item: one text
            continue
        raw = item.text(separator=_SEPARATOR)
        if spaced and split_figure(raw):
            return None  # a share in pieces ("<span>1</span><span>8</span>%"): read as a block
        pieces = [piece for piece in map(str.strip, raw.split(_SEPARATOR)) if piece]
        if len(pieces) > 1 and spaced:
            pieces = glued(pieces)
        if len(pieces) > 1:
            return None
        texts.extend(pieces)
    if _repeats_words(texts):
        return None  # items repeated (a carousel's copies): read block by block
    return texts or None


def without_bullet(text: str) -> str:
    """An item's text without a bullet written as text ("• Patients, 30%"); a bullet that
    is no character of prose ("•", not "-") need not be followed by a space (an
    ``aria-hidden`` ``<span>•</span>`` before the item's text reads "•Patients")."""
    if text and text[0] in _BULLETS:
        if text[1:2] == " ":
            return text[2:]
        if text[0] in _SYMBOL_BULLETS:
            return text[1:].lstrip()
    return text
