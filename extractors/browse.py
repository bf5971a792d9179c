"""The "Browse ... jobs" link: the site's category of the page."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from extractors._dom import Node, value_text
from extractors._outline import widen_inline

SECTION = "browse"
_BROWSE = re.compile(r"browse\s+(?P<category>.+?)\s+jobs?", re.IGNORECASE)
_NOT_CONTENT = frozenset({"nav", "footer", "header", "aside"})


def find_browse(tree: LexborHTMLParser, title: Node | None) -> tuple[str, Node] | None:
    """The category and element of the "Browse <category> jobs" link after the title.

    Links are tried first (one cheap pass); any element whose text reads so is
    the fallback. Among several, one after the title and outside menus and
    footers wins.
    """
    root = tree.body or tree.root
    if root is None:
        return None
    for selector in ('a:lexbor-contains("browse" i)', '*:lexbor-contains("browse" i)'):
        found = _best(root.css(f"h1, {selector}"), title)
        if found is not None:
            return found
    return None


def _best(nodes: list[Node], title: Node | None) -> tuple[str, Node] | None:
    after_title = title is None or title.tag != "h1"
    choices: list[tuple[tuple[int, int], str, Node]] = []
    for node in nodes:
        if title is not None and node.mem_id == title.mem_id:
            after_title = True
            continue
        if node.tag == "h1":
            continue
        widened, text = widen_inline(node, value_text(node))
        match = _BROWSE.fullmatch(text.strip(" .>\u203a\u00bb"))
        if match is None:
            continue
        rank = (int(after_title), int(not _inside(widened, _NOT_CONTENT)))
        choices.append((rank, match["category"], widened))
    if not choices:
        return None
    best = max(choices, key=lambda choice: choice[0])  # first of the best: max keeps the first
    return best[1], best[2]


def _inside(node: Node, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False
