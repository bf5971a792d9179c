"""The title: an "A vs B" h1, else a heading that reads so, else the document title."""

from __future__ import annotations

import pytest
from seed_page import issue_pairs

from extractors import extract_page
from extractors.title import capitalize_words, split_title


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Patient coordinator vs certified medical technician",
            ("Patient coordinator", "certified medical technician"),
        ),
        ("Nurse vs. doctor", ("Nurse", "doctor")),
        ("Nurse versus doctor", ("Nurse", "doctor")),
        ("Nurse vs doctor: what's the difference?", ("Nurse", "doctor")),
        ("Nurse vs doctor | Careers", ("Nurse", "doctor")),
        ("Compare nurse vs doctor", ("nurse", "doctor")),
        ("[careerlist] Re: Nurse vs doctor", ("Nurse", "doctor")),  # a mail's subject
    ],
)
def test_split_title(text: str, names: tuple[str, str]) -> None:
    assert split_title(text) == names


@pytest.mark.parametrize("text", ["Healthcare jobs", "Nurse vs doctor salary", " vs doctor"])
def test_not_a_title(text: str) -> None:
    assert split_title(text) is None


def test_capitalize_words_changes_first_letters_only() -> None:
    assert capitalize_words("certified medical technician") == "Certified Medical Technician"
    assert capitalize_words("it support specialist") == "It Support Specialist"
    assert capitalize_words("CPR instructor") == "CPR Instructor"


def test_title_from_the_h1() -> None:
    rec = extract_page("<h1>Nurse vs doctor</h1>")
    assert rec.title == "Nurse vs doctor"
    assert [o.title for o in rec.occupations] == ["Nurse", "Doctor"]
    assert [o.slug for o in rec.occupations] == ["nurse", "doctor"]


def test_a_logo_h1_before_the_title_h1() -> None:
    rec = extract_page("<header><h1>Careers</h1></header><main><h1>Nurse vs doctor</h1></main>")
    assert rec.title == "Nurse vs doctor"


def test_title_as_a_role_heading() -> None:
    rec = extract_page('<div role="heading" aria-level="1">Nurse vs doctor</div>')
    assert rec.title == "Nurse vs doctor"
    assert len(rec.occupations) == 2


def test_title_from_the_document_title_is_a_warning() -> None:
    rec = extract_page(
        "<html><head><title>Nurse vs Doctor | Careers</title></head><body></body></html>"
    )
    assert rec.title == "Nurse vs Doctor"
    assert ("title", "warning") in issue_pairs(rec)


@pytest.mark.parametrize(
    "document_title",
    [
        "CareerPath Online :: Nurse vs. Doctor - Compare Careers",
        "Careers \u00bb Nurse vs Doctor",
        "Nurse vs Doctor \u00b7 Careers",
    ],
)
def test_the_site_name_before_the_names_in_the_document_title_is_no_part_of_them(
    document_title: str,
) -> None:
    rec = extract_page(f"<html><head><title>{document_title}</title></head><body></body></html>")
    assert [occupation.title for occupation in rec.occupations] == ["Nurse", "Doctor"]


def test_a_big_bold_title_that_names_what_the_document_title_names() -> None:
    """A hand-written page with no headings: the title is a big bold line of text."""
    rec = extract_page(
        "<html><head><title>CareerPath Online :: Nurse vs. Doctor</title></head><body>"
        "<font size=1>Home &gt; Nurse vs. Doctor</font><br>"
        "<font size=5><b>Nurse vs doctor</b></font></body></html>"
    )
    assert rec.title == "Nurse vs doctor"


def test_a_shown_title_wins_over_a_hidden_drafts() -> None:
    """A chat's earlier answer, kept hidden before the current one, has a title of its own."""
    rec = extract_page(
        "<html><body><main><div hidden><h1>RN vs LPN: quick comparison</h1></div>"
        "<div><h1>Registered nurse vs licensed practical nurse</h1></div></main></body></html>"
    )
    assert rec.title == "Registered nurse vs licensed practical nurse"


def test_a_page_that_is_no_comparison_gives_an_error_and_no_occupations() -> None:
    rec = extract_page(
        "<html><head><title>Healthcare jobs</title></head>"
        "<body><h1>Healthcare jobs</h1></body></html>"
    )
    assert rec.title == "Healthcare jobs"
    assert rec.occupations == []
    assert ("page", "error") in issue_pairs(rec)


def test_a_page_with_no_title_at_all() -> None:
    rec = extract_page("<p>hello</p>")
    assert rec.title == ""
    assert rec.occupations == []
    assert ("page", "error") in issue_pairs(rec)


def test_entities_and_spaces_in_the_title() -> None:
    rec = extract_page("<h1>  Nurse&nbsp;vs\n doctor&rsquo;s aide </h1>")
    assert rec.title == "Nurse vs doctor's aide"
    assert rec.occupations[1].slug == "doctor-s-aide"


