"""The record the extractors return: the hand-off between extract and load.

Its JSON is exactly SPEC section 2: key names carry their units, absent values
are ``None`` (never 0), and list order is page order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["warning", "error"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Share(_Record):
    """One category of a demographic breakdown, e.g. ``Female, 88.8%``."""

    category: str
    share_pct: float | None


class Skill(_Record):
    """One line of a "Common ... skills" list, e.g. ``Patients, 30%``."""

    name: str
    share_pct: float | None


class Issue(_Record):
    """Something the extractor noticed: a missing section, a disagreement, a bad value."""

    section: str
    severity: Severity
    message: str


class Occupation(_Record):
    """Everything one comparison page says about one of its two occupations."""

    slug: str
    title: str
    description: str | None = None
    time_to_become_min_months: int | None = None
    time_to_become_max_months: int | None = None
    top_skills: list[str] = Field(default_factory=list)
    yearly_salary_usd: int | None = None
    hourly_rate_usd: float | None = None
    growth_rate_pct: float | None = None
    job_count: int | None = None
    job_satisfaction: float | None = None
    top_degree: str | None = None
    top_degree_pct: float | None = None
    avg_age_years: int | None = None
    experience_years: int | None = None
    salary_min_usd: int | None = None
    salary_max_usd: int | None = None
    highest_paying_city: str | None = None
    highest_paying_city_state: str | None = None
    highest_paying_state: str | None = None
    best_paying_company: str | None = None
    best_paying_industry: str | None = None
    top_major: str | None = None
    top_college: str | None = None
    lgbt_pct: float | None = None
    gender: list[Share] = Field(default_factory=list)
    race: list[Share] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)


#: The scalar (non-list) fields of an occupation, in record order: the columns the
#: store keeps one value of and tracks changes to.
SCALAR_FIELDS: tuple[str, ...] = tuple(
    name
    for name, field in Occupation.model_fields.items()
    if name not in {"slug", "top_skills", "gender", "race", "responsibilities", "skills"}
)


class PageRecord(_Record):
    """One comparison page: its two occupations and what went wrong reading it."""

    url: str | None
    title: str
    browse_category: str | None = None
    occupations: list[Occupation] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)

    def to_json(self) -> str:
        """The page as one line of JSON, keys in SPEC order."""
        return self.model_dump_json()
