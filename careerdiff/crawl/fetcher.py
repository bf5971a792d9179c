"""Polite fetching over one shared ``httpx.AsyncClient``.

One ``Fetcher`` serves a whole crawl. For every URL it checks the URL rules and the
host's robots.txt, waits for a slot at the host's gate (concurrency and pacing),
sends the request with retries, follows redirects itself (allowed hosts only, each
hop checked against robots.txt, loops and long chains refused), streams the body up
to the size cap, and returns a ``FetchResult``. It never raises for an HTTP or network
fault: the result carries a reason tag and a one-line message.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import hashlib
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from types import TracebackType
from urllib.parse import urldefrag, urljoin

import httpx

from careerdiff.content import choose_charset, is_html, parse_content_type
from careerdiff.crawl import result as reasons
from careerdiff.crawl.limits import HostGate, HostGates
from careerdiff.crawl.result import FetchResult, http_reason
from careerdiff.crawl.retry import (
    RETRY_STATUSES,
    Fault,
    FinalFault,
    RetryPolicy,
    Sleep,
    TransientFault,
    call_with_retries,
    parse_retry_after,
)
from careerdiff.crawl.robots import (
    ROBOTS_MAX_BYTES,
    RobotsCache,
    RobotsPolicy,
    RobotsState,
    policy_from_response,
)
from careerdiff.crawl.transport import crawl_transport
from careerdiff.crawl.urls import UrlRules, origin_of
from careerdiff.settings import Settings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Error bodies up to this size are read (and dropped) so the connection can be reused.
ERROR_BODY_MAX = 64 * 1024
ACCEPT_PAGES = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_REDIRECT_FAILURES = frozenset(
    {reasons.REDIRECT_LOOP, reasons.REDIRECT_OFFSITE, reasons.TOO_MANY_REDIRECTS}
)


class _Kind(enum.Enum):
    PAGE = "page"  # HTML only, decoded to text
    DOCUMENT = "document"  # any content type, bytes only (sitemaps)
    ROBOTS = "robots"  # not itself checked against robots.txt; long bodies are cut


@dataclass(slots=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes


class _Chain:
    """The bookkeeping of one ``fetch`` call across its redirect hops and retries."""

    __slots__ = ("attempts", "fetched_at", "started", "url")

    def __init__(self, url: str) -> None:
        self.url = url
        self.attempts = 0
        self.started = time.perf_counter()
        self.fetched_at = datetime.now(UTC)

    def fail(
        self, final_url: str, reason: str, message: str, status: int | None = None
    ) -> FetchResult:
        return FetchResult(
            url=self.url,
            final_url=final_url,
            fetched_at=self.fetched_at,
            status=status,
            error=reason,
            message=message,
            attempts=self.attempts,
            elapsed=time.perf_counter() - self.started,
        )


class _Cookies(httpx.Cookies):
    """httpx's cookie jar, which reads a response only when it sets a cookie.

    The standard library's jar reads nothing but ``Set-Cookie`` (and ``Set-Cookie2``)
    headers, yet httpx builds urllib request and response stand-ins for every
    response to let it look: about 9% of the CPU of a request answered 304.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


def client_for(
    settings: Settings,
    *,
    hosts: int = 1,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The crawl's one HTTP/1.1 client: pooled, sized to the per-host concurrency, no redirects."""
    pool = settings.concurrency * max(1, hosts) + 1  # +1: a robots.txt redirect elsewhere
    limits = httpx.Limits(
        max_connections=pool, max_keepalive_connections=pool, keepalive_expiry=30.0
    )
    client = httpx.AsyncClient(
        transport=transport or crawl_transport(limits),
        http1=True,
        http2=False,
        follow_redirects=False,
        trust_env=False,  # components never read the environment (proxies included)
        headers={"User-Agent": settings.user_agent},
        timeout=httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.connect_timeout + settings.read_timeout,
        ),
        limits=limits,
    )
    client._cookies = _Cookies()  # the client's own jar, empty as httpx makes it
    return client


