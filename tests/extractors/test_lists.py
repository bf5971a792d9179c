"""Per-occupation lists: what counts as a "Show more" control."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors._dom import Block
from extractors._lists import is_control, list_items, without_bullet


@pytest.mark.parametrize(
    "text",
    [
        "Show more",
        "Show less",
        "See more",
        "View all",
        "Show all 12 responsibilities",
        "+ 4 more",
        "Read more \u203a",
        "more",
        "Load more skills",
    ],
)
def test_controls(text: str) -> None:
    assert is_control(text)


@pytest.mark.parametrize(
    "text",
    ["Show patients to their rooms.", "More than 10 patients a day.", "Patients, 30%", "Moreover"],
)
def test_content_is_no_control(text: str) -> None:
    assert not is_control(text)


def test_bullets_written_as_text_are_not_part_of_an_item() -> None:
    assert without_bullet("\u2022 Patients, 30%") == "Patients, 30%"
    assert without_bullet("- Greet visitors.") == "Greet visitors."
    assert without_bullet("-4% growth") == "-4% growth"
    assert without_bullet("Patients") == "Patients"


def test_a_bullet_symbol_needs_no_space_after_it() -> None:
    """An ``aria-hidden`` "•" ``<span>`` before the item's text reads "•Patients"."""
    assert without_bullet("\u2022Patients, 30%") == "Patients, 30%"
    assert without_bullet("-Greet visitors.") == "-Greet visitors."  # a dash may be a sign


def test_items_broken_by_br_in_one_paragraph_are_items_of_their_own() -> None:
    node = LexborHTMLParser("<div><p>Greet visitors.<br>Keep <b>records</b>.<br></p></div>")
    root = node.css_first("div")
    assert root is not None
    assert list_items([root], Block.prose) == ["Greet visitors.", "Keep records."]


def test_list_items_are_preferred_to_stray_text() -> None:
    root = LexborHTMLParser("<div><p>Lead text</p><ul><li>a</li><li>b</li></ul></div>").css_first(
        "div"
    )
    assert root is not None
    assert list_items([root], Block.value) == ["a", "b"]


def test_visible_items_as_divs_beside_a_hidden_list_are_items_too() -> None:
    root = LexborHTMLParser(
        "<div><p>Lead text</p><div>"
        '<div><span aria-hidden="true">\u2022</span><span>Greet visitors.</span></div>'
        '<div><span aria-hidden="true">\u2022</span><span>Keep records.</span></div>'
        "</div><button>Show more</button>"
        "<div hidden><ul><li>File reports.</li></ul></div></div>"
    ).css_first("div")
    assert root is not None
    assert list_items([root], Block.prose) == ["Greet visitors.", "Keep records.", "File reports."]


def test_items_that_are_only_links_are_no_responsibilities() -> None:
    """A content manager's hidden editing links after the list ("Configure block")."""
    root = LexborHTMLParser(
        "<div><ul><li>Greet visitors.</li><li>Keep <a href='/r'>records</a>.</li></ul>"
        "<div><button>Open configuration options</button><ul hidden>"
        "<li><a href='/admin/1'>Configure block</a></li><li><a href='/admin/2'>Edit view</a></li>"
        "</ul></div></div>"
    ).css_first("div")
    assert root is not None
    assert list_items([root], Block.prose, links=False) == ["Greet visitors.", "Keep records."]
    assert list_items([root], Block.prose)[-1] == "Edit view"


def test_items_each_in_wrappers_of_their_own_beside_a_pager() -> None:
    """A Drupal view: each row a ``views-row`` holding a field holding the text, a "Show
    more" pager list after them; the next column's "Occupation" label and link are no items."""
    row = "<div class='views-row'><div class='views-field'><div>{}</div></div></div>"
    root = LexborHTMLParser(
        "<div><div class='view-content'>"
        + row.format("Greet visitors.")
        + row.format("Keep records.")
        + "</div><ul class='pager'><li><a href='?page=1'>Show more</a></li></ul>"
        "<div class='field'><div class='field__label'>Occupation</div>"
        "<div class='field__item'><a href='/occupation/nurse'>Nurse</a></div></div></div>"
    ).css_first("div")
    assert root is not None
    assert list_items([root], Block.prose, links=False) == ["Greet visitors.", "Keep records."]


def test_an_advertisements_label_after_the_list_is_no_item() -> None:
    root = LexborHTMLParser(
        "<div><div><div>Greet visitors.</div><div>Keep records.</div></div>"
        "<div class='ad-unit'><div>Advertisement</div><div id='slot'></div></div></div>"
    ).css_first("div")
    assert root is not None
    assert list_items([root], Block.prose, links=False) == ["Greet visitors.", "Keep records."]
