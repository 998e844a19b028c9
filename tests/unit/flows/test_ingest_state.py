"""What the ingest flow loads from the lake before it reads anything new."""

from __future__ import annotations

from flows.ingest import load_state
from storage.lake import Lake


def _article(number: int, url: str | None) -> dict:
    return {
        "article_id": f"id-{number}",
        "url": url,
        "origin": url or f"folder/{number}.json",
        "title": "t",
        "body": "b",
    }


def test_the_ledger_knows_every_stored_article_once(tmp_path):
    lake = Lake(tmp_path)
    lake.append("articles", [_article(1, "https://a.example/1"), _article(2, None)])
    origin = {"origin_id": "o-3", "article_id": "id-3", "origin": "https://b.example/3"}
    lake.append("article_origins", [origin | {"url": "https://b.example/3"}])
    ledger = load_state.fn(str(tmp_path)).ledger
    assert ledger.ids == {"id-1", "id-2", "id-3"}
    assert ledger.origin_ids == {"o-3"}
    assert ledger.known_url("https://A.example/1?utm_source=x") and ledger.known_url(
        "https://b.example/3"
    )
    # One string per id: the set and the URL map share it (a second copy cost 11 MB per 100k).
    stored = {i: i for i in ledger.ids}
    assert all(stored[i] is i for i in ledger.urls.values())
