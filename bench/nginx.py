"""A fast static server on 127.0.0.1 for the generated site: nginx, or a clearly marked fallback.

    with serve(site_www, work_dir) as server:     # server.base_url, server.kind
        ...

nginx comes from Debian's packages: when it is missing and we run as root, it is
installed with ``apt-get update && apt-get install -y nginx``. Its config is written
to ``work_dir`` (sendfile, keep-alive, no access log, ETag and Last-Modified, one
worker, a free port, pid and temp paths inside ``work_dir``) and it runs in the
foreground as our child. When nginx cannot be had, a threaded Python server takes
its place with a warning: that server, not the client, is then likely the limit.
"""

from __future__ import annotations

import contextlib
import ctypes
import http.server
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

NGINX_CONF = """\
# Written by bench/nginx.py for one benchmark run; not for production.
{user}worker_processes 1;
worker_rlimit_nofile 16384;
daemon off;
master_process on;
pid {work}/nginx.pid;
error_log {work}/error.log warn;

events {{
    worker_connections 4096;
}}

http {{
    types {{
        text/html html;
        text/plain txt;
        application/xml xml;
    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/plain application/xml;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    access_log off;
    etag on;
    if_modified_since exact;
    open_file_cache max=4096 inactive=20s;
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;

    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        location / {{
            try_files $uri $uri/index.html =404;
        }}
    }}
}}
"""


PR_SET_PDEATHSIG = 1  # prctl option: a signal for the child when its parent dies


class ServerUnavailable(RuntimeError):
    """No static server could be started."""


def nginx_config(root: Path, work: Path, port: int, *, as_root: bool) -> str:
    """The nginx config serving ``root`` on 127.0.0.1:``port`` with state kept in ``work``."""
    user = "user root;\n" if as_root else ""  # workers must read files only root may own
    return NGINX_CONF.format(user=user, work=work, root=root, port=port)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def find_nginx(*, install: bool = True, say: Callable[[str], None] = print) -> str | None:
    """The nginx binary; installed from Debian's packages when missing (as root) if ``install``."""
    found = shutil.which("nginx") or _sbin("nginx")
    if found or not install:
        return found
    if os.geteuid() != 0:
        _say(say, "nginx is not installed and we are not root: cannot install it")
        return None
    if shutil.which("apt-get") is None:
        _say(say, "nginx is not installed and there is no apt-get to install it with")
        return None
    _say(say, "installing nginx: apt-get update && apt-get install -y nginx")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "nginx"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            _say(say, f"{' '.join(command)} failed ({done.returncode}): {last[0]}")
            return None
    return shutil.which("nginx") or _sbin("nginx")


def _sbin(name: str) -> str | None:
    path = Path("/usr/sbin") / name
    return str(path) if path.is_file() else None


def _say(say: Callable[[str], None], message: str) -> None:
    if callable(say):
        say(message)


@dataclass
class Server:
    """A running static server: where it listens and what it is."""

    base_url: str
    kind: str  # "nginx" or "python (fallback)"
    pid: int | None = None
    version: str = ""
    work: Path | None = None  # nginx's folder: config, pid, error.log

    @property
    def is_fallback(self) -> bool:
        return self.kind != "nginx"


@contextlib.contextmanager
def serve(
    root: Path, work: Path, *, install: bool = True, say: Callable[[str], None] = print
) -> Iterator[Server]:
    """Serve ``root`` on 127.0.0.1 with nginx, or with the Python fallback (with a warning)."""
    binary = find_nginx(install=install, say=say)
    if binary is not None:
        try:
            with _nginx(binary, root, work) as server:
                yield server
                return
        except ServerUnavailable as exc:
            _say(say, f"nginx did not start: {exc}")
    _say(
        say,
        "WARNING: serving the site with a Python server instead of nginx; "
        "crawl numbers are likely limited by that server, not by the crawler",
    )
    with _python_server(root) as server:
        yield server


@contextlib.contextmanager
def _nginx(binary: str, root: Path, work: Path) -> Iterator[Server]:
    work.mkdir(parents=True, exist_ok=True)
    (work / "tmp").mkdir(exist_ok=True)
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(
        nginx_config(root.resolve(), work.resolve(), port, as_root=os.geteuid() == 0),
        encoding="utf-8",
    )
    version = _nginx_version(binary)
    process = subprocess.Popen(
        [binary, "-e", str(work / "error.log"), "-p", str(work), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_die_with_parent,
    )
    try:
        _wait_listening(port, process)
        yield Server(f"http://127.0.0.1:{port}", "nginx", process.pid, version, work)
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown of master and worker
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to stop nginx if the benchmark dies first."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: nginx is stopped by the context manager only


def error_lines(work: Path) -> list[str]:
    """The lines nginx logged at level error or worse in ``work`` (a failing server shows here)."""
    try:
        text = (work / "error.log").read_text(errors="replace")
    except OSError:
        return []
    levels = ("[error]", "[crit]", "[alert]", "[emerg]")
    return [line for line in text.splitlines() if any(level in line for level in levels)]


def _nginx_version(binary: str) -> str:
    done = subprocess.run([binary, "-v"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().removeprefix("nginx version: ")


def _wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise ServerUnavailable(error.strip().splitlines()[-1] if error.strip() else "exited")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    process.kill()
    process.wait()
    raise ServerUnavailable(f"not listening on port {port} after {timeout:.0f} s")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``<path>/index.html`` for an extensionless path, without a redirect."""

    protocol_version = "HTTP/1.1"
    extensions_map = {  # noqa: RUF012  (the base class declares it a plain attribute)
        ".html": "text/html; charset=utf-8",
        ".xml": "application/xml",
        ".txt": "text/plain",
    }

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.endswith("/") and (path / "index.html").is_file():
            self.path = self.path.split("?", 1)[0] + "/index.html"
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _python_server(root: Path) -> Iterator[Server]:
    handler = lambda *a, **k: _SiteHandler(*a, directory=str(root), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="bench-static", daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        yield Server(
            f"http://127.0.0.1:{port}", "python (fallback)", os.getpid(), sys.version.split()[0]
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
