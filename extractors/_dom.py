"""Shared helpers over selectolax's lexbor tree: parse once, read text, walk siblings.

Everything here works by tag names and text, never by class names or ids: the
real site's classes are build hashes and change without notice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape as html_escape
from html import unescape as html_unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extractors.normalize import clean_text, tidy_spacing

Node = LexborNode

#: Elements whose text is never page content.
JUNK_TAGS = ["script", "style", "noscript", "template"]

#: The heading elements.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

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
#: Elements that run on inside a line of text. Any other element that is no block
#: (``<ng-container>``, ``<zp-row>``, an unknown tag) is a block when it holds one.
_PHRASING_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i",
     "kbd", "label", "mark", "output", "q", "s", "small", "span", "strong", "sub", "sup",
     "time", "u", "var", "wbr"}
)  # fmt: skip


def has_block_child(node: Node) -> bool:
    """Whether an element holds a block element (a list, a table, a paragraph) directly."""
    child = node.child
    while child is not None:
        if child.tag in BLOCK_TAGS:
            return True
        child = child.next
    return False


#: Table cells.
CELL_TAGS = frozenset({"td", "th"})
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


def compose_shadow_roots(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Put each declarative shadow root's content where a browser shows it.

    A server-rendered web component arrives as ``<x-table><template
    shadowrootmode="open">...</template>...</x-table>``: the template's content is the
    element's shadow tree, which a browser draws in place of its children, each of
    them drawn at the ``<slot>`` it is assigned to (by its ``slot`` attribute; the rest
    at the unnamed slot). A parser keeps template content out of the document, where
    no search reaches it; this makes the document what the browser draws. A plain
    search tells the pages that have such roots; nested roots are composed in turn.
    """
    if not mentions(html, "shadowroot") or tree.root is None:
        return
    for _ in range(_MAX_SHADOW_DEPTH):
        templates = tree.root.css(_SHADOW_ROOTS)
        if not templates:
            return
        for template in templates:
            host = template.parent
            if host is not None:
                host.inner_html = _composed(template, host)


