"""The resolve flow: all mentions -> one `events` row per real event."""

from __future__ import annotations

import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.lake import Lake
from flows.params import PipelineParams
from transforms.resolve import EVENT_ROLES, resolve_events


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def resolve_lake_events(lake_root: str) -> int:
    lake = Lake(lake_root)
    mentions = lake.read("event_mentions", filter=pc.field("role").isin(list(EVENT_ROLES)))
    articles = lake.read("articles", columns=["article_id", "source_name", "published_at"])
    by_id = {row["article_id"]: row for row in articles.to_pylist()}
    events = resolve_events(mentions.to_pylist(), by_id)
    return lake.replace("events", events)


@flow(name="resolve")
def resolve(params: PipelineParams) -> dict[str, int]:
    count = resolve_lake_events(params.lake)
    get_run_logger().info("resolve: %d events", count)
    return {"events": count}
