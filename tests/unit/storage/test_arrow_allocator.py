"""Arrow's C++ code allocates through malloc in our processes, so release_memory can give the
pages back: the pool is chosen from the environment once, as pyarrow loads."""

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
