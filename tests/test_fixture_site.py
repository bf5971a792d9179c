"""The fixture site server: robots.txt, sitemaps (plain and gzip), listing links, 304s, 404s."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from careerdiff.errors import ConfigError
from careerdiff.fixture_site import (
    FixtureSite,
    FixtureSiteServer,
    Response,
    SiteUrls,
    fixture_site_urls,
    is_not_modified,
    serve_fixture_site,
)
from careerdiff.settings import DEFAULT_COMPARISON_PATTERN, DEFAULT_LISTING_PATTERN
from tests.helpers import FIXTURES_DIR, generated_page_names, load_expected

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureSiteServer]:
    with FixtureSiteServer() as running:
        yield running


@pytest.fixture(scope="module")
def urls(server: FixtureSiteServer) -> SiteUrls:
    return server.urls()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as http:
        yield http


def locs(xml_text: bytes | str) -> list[str]:
    root = ET.fromstring(xml_text)
    return [el.text or "" for el in root.iter(f"{SITEMAP_NS}loc")]


def links(html: str, page_url: str) -> list[str]:
    """Absolute URLs of every <a href> on a page."""
    tree = LexborHTMLParser(html)
    return [urljoin(page_url, node.attributes.get("href") or "") for node in tree.css("a[href]")]


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_robots_disallows_an_existing_comparison_page_and_names_the_sitemap(
    urls: SiteUrls, client: httpx.Client
) -> None:
    response = client.get(urls.robots)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {urls.base}/sitemap.xml" in response.text.splitlines()
    assert "{base}" not in response.text
    assert len(urls.disallowed) == 1
    disallowed = urls.disallowed[0]
    assert f"Disallow: {path_of(disallowed)}" in response.text
    assert client.get(disallowed).status_code == 200  # it exists; only robots.txt forbids it


def test_sitemap_index_points_at_a_plain_and_a_gzip_child(
    urls: SiteUrls, client: httpx.Client
) -> None:
    index = client.get(urls.sitemap_index)
    assert index.headers["content-type"] == "application/xml; charset=utf-8"
    assert ET.fromstring(index.content).tag == f"{SITEMAP_NS}sitemapindex"
    children = locs(index.content)
    assert sorted(children) == sorted(urls.sitemaps)
    plain = [url for url in children if not url.endswith(".gz")]
    zipped = [url for url in children if url.endswith(".gz")]
    assert len(plain) == 1 and len(zipped) == 1

    gz_response = client.get(zipped[0])
    assert gz_response.headers["content-type"] == "application/gzip"
    assert gz_response.content[:2] == b"\x1f\x8b"
    listed = locs(client.get(plain[0]).content) + locs(gzip.decompress(gz_response.content))
    assert listed and all(url.startswith(urls.base + "/") for url in listed)
    comparisons = {url for url in listed if re.match(DEFAULT_COMPARISON_PATTERN, path_of(url))}
    assert comparisons == set(urls.in_sitemaps)
    assert set(urls.disallowed) <= comparisons  # a crawler meets it and must skip it
    for url in listed:
        assert client.get(url).status_code == 200, url


def test_every_comparison_fixture_is_served_at_a_real_site_shaped_path(
    urls: SiteUrls, client: httpx.Client
) -> None:
    comparison_pages = {n for n in generated_page_names() if load_expected(n)["occupations"]}
    served = {urls.page_names[url] for url in urls.comparisons}
    assert served == comparison_pages
    paths = [path_of(url) for url in urls.comparisons]
    assert all(re.match(DEFAULT_COMPARISON_PATTERN, path) for path in paths)
    slashed = [url for url in urls.comparisons if url.endswith("/")]
    assert slashed and len(slashed) < len(paths)
    for url in slashed:  # served with and without the trailing slash
        assert client.get(url).content == client.get(url.rstrip("/")).content


def test_some_comparison_pages_are_reachable_only_through_listing_links(
    urls: SiteUrls, client: httpx.Client
) -> None:
    assert urls.listing_only
    assert all(re.match(DEFAULT_LISTING_PATTERN, path_of(url)) for url in urls.listings)
    linked_from_listings = {
        link for listing in urls.listings for link in links(client.get(listing).text, listing)
    }
    assert set(urls.listing_only) <= linked_from_listings


def test_a_polite_crawl_from_the_sitemaps_reaches_every_allowed_comparison(
    urls: SiteUrls, client: httpx.Client
) -> None:
    index = locs(client.get(urls.sitemap_index).content)
    frontier = [
        url
        for child in index
        for url in locs(
            gzip.decompress(client.get(child).content)
            if child.endswith(".gz")
            else client.get(child).content
        )
    ]
    seen: set[str] = set()
    while frontier:
        url = frontier.pop()
        key = path_of(url).rstrip("/")
        if key in seen or url in urls.disallowed or url + "/" in urls.disallowed:
            continue
        seen.add(key)
        for link in links(client.get(url).text, url):
            path = path_of(link)
            followed = re.match(DEFAULT_COMPARISON_PATTERN, path) or re.match(
                DEFAULT_LISTING_PATTERN, path
            )
            if link.startswith(urls.base) and followed:
                frontier.append(link)
    reached = {urls.base + key for key in seen}
    assert {url.rstrip("/") for url in urls.allowed} <= reached


def test_every_site_shaped_link_on_every_page_resolves(
    server: FixtureSiteServer, urls: SiteUrls, client: httpx.Client
) -> None:
    site = FixtureSite.load()
    pages = [urls.home, *urls.listings, *urls.comparisons]
    for page in pages:
        for link in links(client.get(page).text, page):
            path = path_of(link)
            if not link.startswith(urls.base):
                continue
            if re.match(DEFAULT_COMPARISON_PATTERN, path) or re.match(
                DEFAULT_LISTING_PATTERN, path
            ):
                assert site.route(path) is not None, f"{page} links to unknown {path}"


def test_pages_are_html_with_a_charset_and_validators(urls: SiteUrls, client: httpx.Client) -> None:
    response = client.get(urls.comparisons[0])
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["etag"].startswith('"')
    assert response.headers["last-modified"].endswith("GMT")
    assert int(response.headers["content-length"]) == len(response.content) > 100_000


def test_if_none_match_with_the_current_etag_gets_a_bodyless_304(
    urls: SiteUrls, client: httpx.Client
) -> None:
    first = client.get(urls.comparisons[0])
    again = client.get(urls.comparisons[0], headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    other = client.get(urls.comparisons[0], headers={"If-None-Match": '"not-the-etag"'})
    assert other.status_code == 200 and other.content == first.content


def test_if_modified_since_gets_a_304_unless_the_page_changed_after_it(
    urls: SiteUrls, client: httpx.Client
) -> None:
    first = client.get(urls.comparisons[1])
    last_modified = first.headers["last-modified"]
    assert (
        client.get(urls.comparisons[1], headers={"If-Modified-Since": last_modified}).status_code
        == 304
    )
    older = format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True)
    assert client.get(urls.comparisons[1], headers={"If-Modified-Since": older}).status_code == 200


def test_unknown_paths_are_404(urls: SiteUrls, client: httpx.Client) -> None:
    for path in ("/nope", "/nursing-jobs/", "/favicon.ico", "/sitemaps/comparisons-2.xml"):
        response = client.get(urls.base + path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_head_sends_headers_without_a_body(urls: SiteUrls, client: httpx.Client) -> None:
    response = client.head(urls.listings[0])
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_request_log_records_every_path_requested(server: FixtureSiteServer) -> None:
    before = len(server.request_log)
    with httpx.Client() as http:
        http.get(server.base_url + "/robots.txt?x=1")
        http.get(server.base_url + "/missing")
    assert server.request_log[before:] == ["/robots.txt", "/missing"]


def test_serve_fixture_site_yields_a_loopback_base_url_and_stops_on_exit() -> None:
    with serve_fixture_site() as base_url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
        with httpx.Client() as http:
            assert http.get(base_url + "/").status_code == 200
    with pytest.raises(httpx.ConnectError), httpx.Client() as http:
        http.get(base_url + "/", timeout=1)


def test_fixture_site_urls_needs_no_server() -> None:
    urls = fixture_site_urls("http://example.test:8080/")
    assert urls.base == "http://example.test:8080"
    assert urls.disallowed and urls.listing_only
    assert all(url.startswith("http://example.test:8080/") for url in urls.comparisons)
    assert set(urls.allowed) | set(urls.disallowed) == set(urls.comparisons)


def test_a_missing_site_is_a_one_line_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="fixture site not found") as caught:
        FixtureSite.load(tmp_path)
    assert "\n" not in str(caught.value)


def test_a_route_without_a_kind_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "routes.toml").write_text(
        '[site]\nlast_modified = "2025-01-06T08:00:00Z"\n[[route]]\npath = "/"\nfile = "x"\n'
    )
    with pytest.raises(ConfigError, match="path, file and kind"):
        FixtureSite.load(tmp_path)


_MODIFIED = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
_RESPONSE = Response(b"x", "text/plain; charset=utf-8", '"abc"', _MODIFIED)


@pytest.mark.parametrize(
    ("if_none_match", "if_modified_since", "expected"),
    [
        ('"abc"', None, True),
        ('W/"abc"', None, True),
        ('"zzz", "abc"', None, True),
        ("*", None, True),
        ('"zzz"', None, False),
        ('"zzz"', format_datetime(_MODIFIED, usegmt=True), False),  # If-None-Match wins
        (None, format_datetime(_MODIFIED, usegmt=True), True),
        (None, format_datetime(_MODIFIED + timedelta(days=1), usegmt=True), True),
        (None, format_datetime(_MODIFIED - timedelta(seconds=1), usegmt=True), False),
        (None, "not a date", False),
        (None, None, False),
    ],
)
def test_is_not_modified(
    if_none_match: str | None, if_modified_since: str | None, expected: bool
) -> None:
    assert is_not_modified(_RESPONSE, if_none_match, if_modified_since) is expected


def test_readme_describes_every_served_file() -> None:
    readme = (FIXTURES_DIR / "README.md").read_text(encoding="utf-8")
    site = FixtureSite.load()
    files = {route.file.relative_to(FIXTURES_DIR).as_posix() for route in site.routes}
    described = {f for f in files if f"`{f}`" in readme or f.startswith("pages/")}
    assert described == files
