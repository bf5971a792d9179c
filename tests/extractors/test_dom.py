"""The DOM helpers: parsing, reading text as a cell or as prose, and blocks of text."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors._dom import (
    compose_shadow_roots,
    drop_bar_captions,
    drop_drawn_text,
    drop_icon_ligatures,
    drop_note_references,
    drop_translations,
    join_broken_words,
    join_split_grid_rows,
    leaf_blocks,
    parse_html,
    prose_text,
    text_table_rows,
    value_text,
    with_text_tables_as_html,
)


def _first(html: str, selector: str = "div"):  # type: ignore[no-untyped-def]
    node = LexborHTMLParser(html).css_first(selector)
    assert node is not None
    return node


def test_value_text_spaces_elements_with_white_space_or_block_edges_between_them() -> None:
    assert value_text(_first("<div><span>Patient</span> <span>Coordinator</span></div>")) == (
        "Patient Coordinator"
    )
    assert value_text(_first("<div><div>Patient</div><div>Coordinator</div></div>")) == (
        "Patient Coordinator"
    )
    assert value_text(_first("<div><span>40</span><br><span>44</span></div>")) == "40 44"


def test_value_text_joins_touching_inline_pieces_of_a_figure() -> None:
    split = "<div><span>$</span><span>46</span><span>,</span><span>880</span></div>"
    assert value_text(_first(split)) == "$46,880"
    assert value_text(_first("<div><b>4</b><b>.</b><b>5</b>%</div>")) == "4.5%"
    assert value_text(_first("<div>Female, <b>87</b><b>.</b><b>9</b>% Male</div>")) == (
        "Female, 87.9% Male"
    )
    # Touching inline siblings are one word on screen; touching cells are not.
    assert value_text(_first("<div><span>4</span><span>1</span></div>")) == "41"
    assert value_text(_first("<table><tr><td>40</td><td>44</td></tr></table>", "tr")) == "40 44"


def test_block_value_joins_a_run_of_touching_pieces() -> None:
    node = _first("<div><p>Growth rate</p>Up <b>4</b><b>.</b><b>5</b>% <i>a</i></div>")
    blocks = leaf_blocks([node])
    assert [block.value() for block in blocks] == ["Growth rate", "Up 4.5% a"]


def test_value_text_joins_a_currency_sign_and_its_amount() -> None:
    assert value_text(_first("<div><span>$</span><span>32,954</span></div>")) == "$32,954"


def test_value_text_of_one_text_child() -> None:
    assert value_text(_first("<div>  Bachelor&rsquo;s&nbsp;Degree </div>")) == "Bachelor's Degree"


def test_prose_text_adds_no_spaces_at_inline_elements() -> None:
    node = _first("<p>a physician<b>'s</b> assessment</p>", "p")
    assert prose_text(node) == "a physician's assessment"


def test_parse_html_drops_noscript_markup_into_text() -> None:
    tree = parse_html("<body><noscript><table><tr><td>x</td></tr></table></noscript></body>")
    assert tree.css("td") == []


def test_parse_html_reads_the_declared_charset_of_bytes() -> None:
    tree = parse_html('<meta charset="windows-1252"><p>caf\xe9</p>'.encode("cp1252"))
    node = tree.css_first("p")
    assert node is not None and node.text() == "caf\xe9"


def test_parse_html_survives_lone_surrogates() -> None:
    tree = parse_html("<p>\ud800ok</p>")
    node = tree.css_first("p")
    assert node is not None and "ok" in node.text()


def _blocks(html: str) -> list[tuple[str, bool]]:
    root = _first(html, "main")
    return [(block.prose(), block.in_list) for block in leaf_blocks([root])]


def test_leaf_blocks_are_list_items_and_paragraphs_in_order() -> None:
    assert _blocks("<main><p>a</p><ul><li>b</li><li>c</li></ul></main>") == [
        ("a", False),
        ("b", True),
        ("c", True),
    ]


def test_leaf_blocks_keep_runs_of_inline_pieces_together() -> None:
    html = '<main><div><span>Hand Tools</span>, <span>17%</span><div style="w"></div></div></main>'
    assert _blocks(html) == [("Hand Tools, 17%", False)]


def test_leaf_blocks_split_loose_text_from_child_blocks() -> None:
    assert _blocks("<main><div>intro <p>para</p> outro</div></main>") == [
        ("intro", False),
        ("para", False),
        ("outro", False),
    ]


def test_leaf_blocks_skip_controls_scripts_and_media() -> None:
    html = "<main><p>a</p><button>Show more</button><script>x()</script><img src=x></main>"
    assert _blocks(html) == [("a", False)]


def test_words_split_by_word_break_opportunities_are_joined() -> None:
    for page in (
        "<main><p>Emergency medical tech<wbr>nician</p></main>",
        b"<P>Tech<WBR>nician</P>",
    ):
        tree = parse_html(page)
        node, scope = tree.css_first("p"), tree.body
        assert node is not None and scope is not None
        # Two texts that touch read as one word; joining makes them one text node,
        # which ``:lexbor-contains`` searches need.
        assert value_text(node).lower().endswith("technician")
        assert node.child is not None and node.child.next is not None
        join_broken_words(tree, scope)
        assert value_text(node).lower().endswith("technician")
        assert node.child is not None and node.child.next is None


def test_value_text_drops_a_footnote_mark_touching_a_figure() -> None:
    assert value_text(_first("<div>$63,760<sup>1</sup></div>")) == "$63,760"
    assert value_text(_first("<div>Female, 74.6%<sup>*</sup> Male</div>")) == "Female, 74.6% Male"
    # After a word, a number or a sign in <sup> is a footnote mark too; letters are text.
    assert value_text(_first("<div>ExxonMobil<sup><a>4</a></sup></div>")) == "ExxonMobil"
    assert value_text(_first("<div>Acme<sup>TM</sup></div>")) == "AcmeTM"


def test_an_unknown_element_holding_list_items_is_opened_like_a_block() -> None:
    html = (
        "<main><ul><li>a</li><ng-container><li hidden>b</li><!----><li hidden>c</li>"
        "</ng-container></ul></main>"
    )
    assert _blocks(html) == [("a", True), ("b", True), ("c", True)]


def test_an_inline_element_holding_a_block_is_still_one_run_of_text() -> None:
    assert _blocks("<main><p>x</p><div><span>Hand <b>Tools</b></span>, 17%</div></main>") == [
        ("x", False),
        ("Hand Tools, 17%", False),
    ]


def test_unknown_elements_holding_blocks_deeper_down_are_opened_too() -> None:
    """A ``<mat-list>`` of ``<mat-list-item>``s, each holding an empty ``<div>``, in a panel."""
    item = "<x-item><span><span>{}</span></span><div></div></x-item>"
    html = (
        f"<main><div><div><x-list>{item.format('a')}{item.format('b')}</x-list></div></div></main>"
    )
    assert _blocks(html) == [("a", False), ("b", False)]


def test_lines_broken_inside_one_inline_wrapper() -> None:
    root = LexborHTMLParser(
        "<main><table><tr><td><font>One.<br><br>Two.</font></td></tr></table></main>"
    )
    main = root.css_first("main")
    assert main is not None
    (block,) = leaf_blocks([main])
    assert block.lines() == ["One.", "Two."]


def test_a_line_that_goes_on_from_the_one_before_joins_it() -> None:
    """A caption line under a list item ("of job postings") is no item of its own."""
    root = LexborHTMLParser(
        "<main><p>Java, 13%<br><span>of job postings</span><br>SQL, 9%<br>"
        "and more<br>Excel, 5%</p></main>"
    )
    main = root.css_first("main")
    assert main is not None
    (block,) = leaf_blocks([main])
    assert block.lines() == ["Java, 13% of job postings", "SQL, 9% and more", "Excel, 5%"]


@pytest.mark.parametrize(
    ("html", "value"),
    [
        ("<td>Sacramento, CA<br><small>Mean wage $121,480</small></td>", "Sacramento, CA"),
        ("<td>$74,000 - $132,000<br><small>10th to 90th percentile</small></td>",
         "$74,000 - $132,000"),
        ("<td>Boston, MA<span class=block>Mean wage $91,640</span></td>", "Boston, MA"),
        ("<td>Roto-Rooter<span class=block>Average pay $79,500</span></td>", "Roto-Rooter"),
        ("<td>Bachelor's Degree, 44%<span class=b>Share of workers</span></td>",
         "Bachelor's Degree, 44%"),
        ("<td>$48,210<small>Annual mean wage, May 2024</small></td>", "$48,210"),
        ("<td><span aria-hidden=true>Web Developer</span><div>$58,000-$121,000"
         "<small>10th to 90th percentile</small></div></td>", "Web Developer $58,000-$121,000"),
        ("<td>Male, 11.2% Female, 88.8%<br><small>Source: CPS 2024</small></td>",
         "Male, 11.2% Female, 88.8%"),
        ("<td>Physical Therapist<br><small>SOC 29-1123</small></td>", "Physical Therapist"),
    ],
)  # fmt: skip
def test_a_caption_under_a_value_is_no_part_of_it(html: str, value: str) -> None:
    assert value_text(_first(f"<table><tr>{html}</tr></table>", "td")) == value


@pytest.mark.parametrize(
    ("html", "value"),
    [
        ("<td>Male, 11.2%<br><span>Female, 88.8%</span></td>", "Male, 11.2% Female, 88.8%"),
        ("<td>Between $25,000<br><span>and $41,000</span></td>", "Between $25,000 and $41,000"),
        ("<td>Bachelor's Degree<br><small>40%</small></td>", "Bachelor's Degree 40%"),
        ("<td>University of California,<br><span>Berkeley</span></td>",
         "University of California, Berkeley"),
        ("<td>$25,000 -<br><span>$41,000</span></td>", "$25,000 - $41,000"),
        ("<td>Boston, <span>MA</span></td>", "Boston, MA"),
        ("<td>Registered <span>Nurse</span></td>", "Registered Nurse"),
        ("<td><b>What does a nurse do?</b><br><span>Nurses care for patients.</span></td>",
         "What does a nurse do? Nurses care for patients."),
    ],
)  # fmt: skip
def test_the_rest_of_a_value_on_its_next_line_is_no_caption(html: str, value: str) -> None:
    assert value_text(_first(f"<table><tr>{html}</tr></table>", "td")) == value


def test_drawings_holding_text_are_dropped() -> None:
    """A chart's labels repeat its legend ("96.1%", "Male"): only the legend is read."""
    html = (
        "<main><div id=v><svg aria-hidden='true'><text>96.1%</text><text>Male</text></svg>"
        "<ul><li>Male 96.1%</li><li>Female 3.9%</li></ul></div></main>"
    )
    tree = parse_html(html)
    drop_drawn_text(tree, html)
    node = tree.css_first("#v")
    assert node is not None and value_text(node) == "Male 96.1% Female 3.9%"


