"""Whole-page behaviour on the saved fixture pages, and the fixtures' own soundness.

The first test runs the extractor over every page in ``fixtures/pages`` and compares
its record with the hand-written expected record, field by field. The others check
the fixtures themselves, without the extractor: expected records have SPEC's shape,
their figures are consistent, an occupation has the same facts on every page, each
page shows the facts its record claims, and the seed page shows the seed text.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from careerdiff.settings import DEFAULT_COMPARISON_PATTERN
from extractors import extract_page
from extractors.records import Occupation
from tests.helpers import (
    EXPECTED_DIR,
    FIXTURES_DIR,
    HAND_MADE,
    SEED_NAME,
    expected_path,
    generated_page_names,
    issue_pairs,
    load_expected,
    load_page,
    page_names,
    record_differences,
)

SEED_TEXT = FIXTURES_DIR / "seed" / "000_19a5dbd143e08213.txt"
ISSUE_SECTIONS = {
    "title",
    "intro",
    "overview",
    "description",
    "salary",
    "education",
    "demographics",
    "duties",
    "skills",
    "browse",
    "page",
}
PAGES = page_names()
COMPARISON_PAGES = [name for name in PAGES if load_expected(name)["occupations"]]
#: The pages the fixture tools render: one set of facts, one site's markup and chrome.
GENERATED = generated_page_names()
GENERATED_COMPARISONS = [name for name in COMPARISON_PAGES if name in GENERATED]


def visible_text(html: str) -> str:
    """The page's text as a reader could see it (hidden items too), normalized like SPEC says.

    The content of a declarative shadow root (``<template shadowrootmode>``) and an inline
    frame's document (``<iframe srcdoc>``) are shown by a browser, so their text counts
    (after the rest: only the words are looked for).
    """
    tree = LexborHTMLParser(html)
    shadow = " ".join(_shadow_texts(tree.root)) if tree.root is not None else ""
    frames = [frame.attributes.get("srcdoc") or "" for frame in tree.css("iframe[srcdoc]")]
    shadow += " " + " ".join(visible_text(document) for document in frames)
    tree.strip_tags(["script", "style", "template", "noscript", "head"])
    body = tree.body
    text = (body.text(separator="") if body is not None else "") + " " + shadow
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


def _shadow_texts(node: LexborNode) -> list[str]:
    """The texts of the declarative shadow roots under ``node``, nested ones too."""
    texts: list[str] = []
    for fragment in node.template_fragments():
        template = fragment.parent
        if template is not None and "shadowrootmode" in template.attributes:
            texts.append(fragment.text(separator=""))
            texts.extend(_shadow_texts(fragment))
    return texts


@pytest.mark.parametrize("name", PAGES)
def test_extracted_record_matches_expected(name: str) -> None:
    record = extract_page(load_page(name), url=None).model_dump(mode="json")
    problems = record_differences(record, load_expected(name))
    assert not problems, f"{name}: {len(problems)} differences:\n  " + "\n  ".join(problems)


# -- the fixtures themselves ------------------------------------------------------


def test_every_page_has_an_expected_record_and_every_record_a_page() -> None:
    records = sorted(path.stem for path in EXPECTED_DIR.glob("*.json"))
    assert records == PAGES
    assert len(COMPARISON_PAGES) >= 16


@pytest.mark.parametrize("name", PAGES)
def test_expected_record_has_the_spec_shape(name: str) -> None:
    record = json.loads(expected_path(name).read_text(encoding="utf-8"))
    assert list(record) == ["url", "title", "browse_category", "occupations", "issues"]
    assert record["url"] is None
    assert isinstance(record["title"], str) and record["title"]
    assert len(record["occupations"]) in (0, 2)
    for occupation in record["occupations"]:
        assert list(occupation) == list(Occupation.model_fields)
        Occupation.model_validate(occupation)
    for issue in record["issues"]:
        assert set(issue) == {"section", "severity"}
        assert issue["section"] in ISSUE_SECTIONS
        assert issue["severity"] in ("warning", "error")
    if not record["occupations"]:
        assert {"section": "page", "severity": "error"} in record["issues"]


@pytest.mark.parametrize("name", COMPARISON_PAGES)
def test_expected_figures_are_internally_consistent(name: str) -> None:
    record = load_expected(name)
    sums_may_be_off = ("demographics", "warning") in issue_pairs(record["issues"])
    for occ in record["occupations"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", occ["slug"])
        if occ["yearly_salary_usd"] is not None:
            hourly = occ["yearly_salary_usd"] / 2080
            assert occ["hourly_rate_usd"] == pytest.approx(hourly, abs=0.01)
            assert occ["salary_min_usd"] < occ["yearly_salary_usd"] < occ["salary_max_usd"]
        for shares in (occ["gender"], occ["race"]):
            if shares and not sums_may_be_off:
                assert sum(s["share_pct"] for s in shares) == pytest.approx(100, abs=0.5)
        # The seed lists six race categories; other pages list four to seven.
        assert len(occ["race"]) == 0 or 4 <= len(occ["race"]) <= 7
        assert len(occ["gender"]) in (0, 2)
        pcts = [s["share_pct"] for s in occ["skills"]]
        assert pcts == sorted(pcts, reverse=True) and all(0 < p <= 100 for p in pcts)
        assert len(occ["top_skills"]) == 3
        low, high = occ["time_to_become_min_months"], occ["time_to_become_max_months"]
        assert 0 < low <= high


def test_an_occupation_has_the_same_facts_on_every_page() -> None:
    seen: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    appearances: dict[str, int] = defaultdict(int)
    for name in GENERATED_COMPARISONS:  # hand-made pages have facts of their own
        for occ in load_expected(name)["occupations"]:
            appearances[occ["slug"]] += 1
            for key, value in occ.items():
                if value is None or value == []:
                    continue
                seen[(occ["slug"], key)][name] = value
    for (slug, key), by_page in seen.items():
        distinct = {json.dumps(v, sort_keys=True) for v in by_page.values()}
        assert len(distinct) == 1, f"{slug}.{key} differs between pages: {by_page}"
    assert sum(1 for count in appearances.values() if count > 1) >= 5


@pytest.mark.parametrize("name", GENERATED_COMPARISONS)
def test_page_shows_the_facts_of_its_expected_record(name: str) -> None:
    text = visible_text(load_page(name))
    lowered = text.lower()
    record = load_expected(name)
    assert record["title"] in text
    if record["browse_category"] is not None:
        assert f"Browse {record['browse_category']} jobs" in text
    for occ in record["occupations"]:
        assert occ["title"].lower() in lowered
        for paragraph in (occ["description"] or "").split("\n\n"):
            assert paragraph in text
        for item in occ["responsibilities"]:
            assert item in text
        for skill in occ["skills"]:
            assert f"{skill['name']}, {skill['share_pct']:g}%" in text
        for top in occ["top_skills"]:
            assert top in text
        if occ["yearly_salary_usd"] is not None:
            assert f"${occ['yearly_salary_usd']:,}" in text
        if occ["salary_min_usd"] is not None:
            assert f"Between ${occ['salary_min_usd']:,} And ${occ['salary_max_usd']:,}" in text
        if occ["highest_paying_city"] is not None:
            city = f"{occ['highest_paying_city']}, {occ['highest_paying_city_state']}"
            assert city in text
        for key in ("best_paying_company", "top_major", "top_college", "top_degree"):
            if occ[key] is not None:
                assert occ[key] in text
        for share in occ["gender"] + occ["race"]:
            assert f"{share['category']}, {share['share_pct']:.1f}%" in text


def test_the_hand_made_pages_are_all_there() -> None:
    assert set(HAND_MADE) <= set(COMPARISON_PAGES)


@pytest.mark.parametrize("name", HAND_MADE)
def test_hand_made_page_shows_the_words_of_its_expected_record(name: str) -> None:
    """Hand-made pages have markups of their own, so only their words are looked for."""
    text = _plain(visible_text(load_page(name)))
    record = load_expected(name)
    assert _plain(record["title"]) in text
    if record["browse_category"] is not None:
        assert _plain(record["browse_category"]) in text
    for occ in record["occupations"]:
        words = [occ["title"], *occ["top_skills"], *occ["responsibilities"]]
        words += (occ["description"] or "").split("\n\n")
        words += [skill["name"] for skill in occ["skills"]]
        words += [share["category"] for share in occ["gender"] + occ["race"]]
        for key in ("top_degree", "top_major", "top_college", "best_paying_company"):
            words.append(occ[key] or "")
        for key in ("highest_paying_city", "highest_paying_state", "best_paying_industry"):
            words.append(occ[key] or "")
        missing = [word for word in words if _plain(word) not in text]
        assert not missing, f"{name}: not on the page: {missing}"


def _plain(text: str) -> str:
    """Lower case, plain quotes and one space between words (markup splits words apart)."""
    for fancy, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(fancy, plain)
    return " ".join(text.lower().split())


def test_seed_page_shows_the_seed_text_in_order() -> None:
    def compact(text: str) -> str:
        return re.sub(r"[\s\u2022]+", "", text)

    page = compact(visible_text(load_page(SEED_NAME)))
    position = 0
    lines = SEED_TEXT.read_text(encoding="utf-8").removesuffix("before-stop").splitlines()
    for line in filter(None, map(compact, lines)):
        found = page.find(line, position)
        assert found >= 0, f"seed line not found (in order) on the seed page: {line!r}"
        position = found + len(line)


@pytest.mark.parametrize("name", GENERATED)
def test_page_is_a_realistic_full_document(name: str) -> None:
    html = load_page(name)
    assert html.startswith("<!DOCTYPE html>")
    assert "edge-truncated" in name or html.rstrip().endswith("</html>")
    assert 100_000 <= len(html.encode()) <= 200_000
    tree = LexborHTMLParser(html)
    assert tree.css_first('meta[name="description"]') is not None
    blobs = [node.text() for node in tree.css('script[type="application/json"]')]
    assert any("Yearly salary" in blob for blob in blobs)
    nav = tree.css_first("nav").text() if tree.css_first("nav") else ""
    assert all(word in nav for word in ("Salary", "Skills", "Education"))
    assert tree.css_first(".cookie-banner") is not None
    assert tree.css_first('[aria-label="Breadcrumb"]') is not None


@pytest.mark.parametrize("name", [n for n in GENERATED_COMPARISONS if "truncated" not in n])
def test_comparison_page_links_to_related_comparisons(name: str) -> None:
    tree = LexborHTMLParser(load_page(name))
    hrefs = [node.attributes.get("href") or "" for node in tree.css("aside a")]
    related = [href for href in hrefs if re.match(DEFAULT_COMPARISON_PATTERN, href)]
    assert len(related) >= 3
    assert tree.css_first("footer") is not None


def test_fixtures_are_what_the_tools_render() -> None:
    from fixtures.tools import stale_files

    assert stale_files() == [], "run `python -m fixtures.tools` and commit the result"


def test_readme_describes_every_page() -> None:
    readme = (FIXTURES_DIR / "README.md").read_text(encoding="utf-8")
    missing = [name for name in PAGES if f"`{name}`" not in readme]
    assert not missing, f"fixtures/README.md does not describe: {missing}"
