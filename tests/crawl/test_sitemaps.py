"""Sitemap files, read safely, and sitemap indexes followed over HTTP."""

from __future__ import annotations

import gzip

import pytest

from careerdiff.crawl.fetcher import Fetcher
from careerdiff.crawl.sitemaps import (
    MAX_INDEX_DEPTH,
    PageHandler,
    SitemapError,
    SitemapHarvest,
    harvest_sitemaps,
    parse_sitemap,
    unpack,
)

from .conftest import crawl_settings, rules_for_server, run
from .faultserver import FaultServer


def urlset(*locs: str) -> bytes:
    entries = "".join(f"<url><loc>{loc}</loc><lastmod>2026-01-01</lastmod></url>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()


def index(*locs: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def test_urlset() -> None:
    sitemap = parse_sitemap(urlset("https://a.test/x-jobs", "https://a.test/y?a=1&amp;b=2"))
    assert sitemap.kind == "urlset"
    assert sitemap.locs == ("https://a.test/x-jobs", "https://a.test/y?a=1&b=2")


def test_sitemap_index() -> None:
    sitemap = parse_sitemap(index("https://a.test/s1.xml", "https://a.test/s2.xml.gz"))
    assert sitemap.kind == "sitemapindex"
    assert sitemap.locs == ("https://a.test/s1.xml", "https://a.test/s2.xml.gz")


def test_gzip_is_recognised_by_content() -> None:
    sitemap = parse_sitemap(gzip.compress(urlset("https://a.test/z")))
    assert sitemap.locs == ("https://a.test/z",)


def test_namespace_prefixes_cdata_and_whitespace() -> None:
    body = (
        b'<?xml version="1.0"?><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sm:url><sm:loc>\n  https://a.test/one\n</sm:loc></sm:url>"
        b"<sm:url><sm:loc><![CDATA[https://a.test/two?x=1&y=2]]></sm:loc></sm:url>"
        b"</sm:urlset>"
    )
    assert parse_sitemap(body).locs == ("https://a.test/one", "https://a.test/two?x=1&y=2")


def test_text_sitemap() -> None:
    assert parse_sitemap(b"https://a.test/a\nhttps://a.test/b\n").locs == (
        "https://a.test/a",
        "https://a.test/b",
    )


def test_entities_are_never_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>https://a.test/&lol2;</loc></url>"
        b"<url><loc>&ext;</loc></url></urlset>"
    )
    locs = parse_sitemap(laughs).locs
    assert locs == ("https://a.test/&lol2;", "&ext;")  # left as written, never resolved


def test_not_a_sitemap() -> None:
    with pytest.raises(SitemapError, match="not a sitemap"):
        parse_sitemap(b"<html><body>hello</body></html>")


def test_broken_gzip() -> None:
    with pytest.raises(SitemapError, match="broken gzip"):
        parse_sitemap(b"\x1f\x8b\x08\x00garbage")


def test_decompression_is_bounded() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    assert len(bomb) < 10_000
    with pytest.raises(SitemapError, match="more than 1000000 bytes"):
        unpack(bomb, limit=1_000_000)
    assert len(unpack(bomb, limit=3_000_000)) > 2_000_000


def test_an_unclosed_loc_does_not_run_away() -> None:
    body = b"<urlset>" + b"<loc>https://a.test/x" * 20_000 + b"</urlset>"
    assert parse_sitemap(body).locs == ()


def _harvest(
    server: FaultServer, *paths: str, on_pages: PageHandler | None = None
) -> SitemapHarvest:
    async def scenario() -> SitemapHarvest:
        async with Fetcher(crawl_settings(server), rules_for_server(server)) as fetcher:
            return await harvest_sitemaps(
                [server.url(p) for p in paths], fetcher.fetch_document, on_pages=on_pages
            )

    return run(scenario())


def test_index_with_plain_and_gzip_children_over_http(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    fault_server.add(
        "/sitemap.xml",
        index(f"{base}/sitemap-a.xml", f"{base}/sitemap-b.xml.gz"),
        content_type="application/xml",
    )
    fault_server.add("/sitemap-a.xml", urlset(f"{base}/a1", f"{base}/a2"), content_type="text/xml")
    fault_server.add(
        "/sitemap-b.xml.gz",
        gzip.compress(urlset(f"{base}/b1")),
        content_type="application/gzip",
    )
    harvest = _harvest(fault_server, "/sitemap.xml")
    assert [url for url, _ in harvest.page_urls] == [f"{base}/a1", f"{base}/a2", f"{base}/b1"]
    assert dict(harvest.page_urls)[f"{base}/b1"] == f"{base}/sitemap-b.xml.gz"
    assert harvest.files_read == 3 and harvest.failures == []


def test_pages_handed_over_one_sitemap_file_at_a_time(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    fault_server.add("/sitemap.xml", index(f"{base}/a.xml", f"{base}/b.xml", f"{base}/c.xml"))
    fault_server.add("/a.xml", urlset(f"{base}/a1", f"{base}/a2"))
    fault_server.add("/b.xml", urlset(f"{base}/b1"))
    handed: list[tuple[str, list[str]]] = []
    harvest = _harvest(
        fault_server, "/sitemap.xml", on_pages=lambda url, locs: handed.append((url, list(locs)))
    )
    assert handed == [
        (f"{base}/a.xml", [f"{base}/a1", f"{base}/a2"]),
        (f"{base}/b.xml", [f"{base}/b1"]),
    ]
    assert harvest.page_urls == [] and harvest.files_read == 3
    assert [reason for _, reason, _ in harvest.failures] == ["http-404"]


def test_gz_name_served_already_decompressed(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    fault_server.add("/plain.xml.gz", urlset(f"{base}/p"), content_type="application/xml")
    assert _harvest(fault_server, "/plain.xml.gz").page_urls == [
        (f"{base}/p", f"{base}/plain.xml.gz")
    ]


def test_failures_are_recorded_and_the_rest_is_read(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    fault_server.add(
        "/sitemap.xml",
        index(f"{base}/missing.xml", f"{base}/broken.xml", f"{base}/good.xml"),
    )
    fault_server.add("/broken.xml", "<html>not a sitemap</html>")
    fault_server.add("/good.xml", urlset(f"{base}/g"))
    harvest = _harvest(fault_server, "/sitemap.xml")
    assert [url for url, _ in harvest.page_urls] == [f"{base}/g"]
    reasons = {url.rsplit("/", 1)[1]: reason for url, reason, _ in harvest.failures}
    assert reasons == {"missing.xml": "http-404", "broken.xml": "bad-sitemap"}


def test_index_cycles_and_depth_are_bounded(fault_server: FaultServer) -> None:
    base = fault_server.base_url
    fault_server.add("/self.xml", index(f"{base}/self.xml", f"{base}/deeper-1.xml"))
    for level in range(1, MAX_INDEX_DEPTH + 3):
        fault_server.add(f"/deeper-{level}.xml", index(f"{base}/deeper-{level + 1}.xml"))
    harvest = _harvest(fault_server, "/self.xml")
    assert fault_server.count("/self.xml") == 1
    assert harvest.files_read == MAX_INDEX_DEPTH + 1
    assert harvest.page_urls == []
