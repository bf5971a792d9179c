"""The same extraction as ``extractors.extract_page``, written with BeautifulSoup (lxml).

For comparison only: the benchmark runs it beside careerdiff's lexbor extractors on
the same pages and checks that both give the same records. It follows the same
rules in spirit — a section is found by its heading's words, a row by its label's
words, never by a class name or a position — written the way a BeautifulSoup user
would: ``find_all(string=...)``, ``find_next_siblings``, ``get_text``.

    record = extract_page_bs4(html, url)      # an extractors.records.PageRecord
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from extractors.records import Issue, Occupation, PageRecord

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_NULLS = {"", "-", "--", "n/a"}
_SHARE = re.compile(r"([^,%]+?),\s*(-?\d+(?:\.\d+)?)\s*%")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_TIME = re.compile(r"(\d+)(?:\s*-\s*(\d+))?\s+(year|month)s?", re.I)
_TOP_SKILLS = re.compile(r"skills for an? (.+?) (?:include|are) (.+?)\.(?:\s|$)", re.I)
_DESCRIPTION = re.compile(r"^what does an? (.+) do\?$", re.I)
_DUTIES_HEADING = re.compile(r"^(.+) example responsibilities\.?$", re.I)
_SKILLS_HEADING = re.compile(r"^common (.+) skills$", re.I)
_BROWSE = re.compile(r"^browse (.+) jobs$", re.I)

#: Section headings by their closing words.
SECTION_ENDINGS = {
    "overview": " overview",
    "salary": " salary",
    "education": " education",
    "demographics": " demographics",
    "duties": "duties and responsibilities",
    "skills": " skills",
}
HEADING_TAGS = ["h2", "h3", "h4", "h5", "h6"]


def clean(text: str) -> str:
    """Plain quotes and one space for every run of white space (non-breaking ones too)."""
    return " ".join(text.translate(_QUOTES).split())


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    text = clean(text)
    return None if text.lower() in _NULLS else text


def _number(text: str | None) -> float | None:
    text = _value(text)
    found = _NUMBER.search(text) if text else None
    return float(found.group().replace(",", "")) if found else None


def _int(text: str | None) -> int | None:
    number = _number(text)
    return None if number is None else round(number)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


# -- reading the page --------------------------------------------------------------


class _Page:
    """One parsed page, its two names and where its sections start."""

    def __init__(self, soup: BeautifulSoup, main: Tag, h1: Tag, names: tuple[str, str]) -> None:
        self.soup = soup
        self.main = main
        self.h1 = h1
        self.names = names
        self.headings: dict[str, Tag] = {}
        self.browse: Tag | None = None
        self.issues: list[Issue] = []

    def warn(self, section: str, message: str) -> None:
        self.issues.append(Issue(section=section, severity="warning", message=message))

    def stops(self) -> list[Tag]:
        found = [self.h1, *self.headings.values()]
        return [*found, self.browse] if self.browse is not None else found

    def region(self, start: Tag) -> Iterator[Any]:
        """Everything after ``start`` (not inside it) up to the next section heading."""
        inside = set(map(id, start.descendants))
        stops = {id(tag) for tag in self.stops() if tag is not start}
        for element in start.next_elements:
            if id(element) in stops:
                return
            if id(element) not in inside:
                yield element

    def strings(self, start: Tag) -> list[NavigableString]:
        return [s for s in self.region(start) if isinstance(s, NavigableString) and s.strip()]

    def which(self, name: str) -> int | None:
        """0 for occupation A, 1 for B, None when ``name`` is neither."""
        name = clean(name).lower()
        return self.names.index(name) if name in self.names else None


def _find_page(soup: BeautifulSoup) -> _Page | None:
    main = soup.find("main") or soup.body
    if not isinstance(main, Tag):
        return None
    for h1 in main.find_all("h1"):
        parts = re.split(r"\s+vs\.?\s+", clean(h1.get_text()), maxsplit=1, flags=re.I)
        if len(parts) == 2:
            names = (parts[0].lower(), parts[1].lower())
            return _Page(soup, main, h1, names)
    return None


def _find_sections(page: _Page) -> None:
    for heading in page.main.find_all([*HEADING_TAGS, True], recursive=True):
        if heading.name not in HEADING_TAGS and heading.get("role") != "heading":
            continue
        text = clean(heading.get_text(" ")).lower()
        for key, ending in SECTION_ENDINGS.items():
            if key in page.headings or not text.endswith(ending):
                continue
            if key == "skills" and " vs " not in text:
                continue  # "Common ... skills" is a sub-heading
            page.headings[key] = heading
            break
    for link in page.main.find_all("a"):
        match = _BROWSE.match(clean(link.get_text(" ")))
        if match:
            page.browse = link
            break


# -- rows by their labels ------------------------------------------------------------


def _cells_after(label: Tag) -> list[Tag]:
    """The two value cells of a row: climb from the label until two siblings with text follow."""
    cell: Tag | None = label
    while cell is not None and cell is not label.find_parent("main"):
        cells = [c for c in cell.find_next_siblings() if c.get_text(strip=True)]
        if len(cells) >= 2:
            return cells[:2]
        cell = cell.parent
    return []


def _rows(page: _Page, section: str, labels: dict[str, str]) -> dict[str, list[Tag]]:
    """The value cells of each labelled row of ``section`` (label words -> two cells)."""
    heading = page.headings.get(section)
    if heading is None:
        page.warn(section, f"no {section} section")
        return {}
    wanted = {label.lower(): key for key, label in labels.items()}
    rows: dict[str, list[Tag]] = {}
    for string in page.strings(heading):
        key = wanted.get(clean(string).lower())
        if key is not None and key not in rows and isinstance(string.parent, Tag):
            cells = _cells_after(string.parent)
            if cells:
                rows[key] = cells
    for key, label in labels.items():
        if key not in rows:
            page.warn(section, f"no row '{label}' in the {section} section")
    return rows


def _text(cell: Tag) -> str:
    return cell.get_text(" ")


def _shares(cell: Tag) -> list[dict[str, Any]]:
    return [
        {"category": clean(name), "share_pct": float(pct)}
        for name, pct in _SHARE.findall(clean(_text(cell)))
    ]


def _degree(text: str) -> tuple[str | None, float | None]:
    value = _value(text)
    if value is None:
        return None, None
    name, _, pct = value.rpartition(",")
    return (clean(name), _number(pct)) if name else (value, None)


def _city(text: str) -> tuple[str | None, str | None]:
    value = _value(text)
    if value is None:
        return None, None
    city, _, state = value.rpartition(",")
    return (clean(city), clean(state)) if city else (value, None)


def _range(text: str) -> tuple[int | None, int | None]:
    numbers = [round(float(n.replace(",", ""))) for n in _NUMBER.findall(_value(text) or "")]
    return (numbers[0], numbers[1]) if len(numbers) >= 2 else (None, None)


Reader = Callable[[Tag], dict[str, Any]]


def _plain(field: str, read: Callable[[str], Any]) -> Reader:
    return lambda cell: {field: read(_text(cell))}


def _pair(first: str, second: str, read: Callable[[str], tuple[Any, Any]]) -> Reader:
    def reader(cell: Tag) -> dict[str, Any]:
        a, b = read(_text(cell))
        return {first: a, second: b}

    return reader


OVERVIEW = {
    "yearly_salary_usd": ("Yearly salary", _plain("yearly_salary_usd", _int)),
    "hourly_rate_usd": ("Hourly rate", _plain("hourly_rate_usd", _number)),
    "growth_rate_pct": ("Growth rate", _plain("growth_rate_pct", _number)),
    "job_count": ("Number of jobs", _plain("job_count", _int)),
    "job_satisfaction": ("Job satisfaction", _plain("job_satisfaction", _number)),
    "top_degree": ("Most common degree", _pair("top_degree", "top_degree_pct", _degree)),
    "avg_age_years": ("Average age", _plain("avg_age_years", _int)),
    "experience_years": ("Years of experience", _plain("experience_years", _int)),
}
SALARY = {
    "yearly_salary_usd": ("Average salary", _plain("yearly_salary_usd", _int)),
    "salary_range": ("Salary range", _pair("salary_min_usd", "salary_max_usd", _range)),
    "city": (
        "Highest paying City",
        _pair("highest_paying_city", "highest_paying_city_state", _city),
    ),
    "highest_paying_state": ("Highest paying state", _plain("highest_paying_state", _value)),
    "best_paying_company": ("Best paying company", _plain("best_paying_company", _value)),
    "best_paying_industry": ("Best paying industry", _plain("best_paying_industry", _value)),
}
EDUCATION = {
    "top_degree": ("Most common degree", _pair("top_degree", "top_degree_pct", _degree)),
    "top_major": ("Most common major", _plain("top_major", _value)),
    "top_college": ("Most common college", _plain("top_college", _value)),
}
DEMOGRAPHICS = {
    "avg_age_years": ("Average age", _plain("avg_age_years", _int)),
    "gender": ("Gender ratio", lambda cell: {"gender": _shares(cell)}),
    "race": ("Race ratio", lambda cell: {"race": _shares(cell)}),
    "lgbt_pct": ("LGBT Percentage", _plain("lgbt_pct", _number)),
}


def _table_section(
    page: _Page, section: str, spec: dict[str, tuple[str, Reader]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    rows = _rows(page, section, {key: label for key, (label, _) in spec.items()})
    a: dict[str, Any] = {}
    b: dict[str, Any] = {}
    for key, cells in rows.items():
        read = spec[key][1]
        a.update(read(cells[0]))
        b.update(read(cells[1]))
    return a, b


def _titles(page: _Page) -> list[str | None]:
    """The title-cased names of the overview's header row (a cell whose text is a name)."""
    titles: list[str | None] = [None, None]
    heading = page.headings.get("overview")
    for string in page.strings(heading) if heading is not None else []:
        index = page.which(string)
        if index is not None and titles[index] is None:
            titles[index] = clean(string)
        if all(titles):
            break
    return titles


