"""The crawl's transport: httpx's behaviour with httpcore's pool bookkeeping made linear."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpcore
import httpx
import pytest

from careerdiff.crawl import transport as transport_module
from careerdiff.crawl.transport import _readable, crawl_transport

from .conftest import run


class _Handler(BaseHTTPRequestHandler):
    """Answers every GET with a small page; ``/close`` also closes the connection after."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.connections.add(self.client_address)
        body = f"page {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.path == "/close":
            self.close_connection = True  # no "Connection: close": the client must notice

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.connections: set[tuple[str, int]] = set()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _limits(connections: int, keepalive: int | None = None) -> httpx.Limits:
    return httpx.Limits(
        max_connections=connections,
        max_keepalive_connections=connections if keepalive is None else keepalive,
        keepalive_expiry=30.0,
    )


async def _get_all(client: httpx.AsyncClient, urls: list[str]) -> list[httpx.Response]:
    return await asyncio.gather(*(client.get(url) for url in urls))


def test_many_requests_in_flight_share_the_pool(server: _Server) -> None:
    urls = [f"{server.base}/p{i}" for i in range(200)]

    async def scenario() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=crawl_transport(_limits(8))) as client:
            return await _get_all(client, urls)

    responses = run(scenario())
    assert [r.status_code for r in responses] == [200] * 200
    assert [r.text for r in responses] == [f"page /p{i}" for i in range(200)]
    assert 1 <= len(server.connections) <= 8  # connections are reused, never more than allowed


def test_a_connection_goes_to_one_waiting_request_at_a_time(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each request passes through the pool's bookkeeping twice (when it starts and when
    it ends): a connection is never promised to two waiting requests, one of which would
    find it busy and go round the pool again."""
    passes = 0
    assign = transport_module._LinearPool._assign_requests_to_connections

    def counted(pool: transport_module._LinearPool) -> list[httpcore.AsyncConnectionInterface]:
        nonlocal passes
        passes += 1
        return assign(pool)

    monkeypatch.setattr(transport_module._LinearPool, "_assign_requests_to_connections", counted)

    async def scenario() -> list[int]:
        async with httpx.AsyncClient(transport=crawl_transport(_limits(8))) as client:

            async def worker(index: int) -> list[int]:
                paths = [f"{server.base}/w{index}-{n}" for n in range(25)]
                return [(await client.get(path)).status_code for path in paths]

            statuses = await asyncio.gather(*(worker(index) for index in range(8)))
            return [status for worker_statuses in statuses for status in worker_statuses]

    assert run(scenario()) == [200] * 200
    assert passes == 2 * 200


def test_a_connection_the_server_closed_is_not_reused(server: _Server) -> None:
    async def scenario() -> list[str]:
        async with httpx.AsyncClient(transport=crawl_transport(_limits(1))) as client:
            texts = []
            for path in ("/close", "/after", "/close", "/again"):
                texts.append((await client.get(server.base + path)).text)
                await asyncio.sleep(0.05)  # the server's close reaches the client's socket
            return texts

    assert run(scenario()) == ["page /close", "page /after", "page /close", "page /again"]
    assert len(server.connections) == 3  # a new connection after each close


def test_idle_connections_beyond_the_keepalive_limit_are_closed(server: _Server) -> None:
    transport = crawl_transport(_limits(6, keepalive=2))

    async def scenario() -> int:
        async with httpx.AsyncClient(transport=transport) as client:
            await _get_all(client, [f"{server.base}/p{i}" for i in range(30)])
            await client.get(server.base + "/one-more")  # a pass with every connection idle
            pool = transport._pool
            assert isinstance(pool, httpcore.AsyncConnectionPool)
            return len(pool.connections)

    assert run(scenario()) <= 2 + 1


def test_another_httpcore_version_gets_the_stock_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    assert type(crawl_transport(_limits(2))._pool) is transport_module._LinearPool
    monkeypatch.setattr(httpcore, "__version__", "2.0.0")
    assert type(crawl_transport(_limits(2))._pool) is httpcore.AsyncConnectionPool


def test_readable_means_data_waiting_or_the_other_end_closed() -> None:
    left, right = socket.socketpair()
    with left, right:
        assert not _readable(left)
        right.sendall(b"x")
        assert _readable(left)
        left.recv(1)
        assert not _readable(left)
        right.close()
        assert _readable(left)
    assert _readable(left)  # closed: fileno() is -1
    assert _readable(None)


def test_transports_share_one_tls_context_made_on_the_first_https_connection() -> None:
    transport_module._ssl_context.cache_clear()
    pools = []
    for _ in range(2):
        transport = crawl_transport(_limits(2))
        assert isinstance(transport, httpx.AsyncHTTPTransport)
        pools.append(transport._pool)
    assert pools[0] is not pools[1]
    assert pools[0]._ssl_context is None  # no certificates loaded yet
    for pool in pools:
        pool.create_connection(httpcore.Origin(b"http", b"127.0.0.1", 80))
    assert pools[0]._ssl_context is None
    assert transport_module._ssl_context.cache_info().currsize == 0
    for pool in pools:
        connection = pool.create_connection(httpcore.Origin(b"https", b"example.com", 443))
        assert connection._ssl_context is pool._ssl_context  # type: ignore[attr-defined]
    assert pools[0]._ssl_context is pools[1]._ssl_context is transport_module._ssl_context()
    context = transport_module._ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_a_crawl_of_http_pages_loads_no_certificates(server: _Server) -> None:
    transport_module._ssl_context.cache_clear()

    async def scenario() -> list[int]:
        transport = crawl_transport(_limits(2))
        async with httpx.AsyncClient(transport=transport) as client:
            responses = await _get_all(client, [f"{server.base}/p{i}" for i in range(4)])
        return [response.status_code for response in responses]

    assert run(scenario()) == [200] * 4
    assert transport_module._ssl_context.cache_info().currsize == 0
