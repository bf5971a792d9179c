"""The views are SPEC section 3's interface, and both back-ends fill them identically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import HOUR, T0, all_views, item, occupation, page, postgres_schema

from extractors.records import SCALAR_FIELDS, Issue, Skill
from models import Store
from models.views import VIEW_COLUMNS

SPEC_VIEWS = {
    "occupations": ("slug", *SCALAR_FIELDS, "source_url", "first_seen_at", "last_seen_at"),
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


def test_the_views_are_those_of_the_spec() -> None:
    assert VIEW_COLUMNS == SPEC_VIEWS


def test_every_view_has_exactly_its_columns_in_the_database(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        for name, columns in SPEC_VIEWS.items():
            assert tuple(connection.execute(sa.text(f"SELECT * FROM {name}")).keys()) == columns


def test_timestamps_are_fixed_width_utc_text(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.load([item(page(occupation("a"), occupation("b")), T0.replace(microsecond=5))])
        with store.engine.connect() as connection:
            first_seen = connection.execute(
                sa.text("SELECT first_seen_at FROM comparisons")
            ).scalar()
    assert first_seen == "2026-03-01T12:00:00.000005Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", first_seen)


def _history() -> list[list]:  # type: ignore[type-arg]
    """Loads that exercise every view: new pages, changes, late pages, issues, bad values."""
    nurse = occupation("registered-nurse", yearly_salary_usd=70000, job_satisfaction=3.8)
    clerk = occupation("office-clerk", hourly_rate_usd=15.1, growth_rate_pct=-2.5)
    cook = occupation("cook", skills=[Skill(name="Food Safety", share_pct=None)], gender=[])
    issue = Issue(section="salary", severity="warning", message="salaries disagree: $1 vs $2")
    return [
        [item(page(nurse, clerk, issues=(issue,)), T0), item(page(clerk, cook), T0)],
        [item(page(nurse.model_copy(update={"yearly_salary_usd": 77600}), cook), T0 + HOUR)],
        [item(page(nurse.model_copy(update={"top_major": "Biology"}), clerk), T0 - HOUR)],
        [item(page(cook, occupation("baker", job_count=2**70)), T0 + 2 * HOUR)],
    ]


@pytest.mark.postgres
def test_sqlite_and_postgresql_fill_the_views_identically(tmp_path: Path) -> None:
    contents = []
    with postgres_schema() as pg_url:
        for url in (f"sqlite:///{tmp_path / 'same.db'}", pg_url):
            with Store.open(url) as store:
                for loads in _history():
                    store.load(loads)
                contents.append(all_views(store.engine))
    sqlite_views, postgres_views = contents
    assert all(sqlite_views[name] for name in VIEW_COLUMNS)  # every view has rows to compare
    assert sqlite_views == postgres_views
    for name in VIEW_COLUMNS:  # the same Python types, not only equal values
        for sqlite_row, postgres_row in zip(sqlite_views[name], postgres_views[name], strict=True):
            assert [type(v) for v in sqlite_row] == [type(v) for v in postgres_row]
