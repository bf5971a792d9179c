"""A small local web server for the bundled fixture site (offline demo and crawl tests).

    with serve_fixture_site() as base_url:       # "http://127.0.0.1:<port>"
        urls = fixture_site_urls(base_url)       # comparison pages, disallowed ones, ...

``fixtures/site/routes.toml`` maps every URL path to a file under ``fixtures/``:
comparison pages (``/<a>-jobs/<a>-vs-<b>-differences``, some with a trailing slash,
served with and without it), category listing pages, a home page, robots.txt and a
sitemap index with a plain and a gzip child. ``{base}`` in robots.txt and the
sitemaps becomes the server's own base URL. Responses carry a charset, an ETag and
a Last-Modified date, and answer conditional requests with 304; unknown paths are 404.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import threading
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from protego import Protego

from careerdiff.errors import ConfigError

DEFAULT_FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
ROUTES_FILE = Path("site") / "routes.toml"
#: The user agent robots.txt rules are read for when listing disallowed pages.
ROBOTS_AGENT = "careerdiff"

_TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
}
_KINDS = {"home", "robots", "sitemap", "listing", "comparison"}


@dataclass(frozen=True)
class Route:
    """One path of the site: the file served there and what kind of page it is."""

    path: str
    file: Path
    kind: str
    last_modified: datetime
    sitemap: str | None = None
    gzip: bool = False

    @property
    def page_name(self) -> str:
        """The file's stem: for comparison pages, the fixture page's name."""
        return self.file.stem


@dataclass(frozen=True)
class Response:
    """A ready-to-send response body with its validators."""

    body: bytes
    content_type: str
    etag: str
    last_modified: datetime


@dataclass(frozen=True)
class SiteUrls:
    """The site's URLs on one base URL, grouped the way crawl tests ask about them."""

    base: str
    robots: str
    sitemap_index: str
    sitemaps: tuple[str, ...]
    home: str
    listings: tuple[str, ...]
    comparisons: tuple[str, ...]
    disallowed: tuple[str, ...]
    in_sitemaps: tuple[str, ...]
    page_names: Mapping[str, str] = field(repr=False)

    @property
    def allowed(self) -> tuple[str, ...]:
        """Comparison URLs robots.txt lets a crawler fetch."""
        return tuple(url for url in self.comparisons if url not in self.disallowed)

    @property
    def listing_only(self) -> tuple[str, ...]:
        """Allowed comparison URLs found only through listing-page links, not in any sitemap."""
        return tuple(url for url in self.allowed if url not in self.in_sitemaps)


class FixtureSite:
    """The site's routes, read from ``routes.toml``; builds responses for a base URL."""

    def __init__(self, root: Path, routes: Sequence[Route]) -> None:
        self.root = root
        self.routes = tuple(routes)
        self._by_path = {route.path: route for route in self.routes}

    @classmethod
    def load(cls, root: Path | None = None) -> FixtureSite:
        """Read the routes under ``root`` (default: the repository's ``fixtures/``)."""
        root = root or DEFAULT_FIXTURES_DIR
        path = root / ROUTES_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"fixture site not found: {path} is missing") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from None
        default_date = _parse_date(data.get("site", {}).get("last_modified"), path)
        routes = [_route(entry, root, default_date, path) for entry in data.get("route", [])]
        return cls(root, routes)

    def route(self, path: str) -> Route | None:
        """The route serving ``path``; a trailing slash is optional either way."""
        for candidate in (path, path.rstrip("/"), path + "/"):
            route = self._by_path.get(candidate)
            if route is not None:
                return route
        return None

    def responses(self, base_url: str) -> dict[str, Response]:
        """Every route's response, by path, with ``{base}`` replaced by ``base_url``."""
        return {route.path: self._response(route, base_url) for route in self.routes}

    def _response(self, route: Route, base_url: str) -> Response:
        try:
            body = route.file.read_bytes()
        except OSError as exc:
            raise ConfigError(f"fixture site file unreadable: {route.file}: {exc}") from None
        if route.kind in ("robots", "sitemap"):
            body = body.replace(b"{base}", base_url.encode())
        if route.gzip:
            body = gzip.compress(body, mtime=0)
            content_type = "application/gzip"
        else:
            content_type = _TEXT_TYPES.get(route.file.suffix, "application/octet-stream")
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        return Response(body, content_type, etag, route.last_modified)

    def urls(self, base_url: str) -> SiteUrls:
        """The site's URLs on ``base_url``; disallowed ones are read from robots.txt itself."""
        base = base_url.rstrip("/")
        by_kind: dict[str, list[Route]] = {kind: [] for kind in _KINDS}
        for route in self.routes:
            by_kind[route.kind].append(route)
        robots_route = self.route("/robots.txt")
        robots = Protego.parse(
            self._response(robots_route, base).body.decode() if robots_route else ""
        )
        comparisons = [base + r.path for r in by_kind["comparison"]]
        return SiteUrls(
            base=base,
            robots=base + "/robots.txt",
            sitemap_index=base + "/sitemap.xml",
            sitemaps=tuple(base + r.path for r in by_kind["sitemap"] if r.path != "/sitemap.xml"),
            home=base + "/",
            listings=tuple(base + r.path for r in by_kind["listing"]),
            comparisons=tuple(comparisons),
            disallowed=tuple(url for url in comparisons if not robots.can_fetch(url, ROBOTS_AGENT)),
            in_sitemaps=tuple(base + r.path for r in by_kind["comparison"] if r.sitemap),
            page_names={base + r.path: r.page_name for r in self.routes},
        )


