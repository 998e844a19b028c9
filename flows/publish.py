"""The publish flow: the lake -> the DuckDB warehouse, swapped in atomically.

A publish rebuilds the warehouse from the whole lake, unless the warehouse file is the one
this lake last published and only appends happened since: then the new rows are inserted into
a copy of it (and snapshot tables such as `events` reloaded), which is far cheaper on a large
lake and gives the same tables.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.params import PipelineParams
from storage.contract import CONTRACT_TABLES
from storage.lake import Lake
from storage.warehouse import Completing, sql_digest, update, update_plan
from storage.warehouse import publish as publish_warehouse

# The lake tables a publish reads: the contract tables and the origins of articles.
PUBLISHED_FROM = (*CONTRACT_TABLES, "article_origins")


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def build_and_swap_warehouse(
    lake_root: str, warehouse: str, completing: Completing | None = None
) -> dict[str, int]:
    return publish_warehouse(Lake(lake_root), warehouse, completing)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def update_warehouse(
    lake_root: str,
    warehouse: str,
    appended: dict[str, list[str]],
    reload: list[str],
    completing: Completing | None = None,
) -> dict[str, int]:
    return update(Lake(lake_root), warehouse, appended, reload, completing)


@flow(name="publish")
def publish(params: PipelineParams, completing: Completing | None = None) -> dict[str, int]:
    """Rebuild the warehouse, or update it with what the lake appended since the last publish.
    `completing` (run_id, finished_at): the run published as completed with it."""
    lake = Lake(params.lake)
    files = {table: lake.file_signatures(table) for table in PUBLISHED_FROM}
    last = lake.read_state("publish")
    sql = sql_digest()
    plan = update_plan(last, files, _identity(params.warehouse), sql)
    if plan is None:
        counts = build_and_swap_warehouse(params.lake, params.warehouse, completing)
        how = "rebuilt"
    else:
        appended, reload = plan
        counts = update_warehouse(params.lake, params.warehouse, appended, reload, completing)
        how = (
            f"updated: appended to {sorted(t for t in appended if appended[t])}, reloaded {reload}"
        )
    state = {"files": files, "warehouse": _identity(params.warehouse), "sql": sql}
    lake.write_state("publish", state)
    get_run_logger().info("publish (%s): %s", how, counts)
    return counts


def _identity(warehouse: str) -> dict | None:
    try:
        stat = os.stat(warehouse)
    except OSError:
        return None
    return {
        "path": str(Path(warehouse).absolute()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }
