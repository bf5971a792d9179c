"""The Scrapy peer crawls a small generated site into the store, page for page."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.crawling import child_env
from bench.nginx import serve
from bench.peers.scrapy_crawl import COMPARISON_URL
from bench.sitegen import ROOT, write_discovery, write_site


def test_the_pattern_picks_comparison_pages_of_any_host() -> None:
    assert re.match(COMPARISON_URL, "http://127.0.0.1:9/nurse-jobs/nurse-vs-aide-differences")
    assert not re.match(COMPARISON_URL, "http://127.0.0.1:9/healthcare-jobs/")


@pytest.mark.slow
def test_the_peer_stores_every_comparison_page(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 6, workers=1)
    db = tmp_path / "peer.db"
    with serve(site.www, tmp_path / "server", install=False, say=lambda _: None) as server:
        write_discovery(site, server.base_url)
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "peers" / "scrapy_crawl.py"),
                "--base",
                server.base_url,
                "--db",
                f"sqlite:///{db}",
                "--batch-size",
                "4",
            ],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        wanted = sorted(site.comparison_urls(server.base_url))
    with sqlite3.connect(db) as connection:
        urls = sorted(url for (url,) in connection.execute("SELECT url FROM comparisons"))
        issues = connection.execute("SELECT count(*) FROM parse_issues").fetchone()[0]
    assert urls == wanted
    assert issues == 0
