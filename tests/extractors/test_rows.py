"""Reading label/value rows directly: the layouts ``_rows`` knows, one per test."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors._names import Names
from extractors._rows import Label, read_rows, split_pair

LABELS = (
    Label("salary", "yearly salary", "year"),
    Label("age", "average age", "age"),
)


def _rows(html: str, names: Names | None = None):  # type: ignore[no-untyped-def]
    root = LexborHTMLParser(html).css_first("main")
    assert root is not None
    return read_rows([root], LABELS, names=names)


def test_table_rows() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr>"
        "<tr><td>Average age</td><td>40</td><td>44</td></tr></table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_missing_value_is_none_and_an_empty_cell_is_empty() -> None:
    reading = _rows("<main><table><tr><td>Yearly salary</td><td></td></tr></table></main>")
    assert reading.rows == {"salary": ["", None]}


def test_labels_not_on_the_page_are_left_out() -> None:
    assert _rows("<main><p>nothing</p></main>").rows == {}


def test_inline_label_and_value() -> None:
    reading = _rows(
        "<main><ul><li>Yearly salary: $1</li></ul><ul><li>Yearly salary: $2</li></ul></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_label_word_inside_a_value_is_not_a_label() -> None:
    reading = _rows(
        "<main><table><tr><td>Average age</td><td>40 years</td><td>44 years a year</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"age": ["40 years", "44 years a year"]}


def test_extra_cells_after_the_values_are_ignored() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>$1</td><td>$2</td><td>+20%</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_header_names_found_in_the_same_search() -> None:
    names = Names("Nurse", "doctor")
    reading = _rows(
        "<main><table><tr><th></th><th>Nurse</th><th>Doctor</th></tr>"
        "<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table></main>",
        names,
    )
    assert reading.names == ["Nurse", "Doctor"]
    assert reading.rows == {"salary": ["$1", "$2"]}


# -- markup tricks from pages nobody had seen -------------------------------------------

CHEF = Names("Chef", "line cook")


def test_a_screen_reader_copy_of_the_column_name_before_each_value_is_dropped() -> None:
    reading = _rows(
        "<main><table><thead><tr><th></th><th>Chef</th><th>Line Cook</th></tr></thead>"
        '<tr><th>Yearly salary</th><td><span class="x">Chef</span>$50,160</td>'
        '<td><span class="x">Line Cook</span>--</td></tr></table></main>',
        CHEF,
    )
    assert reading.rows == {"salary": ["$50,160", "--"]}
    assert reading.names == ["Chef", "Line Cook"]


def test_only_the_own_column_name_is_dropped_and_only_as_a_piece_of_its_own() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>Chef Works</td>"
        "<td><b>Chef</b> Fund</td></tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["Chef Works", "Chef Fund"]}


def test_a_column_name_before_a_colon_is_dropped() -> None:
    reading = _rows(
        "<main><table><tr><td>Average age</td><td>Chef: 39</td><td>Line cook: 33</td></tr>"
        "</table></main>",
        CHEF,
    )
    assert reading.rows == {"age": ["39", "33"]}


def test_the_label_repeated_at_the_start_of_each_value_cell_is_dropped() -> None:
    reading = _rows(
        "<main><table><tr><th>Yearly salary</th><td><span>Yearly salary</span> $1</td>"
        "<td><span>Yearly salary</span> $2</td></tr><tr><th>Average age</th>"
        "<td><span>Average age</span>40</td><td><span>Average age</span>44</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_cards_that_each_hold_the_label_are_still_cards() -> None:
    reading = _rows(
        "<main><div><h4>A</h4><ul><li><b>Yearly salary</b> $1</li><li><b>Average age</b> 40"
        "</li></ul></div><div><h4>B</h4><ul><li><b>Yearly salary</b> $2</li>"
        "<li><b>Average age</b> 44</li></ul></div></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


LABEL_CELL = (
    '<div class="lbl"><svg><title>icon</title></svg><span>Yearly salary</span>'
    "<button>i</button>{tip}</div>"
)


def test_a_hidden_tooltip_in_the_label_cell_is_no_value() -> None:
    cell = LABEL_CELL.format(tip="<span hidden>Median pay from postings</span>")
    reading = _rows(f"<main><div>{cell}<div>$1</div><div>$2</div></div></main>")
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_visible_note_in_the_label_cell_is_no_value() -> None:
    cell = LABEL_CELL.format(tip="<span>Median pay from postings</span>")
    reading = _rows(f"<main><div>{cell}<div>$1</div><div>$2</div></div></main>")
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_tooltip_beside_an_inline_label_in_a_card_is_no_value() -> None:
    card = '<li><b>Yearly salary</b><span role="tooltip">Median pay</span> {}</li>'
    reading = _rows(
        f"<main><ul><li>A</li>{card.format('$1')}</ul><ul><li>B</li>{card.format('$2')}</ul></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_two_values_in_one_text_are_split() -> None:
    reading = _rows(
        "<main><p><strong>Yearly salary</strong> $99,213 $78,580</p>"
        "<p><strong>Average age</strong> 40 --</p></main>"
    )
    assert reading.rows == {"salary": ["$99,213", "$78,580"], "age": ["40", "--"]}


def test_split_pair() -> None:
    assert split_pair("-4% 5%") == ("-4%", "5%")
    assert split_pair("Between $25,000 And $41,000 Between $28,000 And $53,000") == (
        "Between $25,000 And $41,000",
        "Between $28,000 And $53,000",
    )
    assert split_pair("Bachelor's Degree, 40% Bachelor's Degree, 28%") == (
        "Bachelor's Degree, 40%",
        "Bachelor's Degree, 28%",
    )
    assert split_pair("New York, New York") is None
    assert split_pair("$32,954") is None
    assert split_pair("Between $25,000 And $41,000") is None


def test_notes_after_a_label_are_not_values() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary (median)</td><td>$1</td><td>$2</td></tr>"
        "<tr><td>Average age<sup>1</sup></td><td>40</td><td>44</td></tr></table>"
        "<p><b>Yearly salary*</b></p></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_note_between_an_inline_label_and_its_value_is_dropped() -> None:
    reading = _rows(
        "<main><ul><li>Yearly salary (median): $1</li></ul><ul><li>Yearly salary: $2</li></ul>"
        "</main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_header_names_in_the_other_order_swap_the_columns() -> None:
    names = Names("Nurse", "doctor")
    reading = _rows(
        "<main><table><tr><th></th><th>Doctor</th><th>Nurse</th></tr>"
        "<tr><td>Yearly salary</td><td>$2</td><td>$1</td></tr></table></main>",
        names,
    )
    assert reading.names == ["Nurse", "Doctor"]
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_footnote_marks_written_as_characters_after_a_label() -> None:
    reading = _rows(
        "<main><ul><li><span>Yearly salary\u00b9</span><span>$1</span><span>$2</span></li>"
        "<li><span>Average age\u2074</span><span>40</span><span>44</span></li></ul></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_both_values_and_both_names_in_one_cell_split_at_a_bar() -> None:
    names = Names("Nurse", "doctor")
    reading = _rows(
        "<main><table><tr><th>Occupation</th><th>Nurse | Doctor</th></tr>"
        "<tr><th>Yearly salary</th><td>$1 | $2</td></tr>"
        "<tr><th>Average age</th><td>-- | 44</td></tr></table></main>",
        names,
    )
    assert reading.names == ["Nurse", "Doctor"]
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["--", "44"]}
    assert split_pair("Male, 46.3% Female, 53.7% | Male, 59.4% Female, 40.6%") == (
        "Male, 46.3% Female, 53.7%",
        "Male, 59.4% Female, 40.6%",
    )
    assert split_pair("a | b | c") is None


GROUPED = (
    Label("city", "highest paying city", "paying"),
    Label("state", "highest paying state", "paying"),
    Label("company", "best paying company", "paying"),
)


def test_a_rowspan_group_cell_starts_the_labels_of_the_rows_it_spans() -> None:
    # A value in two pieces ("Austin, " and "TX") keeps the regular fast path out.
    root = LexborHTMLParser(
        "<main><table><tbody>"
        "<tr><th rowspan=2>Highest paying</th><th>City</th>"
        "<td>Austin, <abbr title='Texas'>TX</abbr></td><td>Boise, ID</td></tr>"
        "<tr><th>State</th><td>Texas</td><td>Idaho</td></tr>"
        "<tr><th rowspan='2'><span>Best paying</span></th><th>Company</th>"
        "<td>Dell</td><td>HP</td></tr>"
        "<tr><th>Sector</th><td>Tech</td><td>Retail</td></tr>"
        "</tbody></table></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], GROUPED).rows == {
        "city": ["Austin, TX", "Boise, ID"],
        "state": ["Texas", "Idaho"],
        "company": ["Dell", "HP"],
    }


def test_a_group_cell_without_rowspan_is_read_as_before() -> None:
    root = LexborHTMLParser(
        "<main><table><tr><th>Highest paying</th><th>City</th><td>Austin, TX</td></tr>"
        "</table></main>"
    ).css_first("main")
    assert root is not None
    assert "state" not in read_rows([root], GROUPED).rows


def test_a_label_between_the_two_values_versus_layout() -> None:
    reading = _rows(
        "<main><table><tr><td>$1</td><th>Yearly salary</th><td>$2</td></tr>"
        "<tr><td>40</td><th>Average age</th><td>44</td></tr></table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_versus_row_with_lists_on_both_sides() -> None:
    reading = _rows(
        "<main><div><div><ul><li>$1</li><li>a</li></ul></div><div>Yearly salary</div>"
        "<div><ul><li>$2</li><li>b</li></ul></div></div></main>"
    )
    assert reading.rows == {"salary": ["$1 a", "$2 b"]}


def test_an_icon_or_a_second_cell_before_the_label_is_no_value() -> None:
    reading = _rows(
        "<main><table><tr><td><svg></svg></td><td>Yearly salary</td><td>$1</td></tr>"
        "<tr><td>note</td><td>x</td><td>Average age</td><td>44</td></tr></table></main>"
    )
    assert reading.rows == {"salary": ["$1", None], "age": ["44", None]}


def test_a_word_of_the_label_in_its_own_element_is_not_the_whole_label() -> None:
    labels = (Label("lgbt", "lgbt percentage", "lgbt"), Label("lgbt", "lgbt", "lgbt"))
    root = LexborHTMLParser(
        '<main><table><tr><th><abbr title="Lesbian, gay">LGBT</abbr> Percentage</th>'
        "<td>5%</td><td>6%</td></tr></table></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], labels).rows == {"lgbt": ["5%", "6%"]}


def test_a_screen_reader_lead_before_a_header_name_is_not_part_of_it() -> None:
    names = Names("Paralegal", "legal secretary")
    reading = _rows(
        "<main><table><thead><tr><td></td>"
        '<th><span class="sr">Occupation: </span>Paralegal</th>'
        '<th><span class="sr">Occupation: </span>Legal Secretary</th></tr></thead>'
        "<tr><th>Yearly salary <button>?</button></th><td>$1</td><td>$2</td></tr></table></main>",
        names,
    )
    assert reading.names == ["Paralegal", "Legal Secretary"]


def test_one_wrapper_of_inline_value_cells_gives_one_value_each() -> None:
    reading = _rows(
        '<main><div><span class="l">Yearly salary</span><div class="vs">'
        '<span class="v"><strong>$60,924</strong></span><span class="v">$74,833</span></div>'
        '</div><div><span class="l">Average age</span><div class="vs">'
        '<span class="v">42</span><span class="v">38</span></div></div></main>'
    )
    assert reading.rows == {"salary": ["$60,924", "$74,833"], "age": ["42", "38"]}


def test_pieces_of_one_figure_in_a_wrapper_are_not_two_values() -> None:
    reading = _rows(
        '<main><div><span class="l">Yearly salary</span><div class="vs">'
        '<span class="d">$</span><span class="d">46,880</span></div>'
        '<div class="vs"><span class="d">$</span><span class="d">50,100</span></div></div></main>'
    )
    assert reading.rows == {"salary": ["$46,880", "$50,100"]}


def test_a_caption_naming_the_occupation_after_each_value_is_dropped() -> None:
    reading = _rows(
        "<main><ul><li><p>Yearly salary</p><div>"
        "<figure><div>Associate Degree, 36%</div><figcaption>Chef</figcaption></figure>"
        "<figure><div>36</div><figcaption>Line Cook</figcaption></figure>"
        "</div></li></ul></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["Associate Degree, 36%", "36"]}


def test_a_trailing_name_that_is_part_of_the_value_stays() -> None:
    reading = _rows(
        "<main><table><tr><td>Yearly salary</td><td>Best <b>Chef</b></td>"
        "<td>Head <b>Chef</b></td></tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["Best Chef", "Head Chef"]}


def test_a_footnote_mark_after_a_label_in_its_cell_is_no_value() -> None:
    reading = _rows(
        "<main><table><tr><th>Yearly salary<sup>1</sup></th><td>$1</td><td>$2</td></tr>"
        "<tr><th>Average age<sup>2</sup></th><td>40</td><td>44</td></tr></table>"
        "<p><sup>1</sup> A note.</p></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_table_on_its_side_with_a_footer_of_notes() -> None:
    reading = _rows(
        "<main><table><thead><tr><th>&nbsp;</th><th>Yearly salary</th><th>Average age</th>"
        "</tr></thead><tbody><tr><th>Chef</th><td>$1</td><td>40</td></tr>"
        "<tr><th>Line cook</th><td>$2</td><td>44</td></tr></tbody>"
        '<tfoot><tr><td colspan="3">1 Ten-year projection.</td></tr></tfoot></table></main>'
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_hidden_copies_of_the_labels_in_a_stacked_table_are_no_rows() -> None:
    hidden = '<span style="display: none">{}</span>'
    rows = "".join(
        f"<tr><th>{name}</th><td>{hidden.format('Yearly salary')}{pay}</td>"
        f"<td>{hidden.format('Average age')}{age}</td></tr>"
        for name, pay, age in (("Chef", "$1", "40"), ("Line cook", "$2", "44"))
    )
    reading = _rows(
        "<main><table><thead><tr><th>Career</th><th>Yearly salary</th><th>Average age</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_short_lead_of_its_own_ending_with_a_colon_is_no_part_of_the_value() -> None:
    lead = '<span class="visually-hidden">{}</span>'
    reading = _rows(
        "<main><table><tr><th>Yearly salary</th>"
        f"<td>{lead.format('Value for A: ')}Costco Wholesale</td>"
        f"<td>{lead.format('Value for Line Cook: ')}Amazon</td></tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["Costco Wholesale", "Amazon"]}


def test_a_long_lead_ending_with_a_colon_is_dropped_when_it_names_the_row_or_occupation() -> None:
    lead = '<span class="sr-only">{}</span> '
    reading = _rows(
        "<main><table><tr><th>Yearly salary</th>"
        f"<td>{lead.format('Yearly salary for an Executive Sous Chef:')}$61,000</td>"
        f"<td>{lead.format('What a typical line cook earns each year:')}$32,000</td>"
        "</tr></table></main>",
        Names("Executive sous chef", "line cook"),
    )
    assert reading.rows == {"salary": ["$61,000", "$32,000"]}


def test_a_long_lead_that_names_neither_stays_in_the_value() -> None:
    lead = '<span class="sr-only">{}</span> '
    reading = _rows(
        "<main><table><tr><th>Yearly salary</th>"
        f"<td>{lead.format('As reported by partners in all states:')}$61,000</td><td>$32,000</td>"
        "</tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["As reported by partners in all states: $61,000", "$32,000"]}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ("$52,000 (Chef) vs. $38,000 (Line Cook)", ["$52,000", "$38,000"]),
        (
            "Las Vegas, NV (Chef) | San Francisco, CA (Line Cook)",
            ["Las Vegas, NV", "San Francisco, CA"],
        ),
        ("$38,000 (line cook) versus $52,000 (chef)", ["$52,000", "$38,000"]),
        ("$52,000 (Chef) / $38,000 (Line cooks)", ["$52,000", "$38,000"]),
    ],
)
def test_one_text_naming_whose_each_value_is_gives_both(values: str, expected: list[str]) -> None:
    reading = _rows(f"<main><p><strong>Yearly salary:</strong> {values}</p></main>", CHEF)
    assert reading.rows == {"salary": expected}


def test_a_value_with_parentheses_that_name_no_one_is_not_split() -> None:
    reading = _rows(
        "<main><p><strong>Yearly salary:</strong> $52,000 (2024) | $38,000 (Line Cook)</p></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$52,000 (2024)", "$38,000 (Line Cook)"]}


def test_a_one_word_label_takes_more_words_of_its_text_only_after_a_separator() -> None:
    labels = (
        Label("college", "most common college", "common"),
        Label("college", "college", "college"),
    )
    root = LexborHTMLParser(
        "<main><table><tr><td>Most common college</td><td>College of Charleston</td>"
        "<td>Boston College</td></tr></table></main>"
    ).css_first("main")
    assert root is not None
    colleges = ["College of Charleston", "Boston College"]
    assert read_rows([root], labels).rows == {"college": colleges}
    inline = LexborHTMLParser(
        "<main><ul><li>College: Rice University</li></ul><ul><li>College: Yale</li></ul></main>"
    ).css_first("main")
    assert inline is not None
    assert read_rows([inline], labels).rows == {"college": ["Rice University", "Yale"]}


def test_a_hidden_copy_of_the_whole_table_with_stale_figures_is_ignored() -> None:
    table = "<table><tr><th>Yearly salary</th><td>{}</td><td>{}</td></tr></table>"
    for style in ("DISPLAY:NONE", "display : none !important"):
        reading = _rows(
            f'<main><div style="{style}">{table.format("$9", "$8")}</div>'
            f"<div>{table.format('$1', '$2')}</div></main>"
        )
        assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_name_inside_a_heading_is_no_header_cell() -> None:
    reading = _rows(
        "<main><h2><span>Head chef</span> vs <span>line cook overview</span></h2><table>"
        "<tr><th></th><th>Head Chef</th><th>Line Cook</th></tr>"
        "<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table></main>",
        Names("Head chef", "line cook"),
    )
    assert reading.names == ["Head Chef", "Line Cook"]


def test_a_tooltip_sentence_beside_the_label_in_its_cell_is_no_value() -> None:
    row = (
        '<div class="row"><div class="cell"><div>{label}</div><div class="icon"><svg></svg></div>'
        '<div class="tip">{tip}</div></div><div class="a"><div>{a}</div></div>'
        '<div class="b"><div>{b}</div></div></div>'
    )
    reading = _rows(
        "<main>"
        + row.format(
            label="Yearly salary", tip="Median pay over the last twelve months.", a="$1", b="$2"
        )
        + row.format(
            label="Average age", tip="The mean age of workers in the role.", a="40", b="44"
        )
        + "</main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_card_heading_that_is_only_the_name_names_the_card() -> None:
    card = "<div><h3><a href='/x'>{}</a></h3><dl><dt>Yearly salary</dt><dd>{}</dd></dl></div>"
    reading = _rows(
        "<main>" + card.format("Head Chef", "$1") + card.format("Line Cook", "$2") + "</main>",
        Names("Head chef", "line cook"),
    )
    assert reading.names == ["Head Chef", "Line Cook"]
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_unit_after_a_figure_that_reads_like_a_label_is_no_label() -> None:
    labels = (Label("jobs", "number of jobs", "job"), Label("jobs", "jobs", "job"))
    root = LexborHTMLParser(
        "<main><div><span>12,406<!-- --> jobs</span><b>Number of jobs</b>"
        "<span>18,937<!-- --> jobs</span></div></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], labels).rows == {"jobs": ["12,406 jobs", "18,937 jobs"]}


def test_a_label_under_many_wrappers_finds_its_values() -> None:
    wrap = "<div>" * 7 + "{}" + "</div>" * 7
    row = "<div>{}{}{}</div>"
    reading = _rows(
        "<main>"
        + row.format(
            wrap.format("<span>Yearly salary</span><small>(median)</small>"),
            wrap.format("$1"),
            wrap.format("$2"),
        )
        + row.format(wrap.format("<span>Average age</span>"), wrap.format("40"), wrap.format("44"))
        + "</main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_unit_in_its_own_element_after_a_footnoted_figure_is_no_label() -> None:
    labels = (Label("jobs", "number of jobs", "job"), Label("jobs", "jobs", "job"))
    root = LexborHTMLParser(
        "<main><table><tr><th>Number of jobs:</th>"
        "<td>18,452<sup>3</sup> <span>jobs</span></td>"
        "<td>12,876<sup>3</sup> <span>jobs</span></td></tr></table></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], labels).rows == {"jobs": ["18,452 jobs", "12,876 jobs"]}


def test_a_tooltip_starting_with_an_info_sign_is_no_value() -> None:
    reading = _rows(
        "<main><div><div><div>Yearly salary</div><div>\u24d8Average base pay per year, before "
        "bonuses.</div></div><div>$1</div><div>$2</div></div>"
        "<div><div><div>Average age</div><div>\u24d8Mean age of workers in the role.</div></div>"
        "<div>40</div><div>44</div></div></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_screen_reader_suffix_naming_the_occupation_in_parentheses_goes() -> None:
    deep = "<div>" * 8 + "{}" + "</div>" * 8
    sr = '<span class="u-sr">&nbsp;({})</span>'
    reading = _rows(
        "<main><table><tr><th></th><th>Chef</th><th>Line Cook</th></tr><tr><td>Yearly salary</td>"
        f"<td>{deep.format('Culinary Arts' + sr.format('Chef'))}</td>"
        f"<td>{deep.format('--' + sr.format('Line Cook'))}</td></tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["Culinary Arts", "--"]}


def test_screen_reader_copies_around_a_value_go_but_a_minus_sign_stays() -> None:
    sr = '<span class="sr">{}</span>'
    reading = _rows(
        "<main><table><tr><th></th><th>Chef</th><th>Line Cook</th></tr>"
        f"<tr><th>Yearly salary:</th><td>{sr.format('Chef &ndash; ')}-2%</td>"
        f"<td>Texas{sr.format(' (yearly salary)')}</td></tr></table></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["-2%", "Texas"]}


def test_a_tooltip_whose_trigger_and_text_are_hidden_is_no_value() -> None:
    tip = (
        '<x-tip><x-trigger aria-hidden="true">\u24d8</x-trigger>'
        '<x-body role="tooltip" hidden>Based on self-reported data.</x-body></x-tip>'
    )
    reading = _rows(
        f"<main><div><x-label>Yearly salary{tip}</x-label><x-value>$1</x-value></div>"
        f"<div><x-label>Yearly salary{tip}</x-label><x-value>$2</x-value></div></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_columns_of_values_led_by_their_names_beside_labels_with_no_corner_cell() -> None:
    """Laid out column by column: the labels, then each occupation's values under its
    name; with no corner cell the labels column is one shorter (the page's style lowers it)."""
    reading = _rows(
        "<main><div class='grid'>"
        "<div><span>Yearly salary</span><span>Average age</span></div>"
        "<div><span>Chef</span><span>$50,160</span><span>40</span></div>"
        "<div><span>Line Cook</span><span>$30,410</span><span>33</span></div>"
        "</div></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$50,160", "$30,410"], "age": ["40", "33"]}


