"""Write one batch of pages in one transaction: read what is stored, merge, upsert.

A batch costs a fixed number of statements whatever its size: one SELECT per
table to read what is stored, then executemany upserts, deletes and inserts.
The caller holds the transaction; :func:`write_batch` takes the write lock
first, so what it reads cannot change before it writes.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from extractors.records import SCALAR_FIELDS
from models import dialect
from models.items import Outcome
from models.merge import (
    OccupationMerge,
    OccupationRow,
    PageMerge,
    PageRow,
    fetch_order,
    is_newer,
    merge_occupation,
    merge_page,
)
from models.prepare import LIST_NAMES, OccupationFacts, PageFacts
from models.tables import (
    ComparisonPage,
    Occupation,
    OccupationChange,
    OccupationDemographic,
    OccupationResponsibility,
    OccupationSkill,
    OccupationTopSkill,
    PageFetch,
    PageIssue,
    Skill,
)

_T = TypeVar("_T")

#: At most this many values in one ``IN (...)`` list.
_IN_CHUNK = 2000


def _table(model: Any) -> sa.Table:
    table: sa.Table = model.__table__
    return table


PAGE = _table(ComparisonPage)
FETCH = _table(PageFetch)
ISSUE = _table(PageIssue)
OCCUPATION = _table(Occupation)
SKILL = _table(Skill)
OCCUPATION_SKILL = _table(OccupationSkill)
TOP_SKILL = _table(OccupationTopSkill)
DEMOGRAPHIC = _table(OccupationDemographic)
RESPONSIBILITY = _table(OccupationResponsibility)
CHANGE = _table(OccupationChange)

_DIGEST_COLUMNS = {name: f"{name}_digest" for name in LIST_NAMES}
_PAGE_COLUMNS = ("title", "slug_a", "slug_b", "browse_category", "first_seen_at", "last_seen_at")


@dataclass(slots=True)
class BatchResult:
    """What one batch did, per page and per occupation."""

    page_outcomes: dict[str, Outcome] = field(default_factory=dict)
    occupation_outcomes: dict[str, Outcome] = field(default_factory=dict)
    issues: int = 0
    changes: int = 0


class _Statements:
    """The batch's statements for one SQL dialect, built once."""

    def __init__(self, name: str) -> None:
        self.upsert_page = dialect.upsert(name, PAGE, ["url"], [*_PAGE_COLUMNS, "issues_digest"])
        self.upsert_fetch = dialect.upsert(
            name,
            FETCH,
            ["page_id", "fetched_at"],
            ["content_hash", "extractor_version"],
            only_if_different=True,
        )
        occupation_columns = [
            *SCALAR_FIELDS,
            "source_page_id",
            "first_seen_at",
            "last_seen_at",
            *_DIGEST_COLUMNS.values(),
        ]
        self.upsert_occupation = dialect.upsert(name, OCCUPATION, ["slug"], occupation_columns)
        self.add_skill = dialect.insert_or_ignore(name, SKILL, ["name"])


@functools.cache
def _statements(dialect_name: str) -> _Statements:
    return _Statements(dialect_name)


def write_batch(connection: Connection, pages: Sequence[PageFacts]) -> BatchResult:
    """Store ``pages`` through ``connection`` (whose transaction the caller commits)."""
    dialect.lock_for_write(connection)
    sql = _statements(connection.dialect.name)
    ordered = sorted(pages, key=fetch_order)
    result = BatchResult(issues=sum(len(page.issues) for page in ordered))

    page_merges = _merge_pages(connection, ordered)
    page_ids = _write_pages(connection, sql, page_merges)
    _write_fetches(connection, sql, ordered, page_ids)
    _write_issues(connection, page_merges, page_ids)

    occupation_merges = _merge_occupations(connection, ordered)
    page_ids.update(_source_page_ids(connection, occupation_merges, page_ids))
    occupation_ids = _write_occupations(connection, sql, occupation_merges, page_ids)
    _write_lists(connection, sql, occupation_merges, occupation_ids)
    result.changes = _write_changes(connection, occupation_merges, occupation_ids, page_ids)

    changing_urls = set().union(*(m.changing_urls for m in occupation_merges.values()))
    for url, page in page_merges.items():
        result.page_outcomes[url] = _outcome(page.is_new, page.changed or url in changing_urls)
    for slug, occupation in occupation_merges.items():
        result.occupation_outcomes[slug] = _outcome(occupation.is_new, occupation.changed)
    return result


