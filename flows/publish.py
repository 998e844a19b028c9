"""The publish flow: the lake -> the DuckDB warehouse, swapped in atomically."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.lake import Lake
from flows.params import PipelineParams
from flows.warehouse import publish as publish_warehouse


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def build_and_swap_warehouse(lake_root: str, warehouse: str) -> dict[str, int]:
    return publish_warehouse(Lake(lake_root), warehouse)


@flow(name="publish")
def publish(params: PipelineParams) -> dict[str, int]:
    counts = build_and_swap_warehouse(params.lake, params.warehouse)
    get_run_logger().info("publish: %s", counts)
    return counts
