"""Saved pages on disk as load items: read, extracted, stamped with their file's time.

A file's page key is its ``file://`` URI (absolute, so the same file is the same
page wherever the command runs from), unless the caller names the page's real
address. Its fetch time is the file's modification time: importing the same
files again is a rerun (nothing changes), and an edited file is a newer fetch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from careerdiff.pages import PageSourceError, read_page
from extractors import EXTRACTOR_VERSION, Issue, PageRecord, extract_page
from models.items import LoadItem

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def page_key(path: Path) -> str:
    """The page key of a saved file: its absolute ``file://`` URI."""
    return path.resolve().as_uri()


def file_items(files: Iterable[Path], *, url: str | None = None) -> Iterator[LoadItem]:
    """One load item per file, read and extracted lazily; ``url`` names a single page."""
    for file in files:
        text = read_page(file)
        key = url or page_key(file)
        yield LoadItem(
            record=extract_safely(text, key),
            fetched_at=modified_at(file),
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            extractor_version=EXTRACTOR_VERSION,
        )


def extract_safely(html: str, url: str) -> PageRecord:
    """The page's record with ``url`` as its key; an extractor failure becomes an issue."""
    try:
        record = extract_page(html, url=url)
    except Exception as exc:  # a bug in an extractor must not stop an import
        message = f"the extractor failed: {type(exc).__name__}: {exc}".splitlines()[0]
        return PageRecord(
            url=url, title="", issues=[Issue(section="page", severity="error", message=message)]
        )
    if record.url != url:
        record = record.model_copy(update={"url": url})
    return record


def modified_at(path: Path) -> datetime:
    """The file's modification time in UTC, to the microsecond."""
    try:
        nanoseconds = path.stat().st_mtime_ns
    except OSError as exc:
        raise PageSourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    return _EPOCH + timedelta(microseconds=nanoseconds // 1000)