def _outcome(is_new: bool, changed: bool) -> Outcome:
    if is_new:
        return "new"
    return "changed" if changed else "unchanged"


# --- pages -----------------------------------------------------------------------------


def _merge_pages(connection: Connection, pages: Sequence[PageFacts]) -> dict[str, PageMerge]:
    by_url: dict[str, list[PageFacts]] = defaultdict(list)
    for page in pages:
        by_url[page.url].append(page)
    stored = {row.url: row for row in _read_pages(connection, list(by_url))}
    return {url: merge_page(stored.get(url), fetches) for url, fetches in by_url.items()}


def _read_pages(connection: Connection, urls: list[str]) -> Iterator[PageRow]:
    columns = [
        PAGE.c.id,
        PAGE.c.url,
        *(PAGE.c[name] for name in _PAGE_COLUMNS),
        PAGE.c.issues_digest,
    ]
    for chunk in _chunks(urls):
        for row in connection.execute(sa.select(*columns).where(PAGE.c.url.in_(chunk))):
            yield PageRow(
                id=row.id,
                url=row.url,
                title=row.title,
                slug_a=row.slug_a,
                slug_b=row.slug_b,
                browse_category=row.browse_category,
                first_seen_at=row.first_seen_at,
                last_seen_at=row.last_seen_at,
                issues_digest=row.issues_digest,
            )


def _write_pages(
    connection: Connection, sql: _Statements, merges: dict[str, PageMerge]
) -> dict[str, int]:
    rows = [
        {"url": merge.row.url, "issues_digest": merge.row.issues_digest}
        | {name: getattr(merge.row, name) for name in _PAGE_COLUMNS}
        for merge in merges.values()
        if merge.touched
    ]
    if rows:
        connection.execute(sql.upsert_page, rows)
    ids = {url: merge.row.id for url, merge in merges.items() if merge.row.id is not None}
    ids.update(_ids_of(connection, PAGE.c.url, PAGE.c.id, [u for u in merges if u not in ids]))
    return ids


def _write_fetches(
    connection: Connection, sql: _Statements, pages: Sequence[PageFacts], page_ids: dict[str, int]
) -> None:
    rows = {
        (page.url, page.fetched_at): {
            "page_id": page_ids[page.url],
            "fetched_at": page.fetched_at,
            "content_hash": page.content_hash,
            "extractor_version": page.extractor_version,
        }
        for page in pages
    }
    connection.execute(sql.upsert_fetch, list(rows.values()))


def _write_issues(
    connection: Connection, merges: dict[str, PageMerge], page_ids: dict[str, int]
) -> None:
    replaced = [merge for merge in merges.values() if merge.new_issues is not None]
    stale_ids = [page_ids[merge.row.url] for merge in replaced if not merge.is_new]
    for chunk in _chunks(stale_ids):
        connection.execute(sa.delete(ISSUE).where(ISSUE.c.page_id.in_(chunk)))
    rows = [
        {
            "page_id": page_ids[merge.row.url],
            "position": position,
            "section": issue.section,
            "severity": issue.severity,
            "message": issue.message,
            "seen_at": merge.issues_seen_at,
        }
        for merge in replaced
        for position, issue in enumerate(merge.new_issues or (), start=1)
    ]
    if rows:
        connection.execute(sa.insert(ISSUE), rows)


# --- occupations -----------------------------------------------------------------------


