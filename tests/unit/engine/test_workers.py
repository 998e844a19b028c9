"""The light worker pool: spawned processes that never import pandas (engine/workers.py)."""

from __future__ import annotations

import sys

from engine.workers import light_pool


def _loaded_modules() -> set[str]:
    import pyarrow.dataset  # noqa: F401  (imports pandas whenever it can)

    return {name.partition(".")[0] for name in sys.modules}


def _initialised() -> bool:
    return "transforms.extract.places" in sys.modules


def test_light_workers_run_their_initializer_and_never_load_pandas():
    with light_pool(1, initializer="transforms.extract.places:gazetteer") as pool:
        loaded = pool.submit(_loaded_modules).result(timeout=120)
        assert pool.submit(_initialised).result(timeout=60)
    assert "pyarrow" in loaded
    assert "pandas" not in loaded
