"""Sections laid out as tabs: the words of a tab are the heading of the panel it shows.

A site may put its sections behind a row of tabs ("Overview", "Salary", "Skills"),
each tab a ``role="tab"`` button that controls one ``role="tabpanel"``. When the
panels repeat no heading of their own, the tab's words are the only heading the
section has, yet they stand in the tab list, far from the panel. So, before the
outline is read, each tab that names a section has its words written as a heading
at the top of its panel, where a reader sees them when the tab is chosen. A panel
that has its own heading naming the section keeps it: a heading naming both
occupations wins over bare section words (see ``_outline.choose_headings``).
"""

from __future__ import annotations

import html as html_escaping

from selectolax.lexbor import LexborHTMLParser

from extractors._dom import Node, attribute, mentions, value_text
from extractors._outline import bare_section

#: What a page with tab panels holds (``role="tabpanel"``); one without has none to read.
_PANEL_MARK = "tabpanel"
#: A tab's words longer than this are no section's name.
_MAX_TAB_CHARS = 60


def head_panels_with_their_tabs(tree: LexborHTMLParser, html: str | bytes) -> None:
    """Write the words of each tab that names a section as a heading at the top of the
    panel it controls (``aria-controls``, or the panel's ``aria-labelledby``)."""
    if not mentions(html, _PANEL_MARK):
        return
    for tab in tree.css("[role=tab]"):
        words = value_text(tab)
        if not words or len(words) > _MAX_TAB_CHARS or bare_section(words) is None:
            continue
        panel = _panel_of(tree, tab)
        if panel is None:
            continue
        heading = LexborHTMLParser(
            f"<div role=heading>{html_escaping.escape(words)}</div>"
        ).css_first("div")
        if heading is None:
            continue
        first = panel.child
        if first is None:
            panel.insert_child(heading)
        else:
            first.insert_before(heading)  # a copy into this tree


def _panel_of(tree: LexborHTMLParser, tab: Node) -> Node | None:
    """The tab panel ``tab`` shows, if the page says which."""
    target = attribute(tab, "aria-controls")
    if target:
        panel = tree.css_first(f'[id="{_quoted(target)}"]')
        if panel is not None and attribute(panel, "role") == "tabpanel":
            return panel
    own_id = attribute(tab, "id")
    if own_id:
        return tree.css_first(f'[role=tabpanel][aria-labelledby="{_quoted(own_id)}"]')
    return None


def _quoted(value: str) -> str:
    """``value`` safe inside a double-quoted CSS attribute value."""
    return value.replace("\\", "\\\\").replace('"', '\\"')
