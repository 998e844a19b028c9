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


def light_pool(
    workers: int, initializer: str | None = None, arrow: bool = True
) -> ProcessPoolExecutor:
    """`workers` spawned processes that never import pandas, nor pyarrow unless `arrow`;
    `initializer` ("module:function") runs once in each, after the guard is in place."""
    # spawn: the flow process runs threads (Prefect), which fork would copy mid-flight.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(initializer, arrow)
    )


def release_memory() -> None:
    """Give the heap's free pages back to the OS (glibc keeps them, and a long run's peak RSS
    then carries every earlier stage's high-water mark). A no-op off glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class _Unloaded:
    """An import guard for packages a light worker never uses. pyarrow.dataset imports pandas
    whenever it is installed, about 36 MB per process for nothing (the workers build rows
    with to_pylist, not DataFrames); a worker that only extracts needs no pyarrow either."""

    packages: frozenset[str] = frozenset()

    @classmethod
    def find_spec(cls, name: str, path=None, target=None):
        if name.partition(".")[0] in cls.packages:
            raise ModuleNotFoundError(f"{name} is not loaded in this light worker", name=name)
        return None


def use_system_allocator() -> None:
    """Arrow allocations through malloc, not mimalloc: mimalloc kept about 50 MB more per
    resolve worker than Arrow ever held at once, and only malloc's pages `release_memory`
    can give back (malloc's arenas are capped as storage is imported).

    This sets pyarrow's pool for calls from Python; Arrow's C++ code (Parquet, datasets)
    takes its pool from the environment, set in storage/__init__.py before pyarrow loads."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def _start(initializer: str | None, arrow: bool = True) -> None:
    unloaded = {"pandas"} if arrow else {"pandas", "pyarrow"}
    _Unloaded.packages = frozenset(p for p in unloaded if p not in sys.modules)
    if _Unloaded.packages:
        sys.meta_path.insert(0, _Unloaded)
    if arrow:
        use_system_allocator()
    if initializer:
        module, _, function = initializer.partition(":")
        getattr(importlib.import_module(module), function)()
