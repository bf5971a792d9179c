"""``DbFrontier``: the crawl engine's frontier kept in the database, so a crawl can resume.

It implements :class:`careerdiff.crawl.frontier.Frontier` over the ``crawl_url``
table (:mod:`models.crawl`). Every call is one transaction, and a batch is one
statement (``executemany`` for updates), so the engine's batched calls stay cheap.

Leases. ``lease`` marks due URLs ``leased`` by this worker (``host:pid:token``) until
``now + lease_timeout``, in one ``UPDATE ... WHERE id IN (SELECT ... LIMIT n)``. On
PostgreSQL the inner SELECT is ``FOR UPDATE SKIP LOCKED``, so concurrent workers lease
disjoint URLs without waiting for each other; on SQLite the transaction is ``BEGIN
IMMEDIATE`` (see :mod:`models.dialect`), which serializes leases outright. A lease
whose worker died is handed out again: once it expires (any worker reclaims expired
leases of other workers), or at once when :meth:`DbFrontier.begin` finds that its
owner was a process on this host that no longer exists (a SIGKILLed crawl).

Rounds. A crawl that finds the last round finished starts a new one:
:meth:`DbFrontier.begin` queues every ``done`` URL again, so the crawl re-checks them
with conditional requests. A round is unfinished while some URL waits that was never
tried in it (new, queued again, or handed back from a dead worker) or some URL is
leased: a crawl that was killed or stopped at ``max_pages`` is resumed, and pages it
already finished are not fetched again. Final failures stay failed; transient ones
are retried when their ``next_attempt_at`` comes, without holding up a new round.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from careerdiff.crawl.frontier import (
    Done,
    Failure,
    FrontierCounts,
    Lease,
    NewUrl,
    Retry,
    Validators,
)
from models import dialect
from models.crawl import CRAWL_URL, URL_STATES

#: ``next_attempt_at`` of URLs due at once whatever time a crawl leases up to: new URLs,
#: URLs queued again for a new round and leases handed back. Earlier than any crawl, so
#: such URLs come first, in the order they were added.
DUE_AT_ONCE = datetime(1970, 1, 1, tzinfo=UTC)
#: How long a lease holds before another worker may take the URL over.
DEFAULT_LEASE_TIMEOUT = timedelta(minutes=15)
#: Expired leases of other workers are looked for at most this often.
_RECLAIM_EVERY = timedelta(seconds=5)
#: Known URLs this frontier remembers (with their depth) to skip adding them again: a
#: "recently seen" cache, not the de-duplicator (the database is: a URL not remembered
#: is looked up before it is inserted). Bounded so a crawl process's memory does not
#: grow with the site (65,536 entries were ~10 MB a process).
_KNOWN_CACHE_SIZE = 8_192
#: At most this many values in one ``IN (...)`` list.
_IN_CHUNK = 1000

_URL = CRAWL_URL.c


@dataclass(frozen=True)
class RoundStart:
    """What :meth:`DbFrontier.begin` found and did."""

    reclaimed: int  # leases of dead workers on this host handed back
    requeued: int  # done URLs queued again for a new round
    waiting: int  # URLs left by an unfinished round (then nothing is requeued)


@dataclass(frozen=True)
class UrlState:
    """One frontier row, for reports and tests."""

    url: str
    kind: str | None
    state: str
    depth: int
    found_on: str | None
    attempts: int
    next_attempt_at: datetime
    last_status: int | None
    last_reason: str | None
    last_message: str | None
    validators: Validators
    lease_owner: str | None
    lease_expires_at: datetime | None


def worker_name(group: str | None = None) -> str:
    """A name for this crawl worker, unique across hosts and processes: ``host:pid:token``.

    The processes of one crawl share a ``group`` (a token without ``:`` or ``-``); their
    tokens are ``group-xxxx`` so that each can see what its siblings hold."""
    token = uuid.uuid4().hex[:8]
    return f"{socket.gethostname()}:{os.getpid()}:{f'{group}-{token}' if group else token}"


def _utcnow() -> datetime:
    return datetime.now(UTC)


class DbFrontier:
    """A :class:`~careerdiff.crawl.frontier.Frontier` in the database behind ``engine``.

    ``classify`` gives a URL's kind (``comparison``, ``listing``, ``other``) for the
    ``kind`` column; ``clock`` replaces the time in tests.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        owner: str | None = None,
        lease_timeout: timedelta = DEFAULT_LEASE_TIMEOUT,
        classify: Callable[[str], str] | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.engine = engine
        self.owner = owner or worker_name()
        self.lease_timeout = lease_timeout
        self.classify = classify
        self.clock = clock
        self._known: dict[str, int] = {}  # url -> the depth stored for it
        self._last_reclaim: datetime | None = None
        self._statements = _Statements()

    # --- rounds and leases of dead workers -------------------------------------------

    def begin(self, *, new_round: bool = True) -> RoundStart:
        """Hand back the leases of dead workers on this host; then, if the last round is
        finished and ``new_round``, queue every fetched URL again. Call before crawling."""
        with self.engine.begin() as connection:
            dialect.lock_for_write(connection)  # one worker at a time decides about rounds
            reclaimed = _release_owners(connection, _dead_local_owners(connection), None)
            waiting = _count_unfinished(connection)
            requeued = 0
            if waiting == 0 and new_round:
                requeued = connection.execute(
                    sa.update(CRAWL_URL)
                    .where(_URL.state == "done")
                    .values(state="queued", next_attempt_at=DUE_AT_ONCE)
                ).rowcount
        return RoundStart(reclaimed=reclaimed, requeued=requeued, waiting=waiting)

    def siblings_working(self, group: str) -> bool:
        """Whether another live process of crawl ``group`` holds leases (its pages may
        still add URLs). The leases of a sibling that died are queued again here."""
        owners = [
            owner
            for owner in self._group_owners(group)
            if owner != self.owner and owner.rsplit(":", 1)[-1].startswith(f"{group}-")
        ]
        host = socket.gethostname()
        dead = [owner for owner in owners if _is_dead_local(owner, host)]
        if dead:
            with self.engine.begin() as connection:
                _release_owners(connection, dead, None)
        return len(dead) < len(owners)

    def _group_owners(self, group: str) -> list[str]:
        with self.engine.connect() as connection:
            return [
                str(owner)
                for owner in connection.execute(
                    sa.select(_URL.lease_owner)
                    .where(_URL.state == "leased", _URL.lease_owner.like(f"%:{group}-%"))
                    .distinct()
                ).scalars()
            ]

    def release(self) -> int:
        """Queue this worker's unsettled leases again (after an interrupted crawl)."""
        with self.engine.begin() as connection:
            return _release_owners(connection, [self.owner], None)

    # --- the Frontier protocol -------------------------------------------------------

    def add(self, urls: Sequence[NewUrl]) -> int:
        wanted: dict[str, NewUrl] = {}
        for new in urls:
            if self._known.get(new.url, new.depth + 1) <= new.depth:
                continue  # known here already, at this depth or less
            seen = wanted.get(new.url)
            if seen is None or new.depth < seen.depth:
                wanted[new.url] = new
        if not wanted:
            return 0
        now = self.clock()
        with self.engine.begin() as connection:
            stored = _stored_depths(connection, list(wanted))
            fresh = [new for url, new in wanted.items() if url not in stored]
            if fresh:
                connection.execute(
                    self._statements.insert(connection), [self._row(new, now) for new in fresh]
                )
            shallower = [
                {"b_url": url, "b_depth": new.depth}
                for url, new in wanted.items()
                if url in stored and new.depth < stored[url]
            ]
            if shallower:
                connection.execute(self._statements.set_depth, shallower)
        for url, new in wanted.items():
            self._remember(url, min(new.depth, stored.get(url, new.depth)))
        return len(fresh)

    def lease(self, limit: int, *, due_by: datetime) -> list[Lease]:
        if limit <= 0:
            return []
        now = self.clock()
        with self.engine.begin() as connection:
            if self._last_reclaim is None or now - self._last_reclaim >= _RECLAIM_EVERY:
                self._last_reclaim = now
                _reclaim_expired(connection, now, self.owner)
            due = (
                sa.select(_URL.id)
                .where(_URL.state == "queued", _URL.next_attempt_at <= due_by)
                .order_by(_URL.next_attempt_at, _URL.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
                .scalar_subquery()
            )
            rows = connection.execute(
                sa.update(CRAWL_URL)
                .where(_URL.id.in_(due))
                .values(
                    state="leased",
                    lease_owner=self.owner,
                    lease_expires_at=now + self.lease_timeout,
                    last_attempt_at=now,
                    attempts=_URL.attempts + 1,
                )
                .returning(
                    _URL.id,
                    _URL.url,
                    _URL.depth,
                    _URL.etag,
                    _URL.last_modified,
                    _URL.content_hash,
                )
            ).all()
        return [
            Lease(row.url, row.depth, Validators(row.etag, row.last_modified, row.content_hash))
            for row in sorted(rows, key=lambda row: row.id)
        ]

    def mark_done(self, pages: Sequence[Done]) -> None:
        self._settle(
            "done",
            [
                {
                    "b_url": page.url,
                    "b_at": page.fetched_at,
                    "b_status": 200,
                    "b_etag": page.validators.etag,
                    "b_last_modified": page.validators.last_modified,
                    "b_content_hash": page.validators.content_hash,
                }
                for page in pages
            ],
            fresh=True,
        )

    def mark_not_modified(self, urls: Sequence[str], *, at: datetime) -> None:
        self._settle("done", [{"b_url": url, "b_at": at, "b_status": 304} for url in urls])

    def mark_failed(self, failures: Sequence[Failure]) -> None:
        self._settle(
            "failed",
            [
                {
                    "b_url": failure.url,
                    "b_at": failure.at,
                    "b_status": _status_of(failure.reason),
                    "b_reason": failure.reason,
                    "b_message": failure.message,
                }
                for failure in failures
            ],
        )

    def retry_later(self, retries: Sequence[Retry]) -> None:
        self._settle(
            "queued",
            [
                {
                    "b_url": retry.url,
                    "b_next": retry.next_attempt_at,
                    "b_status": _status_of(retry.reason),
                    "b_reason": retry.reason,
                    "b_message": retry.message,
                }
                for retry in retries
            ],
        )

    def validators(self, url: str) -> Validators | None:
        columns = (_URL.etag, _URL.last_modified, _URL.content_hash)
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(*columns).where(_URL.url == url)).first()
        if row is None or row == (None, None, None):
            return None
        return Validators(*row)

    def counts(self) -> FrontierCounts:
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(_URL.state, sa.func.count()).group_by(_URL.state)
            ).all()
        by_state = dict.fromkeys(URL_STATES, 0) | {state: count for state, count in rows}
        return FrontierCounts(**by_state)

    # --- reports ---------------------------------------------------------------------

    def failures(self) -> dict[str, int]:
        """URLs that failed for good, counted by reason."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(_URL.last_reason, sa.func.count())
                .where(_URL.state == "failed")
                .group_by(_URL.last_reason)
            ).all()
        return {str(reason): count for reason, count in rows}

    def entries(self, urls: Sequence[str] | None = None) -> list[UrlState]:
        """The frontier's rows (of ``urls``, or all), in the order they were added."""
        query = sa.select(CRAWL_URL).order_by(_URL.id)
        with self.engine.connect() as connection:
            if urls is None:
                rows = connection.execute(query).mappings().all()
            else:
                rows = [
                    row
                    for chunk in _chunks(list(urls))
                    for row in connection.execute(query.where(_URL.url.in_(chunk))).mappings()
                ]
        return [_url_state(row) for row in rows]

    # --- helpers ---------------------------------------------------------------------

    def _settle(self, state: str, rows: list[dict[str, Any]], *, fresh: bool = False) -> None:
        """One UPDATE for ``rows``: into ``state``, lease cleared; ``fresh`` sets validators."""
        if not rows:
            return
        batch = [{"b_reason": None, "b_message": None} | row for row in rows]
        with self.engine.begin() as connection:
            connection.execute(self._statements.settle(state, fresh), batch)

    def _row(self, new: NewUrl, now: datetime) -> dict[str, Any]:
        return {
            "url": new.url,
            "kind": self.classify(new.url) if self.classify is not None else None,
            "state": "queued",
            "depth": new.depth,
            "found_on": new.found_on,
            "attempts": 0,
            "added_at": now,
            "next_attempt_at": DUE_AT_ONCE,
        }

    def _remember(self, url: str, depth: int) -> None:
        if len(self._known) >= _KNOWN_CACHE_SIZE:
            self._known.clear()
        self._known[url] = depth


