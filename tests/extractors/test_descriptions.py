"""The "What does a ... do?" descriptions: paragraphs joined by a blank line."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issue_pairs, record

SALARY = f"<h2>{TITLE} salary</h2><p>Pay scales differ.</p>"


def _descriptions(rec) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [occupation.description for occupation in rec.occupations]


def test_one_paragraph_each() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


@pytest.mark.parametrize(
    "box",
    [
        "<aside><p>Career tip</p><p>Shadow someone for a day.</p></aside>",
        "<div role='doc-tip'><p>Career tip</p><p>Shadow someone for a day.</p></div>",
        # An XHTML page anchor (<a id="p3"/>) read as HTML opens a link around what follows.
        "<a id='p3'><aside><p>Career tip</p><p>Shadow someone for a day.</p></aside></a>",
    ],
)
def test_a_sidebar_after_a_description_is_no_part_of_it(box: str) -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>" + box + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_a_pull_quote_after_a_description_is_no_part_of_it() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<blockquote><p>The front desk sets the tone.</p></blockquote>"
        "<h2>What does a certified medical technician do?</h2>"
        "<blockquote><p>Runs tests.</p></blockquote>" + SALARY
    )
    # A quote that is the description (nothing before it) is kept.
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_an_faqs_collapsed_answer_with_a_feedback_widget() -> None:
    def question(name: str, answer: str, n: int) -> str:
        return (
            f"<h3><button aria-expanded='false' aria-controls='p{n}' id='b{n}'>"
            f"What does a {name} do?</button></h3>"
            f"<div id='p{n}' role='region' aria-labelledby='b{n}' hidden><p>{answer}</p>"
            "<div><span>Was this answer helpful?</span><button>Yes</button><button>No</button>"
            "<span>12 people found this helpful</span></div></div>"
        )

    rec = record(
        question("patient coordinator", "Greets patients.", 1)
        + question("certified medical technician", "Runs tests.", 2)
        + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_a_wikis_hatnote_over_a_description_is_no_part_of_it() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2>"
        "<div class='hatnote'>See also: <a href='/wiki/Scheduling'>Scheduling</a></div>"
        "<p>Greets patients.</p><h2>What does a certified medical technician do?</h2>"
        "<div>Main article: <a href='/wiki/Lab'>Medical laboratory</a></div><p>Runs tests.</p>"
        + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_a_sponsored_links_widget_after_a_description_is_no_part_of_it() -> None:
    """Taboola's "You May Like" under its "Sponsored Links" attribution, then headlines."""
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>"
        "<div><div><a href='https://ads.example'>Sponsored Links</a></div>"
        "<span>You May Like</span><div><span role='heading' aria-level='3'>"
        "The salary nobody talks about</span></div></div>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_paragraphs_are_joined_by_a_blank_line() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>One.</p><p>Two.</p>"
        "<h2>What does an certified medical technician do?</h2><div><p>Three.</p>"
        "<p>Four.</p></div>" + SALARY
    )
    assert _descriptions(rec) == ["One.\n\nTwo.", "Three.\n\nFour."]


def test_inline_markup_adds_no_spaces_and_white_space_collapses() -> None:
    rec = record(
        "<h3>What does a patient coordinator do?</h3><p>A <b>patient</b>\n   coordinator&nbsp;"
        "follows a physician&rsquo;s assessment.</p>" + SALARY
    )
    assert _descriptions(rec)[0] == "A patient coordinator follows a physician's assessment."


def test_line_breaks_split_paragraphs() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><div>First part.<br><br>Second part.</div>"
        + SALARY
    )
    assert _descriptions(rec)[0] == "First part.\n\nSecond part."


