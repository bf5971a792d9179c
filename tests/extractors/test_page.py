"""Whole pages: the seed page in every markup, boilerplate that must not confuse, and bad input.

The seed page's record must equal SPEC section 2's example field for field in
every markup ``seed_page.render`` knows; malformed input of any kind must give
a record with issues, never an exception.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_page import (
    EXPECTED_BROWSE_CATEGORY,
    EXPECTED_OCCUPATIONS,
    TITLE,
    issue_pairs,
    issues_of,
    mini_page,
    record,
    render,
)

from extractors import EXTRACTOR_VERSION, PageRecord, extract_page
from extractors._context import SECTION_NAMES
from extractors._dom import join_split_runs, parse_html, splits_words_in_runs
from extractors._native import PACKAGE_DIR

STYLES = ("table", "th", "grid", "dl", "cards", "columns", "wrappers")
HEADINGS = ("h", "role", "bold", "span")


def _differences(record: PageRecord) -> list[str]:
    got = record.model_dump()
    problems = []
    if got["title"] != TITLE:
        problems.append(f"title: {got['title']!r}")
    if got["browse_category"] != EXPECTED_BROWSE_CATEGORY:
        problems.append(f"browse_category: {got['browse_category']!r}")
    if len(got["occupations"]) != 2:
        return [*problems, f"{len(got['occupations'])} occupations"]
    for index, expected in enumerate(EXPECTED_OCCUPATIONS):
        occupation = got["occupations"][index]
        assert set(occupation) == set(expected), "the test's expected record lacks a field"
        for key, value in expected.items():
            if occupation[key] != value:
                problems.append(f"occupation {index} {key}: {occupation[key]!r} != {value!r}")
    return problems


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("headings", HEADINGS)
def test_the_seed_page_in_every_markup_gives_the_spec_record(style: str, headings: str) -> None:
    record = extract_page(render(style=style, headings=headings))
    assert _differences(record) == []
    assert record.issues == []


@pytest.mark.parametrize("wrap", [True, False])
@pytest.mark.parametrize("hidden", ["hidden", "display", "aria", "class"])
def test_the_seed_page_flat_or_wrapped_with_any_kind_of_hidden_item(
    wrap: bool, hidden: str
) -> None:
    record = extract_page(render(wrap_sections=wrap, hidden=hidden))
    assert _differences(record) == []


@pytest.mark.parametrize("header", ["thead", "tbody", "none"])
def test_the_overview_header_row_in_thead_tbody_or_absent(header: str) -> None:
    record = extract_page(render(header=header))
    # Without a header row, titles come from the h1 capitalized, with a warning.
    assert [o.title for o in record.occupations] == [
        "Patient Coordinator",
        "Certified Medical Technician",
    ]
    assert (("overview", "warning") in issue_pairs(record)) == (header == "none")


def test_the_seed_page_as_bytes_and_without_boilerplate() -> None:
    assert _differences(extract_page(render().encode("utf-8"))) == []
    assert _differences(extract_page(render(boilerplate=False))) == []


def test_the_url_is_passed_through() -> None:
    url = "https://example.test/patient-coordinator-jobs/patient-coordinator-vs-x-differences"
    assert extract_page(render(), url=url).url == url
    assert extract_page(render()).url is None


def test_the_record_serializes_to_one_line_of_spec_json() -> None:
    line = extract_page(render()).to_json()
    assert "\n" not in line
    data: dict[str, Any] = json.loads(line)
    assert list(data) == ["url", "title", "browse_category", "occupations", "issues"]
    assert data["occupations"][0]["gender"][0] == {"category": "Male", "share_pct": 11.2}


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<h1>Healthcare jobs</h1>",
        "<title>Nurse vs doctor</title>",
        mini_page("<h2>x vs y overview</h2><table><tr><td>Yearly salary</td><td>lots</td></tr>"),
        render(overrides={"skills": lambda _: "", "demographics": lambda _: ""}),
    ],
)
def test_issues_use_the_stable_section_names(page: str) -> None:
    record = extract_page(page)
    assert record.issues
    assert {issue.section for issue in record.issues} <= set(SECTION_NAMES)


def test_the_extractor_version_is_a_positive_int() -> None:
    assert isinstance(EXTRACTOR_VERSION, int) and EXTRACTOR_VERSION > 0


def test_labels_in_scripts_templates_and_noscript_are_ignored() -> None:
    junk = (
        '<script type="application/json">{"Yearly salary": "$0", "Average age": 0}</script>'
        "<template><table><tr><td>Yearly salary</td><td>$0</td><td>$0</td></tr></table>"
        "</template><noscript><table><tr><td>Yearly salary</td><td>$1</td><td>$1</td></tr>"
        "</table></noscript>"
    )
    record = extract_page(render(overrides={"overview": lambda html: junk + html}))
    assert _differences(record) == []


def test_a_sidebar_with_related_comparisons_and_section_words() -> None:
    aside = (
        "<aside><h3>Patient coordinator vs medical assistant salary</h3><ul>"
        "<li>Yearly salary</li><li>$99,999</li><li>$99,999</li></ul></aside>"
    )
    record = extract_page(render(overrides={"salary": lambda html: aside + html}))
    assert _differences(record) == []


def test_a_table_of_contents_with_its_own_heading_between_the_title_and_the_intro() -> None:
    toc = (
        '<nav class="toc"><h2>On this page</h2><ol>'
        '<li><a href="#o">Patient coordinator vs certified medical technician overview</a></li>'
        '<li><a href="#s">Patient coordinator vs certified medical technician skills</a></li>'
        "</ol></nav>"
    )
    record = extract_page(render(overrides={"intro": lambda html: toc + html}))
    assert _differences(record) == []


def test_an_ad_between_sections() -> None:
    ad = '<div class="ad-slot"><iframe src="about:blank"></iframe><script>ads()</script></div>'
    record = extract_page(render(overrides={"duties": lambda html: html + ad}))
    assert _differences(record) == []


def test_a_page_with_only_some_sections_loads_the_rest() -> None:
    page = render(overrides={"demographics": lambda _: "", "skills": lambda _: ""})
    record = extract_page(page)
    assert {("demographics", "warning"), ("skills", "warning")} <= issue_pairs(record)
    assert all(issue.severity == "warning" for issue in record.issues)
    assert record.occupations[0].yearly_salary_usd == 32954
    assert record.occupations[0].gender == []


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        b"",
        "<",
        "<html",
        "<<<>>>",
        "\x00\x01\x02",
        b"\xff\xfe\x00<h1>\x00",
        "\ud800<h1>Nurse vs doctor</h1>",
        "<h1>Nurse vs doctor</h1>" + "<div>" * 5000 + "deep" + "</div>" * 10,
        "<h1>Nurse vs doctor</h1><table><tr><td>Yearly salary<td>$1<td>",
        "<h1>vs</h1>",
        "<h1> vs doctor</h1>",
    ],
)
def test_malformed_input_gives_a_record_never_an_exception(html: str | bytes) -> None:
    record = extract_page(html)
    assert isinstance(record, PageRecord)
    assert record.issues or record.occupations


def test_an_empty_page_is_an_error() -> None:
    assert ("page", "error") in issue_pairs(extract_page(""))


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_a_truncated_page_keeps_what_is_left(fraction: float) -> None:
    page = render()
    record = extract_page(page[: int(len(page) * fraction)])
    assert isinstance(record, PageRecord)
    if record.occupations:
        assert all(issue.severity == "warning" for issue in record.issues)


def test_the_truncated_page_still_reads_the_sections_before_the_cut() -> None:
    page = render()
    cut = page.index("What does a certified medical technician do?")
    record = extract_page(page[:cut])
    assert record.occupations[0].yearly_salary_usd == 32954
    assert ("salary", "warning") in issue_pairs(record)


def test_a_huge_page() -> None:
    filler = "<div><p>filler text</p></div>" * 20000
    record = extract_page(render(overrides={"browse": lambda html: html + filler}))
    assert _differences(record) == []


def test_a_failing_section_is_an_error_for_that_section_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import extractors.page as page_module

    def broken(ctx: object) -> object:
        raise RuntimeError("boom")

    sections = tuple(
        (name, broken if name == "salary" else extractor)
        for name, extractor in page_module.SECTION_EXTRACTORS
    )
    monkeypatch.setattr(page_module, "SECTION_EXTRACTORS", sections)
    record = extract_page(render())
    assert ("salary", "error") in issue_pairs(record)
    assert record.occupations[0].top_major == "Business"
    assert record.occupations[0].salary_min_usd is None


def _page_module_from_source() -> ModuleType:
    """``extractors.page`` loaded from its ``.py`` under another name: a compiled module's
    calls to the functions it imports cannot be replaced, the source's can."""
    spec = importlib.util.spec_from_file_location("page_from_source", PACKAGE_DIR / "page.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_failure_outside_the_sections_is_a_page_error(monkeypatch: pytest.MonkeyPatch) -> None:
    page_module = _page_module_from_source()

    def broken(html: object) -> object:
        raise MemoryError("no memory")

    monkeypatch.setattr(page_module, "parse_html", broken)
    record = page_module.extract_page(render(), url="u")
    assert record.url == "u" and record.occupations == []
    assert ("page", "error") in issue_pairs(record)


# --- mutations of a real page (hypothesis) ---------------------------------------

SEED_HTML = render(style="grid")
TABLE_HTML = render(style="table", headings="bold")


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A page with slices deleted, duplicated or swapped, and random tags or bytes inserted."""
    page = draw(st.sampled_from([SEED_HTML, TABLE_HTML]))
    for _ in range(draw(st.integers(1, 4))):
        size = len(page)
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + 2000)))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "tag", "bytes"]))
        if action == "delete":
            page = page[:start] + page[end:]
        elif action == "duplicate":
            page = page[:end] + page[start:end] + page[end:]
        elif action == "swap":
            other = draw(st.integers(0, size))
            piece = page[start:end]
            rest = page[:start] + page[end:]
            other = min(other, len(rest))
            page = rest[:other] + piece + rest[other:]
        elif action == "tag":
            tag = draw(
                st.sampled_from(
                    ["<div>", "</div>", "<table>", "</tr>", "<h2>", "<!--", "<script>", "</ul>"]
                )
            )
            page = page[:start] + tag + page[start:]
        else:
            noise = draw(st.text(min_size=1, max_size=20))
            page = page[:start] + noise + page[start:]
    return page


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages())
def test_mutated_pages_never_raise(page: str) -> None:
    record = extract_page(page)
    assert isinstance(record, PageRecord)
    json.loads(record.to_json())
    for occupation in record.occupations:
        assert occupation.slug == "" or occupation.slug.replace("-", "").isalnum()


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(data: bytes) -> None:
    assert isinstance(extract_page(data), PageRecord)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=3000))
def test_random_text_never_raises(text: str) -> None:
    assert isinstance(extract_page(mini_page(text)), PageRecord)


BARE = {
    f"{TITLE} overview": "Overview",
    f"{TITLE} salary": "Salary",
    f"{TITLE} demographics": "Demographics",
    f"{TITLE} skills": "Skills",
}


@pytest.mark.parametrize("headings", ["h", "bold"])
def test_headings_that_are_only_the_sections_words(headings: str) -> None:
    page = render(headings=headings)
    for long, short in BARE.items():
        page = page.replace(f">{long}<", f">{short}<")
    record = extract_page(page)
    assert _differences(record) == []
    assert record.issues == []


def _sections_swapped(page: str, first: str, second: str) -> str:
    """The page with two of its wrapped sections (``seed_page.render``) swapped."""
    sections = re.findall(r'<section class="x\d+">.*?</section>', page, flags=re.S)
    index = {name: i for i, name in enumerate(SECTION_ORDER)}
    one, two = sections[index[first]], sections[index[second]]
    return page.replace(one, "\0").replace(two, one).replace("\0", two)


SECTION_ORDER = (
    "intro",
    "overview",
    "description:0",
    "description:1",
    "salary",
    "education",
    "demographics",
    "duties",
    "skills",
    "browse",
)


@pytest.mark.parametrize("headings", ["h", "bold", "span"])
@pytest.mark.parametrize(
    ("first", "second"),
    [("duties", "skills"), ("overview", "salary"), ("description:0", "demographics")],
)
def test_sections_in_another_order(headings: str, first: str, second: str) -> None:
    page = _sections_swapped(render(headings=headings), first, second)
    assert page != render(headings=headings)
    assert _differences(extract_page(page)) == []


def test_headings_as_bold_paragraphs_in_a_flat_page() -> None:
    page = re.sub(
        r'<div class="t-\d"><b>(.*?)</b></div>',
        r"<p><strong>\1</strong></p>",
        render(style="dl", headings="bold", wrap_sections=False),
    )
    assert "<p><strong>What does a patient coordinator do?</strong></p>" in page
    assert _differences(extract_page(page)) == []


def test_table_columns_in_the_other_occupation_order() -> None:
    def swap(match: re.Match[str]) -> str:
        return f"<tr><td>{match[1]}</td><td>{match[3]}</td><td>{match[2]}</td></tr>"

    page = re.sub(r"<tr><td>([^<]*)</td><td>(.*?)</td><td>(.*?)</td></tr>", swap, render())
    a, b = "<th>Patient Coordinator</th>", "<th>Certified Medical Technician</th>"
    assert a + b in page
    page = page.replace(a + b, b + a)
    assert _differences(extract_page(page)) == []


def _overview(*rows: tuple[str, str, str]) -> str:
    cells = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>" for label, a, b in rows)
    return f"<h2>{TITLE} overview</h2><table>{cells}</table>"


def test_figures_out_of_any_plausible_range_are_warnings_and_kept() -> None:
    rec = record(_overview(("Average age", "4238", "44"), ("Years of experience", "4", "75")))
    assert [occupation.avg_age_years for occupation in rec.occupations] == [4238, 44]
    messages = issues_of(rec, "overview")
    assert any("avg_age_years" in message and "4238" in message for message in messages)
    assert any("experience_years" in message and "75" in message for message in messages)
    assert not any("44" in message for message in messages)


def test_an_hourly_rate_that_contradicts_the_yearly_salary_is_a_warning() -> None:
    rec = record(
        _overview(("Yearly salary", "$32,954", "$38,859"), ("Hourly rate", "$15.84", "$8.10"))
    )
    messages = [message for message in issues_of(rec, "overview") if "hourly rate" in message]
    assert len(messages) == 1 and "8.1" in messages[0]


def test_a_salary_range_that_runs_backwards_is_a_warning() -> None:
    rec = record(
        f"<h2>{TITLE} salary</h2><table><tr><td>Salary range</td>"
        "<td>Between $41,000 And $25,000</td><td>Between $28,000 And $53,000</td></tr></table>"
    )
    assert len([message for message in issues_of(rec, "salary") if "down to" in message]) == 1


def test_a_table_of_contents_after_the_title_does_not_head_the_sections() -> None:
    toc = (
        "<nav><ol><li><a href='#o'>Patient coordinator vs certified medical technician overview"
        "</a></li><li><a href='#d'>What&nbsp;does a patient coordinator do?</a></li></ol></nav>"
    )
    rec = record(
        toc
        + _overview(("Yearly salary", "$32,954", "$38,859"))
        + "<p><b>What&nbsp;does a patient coordinator do?</b></p><p>Schedules patients.</p>"
    )
    assert [occupation.yearly_salary_usd for occupation in rec.occupations] == [32954, 38859]
    assert rec.occupations[0].description == "Schedules patients."


def test_a_tab_lists_contents_title_does_not_end_the_section() -> None:
    overview = _overview(("Yearly salary", "$32,954", "$38,859"))
    heading, table = overview.split("</h2>", 1)
    rec = record(
        heading + "</h2><div class='tabs'><h2 class='tabs__title'>Contents</h2>"
        "<ul><li><a href='#t1'>All</a></li></ul><div id='t1'>" + table + "</div></div>"
    )
    assert [occupation.yearly_salary_usd for occupation in rec.occupations] == [32954, 38859]


def test_a_tab_lists_title_over_links_within_the_page_does_not_end_the_section() -> None:
    heading, table = _overview(("Yearly salary", "$32,954", "$38,859")).split("</h2>", 1)
    rec = record(
        heading + "</h2><div class='tabs'><h2>Choose a job</h2><ul><li><a href='#a'>A</a></li>"
        "<li><a href='#b'>B</a></li></ul><div id='a'>" + table + "</div></div>"
    )
    assert [occupation.yearly_salary_usd for occupation in rec.occupations] == [32954, 38859]


def test_a_tables_headline_after_a_lead_in_sentence_does_not_end_the_section() -> None:
    heading, table = _overview(("Yearly salary", "$32,954", "$38,859")).split("</h2>", 1)
    rec = record(
        heading + "</h2><p>They are paid differently, as shown below.</p>"
        "<h3>2 rows sorted by yearly_salary descending</h3>" + table
    )
    assert [occupation.yearly_salary_usd for occupation in rec.occupations] == [32954, 38859]


def test_a_bold_paragraph_overview_after_the_descriptions_is_found() -> None:
    rec = record(
        "<p>It typically takes 2-4 years to become a patient coordinator.</p>"
        "<p>The top three skills for a patient coordinator include patients.</p>"
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        f"<p><b>{TITLE} overview</b></p><table>"
        "<tr><th>Yearly salary:</th><td>$32,954</td><td>$38,859</td></tr></table>"
    )
    assert [occupation.yearly_salary_usd for occupation in rec.occupations] == [32954, 38859]
    assert not any("no overview" in message for message in issues_of(rec, "overview"))


def test_any_input_gives_a_record_and_never_raises() -> None:
    page = render().encode()
    assert extract_page(bytearray(page)) == extract_page(page)
    assert extract_page(memoryview(page)) == extract_page(page)
    assert ("page", "error") in issue_pairs(extract_page(None))
    for nonsense in (5, 1.5, ["<h1>A vs B</h1>"], object()):
        record = extract_page(nonsense)
        assert record.occupations == [] and ("page", "error") in issue_pairs(record)


#: A word processor's export (Google Docs "Publish to the web"): every text a run of
#: ``<span>``s split wherever the formatting changed, mid-word too; the title a paragraph
#: in a "Title" style, the section headings bold paragraphs.
_SPLIT_RUNS_PAGE = (
    "<!doctype html><html><head><title>Patient Coordinator vs Certified Medical Technician | Docs"
    "</title></head><body>"
    '<p class="title"><span class="c1">Patient coordinator v</span>'
    '<span class="c1">s certified medical technician</span></p>'
    '<p class="c12"><span class="c3">Patient coordinator vs certified medical technician ov'
    '</span><span class="c3">erview</span></p>'
    "<table><tr><td><p><span></span></p></td><td><p><span>Patient Coor</span>"
    "<span>dinator</span></p></td><td><p><span>Certified Medical Technician</span></p></td></tr>"
    "<tr><td><p><span>Yearly sal</span><span>ary</span></p></td>"
    "<td><p><span>$32,</span><span>954</span></p></td><td><p><span>$38,859</span></p></td></tr>"
    "<tr><td><p><span>Number</span><span> of jobs</span></p></td>"
    "<td><p><span>97,878</span></p></td><td><p><span>164,424</span></p></td></tr></table>"
    "</body></html>"
)


def test_words_split_between_runs_are_read_whole() -> None:
    rec = extract_page(_SPLIT_RUNS_PAGE)
    assert rec.title == "Patient coordinator vs certified medical technician"
    assert [o.title for o in rec.occupations] == [
        "Patient Coordinator",
        "Certified Medical Technician",
    ]
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [o.job_count for o in rec.occupations] == [97878, 164424]
    assert extract_page(_SPLIT_RUNS_PAGE.encode()) == rec


def test_splits_words_in_runs() -> None:
    assert splits_words_in_runs('<p><span>Growth rat</span><span class="c1">e</span></p>')
    assert splits_words_in_runs(b"<p><span>Growth rat</span><span>e</span></p>")
    assert not splits_words_in_runs("<div><span>Nurse</span><span>Doctor</span></div>")
    assert not splits_words_in_runs("<p><span>Growth</span> <span>rate</span></p>")


def test_joining_runs_leaves_hidden_runs_and_elements_alone() -> None:
    tree = parse_html(
        "<p><span>Growth rat</span><span>e</span><span hidden>for nurses</span></p>"
        "<p><span>Aver</span><span><b>age</b></span></p>"
    )
    join_split_runs(tree)
    first, second = tree.css("p")
    assert first.html == '<p>Growth rate<span hidden="">for nurses</span></p>'
    assert second.html == "<p><span>Aver</span><span><b>age</b></span></p>"


#: A page Microsoft Word saved ("Save as Web Page"): its namespaces on ``<html>``, the
#: title a "Title" paragraph, lists as paragraphs led by a bullet in a symbol font written
#: for browsers without lists, and an empty ``<o:p></o:p>`` closing every paragraph.
_WORD_PAGE = (
    "<html xmlns:o='urn:schemas-microsoft-com:office:office' "
    "xmlns:w='urn:schemas-microsoft-com:office:word'><head>"
    "<title>Patient Coordinator Vs Certified Medical Technician: The Differences</title>"
    "</head><body><div class=WordSection1>"
    "<p class=MsoTitle>Patient coordinator vs certified medical technician<o:p></o:p></p>"
    "<p class=MsoNormal><b>Patient coordinator vs certified medical technician overview"
    "<o:p></o:p></b></p><table class=MsoTableGrid><tr><td><p class=MsoNormal><o:p>&nbsp;"
    "</o:p></p></td><td><p class=MsoNormal><b>Patient Coordinator<o:p></o:p></b></p></td>"
    "<td><p class=MsoNormal><b>Certified Medical Technician<o:p></o:p></b></p></td></tr>"
    "<tr><td><p class=MsoNormal><b><span lang=EN-US>Yearly salary<o:p></o:p></span></b></p>"
    "</td><td><p class=MsoNormal>$32,954<o:p></o:p></p></td>"
    "<td><p class=MsoNormal>$38,859<o:p></o:p></p></td></tr></table>"
    "<p class=MsoNormal><b>Patient coordinator vs certified medical technician skills"
    "<o:p></o:p></b></p><p class=MsoNormal>Common patient coordinator skills<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpFirst><![if !supportLists]><span style='font-family:"
    "Wingdings'>\u00a7<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
    "<![endif]>Patients, 30%<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpLast><![if !supportLists]><span style='font-family:"
    '"Courier New"\'>o<span>&nbsp;&nbsp; </span></span><![endif]>Customer Service, 11%'
    "<o:p></o:p></p></div></body></html>"
)


def test_a_page_saved_by_word() -> None:
    rec = extract_page(_WORD_PAGE)
    assert rec.title == "Patient coordinator vs certified medical technician"
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [(s.name, s.share_pct) for s in rec.occupations[0].skills] == [
        ("Patients", 30.0),
        ("Customer Service", 11.0),
    ]


def test_a_paragraph_reading_a_vs_b_is_no_title_unless_the_document_title_agrees() -> None:
    page = _WORD_PAGE.replace(
        "Patient Coordinator Vs Certified Medical Technician: The Differences", "Nurse vs doctor"
    )
    assert extract_page(page).title == "Nurse vs doctor"


def test_sections_streamed_late_are_read_where_a_browser_shows_them() -> None:
    """React's streaming rendering: the salary rows arrive after the footer in a hidden
    segment, and a script moves them into the boundary's ``<template id="B:0">`` in place
    of the "Loading" fallback; a segment inside a segment goes to ``<template id="P:1">``."""
    body = (
        f"<h2>{TITLE} salary</h2><table><tr><td></td><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr><tbody><!--$?--><template id='B:0'>"
        "</template><tr><td colspan=3>Loading salary\u2026</td></tr><!--/$--></tbody></table>"
        f"<h2>{TITLE} demographics</h2><!--$?--><template id='B:2'></template>"
        "<p>Loading</p><!--/$-->"
    )
    late = (
        "<table hidden><tbody id='S:0'><tr><th>Average salary</th><td>$32,954</td>"
        "<td>$38,859</td></tr></tbody></table>"
        "<div hidden id='S:2'><table><tr><th>Average age</th><td>40</td><td>44</td></tr>"
        "<tr><th>LGBT Percentage</th><td><template id='P:1'></template></td><td>8%</td></tr>"
        "</table></div><div hidden id='S:1'>7%</div>"
        "<script>$RC('B:0','S:0');$RS('S:1','P:1');$RC('B:2','S:2')</script>"
    )
    page = mini_page(body).replace("</body>", f"<footer>About us</footer>{late}</body>")
    rec = extract_page(page)
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [o.avg_age_years for o in rec.occupations] == [40, 44]
    assert [o.lgbt_pct for o in rec.occupations] == [7.0, 8.0]


@pytest.mark.parametrize("before", [True, False])
def test_a_skeleton_loaders_hidden_copy_is_not_read(before: bool) -> None:
    """A Nuxt page keeps each section's skeleton copy (same headings, placeholder values)
    beside the real one, hidden by a class and ``aria-hidden``; "Show more" items hidden
    in the real list still count."""
    description = (
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>"
    )
    skills = (
        f"<h2>{TITLE} skills</h2><h3>Common patient coordinator skills</h3>"
        "<ul><li>Patients, 30%</li><li hidden>Check-In, 3%</li></ul>"
        "<h3>Common certified medical technician skills</h3><ul><li>CPR, 8%</li></ul>"
    )
    placeholders = {
        "Greets patients.": "Lorem ipsum dolor.",
        "Runs tests.": "Lorem ipsum.",
        "Patients, 30%": "Skill name, 0%",
        "Check-In, 3%": "Skill name, 0%",
        "CPR, 8%": "Skill name, 0%",
    }
    sections = []
    for real in (description, skills):
        copy = real
        for text, placeholder in placeholders.items():
            copy = copy.replace(text, placeholder)
        copy = f'<div class="skeleton" aria-hidden="true">{copy}</div>'
        sections.append(copy + real if before else real + copy)
    rec = record("".join(sections) + "<a href='/x'>Browse office and administrative jobs</a>")
    assert [o.description for o in rec.occupations] == ["Greets patients.", "Runs tests."]
    assert [[(s.name, s.share_pct) for s in o.skills] for o in rec.occupations] == [
        [("Patients", 30.0), ("Check-In", 3.0)],
        [("CPR", 8.0)],
    ]


def test_a_converted_pdf_with_spacers_for_word_gaps_and_an_outline_of_links() -> None:
    """pdf2htmlEX: every line a positioned ``<div>``, the gaps between words empty
    ``<span>``s that a stylesheet gives a width, and the PDF's outline a list of links to
    the page's own anchors before the lines that are the headings."""

    def line(text: str) -> str:
        return '<div class="t m0 x1">' + text.replace(" ", '<span class="_ _2"></span>') + "</div>"

    lines = [
        f"{TITLE} overview",
        "Patient Coordinator",
        "Certified Medical Technician",
        "Yearly salary",
        "$32,954",
        "$38,859",
        "Average age",
        "40",
        "44",
    ]
    page = mini_page(
        f"<div id=sidebar><ul><li><a href='#pf1'>{TITLE} overview</a></li></ul></div>"
        + "".join(line(text) for text in lines)
    )
    rec = extract_page(page)
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [o.avg_age_years for o in rec.occupations] == [40, 44]


def test_lines_kept_by_a_style_are_lines() -> None:
    """Squarespace: "<p style='white-space:pre-wrap;'>Yearly salary: $32,954\\nAverage
    age: 40</p>", one text block per occupation, the lines split by newlines only."""

    def card(name: str, salary: str, age: str) -> str:
        return (
            f"<div><h4>{name}</h4><p style='white-space:pre-wrap;'>Yearly salary: {salary}\n"
            f"Average age: {age}</p></div>"
        )

    rec = record(
        f"<h2>{TITLE} overview</h2>"
        + card("Patient Coordinator", "$32,954", "40")
        + card("Certified Medical Technician", "$38,859", "44")
    )
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [o.avg_age_years for o in rec.occupations] == [40, 44]


def test_a_section_in_an_inline_frame_is_read_where_it_shows() -> None:
    """A news site's embed: the salary table a whole document in ``<iframe srcdoc>``."""
    inner = (
        f"<h2>{TITLE} salary</h2><table><tr><th>Average salary</th><td>$32,954</td>"
        "<td>$38,859</td></tr></table>"
    )
    page = mini_page(
        f"<h2>{TITLE} overview</h2><table><tr><td></td><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr><tr><td>Average age</td><td>40</td>"
        f"<td>44</td></tr></table><iframe title=Salary srcdoc='{html.escape(inner)}'></iframe>"
    )
    rec = extract_page(page)
    assert [o.avg_age_years for o in rec.occupations] == [40, 44]
    assert [o.salary_min_usd for o in rec.occupations] == [None, None]
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]


def test_rows_whose_labels_are_headings_saying_show_for_both() -> None:
    """Each row's heading is its button, "Show Yearly salary for both careers" (the outer
    words for screen readers): it heads a row, and the section goes on past it."""

    def row(label: str, a: str, b: str) -> str:
        return (
            f"<div><h3><button><span class=vh>Show </span>{label}<span class=vh> for both "
            "careers</span></button></h3><div hidden><dl>"
            f"<dt>Patient Coordinator</dt><dd>{a}</dd><dt>Certified Medical Technician</dt>"
            f"<dd>{b}</dd></dl></div></div>"
        )

    rec = record(
        f"<h2>{TITLE} overview</h2>"
        + row("Yearly salary", "$32,954", "$38,859")
        + row("Average age", "40", "44")
    )
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
    assert [o.avg_age_years for o in rec.occupations] == [40, 44]
