from pathlib import Path

import pyarrow as pa

from storage.lake import KeyIndex, Lake


def _article(n: int) -> dict:
    return {"article_id": f"id{n}", "body": f"body {n}", "body_chars": 6, "origin": "test"}


def test_append_skips_keys_already_in_the_lake(tmp_path):
    lake = Lake(tmp_path)
    assert lake.append("articles", [_article(1), _article(2)]) == 2
    assert lake.append("articles", [_article(2), _article(3)]) == 1
    assert sorted(lake.keys("articles")) == ["id1", "id2", "id3"]


def test_files_are_zstd_parquet_and_partitioned(tmp_path):
    import pyarrow.parquet as pq

    lake = Lake(tmp_path)
    lake.append("articles", [_article(1)], partition="ingest_date=2026-01-01")
    [path] = lake.files("articles")
    assert "ingest_date=2026-01-01" in path
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"


def test_half_written_files_are_invisible(tmp_path):
    lake = Lake(tmp_path)
    lake.append("articles", [_article(1)])
    (tmp_path / "articles" / ".part-x.parquet.1234.tmp").write_bytes(b"partial")
    assert lake.read("articles").num_rows == 1


def test_replace_keeps_one_snapshot(tmp_path):
    lake = Lake(tmp_path)
    lake.replace("events", [{"event_id": "a"}])
    lake.replace("events", [{"event_id": "b"}, {"event_id": "c"}])
    assert [Path(f).name for f in lake.files("events")] == ["events.parquet"]
    assert sorted(lake.keys("events")) == ["b", "c"]


def test_a_snapshot_written_in_parts_replaces_the_table_only_when_complete(tmp_path):
    lake = Lake(tmp_path)
    lake.replace("events", [{"event_id": "old"}])
    try:
        with lake.replacing("events") as events:
            events.write([{"event_id": "new-1"}])
            assert lake.keys("events") == {"old"}  # readers see the old table meanwhile
            raise RuntimeError("killed half-way")
    except RuntimeError:
        pass
    assert lake.keys("events") == {"old"}
    assert sorted(p.name for p in (tmp_path / "events").iterdir()) == ["events.parquet"]
    with lake.replacing("events") as events:
        events.write([{"event_id": "new-1"}])
        events.write([])
        events.write([{"event_id": "new-2"}, {"event_id": "new-3"}])
    assert events.rows == 3
    assert lake.keys("events") == {"new-1", "new-2", "new-3"}


def test_batches_stream_in_fixed_sizes(tmp_path):
    lake = Lake(tmp_path)
    for start in range(0, 25, 5):
        lake.append("articles", [_article(n) for n in range(start, start + 5)])
    sizes = [t.num_rows for t in lake.batches("articles", ["article_id"], batch_size=10)]
    assert sizes == [10, 10, 5]
    wanted = {_article(n)["article_id"] for n in (3, 4, 17)}
    chosen = list(lake.batches("articles", ["body"], keys=wanted, batch_size=2))
    assert [t.num_rows for t in chosen] == [2, 1] and chosen[0].column_names == ["body"]
    assert sorted(b for t in chosen for b in t.column("body").to_pylist()) == sorted(
        _article(n)["body"] for n in (3, 4, 17)
    )


def test_batches_of_wanted_keys_hold_each_key_once(tmp_path):
    lake = Lake(tmp_path)
    first = [_article(n) for n in (0, 1, 2, 1)]  # id 1 twice in one file
    lake.append("articles", first, skip_keys=set())
    lake.append("articles", [_article(n) for n in (2, 3, 4)], skip_keys=set())  # 2 again
    for wanted in (
        pa.array([_article(n)["article_id"] for n in (4, 1, 2, 9)]),
        {_article(n)["article_id"] for n in (4, 1, 2, 9)},  # a set asks the same
    ):
        ids = [
            i
            for t in lake.batches("articles", ["article_id"], wanted, batch_size=2)
            for i in t.column("article_id").to_pylist()
        ]
        assert sorted(ids) == [_article(n)["article_id"] for n in (1, 2, 4)]


