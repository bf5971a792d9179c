"""prefect.yaml, ``careerdiff serve`` and docs/operations.md agree on the two deployments."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml
from prefect.deployments.runner import RunnerDeployment
from prefect.flows import load_flow_from_entrypoint

from flows.crawl import crawl_comparisons
from flows.deployments import (
    CRAWL_CRON,
    CRAWL_TIMEZONE,
    REAL_SITE_PARAMETERS,
    WORK_POOL,
    runner_deployments,
)
from flows.reparse import reparse_archive
from flows.summary import artifact_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def declared() -> dict[str, dict[str, Any]]:
    """prefect.yaml's deployments by ``flow/deployment`` name."""
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    by_name = {}
    for deployment in config["deployments"]:
        flow = load_flow_from_entrypoint(str(ROOT / deployment["entrypoint"]))
        by_name[f"{flow.name}/{deployment['name']}"] = deployment
    return by_name


@pytest.fixture(scope="module")
def served() -> dict[str, RunnerDeployment]:
    """``careerdiff serve``'s deployments by ``flow/deployment`` name."""
    return {f"{d.flow_name}/{d.name}": d for d in runner_deployments()}


def test_both_name_the_same_deployments(
    declared: dict[str, dict[str, Any]], served: dict[str, RunnerDeployment]
) -> None:
    assert set(declared) == set(served) == {"crawl-comparisons/daily", "reparse-archive/manual"}


def test_the_entrypoints_load_the_same_flows(
    declared: dict[str, dict[str, Any]], served: dict[str, RunnerDeployment]
) -> None:
    for name, deployment in declared.items():
        assert deployment["entrypoint"].startswith("flows/")
        from_yaml = load_flow_from_entrypoint(str(ROOT / deployment["entrypoint"]))
        assert served[name].entrypoint is not None
        from_serve = load_flow_from_entrypoint(served[name].entrypoint)
        assert from_yaml.name == from_serve.name
        assert inspect.signature(from_yaml.fn) == inspect.signature(from_serve.fn)


def test_the_crawl_runs_daily_at_the_same_time_and_the_reparse_on_demand(
    declared: dict[str, dict[str, Any]], served: dict[str, RunnerDeployment]
) -> None:
    [schedule] = declared["crawl-comparisons/daily"]["schedules"]
    assert (schedule["cron"], schedule["timezone"]) == (CRAWL_CRON, CRAWL_TIMEZONE)
    [served_schedule] = served["crawl-comparisons/daily"].schedules or []
    assert served_schedule.schedule.cron == CRAWL_CRON
    assert served_schedule.schedule.timezone == CRAWL_TIMEZONE
    assert not declared["reparse-archive/manual"]["schedules"]
    assert not served["reparse-archive/manual"].schedules


def test_both_pass_the_real_sites_parameters_which_the_flow_takes(
    declared: dict[str, dict[str, Any]], served: dict[str, RunnerDeployment]
) -> None:
    crawl = declared["crawl-comparisons/daily"]
    assert crawl["parameters"] == served["crawl-comparisons/daily"].parameters
    assert crawl["parameters"] == REAL_SITE_PARAMETERS
    flow = load_flow_from_entrypoint(str(ROOT / crawl["entrypoint"]))
    assert set(crawl["parameters"]) <= set(inspect.signature(flow.fn).parameters)
    assert crawl["parameters"]["rate"] == 1 and crawl["parameters"]["concurrency"] == 2
    assert all(url.startswith("https://") for url in crawl["parameters"]["seeds"])


def test_prefect_yaml_deploys_to_the_process_pool_with_careerdiffs_logs(
    declared: dict[str, dict[str, Any]],
) -> None:
    for deployment in declared.values():
        assert deployment["work_pool"]["name"] == WORK_POOL
        env = deployment["work_pool"]["job_variables"]["env"]
        assert env["PREFECT_LOGGING_EXTRA_LOGGERS"] == "careerdiff"


def test_the_operators_guide_names_every_deployment_parameter_and_artifact() -> None:
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    flows = {"crawl-comparisons": crawl_comparisons, "reparse-archive": reparse_archive}
    for name, flow in flows.items():
        assert f"`{artifact_key(name)}`" in guide
        for parameter in inspect.signature(flow.fn).parameters:
            assert f"`{parameter}`" in guide, f"{name}'s parameter {parameter} is not documented"
    for deployment in ("crawl-comparisons/daily", "reparse-archive/manual"):
        assert f"prefect deployment run '{deployment}'" in guide
    for command in (
        "prefect server start",
        "prefect work-pool create careerdiff --type process",
        "prefect deploy --all",
        "prefect worker start --pool careerdiff",
        "careerdiff serve",
        "prefect artifact inspect",
    ):
        assert command in guide, command