def _parse_date(value: object, source: Path) -> datetime:
    if not isinstance(value, str):
        raise ConfigError(f"{source}: last_modified must be an ISO-8601 text, not {value!r}")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{source}: bad last_modified {value!r}") from None
    return parsed.astimezone(UTC)


def _route(entry: Any, root: Path, default_date: datetime, source: Path) -> Route:
    if not isinstance(entry, dict) or not {"path", "file", "kind"} <= set(entry):
        raise ConfigError(f"{source}: every [[route]] needs path, file and kind: {entry!r}")
    if entry["kind"] not in _KINDS:
        raise ConfigError(f"{source}: unknown route kind {entry['kind']!r}")
    last_modified = entry.get("last_modified")
    return Route(
        path=str(entry["path"]),
        file=root / str(entry["file"]),
        kind=str(entry["kind"]),
        last_modified=default_date if last_modified is None else _parse_date(last_modified, source),
        sitemap=entry.get("sitemap"),
        gzip=bool(entry.get("gzip", False)),
    )


def fixture_site_urls(base_url: str, root: Path | None = None) -> SiteUrls:
    """Which URLs the fixture site serves at ``base_url`` (no server needed)."""
    return FixtureSite.load(root).urls(base_url)


# -- the server ---------------------------------------------------------------------


def is_not_modified(
    response: Response, if_none_match: str | None, if_modified_since: str | None
) -> bool:
    """Whether a request's validators show the client already has ``response``.

    If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
    """
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or response.etag in tags
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return response.last_modified <= since
    return False


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "careerdiff-fixture-site/1"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        path = urlsplit(self.path).path
        with self.server.log_lock:  # both logs in the same order
            self.server.request_log.append(path)
            self.server.request_headers.append({k.lower(): v for k, v in self.headers.items()})
        if self.server.delay:
            time.sleep(self.server.delay)
        route = self.server.site.route(path)
        if route is None:
            body = b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>"
            self._send(404, body, "text/html; charset=utf-8", {}, with_body)
            return
        response = self.server.responses[route.path]
        validators = {
            "ETag": response.etag,
            "Last-Modified": format_datetime(response.last_modified, usegmt=True),
            "Cache-Control": "no-cache",
        }
        if is_not_modified(
            response, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        ):
            self._send(304, b"", None, validators, with_body=False)
            return
        self._send(200, response.body, response.content_type, validators, with_body)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: Mapping[str, str],
        with_body: bool,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests and the demo print their own progress."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, site: FixtureSite, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.site = site
        self.delay = delay
        self.request_log: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        self.log_lock = threading.Lock()
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.responses = site.responses(self.base_url)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client hanging up mid-response is the client's business."""


class FixtureSiteServer:
    """The fixture site on 127.0.0.1, served from a daemon thread while the object is open.

    ``delay`` (seconds) slows every answer down, for tests that stop a crawl midway.
    """

    def __init__(self, port: int = 0, *, root: Path | None = None, delay: float = 0.0) -> None:
        self._server = _Server(port, FixtureSite.load(root), delay)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fixture-site",
            daemon=True,
        )

    @property
    def base_url(self) -> str:
        return self._server.base_url

    @property
    def request_log(self) -> list[str]:
        """Every path requested so far, in order (query strings dropped)."""
        return self._server.request_log

    @property
    def request_headers(self) -> list[dict[str, str]]:
        """The headers of every request so far (lower-case names), in the order of
        ``request_log``."""
        return self._server.request_headers

    def urls(self) -> SiteUrls:
        return self._server.site.urls(self.base_url)

    def start(self) -> FixtureSiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FixtureSiteServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextmanager
def serve_fixture_site(port: int = 0, *, root: Path | None = None) -> Iterator[str]:
    """Serve the fixture site on 127.0.0.1 (``port`` 0: any free port); yields its base URL."""
    with FixtureSiteServer(port, root=root) as server:
        yield server.base_url


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m careerdiff.fixture_site [--port N]``: serve the site until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m careerdiff.fixture_site")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    try:
        server = FixtureSiteServer(args.port).start()
    except (ConfigError, OSError) as exc:
        print(f"fixture site: error: {exc}")
        return 2
    print(f"fixture site at {server.base_url}/ (sitemap: {server.base_url}/sitemap.xml)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
