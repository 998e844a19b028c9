"""The publish flow: the lake -> the DuckDB warehouse, swapped in atomically."""

from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.contract import CONTRACT_TABLES
from flows.lake import Lake
from flows.params import PipelineParams
from flows.warehouse import publish as publish_warehouse
from flows.warehouse import refresh

# Tables whose lake files, when unchanged since the last publish, let a run refresh only
# its own `runs` row in a copy of the warehouse instead of rebuilding every table.
DATA_TABLES = tuple(t for t in CONTRACT_TABLES if t != "runs")


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def build_and_swap_warehouse(lake_root: str, warehouse: str) -> dict[str, int]:
    return publish_warehouse(Lake(lake_root), warehouse)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def refresh_runs(lake_root: str, warehouse: str) -> dict[str, int]:
    return refresh(Lake(lake_root), warehouse, ("runs",))


@flow(name="publish")
def publish(params: PipelineParams) -> dict[str, int]:
    """Rebuild the warehouse, or only its `runs` table when no data table changed since the
    last publish to this same warehouse file (checked by the file's identity, size and mtime)."""
    lake = Lake(params.lake)
    state = {"inputs": lake.fingerprint(DATA_TABLES), "warehouse": _identity(params.warehouse)}
    if state["warehouse"] and lake.read_state("publish") == state:
        counts = refresh_runs(params.lake, params.warehouse)
        how = "only runs refreshed, no data table changed"
    else:
        counts = build_and_swap_warehouse(params.lake, params.warehouse)
        how = "rebuilt"
    lake.write_state("publish", state | {"warehouse": _identity(params.warehouse)})
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
