"""``careerdiff demo`` (the offline quick start) and ``careerdiff serve`` (no worker needed).

Prefect is imported only when one of these commands runs: it takes seconds to
import, and its settings are read from the environment at import, so the
commands set their defaults (no analytics) first. The database layer, Rich and
the fixture site are imported when ``demo`` runs too, so that ``--help`` is quick.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from careerdiff.cli._app import app, fail
from careerdiff.errors import CareerdiffError
from careerdiff.settings import DEFAULT_DB_URL, Settings

if TYPE_CHECKING:
    from careerdiff.fixture_site import FixtureSiteServer
    from flows.summary import RunSummary

#: Pages a demo slice crawls: the fixture site fits in one.
DEMO_PAGES_PER_SLICE = 500
DEMO_CONCURRENCY = 4
#: The fixture site's port when it is free: the same address on every run keeps page URLs
#: the same, so a second demo finds its pages unchanged (any free port otherwise).
DEMO_PORT = 8799


def quiet_prefect_defaults() -> None:
    """Environment defaults for Prefect in careerdiff's commands, set before it is imported."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")


def temporary_server_defaults() -> None:
    """Let Prefect start a temporary local server when no PREFECT_API_URL is set, and give it
    time to start on a busy machine."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_ENABLED", "true")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def keep_run_logs_only() -> None:
    """Show flow- and task-run log lines, but not Prefect's own chatter (server start and
    stop, links into a temporary server's UI that is gone when the demo ends)."""
    logging.getLogger("prefect").setLevel(logging.WARNING)
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).setLevel(logging.INFO)
    logging.getLogger("prefect.flow_runs").addFilter(_no_ui_links)


def _no_ui_links(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("View at ")


@app.command()
@click.option(
    "--db",
    "db_url",
    default=DEFAULT_DB_URL,
    show_default=True,
    help="Database URL to crawl into: sqlite:///PATH or postgresql+psycopg://...",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help=f"Port of the fixture site on 127.0.0.1 [default: {DEMO_PORT}, or any free port "
    "if that one is taken]. Page URLs include it, so keep one port for one database.",
)
def demo(db_url: str, port: int | None) -> None:
    """Crawl the bundled fixture site over loopback HTTP and show what the database holds.

    Needs no network, no server and no configuration: the fixture site is served on
    127.0.0.1 and, unless PREFECT_API_URL names a Prefect server, Prefect starts a
    temporary one for the run.
    """
    from rich.console import Console

    from careerdiff.cli._examples import (
        EXAMPLE_QUERIES,
        result_table,
        run_examples,
        summary_table,
    )
    from models import Store
    from models.dialect import safe_url

    Store.open(db_url).close()  # a bad URL or an old schema: one line, before Prefect starts
    site_server = _fixture_site(port)  # a taken port too
    quiet_prefect_defaults()
    temporary_server_defaults()
    console = Console()
    console.print(
        "demo: starting Prefect (a temporary local server takes 10-25 s) ...", soft_wrap=True
    )
    from flows.crawl import crawl_comparisons  # Prefect's import is slow: only when needed
    from flows.summary import summary_rows

    keep_run_logs_only()
    with site_server as site:
        console.print(
            f"demo: fixture site at {site.base_url}/, crawling into {safe_url(db_url)}",
            soft_wrap=True,
        )
        summary = _run_flow(
            crawl_comparisons,
            seeds=[site.base_url + "/"],
            sitemaps=[],
            allow_hosts=[site.base_url.removeprefix("http://")],
            max_pages=0,
            max_depth=Settings().max_depth,
            rate=0.0,
            concurrency=DEMO_CONCURRENCY,
            db_url=db_url,
            extract_processes=0,  # a worker process takes longer to start than 30 pages take
            pages_per_slice=DEMO_PAGES_PER_SLICE,
        )
    console.print()
    console.print(summary_table(summary_rows(summary)))
    for result in run_examples(db_url, EXAMPLE_QUERIES):
        console.print(result_table(result))
    console.print(
        f"The database is {safe_url(db_url)}; docs/database.md lists its views and more queries.",
        soft_wrap=True,
    )


def _fixture_site(port: int | None) -> FixtureSiteServer:
    """The fixture site on ``port``; with none given, on ``DEMO_PORT`` or else any free port.

    A port asked for that is taken is a one-line error.
    """
    from careerdiff.fixture_site import FixtureSiteServer

    try:
        return FixtureSiteServer(DEMO_PORT if port is None else port)
    except OSError as exc:
        if port is not None:
            message = f"cannot serve the fixture site on port {port}: {exc.strerror or exc}"
            raise fail(message) from None
        return FixtureSiteServer(0)


def _run_flow(flow: Callable[..., RunSummary], **parameters: Any) -> RunSummary:
    """Run ``flow``; Prefect's own failures (its server did not start) become one line."""
    try:
        return flow(**parameters)
    except CareerdiffError:
        raise
    except Exception as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise fail(f"the flow run failed: {message}") from None


@app.command()
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Most flow runs at once (default: no limit).",
)
def serve(limit: int | None) -> None:
    """Serve the crawl-comparisons/daily and reparse-archive/manual deployments from this process.

    For people without a worker: the deployments get the names and schedule of
    prefect.yaml, and this process runs their flow runs until Ctrl-C. Needs a
    Prefect server (PREFECT_API_URL).
    """
    quiet_prefect_defaults()
    from prefect import serve as prefect_serve
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise fail(
            "careerdiff serve needs a Prefect server: start one (prefect server start) and set "
            "PREFECT_API_URL, e.g. prefect config set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    from flows.deployments import runner_deployments

    prefect_serve(*runner_deployments(), limit=limit)
