"""URL identity and policy: one normal form per page, and which URLs the crawl may touch.

``normalize_url`` gives every address of a page the same spelling so the frontier stores
it once. ``UrlRules`` decides whether a URL may be fetched at all (web schemes only,
allowed hosts only, no private or loopback address unless that host was allowed by
name) and whether it is a comparison page, a listing page or something else.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

#: Query parameters that only track the visitor; they never change the page.
TRACKING_PARAMS = frozenset(
    {
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "fbclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
    }
)


#: URLs already in normal form but for a default port or a trailing slash: lower-case
#: scheme and host (dotted labels of letters, digits and inner hyphens), and a path of
#: non-empty segments of unreserved characters, none of them "." or "..", and nothing
#: after it. Canonicalizing changes nothing in them, so they skip the slow path.
_SIMPLE_URL = re.compile(
    r"(?P<scheme>https?)://"
    r"(?P<host>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)"
    r"(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*)/?"
)


class UrlKind(enum.StrEnum):
    """What a URL is to the crawl."""

    COMPARISON = "comparison"  # extracted and stored, links followed
    LISTING = "listing"  # fetched for its links only
    OTHER = "other"  # allowed, but matches neither pattern
    REFUSED = "refused"  # never fetched (see ``UrlRules.refusal``)


#: URLs whose normal form is remembered: repeats within a few pages (redirect targets,
#: sitemap and link URLs seen again). Bounded small: the cache is per crawl process.
NORMALIZE_CACHE_SIZE = 2048


@lru_cache(maxsize=NORMALIZE_CACHE_SIZE)
def normalize_url(url: str) -> str:
    """The canonical spelling of an http(s) URL.

    Scheme and host lower-case, default port dropped, fragment dropped, tracking
    parameters (``utm_*``, ``gclid``, ...) dropped, query sorted, percent-encoding made
    canonical, trailing slash removed except for the root. Raises ``ValueError`` for
    anything that is not an absolute http(s) URL with a host.
    """
    text = url.strip()
    simple = _simple_normal_form(text)
    return simple if simple is not None else _canonical(text, url)


def _canonical(text: str, url: str) -> str:
    """``normalize_url`` the long way: canonicalize until nothing changes."""
    try:
        first = urlsplit(text)
        if first.scheme.lower() not in WEB_SCHEMES or not first.netloc:
            raise ValueError("not an absolute http(s) URL")
        once = _normal_form(text)
        # dropping a trailing slash can expose more to canonicalize ("/a;/" -> "/a;")
        twice = _normal_form(once)
    except ValueError as exc:  # UnicodeError (bad IDNA) is a ValueError too
        raise ValueError(f"invalid URL {url!r}: {exc}") from None
    return twice if twice == once else _normal_form(twice)


def _simple_normal_form(url: str) -> str | None:
    """The normal form of a URL of the ``_SIMPLE_URL`` shape (about 30x cheaper), else None."""
    match = _SIMPLE_URL.fullmatch(url)
    if match is None:
        return None
    scheme, netloc, port = match["scheme"], match["host"], match["port"]
    if port is not None:
        number = int(port)
        if number > 65535:
            return None  # the slow path says why it is invalid
        if number != DEFAULT_PORTS[scheme]:
            netloc = f"{netloc}:{number}"
    return f"{scheme}://{netloc}{match['path'] or '/'}"


def _normal_form(url: str) -> str:
    parts = urlsplit(canonicalize_url(url, keep_fragments=False))
    netloc = _normal_netloc(parts)
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not _is_tracking(pair.partition("=")[0])
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _normal_netloc(parts: SplitResult) -> str:
    host = parts.hostname
    if not host:
        raise ValueError("no host")
    port = parts.port  # raises ValueError when out of range
    userinfo, _, _ = parts.netloc.rpartition("@")
    shown_host = f"[{host}]" if ":" in host else host
    netloc = f"{userinfo}@{shown_host}" if userinfo else shown_host
    if port is not None and port != DEFAULT_PORTS[parts.scheme]:
        netloc = f"{netloc}:{port}"
    return netloc


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an http(s) URL: the unit robots.txt and rate limits apply to."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    shown_host = f"[{host}]" if ":" in host else host
    port = parts.port
    if port is None or port == DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{shown_host}"
    return f"{scheme}://{shown_host}:{port}"


def host_key(url: str) -> str:
    """``host`` or ``host:port`` (port only when not the default) of a URL, for allow lists."""
    return origin_of(url).partition("://")[2]


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local and other non-public addresses, and localhost."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return not address.is_global


@dataclass(frozen=True)
class UrlRules:
    """Which URLs the crawl may fetch, and what kind of page each one is.

    ``allowed_hosts`` holds ``host`` (any port) or ``host:port`` entries; empty means any
    public host. Patterns are regular expressions searched in the URL's path.
    """

    allowed_hosts: tuple[str, ...]
    comparison_pattern: str
    listing_pattern: str
    _hosts: frozenset[str] = field(init=False, repr=False, compare=False)
    _host_ports: frozenset[tuple[str, int]] = field(init=False, repr=False, compare=False)
    _comparison: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _listing: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = [_allow_entry(entry) for entry in self.allowed_hosts]
        hosts = frozenset(host for host, port in entries if port is None)
        host_ports = frozenset((host, port) for host, port in entries if port is not None)
        object.__setattr__(self, "_hosts", hosts)
        object.__setattr__(self, "_host_ports", host_ports)
        object.__setattr__(self, "_comparison", re.compile(self.comparison_pattern))
        object.__setattr__(self, "_listing", re.compile(self.listing_pattern))

    def refusal(self, url: str, *, any_host: bool = False) -> str | None:
        """Why ``url`` must not be fetched (a reason tag), or None when it may be.

        ``any_host`` lifts the allow list (robots.txt redirects may leave the site) but
        still refuses other schemes and private addresses that were not allowed by name.
        """
        try:
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            host = parts.hostname
            port = parts.port
        except ValueError:
            return "invalid-url"
        if scheme not in WEB_SCHEMES or not host:
            return "invalid-url"
        explicitly_allowed = self._matches(
            host, port if port is not None else DEFAULT_PORTS[scheme]
        )
        if self.allowed_hosts and not explicitly_allowed and not any_host:
            return "offsite"
        if not explicitly_allowed and is_private_host(host):
            return "private-address"
        return None

    def classify(self, url: str) -> UrlKind:
        """Comparison, listing or other page; ``REFUSED`` when ``refusal`` objects."""
        if self.refusal(url) is not None:
            return UrlKind.REFUSED
        return self.kind_of_path(urlsplit(url).path)

    def kind_of_path(self, path: str) -> UrlKind:
        """The kind a path has by the patterns alone (no host or scheme check)."""
        if self._comparison.search(path):
            return UrlKind.COMPARISON
        if self._listing.search(path):
            return UrlKind.LISTING
        return UrlKind.OTHER

    def _matches(self, host: str, port: int) -> bool:
        return host in self._hosts or (host, port) in self._host_ports


def _allow_entry(entry: str) -> tuple[str, int | None]:
    """Host and port (None: any) of an allow-list entry: ``host``, ``host:port`` or a URL."""
    text = entry.strip().lower()
    parts = urlsplit(text if "//" in text else f"//{text}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ValueError(f"invalid allowed host {entry!r}") from None
    if not host:
        raise ValueError(f"invalid allowed host {entry!r}")
    if port is None and parts.scheme in DEFAULT_PORTS:
        port = DEFAULT_PORTS[parts.scheme]
    return host, port


def hosts_of(urls: Iterable[str]) -> tuple[str, ...]:
    """Allow-list entries covering ``urls``, first seen first: ``host:port`` when a URL names
    a port of its own, else ``host`` (any port, so an http -> https redirect stays allowed)."""
    seen: dict[str, None] = {}
    for url in urls:
        try:
            parts = urlsplit(url.strip())
            scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
        except ValueError:
            continue
        if scheme not in WEB_SCHEMES or not host:
            continue
        shown = f"[{host}]" if ":" in host else host
        own_port = port is not None and port != DEFAULT_PORTS[scheme]
        seen.setdefault(f"{shown}:{port}" if own_port else shown, None)
    return tuple(seen)
