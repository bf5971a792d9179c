"""careerdiff.lazy: the garbage collector paused over imports, the heap frozen over a command."""

from __future__ import annotations

import gc

import pytest

from careerdiff.lazy import collection_paused, heap_frozen


def test_collection_is_paused_in_the_block_and_resumed_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collection_resumes_after_an_error_too() -> None:
    with pytest.raises(ImportError), collection_paused():
        raise ImportError("no such module")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_heap_is_frozen_in_the_block_and_given_back_after() -> None:
    assert gc.get_freeze_count() == 0
    with heap_frozen():
        assert gc.get_freeze_count() > 0
        gc.collect()  # frozen objects are not collected, nor walked
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        with heap_frozen():
            pass
        # Still frozen: an unfreeze would leave none. (Not an equal count: objects in the
        # frozen generation that another thread lets go of leave it, as the full suite's
        # background threads do.)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
