"""The page's outline: which element heads which section, and what each section holds.

A section is found by the words of its heading, never by class names or
positions. Headings are looked for among h1-h6 and ``role="heading"`` first (one
CSS pass); a section not found there is looked for by its key word in any
element whose whole text is the heading (a bold ``<div>``, ``<p>``, ``<span>``).

A section's *region* is everything after its heading in document order, up to
the next heading the outline knows, as a list of subtrees. That works the same
whether sections are flat siblings, each in its own wrapper, or split across
wrappers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extractors._dom import (
    HEADING_TAGS,
    NON_CONTENT_TAGS,
    Node,
    ancestry_ids,
    attribute,
    has_block_child,
    in_hidden,
    value_text,
)
from extractors._names import Names

HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6, [role=heading]"

#: The sections an outline looks for (descriptions are keyed "description:0"/"description:1").
SECTIONS = ("overview", "salary", "education", "demographics", "duties", "skills")

#: The word searched for when a section's heading is not an h1-h6 or role=heading.
SECTION_KEYWORDS = {
    "overview": "overview",
    "salary": "salar",
    "education": "education",
    "demographics": "demographic",
    "duties": "responsibilities",
    "skills": "skills",
    "description": "what",  # no space after it: "What&nbsp;does" holds no "what "
}

#: "+ Show more", "+3 more": a plus may lead a control's words.
_CONTROL_WORDS = (
    r"(?:\+\s*)?(?:(?:show|see|view|read|load|display)\s+(?:\d+\s+)?(?:more|less|fewer|all)"
    r"|\d+\s+more|more|less)"
)
#: A toggle may hold both of its states' words, one hidden by a style ("Show moreShow less").
_CONTROL = re.compile(
    rf"{_CONTROL_WORDS}(?:\s*{_CONTROL_WORDS})?\b[\W\d]*(?:items?|responsibilities|skills)?[\W\d]*",
    re.IGNORECASE,
)
CONTROL_STARTS = frozenset("svrldm+0123456789")
#: The label of an advertisement placed between sections ("ADVERTISEMENT", "Sponsored"),
#: or the title of a widget of sponsored links (Taboola's and Outbrain's "You May Like").
AD_LABELS = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "sponsored links",
        "sponsored stories",
        "promoted",
        "promoted links",
        "promoted stories",
        "paid content",
        "you may like",
        "around the web",
        "recommended for you",
    }
)
_MAX_HEADING_CHARS = 220
#: What may surround a heading's words: punctuation, and a permalink's "#", "¶" or "🔗".
_HEADING_PADDING = " .:;!?#\u00b6\u00a7\U0001f517"
#: Elements never taken for headings (their text is code, or they hold the whole page).
_NEVER_HEADINGS = frozenset(
    {"script", "style", "noscript", "template", "body", "html", "head", "title"}
)
#: Words one of which every heading of ours holds (a cheap test before the patterns).
_HEADING_WORDS = (
    "overview",
    "salar",
    "education",
    "demographic",
    "responsib",
    "duties",
    "skills",
    " pay",
    "earnings",
    "wages",
    " facts",
    "compensation",
    "what do",
    "what is",
    "who works",
    "who becomes",
)
_INLINE_TAGS = frozenset({"span", "b", "strong", "em", "i", "a", "font", "u", "small", "mark"})
_COMPARE_WORDS = ("vs", "versus", "between", "compar", "differen")
_COMPARE = re.compile(r"\b(?:vs|versus|between|compared?|comparison|comparing|differences?)\b")
#: The last words of each section's heading.
_SUFFIXES = (
    ("duties", ("responsibilities", "duties")),
    ("overview", ("overview", "quick facts", "key facts", "fast facts")),
    ("salary", ("salary", "salaries", "pay", "earnings", "wages", "compensation")),
    ("education", ("education", "education and training", "education & training")),
    ("demographics", ("demographics",)),
    ("skills", ("skills",)),
)
_DESCRIPTION = re.compile(
    r"what (?:does|do) (?:an? |the )?(?P<name>.+?) do|what is (?:an? |the )?(?P<thing>.+)"
)
#: Sub-headings inside the duties and skills sections, for one occupation each.
SUBHEADING_OF = {"duties": "responsibilities", "skills": "skill_list"}

#: Elements whose content is never part of the comparison (menus, sidebars).
_SKIPPED_TAGS = frozenset({"nav", "aside"})
#: Elements that hold the site's chrome around the content.
_CHROME_TAGS = frozenset({"nav", "aside", "footer"})
_CHROME_ROLES = frozenset({"navigation", "complementary", "contentinfo"})
#: Elements that end a section when a walk reaches them.
_END_TAGS = frozenset({"footer"})
#: Elements a section's walk does not climb out of.
_LIMIT_TAGS = frozenset({"main", "article", "body", "html"})


@dataclass(slots=True)
class Candidate:
    """An element that may head a section, with its text and its place in document order."""

    node: Node
    text: str
    order: int
    is_heading: bool


@dataclass(slots=True)
class Kind:
    """What a heading's words say it heads: a section, or a part for one occupation."""

    name: str  # a SECTIONS key, "description", "responsibilities", "skill_list" or "name"
    occupation: int | None = None
    relevance: int = 3  # 3: names both occupations; 2: one and a comparing word; 1: only that


