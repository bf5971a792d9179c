"""The fetcher against a real, misbehaving HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import socket
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from careerdiff.crawl.fetcher import Fetcher
from careerdiff.crawl.result import FetchResult
from careerdiff.settings import Settings

from .conftest import RecordingSleep, crawl_settings, rules_for_hosts, rules_for_server, run
from .faultserver import ETAG, LAST_MODIFIED, FaultServer


def fetch(
    server: FaultServer,
    *paths: str,
    sleep: RecordingSleep | None = None,
    extra_hosts: tuple[str, ...] = (),
    **settings: Any,
) -> list[FetchResult]:
    """Fetch ``paths`` from ``server`` in turn with one fetcher; return the results."""

    async def scenario() -> list[FetchResult]:
        rules = rules_for_server(server, *extra_hosts)
        async with Fetcher(
            crawl_settings(server, **settings), rules, sleep=sleep or RecordingSleep()
        ) as fetcher:
            return [await fetcher.fetch(server.url(path)) for path in paths]

    return run(scenario())


def fetch_one(server: FaultServer, path: str, **kwargs: Any) -> FetchResult:
    return fetch(server, path, **kwargs)[0]


# --- robots.txt -----------------------------------------------------------------------


def test_disallowed_url_is_never_requested(fault_server: FaultServer) -> None:
    fault_server.add_html("/private/secret", "secret")
    fault_server.add_html("/public", "public")
    private, public = fetch(fault_server, "/private/secret", "/public")
    assert private.error == "robots-disallowed" and private.attempts == 0
    assert "robots.txt disallows" in (private.message or "")
    assert public.ok
    assert "/private/secret" not in fault_server.paths()


def test_robots_is_fetched_once_per_host(fault_server: FaultServer) -> None:
    for name in ("a", "b", "c"):
        fault_server.add_html(f"/{name}", name)
    results = fetch(fault_server, "/a", "/b", "/c")
    assert all(result.ok for result in results)
    assert fault_server.count("/robots.txt") == 1


def test_redirect_into_a_disallowed_path_is_refused(fault_server: FaultServer) -> None:
    fault_server.add("/moved", "", status=301, headers={"Location": "/private/target"})
    result = fetch_one(fault_server, "/moved")
    assert result.error == "robots-disallowed"
    assert "/private/target" not in fault_server.paths()


def test_robots_5xx_blocks_the_host(make_fault_server: Callable[..., FaultServer]) -> None:
    server = make_fault_server(robots=503)
    server.add_html("/page", "page")
    sleep = RecordingSleep()
    first, second = fetch(server, "/page", "/page", sleep=sleep, max_retries=2)
    assert first.error == second.error == "robots-unavailable"
    assert "robots.txt" in (first.message or "") and first.transient
    assert server.count("/robots.txt") == 3  # retried, then remembered for the crawl
    assert server.count("/page") == 0


def test_robots_unreachable_blocks_the_host(make_fault_server: Callable[..., FaultServer]) -> None:
    server = make_fault_server(robots="reset")
    server.add_html("/page", "page")
    result = fetch_one(server, "/page", max_retries=1)
    assert result.error == "robots-unavailable"
    assert server.count("/page") == 0


def test_robots_404_allows_everything(make_fault_server: Callable[..., FaultServer]) -> None:
    server = make_fault_server(robots=None)
    server.add_html("/private/secret", "secret")
    result = fetch_one(server, "/private/secret")
    assert result.ok and result.status == 200


def test_robots_crawl_delay_paces_the_host(make_fault_server: Callable[..., FaultServer]) -> None:
    server = make_fault_server(robots="User-agent: *\nCrawl-delay: 0.2\n")
    for name in ("a", "b", "c"):
        server.add_html(f"/{name}", name)
    assert all(r.ok for r in fetch(server, "/a", "/b", "/c", rate=0))
    gaps = _start_gaps(server)
    assert len(gaps) == 2 and min(gaps) >= 0.15


def test_rate_limit_paces_requests(fault_server: FaultServer) -> None:
    for name in ("a", "b", "c"):
        fault_server.add_html(f"/{name}", name)
    assert all(r.ok for r in fetch(fault_server, "/a", "/b", "/c", rate=5))
    gaps = _start_gaps(fault_server)
    assert len(gaps) == 2 and min(gaps) >= 0.15  # 1/5 s apart, less timer slack


def _start_gaps(server: FaultServer) -> list[float]:
    """Seconds between the starts of successive page requests, as the server saw them."""
    starts = [r.at for r in server.requests if r.path != "/robots.txt"]
    return [later - earlier for earlier, later in itertools.pairwise(starts)]


def test_concurrency_per_host_is_bounded(fault_server: FaultServer) -> None:
    async def scenario() -> list[FetchResult]:
        settings = crawl_settings(fault_server, concurrency=2)
        async with Fetcher(settings, rules_for_server(fault_server)) as fetcher:
            urls = [fault_server.url(f"/fault/slow?seconds=0.1&n={n}") for n in range(6)]
            return await asyncio.gather(*(fetcher.fetch(url) for url in urls))

    results = run(scenario())
    assert all(result.ok for result in results)
    assert fault_server.max_in_flight == 2


# --- retries --------------------------------------------------------------------------


def test_503_with_retry_after_seconds_is_retried(fault_server: FaultServer) -> None:
    sleep = RecordingSleep()
    result = fetch_one(fault_server, "/fault/flaky/s?fails=1&retry_after=7", sleep=sleep)
    assert result.ok and result.attempts == 2
    assert sleep.delays == [7.0]
    assert "ok after 1 failures" in (result.text or "")


def test_retry_after_as_http_date_is_honoured(fault_server: FaultServer) -> None:
    sleep = RecordingSleep()
    result = fetch_one(fault_server, "/fault/flaky/d?fails=1&retry_after_in=30", sleep=sleep)
    assert result.ok
    assert len(sleep.delays) == 1 and 27.0 <= sleep.delays[0] <= 31.0


def test_retry_after_is_capped(fault_server: FaultServer) -> None:
    sleep = RecordingSleep()
    path = "/fault/flaky/c?fails=1&retry_after=86400"
    assert fetch_one(fault_server, path, sleep=sleep, retry_after_max=60).ok
    assert sleep.delays == [60.0]


def test_429_is_retried_then_recorded(fault_server: FaultServer) -> None:
    sleep = RecordingSleep()
    result = fetch_one(fault_server, "/fault/flaky/t?fails=99&status=429", sleep=sleep)
    assert result.error == "http-429" and result.transient
    assert result.attempts == 3 and fault_server.count("/fault/flaky/t") == 3
    assert len(sleep.delays) == 2 and sleep.delays[0] < sleep.delays[1]  # exponential


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried(fault_server: FaultServer, status: int) -> None:
    result = fetch_one(fault_server, f"/fault/flaky/e{status}?fails=2&status={status}")
    assert result.ok and result.attempts == 3


@pytest.mark.parametrize("status", [404, 410, 403, 400])
def test_client_errors_are_final(fault_server: FaultServer, status: int) -> None:
    sleep = RecordingSleep()
    result = fetch_one(fault_server, f"/fault/status/{status}", sleep=sleep)
    assert result.error == f"http-{status}" and result.status == status
    assert result.attempts == 1 and sleep.delays == []
    assert not result.transient and not result.ok
    assert str(status) in (result.message or "")


def test_read_timeout(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/slow?seconds=1.5", read_timeout=0.2, max_retries=1)
    assert result.error == "timeout" and result.attempts == 2
    assert result.transient


def test_connection_reset_mid_response(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/reset")
    assert result.error == "connection" and result.attempts == 3
    assert fault_server.count("/fault/reset") == 3


def test_truncated_body(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/truncated")
    assert result.error == "connection" and result.attempts == 3
    assert "RemoteProtocolError" in (result.message or "")


def test_connection_refused(fault_server: FaultServer) -> None:
    async def scenario() -> FetchResult:
        settings = crawl_settings(fault_server, max_retries=1)
        async with Fetcher(settings, rules_for_server(fault_server), sleep=RecordingSleep()) as f:
            return await f.fetch(f"http://127.0.0.1:{fault_server.port}/ok")

    fault_server.add_html("/ok", "ok")
    assert run(scenario()).ok
    # a port nobody listens on: the same rules, another allowed origin
    closed = _closed_port()

    async def refused() -> FetchResult:
        settings = crawl_settings(max_retries=1, allow_hosts=(f"127.0.0.1:{closed}",))
        rules = rules_for_server(fault_server, f"127.0.0.1:{closed}")
        async with Fetcher(settings, rules, sleep=RecordingSleep()) as f:
            return await f.fetch(f"http://127.0.0.1:{closed}/x")

    result = run(refused())
    assert result.error == "robots-unavailable"  # its robots.txt cannot be reached either


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("chunked", ["0", "1"])
def test_oversized_body(fault_server: FaultServer, chunked: str) -> None:
    path = f"/fault/big?bytes=300000&chunked={chunked}"
    result = fetch_one(fault_server, path, max_body_bytes=100_000)
    assert result.error == "too-large" and result.attempts == 1
    assert result.body == b""


def test_body_at_the_cap_is_kept(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/big?bytes=100000&chunked=1", max_body_bytes=100_000)
    assert result.ok and len(result.body) == 100_000


def test_non_html_is_refused(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/json")
    assert result.error == "not-html" and "application/json" in (result.message or "")
    assert result.text is None


def test_xhtml_is_a_page(fault_server: FaultServer) -> None:
    fault_server.add("/x", "<html><body>x</body></html>", content_type="application/xhtml+xml")
    result = fetch_one(fault_server, "/x")
    assert result.ok and result.content_type == "application/xhtml+xml"


def test_redirect_loop(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/loop/a")
    assert result.error == "redirect-loop"
    assert fault_server.paths().count("/fault/loop/a") == 1


def test_cross_host_redirect_is_refused(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/offsite")
    assert result.error == "redirect-offsite" and "localhost" in (result.message or "")
    assert "/offsite-target" not in fault_server.paths()


def test_redirect_to_another_allowed_host_is_followed(fault_server: FaultServer) -> None:
    fault_server.add_html("/offsite-target", "target")
    host = f"localhost:{fault_server.port}"
    result = fetch_one(fault_server, "/fault/offsite", extra_hosts=(host,))
    assert result.ok and result.final_url == fault_server.other_host_url("/offsite-target")


def test_redirect_chain_longer_than_the_limit(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/chain/6", max_redirects=5)
    assert result.error == "too-many-redirects"
    assert "/fault/chain/0" not in fault_server.paths()


def test_redirect_chain_within_the_limit(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/chain/5", max_redirects=5)
    assert result.ok and result.attempts == 6
    assert result.url == fault_server.url("/fault/chain/5")
    assert result.final_url == fault_server.url("/fault/chain/0")


def test_refused_urls_are_not_requested(fault_server: FaultServer) -> None:
    async def scenario() -> list[FetchResult]:
        settings = crawl_settings(fault_server)
        async with Fetcher(settings, rules_for_server(fault_server)) as fetcher:
            return [
                await fetcher.fetch("file:///etc/passwd"),
                await fetcher.fetch("https://elsewhere.example/a-jobs"),
                await fetcher.fetch("http://[::1"),
            ]

    local_file, offsite, broken = run(scenario())
    assert local_file.error == "invalid-url" and local_file.attempts == 0
    assert offsite.error == "offsite"
    assert broken.error == "invalid-url"
    assert fault_server.paths() == []


# --- pages ----------------------------------------------------------------------------


def test_page_result_fields(fault_server: FaultServer) -> None:
    fault_server.add("/p", "<html><body>caf\u00e9</body></html>")
    result = fetch_one(fault_server, "/p")
    assert result.ok and result.status == 200 and result.error is None
    assert result.text == "<html><body>caf\u00e9</body></html>"
    assert result.charset == "utf-8" and result.content_type == "text/html"
    assert result.content_hash == hashlib.sha256(result.body).hexdigest()
    assert result.fetched_at.tzinfo is not None
    assert result.fetched_at.utcoffset() == timedelta(0)
    assert result.elapsed > 0 and result.attempts == 1
    assert result.headers["content-type"] == "text/html; charset=utf-8"


def test_user_agent_and_accept_are_sent(fault_server: FaultServer) -> None:
    fault_server.add_html("/p", "p")
    fetch_one(fault_server, "/p")
    for request in fault_server.requests:
        assert request.headers["user-agent"] == Settings().user_agent
        assert "careerdiff" in request.headers["user-agent"]
    assert "text/html" in fault_server.requests_to("/p")[0].headers["accept"]


def test_charset_from_meta_tag_only(fault_server: FaultServer) -> None:
    result = fetch_one(fault_server, "/fault/meta-charset")
    assert result.charset == "cp1252"
    assert "Caf\u00e9 cr\u00e8me \u2013 \u201cquoted\u201d" in (result.text or "")


def test_conditional_requests_get_not_modified(fault_server: FaultServer) -> None:
    async def scenario() -> list[FetchResult]:
        settings = crawl_settings(fault_server)
        async with Fetcher(settings, rules_for_server(fault_server)) as fetcher:
            url = fault_server.url("/fault/etag")
            first = await fetcher.fetch(url)
            by_etag = await fetcher.fetch(url, etag=first.etag)
            by_date = await fetcher.fetch(url, last_modified=first.last_modified)
            other = await fetcher.fetch(url, etag='"v0"')
            return [first, by_etag, by_date, other]

    first, by_etag, by_date, other = run(scenario())
    assert first.ok and first.etag == ETAG and first.last_modified == LAST_MODIFIED
    assert by_etag.not_modified and by_etag.status == 304 and by_etag.body == b""
    assert by_etag.text is None and not by_etag.ok and by_etag.error is None
    assert by_date.not_modified
    assert other.ok and other.content_hash == first.content_hash
    sent = fault_server.requests_to("/fault/etag")
    assert sent[1].headers.get("if-none-match") == ETAG
    assert sent[2].headers.get("if-modified-since") == LAST_MODIFIED
    assert "if-none-match" not in sent[0].headers


def test_documents_of_any_type(fault_server: FaultServer) -> None:
    fault_server.add("/sitemap.xml", "<urlset/>", content_type="application/xml")

    async def scenario() -> FetchResult:
        settings = crawl_settings(fault_server)
        async with Fetcher(settings, rules_for_server(fault_server)) as fetcher:
            return await fetcher.fetch_document(fault_server.url("/sitemap.xml"))

    result = run(scenario())
    assert result.ok and result.body == b"<urlset/>" and result.text is None


# --- clients and transports -----------------------------------------------------------


def test_a_shared_client_is_used_and_left_open(fault_server: FaultServer) -> None:
    fault_server.add_html("/p", "p")

    async def scenario() -> tuple[FetchResult, bool]:
        async with httpx.AsyncClient(headers={"User-Agent": "shared/1"}) as client:
            async with Fetcher(
                crawl_settings(fault_server), rules_for_server(fault_server), client=client
            ) as fetcher:
                result = await fetcher.fetch(fault_server.url("/p"))
            return result, client.is_closed

    result, closed = run(scenario())
    assert result.ok and not closed
    assert fault_server.requests_to("/p")[0].headers["user-agent"] == "shared/1"


def test_a_transport_replaces_the_network() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, html="<p>from the transport</p>")

    async def scenario() -> FetchResult:
        settings = crawl_settings(allow_hosts=("a.test",))
        rules = rules_for_hosts("a.test")
        async with Fetcher(settings, rules, transport=httpx.MockTransport(handler)) as fetcher:
            return await fetcher.fetch("https://a.test/x")

    result = run(scenario())
    assert result.ok and result.text == "<p>from the transport</p>"


# --- cookies --------------------------------------------------------------------------


def test_a_cookie_the_server_sets_is_sent_back(fault_server: FaultServer) -> None:
    fault_server.add_html("/plain", "no cookie")
    fault_server.add("/sets", "<p>cookie</p>", headers={"Set-Cookie": "session=abc; Path=/"})
    fault_server.add_html("/after", "after")
    results = fetch(fault_server, "/plain", "/sets", "/after")
    assert [result.status for result in results] == [200, 200, 200]
    assert "cookie" not in fault_server.requests_to("/sets")[0].headers
    assert fault_server.requests_to("/after")[0].headers.get("cookie") == "session=abc"
