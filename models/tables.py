"""The store's tables: occupations and their lists, comparison pages, provenance, history.

Tables are singular (``occupation``); the analysts' views over them are plural
(``occupations``, see :mod:`models.views`). Natural keys are unique constraints;
positions and ranks are 1-based page order. Timestamps are :class:`UtcDateTime`.

The ``*_digest`` columns of ``occupation`` and ``comparison_page`` fingerprint a
stored list, so a load can tell whether a list changed without reading it back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Double,
    Index,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from models.base import use_with_sqlmodel
from models.dialect import UtcDateTime

use_with_sqlmodel(SQLModel)  # the tables below go on models.base.metadata

_CASCADE: Final = "CASCADE"


class ComparisonPage(SQLModel, table=True):
    """One loaded page, keyed by its URL; what its newest parse said about it.

    ``slug_a``/``slug_b`` name occupations by their natural key. They carry no
    foreign key: ``occupation.source_page_id`` already points the other way, and
    a cycle of foreign keys cannot be created on PostgreSQL in one step.
    """

    __tablename__ = "comparison_page"
    __table_args__ = (
        UniqueConstraint("url"),
        Index(None, "browse_category"),
        Index(None, "slug_a"),
        Index(None, "slug_b"),
    )

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text)
    title: str | None = Field(default=None, sa_type=Text)
    slug_a: str | None = Field(default=None, sa_type=Text)
    slug_b: str | None = Field(default=None, sa_type=Text)
    browse_category: str | None = Field(default=None, sa_type=Text)
    first_seen_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime)
    issues_digest: str | None = Field(default=None, sa_type=Text)


class PageFetch(SQLModel, table=True):
    """Provenance: one fetch of a page that was loaded, and what read it."""

    __tablename__ = "page_fetch"
    __table_args__ = (Index(None, "content_hash"),)

    page_id: int = Field(foreign_key="comparison_page.id", ondelete=_CASCADE, primary_key=True)
    fetched_at: datetime = Field(sa_type=UtcDateTime, primary_key=True)
    content_hash: str | None = Field(default=None, sa_type=Text)
    extractor_version: int


class PageIssue(SQLModel, table=True):
    """One issue of a page's newest parse."""

    __tablename__ = "page_issue"
    __table_args__ = (
        CheckConstraint("severity IN ('warning', 'error')", name="severity"),
        Index(None, "section", "severity"),
    )

    page_id: int = Field(foreign_key="comparison_page.id", ondelete=_CASCADE, primary_key=True)
    position: int = Field(primary_key=True)
    section: str = Field(sa_type=Text)
    severity: str = Field(sa_type=Text)
    message: str = Field(sa_type=Text)
    seen_at: datetime = Field(sa_type=UtcDateTime)


class Occupation(SQLModel, table=True):
    """One occupation, keyed by slug: every scalar of the record, units in the names."""

    __tablename__ = "occupation"
    __table_args__ = (
        UniqueConstraint("slug"),
        Index(None, "yearly_salary_usd"),
    )

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_type=Text)
    title: str | None = Field(default=None, sa_type=Text)
    description: str | None = Field(default=None, sa_type=Text)
    time_to_become_min_months: int | None = Field(default=None, sa_type=BigInteger)
    time_to_become_max_months: int | None = Field(default=None, sa_type=BigInteger)
    yearly_salary_usd: int | None = Field(default=None, sa_type=BigInteger)
    hourly_rate_usd: float | None = Field(default=None, sa_type=Double)
    growth_rate_pct: float | None = Field(default=None, sa_type=Double)
    job_count: int | None = Field(default=None, sa_type=BigInteger)
    job_satisfaction: float | None = Field(default=None, sa_type=Double)
    top_degree: str | None = Field(default=None, sa_type=Text)
    top_degree_pct: float | None = Field(default=None, sa_type=Double)
    avg_age_years: int | None = Field(default=None, sa_type=BigInteger)
    experience_years: int | None = Field(default=None, sa_type=BigInteger)
    salary_min_usd: int | None = Field(default=None, sa_type=BigInteger)
    salary_max_usd: int | None = Field(default=None, sa_type=BigInteger)
    highest_paying_city: str | None = Field(default=None, sa_type=Text)
    highest_paying_city_state: str | None = Field(default=None, sa_type=Text)
    highest_paying_state: str | None = Field(default=None, sa_type=Text)
    best_paying_company: str | None = Field(default=None, sa_type=Text)
    best_paying_industry: str | None = Field(default=None, sa_type=Text)
    top_major: str | None = Field(default=None, sa_type=Text)
    top_college: str | None = Field(default=None, sa_type=Text)
    lgbt_pct: float | None = Field(default=None, sa_type=Double)
    source_page_id: int | None = Field(default=None, foreign_key="comparison_page.id")
    first_seen_at: datetime = Field(sa_type=UtcDateTime)
    last_seen_at: datetime = Field(sa_type=UtcDateTime)
    skills_digest: str | None = Field(default=None, sa_type=Text)
    top_skills_digest: str | None = Field(default=None, sa_type=Text)
    gender_digest: str | None = Field(default=None, sa_type=Text)
    race_digest: str | None = Field(default=None, sa_type=Text)
    responsibilities_digest: str | None = Field(default=None, sa_type=Text)


