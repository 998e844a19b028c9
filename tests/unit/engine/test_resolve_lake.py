"""Incremental resolution over a Parquet lake (flows/resolve.py's plain function, no flow run)."""

from __future__ import annotations

import gc
from datetime import date
from unittest.mock import patch

import pyarrow as pa
import pyarrow.fs as pafs
import pytest

from engine import resolution
from engine.resolution import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    _month_of,
    _read_routed,
    block_chunks,
    block_sizes,
    changed_blocks,
    resolve_lake,
    resolve_routed_chunk,
    route_to_chunks,
    with_blocks,
    with_unchanged,
)
from storage.lake import Lake, as_table
from tests.unit.resolve.test_resolve import KRAMATORSK, RISING_TOLL, RISING_TOLL_ARTICLES, mention
from transforms.resolve import resolver as resolution_rows
from transforms.resolve.blocks import month_of
from transforms.version import EXTRACTOR_VERSION


def _write(lake: Lake, rows: list[dict], version: str = EXTRACTOR_VERSION) -> None:
    articles = [
        {"article_id": a, **RISING_TOLL_ARTICLES[a]}
        for a in sorted({r["article_id"] for r in rows})
    ]
    lake.append("articles", articles)
    lake.append(
        "event_mentions",
        [
            r | {"extractor_version": version, "event_date": date.fromisoformat(r["event_date"])}
            for r in rows
        ],
    )


def _events(lake: Lake) -> list[tuple]:
    rows = lake.read("events").to_pylist()
    return sorted((e["event_id"], tuple(e["mention_ids"]), e["killed_best"]) for e in rows)


def _revisions(lake: Lake) -> list[tuple]:
    rows = lake.read("event_revisions").to_pylist()
    return sorted((r["revision_id"], r["revision"], r["killed_best"]) for r in rows)


SYRIA = mention(
    "s1",
    "a6",
    event_date="2017-02-07",
    country="Syria",
    country_iso="SY",
    location="Deir ez-Zor",
    admin1="Deir ez-Zor",
    geonameid=170794,
    latitude=35.336,
    longitude=40.1408,
    perpetrator=None,
)


def test_new_mentions_redo_only_their_block_and_match_a_full_rebuild(tmp_path):
    lake = Lake(tmp_path / "incremental")
    _write(lake, [SYRIA, *RISING_TOLL[:2]])
    first = resolve_lake(lake)
    assert first == {"events": 2, "blocks": 2, "mentions": 3}
    syria_event = [e for e in _events(lake) if e[1] == ("s1",)]

    later = [
        *RISING_TOLL[2:],
        mention("k1", "a5", location="Kramatorsk", admin1="Donetsk", **KRAMATORSK),
    ]
    _write(lake, later)
    second = resolve_lake(lake)
    assert second["blocks"] == 1  # Ukraine 2023 only; Syria 2017 is kept as it was
    assert second["mentions"] == 7  # the block's mentions, not the lake's
    assert [e for e in _events(lake) if e[1] == ("s1",)] == syria_event
    assert resolve_lake(lake) == {"events": 3, "blocks": 0, "mentions": 0}

    full = Lake(tmp_path / "full")
    _write(full, [*later, SYRIA, *RISING_TOLL[:2]])
    resolve_lake(full)
    assert _events(lake) == _events(full)
    assert _revisions(lake) == _revisions(full)
    toll = [e for e in _events(lake) if "m1" in e[1]]
    assert toll[0][1:] == (("m1", "m2", "m3", "m4", "m5"), 10)


def _rows(lake: Lake, table: str, key: str) -> list[dict]:
    return sorted(lake.read(table).to_pylist(), key=lambda row: row[key])


