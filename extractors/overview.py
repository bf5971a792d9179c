"""The overview table: salary, hourly rate, growth, jobs, satisfaction, degree, age, experience.

Its header row is where the occupations' title-cased names come from.
"""

from __future__ import annotations

from extractors._context import PageContext, SectionResult, empty_result
from extractors._rows import Label, synonyms
from extractors._table import Table
from extractors._wordings import ANNUAL_WAGES, NEEDED, SCORE, wordings
from extractors.normalize import (
    hourly_beside,
    parse_float,
    parse_int,
    parse_labelled_share,
    parse_money,
    parse_percent,
)

SECTION = "overview"
TABLE = Table(
    SECTION,
    (
        Label("yearly_salary", "yearly salary", "year"),
        Label("hourly_rate", "hourly rate", "rate"),
        Label("growth_rate", "growth rate", "rate"),
        Label("job_count", "number of jobs", "job"),
        Label("job_satisfaction", "job satisfaction", "job"),
        Label("degree", "most common degree", "degree"),
        Label("age", "average age", "age"),
        Label("experience", "years of experience", "year"),
        # Other wordings of the same rows, seen on other sites' pages:
        *synonyms("yearly_salary", "salar", "annual salary", "average salary", "avg. salary"),
        *synonyms("yearly_salary", "salar", "median salary", "salary"),
        *synonyms("hourly_rate", "hour", "hourly wage", "hourly pay", "pay per hour"),
        # A salary's period in parentheses says which row it is: "Salary (hourly)".
        *synonyms("hourly_rate", "hour", "salary (hourly)", "pay (hourly)", "wage (hourly)"),
        *synonyms("growth_rate", "growth", "job growth", "projected growth", "growth"),
        *synonyms("job_count", "job", "jobs", "job openings", "open jobs", "total jobs"),
        *synonyms("job_count", "job", "jobs available", "available jobs", "jobs open"),
        *synonyms("job_count", "job", "jobs in the us", "jobs in the u.s.", "us jobs"),
        *synonyms("job_count", "job", "# of jobs", "no. of jobs"),
        *wordings("growth_rate", "employ", "employment growth", "projected employment growth"),
        *wordings("job_count", "employ", "employment (jobs)", "total employment", "employment"),
        *synonyms("degree", "degree", "top degree", "common degree"),
        *synonyms("age", "age", "median age", "avg. age"),
        *synonyms("experience", "experience", "avg. experience", "average experience"),
        *wordings("yearly_salary", "pay", "average pay", "yearly pay", "annual pay", "median pay"),
        *wordings("yearly_salary", "wage", *ANNUAL_WAGES),
        *wordings("growth_rate", "growth", "10-year growth"),
        *wordings(
            "growth_rate",
            "outlook",
            "growth outlook",
            "employment outlook",
            "job outlook",
            "outlook",
        ),
        *wordings("job_count", "position", "open positions"),
        *wordings("job_satisfaction", "satisf", "job satisfaction", "satisfaction", tails=SCORE),
        *wordings("degree", "degree", "typical degree", "degree", tails=NEEDED),
        *wordings("degree", "entry", "typical entry-level education", "entry-level education"),
        *wordings(
            "degree",
            "level",
            "most common education level",
            "typical education level",
            "education level",
        ),
        *wordings(
            "age", "age", "typical age", "average worker age", "avg. worker age", "worker age"
        ),
        *wordings(
            "experience",
            "experience",
            "years of experience",
            "typical experience",
            "work experience in a related occupation",
            "work experience",
            "experience",
            tails=NEEDED,
        ),
    ),
    with_names=True,
)


def extract_overview(ctx: PageContext) -> SectionResult:
    """The overview's values for A and B, plus each one's ``title`` from the header row."""
    readers = TABLE.read(ctx)
    if readers is None:
        return empty_result()
    result: SectionResult = ({}, {})
    for fields, row in zip(result, readers, strict=True):
        if row.title:
            fields["title"] = row.title
        fields["yearly_salary_usd"] = row.value("yearly_salary", parse_money)
        fields["hourly_rate_usd"] = row.value("hourly_rate", parse_float)
        if fields["hourly_rate_usd"] is None:  # "Median pay: $61,590 per year, $29.61 per hour"
            fields["hourly_rate_usd"] = hourly_beside(row.text("yearly_salary"))
        fields["growth_rate_pct"] = row.value("growth_rate", parse_percent)
        fields["job_count"] = row.value("job_count", parse_int)
        fields["job_satisfaction"] = row.value("job_satisfaction", parse_float)
        fields["top_degree"], fields["top_degree_pct"] = parse_labelled_share(row.text("degree"))
        fields["avg_age_years"] = row.value("age", parse_int)
        fields["experience_years"] = row.value("experience", parse_int)
    return result
