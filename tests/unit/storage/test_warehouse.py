"""Publishing is atomic: readers keep a consistent view and a failed publish changes nothing."""

import multiprocessing as mp
import time

import duckdb
import pytest

from storage.lake import Lake
from storage.warehouse import ROW_GROUP_SIZE, WarehouseError, connect_read_only, publish


def _articles(lake: Lake, start: int, count: int) -> None:
    lake.append(
        "articles",
        [
            {"article_id": f"id{n}", "body": f"body {n}", "body_chars": 6, "origin": "t"}
            for n in range(start, start + count)
        ],
    )


def test_every_contract_table_and_column_is_published(tmp_path):
    lake = Lake(tmp_path / "lake")
    _articles(lake, 0, 3)
    counts = publish(lake, tmp_path / "w.duckdb")
    assert counts["articles"] == 3 and counts["events"] == 0
    con = connect_read_only(tmp_path / "w.duckdb")
    columns = {
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where table_name='event_mentions'"
        ).fetchall()
    }
    assert {"killed_low", "geo_precision", "extractor_version", "evidence"} <= columns


def test_tables_are_stored_in_small_row_groups_with_bodies_in_zstd(tmp_path):
    # DuckDB writes a row group only once it is full: with its default of 122,880 rows, the
    # bodies of a large lake were one row group that spilled to temporary files.
    lake = Lake(tmp_path / "lake")
    _articles(lake, 0, ROW_GROUP_SIZE + 10)
    publish(lake, tmp_path / "w.duckdb")
    segments = (
        connect_read_only(tmp_path / "w.duckdb")
        .execute(
            "select row_group_id, column_name, compression from pragma_storage_info('articles') "
            "where segment_type <> 'VALIDITY'"
        )
        .fetchall()
    )
    assert {row_group for row_group, _, _ in segments} == {0, 1}
    assert {compression for _, column, compression in segments if column == "body"} == {"ZSTD"}
    assert sorted(tmp_path.iterdir()) == [tmp_path / "lake", tmp_path / "w.duckdb"]


def test_a_killed_publishs_leftovers_are_removed_by_the_next(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    _articles(lake, 0, 3)
    build = tmp_path / ".w.duckdb.0123.building"
    spill = tmp_path / ".w.duckdb.0123.building.tmp"  # DuckDB's temporary files of a large build
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"x")
    build.write_bytes(b"half a database")
    assert publish(lake, warehouse)["articles"] == 3
    assert sorted(tmp_path.iterdir()) == [tmp_path / "lake", warehouse]


def test_open_reader_keeps_its_view_while_a_publish_swaps_the_file(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    _articles(lake, 0, 3)
    publish(lake, warehouse)
    reader = connect_read_only(warehouse)
    _articles(lake, 3, 4)
    publish(lake, warehouse)
    assert reader.execute("select count(*) from articles").fetchone()[0] == 3
    reader.close()  # DuckDB shares one instance per path within a process
    assert connect_read_only(warehouse).execute("select count(*) from articles").fetchone()[0] == 7


def test_failed_publish_leaves_the_old_warehouse_untouched(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    _articles(lake, 0, 3)
    publish(lake, warehouse)
    before = warehouse.read_bytes()
    (tmp_path / "lake" / "articles" / "part-corrupt.parquet").write_bytes(b"not parquet")
    with pytest.raises(duckdb.Error):
        publish(lake, warehouse)
    assert warehouse.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _count_repeatedly(path: str, ready, stop, queue) -> None:
    seen, errors = set(), []
    ready.set()
    while not stop.is_set():
        try:
            con = duckdb.connect(path, read_only=True)
            # Both counts come from one snapshot: a partial publish would break the invariant.
            a, b = con.execute(
                "select (select count(*) from articles), (select count(*) from rejects)"
            ).fetchone()
            con.close()
            seen.add((a, b))
        except Exception as error:  # noqa: BLE001 - every failure is what this test looks for
            errors.append(repr(error))
    queue.put((sorted(seen), errors))


def test_reader_in_another_process_never_sees_a_partial_publish(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    publish(lake, warehouse)
    context = mp.get_context("spawn")
    queue, ready, stop = context.Queue(), context.Event(), context.Event()
    reader = context.Process(target=_count_repeatedly, args=(str(warehouse), ready, stop, queue))
    reader.start()
    assert ready.wait(timeout=60)
    for round_ in range(1, 9):
        _articles(lake, round_ * 100, 10)
        lake.append("rejects", [{"reject_id": f"r{round_}", "reason": "test"}] * 1)
        publish(lake, warehouse)
        time.sleep(0.25)  # give the reader time to sample each published state
    stop.set()
    seen, errors = queue.get(timeout=60)
    reader.join()
    assert errors == []
    assert all(a == 10 * b for a, b in seen), seen  # articles and rejects always move together
    assert len(seen) >= 2


def test_missing_warehouse_has_a_clear_error(tmp_path):
    with pytest.raises(WarehouseError, match="run `conflict-events run` first"):
        connect_read_only(tmp_path / "nope.duckdb")
