"""The "Browse ... jobs" link: the site's category of the page."""

from __future__ import annotations

import re

from extractors._dom import Node, inside, value_text
from extractors._outline import Candidate, collect_candidates
from extractors._regular import without_icon_lead

SECTION = "browse"
#: A note for screen readers may follow: "Browse legal jobs (opens in new tab)".
_BROWSE = re.compile(
    r"browse\s+(?P<category>.+?)\s+jobs?(?:\s*[(\[][^()\[\]]*[)\]])?", re.IGNORECASE
)
_NOT_CONTENT = frozenset({"nav", "footer", "header", "aside"})
_FALLBACK_SELECTOR = 'h1, *:lexbor-contains("browse" i)'
#: Arrows, bullets and quote marks written around a link's words ("» Browse sales jobs";
#: the text cleaning has made "»" and "«" plain quotes).
_MARKS = ' .>"\u203a\u00bb\u2192\u279c\u2794\u27f6\u00b7'


def find_browse(
    content: Node | None, root: Node | None, candidates: list[Candidate], title: Node | None
) -> tuple[str, Node] | None:
    """The category and element of the "Browse <category> jobs" link after the title.

    ``candidates`` are the first pass's finds (links holding "browse" among
    them); when none reads so, any element whose text does is looked for in the
    main ``content``, then in the whole page (``root``). Among several, one
    after the title and outside menus and footers wins.
    """
    found = _best(candidates, title)
    for scope in (content, root):
        if found is not None:
            break
        found = _best(collect_candidates(scope, _FALLBACK_SELECTOR), title)
        if content is root:
            break
    return found


def category_of(text: str) -> str | None:
    """ "Browse office and administrative jobs" -> "office and administrative"."""
    match = _BROWSE.fullmatch(without_icon_lead(text.strip(_MARKS)))
    return match["category"] if match else None


def _category_within(node: Node) -> str | None:
    """The category of a link card's line that reads "Browse ... jobs" when the card holds
    more ("Browse legal jobs" over "Open roles, updated daily")."""
    for inner in node.css("*"):
        text = value_text(inner)
        if "rowse" in text and (category := category_of(text)) is not None:
            return category
    return None


def _best(candidates: list[Candidate], title: Node | None) -> tuple[str, Node] | None:
    title_id = title.mem_id if title is not None else None
    title_order = next((c.order for c in candidates if c.node.mem_id == title_id), -1)
    choices: list[tuple[tuple[int, int, int], str, Node]] = []
    for candidate in candidates:
        if "rowse" not in candidate.text or (candidate.is_heading and candidate.node.tag == "h1"):
            continue
        category = category_of(candidate.text) or _category_within(candidate.node)
        if category is None:
            continue
        after_title = candidate.order > title_order
        in_content = not inside(candidate.node, _NOT_CONTENT)
        choices.append(
            ((int(after_title), int(in_content), -candidate.order), category, candidate.node)
        )
    if not choices:
        return None
    _, category, node = max(choices, key=lambda choice: choice[0])
    return category, node
