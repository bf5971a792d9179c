"""How the ``careerdiff`` program ends (:func:`careerdiff.cli.exit_now`): the exit status,
the exit handlers and flushed output of an ordinary exit, without the interpreter's
teardown; with another thread alive, the ordinary exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_PROBE = """
import atexit, sys, threading, time
from pathlib import Path
from careerdiff.cli import exit_now

marks = Path(sys.argv[1])

class Teardown:
    def __del__(self):
        with marks.open("a") as out:
            out.write("teardown\\n")

kept = Teardown()  # a module global: only the interpreter's teardown deletes it
atexit.register(lambda: marks.open("a").write("exit handler\\n"))
sys.stdout.write("no newline, buffered")
sys.stderr.write("to stderr")
if sys.argv[2] == "thread":
    def late():
        time.sleep(0.3)
        with marks.open("a") as out:
            out.write("thread\\n")
    threading.Thread(target=late).start()
exit_now(3)
"""


def run_probe(tmp_path: Path, mode: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    marks = tmp_path / "marks.txt"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(marks), mode],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done, marks.read_text().splitlines() if marks.exists() else []


def test_the_program_exits_with_its_status_handlers_run_and_output_flushed(
    tmp_path: Path,
) -> None:
    done, marks = run_probe(tmp_path, "alone")
    assert done.returncode == 3
    assert done.stdout == "no newline, buffered"
    assert done.stderr == "to stderr"
    assert marks == ["exit handler"]  # no teardown: that is the time saved


def test_with_another_thread_alive_the_program_exits_as_usual(tmp_path: Path) -> None:
    done, marks = run_probe(tmp_path, "thread")
    assert done.returncode == 3
    assert done.stdout == "no newline, buffered"
    assert marks[0] == "thread"  # waited for, as sys.exit does
    assert "exit handler" in marks


def test_python_m_careerdiff_exits_with_mains_status() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careerdiff", "nosuch"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("careerdiff: error:")
    assert subprocess.run(
        [sys.executable, "-m", "careerdiff", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()


def test_under_a_profiler_the_program_returns_to_it(tmp_path: Path) -> None:
    stats = tmp_path / "careerdiff.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "careerdiff", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert stats.stat().st_size > 0  # written by cProfile after the program returned
