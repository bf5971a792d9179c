"""``careerdiff import`` (saved pages into the database) and ``careerdiff db upgrade``.

The database layer and the extractors are imported when a command runs, so that
``--help`` does not wait for SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

import click

from careerdiff.cli._app import app, fail
from careerdiff.pages import expand_paths
from careerdiff.settings import load_settings

_DB_HELP = "Database URL: sqlite:///PATH or postgresql+psycopg://... (default: settings' db_url)."


@app.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_url", default=None, help=_DB_HELP)
@click.option(
    "--url",
    default=None,
    help="The page's real address, for a single file (default: the file's file:// URI).",
)
@click.option("--batch-size", type=int, default=None, help="Pages per transaction.")
def import_pages(
    paths: tuple[Path, ...], db_url: str | None, url: str | None, batch_size: int | None
) -> None:
    """Load saved pages (files, or folders of *.html) into the database, offline."""
    settings = load_settings({"db_url": db_url, "batch_size": batch_size})
    files = expand_paths(paths)
    if not files:
        raise fail("no *.html pages in " + ", ".join(str(path) for path in paths))
    if url is not None and len(files) != 1:
        raise fail(f"--url names one page, but {len(files)} files were given")
    from careerdiff.load import file_items
    from models import Store

    with Store.open(settings.db_url, batch_size=settings.batch_size) as store:
        summary = store.load(file_items(files, url=url))
    click.echo(str(summary))


@app.group("db")
def db() -> None:
    """Look after the database."""


@db.command("upgrade")
@click.option("--db", "db_url", default=None, help=_DB_HELP)
def upgrade(db_url: str | None) -> None:
    """Bring the database's schema to this careerdiff's revision (creating it if new)."""
    from models import migrate
    from models.dialect import safe_url

    settings = load_settings({"db_url": db_url})
    revision = migrate.upgrade_database(settings.db_url)
    click.echo(f"{safe_url(settings.db_url)} is at revision {revision} (the newest)")
