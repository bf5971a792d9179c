"""The education table: most common degree (with its share), major and college."""

from __future__ import annotations

from extractors._context import PageContext, SectionResult, empty_result
from extractors._rows import Label, synonyms
from extractors._table import Table
from extractors._wordings import NEEDED, wordings
from extractors.normalize import parse_labelled_share, text_or_none

SECTION = "education"
TABLE = Table(
    SECTION,
    (
        Label("degree", "most common degree", "common"),
        Label("major", "most common major", "common"),
        Label("college", "most common college", "common"),
        *synonyms("degree", "degree", "top degree", "common degree"),
        *synonyms("major", "major", "top major", "common major"),
        *synonyms("college", "college", "top college", "common college"),
        *synonyms("college", "school", "most common school", "top school", "common school"),
        *synonyms("college", "univers", "top university", "most common university"),
        *wordings("degree", "degree", "typical degree", "degree", tails=NEEDED),
        *wordings("degree", "level", "education level"),
        *wordings("major", "major", "most popular major", "popular major", "major"),
        *wordings("major", "field", "common field of study", "field of study"),
        # "College" and "School" alone too: a one-word label is read with more words in
        # its text only after a separator or with a figure, so "College of Charleston"
        # stays a value.
        *wordings("college", "college", "most popular college", "popular college", "college"),
        *wordings("college", "school", "most popular school", "popular school", "school"),
    ),
)


def extract_education(ctx: PageContext) -> SectionResult:
    """The education section's values for A and B."""
    readers = TABLE.read(ctx)
    if readers is None:
        return empty_result()
    result: SectionResult = ({}, {})
    for fields, row in zip(result, readers, strict=True):
        fields["top_degree"], fields["top_degree_pct"] = parse_labelled_share(row.text("degree"))
        fields["top_major"] = text_or_none(row.text("major"))
        fields["top_college"] = text_or_none(row.text("college"))
    return result
