"""The one module that knows SQLite from PostgreSQL: URLs, connections, locks, timestamps."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from careerdiff.errors import ConfigError
from models import dialect


def test_postgresql_urls_use_psycopg() -> None:
    url = dialect.parse_db_url("postgresql://me@db.internal/careers")
    assert url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    "bad", ["", "data/careerdiff.db", "oracle://x@y/z", "sqlite+aiosqlite:///x"]
)
def test_anything_else_is_a_one_line_config_error(bad: str) -> None:
    with pytest.raises(ConfigError) as error:
        dialect.parse_db_url(bad)
    assert "\n" not in str(error.value) and "sqlite:///PATH" in str(error.value)


def test_passwords_are_masked_in_messages() -> None:
    assert "hunter2" not in dialect.safe_url("postgresql+psycopg://me:hunter2@db/x")


def test_a_sqlite_database_gets_its_folder_wal_foreign_keys_and_a_busy_timeout(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new" / "folder" / "careerdiff.db"
    engine = dialect.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == dialect.SQLITE_BUSY_TIMEOUT_SECONDS * 1000
        assert path.exists()
    finally:
        engine.dispose()


def test_a_sqlite_transaction_holds_the_write_lock_from_its_start(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    engine = dialect.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("SELECT 1")  # no write yet, but the lock is taken
            other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        engine.dispose()


def test_a_folder_that_cannot_be_made_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="cannot create the folder"):
        dialect.create_engine(f"sqlite:///{blocker / 'db' / 'x.db'}")


def test_timestamps_round_trip_as_utc(db_url: str) -> None:
    table = sa.Table("moments", sa.MetaData(), sa.Column("at", dialect.UtcDateTime()))
    east = timezone(timedelta(hours=5, minutes=30))
    moment = datetime(2026, 3, 1, 17, 30, 0, 123456, tzinfo=east)
    engine = dialect.create_engine(db_url)
    try:
        with engine.begin() as connection:
            table.create(connection)
            connection.execute(table.insert(), [{"at": moment}, {"at": datetime(2026, 1, 1)}])
            stored = connection.execute(sa.select(table.c.at)).scalars().all()
    finally:
        engine.dispose()
    assert stored == [moment.astimezone(UTC), datetime(2026, 1, 1, tzinfo=UTC)]
    assert all(value.tzinfo == UTC for value in stored)


def test_views_render_timestamps_as_the_text_sqlite_stores() -> None:
    assert dialect.timestamp_as_text("sqlite", "t.at") == "t.at"
    assert "to_char(t.at AT TIME ZONE 'UTC'" in dialect.timestamp_as_text("postgresql", "t.at")
    assert datetime(2026, 3, 1, tzinfo=UTC).strftime(dialect.TIMESTAMP_TEXT_FORMAT) == (
        "2026-03-01T00:00:00.000000Z"
    )
