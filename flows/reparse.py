"""The ``reparse-archive`` flow: extract archived pages again and load them, with no network.

After a parser fix (a new ``EXTRACTOR_VERSION``) this brings the whole database up
to the new extractor from the archive. By default it takes each URL's current body
that an older extractor read (or none); ``all_pages`` takes every current body.
Each task run handles one slice of up to ``pages_per_slice`` archive rows, in load
batches of ``batch_size``, and the next slice starts after the archive position
where the last one stopped, so a failed slice is retried alone and nothing is read twice.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from careerdiff import crawler
from careerdiff.crawler import DEFAULT_REPARSE_BATCH, ReparseSummary
from careerdiff.errors import ConfigError
from careerdiff.settings import load_settings
from flows.progress import run_logger
from flows.retry import TASK_RETRIES, TASK_RETRY_DELAYS, retry_on_infrastructure_failure
from flows.summary import RunSummary, count_issues, publish_summary
from models.archive import ArchiveCursor

FLOW_NAME = "reparse-archive"
#: Archive rows one task run re-extracts at most, unless the flow is told otherwise.
DEFAULT_PAGES_PER_SLICE = 2000


@task(
    name="reparse-slice",
    task_run_name="reparse-slice-{number}",
    retries=TASK_RETRIES,
    retry_delay_seconds=TASK_RETRY_DELAYS,
    retry_condition_fn=retry_on_infrastructure_failure,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def reparse_slice(
    db_url: str,
    number: int,
    *,
    all_pages: bool,
    after: ArchiveCursor | None,
    pages: int,
    batch_size: int,
    processes: int = 1,
) -> ReparseSummary:
    """Re-extract and load up to ``pages`` archived pages from the archive position ``after``
    on (None: from the start)."""
    logger = run_logger()
    return crawler.reparse_archive(
        db_url,
        all_pages=all_pages,
        batch_size=batch_size,
        limit=pages,
        after=after,
        processes=processes,
        on_batch=lambda running: logger.info("reparse: %s", running.describe()),
    )


@flow(name=FLOW_NAME, persist_result=False)
def reparse_archive(
    db_url: str | None = None,
    all_pages: bool = False,
    batch_size: int = DEFAULT_REPARSE_BATCH,
    pages_per_slice: int = DEFAULT_PAGES_PER_SLICE,
    extract_processes: int | None = None,
) -> RunSummary:
    """Extract archived pages again with this careerdiff's extractors and load them.

    ``db_url`` and ``extract_processes`` left out come from careerdiff's settings.
    ``all_pages`` re-extracts every archived page, not only those an older extractor
    version read.
    """
    for name, value in (("batch_size", batch_size), ("pages_per_slice", pages_per_slice)):
        if value < 1:
            raise ConfigError(f"{name} must be at least 1, not {value}")
    settings = load_settings({"db_url": db_url, "extract_processes": extract_processes})
    summary = RunSummary(flow=FLOW_NAME)
    after: ArchiveCursor | None = None
    number = 1
    while True:
        done = reparse_slice(
            settings.db_url,
            number,
            all_pages=all_pages,
            after=after,
            pages=pages_per_slice,
            batch_size=batch_size,
            processes=settings.extract_processes,
        )
        summary = summary.add_reparse(done)
        if done.pages < pages_per_slice:
            break  # the archive had no more pages to give
        after, number = done.cursor, number + 1
    summary = summary.with_issues(count_issues(settings.db_url))
    publish_summary(summary)
    get_run_logger().info("%s", summary.describe())
    return summary
