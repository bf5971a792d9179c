"""The ``crawl-comparisons`` flow: discover, fetch, extract and load comparison pages.

The flow crawls in slices on the persistent frontier: each slice is one task run
that crawls up to ``pages_per_slice`` due pages (``careerdiff.crawler.run_crawl``
with that page budget) and stores them. Slices go on until one finds nothing more
due or the run's ``max_pages`` is spent, so a crawl of thousands of pages makes a
handful of task runs, and a slice whose database went away is retried whole.

The first slice queues the seeds, reads the sitemaps and, when the last round of
the frontier is finished, starts a new round that re-checks every page fetched
before (with conditional requests); an unfinished round is resumed instead. Later slices only
take what is due (the allowed hosts are fixed from the run's settings).
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from careerdiff import crawler
from careerdiff.crawl.engine import rules_for
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.errors import ConfigError
from careerdiff.settings import Settings, load_settings
from flows.progress import RunLoggerProgress, run_logger
from flows.retry import TASK_RETRIES, TASK_RETRY_DELAYS, retry_on_infrastructure_failure
from flows.summary import RunSummary, count_issues, publish_summary
from models.frontier import RoundStart

FLOW_NAME = "crawl-comparisons"
#: Pages one slice (one task run) crawls at most, unless the flow is told otherwise.
DEFAULT_PAGES_PER_SLICE = 500


def slice_settings(
    settings: Settings, *, number: int, pages_so_far: int, pages_per_slice: int
) -> Settings | None:
    """The settings of slice ``number`` (from 1), or None when the run's ``max_pages`` is spent.

    A slice's ``max_pages`` is its page budget. Slices after the first have no seeds
    or sitemaps (the frontier holds what they found) and name the allowed hosts.
    """
    budget = pages_per_slice
    if settings.max_pages:
        budget = min(budget, settings.max_pages - pages_so_far)
    if budget <= 0:
        return None
    if number == 1:
        return settings.replace(max_pages=budget)
    return settings.replace(
        max_pages=budget,
        seeds=(),
        sitemaps=(),
        allow_hosts=rules_for(settings).allowed_hosts,
    )


def pages_taken(crawl: CrawlSummary) -> int:
    """Pages a slice took from the frontier: answered with a body, a 304 or a failure."""
    return crawl.fetched + crawl.not_modified + crawl.failed_total


def describe_start(start: RoundStart) -> str:
    """How a crawl began, for the run's log."""
    parts = []
    if start.reclaimed:
        parts.append(f"took back {start.reclaimed} URLs leased by a crawl that died")
    if start.requeued:
        parts.append(f"new round: re-checking {start.requeued} URLs fetched before")
    elif start.waiting:
        parts.append(f"resuming an unfinished round: {start.waiting} URLs waiting")
    else:
        parts.append("starting from the seeds and sitemaps")
    return "; ".join(parts)


@task(
    name="crawl-slice",
    task_run_name="crawl-slice-{number}",
    retries=TASK_RETRIES,
    retry_delay_seconds=TASK_RETRY_DELAYS,
    retry_condition_fn=retry_on_infrastructure_failure,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def crawl_slice(settings: Settings, number: int) -> CrawlSummary:
    """Crawl up to ``settings.max_pages`` due pages into the database; the first slice of a
    run may start a new round (re-check everything), later ones only take what is due."""
    logger = run_logger()
    return crawler.run_crawl(
        settings,
        progress=RunLoggerProgress(logger, label=f"slice {number}"),
        recheck=number == 1,
        on_begin=lambda start: logger.info("%s", describe_start(start)),
    )


@flow(name=FLOW_NAME, persist_result=False)
def crawl_comparisons(
    seeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    allow_hosts: list[str] | None = None,
    max_pages: int | None = None,
    max_depth: int | None = None,
    rate: float | None = None,
    concurrency: int | None = None,
    db_url: str | None = None,
    batch_size: int | None = None,
    extract_processes: int | None = None,
    crawl_processes: int | None = None,
    pages_per_slice: int = DEFAULT_PAGES_PER_SLICE,
) -> RunSummary:
    """Crawl comparison pages from seeds and sitemaps into the database, in slices.

    Parameters left out come from careerdiff's settings (defaults, then
    ``careerdiff.toml``, then ``CAREERDIFF_*`` variables). ``max_pages`` 0 means no
    limit; ``rate`` is requests per second per host (0: no limit);
    ``extract_processes`` 0 extracts in the crawl's own process (each slice that uses
    a process starts one, which takes seconds: worth it for big slices only);
    ``crawl_processes`` 0 (the default) crawls each slice in this process, since a
    worker runs threads and more processes would have to be spawned anew per slice.
    """
    if pages_per_slice < 1:
        raise ConfigError(f"pages_per_slice must be at least 1, not {pages_per_slice}")
    settings = load_settings(
        {
            "seeds": seeds,
            "sitemaps": sitemaps,
            "allow_hosts": allow_hosts,
            "max_pages": max_pages,
            "max_depth": max_depth,
            "rate": rate,
            "concurrency": concurrency,
            "db_url": db_url,
            "batch_size": batch_size,
            "extract_processes": extract_processes,
            "crawl_processes": crawl_processes,
        }
    )
    rules_for(settings)  # nothing to crawl is a one-line error before any task runs
    summary = RunSummary(flow=FLOW_NAME)
    number = 1
    while (
        this_slice := slice_settings(
            settings,
            number=number,
            pages_so_far=summary.pages_taken,
            pages_per_slice=pages_per_slice,
        )
    ) is not None:
        crawl = crawl_slice(this_slice, number)
        summary = summary.add_crawl(crawl)
        if pages_taken(crawl) < this_slice.max_pages:
            break  # the slice did not use its budget: nothing more is due
        number += 1
    summary = summary.with_issues(count_issues(settings.db_url))
    publish_summary(summary)
    get_run_logger().info("%s", summary.describe())
    return summary
