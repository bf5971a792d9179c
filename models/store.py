"""The store: open a database at the current schema and load pages into it in batches.

    store = Store.open("sqlite:///data/careerdiff.db")
    summary = store.load(items)        # items: Iterable[LoadItem]
    print(summary)

Each batch is one transaction holding the write lock: it commits whole or not
at all, and a failed batch leaves every earlier batch stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from types import TracebackType

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from careerdiff.errors import CareerdiffError, ConfigError, LoadError
from careerdiff.settings import DEFAULT_DB_URL, Settings
from models import dialect, migrate
from models.items import LoadItem, Outcome
from models.prepare import prepare
from models.summary import LoadSummary, stronger
from models.writer import BatchResult, write_batch

DEFAULT_BATCH_SIZE = Settings().batch_size


class Store:
    """A careerdiff database, open and at the current schema revision."""

    def __init__(self, engine: Engine, *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ConfigError(f"batch size must be at least 1, not {batch_size}")
        self.engine = engine
        self.batch_size = batch_size
        self._url = dialect.safe_url(engine.url)

    @classmethod
    def open(cls, db_url: str = DEFAULT_DB_URL, *, batch_size: int = DEFAULT_BATCH_SIZE) -> Store:
        """Open ``db_url``: a new database is created at head; an older one is refused.

        Raises :class:`~careerdiff.errors.ConfigError` for a bad URL,
        :class:`~careerdiff.errors.SchemaOutOfDateError` for an old schema and
        :class:`~careerdiff.errors.LoadError` when the database cannot be reached.
        """
        engine = dialect.create_engine(db_url)
        try:
            with engine.begin() as connection:
                migrate.ensure_current(connection, dialect.safe_url(db_url))
        except SQLAlchemyError as exc:
            engine.dispose()
            raise LoadError(
                f"cannot open the database {dialect.safe_url(db_url)}: {migrate.first_line(exc)}",
                transient=isinstance(exc, OperationalError),
            ) from None
        except CareerdiffError:
            engine.dispose()
            raise
        return cls(engine, batch_size=batch_size)

    def load(self, items: Iterable[LoadItem]) -> LoadSummary:
        """Store ``items`` in batches of ``batch_size``, one transaction each."""
        pages = changes = issues = 0
        page_outcomes: dict[str, Outcome] = {}
        occupation_outcomes: dict[str, Outcome] = {}
        for batch in _batches(items, self.batch_size):
            result = self._load_batch(batch)
            pages += len(batch)
            changes += result.changes
            issues += result.issues
            for url, outcome in result.page_outcomes.items():
                page_outcomes[url] = stronger(page_outcomes.get(url), outcome)
            for slug, outcome in result.occupation_outcomes.items():
                occupation_outcomes[slug] = stronger(occupation_outcomes.get(slug), outcome)
        return LoadSummary.of(
            pages=pages,
            page_outcomes=page_outcomes,
            occupation_outcomes=occupation_outcomes,
            changes=changes,
            issues=issues,
        )

    def _load_batch(self, batch: list[LoadItem]) -> BatchResult:
        facts = [prepare(item) for item in batch]
        try:
            with self.engine.begin() as connection:
                return write_batch(connection, facts)
        except SQLAlchemyError as exc:
            raise LoadError(
                f"storing {len(batch)} pages (from {batch[0].url}) in {self._url} failed and "
                f"was rolled back; earlier batches are kept: {migrate.first_line(exc)}",
                url=batch[0].url,
                transient=isinstance(exc, OperationalError),
            ) from None

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _batches(items: Iterable[LoadItem], size: int) -> Iterator[list[LoadItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
