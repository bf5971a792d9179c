"""The duties section: every responsibility, hidden ones too, never the "Show more" control."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issue_pairs, record

HEADING = (
    f"<h2>Differences between {TITLE.replace(' vs ', ' and ')} duties and responsibilities</h2>"
)
SKILLS = f"<h2>{TITLE} skills</h2>"


def _duties(rec) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [occupation.responsibilities for occupation in rec.occupations]


def _lists(a_items: str, b_items: str) -> str:
    return (
        HEADING
        + "<p>Patient coordinator example responsibilities.</p>"
        + a_items
        + "<p>Certified medical technician example responsibilities.</p>"
        + b_items
        + SKILLS
    )


@pytest.mark.parametrize(
    "hidden",
    ["hidden", 'style="display:none"', 'aria-hidden="true"', 'class="is-collapsed x-9f"'],
)
def test_hidden_items_count_and_show_more_does_not(hidden: str) -> None:
    a = (
        f"<ul><li>Greet visitors.</li><li {hidden}>Keep records.</li>"
        "<li><button>Show more</button></li></ul>"
    )
    b = f"<ul><li>Draw blood.</li><li {hidden}>Clean trays.</li></ul><button>Show less</button>"
    assert _duties(record(_lists(a, b))) == [
        ["Greet visitors.", "Keep records."],
        ["Draw blood.", "Clean trays."],
    ]


def test_show_more_as_a_link_list_item() -> None:
    a = "<ol><li>Greet visitors.</li><li><a href='#'>Show more</a></li></ol>"
    b = "<ol><li>Draw blood.</li><li><span>See all 12 responsibilities</span></li></ol>"
    assert _duties(record(_lists(a, b))) == [["Greet visitors."], ["Draw blood."]]


def test_div_lists_without_ul() -> None:
    a = (
        '<div class="q"><div class="i">Greet visitors.</div>'
        '<div class="i">Keep records.</div></div>'
    )
    b = '<div class="q"><div class="i">Draw blood.</div><div role="button">Show more</div></div>'
    assert _duties(record(_lists(a, b))) == [["Greet visitors.", "Keep records."], ["Draw blood."]]


def test_hidden_items_in_a_second_list_after_the_control() -> None:
    a = (
        "<ul><li>Greet visitors.</li></ul><button>Show more</button>"
        "<ul hidden><li>Keep records.</li></ul>"
    )
    b = "<ul><li>Draw blood.</li></ul>"
    assert _duties(record(_lists(a, b)))[0] == ["Greet visitors.", "Keep records."]


def test_items_keep_inline_markup_as_text() -> None:
    a = "<ul><li>Comply with <b>HIPAA</b> regulations&nbsp;and <a href='#'>CMS</a> rules.</li></ul>"
    b = "<ul><li>Draw blood.</li></ul>"
    assert _duties(record(_lists(a, b)))[0] == ["Comply with HIPAA regulations and CMS rules."]


def test_subheadings_as_headings_with_a_wrapper_per_occupation() -> None:
    body = (
        HEADING + "<div><h3>Patient coordinator example responsibilities</h3><ul>"
        "<li>Greet visitors.</li></ul></div><div><h3>Certified medical technician example "
        "responsibilities</h3><ul><li>Draw blood.</li></ul></div>" + SKILLS
    )
    assert _duties(record(body)) == [["Greet visitors."], ["Draw blood."]]


def test_an_ad_between_the_lists_is_not_an_item() -> None:
    a = "<ul><li>Greet visitors.</li></ul><div class='ad'><iframe></iframe></div>"
    b = "<ul><li>Draw blood.</li></ul><div>Sponsored text</div>"
    assert _duties(record(_lists(a, b))) == [["Greet visitors."], ["Draw blood."]]


def test_a_notebooks_next_code_cell_is_no_item() -> None:
    code = (
        "<div class='cell'><div class='input'><div class='prompt'>In [8]:</div>"
        "<div class='editor'><div class='highlight'><pre>display(duties)</pre></div></div>"
        "</div></div>"
    )
    a = "<ul><li>Greet visitors.</li></ul>" + code
    b = "<ul><li>Draw blood.</li></ul>"
    assert _duties(record(_lists(a, b))) == [["Greet visitors."], ["Draw blood."]]


def test_a_plus_before_show_more_keeps_it_a_control() -> None:
    a = "<ul><li>Greet visitors.</li><li hidden>File charts.</li><li>+ Show more</li></ul>"
    assert _duties(record(_lists(a, "<ul><li>Draw blood.</li></ul>"))) == [
        ["Greet visitors.", "File charts."],
        ["Draw blood."],
    ]


def test_a_tables_column_headers_are_no_items() -> None:
    def table(*items: str) -> str:
        rows = "".join(f"<tr><td>{n}</td><td>{item}</td></tr>" for n, item in enumerate(items, 1))
        return (
            "<table><thead><tr><th scope='col'>#</th><th scope='col'>Responsibility</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )

    rec = record(_lists(table("Greet visitors.", "File charts."), table("Draw blood.")))
    assert _duties(rec) == [["Greet visitors.", "File charts."], ["Draw blood."]]


def test_without_subheadings_the_lists_go_in_page_order() -> None:
    body = HEADING + "<ul><li>Greet visitors.</li></ul><ul><li>Draw blood.</li></ul>" + SKILLS
    assert _duties(record(body)) == [["Greet visitors."], ["Draw blood."]]


def test_a_missing_duties_section_is_a_warning() -> None:
    rec = record(SKILLS)
    assert _duties(rec) == [[], []]
    assert ("duties", "warning") in issue_pairs(rec)


@pytest.mark.parametrize("control", ["Show more", "See all", "View more", "+ 5 more", "Show less"])
def test_a_show_more_heading_is_no_boundary_and_no_item(control: str) -> None:
    def accordion(items: str) -> str:
        return (
            f"<amp-accordion><section><h4>{control}</h4><div><ul>{items}</ul></div>"
            "</section></amp-accordion>"
        )

    a = "<ul><li>Greet visitors.</li></ul>" + accordion("<li>Keep records.</li>")
    b = "<ul><li>Draw blood.</li></ul>" + accordion("<li>Clean trays.</li><li>Label tubes.</li>")
    page = (
        HEADING
        + "<h3>Patient coordinator example responsibilities.</h3>"
        + a
        + "<h3>Certified medical technician example responsibilities.</h3>"
        + b
        + SKILLS
    )
    rec = record(page)
    assert _duties(rec) == [
        ["Greet visitors.", "Keep records."],
        ["Draw blood.", "Clean trays.", "Label tubes."],
    ]
    assert ("duties", "warning") not in issue_pairs(rec)


def test_show_n_more_is_a_control() -> None:
    a = (
        "<ol><li>Greet visitors.</li><li hidden>Keep records.</li>"
        "<li><button>Show 3 more</button></li></ol>"
    )
    b = "<ol><li>Draw blood.</li><li><a href='#'>View 12 more</a></li></ol>"
    assert _duties(record(_lists(a, b))) == [["Greet visitors.", "Keep records."], ["Draw blood."]]


def test_a_bare_job_responsibilities_heading_with_example_subheadings() -> None:
    rec = record(
        "<h2>Job responsibilities</h2><h3>Example patient coordinator responsibilities</h3>"
        "<ul><li>Schedule appointments for patients.</li></ul>"
        "<h3>Example certified medical technician responsibilities.</h3>"
        "<ul><li>Draw blood samples.</li></ul>"
    )
    assert [o.responsibilities for o in rec.occupations] == [
        ["Schedule appointments for patients."],
        ["Draw blood samples."],
    ]


def test_see_all_opens_the_full_list_elsewhere_in_the_page() -> None:
    """The list shows a few duties, and "See all responsibilities" opens a modal at the
    end of the page holding all of them; a "Show more" to the section itself opens none."""
    from seed_page import mini_page

    from extractors import extract_page

    body = (
        f"<h2>{TITLE} duties and responsibilities</h2>"
        "<h3>Patient coordinator example responsibilities.</h3><ul><li>Greet patients.</li>"
        "</ul><a href='#all-a' data-toggle=modal>See all responsibilities</a>"
        "<h3>Certified medical technician example responsibilities.</h3><ul><li>Run tests."
        "</li></ul><a href='#duties'>Show more</a>"
    )
    modal = (
        "<div id=all-a class=modal style='display:none'><h4>All of them</h4><ul>"
        "<li>Greet patients.</li><li>Book appointments.</li></ul></div>"
    )
    page = mini_page(body).replace("</main>", f"</main>{modal}")
    rec = extract_page(page)
    assert [o.responsibilities for o in rec.occupations] == [
        ["Greet patients.", "Book appointments."],
        ["Run tests."],
    ]


def test_a_components_items_are_items() -> None:
    """Ionic pre-rendered: an ``<ion-list>`` of ``<ion-item>``s (custom elements, laid out
    as blocks), the rest in an accordion's hidden ``<ion-list>``."""
    item = "<ion-item><ion-icon aria-hidden=true></ion-icon><ion-label>{}</ion-label></ion-item>"
    rec = record(
        HEADING
        + "<h3>Patient coordinator example responsibilities.</h3><ion-list>"
        + item.format("Greet patients.")
        + item.format("Book appointments.")
        + "</ion-list><ion-accordion><ion-item slot=header><ion-label>Show more</ion-label>"
        "</ion-item><div slot=content aria-hidden=true><ion-list>"
        + item.format("File records.")
        + item.format("Answer calls.")
        + "</ion-list></div></ion-accordion>"
        "<h3>Certified medical technician example responsibilities.</h3>"
        "<ul><li>Run tests.</li></ul>"
    )
    assert [o.responsibilities for o in rec.occupations] == [
        ["Greet patients.", "Book appointments.", "File records.", "Answer calls."],
        ["Run tests."],
    ]


