"""The benchmark's Scrapy peer: crawl the generated site into the same database, the Scrapy way.

    python bench/peers/scrapy_crawl.py --base http://127.0.0.1:PORT --db sqlite:///peer.db

A ``SitemapSpider`` reads robots.txt, the sitemap index and its children, fetches
every comparison page (16 requests in flight, no delay, robots.txt obeyed),
extracts each with careerdiff's own ``extractors.extract_page`` and hands the
records to a pipeline that stores them with ``models.Store.load`` in batches of the
same size careerdiff uses, in a thread so downloading goes on meanwhile. Only the
framework differs from careerdiff's crawl: same site, same extraction, same sink.
It discovers pages from the sitemaps only (careerdiff also reads every page's links).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from scrapy import Spider  # noqa: E402
from scrapy.crawler import CrawlerProcess  # noqa: E402
from scrapy.http import Response  # noqa: E402
from scrapy.spiders import SitemapSpider  # noqa: E402
from twisted.internet import defer, threads  # noqa: E402

from careerdiff.settings import DEFAULT_COMPARISON_PATTERN, Settings  # noqa: E402
from extractors import EXTRACTOR_VERSION, extract_page  # noqa: E402
from models import LoadItem, Store  # noqa: E402

#: Comparison pages among the sitemaps' URLs: the path pattern careerdiff uses, any host.
COMPARISON_URL = r"^https?://[^/]+" + DEFAULT_COMPARISON_PATTERN.removeprefix("^")


class ComparisonSpider(SitemapSpider):
    """Every comparison page listed in the sitemaps that robots.txt names."""

    name = "careerdiff-peer"
    sitemap_rules = [(COMPARISON_URL, "parse_comparison")]  # noqa: RUF012

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [f"{base_url.rstrip('/')}/robots.txt"]

    def parse_comparison(self, response: Response) -> Iterator[dict[str, LoadItem]]:
        record = extract_page(response.text, url=response.url)
        yield {
            "page": LoadItem(
                record=record,
                fetched_at=datetime.now(UTC),
                content_hash=hashlib.sha256(response.body).hexdigest(),
                extractor_version=EXTRACTOR_VERSION,
            )
        }


class StorePipeline:
    """Stores items with ``Store.load`` in batches, one batch at a time, off the reactor thread."""

    def __init__(self, db_url: str, batch_size: int) -> None:
        self.db_url = db_url
        self.batch_size = batch_size
        self.buffer: list[LoadItem] = []
        self.store: Store | None = None
        self.loading: defer.Deferred[Any] = defer.succeed(None)
        self.stored = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(
            crawler.settings.get("CAREERDIFF_DB"), crawler.settings.getint("CAREERDIFF_BATCH")
        )

    def open_spider(self, spider: Spider | None = None) -> None:
        self.store = Store.open(self.db_url, batch_size=self.batch_size)

    def process_item(self, item: dict[str, LoadItem], spider: Spider | None = None) -> Any:
        self.buffer.append(item["page"])
        if len(self.buffer) < self.batch_size:
            return item
        self._flush()
        return item

    def _flush(self) -> defer.Deferred[Any]:
        batch, self.buffer = self.buffer, []
        store = self.store
        assert store is not None

        def load(_: object) -> defer.Deferred[Any]:
            return threads.deferToThread(store.load, batch)

        def count(summary: Any) -> None:
            self.stored += summary.pages

        self.loading.addCallback(load).addCallback(count)
        return self.loading

    def close_spider(self, spider: Spider | None = None) -> defer.Deferred[Any]:
        def close(_: object) -> None:
            if self.store is not None:
                self.store.close()

        if self.buffer:
            self._flush()
        return self.loading.addCallback(close)


def scrapy_settings(db_url: str, concurrency: int, batch_size: int) -> dict[str, Any]:
    """Scrapy settings for a fast, polite-to-robots.txt crawl of one local host."""
    return {
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "USER_AGENT": "careerdiff-bench-scrapy-peer",
        "DOWNLOAD_MAXSIZE": Settings().max_body_bytes,
        "ITEM_PIPELINES": {StorePipeline: 300},
        "CAREERDIFF_DB": db_url,
        "CAREERDIFF_BATCH": batch_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Crawl the benchmark site with Scrapy.")
    parser.add_argument("--base", required=True, help="the site's base URL")
    parser.add_argument("--db", required=True, help="database URL (a fresh one per run)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    args = parser.parse_args(argv)
    process = CrawlerProcess(scrapy_settings(args.db, args.concurrency, args.batch_size))
    process.crawl(ComparisonSpider, base_url=args.base)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
