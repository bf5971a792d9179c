"""The part of a page worth parsing: its ``<head>`` and its ``<main>`` element.

A career page is mostly chrome: menus, footers, sidebars of links and inline
scripts often make up two thirds of its bytes, and lexbor's parse costs about
as much per byte as all the extraction after it. The extractor reads the main
content only (see ``page._content_root``), so it first tries a document made of
the page's head (its ``<title>`` and the ``<meta>`` that names the encoding) and
the text from the first ``<main>`` tag to the last ``</main>``.

Of the head only the text up to the end of the ``<title>`` is kept: the title
is all the extractor reads there, and the rest of a head (inline styles and
scripts) can be half the page. Bytes are decoded by the ``<meta>`` that names
their encoding, so a bytes page is cut that short only when its cut is decoded
the same way; otherwise its whole head is kept.

That cut is found by searching the raw text, so it could be fooled by a
``</main>`` written inside a script or a comment: the cut would end inside it.
So the cut ends with a comment of its own after ``</main>`` (``CUT_END``), and
the page extractor reads the cut only when the parsed cut ends with that comment
(``cut_ends_cleanly``): inside a script or a comment it would be their text. (A
parse that shows it costs nothing; counting the scripts and comments of the main
content cost four searches of it.) And the page extractor keeps a record read
from the cut only when nothing in it says that something was not found (see
``page._cut_was_enough``); such a record is read again from the whole page.
"""

from __future__ import annotations

import re

from selectolax import lexbor

#: The comment a cut ends with: a parse of the cut that ends with it ended outside
#: every script and comment.
CUT_END = "careerdiff:cut"
_TAIL = f"<!--{CUT_END}--></body></html>"
_TAIL_BYTES = _TAIL.encode("ascii")
_MAIN_OPEN = ("<main", "<MAIN", "<Main")
_MAIN_CLOSE = ("</main>", "</MAIN>", "</Main>")
#: What may follow ``<main`` in its start tag (``<main-menu>`` is another element).
_AFTER_TAG_NAME = frozenset(
    {" ", "\t", "\n", "\r", "\f", "/", ">", b" ", b"\t", b"\n", b"\r", b"\f", b"/", b">"}
)
_HEAD_CLOSE = ("</head>", "</HEAD>", "</Head>")
_TITLE_CLOSE = ("</title>", "</TITLE>", "</Title>")
_BODY_OPEN = ("<body", "<BODY", "<Body")
#: Elements whose text is not markup: a cut must not end inside one.
_HEAD_RAW_TEXT = (
    ("<script", "</script>"),
    ("<!--", "-->"),
    ("<style", "</style>"),
    ("<noscript", "</noscript>"),
)
_MAIN_START = re.compile(r"<main[\s/>]", re.IGNORECASE)
_MAIN_START_BYTES = re.compile(rb"<main[\s/>]", re.IGNORECASE)
_MAIN_END = re.compile(r"</main>", re.IGNORECASE)
_MAIN_END_BYTES = re.compile(rb"</main>", re.IGNORECASE)
#: How lexbor (via selectolax) chooses a bytes page's codec; without it a bytes
#: page keeps its whole head.
_ENCODING_OF = getattr(lexbor, "_encoding_codec", None)
#: A cut that keeps most of the page saves too little to be worth a second parse
#: when it fails: below this share of the page's length only.
_WORTHWHILE = 0.8


def main_slice(html: str | bytes) -> str | bytes | None:
    """The page's head (up to its title's end) followed by its ``<main>`` element, or
    ``None`` when there is no clear one or the cut would save little.

    The head is searched from the start, the main element from the page's end back, so
    on a usual page the searches read the head, the footer and the main content, not
    the chrome before it.
    """
    text = html if isinstance(html, str) else bytes(html)
    head_end = _title_end(text)
    whole_head = head_end < 0
    if whole_head:
        head_end = _first(text, _HEAD_CLOSE, 0)
        if head_end < 0:
            return None
        head_end += len("</head>")
    start, end = _last_main(text, head_end)
    if start < 0:
        start = _main_start(text, head_end)
        if start < 0:
            return None
        end = _main_end(text, start)
        if end < 0:
            return None
    end += len("</main>")
    if isinstance(text, str):
        cut: str | bytes = text[:head_end] + "<body>" + text[start:end] + _TAIL
    else:
        cut = text[:head_end] + b"<body>" + text[start:end] + _TAIL_BYTES
        if not whole_head and not _same_encoding(text, cut):
            head_end = _first(text, _HEAD_CLOSE, 0)
            if head_end < 0 or head_end > start:
                return None
            head_end += len("</head>")
            cut = text[:head_end] + b"<body>" + text[start:end] + _TAIL_BYTES
    if head_end + (end - start) > _WORTHWHILE * len(text):
        return None
    return cut


