"""The outline: which heading heads which section, and the region after each heading."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors._dom import value_text
from extractors._names import Names
from extractors._outline import Outline, bare_section, classify, in_chrome

NAMES = Names("Patient coordinator", "certified medical technician")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Patient coordinator vs certified medical technician overview", "overview"),
        ("Patient Coordinator Vs Certified Medical Technician Salary", "salary"),
        (
            "Differences between patient coordinator and certified medical technician education",
            "education",
        ),
        ("Patient coordinator vs certified medical technician demographics", "demographics"),
        (
            "Differences between patient coordinator and certified medical technician duties "
            "and responsibilities",
            "duties",
        ),
        ("Patient coordinator vs certified medical technician skills", "skills"),
        ("What does a patient coordinator do?", "description"),
        ("Patient coordinator example responsibilities.", "responsibilities"),
        ("Common certified medical technician skills", "skill_list"),
        ("Patient Coordinator", "name"),
        ("Career overview: patient coordinator vs certified medical technician", "overview"),
        ("Top skills: patient coordinator vs certified medical technician", "skills"),
        ("Patient coordinator vs certified medical technician pay", "salary"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == kind


@pytest.mark.parametrize(
    "text",
    [
        "Salary",
        "Skills",
        "Education",
        "Related comparisons",
        "Browse office jobs",
        "Salary by state",
    ],
)
def test_menu_and_sidebar_headings_are_none_of_ours(text: str) -> None:
    assert classify(text, NAMES) is None


def test_relevance_prefers_both_names() -> None:
    both = classify("Patient coordinator vs certified medical technician salary", NAMES)
    vs_only = classify("Nurse vs doctor salary", NAMES)
    assert both is not None and vs_only is not None
    assert both.relevance > vs_only.relevance


def test_description_of_someone_else_is_not_ours() -> None:
    assert classify("What does a nurse do?", NAMES) is None


def _region_texts(html: str, start_text: str, boundaries: list[str]) -> list[str]:
    tree = LexborHTMLParser(html)
    by_text = {value_text(node): node for node in tree.css("h2, h3, p, div, b")}
    outline = Outline(title=None)
    outline.headings["start"] = by_text[start_text]
    outline.add_boundary(by_text[start_text])
    for text in boundaries:
        outline.add_boundary(by_text[text])
    return [value_text(node) for node in outline.region("start")]


def test_region_of_flat_siblings_ends_at_the_next_heading() -> None:
    html = "<main><h2>S1</h2><p>a</p><p>b</p><h2>S2</h2><p>c</p></main>"
    assert _region_texts(html, "S1", ["S2"]) == ["a", "b"]


def test_region_climbs_out_of_the_heading_wrapper() -> None:
    html = "<main><div><h2>S1</h2></div><p>a</p><div><h2>S2</h2></div></main>"
    assert _region_texts(html, "S1", ["S2"]) == ["a"]


def test_region_keeps_the_part_of_a_wrapper_before_the_next_heading() -> None:
    html = "<main><h2>S1</h2><div><p>a</p><p>b</p><h2>S2</h2><p>c</p></div></main>"
    assert _region_texts(html, "S1", ["S2"]) == ["a", "b"]


def test_region_skips_menus_and_stops_at_a_footer() -> None:
    html = "<main><h2>S1</h2><nav><p>menu</p></nav><p>a</p><footer><p>f</p></footer><p>z</p></main>"
    assert _region_texts(html, "S1", []) == ["a"]


def test_region_does_not_leave_main() -> None:
    html = "<body><main><h2>S1</h2><p>a</p></main><p>outside</p></body>"
    assert _region_texts(html, "S1", []) == ["a"]


def test_region_keeps_bare_text() -> None:
    html = "<main><div><b>S1</b>loose text<p>a</p></div></main>"
    assert _region_texts(html, "S1", []) == ["loose text", "a"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Salary comparison: patient coordinator vs certified medical technician", "salary"),
        ("Skills: patient coordinator vs. certified medical technician", "skills"),
        ("What do patient coordinators do?", "description"),
        ("What Is A Certified Medical Technician?", "description"),
        ("Patient coordinator vs certified medical technician overview table", "overview"),
        ("Patient coordinator vs. certified medical technician earnings", "salary"),
        ("[edit] Overview of patient coordinator vs certified medical technician", "overview"),
        ("Patient coordinator vs. certified medical technician at a glance (overview)", "overview"),
        ("Quick Facts: Patient coordinator vs. certified medical technician", "overview"),
        ("Patient coordinator vs certified medical technician wages", "salary"),
        ("Patient coordinator vs certified medical technician education background", "education"),
    ],
)
def test_classify_other_wordings(text: str, kind: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == kind


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that names both and a section's word is no heading.
        "Salary. A patient coordinator earns less than a certified medical technician",
        "What is a patient coordinator's salary?",
    ],
)
def test_sentences_are_no_headings(text: str) -> None:
    found = classify(text, NAMES)
    assert found is None or found.name == "name"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Salary", "salary"),
        ("Skills:", "skills"),
        ("Duties and responsibilities", "duties"),
        ("Occupation overview", "overview"),
        ("In-demand skills", "skills"),
        # Two words joined by "and" where one names a section and the other none.
        ("Salary & pay", "salary"),
        ("Education and training", "education"),
        ("Quick comparison", "overview"),
        ("Salary FAQs", "salary"),
        ("Skills questions", "skills"),
    ],
)
def test_bare_section_words(text: str, section: str) -> None:
    assert bare_section(text) == section


def test_bare_section_words_are_not_any_heading() -> None:
    assert bare_section("Salary by state") is None
    assert bare_section("Related comparisons") is None
    assert bare_section("Skills and duties") is None  # two sections: neither
    assert bare_section("Terms and conditions") is None


@pytest.mark.parametrize(
    ("text", "kind", "occupation"),
    [
        ("Top skills for patient coordinators", "skill_list", 0),
        ("Top 10 skills for a certified medical technician", "skill_list", 1),
        ("Certified Medical Technician: key skills", "skill_list", 1),
        ("Key responsibilities of a patient coordinator", "responsibilities", 0),
        ("What is a certified medical technician responsible for?", "responsibilities", 1),
        ("What does a patient coordinator do on a typical day?", "responsibilities", 0),
    ],
)
def test_list_sub_headings_that_name_the_occupation_after_their_words(
    text: str, kind: str, occupation: int
) -> None:
    found = classify(text, NAMES)
    assert found is not None and (found.name, found.occupation) == (kind, occupation)


@pytest.mark.parametrize(
    "text",
    [
        "The top three skills for a patient coordinator include patients and scheduling",
        "Top skills for a nurse",
        "Skills for patient coordinators and certified medical technicians",
    ],
)
def test_skills_for_someone_else_or_a_sentence_is_no_sub_heading(text: str) -> None:
    found = classify(text, NAMES)
    assert found is None or found.name != "skill_list"


@pytest.mark.parametrize("anchor", ["#", "\u00b6", "\U0001f517"])
def test_a_permalink_after_a_heading_does_not_hide_it(anchor: str) -> None:
    overview = classify(
        f"Patient coordinator vs certified medical technician overview {anchor}", NAMES
    )
    described = classify(f"What does a patient coordinator do? {anchor}", NAMES)
    assert overview is not None and overview.name == "overview"
    assert described is not None and described.name == "description"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Patient coordinator vs certified medical technician salary comparison", "salary"),
        ("Patient coordinator vs. certified medical technician: salary comparison", "salary"),
    ],
)
def test_a_trailing_comparison_word(text: str, section: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == section


@pytest.mark.parametrize(
    ("text", "section"),
    [("Duties & responsibilities", "duties"), ("Education & training", "education")],
)
def test_bare_section_words_with_an_ampersand(text: str, section: str) -> None:
    assert bare_section(text) == section


@pytest.mark.parametrize(
    ("text", "kind", "occupation"),
    [
        ("What skills does a patient coordinator need?", "skill_list", 0),
        ("What top skills do certified medical technicians use?", "skill_list", 1),
        ("What duties does a certified medical technician perform?", "responsibilities", 1),
        ("What are the responsibilities of a patient coordinator?", "responsibilities", 0),
        ("What are the top skills for a certified medical technician?", "skill_list", 1),
    ],
)
def test_list_subheadings_asked_as_questions(text: str, kind: str, occupation: int) -> None:
    found = classify(text, NAMES)
    assert found is not None
    assert (found.name, found.occupation) == (kind, occupation)


@pytest.mark.parametrize(
    "text",
    ["What skills does a nurse need?", "What does a patient coordinator do?", "What is next?"],
)
def test_other_what_questions_are_no_list_subheadings(text: str) -> None:
    found = classify(text, NAMES)
    assert found is None or found.name == "description"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("What they do: duties and responsibilities", "duties"),
        ("Compare: skills", "skills"),
    ],
)
def test_bare_section_words_after_a_colon(text: str, section: str) -> None:
    assert bare_section(text) == section


def test_a_lead_before_a_colon_names_a_section_only_when_short() -> None:
    long_lead = "Everything you should know about the overview: patient coordinator vs "
    assert classify(long_lead + "certified medical technician", NAMES) is None


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Career overview", "overview"),
        ("Key skills", "skills"),
        ("Key skills compared", "skills"),
        ("Salaries compared", "salary"),
        ("Job responsibilities", "duties"),
        ("Education requirements", "education"),
        ("Education and training requirements", "education"),
        ("Workforce demographics", "demographics"),
        ("Skills needed", "skills"),
        ("How much do they earn? Salary comparison", "salary"),
        ("Who does the job? Demographics", "demographics"),
        ("Day-to-day duties and responsibilities", "duties"),
        ("Skills employers want", "skills"),
    ],
)
def test_bare_section_words_with_a_closed_lead_or_tail(text: str, section: str) -> None:
    assert bare_section(text) == section


@pytest.mark.parametrize(
    "text", ["Related skills", "Job growth", "Career paths", "Soft skills by state", "Key facts"]
)
def test_other_leads_make_no_bare_section(text: str) -> None:
    assert bare_section(text) is None


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Key skills for patient coordinators and certified medical technicians", "skills"),
        ("Pay comparison: patient coordinator vs certified medical technician", "salary"),
        ("Top skills for patient coordinators and certified medical technicians", "skills"),
        ("Patient coordinator vs certified medical technician education requirements", "education"),
        ("Job responsibilities: patient coordinator vs certified medical technician", "duties"),
    ],
)
def test_a_closed_lead_or_tail_around_a_named_section(text: str, section: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == section and found.occupation is None


@pytest.mark.parametrize(
    ("text", "kind", "occupation"),
    [
        ("Top patient coordinator skills", "skill_list", 0),
        ("Most common certified medical technician skills", "skill_list", 1),
        ("Example patient coordinator responsibilities", "responsibilities", 0),
    ],
)
def test_list_subheadings_with_a_lead_word(text: str, kind: str, occupation: int) -> None:
    found = classify(text, NAMES)
    assert found is not None and (found.name, found.occupation) == (kind, occupation)


def test_a_what_they_do_wrapper_heads_nothing_of_ours() -> None:
    assert classify("What they do", NAMES) is None
    assert bare_section("What they do") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1. Patient coordinator vs certified medical technician overview", "overview"),
        ("\U0001f4b5 Patient coordinator vs certified medical technician salary", "salary"),
        ("\u2753 What does a patient coordinator do?", "description"),
        ("5. What does a certified medical technician do?", "description"),
        ("\ue001 12) Patient coordinator vs certified medical technician skills", "skills"),
    ],
)
def test_an_icon_or_a_section_number_before_a_heading(text: str, kind: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == kind


@pytest.mark.parametrize(
    ("text", "section"),
    [("1. Overview", "overview"), ("4. Salary", "salary"), ("7 - Skills", "skills")],
)
def test_bare_section_words_after_a_section_number(text: str, section: str) -> None:
    assert bare_section(text) == section


def test_a_number_that_is_part_of_the_words_is_kept() -> None:
    assert bare_section("401 Salary") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Patient coordinator vs certified medical technician: at a glance", "overview"),
        ("Who works as a patient coordinator vs a certified medical technician?", "demographics"),
    ],
)
def test_headings_that_ask_or_sum_up(text: str, kind: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == kind


def test_a_bare_heading_with_a_closed_tail() -> None:
    assert bare_section("Skills that matter") == "skills"
    assert bare_section("At a glance") == "overview"


@pytest.mark.parametrize(
    "text",
    [
        "02 What does a patient coordinator do?",
        "\u2753 2 \u00b7 What does a patient coordinator do?",
        "2.1 What does a patient coordinator do?",  # a subsection's number (LaTeX)
        "10.2.3\u00a0What does a patient coordinator do?",
    ],
)
def test_a_section_number_with_a_space_or_a_dot_between(text: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == "description"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Patient coordinator vs certified medical technician salary[edit]", "salary"),
        ("What does a patient coordinator do?[edit]", "description"),
        (
            "Patient coordinator vs certified medical technician skills [edit | edit source]",
            "skills",
        ),
        ("Patient coordinator vs certified medical technician overview[1]", "overview"),
    ],
)
def test_a_wiki_edit_link_or_a_footnote_after_a_heading(text: str, kind: str) -> None:
    found = classify(text, NAMES)
    assert found is not None and found.name == kind


def test_a_navigation_landmark_is_chrome_like_a_nav() -> None:
    """A wiki's contents box is a ``<div role="navigation">``: its entries repeat every
    heading before the headings themselves, and must lose to them."""
    tree = LexborHTMLParser(
        "<div role=navigation><ul><li id=toc>1 Salary</li></ul></div>"
        "<nav><p id=menu>Salary</p></nav><section><h2 id=own>Salary</h2></section>"
    )
    assert in_chrome(_by_id(tree, "toc")) and in_chrome(_by_id(tree, "menu"))
    assert not in_chrome(_by_id(tree, "own"))


def _by_id(tree: LexborHTMLParser, name: str):  # type: ignore[no-untyped-def]
    node = tree.css_first(f"#{name}")
    assert node is not None
    return node


def test_a_name_holding_a_sections_word_is_a_name() -> None:
    """ "Accounts Payable Clerk" holds "pay" (a salary heading's word) and is a name."""
    names = Names("Bookkeeper", "accounts payable clerk")
    found = classify("Accounts Payable Clerk", names)
    assert found is not None and found.name == "name" and found.occupation == 1


def test_lines_of_labels_and_values_head_no_section() -> None:
    """A card's paragraph of "Label: value" lines that ends "Best paying industry:
    Education" (and holds "Between $1 And $2") heads neither section."""
    lines = (
        "Average salary: $34,853 Salary range: Between $24,000 And $49,000 "
        "Highest paying state: Connecticut Best paying industry: Education"
    )
    assert classify(lines, NAMES) is None
    assert bare_section(lines) is None
    assert bare_section("What they do: duties and responsibilities") == "duties"
