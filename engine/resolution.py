"""Resolution over the lake: mentions -> `events`, `event_revisions`, `event_assignments`.

Resolution works in blocks (a country and a month; see transforms/resolve/) and keeps the
mention -> event assignment of the last run in the lake (`event_assignments`). A run reads only
the (mention_id, country, date) columns to find mentions that are new or gone, resolves again
just the blocks they fall in, and keeps every other block's events and revisions as they were.
Because a block's result depends only on the set of its mentions, this equals a full rebuild,
and chunks of blocks can be resolved in parallel processes. Inside a block redone, an event
that comes out with the same members and recalls as before keeps its rows instead of being
built again: they are a function of those, as a mention's row never changes under its id (the
id holds the extractor version) and an article is stored once. A lake whose events another
RESOLVER_VERSION made is resolved in full. The mentions of the blocks to
redo, and the articles they cite, are first routed to files of their chunk in one pass over
each table (its files shared among the workers), so each chunk reads only its own rows.
No Prefect here: the resolve flow (flows/resolve.py) wraps it.
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs

from engine.faults import checkpoint
from engine.workers import light_pool, release_memory
from storage.contract import schema
from storage.lake import KeyIndex, Lake, as_table, column_rows
from transforms.collector import cycle_collection_paused
from transforms.resolve import RESOLVED_ROLES, Membership, source_of
from transforms.resolve import resolve as resolve_mentions
from transforms.version import EXTRACTOR_VERSION, RESOLVER_VERSION

ARTICLE_COLUMNS = ["article_id", "source_name", "url", "published_at"]
# What resolution reads of a mention: not the evidence sentence and its offsets, the bulk of a
# row, which stays in the lake and the warehouse.
MENTION_COLUMNS = [
    name
    for name in schema("event_mentions").names
    if name not in ("evidence", "char_start", "char_end")
]
ROUTED_SCHEMAS = {
    "mentions": pa.schema([schema("event_mentions").field(n) for n in MENTION_COLUMNS]),
    "articles": pa.schema([schema("articles").field(n) for n in ARTICLE_COLUMNS]),
}


def current_mentions():
    """Mentions of the current extractor version (older versions' rows stay in the lake)."""
    return pc.field("role").isin(list(RESOLVED_ROLES)) & (
        pc.field("extractor_version") == EXTRACTOR_VERSION
    )


# Mentions resolved per task: bounds the Python rows in a worker however large the lake grows
# (a +1%-new re-run of a 100k lake: the two workers peaked at 509 MB with 10,000, 370 with 5,000).
MENTIONS_PER_CHUNK = 5_000


def resolve_lake(lake: Lake, full: bool = False, workers: int = 1) -> dict[str, int]:
    """Resolve the blocks with new or removed mentions (all of them when `full`).

    With `workers` > 1, chunks of blocks are resolved in that many local processes.
    """
    # The index stays in Arrow: as Python tuples and a dict it was the flow process's share
    # of resolve that grew with the lake (about 120 MB per 100k articles).
    current = with_blocks(
        lake.read("event_mentions", ["mention_id", "country_iso", "event_date"], current_mentions())
    )
    previous = lake.read("event_assignments", ["mention_id", *BLOCK])
    full = full or previous.num_rows == 0 or not resolved_by_this_version(lake)
    blocks = changed_blocks(current, None if full else previous)
    del previous
    if not blocks and not full:
        return {"events": lake.read("events", ["event_id"]).num_rows, "blocks": 0, "mentions": 0}
    chunks = block_chunks(block_sizes(current), blocks, MENTIONS_PER_CHUNK)
    del current
    # The index's freed pages go back before the workers start: this process waits for them,
    # and whatever it keeps adds to their peak (about 60 MB at 100k articles, with the next).
    release_memory()
    resolved = 0
    # Each chunk's tables are written as they come: the flow process never holds the whole
    # lake's events. Assignments are committed last (the `with` exits in reverse order): a run
    # killed before them redoes these blocks next time.
    with (
        lake.replacing("event_assignments") as assignments,
        lake.replacing("events") as events,
        lake.replacing("event_revisions") as revisions,
        lake.scratch("resolve") as scratch,
    ):
        snapshots = {s.table: s for s in (events, revisions, assignments)}
        earlier = {}
        if not full:  # every other block keeps its events, revisions and assignments
            earlier = _keep_or_set_aside(lake, chunks, snapshots, scratch)
            release_memory()
        # In worker processes when there are chunks to share: routing's transient memory then
        # never adds to the flow process's. The same workers then resolve the chunks: with
        # Arrow's C++ allocations in malloc (storage/__init__.py), what routing leaves in a
        # worker goes back with malloc_trim, and one start-up is saved.
        with _local_pool(workers, len(chunks)) as (pool, parts):
            route_to_chunks(lake, chunks, scratch, pool, parts)
            tasks = [
                (lake.root, scratch, number, {t: n.get(number, []) for t, n in earlier.items()})
                for number in range(len(chunks))
            ]
            for tables, n in _map(pool, resolve_routed_chunk, tasks):
                resolved += n
                for table, part in tables.items():
                    snapshots[table].write(part)
        checkpoint("resolve")  # a test kills the run here: snapshots written, not swapped in
    # Only once the tables are in: a run killed before resolves everything again.
    lake.write_state(RESOLVER_STATE, {"version": RESOLVER_VERSION})
    return {"events": events.rows, "blocks": len(blocks), "mentions": resolved}


RESOLVER_STATE = "resolver"  # <lake>/_state/resolver.json: the version that made the events


def resolved_by_this_version(lake: Lake) -> bool:
    """Whether the lake's events were made by this RESOLVER_VERSION (a lake of an older version
    than the state file, or of another resolver, is resolved again in full)."""
    return lake.read_state(RESOLVER_STATE).get("version") == RESOLVER_VERSION


def _keep_or_set_aside(
    lake: Lake, chunks: list[list[tuple[str, str]]], snapshots: dict, scratch: str
) -> dict[str, dict[int, list[int]]]:
    """Write the events, revisions and assignments of every block not being redone, a file
    batch at a time: read whole, they were the flow's peak in a re-run, and grew with the lake.

    The events and revisions of the blocks redone are set aside in scratch files, where each
    chunk finds its own: those of its events that come out with the same members and recalls
    keep their rows. Returns where: table -> chunk number -> batch numbers in its file."""
    keys, numbers = _chunk_lookup(chunks)

    def chunk_of_block(block_keys: pa.ChunkedArray) -> pa.ChunkedArray:
        # null for a block kept, and for a row without a date: it has no block
        return pc.take(numbers, pc.index_in(block_keys, value_set=keys))

    redone_ids, redone_chunks = [], []
    with _ChunkBatches(lake, scratch, "events") as earlier_events:
        for batch in _batches(lake, "events"):
            chunk = chunk_of_block(_block_keys(batch))
            snapshots["events"].write(batch.filter(pc.is_null(chunk)))
            inside = batch.append_column("chunk", chunk).filter(pc.is_valid(chunk))
            earlier_events.add(inside)
            redone_ids.append(inside["event_id"])
            redone_chunks.append(inside["chunk"])
    redone = KeyIndex(pa.chunked_array(redone_ids, pa.string()))
    # each redone event's chunk, in the order of redone.keys (an event id is never null)
    chunk_of_event = pa.chunked_array(redone_chunks, pa.int32()).to_numpy()[redone.first]
    with _ChunkBatches(lake, scratch, "event_revisions") as earlier_revisions:
        for batch in _batches(lake, "event_revisions"):
            at = redone.positions(batch["event_id"])
            snapshots["event_revisions"].write(batch.filter(pa.array(at < 0)))
            inside = batch.filter(pa.array(at >= 0))
            chunk = pa.array(chunk_of_event[at[at >= 0]], pa.int32())
            earlier_revisions.add(inside.append_column("chunk", chunk))
    for batch in _batches(lake, "event_assignments"):
        chunk = chunk_of_block(_keys(batch["block_country"], batch["block_month"]))
        snapshots["event_assignments"].write(batch.filter(pc.is_null(chunk)))
    return {"events": earlier_events.of_chunk, "event_revisions": earlier_revisions.of_chunk}


class _ChunkBatches:
    """Rows of every chunk in one scratch file, `<table>.arrow`: a record batch per chunk and
    write, and `of_chunk` lists each chunk's batches. One file, not one per chunk and write:
    creating those was most of the cost, paid in the flow process before the workers start."""

    def __init__(self, lake: Lake, scratch: str, table: str) -> None:
        self.table = table
        self.writing = scratch_writer(lake, earlier_path(scratch, table), schema(table))
        self.of_chunk: dict[int, list[int]] = {}
        self.batches = 0

    def __enter__(self) -> _ChunkBatches:
        self.writer = self.writing.__enter__()
        return self

    def __exit__(self, *failure) -> None:
        self.writing.__exit__(*failure)

    def add(self, rows: pa.Table) -> None:
        """Write rows that have a "chunk" column."""
        for number, part in _runs(rows.sort_by("chunk"), "chunk"):
            for batch in as_table(self.table, part).combine_chunks().to_batches():
                self.writer.write_batch(batch)
                self.of_chunk.setdefault(number, []).append(self.batches)
                self.batches += 1


def earlier_path(scratch: str, table: str) -> str:
    """The scratch file of the rows of `table` that the blocks redone had before."""
    return posixpath.join(scratch, f"earlier-{table}.arrow")


def read_earlier(lake: Lake, scratch: str, table: str, batches: list[int]) -> pa.Table:
    """Some batches of a _ChunkBatches file (all the rows of `table` of one chunk)."""
    if not batches:
        return schema(table).empty_table()
    with lake.fs.open_input_file(earlier_path(scratch, table)) as source:
        reader = pa.ipc.open_file(source)
        return pa.Table.from_batches([reader.get_batch(n) for n in batches], schema(table))


def _batches(lake: Lake, table: str) -> Iterator[pa.Table]:
    # Read ahead one batch of one file, not Arrow's default 16 batches of 4 files: the rows
    # are written as they come, so reading ahead only adds to the flow process's peak.
    batches = lake.dataset(table).to_batches(
        batch_size=50_000, batch_readahead=1, fragment_readahead=1
    )
    for batch in batches:
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
    """Each date's month, "YYYY-MM". Formatted once per distinct day: strftime costs thousands of
    instructions a value, and a lake's mentions fall on a few thousand days."""
    distinct = pc.unique(days)
    months = pc.strftime(distinct.cast(pa.timestamp("s")), format="%Y-%m")
    return pc.take(months, pc.index_in(days, value_set=distinct))


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


# Routed rows a routing process holds before it writes them, over all chunks: its memory
# stays flat however many chunks the lake has. Sorting them doubles it for a moment: at 32 MB,
# routing a 100k lake's mentions peaked at 99 MB over the process's start, at 8 MB at 36 MB.
ROUTED_BYTES_BUFFERED = 8 * 2**20


def route_to_chunks(
    lake: Lake,
    chunks: list[list[tuple[str, str]]],
    scratch: str,
    pool: ProcessPoolExecutor | None = None,
    parts: int = 1,
) -> None:
    """Write each chunk's mentions, and the articles they cite, to files of its own under
    `scratch`, in one pass over each table, split into `parts` (run on `pool` when given).

    Read from the lake chunk by chunk instead, each chunk decoded every mentions file:
    chunks x files, which grows with the square of the lake."""
    mentions = _shares(lake.files("event_mentions"), parts)
    tasks = [(lake.root, chunks, scratch, paths, part) for part, paths in enumerate(mentions)]
    for _ in _map(pool, route_mentions, tasks):
        pass
    articles = _shares(lake.files("articles"), parts)
    tasks = [(lake.root, scratch, paths, part) for part, paths in enumerate(articles)]
    for _ in _map(pool, route_articles, tasks):
        pass


def _shares(paths: list[str], parts: int) -> list[list[str]]:
    return [paths[part::parts] for part in range(parts)]


CITATIONS = pa.schema([("article_id", pa.string()), ("chunk", pa.int32())])
CITED_ROWS = pa.schema([("file", pa.int32()), ("chunk", pa.int32()), ("row", pa.int64())])
LOCATED = pa.schema([("article_id", pa.string()), ("file", pa.int32()), ("row", pa.int64())])


def route_mentions(
    lake_root: str, chunks: list[list[tuple[str, str]]], scratch: str, paths: list[str], part: int
) -> None:
    """Route the mentions in `paths`; record (article_id, chunk) of each in citations-<part>."""
    lake = Lake(lake_root)
    keys, numbers = _chunk_lookup(chunks)
    cited_path = posixpath.join(scratch, f"citations-{part:03d}.arrow")
    with (
        _RoutedFiles(lake, scratch, f"mentions-{part:03d}") as routed,
        scratch_writer(lake, cited_path, CITATIONS) as citations,
    ):
        for path in paths:
            table = lake.dataset("event_mentions", [path]).to_table(
                columns=MENTION_COLUMNS, filter=current_mentions()
            )
            chunk = pc.take(numbers, pc.index_in(_block_keys(table), value_set=keys))
            table = table.append_column("chunk", chunk).filter(pc.is_valid(chunk))
            # Distinct per file only: an article's mentions share a file, and a pair seen
            # twice just routes the article twice to a chunk, which keys articles by id.
            citations.write_table(_distinct(table.select(["article_id", "chunk"])))
            routed.add(table)
    release_memory()


def _distinct(citations: pa.Table) -> pa.Table:
    """Distinct (article_id, chunk) pairs."""
    return citations.group_by(["article_id", "chunk"]).aggregate([])


def route_articles(lake_root: str, scratch: str, paths: list[str], part: int) -> None:
    """Route the articles in `paths` to every chunk whose mentions cite them."""
    lake = Lake(lake_root)
    with _RoutedFiles(lake, scratch, f"articles-{part:03d}") as routed:
        for file, rows in _runs(_cited_rows(lake, scratch, paths), "file"):
            table = lake.dataset("articles", [paths[file]]).to_table(columns=ARTICLE_COLUMNS)
            routed.add(table.take(rows["row"]).append_column("chunk", rows["chunk"]))
    release_memory()


def _cited_rows(lake: Lake, scratch: str, paths: list[str]) -> pa.Table:
    """(file, chunk, row) of every article in `paths` that a routed mention cites, sorted.
    One hash set of the ids in `paths`, probed by every citation: a join per articles file
    would grow with the square of the lake."""
    ids = [lake.dataset("articles", [path]).to_table(columns=["article_id"]) for path in paths]
    located = pa.concat_tables(
        [LOCATED.empty_table()]
        + [
            t.append_column("file", pa.repeat(pa.scalar(n, pa.int32()), t.num_rows))
            .append_column("row", pa.array(range(t.num_rows), pa.int64()))
            .cast(LOCATED)
            for n, t in enumerate(ids)
        ]
    )
    known = located["article_id"].combine_chunks()
    found = lake.fs.get_file_info(pafs.FileSelector(scratch))
    rows = [CITED_ROWS.empty_table()]
    for path in sorted(i.path for i in found if i.base_name.startswith("citations-")):
        cited = read_scratch(lake, path)
        position = pc.index_in(cited["article_id"], value_set=known)
        here = pc.is_valid(position)
        position = position.filter(here)
        rows.append(
            pa.table(
                {
                    "file": located["file"].take(position),
                    "chunk": cited["chunk"].filter(here),
                    "row": located["row"].take(position),
                },
                CITED_ROWS,
            )
        )
    return pa.concat_tables(rows).sort_by(
        [("file", "ascending"), ("chunk", "ascending"), ("row", "ascending")]
    )


def _runs(table: pa.Table, column: str) -> Iterator[tuple[int, pa.Table]]:
    """(value, rows) for each run of equal values in `column`, which is sorted."""
    if table.num_rows == 0:
        return
    runs = pc.run_end_encode(table[column].combine_chunks())
    start = 0
    for value, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
        yield value, table.slice(start, end - start)
        start = end


def _chunk_lookup(chunks: list[list[tuple[str, str]]]) -> tuple[pa.Array, pa.Array]:
    """Block keys ("country|month") and the number of the chunk each belongs to."""
    pairs = [(f"{c}|{m}", n) for n, chunk in enumerate(chunks) for c, m in chunk]
    return pa.array([k for k, _ in pairs], pa.string()), pa.array([n for _, n in pairs], pa.int32())


def _block_keys(mentions: pa.Table) -> pa.ChunkedArray:
    """Each mention's block as "country|month" (null when undated: it has no block)."""
    return _keys(mentions["country_iso"], _month_of(mentions["event_date"]))


def _keys(countries: pa.ChunkedArray, months: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.binary_join_element_wise(pc.fill_null(countries, ""), months, "|")


class _RoutedFiles:
    """Rows of one kind, each with the number of its chunk, written under <scratch>/<chunk>/
    whenever the rows held reach ROUTED_BYTES_BUFFERED: sorted by chunk then, so each chunk
    gets one file per write (split as they came, a file's rows made ~25,000 small slices per
    200k articles, whose bookkeeping outweighed the rows)."""

    def __init__(self, lake: Lake, scratch: str, kind: str) -> None:
        self.lake, self.scratch, self.kind = lake, scratch, kind
        self.pending: list[pa.Table] = []
        self.held = 0
        self.writes = 0

    def __enter__(self) -> _RoutedFiles:
        return self

    def __exit__(self, *failure) -> None:
        if failure[0] is None:
            self._write()

    def add(self, rows: pa.Table) -> None:
        self.pending.append(rows)
        self.held += rows.nbytes
        if self.held >= ROUTED_BYTES_BUFFERED:
            self._write()

    def _write(self) -> None:
        if not self.pending:
            return
        held = pa.concat_tables(self.pending).sort_by("chunk")
        self.pending, self.held = [], 0
        name = f"{self.kind}-{self.writes:05d}.arrow"
        for number, rows in _runs(held, "chunk"):
            path = posixpath.join(routed_dir(self.scratch, number), name)
            self.lake.fs.create_dir(posixpath.dirname(path), recursive=True)
            write_scratch(self.lake, rows.drop_columns("chunk"), path)
        self.writes += 1


# Scratch files are Arrow IPC, not Parquet: they are written once and read once, so Parquet's
# encoding and decoding were most of their cost (lz4: still small on an object store).
SCRATCH_FORMAT = pa.ipc.IpcWriteOptions(compression="lz4")


@contextlib.contextmanager
def scratch_writer(
    lake: Lake, path: str, schema: pa.Schema
) -> Iterator[pa.ipc.RecordBatchFileWriter]:
    with (
        lake.fs.open_output_stream(path) as sink,
        pa.ipc.new_file(sink, schema, options=SCRATCH_FORMAT) as writer,
    ):
        yield writer


def write_scratch(lake: Lake, rows: pa.Table, path: str) -> None:
    with scratch_writer(lake, path, rows.schema) as writer:
        writer.write_table(rows)


def read_scratch(lake: Lake, path: str) -> pa.Table:
    with lake.fs.open_input_file(path) as source:
        return pa.ipc.open_file(source).read_all()


def routed_dir(scratch: str, number: int) -> str:
    return posixpath.join(scratch, f"{number:05d}")


# A chunk's rows, mentions, clusters and events hold no reference cycles, yet collecting as
# they were made was about a quarter of resolve()'s time.
@cycle_collection_paused()
def resolve_routed_chunk(
    lake_root: str, scratch: str, number: int, earlier: dict[str, list[int]] | None = None
) -> tuple[dict[str, pa.Table], int]:
    """Resolve one chunk of blocks from its routed files: Arrow tables of its events,
    revisions and assignments, and the number of mentions resolved. `earlier`: where the
    chunk's events and revisions of the last run were set aside (_keep_or_set_aside), if any.
    """
    # The last chunk's rows went back to malloc, which keeps the pages: returned before this
    # chunk's are made (the two workers' peak at 100k articles: 269-278 MB without, 257-258 with).
    release_memory()
    lake = Lake(lake_root)
    # One row per mention: a killed run's leftovers may hold a mention twice, and resolved
    # twice it would be listed twice in its event and outvote the others.
    rows = list(
        {
            m["mention_id"]: m for m in _read_routed(lake, scratch, number, "mentions").to_pylist()
        }.values()
    )
    articles = _read_routed(lake, scratch, number, "articles").to_pylist()
    by_id = {a["article_id"]: a | {"source_name": source_of(a)} for a in articles}
    earlier = earlier or {}
    events = read_earlier(lake, scratch, "events", earlier.get("events", []))
    revisions = read_earlier(lake, scratch, "event_revisions", earlier.get("event_revisions", []))
    result = resolve_mentions(rows, by_id, unchanged=memberships(events))
    tables = {
        "events": with_unchanged("events", result.events, events),
        "event_revisions": with_unchanged("event_revisions", result.revisions, revisions),
        "event_assignments": as_table("event_assignments", result.assignments),
    }
    return tables, len(rows)


def memberships(events: pa.Table) -> dict[str, Membership]:
    """event_id -> the Membership its `events` row lists."""
    listed = events.select(["event_id", "mention_ids", "historical_mention_ids"])
    return {
        event_id: (tuple(members), None if recalled is None else tuple(recalled))
        for event_id, members, recalled in column_rows(listed)
    }


def with_unchanged(table: str, rows: list[dict | str], previous: pa.Table) -> pa.Table:
    """The rows of `table` in order, each event id among them standing for that event's rows
    in `previous` (its revisions in the order of their numbers)."""
    fresh = as_table(table, [row for row in rows if type(row) is not str])
    if fresh.num_rows == len(rows):
        return fresh  # nothing kept: a full resolve, or every event changed
    at: dict[str, list[int]] = {}
    for position, event_id in enumerate(previous["event_id"].to_pylist()):
        at.setdefault(event_id, []).append(position)
    if "revision" in previous.column_names:
        numbers = previous["revision"].to_pylist()
        for positions in at.values():
            positions.sort(key=numbers.__getitem__)
    order = []
    next_fresh = previous.num_rows
    for row in rows:
        if type(row) is str:
            order += at[row]
        else:
            order.append(next_fresh)
            next_fresh += 1
    return pa.concat_tables([previous, fresh]).take(order)


def _read_routed(lake: Lake, scratch: str, number: int, kind: str) -> pa.Table:
    selector = pafs.FileSelector(routed_dir(scratch, number), allow_not_found=True)
    paths = sorted(
        info.path
        for info in lake.fs.get_file_info(selector)
        if info.base_name.startswith(f"{kind}-")
    )
    wanted = ROUTED_SCHEMAS[kind]
    if not paths:  # a block whose mentions are all gone
        return wanted.empty_table()
    return pa.concat_tables(read_scratch(lake, p) for p in paths)


@contextlib.contextmanager
def _local_pool(workers: int, tasks: int) -> Iterator[tuple[ProcessPoolExecutor | None, int]]:
    """A pool of local processes and its size, or (None, 1) to run all in this process."""
    if workers <= 1 or tasks <= 1:
        yield None, 1
        return
    size = min(workers, tasks)
    with light_pool(size) as pool:
        yield pool, size


def _map(pool: ProcessPoolExecutor | None, function, arguments: list[tuple]) -> Iterator:
    """function(*a) for each a, in order."""
    if pool is None:
        yield from (function(*a) for a in arguments)
    else:
        yield from pool.map(function, *zip(*arguments, strict=True))
