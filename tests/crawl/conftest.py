"""Fixtures of the crawl tests: the fault-injection server, settings, a sleep that never waits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

from careerdiff.crawl.urls import UrlRules
from careerdiff.settings import DEFAULT_COMPARISON_PATTERN, DEFAULT_LISTING_PATTERN, Settings

from .faultserver import DEFAULT_ROBOTS, FaultServer

T = TypeVar("T")


class RecordingSleep:
    """Stands in for ``asyncio.sleep`` in back-off: records each delay and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one coroutine to the end (the tests need no async plugin)."""
    return asyncio.run(coro)


def crawl_settings(server: FaultServer | None = None, **overrides: Any) -> Settings:
    """Settings for tests: fast, no rate limit, short timeouts, few retries."""
    values: dict[str, Any] = {
        "rate": 0,
        "concurrency": 4,
        "max_retries": 2,
        "backoff_base": 0.01,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
    }
    if server is not None:
        values["allow_hosts"] = (f"127.0.0.1:{server.port}",)
    values.update(overrides)
    return Settings().replace(**values)


def rules_for_hosts(*hosts: str) -> UrlRules:
    """URL rules with the default patterns that allow ``hosts``."""
    return UrlRules(hosts, DEFAULT_COMPARISON_PATTERN, DEFAULT_LISTING_PATTERN)


def rules_for_server(server: FaultServer, *extra_hosts: str) -> UrlRules:
    """URL rules that allow the server (as 127.0.0.1) and ``extra_hosts``."""
    return rules_for_hosts(f"127.0.0.1:{server.port}", *extra_hosts)


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A running fault server with the default robots.txt (``/private/`` disallowed)."""
    with FaultServer(robots=DEFAULT_ROBOTS) as server:
        yield server


@pytest.fixture
def make_fault_server() -> Iterator[Callable[..., FaultServer]]:
    """A factory of fault servers with other robots.txt behaviour; all stopped afterwards."""
    servers: list[FaultServer] = []

    def make(**kwargs: Any) -> FaultServer:
        server = FaultServer(**kwargs).__enter__()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def recording_sleep() -> RecordingSleep:
    """A sleep that records back-off delays without waiting."""
    return RecordingSleep()
