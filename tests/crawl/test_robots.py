"""robots.txt responses and the per-host cache."""

from __future__ import annotations

import asyncio

from careerdiff.crawl.robots import (
    RobotsCache,
    RobotsPolicy,
    RobotsState,
    policy_from_response,
)

from .conftest import run

UA = "careerdiff/0.1.0 (+https://github.com/careerdiff/careerdiff)"
ROBOTS = b"""
User-agent: *
Disallow: /private/
Crawl-delay: 9

User-agent: careerdiff
Disallow: /not-for-careerdiff/
Crawl-delay: 2.5

Sitemap: https://a.test/sitemap.xml
Sitemap: https://a.test/more.xml.gz
"""


def test_rules_are_read_for_our_user_agent() -> None:
    policy = policy_from_response(200, ROBOTS, UA)
    assert policy.state is RobotsState.RULES
    assert not policy.allows("https://a.test/not-for-careerdiff/x")
    assert policy.allows("https://a.test/private/x")  # our own group replaces "*"
    assert policy.allows("https://a.test/anything")
    assert policy.crawl_delay == 2.5
    assert policy.sitemaps == ("https://a.test/sitemap.xml", "https://a.test/more.xml.gz")


def test_other_agents_fall_back_to_star() -> None:
    policy = policy_from_response(200, ROBOTS, "otherbot/1.0")
    assert not policy.allows("https://a.test/private/x")
    assert policy.crawl_delay == 9.0


def test_4xx_allows_everything() -> None:
    for status in (401, 403, 404, 410):
        policy = policy_from_response(status, b"", UA)
        assert policy.state is RobotsState.ALLOW_ALL
        assert policy.allows("https://a.test/private/x")
        assert policy.crawl_delay is None and policy.sitemaps == ()


def test_5xx_429_and_unreachable_allow_nothing() -> None:
    for status in (429, 500, 503, None):
        policy = policy_from_response(status, b"", UA)
        assert policy.state is RobotsState.UNAVAILABLE
        assert not policy.allows("https://a.test/")


def test_undecodable_robots_is_still_read() -> None:
    policy = policy_from_response(200, b"User-agent: *\nDisallow: /caf\xe9/\n", UA)
    assert policy.state is RobotsState.RULES
    assert policy.allows("https://a.test/other")


def test_cache_loads_each_origin_once_even_when_asked_at_once() -> None:
    loads: list[str] = []

    async def load(origin: str) -> RobotsPolicy:
        loads.append(origin)
        await asyncio.sleep(0.01)
        return policy_from_response(404, b"", UA)

    async def scenario() -> list[RobotsPolicy]:
        cache = RobotsCache(load)
        first = await asyncio.gather(*(cache.policy("https://a.test") for _ in range(10)))
        again = await cache.policy("https://a.test")
        other = await cache.policy("https://b.test")
        assert cache.known("https://a.test") is again
        await cache.aclose()
        return [*first, again, other]

    policies = run(scenario())
    assert loads == ["https://a.test", "https://b.test"]
    assert all(policy is policies[0] for policy in policies[:11])
