"""Whole-page extraction: runs every section extractor and assembles the record.

Order of work: parse once; find the title and its two names; find each
section's heading (the outline); run the section extractors; merge their values
(a value two sections give is kept once, a disagreement is a warning); check
shares; build the record. Nothing here raises: a failing section becomes an
error issue for that section, a failing page an error issue for "page".

Severities: a page that is not a comparison page (no "A vs B" title) or that
cannot be read at all is an ``error``; a missing section, row or value, a
disagreement and an out-of-range share are ``warning``s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from extractors._context import IssueLog, PageContext, SectionResult
from extractors._dom import (
    Node,
    attribute,
    complete_streamed_boundaries,
    compose_shadow_roots,
    content_children,
    draws_gaps_with_spacers,
    draws_tables_in_text,
    drop_bar_captions,
    drop_drawn_text,
    drop_icon_ligatures,
    drop_note_references,
    drop_sort_keys,
    drop_translations,
    embeds_frame_documents,
    inline_frame_documents,
    join_broken_words,
    join_split_grid_rows,
    join_split_runs,
    keeps_line_breaks,
    parse_html,
    saved_by_word,
    splits_words_in_runs,
    streams_boundaries,
    with_kept_lines_as_breaks,
    with_spacers_as_spaces,
    with_text_tables_as_html,
    without_word_list_markers,
)
from extractors._names import Names
from extractors._outline import (
    HEADING_SELECTOR,
    SECTION_KEYWORDS,
    SECTIONS,
    Candidate,
    Choice,
    Outline,
    candidates_of,
    choose_headings,
    collect_candidates,
    in_chrome,
    keyword_selector,
)
from extractors._slice import cut_ends_cleanly, main_slice
from extractors._tabs import head_panels_with_their_tabs
from extractors.browse import find_browse
from extractors.demographics import TABLE as DEMOGRAPHICS_TABLE
from extractors.demographics import extract_demographics
from extractors.descriptions import extract_descriptions
from extractors.duties import extract_duties
from extractors.education import TABLE as EDUCATION_TABLE
from extractors.education import extract_education
from extractors.intro import extract_intro
from extractors.normalize import is_bare_share, slugify, split_labelled_share
from extractors.overview import TABLE as OVERVIEW_TABLE
from extractors.overview import extract_overview
from extractors.records import Occupation, PageRecord
from extractors.salary import TABLE as SALARY_TABLE
from extractors.salary import extract_salary
from extractors.skills import extract_skills
from extractors.title import Title, capitalize_words, find_title, split_title

#: Bumped whenever a change to the extractors can change a record, so that the
#: reparse flow knows which archived pages to extract again.
EXTRACTOR_VERSION = 57

#: Section extractors in page order; earlier sections win when two give one value.
SECTION_EXTRACTORS: tuple[tuple[str, Callable[[PageContext], SectionResult]], ...] = (
    ("overview", extract_overview),
    ("description", extract_descriptions),
    ("salary", extract_salary),
    ("education", extract_education),
    ("demographics", extract_demographics),
    ("duties", extract_duties),
    ("skills", extract_skills),
    ("intro", extract_intro),  # last: the skills' names settle how its list splits
)

_WANTED = (*SECTIONS, "description:0", "description:1")
#: The seed page's order of sections: a section missing from the first pass is
#: looked for after the one before it.
_PAGE_ORDER = (
    "title",
    "overview",
    "description:0",
    "description:1",
    "salary",
    "education",
    "demographics",
    "duties",
    "skills",
)
_MAX_SEARCH_ROOTS = 4
#: The words of every table row's label: a heading with these words heads a row, not a section.
ROW_LABELS = frozenset(
    label.words
    for table in (OVERVIEW_TABLE, SALARY_TABLE, EDUCATION_TABLE, DEMOGRAPHICS_TABLE)
    for label in table.labels
    if " " in label.words  # "Salary" alone heads a section
)
#: What a row's heading may say around its label when the heading is the row's button,
#: for a screen reader: "Show ... for both careers".
_ROW_BUTTON_WORDS = re.compile(
    r"^(?:show|view|see|open|expand)\s+|\s+for (?:both|each)(?: (?:careers|occupations|jobs))?$"
)


def _row_label(text: str) -> bool:
    """Whether a heading is a row's label ("Yearly salary", "Show Yearly salary for both
    careers"), which heads a row, not a section."""
    words = text.lower().rstrip(" :*")
    return words in ROW_LABELS or _ROW_BUTTON_WORDS.sub("", words) in ROW_LABELS


