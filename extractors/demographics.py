"""The demographics table: average age, gender and race breakdowns, LGBT share."""

from __future__ import annotations

from typing import Any

from extractors._context import PageContext, SectionResult, empty_result
from extractors._rows import Label
from extractors._table import RowReader, Table
from extractors._wordings import wordings
from extractors.normalize import is_null, parse_int, parse_percent, parse_shares

SECTION = "demographics"
TABLE = Table(
    SECTION,
    (
        Label("age", "average age", "age"),
        Label("gender", "gender ratio", "ratio"),
        Label("race", "race ratio", "ratio"),
        Label("lgbt", "lgbt percentage", "age"),
        *wordings("age", "age", "median age", "avg. age", "typical age"),
        *wordings(
            "gender", "gender", "gender breakdown", "gender split", "gender makeup", "gender"
        ),
        *wordings("race", "race", "race/ethnicity", "race & ethnicity", "race breakdown", "race"),
        *wordings("race", "ethnic", "ethnic background", "ethnicity"),
        *wordings(
            "race",
            "racial",
            "racial and ethnic breakdown",
            "racial and ethnic makeup",
            "racial/ethnic breakdown",
            "racial makeup",
            "racial breakdown",
            "racial mix",
        ),
        *wordings(
            "lgbt",
            "lgbt",
            "identifies as lgbtq+",
            "identify as lgbtq+",
            "identifies as lgbt",
            "identify as lgbt",
            "lgbtq+ share",
            "lgbtq+ %",
            "lgbt share",
            "lgbtq+",
            "lgbtq",
            "lgbt",
        ),
    ),
)


def extract_demographics(ctx: PageContext) -> SectionResult:
    """The demographics section's values for A and B."""
    readers = TABLE.read(ctx)
    if readers is None:
        return empty_result()
    result: SectionResult = ({}, {})
    for fields, row in zip(result, readers, strict=True):
        fields["avg_age_years"] = row.value("age", parse_int)
        fields["gender"] = _shares(row, "gender")
        fields["race"] = _shares(row, "race")
        fields["lgbt_pct"] = row.value("lgbt", parse_percent)
    return result


def _shares(row: RowReader, key: str) -> list[dict[str, Any]]:
    """A breakdown as plain ``{"category", "share_pct"}`` mappings (the record validates them)."""
    text = row.text(key)
    shares = [{"category": name, "share_pct": pct} for name, pct in parse_shares(text)]
    if not shares and text is not None and not is_null(text):
        row.unreadable(key)
    return shares
