"""Saved pages on disk: expanding paths and reading files, with one-line errors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from careerdiff.content import choose_charset, decode_body
from careerdiff.errors import ConfigError


class PageSourceError(ConfigError):
    """A path given on the command line is missing or unreadable."""


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their ``*.html`` files sorted by name; all checked to exist."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.html") if p.is_file()))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise PageSourceError(f"not a file or folder: {path}")
        else:
            raise PageSourceError(f"no such file or folder: {path}")
    return files


def read_page(path: Path) -> str:
    """The page's text, decoded as the crawler decodes a body without a Content-Type
    charset (byte-order mark, then the page's ``<meta>`` charset, then UTF-8); bytes that
    do not decode are replaced rather than failing the page."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageSourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode_body(data, choose_charset(data, None))
