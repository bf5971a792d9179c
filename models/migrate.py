"""Schema revisions: create a new database at head, refuse an old one, upgrade on request.

Alembic is configured in code (no ``alembic.ini``) with the migrations packaged in
``models/migrations``, so this works from an installed package. Every function
here runs inside a transaction that holds the write lock, so two processes
opening a brand-new database at once create it exactly once.

Opening a database that is already at head is the common case (every crawl,
import and flow task does it), and importing Alembic costs more than the rest of
opening a store. So that case imports no Alembic: the database's revision is read
from ``alembic_version`` with plain SQL, and the head from the migration scripts'
``revision`` / ``down_revision`` lines (:func:`head_revision`; a test checks it
against Alembic's own idea of head). Alembic is imported only to create, upgrade
or judge a database at another revision, or when the scripts do not make a
single plain chain.

For developers: ``python -m models.migrate revision "what changed"`` writes a new
migration by comparing :data:`models.schema.metadata` with a scratch database at
head. With no migration left in ``versions/`` it writes a new initial migration
(tables and views), which is how the initial migration is regenerated.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from careerdiff.errors import LoadError, SchemaOutOfDateError
from models import dialect

if TYPE_CHECKING:
    from alembic.config import Config

#: Where the migrations live, as a package resource.
SCRIPT_LOCATION = "models:migrations"

#: The table where Alembic keeps a database's revision (Alembic's default name).
VERSION_TABLE = "alembic_version"

#: ``revision = "abc"`` / ``down_revision: str | None = "abc"`` lines of a migration script.
_ASSIGNMENT = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*(?:#.*)?$",
    re.MULTILINE,
)
_QUOTED = re.compile(r"""^(['"])([^'"]+)\1$""")


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code; ``connection`` is the one migrations use."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this careerdiff knows.

    Read from the scripts in ``versions/`` without Alembic when they form one plain
    chain (each script names one ``revision`` and at most one ``down_revision``, as
    ``python -m models.migrate revision`` writes them); Alembic decides otherwise.
    """
    head = _head_from_scripts(_versions_folder(SCRIPT_LOCATION))
    return head if head is not None else _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise LoadError("careerdiff has no database migrations installed")
    return head


def _versions_folder(location: str) -> Path | None:
    """The ``versions`` folder of a script location: ``package:folder`` or a path."""
    package, sep, folder = location.partition(":")
    if not sep or len(package) == 1:  # a plain path (or a Windows drive letter)
        return Path(location) / "versions"
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / folder / "versions"


def _head_from_scripts(versions: Path | None) -> str | None:
    """The one revision no script revises, or ``None`` when that is not plain to see."""
    if versions is None or not versions.is_dir():
        return None
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in versions.glob("*.py"):
        if script.name.startswith(("__init__", ".#")):  # files Alembic skips too
            continue
        found = {m["name"]: m["value"] for m in _ASSIGNMENT.finditer(script.read_text("utf-8"))}
        revision = _quoted(found.get("revision"))
        if revision is None or "down_revision" not in found:
            return None
        revisions.add(revision)
        if found["down_revision"] != "None":
            down = _quoted(found["down_revision"])
            if down is None:  # a merge of branches, or written in a way not read here
                return None
            revised.add(down)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 and revised <= revisions else None


def _quoted(text: str | None) -> str | None:
    match = _QUOTED.match(text or "")
    return match[2] if match else None


def current_revision(connection: Connection) -> str | None:
    """The database's revision; ``None`` for a database Alembic never touched."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    if len(rows) > 1:  # several heads: let Alembic say what it makes of that
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return str(rows[0][0]) if rows else None


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
    from models.schema import metadata

    existing = set(sa.inspect(connection).get_table_names()) & set(metadata.tables)
    if existing:
        raise LoadError(
            f"the database {url_for_messages} has careerdiff tables ({sorted(existing)[0]}, ...) "
            "but no schema revision; it was not made by careerdiff"
        )
    upgrade(connection)


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(connection: Connection) -> None:
    """Upgrade the database on ``connection`` to head, inside its current transaction."""
    from alembic import command

    dialect.lock_for_write(connection)
    command.upgrade(alembic_config(connection), "head")


def upgrade_database(db_url: str) -> str:
    """Upgrade the database at ``db_url`` to head (creating it if new); return the revision."""
    from alembic.util.exc import CommandError

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
    from alembic import command
    from alembic.script import ScriptDirectory

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