#: One CSS pass finds the headings and the likely "Browse ... jobs" links.
FIRST_PASS_SELECTOR = f'{HEADING_SELECTOR}, a:lexbor-contains("browse" i)'
_FIRST_PASS_AND_BREAKS = f"{FIRST_PASS_SELECTOR}, wbr"
_SHARE_SUM_TOLERANCE = 1.5


def extract_page(page: object, url: str | None = None) -> PageRecord:
    """The record of one comparison page (text or bytes). Never raises: problems, an
    input that is no page among them, become issues.

    The page's head and ``<main>`` element are read first (a parse of the
    chrome around them is most of the cost); a record from that cut is kept
    unless an issue says something was not found, then the whole page is read.
    """
    html = _text_or_bytes(page)
    if html is None:
        issues = IssueLog()
        issues.error("page", f"not a page: a {type(page).__name__}, not text or bytes")
        return PageRecord(url=url, title="", issues=issues.items)
    cut = main_slice(html) if html else None
    if cut is not None:
        record = _extract_safely(cut, url, cut=True)
        if record is not None and _cut_was_enough(record):
            return record
    whole = _extract_safely(html, url)
    assert whole is not None  # only a cut is refused
    return whole


def _text_or_bytes(page: object) -> str | bytes | None:
    """The page as ``str`` or ``bytes`` ("" for ``None``), or ``None`` for anything else."""
    if isinstance(page, str | bytes):
        return page
    if isinstance(page, bytearray | memoryview):
        return bytes(page)
    return "" if page is None else None


#: Issues that can come from reading the cut rather than the whole page: the title, the
#: browse link and the names' fallbacks look outside ``<main>``, and a cut that ended too
#: early would miss a section, a row or a value.
_OUTSIDE_SECTIONS = frozenset({"page", "title", "browse"})


def _cut_was_enough(record: PageRecord) -> bool:
    """Whether a record read from the head and ``<main>`` is the whole page's record.

    Everything the extractor reads lies inside ``<main>`` once the title is found
    there, so only an issue saying that something was missing (or that the title,
    browse link or page was looked for elsewhere) calls for a second reading;
    issues about the values read (a disagreement, shares that do not add up) would
    only come again.
    """
    return not any(
        issue.section in _OUTSIDE_SECTIONS
        or issue.severity == "error"
        or issue.message.startswith("no ")
        for issue in record.issues
    )


def _extract_safely(html: str | bytes, url: str | None, cut: bool = False) -> PageRecord | None:
    """The record of ``html`` (``None`` when it is a cut that did not parse cleanly).

    A page that misses something is read a second time, repaired, when it writes words
    split between text runs (``<span>Growth rat</span><span>e</span>``, as a word
    processor's export does: the runs are joined) or streams sections late (React's
    ``$RC``: they are put in place); the better reading wins (fewer errors, then more
    values).
    """
    record = _read_safely(html, url, cut, repair=False)
    if record is not None and not _cut_was_enough(record) and _repairable(html):
        repaired = _read_safely(html, url, cut, repair=True)
        if repaired is not None and _reading_weight(repaired) > _reading_weight(record):
            return repaired
    return record


def _repairable(html: str | bytes) -> bool:
    """Whether a second reading could see more of ``html`` than the first did."""
    return (
        splits_words_in_runs(html)
        or streams_boundaries(html)
        or draws_gaps_with_spacers(html)
        or draws_tables_in_text(html)
        or keeps_line_breaks(html)
        or embeds_frame_documents(html)
    )