def is_heading_element(node: Node) -> bool:
    """An h1-h6, or an element that says it is a heading."""
    return node.tag in HEADING_TAGS or attribute(node, "role") == "heading"


def is_control(text: str) -> bool:
    """Whether an item's text is a "Show more"-like control rather than content."""
    if len(text) > 40 or text[:1].lower() not in CONTROL_STARTS:
        return False
    lowered = text.lower()
    if "more" not in lowered and "less" not in lowered and "all" not in lowered:
        return "fewer" in lowered and _CONTROL.fullmatch(text.strip()) is not None
    return _CONTROL.fullmatch(text.strip()) is not None  # (most headings fail above, cheaply)


def keyword_selector(keywords: tuple[str, ...]) -> str:
    """A selector for the elements whose own text holds any of ``keywords``."""
    return ", ".join(f'*:lexbor-contains("{keyword}" i)' for keyword in keywords)


def collect_candidates(root: Node | None, selector: str, limit: int = 400) -> list[Candidate]:
    """The elements ``selector`` finds, in document order, with their cleaned text.

    An element that is no heading element (a keyword's owner, a link) is widened
    to the element it sits in when it is inline, so ``<p><b>What does a
    nurse do?</b></p>`` yields the ``<p>``.
    """
    if root is None:
        return []
    return candidates_of(root.css(selector), limit)


def candidates_of(nodes: list[Node], limit: int = 400) -> list[Candidate]:
    """``collect_candidates`` of the nodes a CSS search found (in document order)."""
    seen: set[int] = set()
    out: list[Candidate] = []
    for node in nodes:
        tag = node.tag
        if tag in _NEVER_HEADINGS:
            continue
        text = value_text(node)
        heading = is_heading_element(node)
        if not heading:
            node, text = widen_inline(node, text)
        if node.mem_id in seen or not text or len(text) > _MAX_HEADING_CHARS:
            continue
        seen.add(node.mem_id)
        out.append(Candidate(node, text, len(out), heading))
        if len(out) >= limit:
            break
    return out


def widen_inline(node: Node, text: str) -> tuple[Node, str]:
    """Climb from an inline text owner (``<b>``, ``<span>``...) to the element it sits in."""
    for _ in range(3):
        parent = node.parent
        if parent is None or parent.tag in _LIMIT_TAGS or parent.tag in ("tr", "ul", "ol", "dl"):
            break
        if node.tag not in _INLINE_TAGS:
            break
        parent_text = value_text(parent)
        if len(parent_text) > _MAX_HEADING_CHARS:
            break
        if len(parent_text) > len(text) and has_block_child(parent):
            break  # the text owner heads what follows it in the parent (a list, a table)
        node, text = parent, parent_text
    return node, text


#: Words after a section's words that do not change what the heading heads.
_HEADING_TAILS = (
    " comparison",
    " compared",
    " breakdown",
    " at a glance",
    " table",
    " background",
    " faqs",
    " faq",
    " questions",
    " requirements",
    " needed",
    " that matter",
    " that matters",
    " employers want",
    " employers look for",
)


#: A short bracketed text: a wiki's "[edit]" link, a footnote's "[1]".
_BRACKETED = r"\[[^\[\]]{1,24}\]"
#: One at a heading's end: "Salary[edit]", "Skills [edit | edit source]".
_BRACKETED_TAIL = re.compile(rf"\s*{_BRACKETED}$")
_BRACKETED_ALONE = re.compile(_BRACKETED)
_BRACKETED_LEAD = re.compile(rf"^{_BRACKETED}\s*")
_PARENTHESES_AT_END = re.compile(r"\s*\(([^()]{1,40})\)$")


