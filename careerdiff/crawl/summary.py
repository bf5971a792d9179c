"""What a crawl reports: a running ``CrawlStatus`` for progress, a ``CrawlSummary`` at the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class CrawlStatus:
    """A snapshot of a running crawl, for progress displays."""

    fetched: int
    not_modified: int
    failed: int
    queued: int
    elapsed: float

    @property
    def pages_per_second(self) -> float:
        """Pages answered (fresh, not modified or failed) per second so far."""
        done = self.fetched + self.not_modified + self.failed
        return done / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class CrawlSummary:
    """What one crawl did.

    ``fetched`` counts pages fetched with a fresh body (comparison and listing);
    ``new``/``changed``/``unchanged`` are the comparison pages among them as the sink
    (or an equal content hash) judged them; ``failed`` counts final failures by reason;
    ``queued_left`` is what the frontier still holds, due now or later.
    """

    fetched: int = 0
    not_modified: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: Mapping[str, int] = field(default_factory=dict)
    queued_left: int = 0
    discovered: int = 0  # URLs added to the frontier that it did not know
    sitemap_files: int = 0
    sitemap_failures: Mapping[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def failed_total(self) -> int:
        """All final failures, whatever the reason."""
        return sum(self.failed.values())

    @property
    def pages_per_second(self) -> float:
        """Pages answered with a body or a 304, per second of the whole crawl."""
        answered = self.fetched + self.not_modified
        return answered / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain values (for a JSON report or a flow artifact)."""
        data = asdict(self)
        data["failed"] = dict(self.failed)
        data["sitemap_failures"] = dict(self.sitemap_failures)
        data["failed_total"] = self.failed_total
        data["pages_per_second"] = round(self.pages_per_second, 1)
        return data

    def describe(self) -> str:
        """One line for people."""
        failed = ", ".join(f"{reason} {count}" for reason, count in sorted(self.failed.items()))
        return (
            f"fetched {self.fetched}, not modified {self.not_modified}; "
            f"new {self.new}, changed {self.changed}, unchanged {self.unchanged}; "
            f"failed {self.failed_total}{f' ({failed})' if failed else ''}; "
            f"queued {self.queued_left}; {self.elapsed:.1f} s, "
            f"{self.pages_per_second:.1f} pages/s"
        )
