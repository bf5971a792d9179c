"""The frontier: every URL the crawl knows, what became of it, and which are due next.

``Frontier`` is the interface the engine works against; a database-backed one makes
a killed crawl resume where it stopped. ``MemoryFrontier`` keeps everything in dicts
for tests and one-off runs. Calls come in batches so a database can answer each in
one transaction.

Life of a URL: ``add`` queues it (due at once); ``lease`` hands it to the engine;
then exactly one of ``mark_done``, ``mark_not_modified``, ``mark_failed`` (final) or
``retry_later`` (due again at a given time) settles it. A lease never settled (the
crawl was killed) is for a persistent frontier to expire and hand out again; the
engine writes its updates in batches, so a resumed crawl may fetch a few pages twice,
never skip one.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


@dataclass(frozen=True, slots=True)
class NewUrl:
    """A URL to queue: ``depth`` links from a seed (seeds and sitemap URLs are 0)."""

    url: str
    depth: int = 0
    found_on: str | None = None


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last successful fetch of a URL left: conditional-request headers and hash."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Lease:
    """A URL handed to the engine to fetch, with what is known of it already."""

    url: str
    depth: int
    validators: Validators = Validators()


@dataclass(frozen=True, slots=True)
class Done:
    """A URL fetched with a fresh body."""

    url: str
    fetched_at: datetime
    validators: Validators


@dataclass(frozen=True, slots=True)
class Failure:
    """A URL that failed for good (``reason`` tag and one-line ``message``)."""

    url: str
    reason: str
    message: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Retry:
    """A URL that failed for now; due again at ``next_attempt_at``."""

    url: str
    reason: str
    message: str
    next_attempt_at: datetime


@dataclass(frozen=True, slots=True)
class FrontierCounts:
    """How many URLs are in each state."""

    queued: int  # waiting, due now or later
    leased: int  # handed out, not yet settled
    done: int  # fetched (fresh or not modified)
    failed: int  # failed for good


class Frontier(Protocol):
    """What the crawl engine needs from a frontier."""

    def add(self, urls: Sequence[NewUrl]) -> int:
        """Queue the URLs not known yet and return how many were new (a known URL keeps its
        first ``found_on``, and the smaller depth)."""

    def lease(self, limit: int, *, due_by: datetime) -> list[Lease]:
        """Up to ``limit`` queued URLs due at or before ``due_by`` (new URLs are always due)."""

    def mark_done(self, pages: Sequence[Done]) -> None:
        """Settle URLs fetched with a fresh body, keeping their validators."""

    def mark_not_modified(self, urls: Sequence[str], *, at: datetime) -> None:
        """Settle URLs the server said are unchanged (HTTP 304); validators stay."""

    def mark_failed(self, failures: Sequence[Failure]) -> None:
        """Settle URLs that failed for good."""

    def retry_later(self, retries: Sequence[Retry]) -> None:
        """Put URLs back in the queue, due at their ``next_attempt_at``."""

    def validators(self, url: str) -> Validators | None:
        """What the last successful fetch of ``url`` left, or None if it has none."""

    def counts(self) -> FrontierCounts:
        """How many URLs are in each state."""


@dataclass(slots=True)
class _Entry:
    url: str
    depth: int
    found_on: str | None
    state: str = "queued"  # queued | leased | done | failed
    validators: Validators | None = None
    last_reason: str | None = None
    last_message: str | None = None
    settled_at: datetime | None = None
    schedule: int = 0  # the sequence number of its live entry in the schedule, 0: none


class MemoryFrontier:
    """A ``Frontier`` in memory: first in, first out, for tests and one-off crawls.

    ``revisit_after`` makes fetched pages due again that long after their fetch, so a
    later crawl over the same frontier re-checks them with conditional requests.
    """

    def __init__(self, *, revisit_after: timedelta | None = None) -> None:
        self.revisit_after = revisit_after
        self.entries: dict[str, _Entry] = {}
        self._ready: deque[str] = deque()  # new URLs, due at once, in the order added
        self._scheduled: list[tuple[datetime, int, str]] = []  # heap by due time
        self._sequence = 0
        self._states = dict.fromkeys(("queued", "leased", "done", "failed"), 0)

    def add(self, urls: Sequence[NewUrl]) -> int:
        added = 0
        for new in urls:
            entry = self.entries.get(new.url)
            if entry is None:
                self.entries[new.url] = _Entry(new.url, new.depth, new.found_on)
                self._states["queued"] += 1
                self._ready.append(new.url)
                added += 1
            elif new.depth < entry.depth:
                entry.depth = new.depth
        return added

    def lease(self, limit: int, *, due_by: datetime) -> list[Lease]:
        leases: list[Lease] = []
        while len(leases) < limit:
            if self._ready:
                entry = self.entries[self._ready.popleft()]
                if entry.state != "queued":
                    continue  # settled without a lease
            elif self._scheduled and self._scheduled[0][0] <= due_by:
                _, sequence, url = heapq.heappop(self._scheduled)
                entry = self.entries[url]
                if sequence != entry.schedule:
                    continue  # rescheduled or settled since
                entry.schedule = 0
            else:
                break
            self._move(entry, "leased")
            leases.append(Lease(entry.url, entry.depth, entry.validators or Validators()))
        return leases

    def mark_done(self, pages: Sequence[Done]) -> None:
        for page in pages:
            entry = self._settle(page.url, "done", page.fetched_at)
            entry.validators = page.validators
            self._revisit(entry, page.fetched_at)

    def mark_not_modified(self, urls: Sequence[str], *, at: datetime) -> None:
        for url in urls:
            entry = self._settle(url, "done", at)
            self._revisit(entry, at)

    def mark_failed(self, failures: Sequence[Failure]) -> None:
        for failure in failures:
            entry = self._settle(failure.url, "failed", failure.at)
            entry.last_reason, entry.last_message = failure.reason, failure.message

    def retry_later(self, retries: Sequence[Retry]) -> None:
        for retry in retries:
            entry = self._settle(retry.url, "queued", None)
            entry.last_reason, entry.last_message = retry.reason, retry.message
            self._schedule(entry, retry.next_attempt_at)

    def validators(self, url: str) -> Validators | None:
        entry = self.entries.get(url)
        return entry.validators if entry is not None else None

    def counts(self) -> FrontierCounts:
        return FrontierCounts(**self._states)

    def state_of(self, url: str) -> str | None:
        """``queued``, ``leased``, ``done`` or ``failed`` (None: unknown URL); for tests."""
        entry = self.entries.get(url)
        return entry.state if entry is not None else None

    def _settle(self, url: str, state: str, at: datetime | None) -> _Entry:
        entry = self.entries.get(url)
        if entry is None:  # settling a URL never added: keep it, so nothing is lost
            entry = self.entries[url] = _Entry(url, 0, None, state="leased")
            self._states["leased"] += 1
        self._move(entry, state)
        entry.schedule = 0
        entry.settled_at = at
        if state == "done":
            entry.last_reason = entry.last_message = None
        return entry

    def _move(self, entry: _Entry, state: str) -> None:
        self._states[entry.state] -= 1
        self._states[state] += 1
        entry.state = state

    def _revisit(self, entry: _Entry, fetched_at: datetime) -> None:
        if self.revisit_after is not None:
            self._schedule(entry, fetched_at + self.revisit_after)

    def _schedule(self, entry: _Entry, due: datetime) -> None:
        self._sequence += 1
        entry.schedule = self._sequence
        heapq.heappush(self._scheduled, (due, self._sequence, entry.url))