class _Statements:
    """The frontier's statements, built once per frontier."""

    def __init__(self) -> None:
        self.set_depth = (
            sa.update(CRAWL_URL)
            .where(_URL.url == sa.bindparam("b_url"), _URL.depth > sa.bindparam("b_depth"))
            .values(depth=sa.bindparam("b_depth"))
        )
        self._settle: dict[tuple[str, bool], sa.Update] = {}

    def insert(self, connection: Connection) -> sa.Insert:
        return dialect.insert_or_ignore(connection.dialect.name, CRAWL_URL, ["url"])

    def settle(self, state: str, fresh: bool) -> sa.Update:
        """The UPDATE settling URLs into ``state``; ``fresh`` (a new body) replaces validators."""
        key = (state, fresh)
        statement = self._settle.get(key)
        if statement is None:
            values: dict[str, Any] = {
                "state": state,
                "last_status": sa.bindparam("b_status"),
                "last_reason": sa.bindparam("b_reason"),
                "last_message": sa.bindparam("b_message"),
                "lease_owner": None,
                "lease_expires_at": None,
            }
            if state == "queued":
                values["next_attempt_at"] = sa.bindparam("b_next")
            else:
                values["settled_at"] = sa.bindparam("b_at")
            if fresh:
                values["etag"] = sa.bindparam("b_etag")
                values["last_modified"] = sa.bindparam("b_last_modified")
                values["content_hash"] = sa.bindparam("b_content_hash")
            statement = sa.update(CRAWL_URL).where(_URL.url == sa.bindparam("b_url")).values(values)
            self._settle[key] = statement
        return statement


