"""Logging from flows: the Prefect run logger, and a crawl's progress as its lines.

Inside a flow or task run, lines go to the run's log (the UI and the console);
called outside a run (a test calling a task's ``.fn()``), to careerdiff's own logger.
"""

from __future__ import annotations

import logging
from typing import Any

from prefect import get_run_logger
from prefect.exceptions import MissingContextError

from careerdiff.crawl.progress import status_line
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary


def run_logger() -> logging.Logger | logging.LoggerAdapter[Any]:
    """The current run's logger, or ``careerdiff.flows`` outside a run."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("careerdiff.flows")


class RunLoggerProgress:
    """A ``CrawlProgress`` that writes one log line per update to a (run) logger."""

    def __init__(
        self,
        logger: logging.Logger | logging.LoggerAdapter[Any],
        *,
        label: str = "crawl",
        interval: float = 5.0,
    ) -> None:
        self.logger = logger
        self.label = label
        self.interval = interval

    def start(self) -> None:
        self.logger.info("%s: started", self.label)

    def update(self, status: CrawlStatus) -> None:
        self.logger.info("%s: %s", self.label, status_line(status))

    def finish(self, summary: CrawlSummary) -> None:
        self.logger.info("%s: done: %s", self.label, summary.describe())
