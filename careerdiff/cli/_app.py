"""The shared click group and the one-line error helper every command module uses.

Commands are imported only when they are needed. ``careerdiff --help`` and
``careerdiff parse`` must not pay for SQLAlchemy, httpx or the extractors that
other commands use (about 1.5 s of imports on our machines), so the group knows
each command's module and its one-line help here, and imports the module (which
registers its commands on :data:`app` with ``@app.command``) only when that
command runs or shows its own help. A test checks these lines against the
commands' docstrings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import click

from careerdiff import __version__


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives and the first paragraph of its help, for the command list."""

    module: str
    help: str


#: Every command of ``careerdiff``: the module that registers it, and its help's first paragraph.
LAZY_COMMANDS: dict[str, LazyCommand] = {
    "crawl": LazyCommand(
        "careerdiff.cli.crawl",
        "Crawl comparison pages into the database, resuming an unfinished crawl.",
    ),
    "db": LazyCommand("careerdiff.cli.store", "Look after the database."),
    "demo": LazyCommand(
        "careerdiff.cli.run",
        "Crawl the bundled fixture site over loopback HTTP and show what the database holds.",
    ),
    "import": LazyCommand(
        "careerdiff.cli.store",
        "Load saved pages (files, or folders of *.html) into the database, offline.",
    ),
    "parse": LazyCommand(
        "careerdiff.cli.parse",
        "Print the record of each page (files, or folders of *.html) as one JSON line.",
    ),
    "reparse": LazyCommand(
        "careerdiff.cli.crawl", "Extract archived pages again and load them, with no network."
    ),
    "serve": LazyCommand(
        "careerdiff.cli.run",
        "Serve the crawl-comparisons/daily and reparse-archive/manual deployments from this "
        "process.",
    ),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module on first use of the command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(LAZY_COMMANDS[cmd_name].module)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from :data:`LAZY_COMMANDS` for commands not imported yet."""
        names = [
            name
            for name in self.list_commands(ctx)
            if name in LAZY_COMMANDS or not self.commands[name].hidden
        ]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self.short_help_of(name, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def short_help_of(self, name: str, limit: int) -> str:
        """The command's one-line help, as click would shorten it, without importing it."""
        if name in self.commands:
            return self.commands[name].get_short_help_str(limit)
        # A stand-in command with the same help shortens it exactly as the real one would.
        return click.Command(name, help=LAZY_COMMANDS[name].help).get_short_help_str(limit)


@click.group(
    name="careerdiff",
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="careerdiff")
def app() -> None:
    """Turn career comparison pages into a normalized database."""


def fail(message: str, code: int = 2) -> click.exceptions.Exit:
    """Print ``message`` as one line on stderr; return the Exit for the caller to raise."""
    click.echo(f"careerdiff: error: {message}", err=True)
    return click.exceptions.Exit(code)
