"""The skills section: "Common ... skills" lists of "Skill, NN%" in page order."""

from __future__ import annotations

from seed_page import TITLE, issue_pairs, record

from extractors.skills import parse_skills

HEADING = f"<h2>{TITLE} skills</h2>"
BROWSE = "<a href='/x'>Browse office and administrative jobs</a>"


def _skills(rec) -> list[list[tuple[str, float | None]]]:  # type: ignore[no-untyped-def]
    return [[(s.name, s.share_pct) for s in occupation.skills] for occupation in rec.occupations]


def test_lists_after_common_skills_subheadings() -> None:
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3><ul><li>Patients, 30%</li>"
        "<li>Customer Service, 11%</li></ul><h3>Common certified medical technician skills</h3>"
        "<ul><li>Vital Signs, 12%</li></ul>" + BROWSE
    )
    assert _skills(rec) == [
        [("Patients", 30.0), ("Customer Service", 11.0)],
        [("Vital Signs", 12.0)],
    ]


def test_name_and_share_in_separate_spans_with_a_bar() -> None:
    item = '<div class="k"><span>{}</span>, <span>{}%</span><div style="width:{}%"></div></div>'
    rec = record(
        HEADING
        + "<div><b>Common patient coordinator skills</b></div><div>"
        + item.format("Patients", 30, 30)
        + item.format("Check-In", 3, 3)
        + "</div>"
        "<div><b>Common certified medical technician skills</b></div><div>"
        + item.format("CPR", 8, 8)
        + "</div>"
        + BROWSE
    )
    assert _skills(rec) == [[("Patients", 30.0), ("Check-In", 3.0)], [("CPR", 8.0)]]


def test_hidden_skills_count_and_the_control_does_not() -> None:
    rec = record(
        HEADING + "<p>Common patient coordinator skills</p><ul><li>Patients, 30%</li>"
        "<li hidden>HIPAA, 6%</li><li><button>Show more</button></li></ul>"
        "<p>Common certified medical technician skills</p><ul><li>CPR, 8%</li></ul>" + BROWSE
    )
    assert _skills(rec)[0] == [("Patients", 30.0), ("HIPAA", 6.0)]


def test_lists_of_different_lengths() -> None:
    a = "".join(f"<li>Skill {i}, {10 - i}%</li>" for i in range(8))
    rec = record(
        HEADING + f"<h4>Common patient coordinator skills</h4><ul>{a}</ul>"
        "<h4>Common certified medical technician skills</h4><ul><li>CPR, 8%</li></ul>" + BROWSE
    )
    assert len(_skills(rec)[0]) == 8
    assert _skills(rec)[1] == [("CPR", 8.0)]


def test_related_links_after_the_last_list_are_not_skills() -> None:
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3><ul><li>Patients, 30%</li></ul>"
        "<h3>Common certified medical technician skills</h3><ul><li>CPR, 8%</li></ul>"
        "<ul><li><a href='/a-jobs/a-vs-b-differences'>Patient coordinator vs nurse</a></li></ul>"
    )
    assert _skills(rec) == [[("Patients", 30.0)], [("CPR", 8.0)]]


def test_a_missing_skills_section_is_a_warning() -> None:
    rec = record(BROWSE)
    assert ("skills", "warning") in issue_pairs(rec)


def test_parse_skills_keeps_names_as_written() -> None:
    assert [(s.name, s.share_pct) for s in parse_skills(["Check-In, 3%", "HIPAA, 6%"])] == [
        ("Check-In", 3.0),
        ("HIPAA", 6.0),
    ]


def test_what_a_share_counts_after_it_is_no_part_of_the_name() -> None:
    items = ["Piano, 9% of job postings", "Music Theory, 6% of resumes", "Choir, 7%"]
    assert [(s.name, s.share_pct) for s in parse_skills(items)] == [
        ("Piano", 9.0),
        ("Music Theory", 6.0),
        ("Choir", 7.0),
    ]


def test_parse_skills_without_shares_keeps_the_names() -> None:
    assert [(s.name, s.share_pct) for s in parse_skills(["Patients", "CPR"])] == [
        ("Patients", None),
        ("CPR", None),
    ]


