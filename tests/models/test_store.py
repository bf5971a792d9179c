"""The store on both back-ends: views hold exactly the facts, reruns change nothing,
changes are recorded once, the latest fetch wins, and a failed batch loses nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from store_factories import (
    HOUR,
    T0,
    all_views,
    item,
    occupation,
    one,
    page,
    tables,
    view,
)

from careerdiff.errors import ConfigError, LoadError
from extractors.records import SCALAR_FIELDS, Issue, Occupation, PageRecord, Share, Skill
from models import LoadItem, Store, migrate
from models import store as store_module
from models.views import VIEW_COLUMNS


def ts(moment: Any) -> str:
    return str(moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))


def as_dicts(rows: list[tuple[Any, ...]], view_name: str) -> list[dict[str, Any]]:
    return [dict(zip(VIEW_COLUMNS[view_name], row, strict=True)) for row in rows]


def three_pages() -> list[PageRecord]:
    """Three pages over four occupations; the nurse is on two of them."""
    nurse = occupation("registered-nurse", yearly_salary_usd=77600)
    return [
        page(occupation("patient-coordinator"), nurse),
        page(nurse, occupation("medical-assistant", yearly_salary_usd=36000)),
        page(occupation("office-clerk", yearly_salary_usd=31000), occupation("receptionist")),
    ]


def test_a_page_lands_in_every_view_exactly_as_extracted(store: Store) -> None:
    a = occupation("patient-coordinator", job_satisfaction=3.8)
    b = occupation(
        "certified-medical-technician",
        yearly_salary_usd=38859,
        skills=[Skill(name="Patients", share_pct=17.0), Skill(name="Vital Signs", share_pct=None)],
    )
    issue = Issue(section="education", severity="warning", message="degrees disagree")
    record = page(a, b, issues=(issue,))

    summary = store.load([item(record)])

    occupations = {
        row["slug"]: row for row in as_dicts(view(store.engine, "occupations"), "occupations")
    }
    assert set(occupations) == {a.slug, b.slug}
    for expected in (a, b):
        row = occupations[expected.slug]
        assert {name: row[name] for name in SCALAR_FIELDS} == {
            name: getattr(expected, name) for name in SCALAR_FIELDS
        }
        assert row["source_url"] == record.url
        assert row["first_seen_at"] == row["last_seen_at"] == ts(T0)
    assert view(store.engine, "occupation_skills") == sorted(
        (
            (occupation.slug, skill.name, skill.share_pct, rank)
            for occupation in (a, b)
            for rank, skill in enumerate(occupation.skills, start=1)
        ),
        key=repr,
    )
    assert view(store.engine, "occupation_demographics") == sorted(
        (
            (occupation.slug, dimension, share.category, share.share_pct)
            for occupation in (a, b)
            for dimension in ("gender", "race")
            for share in getattr(occupation, dimension)
        ),
        key=repr,
    )
    assert view(store.engine, "occupation_responsibilities") == sorted(
        (
            (occupation.slug, position, text)
            for occupation in (a, b)
            for position, text in enumerate(occupation.responsibilities, start=1)
        ),
        key=repr,
    )
    assert view(store.engine, "comparisons") == [
        (record.url, record.title, a.slug, b.slug, record.browse_category, ts(T0), ts(T0))
    ]
    assert view(store.engine, "parse_issues") == [
        (record.url, "education", "warning", "degrees disagree", ts(T0))
    ]
    assert view(store.engine, "occupation_changes") == []
    assert (summary.pages, summary.pages_new, summary.occupations_new, summary.issues) == (
        1,
        1,
        2,
        1,
    )


def test_importing_the_same_pages_twice_changes_nothing(store: Store) -> None:
    items = [item(record, T0 + n * HOUR) for n, record in enumerate(three_pages())]
    first = store.load(items)
    before = tables(store.engine)

    second = store.load(items)

    assert tables(store.engine) == before
    assert (first.occupations_new, first.pages_new) == (5, 3)
    assert (second.occupations_new, second.occupations_changed) == (0, 0)
    assert second.occupations_unchanged == 5
    assert (second.pages_unchanged, second.changes) == (3, 0)
    assert dict(second.page_outcomes) == {i.url: "unchanged" for i in items}


def test_an_occupation_on_many_pages_is_one_row(store: Store) -> None:
    store.load(item(record) for record in three_pages())

    slugs = [row[0] for row in view(store.engine, "occupations")]
    assert sorted(slugs) == sorted(set(slugs)) and len(slugs) == 5
    assert (
        one(store.engine, "SELECT count(*) FROM occupation_skills WHERE slug = 'registered-nurse'")
        == 3
    )


def test_a_newer_fetch_with_the_same_facts_only_moves_last_seen(store: Store) -> None:
    records = three_pages()
    store.load(item(record, T0) for record in records)
    before = all_views(store.engine)

    summary = store.load(item(record, T0 + HOUR) for record in records)

    after = all_views(store.engine)
    for name in ("occupation_skills", "occupation_demographics", "occupation_responsibilities"):
        assert after[name] == before[name]
    assert after["occupation_changes"] == [] and after["parse_issues"] == before["parse_issues"]
    last_seen = VIEW_COLUMNS["occupations"].index("last_seen_at")
    assert [row[:last_seen] for row in after["occupations"]] == [
        row[:last_seen] for row in before["occupations"]
    ]
    assert {row[last_seen] for row in after["occupations"]} == {ts(T0 + HOUR)}
    assert {row[-1] for row in after["comparisons"]} == {ts(T0 + HOUR)}
    assert one(store.engine, "SELECT count(*) FROM page_fetch") == 6  # provenance of both fetches
    assert (summary.occupations_unchanged, summary.pages_unchanged) == (5, 3)


def test_one_changed_figure_records_exactly_one_change(store: Store) -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    store.load([item(page(a, b), T0)])
    raised = a.model_copy(update={"yearly_salary_usd": 35000})

    summary = store.load([item(page(raised, b), T0 + HOUR)])

    url = page(a, b).url
    assert view(store.engine, "occupation_changes") == [
        (a.slug, "yearly_salary_usd", "32954", "35000", ts(T0 + HOUR), url)
    ]
    assert (
        one(store.engine, f"SELECT yearly_salary_usd FROM occupations WHERE slug = '{a.slug}'")
        == 35000
    )
    assert (summary.occupations_changed, summary.occupations_unchanged, summary.changes) == (
        1,
        1,
        1,
    )
    assert dict(summary.page_outcomes) == {url: "changed"}


def test_the_later_fetch_wins_whatever_the_load_order(new_db_url: Callable[[], str]) -> None:
    nurse_then = occupation("registered-nurse", yearly_salary_usd=70000, lgbt_pct=5.0)
    nurse_now = occupation("registered-nurse", yearly_salary_usd=77600, lgbt_pct=5.0)
    older = item(page(occupation("patient-coordinator"), nurse_then), T0)
    newer = item(page(nurse_now, occupation("medical-assistant")), T0 + HOUR)
    orders = {
        "in fetch order": [[older], [newer]],
        "newest first": [[newer], [older]],
        "in one batch, newest first": [[newer, older]],
    }
    results = {}
    for name, loads in orders.items():
        with Store.open(new_db_url()) as store:
            for items in loads:
                store.load(items)
            results[name] = all_views(store.engine)

    expected = results["in fetch order"]
    assert results["newest first"] == expected
    assert results["in one batch, newest first"] == expected
    assert expected["occupation_changes"] == [
        ("registered-nurse", "yearly_salary_usd", "70000", "77600", ts(T0 + HOUR), newer.url)
    ]
    nurse = next(
        row
        for row in as_dicts(expected["occupations"], "occupations")
        if row["slug"] == "registered-nurse"
    )
    assert (nurse["yearly_salary_usd"], nurse["source_url"]) == (77600, newer.url)
    assert (nurse["first_seen_at"], nurse["last_seen_at"]) == (ts(T0), ts(T0 + HOUR))


def test_pages_fetched_at_the_same_instant_that_disagree_settle_once(
    new_db_url: Callable[[], str],
) -> None:
    low = item(page(occupation("nurse", top_major="Biology"), occupation("x"), url="https://t/a"))
    high = item(page(occupation("nurse", top_major="Nursing"), occupation("y"), url="https://t/b"))
    results = []
    for order in ([low, high], [high, low]):
        with Store.open(new_db_url(), batch_size=1) as store:
            store.load(order)
            rerun = store.load(order)
            results.append(all_views(store.engine))
            assert rerun.changes == 0
    assert results[0] == results[1]
    assert [row[1:4] for row in results[0]["occupation_changes"]] == [
        ("top_major", "Biology", "Nursing")
    ]


def test_an_old_page_loaded_late_changes_nothing_once_history_explains_it(store: Store) -> None:
    versions = [occupation("registered-nurse", yearly_salary_usd=s) for s in (70000, 74000, 77600)]
    other = occupation("office-clerk")
    items = [item(page(v, other), T0 + n * HOUR) for n, v in enumerate(versions)]
    store.load(items)
    before = tables(store.engine)

    summary = store.load([items[0]])  # a reparse of the oldest fetch

    assert tables(store.engine) == before
    assert summary.changes == 0
    assert [row[2:4] for row in view(store.engine, "occupation_changes")] == [
        ("70000", "74000"),
        ("74000", "77600"),
    ]


def test_a_missing_section_never_erases_what_is_known(store: Store) -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    store.load([item(page(a, b), T0)])
    before = all_views(store.engine)
    without_demographics = a.model_copy(
        update={"gender": [], "race": [], "lgbt_pct": None, "avg_age_years": None, "skills": []}
    )

    summary = store.load([item(page(without_demographics, b), T0 + HOUR)])

    after = all_views(store.engine)
    assert after["occupation_demographics"] == before["occupation_demographics"]
    assert after["occupation_skills"] == before["occupation_skills"]
    row = as_dicts(view(store.engine, "occupations"), "occupations")[1]
    assert (row["slug"], row["lgbt_pct"], row["avg_age_years"]) == (a.slug, 7.0, 40)
    assert after["occupation_changes"] == []
    assert summary.occupations_changed == 0


def test_a_value_learned_later_fills_in_without_a_change(store: Store) -> None:
    unknown = occupation("patient-coordinator", job_satisfaction=None, top_major=None)
    known = occupation("patient-coordinator", job_satisfaction=3.8, top_major="Business")
    store.load([item(page(unknown, occupation("office-clerk")), T0 + HOUR)])

    summary = store.load([item(page(known, occupation("receptionist")), T0)])  # older, loaded late

    row = next(
        r
        for r in as_dicts(view(store.engine, "occupations"), "occupations")
        if r["slug"] == known.slug
    )
    assert (row["job_satisfaction"], row["top_major"]) == (3.8, "Business")
    assert view(store.engine, "occupation_changes") == []
    assert summary.occupations_changed == 1


def test_a_changed_list_is_replaced_whole_and_other_lists_are_left_alone(store: Store) -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    store.load([item(page(a, b), T0)])
    before = tables(store.engine)
    new_skills = [Skill(name="Patients", share_pct=28.0), Skill(name="Scheduling", share_pct=9.0)]

    store.load([item(page(a.model_copy(update={"skills": new_skills}), b), T0 + HOUR)])

    after = tables(store.engine)
    assert [row[1:] for row in view(store.engine, "occupation_skills") if row[0] == a.slug] == [
        ("Patients", 28.0, 1),
        ("Scheduling", 9.0, 2),
    ]
    assert [
        row[1:] for row in view(store.engine, "occupation_skills") if row[0] == b.slug
    ] == sorted(((s.name, s.share_pct, rank) for rank, s in enumerate(b.skills, start=1)), key=repr)
    for untouched in (
        "occupation_demographic",
        "occupation_responsibility",
        "occupation_top_skill",
    ):
        assert after[untouched] == before[untouched]
    assert view(store.engine, "occupation_changes") == []


def test_a_demographic_dimension_is_replaced_on_its_own(store: Store) -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    store.load([item(page(a, b), T0)])
    gender = [Share(category="Female", share_pct=90.0), Share(category="Male", share_pct=10.0)]

    store.load([item(page(a.model_copy(update={"gender": gender, "race": []}), b), T0 + HOUR)])

    rows = [row[1:] for row in view(store.engine, "occupation_demographics") if row[0] == a.slug]
    assert [r for r in rows if r[0] == "gender"] == [
        ("gender", "Female", 90.0),
        ("gender", "Male", 10.0),
    ]
    assert len([r for r in rows if r[0] == "race"]) == len(a.race)


def test_parse_issues_are_those_of_the_pages_latest_parse(store: Store) -> None:
    a, b = occupation("patient-coordinator"), occupation("office-clerk")
    two = (
        Issue(section="skills", severity="warning", message="skills missing"),
        Issue(section="salary", severity="warning", message="salaries disagree"),
    )
    store.load([item(page(a, b, issues=two), T0)])
    store.load([item(page(a, b, issues=two), T0)])
    assert len(view(store.engine, "parse_issues")) == 2  # a rerun piles nothing up

    store.load([item(page(a, b, issues=two[:1]), T0, version=2)])  # a reparse of that fetch
    assert [row[1:4] for row in view(store.engine, "parse_issues")] == [
        ("skills", "warning", "skills missing")
    ]

    store.load([item(page(a, b), T0 + HOUR)])
    assert view(store.engine, "parse_issues") == []

    store.load([item(page(a, b, issues=two), T0 - HOUR)])  # an older fetch says nothing now
    assert view(store.engine, "parse_issues") == []


def test_a_page_that_could_not_be_read_becomes_issue_rows(store: Store) -> None:
    broken = PageRecord(
        url="https://careers.test/about",
        title="",
        issues=[Issue(section="page", severity="error", message="not a comparison page")],
    )

    summary = store.load([item(broken)])

    assert view(store.engine, "comparisons") == [
        (broken.url, None, None, None, None, ts(T0), ts(T0))
    ]
    assert view(store.engine, "parse_issues") == [
        (broken.url, "page", "error", "not a comparison page", ts(T0))
    ]
    assert view(store.engine, "occupations") == []
    assert (summary.pages_new, summary.issues) == (1, 1)


def test_values_a_database_would_refuse_become_load_issues(store: Store) -> None:
    odd = occupation(
        "patient-coordinator",
        title="Patient\x00 Coordinator",
        job_count=2**70,
        hourly_rate_usd=float("nan"),
        skills=[Skill(name="CPR", share_pct=8.0), Skill(name="CPR", share_pct=6.0)],
    )
    nameless = Occupation(slug="", title="Nobody")

    store.load(
        [item(PageRecord(url="https://careers.test/odd", title="Odd", occupations=[odd, nameless]))]
    )

    row = as_dicts(view(store.engine, "occupations"), "occupations")[0]
    assert (row["title"], row["job_count"], row["hourly_rate_usd"]) == (
        "Patient Coordinator",
        None,
        None,
    )
    assert [r[1:] for r in view(store.engine, "occupation_skills")] == [("CPR", 8.0, 1)]
    load_issues = [r for r in view(store.engine, "parse_issues") if r[1] == "load"]
    assert len(load_issues) == 4  # job_count, hourly_rate_usd, the second CPR, the nameless one
    assert any("job_count" in r[3] for r in load_issues)


def test_a_failed_batch_rolls_back_only_itself(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [*three_pages(), page(occupation("cook"), occupation("baker"))]
    real_write = store_module.write_batch
    calls = []

    def fail_second_batch(connection: sa.Connection, pages: Any) -> Any:
        calls.append(len(pages))
        result = real_write(connection, pages)
        if len(calls) == 2:
            raise OperationalError("INSERT ...", {}, Exception("disk I/O error"))
        return result

    monkeypatch.setattr(store_module, "write_batch", fail_second_batch)
    with Store.open(db_url, batch_size=2) as store, pytest.raises(LoadError) as error:
        store.load(item(record) for record in records)

    assert "rolled back" in str(error.value) and "\n" not in str(error.value)
    assert error.value.transient
    with Store.open(db_url) as store:
        assert [row[0] for row in view(store.engine, "comparisons")] == sorted(
            (r.url for r in records[:2]), key=repr
        )
        assert one(store.engine, "SELECT count(*) FROM occupations") == 3


def test_a_new_database_is_created_at_the_newest_revision(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    with Store.open(db_url) as store:  # and opened again as it is
        assert view(store.engine, "occupations") == []


def test_a_page_needs_a_url() -> None:
    record = PageRecord(url=None, title="No address")
    with pytest.raises(LoadError, match="URL"):
        LoadItem(record=record, fetched_at=T0, content_hash=None, extractor_version=1)


@pytest.mark.parametrize(
    "url",
    ["not a url", "mysql://user@localhost/db", "postgresql+asyncpg://user@localhost/db"],
)
def test_a_bad_database_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="database URL"):
        Store.open(url)


@pytest.mark.postgres
def test_an_unreachable_server_is_a_one_line_load_error() -> None:
    with pytest.raises(LoadError) as error:
        Store.open("postgresql+psycopg://nobody:secret@127.0.0.1:1/test")
    message = str(error.value)
    assert "cannot open the database" in message and "\n" not in message
    assert "secret" not in message
    assert error.value.transient
