"""The ``careerdiff`` command: a thin layer that builds library objects and calls them.

Each group of commands lives in its own module and registers itself on :data:`app`;
the group imports a module only when one of its commands is used (see
:mod:`careerdiff.cli._app`), so ``careerdiff --help`` starts in a fraction of the
time the heavier commands need. Errors never reach the user as tracebacks: a bad
option, a bad path or any :class:`~careerdiff.errors.CareerdiffError` is printed
as one line on stderr.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import click

from careerdiff.cli._app import app, fail
from careerdiff.errors import CareerdiffError

__all__ = ["app", "crawl", "fail", "main", "parse", "run", "store"]

_COMMAND_MODULES = frozenset({"crawl", "parse", "run", "store"})


def __getattr__(name: str) -> ModuleType:
    """``careerdiff.cli.crawl`` and the other command modules, imported on first use."""
    if name in _COMMAND_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``careerdiff`` script; returns the exit status."""
    try:
        result = app.main(args=argv, prog_name="careerdiff", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        return 0
    except click.UsageError as exc:
        click.echo(f"careerdiff: error: {exc.format_message()}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        click.echo("careerdiff: interrupted", err=True)
        return 130
    except CareerdiffError as exc:
        click.echo(f"careerdiff: error: {exc}", err=True)
        return 2
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
