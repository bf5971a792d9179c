"""The rules that decide what a load changes, as pure functions over plain values.

One page fetch is an *observation*. Observations of one occupation (or page)
are applied onto what the database holds in fetch order: by ``fetched_at``, and
two pages fetched at the same instant by URL, so that ties resolve the same way
in any load order. A row is as new as the newest observation applied to it
(``last_seen_at`` and ``source_url``).

* The first observation creates the row; that is not a change.
* An observation at least as new as the row wins: each scalar
  it knows that differs from a known stored value is updated and recorded as a
  :class:`Change` (old, new, its fetch time, its page).
* ``None`` never erases a known value, and an empty list never erases a known
  list: a page with a missing section says nothing about it. Learning a value
  that was unknown fills it in; that is not a change either (no old value).
* An observation older than the row (a reparse loading old pages late)
  does not overwrite. Where it knows a value the row lacks, it fills it in;
  where it disagrees with the row, the newer value evidently replaced it, so the
  change is recorded (old = its value, new = the row's, at the row's
  ``last_seen_at``) unless the history already holds a change of that field at
  or after its fetch. Loading two pages in either order thus leaves the same
  history, and loading them again adds nothing.
* A list is replaced as a whole, and only when it differs (by digest).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from models.prepare import IssueFacts, OccupationFacts, PageFacts, Scalar


@dataclass(frozen=True, slots=True)
class Change:
    """One scalar going from one known value to another."""

    field: str
    old_value: str
    new_value: str
    changed_at: datetime
    source_url: str | None


@dataclass(slots=True)
class OccupationRow:
    """What the database holds for one occupation (``id`` is ``None`` until inserted)."""

    id: int | None
    slug: str
    scalars: dict[str, Scalar]
    digests: dict[str, str | None]
    first_seen_at: datetime
    last_seen_at: datetime
    source_url: str | None
    #: Field -> the newest ``changed_at`` in the history (read only when needed).
    last_change_at: dict[str, datetime] = field(default_factory=dict)


@dataclass(slots=True)
class OccupationMerge:
    """The outcome of applying a batch's observations to one occupation."""

    row: OccupationRow
    is_new: bool
    touched: bool = False
    changes: list[Change] = field(default_factory=list)
    replaced_lists: dict[str, tuple[object, ...]] = field(default_factory=dict)
    #: Pages whose observation changed what is stored (or the history).
    changing_urls: set[str] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return not self.is_new and bool(self.changing_urls)


def merge_occupation(
    stored: OccupationRow | None, observations: Sequence[tuple[PageFacts, OccupationFacts]]
) -> OccupationMerge:
    """Apply ``observations`` (in fetch order) to ``stored`` (``None``: not stored yet)."""
    if not observations:
        raise ValueError("merge_occupation needs at least one observation")
    if stored is None:
        page, facts = observations[0]
        merge = OccupationMerge(row=_new_occupation(page, facts), is_new=True, touched=True)
        merge.replaced_lists = {name: entries for name, entries in facts.lists.items() if entries}
        merge.changing_urls.add(page.url)
        rest = observations[1:]
    else:
        merge = OccupationMerge(row=_copy(stored), is_new=False)
        rest = observations
    for page, facts in rest:
        if is_newer(page, merge.row):
            _apply_newer(merge, page, facts)
        else:
            _apply_older(merge, page, facts)
    if stored is not None:
        merge.touched = _row_differs(merge.row, stored)
    return merge


def fetch_order(page: PageFacts) -> tuple[datetime, str]:
    """The order observations are applied in: by fetch time, ties broken by URL."""
    return (page.fetched_at, page.url)


def is_newer(page: PageFacts, row: OccupationRow) -> bool:
    """Whether ``page`` is at least as new as what ``row`` reflects (so its values win)."""
    return fetch_order(page) >= (row.last_seen_at, row.source_url or "")


def _new_occupation(page: PageFacts, facts: OccupationFacts) -> OccupationRow:
    return OccupationRow(
        id=None,
        slug=facts.slug,
        scalars=dict(facts.scalars),
        digests=dict(facts.digests),
        first_seen_at=page.fetched_at,
        last_seen_at=page.fetched_at,
        source_url=page.url,
    )


def _copy(row: OccupationRow) -> OccupationRow:
    return dataclasses.replace(
        row,
        scalars=dict(row.scalars),
        digests=dict(row.digests),
        last_change_at=dict(row.last_change_at),
    )