def test_a_skills_table_with_its_own_header_row() -> None:
    rows = "".join(
        f"<tr><td>{name}</td><td>{pct}%</td></tr>" for name, pct in (("CPR", 8), ("BLS", 5))
    )
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3><table><thead><tr><th>Skill</th>"
        f"<th>Share of resumes</th></tr></thead><tbody>{rows}</tbody></table>"
        "<h3>Common certified medical technician skills</h3><table><tr><th>Skill</th><th>Share"
        f"</th></tr>{rows}</table>" + BROWSE
    )
    assert _skills(rec) == [[("CPR", 8.0), ("BLS", 5.0)], [("CPR", 8.0), ("BLS", 5.0)]]


def test_names_and_shares_as_terms_and_definitions() -> None:
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3>"
        "<dl><dt>Patients</dt><dd>30%</dd><dt>HIPAA</dt><dd>6%</dd></dl>"
        "<h3>Common certified medical technician skills</h3>"
        "<dl><div><dt>CPR</dt><dd>8%</dd></div></dl>" + BROWSE
    )
    assert _skills(rec) == [[("Patients", 30.0), ("HIPAA", 6.0)], [("CPR", 8.0)]]


def test_a_share_without_a_name_before_it_is_dropped() -> None:
    assert [(s.name, s.share_pct) for s in parse_skills(["12%", "CPR", "8%", "9%"])] == [
        ("CPR", 8.0)
    ]


def test_skills_as_lines_of_one_paragraph_with_bullets() -> None:
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3>"
        "<p>\u2022 Patients, 30%<br>\u2022 HIPAA, 6%</p>"
        "<h3>Common certified medical technician skills</h3><p>CPR, 8%</p>" + BROWSE
    )
    assert _skills(rec) == [[("Patients", 30.0), ("HIPAA", 6.0)], [("CPR", 8.0)]]


def test_a_share_written_before_the_name() -> None:
    assert [(s.name, s.share_pct) for s in parse_skills(["30% Patients", "6 % - HIPAA"])] == [
        ("Patients", 30.0),
        ("HIPAA", 6.0),
    ]


def test_chips_with_no_separator_but_their_borders() -> None:
    skills = parse_skills(["Guest Service 14%Hospitality 11%Front Desk 8%"])
    assert [(skill.name, skill.share_pct) for skill in skills] == [
        ("Guest Service", 14.0),
        ("Hospitality", 11.0),
        ("Front Desk", 8.0),
    ]


def test_a_bold_sub_heading_in_a_layout_cell_before_its_table() -> None:
    def column(name: str, rows: str) -> str:
        return f"<td><font><b>Common {name} skills</b></font><table>{rows}</table></td>"

    rec = record(
        f"<h2>{TITLE} skills</h2><table><tr>"
        + column("patient coordinator", "<tr><td>Patients</td><td>30%</td></tr>")
        + column("certified medical technician", "<tr><td>CPR</td><td>12%</td></tr>")
        + "</tr></table>"
    )
    assert [[(s.name, s.share_pct) for s in o.skills] for o in rec.occupations] == [
        [("Patients", 30.0)],
        [("CPR", 12.0)],
    ]


def test_a_bare_key_skills_heading_with_top_and_most_common_subheadings() -> None:
    rec = record(
        "<h2>Key skills</h2><h3>Top patient coordinator skills</h3><ul><li>Patients 30%</li>"
        "</ul><h3>Most common certified medical technician skills</h3>"
        "<ul><li>Vital Signs 12%</li></ul>" + BROWSE
    )
    assert _skills(rec) == [[("Patients", 30.0)], [("Vital Signs", 12.0)]]


def test_a_bare_key_skills_heading_in_a_sidebar_or_footer_is_not_the_section() -> None:
    sidebar = "<aside><h3>Key skills</h3><ul><li>Leadership 50%</li></ul></aside>"
    footer = "<footer><h4>Key skills compared</h4><ul><li>Typing 40%</li></ul></footer>"
    rec = record(sidebar + footer)
    assert _skills(rec) == [[], []]
    assert ("skills", "warning") in issue_pairs(rec)


