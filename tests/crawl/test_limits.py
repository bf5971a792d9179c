"""Per-host concurrency and pacing."""

from __future__ import annotations

import asyncio

import pytest

from careerdiff.crawl.limits import HostGate, HostGates, start_interval

from .conftest import run


def test_start_interval() -> None:
    assert start_interval(0) == 0.0
    assert start_interval(4) == 0.25
    assert start_interval(4, crawl_delay=2) == 2.0  # robots.txt asks for more
    assert start_interval(4, crawl_delay=0.1) == 0.25  # ours is longer already
    assert start_interval(0, crawl_delay=1.5) == 1.5  # no limit of ours, robots.txt still counts


def test_gate_bounds_requests_in_flight() -> None:
    async def scenario() -> int:
        gate = HostGate(concurrency=2, interval=0)
        inside = peak = 0

        async def request() -> None:
            nonlocal inside, peak
            async with gate:
                inside += 1
                peak = max(peak, inside)
                await asyncio.sleep(0.01)
                inside -= 1

        await asyncio.gather(*(request() for _ in range(8)))
        return peak

    assert run(scenario()) == 2


def test_gate_without_pacing_never_waits() -> None:
    async def scenario() -> None:
        gate = HostGate(concurrency=1, interval=0)
        for _ in range(50):
            async with gate:
                pass

    run(asyncio.wait_for(scenario(), timeout=5))


def test_paced_gate_holds_back_the_next_start() -> None:
    async def scenario() -> None:
        gate = HostGate(concurrency=4, interval=30.0)
        async with gate:
            pass  # the first start is free
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                async with gate:
                    pass

    run(scenario())


def test_paced_gate_releases_its_slot_when_cancelled_while_waiting() -> None:
    async def scenario() -> None:
        gate = HostGate(concurrency=1, interval=30.0)
        async with gate:
            pass
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05):
                async with gate:
                    pass
        gate.set_interval(0)  # pacing off: the one slot must be free again
        async with asyncio.timeout(1):
            async with gate:
                pass

    run(scenario())


def test_gates_are_per_origin_and_take_robots_crawl_delay() -> None:
    gates = HostGates(concurrency=2, rate=0)
    first = gates.gate("http://a.test")
    assert gates.gate("http://a.test") is first
    assert gates.gate("http://b.test") is not first
    gates.apply_crawl_delay("http://a.test", 3.0)
    assert first.interval == 3.0
    assert gates.gate("http://b.test").interval == 0.0