def _apply_newer(merge: OccupationMerge, page: PageFacts, facts: OccupationFacts) -> None:
    row = merge.row
    for name, new in facts.scalars.items():
        old = row.scalars.get(name)
        if new is None or new == old:
            continue
        if old is not None:
            merge.changes.append(
                Change(name, _as_text(old), _as_text(new), page.fetched_at, page.url)
            )
            row.last_change_at[name] = page.fetched_at
        row.scalars[name] = new
        merge.changing_urls.add(page.url)
    for name, entries in facts.lists.items():
        new_digest = facts.digests[name]
        if new_digest is not None and new_digest != row.digests.get(name):
            row.digests[name] = new_digest
            merge.replaced_lists[name] = entries
            merge.changing_urls.add(page.url)
    row.last_seen_at = page.fetched_at
    row.source_url = page.url


def _apply_older(merge: OccupationMerge, page: PageFacts, facts: OccupationFacts) -> None:
    row = merge.row
    for name, seen in facts.scalars.items():
        current = row.scalars.get(name)
        if seen is None or seen == current:
            continue
        if current is None:
            row.scalars[name] = seen
        elif name not in row.last_change_at or row.last_change_at[name] < page.fetched_at:
            merge.changes.append(
                Change(name, _as_text(seen), _as_text(current), row.last_seen_at, row.source_url)
            )
            row.last_change_at[name] = row.last_seen_at
        else:
            continue
        merge.changing_urls.add(page.url)
    for name, entries in facts.lists.items():
        if row.digests.get(name) is None and facts.digests[name] is not None:
            row.digests[name] = facts.digests[name]
            merge.replaced_lists[name] = entries
            merge.changing_urls.add(page.url)
    row.first_seen_at = min(row.first_seen_at, page.fetched_at)


def _row_differs(row: OccupationRow, stored: OccupationRow) -> bool:
    return (
        row.scalars != stored.scalars
        or row.digests != stored.digests
        or row.first_seen_at != stored.first_seen_at
        or row.last_seen_at != stored.last_seen_at
        or row.source_url != stored.source_url
    )


def _as_text(value: Scalar) -> str:
    return str(value)


@dataclass(slots=True)
class PageRow:
    """What the database holds for one page (``id`` is ``None`` until inserted)."""

    id: int | None
    url: str
    title: str | None
    slug_a: str | None
    slug_b: str | None
    browse_category: str | None
    first_seen_at: datetime
    last_seen_at: datetime
    issues_digest: str | None


@dataclass(slots=True)
class PageMerge:
    """The outcome of applying a batch's fetches of one page."""

    row: PageRow
    is_new: bool
    touched: bool = False
    changed: bool = False
    #: The issues that replace the stored ones, with their fetch time; ``None``: keep.
    new_issues: tuple[IssueFacts, ...] | None = None
    issues_seen_at: datetime | None = None


_PAGE_FACTS = ("title", "slug_a", "slug_b", "browse_category")


def merge_page(stored: PageRow | None, observations: Sequence[PageFacts]) -> PageMerge:
    """Apply fetches of one page (in fetch order) to ``stored`` (``None``: not stored yet).

    The newest fetch's facts win (``None`` never erases) and its issues replace
    the stored ones when they differ; an older fetch only fills in unknowns.
    """
    if not observations:
        raise ValueError("merge_page needs at least one observation")
    first = observations[0]
    if stored is None:
        row = PageRow(
            None, first.url, None, None, None, None, first.fetched_at, first.fetched_at, None
        )
        merge = PageMerge(row=row, is_new=True, touched=True)
    else:
        merge = PageMerge(row=dataclasses.replace(stored), is_new=False)
    for page in observations:
        newer = page.fetched_at >= merge.row.last_seen_at
        _apply_page_facts(merge, page, overwrite=newer)
        if newer:
            merge.row.last_seen_at = page.fetched_at
            if page.issues_digest != merge.row.issues_digest:
                merge.row.issues_digest = page.issues_digest
                merge.new_issues, merge.issues_seen_at = page.issues, page.fetched_at
                merge.changed = True
        merge.row.first_seen_at = min(merge.row.first_seen_at, page.fetched_at)
    if stored is not None:
        merge.touched = merge.row != stored
    merge.changed = merge.changed and not merge.is_new
    return merge


def _apply_page_facts(merge: PageMerge, page: PageFacts, *, overwrite: bool) -> None:
    for name in _PAGE_FACTS:
        seen, current = getattr(page, name), getattr(merge.row, name)
        if seen is None or seen == current or (current is not None and not overwrite):
            continue
        setattr(merge.row, name, seen)
        merge.changed = True
