"""The page's title ("Patient coordinator vs certified medical technician") and its two names.

The title is the h1 that reads "A vs B"; without one, a heading that does, then
the document's ``<title>`` (minus the site's suffix). A page with none of them
is not a comparison page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from extractors._dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    Node,
    attribute,
    in_hidden,
    inside,
    value_text,
)
from extractors._names import Names
from extractors._outline import Candidate, candidates_of
from extractors.normalize import clean_text

_VS = re.compile(r"^(?P<a>.+?)\s+(?:vs\.?|versus|v\.)\s+(?P<b>.+)$", re.IGNORECASE)
#: What follows the second name in some titles: ": What's the difference?", " | Site".
_TAIL = re.compile(r"\s*(?:[:|?\u2013\u2014]|\((?![A-Z][A-Z&]{1,7}\)$)|\s-\s).*$")
_SECTION_WORD = re.compile(
    r"\b(?:overview|salary|salaries|education|demographics|responsibilities|duties|skills)$",
    re.IGNORECASE,
)
#: What may stand before the first name: "Compare ...", and a mail subject's list tag and
#: reply marks ("[careerlist] Re: A vs B").
_LEADING = re.compile(
    r"^(?:\[[^\]]{1,40}\]\s*)?(?:(?:re|fwd?|aw):\s*)*(?:(?:compare|comparing|comparison:?)\s+)?",
    re.IGNORECASE,
)
_MAX_NAME_CHARS = 80
#: What separates the parts of a document title: "A vs B | Site", "A vs B - Site",
#: "Site :: A vs B", "Site » A vs B" (a guillemet, read as '"'), "A vs B · Site".
_TITLE_PARTS = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022~\"-]|::)\s+")


@dataclass(frozen=True)
class Title:
    """The page's title as shown, the two names in it, and the element it came from."""

    text: str
    names: Names | None
    node: Node | None = None
    order: int | None = None
    from_document_title: bool = False


def split_title(text: str) -> tuple[str, str] | None:
    """ "Patient coordinator vs certified medical technician" -> the two names, else ``None``."""
    match = _VS.match(text.strip())
    if match is None:
        return None
    first = _LEADING.sub("", match["a"]).strip(" .:-")
    second = _TAIL.sub("", match["b"]).strip(" .:-")
    if not first or not second or _SECTION_WORD.search(second):
        return None
    if len(first) > _MAX_NAME_CHARS or len(second) > _MAX_NAME_CHARS:
        return None
    return first, second


def capitalize_words(name: str) -> str:
    """ "certified medical technician" -> "Certified Medical Technician" (first letters only)."""
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


_LINK = frozenset({"a"})


def find_title(tree: LexborHTMLParser, candidates: list[Candidate]) -> Title:
    """The page's title: an "A vs B" h1, else such a heading, else a paragraph that reads
    so and names what the document title names (a word processor's "Title" style), else
    the document title."""
    headings = [c for c in candidates if c.is_heading]
    h1s = [c for c in headings if c.node.tag == "h1"]
    found = _first_title(h1s)
    if found is None:
        level_one = [c for c in headings if attribute(c.node, "aria-level") == "1"]
        # (a heading inside a link names another page: "Web developer vs data scientist"
        # on a card of related comparisons)
        own = [c for c in headings if not inside(c.node, _LINK)]
        found = _first_title(level_one) or _first_title(own)
    if found is not None:
        return found
    document_title = _document_title(tree)
    for part in _TITLE_PARTS.split(document_title):
        names = split_title(part)
        if names is not None:
            styled = _styled_title(tree, names)
            if styled is not None:
                return styled
            return Title(part.strip(), Names(*names), from_document_title=True)
    fallback = h1s[0].text if h1s else document_title
    return Title(fallback, None)


def _same_names(found: Names | None, names: tuple[str, str]) -> bool:
    return found is not None and [name.lower() for name in found.pair] == [
        name.lower() for name in names
    ]


#: A permalink to the heading itself at either end of it: "A vs B¶" (MkDocs, Sphinx),
#: "A vs B #" (Hugo), "🔗 A vs B", "#A vs B" (an anchor icon before the words). A "#"
#: touching a word's end ("C#") is part of it.
_PERMALINK = re.compile(
    r"^(?:[\u00b6\u00a7\U0001f517]\s*|#\s*(?=[^\W\d_]))+"
    r"|(?:\s*[\u00b6\u00a7\U0001f517]|\s+#)+\s*$"
)
#: One of these is in every permalink mark.
_PERMALINK_MARKS = ("#", "\u00b6", "\u00a7", "\U0001f517")


