"""What callers hand the store: one extracted page and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from careerdiff.errors import LoadError
from extractors.records import PageRecord

#: What loading did to a page or an occupation: first seen, stored facts changed, or
#: only seen again.
Outcome = Literal["new", "changed", "unchanged"]


@dataclass(frozen=True, slots=True)
class LoadItem:
    """One extracted page to store.

    ``fetched_at`` orders facts: the values of the latest fetch win, whatever
    the order items are loaded in (a naive datetime is taken as UTC).
    ``content_hash`` and ``extractor_version`` are kept as provenance.
    """

    record: PageRecord
    fetched_at: datetime
    content_hash: str | None
    extractor_version: int

    def __post_init__(self) -> None:
        if not self.record.url:
            raise LoadError("a page needs a URL to be stored (the record's url is empty)")

    @property
    def url(self) -> str:
        """The page's key in the store."""
        return str(self.record.url)