def test_batches_match_wanted_keys_whole_whatever_their_lengths(tmp_path):
    # Keys are compared as fixed-width bytes: a key that only starts or ends like a wanted
    # one, or is cut short of it, must not be taken for it.
    lake = Lake(tmp_path)
    ids = ["id12", "id1x", "id1", "id", "é-12", "é-1", "long" * 40]  # longer ones first
    lake.append("articles", [_article(0) | {"article_id": i} for i in ids], skip_keys=set())
    for wanted in (["id1"], ["id1", "é-12"], ["id12", "id"], ["long" * 40, "long" * 39], ["zz"]):
        got = [
            i
            for t in lake.batches("articles", ["article_id"], pa.array(wanted), batch_size=3)
            for i in t.column("article_id").to_pylist()
        ]
        assert sorted(got) == sorted(set(wanted) & set(ids))


def test_key_index_finds_each_row_among_its_keys_and_nothing_else():
    index = KeyIndex(pa.chunked_array([["e2", "e10", None], ["e1", "e2"]]))
    assert [k.decode() for k in index.keys] == ["e1", "e10", "e2"]  # sorted, each once
    assert index.first.tolist() == [2, 1, 0]  # where each key came first (nulls dropped)
    column = pa.array(["e2", "e", "e1", None, "e10x", "e10", "f"])
    assert index.positions(column).tolist() == [2, -1, 0, -1, -1, 1, -1]
    assert KeyIndex([]).positions(column).tolist() == [-1] * 7


class _ColumnsRead(Lake):
    """A lake that records which columns each read of a file asked for."""

    def __init__(self, root) -> None:
        super().__init__(root)
        self.read_columns: list[tuple[str, tuple[str, ...]]] = []

    def dataset(self, table: str, files: list[str] | None = None):
        dataset, lake = super().dataset(table, files), self

        class Recorded:
            def to_table(self, columns, **options):
                lake.read_columns.append((files[0], tuple(columns)))
                return dataset.to_table(columns=columns, **options)

            def to_batches(self, columns, **options):
                lake.read_columns.append((files[0], tuple(columns)))
                return dataset.to_batches(columns=columns, **options)

        return Recorded()


def test_batches_of_wanted_keys_read_only_the_key_column_of_other_files(tmp_path):
    lake = _ColumnsRead(tmp_path)
    for name, numbers in (("a", (0, 1, 2)), ("b", (3, 4, 5)), ("c", (4, 6))):  # 4 again in c
        lake.append("articles", [_article(n) for n in numbers], skip_keys=set(), batch=name)
    first, second, third = lake.files("articles")  # read in this order
    wanted = pa.array([_article(n)["article_id"] for n in (4, 5)])
    chosen = lake.batches("articles", ["body"], wanted, batch_size=10)
    assert sorted(b for t in chosen for b in t["body"].to_pylist()) == ["body 4", "body 5"]
    by_file: dict[str, set[tuple[str, ...]]] = {}
    for path, columns in lake.read_columns:
        by_file.setdefault(path, set()).add(columns)
    assert by_file[second] == {("article_id",), ("body", "article_id")}
    # Nothing wanted, or only a key already given: the key column alone is read.
    assert by_file[first] == by_file[third] == {("article_id",)}


def test_a_uri_lake_reads_writes_and_fingerprints_like_a_local_one():
    lake = Lake("memory://unit-test-lake/root")
    assert not lake.is_local
    before = lake.fingerprint(["articles"])
    assert lake.append("articles", [_article(1), _article(2)]) == 2
    assert lake.append("articles", [_article(2)]) == 0
    assert lake.keys("articles") == {"id1", "id2"}
    assert all(f.startswith("/unit-test-lake/root/articles/") for f in lake.files("articles"))
    after = lake.fingerprint(["articles"])
    assert after != before and lake.fingerprint(["articles"]) == after
    lake.write_state("resolve", {"inputs": after})
    assert Lake("memory://unit-test-lake/root").read_state("resolve") == {"inputs": after}
    assert lake.read_state("missing") == {}


def test_local_state_is_replaced_atomically(tmp_path):
    lake = Lake(tmp_path)
    lake.write_state("publish", {"a": 1})
    lake.write_state("publish", {"a": 2})
    assert lake.read_state("publish") == {"a": 2}
    assert [p.name for p in (tmp_path / "_state").iterdir()] == ["publish.json"]
