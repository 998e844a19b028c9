"""The resolve flow: mentions -> one `events` row per real event, incrementally.

The work is engine/resolution.py's: blocks of a country and a month, redone only when they
received new mentions, in parallel local processes when the run uses more than one worker.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from engine.resolution import resolve_lake
from flows.params import PipelineParams
from storage.lake import Lake


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def resolve_lake_events(lake_root: str, workers: int) -> dict[str, int]:
    return resolve_lake(Lake(lake_root), workers=workers)


@flow(name="resolve")
def resolve(params: PipelineParams) -> dict[str, int]:
    workers = 1 if params.runner == "thread" else params.worker_count()
    counts = resolve_lake_events(params.lake, workers)
    get_run_logger().info(
        "resolve: %d events (%d blocks redone from %d mentions)",
        counts["events"],
        counts["blocks"],
        counts["mentions"],
    )
    return counts
