"""Migrations: head is exactly the metadata, new databases start at head, old ones are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from careerdiff.cli import main
from careerdiff.errors import LoadError, SchemaOutOfDateError
from models import Store, dialect, migrate
from models.schema import metadata
from models.views import VIEW_COLUMNS

_SECOND_REVISION = '''"""A later revision, for tests only."""

from alembic import op

revision = "ffff00000002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_test_occupation_title", "occupation", ["title"])


def downgrade() -> None:
    op.drop_index("ix_test_occupation_title", table_name="occupation")
'''


def test_the_migrations_build_exactly_the_metadata(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_the_migrations_create_every_view(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        assert set(VIEW_COLUMNS) <= set(sa.inspect(connection).get_view_names())


def test_downgrading_to_nothing_and_back_works(db_url: str) -> None:
    engine = dialect.create_engine(db_url)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
        with engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "base")
        with engine.connect() as connection:
            names = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
            assert names == set() and sa.inspect(connection).get_view_names() == []
        with engine.begin() as connection:
            migrate.upgrade(connection)
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        engine.dispose()


@pytest.fixture
def newer_careerdiff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Pretend careerdiff gained a second migration; returns its revision."""
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(
        Path(migrate.__file__).parent / "migrations",
        scripts,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (scripts / "versions" / "ffff00000002_test.py").write_text(
        _SECOND_REVISION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", str(scripts))
    return "ffff00000002"


def test_a_database_at_an_older_revision_is_refused_until_upgraded(
    db_url: str, newer_careerdiff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate, "SCRIPT_LOCATION", "models:migrations")
        Store.open(db_url).close()  # made by the older careerdiff

    with pytest.raises(SchemaOutOfDateError) as error:
        Store.open(db_url)
    message = str(error.value)
    assert "older" in message and "careerdiff db upgrade" in message and "\n" not in message

    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert newer_careerdiff in capsys.readouterr().out
    with Store.open(db_url) as store, store.engine.connect() as connection:
        assert migrate.current_revision(connection) == newer_careerdiff


def test_a_database_from_a_newer_careerdiff_is_refused(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    with pytest.raises(LoadError, match="does not know"):
        Store.open(db_url)


def test_a_database_with_tables_but_no_revision_is_refused(db_url: str) -> None:
    engine = dialect.create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE occupation (id INTEGER PRIMARY KEY)"))
    finally:
        engine.dispose()
    with pytest.raises(LoadError, match="no schema revision"):
        Store.open(db_url)


def test_upgrading_a_new_database_creates_it(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert migrate.head_revision() in capsys.readouterr().out
    with Store.open(db_url) as store, store.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_migrations_are_found_as_package_resources() -> None:
    assert migrate.SCRIPT_LOCATION == "models:migrations"
    assert migrate.head_revision()
