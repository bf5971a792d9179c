"""The analysts' views (SPEC section 3): the stable interface over the tables.

Each view is plain SQL both back-ends run; the one difference, how a timestamp
becomes text, comes from :func:`models.dialect.timestamp_as_text`. Every
timestamp in every view is UTC ISO-8601 text of fixed width
(``2026-01-31T08:15:00.000000Z``), so both back-ends return the same values and
text order is time order.

Migrations create the views through :func:`create_statements`.
"""

from __future__ import annotations

from collections.abc import Callable

from models.dialect import timestamp_as_text

#: Every view and its columns, in order.
VIEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "occupations": (
        "slug",
        "title",
        "description",
        "time_to_become_min_months",
        "time_to_become_max_months",
        "yearly_salary_usd",
        "hourly_rate_usd",
        "growth_rate_pct",
        "job_count",
        "job_satisfaction",
        "top_degree",
        "top_degree_pct",
        "avg_age_years",
        "experience_years",
        "salary_min_usd",
        "salary_max_usd",
        "highest_paying_city",
        "highest_paying_city_state",
        "highest_paying_state",
        "best_paying_company",
        "best_paying_industry",
        "top_major",
        "top_college",
        "lgbt_pct",
        "source_url",
        "first_seen_at",
        "last_seen_at",
    ),
    "occupation_skills": ("slug", "skill", "share_pct", "rank"),
    "occupation_demographics": ("slug", "dimension", "category", "share_pct"),
    "occupation_responsibilities": ("slug", "position", "text"),
    "comparisons": (
        "url",
        "title",
        "slug_a",
        "slug_b",
        "browse_category",
        "first_seen_at",
        "last_seen_at",
    ),
    "occupation_changes": ("slug", "field", "old_value", "new_value", "changed_at", "source_url"),
    "parse_issues": ("url", "section", "severity", "message", "seen_at"),
}

_OCCUPATION_SCALARS = VIEW_COLUMNS["occupations"][1:-3]


def _definitions(ts: Callable[[str], str]) -> dict[str, str]:
    scalars = ",\n       ".join(f"o.{name}" for name in _OCCUPATION_SCALARS)
    return {
        "occupations": f"""
SELECT o.slug,
       {scalars},
       p.url AS source_url,
       {ts("o.first_seen_at")} AS first_seen_at,
       {ts("o.last_seen_at")} AS last_seen_at
FROM occupation AS o
LEFT JOIN comparison_page AS p ON p.id = o.source_page_id""",
        "occupation_skills": """
SELECT o.slug, s.name AS skill, os.share_pct, os.rank
FROM occupation_skill AS os
JOIN occupation AS o ON o.id = os.occupation_id
JOIN skill AS s ON s.id = os.skill_id""",
        "occupation_demographics": """
SELECT o.slug, d.dimension, d.category, d.share_pct
FROM occupation_demographic AS d
JOIN occupation AS o ON o.id = d.occupation_id""",
        "occupation_responsibilities": """
SELECT o.slug, r.position, r.text
FROM occupation_responsibility AS r
JOIN occupation AS o ON o.id = r.occupation_id""",
        "comparisons": f"""
SELECT p.url, p.title, p.slug_a, p.slug_b, p.browse_category,
       {ts("p.first_seen_at")} AS first_seen_at,
       {ts("p.last_seen_at")} AS last_seen_at
FROM comparison_page AS p""",
        "occupation_changes": f"""
SELECT o.slug, c.field, c.old_value, c.new_value,
       {ts("c.changed_at")} AS changed_at,
       p.url AS source_url
FROM occupation_change AS c
JOIN occupation AS o ON o.id = c.occupation_id
LEFT JOIN comparison_page AS p ON p.id = c.source_page_id""",
        "parse_issues": f"""
SELECT p.url, i.section, i.severity, i.message,
       {ts("i.seen_at")} AS seen_at
FROM page_issue AS i
JOIN comparison_page AS p ON p.id = i.page_id""",
    }


def create_statements(dialect_name: str) -> list[str]:
    """``CREATE VIEW`` statements for every view, for ``dialect_name``."""

    def ts(expression: str) -> str:
        return timestamp_as_text(dialect_name, expression)

    return [f"CREATE VIEW {name} AS{sql}" for name, sql in _definitions(ts).items()]


def drop_statements() -> list[str]:
    """``DROP VIEW`` statements for every view."""
    return [f"DROP VIEW IF EXISTS {name}" for name in reversed(VIEW_COLUMNS)]
