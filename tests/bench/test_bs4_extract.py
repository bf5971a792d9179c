"""The BeautifulSoup peer gives careerdiff's records on generated and fixture-tool pages."""

from __future__ import annotations

import pytest

from bench.compare import differences
from bench.peers.bs4_extract import clean, extract_page_bs4
from bench.sitefacts import SitePlan
from extractors import extract_page
from fixtures.tools.compose import ComparisonRenderer
from tests.helpers import generated_page_names, load_expected, load_page

PLAN = SitePlan(30).comparisons()
#: Three pages of each markup style.
SAMPLE = [
    page
    for style in ("table", "grid", "defs")
    for page in [p for p in PLAN if p.style == style][:3]
]


@pytest.mark.parametrize("page", SAMPLE, ids=lambda page: f"{page.style}-{page.name}")
def test_the_peer_reads_what_careerdiff_reads(page: object) -> None:
    html = ComparisonRenderer(page, PLAN).render()  # type: ignore[arg-type]
    ours = extract_page(html, url="http://x/p").model_dump(mode="json")
    peer = extract_page_bs4(html, url="http://x/p").model_dump(mode="json")
    assert differences(peer, ours) == []
    assert peer["occupations"][0]["skills"] and peer["occupations"][1]["responsibilities"]


def test_a_sample_holds_every_style() -> None:
    assert {page.style for page in SAMPLE} == {"table", "grid", "defs"}


@pytest.mark.parametrize("name", generated_page_names())
def test_the_peer_matches_the_fixture_tools_expected_records(name: str) -> None:
    """Missing sections, dashes, truncation and a listing page included (red-team pages not)."""
    record = extract_page_bs4(load_page(name)).model_dump(mode="json")
    assert differences(record, load_expected(name)) == []


@pytest.mark.parametrize("html", ["", "<html>", "<p>no title</p>", b"\xff\xfe<h1>a vs</h1>"])
def test_broken_pages_give_a_page_error_not_an_exception(html: str | bytes) -> None:
    record = extract_page_bs4(html, url="http://x/broken")
    assert record.occupations == []
    assert [(i.section, i.severity) for i in record.issues] == [("page", "error")]


def test_clean_text_as_spec_says() -> None:
    assert clean("  Bachelor\u2019s\u00a0Degree \n ") == "Bachelor's Degree"
