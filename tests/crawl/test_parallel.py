"""Several crawl processes: how many, and each one's share of the politeness budget."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest

from careerdiff.crawl.limits import HostGates
from careerdiff.crawl.parallel import merged, process_count, run_processes, shares
from careerdiff.crawl.summary import CrawlSummary
from careerdiff.errors import ConfigError
from careerdiff.settings import Settings, load_settings


def test_auto_is_one_per_core_at_most_two_and_one_in_a_threaded_process() -> None:
    settings = Settings().replace(concurrency=16)
    assert process_count(settings, threaded=False) in (1, 2)
    assert process_count(settings, threaded=True) == 1
    assert process_count(settings.replace(crawl_processes=3), threaded=True) == 3


def test_never_more_processes_than_request_slots_of_a_host() -> None:
    assert process_count(Settings().replace(concurrency=1, crawl_processes=4)) == 1
    assert process_count(Settings().replace(concurrency=3, crawl_processes=4)) == 3


def test_shares_split_concurrency_and_pages_and_drop_the_seeds() -> None:
    settings = Settings().replace(
        concurrency=5, max_pages=7, seeds=("http://a.test/",), allow_hosts=("a.test",)
    )
    parts = shares(settings, 2)
    assert [part.concurrency for part in parts] == [3, 2]
    assert [part.batch_size for part in parts] == [settings.batch_size // 2] * 2
    assert [part.max_pages for part in parts] == [4, 3]
    assert all(part.seeds == () and part.allow_hosts == ("a.test",) for part in parts)
    assert [part.max_pages for part in shares(settings.replace(max_pages=1), 2)] == [1]
    assert [part.max_pages for part in shares(settings.replace(max_pages=0), 2)] == [0, 0]


def test_each_process_paces_a_host_as_many_times_further_apart() -> None:
    one = HostGates(concurrency=2, rate=4.0).gate("http://a.test")
    two = HostGates(concurrency=1, rate=4.0, spread=2).gate("http://a.test")
    assert one.interval == 0.25
    assert two.interval == 0.5
    gates = HostGates(concurrency=1, rate=0, spread=2)
    gates.apply_crawl_delay("http://a.test", 3.0)
    assert gates.gate("http://a.test").interval == 6.0


def test_summaries_add_up() -> None:
    first = CrawlSummary(discovered=10, sitemap_files=2, queued_left=5, failed={"x": 1})
    parts = [
        CrawlSummary(fetched=3, not_modified=1, new=2, failed={"x": 1, "y": 2}, discovered=1),
        CrawlSummary(fetched=4, changed=1, unchanged=3, failed={"y": 1}),
    ]
    total = merged(parts, first, 2.0)
    assert (total.fetched, total.not_modified, total.new, total.changed) == (7, 1, 2, 1)
    assert total.unchanged == 3
    assert total.failed == {"x": 2, "y": 3}
    assert (total.discovered, total.sitemap_files, total.queued_left) == (11, 2, 5)
    assert total.elapsed == 2.0


@pytest.mark.parametrize("value", ["-1", "65", "two"])
def test_bad_process_counts_are_one_line_config_errors(value: str) -> None:
    with pytest.raises(ConfigError, match="crawl_processes") as error:
        load_settings(environ={"CAREERDIFF_CRAWL_PROCESSES": value})
    assert "\n" not in str(error.value)


def _waits_for_the_parent(
    settings: Settings, group: str, spread: int, progress: Any, parent_queueing: Any
) -> CrawlSummary:
    saw_queueing = parent_queueing()
    (Path(settings.db_url) / f"started-{os.getpid()}").touch()
    while parent_queueing():
        time.sleep(0.01)
    return CrawlSummary(fetched=int(saw_queueing))


def _runs_until_stopped(
    settings: Settings, group: str, spread: int, progress: Any, parent_queueing: Any
) -> CrawlSummary:
    while True:
        time.sleep(0.01)


def test_processes_wait_while_the_parent_queues(tmp_path: Path) -> None:
    ran: list[str] = []

    def meanwhile() -> None:  # ends once both processes are running (forked or spawned)
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("started-*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        ran.append("queued")

    summaries = run_processes(
        _waits_for_the_parent,
        [Settings(db_url=str(tmp_path))] * 2,
        "g",
        None,
        10.0,
        meanwhile=meanwhile,
    )
    assert ran == ["queued"]
    assert [summary.fetched for summary in summaries] == [1, 1]


def test_a_failing_meanwhile_stops_the_processes_and_is_raised() -> None:
    def meanwhile() -> None:
        time.sleep(0.2)
        raise ValueError("sitemap trouble")

    with pytest.raises(ValueError, match="sitemap trouble"):
        run_processes(_runs_until_stopped, [Settings()] * 2, "g", None, 10.0, meanwhile=meanwhile)
    assert multiprocessing.active_children() == []