def test_a_table_and_its_mobile_cards_in_one_page_give_the_tables_values() -> None:
    """A desktop table and one card per occupation, both in the DOM; a card's value in list
    items reads like a row of two, so only their agreeing tells the row from the cards."""
    card = "<dl><dt>Yearly salary</dt><dd><ul><li>{}</li><li>{}</li></ul></dd></dl>"
    reading = _rows(
        "<main><table><tr><th></th><th>Chef</th><th>Line Cook</th></tr>"
        "<tr><th>Yearly salary</th><td>$1<br>median</td><td>$2<br>mean</td></tr></table>"
        f"<div>{card.format('$1', 'median')}</div><div>{card.format('$2', 'mean')}</div></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$1 median", "$2 mean"]}


def test_a_sortable_headers_screen_reader_note_after_a_name() -> None:
    note = "<span class='sr-only'>: activate to sort column ascending</span>"
    reading = _rows(
        f"<main><table><tr><th>{note}</th><th>Chef{note}</th><th>Line-Cook{note}</th></tr>"
        "<tr><td>Yearly salary</td><td>$1</td><td>$2</td></tr></table></main>",
        Names("Chef", "line-cook"),
    )
    assert reading.names == ["Chef", "Line-Cook"]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(
            "<main><div><div>\U0001f4b0 Yearly salary</div><div>$1</div><div>$2</div></div>"
            "<div><div>\u23f1\ufe0f Average age</div><div>40</div><div>44</div></div></main>",
            id="rows of cells",
        ),
        pytest.param(
            "<main><table><tr><td>\U0001f4b0 Yearly salary</td><td>$1</td><td>$2</td></tr>"
            "<tr><td>\u23f1\ufe0f <b>Average age</b></td><td>40</td><td>44</td></tr>"
            "</table></main>",
            id="a table",
        ),
    ],
)
def test_an_emoji_before_a_labels_words(html: str) -> None:
    assert _rows(html).rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def _summary_list(name: str, salary: str, age: str, change: bool) -> str:
    """One occupation's list of labelled values (a design system's summary list)."""
    action = "<dd><a href='/edit'>Change<span class='hidden-text'> {}</span></a></dd>"
    rows = "".join(
        f"<div><dt>{label}<span class='hidden-text'> for {name.lower()}</span></dt>"
        f"<dd>{value}</dd>{action.format(label.lower()) if change else ''}</div>"
        for label, value in (("Yearly salary", salary), ("Average age", age))
    )
    return f"<div><h3>{name}</h3><dl>{rows}</dl></div>"


