"""Helpers for bulk work on 100,000 rows.

:class:`Background` — one function on its own thread, its result fetched later.  Used where
the other work releases the GIL (calamine parsing a sheet, SQLite stepping, zlib), so that on
two cores the background work costs no time on the critical path.

:func:`cyclic_gc_paused` — CPython's cycle collector starts a pass after every few hundred
new containers (lists, tuples, dicts) and, every so often, walks *all* live containers.  An
import that holds 100,000 row lists and builds 100,000 tuples triggers hundreds of passes
over a million objects (``benchmarks/bench_import_ideas.py`` measures the difference).
Our rows hold no reference cycles, so reference counting frees them as usual; the collector
catches up when the block ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

__all__ = ["Background", "cyclic_gc_paused"]

T = TypeVar("T")


class Background(Generic[T]):
    """Run ``fn()`` on a thread of its own; :meth:`result` waits for it and returns its value
    or raises its error.  A daemon thread: a result nobody asks for never blocks the exit."""

    def __init__(self, fn: Callable[[], T], name: str) -> None:
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), name=name, daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], T]) -> None:
        try:
            self._value = fn()
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nesting and threads allowed: it resumes
    when the last block ends, and only if it ran before the first began)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
