"""Python's cyclic garbage collector, paused where many objects are made and none form cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """The cyclic collector off for the block, and as it was after it, on errors too.

    For work that makes many objects that reference counts free on their own: the collector
    would scan them again and again as they are made, for nothing to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
