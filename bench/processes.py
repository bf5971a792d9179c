"""Run a command as a child and measure it: wall time, CPU time and peak memory.

Peak memory is measured two ways. ``os.wait4`` gives ``ru_maxrss``, the exact peak
resident set of the child itself (or of the largest of its waited-for children).
Because a crawl may extract in a helper process, the child's whole process tree is
also sampled four times a second: the proportional set sizes (PSS: a page shared
by forked processes is split between them, not counted twice) of the tree's
processes are added up, and the tree's peak is the largest such sum (or the
child's own ``ru_maxrss``, if larger).

Between samples the parent waits on the child's pidfd, so the wall time ends when
the child does (sleeping between samples rounded every wall time up to the next
sample, 0-0.25 s later: a quarter of a one-second recrawl).
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.25  # seconds


@dataclass(frozen=True)
class Measured:
    """One finished child: how it ended and what it cost."""

    returncode: int
    seconds: float
    cpu_seconds: float  # user + system of the child and its waited-for children
    maxrss_mb: float  # ru_maxrss of wait4
    tree_peak_mb: float  # the sum of every tree process's own peak
    processes: int  # processes seen in the tree
    timed_out: bool = False


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(p) for p in children.read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def memory_kb(pid: int) -> int:
    """The process's proportional set size now (its resident set where PSS is unknown), in KB."""
    for path, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return 0


def cpu_seconds_of(pids: Sequence[int]) -> float:
    """User + system CPU seconds used so far by ``pids`` (those still running)."""
    hertz = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])
    return total / hertz


def tree_of(pid: int) -> list[int]:
    """``pid`` and all its descendants that are running now."""
    return _tree(pid)


def run_measured(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    log: Path,
    timeout: float = 3600.0,
) -> Measured:
    """Run ``command`` (output to ``log``) and measure it; killed after ``timeout`` seconds."""
    log.parent.mkdir(parents=True, exist_ok=True)
    seen: set[int] = set()
    tree_peak_kb = 0
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=dict(env), stdout=out, stderr=out)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            members = _tree(child.pid)
            seen.update(members)
            tree_peak_kb = max(tree_peak_kb, sum(memory_kb(member) for member in members))
            if time.perf_counter() - started > timeout and not timed_out:
                child.kill()
                timed_out = True
            _wait_exit(child.pid, SAMPLE_EVERY)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        returncode=child.returncode,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        maxrss_mb=usage.ru_maxrss / 1024,
        tree_peak_mb=max(tree_peak_kb, usage.ru_maxrss) / 1024,
        processes=len(seen),
        timed_out=timed_out,
    )


def _wait_exit(pid: int, timeout: float) -> None:
    """Wait up to ``timeout`` seconds, returning at once when process ``pid`` exits."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd here (or the child is reaped): sleep
        time.sleep(timeout)
        return
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        poller.poll(timeout * 1000)
    finally:
        os.close(fd)