@pytest.mark.parametrize("change", [False, True], ids=["values", "values and change links"])
def test_one_list_per_occupation_with_labels_that_say_whose_they_are(change: bool) -> None:
    """ "Yearly salary<span> for chef</span>"; "Change<span> yearly salary</span>" after
    each value; a badge ("<strong>New</strong>") after one."""
    reading = _rows(
        "<main>"
        + _summary_list("Chef", "$1 <strong>New</strong>", "40", change)
        + _summary_list("Line cook", "$2", "44", change)
        + "</main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_caption_naming_its_occupation_after_a_hidden_lead() -> None:
    """One table per occupation: ``<caption><span>Figures for </span>Chef</caption>``."""
    table = (
        "<table><caption><span class='sr-only'>Figures for </span>{}</caption>"
        "<tr><th scope='row'>Yearly salary</th><td>{}</td></tr></table>"
    )
    reading = _rows(
        f"<main><div>{table.format('Chef', '$1')}{table.format('Line Cook', '$2')}</div></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$1", "$2"]}
    assert reading.names == ["Chef", "Line Cook"]


def test_cards_of_label_value_texts_keep_to_their_own_card() -> None:
    """One icon list per occupation of "Label: value" texts: the card after A's is no
    second value of A's row."""
    card = (
        "<div><h3>{}</h3><ul><li><span>Yearly salary: {}</span></li>"
        "<li><span>Average age: {}</span></li></ul></div>"
    )
    reading = _rows(
        f"<main><div>{card.format('Chef', '$1', '40')}</div>"
        f"<div>{card.format('Line Cook', '$2', '44')}</div></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


@pytest.mark.parametrize(
    "card",
    [
        "<div class='stat'><i class='icon'></i><div>{}</div><div>{}</div></div>",
        # A shop's cards: the figure, then its label for screen readers in the same text.
        "<li><span>{}<span class='visually-hidden'>{}</span></span></li>",
        "<li><p>{}<span class='sr-only'> {}</span></p></li>",
    ],
)
def test_cards_with_the_value_before_its_label(card: str) -> None:
    """One column of cards per occupation, each card a figure over (or before) its caption."""
    column = (
        "<div><h3>{}</h3>"
        + card.format("{}", "Yearly salary")
        + card.format("{}", "Average age")
        + "</div>"
    )
    reading = _rows(
        f"<main><div>{column.format('Chef', '$1', '40')}{column.format('Line Cook', '$2', '44')}"
        "</div></main>",
        CHEF,
    )
    assert reading.rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}


