"""Sitemaps: ``urlset`` and ``sitemapindex`` files, plain or gzip, read without an XML parser.

A regular expression over ``<loc>`` elements reads every sitemap the protocol allows
and cannot be tricked into expanding entities or fetching external ones. Gzip is
recognised by its magic bytes (a ``.gz`` file that the server already decompressed
is read as plain), and decompression stops at ``MAX_UNPACKED_BYTES``.
"""

from __future__ import annotations

import asyncio
import html
import re
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from careerdiff.crawl.result import FetchResult

#: The sitemap protocol's own limit on an uncompressed file.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
#: Sitemap indexes nest at most this deep below the start files.
MAX_INDEX_DEPTH = 3
#: No crawl reads more sitemap files than this.
MAX_SITEMAP_FILES = 1000

GZIP_MAGIC = b"\x1f\x8b"
_ROOT = re.compile(rb"<\s*(?:[\w.-]+:)?(urlset|sitemapindex)\b", re.IGNORECASE)
#: Opening and closing <loc> tags, found in one linear pass; a value is what lies between
#: an opening tag and the closing tag right after it.
_LOC_TAG = re.compile(rb"<\s*(/?)\s*(?:[\w.-]+:)?loc\s*>", re.IGNORECASE)
#: The protocol allows 2,048 characters; longer values are skipped.
MAX_LOC_BYTES = 8192

SitemapKind = Literal["urlset", "sitemapindex", "text"]


class SitemapError(ValueError):
    """A sitemap file could not be read; the message is one line."""


@dataclass(frozen=True)
class Sitemap:
    """One parsed sitemap file: page URLs (``urlset``, ``text``) or child sitemaps (index)."""

    kind: SitemapKind
    locs: tuple[str, ...]


def unpack(body: bytes, *, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """``body`` gunzipped when it is gzip, else as it is; at most ``limit`` bytes out."""
    if not body.startswith(GZIP_MAGIC):
        if len(body) > limit:
            raise SitemapError(f"sitemap larger than {limit} bytes")
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise SitemapError(f"broken gzip data: {exc}") from None
    if len(data) > limit:
        raise SitemapError(f"sitemap unpacks to more than {limit} bytes")
    if not inflater.eof:
        raise SitemapError("broken gzip data: it ends too early")
    return data


def parse_sitemap(body: bytes) -> Sitemap:
    """Read a sitemap file (plain or gzip): its kind and ``<loc>`` values, in file order."""
    data = unpack(body)
    root = _ROOT.search(data, 0, 4096)
    if root is None:
        lines = data.decode("utf-8", errors="replace").split()
        if lines and all(line.startswith(("http://", "https://")) for line in lines):
            return Sitemap("text", tuple(lines))
        raise SitemapError("not a sitemap: no <urlset> or <sitemapindex>")
    kind: SitemapKind = "urlset" if root.group(1).lower() == b"urlset" else "sitemapindex"
    return Sitemap(kind, tuple(loc for loc in _locs(data, root.start()) if loc))


def _locs(data: bytes, start: int) -> Iterator[str]:
    opened: int | None = None
    for tag in _LOC_TAG.finditer(data, start):
        if not tag.group(1):
            opened = tag.end()
        elif opened is not None:
            if tag.start() - opened <= MAX_LOC_BYTES:
                yield _loc_text(data[opened : tag.start()])
            opened = None


def _loc_text(raw: bytes) -> str:
    text = raw.strip()
    if text.startswith(b"<![CDATA[") and text.endswith(b"]]>"):
        return text[9:-3].decode("utf-8", errors="replace").strip()
    return html.unescape(text.decode("utf-8", errors="replace")).strip()


@dataclass
class SitemapHarvest:
    """What reading a set of sitemaps found: page URLs, and the files that failed.

    ``page_urls`` stays empty when the pages went to ``harvest_sitemaps``'s ``on_pages``.
    """

    page_urls: list[tuple[str, str]] = field(default_factory=list)  # page URL, sitemap URL
    files_read: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # url, reason, message


#: Where ``harvest_sitemaps`` hands each sitemap file's page URLs: (sitemap URL, locs).
PageHandler = Callable[[str, Sequence[str]], None]


async def harvest_sitemaps(
    start_urls: Iterable[str],
    fetch: Callable[[str], Awaitable[FetchResult]],
    *,
    max_files: int = MAX_SITEMAP_FILES,
    on_pages: PageHandler | None = None,
) -> SitemapHarvest:
    """Read ``start_urls`` and the sitemaps their indexes name, breadth-first, once each.

    ``fetch`` is the fetcher's document fetch; each level is fetched concurrently.
    Page URLs come back as written, each with its sitemap's URL; the caller filters
    and normalizes them. With ``on_pages`` they go there instead, one sitemap file at a
    time, and each file's body is let go once read: a large site's URLs are never
    all held at once.
    """
    harvest = SitemapHarvest()
    seen: set[str] = set()
    level = list(dict.fromkeys(start_urls))
    for _depth in range(MAX_INDEX_DEPTH + 1):
        level = [url for url in level if url not in seen][: max(0, max_files - len(seen))]
        if not level:
            break
        seen.update(level)
        children: list[str] = []
        results = await _fetch_all(level, fetch)
        results.reverse()
        for url in level:
            sitemap = _read(url, results.pop(), harvest)  # its body is let go once read
            if sitemap is None:
                continue
            harvest.files_read += 1
            if sitemap.kind == "sitemapindex":
                children.extend(sitemap.locs)
            elif on_pages is not None:
                on_pages(url, sitemap.locs)
            else:
                harvest.page_urls.extend((loc, url) for loc in sitemap.locs)
        level = children
    return harvest


async def _fetch_all(
    urls: list[str], fetch: Callable[[str], Awaitable[FetchResult]]
) -> list[FetchResult]:
    return list(await asyncio.gather(*(fetch(url) for url in urls)))


def _read(url: str, fetched: FetchResult, harvest: SitemapHarvest) -> Sitemap | None:
    if fetched.error is not None:
        harvest.failures.append((url, fetched.error, fetched.message or fetched.error))
        return None
    try:
        return parse_sitemap(fetched.body)
    except SitemapError as exc:
        harvest.failures.append((url, "bad-sitemap", f"{url}: {exc}"))
        return None
