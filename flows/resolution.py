"""Resolution over the lake: mentions -> `events`, `event_revisions`, `event_assignments`.

Resolution works in blocks (a country and a month; see transforms/resolve.py) and keeps the
mention -> event assignment of the last run in the lake (`event_assignments`). A run reads only
the (mention_id, country, date) columns to find mentions that are new or gone, resolves again
just the blocks they fall in, and keeps every other block's events and revisions as they were.
Because a block's result depends only on the set of its mentions, this equals a full rebuild,
and groups of blocks can be resolved in parallel processes. No Prefect here: the resolve flow
(flows/resolve.py) wraps it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

import pyarrow as pa
import pyarrow.compute as pc

from flows.contract import schema
from flows.lake import Lake, as_table, column_rows
from flows.workers import light_pool
from transforms.resolve import RESOLVED_ROLES, Resolution, block_of, source_of
from transforms.resolve import resolve as resolve_mentions
from transforms.version import EXTRACTOR_VERSION

ARTICLE_COLUMNS = ["article_id", "source_name", "url", "published_at"]
# What resolution reads of a mention: not the evidence sentence and its offsets, the bulk of a
# row, which stays in the lake and the warehouse.
MENTION_COLUMNS = [
    name
    for name in schema("event_mentions").names
    if name not in ("evidence", "char_start", "char_end")
]


def current_mentions():
    """Mentions of the current extractor version (older versions' rows stay in the lake)."""
    return pc.field("role").isin(list(RESOLVED_ROLES)) & (
        pc.field("extractor_version") == EXTRACTOR_VERSION
    )


# Mentions resolved per read: bounds the Python rows in memory however large the lake grows.
# Python rows are most of a resolve worker's memory, so chunks are small; 4 of them a scan
# keep the scans as few as 2 chunks of 20,000 did.
MENTIONS_PER_CHUNK = 10_000
# Chunks read in one scan of the lake: a scan decodes every file, so one scan per chunk made
# resolve's cost grow with the square of the lake (28 scans of 400 files at 200k articles).
# Each chunk in a group holds its Arrow rows in the worker: 8 per scan took the two resolve
# workers at 100k articles from 769 to 1,096 MB (bench scale), so groups stay small.
CHUNKS_PER_SCAN = 4


def resolve_lake(lake: Lake, full: bool = False, workers: int = 1) -> dict[str, int]:
    """Resolve the blocks with new or removed mentions (all of them when `full`).

    With `workers` > 1, groups of blocks are resolved in that many local processes.
    """
    # The index stays in Arrow: as Python tuples and a dict it was the flow process's share
    # of resolve that grew with the lake (about 120 MB per 100k articles).
    current = with_blocks(
        lake.read("event_mentions", ["mention_id", "country_iso", "event_date"], current_mentions())
    )
    previous = lake.read("event_assignments", ["mention_id", *BLOCK])
    full = full or previous.num_rows == 0
    blocks = changed_blocks(current, None if full else previous)
    del previous
    if not blocks and not full:
        return {"events": lake.read("events", ["event_id"]).num_rows, "blocks": 0, "mentions": 0}
    chunks = block_chunks(block_sizes(current), blocks, MENTIONS_PER_CHUNK)
    del current
    groups = scan_groups(chunks, workers)
    resolved = 0
    # Each group's tables are written as they come: the flow process never holds the whole
    # lake's events. Assignments are committed last (the `with` exits in reverse order): a run
    # killed before them redoes these blocks next time.
    with (
        lake.replacing("event_assignments") as assignments,
        lake.replacing("events") as events,
        lake.replacing("event_revisions") as revisions,
    ):
        snapshots = {s.table: s for s in (events, revisions, assignments)}
        if not full:  # every other block keeps its events, revisions and assignments
            _keep_outside(lake, blocks, snapshots)
        for parts, n in _map(resolve_group, [(lake.root, group) for group in groups], workers):
            resolved += n
            for tables in parts:
                for table, part in tables.items():
                    snapshots[table].write(part)
    return {"events": events.rows, "blocks": len(blocks), "mentions": resolved}


def _keep_outside(lake: Lake, blocks: set[tuple[str, str]], snapshots: dict) -> None:
    """Write the events, revisions and assignments of every block not being redone, a file
    batch at a time: read whole, they were the flow's peak in a re-run, and grew with the lake."""
    kept_ids = []
    for batch in _batches(lake, "events"):
        kept = _outside(batch, "country_iso", "event_date", blocks)
        snapshots["events"].write(kept)
        kept_ids.append(kept["event_id"])
    kept_ids = pa.chunked_array(kept_ids, pa.string()).combine_chunks()
    for batch in _batches(lake, "event_revisions"):
        snapshots["event_revisions"].write(batch.filter(pc.is_in(batch["event_id"], kept_ids)))
    for batch in _batches(lake, "event_assignments"):
        snapshots["event_assignments"].write(
            _outside(batch, "block_country", "block_month", blocks)
        )


def _batches(lake: Lake, table: str) -> Iterator[pa.Table]:
    for batch in lake.dataset(table).to_batches(batch_size=50_000):
        yield pa.Table.from_batches([batch])


BLOCK = ["block_country", "block_month"]


def with_blocks(mentions: pa.Table) -> pa.Table:
    """(mention_id, block_country, block_month) of the dated rows of (mention_id, country_iso,
    event_date): transforms.resolve.block_of in Arrow."""
    dated = mentions.filter(pc.is_valid(mentions["event_date"]))
    return pa.table(
        {
            "mention_id": dated["mention_id"],
            "block_country": pc.fill_null(dated["country_iso"], ""),
            "block_month": _month_of(dated["event_date"]),
        }
    )


def changed_blocks(current: pa.Table, previous: pa.Table | None) -> set[tuple[str, str]]:
    """Blocks to resolve again: every block of `current` when there is no `previous`
    assignment, else those of mentions not assigned yet and of assigned mentions now gone.
    Both tables hold mention_id, block_country and block_month."""
    if previous is None:
        return _block_set(current)
    new = current.filter(pc.invert(pc.is_in(current["mention_id"], previous["mention_id"])))
    gone = previous.filter(pc.invert(pc.is_in(previous["mention_id"], current["mention_id"])))
    return _block_set(new) | _block_set(gone)


def block_sizes(current: pa.Table) -> dict[tuple[str, str], int]:
    """Mentions per block."""
    sizes = current.group_by(BLOCK).aggregate([("mention_id", "count")])
    rows = column_rows(sizes.select([*BLOCK, "mention_id_count"]))
    return {(country, month): n for country, month, n in rows}


def _block_set(table: pa.Table) -> set[tuple[str, str]]:
    unique = table.select(BLOCK).group_by(BLOCK).aggregate([])
    return set(column_rows(unique.select(BLOCK)))


def _month_of(days: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.strftime(days.cast(pa.timestamp("s")), format="%Y-%m")


def block_chunks(
    sizes: dict[tuple[str, str], int], blocks: set[tuple[str, str]], size: int
) -> list[list[tuple[str, str]]]:
    """The blocks to redo, in order, grouped so that each group has about `size` mentions.

    Blocks resolve independently, so each group is read and resolved on its own.
    """
    chunks: list[list[tuple[str, str]]] = [[]]
    in_chunk = 0
    for block in sorted(blocks):
        if chunks[-1] and in_chunk + sizes.get(block, 0) > size:
            chunks.append([])
            in_chunk = 0
        chunks[-1].append(block)
        in_chunk += sizes.get(block, 0)
    return [chunk for chunk in chunks if chunk]


def scan_groups(chunks: list[list[tuple[str, str]]], workers: int) -> list[list[list]]:
    """Consecutive chunks read from the lake in one scan: at most CHUNKS_PER_SCAN of them, and
    one group per worker at least."""
    size = max(1, min(CHUNKS_PER_SCAN, math.ceil(len(chunks) / max(workers, 1))))
    return [chunks[start : start + size] for start in range(0, len(chunks), size)]


def resolve_group(
    lake_root: str, chunks: list[list[tuple[str, str]]]
) -> tuple[list[dict[str, pa.Table]], int]:
    """Resolve a group of chunks of blocks into Arrow tables (one dict per chunk), and the
    number of mentions resolved. The group's mentions and articles are read in one scan each;
    each chunk then becomes Python rows on its own, which bounds the memory."""
    lake = Lake(lake_root)
    blocks = [block for chunk in chunks for block in chunk]
    mentions = lake.read("event_mentions", MENTION_COLUMNS, current_mentions() & _within(blocks))
    articles = lake.read(
        "articles", ARTICLE_COLUMNS, pc.field("article_id").isin(mentions["article_id"].unique())
    )
    parts, resolved = [], 0
    for chunk in chunks:
        result, n = _resolve_blocks(mentions.filter(_within(chunk)), articles, chunk)
        resolved += n
        parts.append(
            {
                "events": as_table("events", result.events),
                "event_revisions": as_table("event_revisions", result.revisions),
                "event_assignments": as_table("event_assignments", result.assignments),
            }
        )
    return parts, resolved


def _map(function, arguments: list[tuple], workers: int) -> Iterator:
    """function(*a) for each a, in order: in this process, or in a pool of local processes."""
    if workers <= 1 or len(arguments) <= 1:
        yield from (function(*a) for a in arguments)
        return
    with light_pool(min(workers, len(arguments))) as pool:
        yield from pool.map(function, *zip(*arguments, strict=True))


def _resolve_blocks(
    mentions: pa.Table, articles: pa.Table, chunk: list[tuple[str, str]]
) -> tuple[Resolution, int]:
    """Resolve a chunk of blocks from its countries' mentions within its months."""
    members = set(chunk)
    rows = [
        row
        for row in mentions.to_pylist()
        if block_of(row["country_iso"], row["event_date"]) in members
    ]
    article_ids = pa.array(sorted({row["article_id"] for row in rows}), pa.string())
    chosen = articles.filter(pc.is_in(articles["article_id"], value_set=article_ids))
    by_id = {a["article_id"]: a | {"source_name": source_of(a)} for a in chosen.to_pylist()}
    return resolve_mentions(rows, by_id), len(rows)


def _within(chunk: list[tuple[str, str]]) -> pc.Expression:
    """Mentions of each country of the chunk dated within the months of its blocks there.

    Per country: a chunk may end one country's months and start another's, and one date range
    for both read years of mentions of each only to drop them (at 100k articles the two resolve
    workers peaked at 967 MB together before, 769 MB after; bench scale).
    """
    months: dict[str, list[str]] = defaultdict(list)
    for country, month in chunk:
        months[country].append(month)
    wanted = None
    for country, its_months in sorted(months.items()):
        first = date.fromisoformat(f"{min(its_months)}-01")
        last = date.fromisoformat(f"{max(its_months)}-01") + timedelta(days=31)
        field = pc.field("country_iso")
        where = (field == country) if country else field.is_null()
        where = where & (pc.field("event_date") >= first) & (pc.field("event_date") <= last)
        wanted = where if wanted is None else wanted | where
    return wanted


def _outside(table: pa.Table, country: str, when: str, blocks: set[tuple[str, str]]) -> pa.Table:
    """Rows of `table` whose block (country, and a month or a date) is not being redone."""
    month = _month_of(table[when]) if when == "event_date" else table[when]
    keys = pc.binary_join_element_wise(pc.fill_null(table[country], ""), month, "|")
    redone = pa.array([f"{c}|{m}" for c, m in blocks], pa.string())
    # A row without a date has no block (block_of gives None): it is never redone.
    return table.filter(pc.invert(pc.fill_null(pc.is_in(keys, redone), False)))