def test_a_share_in_a_field_of_its_own_after_a_worded_value() -> None:
    """A content manager's fields: the degree in one field, its share in the next, bare."""
    field = "<div class='field'><div class='field__label'>{}</div><div>{}</div></div>"
    column = (
        "<div><h3>{}</h3>"
        + field.format("Average age", "{}")
        + field.format("Most common degree", "{}")
        + "<div class='field'>{}</div>"
        + field.format("Yearly salary", "{}")
        + "</div>"
    )
    labels = (*LABELS, Label("degree", "most common degree", "degree"))
    root = LexborHTMLParser(
        "<main>"
        + column.format("Chef", "40", "Associate Degree", "38%", "$1")
        + column.format("Line Cook", "44", "High School Diploma", "44%", "$2")
        + "</main>"
    ).css_first("main")
    assert root is not None
    reading = read_rows([root], labels, names=CHEF)
    assert reading.rows == {
        "age": ["40", "44"],
        "degree": ["Associate Degree, 38%", "High School Diploma, 44%"],
        "salary": ["$1", "$2"],
    }


def test_an_icon_glyph_before_an_inline_label_is_no_value() -> None:
    reading = _rows(
        "<main><table><tr><td>\u2605 <span>Yearly salary</span></td><td>$1</td><td>$2</td></tr>"
        "</table></main>"
    )
    assert reading.rows == {"salary": ["$1", "$2"]}


