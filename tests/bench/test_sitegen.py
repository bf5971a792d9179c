"""The benchmark site generator: deterministic, the real site's layout, pages true to facts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from protego import Protego

from bench.compare import differences
from bench.sitefacts import SitePlan, all_roles, occupation
from bench.sitegen import Site, sitemap_files, write_discovery, write_site
from careerdiff.settings import DEFAULT_COMPARISON_PATTERN
from extractors import extract_page
from fixtures.tools.expected import comparison_record
from fixtures.tools.pages import CATEGORIES

PAGES = 12
BASE = "http://127.0.0.1:8123"
SECTION_WORDS = ("overview", "salary", "education", "demographics", "duties", "skills", "vs")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return write_site(tmp_path_factory.mktemp("site"), PAGES, workers=1)


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_the_same_plan_writes_the_same_bytes(site: Site, tmp_path: Path) -> None:
    again = write_site(tmp_path / "again", PAGES, workers=1)
    assert _files(again.www) == _files(site.www)
    assert again.comparison_paths == site.comparison_paths


def test_another_seed_draws_another_site() -> None:
    first = [page.name for page in SitePlan(PAGES, seed=1).comparisons()]
    second = [page.name for page in SitePlan(PAGES, seed=2).comparisons()]
    assert first != second


def test_pages_sit_at_real_site_paths_with_chrome(site: Site) -> None:
    assert len(site.comparison_paths) == PAGES == len(set(site.comparison_paths))
    for path in site.comparison_paths:
        assert re.match(DEFAULT_COMPARISON_PATTERN, path), path
        size = (site.www / path.strip("/") / "index.html").stat().st_size
        assert 100_000 <= size <= 200_000, (path, size)
    for category in CATEGORIES:
        listing = (site.www / category.path.strip("/") / "index.html").read_text()
        assert "<nav" in listing and "<script" in listing
    assert (site.www / "index.html").is_file()


def test_every_page_extracts_to_the_facts_it_shows(site: Site) -> None:
    plan = SitePlan(PAGES).comparisons()
    for page in plan:
        html = (site.www / page.path.strip("/") / "index.html").read_text(encoding="utf-8")
        got = extract_page(html).model_dump(mode="json")
        assert differences(got, comparison_record(page)) == [], page.name


def test_a_plan_uses_every_markup_style_and_varied_occupations() -> None:
    pages = SitePlan(300).comparisons()
    assert {page.style for page in pages} == {"table", "grid", "defs"}
    assert {page.heading_level for page in pages} == {2, 3}
    assert len({o.name for page in pages for o in (page.a, page.b)}) >= 30
    assert len({(page.a.name, page.b.name) for page in pages}) == 300


def test_an_occupation_has_the_same_facts_on_every_page() -> None:
    pages = SitePlan(400).comparisons()
    seen: dict[str, object] = {}
    for page in pages:
        for facts in (page.a, page.b):
            assert seen.setdefault(facts.name, facts) == facts
    assert len(seen) < 2 * len(pages)  # occupations do recur


def test_occupation_names_avoid_section_words_and_facts_add_up() -> None:
    roles = all_roles()
    assert len({role.name for role in roles}) == len(roles) > 5_000
    for role in roles[::97]:
        words = role.name.split()
        assert not set(words) & set(SECTION_WORDS), role.name
        facts = occupation(role)
        assert facts == occupation(role)
        assert facts.race is not None and abs(sum(facts.race) - 100) < 1e-6
        assert facts.gender is not None and abs(sum(facts.gender) - 100) < 1e-6
        low, high = facts.salary_range or (0, 0)
        assert facts.yearly_salary is not None and low < facts.yearly_salary < high


def test_sitemaps_list_every_page_in_children_of_bounded_size(site: Site) -> None:
    files = sitemap_files(site, BASE)
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.fromstring(files["/sitemap.xml"])
    children = [loc.text or "" for loc in index.findall("sm:sitemap/sm:loc", namespace)]
    assert children and all(child.startswith(BASE + "/sitemaps/") for child in children)
    listed: list[str] = []
    for child in children:
        urlset = ET.fromstring(files[child.removeprefix(BASE)])
        locs = [loc.text or "" for loc in urlset.findall("sm:url/sm:loc", namespace)]
        assert len(locs) <= 50_000
        listed += locs
    wanted = site.comparison_urls(BASE) + [BASE + c.path for c in CATEGORIES] + [BASE + "/"]
    assert sorted(listed) == sorted(wanted)


def test_robots_allows_everything_and_names_the_sitemap(site: Site) -> None:
    write_discovery(site, BASE)
    robots = Protego.parse((site.www / "robots.txt").read_text())
    assert all(robots.can_fetch(url, "careerdiff") for url in site.comparison_urls(BASE))
    assert list(robots.sitemaps) == [BASE + "/sitemap.xml"]
    assert (site.www / "sitemap.xml").read_text() == sitemap_files(site, BASE)["/sitemap.xml"]


def test_small_child_sitemaps_split_the_pages(tmp_path: Path) -> None:
    site = write_site(tmp_path, 3, sitemap_urls=2, workers=1)
    files = sitemap_files(site, BASE)
    assert {"/sitemaps/comparisons-1.xml", "/sitemaps/comparisons-2.xml"} <= set(files)
    with pytest.raises(ValueError, match="50,000"):
        write_site(tmp_path / "bad", 3, sitemap_urls=60_000)