def _status_of(reason: str) -> int | None:
    """The HTTP status in a reason tag like ``http-404``; None for other reasons."""
    code = reason.removeprefix("http-")
    return int(code) if code != reason and code.isdigit() else None


def _stored_depths(connection: Connection, urls: list[str]) -> dict[str, int]:
    depths: dict[str, int] = {}
    for chunk in _chunks(urls):
        rows = connection.execute(sa.select(_URL.url, _URL.depth).where(_URL.url.in_(chunk)))
        depths.update((url, depth) for url, depth in rows)
    return depths


def _count_unfinished(connection: Connection) -> int:
    """URLs of the current round not tried yet, or leased."""
    untried = sa.and_(_URL.state == "queued", _URL.next_attempt_at == DUE_AT_ONCE)
    count = connection.execute(
        sa.select(sa.func.count())
        .select_from(CRAWL_URL)
        .where(sa.or_(untried, _URL.state == "leased"))
    ).scalar_one()
    return int(count)


def _reclaim_expired(connection: Connection, now: datetime, owner: str) -> int:
    """Queue again the URLs whose lease, held by another worker, has expired."""
    return _release_owners(
        connection, None, sa.and_(_URL.lease_expires_at <= now, _URL.lease_owner != owner)
    )


def _release_owners(connection: Connection, owners: Sequence[str] | None, condition: Any) -> int:
    """Queue again the leased URLs of ``owners`` (None: any owner) matching ``condition``."""
    if owners is not None and not owners:
        return 0
    statement = sa.update(CRAWL_URL).where(_URL.state == "leased")
    if owners is not None:
        statement = statement.where(_URL.lease_owner.in_(owners))
    if condition is not None:
        statement = statement.where(condition)
    result = connection.execute(
        statement.values(
            state="queued", next_attempt_at=DUE_AT_ONCE, lease_owner=None, lease_expires_at=None
        )
    )
    return int(result.rowcount)