def test_headings_as_bold_paragraphs() -> None:
    rec = record(
        "<p><strong>What does a patient coordinator do?</strong></p><p>Greets patients.</p>"
        "<p><strong>What does a certified medical technician do?</strong></p><p>Runs tests.</p>"
        + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_plural_and_case_of_the_name_do_not_matter() -> None:
    rec = record(
        "<h2>What Does A Patient Coordinator Do?</h2><p>Greets patients.</p>"
        "<h2>What does a Certified Medical Technician do</h2><p>Runs tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_a_read_more_control_is_not_part_of_it() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<a href='#' role='button'>Read more</a>" + SALARY
    )
    assert _descriptions(rec)[0] == "Greets patients."


def test_a_missing_description_is_a_warning() -> None:
    rec = record("<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>" + SALARY)
    assert _descriptions(rec) == ["Greets patients.", None]
    assert ("description", "warning") in issue_pairs(rec)


def test_an_advertisement_after_a_description_is_not_part_of_it() -> None:
    for label in ("ADVERTISEMENT", "Sponsored"):
        rec = record(
            "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
            f'<div class="ad"><p>{label}</p><a href="https://ads.example/x">Enroll today</a></div>'
            "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        )
        assert [occupation.description for occupation in rec.occupations] == [
            "Schedules patients.",
            "Runs lab tests.",
        ]


def test_captions_link_only_paragraphs_and_source_notes_are_no_description() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>One.</p>"
        '<figure><img src="a.jpg" alt=""><figcaption>A coordinator at the desk.</figcaption>'
        "</figure><p>Two, with <a href='/x'>a link</a> inside.</p>"
        "<p><a href='/pc'>Learn more about patient coordinators &rarr;</a></p>"
        "<h2>What does a certified medical technician do?</h2><p>Three.</p>"
        "<p><small>Source: BLS Occupational Outlook Handbook</small></p>" + SALARY
    )
    assert _descriptions(rec) == ["One.\n\nTwo, with a link inside.", "Three."]


def test_a_paragraph_announcing_itself_as_an_ad_ends_the_description() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        "<p>Works in hospitals.</p>"
        '<div class="callout"><div>\U0001f4a1</div><div>Sponsored: Get certified in 12 weeks '
        "with our partner course.</div></div>" + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests.\n\nWorks in hospitals."]


def test_a_colon_after_a_word_that_is_no_ad_label_keeps_the_paragraph() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<p>Note: most work in clinics.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>" + SALARY
    )
    assert _descriptions(rec)[0] == "Schedules patients.\n\nNote: most work in clinics."


def test_the_script_of_an_ad_slot_is_never_read() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        '<div class="ad-slot"><span>Advertisement</span>'
        "<script>googletag.cmd.push(function(){})</script></div>" + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests."]


def test_an_ad_slot_with_its_label_a_frame_and_a_link_on_lines_of_their_own_ends_it() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        '<div class="slot"><small>Sponsored</small><br><iframe src="/ads/1"></iframe><br>'
        '<a href="https://ads.example/x">Compare degree programs near you.</a></div>' + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests."]


