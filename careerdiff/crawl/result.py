"""What one fetch returns: ``FetchResult``, and the reason tags of failed fetches.

The fetcher never raises for an HTTP or network fault: it returns a result whose
``error`` is a short tag (below) and whose ``message`` is one line for people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from careerdiff.content import decode_body

# Reason tags. ``http-<code>`` is used for every final HTTP status that is not a page.
TIMEOUT = "timeout"
CONNECTION = "connection"
TOO_LARGE = "too-large"
NOT_HTML = "not-html"
BAD_ENCODING = "bad-encoding"
REDIRECT_LOOP = "redirect-loop"
REDIRECT_OFFSITE = "redirect-offsite"
TOO_MANY_REDIRECTS = "too-many-redirects"
ROBOTS_DISALLOWED = "robots-disallowed"
ROBOTS_UNAVAILABLE = "robots-unavailable"
INVALID_URL = "invalid-url"
OFFSITE = "offsite"
PRIVATE_ADDRESS = "private-address"
INTERNAL = "internal-error"

#: Failures a later attempt may fix; everything else is final for that URL.
_TRANSIENT = frozenset({TIMEOUT, CONNECTION, ROBOTS_UNAVAILABLE, "http-429"})


def http_reason(status: int) -> str:
    """The reason tag of a final HTTP status, e.g. ``http-404``."""
    return f"http-{status}"


def is_transient(reason: str) -> bool:
    """True when a later crawl may succeed where this one failed (429, 5xx, network)."""
    return reason in _TRANSIENT or reason.startswith("http-5")


@dataclass(frozen=True)
class FetchResult:
    """The outcome of fetching one URL, whatever happened.

    ``final_url`` is where redirects ended. ``body`` holds the bytes (content encoding
    undone) of any success; ``text`` is that body decoded with ``charset``, set only for
    pages (HTML) and decoded on first use, so a crawl holding many results holds each
    page once.
    ``content_hash`` is the sha256 of ``body`` in hex. ``attempts`` counts every
    request made, over all redirect hops and retries; ``elapsed`` is in seconds.
    """

    url: str
    final_url: str
    fetched_at: datetime
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    content_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    message: str | None = None
    attempts: int = 0
    elapsed: float = 0.0

    @cached_property
    def text(self) -> str | None:
        """The page's text (pages only; None for documents, failures and 304s)."""
        return decode_body(self.body, self.charset) if self.charset else None

    @property
    def ok(self) -> bool:
        """True when the result carries a fresh body."""
        return self.error is None and not self.not_modified

    @property
    def transient(self) -> bool:
        """True when this failure may go away on a later crawl."""
        return self.error is not None and is_transient(self.error)