def test_a_skill_name_starting_with_a_digit_after_its_share() -> None:
    assert [
        (s.name, s.share_pct) for s in parse_skills(["22% Illustration", "7% 3D Animation"])
    ] == [
        ("Illustration", 22.0),
        ("3D Animation", 7.0),
    ]


def test_both_sub_headings_in_a_row_then_both_lists() -> None:
    rec = record(
        HEADING + '<div style="display:grid"><div>Common patient coordinator skills</div>'
        "<div>Common certified medical technician skills</div>"
        "<ul><li>Patients: 30%</li><li>Scheduling: 10%</li></ul>"
        "<ul><li>CPR: 20%</li><li>Vital Signs: 12%</li></ul></div>"
    )
    assert _skills(rec) == [
        [("Patients", 30.0), ("Scheduling", 10.0)],
        [("CPR", 20.0), ("Vital Signs", 12.0)],
    ]


def test_an_empty_sub_heading_before_the_real_one_does_not_hide_its_list() -> None:
    rec = record(
        HEADING + "<h3>Common patient coordinator skills</h3><ul><li>Patients, 30%</li></ul>"
        "<p><b>Common certified medical technician skills</b></p>"
        "<p><b>Common certified medical technician skills</b></p><ul><li>CPR, 20%</li></ul>"
    )
    assert _skills(rec) == [[("Patients", 30.0)], [("CPR", 20.0)]]


def test_a_name_with_its_comma_and_the_share_in_the_next_element() -> None:
    """ "<div>Patients,</div><div>22%</div>": the comma separated the two, it is no part
    of the name."""
    assert [(s.name, s.share_pct) for s in parse_skills(["Patients,", "22%", "CT:", "9%"])] == [
        ("Patients", 22.0),
        ("CT", 9.0),
    ]


def test_a_looping_carousels_copies_count_once_in_their_own_order() -> None:
    """Slick keeps copies of the last slides before the real ones and of the first after
    them, all hidden like the real slides out of view; the first shown slide is the first
    real one. Each skill is an ``<h4>``, no heading of a section."""

    def slide(skill: str, hidden: bool) -> str:
        return f"<div{' aria-hidden=true' if hidden else ''}><h4>{skill}</h4></div>"

    real = ["Patients, 30%", "Customer Service, 11%", "Patient Care, 6%"]
    track = (
        slide(real[-1], True)
        + slide(real[0], False)
        + slide(real[1], True)
        + slide(real[2], True)
        + slide(real[0], True)
    )
    rec = record(
        HEADING + f"<h3>Common patient coordinator skills</h3><div class=track>{track}</div>"
        "<h3>Common certified medical technician skills</h3><ul><li>CPR, 8%</li></ul>" + BROWSE
    )
    assert _skills(rec) == [
        [("Patients", 30.0), ("Customer Service", 11.0), ("Patient Care", 6.0)],
        [("CPR", 8.0)],
    ]


def test_a_share_with_words_after_it_may_repeat() -> None:
    rows = "".join(
        f"<tr><th>{name}</th><td>{share}%<span> of job adverts</span></td></tr>"
        for name, share in (("Patients", 26), ("Acute Care", 6), ("Triage", 6))
    )
    rec = record(HEADING + "<p>Common patient coordinator skills</p><table>" + rows + "</table>")
    assert [(s.name, s.share_pct) for s in rec.occupations[0].skills] == [
        ("Patients", 26.0),
        ("Acute Care", 6.0),
        ("Triage", 6.0),
    ]


def test_skill_names_written_as_headings_with_the_share_beside() -> None:
    items = "".join(
        f"<div class='item'><div class='label'><h3>{name}</h3></div><progress></progress>"
        f"<span class='note'>{share}%</span></div>"
        for name, share in (("Patients", 30), ("Scheduling", 12))
    )
    rec = record(HEADING + "<p>Common patient coordinator skills</p>" + items)
    assert [(s.name, s.share_pct) for s in rec.occupations[0].skills] == [
        ("Patients", 30.0),
        ("Scheduling", 12.0),
    ]