@pytest.mark.parametrize(
    ("item", "shown"),
    [
        (
            "Java, 13%<div class='progress'><div role='progressbar' aria-valuenow='13' "
            "style='width: 13%'><span class='sr-only'>13% Complete</span></div></div>",
            "Java, 13%",
        ),
        ("Java, 13% <progress max='100' value='13'>13 percent</progress>", "Java, 13%"),
        ("Java <div role='progressbar' style='width: 13%'>13%</div>", "Java 13%"),
        ("Java <progress max='100' value='13'>13%</progress>", "Java 13%"),
    ],
)
def test_a_progress_bars_words_go_when_the_text_beside_it_gives_the_figure(
    item: str, shown: str
) -> None:
    """A bar's screen-reader caption repeats the share written beside it; a bar whose
    own label is the only figure keeps it."""
    html = f"<main><ul><li id=v>{item}</li></ul></main>"
    tree = parse_html(html)
    drop_bar_captions(tree, html)
    node = tree.css_first("#v")
    assert node is not None and value_text(node) == shown


def test_an_icons_ligature_name_is_no_word_of_the_page() -> None:
    """Material Icons draws ``attach_money`` as a glyph: the word is not shown."""
    html = (
        "<main><table><tr id=v><td><span class='material-icons' aria-hidden='true'>"
        'attach_money</span>Yearly salary</td><td><mat-icon aria-hidden="true">'
        "trending_up</mat-icon> $1</td></tr></table>"
        "<p id=w><span aria-hidden='true'>Nurse</span> and <span aria-hidden='true'>4</span></p>"
        "</main>"
    )
    tree = parse_html(html)
    drop_icon_ligatures(tree, html)
    row, other = tree.css_first("#v"), tree.css_first("#w")
    assert row is not None and value_text(row) == "Yearly salary $1"
    assert other is not None and value_text(other) == "Nurse and 4"  # no ligature names


