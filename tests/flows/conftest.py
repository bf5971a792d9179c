"""Fixtures of the flow tests: one temporary Prefect server for the session, the fixture site.

Flow runs need a Prefect API; ``prefect_test_harness`` starts a temporary server
(about 20 s), so every test that runs a flow shares one (``prefect``). Tests that
call task logic with ``.fn()`` need none.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from prefect.testing.utilities import prefect_test_harness
from prefect_records import RunRecords

from careerdiff.fixture_site import FixtureSiteServer


@pytest.fixture(scope="session")
def prefect() -> Iterator[None]:
    """A temporary Prefect server (and database) that flow runs report to."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # the server reads it
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def site() -> Iterator[FixtureSiteServer]:
    """The bundled fixture site on a free port of 127.0.0.1."""
    with FixtureSiteServer() as server:
        yield server


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A new SQLite database file."""
    return f"sqlite:///{tmp_path / 'careerdiff.db'}"


@pytest.fixture
def crawl_parameters() -> Callable[..., dict[str, Any]]:
    """Makes ``crawl-comparisons`` parameters for a fast crawl of a fixture site into a db."""

    def make(site: FixtureSiteServer, db_url: str, **overrides: Any) -> dict[str, Any]:
        parameters: dict[str, Any] = {
            "seeds": [site.base_url + "/"],
            "sitemaps": [],
            "allow_hosts": [site.base_url.removeprefix("http://")],
            "max_pages": 0,
            "rate": 0.0,
            "concurrency": 4,
            "db_url": db_url,
            "extract_processes": 0,
        }
        parameters.update(overrides)
        return parameters

    return make


@pytest.fixture
def run_records(prefect: None) -> RunRecords:
    """Reads the records of flow runs from the session's Prefect server."""
    return RunRecords()