class Fetcher:
    """Fetches pages, sitemaps and robots.txt politely; see the module docstring.

    Pass ``client`` to share one you own (it is left open), or ``transport`` to plug a
    test transport into the client the fetcher makes. ``sleep`` and ``jitter`` replace
    the back-off's waiting and randomness in tests.
    """

    def __init__(
        self,
        settings: Settings,
        rules: UrlRules,
        *,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
        spread: int = 1,
    ) -> None:
        """``spread``: how many crawl processes share each host's rate (see ``HostGates``)."""
        self._rules = rules
        self._owns_client = client is None
        self._client = client or client_for(
            settings, hosts=len(rules.allowed_hosts), transport=transport
        )
        self._user_agent = settings.user_agent
        self._max_redirects = settings.max_redirects
        self._max_body = settings.max_body_bytes
        self._retry = RetryPolicy(
            max_retries=settings.max_retries,
            backoff_base=settings.backoff_base,
            backoff_max=settings.backoff_max,
            retry_after_max=settings.retry_after_max,
            sleep=sleep,
            random=jitter,
        )
        self._gates = HostGates(concurrency=settings.concurrency, rate=settings.rate, spread=spread)
        self._robots = RobotsCache(self._load_robots)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stop pending robots.txt loads and close the client if the fetcher made it."""
        await self._robots.aclose()
        if self._owns_client:
            await self._client.aclose()

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """Fetch an HTML page; with ``etag``/``last_modified`` a 304 comes back as not-modified."""
        headers = {"Accept": ACCEPT_PAGES}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._fetch(url, _Kind.PAGE, headers)

    async def fetch_document(self, url: str) -> FetchResult:
        """Fetch any content type (sitemaps): ``body`` is set, ``text`` is not."""
        return await self._fetch(url, _Kind.DOCUMENT, {})

    async def robots(self, url: str) -> RobotsPolicy:
        """The robots.txt policy of ``url``'s host, fetched on first use and cached."""
        return await self._robots.policy(origin_of(url))

    async def _fetch(self, url: str, kind: _Kind, headers: Mapping[str, str]) -> FetchResult:
        chain = _Chain(url)
        refusal = self._rules.refusal(url, any_host=kind is _Kind.ROBOTS)
        if refusal is not None:
            return chain.fail(url, refusal, f"{refusal}: refusing to fetch {url}")
        current = url
        visited = {urldefrag(url).url}
        for hop in range(self._max_redirects + 1):
            origin = origin_of(current)
            if kind is not _Kind.ROBOTS:
                blocked = await self._robots_block(chain, current, origin)
                if blocked is not None:
                    return blocked
            gate = self._gates.gate(origin)
            try:
                attempt = partial(self._attempt, chain, current, gate, headers, kind)
                response = await call_with_retries(attempt, self._retry)
            except Fault as fault:
                return chain.fail(current, fault.reason, str(fault))
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return self._finish(chain, current, response, kind)
            target = urldefrag(urljoin(current, location.strip())).url
            problem = self._redirect_problem(target, visited, hop, kind)
            if problem is not None:
                return chain.fail(current, problem, f"{problem}: {current} -> {target}")
            visited.add(target)
            current = target
        raise AssertionError("unreachable: the last hop is refused as too many redirects")

    async def _robots_block(self, chain: _Chain, url: str, origin: str) -> FetchResult | None:
        policy = await self._robots.policy(origin)
        if policy.state is RobotsState.UNAVAILABLE:
            return chain.fail(
                url,
                reasons.ROBOTS_UNAVAILABLE,
                f"robots.txt of {origin} is unavailable ({policy.detail}); fetching nothing there",
            )
        if not policy.allows(url):
            return chain.fail(url, reasons.ROBOTS_DISALLOWED, f"robots.txt disallows {url}")
        return None

    def _redirect_problem(
        self, target: str, visited: set[str], hop: int, kind: _Kind
    ) -> str | None:
        if target in visited:
            return reasons.REDIRECT_LOOP
        if hop >= self._max_redirects:
            return reasons.TOO_MANY_REDIRECTS
        refusal = self._rules.refusal(target, any_host=kind is _Kind.ROBOTS)
        if refusal == reasons.OFFSITE:
            return reasons.REDIRECT_OFFSITE
        return refusal

    async def _attempt(
        self, chain: _Chain, url: str, gate: HostGate, headers: Mapping[str, str], kind: _Kind
    ) -> _Response:
        """One request: a ``_Response``, or a ``TransientFault``/``FinalFault``."""
        chain.attempts += 1
        async with gate:
            try:
                request = self._client.build_request("GET", url, headers=headers)
                response = await self._client.send(request, stream=True)
                try:
                    return await self._read(response, url, kind)
                finally:
                    await response.aclose()
            except httpx.TimeoutException as exc:
                raise TransientFault(reasons.TIMEOUT, f"timed out ({_name(exc)}): {url}") from None
            except (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.InvalidURL) as exc:
                raise FinalFault(reasons.INVALID_URL, f"invalid URL {url}: {exc}") from None
            except httpx.DecodingError as exc:
                raise FinalFault(
                    reasons.BAD_ENCODING, f"undecodable body from {url}: {exc}"
                ) from None
            except httpx.TransportError as exc:
                detail = f": {exc}" if str(exc) else ""
                raise TransientFault(
                    reasons.CONNECTION, f"connection failed ({_name(exc)}): {url}{detail}"
                ) from None

    async def _read(self, response: httpx.Response, url: str, kind: _Kind) -> _Response:
        status = response.status_code
        if status in RETRY_STATUSES:
            await _drain(response)
            raise TransientFault(
                http_reason(status),
                f"HTTP {status} from {url}",
                retry_after=parse_retry_after(response.headers.get("retry-after")),
            )
        if not 200 <= status < 300:
            await _drain(response)
            return _Response(status, response.headers, b"")
        if kind is _Kind.PAGE:
            media_type, _ = parse_content_type(response.headers.get("content-type"))
            if not is_html(media_type):
                raise FinalFault(reasons.NOT_HTML, f"{media_type or 'no content type'}: {url}")
        cap = ROBOTS_MAX_BYTES if kind is _Kind.ROBOTS else self._max_body
        body = await _read_capped(response, cap, truncate=kind is _Kind.ROBOTS)
        if body is None:
            raise FinalFault(reasons.TOO_LARGE, f"body over {cap} bytes: {url}")
        return _Response(status, response.headers, body)

    def _finish(self, chain: _Chain, url: str, response: _Response, kind: _Kind) -> FetchResult:
        status = response.status
        headers = response.headers
        if status == 304:
            return FetchResult(
                url=chain.url,
                final_url=url,
                fetched_at=chain.fetched_at,
                status=status,
                headers=dict(headers.items()),
                etag=headers.get("etag"),
                last_modified=headers.get("last-modified"),
                not_modified=True,
                attempts=chain.attempts,
                elapsed=time.perf_counter() - chain.started,
            )
        if not 200 <= status < 300:
            return chain.fail(url, http_reason(status), f"HTTP {status} from {url}", status)
        body = response.body
        media_type, header_charset = parse_content_type(headers.get("content-type"))
        charset = choose_charset(body, header_charset) if kind is _Kind.PAGE else None
        return FetchResult(
            url=chain.url,
            final_url=url,
            fetched_at=chain.fetched_at,
            status=status,
            headers=dict(headers.items()),
            body=body,
            content_type=media_type,
            charset=charset,
            content_hash=hashlib.sha256(body).hexdigest(),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            attempts=chain.attempts,
            elapsed=time.perf_counter() - chain.started,
        )

    async def _load_robots(self, origin: str) -> RobotsPolicy:
        """Fetch and read ``origin``'s robots.txt; never raises."""
        fetched = await self._fetch(f"{origin}/robots.txt", _Kind.ROBOTS, {})
        policy = robots_policy_of(fetched, self._user_agent)
        self._gates.apply_crawl_delay(origin, policy.crawl_delay)
        return policy


