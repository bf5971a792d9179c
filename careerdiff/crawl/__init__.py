"""The network side of careerdiff: polite fetching, discovery and the crawl engine.

Modules, from the edge in:

    urls       normalize_url, UrlRules (allowed hosts, page kinds by pattern)
    retry      which faults are retried, back-off and Retry-After (tenacity)
    limits     per-host concurrency and pacing (aiolimiter)
    robots     robots.txt per host (protego), cached
    transport  httpx's transport with httpcore's pool bookkeeping made linear
    fetcher    Fetcher over one shared httpx.AsyncClient -> FetchResult
    sitemaps   urlset / sitemapindex, plain or gzip, read safely
    links      links on fetched pages worth following
    frontier   the Frontier interface and MemoryFrontier
    sink       the PageSink interface and MemorySink
    engine     crawl(settings, frontier, sink) -> CrawlSummary
    progress   Rich progress on a terminal, log lines otherwise

The names below are imported on first use (``from careerdiff.crawl import crawl``
works as usual): every submodule import runs this file first, and importing the
engine here would make ``careerdiff.crawl.urls`` or ``.progress`` alone cost
httpx, the extractors and the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerdiff.lazy import import_httpx_without_its_command, lazy_names

import_httpx_without_its_command()  # before any submodule imports httpx

if TYPE_CHECKING:
    from careerdiff.crawl.engine import crawl, rules_for
    from careerdiff.crawl.fetcher import Fetcher, client_for
    from careerdiff.crawl.frontier import (
        Done,
        Failure,
        Frontier,
        FrontierCounts,
        Lease,
        MemoryFrontier,
        NewUrl,
        Retry,
        Validators,
    )
    from careerdiff.crawl.links import extract_links, links_to_follow
    from careerdiff.crawl.progress import CrawlProgress, LogProgress, RichProgress, progress_for
    from careerdiff.crawl.result import FetchResult, is_transient
    from careerdiff.crawl.sink import MemorySink, PageOutcome, PageSink
    from careerdiff.crawl.sitemaps import Sitemap, SitemapError, harvest_sitemaps, parse_sitemap
    from careerdiff.crawl.summary import CrawlStatus, CrawlSummary
    from careerdiff.crawl.urls import UrlKind, UrlRules, normalize_url

__all__ = [
    "CrawlProgress",
    "CrawlStatus",
    "CrawlSummary",
    "Done",
    "Failure",
    "FetchResult",
    "Fetcher",
    "Frontier",
    "FrontierCounts",
    "Lease",
    "LogProgress",
    "MemoryFrontier",
    "MemorySink",
    "NewUrl",
    "PageOutcome",
    "PageSink",
    "Retry",
    "RichProgress",
    "Sitemap",
    "SitemapError",
    "UrlKind",
    "UrlRules",
    "Validators",
    "client_for",
    "crawl",
    "extract_links",
    "harvest_sitemaps",
    "is_transient",
    "links_to_follow",
    "normalize_url",
    "parse_sitemap",
    "progress_for",
    "rules_for",
]

_HOMES = {
    "CrawlProgress": "careerdiff.crawl.progress",
    "CrawlStatus": "careerdiff.crawl.summary",
    "CrawlSummary": "careerdiff.crawl.summary",
    "Done": "careerdiff.crawl.frontier",
    "Failure": "careerdiff.crawl.frontier",
    "FetchResult": "careerdiff.crawl.result",
    "Fetcher": "careerdiff.crawl.fetcher",
    "Frontier": "careerdiff.crawl.frontier",
    "FrontierCounts": "careerdiff.crawl.frontier",
    "Lease": "careerdiff.crawl.frontier",
    "LogProgress": "careerdiff.crawl.progress",
    "MemoryFrontier": "careerdiff.crawl.frontier",
    "MemorySink": "careerdiff.crawl.sink",
    "NewUrl": "careerdiff.crawl.frontier",
    "PageOutcome": "careerdiff.crawl.sink",
    "PageSink": "careerdiff.crawl.sink",
    "Retry": "careerdiff.crawl.frontier",
    "RichProgress": "careerdiff.crawl.progress",
    "Sitemap": "careerdiff.crawl.sitemaps",
    "SitemapError": "careerdiff.crawl.sitemaps",
    "UrlKind": "careerdiff.crawl.urls",
    "UrlRules": "careerdiff.crawl.urls",
    "Validators": "careerdiff.crawl.frontier",
    "client_for": "careerdiff.crawl.fetcher",
    "crawl": "careerdiff.crawl.engine",
    "extract_links": "careerdiff.crawl.links",
    "harvest_sitemaps": "careerdiff.crawl.sitemaps",
    "is_transient": "careerdiff.crawl.result",
    "links_to_follow": "careerdiff.crawl.links",
    "normalize_url": "careerdiff.crawl.urls",
    "parse_sitemap": "careerdiff.crawl.sitemaps",
    "progress_for": "careerdiff.crawl.progress",
    "rules_for": "careerdiff.crawl.engine",
}


__getattr__ = lazy_names(__name__, _HOMES)
