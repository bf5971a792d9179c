"""The shared click group and the one-line error helper every command module uses."""

from __future__ import annotations

import click

from careerdiff import __version__


@click.group(
    name="careerdiff",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="careerdiff")
def app() -> None:
    """Turn career comparison pages into a normalized database."""


def fail(message: str, code: int = 2) -> click.exceptions.Exit:
    """Print ``message`` as one line on stderr; return the Exit for the caller to raise."""
    click.echo(f"careerdiff: error: {message}", err=True)
    return click.exceptions.Exit(code)
