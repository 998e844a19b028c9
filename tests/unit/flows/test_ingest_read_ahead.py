"""A batch that a worker process read ahead is taken by `read_sources`; a retry, or a batch
after a worker died, is read in the flow."""

from __future__ import annotations

import json
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext

import pytest

from flows.ingest import _READ_AHEAD, _read_in_order, read_sources
from flows.params import PipelineParams


def _article_file(folder, name: str) -> str:
    path = folder / name
    text = "Two people were killed when a shell hit a market in the town on Monday, officials said."
    path.write_text(json.dumps({"title": name, "text": text, "published_at": "2024-05-06"}))
    return str(path)


def test_a_batch_read_ahead_is_taken_once_and_a_failed_one_is_read_again_here(tmp_path):
    paths = [_article_file(tmp_path, "a.json"), _article_file(tmp_path, "b.json")]
    broken: Future = Future()
    broken.set_exception(RuntimeError("worker process died"))
    _READ_AHEAD[("run-1", tuple(paths))] = broken
    with pytest.raises(RuntimeError, match="worker process died"):
        read_sources.fn(paths, "run-1")
    assert ("run-1", tuple(paths)) not in _READ_AHEAD
    again = read_sources.fn(paths, "run-1")  # what the task's retry runs
    assert [a["title"] for a in again.articles] == ["a.json", "b.json"]


class _DeadPool:
    """A pool whose worker died after it had read the first batch."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, function, paths):
        self.submitted += 1
        if self.submitted > 1:
            raise BrokenProcessPool("a child process terminated abruptly")
        future: Future = Future()
        future.set_result(function(paths))
        return future


def test_when_a_reader_worker_dies_the_remaining_batches_are_read_in_the_flow(
    tmp_path, monkeypatch
):
    pool = _DeadPool()
    monkeypatch.setattr("flows.ingest._reader_pool", lambda params, batches: nullcontext(pool))
    # the task's own function, without a Prefect task run (which unwraps `quote` first)
    monkeypatch.setattr(
        "flows.ingest.read_sources", lambda paths, run_id: read_sources.fn(paths.unquote(), run_id)
    )
    files = [_article_file(tmp_path, f"{n}.json") for n in range(3)]
    batches = [[(path, None)] for path in files]
    params = PipelineParams(runner="process", workers=2)
    read = list(_read_in_order(params, "run-2", batches))
    assert [found.articles[0]["title"] for _, found in read] == ["0.json", "1.json", "2.json"]
    assert pool.submitted == 2 and not _READ_AHEAD
