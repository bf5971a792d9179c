"""Retry-After parsing, back-off delays, and the retry wrapper."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from careerdiff.crawl.retry import (
    FinalFault,
    RetryPolicy,
    TransientFault,
    call_with_retries,
    parse_retry_after,
)

from .conftest import RecordingSleep, run

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_retry_after_in_seconds() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 7 ") == 7.0


def test_retry_after_as_http_date() -> None:
    when = format_datetime(NOW + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(when, now=NOW) == pytest.approx(90.0)


def test_retry_after_in_the_past_means_now() -> None:
    when = format_datetime(NOW - timedelta(hours=1), usegmt=True)
    assert parse_retry_after(when, now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "1.5e3x"])
def test_unusable_retry_after(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_backoff_grows_exponentially_with_jitter_and_a_ceiling() -> None:
    low = RetryPolicy(backoff_base=1.0, backoff_max=5.0, random=lambda: 0.0)
    high = RetryPolicy(backoff_base=1.0, backoff_max=5.0, random=lambda: 1.0)
    assert [low.delay(n, None) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 2.5, 2.5]
    assert [high.delay(n, None) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_retry_after_replaces_backoff_and_is_capped() -> None:
    policy = RetryPolicy(backoff_base=1.0, retry_after_max=30.0, random=lambda: 0.5)
    assert policy.delay(1, TransientFault("http-503", "x", retry_after=12.0)) == 12.0
    assert policy.delay(1, TransientFault("http-503", "x", retry_after=3600.0)) == 30.0


class _Script:
    """An attempt function that raises the given faults in turn, then returns "ok"."""

    def __init__(self, *faults: Exception) -> None:
        self.faults = list(faults)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.faults:
            raise self.faults.pop(0)
        return "ok"


def _policy(sleep: RecordingSleep, retries: int = 3) -> RetryPolicy:
    return RetryPolicy(max_retries=retries, backoff_base=1.0, sleep=sleep, random=lambda: 1.0)


def test_success_on_the_first_attempt_never_sleeps() -> None:
    sleep = RecordingSleep()
    script = _Script()
    assert run(call_with_retries(script, _policy(sleep))) == "ok"
    assert script.calls == 1 and sleep.delays == []


def test_transient_faults_are_retried_with_growing_waits() -> None:
    sleep = RecordingSleep()
    script = _Script(TransientFault("timeout", "t"), TransientFault("connection", "c"))
    assert run(call_with_retries(script, _policy(sleep))) == "ok"
    assert script.calls == 3
    assert sleep.delays == [1.0, 2.0]


def test_retries_run_out_and_the_last_fault_is_raised() -> None:
    sleep = RecordingSleep()
    faults = [TransientFault("http-503", f"attempt {n}") for n in range(1, 10)]
    script = _Script(*faults)
    with pytest.raises(TransientFault, match="attempt 4"):
        run(call_with_retries(script, _policy(sleep, retries=3)))
    assert script.calls == 4
    assert sleep.delays == [1.0, 2.0, 4.0]


def test_final_faults_are_not_retried() -> None:
    sleep = RecordingSleep()
    script = _Script(TransientFault("timeout", "t"), FinalFault("not-html", "n"))
    with pytest.raises(FinalFault):
        run(call_with_retries(script, _policy(sleep)))
    assert script.calls == 2


def test_zero_retries_means_one_attempt() -> None:
    sleep = RecordingSleep()
    script = _Script(TransientFault("timeout", "t"))
    with pytest.raises(TransientFault):
        run(call_with_retries(script, _policy(sleep, retries=0)))
    assert script.calls == 1 and sleep.delays == []


def test_server_retry_after_is_waited_for() -> None:
    sleep = RecordingSleep()
    script = _Script(TransientFault("http-429", "slow down", retry_after=42.0))
    assert run(call_with_retries(script, _policy(sleep))) == "ok"
    assert sleep.delays == [42.0]