def test_a_line_of_preformatted_text_with_columns_gapped_by_spaces() -> None:
    """A code block read as lines (no repair): a label, then each value after a gap."""
    labels = (*LABELS, Label("degree", "most common degree", "degree"))
    root = LexborHTMLParser(
        "<main><pre><span>Most common degree    High School Diploma, 38%    Associate "
        "Degree, 45%<br>Average age           38                          36</span></pre></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], labels).rows == {
        "degree": ["High School Diploma, 38%", "Associate Degree, 45%"],
        "age": ["38", "36"],
    }


WELDER = Names("Welder", "machinist")


@pytest.mark.parametrize(
    "row",
    [
        "<p><strong>Yearly salary:</strong> Welder, $44,190; Machinist, $47,520.</p>",
        "<li>Yearly salary \u2014 Welder: $44,190 \u00b7 Machinist: $47,520</li>",
        "<p>Yearly salary: Welder \u2014 $44,190; Machinist \u2014 $47,520</p>",
        "<p><b>Yearly salary</b></p><p>Welder: $44,190 and Machinist: $47,520</p>",
        "<p>Yearly salary \u2014 <span>Machinist</span>, $47,520 and <span>Welder</span>, "
        "$44,190.</p>",
    ],
)
def test_a_row_written_as_a_sentence_that_names_each_value(row: str) -> None:
    """A text-only version of the page: each row one sentence, each value after its
    occupation's name, in any punctuation and either order."""
    root = LexborHTMLParser(f"<main>{row}</main>").css_first("main")
    assert root is not None
    assert read_rows([root], LABELS, names=WELDER, headers=False).rows["salary"] == [
        "$44,190",
        "$47,520",
    ]


