"""The two deployments of careerdiff's flows, as ``careerdiff serve`` runs them.

``prefect.yaml`` declares the same deployments for ``prefect deploy --all`` and a
worker of the ``careerdiff`` process pool; a test keeps the two in step (names,
entrypoints, schedule, parameters).
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron

from flows.crawl import crawl_comparisons
from flows.reparse import reparse_archive

WORK_POOL = "careerdiff"
CRAWL_DEPLOYMENT = "daily"
REPARSE_DEPLOYMENT = "manual"
#: Every day at 03:17 UTC: off the hour, when the site is quiet.
CRAWL_CRON = "17 3 * * *"
CRAWL_TIMEZONE = "UTC"
TAGS = ["careerdiff"]

#: The real site: start at its home page (robots.txt names its sitemaps), stay on its
#: host, one request a second with at most two in flight.
REAL_SITE_PARAMETERS: dict[str, Any] = {
    "seeds": ["https://www.zippia.com/"],
    "allow_hosts": ["www.zippia.com"],
    "rate": 1.0,
    "concurrency": 2,
    "max_pages": 20000,
}


def runner_deployments() -> list[RunnerDeployment]:
    """Both deployments, for ``prefect.serve`` (no work pool: the serving process runs them)."""
    crawl = crawl_comparisons.to_deployment(
        name=CRAWL_DEPLOYMENT,
        entrypoint_type=EntrypointType.MODULE_PATH,
        schedules=[Cron(CRAWL_CRON, timezone=CRAWL_TIMEZONE)],
        parameters=dict(REAL_SITE_PARAMETERS),
        description="Crawl the real site's comparison pages into the database, daily.",
        tags=TAGS,
    )
    reparse = reparse_archive.to_deployment(
        name=REPARSE_DEPLOYMENT,
        entrypoint_type=EntrypointType.MODULE_PATH,
        description="Re-extract archived pages after an extractor change (no network).",
        tags=TAGS,
    )
    return [_made(crawl), _made(reparse)]


def _made(deployment: RunnerDeployment | Coroutine[Any, Any, RunnerDeployment]) -> RunnerDeployment:
    """``to_deployment`` called outside an event loop returns the deployment itself."""
    if not isinstance(deployment, RunnerDeployment):
        raise TypeError("to_deployment was called inside an event loop; call it outside one")
    return deployment
