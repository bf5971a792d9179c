"""A real HTTP/1.1 server on 127.0.0.1 that misbehaves on request, for the crawl tests.

Static routes are added per test (``add`` / ``add_html``; one with an ETag answers a
matching If-None-Match with 304); robots.txt is text, a bare status, or a dropped
connection. Fault endpoints live under ``/fault/``:

    /fault/status/<code>                      that status, small body
    /fault/flaky/<name>?fails=N&status=S      fails N times with S (default 503), then a page;
        &retry_after=SECONDS | &retry_after_in=SECONDS (sent as an HTTP date)
    /fault/slow?seconds=X                     answers after X seconds
    /fault/reset                              sends part of a body, then a TCP reset
    /fault/truncated                          Content-Length 1000, sends 100 bytes, closes
    /fault/big?bytes=N[&chunked=1]            an N-byte page (chunked: no Content-Length)
    /fault/json                               application/json
    /fault/loop/a, /fault/loop/b              redirect to each other
    /fault/offsite                            redirect to the same server as "localhost"
    /fault/chain/<n>                          redirect to /fault/chain/<n-1>; 0 is a page
    /fault/etag                               ETag + Last-Modified; 304 when they match
    /fault/meta-charset                       windows-1252 bytes, charset only in <meta>

Every request is logged (method, path, headers, time), so tests can check what was,
and was not, ever requested. The server also tracks how many requests were in flight
at once.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

DEFAULT_ROBOTS = "User-agent: *\nDisallow: /private/\nDisallow: /fault/private\n"
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
META_CHARSET_PAGE = (
    '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
    "<body><p>Caf\xe9 cr\xe8me \u2013 \u201cquoted\u201d</p></body></html>"
)


@dataclass(frozen=True)
class LoggedRequest:
    """One request the server received."""

    method: str
    path: str  # with the query string
    headers: Mapping[str, str]  # lower-case names
    at: float  # time.monotonic()


@dataclass
class Route:
    """A static response."""

    body: bytes
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


def page(title: str, links: tuple[str, ...] = (), *, extra: str = "") -> str:
    """A tiny HTML page with a title and links (for routes and sites in tests)."""
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (
        f"<!doctype html><html><head><title>{title}</title>{extra}</head>"
        f"<body><h1>{title}</h1><ul>{anchors}</ul></body></html>"
    )


class FaultServer:
    """The server; use as a context manager. ``robots`` is text, an int status, or "reset"."""

    def __init__(self, *, robots: str | int | None = DEFAULT_ROBOTS) -> None:
        self.robots = robots
        self.routes: dict[str, Route] = {}
        self.requests: list[LoggedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._flaky: dict[str, int] = {}
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fault = self
        self.port = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        return f"{self.base_url}{path}"

    def other_host_url(self, path: str) -> str:
        """``path`` on this server under another host name (``localhost``)."""
        return f"http://localhost:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Serve ``body`` at ``path`` (``{base}`` in text is replaced); returns its URL."""
        data = (
            body.replace("{base}", self.base_url).encode("utf-8") if isinstance(body, str) else body
        )
        self.routes[path] = Route(data, status, content_type, dict(headers or {}))
        return self.url(path)

    def add_html(
        self, path: str, title: str, links: tuple[str, ...] = (), *, etag: str | None = None
    ) -> str:
        """Serve a tiny page at ``path`` linking to ``links`` (with an ETag: 304 when it
        matches If-None-Match); returns its URL."""
        headers = {"ETag": etag} if etag else None
        return self.add(path, page(title, links), headers=headers)

    def paths(self) -> list[str]:
        """Paths (without query) requested so far, in order."""
        with self._lock:
            return [urlsplit(request.path).path for request in self.requests]

    def count(self, path: str) -> int:
        """How many times ``path`` (without query) was requested."""
        return self.paths().count(path)

    def requests_to(self, path: str) -> list[LoggedRequest]:
        """The logged requests for ``path`` (without query)."""
        with self._lock:
            return [r for r in self.requests if urlsplit(r.path).path == path]

    def _log(self, request: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _flaky_hit(self, key: str) -> int:
        with self._lock:
            self._flaky[key] = self._flaky.get(key, 0) + 1
            return self._flaky[key]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fault: FaultServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up on slow or broken responses is what these tests do: stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is kept in ``FaultServer.requests``."""

    def do_GET(self) -> None:
        fault = self.server.fault
        headers = {name.lower(): value for name, value in self.headers.items()}
        fault._log(LoggedRequest("GET", self.path, headers, time.monotonic()))
        try:
            self._route(fault, headers)
        finally:
            fault._done()

    def _route(self, fault: FaultServer, headers: Mapping[str, str]) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if path == "/robots.txt":
            self._robots(fault.robots)
        elif path in fault.routes:
            route = fault.routes[path]
            etag = route.headers.get("ETag")
            if etag is not None and headers.get("if-none-match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
            else:
                self._send(route.status, route.body, route.content_type, route.headers)
        elif path.startswith("/fault/"):
            self._fault(fault, path.removeprefix("/fault/"), query, headers)
        else:
            self._send(404, b"not found", "text/plain")

    def _robots(self, robots: str | int | None) -> None:
        if robots == "reset":
            self._reset(b"")
        elif isinstance(robots, int):
            self._send(robots, b"robots unavailable", "text/plain")
        elif robots is None:
            self._send(404, b"no robots", "text/plain")
        else:
            text = robots.replace("{base}", self.server.fault.base_url)
            self._send(200, text.encode("utf-8"), "text/plain")

    def _fault(
        self, fault: FaultServer, name: str, query: Mapping[str, str], headers: Mapping[str, str]
    ) -> None:
        kind, _, rest = name.partition("/")
        if kind == "status":
            self._send(int(rest), f"status {rest}".encode(), "text/plain")
        elif kind == "flaky":
            self._flaky(fault, name, query)
        elif kind == "slow":
            time.sleep(float(query.get("seconds", "1")))
            self._send(200, b"<html><body>slow</body></html>")
        elif kind == "reset":
            self._reset(b"<html><body>" + b"x" * 500)
        elif kind == "truncated":
            head = b"<html><body>" + b"t" * 88
            self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")
            self._raw(head)
            self.close_connection = True
        elif kind == "big":
            self._big(int(query.get("bytes", "1000")), chunked=query.get("chunked") == "1")
        elif kind == "json":
            self._send(200, b'{"not": "html"}', "application/json")
        elif kind == "loop":
            self._redirect("/fault/loop/b" if rest == "a" else "/fault/loop/a")
        elif kind == "offsite":
            self._redirect(fault.other_host_url("/offsite-target"))
        elif kind == "chain":
            hops = int(rest)
            if hops > 0:
                self._redirect(f"/fault/chain/{hops - 1}")
            else:
                self._send(200, b"<html><body>end of chain</body></html>")
        elif kind == "etag":
            self._etag(headers)
        elif kind == "meta-charset":
            self._send(200, META_CHARSET_PAGE.encode("cp1252"), "text/html")
        else:
            self._send(404, b"no such fault", "text/plain")

    def _flaky(self, fault: FaultServer, name: str, query: Mapping[str, str]) -> None:
        hits = fault._flaky_hit(name)
        if hits > int(query.get("fails", "1")):
            self._send(200, f"<html><body>ok after {hits - 1} failures</body></html>".encode())
            return
        extra = {}
        if "retry_after" in query:
            extra["Retry-After"] = query["retry_after"]
        if "retry_after_in" in query:
            when = time.time() + float(query["retry_after_in"])
            extra["Retry-After"] = formatdate(when, usegmt=True)
        status = int(query.get("status", "503"))
        self._send(status, f"failure {hits}".encode(), "text/plain", extra)

    def _etag(self, headers: Mapping[str, str]) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        if (
            headers.get("if-none-match") == ETAG
            or headers.get("if-modified-since") == LAST_MODIFIED
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self._send(200, b"<html><body>versioned</body></html>", headers=validators)

    def _big(self, size: int, *, chunked: bool) -> None:
        body = b"<html><body>" + b"b" * max(0, size - 12)
        if not chunked:
            self._send(200, body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 16384):
            piece = body[start : start + 16384]
            self._raw(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        self._raw(b"0\r\n\r\n")

    def _redirect(self, location: str) -> None:
        self._send(302, b"moved", "text/plain", {"Location": location})

    def _reset(self, partial: bytes) -> None:
        """Start a response, then abort the connection with a TCP reset."""
        self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        self._raw(partial)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _raw(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
