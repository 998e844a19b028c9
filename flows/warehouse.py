"""Publishing the lake into the DuckDB warehouse, atomically.

The new warehouse is built beside the old one and renamed over it. A reader that opened the
old file keeps reading the old, complete inode; a failed build leaves the old file untouched.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import duckdb

from flows.contract import CONTRACT_TABLES, SQL_DIR, schema, sql_text
from flows.faults import checkpoint
from flows.lake import Lake

# DuckDB's default is 80% of RAM; a build that needs more spills to disk instead, so a
# publish of a large lake stays within the pipeline's memory budget.
BUILD_MEMORY_LIMIT = os.environ.get("CONFLICT_EVENTS_DUCKDB_MEMORY_LIMIT", "1GB")


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or queried."""


def publish(lake: Lake, warehouse: str | os.PathLike) -> dict[str, int]:
    """Build the warehouse from the lake and swap it in. Returns row counts per table."""
    target = Path(warehouse)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.building*"):
        stale.unlink(missing_ok=True)  # left by a killed publish; callers hold the run lock
    building = target.with_name(f".{target.name}.{uuid.uuid4().hex}.building")
    try:
        counts = _build(lake, building)
        checkpoint("publish")  # a test kills the run here: built, not yet swapped in
        os.replace(building, target)
    finally:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return counts


def refresh(lake: Lake, warehouse: str | os.PathLike, tables: tuple[str, ...]) -> dict[str, int]:
    """Reload only `tables` into a copy of the published warehouse and swap the copy in.

    For a run that changed nothing but its own `runs` row: copying the file costs far less
    than rebuilding every table from the lake. Atomic in the same way as `publish`.
    """
    target = Path(warehouse)
    building = target.with_name(f".{target.name}.{uuid.uuid4().hex}.building")
    try:
        shutil.copyfile(target, building)
        con = duckdb.connect(str(building), config={"memory_limit": BUILD_MEMORY_LIMIT})
        try:
            for table in tables:
                _create_lake_view(con, lake, table)
                con.execute(f"delete from {table}")
                con.execute(sql_text(f"publish/{table}.sql"))
            counts = _counts(con)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(building, target)
    finally:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return counts


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in CONTRACT_TABLES}


def _build(lake: Lake, path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), config={"memory_limit": BUILD_MEMORY_LIMIT})
    try:
        con.execute(sql_text("schema.sql"))
        _create_internal_view(con, lake, "article_origins")  # articles.origins is built from it
        for table in CONTRACT_TABLES:
            _create_lake_view(con, lake, table)
            con.execute(sql_text(f"publish/{table}.sql"))
        for view in sorted((SQL_DIR / "views").glob("*.sql")):
            con.execute(view.read_text(encoding="utf-8"))
        counts = _counts(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return counts


def _create_lake_view(con: duckdb.DuckDBPyConnection, lake: Lake, table: str) -> None:
    files = lake.files(table)
    if files and not lake.is_local:
        # A lake on an object store: DuckDB scans it through pyarrow's filesystem, so the
        # same credentials and URIs work for both (no DuckDB httpfs set-up needed).
        con.register(f"lake_{table}_arrow", lake.dataset(table))
        con.execute(f"create temp view lake_{table} as select * from lake_{table}_arrow")
    elif files:
        source = _parquet_source(files)
        present = set(con.sql(f"select * from {source} limit 0").columns)
        wanted = con.sql(f"select * from {table} limit 0")
        # A column added to the contract after older lake files were written reads as NULL.
        columns = ", ".join(
            f'"{c}"' if c in present else f'null::{t} as "{c}"'
            for c, t in zip(wanted.columns, wanted.types, strict=True)
        )
        con.execute(f"create temp view lake_{table} as select {columns} from {source}")
    else:
        con.execute(f"create temp view lake_{table} as select * from {table} where false")


def _create_internal_view(con: duckdb.DuckDBPyConnection, lake: Lake, table: str) -> None:
    """A view lake_<table> over an internal lake table (one that is not published)."""
    files = lake.files(table)
    if files and not lake.is_local:
        con.register(f"lake_{table}", lake.dataset(table))
    elif files:
        con.execute(f"create temp view lake_{table} as select * from {_parquet_source(files)}")
    else:
        con.register(f"lake_{table}", schema(table).empty_table())


def _parquet_source(files: list[str]) -> str:
    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listed}], union_by_name = true, hive_partitioning = false)"


def connect_read_only(warehouse: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """Open the published warehouse for reading, with a clear error when it cannot be."""
    path = Path(warehouse)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `conflict-events run` first")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise WarehouseError(f"cannot open warehouse {path}: {error}".splitlines()[0]) from error
