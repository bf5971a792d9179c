"""The processes of one crawl see whether their siblings still hold leases."""

from __future__ import annotations

import os
import socket
import time

from models import Store
from models.frontier import NewUrl, _is_dead_local, worker_name
from tests.models.test_crawl_tables import T0, Clock, _dead_pid, frontier_of, urls


def test_a_process_waits_while_a_live_sibling_holds_leases(store: Store) -> None:
    clock = Clock()
    one = frontier_of(store, clock, owner=worker_name("grp1"))
    two = frontier_of(store, clock, owner=worker_name("grp1"))
    stranger = frontier_of(store, clock, owner=worker_name("grp2"))
    one.add([NewUrl(url) for url in urls("/a", "/b", "/c")])
    assert not two.siblings_working("grp1")
    one.lease(1, due_by=T0)
    stranger.lease(1, due_by=T0)
    assert two.siblings_working("grp1")
    assert not one.siblings_working("grp1")  # its own leases are not a sibling's
    assert not stranger.siblings_working("grp2")
    one.release()
    assert not two.siblings_working("grp1")


def test_the_leases_of_a_dead_sibling_are_queued_again(store: Store) -> None:
    clock = Clock()
    host = worker_name().split(":")[0]
    dead = frontier_of(store, clock, owner=f"{host}:{_dead_pid()}:grp3-0000")
    alive = frontier_of(store, clock, owner=worker_name("grp3"))
    dead.add([NewUrl(url) for url in urls("/x", "/y")])
    dead.lease(2, due_by=T0)
    assert not alive.siblings_working("grp3")
    assert {entry.state for entry in alive.entries()} == {"queued"}
    assert len(alive.lease(5, due_by=T0)) == 2


def test_a_process_that_ended_but_was_not_reaped_counts_as_dead() -> None:
    """A crawl process killed with its parent is a zombie until an init reaps it; its
    leases must be taken back at once, not after the lease timeout."""
    host = socket.gethostname()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    try:
        deadline = time.monotonic() + 10
        while not _is_dead_local(f"{host}:{pid}:token", host):
            assert time.monotonic() < deadline, "an unreaped child still looked alive"
            time.sleep(0.01)
        assert not _is_dead_local(f"{host}:{os.getppid()}:token", host)  # a live process
    finally:
        os.waitpid(pid, 0)
