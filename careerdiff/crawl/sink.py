"""Where fetched comparison pages go: the ``PageSink`` interface and an in-memory sink.

The engine hands a sink BATCHES of fetched comparison pages (``FetchResult``s with
text) and gets back one outcome per page, in the same order. A real sink extracts and
upserts them (and archives the bodies); ``MemorySink`` only remembers them.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Sequence
from typing import Protocol

from careerdiff.crawl.result import FetchResult


class PageOutcome(enum.StrEnum):
    """What storing a page did."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


class PageSink(Protocol):
    """Receives batches of fetched comparison pages.

    The engine calls ``accept`` from one worker thread (never the event loop, never
    two batches at once), so it may block on a database while fetching goes on. Its
    errors stop the crawl, and the pages of the failed batch stay unsettled in the
    frontier. CPU-heavy work (parsing, extraction) still shares the interpreter lock
    with fetching; a sink that wants the second core can hand batches to a process.
    """

    def accept(self, pages: Sequence[FetchResult]) -> Sequence[PageOutcome]:
        """Store ``pages``; one outcome per page, in order."""


class MemorySink:
    """A ``PageSink`` that keeps the last text and hash of every page, by URL."""

    def __init__(self) -> None:
        self.pages: dict[str, FetchResult] = {}
        self.batches: list[list[str]] = []  # the URLs of each batch received
        self._lock = threading.Lock()

    def accept(self, pages: Sequence[FetchResult]) -> list[PageOutcome]:
        outcomes = []
        with self._lock:
            for page in pages:
                before = self.pages.get(page.url)
                if before is None:
                    outcome = PageOutcome.NEW
                elif before.content_hash != page.content_hash:
                    outcome = PageOutcome.CHANGED
                else:
                    outcome = PageOutcome.UNCHANGED
                self.pages[page.url] = page
                outcomes.append(outcome)
            self.batches.append([page.url for page in pages])
        return outcomes
