"""The network side of careerdiff: polite fetching, discovery and the crawl engine.

Modules, from the edge in:

    urls       normalize_url, UrlRules (allowed hosts, page kinds by pattern)
    content    content types and charsets of response bodies
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
"""

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
