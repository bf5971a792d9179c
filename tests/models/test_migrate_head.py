"""Opening a database at head needs no Alembic; the head read from the scripts is Alembic's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from models import Store, dialect, migrate

REPO = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(migrate.__file__).parent / "migrations"

_SCRIPT = '''"""A test revision."""

revision{annotation} = {revision}
down_revision{annotation} = {down}
'''


def alembic_head() -> str | None:
    return ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def write_script(folder: Path, revision: str, down: str, *, annotation: str = "") -> None:
    (folder / f"{revision.strip(chr(34))}_test.py").write_text(
        _SCRIPT.format(revision=revision, down=down, annotation=annotation), encoding="utf-8"
    )


@pytest.fixture
def scripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the migrations that the test may add to; returns its versions folder."""
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", str(copy))
    return copy / "versions"


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    assert migrate.head_revision() == alembic_head()
    assert migrate._head_from_scripts(MIGRATIONS / "versions") == alembic_head()


def test_a_new_script_becomes_the_head(scripts: Path) -> None:
    head = migrate.head_revision()
    write_script(scripts, '"ffff00000002"', f"'{head}'", annotation=": str")
    write_script(scripts, '"ffff00000003"', '"ffff00000002"')
    assert migrate._head_from_scripts(scripts) == "ffff00000003"
    assert migrate.head_revision() == alembic_head() == "ffff00000003"


def test_branches_are_left_to_alembic(scripts: Path) -> None:
    head = migrate.head_revision()
    write_script(scripts, '"ffff0000000a"', f'"{head}"')
    write_script(scripts, '"ffff0000000b"', f'"{head}"')
    write_script(scripts, '"ffff0000000c"', '("ffff0000000a", "ffff0000000b")')
    assert migrate._head_from_scripts(scripts) is None  # a merge: not read here
    assert migrate.head_revision() == alembic_head() == "ffff0000000c"


def test_files_alembic_skips_are_skipped(scripts: Path) -> None:
    (scripts / "__init__.py").write_text('"""Not a migration."""\n', encoding="utf-8")
    assert migrate._head_from_scripts(scripts) == alembic_head()


def test_two_heads_are_not_guessed(scripts: Path) -> None:
    head = migrate.head_revision()
    write_script(scripts, '"ffff0000000a"', f'"{head}"')
    write_script(scripts, '"ffff0000000b"', f'"{head}"')
    assert migrate._head_from_scripts(scripts) is None


def test_the_versions_folder_of_a_package_location() -> None:
    assert migrate._versions_folder("models:migrations") == MIGRATIONS / "versions"
    assert migrate._versions_folder("/some/where") == Path("/some/where/versions")
    assert migrate._versions_folder("no_such_package_here:migrations") is None


def test_current_revision_by_plain_sql(db_url: str) -> None:
    engine = dialect.create_engine(db_url)
    try:
        with engine.begin() as connection:
            assert migrate.current_revision(connection) is None
            connection.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            assert migrate.current_revision(connection) is None
            connection.execute(sa.text("INSERT INTO alembic_version VALUES ('abc123')"))
            assert migrate.current_revision(connection) == "abc123"
    finally:
        engine.dispose()


_OPEN_PROBE = """
import json, sys
from models import Store
Store.open(sys.argv[1]).close()
print(json.dumps("alembic" in sys.modules))
"""


def opening_imports_alembic(db_url: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_PROBE, db_url],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return bool(json.loads(done.stdout.strip().splitlines()[-1]))


def test_alembic_is_imported_only_to_create_the_database(db_url: str) -> None:
    assert opening_imports_alembic(db_url)  # a new database: created with Alembic
    assert not opening_imports_alembic(db_url)  # at head: plain SQL only
    with Store.open(db_url) as store, store.engine.connect() as connection:
        assert migrate.current_revision(connection) == alembic_head()
