"""Storage: the Parquet lake, the DuckDB warehouse, the run lock and the data contract.

Imported first by every package that loads pyarrow, so it also sets the process's allocators.
"""

import contextlib
import ctypes
import os

# Arrow's C++ code (Parquet reads and writes, dataset scans) allocates from Arrow's default
# pool, which pyarrow.set_memory_pool does not change and which Arrow reads from the
# environment once, as pyarrow loads. Its default, mimalloc, kept about 40 MB after a
# 100k-file ingest; malloc's free pages go back with malloc_trim (engine.workers.
# release_memory). Worker processes inherit it; a user's own setting wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

_M_ARENA_MAX = -8  # mallopt's parameter number in glibc's malloc.h


def cap_malloc_arenas(arenas: int = 1) -> None:
    """At most `arenas` malloc arenas from now on. glibc gives each new thread (Prefect's,
    Arrow's readers) an arena of its own, up to 8 per core, and each keeps the fragments of
    what its thread freed: on a 20k-article run the flow process's extract peak was about
    50 MB lower with one arena than with glibc's default. A no-op off glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, arenas)


# At import, before any thread has made an arena (capped as the flow began, five existed).
if "MALLOC_ARENA_MAX" not in os.environ:  # a user's own setting (read by glibc) wins
    cap_malloc_arenas()
