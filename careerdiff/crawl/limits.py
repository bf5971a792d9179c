"""Per-host politeness: how many requests may be in flight, and how often one may start.

Each host (origin) gets one ``HostGate``: a semaphore of ``concurrency`` slots and,
unless the rate is 0 and robots.txt asks for no delay, an ``aiolimiter`` pacer that
lets one request start per interval. With no pacer, entering a gate is one semaphore
acquire and nothing else.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

from aiolimiter import AsyncLimiter


def start_interval(rate: float, crawl_delay: float | None = None) -> float:
    """Seconds between request starts: ``1/rate`` or robots.txt's Crawl-delay, the longer.

    A rate of 0 means no limit of our own; a Crawl-delay is still honoured.
    """
    interval = 1.0 / rate if rate > 0 else 0.0
    if crawl_delay is not None and crawl_delay > interval:
        interval = float(crawl_delay)
    return interval


class HostGate:
    """Concurrency slots and start pacing for one host; ``async with gate:`` around a request."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self.interval = 0.0
        self._pacer: AsyncLimiter | None = None
        self.set_interval(interval)

    def set_interval(self, interval: float) -> None:
        """Pace request starts ``interval`` seconds apart (0: no pacing)."""
        if interval == self.interval:
            return
        self.interval = interval
        self._pacer = AsyncLimiter(1, interval) if interval > 0 else None

    async def __aenter__(self) -> None:
        await self._slots.acquire()
        if self._pacer is not None:
            try:
                await self._pacer.acquire()
            except BaseException:
                self._slots.release()
                raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._slots.release()


class HostGates:
    """One ``HostGate`` per origin, made on first use with the crawl's settings."""

    def __init__(self, *, concurrency: int, rate: float, spread: int = 1) -> None:
        self._concurrency = concurrency
        self._rate = rate
        self._spread = spread  # crawl processes sharing each host's rate: each paces N times apart
        self._gates: dict[str, HostGate] = {}

    def gate(self, origin: str) -> HostGate:
        """The gate of ``origin``."""
        found = self._gates.get(origin)
        if found is None:
            found = self._gates[origin] = HostGate(self._concurrency, self._interval(None))
        return found

    def apply_crawl_delay(self, origin: str, crawl_delay: float | None) -> None:
        """Slow ``origin`` down to robots.txt's Crawl-delay when it is longer than our rate."""
        self.gate(origin).set_interval(self._interval(crawl_delay))

    def _interval(self, crawl_delay: float | None) -> float:
        return start_interval(self._rate, crawl_delay) * self._spread
