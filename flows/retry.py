"""Which failed task runs Prefect retries: whole batches hit by an infrastructure fault.

HTTP faults are retried page by page inside the fetcher and never fail a task. A
task fails when something under the whole batch broke: the database went away, a
lock timed out, a connection dropped. Those errors are *transient* (a later try
can succeed) and worth a Prefect retry of the batch; anything else (a bad setting,
an old schema, a bug) fails the same way again and is not retried.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError, TimeoutError

from careerdiff.errors import CareerdiffError

#: Prefect retries of a failed batch task, and the seconds waited before each.
TASK_RETRIES = 2
TASK_RETRY_DELAYS: list[float] = [10.0, 60.0]

_TRANSIENT_DATABASE_ERRORS = (OperationalError, DisconnectionError, TimeoutError)


def is_transient(error: BaseException) -> bool:
    """Whether ``error`` (or an error it was raised from) is an infrastructure fault a
    retry can fix: a careerdiff error marked transient or a lost database connection."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, CareerdiffError):
            return current.transient
        if isinstance(current, _TRANSIENT_DATABASE_ERRORS):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        current = current.__cause__
    return False


def retry_on_infrastructure_failure(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect's ``retry_condition_fn``: retry a failed batch only for a transient error."""
    error = state.data
    return isinstance(error, BaseException) and is_transient(error)
