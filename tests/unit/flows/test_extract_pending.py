"""Which stored articles the extract stage still has to read."""

from __future__ import annotations

from flows.extract import pending_articles
from storage.lake import Lake
from transforms.version import EXTRACTOR_VERSION


def _marker(article_id: str, version: str) -> dict:
    return {"article_id": article_id, "extractor_version": version, "n_mentions": 0, "run_id": "r"}


def test_pending_articles_are_those_without_a_marker_of_this_extractor_version(tmp_path):
    lake = Lake(tmp_path)
    assert pending_articles(str(tmp_path)).to_pylist() == []  # an empty lake
    articles = [{"article_id": f"id-{n}", "title": "t", "body": "b"} for n in (3, 1, 2, 4)]
    lake.append("articles", articles[:2], skip_keys=set())
    lake.append("articles", articles[1:], skip_keys=set())  # id-1 stored twice: listed once
    assert pending_articles(str(tmp_path)).to_pylist() == ["id-1", "id-2", "id-3", "id-4"]
    lake.append("extractions", [_marker("id-2", EXTRACTOR_VERSION), _marker("id-3", "old")])
    assert pending_articles(str(tmp_path)).to_pylist() == ["id-1", "id-3", "id-4"]
