"""The benchmark's static server: the nginx config, and a server that serves the site's shape."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from bench import nginx
from bench.nginx import error_lines, free_port, nginx_config, serve

PAGE = "/nurse-jobs/nurse-vs-medical-assistant-differences"


def test_the_config_is_tuned_for_static_files_and_kept_in_the_work_folder(tmp_path: Path) -> None:
    conf = nginx_config(tmp_path / "www", tmp_path / "work", 8123, as_root=False)
    for directive in (
        "worker_processes 1;",
        "sendfile on;",
        "access_log off;",
        "etag on;",
        "listen 127.0.0.1:8123;",
        f"pid {tmp_path / 'work'}/nginx.pid;",
        f"root {tmp_path / 'www'};",
        "try_files $uri $uri/index.html =404;",
        "keepalive_requests",
        "worker_rlimit_nofile",
    ):
        assert directive in conf
    assert "user " not in conf
    assert "user root;" in nginx_config(tmp_path, tmp_path, 1, as_root=True)


def test_a_free_port_can_be_bound() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


@pytest.mark.parametrize("without_nginx", [False, True], ids=["nginx-if-installed", "fallback"])
def test_extensionless_pages_are_html_and_unchanged_ones_cost_a_304(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, without_nginx: bool
) -> None:
    if without_nginx:
        monkeypatch.setattr(nginx, "find_nginx", lambda **_: None)
    page = tmp_path / "www" / PAGE.strip("/") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>Nurse vs medical assistant</h1>", encoding="utf-8")
    messages: list[str] = []
    with (
        serve(tmp_path / "www", tmp_path / "work", install=False, say=messages.append) as server,
        httpx.Client(base_url=server.base_url) as client,
    ):
        first = client.get(PAGE)
        assert first.status_code == 200, messages
        assert first.headers["content-type"].startswith("text/html")
        assert "charset=utf-8" in first.headers["content-type"]
        assert first.text.startswith("<h1>Nurse")
        again = client.get(PAGE, headers={"If-Modified-Since": first.headers["last-modified"]})
        assert again.status_code == 304
        if not server.is_fallback:
            etag = first.headers["etag"]
            assert client.get(PAGE, headers={"If-None-Match": etag}).status_code == 304
        assert client.get("/missing").status_code == 404
    assert server.is_fallback == any("WARNING" in m for m in messages)
    if without_nginx:
        assert server.is_fallback


def test_error_lines_are_the_serious_ones(tmp_path: Path) -> None:
    (tmp_path / "error.log").write_text(
        "2026/01/01 [warn] 1#1: duplicate MIME type\n"
        "2026/01/01 [crit] 1#1: open() failed (24: Too many open files)\n"
        "2026/01/01 [error] 1#1: something\n",
        encoding="utf-8",
    )
    lines = error_lines(tmp_path)
    assert len(lines) == 2 and "Too many open files" in lines[0]
    assert error_lines(tmp_path / "missing") == []