# -- running text and lists ----------------------------------------------------------


def _intro(page: _Page) -> tuple[dict[str, Any], dict[str, Any]]:
    """Time to become each and their top three skills, from the paragraphs under the title."""
    text = " ".join(
        clean(element.get_text(" "))
        for element in page.region(page.h1)
        if isinstance(element, Tag) and element.name == "p"
    )
    a: dict[str, Any] = {}
    b: dict[str, Any] = {}
    for side, (low, high, unit) in zip((a, b), _TIME.findall(text)[:2], strict=False):
        months = 12 if unit.lower() == "year" else 1
        side["time_to_become_min_months"] = int(low) * months
        side["time_to_become_max_months"] = int(high or low) * months
    for name, skills in _TOP_SKILLS.findall(text):
        index = page.which(name)
        if index is not None:
            items = re.split(r",\s*(?:and\s+)?|\s+and\s+", skills)
            (a, b)[index]["top_skills"] = [clean(item) for item in items if item.strip()]
    if not a or not b:
        page.warn("intro", "no time to become or top skills in the intro")
    return a, b


def _descriptions(page: _Page) -> tuple[dict[str, Any], dict[str, Any]]:
    found: dict[int, Tag] = {}
    for string in page.main.find_all(string=_DESCRIPTION):
        match = _DESCRIPTION.match(clean(string))
        index = page.which(match.group(1)) if match else None
        if index is not None and index not in found:
            found[index] = _heading_element(string)
    sides: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    stops = {id(tag) for tag in (*page.stops(), *found.values())}
    for index, heading in found.items():
        paragraphs = []
        for element in heading.next_elements:
            if id(element) in stops:
                break
            if isinstance(element, Tag) and element.name == "p":
                paragraphs.append(clean(element.get_text(" ")))
        sides[index]["description"] = "\n\n".join(p for p in paragraphs if p)
    if len(found) < 2:
        page.warn("description", "no 'What does ... do?' heading for one of the occupations")
    return sides