def test_an_icons_title_inside_a_heading_is_no_word_of_it() -> None:
    html = (
        "<html><head><title>Page</title></head><body><main><h3 id=v><svg role='img'>"
        "<title>Help icon</title><path d='M0 0'/></svg>What does a nurse do?</h3></main>"
        "</body></html>"
    )
    tree = parse_html(html)
    drop_drawn_text(tree, html)
    node = tree.css_first("#v")
    assert node is not None and value_text(node) == "What does a nurse do?"


def test_a_copy_in_another_language_than_the_pages_is_dropped() -> None:
    """A bilingual site keeps each block twice, the Spanish one hidden by its style sheet."""
    html = (
        "<html lang='en-US'><body><main>"
        "<h1 id=t><span>Welder vs machinist</span>"
        "<span lang='es'>Soldador vs maquinista</span></h1>"
        "<div id=v><div lang='es'><p>Salario anual $44.190</p></div>"
        "<div lang='en'><p>Yearly salary $44,190</p></div></div>"
        "<p id=w>A welder is no <i lang='fr'>sous chef</i>.</p></main></body></html>"
    )
    tree = parse_html(html)
    drop_translations(tree, html)
    title, block, sentence = tree.css_first("#t"), tree.css_first("#v"), tree.css_first("#w")
    assert title is not None and value_text(title) == "Welder vs machinist"
    assert block is not None and value_text(block) == "Yearly salary $44,190"
    assert sentence is not None and value_text(sentence) == "A welder is no sous chef."


