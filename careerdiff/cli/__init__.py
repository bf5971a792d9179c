"""The ``careerdiff`` command: a thin layer that builds library objects and calls them.

Each group of commands lives in its own module and registers itself on :data:`app`;
the group imports a module only when one of its commands is used (see
:mod:`careerdiff.cli._app`), so ``careerdiff --help`` starts in a fraction of the
time the heavier commands need. Errors never reach the user as tracebacks: a bad
option, a bad path or any :class:`~careerdiff.errors.CareerdiffError` is printed
as one line on stderr.

The program itself (the ``careerdiff`` script and ``python -m careerdiff``) runs
:func:`run`: :func:`main`, then an exit that skips tearing the interpreter down.
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys
import threading
from types import ModuleType
from typing import NoReturn

import click

from careerdiff.cli._app import app, fail
from careerdiff.errors import CareerdiffError

__all__ = ["app", "crawl", "exit_now", "fail", "main", "parse", "run", "store"]

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


def run() -> NoReturn:
    """The ``careerdiff`` program: :func:`main` on the command line, then :func:`exit_now`."""
    exit_now(main())


def exit_now(status: int) -> NoReturn:
    """End the program with ``status`` as ``sys.exit`` would, minus the interpreter's teardown.

    Tearing down the modules a crawl imported (SQLAlchemy, httpx, asyncio...) object by
    object took 0.15-0.25 s of CPU after the work was done, a sixth of an unchanged
    recrawl of 1,000 pages. The exit handlers still run (they close log files, join
    helper processes and threads, remove temporary folders) and standard output and
    error are flushed. With another thread alive (it may still be writing), under a
    profiler or tracer (``python -m cProfile -m careerdiff``, pyinstrument, coverage: each
    writes its results once the program returns to it), or when flushing fails, the
    ordinary exit runs instead.
    """
    if threading.active_count() == 1 and sys.getprofile() is None and sys.gettrace() is None:
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            pass  # the ordinary exit reports it as it always did
        else:
            if threading.active_count() == 1:
                os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
