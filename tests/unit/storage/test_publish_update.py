"""An updating publish (new lake files only, into a copy of the warehouse) equals a rebuild."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from storage.contract import CONTRACT_TABLES, KEYS
from storage.lake import Lake
from storage.warehouse import connect_read_only, publish, sql_digest, update, update_plan
from transforms.extract.article import extract_article

SEED = Path(__file__).resolve().parents[3] / "data" / "samples" / "kryvyi_rih.json"
PUBLISHED_FROM = (*CONTRACT_TABLES, "article_origins")
NOW = datetime(2026, 11, 29, tzinfo=UTC)


def _sample_articles() -> list[dict]:
    """Four articles: the seed article's paragraphs, each published on its own."""
    record = json.loads(SEED.read_text(encoding="utf-8"))
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    quarter = -(-len(paragraphs) // 4)
    return [
        {
            "article_id": f"a{n}",
            "body": "\n".join(paragraphs[n * quarter : (n + 1) * quarter]),
            "body_chars": 1,
            "origin": f"seed-part-{n}",
            "published_at": datetime.fromisoformat(record["published_at"]),
            "ingested_at": NOW,
        }
        for n in range(4)
    ]


def _add(lake: Lake, articles: list[dict], run: str) -> None:
    lake.append("articles", articles)
    lake.append(
        "article_origins",
        [
            {
                "origin_id": f"o-{a['article_id']}",
                "article_id": a["article_id"],
                "origin": a["origin"],
            }
            for a in articles
        ],
    )
    for article in articles:
        mentions, figures = extract_article(article)
        lake.append("event_mentions", mentions)
        lake.append("casualty_figures", figures)
    lake.append("rejects", [{"reject_id": f"r-{run}", "stage": "ingest", "reason": "empty_text"}])
    lake.append("runs", [{"run_id": run, "flow": "pipeline", "status": "completed"}])
    lake.replace("events", [{"event_id": f"e-{run}-{a['article_id']}"} for a in articles])


def _signatures(lake: Lake) -> dict[str, list[list]]:
    return {table: lake.file_signatures(table) for table in PUBLISHED_FROM}


def _identity(path: Path) -> dict:
    stat = path.stat()
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _tables(warehouse: Path) -> dict[str, list]:
    con = connect_read_only(warehouse)
    try:
        return {
            t: con.execute(f"select * from {t} order by {KEYS[t]}").fetchall()
            for t in CONTRACT_TABLES
        }
    finally:
        con.close()


def test_appends_since_the_last_publish_give_the_same_tables_as_a_rebuild(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    articles = _sample_articles()
    _add(lake, articles[:2], "run1")
    publish(lake, warehouse)
    last = {"files": _signatures(lake), "warehouse": _identity(warehouse), "sql": sql_digest()}

    _add(lake, articles[2:], "run2")
    # A syndicated copy of an article published last time: its origins must grow.
    lake.append(
        "article_origins",
        [{"origin_id": "o-copy", "article_id": "a0", "origin": "https://elsewhere.example/a0"}],
    )
    plan = update_plan(last, _signatures(lake), _identity(warehouse), sql_digest())
    assert plan is not None
    appended, reload = plan
    assert set(appended) == {
        "articles",
        "article_origins",
        "event_mentions",
        "casualty_figures",
        "rejects",
    }
    assert sorted(reload) == ["events", "runs"]
    update(lake, warehouse, appended, reload)

    rebuilt = tmp_path / "rebuilt.duckdb"
    publish(lake, rebuilt)
    assert _tables(warehouse) == _tables(rebuilt)
    origins = (
        connect_read_only(warehouse)
        .execute("select origins from articles where article_id = 'a0'")
        .fetchone()[0]
    )
    assert "https://elsewhere.example/a0" in origins


def test_a_rewritten_append_only_table_or_another_warehouse_means_a_rebuild(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    _add(lake, _sample_articles()[:1], "run1")
    publish(lake, warehouse)
    last = {"files": _signatures(lake), "warehouse": _identity(warehouse), "sql": sql_digest()}
    assert update_plan(last, _signatures(lake), _identity(warehouse), sql_digest()) == (
        {},
        ["runs"],
    )
    rewritten = _signatures(lake) | {"articles": []}  # a compaction removed the old files
    assert update_plan(last, rewritten, _identity(warehouse), sql_digest()) is None
    other = _identity(warehouse) | {"size": 1}
    assert update_plan(last, _signatures(lake), other, sql_digest()) is None
    assert update_plan(last, _signatures(lake), _identity(warehouse), "other sql") is None
    assert update_plan({}, _signatures(lake), _identity(warehouse), sql_digest()) is None


def _as_older_version(rows: list[dict], key: str) -> list[dict]:
    """Rows as an earlier extractor version wrote them: other ids, another version."""
    older = []
    for row in rows:
        row = row | {key: "old-" + row[key], "mention_id": "old-" + row["mention_id"]}
        if "extractor_version" in row:
            row["extractor_version"] = "0.0.1"
        older.append(row)
    return older


def test_only_the_current_extractor_versions_mentions_and_figures_are_published(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    article = _sample_articles()[0]
    _add(lake, [article], "run1")
    mentions, figures = extract_article(article)
    assert mentions and figures
    lake.append("event_mentions", _as_older_version(mentions, "mention_id"))
    lake.append("casualty_figures", _as_older_version(figures, "figure_id"))

    publish(lake, warehouse)
    con = connect_read_only(warehouse)
    try:
        published = con.execute("select mention_id from event_mentions").fetchall()
        published_figures = con.execute("select figure_id from casualty_figures").fetchall()
    finally:
        con.close()
    assert sorted(m for (m,) in published) == sorted(m["mention_id"] for m in mentions)
    assert sorted(f for (f,) in published_figures) == sorted(f["figure_id"] for f in figures)


def test_another_extractor_version_means_a_rebuild(tmp_path, monkeypatch):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    _add(lake, _sample_articles()[:1], "run1")
    publish(lake, warehouse)
    last = {"files": _signatures(lake), "warehouse": _identity(warehouse), "sql": sql_digest()}
    monkeypatch.setattr("storage.warehouse.EXTRACTOR_VERSION", "9.9.9")
    assert update_plan(last, _signatures(lake), _identity(warehouse), sql_digest()) is None