def test_a_table_after_the_lists_gives_no_items() -> None:
    """A wiki's issue-tracker table between two sections: "Key | Summary | Status"."""
    rec = record(
        HEADING + "<h3>Patient coordinator example responsibilities.</h3>"
        "<ul><li>Greet patients.</li></ul>"
        "<h3>Certified medical technician example responsibilities.</h3>"
        "<ul><li>Run tests.</li></ul><table><tr><th>Key</th><th>Summary</th><th>Status</th>"
        "</tr><tr><td>KB-12</td><td>Fix the footer</td><td>Done</td></tr></table>"
    )
    assert [o.responsibilities for o in rec.occupations] == [["Greet patients."], ["Run tests."]]


def test_a_control_pointing_at_an_id_no_selector_can_name_is_left_alone() -> None:
    """'<a href="#a&quot;b\\c">See all responsibilities</a>': no error, nothing added."""
    rec = record(
        HEADING + "<h3>Patient coordinator example responsibilities.</h3><ul><li>Greet.</li>"
        "</ul><a href='#a&quot;b\\c'>See all responsibilities</a>"
        "<h3>Certified medical technician example responsibilities.</h3><ul><li>Run.</li></ul>"
    )
    assert [o.responsibilities for o in rec.occupations] == [["Greet."], ["Run."]]
    assert not [issue for issue in rec.issues if issue.severity == "error"]


def test_a_toggle_heading_holding_both_of_its_words_ends_no_list() -> None:
    """An accordion's header <h4> holds "Show more" and "Show less" (one hidden by a style)."""
    a = (
        "<ul><li>Greet visitors.</li></ul><section><h4><span>Show more</span>"
        "<span>Show less</span></h4><ul><li>Keep records.</li></ul></section>"
    )
    b = "<ul><li>Draw blood.</li></ul>"
    assert _duties(record(_lists(a, b)))[0] == ["Greet visitors.", "Keep records."]


def test_a_heading_that_leads_with_what_they_do_before_the_sections_words() -> None:
    heading = f"<h2>What they do: {TITLE} duties and responsibilities</h2>"
    page = _lists("<ul><li>Greet visitors.</li></ul>", "<ul><li>Draw blood.</li></ul>")
    assert _duties(record(page.replace(HEADING, heading))) == [["Greet visitors."], ["Draw blood."]]