def test_events_of_a_redone_block_that_did_not_change_keep_their_rows(tmp_path):
    kramatorsk = mention("k1", "a5", location="Kramatorsk", admin1="Donetsk", **KRAMATORSK)
    lake = Lake(tmp_path / "incremental")
    _write(lake, [SYRIA, *RISING_TOLL[:2], kramatorsk])
    resolve_lake(lake)
    _write(lake, RISING_TOLL[2:])  # the Kryvyi Rih strike grows; Kramatorsk's stays as it was
    made = []
    real = resolution_rows.event_rows

    def watched(event_id, cluster, articles):
        made.append(sorted(m.mention_id for m in cluster.members))
        return real(event_id, cluster, articles)

    with patch.object(resolution_rows, "event_rows", watched):
        assert resolve_lake(lake, workers=1)["blocks"] == 1
    assert made == [["m1", "m2", "m3", "m4", "m5"]]  # not Kramatorsk's event again

    full = Lake(tmp_path / "full")
    _write(full, [SYRIA, *RISING_TOLL, kramatorsk])
    resolve_lake(full)
    assert _rows(lake, "events", "event_id") == _rows(full, "events", "event_id")
    assert _rows(lake, "event_revisions", "revision_id") == _rows(
        full, "event_revisions", "revision_id"
    )


def test_kept_events_take_their_earlier_rows_in_place_and_revisions_in_order():
    def revision(event_id: str, number: int) -> dict:
        return {"revision_id": f"{event_id}r{number}", "event_id": event_id, "revision": number}

    earlier = as_table("event_revisions", [revision("e1", 2), revision("e2", 1), revision("e1", 1)])
    rows = ["e1", revision("e3", 1), revision("e3", 2), "e2"]
    got = with_unchanged("event_revisions", rows, earlier)
    assert got.schema == as_table("event_revisions", []).schema
    assert got["revision_id"].to_pylist() == ["e1r1", "e1r2", "e3r1", "e3r2", "e2r1"]
    fresh = [revision("e4", 1)]  # nothing kept: the rows as they are
    assert with_unchanged("event_revisions", fresh, earlier)["revision_id"].to_pylist() == ["e4r1"]


def test_a_new_resolver_version_resolves_every_block_again(tmp_path, monkeypatch):
    lake, first = _resolved_sample(tmp_path / "lake")
    assert resolve_lake(lake)["blocks"] == 0  # nothing new
    monkeypatch.setattr(resolution, "RESOLVER_VERSION", "next")
    assert not resolution.resolved_by_this_version(lake)
    made = []
    real = resolution_rows.event_rows

    def watched(event_id, cluster, articles):
        made.append(event_id)
        return real(event_id, cluster, articles)

    with patch.object(resolution_rows, "event_rows", watched):
        again = resolve_lake(lake)
    assert again["blocks"] == 3 and again["mentions"] == first["mentions"]
    assert len(made) == first["events"]  # every event built again, none kept as it was
    assert resolution.resolved_by_this_version(lake)
    assert resolve_lake(lake)["blocks"] == 0


def test_mentions_of_an_older_extractor_version_are_not_counted_twice(tmp_path):
    lake = Lake(tmp_path / "lake")
    _write(lake, RISING_TOLL[:2], version="0.0.1-old")
    _write(lake, [r | {"mention_id": r["mention_id"] + "v2"} for r in RISING_TOLL[:2]])
    resolve_lake(lake)
    assert [e[1] for e in _events(lake)] == [("m1v2", "m2v2")]


def _resolved_sample(root, workers: int = 1) -> tuple[Lake, dict[str, int]]:
    """A lake of mentions in three blocks (two countries, two months), resolved."""
    august = mention("k1", "a6", event_date="2023-08-20", location="Kramatorsk", **KRAMATORSK)
    lake = Lake(root)
    _write(lake, [SYRIA, *RISING_TOLL, august])
    return lake, resolve_lake(lake, workers=workers)


def test_resolving_in_small_chunks_equals_resolving_at_once(tmp_path, monkeypatch):
    """Memory is bounded by reading a few blocks at a time; the result must not depend on it."""
    whole, _ = _resolved_sample(tmp_path / "whole")
    monkeypatch.setattr("engine.resolution.MENTIONS_PER_CHUNK", 1)
    chunked, counts = _resolved_sample(tmp_path / "chunked")
    assert counts["mentions"] == len(RISING_TOLL) + 2
    assert _events(chunked) == _events(whole)
    assert _revisions(chunked) == _revisions(whole)