def is_bracketed_note(text: str) -> bool:
    """Whether ``text`` is only a wiki's "[edit]" link or a footnote mark ("[1]")."""
    return _BRACKETED_ALONE.fullmatch(text) is not None


#: What may come before a heading's words: icons and emoji (any characters that are no
#: letters), then a section number ("1.", "2)", "3 -", "4 ·", "02 ", "2.1 ").
_HEADING_LEAD = re.compile(
    r"[^\w]*(?:\d{1,2}(?:\.\d{1,2})*(?:\s*[.):\-\u00b7|\u2013\u2014]\s*|\s+))?[^\w]*"
)


#: Tails that make a heading naming no section the overview's: "A vs B: at a glance",
#: "Quick comparison".
_OVERVIEW_TAILS = (" at a glance", " comparison")
#: How a heading over the demographics may ask its question.
_WHO_WORKS = ("who works as ", "who works in ", "who becomes ")


def heading_words(text: str) -> str:
    """A heading's lower-case words, without a permalink mark, an icon or a section number
    before them ("2. Salary"), and without a trailing "comparison" or "requirements"
    ("Salary comparison" heads the salary section, "Education requirements" the
    education section)."""
    words = text.lower().strip(_HEADING_PADDING)
    if words.endswith("]"):  # a wiki's "[edit]" link, a footnote's "[1]"
        words = _BRACKETED_TAIL.sub("", words).strip(_HEADING_PADDING)
    if words.startswith("["):  # an older wiki skin's "[edit]" link before the words
        words = _BRACKETED_LEAD.sub("", words).strip(_HEADING_PADDING)
    if words.endswith(")"):  # "A vs B at a glance (overview)": the words in parentheses
        words = _PARENTHESES_AT_END.sub(r" \1", words).strip(_HEADING_PADDING)
    if words and not words[0].isalpha():  # an icon, an emoji or a number before the words
        words = _HEADING_LEAD.sub("", words, count=1)
    if words.endswith(_HEADING_TAILS):
        for tail in _HEADING_TAILS:
            if words.endswith(tail):
                words = words[: -len(tail)].rstrip(" :-")
                if tail in _OVERVIEW_TAILS and _section_of_words(words) is None:
                    words += " overview"  # "A vs B: at a glance", "Quick comparison"
                break
    elif words.startswith(_WHO_WORKS):  # "Who works as an A vs a B?" shows who they are
        words += " demographics"
    return words


_ENDING_SECTIONS = tuple((ending, section) for section, endings in _SUFFIXES for ending in endings)
_ALL_ENDINGS = tuple(ending for ending, _ in _ENDING_SECTIONS)
#: A heading that starts with a section's words is one when it is this short.
_MAX_START_WORDS = 12
#: Headings that are only a section's words ("Salary"): ours only after the title.
_BARE = {
    **dict(_ENDING_SECTIONS),
    "duties and responsibilities": "duties",
    "duties & responsibilities": "duties",
    "at a glance": "overview",
    # What a page calls its overview table when the heading names nothing else.
    "by the numbers": "overview",
    "the numbers": "overview",
    "key numbers": "overview",
}


#: A text with this many "label: value" colons is a card's lines, not a heading.
_MAX_COLONS = 3


def classify(text: str, names: Names) -> Kind | None:
    """What a heading's words say it heads, or ``None`` when it is no heading of ours.

    A section's words end the heading ("Chef vs line cook salary") or start it
    ("Salary comparison: chef vs line cook"); either way the heading must name
    the occupations or compare.
    """
    words = heading_words(text)
    if not words or len(words) > _MAX_HEADING_CHARS or words.count(": ") >= _MAX_COLONS:
        return None  # (lines of "Label: value" read as one text head nothing)
    if not any(map(f" {words}".__contains__, _HEADING_WORDS)):  # (" pay" may start it)
        occupation = names.exactly(words)
        return None if occupation is None else Kind("name", occupation)
    occupation = names.exactly(words)
    if occupation is not None:  # a name holding a section's word: "Accounts payable clerk"
        return Kind("name", occupation)
    if words.startswith("what "):
        match = _DESCRIPTION.fullmatch(words)
        if match is not None:
            occupation = names.exactly(match["name"] or match["thing"])
            if occupation is not None:
                return Kind("description", occupation)
        listed = _list_question(words, names)
        if listed is not None:
            return listed  # else a section's words may follow: "What they do: A vs B duties"
    section = _section_of(words)
    if section is None:
        return _list_for_one(words, names)
    named = names.indices(words)
    if len(named) == 2:  # the usual heading: whether it also compares does not matter
        return Kind(section, None, 3)
    compares = any(map(words.__contains__, _COMPARE_WORDS)) and _COMPARE.search(words) is not None
    if section in SUBHEADING_OF and len(named) == 1 and not compares:
        return Kind(SUBHEADING_OF[section], named.pop())
    if compares:
        return Kind(section, None, 2 if named else 1)
    return None


