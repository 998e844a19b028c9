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


def test_extraction_workers_load_neither_pyarrow_nor_pandas():
    from engine.extraction import worker_pool
    from transforms.extract.article import extract_articles

    article = {"article_id": "a1", "body": "A drone strike killed 3 people in Kharkiv on Monday."}
    with worker_pool(1) as pool:
        mentions, figures = pool.submit(extract_articles, [article]).result(timeout=120)
        loaded = pool.submit(_modules_here).result(timeout=60)
    assert (mentions, figures) == extract_articles([article])
    assert mentions and "transforms.extract.places" in loaded
    assert not {"pyarrow", "pandas"} & {name.partition(".")[0] for name in loaded}


def _modules_here() -> set[str]:
    return set(sys.modules)