def _without_permalink(text: str) -> str:
    """``text`` without a permalink mark at either end (most titles hold none of them)."""
    if any(map(text.__contains__, _PERMALINK_MARKS)):
        return _PERMALINK.sub("", text)
    return text


#: What a sentence has and a title styled as a paragraph does not.
_SENTENCE_MARKS = frozenset(".:;?!")
_VERSUS = '*:lexbor-contains(" vs" i)'
_VERSUS_ALONE = '*:lexbor-contains("vs" i)'
_VS_WORDS = frozenset({"vs", "versus", "v"})
_VS_DOT = re.compile(r"\s(?:vs|v)\.\s", re.IGNORECASE)
_NO_TITLE_INSIDE = frozenset({"a", "nav", "li"})


def _styled_title(tree: LexborHTMLParser, names: tuple[str, str]) -> Title | None:
    """An element that is no heading but whose whole text is "A vs B" and nothing else: a
    word processor's "Title" paragraph style (``<p class="title">``), a big bold
    ``<div>``. Not a link (a related comparison), nor a menu's or a list's item (the
    breadcrumb's last), nor a sentence. Only one naming the ``names`` the document title
    names: elsewhere such a paragraph is more often a related comparison's card."""
    if tree.body is None:
        return None
    nodes = tree.body.css(_VERSUS)
    # "vs" set apart in an element of its own: "A <span>vs</span> B", or three blocks side
    # by side ("<div>A</div><div>vs</div><div>B</div>"): the words are its parent's.
    nodes += [
        node.parent
        for node in tree.body.css(_VERSUS_ALONE)
        if node.parent is not None and value_text(node).lower().rstrip(".") in _VS_WORDS
    ]
    for found in candidates_of(nodes):
        words = _VS_DOT.sub(" vs ", found.text)  # ("vs." is no sentence's full stop)
        if inside(found.node, _NO_TITLE_INSIDE) or any(m in words for m in _SENTENCE_MARKS):
            continue
        title = _first_title([found])
        if title is not None and _same_names(title.names, names):
            return title
    return None


def _first_title(candidates: list[Candidate]) -> Title | None:
    """The first candidate that reads "A vs B", a shown one before any hidden one (an
    older draft of the page kept hidden beside it)."""
    hidden: Title | None = None
    for candidate in candidates:
        if " v" in candidate.text.lower():
            text = _without_permalink(_line_with_vs(candidate.node, candidate.text))
            names = split_title(text)
            if names is not None:
                found = Title(text, Names(*names), candidate.node, candidate.order)
                if not in_hidden(candidate.node):
                    return found
                hidden = hidden or found
    return hidden


def _line_with_vs(node: Node, text: str) -> str:
    """The line of a heading that reads "A vs B", when a ``<br>`` or a block inside it
    starts another line ("Nurse vs doctor<br><small>Which pays more?</small>")."""
    child = node.child
    if child is None or (child.next is None and child.is_text_node):
        return text  # one line: its text is ``text`` (the heading's ``value_text``)
    if node.css_first("br, div, p, span[style*=block]") is None:
        return text
    lines: list[str] = []
    current: list[str] = []
    for child in node.iter(include_text=True):
        if child.is_text_node:
            current.append(child.text_content or "")
        elif (
            child.tag == "br"
            or child.tag in BLOCK_TAGS
            or "block" in (attribute(child, "style") or "")
        ):
            lines.append("".join(current))
            lines.append(child.text() if child.tag != "br" else "")
            current = []
        elif child.is_element_node and child.tag not in NON_CONTENT_TAGS:
            current.append(child.text())
    lines.append("".join(current))
    for line in lines:
        cleaned = clean_text(line)
        if " v" in cleaned.lower() and split_title(cleaned) is not None:
            return cleaned
    return text


def _document_title(tree: LexborHTMLParser) -> str:
    scope = tree.head or tree.root
    node = scope.css_first("title") if scope is not None else None
    return value_text(node) if node is not None else ""
