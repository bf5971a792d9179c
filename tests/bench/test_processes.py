"""Measuring a child process: exit code, CPU time and peak memory of its whole tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench.processes import run_measured

HOLD_40_MB = (
    "b = bytearray(40 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); "
    "import time; time.sleep(0.6)"
)


def test_a_child_that_holds_memory_is_measured(tmp_path: Path) -> None:
    measured = run_measured(
        [sys.executable, "-c", HOLD_40_MB], cwd=tmp_path, env=os.environ, log=tmp_path / "a.log"
    )
    assert measured.returncode == 0 and not measured.timed_out
    assert measured.maxrss_mb >= 40
    assert measured.tree_peak_mb >= measured.maxrss_mb
    assert measured.seconds >= 0.5


def test_a_grandchild_counts_toward_the_tree_peak(tmp_path: Path) -> None:
    script = (
        "import subprocess, sys; "
        f"subprocess.run([sys.executable, '-c', {HOLD_40_MB!r}], check=True); "
        "print('done')"
    )
    measured = run_measured(
        [sys.executable, "-c", script], cwd=tmp_path, env=os.environ, log=tmp_path / "b.log"
    )
    assert measured.returncode == 0
    assert measured.processes >= 2
    assert measured.tree_peak_mb >= 40 + 5  # the grandchild's 40 MB and the child itself
    assert (tmp_path / "b.log").read_text().strip() == "done"


def test_exit_codes_and_timeouts(tmp_path: Path) -> None:
    failed = run_measured(
        [sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path, env=os.environ,
        log=tmp_path / "c.log",
    )  # fmt: skip
    assert failed.returncode == 3
    slow = run_measured(
        [sys.executable, "-c", "import time; time.sleep(30)"], cwd=tmp_path, env=os.environ,
        log=tmp_path / "d.log", timeout=0.3,
    )  # fmt: skip
    assert slow.timed_out and slow.returncode != 0 and slow.seconds < 10


def test_the_wall_time_ends_when_the_child_does_not_at_the_next_sample(tmp_path: Path) -> None:
    # 0.3 s: just past one sample (0.25 s). Sleeping between samples measured 0.5 s.
    walls = [
        run_measured(
            [sys.executable, "-c", "import time; time.sleep(0.3)"], cwd=tmp_path,
            env=os.environ, log=tmp_path / "e.log",
        ).seconds
        for _ in range(3)
    ]  # fmt: skip
    assert 0.3 <= min(walls) < 0.45
