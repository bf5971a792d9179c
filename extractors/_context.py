"""What every section extractor is handed: the parsed page, its outline, and the issue log.

Section names in issues are stable (see ``SECTION_NAMES``) because the store keeps
them and analysts filter on them. A missing section or row is a warning; only a
page that cannot be read as a comparison at all is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from extractors._names import Names
from extractors._outline import Outline
from extractors.records import Issue, Severity

SECTION_NAMES = (
    "title",
    "intro",
    "overview",
    "description",
    "salary",
    "education",
    "demographics",
    "duties",
    "skills",
    "browse",
    "page",
)

#: The values a section read for occupation A and for occupation B, keyed by record field.
Fields = dict[str, Any]
SectionResult = tuple[Fields, Fields]


def empty_result() -> SectionResult:
    """A section that read nothing."""
    return {}, {}


@dataclass
class IssueLog:
    """Issues in the order they were noticed; the same issue is kept once."""

    items: list[Issue] = field(default_factory=list)

    def add(self, section: str, severity: Severity, message: str) -> None:
        issue = Issue(section=section, severity=severity, message=message)
        if issue not in self.items:
            self.items.append(issue)

    def warn(self, section: str, message: str) -> None:
        self.add(section, "warning", message)

    def error(self, section: str, message: str) -> None:
        self.add(section, "error", message)


@dataclass
class PageContext:
    """The parsed page, the two names from its title, and where its sections are."""

    tree: LexborHTMLParser
    names: Names
    outline: Outline
    issues: IssueLog
    #: B's column comes before A's in the tables (the overview's header row says so).
    columns_swapped: bool = False
    #: Each occupation's skill names, lower-case, once the skills section is read: they
    #: tell the intro's "food and beverage" from "food" and "beverage".
    skill_names: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
