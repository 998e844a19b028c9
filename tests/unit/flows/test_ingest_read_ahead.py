"""A batch that a worker process read ahead is taken by `read_sources`; a retry reads it here."""

from __future__ import annotations

import json
from concurrent.futures import Future

import pytest

from flows.ingest import _READ_AHEAD, read_sources


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
