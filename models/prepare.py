"""Turn a load item into facts the database accepts, without I/O.

The extractor's record is trusted for shape, not for values a database would
refuse: text with NUL characters, integers beyond 64 bits, infinite floats,
duplicate names in a list that is unique by name, an occupation without a
slug. Such values are dropped (or the duplicate ignored) and each becomes an
issue of section ``"load"``, so one bad page never fails its batch.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from extractors.records import SCALAR_FIELDS, Occupation, PageRecord
from models.dialect import as_utc
from models.items import LoadItem

Scalar = int | float | str | None

#: The lists of an occupation the store keeps, each replaced as a whole.
LIST_NAMES = ("skills", "top_skills", "gender", "race", "responsibilities")

LOAD_SECTION = "load"
_INT64 = 2**63


@dataclass(frozen=True, slots=True)
class IssueFacts:
    section: str
    severity: str
    message: str


@dataclass(frozen=True, slots=True)
class OccupationFacts:
    """One occupation as one page shows it. An empty list means "not on this page"."""

    slug: str
    scalars: dict[str, Scalar]
    lists: dict[str, tuple[Any, ...]]
    digests: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class PageFacts:
    """One page, checked: its facts, its issues and where it came from."""

    url: str
    fetched_at: datetime
    content_hash: str | None
    extractor_version: int
    title: str | None
    browse_category: str | None
    slug_a: str | None
    slug_b: str | None
    occupations: tuple[OccupationFacts, ...]
    issues: tuple[IssueFacts, ...]
    issues_digest: str


def prepare(item: LoadItem) -> PageFacts:
    """The checked facts of ``item``; problems become ``"load"`` issues."""
    record = item.record
    problems: list[str] = []
    occupations = tuple(_occupations(record, problems))
    slugs = [occupation.slug for occupation in occupations]
    issues = tuple(
        IssueFacts(_text(issue.section) or "page", issue.severity, _text(issue.message) or "")
        for issue in record.issues
    ) + tuple(IssueFacts(LOAD_SECTION, "warning", message) for message in problems)
    return PageFacts(
        url=_text(item.url) or item.url,
        fetched_at=as_utc(item.fetched_at),
        content_hash=_text(item.content_hash),
        extractor_version=item.extractor_version,
        title=_text(record.title),
        browse_category=_text(record.browse_category),
        slug_a=slugs[0] if slugs else None,
        slug_b=slugs[1] if len(slugs) > 1 else None,
        occupations=occupations,
        issues=issues,
        issues_digest=digest(issues),
    )


def digest(entries: Iterable[Any]) -> str:
    """A short fingerprint of a list, to tell whether a stored list changed."""
    return hashlib.blake2b(repr(tuple(entries)).encode(), digest_size=12).hexdigest()


def _occupations(record: PageRecord, problems: list[str]) -> Iterable[OccupationFacts]:
    for number, occupation in enumerate(record.occupations, start=1):
        slug = _text(occupation.slug)
        if not slug:
            problems.append(f"occupation {number} has no slug; it was not stored")
            continue
        yield _occupation_facts(slug, occupation, problems)


def _occupation_facts(slug: str, occupation: Occupation, problems: list[str]) -> OccupationFacts:
    values = occupation.__dict__
    scalars = {name: _scalar(slug, name, values[name], problems) for name in SCALAR_FIELDS}
    lists: dict[str, tuple[Any, ...]] = {
        "skills": _named_shares(
            slug, "skills", [(s.name, s.share_pct) for s in occupation.skills], problems
        ),
        "top_skills": _texts(occupation.top_skills),
        "gender": _named_shares(
            slug, "gender", [(s.category, s.share_pct) for s in occupation.gender], problems
        ),
        "race": _named_shares(
            slug, "race", [(s.category, s.share_pct) for s in occupation.race], problems
        ),
        "responsibilities": _texts(occupation.responsibilities),
    }
    digests = {name: digest(entries) if entries else None for name, entries in lists.items()}
    return OccupationFacts(slug=slug, scalars=scalars, lists=lists, digests=digests)


def _texts(items: list[str]) -> tuple[str, ...]:
    """The items without NUL characters, empty ones left out."""
    if all(items) and "\x00" not in "".join(items):
        return tuple(items)
    return tuple(text for text in map(_text, items) if text)


def _named_shares(
    slug: str, list_name: str, pairs: list[tuple[str, float | None]], problems: list[str]
) -> tuple[tuple[str, float | None], ...]:
    """``(name, share)`` pairs with clean, unique names and finite shares."""
    names = [name for name, _ in pairs]
    if (
        all(names)
        and len(set(names)) == len(names)
        and "\x00" not in "".join(names)
        and all(share is None or math.isfinite(share) for _, share in pairs)
    ):
        return tuple(pairs)
    kept: dict[str, float | None] = {}
    for raw_name, share in pairs:
        name = _text(raw_name)
        if not name:
            problems.append(f"{slug}: an entry of {list_name} has no name; it was not stored")
        elif name in kept:
            problems.append(f"{slug}: {list_name} lists {name!r} twice; the first was stored")
        else:
            kept[name] = _share(slug, share, problems)
    return tuple(kept.items())


def _scalar(slug: str, name: str, value: Any, problems: list[str]) -> Scalar:
    kind = type(value)
    if value is None or (kind is str and value and "\x00" not in value):
        return value
    if kind is float and math.isfinite(value):
        return value
    if kind is int and -_INT64 <= value < _INT64:
        return value
    return _odd_scalar(slug, name, value, problems)


def _odd_scalar(slug: str, name: str, value: Any, problems: list[str]) -> Scalar:
    """The slow path of :func:`_scalar`: text to clean, numbers out of range, odd types."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool):
        problems.append(f"{slug}: {name} is not a number; it was not stored")
        return None
    if isinstance(value, int):
        if -_INT64 <= value < _INT64:
            return value
        problems.append(f"{slug}: {name} = {value} is too large to store; it was not stored")
        return None
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        problems.append(f"{slug}: {name} = {value} is not a finite number; it was not stored")
        return None
    problems.append(f"{slug}: {name} has an unexpected type; it was not stored")
    return None


def _share(slug: str, value: float | None, problems: list[str]) -> float | None:
    if value is None or math.isfinite(value):
        return value
    problems.append(f"{slug}: a share of {value} is not a finite number; it was not stored")
    return None


def _text(value: str | None) -> str | None:
    """Text the database accepts; empty text counts as absent."""
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", "")
    return value or None