def test_a_title_outside_main_is_still_found() -> None:
    rec = extract_page(
        "<body><header><h1>Nurse vs doctor</h1></header><main><h1>Careers</h1>"
        "<h2>Nurse vs doctor overview</h2><table><tr><td>Yearly salary</td><td>$1</td>"
        "<td>$2</td></tr></table></main></body>"
    )
    assert rec.title == "Nurse vs doctor"
    assert [o.yearly_salary_usd for o in rec.occupations] == [1, 2]


def test_a_heading_inside_a_link_to_another_comparison_is_no_title() -> None:
    rec = extract_page(
        "<body><header><h1>Nurse vs doctor</h1></header><main>"
        "<h2>Nurse vs doctor overview</h2><table><tr><td>Yearly salary</td><td>$1</td>"
        "<td>$2</td></tr></table><div class='related'><a href='/x'><h3>Chef vs cook</h3></a>"
        "</div></main></body>"
    )
    assert rec.title == "Nurse vs doctor"
    assert [o.yearly_salary_usd for o in rec.occupations] == [1, 2]


def test_an_acronym_in_parentheses_is_part_of_the_second_name() -> None:
    assert split_title("Financial analyst vs certified public accountant (CPA)") == (
        "Financial analyst",
        "certified public accountant (CPA)",
    )
    assert split_title("Financial analyst vs accountant (2024 update)") == (
        "Financial analyst",
        "accountant",
    )


@pytest.mark.parametrize(
    "h1",
    [
        'Nurse vs doctor<a class="headerlink" href="#t" title="Permanent link">&para;</a>',
        'Nurse vs doctor <a class="anchor" href="#t" aria-hidden="true">#</a>',
        '<a href="#t">\U0001f517</a> Nurse vs doctor',
        'Nurse vs doctor<a href="#t">&sect;</a>',
    ],
)
def test_a_permalink_mark_in_the_title_h1_is_no_part_of_it(h1: str) -> None:
    rec = extract_page(f"<h1>{h1}</h1>")
    assert rec.title == "Nurse vs doctor"
    assert [o.title for o in rec.occupations] == ["Nurse", "Doctor"]


def test_a_hash_touching_a_word_stays_in_the_title() -> None:
    rec = extract_page("<h1>Java developer vs C#</h1>")
    assert [o.title for o in rec.occupations] == ["Java Developer", "C#"]


@pytest.mark.parametrize(
    "h1",
    [
        "Nurse vs doctor<br><small>Which career pays more in 2026?</small>",
        "Nurse vs doctor <br/> Which career pays more in 2026?",
        '<span class="eyebrow" style="display:block">Career guide</span>Nurse vs doctor',
        "<div>Career guide</div>Nurse vs doctor",
    ],
)
def test_the_title_is_the_line_of_the_h1_that_reads_a_vs_b(h1: str) -> None:
    rec = extract_page(f"<h1>{h1}</h1>")
    assert rec.title == "Nurse vs doctor"
    assert [o.title for o in rec.occupations] == ["Nurse", "Doctor"]


def test_inline_markup_in_a_one_line_title_stays() -> None:
    rec = extract_page("<h1><em>Nurse</em> vs <em>doctor</em></h1>")
    assert rec.title == "Nurse vs doctor"


def test_an_anchor_icon_touching_the_titles_words() -> None:
    """ "<h1><a class=anchor aria-hidden=true href=#t>#</a>Nurse vs doctor</h1>"."""
    rec = extract_page(
        "<html><body><h1>Career Guides</h1><main><h1><a class=anchor aria-hidden=true "
        "href='#t'>#</a>Nurse vs doctor</h1></main></body></html>"
    )
    assert rec.title == "Nurse vs doctor"
    assert [o.title for o in rec.occupations] == ["Nurse", "Doctor"]


@pytest.mark.parametrize(
    ("title_html", "title"),
    [
        ("<div class='t1'>Nurse <span class='accent'>vs</span> doctor</div>", "Nurse vs doctor"),
        (
            "<div class='row'><div>Nurse</div><div>vs</div><div>doctor</div></div>",
            "Nurse vs doctor",
        ),
        ("<div class='t1'>Nurse vs. doctor</div>", "Nurse vs. doctor"),
    ],
)
def test_a_styled_title_with_vs_set_apart_or_dotted(title_html: str, title: str) -> None:
    """A no-code builder's title: no heading element, "vs" in an element of its own or
    written "vs."; a section's styled heading naming both comes after it."""
    rec = extract_page(
        "<html><head><title>Nurse vs Doctor: Salary, Skills &amp; Duties | Site</title></head>"
        f"<body><div>{title_html}<div>Nurse vs. doctor at a glance (overview)</div></div>"
        "</body></html>"
    )
    assert rec.title == title


def test_an_h1_above_the_main_content_wins_over_a_sections_heading_inside_it() -> None:
    rec = extract_page(
        "<html><body><header><h1>Nurse vs doctor</h1></header><main>"
        "<h2>Compensation: nurse vs doctor</h2><p>Pay differs.</p></main></body></html>"
    )
    assert rec.title == "Nurse vs doctor"
