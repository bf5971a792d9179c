"""The overview table in many markups: rows found by label words, never by position or class."""

from __future__ import annotations

import pytest
from seed_page import TITLE, issues_of, record

HEADING = f"<h2>{TITLE} overview</h2>"


def _values(rec, field: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [getattr(occupation, field) for occupation in rec.occupations]


def test_table_rows_with_a_thead_header() -> None:
    rec = record(
        HEADING + "<table><thead><tr><th></th><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr></thead><tbody>"
        "<tr><td>Yearly salary</td><td>$32,954</td><td>$38,859</td></tr></tbody></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "title") == ["Patient Coordinator", "Certified Medical Technician"]


@pytest.mark.parametrize("level", ["h3", "h4"])
def test_a_charts_own_headline_under_the_sections_heading_ends_nothing(level: str) -> None:
    """A data-journalism embed: the section's heading, then the table's headline in other
    words ("The numbers at a glance"), then the table."""
    rec = record(
        HEADING + "<div class='embed'><script>load()</script><div class='chart'>"
        f"<{level}><span>The numbers at a glance</span></{level}><p>Pay and outlook.</p>"
        "<table><thead><tr><th></th><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr></thead><tbody>"
        "<tr><td>Hourly rate</td><td>$15.84</td><td>$18.68</td></tr></tbody></table></div></div>"
    )
    assert _values(rec, "hourly_rate_usd") == [15.84, 18.68]


def test_a_heading_after_the_sections_content_still_ends_it() -> None:
    rec = record(
        HEADING + "<table><tr><td></td><td>Patient Coordinator</td>"
        "<td>Certified Medical Technician</td></tr>"
        "<tr><td>Hourly rate</td><td>$15.84</td><td>$18.68</td></tr></table>"
        "<h3>Related careers</h3><table><tr><td>Average age</td><td>51</td><td>52</td></tr>"
        "</table>"
    )
    assert _values(rec, "avg_age_years") == [None, None]


def test_header_cells_win_over_a_title_row_naming_both() -> None:
    """A title row "Patient coordinator vs certified medical technician" above the header
    cells: each name as its own header cell writes it."""
    rec = record(
        HEADING + "<table><thead><tr><th colspan=3>Patient coordinator vs certified medical "
        "technician</th></tr><tr><th></th><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr></thead><tbody>"
        "<tr><th>Yearly salary</th><td>$32,954</td><td>$38,859</td></tr></tbody></table>"
    )
    assert _values(rec, "title") == ["Patient Coordinator", "Certified Medical Technician"]
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_names_in_one_header_text_when_there_are_no_cells_of_their_own() -> None:
    rec = record(
        HEADING + "<table><thead><tr><th>Patient Coordinator | Certified Medical Technician"
        "</th></tr></thead><tbody>"
        "<tr><th>Yearly salary</th><td>$32,954</td><td>$38,859</td></tr></tbody></table>"
    )
    assert _values(rec, "title") == ["Patient Coordinator", "Certified Medical Technician"]


def test_a_group_heading_over_rows_of_their_own_labels() -> None:
    """``<th rowspan=2>Jobs</th>`` (itself a wording of "Number of jobs") heads the rows
    "Growth rate" and "Number of jobs": each row is read on its own."""
    rec = record(
        HEADING + "<table><tr><th></th><th>Patient Coordinator</th>"
        "<th>Certified Medical Technician</th></tr>"
        "<tr><th rowspan=2>Jobs</th><th>Growth rate</th><td>9%</td><td>5%</td></tr>"
        "<tr><th>Number of jobs</th><td>308,600</td><td>164,200</td></tr></table>"
    )
    assert _values(rec, "growth_rate_pct") == [9.0, 5.0]
    assert _values(rec, "job_count") == [308600, 164200]


def test_one_tab_panel_per_occupation_the_second_hidden() -> None:
    """Tabs named by the occupations, each panel a label | value table for one of them;
    the panel not chosen yet is hidden, and is no stale copy."""

    def panel(name: str, salary: str, hidden: str) -> str:
        return (
            f"<div role=tabpanel {hidden}><table><tr><th>Yearly salary</th><td>{salary}</td>"
            f"</tr><tr><th>Average age</th><td>40</td></tr></table></div>"
        )

    rec = record(
        HEADING + "<div role=tablist><button role=tab>Patient Coordinator</button>"
        "<button role=tab>Certified Medical Technician</button></div>"
        + panel("A", "$32,954", "")
        + panel("B", "$38,859", "hidden")
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_header_row_with_an_empty_first_cell_inside_tbody() -> None:
    rec = record(
        HEADING + "<table><tr><td></td><td>Patient Coordinator</td>"
        "<td>Certified Medical Technician</td></tr>"
        "<tr><td>Hourly rate</td><td>$15.84</td><td>$18.68</td></tr></table>"
    )
    assert _values(rec, "hourly_rate_usd") == [15.84, 18.68]
    assert _values(rec, "slug") == ["patient-coordinator", "certified-medical-technician"]


def test_th_scope_row_labels() -> None:
    rec = record(
        HEADING + '<table><tr><th scope="row">Growth rate</th><td>-4%</td><td>5%</td></tr></table>'
    )
    assert _values(rec, "growth_rate_pct") == [-4.0, 5.0]


def test_div_grid_with_build_hash_classes_and_wrapped_values() -> None:
    rec = record(
        HEADING + '<div class="g-1a"><div class="r-9f"><div class="c-2b"><span class="l-x">'
        'Number of jobs</span></div><div class="c-2b"><div><span class="v-3">97,878</span>'
        '</div></div><div class="c-2b"><div><span class="v-3">164,424</span></div></div>'
        "</div></div>"
    )
    assert _values(rec, "job_count") == [97878, 164424]


def test_values_split_across_spans() -> None:
    rec = record(
        HEADING + "<div><div><span>Yearly salary</span></div><div><span>$</span>"
        "<span>32,954</span></div><div><span>$</span><span>38,859</span></div></div>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_definition_list_rows() -> None:
    rec = record(
        HEADING + "<dl><dt>Average age</dt><dd>40</dd><dd>44</dd>"
        "<dt>Years of experience</dt><dd>4</dd><dd>12</dd></dl>"
    )
    assert _values(rec, "avg_age_years") == [40, 44]
    assert _values(rec, "experience_years") == [4, 12]


def test_definition_list_rows_each_in_a_div() -> None:
    rec = record(
        HEADING + "<dl><div><dt>Average age</dt><dd>40</dd><dd>44</dd></div>"
        "<div><dt>Years of experience</dt><dd>4</dd><dd>12</dd></div></dl>"
    )
    assert _values(rec, "experience_years") == [4, 12]


def test_label_and_values_in_separate_wrappers() -> None:
    rec = record(
        HEADING + '<div class="row"><div><div><span>Hourly rate</span></div></div>'
        '<div class="vals"><div>$15.84</div><div>$18.68</div></div></div>'
    )
    assert _values(rec, "hourly_rate_usd") == [15.84, 18.68]


def test_one_card_per_occupation() -> None:
    rec = record(
        HEADING + "<div><h3>Patient Coordinator</h3><ul><li>Yearly salary: $32,954</li>"
        "<li>Average age: 40</li></ul></div><div><h3>Certified Medical Technician</h3>"
        "<ul><li>Yearly salary: $38,859</li><li>Average age: 44</li></ul></div>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "avg_age_years") == [40, 44]
    assert _values(rec, "title") == ["Patient Coordinator", "Certified Medical Technician"]


def test_cards_with_the_label_in_its_own_span() -> None:
    rec = record(
        HEADING + "<section><h4>Patient Coordinator</h4><p><b>Growth rate:</b> -4%</p></section>"
        "<section><h4>Certified Medical Technician</h4><p><b>Growth rate:</b> 5%</p></section>"
    )
    assert _values(rec, "growth_rate_pct") == [-4.0, 5.0]


def test_a_column_of_labels_beside_a_column_per_occupation() -> None:
    rec = record(
        HEADING + '<div class="t"><div class="labels"><div></div><div>Yearly salary</div>'
        '<div>Average age</div></div><div class="a"><div>Patient Coordinator</div>'
        '<div>$32,954</div><div>40</div></div><div class="b">'
        "<div>Certified Medical Technician</div><div>$38,859</div><div>44</div></div></div>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "avg_age_years") == [40, 44]


def test_a_table_turned_on_its_side() -> None:
    rec = record(
        HEADING + "<table><thead><tr><th></th><th>Yearly salary</th><th>Average age</th></tr>"
        "</thead><tbody><tr><th>Patient Coordinator</th><td>$32,954</td><td>40</td></tr>"
        "<tr><th>Certified Medical Technician</th><td>$38,859</td><td>44</td></tr></tbody>"
        "</table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "avg_age_years") == [40, 44]


def test_an_icon_between_label_and_values_is_skipped() -> None:
    rec = record(
        HEADING + "<div><span>Yearly salary</span><button aria-label=info><svg></svg></button>"
        "<div>$32,954</div><div>$38,859</div></div>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_labels_in_any_case_with_stray_white_space() -> None:
    rec = record(
        HEADING + "<table><tr><td>\n  YEARLY&nbsp;Salary\n</td><td>$32,954</td>"
        "<td>$38,859</td></tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_dashes_are_null_never_zero() -> None:
    rec = record(
        HEADING + "<table><tr><td>Job satisfaction</td><td>--</td><td>-</td></tr>"
        "<tr><td>Number of jobs</td><td>N/A</td><td>\u2014</td></tr></table>"
    )
    assert _values(rec, "job_satisfaction") == [None, None]
    assert _values(rec, "job_count") == [None, None]


def test_empty_cells_are_null() -> None:
    rec = record(HEADING + "<table><tr><td>Job satisfaction</td><td></td><td>3.8</td></tr></table>")
    assert _values(rec, "job_satisfaction") == [None, 3.8]


def test_the_most_common_degree_and_its_share() -> None:
    rec = record(
        HEADING + "<table><tr><td>Most common degree</td><td>Bachelor\u2019s Degree, 40%</td>"
        "<td>Associate Degree, 28%</td></tr></table>"
    )
    assert _values(rec, "top_degree") == ["Bachelor's Degree", "Associate Degree"]
    assert _values(rec, "top_degree_pct") == [40.0, 28.0]


def test_hidden_rows_count_too() -> None:
    rec = record(
        HEADING + "<table><tr hidden><td>Average age</td><td>40</td><td>44</td></tr>"
        '<tr style="display:none"><td>Years of experience</td><td>4</td><td>12</td></tr></table>'
    )
    assert _values(rec, "avg_age_years") == [40, 44]
    assert _values(rec, "experience_years") == [4, 12]


def test_a_missing_row_is_a_warning() -> None:
    rec = record(HEADING + "<table><tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table>")
    assert any("hourly rate" in message for message in issues_of(rec, "overview"))


def test_an_unreadable_value_is_a_warning_not_zero() -> None:
    rec = record(HEADING + "<table><tr><td>Yearly salary</td><td>lots</td><td>$2</td></tr></table>")
    assert _values(rec, "yearly_salary_usd") == [None, 2]
    assert any("lots" in message for message in issues_of(rec, "overview"))


def test_a_missing_overview_is_a_warning_and_titles_fall_back_to_the_h1() -> None:
    rec = record("<p>Nothing else here.</p>")
    assert _values(rec, "title") == ["Patient Coordinator", "Certified Medical Technician"]
    assert issues_of(rec, "overview")
    assert all(issue.severity == "warning" for issue in rec.issues if issue.section != "page")


def test_a_sentence_mentioning_a_label_is_not_a_row() -> None:
    rec = record(
        HEADING + "<p>Yearly salary figures below come from surveys of 500 employers.</p>"
        "<table><tr><td>Yearly salary</td><td>$32,954</td><td>$38,859</td></tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_overview_heading_as_a_bold_div() -> None:
    rec = record(
        f'<div class="x"><b>{TITLE} overview</b></div>'
        "<table><tr><td>Yearly salary</td><td>$32,954</td><td>$38,859</td></tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_overview_heading_with_role_heading() -> None:
    rec = record(
        f'<div role="heading" aria-level="2">{TITLE} overview</div>'
        "<table><tr><td>Yearly salary</td><td>$32,954</td><td>$38,859</td></tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_screen_reader_names_before_values_are_not_part_of_them() -> None:
    cell = '<td data-label="{label}"><span class="sr-only">{name}</span>{value}</td>'
    rows = "".join(
        f"<tr><th scope=row>{label}</th>"
        + cell.format(label=label, name="Patient Coordinator", value=a)
        + cell.format(label=label, name="Certified Medical Technician", value=b)
        + "</tr>"
        for label, a, b in (
            ("Job satisfaction", "--", "3.1"),
            ("Most common degree", "Bachelor's Degree, 40%", "Associate Degree, 28%"),
        )
    )
    rec = record(
        HEADING + '<table><thead class="sr-only"><tr><th></th><th>Patient Coordinator</th>'
        f"<th>Certified Medical Technician</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    assert _values(rec, "job_satisfaction") == [None, 3.1]
    assert _values(rec, "top_degree") == ["Bachelor's Degree", "Associate Degree"]
    assert not [message for message in issues_of(rec, "overview") if "cannot read" in message]


def test_a_label_cell_with_an_icon_a_button_and_a_hidden_tooltip() -> None:
    label = (
        '<div><svg aria-hidden="true"><title>icon</title></svg><span>{}</span>'
        '<button aria-label="More info"><svg></svg></button>'
        '<span role="tooltip" hidden>Rated by employees on a five point scale</span></div>'
    )
    rec = record(
        HEADING + "<div><div><div></div><div>Patient Coordinator</div><div>Certified Medical "
        f"Technician</div></div><div>{label.format('Job satisfaction')}<div>3.6</div>"
        f"<div>--</div></div><div>{label.format('Growth rate')}<div>2%</div><div>5%</div>"
        "</div></div>"
    )
    assert _values(rec, "job_satisfaction") == [3.6, None]
    assert _values(rec, "growth_rate_pct") == [2.0, 5.0]
    assert not [m for m in issues_of(rec, "overview") if "cannot read" in m]


ROWS = (
    "<tr><th scope=row>Yearly salary</th><td>$32,954</td><td>$38,859</td></tr>"
    "<tr><th scope=row>Average age</th><td>40</td><td>41</td></tr>"
)
TITLES = ["Patient Coordinator", "Certified Medical Technician"]


def test_header_names_in_a_caption_only() -> None:
    for caption in (
        "Patient Coordinator vs. Certified Medical Technician",
        "Patient Coordinator | Certified Medical Technician",
    ):
        rec = record(HEADING + f"<table><caption>{caption}</caption>{ROWS}</table>")
        assert _values(rec, "title") == TITLES
        assert _values(rec, "yearly_salary_usd") == [32954, 38859]
        assert not [m for m in issues_of(rec, "overview") if "header" in m]


def test_a_caption_in_the_other_order_says_the_columns_are_swapped() -> None:
    rec = record(
        HEADING + "<table><caption>Certified Medical Technician vs Patient Coordinator</caption>"
        "<tr><th scope=row>Yearly salary</th><td>$38,859</td><td>$32,954</td></tr></table>"
    )
    assert _values(rec, "title") == TITLES
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_header_names_in_th_scope_col_after_a_blank_cell() -> None:
    rec = record(
        HEADING + "<table><thead><tr><td></td><th scope=col>Patient Coordinator</th>"
        f"<th scope=col>Certified Medical Technician</th></tr></thead><tbody>{ROWS}</tbody></table>"
    )
    assert _values(rec, "title") == TITLES
    assert not [m for m in issues_of(rec, "overview") if "header" in m]


def test_header_names_in_a_row_above_the_table() -> None:
    rec = record(
        HEADING + "<div><span>Patient Coordinator</span> <span>Certified Medical Technician</span>"
        f"</div><table>{ROWS}</table>"
    )
    assert _values(rec, "title") == TITLES
    assert not [m for m in issues_of(rec, "overview") if "header" in m]


def test_one_cell_across_both_columns_is_the_value_of_both() -> None:
    rec = record(
        HEADING + f"<table><caption>{TITLE}</caption>{ROWS}"
        "<tr><th scope=row>Years of experience</th><td colspan=2>4</td></tr></table>"
    )
    assert _values(rec, "experience_years") == [4, 4]
    assert _values(rec, "avg_age_years") == [40, 41]


def test_cards_whose_labels_are_headings() -> None:
    def card(label: str, a: str, b: str) -> str:
        return f"<div><h3>{label}</h3><div><div>{a}</div><div>{b}</div></div></div>"

    rec = record(
        HEADING
        + "<div><span>Patient Coordinator</span> vs <span>Certified Medical Technician</span></div>"
        + card("Yearly salary", "$32,954", "$38,859")
        + card("Average age", "40", "41")
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "avg_age_years") == [40, 41]


def test_other_wordings_of_the_labels() -> None:
    rec = record(
        HEADING + "<table><tr><td></td><td>Patient Coordinator</td>"
        "<td>Certified Medical Technician</td></tr>"
        "<tr><td>Annual salary</td><td>$32,954</td><td>$38,859</td></tr>"
        "<tr><td>Hourly wage</td><td>$15.84</td><td>$18.68</td></tr>"
        "<tr><td>Job growth</td><td>-4%</td><td>5%</td></tr>"
        "<tr><td>Jobs</td><td>97,878</td><td>42,110</td></tr>"
        "<tr><td>Median age</td><td>40</td><td>41</td></tr>"
        "<tr><td>Experience</td><td>4 years</td><td>3 years</td></tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "hourly_rate_usd") == [15.84, 18.68]
    assert _values(rec, "growth_rate_pct") == [-4.0, 5.0]
    assert _values(rec, "job_count") == [97878, 42110]
    assert _values(rec, "avg_age_years") == [40, 41]
    assert _values(rec, "experience_years") == [4, 3]


def test_a_screen_reader_copy_of_name_and_label_is_not_part_of_the_value() -> None:
    def cell(name: str, value: str) -> str:
        return f'<p><span class="sr-only">{name} Most common degree:</span> {value}</p>'

    rec = record(
        HEADING + "<div><div><p>Patient Coordinator</p><p>Certified Medical Technician</p></div>"
        "<div><p>Most common degree</p>"
        + cell("Patient Coordinator", "Bachelor's Degree, 40%")
        + cell("Certified Medical Technician", "Associate Degree, 35%")
        + "</div></div>"
    )
    assert _values(rec, "top_degree") == ["Bachelor's Degree", "Associate Degree"]


def test_a_table_on_its_side_with_a_corner_cell() -> None:
    rec = record(
        HEADING + "<table><thead><tr><th scope=col>Career</th><th scope=col>Yearly salary</th>"
        "<th scope=col>Average age</th></tr></thead><tbody>"
        "<tr><th scope=row>Patient Coordinator</th><td>$32,954</td><td>40</td></tr>"
        "<tr><th scope=row>Certified Medical Technician</th><td>$38,859</td><td>41</td></tr>"
        "</tbody></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]
    assert _values(rec, "avg_age_years") == [40, 41]
    assert _values(rec, "title") == TITLES


def test_a_word_or_two_before_a_label_still_names_its_row() -> None:
    for label in ("Job growth rate", "Projected growth rate", "Annual growth rate"):
        rec = record(
            HEADING + f'<table><tr><th scope="row">{label}</th><td>8%</td><td>10%</td></tr>'
            '<tr><th scope="row">Current number of jobs</th><td>198,035</td><td>134,880</td></tr>'
            "</table>"
        )
        assert _values(rec, "growth_rate_pct") == [8.0, 10.0], label
        assert _values(rec, "job_count") == [198035, 134880], label


def test_a_label_followed_by_words_is_a_label_and_its_value() -> None:
    rec = record(HEADING + "<p>Growth rate: 8%</p><p>Growth rate: 10%</p>")
    assert _values(rec, "growth_rate_pct")[0] == 8.0


def test_a_qualified_label_ending_in_a_colon() -> None:
    rec = record(
        HEADING + "<table><tr><td><b>Average hourly rate:</b></td><td>$30.20</td><td>$20.78</td>"
        "</tr><tr><td><b>Average years of experience:</b></td><td>6</td><td>4</td></tr></table>"
    )
    assert _values(rec, "hourly_rate_usd") == [30.2, 20.78]
    assert _values(rec, "experience_years") == [6, 4]


def test_other_wordings_of_the_number_of_jobs() -> None:
    for label in ("Total jobs", "Jobs available"):
        rec = record(
            HEADING + f"<table><tr><td>{label}</td><td>59,765</td><td>180,146</td></tr></table>"
        )
        assert _values(rec, "job_count") == [59765, 180146], label


@pytest.mark.parametrize(
    ("label", "field", "a", "b", "want"),
    [
        ("Average yearly pay", "yearly_salary_usd", "$78,920<small>/yr</small>", "$1", [78920, 1]),
        ("Average annual salary", "yearly_salary_usd", "$32,954/yr", "--", [32954, None]),
        ("Average hourly pay", "hourly_rate_usd", "$15.84/hr", "$18.68", [15.84, 18.68]),
        ("Hourly wage", "hourly_rate_usd", "$15.84", "$18.68", [15.84, 18.68]),
        ("Median annual wage", "yearly_salary_usd", "$63,874", "$37,218", [63874, 37218]),
        ("# of jobs", "job_count", "135,702", "41,288", [135702, 41288]),
        ("Employment (jobs)", "job_count", "301,204", "118,550", [301204, 118550]),
        ("Salary (hourly)", "hourly_rate_usd", "$25.15", "$16.10", [25.15, 16.1]),
        ("Growth outlook", "growth_rate_pct", "+12%", "\u221219%", [12.0, -19.0]),
        ("Number of Jobs, 2023", "job_count", "818,700", "504,500", [818700, 504500]),
        (
            "Work Experience in a Related Occupation",
            "experience_years",
            "4 years",
            "5 years",
            [4, 5],
        ),
        (
            "Typical Entry-Level Education",
            "top_degree_pct",
            "Associate Degree, 38%",
            "-",
            [38.0, None],
        ),
        (
            "Median Pay, 2023",
            "hourly_rate_usd",
            "$61,590 per year<br>$29.61 per hour",
            "$60,090 per year<br>$28.89 per hour",
            [29.61, 28.89],
        ),
        ("Avg. worker age", "avg_age_years", "49 years", "37 years", [49, 37]),
        ("Experience needed", "experience_years", "6 years", "1 year", [6, 1]),
        ("Projected job growth, 2022\u20132032", "growth_rate_pct", "4%", "9%", [4.0, 9.0]),
        ("Job growth (2022-32)", "growth_rate_pct", "4%", "9%", [4.0, 9.0]),
        (
            "Most common education level",
            "top_degree_pct",
            "High School Diploma, 62%",
            "-",
            [62.0, None],
        ),
        ("Average annual wage", "yearly_salary_usd", "$72,938", "--", [72938, None]),
        (
            "Most common degree",
            "top_degree",
            "High School Diploma \u00b7 67%",
            "-",
            ["High School Diploma", None],
        ),
        ("Job outlook", "growth_rate_pct", "5%", "-1%", [5.0, -1.0]),
        ("10-year growth", "growth_rate_pct", "18%", "9%", [18.0, 9.0]),
        ("Projected growth (10 yr)", "growth_rate_pct", "4%", "21%", [4.0, 21.0]),
        ("Open positions", "job_count", "196,715", "64,218", [196715, 64218]),
        ("Total jobs", "job_count", "196,715", "64,218", [196715, 64218]),
        ("Job satisfaction score", "job_satisfaction", "3.4/5", "--", [3.4, None]),
        ("Satisfaction rating", "job_satisfaction", "-", "3.1/5", [None, 3.1]),
        ("Typical degree", "top_degree_pct", "Master's Degree, 67%", "-", [67.0, None]),
        ("Education level", "top_degree_pct", "Bachelor's Degree 62%", "-", [62.0, None]),
        ("Top degree", "top_degree_pct", "Bachelor's Degree (58%)", "-", [58.0, None]),
        ("Typical age", "avg_age_years", "44 yrs", "38 years", [44, 38]),
        ("Avg. age", "avg_age_years", "41", "35", [41, 35]),
        ("Avg. years of experience", "experience_years", "6 years", "5 years", [6, 5]),
        ("Years of experience needed", "experience_years", "8 years", "10 years", [8, 10]),
        ("Typical experience", "experience_years", "9 years", "4 years", [9, 4]),
    ],
)
def test_each_other_wording_of_a_label(
    label: str, field: str, a: str, b: str, want: list[object]
) -> None:
    rec = record(HEADING + f"<table><tr><th>{label}</th><td>{a}</td><td>{b}</td></tr></table>")
    assert _values(rec, field) == want
    assert not [m for m in issues_of(rec, "overview") if m.startswith("cannot read")]


def test_a_wikis_hidden_sort_keys_are_no_values() -> None:
    def cell(key: str, value: str) -> str:
        return f"<td><span style='display:none' class='sortkey'>{key}&#9824;</span>{value}</td>"

    rec = record(
        HEADING
        + "<table class='wikitable sortable'><tr><td>Yearly salary</td>"
        + cell("70043295400000000000", "$32,954")
        + cell("70043885900000000000", "$38,859")
        + "</tr></table>"
    )
    assert _values(rec, "yearly_salary_usd") == [32954, 38859]


def test_jobs_in_the_us_is_the_number_of_jobs() -> None:
    rec = record(
        HEADING + "<table><tr><td>Jobs in the US</td><td>97,878</td><td>164,424</td></tr></table>"
    )
    assert _values(rec, "job_count") == [97878, 164424]


def test_a_word_processors_runs_label_separator_and_value_apart() -> None:
    """A Google Docs export: the label, its colon and the value are runs of their own, and a
    footnote reference (a link to the note) follows a label."""
    rec = record(
        HEADING + "<h3>Patient Coordinator</h3><ul><li><span>Number of jobs</span><sup>"
        "<a href='#ftnt1' id='ftnt_ref1'>[1]</a></sup><span>: 97,878</span></li>"
        "<li><span>Hourly rate</span><span>: </span><span>$15.84</span></li></ul>"
        "<h3>Certified Medical Technician</h3><ul><li><span>Number of jobs</span><sup>"
        "<a href='#ftnt1'>[1]</a></sup><span>: 164,424</span></li>"
        "<li><span>Hourly rate</span><span>: </span><span>$18.68</span></li></ul>"
        "<p><a href='#ftnt_ref1' id='ftnt1'>[1]</a> Source: BLS.</p>"
    )
    assert _values(rec, "job_count") == [97878, 164424]
    assert _values(rec, "hourly_rate_usd") == [15.84, 18.68]
