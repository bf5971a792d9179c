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
#: The hrefs worth remembering are the menus and footers every page repeats: a few
#: hundred, learnt again within a page or two after a start-over. At 65,536 the cache
#: grew with the site (about 0.8 KB per comparison page, ~16 MB a crawl process at
#: 20,000 pages); at 4,096 it stays under ~1.5 MB.
VERDICT_CACHE_SIZE = 4_096

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
    """Finds the links worth following on pages of one crawl, remembering its verdicts.

    A verdict on an absolute or root-relative ``href`` holds for every page of a host,
    so it is remembered by the raw ``href`` text: the common case costs one dict lookup.
    """

    def __init__(self, rules: UrlRules) -> None:
        self._rules = rules
        self._by_origin: dict[str, dict[str, _Verdict]] = {}
        self._remembered = 0

    def follow(self, html: str | bytes, page_url: str) -> list[tuple[str, UrlKind]]:
        """Normalized URLs (with their kind) of the page's comparison and listing links.

        Links off the allowed hosts, refused, or of neither pattern are dropped.
        """
        tree = LexborHTMLParser(html)
        base = _base_of(tree, page_url)
        origin = origin_of(base)
        known = self._by_origin.get(origin)
        if known is None:
            known = self._by_origin[origin] = {}
        wanted: dict[str, UrlKind] = {}
        for node in tree.css("a[href]"):
            href = node.attrs["href"] or ""
            try:
                verdict = known[href]
            except KeyError:
                verdict, context_free = self._judge_href(href, base, origin)
                if context_free:
                    self._remember(known, href, verdict)
            if verdict is not None:
                wanted.setdefault(verdict[0], verdict[1])
        return list(wanted.items())

    def _judge_href(self, href: str, base: str, origin: str) -> tuple[_Verdict, bool]:
        """The verdict on ``href``, and whether it holds on every page of ``origin``."""
        text = href.strip()
        if not text or text[0] == "#":
            return None, True
        context_free = text.startswith(("https://", "http://")) or (
            text[0] == "/" and not text.startswith("//") and "/." not in text
        )
        return self._judge(_resolve(text, base, origin)), context_free

    def _judge(self, absolute: str) -> _Verdict:
        if absolute.isascii() and self._rules.refusal(absolute) is not None:
            return None  # refused before normalizing (which keeps an ASCII host and scheme)
        try:
            url = normalize_url(absolute)
        except ValueError:
            return None
        kind = self._rules.classify(url)
        return (url, kind) if kind in FOLLOWED_KINDS else None

    def _remember(self, known: dict[str, _Verdict], href: str, verdict: _Verdict) -> None:
        if self._remembered >= VERDICT_CACHE_SIZE:
            for verdicts in self._by_origin.values():
                verdicts.clear()
            self._remembered = 0
        known[href] = verdict
        self._remembered += 1


def links_to_follow(html: str | bytes, page_url: str, rules: UrlRules) -> list[tuple[str, UrlKind]]:
    """``LinkFinder(rules).follow(html, page_url)`` for a single page."""
    return LinkFinder(rules).follow(html, page_url)
