"""Arrow's C++ code allocates through malloc, with one malloc arena, in our processes, so
release_memory can give the pages back: the pool is chosen from the environment once, as pyarrow
loads."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _backend_after(module: str, env_value: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if env_value:
        env["ARROW_DEFAULT_MEMORY_POOL"] = env_value
    code = f"import {module}\nimport pyarrow\nprint(pyarrow.default_memory_pool().backend_name)"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


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
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    if arena_max:
        env["MALLOC_ARENA_MAX"] = arena_max
    code = _HEAPS_AFTER_THREADS.format(module=module)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        pytest.skip(f"not glibc's malloc (no malloc_info): {done.stderr.strip()[-200:]}")
    return int(done.stdout)


def test_our_processes_keep_one_malloc_arena_however_many_threads_allocate():
    assert _malloc_heaps_after_threads("sys") > 1  # what glibc does unasked
    assert _malloc_heaps_after_threads("flows.pipeline") == 1
    assert _malloc_heaps_after_threads("engine.workers") == 1  # a worker's first import


def test_a_users_own_arena_limit_wins():
    assert _malloc_heaps_after_threads("flows.pipeline", arena_max="3") == 3
