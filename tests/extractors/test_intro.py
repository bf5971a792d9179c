"""The intro under the title: time to become each, and each one's top three skills."""

from __future__ import annotations

import pytest
from seed_page import INTRO, TITLE, issue_pairs, record

from extractors._names import Names
from extractors.intro import split_sentences, times_to_become, top_skills

NAMES = Names("Patient coordinator", "certified medical technician")
OVERVIEW = f"<h2>{TITLE} overview</h2>"


def _months(text: str) -> list[tuple[int, int] | None]:
    return times_to_become(split_sentences(text), NAMES)


def _skills(text: str) -> list[list[str]]:
    return top_skills(split_sentences(text), NAMES)


def test_the_seed_intro() -> None:
    text = " ".join(INTRO)
    assert _months(text) == [(24, 48), (6, 12)]
    assert _skills(text) == [
        ["patients", "customer service", "patient care"],
        ["patients", "vital signs", "CPR"],
    ]


@pytest.mark.parametrize("mark", ["1", "12", "*", "\u2020"])
def test_a_footnote_mark_after_a_full_stop_still_ends_the_sentence(mark: str) -> None:
    """An e-book's note reference after a sentence: "...of a patient coordinator.1 The top"."""
    text = f"{INTRO[0]}{mark} {INTRO[1]}"
    assert _skills(text) == [
        ["patients", "customer service", "patient care"],
        ["patients", "vital signs", "CPR"],
    ]


def test_a_figure_after_a_words_full_stop_starts_a_sentence() -> None:
    text = (
        "The top skills for a patient coordinator are patients, CPR and triage. 2 languages "
        "Tools Comparison of two careers"
    )
    assert _skills(text)[0] == ["patients", "CPR", "triage"]


def test_a_decimal_figure_ends_no_sentence() -> None:
    assert split_sentences("It grew 4.5 Percent a year. Then it fell.") == [
        "It grew 4.5 Percent a year.",
        "Then it fell.",
    ]


def test_a_bylines_separators_after_the_last_sentence_are_no_skill() -> None:
    assert _skills(" ".join(INTRO) + " \u00b7 \u00b7")[1] == ["patients", "vital signs", "CPR"]


def test_durations_belong_to_the_nearest_name_in_their_clause() -> None:
    text = (
        "Becoming a certified medical technician takes 1 year, while a patient coordinator "
        "needs 4-6 years."
    )
    assert _months(text) == [(48, 72), (12, 12)]


def test_durations_in_separate_sentences() -> None:
    text = (
        "It takes 2-4 years to become a patient coordinator. "
        "A certified medical technician needs 6-12 months."
    )
    assert _months(text) == [(24, 48), (6, 12)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The top three skills for a patient coordinator include patients, customer service and "
        "patient care.",
        "The most important skills for a patient coordinator are patients, customer service, "
        "and patient care.",
        "A patient coordinator's top skills are patients, customer service and patient care.",
        "Key skills for patient coordinators: patients, customer service and patient care.",
        "As for skills, a patient coordinator most often needs patients, customer service and "
        "patient care.",
    ],
)
def test_skills_sentences_vary(sentence: str) -> None:
    assert _skills(sentence)[0] == ["patients", "customer service", "patient care"]


def test_a_list_of_sections_naming_skills_is_no_top_skills_list() -> None:
    text = (
        "Compare patient coordinators and certified medical technicians: salary, education, "
        "skills and duties side by side. The top three skills for a patient coordinator "
        "include patients, customer service and patient care."
    )
    assert _skills(text)[0] == ["patients", "customer service", "patient care"]


def test_a_sentence_going_on_from_one_about_skills() -> None:
    text = (
        "The top three skills for a patient coordinator are patients, customer service and "
        "patient care. For a certified medical technician the top three are lab work, "
        "phlebotomy and CPR."
    )
    assert _skills(text)[1] == ["lab work", "phlebotomy", "CPR"]


def test_a_list_before_the_name_it_is_about() -> None:
    text = (
        "Employers most often look for patients, customer service and patient care in "
        "patient coordinators; for certified medical technicians, the top three skills are "
        "lab work, phlebotomy and CPR."
    )
    assert _skills(text) == [
        ["patients", "customer service", "patient care"],
        ["lab work", "phlebotomy", "CPR"],
    ]


def test_a_ranked_list_before_the_name_it_is_about() -> None:
    text = (
        "Employers list patients, customer service and patient care as the top three skills "
        "for a patient coordinator."
    )
    assert _skills(text)[0] == ["patients", "customer service", "patient care"]


def test_skills_of_a_name_inside_the_other_name() -> None:
    names = Names("Nurse", "registered nurse")
    text = (
        "The top skills for a registered nurse include patients, CPR and triage. "
        "The top skills for a nurse include care, empathy and charting."
    )
    assert top_skills(split_sentences(text), names) == [
        ["care", "empathy", "charting"],
        ["patients", "CPR", "triage"],
    ]


def test_the_intro_on_a_page() -> None:
    rec = record("".join(f"<p>{p}</p>" for p in INTRO) + OVERVIEW)
    assert [o.time_to_become_min_months for o in rec.occupations] == [24, 6]
    assert [o.time_to_become_max_months for o in rec.occupations] == [48, 12]
    assert rec.occupations[1].top_skills == ["patients", "vital signs", "CPR"]