#: A list's sub-heading that names its occupation after its words: "Top 10 skills for a
#: nurse", "Key responsibilities of an LPN", "Duties of nurses".
_LIST_FOR = re.compile(
    r"(?:[\w'-]+ ){0,4}(?P<what>skills|responsibilities|duties)"
    r" (?:for|of|needed by|needed for) (?:an? |the )?(?P<name>[^.:;!?]+)"
)


#: A list's sub-heading asked as a question: "What skills does a nurse need?".
_LIST_QUESTION = re.compile(
    r"what (?:\w+ )?(?P<what>skills|duties|responsibilities|tasks) (?:does|do|will|should)"
    r" (?:an? |the )?(?P<name>.+?) (?:need|have|use|perform|list|bring|carry out)\b.*"
)


#: A duties list's sub-heading asked about one occupation's work: "What is a nurse
#: responsible for?", "What does a nurse do on a typical day?".
_DUTIES_QUESTION = re.compile(
    r"what (?:is|are) (?:an? |the )?(?P<name>.+?) responsible for"
    r"|what (?:does|do) (?:an? |the )?(?P<doer>.+?) do (?:on|in|during) (?:an? |the )?"
    r"(?:typical|normal|average|regular|usual) (?:day|week|shift|workday)"
)


def _list_question(words: str, names: Names) -> Kind | None:
    """The sub-heading "What skills does a <occupation> need?" or "What are the duties of
    a <occupation>?", or ``None``."""
    duties = _DUTIES_QUESTION.fullmatch(words)
    if duties is not None:
        occupation = names.exactly(duties["name"] or duties["doer"])
        return None if occupation is None else Kind("responsibilities", occupation)
    match = _LIST_QUESTION.fullmatch(words)
    if match is None:
        if words.startswith(("what are ", "what is ")):
            return _list_for_one(words.split(" ", 2)[2].removeprefix("the "), names)
        return None
    occupation = names.exactly(match["name"])
    if occupation is None:
        return None
    return Kind("skill_list" if match["what"] == "skills" else "responsibilities", occupation)


def _list_for_one(words: str, names: Names) -> Kind | None:
    """The sub-heading "<words> skills for a <occupation>", or ``None``."""
    if " for " not in words and " of " not in words and " by " not in words:
        return None
    match = _LIST_FOR.fullmatch(words)
    if match is None:
        return None
    occupation = names.exactly(match["name"])
    if occupation is None:
        return None
    kind = "skill_list" if match["what"] == "skills" else "responsibilities"
    return Kind(kind, occupation)


def _section_of(words: str) -> str | None:
    """The section whose words end ``words``, else the one whose words start a short heading,
    else the one whose words end a short lead before a colon ("Career overview: A vs B")."""
    section = _section_of_words(words)
    if section is None and ":" in words:
        lead = words.partition(":")[0].strip()
        if lead.count(" ") < _MAX_LEAD_WORDS:
            section = _section_of_words(lead)
    return section


#: Words before a colon that may name the section: "Career overview: A vs B".
_MAX_LEAD_WORDS = 3


#: Words that may stand before a section's words without changing what a heading heads:
#: "Key skills", "Job responsibilities", "Career overview", "Occupation overview", "Workforce
#: demographics", "Top skills", "In-demand skills", "Day-to-day duties".
#: Only these: "Salary by state" or "Related skills" head no section of ours.
_SECTION_LEADS = (
    "key ",
    "job ",
    "career ",
    "occupation ",
    "workforce ",
    "top ",
    "quick ",
    "side-by-side ",
    "core ",
    "essential ",
    "in-demand ",
    "day-to-day ",
    "daily ",
)