def _heading_element(string: NavigableString) -> Tag:
    """The outermost element whose whole text is ``string`` (``<p><strong>..</strong></p>``)."""
    tag = string.parent
    assert tag is not None
    text = clean(string)
    while tag.parent is not None and clean(tag.parent.get_text(" ")) == text:
        tag = tag.parent
    return tag


def _items_after(heading: Tag) -> list[Tag]:
    """A sub-heading's items: the children of the one list that follows it, or its siblings."""
    following = [
        tag
        for tag in heading.find_next_siblings()
        if clean(tag.get_text(" ")).lower() not in ("", "show more")
    ]
    if len(following) == 1:
        return following[0].find_all(recursive=False)
    return following


def _sub_headings(page: _Page, section: str, pattern: re.Pattern[str]) -> dict[int, Tag]:
    heading = page.headings.get(section)
    if heading is None:
        page.warn(section, f"no {section} section")
        return {}
    found: dict[int, Tag] = {}
    for string in page.strings(heading):
        match = pattern.match(clean(string))
        index = page.which(match.group(1)) if match else None
        if index is not None and index not in found:
            found[index] = _heading_element(string)
    if len(found) < 2:
        page.warn(section, f"the {section} section lacks a list for one of the occupations")
    return found


def _duties(page: _Page) -> tuple[dict[str, Any], dict[str, Any]]:
    sides: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    for index, heading in _sub_headings(page, "duties", _DUTIES_HEADING).items():
        texts = [clean(item.get_text(" ")) for item in _items_after(heading)]
        sides[index]["responsibilities"] = [t for t in texts if t and t.lower() != "show more"]
    return sides


