"""Links on fetched pages: which ones lead to more comparison or listing pages.

Pages are parsed with selectolax's lexbor parser; every ``<a href>`` is resolved
against the page's final URL, or its ``<base href>`` when it has one.
"""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from careerdiff.crawl.urls import WEB_SCHEMES, UrlKind, UrlRules, normalize_url

FOLLOWED_KINDS = frozenset({UrlKind.COMPARISON, UrlKind.LISTING})


def extract_links(html: str | bytes, page_url: str) -> list[str]:
    """Absolute http(s) URLs of the page's ``<a href>`` links, in page order, each once.

    Fragments are dropped. Pass UTF-8 bytes to save a decode and re-encode.
    """
    tree = LexborHTMLParser(html)
    base = page_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        href = (base_node.attributes.get("href") or "").strip()
        if href:
            base = urljoin(page_url, href)
    found: dict[str, None] = {}
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        absolute = urljoin(base, href).partition("#")[0]
        if absolute.partition(":")[0].lower() in WEB_SCHEMES:
            found.setdefault(absolute, None)
    return list(found)


def links_to_follow(html: str | bytes, page_url: str, rules: UrlRules) -> list[tuple[str, UrlKind]]:
    """Normalized URLs (with their kind) of the page's links to comparison or listing pages.

    Links that are off the allowed hosts, refused, or of neither pattern are dropped.
    """
    wanted: dict[str, UrlKind] = {}
    for link in extract_links(html, page_url):
        try:
            url = normalize_url(link)
        except ValueError:
            continue
        if url in wanted:
            continue
        kind = rules.classify(url)
        if kind in FOLLOWED_KINDS:
            wanted[url] = kind
    return list(wanted.items())