def _without_lead(words: str) -> str:
    """``words`` without one of ``_SECTION_LEADS`` before them."""
    return words.split(" ", 1)[1] if words.startswith(_SECTION_LEADS) else words


def _section_of_words(words: str) -> str | None:
    """The section whose words end or start ``words``, after one of ``_SECTION_LEADS`` or
    with it ("Quick facts: A vs B" starts with the overview's words "quick facts")."""
    bare = _without_lead(words)
    section = _section_at_an_end(bare)
    if section is None and bare is not words:
        section = _section_at_an_end(words)
    return section


def _section_at_an_end(words: str) -> str | None:
    if words.endswith(_ALL_ENDINGS):
        for ending, section in _ENDING_SECTIONS:
            if words.endswith(ending):
                cut = len(words) - len(ending)
                if cut and words[cut - 1].isalnum():
                    return None  # "...overviews", not a heading of ours
                return section
    if (
        words.startswith(_ALL_ENDINGS)
        and words.count(" ") < _MAX_START_WORDS
        and "." not in words.replace("vs.", "")  # a sentence is no heading
    ):
        for ending, section in _ENDING_SECTIONS:
            if words.startswith(ending):
                after = words[len(ending) : len(ending) + 1]
                return None if after.isalnum() else section
    return None


#: The longest heading whose words after a colon may be a bare section's: a paragraph of
#: "Label: value" lines ending "Best paying industry: Education" heads nothing.
_MAX_BARE_CHARS = 60


def bare_section(text: str) -> str | None:
    """The section a heading names with its words alone ("Salary", "Skills"), else ``None``.

    Menus have such headings too, so they count only after the title and only
    when no heading names the section with the occupations.
    """
    words = heading_words(text)
    section = _BARE.get(_without_lead(words))
    if section is None and len(words) <= _MAX_BARE_CHARS:
        # "What they do: duties and responsibilities", "Who earns more? Salary compared"
        last = max(words.rfind(":"), words.rfind("?"))
        if last > 0:
            section = _BARE.get(_without_lead(words[last + 1 :].strip()))
        elif " and " in words or " & " in words:
            section = _paired_section(words)
    return section


_PAIRED = re.compile(r" (?:and|&) ")


def _paired_section(words: str) -> str | None:
    """The one section that two words joined by "and" name: "Salary & pay", "Education and
    training" (the other words name no section); ``None`` when they name two or none."""
    named = {_BARE.get(_without_lead(part)) for part in _PAIRED.split(words, maxsplit=1)}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


#: The most words (in characters) a section's heading and the headline of its table may
#: have between them: one sentence leading in.
_MAX_LEAD_IN_CHARS = 160


