"""Everything that differs between SQLite and PostgreSQL, in one place.

The rest of ``models`` is dialect-free: it asks this module for an engine, for the
write lock, for upsert statements, for the timestamp column type and for the
SQL that renders a timestamp as text in the views.

SQLite: one file in WAL mode, foreign keys on, a busy timeout, and every
transaction begun with ``BEGIN IMMEDIATE`` so a writer holds the write lock from
its first statement (two processes never deadlock upgrading a read lock).
PostgreSQL: every write transaction takes one transaction-level advisory lock,
so concurrent loaders serialize their batches exactly as on SQLite.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import URL, Connection, Dialect, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from careerdiff.errors import ConfigError

#: How long a SQLite writer waits for another process's write lock before failing.
SQLITE_BUSY_TIMEOUT_SECONDS = 120.0

#: The key of the PostgreSQL advisory lock every write transaction takes.
_PG_WRITE_LOCK_KEY = 0x6361_7265  # "care"

#: Timestamps as SQLite stores them and as every view shows them: UTC, fixed width,
#: so that text order is time order.
TIMESTAMP_TEXT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_PG_TIMESTAMP_TEXT_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'

_URL_HINT = "use sqlite:///PATH or postgresql+psycopg://USER@HOST[:PORT]/DATABASE"


def parse_db_url(db_url: str) -> URL:
    """The URL of a supported database; ``ConfigError`` (one line) for anything else."""
    try:
        url = sa.make_url(db_url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {db_url!r} ({_URL_HINT})") from None
    try:
        backend, driver = url.get_backend_name(), url.get_driver_name()
    except NoSuchModuleError:  # a scheme no SQLAlchemy dialect knows
        raise ConfigError(f"unsupported database URL: {safe_url(url)} ({_URL_HINT})") from None
    if backend == "sqlite" and driver in ("pysqlite", ""):
        return url
    if backend == "postgresql" and (url.drivername == "postgresql" or driver == "psycopg"):
        return url.set(drivername="postgresql+psycopg")
    raise ConfigError(f"unsupported database URL: {safe_url(url)} ({_URL_HINT})")


def safe_url(url: str | URL) -> str:
    """The URL for messages: the password, if any, masked."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_engine(db_url: str, *, durable: bool = True) -> Engine:
    """An engine for ``db_url`` configured for careerdiff's loaders (see module docstring).

    ``durable`` False: commits do not wait for the disk (SQLite ``synchronous =
    NORMAL`` in WAL mode, PostgreSQL ``synchronous_commit = off``). A crash of the
    process loses nothing; a crash of the machine may lose the last commits. For
    bookkeeping that can be redone, like the crawl frontier, written many times a
    second.
    """
    url = parse_db_url(db_url)
    engine = _sqlite_engine(url) if url.get_backend_name() == "sqlite" else sa.create_engine(url)
    if not durable:
        event.listen(engine, "connect", _commit_without_sync)
    return engine


def _commit_without_sync(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor.execute("PRAGMA synchronous = NORMAL")
    else:
        cursor.execute("SET synchronous_commit TO off")
        dbapi_connection.commit()
    cursor.close()


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        engine = sa.create_engine(url, poolclass=StaticPool)
    else:
        folder = Path(str(url.database)).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the folder {folder}: {exc.strerror}") from None
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})

    def configure(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module; "begin" below emits it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            # synchronous stays FULL: one sync per batch is cheap, and a commit survives a crash.
            _set_wal(cursor)
        cursor.close()

    def begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", configure)
    event.listen(engine, "begin", begin_immediate)
    return engine


#: Tries at switching a new SQLite file to WAL while another process holds it.
_WAL_TRIES = 100


def _set_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode = WAL``, tried again while another process holds the file.

    Switching a brand-new file to WAL needs it to itself, and SQLite answers "database is
    locked" at once instead of waiting out the busy timeout when two processes open one
    new database together.
    """
    for attempt in range(_WAL_TRIES):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _WAL_TRIES - 1:
                raise
            time.sleep(0.05)


def lock_for_write(connection: Connection) -> None:
    """Hold the database's write lock until the current transaction ends.

    SQLite already holds it (``BEGIN IMMEDIATE``); PostgreSQL takes an advisory lock.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_WRITE_LOCK_KEY)))


def _insert(dialect_name: str, table: sa.Table) -> Any:
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql  # ~20 ms: only for PostgreSQL

        return postgresql.insert(table)
    return sqlite.insert(table)


def upsert(
    dialect_name: str,
    table: sa.Table,
    key: Sequence[str],
    update: Sequence[str],
    *,
    only_if_different: bool = False,
) -> sa.Insert:
    """``INSERT ... ON CONFLICT (key) DO UPDATE SET update = excluded.update``.

    With ``only_if_different`` the existing row is left untouched when every
    ``update`` column already holds the incoming value.
    """
    statement = _insert(dialect_name, table)
    excluded = statement.excluded
    where = None
    if only_if_different:
        where = sa.or_(*(table.c[name].is_distinct_from(excluded[name]) for name in update))
    result: sa.Insert = statement.on_conflict_do_update(
        index_elements=[table.c[name] for name in key],
        set_={name: excluded[name] for name in update},
        where=where,
    )
    return result


def insert_or_ignore(dialect_name: str, table: sa.Table, key: Sequence[str]) -> sa.Insert:
    """``INSERT ... ON CONFLICT (key) DO NOTHING``."""
    result: sa.Insert = _insert(dialect_name, table).on_conflict_do_nothing(
        index_elements=[table.c[name] for name in key]
    )
    return result


def timestamp_as_text(dialect_name: str, expression: str) -> str:
    """SQL rendering a timestamp column as ``TIMESTAMP_TEXT_FORMAT`` text (for the views)."""
    if dialect_name == "postgresql":
        return f"to_char({expression} AT TIME ZONE 'UTC', '{_PG_TIMESTAMP_TEXT_FORMAT}')"
    return expression


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """A UTC timestamp: ``timestamptz`` on PostgreSQL, fixed-width ISO-8601 text on SQLite.

    Python always sees an aware datetime in UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.Text())
        return dialect.type_descriptor(sa.DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = as_utc(value)
        if dialect.name == "sqlite":
            return value.strftime(TIMESTAMP_TEXT_FORMAT)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value)  # TIMESTAMP_TEXT_FORMAT; "Z" reads as UTC
        return as_utc(value)