def test_named_values_keep_their_commas_minus_signs_and_nulls() -> None:
    root = LexborHTMLParser(
        "<main><p><b>Yearly salary:</b> Welder, Odessa, TX; Machinist, --.</p>"
        "<p><b>Average age:</b> Welder \u2014 -5%; Machinist \u2014 Welding, Cutting</p></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], LABELS, names=WELDER, headers=False).rows == {
        "salary": ["Odessa, TX", "--"],
        "age": ["-5%", "Welding, Cutting"],
    }


def test_named_values_on_two_lines_under_a_heading_label() -> None:
    """A page builder's blurb: the label a heading, then "Welder: $44,190<br>Machinist:
    $47,520" (the line break, read as a space, separates them)."""
    root = LexborHTMLParser(
        "<main><h4>Yearly salary</h4><div>Welder: $44,190<br>Machinist: $47,520</div></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], LABELS, names=WELDER, headers=False).rows["salary"] == [
        "$44,190",
        "$47,520",
    ]


def test_a_heading_label_with_a_caption_and_its_value_beside_them() -> None:
    """Ionic rows: ``<ion-label><h3>Label</h3><p>caption</p></ion-label><ion-note>value
    </ion-note>`` (one occupation per pane: the words under the label are a caption), and
    ``<ion-label><h3>Label</h3><p>A's value</p></ion-label><ion-note>B's value</ion-note>``."""

    def item(label: str, under: str, note: str) -> str:
        return (
            f"<ion-item><ion-label><h3>{label}</h3><p>{under}</p></ion-label>"
            f"<ion-note>{note}</ion-note></ion-item>"
        )

    panes = LexborHTMLParser(
        "<main><div id=a>" + item("Yearly salary", "National average", "$1") + "</div>"
        "<div id=b>" + item("Yearly salary", "National average", "$2") + "</div></main>"
    ).css_first("main")
    assert panes is not None
    assert read_rows([panes], LABELS).rows["salary"] == ["$1", "$2"]
    side_by_side = LexborHTMLParser(
        "<main><ion-list>" + item("Average age", "40", "44") + "</ion-list></main>"
    ).css_first("main")
    assert side_by_side is not None
    assert read_rows([side_by_side], LABELS).rows["age"] == ["40", "44"]