@dataclass
class Outline:
    """The chosen heading of each section found, and the regions after them."""

    title: Node | None
    root_id: int | None = None  # the main content's id: walks never go above it
    headings: dict[str, Node] = field(default_factory=dict)
    boundary_ids: set[int] = field(default_factory=set)
    heading_ids: set[int] = field(default_factory=set)
    #: Sub-headings found among the page's headings (h1-h6, role=heading), in page order.
    subheadings: list[Subheading] = field(default_factory=list)
    _regions: dict[str, list[Node]] = field(default_factory=dict, repr=False)
    _headings_under: Counter[int] = field(default_factory=Counter, repr=False)

    def add_boundary(self, node: Node) -> None:
        """Make ``node`` end the region of any heading before it."""
        if node.mem_id in self.heading_ids:
            return
        self.heading_ids.add(node.mem_id)
        ids = ancestry_ids(node, stop_id=self.root_id)
        self.boundary_ids.update(ids)
        under = self._headings_under
        for node_id in ids:  # a plain count: Counter.update's checks cost more than this
            under[node_id] = under.get(node_id, 0) + 1
        self._regions.clear()

    def heads_the_content_of(self, node: Node, heading: Node) -> bool:
        """Whether ``node``, a heading of no section, ranks below the section heading
        ``heading`` and comes after nothing but a sentence leading in: the headline of the
        section's own table or chart ("Welder vs machinist overview", then a chart's "The
        numbers at a glance"; "... salary", "They are paid differently:", then a data
        table's "2 rows sorted by salary"), which no more ends the section than a caption
        would."""
        rank, section_rank = heading_rank(node), heading_rank(heading)
        if rank is None or section_rank is None or rank <= section_rank:
            return False
        ids = self.boundary_ids.union(ancestry_ids(node, stop_id=self.root_id))
        between = region_after(heading, ids, self.heading_ids | {node.mem_id})
        worded = [
            part
            for part in between
            if not (part.is_element_node and part.tag in NON_CONTENT_TAGS)
            and part.text(deep=True).strip()
        ]
        if not worded:
            return True
        lead_in = worded[0]
        return (
            len(worded) == 1
            and (lead_in.is_text_node or lead_in.tag == "p")
            and len(lead_in.text(deep=True).strip()) <= _MAX_LEAD_IN_CHARS
        )

    def search_roots(self, key: str) -> list[Node]:
        """Few nodes that hold ``key``'s region, for CSS searches (each search has a fixed cost).

        When the region is all that follows the heading inside one wrapper that
        holds no other heading, that wrapper is the one root.
        """
        region = self.region(key)
        if len(region) < 2:
            return region
        parent = region[0].parent
        if parent is None or parent.tag in _LIMIT_TAGS:
            return region
        parent_id = parent.mem_id
        if self._headings_under.get(parent_id) != 1:
            return region
        for node in region:
            node_parent = node.parent
            if node_parent is None or node_parent.mem_id != parent_id:
                return region
        return [parent]

    def region_to_a_section(self, key: str) -> list[Node]:
        """The subtrees after the heading of ``key`` up to the next section's heading, past
        headings of no section (a byline's, a sidebar's)."""
        heading = self.title if key == "title" else self.headings.get(key)
        if heading is None:
            return []
        boundary_ids: set[int] = set()
        heading_ids = {node.mem_id for node in self.headings.values()}
        for node in self.headings.values():
            boundary_ids.update(ancestry_ids(node, stop_id=self.root_id))
        return region_after(heading, boundary_ids, heading_ids)

    def region(self, key: str) -> list[Node]:
        """The subtrees after the heading of ``key``, up to the next boundary."""
        if key not in self._regions:
            heading = self.title if key == "title" else self.headings.get(key)
            found = (
                []
                if heading is None
                else region_after(heading, self.boundary_ids, self.heading_ids)
            )
            self._regions[key] = found
        return self._regions[key]


@dataclass(slots=True)
class Subheading:
    """A heading over one occupation's list: its kind (``SUBHEADING_OF``), whose, where."""

    kind: str
    occupation: int
    node: Node


@dataclass(slots=True)
class Choice:
    """The heading chosen for a section and how good a choice it is."""

    candidate: Candidate
    relevance: int
    after_title: bool
    #: Not in a menu, a sidebar or a footer (a table of contents), and shown (not in a
    #: hidden copy, such as a skeleton loader's); found out only when two choices are
    #: compared, since it walks up to the root.
    _in_content: bool | None = None
    _shown: bool | None = None

    @property
    def rank(self) -> tuple[int, int, int, int]:
        if self._in_content is None:
            node = self.candidate.node
            self._in_content = not (in_chrome(node) or _links_within_page(node))
        return int(self._in_content), int(self.shown), self.relevance, int(self.after_title)

    @property
    def shown(self) -> bool:
        if self._shown is None:
            self._shown = not in_hidden(self.candidate.node)
        return self._shown


#: A heading over both descriptions that names neither occupation ("What they do all day").
_WHAT_THEY_DO = ("what they do", "what do they do", "what the job involves")


