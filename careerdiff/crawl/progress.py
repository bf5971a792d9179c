"""Showing a crawl's progress: a live Rich line on a terminal, plain log lines otherwise.

The engine calls ``update`` from a timer every ``interval`` seconds, never per page,
so a progress display costs the crawl nothing it would notice. Rich is imported only
for a terminal (a crawl logging to a file or pipe starts ~30 ms sooner without it).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Protocol, TextIO

from careerdiff.crawl.summary import CrawlStatus, CrawlSummary

if TYPE_CHECKING:
    from rich.console import Console


class CrawlProgress(Protocol):
    """Receives a crawl's status while it runs, and its summary at the end."""

    interval: float  # seconds between updates

    def start(self) -> None:
        """The crawl begins."""

    def update(self, status: CrawlStatus) -> None:
        """The crawl's state now."""

    def finish(self, summary: CrawlSummary) -> None:
        """The crawl ended (also after an error: then ``summary`` is what was done)."""


def status_line(status: CrawlStatus) -> str:
    """``fetched N, not modified N, queued N, failed N, R pages/s, T s`` for one status."""
    return (
        f"fetched {status.fetched:,}, not modified {status.not_modified:,}, "
        f"queued {status.queued:,}, failed {status.failed:,}, "
        f"{status.pages_per_second:,.1f} pages/s, {status.elapsed:,.0f} s"
    )


class LogProgress:
    """Writes one plain line per update to ``stream`` (standard error by default)."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = 10.0) -> None:
        self.stream = stream
        self.interval = interval

    def start(self) -> None:
        self._write("crawl: started")

    def update(self, status: CrawlStatus) -> None:
        self._write(f"crawl: {status_line(status)}")

    def finish(self, summary: CrawlSummary) -> None:
        self._write(f"crawl: done: {summary.describe()}")

    def _write(self, line: str) -> None:
        stream = self.stream or sys.stderr
        stream.write(line + "\n")
        stream.flush()


class RichProgress:
    """A live status line on a terminal, redrawn on each update (no refresh thread)."""

    def __init__(self, console: Console | None = None, *, interval: float = 0.25) -> None:
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text

        self._text = Text
        self.console = console or Console(stderr=True)
        self.interval = interval
        self._live = Live(
            Text("crawl: starting"),
            console=self.console,
            auto_refresh=False,
            transient=True,
        )

    def start(self) -> None:
        self._live.start()

    def update(self, status: CrawlStatus) -> None:
        self._live.update(self._text(f"crawl: {status_line(status)}"), refresh=True)

    def finish(self, summary: CrawlSummary) -> None:
        self._live.stop()
        self.console.print(f"crawl: done: {summary.describe()}", highlight=False)


def progress_for(stream: TextIO | None = None) -> CrawlProgress:
    """Rich progress when ``stream`` (standard error by default) is a terminal, else log lines."""
    target = stream or sys.stderr
    if target.isatty():
        from rich.console import Console

        return RichProgress(Console(file=target))
    return LogProgress(target)
