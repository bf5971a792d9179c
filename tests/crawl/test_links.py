"""Links on fetched pages: extraction, resolution, and which ones are followed."""

from __future__ import annotations

import pytest

from careerdiff.crawl import links
from careerdiff.crawl.links import LinkFinder, extract_links, links_to_follow
from careerdiff.crawl.urls import UrlKind

from .conftest import rules_for_hosts

PAGE = "https://www.zippia.com/nurse-jobs/"


def test_links_are_resolved_against_the_page_url() -> None:
    html = '<a href="nurse-vs-doctor-differences">1</a><a href="/x-jobs">2</a>'
    assert extract_links(html, PAGE) == [
        "https://www.zippia.com/nurse-jobs/nurse-vs-doctor-differences",
        "https://www.zippia.com/x-jobs",
    ]


def test_base_href_wins_over_the_page_url() -> None:
    html = '<html><head><base href="/other-jobs/"></head><body><a href="a">a</a></body></html>'
    assert extract_links(html, PAGE) == ["https://www.zippia.com/other-jobs/a"]


def test_fragments_schemes_and_duplicates() -> None:
    html = (
        '<a href="#top">top</a><a href="javascript:void(0)">js</a>'
        '<a href="mailto:a@b.c">mail</a><a href="tel:123">tel</a><a>no href</a><a href="">empty</a>'
        '<a href=" /a-jobs#s1 ">a</a><a href="/a-jobs#s2">again</a>'
        '<a href="//cdn.example.org/b">protocol-relative</a>'
    )
    assert extract_links(html, PAGE) == [
        "https://www.zippia.com/a-jobs",
        "https://cdn.example.org/b",
    ]


def test_bytes_are_read_as_utf8() -> None:
    html = '<a href="/caf\u00e9-jobs">x</a>'.encode()
    assert extract_links(html, PAGE) == ["https://www.zippia.com/caf\u00e9-jobs"]


def test_broken_markup_still_gives_its_links() -> None:
    html = '<div><a href="/a-jobs">a<p><a href=/b-jobs>b</div></span><a href="/c-jobs'
    assert extract_links(html, PAGE)[:2] == [
        "https://www.zippia.com/a-jobs",
        "https://www.zippia.com/b-jobs",
    ]


def test_only_comparison_and_listing_links_on_allowed_hosts_are_followed() -> None:
    html = (
        '<a href="/nurse-jobs/nurse-vs-doctor-differences/?utm_source=x">comparison</a>'
        '<a href="/doctor-jobs">listing</a>'
        '<a href="/doctor-jobs/">same listing</a>'
        '<a href="/about-us">other</a>'
        '<a href="https://elsewhere.example/a-jobs">offsite listing</a>'
        '<a href="http://10.0.0.1/b-jobs">private</a>'
    )
    followed = links_to_follow(html, PAGE, rules_for_hosts("www.zippia.com"))
    assert followed == [
        (
            "https://www.zippia.com/nurse-jobs/nurse-vs-doctor-differences",
            UrlKind.COMPARISON,
        ),
        ("https://www.zippia.com/doctor-jobs", UrlKind.LISTING),
    ]


def test_a_finder_past_its_cache_bound_starts_over_and_gives_the_same_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = [
        (
            f"https://www.zippia.com/p{n}-jobs/",
            '<a href="/menu-jobs">menu</a>'
            f'<a href="/p{n}-jobs/p{n}-vs-q{n}-differences">c</a><a href="/q{n}-jobs">l</a>',
        )
        for n in range(40)
    ]
    rules = rules_for_hosts("www.zippia.com")
    expected = [links_to_follow(html, url, rules) for url, html in pages]
    monkeypatch.setattr(links, "VERDICT_CACHE_SIZE", 5)
    finder = LinkFinder(rules)
    got = []
    for url, html in pages:
        got.append(finder.follow(html, url))
        assert finder._remembered <= 5
        assert sum(len(v) for v in finder._by_origin.values()) <= 5
    assert got == expected
    assert ("https://www.zippia.com/menu-jobs", UrlKind.LISTING) in got[-1]