def _dead_local_owners(connection: Connection) -> list[str]:
    """Lease owners that were processes on this host and are gone."""
    owners = connection.execute(
        sa.select(_URL.lease_owner).where(_URL.state == "leased").distinct()
    ).scalars()
    host = socket.gethostname()
    return [owner for owner in owners if owner and _is_dead_local(owner, host)]


def _is_dead_local(owner: str, host: str) -> bool:
    """Whether ``owner`` (``host:pid:token``) was a process on ``host`` that has ended."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False  # another frontier of this very process: alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # someone else's process
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """Whether ``pid`` has ended but was not reaped yet (Linux's ``/proc``; elsewhere no).

    A crawl process killed with its parent stays a zombie until some init reaps it,
    and in a container that can take a while: its leases must count as abandoned.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[-1].split()
    except OSError:
        return False
    return bool(fields) and fields[0] in (b"Z", b"X")


def _url_state(row: Any) -> UrlState:
    return UrlState(
        url=row["url"],
        kind=row["kind"],
        state=row["state"],
        depth=row["depth"],
        found_on=row["found_on"],
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_status=row["last_status"],
        last_reason=row["last_reason"],
        last_message=row["last_message"],
        validators=Validators(row["etag"], row["last_modified"], row["content_hash"]),
        lease_owner=row["lease_owner"],
        lease_expires_at=row["lease_expires_at"],
    )


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]