_SHADOW_ROOTS = "template[shadowrootmode], template[shadowroot]"
#: How many shadow roots deep, one inside another's content, are composed.
_MAX_SHADOW_DEPTH = 6
_SLOT = re.compile(r"<slot\b([^>]*)>(.*?)</slot>", re.DOTALL)
_SLOT_NAME = re.compile(r"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _composed(template: Node, host: Node) -> str:
    """The host's shadow tree (the template's content) with its children in their slots."""
    content = template.html or ""
    content = content[content.find(">") + 1 : content.rfind("</template>")]
    assigned: dict[str, list[str]] = {}
    child = host.child
    while child is not None:
        if child.mem_id != template.mem_id:
            slot = (attribute(child, "slot") or "") if child.is_element_node else ""
            if child.is_text_node:
                piece = html_escape(child.text_content or "", quote=False)
            else:
                piece = child.html or ""
            assigned.setdefault(slot, []).append(piece)
        child = child.next

    def fill(slot: re.Match[str]) -> str:
        named = _SLOT_NAME.search(slot[1])
        name = next((group for group in named.groups() if group), "") if named else ""
        pieces = assigned.get(name)
        if pieces and any(piece.strip() for piece in pieces):
            return "".join(pieces)
        return slot[2]  # the slot's own content, shown when nothing is assigned to it

    return "".join(
        part if inside_template else _SLOT.sub(fill, part)
        for part, inside_template in _template_parts(content)
    )


def _template_parts(content: str) -> Iterator[tuple[str, bool]]:
    """``content`` in pieces, each with whether it is a (nested) ``<template>`` element: the
    slots of a shadow root inside it belong to that root's host, not this one."""
    at = 0
    while True:
        start = content.find("<template", at)
        if start < 0:
            yield content[at:], False
            return
        yield content[at:start], False
        depth, end = 0, start
        while True:  # to the end tag that closes this template, nested ones included
            opened = content.find("<template", end + 1)
            closed = content.find("</template>", end + 1)
            if closed < 0:
                yield content[start:], True
                return
            if 0 <= opened < closed:
                depth, end = depth + 1, opened
                continue
            end = closed
            if depth == 0:
                break
            depth -= 1
        end += len("</template>")
        yield content[start:end], True
        at = end


def drop_drawn_text(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop the ``<svg>`` drawings of a page whose drawings hold words (``<text>``, or a
    ``<title>`` naming an icon: "Help icon" inside a heading): a chart's labels repeat
    its legend's figures, and an icon's words are no words of the page.

    Text in a drawing ends with ``</text>`` or ``</title>`` after the first ``<svg``;
    plain searches find them, and only then is the tree walked.
    """
    if _words_drawn(html):
        tree.strip_tags(["svg"])


def _words_drawn(html: str | bytes) -> bool:
    """Whether a drawing (``<svg>`` to ``</svg>``) holds a ``</text>`` or a ``</title>``: each
    drawing is searched, not all that follows the first."""
    start = _find(html, "<svg")
    while start >= 0:
        end = _find(html, "</svg>", start)
        end = len(html) if end < 0 else end
        if _find(html, "</text>", start, end) >= 0 or _find(html, "</title>", start, end) >= 0:
            return True
        start = _find(html, "<svg", end)
    return False


def _find(html: str | bytes, word: str, start: int = 0, end: int | None = None) -> int:
    """Where ``word`` (ASCII) first stands in the page's text or bytes from ``start`` (to
    ``end``), or -1: ``str.find`` for either."""
    if isinstance(html, bytes):
        return html.find(word.encode("ascii"), start, end)
    return html.find(word, start, end)


def drop_translations(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop the copies of the page's content in another language than the page's own
    (``<html lang="en">``): a bilingual site keeps both versions of each block side by
    side, ``<div lang="en">`` and ``<div lang="es">``, and its style sheet shows one.

    A block counts as such a copy when its ``lang`` differs from the page's and its
    parent holds, besides it, a block in the page's language and no text of its own (a
    foreign word inside a sentence, ``<i lang="fr">sous chef</i>``, stays).
    """
    if not _twice(html, " lang="):
        return  # the page's own lang, and no other
    page = _language(tree.css_first("html"))
    if page is None:
        return
    copies: list[Node] = []
    for node in tree.css("body [lang]"):
        language = _language(node)
        if language is None or language == page:
            continue
        parent = node.parent
        if parent is None:
            continue
        siblings = content_children(parent)
        if any(not sibling.is_element_node for sibling in siblings):
            continue  # a word in a sentence
        if any(
            sibling.mem_id != node.mem_id
            and _language(sibling) in (None, page)
            and value_text(sibling)
            for sibling in siblings
        ):
            copies.append(node)
    decompose_outermost(copies)


def _language(node: Node | None) -> str | None:
    """The primary language an element names ("en" for ``lang="en-US"``), if it names one."""
    value = attribute(node, "lang") if node is not None else None
    return value.split("-")[0].strip().lower() or None if value else None


def _twice(html: str | bytes, word: str) -> bool:
    """Whether the page's text or bytes hold ``word`` (ASCII) twice or more."""
    first = _find(html, word)
    return first >= 0 and _find(html, word, first + 1) >= 0


def join_split_grid_rows(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Put together the rows of a data grid that draws one row in several containers (AG
    Grid's pinned column of labels and its centre of values, each row a ``role=row`` of
    the same ``aria-rowindex``), and fold a tree grid's child rows into their parent's
    cells ("Gender ratio", then a row "Male | 97.6% | 98.1%" and a row "Female | ...":
    the parent's cells read "Male, 97.6% Female, 2.4%" and so on)."""
    if not mentions(html, "aria-rowindex"):
        return
    grids = tree.css("[role=grid], [role=treegrid]")
    grid_ids = {grid.mem_id for grid in grids}
    for grid in grids:
        rows = grid.css("[role=row]")
        row_ids = {row.mem_id for row in rows}
        if any(node_id in grid_ids for node_id in ancestry_ids(grid)[1:]) or any(
            node_id in row_ids for row in rows for node_id in ancestry_ids(row)[1:]
        ):
            continue  # a grid inside a grid, or rows inside rows: left as they are
        first_of: dict[str, Node] = {}
        for row in rows:
            index = attribute(row, "aria-rowindex")
            if index is None:
                continue
            kept = first_of.setdefault(index, row)
            if kept.mem_id != row.mem_id:
                for cell in content_children(row):
                    kept.insert_child(cell)  # a copy, after the row's own cells
                row.decompose()
        _fold_child_rows(grid.css("[role=row]"))


def _fold_child_rows(rows: list[Node]) -> None:
    parent: Node | None = None
    children: list[list[str]] = []
    for row in [*rows, None]:
        level = attribute(row, "aria-level") if row is not None else None
        if row is not None and level is not None and level != "1" and parent is not None:
            children.append([value_text(cell) for cell in content_children(row)])
            row.decompose()
            continue
        if parent is not None and children:
            _write_cells(parent, children)
        parent, children = row, []


def _write_cells(parent: Node, children: list[list[str]]) -> None:
    """Each value cell of ``parent`` rewritten as its child rows' "category, value" list."""
    width = max(len(cells) for cells in children)
    cells = content_children(parent)
    for column in range(1, width):
        text = " ".join(
            f"{cells_of[0]}, {cells_of[column]}"
            for cells_of in children
            if len(cells_of) > column and cells_of[column]
        )
        fresh = LexborHTMLParser(f"<div role=gridcell>{html_escape(text)}</div>").css_first("div")
        if fresh is None:
            continue
        if column < len(cells):
            cells[column].insert_before(fresh)
            cells[column].decompose()
        else:
            parent.insert_child(fresh)


def drop_bar_captions(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop the words inside a progress bar when the text beside the bar already gives its
    figure: "Java, 13%" then a bar whose screen-reader caption reads "13% Complete".

    A bar whose own words are the only figure ("Java" and a bar labelled "13%") keeps them.
    """
    if not mentions(html, _PROGRESS_MARK):
        return
    captions: list[Node] = []
    for bar in tree.css(_PROGRESS_BARS):
        words = value_text(bar)
        if not words:
            continue
        holder = bar.parent
        while holder is not None and value_text(holder) == words:
            holder = holder.parent  # (the bar's track around it says the same)
        if holder is None:
            continue
        beside = value_text(holder).replace(words, "", 1)
        if any(char.isdigit() for char in beside):
            captions.append(bar)
    decompose_outermost(captions)


def drop_icon_ligatures(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop the names of icons drawn by a font's ligatures: Material Icons writes
    ``<span class="material-icons" aria-hidden="true">attach_money</span>``, and the
    font shows a glyph, not the word. An element hidden from screen readers whose whole
    text is one lower-case name ("school", "check_circle", "looks_one") is such an icon.
    """
    if not _writes_ligatures(html):
        return
    icons: list[Node] = []
    for node in tree.css(_SCREEN_READER_HIDDEN):
        text = node.text(deep=True)
        if text and _LIGATURE.fullmatch(text.strip()) is not None:
            icons.append(node)
    decompose_outermost(icons)


def drop_note_references(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop footnote references: a ``<sup>`` that is a link to a note on the page
    ("Number of jobs<sup><a href="#ftnt1">[1]</a></sup>: 1,534,790"). Its mark would
    read as a value after the label; no value is a link to a note."""
    if not mentions(html, "<sup"):
        return
    notes: list[Node] = []
    for sup in tree.css("sup"):
        link = sup.css_first("a")
        href = attribute(link, "href") if link is not None else None
        if href is not None and href.startswith("#") and _NOTE_REFERENCE.fullmatch(sup.text()):
            notes.append(sup)
    decompose_outermost(notes)


def drop_sort_keys(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Drop a sortable table's hidden sort keys: a wiki writes ``<span style="display:none"
    class="sortkey">70048140000000000000♠</span>$81,400``, a key ending in a spade,
    before a cell's value, which would read as the value."""
    spade = "\u2660"
    if not (mentions(html, "&#9824;") or mentions(html, "&spades;") or mentions(html, spade)):
        return
    keys = [node for node in tree.css('[style*="none"]') if node.text().rstrip().endswith(spade)]
    decompose_outermost(keys)


#: A note reference's text: "[1]", "1", "[a]", "*".
_NOTE_REFERENCE = re.compile(r"\s*\[?(?:\d{1,3}|[a-z]|\*{1,3})\]?\s*")


def decompose_outermost(nodes: list[Node]) -> None:
    """Remove ``nodes`` from their tree, each once: a node inside another of them goes with
    it (a node of a removed subtree must not be touched again)."""
    chosen = {node.mem_id for node in nodes}
    outermost = [
        node for node in nodes if not any(ancestor in chosen for ancestor in ancestry_ids(node)[1:])
    ]
    for node in outermost:
        node.decompose()


_SCREEN_READER_HIDDEN = '[aria-hidden="true"]'
#: A tag hidden from screen readers whose text, up to the next tag, is a ligature's name.
_LIGATURE_TAG = r"""aria-hidden=["']?true["']?[^>]*>\s*[a-z][a-z0-9]*(?:_[a-z0-9]+)*\s*<"""
_LIGATURE_TEXT = re.compile(_LIGATURE_TAG)
_LIGATURE_BYTES = re.compile(_LIGATURE_TAG.encode("ascii"))


def _writes_ligatures(html: str | bytes) -> bool:
    """Whether the page has an icon drawn by ligatures (see ``drop_icon_ligatures``): a
    look at each ``aria-hidden`` in the text, cheaper than a walk of the tree."""
    at = _find(html, "aria-hidden")
    while at >= 0:
        if isinstance(html, bytes):
            found = _LIGATURE_BYTES.match(html, at) is not None
        else:
            found = _LIGATURE_TEXT.match(html, at) is not None
        if found:
            return True
        at = _find(html, "aria-hidden", at + 1)
    return False


#: An icon's ligature name: lower-case words joined by "_", digits allowed after the first.
_LIGATURE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


#: What every progress bar's markup holds (``role=progressbar``, ``<progress>``).
_PROGRESS_MARK = "progress"
_PROGRESS_BARS = "[role=progressbar], progress"


def mentions(html: str | bytes, word: str) -> bool:
    """Whether the page's text or bytes (UTF-8) hold ``word`` anywhere."""
    return word.encode() in html if isinstance(html, bytes) else word in html


def join_broken_words(tree: LexborHTMLParser, scope: Node) -> None:
    """Drop word-break opportunities (``<wbr>``) so the words they split read whole.

    "Tech<wbr>nician" is one word on screen but two text nodes in the tree. Only
    ``scope`` (the main content) is looked at: searching the page costs more.
    """
    if scope.css_first("wbr") is not None:
        tree.strip_tags(["wbr"])
        tree.merge_text_nodes()


#: React's streaming server rendering: a boundary's content, sent late, lies in ``<div
#: hidden id="S:0">`` at the end of the body, and a script (``$RC("B:0", "S:0")``) moves
#: it to the boundary's ``<template id="B:0">``, in place of the fallback after it (a
#: segment inside another goes to its ``<template id="P:1">``, ``$RS``).
_STREAMED_SEGMENTS = (
    '[hidden][id^="S:"], [hidden] > [id^="S:"]'  # rows: <table hidden><tbody id=S:1>
)
_BOUNDARY_END = "/$"


def streams_boundaries(html: str | bytes) -> bool:
    """Whether ``html`` completes React Suspense boundaries with a script (``$RC(``)."""
    return mentions(html, "$RC(")


def complete_streamed_boundaries(tree: LexborHTMLParser) -> None:
    """Do what React's ``$RC`` script does in a browser: put each late segment's content
    where its boundary's placeholder is, and drop the fallback shown meanwhile ("Loading
    salary...") up to the boundary's end (``<!--/$-->``)."""
    for segment in tree.css(_STREAMED_SEGMENTS):
        number = (segment.attributes.get("id") or "")[2:]
        if not number.isalnum():
            continue  # React numbers its segments; anything else is none of them
        placeholder = tree.css_first(f'template[id="B:{number}"]')
        boundary = placeholder is not None  # else a segment inside a segment: "P:7" ($RS)
        if placeholder is None:
            placeholder = tree.css_first(f'[id="P:{number}"]')
            if placeholder is None:
                continue
        for child in list(segment.iter(include_text=True)):
            placeholder.insert_before(child)  # a copy: the segment goes below
        fallback = placeholder.next if boundary else None
        while fallback is not None and not (
            fallback.tag == "-comment" and fallback.comment_content == _BOUNDARY_END
        ):
            after = fallback.next
            fallback.decompose()
            fallback = after
        placeholder.decompose()
        holder = segment if "hidden" in segment.attributes else segment.parent
        (holder or segment).decompose()


#: A word gap drawn by an empty element between two words (a PDF converter's spacer:
#: "Average<span class="_ _5"></span>age", its width set by a stylesheet).
_SPACER = re.compile(r"(?<=[\w,.;:%)])<span\b[^>]*></span>(?=[\w$(])")
_SPACER_BYTES = re.compile(rb"(?<=[\w,.;:%)])<span\b[^>]*></span>(?=[\w$(])")


def draws_gaps_with_spacers(html: str | bytes) -> bool:
    """Whether ``html`` puts empty ``<span>``s between words as their gaps."""
    if isinstance(html, bytes):
        return _SPACER_BYTES.search(html) is not None
    return _SPACER.search(html) is not None


def with_spacers_as_spaces(html: str | bytes) -> str | bytes:
    """``html`` with each empty ``<span>`` between two words made a space."""
    if isinstance(html, bytes):
        return _SPACER_BYTES.sub(b" ", html)
    return _SPACER.sub(" ", html)


#: A table drawn in preformatted text (a "lite" or terminal version of a page): rule
#: lines of dashes or box-drawing characters, then cells between bars ("|", "│",
#: "║") or columns aligned by runs of spaces.
_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.S | re.I)
_RULE_LINE = re.compile(r"[\s\-=+:_~\u2500-\u257f]*")
_BARS = re.compile(r"[|\u2502\u2503\u2551]")
_PIECE = re.compile(r"\S+(?: \S+)*")  # words with single spaces between: one cell's text
_TAG = re.compile(r"<[^>]*>")


def draws_tables_in_text(html: str | bytes) -> bool:
    """Whether ``html`` has preformatted text, which may draw a table."""
    return mentions(html, "<pre")


def with_text_tables_as_html(html: str | bytes) -> str | bytes:
    """``html`` with each ``<pre>`` that draws a table (a column of labels and a column
    per occupation) written as that ``<table>``."""
    if isinstance(html, bytes):
        return _PRE.sub(_as_table, html.decode("utf-8", "replace")).encode("utf-8")
    return _PRE.sub(_as_table, html)


def _as_table(found: re.Match[str]) -> str:
    # (a code block may break its lines with <br>, as Medium's do)
    text = _TAG.sub("", _LINE_BREAK_TAG.sub("\n", found.group(1)))
    rows = text_table_rows(html_unescape(text))
    if rows is None:
        return found.group(0)
    cells = ("".join(f"<td>{html_escape(cell)}</td>" for cell in row) for row in rows)
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>"


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def text_table_rows(text: str) -> list[list[str]] | None:
    """The rows of a table drawn in ``text``; a line whose first cell is empty goes on the
    cells of the row above (a wrapped value, a breakdown's next category), but for the
    first (the header row). ``None`` unless three columns or more."""
    lines = [line.rstrip() for line in text.splitlines()]
    lines = [line for line in lines if line.strip() and not _RULE_LINE.fullmatch(line)]
    if len(lines) < 2:
        return None
    if any(_BARS.search(line) for line in lines):
        split = [_between_bars(line) for line in lines]
    else:
        split = _aligned_columns(lines)
    width = max(len(cells) for cells in split)
    if width < 3:
        return None
    rows: list[list[str]] = []
    for cells in split:
        cells = cells + [""] * (width - len(cells))
        if rows and not cells[0]:
            rows[-1] = [" ".join(filter(None, pair)) for pair in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def _between_bars(line: str) -> list[str]:
    cells = [cell.strip() for cell in _BARS.split(line.strip())]
    if _BARS.match(line.strip()):
        cells = cells[1:]
    if _BARS.search(line.strip()[-1:]):
        cells = cells[:-1]
    return cells


def _aligned_columns(lines: list[str]) -> list[list[str]]:
    """Cells of space-aligned columns: each text piece goes to the column its middle lies
    in, the columns starting where the first line's pieces do (and at 0, for labels)."""
    starts = sorted({0, *(piece.start() for piece in _PIECE.finditer(lines[0]))})
    out: list[list[str]] = []
    for line in lines:
        cells = [""] * len(starts)
        for piece in _PIECE.finditer(line):
            middle = (piece.start() + piece.end()) // 2
            column = max(index for index, start in enumerate(starts) if start <= middle)
            cells[column] = f"{cells[column]} {piece.group()}".strip()
        out.append(cells)
    return out


#: An element whose style keeps its line breaks (``white-space: pre-wrap``): a site
#: builder's text block writing one "Label: value" a line, split by newlines only.
_KEPT_LINES = re.compile(
    r"(<(p|div|span|li|td)\b[^>]*white-space:\s*pre(?:-wrap|-line)?[^>]*>)(.*?)(</\2>)",
    re.S | re.I,
)


def keeps_line_breaks(html: str | bytes) -> bool:
    """Whether ``html`` styles an element to keep its line breaks."""
    return mentions(html, "white-space:")


def with_kept_lines_as_breaks(html: str | bytes) -> str | bytes:
    """``html`` with the line breaks inside elements that keep them written as ``<br>``."""
    if isinstance(html, bytes):
        return _KEPT_LINES.sub(_lines_as_breaks, html.decode("utf-8", "replace")).encode("utf-8")
    return _KEPT_LINES.sub(_lines_as_breaks, html)


def _lines_as_breaks(found: re.Match[str]) -> str:
    inner = found.group(3).strip("\n")
    return found.group(1) + inner.replace("\n", "<br>") + found.group(4)


def embeds_frame_documents(html: str | bytes) -> bool:
    """Whether ``html`` has frames whose document is inline (``<iframe srcdoc>``)."""
    return mentions(html, "srcdoc")


def inline_frame_documents(tree: LexborHTMLParser) -> None:
    """Put each ``<iframe srcdoc="...">``'s document where a browser shows it: a news
    site's embedded table is a whole document in the frame's attribute."""
    for frame in tree.css("iframe[srcdoc]"):
        document = LexborHTMLParser(frame.attributes.get("srcdoc") or "", scripting=True)
        body = document.body
        if body is not None:
            for child in list(body.iter(include_text=True)):
                frame.insert_before(child)  # a copy into this tree
        frame.decompose()


#: Word's namespace on the ``<html>`` of a page it saved ("Save as Web Page").
_WORD_NAMESPACE = "urn:schemas-microsoft-com:office:word"
#: Each list item's bullet, written for browsers without lists: "<![if !supportLists]>
#: <span style='font-family:Symbol'>·<span>&nbsp;&nbsp;</span></span><![endif]>".
_WORD_LIST_MARKER = re.compile(r"<!\[if !supportLists\]>.*?<!\[endif\]>", re.S)
_WORD_LIST_MARKER_BYTES = re.compile(rb"<!\[if !supportLists\]>.*?<!\[endif\]>", re.S)


def saved_by_word(tree: LexborHTMLParser) -> bool:
    """Whether Microsoft Word wrote the page (its namespace is declared on ``<html>``)."""
    root = tree.root
    return root is not None and _WORD_NAMESPACE in root.attributes.values()


def without_word_list_markers(html: str | bytes) -> str | bytes:
    """``html`` without the bullets Word writes before each list item for browsers that
    show no lists: a browser that does (every one now) draws the item as a paragraph with
    that bullet as text ("§ Male, 14.6%", "o Food preparation", in Wingdings or Courier),
    which is no part of the item."""
    if isinstance(html, bytes):
        return _WORD_LIST_MARKER_BYTES.sub(b"", html)
    return _WORD_LIST_MARKER.sub("", html)


#: A word split between two runs of text: a lower-case letter, then a span's end and the
#: next span's start, then a lower-case letter (the letter before is checked apart: a
#: pattern that starts with the tags is searched for far faster).
_SPLIT_RUNS = re.compile(r"</span><span[^>]*>[a-z]")
_SPLIT_RUNS_BYTES = re.compile(rb"</span><span[^>]*>[a-z]")


def splits_words_in_runs(html: str | bytes) -> bool:
    """Whether ``html`` writes a word in two ``<span>`` runs with nothing between them
    ("<span>Growth rat</span><span>e</span>"): a word processor's export (Google Docs,
    Word) starts a run wherever the formatting, or only its editing history, changed."""
    if isinstance(html, bytes):
        return any(
            97 <= html[found.start() - 1] <= 122 for found in _SPLIT_RUNS_BYTES.finditer(html)
        )
    return any(html[found.start() - 1].islower() for found in _SPLIT_RUNS.finditer(html))


def join_split_runs(tree: LexborHTMLParser) -> None:
    """Join touching ``<span>`` runs of plain text into their parent's text, so that every
    search sees whole words and labels: on a page that splits words between runs (see
    ``splits_words_in_runs``), runs are where the formatting changed, not where the text
    does ("<span>Number</span><span> of jobs</span>", "<span>228,</span><span>913</span>")."""
    joined: list[Node] = []
    for span in tree.css("span"):
        after = span.next
        if after is None or after.tag != "span" or is_hidden(span) or is_hidden(after):
            continue
        if _only_text(span) and _only_text(after):
            joined.extend((span, after))
    if joined:
        for span in dict.fromkeys(joined):
            span.unwrap()
        tree.merge_text_nodes()


def _only_text(node: Node) -> bool:
    child = node.child
    return child is not None and child.next is None and child.is_text_node


#: Joins text pieces; no page text holds it (``str.split`` takes it for white space).
_SEPARATOR = "\x1f"
#: Two pieces of text that touch with no white space between them: a block edge
#: or inline siblings written without a space ("<span>46</span><span>,</span>").
#: Longer texts are read without walking their tree (a value or a heading is far shorter).
_MAX_WALKED_CHARS = 1000
_TOUCHING = re.compile(r"\x1f(?<=\S\x1f)(?=\S)")  # starts with the separator: a fast scan


def raw_text(node: Node) -> str:
    """The node's text as the page holds it (a text node's own text, an element's deep text);
    block edges and line breaks are spaces, inline elements add none (``visible_text``)."""
    if node.is_text_node:
        return node.text_content or ""
    return visible_text(node)


def visible_text(node: Node) -> str:
    """An element's text as a browser lays it out, before white space is tidied.

    Inline siblings written with no white space between them join with none
    (``<span>$</span><span>46</span><span>,</span><span>880</span>`` is "$46,880",
    ``<b>4</b><b>.</b><b>5</b>%`` is "4.5%"); block elements and ``<br>`` still
    separate words. One C call gives the pieces; the tree is walked only when
    two pieces touch, the one case where inline and block edges read differently.
    """
    text = node.text(separator=_SEPARATOR)
    if len(text) > _MAX_WALKED_CHARS or _TOUCHING.search(text) is None:
        return text  # (a long text is no value: its exact joins do not matter)
    parts: list[str] = []
    _append_text(node, parts)
    return "".join(parts)


def _append_text(node: Node, parts: list[str]) -> None:
    child = node.child
    while child is not None:
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node:
            tag = child.tag
            if tag in BLOCK_TAGS or tag == "br":
                parts.append(" ")
                _append_text(child, parts)
                parts.append(" ")
            elif tag == "sup" and _is_footnote_mark(child, parts):
                pass
            else:
                _append_text(child, parts)
        child = child.next


#: What a footnote mark in ``<sup>`` after a figure holds: "1", "*", "†", "a".
_FOOTNOTE_MARK = re.compile(r"[\d*\u2020\u2021\u00a7a-z]{1,2}")
#: ... and after a word: no letters ("1st" and "Ltd" are words of their own).
_WORD_FOOTNOTE_MARK = re.compile(r"[\d*\u2020\u2021\u00a7]{1,2}")


def _is_footnote_mark(sup: Node, parts: list[str]) -> bool:
    """Whether ``sup`` is a footnote mark touching a figure ("$46,880<sup>1</sup>") or a
    word ("ExxonMobil<sup>4</sup>").

    Read as a digit it would become part of the figure ("$46,8801") or the word.
    """
    before = parts[-1] if parts else ""
    if not before:
        return False
    mark = sup.text().strip()
    if before[-1].isalpha():  # "ExxonMobil<sup>4</sup>": only a number or a sign is a mark
        return _WORD_FOOTNOTE_MARK.fullmatch(mark) is not None
    if not (before[-1].isdigit() or before[-1] == "%"):
        return False
    return _FOOTNOTE_MARK.fullmatch(mark) is not None


def value_text(node: Node) -> str:
    """A cell's text as a browser shows it (``visible_text``), spacing before punctuation gone.

    ``<span>$</span><span>32,954</span>`` reads "$32,954"; ``<div>$</div><div>32,954</div>``
    reads "$32,954" too (spacing after ``$`` and before ``,``/``%`` is tidied away).
    """
    if node.is_text_node:
        return clean_text(node.text_content or "")
    child = node.child
    if child is None:
        return ""
    if child.is_text_node and child.next is None:  # one text: nothing was joined
        return clean_text(child.text_content or "")
    text = tidy_spacing(clean_text(visible_text(node)))
    caption = _caption_of(node)
    if caption is None:
        return text
    words = tidy_spacing(clean_text(visible_text(caption)))
    value = text[: -len(words)].rstrip() if words and text.endswith(words) else ""
    return value if _is_caption(words, value) else text


#: Tags that set a caption apart from the value before it without a line break.
_CAPTION_TAGS = frozenset({"small", "sub"})


def _caption_of(node: Node, depth: int = 0) -> Node | None:
    """The element that may be a caption under a cell's value, at the end of the cell or of
    its last wrapper: a ``<small>``, or what comes after a ``<br>``, or a block after the
    value's text, or an element glued to the value's last word (a span a style sheet sets
    on a line of its own: "San Jose, CA<span>Mean wage $1</span>")."""
    last = node.last_child
    while last is not None and not is_content(last):
        last = last.prev
    if last is None or not last.is_element_node or last.tag == "br":
        return None
    before = last.prev
    while before is not None and not is_content(before):
        before = before.prev
    if before is not None:
        if last.tag in _CAPTION_TAGS or before.tag == "br":
            return last
        if before.is_text_node and (last.tag in BLOCK_TAGS or _glued_line(before, last)):
            return last
    if depth < _MAX_CAPTION_DEPTH:
        return _caption_of(last, depth + 1)  # a wrapper around the value (and its caption)
    return None


_MAX_CAPTION_DEPTH = 2


def _glued_line(text: Node, element: Node) -> bool:
    """Whether ``element`` touches the end of ``text`` with a capitalised word: a line of
    its own on screen ("CA" then "Mean wage"), as no inline run is written so."""
    end = (text.text_content or "")[-1:]
    words = element.text() or ""
    return (
        (end.isalnum() or end in "%)")
        and words[:1].isupper()
        and words[1:2].islower()
        and _touches(text, element)
    )


#: What starts the rest of a value, not a caption: a figure ("$41,000", "40%", "88.8"; not
#: an ordinal, "10th to 90th percentile"), a sign, or a word that joins ("and $41,000").
_GOES_ON = re.compile(
    r"[$\u20ac\u00a3+\-\u2212\u2013\u2014,(]|\d[\d,.]*(?![\d,.]|st\b|nd\b|rd\b|th\b)|(?:and|to|or)\b"
)
#: A caption is a line: a paragraph after a heading in one cell is no caption.
_MAX_CAPTION_CHARS = 80
#: A breakdown's item: "Female, 88.8%".
_SHARE_ITEM = re.compile(r"[^\d%]+,?\s*\d[\d.]*\s*%")


def _is_caption(words: str, value: str) -> bool:
    """Whether ``words``, under ``value`` in one cell, are a caption about it ("Mean wage
    $121,480", "10th to 90th percentile", "Source: CPS 2024"), not the rest of it."""
    if not words or not value or len(words) > _MAX_CAPTION_CHARS:
        return False
    if not any(map(str.isalnum, value)):
        return False
    if value[-1] in ",-(:/&?\u2013\u2014" or value.lower().endswith((" and", " to", "between")):
        return False
    if _GOES_ON.match(words) is not None:
        return False
    return not (value.endswith("%") and _SHARE_ITEM.match(words) is not None)


def prose_text(node: Node) -> str:
    """A paragraph's text as a browser shows it: inline elements add no spaces."""
    if node.is_text_node:
        return clean_text(node.text_content or "")
    return clean_text(node.text())


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


def previous_content(node: Node) -> Iterator[Node]:
    """The preceding siblings that are elements or non-blank text, nearest first."""
    sibling = node.prev
    while sibling is not None:
        if is_content(sibling):
            yield sibling
        sibling = sibling.prev


def content_children(node: Node) -> list[Node]:
    """The children that are elements or non-blank text, in order."""
    return [child for child in node.iter(include_text=True) if is_content(child)]


def inside(node: Node, tags: frozenset[str]) -> bool:
    """Whether an ancestor of ``node`` is one of ``tags`` (a menu, a footer...)."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def ancestry_ids(node: Node, limit: int = 64, stop_id: int | None = None) -> list[int]:
    """The ``mem_id`` of the node and of its ancestors, innermost first.

    At most ``limit`` of them, and none above the node whose id is ``stop_id``.
    """
    ids: list[int] = []
    current: Node | None = node
    while current is not None and len(ids) < limit:
        node_id = current.mem_id
        ids.append(node_id)
        if node_id == stop_id:
            break
        current = current.parent
    return ids


@dataclass(slots=True)
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
        if len(self.nodes) == 1:
            return value_text(self.nodes[0])
        texts: list[str] = []
        previous: Node | None = None
        for node in self.nodes:  # siblings with only white space between them are spaced
            if previous is not None and not _touches(previous, node):
                texts.append(" ")
            texts.append(raw_text(node))
            previous = node
        return tidy_spacing(clean_text("".join(texts)))

    def has_break(self) -> bool:
        """Whether a ``<br>`` breaks the block into lines."""
        if len(self.nodes) > 1:  # a run of inline pieces: a <br> may be one of them
            return any(node.tag == "br" for node in self.nodes)
        node = self.nodes[0]
        return node.is_element_node and _has_break(_line_holder(node))

    def lines(self) -> list[str]:
        """The block's text as a browser shows it, one text per line a ``<br>`` starts."""
        if not self.has_break():
            return [self.prose()]
        children = (
            self.nodes
            if len(self.nodes) > 1
            else _line_holder(self.nodes[0]).iter(include_text=True)
        )
        parts: list[str] = []
        current: list[str] = []
        for child in children:
            if child.tag == "br":
                parts.append("".join(current))
                current = []
            elif child.is_text_node:
                current.append(child.text_content or "")
            elif child.is_element_node:
                current.append(child.text())
        parts.append("".join(current))
        lines: list[str] = []
        for part in parts:
            line = clean_text(part)
            if lines and _CONTINUED.match(line) is not None:
                lines[-1] = f"{lines[-1]} {line}"  # "Java, 13%<br>of job postings"
            elif line:
                lines.append(line)
        return lines


#: A line that goes on from the one before it: a lower-case word that joins ("of job
#: postings", "and payroll", "per hour").
_CONTINUED = re.compile(r"(?:of|in|on|per|and|or|to|for|from|with|at|by)\b")


def _touches(first: Node, second: Node) -> bool:
    """Whether ``second`` follows ``first`` with nothing (no white space) between them."""
    following = first.next
    return following is not None and following.mem_id == second.mem_id


def _line_holder(node: Node) -> Node:
    """The element whose children are a block's lines: the block itself, or the one inline
    wrapper around all its text (``<td><font>one<br><br>two</font></td>``)."""
    for _ in range(_MAX_WRAPPERS):
        children = content_children(node)
        if len(children) != 1:
            return node
        only = children[0]
        if not only.is_element_node or only.tag not in _PHRASING_TAGS or only.tag == "br":
            return node
        node = only
    return node


#: How many inline wrappers a block's lines are looked for inside.
_MAX_WRAPPERS = 4


def _has_break(node: Node) -> bool:
    """Whether a ``<br>`` sits directly in ``node`` (one text child cannot hold one)."""
    child = node.child
    if child is None or child.next is None:
        return False
    return any(piece.tag == "br" for piece in node.iter())


def _raw(node: Node) -> str:
    if node.is_text_node:
        return node.text_content or ""
    return node.text() if node.is_element_node else ""


def leaf_blocks(nodes: Iterable[Node], limit: int = 2000) -> list[Block]:
    """The innermost blocks of text under ``nodes``, in order: list items, paragraphs, cells.

    An element with a child block that holds text is opened: its child blocks
    are blocks of their own, and each run of inline pieces between them is one
    block. Controls, media and script-like elements are skipped.
    """
    out: list[Block] = []
    stack: list[tuple[Node | Block, bool]] = [(node, False) for node in nodes]
    stack.reverse()
    while stack:
        item, in_list = stack.pop()
        if isinstance(item, Block):
            out.append(item)
            if len(out) >= limit:
                break
            continue
        if item.is_text_node:
            if is_content(item):
                out.append(Block((item,), in_list))
            continue
        tag = item.tag
        if tag in NON_CONTENT_TAGS or not item.is_element_node:
            continue
        in_list = in_list or tag in _LIST_TAGS
        child = item.child
        if tag == "p" or (child is not None and child.next is None and child.is_text_node):
            # One text, or a paragraph (the parser never nests blocks in one): a leaf.
            # Blank ones are dropped later.
            out.append(Block((item,), in_list))
            continue
        pieces, opens, left_out = _pieces(item)
        if not opens and tag not in _CONTAINER_TAGS:
            if not left_out:
                out.append(Block((item,), in_list))
            elif pieces:  # an ad's label beside its <script>: the label's text only
                out.append(Block(tuple(piece for piece, _ in pieces), in_list))
            continue
        opened: list[tuple[Node | Block, bool]] = []
        run: list[Node] = []
        for piece, is_block in pieces:
            if not is_block:
                run.append(piece)
                continue
            if run:
                opened.append((Block(tuple(run), in_list), in_list))
                run = []
            opened.append((piece, in_list))
        if run:
            opened.append((Block(tuple(run), in_list), in_list))
        opened.reverse()
        stack.extend(opened)
    return out


def _pieces(node: Node) -> tuple[list[tuple[Node, bool]], bool, bool]:
    """The node's content children, each with whether it is a block; whether to open it;
    and whether a non-content child (a script, a button...) was left out.

    A node is opened when a child block holds text (an empty bar or spacer
    ``<div>`` does not count). Blank text and non-content elements are left out.
    """
    pieces: list[tuple[Node, bool]] = []
    opens = False
    left_out = False
    for child in node.iter(include_text=True):
        if child.is_text_node:
            text = child.text_content
            if text and not text.isspace():
                pieces.append((child, False))
            continue
        tag = child.tag
        if tag in BLOCK_TAGS or _holds_block(child) or _component_list(child):
            # (an inline element holding paragraphs, "<span><p>..</p><p>..</p></span>",
            # shows them as blocks, as an unknown element holding blocks does)
            pieces.append((child, True))
            if not opens and child.text().strip():
                opens = True
        elif tag not in NON_CONTENT_TAGS and child.is_element_node:
            pieces.append((child, False))
        elif tag in NON_CONTENT_TAGS:
            left_out = True
    customs = [index for index, (child, block) in enumerate(pieces) if not block and _custom(child)]
    if len(customs) >= 2:
        # A component's items: two or more custom elements of one tag side by side
        # (<ion-item>, <mat-list-item>) are laid out as blocks, one item each.
        counts = Counter(pieces[index][0].tag for index in customs)
        for index in customs:
            child = pieces[index][0]
            if counts[child.tag] >= 2:
                pieces[index] = (child, True)
                opens = opens or bool(child.text().strip())
    return pieces, opens, left_out


def _custom(node: Node) -> bool:
    """Whether ``node`` is a custom element (its tag has a hyphen: ``<ion-item>``)."""
    return node.is_element_node and "-" in (node.tag or "")


def _component_list(node: Node) -> bool:
    """Whether a custom element holds two or more custom elements of one tag (an
    ``<ion-list>`` of ``<ion-item>``s): a list, laid out as a block."""
    if not _custom(node):
        return False
    tags = [child.tag for child in node.iter() if _custom(child)]
    return len(tags) > len(set(tags))


def _holds_block(node: Node) -> bool:
    """Whether an element holds a block, directly or inside other elements that are no
    blocks (``<mat-list>`` of ``<mat-list-item>``s that each hold a ``<div>``; a
    ``<slot>`` holding a ``<span>`` of paragraphs)."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag in BLOCK_TAGS:
            return True
        if child.is_element_node and tag not in NON_CONTENT_TAGS and _holds_block(child):
            return True
        child = child.next
    return False


def is_hidden(node: Node) -> bool:
    """Whether an element says it is not shown: ``hidden``, a tooltip, ``aria-hidden``, an
    inline ``display: none`` or ``visibility: hidden``."""
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("role") == "tooltip" or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return style is not None and _DISPLAY_NONE.search(style) is not None


#: An inline style that shows nothing: "display: none", "visibility: hidden" (a chart's
#: tooltip waiting for the pointer).
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def in_hidden(node: Node, within: frozenset[int] = frozenset()) -> bool:
    """Whether ``node`` or an element around it is hidden (see ``is_hidden``), a panel not
    opened yet aside (``is_panel``): its content is the page's (one occupation per tab). With
    ``within`` (the ids of a region's nodes), only up to the region node that holds it."""
    current: Node | None = node
    while current is not None:
        if current.is_element_node and is_hidden(current) and not is_panel(current):
            return True
        if current.mem_id in within:
            return False
        current = current.parent
    return False


def is_panel(node: Node) -> bool:
    """Whether ``node`` is a panel a control opens: a tab's (``role="tabpanel"``), or an
    accordion's (``role="region"`` named by its button). Hidden, it is still the page's."""
    attrs = node.attributes
    role = attrs.get("role")
    return role == "tabpanel" or (role == "region" and "aria-labelledby" in attrs)


def attribute(node: Node, name: str) -> str | None:
    """An attribute's value, or ``None``."""
    if not node.is_element_node:
        return None
    value = node.attrs.get(name)
    return value if isinstance(value, str) else None
