"""A real Prefect server, worker and ``careerdiff serve`` as subprocesses, for end-to-end tests.

Every process is started in a session of its own and stopped with its whole process
group (the worker's flow-run subprocesses too), also when a test fails. Everything
listens on and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrefectStack:
    """Processes of one Prefect installation: a server on a free port and a temp PREFECT_HOME."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.env = _clean_environment()
        self.env.update(
            {
                "PREFECT_HOME": str(home),
                "PREFECT_API_URL": self.api_url,
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "DO_NOT_TRACK": "1",
                "PREFECT_WORKER_QUERY_SECONDS": "2",
                "PREFECT_RUNNER_POLL_FREQUENCY": "2",
                "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            }
        )
        self._processes: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []

    # -- processes that keep running ------------------------------------------------------

    def start(self, name: str, command: Sequence[str]) -> subprocess.Popen[bytes]:
        """Start ``command`` in its own session; its output goes to ``<home>/<name>.log``."""
        log = (self.home / f"{name}.log").open("wb")
        process = subprocess.Popen(
            list(command),
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._processes.append((process, log))
        return process

    def start_server(self, timeout: float = 120.0) -> None:
        """``prefect server start`` on this stack's port; returns once its API is healthy."""
        server = self.start(
            "server",
            [
                str(BIN / "prefect"),
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"the Prefect server exited: {self.log('server')}")
            try:
                if httpx.get(f"{self.api_url}/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the Prefect server did not answer in {timeout:.0f} s")

    def stop(self, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
        """Stop ``process`` and everything it started: SIGTERM to its process group, then
        SIGKILL to whatever of the group is left (a flow run still shutting down)."""
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout)
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)

    def stop_all(self) -> None:
        """Stop every process started, the newest first (the server last)."""
        for process, log in reversed(self._processes):
            self.stop(process)
            log.close()
        self._processes.clear()

    def log(self, name: str) -> str:
        """The end of a process's output, for failure messages."""
        path = self.home / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    # -- commands that finish ----------------------------------------------------------

    def run(self, *args: str, timeout: float = 240.0) -> subprocess.CompletedProcess[str]:
        """Run ``prefect ARGS`` against this stack's server; fail with its output if it fails."""
        done = subprocess.run(
            [str(BIN / "prefect"), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            raise AssertionError(
                f"prefect {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
            )
        return done

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """A call to the server's REST API; its JSON answer."""
        response = httpx.request(method, f"{self.api_url}{path}", timeout=30, **kwargs)
        response.raise_for_status()
        return response.json()

    def latest_artifact_rows(self, key: str) -> list[dict[str, Any]]:
        """The rows of the newest table artifact ``key`` (read with ``prefect artifact
        inspect``, as docs/operations.md shows)."""
        done = self.run("artifact", "inspect", key, "--limit", "1", "--output", "json")
        [artifact] = json.loads(done.stdout)
        data = artifact["data"]
        rows: list[dict[str, Any]] = json.loads(data) if isinstance(data, str) else data
        return rows


def params(**values: Any) -> list[str]:
    """``--param name=JSON`` arguments for ``prefect deployment run``."""
    arguments: list[str] = []
    for name, value in values.items():
        arguments += ["--param", f"{name}={json.dumps(value)}"]
    return arguments


def _clean_environment() -> dict[str, str]:
    """This process's environment without Prefect or careerdiff settings of its own."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PREFECT_", "CAREERDIFF_"))
    }