def _reading_weight(record: PageRecord) -> tuple[int, int]:
    """How good a reading of a page is: fewer errors first, then more values found."""
    errors = sum(1 for issue in record.issues if issue.severity == "error")
    found = sum(
        1
        for occupation in record.occupations
        for value in occupation.model_dump().values()
        if value is not None and value != []
    )
    return -errors, found


def _read_safely(html: str | bytes, url: str | None, cut: bool, repair: bool) -> PageRecord | None:
    issues = IssueLog()
    try:
        return _extract(html, url, issues, cut, repair)
    except Exception as exc:  # the contract: a bad page is an issue, never a crash
        issues.error("page", f"the page could not be read: {type(exc).__name__}: {exc}")
        return PageRecord(url=url, title="", issues=issues.items)


def _extract(
    html: str | bytes, url: str | None, issues: IssueLog, cut: bool, repair: bool
) -> PageRecord | None:
    if not html or (isinstance(html, str) and html.isspace()):
        issues.error("page", "the page is empty")
        return PageRecord(url=url, title="", issues=issues.items)
    if repair and draws_gaps_with_spacers(html):
        html = with_spacers_as_spaces(html)
    if repair and draws_tables_in_text(html):
        html = with_text_tables_as_html(html)
    if repair and keeps_line_breaks(html):
        html = with_kept_lines_as_breaks(html)
    tree = parse_html(html)
    if saved_by_word(tree):
        html = without_word_list_markers(html)
        tree = parse_html(html)
    if cut and not cut_ends_cleanly(tree):
        return None  # the cut ended inside a script or a comment
    if repair:
        if splits_words_in_runs(html):
            join_split_runs(tree)
        if streams_boundaries(html):
            complete_streamed_boundaries(tree)
        if embeds_frame_documents(html):
            inline_frame_documents(tree)
    compose_shadow_roots(tree, html)
    head_panels_with_their_tabs(tree, html)
    drop_drawn_text(tree, html)
    drop_bar_captions(tree, html)
    drop_icon_ligatures(tree, html)
    drop_translations(tree, html)
    drop_note_references(tree, html)
    drop_sort_keys(tree, html)
    join_split_grid_rows(tree, html)
    root = tree.body or tree.root
    content = _content_root(root)
    candidates = _first_pass(tree, content)
    title = find_title(tree, candidates)
    if content is not root and (title.node is None or title.node.tag != "h1"):
        # no "A vs B" h1 inside <main>: one before it (a hero above the main content) wins
        # over a section's heading inside it ("Compensation: A vs B")
        page_candidates = collect_candidates(root, FIRST_PASS_SELECTOR)
        page_title = find_title(tree, page_candidates)
        if title.node is None or (page_title.node is not None and page_title.node.tag == "h1"):
            content, candidates, title = root, page_candidates, page_title
    if title.names is None:
        issues.error("page", "not a comparison page: no 'A vs B' title")
        return PageRecord(url=url, title=title.text, issues=issues.items)
    if title.from_document_title:
        issues.warn("title", "no 'A vs B' heading; the names come from the document title")
    outline, title_node = _outline(content if title.node is not None else root, candidates, title)
    browse = find_browse(content, root, candidates, title_node)
    if browse is not None:
        outline.add_boundary(browse[1])
    ctx = PageContext(tree=tree, names=title.names, outline=outline, issues=issues)
    occupations = _occupations(ctx)
    if browse is None:
        issues.warn("browse", "no 'Browse ... jobs' link")
    return PageRecord(
        url=url,
        title=title.text,
        browse_category=browse[0] if browse else None,
        occupations=occupations,
        issues=issues.items,
    )


def _first_pass(tree: LexborHTMLParser, content: Node | None) -> list[Candidate]:
    """The headings and likely "Browse ... jobs" links of the main content, once any
    ``<wbr>`` in it is gone (see ``join_broken_words``).

    The same CSS search looks for ``<wbr>`` too (each search walks the content, so
    one walk is cheaper than two); only when it finds one are they dropped and the
    search made again, on the joined text.
    """
    if content is None:
        return []
    found = content.css(_FIRST_PASS_AND_BREAKS)
    if any(node.tag == "wbr" for node in found):
        join_broken_words(tree, content)
        found = content.css(FIRST_PASS_SELECTOR)
    return candidates_of(found)


