"""Retrying one request: which faults are worth another try, and how long to wait.

A request attempt raises ``TransientFault`` (429, 500, 502, 503, 504, timeouts, dropped
or truncated connections) or ``FinalFault`` (everything no retry can fix).
``call_with_retries`` runs the first attempt with no machinery at all, so success costs
nothing extra; only after a transient fault does tenacity take over (imported then:
a crawl whose requests all succeed never imports it), waiting an exponential, jittered
back-off or the server's ``Retry-After`` (capped).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tenacity import RetryCallState

T = TypeVar("T")

#: HTTP statuses a retry may fix.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

Sleep = Callable[[float], Awaitable[None]]


class Fault(Exception):
    """A failed attempt: ``reason`` is the tag recorded, ``str(fault)`` the one-line message."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class TransientFault(Fault):
    """A failed attempt another may fix; ``retry_after``: seconds the server asked us to wait."""

    def __init__(self, reason: str, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason, message)
        self.retry_after = retry_after


class FinalFault(Fault):
    """A failed attempt that no retry will fix."""


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. ``sleep`` and ``random`` are injectable for tests."""

    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 60.0
    retry_after_max: float = 300.0
    sleep: Sleep = field(default=asyncio.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, retry_number: int, fault: BaseException | None) -> float:
        """Seconds to wait before retry ``retry_number`` (1 = the first retry)."""
        retry_after = getattr(fault, "retry_after", None)
        if retry_after is not None:
            return float(min(retry_after, self.retry_after_max))
        ceiling = min(self.backoff_max, self.backoff_base * 2 ** (retry_number - 1))
        return ceiling * (0.5 + self.random() / 2)  # "equal jitter": grows, never bunches


async def call_with_retries(attempt: Callable[[], Awaitable[T]], policy: RetryPolicy) -> T:
    """``await attempt()``, retrying ``TransientFault`` up to ``policy.max_retries`` times.

    Raises the last ``TransientFault`` when retries run out, and any other exception
    (``FinalFault`` included) at once.
    """
    try:
        return await attempt()
    except TransientFault as fault:
        if policy.max_retries < 1:
            raise
        await policy.sleep(policy.delay(1, fault))
    from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

    def wait(state: RetryCallState) -> float:
        fault = state.outcome.exception() if state.outcome else None
        return policy.delay(state.attempt_number + 1, fault)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_retries),
        wait=wait,
        retry=retry_if_exception_type(TransientFault),
        sleep=policy.sleep,
        reraise=True,
    )
    return await retrying(attempt)
