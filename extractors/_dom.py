"""Shared helpers over selectolax's lexbor tree: parse once, read text, walk siblings.

Everything here works by tag names and text, never by class names or ids: the
real site's classes are build hashes and change without notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extractors.normalize import clean_text, tidy_spacing

Node = LexborNode

#: Elements whose text is never page content.
JUNK_TAGS = ["script", "style", "noscript", "template"]

#: Elements that start a new block of text; everything else is inline.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)

#: Elements that never hold a value or an item of a list (code, controls, media, embeds).
NON_CONTENT_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "svg",
        "img",
        "picture",
        "video",
        "audio",
        "iframe",
        "embed",
        "object",
        "canvas",
        "input",
        "select",
        "textarea",
        "ins",
        "map",
    ]
)


_LIST_TAGS = frozenset({"ul", "ol", "li", "menu"})
_CONTAINER_TAGS = frozenset({"ul", "ol", "menu", "dl", "table", "tbody", "thead", "tfoot", "tr"})


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """Parse once, the way a browser with scripting on builds the tree.

    With scripting on, ``<noscript>`` holds raw text rather than markup, like
    ``<script>`` and ``<style>``; those elements are skipped wherever text is
    read (removing them would cost a walk of the tree per tag).
    """
    if isinstance(html, bytes | bytearray | memoryview):
        tree = LexborHTMLParser(bytes(html), scripting=True, encoding=True)
    else:
        try:
            tree = LexborHTMLParser(html, scripting=True)
        except UnicodeError:  # lone surrogates cannot become UTF-8
            tree = LexborHTMLParser(html.encode("utf-8", "replace"), scripting=True)
    return tree


def raw_text(node: Node) -> str:
    """The node's text as the page holds it (a text node's own text, an element's deep text)."""
    if node.is_text_node:
        return node.text_content or ""
    return node.text(separator=" ")


def value_text(node: Node) -> str:
    """A cell's text: pieces in separate elements are spaced, then spacing before punctuation goes.

    ``<span>Patient</span><span>Coordinator</span>`` reads "Patient Coordinator",
    ``<span>$</span><span>32,954</span>`` reads "$32,954".
    """
    return tidy_spacing(clean_text(raw_text(node)))


def prose_text(node: Node) -> str:
    """A paragraph's text as a browser shows it: inline elements add no spaces."""
    if node.is_text_node:
        return clean_text(node.text_content or "")
    return clean_text(node.text())


def lower_key(text: str) -> str:
    """The form text is compared in: cleaned and lower-case."""
    return clean_text(text).lower()


def is_content(node: Node) -> bool:
    """An element, or a text node that is not only white space."""
    if node.is_element_node:
        return True
    if node.is_text_node:
        text = node.text_content
        return bool(text and not text.isspace())
    return False


def next_content(node: Node) -> Iterator[Node]:
    """The following siblings that are elements or non-blank text, in order."""
    sibling = node.next
    while sibling is not None:
        if is_content(sibling):
            yield sibling
        sibling = sibling.next


def content_children(node: Node) -> list[Node]:
    """The children that are elements or non-blank text, in order."""
    return [child for child in node.iter(include_text=True) if is_content(child)]


def ancestry_ids(node: Node, limit: int = 256) -> list[int]:
    """The ``mem_id`` of the node and of each of its ancestors, innermost first."""
    ids: list[int] = []
    current: Node | None = node
    while current is not None and len(ids) < limit:
        ids.append(current.mem_id)
        current = current.parent
    return ids


def _is_text_block(node: Node) -> bool:
    """A block-level child that holds text (an empty bar or spacer ``<div>`` does not count)."""
    return node.is_element_node and node.tag in BLOCK_TAGS and bool(node.text().strip())


@dataclass(frozen=True)
class Block:
    """One block of text: an element, or a run of inline pieces between blocks.

    ``in_list`` says whether it sits in a ``<ul>``/``<ol>``/``<li>``, which tells
    list items from stray text around a list.
    """

    nodes: tuple[Node, ...]
    in_list: bool

    def prose(self) -> str:
        """The block's text as a browser shows it (inline pieces are not spaced)."""
        if len(self.nodes) == 1:
            return prose_text(self.nodes[0])
        return clean_text("".join(_raw(node) for node in self.nodes))

    def value(self) -> str:
        """The block's text with separate pieces spaced (see ``value_text``)."""
        return tidy_spacing(clean_text(" ".join(raw_text(node) for node in self.nodes)))


def _raw(node: Node) -> str:
    if node.is_text_node:
        return node.text_content or ""
    return node.text() if node.is_element_node else ""


def leaf_blocks(nodes: Iterable[Node], limit: int = 2000) -> list[Block]:
    """The innermost blocks of text under ``nodes``, in order: list items, paragraphs, cells.

    An element with a child block that holds text is opened: its child blocks
    are blocks of their own, and each run of inline pieces between them is one
    block. Controls and media are skipped.
    """
    out: list[Block] = []
    stack: list[Node | Block] = list(nodes)
    stack.reverse()
    in_list_ids: set[int] = set()
    while stack and len(out) < limit:
        item = stack.pop()
        if isinstance(item, Block):
            out.append(item)
            continue
        node = item
        in_list = node.mem_id in in_list_ids
        if node.is_text_node:
            if is_content(node):
                out.append(Block((node,), in_list))
            continue
        if not node.is_element_node or node.tag in NON_CONTENT_TAGS:
            continue
        in_list = in_list or node.tag in _LIST_TAGS
        children = content_children(node)
        if node.tag not in _CONTAINER_TAGS and not any(map(_is_text_block, children)):
            out.append(Block((node,), in_list))
            continue
        opened: list[Node | Block] = []
        run: list[Node] = []
        for child in [*children, None]:
            if child is not None and not (child.is_element_node and child.tag in BLOCK_TAGS):
                if child.is_text_node or child.tag not in NON_CONTENT_TAGS:
                    run.append(child)
                continue
            if any(_raw(piece).strip() for piece in run):
                opened.append(Block(tuple(run), in_list))
            run = []
            if child is not None:
                if in_list:
                    in_list_ids.add(child.mem_id)
                opened.append(child)
        opened.reverse()
        stack.extend(opened)
    return out


def attribute(node: Node, name: str) -> str | None:
    """An attribute's value, or ``None``."""
    if not node.is_element_node:
        return None
    value = node.attributes.get(name)
    return value if isinstance(value, str) else None
