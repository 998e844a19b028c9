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
import multiprocessing
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta

import pyarrow as pa
import pyarrow.compute as pc

from flows.contract import schema
from flows.lake import Lake, as_table
from transforms.extract import EXTRACTOR_VERSION
from transforms.resolve import RESOLVED_ROLES, Resolution, affected_blocks, block_of, source_of
from transforms.resolve import resolve as resolve_mentions

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
MENTIONS_PER_CHUNK = 20_000
# Chunks read in one scan of the lake: a scan decodes every file, so one scan per chunk made
# resolve's cost grow with the square of the lake (28 scans of 400 files at 200k articles).
# Each chunk in a group holds its Arrow rows in the worker: 8 per scan took the two resolve
# workers at 100k articles from 769 to 1,096 MB (bench scale), so groups stay small.
CHUNKS_PER_SCAN = 2


def resolve_lake(lake: Lake, full: bool = False, workers: int = 1) -> dict[str, int]:
    """Resolve the blocks with new or removed mentions (all of them when `full`).

    With `workers` > 1, groups of blocks are resolved in that many local processes.
    """
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
    current = list(zip(*(c.to_pylist() for c in index.columns), strict=True))
    blocks = affected_blocks(current, assigned)
    if not blocks and not full:
        return {"events": lake.read("events", ["event_id"]).num_rows, "blocks": 0, "mentions": 0}
    results = {"events": [], "event_revisions": [], "event_assignments": []}
    resolved = 0
    chunks = block_chunks(current, blocks, MENTIONS_PER_CHUNK)
    del current, index
    groups = scan_groups(chunks, workers)
    for parts, n in _map(resolve_group, [(lake.root, group) for group in groups], workers):
        resolved += n
        for tables in parts:
            for table, part in tables.items():
                results[table].append(part)

    if not full:  # every other block keeps its events, revisions and assignments
        events = _outside(lake.read("events"), "country_iso", "event_date", blocks)
        revisions = lake.read("event_revisions")
        revisions = revisions.filter(pc.is_in(revisions.column("event_id"), events["event_id"]))
        assignments = _outside(
            lake.read("event_assignments"), "block_country", "block_month", blocks
        )
        for table, kept in (
            ("events", events),
            ("event_revisions", revisions),
            ("event_assignments", assignments),
        ):
            results[table].insert(0, kept)
    # Assignments last: a run killed before them redoes these blocks next time.
    lake.replace("event_revisions", _concat("event_revisions", results["event_revisions"]))
    count = lake.replace("events", _concat("events", results["events"]))
    lake.replace("event_assignments", _concat("event_assignments", results["event_assignments"]))
    return {"events": count, "blocks": len(blocks), "mentions": resolved}


def block_chunks(
    current: list[tuple[str, str | None, object]], blocks: set[tuple[str, str]], size: int
) -> list[list[tuple[str, str]]]:
    """The blocks to redo, in order, grouped so that each group has about `size` mentions.

    Blocks resolve independently, so each group is read and resolved on its own.
    """
    counts = Counter(block_of(country, day) for _, country, day in current)
    chunks: list[list[tuple[str, str]]] = [[]]
    in_chunk = 0
    for block in sorted(blocks):
        if chunks[-1] and in_chunk + counts[block] > size:
            chunks.append([])
            in_chunk = 0
        chunks[-1].append(block)
        in_chunk += counts[block]
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
    # spawn: the flow process runs threads (Prefect), which fork would copy mid-flight.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(workers, len(arguments)), mp_context=context) as pool:
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
    pairs = zip(table.column(country).to_pylist(), table.column(when).to_pylist(), strict=True)
    if when == "event_date":
        keep = [block_of(c, day) not in blocks for c, day in pairs]
    else:
        keep = [(c, month) not in blocks for c, month in pairs]
    return table.filter(pa.array(keep, type=pa.bool_()))


def _concat(table: str, parts: list[pa.Table]) -> pa.Table:
    return pa.concat_tables(parts) if parts else schema(table).empty_table()
