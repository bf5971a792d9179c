"""robots.txt: one fetch per host, parsed with protego, cached for the crawl.

What a robots.txt response means (RFC 9309): 2xx is parsed; any 4xx means no rules
(allow everything); a 5xx, 429 or network failure, after retries, means nothing may
be fetched from that host for now.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from protego import Protego

#: robots.txt bodies are cut here (RFC 9309 asks parsers to read at least 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024


class RobotsState(enum.Enum):
    """What a host's robots.txt allows in general."""

    RULES = "rules"  # a parsed robots.txt
    ALLOW_ALL = "allow-all"  # 4xx: no rules
    UNAVAILABLE = "unavailable"  # 5xx or unreachable: fetch nothing


@dataclass(frozen=True)
class RobotsPolicy:
    """The robots.txt of one host as it applies to our user agent."""

    state: RobotsState
    user_agent: str
    parser: Protego | None = None
    detail: str = ""  # why the robots.txt is unavailable, for messages

    def allows(self, url: str) -> bool:
        """May ``url`` be fetched? Never when robots.txt is unavailable."""
        if self.state is RobotsState.RULES and self.parser is not None:
            return bool(self.parser.can_fetch(url, self.user_agent))
        return self.state is RobotsState.ALLOW_ALL

    @property
    def crawl_delay(self) -> float | None:
        """Crawl-delay for our user agent, in seconds, if robots.txt sets one."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> tuple[str, ...]:
        """The ``Sitemap:`` URLs robots.txt lists."""
        return tuple(self.parser.sitemaps) if self.parser is not None else ()


def policy_from_response(status: int | None, body: bytes, user_agent: str) -> RobotsPolicy:
    """The policy a robots.txt response means; ``status`` None when it could not be fetched."""
    if status is not None and 200 <= status < 300:
        text = body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        return RobotsPolicy(RobotsState.RULES, user_agent, Protego.parse(text))
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsPolicy(RobotsState.ALLOW_ALL, user_agent)
    detail = f"HTTP {status}" if status is not None else "unreachable"
    return RobotsPolicy(RobotsState.UNAVAILABLE, user_agent, detail=detail)


class RobotsCache:
    """Policies by origin; the first caller for an origin loads it, the others wait for it.

    ``load(origin)`` returns the policy and never raises.
    """

    def __init__(self, load: Callable[[str], Awaitable[RobotsPolicy]]) -> None:
        self._load = load
        self._ready: dict[str, RobotsPolicy] = {}
        self._loading: dict[str, asyncio.Task[RobotsPolicy]] = {}

    async def policy(self, origin: str) -> RobotsPolicy:
        """The policy of ``origin``, loading it once."""
        ready = self._ready.get(origin)
        if ready is not None:
            return ready
        task = self._loading.get(origin)
        if task is None:
            task = self._loading[origin] = asyncio.ensure_future(self._load_once(origin))
        return await asyncio.shield(task)

    async def _load_once(self, origin: str) -> RobotsPolicy:
        policy = await self._load(origin)
        self._ready[origin] = policy
        del self._loading[origin]
        return policy

    def known(self, origin: str) -> RobotsPolicy | None:
        """The policy of ``origin`` if it was loaded already."""
        return self._ready.get(origin)

    async def aclose(self) -> None:
        """Stop loads still running (a crawl that ends early leaves none behind)."""
        tasks = list(self._loading.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