def robots_policy_of(fetched: FetchResult, user_agent: str) -> RobotsPolicy:
    """What a robots.txt fetch means: rules, allow-all (4xx, broken redirects) or unavailable."""
    if fetched.error is None:
        return policy_from_response(fetched.status, fetched.body, user_agent)
    if fetched.status is not None:
        return policy_from_response(fetched.status, b"", user_agent)
    if fetched.error in _REDIRECT_FAILURES:  # RFC 9309: treat as unavailable, i.e. no rules
        return RobotsPolicy(RobotsState.ALLOW_ALL, user_agent, detail=fetched.message or "")
    return RobotsPolicy(RobotsState.UNAVAILABLE, user_agent, detail=fetched.message or "")


async def _read_capped(response: httpx.Response, cap: int, *, truncate: bool) -> bytes | None:
    """The decoded body, or None when it passes ``cap`` bytes (cut there if ``truncate``)."""
    declared = response.headers.get("content-length")
    if not truncate and declared is not None and declared.isdigit() and int(declared) > cap:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:
            if not truncate:
                return None
            chunks.append(chunk[: cap - size + len(chunk)])
            break
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def _drain(response: httpx.Response) -> None:
    """Read and drop a small error body so its connection can be reused; ignore its faults."""
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > ERROR_BODY_MAX:
        return
    with contextlib.suppress(httpx.HTTPError):
        await _read_capped(response, ERROR_BODY_MAX, truncate=True)


def _name(exc: BaseException) -> str:
    return type(exc).__name__