def _merge_occupations(
    connection: Connection, pages: Sequence[PageFacts]
) -> dict[str, OccupationMerge]:
    by_slug: dict[str, list[tuple[PageFacts, OccupationFacts]]] = defaultdict(list)
    for page in pages:
        for occupation in page.occupations:
            by_slug[occupation.slug].append((page, occupation))
    stored = {row.slug: row for row in _read_occupations(connection, list(by_slug))}
    late = [row for slug, row in stored.items() if not is_newer(by_slug[slug][0][0], row)]
    _read_last_changes(connection, late)
    return {slug: merge_occupation(stored.get(slug), seen) for slug, seen in by_slug.items()}


def _read_occupations(connection: Connection, slugs: list[str]) -> Iterator[OccupationRow]:
    columns = [
        OCCUPATION.c.id,
        OCCUPATION.c.slug,
        *(OCCUPATION.c[name] for name in SCALAR_FIELDS),
        *(OCCUPATION.c[column] for column in _DIGEST_COLUMNS.values()),
        OCCUPATION.c.first_seen_at,
        OCCUPATION.c.last_seen_at,
        PAGE.c.url.label("source_url"),
    ]
    query = sa.select(*columns).select_from(
        OCCUPATION.outerjoin(PAGE, PAGE.c.id == OCCUPATION.c.source_page_id)
    )
    for chunk in _chunks(slugs):
        for row in connection.execute(query.where(OCCUPATION.c.slug.in_(chunk))).mappings():
            yield OccupationRow(
                id=row["id"],
                slug=row["slug"],
                scalars={name: row[name] for name in SCALAR_FIELDS},
                digests={name: row[column] for name, column in _DIGEST_COLUMNS.items()},
                first_seen_at=row["first_seen_at"],
                last_seen_at=row["last_seen_at"],
                source_url=row["source_url"],
            )


def _read_last_changes(connection: Connection, rows: list[OccupationRow]) -> None:
    """Fill ``last_change_at`` of ``rows``: only needed when older pages arrive late."""
    by_id = {row.id: row for row in rows}
    query = sa.select(CHANGE.c.occupation_id, CHANGE.c.field, sa.func.max(CHANGE.c.changed_at))
    query = query.group_by(CHANGE.c.occupation_id, CHANGE.c.field)
    for chunk in _chunks(list(by_id)):
        for occupation_id, name, changed_at in connection.execute(
            query.where(CHANGE.c.occupation_id.in_(chunk))
        ):
            by_id[occupation_id].last_change_at[name] = changed_at


def _source_page_ids(
    connection: Connection, merges: dict[str, OccupationMerge], known: dict[str, int]
) -> dict[str, int]:
    """Page ids of source URLs outside this batch: rows and changes that keep a stored source."""
    urls = {merge.row.source_url for merge in merges.values() if merge.touched}
    urls.update(change.source_url for merge in merges.values() for change in merge.changes)
    wanted = [url for url in urls if url is not None and url not in known]
    return _ids_of(connection, PAGE.c.url, PAGE.c.id, wanted)


def _write_occupations(
    connection: Connection,
    sql: _Statements,
    merges: dict[str, OccupationMerge],
    page_ids: dict[str, int],
) -> dict[str, int]:
    rows = [_occupation_values(merge.row, page_ids) for merge in merges.values() if merge.touched]
    if rows:
        connection.execute(sql.upsert_occupation, rows)
    ids = {slug: merge.row.id for slug, merge in merges.items() if merge.row.id is not None}
    new_slugs = [slug for slug in merges if slug not in ids]
    ids.update(_ids_of(connection, OCCUPATION.c.slug, OCCUPATION.c.id, new_slugs))
    return ids


def _occupation_values(row: OccupationRow, page_ids: dict[str, int]) -> dict[str, Any]:
    values: dict[str, Any] = {"slug": row.slug, **row.scalars}
    values.update({column: row.digests.get(name) for name, column in _DIGEST_COLUMNS.items()})
    values["source_page_id"] = page_ids.get(row.source_url) if row.source_url else None
    values["first_seen_at"] = row.first_seen_at
    values["last_seen_at"] = row.last_seen_at
    return values


