"""careerdiff's exceptions: one base, split by stage, each transient or terminal.

    CareerdiffError                 base; ``transient`` says whether a retry can help
    ├── ConfigError                 a bad setting, file or command-line value (terminal)
    ├── FetchError                  carries ``url``
    │   ├── TransientFetchError     429/5xx, timeouts, dropped connections
    │   └── TerminalFetchError      404/410, other 4xx, robots.txt, size cap, not HTML
    ├── ExtractError                carries ``url`` and ``section`` (terminal; the
    │                               extractor itself turns these into issues)
    └── LoadError                   carries ``url``
        └── SchemaOutOfDateError    the database is at an older Alembic revision

Commands catch ``CareerdiffError`` and print ``str(error)`` as one line.
"""

from __future__ import annotations


class CareerdiffError(Exception):
    """Base of every error careerdiff raises on purpose."""

    transient: bool = False


class ConfigError(CareerdiffError):
    """A setting, config file or command-line value is invalid."""


class FetchError(CareerdiffError):
    """Fetching ``url`` failed; ``reason`` is a short machine-friendly tag."""

    def __init__(self, message: str, *, url: str, reason: str) -> None:
        super().__init__(message)
        self.url = url
        self.reason = reason


class TransientFetchError(FetchError):
    """A fetch failure a later retry may fix."""

    transient = True


class TerminalFetchError(FetchError):
    """A fetch failure no retry will fix."""


class ExtractError(CareerdiffError):
    """A page section could not be read."""

    def __init__(self, message: str, *, section: str, url: str | None = None) -> None:
        super().__init__(message)
        self.section = section
        self.url = url


class LoadError(CareerdiffError):
    """Writing to the database failed."""

    def __init__(self, message: str, *, url: str | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.url = url
        self.transient = transient


class SchemaOutOfDateError(LoadError):
    """The database's schema is older than this careerdiff; ``careerdiff db upgrade`` fixes it."""
