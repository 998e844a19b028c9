"""A killed run's leftovers in the lake: rewritten batches replace, readers read each row once."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from engine.extraction import extract_to_lake
from engine.resolution import resolve_lake
from storage.lake import Lake
from tests.unit.engine.test_resolve_lake import SYRIA, _events, _write
from tests.unit.resolve.test_resolve import RISING_TOLL
from transforms.version import EXTRACTOR_VERSION

ARTICLES = [
    {
        "article_id": f"art-{n}",
        "body": f"A drone strike killed {n + 2} civilians in Kharkiv, Ukraine, on 3 May 2024, "
        "the regional governor said.",
        "published_at": None,
    }
    for n in range(3)
]


def _batch() -> pa.Table:
    return pa.Table.from_pylist(ARTICLES)


def test_extracting_a_batch_twice_replaces_its_rows(tmp_path):
    lake = Lake(tmp_path / "lake")
    first = extract_to_lake(lake.root, _batch(), "run-1")
    assert first["mentions"] > 0
    files = {t: lake.files(t) for t in ("event_mentions", "casualty_figures", "extractions")}
    extract_to_lake(lake.root, _batch(), "run-2")  # a retry, or the run after a kill
    for table, before in files.items():
        assert lake.files(table) == before, table  # the same files, rewritten
    mentions = lake.read("event_mentions")["mention_id"].to_pylist()
    assert len(mentions) == first["mentions"] == len(set(mentions))
    figures = lake.read("casualty_figures")["figure_id"].to_pylist()
    assert len(figures) == first["figures"] == len(set(figures))


def test_resolve_reads_a_mention_left_twice_once(tmp_path):
    rows = [SYRIA, *RISING_TOLL]
    clean = Lake(tmp_path / "clean")
    _write(clean, rows)
    resolve_lake(clean)

    doubled = Lake(tmp_path / "doubled")
    _write(doubled, rows)
    leftovers = [
        r
        | {
            "extractor_version": EXTRACTOR_VERSION,
            "event_date": date.fromisoformat(r["event_date"]),
        }
        for r in RISING_TOLL[:3]
    ]
    doubled.append("event_mentions", leftovers, skip_keys=set())  # as a killed run left them
    assert doubled.read("event_mentions").num_rows == len(rows) + 3
    resolve_lake(doubled)
    events = _events(doubled)
    assert all(len(ids) == len(set(ids)) for _, ids, _ in events)
    assert events == _events(clean)
    assert doubled.read("events").to_pylist() == clean.read("events").to_pylist()


def test_streaming_batches_yields_each_key_once(tmp_path):
    lake = Lake(tmp_path / "lake")
    rows = [a | {"origin": "t"} for a in ARTICLES]
    lake.append("articles", rows, skip_keys=set())
    lake.append("articles", rows[:2], skip_keys=set())  # a leftover copy
    ids = [
        i
        for batch in lake.batches("articles", ["article_id"], {"art-0", "art-1", "art-2"}, 2)
        for i in batch["article_id"].to_pylist()
    ]
    assert sorted(ids) == ["art-0", "art-1", "art-2"]


def test_sweep_removes_hidden_temporary_files_and_scratch(tmp_path):
    lake = Lake(tmp_path / "lake")
    lake.append("articles", [ARTICLES[0] | {"origin": "t"}])
    left = tmp_path / "lake" / "events" / ".events.parquet.0123.tmp"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"half a file")
    (tmp_path / "lake" / "_scratch" / "resolve-abc").mkdir(parents=True)
    swept = lake.sweep()
    assert str(left) in swept and not left.exists()
    assert not (tmp_path / "lake" / "_scratch").exists()
    assert len(lake.files("articles")) == 1


def test_a_retried_ingest_write_replaces_its_files(tmp_path):
    from flows.ingest import write_batch

    lake = Lake(tmp_path / "lake")
    articles = [a | {"origin": "t", "url": None} for a in ARTICLES]
    origins = [{"origin_id": "o1", "article_id": "art-0", "origin": "t"}]
    states = [{"state_id": "s1", "kind": "file", "location": "t"}]
    tables = ("articles", "article_origins", "source_state")
    for _ in range(2):  # Prefect retries the task after a failure half-way
        write_batch.fn(lake.root, articles, origins, [], states, "run-1")
        assert [lake.read(t).num_rows for t in tables] == [3, 1, 1]
