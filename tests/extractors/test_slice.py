"""The head-and-``<main>`` cut the page extractor reads first, and its fallback."""

from __future__ import annotations

import pytest

from extractors import extract_page
from extractors._dom import parse_html
from extractors._slice import CUT_END, cut_ends_cleanly, main_slice
from extractors.page import _extract_safely
from tests.helpers import load_page, page_names

CHROME = "<nav>" + "<a href='/x'>Salary guide</a>" * 200 + "</nav>"
HEAD = "<html><head><title>A vs B</title><meta charset='utf-8'></head>"
TAIL = f"<!--{CUT_END}--></body></html>"


def page(main: str, before: str = CHROME, after: str = CHROME) -> str:
    return f"{HEAD}<body>{before}{main}{after}</body></html>"


def test_the_cut_is_the_head_up_to_the_title_and_the_main_element() -> None:
    cut = main_slice(page("<main id=m><h1>A vs B</h1></main>"))
    title = "<html><head><title>A vs B</title>"
    assert cut == f"{title}<body><main id=m><h1>A vs B</h1></main>{TAIL}"


@pytest.mark.parametrize(
    "head",
    [
        pytest.param("<head><script>w('</title>')</script><title>A vs B</title>", id="in a script"),
        pytest.param("<head><!-- </title> --><title>A vs B</title>", id="in a comment"),
        pytest.param("<head><style>/* </title> */</style><title>A vs B</title>", id="in a style"),
        pytest.param("<head></head><body><svg><title>A</title></svg>", id="in the body"),
    ],
)
def test_a_title_end_that_is_not_the_heads_keeps_the_whole_head(head: str) -> None:
    html = f"<html>{head}<meta name=x></head><body>{CHROME}<main>m</main>{CHROME}</body></html>"
    cut = main_slice(html)
    assert isinstance(cut, str) and cut.startswith(html[: html.index("</head>") + len("</head>")])


def test_bytes_keep_the_whole_head_when_a_later_meta_names_their_encoding() -> None:
    head = "<html><head><title>A vs B</title><meta charset='windows-1252'></head>"
    html = f"{head}<body>{CHROME}<main><h1>caf\xe9</h1></main>{CHROME}</body></html>"
    data = html.encode("cp1252")
    cut = main_slice(data)
    assert isinstance(cut, bytes) and cut.startswith(head.encode())
    assert extract_page(data) == _extract_safely(data, None)
    short = main_slice(html.replace("<meta charset='windows-1252'>", "").encode("utf-8"))
    assert isinstance(short, bytes) and short.startswith(b"<html><head><title>A vs B</title><body>")


def test_bytes_are_cut_as_bytes() -> None:
    cut = main_slice(page("<main><h1>A vs B</h1></main>").encode())
    assert isinstance(cut, bytes)
    assert cut.endswith(f"<main><h1>A vs B</h1></main>{TAIL}".encode())


def test_upper_case_tags_are_found() -> None:
    cut = main_slice(page("<MAIN><H1>A vs B</H1></MAIN>").replace("</head>", "</HEAD>"))
    assert cut is not None and "<MAIN><H1>A vs B</H1></MAIN>" in cut


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(page("<div><h1>A vs B</h1></div>"), id="no main"),
        pytest.param(page("<main-menu>x</main-menu><div>y</div>"), id="only a main-menu element"),
        pytest.param(page("<main><h1>A vs B</h1>"), id="main never closed"),
        pytest.param("<body><main><h1>A vs B</h1></main>" + CHROME, id="no head"),
        pytest.param(
            page("<main>" + "<p>A vs B</p>" * 50 + "</main>", before="<nav>x</nav>", after=""),
            id="little chrome",
        ),
    ],
)
def test_no_cut_where_the_text_does_not_show_one_clearly(html: str) -> None:
    assert main_slice(html) is None


def test_main_menu_before_the_main_element_is_skipped() -> None:
    cut = main_slice(page("<main-menu>m</main-menu><main>content</main>", before=""))
    assert cut is not None and "<main>content</main>" in cut and "<main-menu>" not in cut


def test_a_browse_link_outside_main_is_found_by_reading_the_whole_page() -> None:
    main = (
        "<main><h1>Chef vs Cook</h1><h2>Chef vs cook overview</h2>"
        "<table><tr><th></th><th>Chef</th><th>Cook</th></tr>"
        "<tr><td>Average salary</td><td>$50,000</td><td>$30,000</td></tr></table></main>"
    )
    html = page(main, after="<aside><a href='/jobs'>Browse culinary jobs</a></aside>" + CHROME)
    assert main_slice(html) is not None
    assert extract_page(html).browse_category == "culinary"


@pytest.mark.parametrize("name", page_names())
def test_reading_the_cut_first_gives_the_whole_page_record(name: str) -> None:
    html = load_page(name)
    assert extract_page(html) == _extract_safely(html, None)
    data = html.encode("utf-8")
    assert extract_page(data) == _extract_safely(data, None)


def test_closed_scripts_and_comments_inside_main_keep_the_cut() -> None:
    main = "<mAiN><!-- a note --><script>var x = 1;</script><h1>A vs B</h1></mAiN>"
    cut = main_slice(page(main))
    assert cut is not None and main in cut


@pytest.mark.parametrize(
    ("main", "before"),
    [
        pytest.param(
            "<main><script>var t = '</main>';</script><p>more</p></main>", "", id="script"
        ),
        pytest.param("<main>y</main>", "<!-- <main> old --><div>x</div>", id="comment"),
        pytest.param("<main>y</main>", "<main hidden>stale</main>", id="two main elements"),
    ],
)
def test_the_cut_is_the_last_main_element(main: str, before: str) -> None:
    """Found from the page's end: tags written in a script or a comment before its end
    tag do not fool it, and of two ``<main>`` elements the last is cut (the whole page is
    read when its record says something is missing)."""
    html = page(main, before=before + CHROME)
    for text in (html, html.encode()):
        cut = main_slice(text)
        expected = f"<body>{main}{TAIL}"
        assert cut is not None
        assert cut.endswith(expected if isinstance(cut, str) else expected.encode())


@pytest.mark.parametrize(
    "after",
    [
        pytest.param("<script>w('</main>')</script>", id="a </main> in a script after main"),
        pytest.param("<!-- </main> -->", id="a </main> in a comment after main"),
    ],
)
def test_a_cut_that_ends_inside_a_script_or_comment_is_not_read(after: str) -> None:
    main = (
        "<main><h1>Chef vs cook</h1><h2>Chef vs cook overview</h2><table><tr><th></th>"
        "<th>Chef</th><th>Cook</th></tr><tr><td>Yearly salary</td><td>$50,000</td>"
        "<td>$30,000</td></tr></table></main>"
    )
    html = page(main, after=after + CHROME)
    cut = main_slice(html)
    assert cut is not None and not cut_ends_cleanly(parse_html(cut))
    clean = main_slice(page(main))
    assert clean is not None and cut_ends_cleanly(parse_html(clean))
    assert extract_page(html) == _extract_safely(html, None)
