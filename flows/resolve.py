"""The resolve flow: mentions -> one `events` row per real event, incrementally.

Resolution works in blocks (a country and a month; see transforms/resolve.py) and keeps the
mention -> event assignment of the last run in the lake (`event_assignments`). A run reads only
the (mention_id, country, date) columns to find mentions that are new or gone, resolves again
just the blocks they fall in, and keeps every other block's events and revisions as they were.
Because a block's result depends only on the set of its mentions, this equals a full rebuild.
"""

from __future__ import annotations

import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.lake import Lake
from flows.params import PipelineParams
from transforms.extract import EXTRACTOR_VERSION
from transforms.resolve import RESOLVED_ROLES, affected_blocks, block_of, source_of
from transforms.resolve import resolve as resolve_mentions

ARTICLE_COLUMNS = ["article_id", "source_name", "url", "published_at"]


def current_mentions():
    """Mentions of the current extractor version (older versions' rows stay in the lake)."""
    return pc.field("role").isin(list(RESOLVED_ROLES)) & (
        pc.field("extractor_version") == EXTRACTOR_VERSION
    )


def resolve_lake(lake: Lake, full: bool = False) -> dict[str, int]:
    """Resolve the blocks with new or removed mentions (all of them when `full`)."""
    index = lake.read(
        "event_mentions", ["mention_id", "country_iso", "event_date"], current_mentions()
    )
    previous = lake.read("event_assignments", ["mention_id", "block_country", "block_month"])
    full = full or previous.num_rows == 0
    assigned = (
        {}
        if full
        else {
            mention_id: (country, month)
            for mention_id, country, month in zip(
                *(c.to_pylist() for c in previous.columns), strict=True
            )
        }
    )
    blocks = affected_blocks(zip(*(c.to_pylist() for c in index.columns), strict=True), assigned)
    if not blocks and not full:
        return {"events": lake.read("events", ["event_id"]).num_rows, "blocks": 0, "mentions": 0}
    countries = sorted({country for country, _ in blocks})
    wanted = pc.field("country_iso").isin([c for c in countries if c])
    if "" in countries:
        wanted = wanted | pc.field("country_iso").is_null()
    rows = [
        row
        for row in lake.read("event_mentions", filter=current_mentions() & wanted).to_pylist()
        if block_of(row["country_iso"], row["event_date"]) in blocks
    ]
    article_ids = sorted({row["article_id"] for row in rows})
    articles = {
        a["article_id"]: a | {"source_name": source_of(a)}
        for a in lake.read(
            "articles", ARTICLE_COLUMNS, pc.field("article_id").isin(article_ids)
        ).to_pylist()
    }
    result = resolve_mentions(rows, articles)

    def kept(table: str, is_kept) -> list[dict]:
        return [] if full else [r for r in lake.read(table).to_pylist() if is_kept(r)]

    events = kept("events", lambda e: block_of(e["country_iso"], e["event_date"]) not in blocks)
    event_ids = {e["event_id"] for e in events}
    revisions = kept("event_revisions", lambda r: r["event_id"] in event_ids)
    assignments = kept(
        "event_assignments", lambda a: (a["block_country"], a["block_month"]) not in blocks
    )
    # Assignments last: a run killed before them redoes these blocks next time.
    lake.replace("event_revisions", revisions + result.revisions)
    count = lake.replace("events", events + result.events)
    lake.replace("event_assignments", assignments + result.assignments)
    return {"events": count, "blocks": len(blocks), "mentions": len(rows)}


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def resolve_lake_events(lake_root: str) -> dict[str, int]:
    return resolve_lake(Lake(lake_root))


@flow(name="resolve")
def resolve(params: PipelineParams) -> dict[str, int]:
    counts = resolve_lake_events(params.lake)
    get_run_logger().info(
        "resolve: %d events (%d blocks redone from %d mentions)",
        counts["events"],
        counts["blocks"],
        counts["mentions"],
    )
    return counts
