"""The crawl's HTTP transport: httpx's own, minus two costs of httpcore 1.0's connection pool.

httpcore 1.0 re-examines its whole pool whenever a request starts or ends. For each
idle connection it asks whether the server closed it, through anyio's extra
attributes (which rebuild a dict and call ``getpeername`` on every ask), and it
counts the pool once more per idle connection. With 16 requests in flight that
bookkeeping cost more CPU than the HTTP itself (profiled: about a third of the
crawl's event loop). Here:

* ``_LinearPool`` does the same bookkeeping in one pass over the connections and
  one pass over the queued requests; idle connections beyond the keep-alive limit
  are closed, oldest first (httpcore compared the size of the whole pool instead).
  It asks whether a connection expired (or the server closed it) just before
  handing it to a request, and of every connection at most once a second, not of
  every connection on every pass;
* ``_Backend`` hands the pool streams that answer "is the server's end readable?"
  with one ``poll`` on a socket kept at connect time;
* the TLS context (loading the CA certificates: ~25 ms of CPU a process) is made
  when the pool first connects to an ``https`` origin, so a crawl of ``http`` sites
  (the benchmarks, the demo) never makes one.

Requests, responses, errors and timeouts are httpx's and httpcore's, unchanged.
The pool method replaced is private to httpcore, so the replacement is used only
with the httpcore versions it was written against (1.0.x); any other version gets
httpx's stock transport.
"""

from __future__ import annotations

import functools
import select
import socket
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

#: httpcore versions whose pool ``_LinearPool`` is written against.
SUPPORTED_HTTPCORE = "1.0."
#: Seconds between checks of every pooled connection for expiry (a connection is
#: also checked whenever it is about to be used).
SWEEP_EVERY = 1.0


def _readable(sock: socket.socket | None) -> bool:
    """Whether a read would return at once: data, or the end of a connection the server closed.

    A socket that is gone counts as readable, so its connection is dropped.
    """
    fd = -1 if sock is None else sock.fileno()
    if fd < 0:
        return True
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    """A network stream that keeps its socket at hand for the pool's readability checks."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return _readable(self._socket)
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AnyIOBackend):
    """anyio's network backend, with streams wrapped in ``_Stream``."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await super().connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)


class _LinearPool(httpcore.AsyncConnectionPool):
    """httpcore's pool with its per-request bookkeeping done in linear time."""

    _next_sweep = 0.0  # when every connection is next checked for expiry

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        """Drop closed and expired connections, cap idle ones, and give queued requests one.

        Called by httpcore whenever a request is added to or removed from the pool;
        returns the connections to close (httpcore closes them).
        """
        closing: list[httpcore.AsyncConnectionInterface] = []
        kept: list[httpcore.AsyncConnectionInterface] = []
        now = time.monotonic()
        sweep = now >= self._next_sweep
        if sweep:
            self._next_sweep = now + SWEEP_EVERY
        for connection in self._connections:
            if connection.is_closed():
                continue
            if sweep and connection.has_expired():
                closing.append(connection)
            else:
                kept.append(connection)
        # An HTTP/1.1 connection given to a request that has not started on it yet still
        # looks idle: it is not given to another (whichever started second would find
        # it busy and go round the pool again: ~3 extra passes a request at 16 in flight).
        taken = {id(request.connection) for request in self._requests if not request.is_queued()}
        idle = [c for c in kept if c.is_idle() and id(c) not in taken]
        surplus = len(idle) - self._max_keepalive_connections
        if surplus > 0:
            closing.extend(idle[:surplus])
            kept = [connection for connection in kept if connection not in idle[:surplus]]
            idle = idle[surplus:]
        self._connections = kept
        available: dict[tuple[bytes, bytes, int], list[httpcore.AsyncConnectionInterface]] = {}
        for pool_request in self._requests:
            if not pool_request.is_queued():
                continue
            origin = pool_request.request.url.origin
            key = (origin.scheme, origin.host, origin.port)
            ready = available.get(key)
            if ready is None:
                ready = available[key] = [
                    connection
                    for connection in self._connections
                    if id(connection) not in taken
                    and connection.can_handle_request(origin)
                    and connection.is_available()
                ]
            while ready and ready[0].has_expired():  # checked just before use
                expired = ready.pop(0)
                self._connections.remove(expired)
                closing.append(expired)
                if expired in idle:
                    idle.remove(expired)
            if ready:
                connection = ready.pop(0)  # HTTP/1.1: one request at a time
                pool_request.assign_to_connection(connection)
                if connection in idle:
                    idle.remove(connection)  # spoken for: never closed to make room
                continue
            if len(self._connections) >= self._max_connections:
                if not idle:
                    continue  # the request waits for a connection to come free
                victim = idle.pop(0)
                self._connections.remove(victim)
                closing.append(victim)
                for connections in available.values():
                    if victim in connections:
                        connections.remove(victim)
            connection = self.create_connection(origin)
            self._connections.append(connection)
            pool_request.assign_to_connection(connection)
        return closing

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        if origin.scheme != b"http" and self._ssl_context is None:
            self._ssl_context = _ssl_context()  # the first TLS connection: made now, shared
        return super().create_connection(origin)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default TLS context, made once a process (loading the CA certificates
    costs ~20 ms of CPU; forked crawl processes inherit it)."""
    return httpx.create_ssl_context(trust_env=False)


def crawl_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    """An HTTP/1.1 transport with ``limits`` that never reads proxies from the environment."""
    if not httpcore.__version__.startswith(SUPPORTED_HTTPCORE):
        return httpx.AsyncHTTPTransport(
            verify=_ssl_context(), limits=limits, http1=True, http2=False, trust_env=False
        )
    # httpx's pool is replaced below, so it gets a context that loads no certificates
    # (and, were it ever used, trusts no server: certificates are still required).
    transport = httpx.AsyncHTTPTransport(
        verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
        limits=limits,
        http1=True,
        http2=False,
        trust_env=False,
    )
    transport._pool = _LinearPool(  # the one attribute of httpx's transport we replace
        ssl_context=None,  # made on the first https connection (create_connection)
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=_Backend(),
    )
    return transport
