"""Tables the demo prints: its run summary and three example queries from docs/database.md.

The queries are copied word for word from the document (a test checks that they
still appear there), so the demo shows what an analyst would type.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from sqlalchemy import text

from models import Store


@dataclass(frozen=True)
class ExampleQuery:
    """An analyst's question and the SQL from docs/database.md that answers it."""

    title: str
    sql: str


EXAMPLE_QUERIES: tuple[ExampleQuery, ...] = (
    ExampleQuery(
        "Best-paid occupations in office and administrative",
        """SELECT DISTINCT o.slug, o.title, o.yearly_salary_usd
FROM occupations AS o
JOIN comparisons AS c ON o.slug IN (c.slug_a, c.slug_b)
WHERE c.browse_category = 'office and administrative'
  AND o.yearly_salary_usd IS NOT NULL
ORDER BY o.yearly_salary_usd DESC, o.slug
LIMIT 10;""",
    ),
    ExampleQuery(
        "Occupations where CPR is among the top three skills",
        """SELECT s.slug, o.title, s.rank, s.share_pct
FROM occupation_skills AS s
JOIN occupations AS o ON o.slug = s.slug
WHERE s.skill = 'CPR' AND s.rank <= 3
ORDER BY s.rank, s.slug;""",
    ),
    ExampleQuery(
        "The pay gap on each comparison page",
        """SELECT c.title,
       a.yearly_salary_usd AS salary_a_usd,
       b.yearly_salary_usd AS salary_b_usd,
       b.yearly_salary_usd - a.yearly_salary_usd AS gap_usd
FROM comparisons AS c
JOIN occupations AS a ON a.slug = c.slug_a
JOIN occupations AS b ON b.slug = c.slug_b
WHERE a.yearly_salary_usd IS NOT NULL AND b.yearly_salary_usd IS NOT NULL
ORDER BY abs(b.yearly_salary_usd - a.yearly_salary_usd) DESC;""",
    ),
)

#: Rows and characters per cell a printed table shows at most.
MAX_ROWS = 10
MAX_CELL = 40


@dataclass(frozen=True)
class QueryResult:
    """The rows one example query returned."""

    query: ExampleQuery
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_examples(db_url: str, queries: Sequence[ExampleQuery]) -> Iterator[QueryResult]:
    """Run each query on the database, in order."""
    with Store.open(db_url) as store, store.engine.connect() as connection:
        for query in queries:
            result = connection.execute(text(query.sql))
            yield QueryResult(query, list(result.keys()), [tuple(row) for row in result])


def summary_table(rows: Sequence[Mapping[str, Any]], *, title: str = "Run summary") -> Table:
    """A two-column table of a run summary's ``{"measure", "count"}`` rows."""
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("count", justify="right")
    for row in rows:
        table.add_row(str(row["measure"]), f"{row['count']:,}")
    return table


def result_table(result: QueryResult) -> Table:
    """The first rows of a query's result, long texts shortened."""
    table = Table(title=result.query.title, title_justify="left")
    for column in result.columns:
        table.add_column(column)
    for row in result.rows[:MAX_ROWS]:
        table.add_row(*(_cell(value) for value in row))
    if not result.rows:
        table.caption = "(no rows)"
    elif len(result.rows) > MAX_ROWS:
        table.caption = f"(first {MAX_ROWS} of {len(result.rows)} rows)"
    return table


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    shown = " ".join(str(value).split())
    return shown if len(shown) <= MAX_CELL else shown[: MAX_CELL - 1] + "…"
