"""Several crawl processes on one frontier: how many, their shares, starting and joining them.

One Python process fetching, extracting and storing holds one core; a second one on
the same persistent frontier uses the second core. Each process leases its own URLs
(the frontier hands a URL to one lease holder only), so none is fetched twice.

Politeness holds across processes: each process gets its share of a host's
``concurrency`` (so there are never more processes than that) and paces its
requests ``processes`` times further apart than the host's rate or robots.txt's
Crawl-delay asks (``spread``), so all of them together keep to it.

The processes are forked when the caller runs no other thread (instant: imports and
all are shared), else spawned. Each dies with its parent (``PR_SET_PDEATHSIG`` on
Linux, else a watcher thread), so a SIGKILLed crawl leaves no process behind and the
next crawl takes its leases back. The parent collects their statuses and summaries
through pipes; on Ctrl-C the parent stops each of them (SIGUSR1), and each stops
cleanly, handing back its unsettled leases.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from careerdiff.crawl.progress import CrawlProgress
from careerdiff.crawl.summary import CrawlStatus, CrawlSummary
from careerdiff.errors import LoadError
from careerdiff.settings import Settings

#: Processes a crawl runs when ``crawl_processes`` is 0 (auto): one per core, at most this.
AUTO_MAX_PROCESSES = 2
_PR_SET_PDEATHSIG = 1
_PARENT_CHECK_SECONDS = 0.5


def process_count(settings: Settings, *, threaded: bool | None = None) -> int:
    """How many crawl processes ``settings`` ask for, at most one per request slot of a host.

    ``crawl_processes`` 0 means one per CPU core (at most ``AUTO_MAX_PROCESSES``), and
    1 in a process that runs other threads (a Prefect worker), where only spawning a
    fresh interpreter is safe and that costs more than it saves on small slices.
    """
    wanted = settings.crawl_processes
    if wanted == 0:
        if threaded is None:
            threaded = threading.active_count() > 1
        wanted = 1 if threaded else min(AUTO_MAX_PROCESSES, os.cpu_count() or 1)
    return max(1, min(wanted, settings.concurrency))


def shares(settings: Settings, processes: int) -> list[Settings]:
    """Each process's settings: its part of ``concurrency``, of ``max_pages`` (0 stays 0,
    no limit) and of ``batch_size`` (pages waiting to be stored are held in memory, up to
    two batches a process: together no more than one process holds); no seeds or
    sitemaps (the parent queued them); the allowed hosts fixed."""
    batch_size = max(1, settings.batch_size // processes)
    concurrency = _split(settings.concurrency, processes)
    pages = _split(settings.max_pages, processes) if settings.max_pages else [0] * processes
    return [
        replace(
            settings,
            batch_size=batch_size,
            concurrency=concurrency[index],
            max_pages=pages[index],
            seeds=(),
            sitemaps=(),
        )
        for index in range(processes)
        if settings.max_pages == 0 or pages[index] > 0
    ]


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def merged(summaries: list[CrawlSummary], first: CrawlSummary, elapsed: float) -> CrawlSummary:
    """One summary of the processes' ``summaries`` and the parent's discovery (``first``)."""
    failed: Counter[str] = Counter(first.failed)
    for summary in summaries:
        failed.update(summary.failed)
    return CrawlSummary(
        fetched=sum(s.fetched for s in summaries),
        not_modified=sum(s.not_modified for s in summaries),
        new=sum(s.new for s in summaries),
        changed=sum(s.changed for s in summaries),
        unchanged=sum(s.unchanged for s in summaries),
        failed=dict(failed),
        queued_left=first.queued_left,
        discovered=first.discovered + sum(s.discovered for s in summaries),
        sitemap_files=first.sitemap_files,
        sitemap_failures=dict(first.sitemap_failures),
        elapsed=elapsed,
    )


def start_method() -> str:
    """``fork`` while this process runs a single thread, else ``spawn``."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


#: What a crawl process runs: its settings, its frontier group and the share count, a
#: progress that reports to the parent, and whether the parent still queues URLs (its
#: ``meanwhile``); it returns its summary.
Worker = Callable[[Settings, str, int, CrawlProgress, Callable[[], bool]], CrawlSummary]


@dataclass
class _Child:
    process: Any  # multiprocessing.Process (of a context)
    pipe: Connection
    status: CrawlStatus | None = None
    summary: CrawlSummary | None = None
    error: BaseException | None = None
    finished: bool = False