def _content_root(root: Node | None) -> Node | None:
    """The page's ``<main>`` if it has one (menus and footers lie outside), else ``root``.

    Searching the main content only is several times cheaper than the whole page.
    """
    if root is None:
        return None
    for child in root.iter():  # usually a child of <body> or of its one wrapper
        if child.tag == "main":
            return child
        for grandchild in child.iter():
            if grandchild.tag == "main":
                return grandchild
    return root.css_first("main") or root.css_first("[role=main]") or root


def _outline(
    root: Node | None, candidates: list[Candidate], title: Title
) -> tuple[Outline, Node | None]:
    """Choose each section's heading; look again by key word for those not found by tag.

    ``root`` is the main content. Returns the outline and the title's element
    (found by its words when the title came from the document's ``<title>``).
    """
    assert title.names is not None
    names = title.names
    headings = [candidate for candidate in candidates if candidate.is_heading]
    chosen, foreign, subheadings = choose_headings(headings, names, title.order)
    title_node = title.node
    if title_node is None:
        wanted = _lower(names.pair)
        found_by_words = collect_candidates(root, keyword_selector(("vs",)))
        title_node = next((c.node for c in found_by_words if _names_of(c.text) == wanted), None)
    outline = Outline(
        title=title_node,
        root_id=root.mem_id if root is not None else None,
        subheadings=subheadings,
    )
    if title_node is not None:
        outline.add_boundary(title_node)
    for key, choice in chosen.items():
        outline.headings[key] = choice.candidate.node
        outline.add_boundary(choice.candidate.node)
    sections = sorted((choice.candidate for choice in chosen.values()), key=lambda c: c.order)
    headlines = {
        candidate.node.mem_id
        for candidate in foreign
        if (section := _section_before(sections, candidate)) is not None
        and outline.heads_the_content_of(candidate.node, section.node)
    }
    title_words = title.text.lower()
    for candidate in foreign:
        if candidate.node.mem_id in headlines:
            continue  # a chart's or a table's headline right under a section's heading
        if candidate.text.lower() == title_words:
            continue  # the title again (a chat's title in its header, then its answer's)
        if title.order is not None and candidate.order > title.order:
            if _row_label(candidate.text):
                continue  # a card's label written as a heading (<h3>Yearly salary</h3>)
            if split_labelled_share(candidate.text)[1] is not None:
                continue  # a list's item written as a heading (<h4>Excel, 7%</h4>)
            if _share_beside(candidate.node):
                continue  # ... or with its share beside it (<h3>Litigation</h3> ... 15%)
            if in_chrome(candidate.node):
                continue  # a table of contents' or a sidebar's: walks step over those whole
            if candidate.text.lower().rstrip(" :") in _CONTENTS_TITLES or _titles_links_in_page(
                candidate.node
            ):
                continue  # the title of a tab list or an in-page index ("Contents")
            outline.add_boundary(candidate.node)
    weak = [key for key in _WANTED if key not in chosen or chosen[key].relevance < 3]
    if weak:
        _look_again(outline, root, names, weak, chosen)
    return outline, title_node


#: Titles of what only points to the page's parts: no section ends at them.
_CONTENTS_TITLES = frozenset(
    {"contents", "table of contents", "on this page", "in this article", "jump to", "sections"}
)


def _share_beside(heading: Node) -> bool:
    """Whether the first text after ``heading`` (in its parent, or after the wrapper it is
    all of) is a bare share ("15%"): the heading is a list item's name."""
    node = heading
    for _ in range(_SHARE_CLIMB):
        after = node.next
        while after is not None:
            text = (
                after.text(deep=True).strip()
                if after.is_element_node
                else (after.text_content or "").strip()
            )
            if text:
                return is_bare_share(text)
            after = after.next
        parent = node.parent
        if parent is None or len(content_children(parent)) != 1:
            return False
        node = parent
    return False


