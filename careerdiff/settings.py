"""Every setting careerdiff has, with its default, in one place.

Settings are layered in this order, each overriding the one before:

1. the defaults below;
2. ``careerdiff.toml`` in the working directory (or the file named by
   ``CAREERDIFF_CONFIG``), table ``[careerdiff]``;
3. environment variables ``CAREERDIFF_<NAME>`` (lists are comma-separated);
4. explicit overrides: command-line options and flow parameters.

Components never read the environment themselves: they receive a ``Settings``
(or plain values taken from one) as arguments.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_type_hints

from careerdiff import __version__
from careerdiff.errors import ConfigError

#: The most crawl processes one crawl runs (``crawl_processes``).
MAX_CRAWL_PROCESSES = 64
DEFAULT_DB_URL = "sqlite:///data/careerdiff.db"
CONFIG_FILE = "careerdiff.toml"

#: Comparison pages of the real site: ``/<a>-jobs/<a>-vs-<b>-differences``, slash optional.
DEFAULT_COMPARISON_PATTERN = r"^/(?P<a>[a-z0-9-]+)-jobs/(?P=a)-vs-[a-z0-9-]+-differences/?$"
#: Listing pages that link to comparison pages (followed, not extracted).
DEFAULT_LISTING_PATTERN = r"^/[a-z0-9-]+-jobs/?$"


@dataclass(frozen=True)
class Settings:
    """All of careerdiff's settings. Build one with :func:`load_settings`."""

    # store
    db_url: str = DEFAULT_DB_URL
    batch_size: int = 200

    # crawl: what to fetch
    seeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()  # empty: the hosts of the seeds and sitemaps
    comparison_pattern: str = DEFAULT_COMPARISON_PATTERN
    listing_pattern: str = DEFAULT_LISTING_PATTERN
    max_pages: int = 0  # 0: no limit
    max_depth: int = 5

    # crawl: how politely
    rate: float = 1.0  # requests per second per host; 0 turns the limit off
    concurrency: int = 2  # requests in flight per host
    user_agent: str = f"careerdiff/{__version__} (+https://github.com/careerdiff/careerdiff)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_retries: int = 4
    backoff_base: float = 0.5  # seconds; doubled each attempt, with jitter
    backoff_max: float = 60.0
    retry_after_max: float = 300.0  # a longer Retry-After is capped to this
    # added for the crawl engine: a URL still failing transiently (429, 5xx, network,
    # robots.txt unavailable) after its retries is due again in a later crawl this much later
    retry_later_after: float = 3600.0  # seconds
    max_redirects: int = 5
    max_body_bytes: int = 5 * 1024 * 1024

    # added for the persistent crawl (careerdiff crawl): a URL leased by a crawl worker that
    # settles nothing for this long (the worker died) is handed to another worker
    lease_timeout: float = 900.0  # seconds
    # processes that extract and compress fetched pages beside the crawl's own (0: none);
    # with several crawl processes each extracts its own pages and this is not used
    extract_processes: int = 1
    # processes that fetch, extract and store at once, on one frontier (0: one per CPU core,
    # at most 2, and 1 inside a process that runs threads, such as a Prefect worker); each
    # takes its share of every host's concurrency (so at most ``concurrency`` of them) and rate
    crawl_processes: int = 0

    def replace(self, **overrides: Any) -> Settings:
        """A copy with ``overrides`` applied (``None`` values are ignored) and checked."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return _checked(dataclasses.replace(self, **_coerce_all(given)))


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}
_TYPES = get_type_hints(Settings)


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    config_path: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then the config file, then the environment, then ``overrides``."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = Path(config_path or env.get("CAREERDIFF_CONFIG") or CONFIG_FILE)
    if path.exists():
        settings = settings.replace(**_read_config(path))
    elif config_path is not None or "CAREERDIFF_CONFIG" in env:
        raise ConfigError(f"config file not found: {path}")
    from_env = {
        name: env[f"CAREERDIFF_{name.upper()}"]
        for name in _FIELDS
        if f"CAREERDIFF_{name.upper()}" in env
    }
    settings = settings.replace(**from_env)
    return settings.replace(**dict(overrides or {}))


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    table = data.get("careerdiff", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [careerdiff] must be a table")
    unknown = sorted(set(table) - set(_FIELDS))
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r}")
    return table


def _coerce_all(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {name!r}")
        out[name] = _coerce(name, value)
    return out


def _coerce(name: str, value: Any) -> Any:
    kind = _TYPES[name]
    try:
        if kind == tuple[str, ...]:
            if isinstance(value, str):
                return tuple(part.strip() for part in value.split(",") if part.strip())
            return tuple(str(item) for item in value)
        if kind is bool:
            raise TypeError  # no boolean settings yet
        if kind is int:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if kind is float:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name!r}: {value!r} is not a valid {_kind_name(kind)}"
        ) from None


def _kind_name(kind: Any) -> str:
    return {int: "whole number", float: "number", str: "text"}.get(kind, "list of text")


def _checked(settings: Settings) -> Settings:
    positive = ("batch_size", "concurrency", "max_redirects", "max_body_bytes")
    for name in positive:
        if getattr(settings, name) < 1:
            raise ConfigError(f"setting {name!r} must be at least 1, not {getattr(settings, name)}")
    non_negative = (
        "rate",
        "max_pages",
        "max_depth",
        "max_retries",
        "backoff_base",
        "backoff_max",
        "retry_after_max",
        "retry_later_after",
        "extract_processes",
        "crawl_processes",
    )
    for name in non_negative:
        if getattr(settings, name) < 0:
            raise ConfigError(
                f"setting {name!r} must not be negative, not {getattr(settings, name)}"
            )
    if settings.crawl_processes > MAX_CRAWL_PROCESSES:
        raise ConfigError(
            f"setting 'crawl_processes' must be at most {MAX_CRAWL_PROCESSES}, "
            f"not {settings.crawl_processes}"
        )
    for name in ("connect_timeout", "read_timeout", "lease_timeout"):
        if getattr(settings, name) <= 0:
            raise ConfigError(f"setting {name!r} must be more than 0 seconds")
    for name in ("comparison_pattern", "listing_pattern"):
        try:
            re.compile(getattr(settings, name))
        except re.error as exc:
            raise ConfigError(
                f"setting {name!r} is not a valid regular expression: {exc}"
            ) from None
    return settings
