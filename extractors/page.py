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
from collections.abc import Callable
from typing import Any

from extractors._context import IssueLog, PageContext, SectionResult
from extractors._dom import parse_html
from extractors._names import Names
from extractors._outline import (
    SECTION_KEYWORDS,
    SECTIONS,
    Candidate,
    Outline,
    choose_headings,
    classify,
    collect_candidates,
)
from extractors.browse import find_browse
from extractors.demographics import extract_demographics
from extractors.descriptions import extract_descriptions
from extractors.duties import extract_duties
from extractors.education import extract_education
from extractors.intro import extract_intro
from extractors.normalize import slugify
from extractors.overview import extract_overview
from extractors.records import Occupation, PageRecord, Share
from extractors.salary import extract_salary
from extractors.skills import extract_skills
from extractors.title import Title, capitalize_words, find_title

#: Bumped whenever a change to the extractors can change a record, so that the
#: reparse flow knows which archived pages to extract again.
EXTRACTOR_VERSION = 2

#: Section extractors in page order; earlier sections win when two give one value.
SECTION_EXTRACTORS: tuple[tuple[str, Callable[[PageContext], SectionResult]], ...] = (
    ("intro", extract_intro),
    ("overview", extract_overview),
    ("description", extract_descriptions),
    ("salary", extract_salary),
    ("education", extract_education),
    ("demographics", extract_demographics),
    ("duties", extract_duties),
    ("skills", extract_skills),
)

_DESCRIPTION_KEYS = ("description:0", "description:1")
_SHARE_SUM_TOLERANCE = 1.5


def extract_page(html: str | bytes, url: str | None = None) -> PageRecord:
    """The record of one comparison page. Never raises: problems become issues."""
    issues = IssueLog()
    try:
        return _extract(html, url, issues)
    except Exception as exc:  # the contract: a bad page is an issue, never a crash
        issues.error("page", f"the page could not be read: {type(exc).__name__}: {exc}")
        return PageRecord(url=url, title="", issues=issues.items)


def _extract(html: str | bytes, url: str | None, issues: IssueLog) -> PageRecord:
    if not html or (isinstance(html, str) and html.isspace()):
        issues.error("page", "the page is empty")
        return PageRecord(url=url, title="", issues=issues.items)
    tree = parse_html(html)
    candidates = collect_candidates(tree)
    title = find_title(tree, candidates)
    if title.names is None:
        issues.error("page", "not a comparison page: no 'A vs B' title")
        return PageRecord(url=url, title=title.text, issues=issues.items)
    if title.from_document_title:
        issues.warn("title", "no 'A vs B' heading; the names come from the document title")
    names = title.names
    browse = find_browse(tree, title.node)
    outline = _outline(tree, candidates, title, names)
    if browse is not None:
        outline.add_boundary(browse[1])
    ctx = PageContext(tree=tree, names=names, outline=outline, issues=issues)
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


def _outline(tree: Any, candidates: list[Candidate], title: Title, names: Names) -> Outline:
    """Choose each section's heading; look again by key word for those not found by tag."""
    chosen, foreign = choose_headings(candidates, names, title.order)
    wanted = [*SECTIONS, *_DESCRIPTION_KEYS]
    weak = [key for key in wanted if key not in chosen or _relevance(chosen[key], names) < 3]
    if weak:
        keywords = tuple(dict.fromkeys(SECTION_KEYWORDS[key.split(":")[0]] for key in weak))
        widened = collect_candidates(tree, keywords)
        title_order = next(
            (c.order for c in widened if title.node is not None and c.node == title.node), None
        )
        chosen, foreign = choose_headings(widened, names, title_order)
        candidates = widened
    title_order = next(
        (c.order for c in candidates if title.node is not None and c.node == title.node), -1
    )
    outline = Outline(title=title.node)
    if title.node is not None:
        outline.add_boundary(title.node)
    for key, candidate in chosen.items():
        outline.headings[key] = candidate.node
        outline.add_boundary(candidate.node)
    for candidate in foreign:
        if candidate.order > title_order:
            outline.add_boundary(candidate.node)
    return outline


def _relevance(candidate: Candidate, names: Names) -> int:
    kind = classify(candidate.text, names)
    return kind.relevance if kind is not None else 0


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
    for key, value in fields.items():
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
    return Occupation(slug=slugify(title), title=title, **fields)


def _check_shares(ctx: PageContext, name: str, fields: dict[str, Any]) -> None:
    """Shares must lie in 0-100 and a breakdown must add up to 100 (give or take 1.5)."""
    for key, section in (("top_degree_pct", "education"), ("lgbt_pct", "demographics")):
        value = fields.get(key)
        if value is not None and not 0 <= value <= 100:
            ctx.issues.warn(section, f"{key} of {name} is {value}, outside 0-100")
    for key in ("gender", "race"):
        shares: list[Share] = fields.get(key, [])
        if not shares:
            continue
        values = [share.share_pct for share in shares if share.share_pct is not None]
        if any(not 0 <= value <= 100 for value in values):
            ctx.issues.warn("demographics", f"a {key} share of {name} is outside 0-100")
        total = sum(values)
        if abs(total - 100) > _SHARE_SUM_TOLERANCE:
            ctx.issues.warn("demographics", f"the {key} shares of {name} add up to {total:g}%")
