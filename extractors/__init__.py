"""Pure extraction: HTML text in, a :class:`PageRecord` out. No I/O here."""

from extractors.page import EXTRACTOR_VERSION, extract_page
from extractors.records import Issue, Occupation, PageRecord, Share, Skill

__all__ = [
    "EXTRACTOR_VERSION",
    "Issue",
    "Occupation",
    "PageRecord",
    "Share",
    "Skill",
    "extract_page",
]