def _write_lists(
    connection: Connection,
    sql: _Statements,
    merges: dict[str, OccupationMerge],
    occupation_ids: dict[str, int],
) -> None:
    """Replace every list that changed: delete the stored entries, insert the new ones."""
    replaced: dict[str, list[tuple[int, bool, tuple[Any, ...]]]] = defaultdict(list)
    for slug, merge in merges.items():
        for name, entries in merge.replaced_lists.items():
            replaced[name].append((occupation_ids[slug], merge.is_new, entries))

    skill_ids = _skill_ids(connection, sql, replaced.get("skills", []))
    for name, lists in replaced.items():
        old_ids = [occupation_id for occupation_id, is_new, _ in lists if not is_new]
        _delete_list(connection, name, old_ids)
        rows = [
            _list_row(name, occupation_id, position, entry, skill_ids)
            for occupation_id, _, entries in lists
            for position, entry in enumerate(entries, start=1)
        ]
        if rows:
            connection.execute(sa.insert(_LIST_TABLES[name]), rows)


_LIST_TABLES = {
    "skills": OCCUPATION_SKILL,
    "top_skills": TOP_SKILL,
    "gender": DEMOGRAPHIC,
    "race": DEMOGRAPHIC,
    "responsibilities": RESPONSIBILITY,
}


def _delete_list(connection: Connection, name: str, occupation_ids: list[int]) -> None:
    table = _LIST_TABLES[name]
    for chunk in _chunks(occupation_ids):
        statement = sa.delete(table).where(table.c.occupation_id.in_(chunk))
        if table is DEMOGRAPHIC:
            statement = statement.where(table.c.dimension == name)
        connection.execute(statement)


def _list_row(
    name: str, occupation_id: int, position: int, entry: Any, skill_ids: dict[str, int]
) -> dict[str, Any]:
    if name == "skills":
        skill, share = entry
        return {
            "occupation_id": occupation_id,
            "rank": position,
            "skill_id": skill_ids[skill],
            "share_pct": share,
        }
    if name in ("gender", "race"):
        category, share = entry
        return {
            "occupation_id": occupation_id,
            "dimension": name,
            "position": position,
            "category": category,
            "share_pct": share,
        }
    if name == "top_skills":
        return {"occupation_id": occupation_id, "position": position, "name": entry}
    return {"occupation_id": occupation_id, "position": position, "text": entry}


def _skill_ids(
    connection: Connection, sql: _Statements, lists: list[tuple[int, bool, tuple[Any, ...]]]
) -> dict[str, int]:
    names = sorted({skill for _, _, entries in lists for skill, _share in entries})
    if not names:
        return {}
    connection.execute(sql.add_skill, [{"name": name} for name in names])
    return _ids_of(connection, SKILL.c.name, SKILL.c.id, names)


def _write_changes(
    connection: Connection,
    merges: dict[str, OccupationMerge],
    occupation_ids: dict[str, int],
    page_ids: dict[str, int],
) -> int:
    rows = [
        {
            "occupation_id": occupation_ids[slug],
            "field": change.field,
            "old_value": change.old_value,
            "new_value": change.new_value,
            "changed_at": change.changed_at,
            "source_page_id": page_ids.get(change.source_url) if change.source_url else None,
        }
        for slug, merge in merges.items()
        for change in merge.changes
    ]
    if rows:
        connection.execute(sa.insert(CHANGE), rows)
    return len(rows)


# --- helpers ---------------------------------------------------------------------------


def _ids_of(
    connection: Connection, key: sa.Column[Any], id_column: sa.Column[Any], values: list[Any]
) -> dict[Any, int]:
    ids: dict[Any, int] = {}
    for chunk in _chunks(values):
        rows = connection.execute(sa.select(key, id_column).where(key.in_(chunk)))
        ids.update((value, row_id) for value, row_id in rows)
    return ids


def _chunks(values: Sequence[_T]) -> Iterable[Sequence[_T]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]
