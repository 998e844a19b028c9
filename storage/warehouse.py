"""Publishing the lake into the DuckDB warehouse, atomically.

The new warehouse is built beside the old one and renamed over it. A reader that opened the
old file keeps reading the old, complete inode; a failed build leaves the old file untouched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from datetime import datetime
from pathlib import Path

import duckdb

from engine.faults import checkpoint
from storage.contract import CONTRACT_TABLES, KEYS, SQL_DIR, schema, sql_text
from storage.lake import Lake
from transforms.version import EXTRACTOR_VERSION

# DuckDB's default is 80% of RAM; a build that needs more spills to disk instead, so a
# publish of a large lake stays within the pipeline's memory budget. A build of the 20k-article
# bench lake peaks at +338 MB with 512MB, +238 MB with 256MB (2.6 s -> 2.7 s), +172 MB with
# 128MB (3.4 s).
BUILD_MEMORY_LIMIT = os.environ.get("CONFLICT_EVENTS_DUCKDB_MEMORY_LIMIT", "256MB")


Completing = tuple[str, datetime]  # the run that publishes, and when it finishes


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or queried."""


def publish(
    lake: Lake, warehouse: str | os.PathLike, completing: Completing | None = None
) -> dict[str, int]:
    """Build the warehouse from the lake and swap it in. Returns row counts per table.

    `completing` (run_id, finished_at) is the run doing this publish: its row is published
    as `completed`, which it is for anyone who reads this warehouse."""
    target = Path(warehouse)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(target)
    building = target.with_name(f".{target.name}.{uuid.uuid4().hex}.building")
    try:
        counts = _build(lake, building, completing)
        checkpoint("publish")  # a test kills the run here: built, not yet swapped in
        os.replace(building, target)
    finally:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return counts


# Tables the lake only ever appends to: a later publish can insert just their new files' rows.
APPEND_ONLY = ("articles", "event_mentions", "casualty_figures", "rejects")


def update(
    lake: Lake,
    warehouse: str | os.PathLike,
    appended: dict[str, list[str]],
    reload: list[str],
    completing: Completing | None = None,
) -> dict[str, int]:
    """Bring the published warehouse up to date in a copy, then swap the copy in.

    `appended` maps an append-only table (and `article_origins`) to its lake files that are new
    since the last publish: only their rows with unseen keys are inserted. Tables in `reload`
    are emptied and loaded again from the whole lake. Copying the file costs far less than
    rebuilding every table, and it is atomic in the same way as `publish`.
    """
    target = Path(warehouse)
    _remove_stale_builds(target)
    building = target.with_name(f".{target.name}.{uuid.uuid4().hex}.building")
    try:
        shutil.copyfile(target, building)
        con = _connect_for_build(building)
        try:
            for table in reload:
                _create_lake_view(con, lake, table)
                con.execute(f"delete from {table}")
                con.execute(sql_text(f"publish/{table}.sql"))
            _append_new_rows(con, lake, appended)
            _complete(con, completing)
            counts = _counts(con)
            checkpoint("publish")
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(building, target)
    finally:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return counts


def _append_new_rows(
    con: duckdb.DuckDBPyConnection, lake: Lake, appended: dict[str, list[str]]
) -> None:
    new_origins = appended.get("article_origins", [])
    if new_origins or appended.get("articles"):
        _create_internal_view(con, lake, "article_origins")  # articles.origins is built from it
    for table in APPEND_ONLY:
        if appended.get(table):
            key = KEYS[table]
            _create_lake_view(con, lake, table, appended[table], name=f"new_{table}")
            con.execute(
                f"create temp view lake_{table} as select * from new_{table} "
                f"where {key} not in (select {key} from {table})"
            )
            con.execute(sql_text(f"publish/{table}.sql"))
            con.execute(f"drop view lake_{table}")
    if new_origins:  # an article already published may have been found at a new place
        _create_file_view(con, lake, "article_origins", new_origins, "new_article_origins")
        con.execute(sql_text("publish/articles_origins.sql"))


def update_plan(
    last: dict, files: dict[str, list[list]], warehouse: dict | None, sql: str
) -> tuple[dict[str, list[str]], list[str]] | None:
    """(new files per append-only table, tables to reload), or None when only a rebuild will do:
    no warehouse, one this lake did not publish last, other SQL, or an append-only table whose
    files were rewritten or removed."""
    if not warehouse or last.get("warehouse") != warehouse or last.get("sql") != sql:
        return None
    before = last.get("files") or {}
    appended: dict[str, list[str]] = {}
    reload = ["runs"]  # a run's row changes as it finishes: always reloaded (it is small)
    for table, now in files.items():
        old = {tuple(f) for f in before.get(table, [])}
        new = {tuple(f) for f in now}
        if table == "runs" or new == old:
            continue
        if table in (*APPEND_ONLY, "article_origins"):
            if not old <= new:
                return None
            appended[table] = sorted(path for path, *_ in new - old)
        else:
            reload.append(table)
    return appended, reload


