"""The Parquet lake: one dataset per table under <lake>/<table>/, written atomically.

Every file is written under a temporary name and renamed into place, so a reader or a killed
run never leaves a half-written file that the glob `*.parquet` would pick up.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.contract import KEYS, schema

COMPRESSION = "zstd"


class Lake:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)

    def table_dir(self, table: str) -> Path:
        return self.root / table

    def files(self, table: str) -> list[str]:
        """The committed Parquet files of a table, sorted for deterministic reads."""
        directory = self.table_dir(table)
        if not directory.exists():
            return []
        return sorted(str(p) for p in directory.rglob("*.parquet") if not p.name.startswith("."))

    def dataset(self, table: str) -> ds.Dataset:
        return ds.dataset(self.files(table), schema=schema(table), format="parquet")

    def read(self, table: str, columns: list[str] | None = None, filter=None) -> pa.Table:
        if not self.files(table):
            return schema(table).empty_table().select(columns or schema(table).names)
        return self.dataset(table).to_table(columns=columns, filter=filter)

    def batches(
        self, table: str, columns: list[str] | None = None, filter=None, batch_size: int = 1000
    ) -> Iterator[pa.Table]:
        """Stream a table in tables of `batch_size` rows, so memory stays flat."""
        if not self.files(table):
            return
        pending: list[pa.RecordBatch] = []
        rows = 0
        scanner = self.dataset(table).scanner(columns=columns, filter=filter, batch_size=batch_size)
        for batch in scanner.to_batches():
            pending.append(batch)
            rows += batch.num_rows
            while rows >= batch_size:
                combined = pa.Table.from_batches(pending)
                yield combined.slice(0, batch_size)
                rest = combined.slice(batch_size)
                pending, rows = rest.to_batches(), rest.num_rows
        if rows:
            yield pa.Table.from_batches(pending)

    def keys(self, table: str) -> set[str]:
        key = KEYS[table]
        return set(self.read(table, columns=[key]).column(key).to_pylist())

    def append(
        self,
        table: str,
        rows: Iterable[dict] | pa.Table,
        partition: str | None = None,
        skip_keys: set[str] | None = None,
    ) -> int:
        """Append rows whose key is not in `skip_keys` (default: the lake's keys). Returns rows written."""
        data = _as_table(table, rows)
        key = KEYS[table]
        known = self.keys(table) if skip_keys is None else skip_keys
        if known and data.num_rows:
            mask = [k not in known for k in data.column(key).to_pylist()]
            data = data.filter(pa.array(mask, type=pa.bool_()))
        if data.num_rows == 0:
            return 0
        directory = self.table_dir(table) / partition if partition else self.table_dir(table)
        _write_atomically(data, directory / f"part-{uuid.uuid4().hex}.parquet")
        return data.num_rows

    def replace(self, table: str, rows: Iterable[dict] | pa.Table) -> int:
        """Replace a whole table (a snapshot such as `events`) with one atomically written file."""
        data = _as_table(table, rows)
        target = self.table_dir(table) / f"{table}.parquet"
        _write_atomically(data, target)
        for stale in self.files(table):
            if Path(stale) != target:
                os.remove(stale)
        return data.num_rows


def _as_table(table: str, rows: Iterable[dict] | pa.Table) -> pa.Table:
    target = schema(table)
    if isinstance(rows, pa.Table):
        return rows.select(target.names).cast(target)
    return pa.Table.from_pylist(list(rows), schema=target)


def _write_atomically(data: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(data, temporary, compression=COMPRESSION)
    os.replace(temporary, target)