def test_a_grids_rows_split_between_containers_are_put_together() -> None:
    """AG Grid: the pinned labels and the centre's values are rows of their own, paired by
    ``aria-rowindex``; a tree grid's hidden child rows fold into their parent's cells."""
    row = "<div role=row aria-rowindex={} aria-level={}{}>{}</div>"
    cell = "<div role=gridcell>{}</div>"
    labels = [("Average age", "1", ""), ("Gender ratio", "1", ""), ("Male", "2", " hidden")]
    labels.append(("Female", "2", " hidden"))
    values = [("40", "42"), ("", ""), ("97.6%", "98.1%"), ("2.4%", "1.9%")]
    html = (
        "<main><div role=treegrid id=g><div class=pinned>"
        + "".join(
            row.format(index + 2, level, hidden, cell.format(label))
            for index, (label, level, hidden) in enumerate(labels)
        )
        + "</div><div class=centre>"
        + "".join(
            row.format(
                index + 2, labels[index][1], labels[index][2], cell.format(a) + cell.format(b)
            )
            for index, (a, b) in enumerate(values)
        )
        + "</div></div></main>"
    )
    tree = parse_html(html)
    join_split_grid_rows(tree, html)
    rows = [
        [value_text(cell) for cell in row.css("[role=gridcell]")]
        for row in tree.css("#g [role=row]")
    ]
    assert rows == [
        ["Average age", "40", "42"],
        ["Gender ratio", "Male, 97.6% Female, 2.4%", "Male, 98.1% Female, 1.9%"],
    ]


def test_nested_elements_each_pass_drops_are_removed_once() -> None:
    """An icon inside an icon, a copy inside a copy, a bar inside a bar, a grid inside a
    grid: a node of a removed subtree is never touched again (it would be freed memory)."""
    html = (
        "<html lang=en><body><main id=m>"
        "<span aria-hidden='true'><span aria-hidden='true'>check</span></span> Welder"
        "<div><div lang=es><p lang=es>Hola</p><span lang=es>x</span></div><div>Hello</div></div>"
        "<ul><li>Java, 13%<div role=progressbar><div role=progressbar>13% Complete</div></div>"
        "</li></ul><div role=grid><div role=row aria-rowindex=1><div role=gridcell>a"
        "<div role=grid><div role=row aria-rowindex=1>b</div></div></div></div></div>"
        "</main></body></html>"
    )
    tree = parse_html(html)
    for drop in (drop_icon_ligatures, drop_translations, drop_bar_captions, join_split_grid_rows):
        drop(tree, html)
    main = tree.css_first("#m")
    assert main is not None and value_text(main) == "Welder Hello Java, 13% a b"


def _composed(html: str) -> str:
    tree = parse_html(html)
    compose_shadow_roots(tree, html)
    main = tree.css_first("main")
    assert main is not None
    return " ".join(main.text(separator=" ").split())


def test_a_declarative_shadow_root_is_read_where_a_browser_shows_it() -> None:
    html = (
        "<main><x-section><template shadowrootmode='open'><slot name='heading'>"
        "<h2>fallback</h2></slot><table><tr><td>Yearly salary</td><td>$1</td></tr></table>"
        "<slot></slot></template><h2 slot='heading'>Salary</h2><p>A note.</p></x-section></main>"
    )
    assert _composed(html) == "Salary Yearly salary $1 A note."


