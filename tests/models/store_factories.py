"""Records, load items and database helpers for the store's tests."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from extractors.records import Issue, Occupation, PageRecord, Share, Skill
from models import LoadItem
from models.schema import metadata
from models.views import VIEW_COLUMNS

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
PG_CONNINFO = "host=127.0.0.1 port=5432 dbname=test"


@functools.cache
def postgres_user() -> str:
    """The first role the local server lets in (``postgres``, else ``root``)."""
    for user in ("postgres", "root"):
        try:
            psycopg.connect(f"{PG_CONNINFO} user={user}", connect_timeout=5).close()
        except psycopg.OperationalError:
            continue
        return user
    raise RuntimeError("the PostgreSQL server on 127.0.0.1:5432 lets neither postgres nor root in")


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose ``search_path`` is a new, empty schema; the schema is dropped afterwards."""
    user, schema = postgres_user(), f"careerdiff_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{PG_CONNINFO} user={user}", autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"postgresql+psycopg://{user}@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(f"{PG_CONNINFO} user={user}", autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def occupation(slug: str, **changes: Any) -> Occupation:
    """A fully known occupation (the seed page's patient coordinator, renamed)."""
    facts: dict[str, Any] = {
        "slug": slug,
        "title": slug.replace("-", " ").title(),
        "description": f"A {slug.replace('-', ' ')} keeps things running.\n\nThey also help.",
        "time_to_become_min_months": 24,
        "time_to_become_max_months": 48,
        "top_skills": ["patients", "customer service", "patient care"],
        "yearly_salary_usd": 32954,
        "hourly_rate_usd": 15.84,
        "growth_rate_pct": -4.0,
        "job_count": 97878,
        "job_satisfaction": None,
        "top_degree": "Bachelor's Degree",
        "top_degree_pct": 40.0,
        "avg_age_years": 40,
        "experience_years": 4,
        "salary_min_usd": 25000,
        "salary_max_usd": 41000,
        "highest_paying_city": "Brockton",
        "highest_paying_city_state": "MA",
        "highest_paying_state": "Massachusetts",
        "best_paying_company": "University of California, Berkeley",
        "best_paying_industry": "Health Care",
        "top_major": "Business",
        "top_college": "University of Pennsylvania",
        "lgbt_pct": 7.0,
        "gender": [
            Share(category="Male", share_pct=11.2),
            Share(category="Female", share_pct=88.8),
        ],
        "race": [
            Share(category="Black or African American", share_pct=11.1),
            Share(category="Unknown", share_pct=5.3),
            Share(category="Hispanic or Latino", share_pct=25.4),
            Share(category="Asian", share_pct=6.2),
            Share(category="White", share_pct=51.4),
            Share(category="American Indian and Alaska Native", share_pct=0.7),
        ],
        "responsibilities": [
            "Comply with HIPAA regulations.",
            "Gather personal plus insurance information.",
            "Respond in writing to all grievances.",
        ],
        "skills": [
            Skill(name="Patients", share_pct=30.0),
            Skill(name="Customer Service", share_pct=11.0),
            Skill(name="CPR", share_pct=6.0),
        ],
    }
    facts.update(changes)
    return Occupation(**facts)


def page(
    a: Occupation,
    b: Occupation,
    *,
    url: str | None = None,
    browse_category: str | None = "office and administrative",
    issues: tuple[Issue, ...] = (),
) -> PageRecord:
    """A comparison page of ``a`` and ``b``."""
    return PageRecord(
        url=url or f"https://careers.test/{a.slug}-jobs/{a.slug}-vs-{b.slug}-differences",
        title=f"{a.title} vs {b.title.lower()}",
        browse_category=browse_category,
        occupations=[a, b],
        issues=list(issues),
    )


def item(record: PageRecord, fetched_at: datetime = T0, *, version: int = 1) -> LoadItem:
    return LoadItem(
        record=record,
        fetched_at=fetched_at,
        content_hash=f"hash-of-{record.url}-{fetched_at.isoformat()}",
        extractor_version=version,
    )


def view(engine: Engine, name: str) -> list[tuple[Any, ...]]:
    """Every row of a view, in a stable order."""
    columns = ", ".join(f'"{column}"' for column in VIEW_COLUMNS[name])
    with engine.connect() as connection:
        rows = connection.execute(sa.text(f"SELECT {columns} FROM {name}")).all()
    return sorted((tuple(row) for row in rows), key=repr)


def all_views(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    return {name: view(engine, name) for name in VIEW_COLUMNS}


def tables(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: to show that nothing was touched."""
    with engine.connect() as connection:
        return {
            name: sorted((tuple(row) for row in connection.execute(sa.select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


def one(engine: Engine, sql: str, **params: Any) -> Any:
    with engine.connect() as connection:
        return connection.execute(sa.text(sql), params).scalar_one()
