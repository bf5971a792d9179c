"""``careerdiff parse``: print the record of each saved page, one JSON object per line.

The extractors are imported when the command runs, not when ``--help`` is asked for.
"""

from __future__ import annotations

from pathlib import Path

import click

from careerdiff.cli._app import app, fail
from careerdiff.pages import PageSourceError, expand_paths, read_page


@app.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", default=None, help="The page's address, recorded in the output.")
def parse(paths: tuple[Path, ...], url: str | None) -> None:
    """Print the record of each page (files, or folders of *.html) as one JSON line."""
    from extractors import extract_page

    try:
        files = expand_paths(paths)
        for file in files:
            click.echo(extract_page(read_page(file), url=url).to_json())
    except PageSourceError as exc:
        raise fail(str(exc)) from None
