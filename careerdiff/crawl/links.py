"""Links on fetched pages: which ones lead to more comparison or listing pages.

Pages are parsed with selectolax's lexbor parser; every ``<a href>`` is resolved
against the page's final URL, or its ``<base href>`` when it has one. A real page
carries hundreds of links, most of them the same menus and footers on every page, so
``LinkFinder`` remembers its verdict on each absolute URL and resolves the common
shapes (absolute and root-relative) without ``urljoin``.
"""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from careerdiff.crawl.urls import WEB_SCHEMES, UrlKind, UrlRules, normalize_url, origin_of

FOLLOWED_KINDS = frozenset({UrlKind.COMPARISON, UrlKind.LISTING})
#: The verdicts a ``LinkFinder`` remembers before it starts over (bounds its memory).
VERDICT_CACHE_SIZE = 65_536

_Verdict = tuple[str, UrlKind] | None


def _hrefs(tree: LexborHTMLParser) -> list[str]:
    hrefs = []
    for node in tree.css("a[href]"):
        href = node.attrs.get("href")
        if href:
            href = href.strip()
            if href and href[0] != "#":
                hrefs.append(href)
    return hrefs


def _base_of(tree: LexborHTMLParser, page_url: str) -> str:
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        href = (base_node.attrs.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def _resolve(href: str, base: str, origin: str) -> str:
    """``urljoin(base, href)``, with the common shapes done by hand."""
    if href.startswith(("https://", "http://")):
        return href
    if href[0] == "/" and not href.startswith("//") and "/." not in href:
        return origin + href
    return urljoin(base, href)


def extract_links(html: str | bytes, page_url: str) -> list[str]:
    """Absolute http(s) URLs of the page's ``<a href>`` links, in page order, each once.

    Fragments are dropped. Pass UTF-8 bytes to save a decode and re-encode.
    """
    tree = LexborHTMLParser(html)
    base = _base_of(tree, page_url)
    origin = origin_of(base)
    found: dict[str, None] = {}
    for href in _hrefs(tree):
        absolute = _resolve(href, base, origin).partition("#")[0]
        if absolute.partition(":")[0].lower() in WEB_SCHEMES:
            found.setdefault(absolute, None)
    return list(found)


class LinkFinder:
    """Finds the links worth following on pages of one crawl, remembering its verdicts."""

    def __init__(self, rules: UrlRules) -> None:
        self._rules = rules
        self._verdicts: dict[str, _Verdict] = {}

    def follow(self, html: str | bytes, page_url: str) -> list[tuple[str, UrlKind]]:
        """Normalized URLs (with their kind) of the page's comparison and listing links.

        Links off the allowed hosts, refused, or of neither pattern are dropped.
        """
        tree = LexborHTMLParser(html)
        base = _base_of(tree, page_url)
        origin = origin_of(base)
        verdicts = self._verdicts
        wanted: dict[str, UrlKind] = {}
        for href in _hrefs(tree):
            absolute = _resolve(href, base, origin)
            try:
                verdict = verdicts[absolute]
            except KeyError:
                verdict = self._judge(absolute)
                if len(verdicts) >= VERDICT_CACHE_SIZE:
                    verdicts.clear()
                verdicts[absolute] = verdict
            if verdict is not None:
                url, kind = verdict
                wanted.setdefault(url, kind)
        return list(wanted.items())

    def _judge(self, absolute: str) -> _Verdict:
        try:
            url = normalize_url(absolute)
        except ValueError:
            return None
        kind = self._rules.classify(url)
        return (url, kind) if kind in FOLLOWED_KINDS else None


def links_to_follow(html: str | bytes, page_url: str, rules: UrlRules) -> list[tuple[str, UrlKind]]:
    """``LinkFinder(rules).follow(html, page_url)`` for a single page."""
    return LinkFinder(rules).follow(html, page_url)
