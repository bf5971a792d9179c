"""Shared helpers over selectolax's lexbor tree: parse once, read text, walk siblings.

Everything here works by tag names and text, never by class names or ids: the
real site's classes are build hashes and change without notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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

#: Elements that never hold a value or an item of a list (controls, media, embeds).
NON_CONTENT_TAGS = frozenset(
    [
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
    """Parse once, the way a browser with scripting on builds the tree, minus script-like text.

    With scripting on, ``<noscript>`` holds raw text rather than markup, so it can
    be removed whole together with scripts, styles and templates.
    """
    if isinstance(html, bytes | bytearray | memoryview):
        tree = LexborHTMLParser(bytes(html), scripting=True, encoding=True)
    else:
        try:
            tree = LexborHTMLParser(html, scripting=True)
        except UnicodeError:  # lone surrogates cannot become UTF-8
            tree = LexborHTMLParser(html.encode("utf-8", "replace"), scripting=True)
    tree.strip_tags(JUNK_TAGS)
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


def has_block_child(node: Node) -> bool:
    """Whether any direct child element starts a new block."""
    return any(child.tag in BLOCK_TAGS for child in node.iter())


def leaf_blocks(nodes: Iterable[Node], limit: int = 2000) -> list[tuple[Node, bool]]:
    """The innermost blocks of text under ``nodes`` in order, each with whether it is in a list.

    A block whose children are blocks is opened; loose text between blocks is a
    block of its own. Controls and media are skipped. "In a list" means inside a
    ``<ul>``/``<ol>``/``<li>``, which tells list items from stray text around a list.
    """
    out: list[tuple[Node, bool]] = []
    stack = [(node, False) for node in nodes]
    stack.reverse()
    while stack and len(out) < limit:
        node, in_list = stack.pop()
        if node.is_text_node:
            if is_content(node):
                out.append((node, in_list))
            continue
        if not node.is_element_node or node.tag in NON_CONTENT_TAGS:
            continue
        tag = node.tag
        in_list = in_list or tag in _LIST_TAGS
        if tag in _CONTAINER_TAGS or has_block_child(node):
            children = [(child, in_list) for child in content_children(node)]
            children.reverse()
            stack.extend(children)
        else:
            out.append((node, in_list))
    return out


def attribute(node: Node, name: str) -> str | None:
    """An attribute's value, or ``None``."""
    if not node.is_element_node:
        return None
    value = node.attributes.get(name)
    return value if isinstance(value, str) else None