def test_nested_shadow_roots_fill_their_own_slots() -> None:
    inner = (
        "<x-list><template shadowrootmode='open'><slot name='label'></slot><ul><li>a</li>"
        "</ul></template><p slot='label'>Chef example responsibilities.</p></x-list>"
    )
    html = (
        f"<main><x-section><template shadowrootmode='open'><h2>Duties</h2>{inner}"
        "<slot name='label'>nothing assigned</slot></template></x-section></main>"
    )
    assert _composed(html) == "Duties Chef example responsibilities. a nothing assigned"


def test_paragraphs_inside_inline_elements_are_blocks() -> None:
    """``<slot><rich-text><span><p>..</p><p>..</p></span></rich-text></slot>``: a browser
    shows the paragraphs as blocks, whatever holds them."""
    html = (
        "<main><div><slot><x-rich><span><p>One.</p><p>Two.</p></span></x-rich></slot></div></main>"
    )
    assert _blocks(html) == [("One.", False), ("Two.", False)]


def test_a_table_drawn_with_box_characters_and_wrapped_cells() -> None:
    text = (
        "\u250c\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2510\n"
        "\u2502              \u2502 Line Cook       \u2502 Baker          \u2502\n"
        "\u251c\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2524\n"
        "\u2502 Gender ratio \u2502 Male, 71.8% Female, \u2502 Male, 43.0%   \u2502\n"
        "\u2502              \u2502 28.2%           \u2502 Female, 57.0% \u2502\n"
        "\u2502 LGBT Percentage \u2502 --          \u2502 8%             \u2502\n"
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2518"
    )
    assert text_table_rows(text) == [
        ["", "Line Cook", "Baker"],
        ["Gender ratio", "Male, 71.8% Female, 28.2%", "Male, 43.0% Female, 57.0%"],
        ["LGBT Percentage", "--", "8%"],
    ]


def test_a_table_of_columns_aligned_by_spaces() -> None:
    text = (
        "                  Paralegal                   Legal Assistant\n"
        "                  -------------------------   ---------------\n"
        "Most common degree  Bachelor's Degree, 40%    Associate Degree, 36%\n"
        "Number of jobs              223,045                  118,934\n"
        "Race ratio        White, 60.2%                White, 57.5%\n"
        "                  Asian, 5.7%                 Asian, 5.1%\n"
        "                  Other, 34.1%\n"
    )
    assert text_table_rows(text) == [
        ["", "Paralegal", "Legal Assistant"],
        ["Most common degree", "Bachelor's Degree, 40%", "Associate Degree, 36%"],
        ["Number of jobs", "223,045", "118,934"],
        ["Race ratio", "White, 60.2% Asian, 5.7% Other, 34.1%", "White, 57.5% Asian, 5.1%"],
    ]


def test_a_code_block_whose_lines_are_broken_by_br_draws_a_table() -> None:
    """Medium's code blocks break their lines with ``<br>`` inside the ``<pre>``."""
    html = (
        "<main><pre><span>               Welder      Machinist<br/>"
        "Yearly salary  $44,190     $47,580<br>Average age    40          45</span></pre></main>"
    )
    repaired = with_text_tables_as_html(html)
    assert isinstance(repaired, str)
    rows = [[value_text(cell) for cell in row.css("td")] for row in parse_html(repaired).css("tr")]
    assert rows == [
        ["", "Welder", "Machinist"],
        ["Yearly salary", "$44,190", "$47,580"],
        ["Average age", "40", "45"],
    ]


def test_preformatted_text_that_draws_no_table() -> None:
    assert text_table_rows("def main():\n    return 0\n") is None
    assert text_table_rows("one line only") is None


def test_note_references_are_dropped_and_other_superscripts_kept() -> None:
    html = (
        "<div><p>Jobs<sup><a href='#fn1'>[1]</a></sup>: 97,878</p>"
        "<p>See<sup><a href='#x'>[more]</a></sup></p>"
        "<p>Tax<sup><a href='#n'>a</a></sup></p><p>See<sup><a href='/x'>[more]</a></sup></p></div>"
    )
    tree = LexborHTMLParser(html)
    drop_note_references(tree, html)
    div = tree.css_first("div")
    assert div is not None
    texts = [value_text(p) for p in div.css("p")]
    assert texts == ["Jobs: 97,878", "See[more]", "Tax", "See[more]"]


def test_an_inline_style_hiding_an_element_hides_it() -> None:
    from extractors._dom import is_hidden

    tree = LexborHTMLParser(
        "<div id='a' style='visibility:hidden'></div><div id='b' style='display: none'></div>"
        "<div id='c' style='visibility: visible'></div>"
    )
    assert [is_hidden(tree.css_first(f"#{key}")) for key in "abc"] == [True, True, False]
