"""A flow run's summary: one value the flow returns and the same numbers as a table artifact.

``RunSummary`` adds up what each task of a run did (crawl slices or reparse slices);
``summary_rows`` turns it into the rows of the run's Prefect table artifact, and
``publish_summary`` creates that artifact. ``issues_by_section`` counts the open
parse issues of the database by section (from the ``parse_issues`` view).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prefect import task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from pydantic import BaseModel, ConfigDict
from sqlalchemy import text

from careerdiff.crawl.summary import CrawlSummary
from careerdiff.crawler import ReparseSummary
from flows.retry import TASK_RETRIES, TASK_RETRY_DELAYS, retry_on_infrastructure_failure
from models import Store


class RunSummary(BaseModel):
    """What one flow run did, in counts.

    ``fetched`` pages came with a fresh body, ``not_modified`` ones answered 304;
    ``reparsed`` archived pages were extracted again without the network.
    ``new``/``changed``/``unchanged`` are the comparison pages stored (or found
    unchanged), ``failed`` counts failures by reason, and ``issues_by_section`` the
    parse issues the database holds after the run, by page section.
    """

    model_config = ConfigDict(frozen=True)

    flow: str
    tasks: int = 0
    fetched: int = 0
    not_modified: int = 0
    reparsed: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: dict[str, int] = {}
    queued_left: int = 0
    issues_by_section: dict[str, int] = {}
    elapsed_seconds: float = 0.0

    @property
    def stored(self) -> int:
        """Comparison pages this run stored or found unchanged."""
        return self.new + self.changed + self.unchanged

    @property
    def pages_taken(self) -> int:
        """Pages taken from the frontier: answered with a body, a 304 or a failure."""
        return self.fetched + self.not_modified + self.failed_total

    @property
    def failed_total(self) -> int:
        """Failures, whatever their reason."""
        return sum(self.failed.values())

    def add_crawl(self, crawl: CrawlSummary) -> RunSummary:
        """This summary with one crawl slice added (``queued_left`` is the slice's)."""
        return self.model_copy(
            update={
                "tasks": self.tasks + 1,
                "fetched": self.fetched + crawl.fetched,
                "not_modified": self.not_modified + crawl.not_modified,
                "new": self.new + crawl.new,
                "changed": self.changed + crawl.changed,
                "unchanged": self.unchanged + crawl.unchanged,
                "failed": _added(self.failed, crawl.failed),
                "queued_left": crawl.queued_left,
                "elapsed_seconds": self.elapsed_seconds + crawl.elapsed,
            }
        )

    def add_reparse(self, reparse: ReparseSummary) -> RunSummary:
        """This summary with one slice of reparsed archive pages added."""
        load = reparse.load
        return self.model_copy(
            update={
                "tasks": self.tasks + 1,
                "reparsed": self.reparsed + reparse.pages,
                "new": self.new + load.pages_new,
                "changed": self.changed + load.pages_changed,
                "unchanged": self.unchanged + load.pages_unchanged,
                "elapsed_seconds": self.elapsed_seconds + reparse.elapsed,
            }
        )

    def with_issues(self, issues: Mapping[str, int]) -> RunSummary:
        """This summary with the database's parse issues by section."""
        return self.model_copy(update={"issues_by_section": dict(sorted(issues.items()))})

    def describe(self) -> str:
        """One line for people."""
        failed = ", ".join(f"{reason} {count}" for reason, count in sorted(self.failed.items()))
        done = (
            f"fetched {self.fetched}, not modified {self.not_modified}"
            if not self.reparsed
            else f"reparsed {self.reparsed}"
        )
        return (
            f"{self.flow}: {done}; new {self.new}, changed {self.changed}, "
            f"unchanged {self.unchanged}; failed {self.failed_total}"
            f"{f' ({failed})' if failed else ''}; "
            f"issues {sum(self.issues_by_section.values())}; "
            f"{self.tasks} task run{'' if self.tasks == 1 else 's'}"
        )


def summary_rows(summary: RunSummary) -> list[dict[str, Any]]:
    """The artifact's rows: one ``{"measure", "count"}`` per number, reasons and sections
    each on their own row."""
    rows: list[tuple[str, int | float]] = [
        ("pages fetched", summary.fetched),
        ("pages not modified (304)", summary.not_modified),
        ("pages reparsed from the archive", summary.reparsed),
        ("pages new", summary.new),
        ("pages changed", summary.changed),
        ("pages unchanged", summary.unchanged),
        ("pages failed", summary.failed_total),
    ]
    rows += [(f"failed: {reason}", count) for reason, count in sorted(summary.failed.items())]
    rows.append(("parse issues in the database", sum(summary.issues_by_section.values())))
    rows += [
        (f"issues: {section}", count)
        for section, count in sorted(summary.issues_by_section.items())
    ]
    rows += [
        ("URLs still queued", summary.queued_left),
        ("task runs", summary.tasks),
        ("seconds in tasks", round(summary.elapsed_seconds, 1)),
    ]
    return [{"measure": measure, "count": count} for measure, count in rows]


def artifact_key(flow_name: str) -> str:
    """The artifact key of a flow's summaries (lower-case letters, digits and dashes)."""
    return f"{flow_name}-summary"


def publish_summary(summary: RunSummary) -> None:
    """Create the run's table artifact (called inside a flow run)."""
    create_table_artifact(
        table=summary_rows(summary),
        key=artifact_key(summary.flow),
        description=f"careerdiff run summary: {summary.describe()}",
    )


def issues_by_section(db_url: str) -> dict[str, int]:
    """How many parse issues the database holds, by page section."""
    with Store.open(db_url) as store, store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT section, count(*) FROM parse_issues GROUP BY section ORDER BY section")
        )
        return {str(section): int(count) for section, count in rows}


@task(
    name="count-issues",
    retries=TASK_RETRIES,
    retry_delay_seconds=TASK_RETRY_DELAYS,
    retry_condition_fn=retry_on_infrastructure_failure,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def count_issues(db_url: str) -> dict[str, int]:
    """The database's parse issues by section, after a run (a task: it reads the database)."""
    return issues_by_section(db_url)


def _added(first: Mapping[str, int], second: Mapping[str, int]) -> dict[str, int]:
    total = dict(first)
    for key, count in second.items():
        total[key] = total.get(key, 0) + count
    return total