def test_intro_in_a_wrapper_with_a_byline_and_typographic_quotes() -> None:
    rec = record(
        "<div class='by'>Updated May 2024</div><div><div><p>It takes 2-4 years to become a "
        "patient coordinator, while a certified medical technician takes 1 year.</p></div></div>"
        + OVERVIEW
    )
    assert [o.time_to_become_max_months for o in rec.occupations] == [48, 12]


def test_the_title_again_over_the_intro_ends_nothing() -> None:
    """A chat's share page: the title in its header, a hidden earlier draft, then the
    answer under the same title again, with its intro."""
    rec = record(
        "<div hidden><p>It takes 1 year to become a patient coordinator.</p></div>"
        f"<div><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in INTRO) + "</div>" + OVERVIEW
    )
    assert [o.top_skills for o in rec.occupations] == [
        ["patients", "customer service", "patient care"],
        ["patients", "vital signs", "CPR"],
    ]
    assert [o.time_to_become_max_months for o in rec.occupations] == [48, 12]


def test_no_intro_is_a_warning() -> None:
    rec = record(OVERVIEW)
    assert ("intro", "warning") in issue_pairs(rec)
    assert [o.top_skills for o in rec.occupations] == [[], []]


def test_a_duration_belongs_to_the_occupation_it_is_the_time_to_become() -> None:
    names = Names("Financial analyst", "accountant")
    sentences = split_sentences(
        "Plan on 4-6 years to become a financial analyst and 5-7 years to become an accountant."
    )
    assert times_to_become(sentences, names) == [(48, 72), (60, 84)]


def test_top_skills_of_both_in_one_sentence_turned_by_while() -> None:
    names = Names("Construction manager", "project engineer")
    text = (
        "The top three skills for construction managers are project management, OSHA and "
        "scheduling, while project engineers most often list AutoCAD, RFIs and cost control "
        "as their top three skills."
    )
    assert top_skills(split_sentences(text), names) == [
        ["project management", "OSHA", "scheduling"],
        ["AutoCAD", "RFIs", "cost control"],
    ]


def test_skills_clauses_split_at_a_semicolon_whereas_or_but() -> None:
    text = (
        "Certified medical technicians name phlebotomy, vital signs and CPR as their main "
        "skills; the top three skills for a patient coordinator include intake, insurance "
        "and scheduling."
    )
    assert _skills(text) == [
        ["intake", "insurance", "scheduling"],
        ["phlebotomy", "vital signs", "CPR"],
    ]
    text = (
        "Top skills for a patient coordinator are intake, insurance and scheduling, whereas "
        "certified medical technicians cite CPR, EKG, and phlebotomy."
    )
    assert _skills(text) == [["intake", "insurance", "scheduling"], ["CPR", "EKG", "phlebotomy"]]
    text = (
        "Patient coordinators mention intake, insurance and scheduling, but the skills of a "
        "certified medical technician are CPR, EKG and phlebotomy."
    )
    assert _skills(text) == [["intake", "insurance", "scheduling"], ["CPR", "EKG", "phlebotomy"]]


def test_the_skills_section_settles_an_unclear_top_skills_list_on_a_page() -> None:
    rec = record(
        "<p>The top three skills for a patient coordinator include customer service, "
        "cleanliness and food and beverage.</p>"
        "<h2>Patient coordinator vs certified medical technician skills</h2>"
        "<h3>Common patient coordinator skills</h3><ul><li>Customer Service, 30%</li>"
        "<li>Cleanliness, 20%</li><li>Food and Beverage, 10%</li></ul>"
    )
    assert rec.occupations[0].top_skills == ["customer service", "cleanliness", "food and beverage"]


def test_a_bylines_heading_between_the_title_and_the_intro() -> None:
    """A blog's byline holds a heading of its own ("<h4>Dana Whitfield</h4>")."""
    intro = "".join(f"<p>{paragraph}</p>" for paragraph in INTRO)
    rec = record(
        "<div class='byline'><h4><a href='/author/dana/'>Dana Whitfield</a></h4>"
        f"<time>Mar 11, 2023</time></div><section>{intro}</section>"
        f"<h2>{TITLE} overview</h2><table><tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>"
        "</table>"
    )
    assert [o.time_to_become_min_months for o in rec.occupations] == [24, 6]
    assert rec.occupations[1].top_skills == ["patients", "vital signs", "CPR"]


def test_an_infobox_before_the_intro_does_not_decide_whose_time_it_is() -> None:
    """A wiki's infobox names the occupations only in its header row, then "Time to become
    | 2-4 years | 6-12 months": the intro's sentences say whose each time is."""
    rec = record(
        "<table class=infobox><tr><th></th><th>Patient coordinator</th>"
        "<th>Certified medical technician</th></tr><tr><th>Time to become</th>"
        "<td>2-4 years</td><td>6-12 months</td></tr></table>"
        + "".join(f"<p>{p}</p>" for p in INTRO)
    )
    assert [
        (o.time_to_become_min_months, o.time_to_become_max_months) for o in rec.occupations
    ] == [
        (24, 48),
        (6, 12),
    ]


def test_sentences_split_only_by_a_line_break() -> None:
    """ASP.NET output: "...a web developer.<br /><br />The top three skills..." with no
    space: the break ends the sentence."""
    first, second = INTRO
    rec = record(f"<p>{first}<br /><br />{second}</p>")
    assert [o.top_skills for o in rec.occupations] == [
        ["patients", "customer service", "patient care"],
        ["patients", "vital signs", "CPR"],
    ]