#: How many wrappers that hold nothing else a heading may sit in (``<ion-label><h3>``).
_SHARE_CLIMB = 2


def _titles_links_in_page(heading: Node) -> bool:
    """Whether ``heading`` is the title of the list after it, a list of links within the
    page (a tab list's "Choose a job", an index's "Jump to")."""
    after = heading.next
    while after is not None and not after.is_element_node:
        after = after.next
    if after is None or after.tag not in ("ul", "ol"):
        return False
    links = after.css("a")
    return len(links) >= 2 and all(
        (attribute(link, "href") or "").startswith("#") for link in links
    )


def _section_before(sections: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The last of ``sections`` (in page order) before ``candidate``, if any."""
    found = None
    for section in sections:
        if section.order > candidate.order:
            break
        found = section
    return found


def _look_again(
    outline: Outline, root: Node | None, names: Names, weak: list[str], chosen: dict[str, Choice]
) -> None:
    """Look for ``weak`` sections' headings by key word, each after the section before it.

    A section missing from the first pass is searched for in the region of the
    nearest section found before it (in the seed page's order), which is
    cheaper and surer than searching the whole page.
    """
    groups: dict[str | None, list[str]] = {}
    for key in weak:
        before = _PAGE_ORDER[: _PAGE_ORDER.index(key)]
        previous = next((k for k in reversed(before) if _found(outline, k)), None)
        groups.setdefault(previous, []).append(key)
    for previous, keys in groups.items():
        roots = outline.search_roots(previous) if previous else []
        if not roots or len(roots) > _MAX_SEARCH_ROOTS:
            roots = []
        missing = _look_in(outline, roots, root, names, keys, chosen)
        if missing and roots:  # not after the section before it: the page is in another order
            _look_in(outline, [], root, names, missing, chosen)


def _look_in(
    outline: Outline,
    roots: list[Node],
    root: Node | None,
    names: Names,
    keys: list[str],
    chosen: dict[str, Choice],
) -> list[str]:
    """Look for ``keys``' headings under ``roots`` (the whole page when there are none);
    returns the keys still not found."""
    keywords = tuple(dict.fromkeys(SECTION_KEYWORDS[key.split(":")[0]] for key in keys))
    selector = keyword_selector(keywords)
    if not roots:
        roots = [root] if root is not None else []
        selector = "h1, " + selector  # to tell what comes after the title
    found: list[Candidate] = []
    for node in roots:
        if node.is_element_node:
            found.extend(collect_candidates(node, selector))
    title_order = next(
        (c.order for c in found if outline.title is not None and c.node == outline.title),
        None,
    )
    better, _, _ = choose_headings(found, names, title_order)
    for key in keys:
        if key in better and (key not in chosen or better[key].rank > chosen[key].rank):
            outline.headings[key] = better[key].candidate.node
            outline.add_boundary(better[key].candidate.node)
    return [key for key in keys if key not in better and key not in chosen]


def _found(outline: Outline, key: str) -> bool:
    return outline.title is not None if key == "title" else key in outline.headings


def _names_of(text: str) -> tuple[str, ...]:
    return _lower(split_title(text) or ())


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


def _occupations(ctx: PageContext) -> list[Occupation]:
    merged: list[dict[str, Any]] = [{}, {}]
    sources: list[dict[str, str]] = [{}, {}]
    for section, extractor in SECTION_EXTRACTORS:
        try:
            result = extractor(ctx)
        except Exception as exc:  # one broken section must not lose the others
            ctx.issues.error(section, f"could not be read: {type(exc).__name__}: {exc}")
            continue
        for index, fields in enumerate(result):
            _merge(ctx, section, index, merged[index], sources[index], fields)
    return [_occupation(ctx, index, fields) for index, fields in enumerate(merged)]


def _merge(
    ctx: PageContext,
    section: str,
    index: int,
    merged: dict[str, Any],
    sources: dict[str, str],
    fields: dict[str, Any],
) -> None:
    """Add a section's values; a value seen before is kept, a different one is a warning."""
    for key, value in fields.items():  # in the section's order
        if value is None or value == []:
            continue
        if key not in merged:
            merged[key] = value
            sources[key] = section
        elif not _same(merged[key], value):
            name = ctx.names.pair[index]
            ctx.issues.warn(
                section,
                f"{key} of {name}: {section} says {value!r}, {sources[key]} says {merged[key]!r}",
            )


def _same(first: Any, second: Any) -> bool:
    if isinstance(first, float | int) and isinstance(second, float | int):
        return math.isclose(first, second, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(first, str) and isinstance(second, str):
        return first.casefold() == second.casefold()
    return bool(first == second)


def _occupation(ctx: PageContext, index: int, fields: dict[str, Any]) -> Occupation:
    name = ctx.names.pair[index]
    title = fields.pop("title", None)
    if not title:
        title = capitalize_words(name)
        ctx.issues.warn("overview", f"no header row naming {name}; title taken from the page title")
    _check_shares(ctx, name, fields)
    _check_figures(ctx, name, fields)
    fields["slug"] = slugify(title)
    fields["title"] = title
    return Occupation.model_validate(fields)  # the same checks as Occupation(**fields), cheaper


#: Where a figure can lie at all; outside it, two cells were read as one or a row as
#: another (an age of 4238 is "42" and "38" glued).
_PLAUSIBLE = (
    ("avg_age_years", "overview", 14, 100),
    ("experience_years", "overview", 0, 60),
    ("job_count", "overview", 0, 50_000_000),
    ("yearly_salary_usd", "overview", 1_000, 10_000_000),
    ("hourly_rate_usd", "overview", 1, 5_000),
)
#: The hours in a working year: the sites' hourly rate is the yearly salary over them.
_HOURS_A_YEAR = 2080
#: How far the hourly rate may stray from that before the two say different things.
_RATE_TOLERANCE = 0.25


def _check_figures(ctx: PageContext, name: str, fields: dict[str, Any]) -> None:
    """Figures out of any plausible range, and figures that contradict each other, are
    warnings: the values are kept as read, for a person to judge."""
    for key, section, low, high in _PLAUSIBLE:
        value = fields.get(key)
        if value is not None and not low <= value <= high:
            ctx.issues.warn(section, f"{key} of {name} is {value:g}, outside {low:,}-{high:,}")
    salary, rate = fields.get("yearly_salary_usd"), fields.get("hourly_rate_usd")
    if salary and rate and abs(rate * _HOURS_A_YEAR / salary - 1) > _RATE_TOLERANCE:
        ctx.issues.warn(
            "overview",
            f"hourly rate of {name} ({rate:g}) does not match its yearly salary ({salary:g})",
        )
    least, most = fields.get("salary_min_usd"), fields.get("salary_max_usd")
    if least is not None and most is not None and least > most:
        ctx.issues.warn("salary", f"salary range of {name} runs from {least:g} down to {most:g}")


def _check_shares(ctx: PageContext, name: str, fields: dict[str, Any]) -> None:
    """Shares must lie in 0-100 and a breakdown must add up to 100 (give or take 1.5)."""
    for key, section in (("top_degree_pct", "education"), ("lgbt_pct", "demographics")):
        value = fields.get(key)
        if value is not None and not 0 <= value <= 100:
            ctx.issues.warn(section, f"{key} of {name} is {value}, outside 0-100")
    for key in ("gender", "race"):
        shares: list[dict[str, Any]] = fields.get(key, [])
        if not shares:
            continue
        values = [share["share_pct"] for share in shares if share["share_pct"] is not None]
        if any(not 0 <= value <= 100 for value in values):
            ctx.issues.warn("demographics", f"a {key} share of {name} is outside 0-100")
        total = sum(values)
        if abs(total - 100) > _SHARE_SUM_TOLERANCE:
            ctx.issues.warn("demographics", f"the {key} shares of {name} add up to {total:g}%")