def sql_digest() -> str:
    """A digest of the SQL a publish runs and of the extractor version it publishes: another
    schema, view or version means a full rebuild."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(SQL_DIR.glob("schema.sql")) + sorted(SQL_DIR.glob("[pv]*/*.sql")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _remove_stale_builds(target: Path) -> None:
    # Left by a killed publish (callers hold the run lock): a build file, its WAL, and the
    # folder of temporary files DuckDB makes when a build outgrows its memory limit.
    for stale in target.parent.glob(f".{target.name}.*.building*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


# Rows per row group of the warehouse's tables (DuckDB's default is 122,880). DuckDB writes
# a row group to the file only once it is full, so with the default a 100k-article `articles`
# (about 400 MB of bodies) was one row group that outgrew the memory limit, went to temporary
# files and was compressed at commit: 13.7 s of a 19.6 s publish, against 3.5 s with 16,384.
ROW_GROUP_SIZE = 16_384


def _connect_for_build(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(
        config={"memory_limit": BUILD_MEMORY_LIMIT, "temp_directory": f"{path}.tmp"}
    )
    # Attached, not opened: the row group size is an option of ATTACH only.
    quoted = str(path).replace("'", "''")
    con.execute(f"attach '{quoted}' as warehouse (row_group_size {ROW_GROUP_SIZE})")
    con.execute("use warehouse")
    # The publish SQL keeps only this version's mentions: older versions' rows stay in the
    # lake, and published beside the new ones they would count an article's victims twice.
    con.execute("set variable extractor_version = ?", [EXTRACTOR_VERSION])
    return con


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in CONTRACT_TABLES}


def _complete(con: duckdb.DuckDBPyConnection, completing: Completing | None) -> None:
    if completing:
        run_id, finished_at = completing
        con.execute(
            "update runs set status = 'completed', finished_at = ? where run_id = ?",
            [finished_at, run_id],
        )


def _build(lake: Lake, path: Path, completing: Completing | None = None) -> dict[str, int]:
    con = _connect_for_build(path)
    try:
        con.execute(sql_text("schema.sql"))
        _create_internal_view(con, lake, "article_origins")  # articles.origins is built from it
        for table in CONTRACT_TABLES:
            _create_lake_view(con, lake, table)
            con.execute(sql_text(f"publish/{table}.sql"))
        for view in sorted((SQL_DIR / "views").glob("*.sql")):
            con.execute(view.read_text(encoding="utf-8"))
        _complete(con, completing)
        counts = _counts(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return counts


def _create_lake_view(
    con: duckdb.DuckDBPyConnection,
    lake: Lake,
    table: str,
    files: list[str] | None = None,
    name: str | None = None,
) -> None:
    """A view `name` (default lake_<table>) over a contract table's lake files (default all)."""
    files = lake.files(table) if files is None else files
    name = name or f"lake_{table}"
    if files and not lake.is_local:
        # A lake on an object store: DuckDB scans it through pyarrow's filesystem, so the
        # same credentials and URIs work for both (no DuckDB httpfs set-up needed).
        con.register(f"{name}_arrow", lake.dataset(table, files))
        con.execute(f"create temp view {name} as select * from {name}_arrow")
    elif files:
        source = _parquet_source(files)
        present = set(con.sql(f"select * from {source} limit 0").columns)
        wanted = con.sql(f"select * from {table} limit 0")
        # A column added to the contract after older lake files were written reads as NULL.
        columns = ", ".join(
            f'"{c}"' if c in present else f'null::{t} as "{c}"'
            for c, t in zip(wanted.columns, wanted.types, strict=True)
        )
        con.execute(f"create temp view {name} as select {columns} from {source}")
    else:
        con.execute(f"create temp view {name} as select * from {table} where false")


def _create_internal_view(con: duckdb.DuckDBPyConnection, lake: Lake, table: str) -> None:
    """A view lake_<table> over an internal lake table (one that is not published)."""
    _create_file_view(con, lake, table, lake.files(table), f"lake_{table}")


def _create_file_view(
    con: duckdb.DuckDBPyConnection, lake: Lake, table: str, files: list[str], name: str
) -> None:
    if files and not lake.is_local:
        con.register(name, lake.dataset(table, files))
    elif files:
        con.execute(f"create temp view {name} as select * from {_parquet_source(files)}")
    else:
        con.register(name, schema(table).empty_table())


def _parquet_source(files: list[str]) -> str:
    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listed}], union_by_name = true, hive_partitioning = false)"


# Never fetch or load an extension behind the user's back (a query could name one).
NO_EXTENSION_AUTOLOAD = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# What `query` runs under: the warehouse and nothing else. No file or network access (no
# read_text('/etc/passwd'), no COPY TO, no ATTACH, no INSTALL), and a locked configuration,
# so a query cannot `SET` its way back out.
SANDBOX = NO_EXTENSION_AUTOLOAD | {"enable_external_access": False, "lock_configuration": True}


def connect_read_only(
    warehouse: str | os.PathLike, sandboxed: bool = False
) -> duckdb.DuckDBPyConnection:
    """Open the published warehouse for reading, with a clear error when it cannot be.

    `sandboxed` is for SQL a user typed: see SANDBOX (docs/security.md)."""
    path = Path(warehouse)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `conflict-events run` first")
    config = SANDBOX if sandboxed else NO_EXTENSION_AUTOLOAD
    try:
        return duckdb.connect(str(path), read_only=True, config=dict(config))
    except duckdb.Error as error:
        raise WarehouseError(f"cannot open warehouse {path}: {error}".splitlines()[0]) from error
