"""``careerdiff crawl`` (fetch, archive, extract, load) and ``careerdiff reparse`` (offline).

The crawl's modules (httpx, SQLAlchemy, the extractors) are imported inside the
commands, so that every other ``careerdiff`` command starts without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from careerdiff.cli._app import app

if TYPE_CHECKING:
    from careerdiff.crawl.summary import CrawlSummary
    from careerdiff.crawler import ReparseSummary
    from models.frontier import RoundStart

#: ``careerdiff.crawler.DEFAULT_REPARSE_BATCH`` (a test keeps them equal), not imported here.
DEFAULT_REPARSE_BATCH = 200

_DB_HELP = "Database URL: sqlite:///PATH or postgresql+psycopg://... (default: settings' db_url)."


@app.command("crawl")
@click.option("--seed", "seeds", multiple=True, metavar="URL", help="A page to start from.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="A sitemap to read.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="A host the crawl may fetch from (default: the hosts of the seeds and sitemaps).",
)
@click.option("--max-pages", type=int, default=None, help="Stop after N fetches (0: no limit).")
@click.option("--max-depth", type=int, default=None, help="Follow links at most N deep.")
@click.option(
    "--rate", type=float, default=None, help="Requests per second per host (0: no limit)."
)
@click.option("--concurrency", type=int, default=None, help="Requests in flight per host.")
@click.option(
    "--processes",
    "crawl_processes",
    type=int,
    default=None,
    help="Crawl processes on one frontier (0: one per CPU core, at most 2).",
)
@click.option("--db", "db_url", default=None, help=_DB_HELP)
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Settings file (default: careerdiff.toml here, if there is one).",
)
def crawl_command(
    seeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    allow_hosts: tuple[str, ...],
    max_pages: int | None,
    max_depth: int | None,
    rate: float | None,
    concurrency: int | None,
    crawl_processes: int | None,
    db_url: str | None,
    config: Path | None,
) -> None:
    """Crawl comparison pages into the database, resuming an unfinished crawl.

    A crawl that finds nothing left to do re-checks every page it fetched before,
    with conditional requests, so unchanged pages cost a 304.
    """
    from careerdiff.lazy import collection_paused, heap_frozen

    with collection_paused():
        from careerdiff.crawl.progress import progress_for
        from careerdiff.crawler import run_crawl
        from careerdiff.settings import load_settings

    with heap_frozen():
        settings = load_settings(
            {
                "seeds": seeds or None,
                "sitemaps": sitemaps or None,
                "allow_hosts": allow_hosts or None,
                "max_pages": max_pages,
                "max_depth": max_depth,
                "rate": rate,
                "concurrency": concurrency,
                "crawl_processes": crawl_processes,
                "db_url": db_url,
            },
            config_path=config,
        )
        summary = run_crawl(settings, progress=progress_for(), on_begin=_say_how_it_begins)
    click.echo(crawl_report(summary))


def _say_how_it_begins(start: RoundStart) -> None:
    if start.reclaimed:
        click.echo(f"crawl: took back {start.reclaimed} URLs leased by a crawl that died", err=True)
    if start.requeued:
        click.echo(f"crawl: re-checking {start.requeued} URLs fetched before", err=True)
    elif start.waiting:
        click.echo(f"crawl: resuming an unfinished crawl: {start.waiting} URLs left", err=True)


def crawl_report(summary: CrawlSummary) -> str:
    """The closing summary of a crawl, one figure per line."""
    failed = ", ".join(f"{reason} {count}" for reason, count in sorted(summary.failed.items()))
    rows = [
        ("fetched", str(summary.fetched)),
        ("not modified", str(summary.not_modified)),
        ("new", str(summary.new)),
        ("changed", str(summary.changed)),
        ("unchanged", str(summary.unchanged)),
        ("failed", f"{summary.failed_total}{f' ({failed})' if failed else ''}"),
        ("still queued", str(summary.queued_left)),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"crawl finished in {summary.elapsed:.1f} s ({summary.pages_per_second:.1f} pages/s)"]
    lines += [f"  {label:<{width}}  {value}" for label, value in rows]
    return "\n".join(lines)


@app.command("reparse")
@click.option("--db", "db_url", default=None, help=_DB_HELP)
@click.option(
    "--all",
    "all_pages",
    is_flag=True,
    help="Every archived page (default: those an older extractor version read, or none).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_REPARSE_BATCH,
    show_default=True,
    help="Pages per transaction.",
)
def reparse_command(db_url: str | None, all_pages: bool, batch_size: int) -> None:
    """Extract archived pages again and load them, with no network."""
    from careerdiff.lazy import collection_paused, heap_frozen

    with collection_paused():
        from careerdiff.crawler import reparse_archive
        from careerdiff.settings import load_settings

    with heap_frozen():
        settings = load_settings({"db_url": db_url})
        summary = reparse_archive(
            settings.db_url,
            all_pages=all_pages,
            batch_size=batch_size,
            processes=settings.extract_processes,
            on_batch=_say_progress,
        )
    click.echo(summary.describe())


def _say_progress(summary: ReparseSummary) -> None:
    click.echo(f"reparse: {summary.pages} pages, {summary.pages_per_second:.1f} pages/s", err=True)
