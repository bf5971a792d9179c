"""Every SQL example of docs/database.md runs on both back-ends and finds rows.

The database is built from the fixture pages through the real extractor, plus
one later fetch of the seed page with a changed salary, so that the history
has something to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import T0, postgres_schema

from extractors import EXTRACTOR_VERSION, extract_page
from models import LoadItem, Store
from models.views import VIEW_COLUMNS
from tests.helpers import SEED_NAME, load_page, page_names

DOC = Path(__file__).resolve().parents[2] / "docs" / "database.md"
SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def _items() -> Iterator[LoadItem]:
    for name in page_names():
        record = extract_page(load_page(name), url=f"https://careers.test/pages/{name}")
        yield LoadItem(record, T0, f"hash-{name}", EXTRACTOR_VERSION)
    seed = extract_page(load_page(SEED_NAME), url=f"https://careers.test/pages/{SEED_NAME}")
    coordinator = seed.occupations[0]
    raised = coordinator.model_copy(
        update={"yearly_salary_usd": (coordinator.yearly_salary_usd or 0) + 1000}
    )
    later = seed.model_copy(update={"occupations": [raised, *seed.occupations[1:]]})
    yield LoadItem(later, T0 + timedelta(days=30), "hash-seed-later", EXTRACTOR_VERSION)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fixture_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        with Store.open(f"sqlite:///{tmp_path_factory.mktemp('doc') / 'fixtures.db'}") as store:
            store.load(_items())
            yield store
        return
    with postgres_schema() as url, Store.open(url) as store:
        store.load(_items())
        yield store


def test_the_doc_has_at_least_six_example_queries() -> None:
    assert len(SQL_BLOCKS) >= 6


def test_the_doc_describes_every_view_and_column() -> None:
    text = DOC.read_text(encoding="utf-8")
    for view, columns in VIEW_COLUMNS.items():
        assert f"### `{view}`" in text
        section = text.split(f"### `{view}`", 1)[1].split("###", 1)[0]
        for column in columns:
            assert f"| `{column}` |" in section, f"{view}.{column} is not documented"


@pytest.mark.parametrize("number", range(len(SQL_BLOCKS)))
def test_every_example_query_finds_rows(fixture_store: Store, number: int) -> None:
    with fixture_store.engine.connect() as connection:
        rows = connection.execute(sa.text(SQL_BLOCKS[number])).all()
    assert rows, f"example query {number + 1} found nothing:\n{SQL_BLOCKS[number]}"
