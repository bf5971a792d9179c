"""The salary table: average salary, salary range, highest paying city and state, best payers."""

from __future__ import annotations

import re

from extractors._context import PageContext, SectionResult, empty_result
from extractors._rows import Label, synonyms
from extractors._table import Table
from extractors._wordings import ANNUAL_WAGES, BY_PAY, wordings
from extractors.normalize import (
    is_null,
    parse_city_state,
    parse_money,
    parse_money_range,
    text_or_none,
)

SECTION = "salary"
TABLE = Table(
    SECTION,
    (
        Label("average_salary", "average salary", "salary"),
        Label("salary_range", "salary range", "salary"),
        Label("city", "highest paying city", "paying"),
        Label("state", "highest paying state", "paying"),
        Label("company", "best paying company", "paying"),
        Label("industry", "best paying industry", "paying"),
        *synonyms("average_salary", "salar", "avg. salary", "annual salary", "median salary"),
        *synonyms("salary_range", "range", "pay range", "salary range"),
        *synonyms("city", "paying", "top-paying city", "top paying city", "highest-paying city"),
        *synonyms(
            "state", "paying", "top-paying state", "top paying state", "highest-paying state"
        ),
        *synonyms("company", "paying", "top-paying company", "top paying company"),
        *synonyms("company", "paying", "best-paying company", "highest paying company"),
        *synonyms("industry", "paying", "top-paying industry", "top paying industry"),
        *synonyms("industry", "paying", "best-paying industry", "highest paying industry"),
        *wordings("average_salary", "pay", "average pay", "yearly pay", "annual pay"),
        *wordings("average_salary", "average", "yearly average", "annual average"),
        *wordings("average_salary", "wage", *ANNUAL_WAGES),
        *wordings("salary_range", "range", "earnings range", "wage range"),
        *wordings(
            "city",
            "city",
            "top city",
            "best-paying city",
            "highest-paying city",
            "city with highest pay",
            "city with the highest pay",
            tails=BY_PAY,
        ),
        *wordings(
            "state",
            "state",
            "top state",
            "best-paying state",
            "highest-paying state",
            "state with highest pay",
            "state with the highest pay",
            tails=BY_PAY,
        ),
        *wordings(
            "company",
            "employer",
            "top employer",
            "top-paying employer",
            "best-paying employer",
            "highest-paying employer",
            tails=BY_PAY,
        ),
        *wordings(
            "industry",
            "industr",
            "top industry",
            "best-paying industry",
            "highest-paying industry",
            tails=BY_PAY,
        ),
    ),
    # "..., with most salaries falling between $38,000 and $71,000": a range in a sentence.
    shapes={"salary_range": re.compile(r"between \$[\d,.]+k? and \$[\d,.]+k?", re.IGNORECASE)},
)


def extract_salary(ctx: PageContext) -> SectionResult:
    """The salary section's values for A and B (the average salary is ``yearly_salary_usd``)."""
    readers = TABLE.read(ctx)
    if readers is None:
        return empty_result()
    result: SectionResult = ({}, {})
    for fields, row in zip(result, readers, strict=True):
        fields["yearly_salary_usd"] = row.value("average_salary", parse_money)
        range_text = row.text("salary_range")
        low, high = parse_money_range(range_text)
        if low is None and high is None and not is_null(range_text):
            row.unreadable("salary_range")
        fields["salary_min_usd"], fields["salary_max_usd"] = low, high
        city, state = parse_city_state(row.text("city"))
        fields["highest_paying_city"], fields["highest_paying_city_state"] = city, state
        fields["highest_paying_state"] = text_or_none(row.text("state"))
        fields["best_paying_company"] = text_or_none(row.text("company"))
        fields["best_paying_industry"] = text_or_none(row.text("industry"))
    return result