class Skill(SQLModel, table=True):
    """A skill name, as a page writes it ("Patients", "CPR")."""

    __tablename__ = "skill"
    __table_args__ = (UniqueConstraint("name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text)


class OccupationSkill(SQLModel, table=True):
    """One line of an occupation's "Common ... skills" list."""

    __tablename__ = "occupation_skill"
    __table_args__ = (
        UniqueConstraint("occupation_id", "skill_id"),
        Index(None, "skill_id"),
    )

    occupation_id: int = Field(foreign_key="occupation.id", ondelete=_CASCADE, primary_key=True)
    rank: int = Field(primary_key=True)
    skill_id: int = Field(foreign_key="skill.id")
    share_pct: float | None = Field(default=None, sa_type=Double)


class OccupationTopSkill(SQLModel, table=True):
    """One of the intro's "top three skills", as written there."""

    __tablename__ = "occupation_top_skill"

    occupation_id: int = Field(foreign_key="occupation.id", ondelete=_CASCADE, primary_key=True)
    position: int = Field(primary_key=True)
    name: str = Field(sa_type=Text)


class OccupationDemographic(SQLModel, table=True):
    """One category of a gender or race breakdown."""

    __tablename__ = "occupation_demographic"
    __table_args__ = (
        UniqueConstraint("occupation_id", "dimension", "category"),
        CheckConstraint("dimension IN ('gender', 'race')", name="dimension"),
        Index(None, "dimension", "category"),
    )

    occupation_id: int = Field(foreign_key="occupation.id", ondelete=_CASCADE, primary_key=True)
    dimension: str = Field(sa_type=Text, primary_key=True)
    position: int = Field(primary_key=True)
    category: str = Field(sa_type=Text)
    share_pct: float | None = Field(default=None, sa_type=Double)


class OccupationResponsibility(SQLModel, table=True):
    """One item of an occupation's example responsibilities."""

    __tablename__ = "occupation_responsibility"

    occupation_id: int = Field(foreign_key="occupation.id", ondelete=_CASCADE, primary_key=True)
    position: int = Field(primary_key=True)
    text: str = Field(sa_type=Text)


class OccupationChange(SQLModel, table=True):
    """One scalar of one occupation going from one known value to another."""

    __tablename__ = "occupation_change"
    __table_args__ = (
        Index(None, "occupation_id", "field", "changed_at"),
        Index(None, "changed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    occupation_id: int = Field(foreign_key="occupation.id", ondelete=_CASCADE)
    field: str = Field(sa_type=Text)
    old_value: str = Field(sa_type=Text)
    new_value: str = Field(sa_type=Text)
    changed_at: datetime = Field(sa_type=UtcDateTime)
    source_page_id: int | None = Field(default=None, foreign_key="comparison_page.id")