def run_processes(
    worker: Worker,
    settings: list[Settings],
    group: str,
    progress: CrawlProgress | None,
    interval: float,
    *,
    meanwhile: Callable[[], None] | None = None,
) -> list[CrawlSummary]:
    """Run ``worker`` in one process per entry of ``settings``; their summaries, in order.

    ``meanwhile`` runs here once the processes started (queueing the seeds and sitemaps
    while they already fetch what is due); until it returns, a process with nothing to
    do waits instead of ending. Raises the first error a process raised, or
    ``meanwhile``'s (``KeyboardInterrupt`` after all stopped).
    """
    method = start_method()
    context = multiprocessing.get_context(method)
    children: list[_Child] = []
    queueing = context.Event()
    if meanwhile is not None:
        queueing.set()
    if method == "fork":
        _freeze_heap()
    try:
        for own in settings:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(  # type: ignore[attr-defined]
                target=_child_main,
                args=(worker, own, group, len(settings), send, os.getpid(), interval, queueing),
                name="careerdiff-crawl",
            )
            process.start()
            send.close()
            children.append(_Child(process, receive))
        if meanwhile is not None:
            try:
                meanwhile()
            finally:
                queueing.clear()
        _collect(children, progress)
    except BaseException:  # Ctrl-C, or ``meanwhile`` failed: stop the processes first
        for child in children:  # they ignore SIGINT: stopped here, once each
            with contextlib.suppress(ProcessLookupError):
                if child.process.pid is not None and child.process.is_alive():
                    os.kill(child.process.pid, signal.SIGUSR1)
        _collect(children, None)
        raise
    finally:
        for child in children:
            child.process.join()
        if method == "fork":
            gc.unfreeze()
    for child in children:
        if child.error is not None:
            raise child.error
    missing = [child for child in children if child.summary is None]
    if missing:
        codes = ", ".join(str(child.process.exitcode) for child in missing)
        raise LoadError(f"{len(missing)} crawl process(es) died (exit code {codes})")
    return [child.summary for child in children if child.summary is not None]


def _freeze_heap() -> None:
    """Collect garbage, then move the parent's objects out of the collector's sight.

    Forked children share the parent's memory pages until they write to them; a
    collection in a child walks (and so writes to) every tracked object it inherited,
    copying those pages into each child. Frozen objects are never walked, so the pages
    stay shared (``gc.freeze`` is meant for this).
    """
    gc.collect()
    gc.freeze()


def _collect(children: list[_Child], progress: CrawlProgress | None) -> None:
    """Read the children's messages until each has finished or closed its pipe."""
    by_pipe = {child.pipe: child for child in children}
    started = time.perf_counter()
    while any(not child.finished for child in children):
        open_pipes = [child.pipe for child in children if not child.finished]
        for pipe in wait(open_pipes):
            child = by_pipe[pipe]  # type: ignore[index]
            try:
                kind, value = child.pipe.recv()
            except (EOFError, OSError):
                child.finished = True
                continue
            if kind == "status":
                child.status = value
                if progress is not None:
                    progress.update(_total_status(children, started))
            elif kind == "summary":
                child.summary, child.finished = value, True
            else:
                child.error, child.finished = value, True


def _total_status(children: list[_Child], started: float) -> CrawlStatus:
    statuses = [child.status for child in children if child.status is not None]
    return CrawlStatus(
        fetched=sum(s.fetched for s in statuses),
        not_modified=sum(s.not_modified for s in statuses),
        failed=sum(s.failed for s in statuses),
        queued=min((s.queued for s in statuses), default=0),
        elapsed=time.perf_counter() - started,
    )


class _PipeProgress:
    """A child's progress: statuses go to the parent."""

    def __init__(self, pipe: Connection, interval: float) -> None:
        self.pipe = pipe
        self.interval = interval

    def start(self) -> None:
        pass

    def update(self, status: CrawlStatus) -> None:
        with contextlib.suppress(OSError):
            self.pipe.send(("status", status))

    def finish(self, summary: CrawlSummary) -> None:
        pass


def _child_main(
    worker: Worker,
    settings: Settings,
    group: str,
    spread: int,
    pipe: Connection,
    parent: int,
    interval: float,
    queueing: Any,  # a multiprocessing Event
) -> None:
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C: the parent tells us
    signal.signal(signal.SIGUSR1, _interrupted)
    try:
        progress = _PipeProgress(pipe, interval)
        summary = worker(settings, group, spread, progress, queueing.is_set)
    except KeyboardInterrupt as exc:
        _send(pipe, ("error", exc))
    except BaseException as exc:  # the parent raises it
        _send(pipe, ("error", _picklable(exc)))
    else:
        _send(pipe, ("summary", summary))
    finally:
        pipe.close()
        sys.stdout.flush()
        sys.stderr.flush()


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _send(pipe: Connection, message: tuple[str, Any]) -> None:
    with contextlib.suppress(OSError):
        pipe.send(message)


def _picklable(exc: BaseException) -> BaseException:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return LoadError(f"a crawl process failed: {type(exc).__name__}: {exc}")
    return exc


def _die_with(parent: int) -> None:
    """End this process when ``parent`` ends, whatever kills it."""
    libc: Mapping[str, Any] | None = None
    with contextlib.suppress(OSError, AttributeError):
        libc = {"prctl": ctypes.CDLL(None, use_errno=True).prctl}
    if libc is not None and libc["prctl"](_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        if os.getppid() != parent:  # it died before the call
            os._exit(1)
        return
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)
