"""Light local worker processes for extraction and resolution, and handing freed memory back.

This module imports nothing heavy: a spawned worker unpickles its initializer before running
it, so the initializer must be importable without pyarrow (see `_start`).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor


def light_pool(workers: int, initializer: str | None = None) -> ProcessPoolExecutor:
    """`workers` spawned processes that never import pandas; `initializer` ("module:function")
    runs once in each, after the guard is in place."""
    # spawn: the flow process runs threads (Prefect), which fork would copy mid-flight.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(initializer,)
    )


def release_memory() -> None:
    """Give the heap's free pages back to the OS (glibc keeps them, and a long run's peak RSS
    then carries every earlier stage's high-water mark). A no-op off glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class _NoPandas:
    """An import guard: pyarrow.dataset imports pandas whenever it is installed, about 36 MB
    per process that the workers never use (they build rows with to_pylist, not DataFrames)."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not loaded in light workers", name=name)
        return None


def use_system_allocator() -> None:
    """Arrow allocations through malloc, not mimalloc: mimalloc kept about 50 MB more per
    resolve worker than Arrow ever held at once, and only malloc's pages `release_memory`
    can give back."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def _start(initializer: str | None) -> None:
    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas)
    use_system_allocator()
    if initializer:
        module, _, function = initializer.partition(":")
        getattr(importlib.import_module(module), function)()