def choose_headings(
    candidates: list[Candidate], names: Names, title_order: int | None
) -> tuple[dict[str, Choice], list[Candidate], list[Subheading]]:
    """The best candidate for each section and description, the headings that are none,
    and the sub-headings for one occupation ("Common nurse skills").

    Best is: outside menus, sidebars and footers (a table of contents repeats every
    heading) over inside them; then shown over hidden (a skeleton loader's copy); then
    names both occupations over names one over only says
    "vs"; then after the title over before it (menus come first); then first in the page.
    """
    best: dict[str, Choice] = {}
    foreign: list[Candidate] = []
    subheadings: list[Subheading] = []
    under_what_they_do = False  # after a "What they do" heading, a bare name heads a description
    for candidate in candidates:
        after_title = title_order is None or candidate.order > title_order
        text = candidate.text
        if text[:1].lower() in CONTROL_STARTS and is_control(text):
            continue  # "Show more" as an accordion's heading: neither a section nor an end
        kind = classify(text, names)
        if kind is None:
            if candidate.is_heading:
                foreign.append(candidate)
                under_what_they_do = after_title and heading_words(text).startswith(_WHAT_THEY_DO)
            bare = bare_section(candidate.text) if after_title else None
            if bare is not None and bare not in best and not in_chrome(candidate.node):
                best[bare] = Choice(candidate, 0, after_title)
            continue
        if kind.name == "name" and under_what_they_do and kind.occupation is not None:
            kind = Kind("description", kind.occupation, 1)
        elif kind.name != "name":
            under_what_they_do = False
        if kind.name in ("name", "responsibilities", "skill_list"):
            if kind.name != "name" and kind.occupation is not None:
                subheadings.append(Subheading(kind.name, kind.occupation, candidate.node))
            continue
        key = kind.name if kind.name != "description" else f"description:{kind.occupation}"
        choice = Choice(candidate, kind.relevance, after_title)
        if key not in best or choice.rank > best[key].rank:
            if key in best and not best[key].shown:
                foreign.append(best[key].candidate)  # a hidden copy's heading still ends
            best[key] = choice
        elif not choice.shown:
            foreign.append(candidate)  # what lies before it (a skeleton loader's copy)
    return best, foreign, subheadings


def _links_within_page(node: Node) -> bool:
    """Whether ``node`` is, holds only, or sits in a link to a place on the same page (a
    table of contents' entry: ``<li><a href="#salary">...</a></li>``)."""
    link = node if node.tag == "a" else node.css_first("a")
    if link is not None and link is not node and value_text(link) != value_text(node):
        link = None
    current: Node | None = link or node
    for _ in range(4):
        if current is None:
            return False
        if current.tag == "a":
            return (attribute(current, "href") or "").startswith("#")
        current = current.parent
    return False


def in_chrome(node: Node) -> bool:
    """Whether ``node`` sits in a menu, a sidebar or a footer (by tag, or by landmark role:
    a wiki's table of contents is a ``<div role="navigation">``)."""
    parent = node.parent
    while parent is not None:
        if parent.tag in _CHROME_TAGS or attribute(parent, "role") in _CHROME_ROLES:
            return True
        parent = parent.parent
    return False


def heading_rank(node: Node) -> int | None:
    """A heading's level: 2 for ``<h2>`` or ``aria-level="2"``; ``None`` when it has none."""
    tag = node.tag
    if tag in HEADING_TAGS:
        return int(tag[1])
    level = attribute(node, "aria-level")
    return int(level) if level is not None and level.isdigit() else None


def region_after(
    start: Node, boundary_ids: set[int], heading_ids: set[int], limit: int = 600
) -> list[Node]:
    """Everything after ``start`` in document order until a boundary, as whole subtrees.

    Climbs out of ``start``'s wrappers one level at a time, but not out of
    ``<main>``/``<article>``; a sibling that holds a later heading is opened and
    its children before that heading are kept. Menus and sidebars are skipped, a
    footer ends the walk.
    """
    out: list[Node] = []
    node = start
    while True:
        sibling = node.next
        while sibling is not None:
            sibling_id = sibling.mem_id
            if sibling_id in boundary_ids:
                if sibling_id not in heading_ids:
                    _collect_before_boundary(sibling, boundary_ids, heading_ids, out, limit)
                return out
            if sibling.is_element_node:
                tag = sibling.tag
                if tag in _END_TAGS:
                    return out
                if tag not in _SKIPPED_TAGS:
                    out.append(sibling)
                    if len(out) >= limit:
                        return out
            elif sibling.is_text_node:
                text = sibling.text_content
                if text and not text.isspace():
                    out.append(sibling)
            sibling = sibling.next
        parent = node.parent
        if parent is None or parent.tag in _LIMIT_TAGS:
            return out
        node = parent


def _collect_before_boundary(
    container: Node, boundary_ids: set[int], heading_ids: set[int], out: list[Node], limit: int
) -> None:
    """Keep ``container``'s children that come before the boundary inside it."""
    node: Node | None = container
    while node is not None and len(out) < limit:
        child = node.child
        node = None
        while child is not None:
            if child.mem_id in boundary_ids:
                if child.mem_id not in heading_ids:
                    node = child  # open it and go on inside
                break
            if child.is_element_node:
                if child.tag in _END_TAGS:
                    break
                if child.tag not in _SKIPPED_TAGS:
                    out.append(child)
            elif child.is_text_node:
                text = child.text_content
                if text and not text.isspace():
                    out.append(child)
            child = child.next
