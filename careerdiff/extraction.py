"""Extraction as CPU work on page bytes, in worker processes: ``PageExtractor``.

The crawl's event loop holds one core; extracting a page costs about as much CPU as
fetching it. So fetched pages go to a worker process as bytes, and come back as
records with their bodies compressed for the archive. This module imports only
the extractors and the standard library, so a worker starts in well under a second.

The archive's body format lives here too (:func:`compress`, :func:`decompress`):
the workers write it, :mod:`models.archive` stores it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
import zlib
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import TracebackType

from extractors import Issue, PageRecord, extract_page

log = logging.getLogger(__name__)

#: Jobs sent to a worker process at a time.
CHUNK_JOBS = 50
#: How often a worker checks that the process that started it is still there.
_PARENT_CHECK_SECONDS = 0.5
#: zlib level 1: nearly the ratio of the default level at a third of the CPU time.
COMPRESS_LEVEL = 1


def compress(body: bytes) -> bytes:
    """A body as the archive keeps it."""
    return zlib.compress(body, COMPRESS_LEVEL)


def decompress(blob: bytes) -> bytes:
    """A body as it was fetched."""
    return zlib.decompress(blob)


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """One page to extract: its key, body and the charset the crawl decoded it with.

    ``body`` is zlib-compressed when ``compressed`` (archived pages travel small);
    ``extract`` False only compresses it.
    """

    url: str
    body: bytes
    charset: str | None
    extract: bool = True
    compressed: bool = False


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What became of one job."""

    record: PageRecord | None  # None when the job did not ask for extraction
    body_zlib: bytes | None  # the compressed body; None when it came compressed


def extract_jobs(jobs: Sequence[ExtractJob]) -> list[ExtractedPage]:
    """Extract each job's page and compress its body (what a worker process runs)."""
    results = []
    for job in jobs:
        body = decompress(job.body) if job.compressed else job.body
        record = extract_record(_html_of(body, job.charset), job.url) if job.extract else None
        results.append(ExtractedPage(record, None if job.compressed else compress(body)))
    return results


def extract_record(html: str | bytes, url: str) -> PageRecord:
    """The page's record keyed by ``url``; an extractor crash becomes an error issue."""
    try:
        record = extract_page(html, url=url)
    except Exception as exc:  # the extractor promises not to raise; a bug must not stop a crawl
        message = f"the extractor failed: {type(exc).__name__}: {exc}".splitlines()[0]
        issue = Issue(section="page", severity="error", message=message)
        return PageRecord(url=url, title="", issues=[issue])
    return record if record.url == url else record.model_copy(update={"url": url})


def _html_of(body: bytes, charset: str | None) -> str | bytes:
    """The page as the extractor reads it: UTF-8 bytes as they are (lexbor reads bytes
    faster than text), anything else decoded the way the crawl decoded it."""
    if charset in (None, "utf-8"):
        return body
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    return text.removeprefix("\ufeff")


def _start_method() -> str:
    """``fork`` while this process has a single thread (a fork copies no lock another
    thread holds), else ``spawn``."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _start_worker(parent: int) -> None:
    """Set a worker up: Ctrl-C is for the parent, which shuts its workers down itself; and
    a worker whose parent died (SIGKILL) exits instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(0)


class PageExtractor:
    """Runs :func:`extract_jobs` in ``processes`` worker processes (0: in the caller).

    Workers start at once: forked when the caller runs no other thread (instant, and
    safe then), else spawned (a fresh interpreter). If a worker dies, the extractor
    logs it and goes on in the caller's process.
    """

    def __init__(self, processes: int = 1) -> None:
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        if processes > 0:
            self._pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context(_start_method()),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            for _ in range(processes):
                self._pool.submit(extract_jobs, [])  # start the workers now

    def submit(self, jobs: Sequence[ExtractJob]) -> Future[list[ExtractedPage]]:
        """Start on ``jobs``; the future gives one result per job, in order."""
        if self._pool is not None:
            try:
                return self._pool.submit(extract_jobs, list(jobs))
            except (BrokenProcessPool, RuntimeError):
                self._give_up_pool()
        done: Future[list[ExtractedPage]] = Future()
        done.set_result(extract_jobs(jobs))
        return done

    def wait(
        self, future: Future[list[ExtractedPage]], jobs: Sequence[ExtractJob]
    ) -> list[ExtractedPage]:
        """The results of ``future`` (submitted with ``jobs``); redone here if a worker died."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._give_up_pool()
            return extract_jobs(jobs)

    def run(self, jobs: Sequence[ExtractJob]) -> list[ExtractedPage]:
        """Extract ``jobs`` and wait for the results.

        Jobs travel in chunks of ``CHUNK_JOBS``: a worker starts on the first chunk
        while the next ones are sent, and no batch is held twice in memory at once.
        """
        chunks = [jobs[start : start + CHUNK_JOBS] for start in range(0, len(jobs), CHUNK_JOBS)]
        futures = [self.submit(chunk) for chunk in chunks]
        results = []
        for chunk, future in zip(chunks, futures, strict=True):
            results.extend(self.wait(future, chunk))
        return results

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _give_up_pool(self) -> None:
        if self._pool is not None:
            log.warning("an extraction worker process died; extracting in this process")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PageExtractor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