def test_block_chunks_cover_every_block_once_and_respect_the_size():
    current = [
        ("m1", "UA", date(2023, 7, 31)),
        ("m2", "UA", date(2023, 7, 30)),
        ("m3", "UA", date(2023, 6, 1)),
        ("m4", None, date(2023, 6, 1)),
        ("m5", "SY", date(2017, 2, 7)),
    ]
    blocks = {("UA", "2023-07"), ("UA", "2023-06"), ("", "2023-06"), ("SY", "2017-02")}
    chunks = block_chunks(block_sizes(with_blocks(_index(current))), blocks, size=2)
    assert sorted(b for chunk in chunks for b in chunk) == sorted(blocks)
    assert [("UA", "2023-07")] in chunks  # two mentions: a chunk of its own
    assert len(chunks) == 3


def test_changed_blocks_are_those_of_new_and_removed_mentions():
    current = with_blocks(
        _index(
            [
                ("m1", "UA", date(2023, 7, 31)),
                ("m2", "UA", date(2024, 1, 2)),
                ("m3", None, date(2020, 5, 5)),
                ("undated", "UA", None),  # no block: nothing to redo
            ]
        )
    )
    previous = pa.table(
        {
            "mention_id": ["m1", "old"],
            "block_country": ["UA", "SY"],
            "block_month": ["2023-07", "2017-02"],
        }
    )
    assert changed_blocks(current, previous) == {
        ("UA", "2024-01"),
        ("", "2020-05"),
        ("SY", "2017-02"),
    }
    assert changed_blocks(current, None) == {("UA", "2023-07"), ("UA", "2024-01"), ("", "2020-05")}


def test_month_of_gives_each_dates_month_as_block_of_does():
    """Formatted once per distinct day, then spread back: nulls, repeats and chunks kept."""
    days = [date(2023, 1, 5), None, date(1999, 12, 31), date(2023, 1, 5), date(2024, 2, 29)]
    chunked = pa.chunked_array([days[:2], [], days[2:]], pa.date32())
    months = _month_of(chunked)
    assert months.type == pa.string()
    assert months.to_pylist() == [month_of(d) if d else None for d in days]
    assert _month_of(pa.chunked_array([[None, None]], pa.date32())).to_pylist() == [None, None]
    assert _month_of(pa.chunked_array([], pa.date32())).to_pylist() == []


def _index(rows: list[tuple]) -> pa.Table:
    ids, countries, days = zip(*rows, strict=True)
    return pa.table(
        {
            "mention_id": pa.array(ids, pa.string()),
            "country_iso": pa.array(countries, pa.string()),
            "event_date": pa.array(days, pa.date32()),
        }
    )


def test_resolving_in_worker_processes_equals_resolving_in_this_one(tmp_path, monkeypatch):
    alone, _ = _resolved_sample(tmp_path / "alone")
    monkeypatch.setattr("engine.resolution.MENTIONS_PER_CHUNK", 2)  # several chunks to share
    pools = []
    real_pool = resolution.light_pool
    monkeypatch.setattr(resolution, "light_pool", lambda n: pools.append(n) or real_pool(n))
    pooled, _ = _resolved_sample(tmp_path / "pooled", workers=2)
    assert _events(pooled) == _events(alone)
    assert _revisions(pooled) == _revisions(alone)
    assert pools == [2]  # one start-up: the workers that route the mentions resolve them