def test_a_label_on_every_line_of_one_text() -> None:
    """A site builder's text block: "Yearly salary: $1<br>Average age: 40", one card per
    occupation; a label broken over two lines ("Average<br>age") is still one label."""
    root = LexborHTMLParser(
        "<main><div><h4>Nurse</h4><p>Yearly salary: $1<br>Average age: 40</p></div>"
        "<div><h4>Doctor</h4><p>Yearly salary: $2<br>Average age: 44</p></div></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], LABELS).rows == {"salary": ["$1", "$2"], "age": ["40", "44"]}
    broken = LexborHTMLParser(
        "<main><table><tr><th>Average<br>age</th><td>40</td><td>44</td></tr></table></main>"
    ).css_first("main")
    assert broken is not None
    assert read_rows([broken], LABELS).rows == {"age": ["40", "44"]}


def test_a_row_as_an_accordion_of_a_description_list() -> None:
    """Each row a button ("Show <label> for both careers", the outer words visually
    hidden) over a hidden region: ``<dl><dt>Nurse</dt><dd>$1</dd><dt>Doctor</dt>..``."""
    root = LexborHTMLParser(
        "<main><div><h3><button><span class=vh>Show </span>Yearly salary<span class=vh> for "
        "both careers</span></button></h3><div role=region hidden><dl><dt>Welder</dt>"
        "<dd>$44,190</dd><dt>Machinist</dt><dd>$47,520</dd></dl></div></div></main>"
    ).css_first("main")
    assert root is not None
    assert read_rows([root], LABELS, names=WELDER, headers=False).rows["salary"] == [
        "$44,190",
        "$47,520",
    ]


# -- values written as prose after a label ------------------------------------------------

HYGIENIST = Names("Dental hygienist", "dental assistant")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Santa Rosa, CA (dental hygienist) and Anchorage, AK (dental assistant).",
            ["Santa Rosa, CA", "Anchorage, AK"],
        ),
        ("$72,105 for dental hygienists; $38,420 for dental assistants.", ["$72,105", "$38,420"]),
        ("$38,420 for a dental assistant, $72,105 for a dental hygienist", ["$72,105", "$38,420"]),
        ("Health Care for both jobs.", ["Health Care", "Health Care"]),
        ("Health Care (both)", ["Health Care", "Health Care"]),
    ],
)
def test_a_label_in_bold_then_both_values_each_saying_whose(text: str, want: list[str]) -> None:
    reading = _rows(
        f"<main><ul><li><strong>Yearly salary:</strong> {text}</li></ul>"
        "<blockquote>A pull quote.</blockquote><h2>Next</h2></main>",
        HYGIENIST,
    )
    assert reading.rows == {"salary": want}


def test_a_name_then_a_dash_before_the_label() -> None:
    reading = _rows(
        "<main><p><strong>Dental Hygienist</strong> \u2014 average age: 41</p>"
        "<p><strong>Dental Assistant</strong> \u2014 average age: 33</p></main>",
        HYGIENIST,
    )
    assert reading.rows == {"age": ["41", "33"]}


def test_a_cards_label_saying_whose_it_is_then_its_value() -> None:
    reading = _rows(
        "<main><p><b>Average age for dental hygienists:</b></p><p>41</p>"
        "<p><b>Average age for dental assistants:</b></p><p>33</p></main>",
        HYGIENIST,
    )
    assert reading.rows == {"age": ["41", "33"]}


def test_both_values_in_the_labels_text_each_saying_whose() -> None:
    reading = _rows(
        "<main><p><b>Yearly salary:</b> 4% of dental hygienists and 3% of dental assistants.</p>"
        "<p><a class='button'>Share</a></p></main>",
        HYGIENIST,
    )
    assert reading.rows == {"salary": ["4%", "3%"]}
