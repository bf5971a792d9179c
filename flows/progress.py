"""A crawl's progress as lines of the Prefect run logger (shown in the UI and the console)."""

from __future__ import annotations

import logging
from typing import Any

from careerdiff.crawl.progress import status_line
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary


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
