"""The "Browse ... jobs" link: the site's category of the page."""

from __future__ import annotations

from seed_page import issue_pairs, record

from extractors.browse import category_of


def test_category_of() -> None:
    assert category_of("Browse office and administrative jobs") == "office and administrative"
    assert category_of("browse healthcare job \u203a") == "healthcare"
    assert category_of("Browse all") is None


def test_the_browse_link() -> None:
    rec = record("<a href='/office-jobs'>Browse office and administrative jobs</a>")
    assert rec.browse_category == "office and administrative"


def test_the_browse_link_in_a_button_or_paragraph() -> None:
    rec = record("<p><span>Browse</span> <b>healthcare</b> jobs</p>")
    assert rec.browse_category == "healthcare"


def test_a_link_card_with_a_caption_under_its_words() -> None:
    rec = record(
        "<a href='/jobs/legal' class='card'><div><span>Browse legal jobs</span>"
        "<span>Open roles, updated daily</span></div></a>"
    )
    assert rec.browse_category == "legal"


def test_a_menu_browse_link_before_the_title_loses_to_the_one_after() -> None:
    html_body = "<a href='/office-jobs'>Browse office and administrative jobs</a>"
    from seed_page import mini_page

    from extractors import extract_page

    page = mini_page(html_body).replace(
        "<main>", "<nav><a href='/all'>Browse all jobs</a></nav><main>"
    )
    assert extract_page(page).browse_category == "office and administrative"


def test_no_browse_link_is_a_warning() -> None:
    rec = record("<p>Nothing</p>")
    assert rec.browse_category is None
    assert ("browse", "warning") in issue_pairs(rec)


def test_category_of_a_link_with_an_arrow() -> None:
    assert category_of("Browse sales jobs \u2192") == "sales"


def test_category_of_a_link_after_a_guillemet() -> None:
    """A link written "\u00bb Browse sales jobs": the text cleaning made its guillemet a quote."""
    assert category_of('" Browse sales jobs') == "sales"


def test_category_of_a_link_with_a_note_for_screen_readers() -> None:
    """ "Browse legal jobs<span class=sr-only> (opens in new tab)</span>"."""
    assert category_of("Browse legal jobs (opens in new tab)") == "legal"
    assert category_of("Browse legal jobs [new window]") == "legal"
    assert category_of("Browse legal jobs and more") is None


def test_category_of_a_link_led_by_an_icon() -> None:
    """ "<a><span aria-hidden=true>🔎</span>Browse transportation jobs</a>"."""
    assert category_of("🔎Browse transportation jobs") == "transportation"
    assert category_of("🔎 Browse transportation jobs") == "transportation"