def cut_ends_cleanly(tree: lexbor.LexborHTMLParser) -> bool:
    """Whether a parsed cut ends with its own ``CUT_END`` comment after the main element
    (a cut that ended inside a script or a comment holds it as their text)."""
    body = tree.body
    last = body.last_child if body is not None else None
    return last is not None and last.is_comment_node and last.comment_content == CUT_END


def _title_end(text: str | bytes) -> int:
    """Where the head's ``<title>`` ends, or -1 when it is not clearly there.

    The text before it must close every script, style and comment it opens (a
    ``</title>`` inside one of them is not the title's end) and hold no ``<body>``
    or ``<main>`` tag (a title inside the content is not the head's).
    """
    end = _first(text, _TITLE_CLOSE, 0)
    if end < 0:
        return -1
    end += len("</title>")
    before = text[:end]
    if _first(before, _BODY_OPEN, 0) >= 0 or _first(before, _MAIN_OPEN, 0) >= 0:
        return -1
    if not _balanced(before, 0, end, _HEAD_RAW_TEXT):
        return -1
    return end


def _same_encoding(text: bytes, cut: bytes) -> bool:
    """Whether lexbor decodes the cut with the page's codec (a ``<meta charset>`` after
    the title, or in the main content, could make them differ)."""
    if text[:1024] == cut[:1024]:  # the only bytes the codec is chosen by
        return True
    if _ENCODING_OF is None:
        return False
    return bool(_ENCODING_OF(text) == _ENCODING_OF(cut))


def _balanced(text: str | bytes, start: int, end: int, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``text[start:end]`` opens and closes as many of each kind of ``pairs`` (a
    head's scripts, styles and comments) as it holds. Most heads hold few, which two
    searches per kind tell before any counting.
    """
    for opener, closer in pairs:
        opened, closed = _find(text, opener, start, end), _find(text, closer, start, end)
        if opened < 0 and closed < 0:
            continue  # neither is there: two searches instead of two counts
        first = min(index for index in (opened, closed) if index >= 0)
        if _count(text, opener, first, end) != _count(text, closer, first, end):
            return False
    return True


def _last_main(text: str | bytes, after: int) -> tuple[int, int]:
    """Where the last ``<main>`` element's start tag and its ``</main>`` begin, found from
    the page's end, or (-1, -1) when it is not written in one of the usual cases.

    The main content is shorter than the chrome before it (menus, a header, a JSON state
    blob), so searching back from the end reads a page's main content and footer only.
    A page with two ``<main>`` elements is cut to the last; when that one is not the
    comparison, its record says so and the whole page is read.
    """
    end = _last(text, _MAIN_CLOSE, after, len(text))
    if end < 0:
        return -1, -1
    before = end
    while True:
        start = _last(text, _MAIN_OPEN, after, before)
        if start < 0:
            return -1, -1
        following = text[start + len("<main") : start + len("<main") + 1]
        if following in _AFTER_TAG_NAME:
            return start, end
        before = start  # "<main-menu>": look further back


def _main_start(text: str | bytes, after: int) -> int:
    """Where the first ``<main>`` start tag begins, in any case (not ``<main-menu>``).

    A pattern finds it about twice as fast as ``str.find`` on markup, where ``<``
    is everywhere and a plain search can skip little.
    """
    if isinstance(text, str):
        found = _MAIN_START.search(text, after)
        return found.start() if found is not None else -1
    found_bytes = _MAIN_START_BYTES.search(text, after)
    return found_bytes.start() if found_bytes is not None else -1


def _main_end(text: str | bytes, after: int) -> int:
    """Where the first ``</main>`` end tag after ``after`` begins, in any case."""
    if isinstance(text, str):
        found = _MAIN_END.search(text, after)
        return found.start() if found is not None else -1
    found_bytes = _MAIN_END_BYTES.search(text, after)
    return found_bytes.start() if found_bytes is not None else -1


def _first(text: str | bytes, spellings: tuple[str, ...], start: int) -> int:
    """Where the first of ``spellings`` found is (lower case tried first), else -1."""
    for spelling in spellings:
        index = _find(text, spelling, start)
        if index >= 0:
            return index
    return -1


def _last(text: str | bytes, spellings: tuple[str, ...], start: int, end: int) -> int:
    """Where the last of the first of ``spellings`` found in ``text[start:end]`` is (lower
    case tried first), else -1. (A page that mixes the cases of one tag is cut where the
    first spelling says; when that is not its main content, its record says so.)"""
    for spelling in spellings:
        if isinstance(text, str):
            found = text.rfind(spelling, start, end)
        else:
            found = text.rfind(spelling.encode("ascii"), start, end)
        if found >= 0:
            return found
    return -1


def _find(text: str | bytes, needle: str, start: int, end: int | None = None) -> int:
    if isinstance(text, str):
        return text.find(needle, start, end)
    return text.find(needle.encode("ascii"), start, end)


def _count(text: str | bytes, needle: str, start: int, end: int) -> int:
    if isinstance(text, str):
        return text.count(needle, start, end)
    return text.count(needle.encode("ascii"), start, end)