def _skills(page: _Page) -> tuple[dict[str, Any], dict[str, Any]]:
    sides: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    for index, heading in _sub_headings(page, "skills", _SKILLS_HEADING).items():
        skills = []
        for item in _items_after(heading):
            for name, pct in _SHARE.findall(clean(item.get_text(""))):
                skills.append({"name": clean(name), "share_pct": float(pct)})
        sides[index]["skills"] = skills
    return sides


# -- the record ------------------------------------------------------------------------


def extract_page_bs4(html: str | bytes, url: str | None = None) -> PageRecord:
    """The page's record, read with BeautifulSoup; problems become issues, never exceptions."""
    try:
        return _extract(html, url)
    except Exception as exc:  # the same contract as careerdiff's extractor
        issue = Issue(section="page", severity="error", message=f"{type(exc).__name__}: {exc}")
        return PageRecord(url=url, title="", issues=[issue])


def _extract(html: str | bytes, url: str | None) -> PageRecord:
    soup = BeautifulSoup(html, "lxml")
    page = _find_page(soup)
    if page is None:
        title = soup.find("h1")
        issue = Issue(section="page", severity="error", message="not a comparison page")
        return PageRecord(url=url, title=clean(title.get_text()) if title else "", issues=[issue])
    _find_sections(page)
    sides: list[dict[str, Any]] = [{}, {}]
    readers: tuple[tuple[str, Callable[[], tuple[dict[str, Any], dict[str, Any]]]], ...] = (
        ("intro", lambda: _intro(page)),
        ("overview", lambda: _table_section(page, "overview", OVERVIEW)),
        ("description", lambda: _descriptions(page)),
        ("salary", lambda: _table_section(page, "salary", SALARY)),
        ("education", lambda: _table_section(page, "education", EDUCATION)),
        ("demographics", lambda: _table_section(page, "demographics", DEMOGRAPHICS)),
        ("duties", lambda: _duties(page)),
        ("skills", lambda: _skills(page)),
    )
    for section, read in readers:
        _merge(page, section, read(), sides)
    titles = _titles(page)
    if None in titles:
        page.warn("overview", "no header row with the occupations' titles")
    occupations = []
    for index, side in enumerate(sides):
        name = titles[index] or " ".join(w[:1].upper() + w[1:] for w in page.names[index].split())
        _check_shares(page, side)
        occupations.append(Occupation(slug=_slug(name), title=name, **side))
    if page.browse is None:
        page.warn("browse", "no 'Browse ... jobs' link")
    browse = _BROWSE.match(clean(page.browse.get_text(" "))) if page.browse else None
    return PageRecord(
        url=url,
        title=clean(page.h1.get_text()),
        browse_category=browse.group(1) if browse else None,
        occupations=occupations,
        issues=page.issues,
    )


def _merge(
    page: _Page,
    section: str,
    part: tuple[dict[str, Any], dict[str, Any]],
    sides: list[dict[str, Any]],
) -> None:
    """Keep the first value of each field; a later section that disagrees gets a warning."""
    for side, values in zip(sides, part, strict=True):
        for key, value in values.items():
            known = side.get(key)
            if known is None:
                side[key] = value
            elif value is not None and value != known:
                page.warn(section, f"{key}: {value!r} here, {known!r} before")


def _check_shares(page: _Page, side: dict[str, Any]) -> None:
    for key in ("gender", "race"):
        shares = side.get(key) or []
        if shares and abs(sum(s["share_pct"] for s in shares) - 100) > 1.5:
            page.warn("demographics", f"{key} shares do not sum to 100")