def test_a_what_they_do_wrapper_heading_over_the_questions() -> None:
    rec = record(
        "<h2>Career overview</h2><p>At a glance.</p>"
        "<div><h2>What they do</h2><div><div><h3>What does a patient coordinator do?</h3>"
        "<p>Greets patients.</p></div><div><h3>What does a certified medical technician do?"
        "</h3><p>Runs tests.</p></div></div></div>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_bare_names_under_a_what_they_do_heading_head_the_descriptions() -> None:
    rec = record(
        "<h2>What they do all day</h2><h3>Patient coordinator</h3><p>Schedules patients.</p>"
        "<h3>Certified medical technician</h3><p>Runs lab tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests."]


def test_an_ad_labelled_by_its_first_element_ends_the_description() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>"
        '<div><span>Advertisement</span><a href="/s" rel="sponsored">Close books faster. '
        "Request a demo.</a></div>" + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests."]


def test_a_sign_up_box_between_the_descriptions_is_no_part_of_them() -> None:
    box = (
        "<div><p><strong>Career Moves</strong></p><p>Get salary data every Tuesday.</p>"
        "<form><label>Email address</label><input type='email'><button>Sign up</button>"
        "</form><p><small>By signing up, you agree to our Terms.</small></p></div>"
    )
    rec = record(
        f"<h2>What does a patient coordinator do?</h2><p>Schedules patients.</p>{box}"
        "<h2>What does a certified medical technician do?</h2><p>Runs lab tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.", "Runs lab tests."]


def test_a_blank_line_in_text_that_keeps_its_white_space_separates_paragraphs() -> None:
    style = "display: flex; white-space: pre-wrap; line-height: 24px;"
    rec = record(
        "<h2>What does a patient coordinator do?</h2>"
        f"<div style='{style}'>Schedules patients.\n\nAnswers calls.</div>"
        f"<h2>What does a certified medical technician do?</h2><div>Runs\n\nlab tests.</div>"
        + SALARY
    )
    assert _descriptions(rec) == ["Schedules patients.\n\nAnswers calls.", "Runs lab tests."]


def test_a_wiki_edit_link_and_a_main_article_note_are_not_part_of_it() -> None:
    """MediaWiki: "<div class=mw-heading><h2>…</h2><span>[edit]</span></div>", then a
    hatnote ``<div role="note">Main article: …</div>`` before the paragraphs."""
    rec = record(
        "<div><h2>What does a patient coordinator do?</h2><span>[<a href='/e'>edit</a>]</span>"
        "</div><div role=note>Main article: <a href='/pc'>Patient coordinator</a></div>"
        "<p>Greets patients.</p>"
        "<div><h2>What does a certified medical technician do?</h2><span>[edit]</span></div>"
        "<p>Runs tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_the_second_description_in_a_hidden_tab_is_read() -> None:
    """A page builder's tabs: the second occupation's tab is ``display:none`` (its
    heading too) until chosen; it is no hidden copy."""
    rec = record(
        "<div class=tabs><div><h3>What does a patient coordinator do?</h3>"
        "<p>Greets patients.</p></div><div style='display:none'>"
        "<h3>What does a certified medical technician do?</h3><p>Runs tests.</p></div></div>"
        + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_a_tip_box_after_a_description_is_no_part_of_it() -> None:
    """A wiki's "Tip" panel after the second description: its title, then its words."""
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>"
        "<div class=panel><p><strong>Tip</strong></p><p>Programs take 6-12 months.</p></div>"
        + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]


def test_an_empty_ad_slot_between_paragraphs_does_not_end_it() -> None:
    """ "<div><span>Advertisement</span><ins></ins></div>" (the ad not loaded) between two
    paragraphs of one description."""
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>One.</p>"
        "<div class=ad-slot><span>Advertisement</span><ins></ins></div><p>Two.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Three.</p>" + SALARY
    )
    assert _descriptions(rec) == ["One.\n\nTwo.", "Three."]


def test_a_label_over_the_first_paragraph_is_no_part_of_it() -> None:
    """A blog's "Top highlight" over a highlighted paragraph is the blog's, not the text's."""
    rec = record(
        "<h2>What does a patient coordinator do?</h2><div><span>Top highlight</span></div>"
        "<p>Greets patients.</p><p>Keeps records.</p>"
        "<h2>What does a certified medical technician do?</h2><p>Runs tests.</p>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.\n\nKeeps records.", "Runs tests."]


def test_the_label_of_the_next_occupations_tab_is_no_part_of_a_description() -> None:
    rec = record(
        "<h2>What does a patient coordinator do?</h2><p>Greets patients.</p>"
        "<div role='tab' aria-controls='b'>Certified Medical Technician</div><div id='b' "
        "role='tabpanel'><h2>What does a certified medical technician do?</h2>"
        "<p>Runs tests.</p></div>" + SALARY
    )
    assert _descriptions(rec) == ["Greets patients.", "Runs tests."]
