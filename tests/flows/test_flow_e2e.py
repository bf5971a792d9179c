"""docs/operations.md, done for real: a Prefect server, the process pool, ``prefect deploy
--all``, a worker, ``prefect deployment run``, the artifact; then ``careerdiff serve``.

Slow (about a minute): real processes on 127.0.0.1, nothing beyond it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from prefect_stack import BIN, PrefectStack, params

from careerdiff.crawl.urls import normalize_url
from careerdiff.fixture_site import FixtureSiteServer
from models import Store

pytestmark = pytest.mark.slow

WATCH = ["--watch", "--watch-interval", "1", "--watch-timeout", "240"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectStack]:
    """A running Prefect server with the careerdiff pool and prefect.yaml's deployments."""
    prefect = PrefectStack(tmp_path_factory.mktemp("prefect-home"))
    try:
        prefect.start_server()
        prefect.run("work-pool", "create", "careerdiff", "--type", "process")
        prefect.run("deploy", "--all", "--no-prompt")
        yield prefect
    finally:
        prefect.stop_all()


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'careerdiff.db'}"


def stored_urls(db_url: str) -> set[str]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT url FROM comparisons"))}


def counts(rows: list[dict[str, object]]) -> dict[object, object]:
    return {row["measure"]: row["count"] for row in rows}


def test_a_worker_runs_the_daily_crawl_deployment_on_the_fixture_site(
    stack: PrefectStack, db_url: str
) -> None:
    deployment = stack.api("GET", "/deployments/name/crawl-comparisons/daily")
    assert deployment["work_pool_name"] == "careerdiff"
    assert deployment["schedules"][0]["schedule"]["cron"] == "17 3 * * *"
    worker = stack.start(
        "worker", [str(BIN / "prefect"), "worker", "start", "--pool", "careerdiff"]
    )
    try:
        with FixtureSiteServer() as site:
            run = stack.run(
                "deployment",
                "run",
                "crawl-comparisons/daily",
                *params(
                    seeds=[site.base_url + "/"],
                    allow_hosts=[site.base_url.removeprefix("http://")],
                    rate=0,
                    concurrency=4,
                    max_pages=0,
                    db_url=db_url,
                ),
                *WATCH,
            )
            urls = site.urls()
    finally:
        stack.stop(worker)
    assert "Completed" in run.stdout, run.stdout + stack.log("worker")
    allowed = {normalize_url(url) for url in urls.allowed}
    assert stored_urls(db_url) == allowed
    rows = counts(stack.latest_artifact_rows("crawl-comparisons-summary"))
    assert rows["pages new"] == len(allowed) >= 13
    assert rows["failed: robots-disallowed"] == len(urls.disallowed)


def test_careerdiff_serve_runs_the_manual_reparse_deployment(
    stack: PrefectStack, db_url: str
) -> None:
    server = stack.start("serve", [str(BIN / "careerdiff"), "serve"])
    try:
        deadline = time.monotonic() + 120
        while "being served" not in stack.log("serve"):
            assert server.poll() is None, stack.log("serve")
            assert time.monotonic() < deadline, "careerdiff serve did not serve its deployments"
            time.sleep(0.5)
        daily = stack.api("GET", "/deployments/name/crawl-comparisons/daily")
        assert daily["schedules"][0]["schedule"]["cron"] == "17 3 * * *"
        run = stack.run(
            "deployment",
            "run",
            "reparse-archive/manual",
            *params(db_url=db_url, all_pages=True, extract_processes=0),
            *WATCH,
        )
    finally:
        stack.stop(server)
    assert "Completed" in run.stdout, run.stdout + stack.log("serve")
    rows = counts(stack.latest_artifact_rows("reparse-archive-summary"))
    assert rows["pages reparsed from the archive"] == len(stored_urls(db_url))
    assert rows["pages new"] == rows["pages changed"] == 0
    assert Path(db_url.removeprefix("sqlite:///")).exists()
