"""Which failed batch tasks Prefect retries: transient infrastructure faults only."""

from __future__ import annotations

import pytest
from prefect.states import Completed, Failed
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from careerdiff.errors import ConfigError, LoadError, SchemaOutOfDateError
from flows.retry import is_transient, retry_on_infrastructure_failure


def _raised_from(error: BaseException, cause: BaseException) -> BaseException:
    try:
        raise error from cause
    except BaseException as raised:
        return raised


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (LoadError("database is locked", transient=True), True),
        (LoadError("value too long", transient=False), False),
        (SchemaOutOfDateError("run careerdiff db upgrade"), False),
        (ConfigError("bad seed"), False),
        (OperationalError("SELECT 1", {}, Exception("server closed the connection")), True),
        (IntegrityError("INSERT", {}, Exception("duplicate key")), False),
        (ValueError("a bug"), False),
        (_raised_from(RuntimeError("wrapped"), OperationalError("x", {}, Exception())), True),
    ],
)
def test_only_transient_errors_are_retried(error: BaseException, retried: bool) -> None:
    assert is_transient(error) is retried
    assert retry_on_infrastructure_failure(None, None, Failed(data=error)) is retried


def test_a_dropped_connection_is_transient_whatever_the_error_class() -> None:
    error = DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True)

    assert is_transient(error)


def test_a_state_without_an_exception_is_not_retried() -> None:
    assert not retry_on_infrastructure_failure(None, None, Completed(data=3))
