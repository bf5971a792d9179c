"""Schema revisions: create a new database at head, refuse an old one, upgrade on request.

Alembic is configured in code (no ``alembic.ini``) with the migrations packaged in
``models/migrations``, so this works from an installed package. Every function
here runs inside a transaction that holds the write lock, so two processes
opening a brand-new database at once create it exactly once.

For developers: ``python -m models.migrate revision "what changed"`` writes a new
migration by comparing :data:`models.schema.metadata` with a scratch database at
head. With no migration left in ``versions/`` it writes a new initial migration
(tables and views), which is how the initial migration is regenerated.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from careerdiff.errors import LoadError, SchemaOutOfDateError
from models import dialect
from models.schema import metadata

#: Where the migrations live, as a package resource.
SCRIPT_LOCATION = "models:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code; ``connection`` is the one migrations use."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this careerdiff knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise LoadError("careerdiff has no database migrations installed")
    return head


def current_revision(connection: Connection) -> str | None:
    """The database's revision; ``None`` for a database Alembic never touched."""
    return MigrationContext.configure(connection).get_current_revision()


def ensure_current(connection: Connection, url_for_messages: str) -> None:
    """Create a brand-new database at head; raise if the database is at another revision."""
    dialect.lock_for_write(connection)
    current, head = current_revision(connection), head_revision()
    if current == head:
        return
    if current is None:
        _create_at_head(connection, url_for_messages)
        return
    if not _is_known(current):
        raise LoadError(
            f"the database {url_for_messages} is at revision {current}, which this careerdiff "
            "does not know (was it made by a newer careerdiff?)"
        )
    raise SchemaOutOfDateError(
        f"the database {url_for_messages} is at revision {current}, older than this "
        f"careerdiff ({head}); upgrade it with: careerdiff db upgrade --db {url_for_messages}"
    )


def _create_at_head(connection: Connection, url_for_messages: str) -> None:
    existing = set(sa.inspect(connection).get_table_names()) & set(metadata.tables)
    if existing:
        raise LoadError(
            f"the database {url_for_messages} has careerdiff tables ({sorted(existing)[0]}, ...) "
            "but no schema revision; it was not made by careerdiff"
        )
    upgrade(connection)


def _is_known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(connection: Connection) -> None:
    """Upgrade the database on ``connection`` to head, inside its current transaction."""
    dialect.lock_for_write(connection)
    command.upgrade(alembic_config(connection), "head")


def upgrade_database(db_url: str) -> str:
    """Upgrade the database at ``db_url`` to head (creating it if new); return the revision."""
    engine = dialect.create_engine(db_url)
    try:
        with engine.begin() as connection:
            upgrade(connection)
            return current_revision(connection) or head_revision()
    except (SQLAlchemyError, CommandError) as exc:
        raise LoadError(
            f"cannot upgrade the database {dialect.safe_url(db_url)}: {first_line(exc)}",
            transient=isinstance(exc, OperationalError),
        ) from None
    finally:
        engine.dispose()


def first_line(exc: BaseException) -> str:
    """The first line of a database error's message, for one-line errors."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip()
    return text.splitlines()[0] if text else type(original).__name__


def _write_revision(message: str) -> None:
    """Autogenerate a migration against a scratch SQLite database at the current head."""
    with tempfile.TemporaryDirectory() as folder:
        engine = dialect.create_engine(f"sqlite:///{Path(folder) / 'scratch.db'}")
        try:
            with engine.begin() as connection:
                has_migrations = bool(
                    list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
                )
                if has_migrations:
                    upgrade(connection)
                command.revision(alembic_config(connection), message=message, autogenerate=True)
        finally:
            engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m models.migrate revision "what changed"')
    _write_revision(sys.argv[2])