@pytest.mark.parametrize("parts", [1, 2, 3])  # 3: more shares than files, one is empty
def test_routing_gives_each_chunk_its_blocks_mentions_and_the_articles_they_cite(tmp_path, parts):
    lake = Lake(tmp_path / "lake")
    rows = [
        ("m1", "a1", "IQ", "2023-12-05"),
        ("m2", "a2", "IQ", "2023-11-30"),
        ("m3", "a2", "IQ", "2020-01-05"),  # a block not being redone
        ("m4", "a3", "MM", "2016-01-09"),
        ("m5", "a3", None, "2016-01-02"),  # no country: block ("", month)
        ("m6", "a4", "MM", None),  # undated: no block
    ]
    lake.append("articles", [{"article_id": f"a{n}", "url": f"u{n}"} for n in range(1, 5)])
    lake.append(
        "event_mentions",
        [
            {
                "mention_id": m,
                "article_id": a,
                "country_iso": c,
                "event_date": date.fromisoformat(d) if d else None,
                "role": "reported",
                "extractor_version": EXTRACTOR_VERSION,
            }
            for m, a, c, d in rows
        ],
    )
    lake.append(  # an older extractor version's mention of a redone block
        "event_mentions",
        [
            {
                "mention_id": "old",
                "article_id": "a4",
                "country_iso": "IQ",
                "event_date": date(2023, 12, 1),
                "role": "reported",
                "extractor_version": "0.0.1",
            }
        ],
    )
    chunks = [[("IQ", "2023-11"), ("IQ", "2023-12")], [("", "2016-01"), ("MM", "2016-01")]]
    with lake.scratch("test") as scratch:
        route_to_chunks(lake, chunks, scratch, parts=parts)
        routed = [
            (
                sorted(_read_routed(lake, scratch, n, "mentions")["mention_id"].to_pylist()),
                sorted(_read_routed(lake, scratch, n, "articles")["article_id"].to_pylist()),
            )
            for n in range(len(chunks))
        ]
    assert routed == [(["m1", "m2"], ["a1", "a2"]), (["m4", "m5"], ["a3"])]
    assert not lake.fs.get_file_info(pafs.FileSelector(scratch, allow_not_found=True))


def test_routed_rows_read_back_as_the_lake_holds_them(tmp_path):
    """Every column the chunks read, with its type and value, survives the scratch files."""
    lake = Lake(tmp_path / "lake")
    _write(lake, [SYRIA, *RISING_TOLL])
    chunks = [[("SY", "2017-02")], [("UA", "2023-07"), ("UA", "2023-08")]]
    with lake.scratch("test") as scratch:
        route_to_chunks(lake, chunks, scratch, parts=2)
        mentions = [_read_routed(lake, scratch, n, "mentions") for n in range(len(chunks))]
        articles = [_read_routed(lake, scratch, n, "articles") for n in range(len(chunks))]
    for routed, table, columns, key in (
        (mentions, "event_mentions", MENTION_COLUMNS, "mention_id"),
        (articles, "articles", ARTICLE_COLUMNS, "article_id"),
    ):
        held = lake.read(table, columns)
        assert all(r.schema.equals(held.schema.remove_metadata()) for r in routed), table
        assert _by_key(pa.concat_tables(routed), key) == _by_key(held, key)


def _by_key(table: pa.Table, key: str) -> list[dict]:
    """The distinct rows, by key (an article cited by two chunks is routed to both)."""
    return sorted({row[key]: row for row in table.to_pylist()}.items())


def test_a_chunk_with_no_mentions_left_resolves_to_nothing(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.scratch("test") as scratch:
        route_to_chunks(lake, [[("UA", "2023-07")]], scratch)
        tables, resolved = resolve_routed_chunk(lake.root, scratch, 0)
    assert resolved == 0
    assert all(table.num_rows == 0 for table in tables.values())


@pytest.mark.parametrize("enabled", [True, False])
def test_a_chunk_pauses_the_cycle_collector_and_leaves_it_as_it_was(tmp_path, enabled):
    lake = Lake(tmp_path / "lake")
    _write(lake, [SYRIA, *RISING_TOLL])
    seen = []
    real = resolution.resolve_mentions

    def watched(rows, articles, **options):
        seen.append(gc.isenabled())
        return real(rows, articles, **options)

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with lake.scratch("test") as scratch:
            route_to_chunks(lake, [[("SY", "2017-02"), ("UA", "2023-07")]], scratch)
            with patch.object(resolution, "resolve_mentions", watched):
                tables, resolved = resolve_routed_chunk(lake.root, scratch, 0)
            with (
                patch.object(resolution, "resolve_mentions", side_effect=ValueError),
                pytest.raises(ValueError),
            ):
                resolve_routed_chunk(lake.root, scratch, 0)
            after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
    assert after is enabled
    assert resolved == len(RISING_TOLL) + 1
    assert tables["events"].num_rows == 2
