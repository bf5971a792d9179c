"""Databases for the store's tests: every ``db_url`` test runs on SQLite and on PostgreSQL.

PostgreSQL tests (marked ``postgres``) use the server on 127.0.0.1:5432, each in
a schema of its own (chosen through ``search_path`` in the URL) that is dropped
afterwards.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from store_factories import postgres_schema

from models import Store

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_db_url(backend: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes empty databases of the test's back-end, as many as the test wants."""
    numbers = itertools.count()
    with ExitStack() as cleanups:

        def make() -> str:
            if backend == "sqlite":
                return f"sqlite:///{tmp_path / f'store{next(numbers)}.db'}"
            return cleanups.enter_context(postgres_schema())

        yield make


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    return new_db_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url, batch_size=50) as opened:
        yield opened
