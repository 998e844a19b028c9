"""Arrow's C++ code allocates through malloc, with one malloc arena, in our processes, so
release_memory can give the pages back: the pool is chosen from the environment once, as pyarrow
loads."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _fresh_output(code: str, variable: str, value: str | None) -> str:
    """What `code` prints in a fresh interpreter, with `variable` set to `value` or unset."""
    env = {k: v for k, v in os.environ.items() if k != variable}
    if value:
        env[variable] = value
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _backend_after(module: str, env_value: str | None = None) -> str:
    code = f"import {module}\nimport pyarrow\nprint(pyarrow.default_memory_pool().backend_name)"
    return _fresh_output(code, "ARROW_DEFAULT_MEMORY_POOL", env_value)


@pytest.mark.parametrize(
    "module", ["flows.pipeline", "flows.extract", "engine.resolution", "outputs", "cli.main"]
)
def test_our_entry_points_choose_the_system_allocator_before_pyarrow_loads(module):
    assert _backend_after(module) == "system"


def test_a_users_own_setting_wins():
    assert _backend_after("flows.pipeline", "mimalloc") == "mimalloc"


_HEAPS_AFTER_THREADS = """
import ctypes, re, sys, tempfile, threading
import {module}
libc = ctypes.CDLL("libc.so.6")
start = threading.Barrier(4)
def allocate():
    start.wait()  # four threads alive at once: glibc gives each new one an arena if it may
    kept = [bytes(4096) for _ in range(100)]
    start.wait()
threads = [threading.Thread(target=allocate) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile("r") as out:
    f = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(f))
    libc.fclose(ctypes.c_void_p(f))
    print(len(re.findall("<heap nr=", out.read())))
"""


def _malloc_heaps_after_threads(module: str, arena_max: str | None = None) -> int:
    try:
        ctypes.CDLL("libc.so.6").malloc_info  # noqa: B018
    except (OSError, AttributeError):
        pytest.skip("not glibc's malloc: no malloc_info to count its heaps")
    code = _HEAPS_AFTER_THREADS.format(module=module)
    return int(_fresh_output(code, "MALLOC_ARENA_MAX", arena_max))


def test_our_processes_keep_one_malloc_arena_however_many_threads_allocate():
    assert _malloc_heaps_after_threads("sys") > 1  # what glibc does unasked
    assert _malloc_heaps_after_threads("flows.pipeline") == 1
    assert _malloc_heaps_after_threads("engine.workers") == 1  # a worker's first import


def test_a_users_own_arena_limit_wins():
    assert _malloc_heaps_after_threads("flows.pipeline", arena_max="3") == 3
