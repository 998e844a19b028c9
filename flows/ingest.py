"""The ingest flow: files, feeds and URLs -> `articles` (new ones only) and `rejects`.

Incremental at three levels, cheapest first:
1. a file whose path, size and mtime were read before is not opened (`source_state`);
2. a URL whose canonical form belongs to a stored article is not fetched, and a URL fetched
   before is fetched conditionally (ETag / Last-Modified; 304 means unchanged);
3. an article whose body hash or canonical URL is known is not stored again; a new place it
   was found at is recorded in `article_origins`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from engine.faults import checkpoint
from engine.workers import light_pool
from flows.params import FetchParams, PipelineParams
from sources.fetch import Fetched, TransientFetchError, close_clients, fetch, shared_client
from sources.files import discover, expand_urls, file_fingerprint, read_files, split_sources
from storage.lake import Lake, batch_key, column_rows
from transforms.ingest.articles import reject_row, utc_now
from transforms.ingest.feeds import FeedEntry
from transforms.ingest.formats import STAGE, Harvest, Item, harvest, items_from_response
from transforms.ingest.identity import Ledger
from transforms.ingest.rejects import Rejected
from transforms.ingest.urls import canonical_url, fetchable_url
from transforms.text import stable_id

FETCH_WORKERS = 16  # threads for HTTP; params.fetch.concurrency bounds requests in flight
# Files read per task, at least: each batch costs two task runs, and at 500 files a batch
# their overhead was a quarter of ingest (20k bench files: 8.1 s at 500, 6.1 s at 2,000).
MIN_FILES_PER_TASK = 2000


@dataclass(slots=True)
class Tally:
    """The run summary: every item that came in ends as new, duplicate, unchanged or rejected."""

    files: int = 0
    urls: int = 0
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0  # a file or URL not read again: same fingerprint, or HTTP 304
    by_reason: Counter = field(default_factory=Counter)
    warnings: int = 0  # notes on kept articles (an unreadable date): not an outcome of their own

    def as_dict(self) -> dict:
        rejected = sum(self.by_reason.values())
        return {
            "items": self.new + self.duplicates + self.unchanged + rejected,
            "files": self.files,
            "urls": self.urls,
            "new": self.new,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "rejected": rejected,
            "rejected_by_reason": dict(sorted(self.by_reason.items())),
            "warnings": self.warnings,
        }


@dataclass(slots=True)
class State:
    """What the lake already knows, loaded once per run and updated as the run writes. The
    ledger is read when first asked: a run whose files were all read before never needs it
    (ingest with nothing new at 100k articles: 1.4-1.6 s with it, 0.9-1.2 s without)."""

    lake_root: str
    files: set[str]  # source_state ids of files already read
    validators: dict[str, tuple[str | None, str | None]]  # url -> (etag, last_modified)
    loaded_ledger: Ledger | None = None

    @property
    def ledger(self) -> Ledger:
        if self.loaded_ledger is None:
            self.loaded_ledger = load_ledger(Lake(self.lake_root))
        return self.loaded_ledger


@dataclass(frozen=True, slots=True)
class Request:
    """A URL to fetch: from the CLI or a URL list (entry None), or a feed entry's page."""

    url: str
    entry: FeedEntry | None = None


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_sources(sources: list[str]) -> list[str]:
    return discover(sources)


@task(cache_policy=NO_CACHE)
def load_state(lake_root: str) -> State:
    """File fingerprints and HTTP validators in the lake (its articles' ids, URLs and origins
    when first asked: State.ledger)."""
    lake = Lake(lake_root)
    file_states = lake.read("source_state", ["state_id"], pc.field("kind") == "file")
    files = set(file_states["state_id"].to_pylist())
    http = lake.read("source_state", filter=pc.field("kind") == "http").sort_by("seen_at")
    validators = {  # the latest validators of each URL win
        location: (etag, last_modified)
        for location, etag, last_modified in column_rows(
            http.select(["location", "etag", "last_modified"])
        )
    }
    return State(lake_root, files, validators)


def load_ledger(lake: Lake) -> Ledger:
    """Article ids, canonical URLs and origins in the lake."""
    # Ids come from `remember`: a second set of them read apart held a second copy of each.
    ledger = Ledger(origin_ids=lake.keys("article_origins"))
    # Column lists, not row dicts: a dict per stored article cost more than the ledger itself.
    for table in ("articles", "article_origins"):
        for article_id, url, origin in column_rows(
            lake.read(table, ["article_id", "url", "origin"])
        ):
            ledger.remember(article_id, url, origin)
    return ledger


# Batches that worker processes read ahead (runner "process"), by run and paths: the flow
# submits them to its pool, and `read_sources`, run on the flow's thread in order, takes each
# one's result. Submitted as Prefect tasks to threads instead, the reads left the flow process
# about 130 MB more RSS per 20k files (garbage that only malloc_trim gave back).
_READ_AHEAD: dict[tuple[str, tuple[str, ...]], Future] = {}


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_sources(paths: list[str], run_id: str) -> Harvest:
    """Read a batch of files (bad content becomes rejects, never an exception), or take what a
    worker process read of it. A retry reads it here."""
    ahead = _READ_AHEAD.pop((run_id, tuple(paths)), None)
    return read_files(paths) if ahead is None else ahead.result()


@task(
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.5,
    cache_policy=NO_CACHE,
)
def fetch_url(
    url: str, settings: FetchParams, etag: str | None, last_modified: str | None
) -> Fetched | Rejected:
    """One GET. Transient failures raise (and are retried); permanent ones are returned."""
    try:
        return fetch(shared_client(settings), url, settings, etag, last_modified)
    except Rejected as rejected:
        return rejected


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def write_batch(
    lake_root: str,
    articles: list[dict],
    origins: list[dict],
    rejects: list[dict],
    states: list[dict],
    run_id: str,
) -> None:
    """Write new articles (partitioned by ingest date), origins and rejects; source state last.

    State goes last so that a run killed midway reads those sources again (ids dedupe them).
    """
    lake = Lake(lake_root)
    now = utc_now()
    stamped = [a | {"ingested_at": now, "run_id": run_id} for a in articles]
    # Named by their rows: a retry of this task rewrites the same files, never adds copies.
    lake.append(
        "articles",
        stamped,
        partition=f"ingest_date={now.date().isoformat()}",
        skip_keys=set(),
        batch=batch_key(run_id, *(a["article_id"] for a in articles)),
    )
    checkpoint("ingest")  # a test kills the run here: articles written, their sources not
    origins_batch = batch_key(run_id, *(o["origin_id"] for o in origins))
    # the Ledger already deduped
    lake.append("article_origins", origins, skip_keys=set(), batch=origins_batch)
    lake.append("rejects", [r | {"run_id": run_id} for r in rejects])
    # Only sources not in the loaded state get a row, so reading every stored state id again
    # on each batch (quadratic in the corpus) would find nothing to skip.
    states_batch = batch_key(run_id, *(s["state_id"] for s in states))
    lake.append("source_state", states, skip_keys=set(), batch=states_batch)


@flow(name="ingest", task_runner=ThreadPoolTaskRunner(max_workers=FETCH_WORKERS))
def ingest(params: PipelineParams, run_id: str) -> dict:
    """Read files in batches, fetch URLs and feeds, and add the articles the lake has not seen."""
    tally = Tally()
    state = load_state(params.lake)
    writer = _Writer(params.lake, run_id, state, tally, _files_per_task(params))
    pages = _read_files(params, state, writer)
    try:
        urls = split_sources(params.sources)[1] + expand_urls(params.urls)
        tally.urls = len(urls)
        pages += _fetch_all([Request(u) for u in urls], params.fetch, state, writer)
        nested = _fetch_all([Request(e.link, e) for e in pages], params.fetch, state, writer)
    finally:
        close_clients()
    for entry in nested:  # a feed entry whose page is a feed again: not followed further
        writer.reject(entry.origin, "nested_feed", "a feed entry links to another feed", "")
    writer.finish_feeds()
    get_run_logger().info("ingest: %s", tally.as_dict())
    return tally.as_dict()


def _files_per_task(params: PipelineParams) -> int:
    return max(params.batch_size, MIN_FILES_PER_TASK)


def _read_files(params: PipelineParams, state: State, writer: _Writer) -> list[FeedEntry]:
    """Read new or changed files in batches; return the feed entries whose page is to fetch."""
    paths = discover_sources(params.sources)
    writer.tally.files = len(paths)
    todo = []
    for path in paths:
        fingerprint = file_fingerprint(path)
        if fingerprint in state.files:
            writer.tally.unchanged += 1
        else:
            todo.append((path, fingerprint))
    pages: list[FeedEntry] = []
    size = _files_per_task(params)
    batches = [todo[start : start + size] for start in range(0, len(todo), size)]
    for batch, found in _read_in_order(params, writer.run_id, batches):
        pages += found.pages
        feeds = {entry.feed for entry in found.pages}
        states = []
        for path, fingerprint in batch:
            if fingerprint is not None:
                row = _state_row("file", path, fingerprint, writer.run_id)
                if path in feeds:  # a feed file is done once its pages are fetched
                    writer.feed_states[path] = row
                else:
                    states.append(row)
        writer.commit(found, states)
        writer.flush()  # one write per batch of files
    return pages


def _read_in_order(
    params: PipelineParams, run_id: str, batches: list[list[tuple[str, str | None]]]
) -> Iterator[tuple[list[tuple[str, str | None]], Harvest]]:
    """Each batch of (path, fingerprint) with what its files gave, in order. With runner
    "process" and more than one batch, worker processes read the next few batches while this
    process admits and writes the one before (reading is most of ingest's CPU)."""
    paths = [[path for path, _ in batch] for batch in batches]
    with _reader_pool(params, len(batches)) as pool:
        ahead = 0 if pool is None else params.worker_count() + 1
        try:
            for number, batch in enumerate(batches):
                for later in paths[number : number + ahead]:
                    key = (run_id, tuple(later))
                    if key not in _READ_AHEAD:
                        try:
                            _READ_AHEAD[key] = pool.submit(read_files, later)
                        except BrokenProcessPool:  # a worker died: the rest is read here
                            ahead = 0
                            break
                yield batch, read_sources(quote(paths[number]), run_id)
        finally:  # a run that stops early leaves no batch behind
            for later in paths:
                _READ_AHEAD.pop((run_id, tuple(later)), None)


@contextmanager
def _reader_pool(params: PipelineParams, batches: int) -> Iterator[ProcessPoolExecutor | None]:
    """Light worker processes for the run's file batches; none for one batch (starting them
    would cost more than it) or another runner than "process"."""
    if params.runner != "process" or batches < 2:
        yield None
        return
    with light_pool(params.worker_count(), arrow=False) as pool:
        yield pool


class _Writer:
    """Admits candidates against the ledger, buffers them, writes them in batches, keeps the tally."""

    def __init__(self, lake_root: str, run_id: str, state: State, tally: Tally, batch: int) -> None:
        self.lake_root, self.run_id, self.state, self.tally = lake_root, run_id, state, tally
        self.batch = batch
        self.pending: dict[str, list[dict]] = {
            k: [] for k in ("new", "origins", "rejects", "states")
        }
        # A feed's validators are written only once all its pages were fetched: a page that
        # timed out is fetched again next run instead of hiding behind the feed's 304.
        self.feed_states: dict[str, dict] = {}
        self.failed_feeds: set[str] = set()
        self.reject_ids: set[str] = set()  # rejects met this run: the same one twice is stored once

    def _first_seen(self, rows: list[dict]) -> list[dict]:
        fresh = []
        for row in rows:
            if row["reject_id"] not in self.reject_ids:
                self.reject_ids.add(row["reject_id"])
                fresh.append(row)
        return fresh

    def commit(self, found: Harvest, states: list[dict] | None = None) -> None:
        new, origins, duplicates = (
            self.state.ledger.admit(found.articles, self.run_id, utc_now())
            if found.articles  # (a reject alone needs no ledger)
            else ([], [], 0)
        )
        self.tally.new += len(new)
        rejects = self._first_seen(found.rejects)
        # The same bad input met twice (a URL listed twice) is one reject; the repeat is a duplicate.
        self.tally.duplicates += duplicates + len(found.rejects) - len(rejects)
        self.tally.by_reason.update(r["reason"] for r in rejects)
        warnings = self._first_seen(found.warnings)
        self.tally.warnings += len(warnings)
        self.pending["new"] += new
        self.pending["origins"] += origins
        self.pending["rejects"] += rejects + warnings
        self.pending["states"] += states or []
        if len(self.pending["new"]) + len(self.pending["rejects"]) >= self.batch:
            self.flush()

    def reject(
        self, origin: str, reason: str, detail: str, payload: str | bytes, key: str | None = None
    ) -> None:
        self.commit(Harvest(rejects=[reject_row(STAGE, reason, detail, origin, payload, key=key)]))

    def flush(self) -> None:
        p = self.pending
        if any(p.values()):
            # quote: Prefect would otherwise walk every field of every row to find futures.
            write_batch(
                self.lake_root,
                quote(p["new"]),
                quote(p["origins"]),
                quote(p["rejects"]),
                quote(p["states"]),
                self.run_id,
            )
        for row in p["states"]:
            if row["kind"] == "file":
                self.state.files.add(row["state_id"])
        self.pending = {k: [] for k in p}

    def finish_feeds(self) -> None:
        """Write the state of every feed whose pages were all fetched, and whatever is pending."""
        self.pending["states"] += [
            s for feed, s in self.feed_states.items() if feed not in self.failed_feeds
        ]
        self.flush()


def _fetch_all(
    requests: list[Request], settings: FetchParams, state: State, writer: _Writer
) -> list[FeedEntry]:
    """Fetch the requests (bounded in flight), commit what they give; return feed pages found."""
    pending = []
    seen: set[str] = set()
    for request in requests:
        try:
            url = fetchable_url(request.url)
        except Rejected as rejected:
            writer.reject(request.url, rejected.reason, rejected.detail, request.url)
            continue
        canonical = canonical_url(url)
        if canonical in seen or state.ledger.known_url(url):
            writer.tally.duplicates += 1  # already stored (or asked for twice): no request
            continue
        seen.add(canonical)
        pending.append(request)
    pages: list[FeedEntry] = []
    in_flight = []
    for request in pending:
        etag, last_modified = state.validators.get(request.url, (None, None))
        future = fetch_url.submit(request.url, settings, etag, last_modified)
        in_flight.append((request, future))
        if len(in_flight) >= settings.concurrency:
            pages.extend(_settle(*in_flight.pop(0), writer))
    for request, future in in_flight:
        pages.extend(_settle(request, future, writer))
    return pages


def _settle(request: Request, future: PrefectFuture, writer: _Writer) -> list[FeedEntry]:
    """Turn one fetch's outcome into articles, rejects or pages to fetch next."""
    future.wait()
    outcome = future.state.result(raise_on_failure=False)
    origin = request.url
    if isinstance(outcome, TransientFetchError):  # retries spent
        if request.entry is not None:
            writer.failed_feeds.add(request.entry.feed)
        writer.reject(origin, outcome.reason, outcome.detail, outcome.payload, key=outcome.detail)
        return []
    if isinstance(outcome, Rejected):
        payload = outcome.payload if outcome.payload is not None else request.url
        writer.reject(origin, outcome.reason, outcome.detail, payload, key=outcome.detail)
        return []
    if not isinstance(outcome, Fetched):  # an unexpected error in the task itself
        writer.reject(origin, "http_error", f"{type(outcome).__name__}: {outcome}", request.url)
        return []
    if outcome.status == 304:
        writer.tally.unchanged += 1
        return []
    items = items_from_response(outcome.final_url, outcome.body, outcome.content_type)
    found = harvest(origin, outcome.body, _as_from(request, items))
    states = []
    if outcome.etag or outcome.last_modified:
        states.append(
            _state_row(
                "http", request.url, None, writer.run_id, outcome.etag, outcome.last_modified
            )
        )
    if found.pages and states:
        writer.feed_states[request.url] = states.pop()
    writer.commit(found, states)
    return found.pages


def _as_from(request: Request, items: Iterator[tuple[str, Item]]) -> Iterator[tuple[str, Item]]:
    """Items of a fetched page, under the request's origin and with its feed entry's metadata."""
    for origin, item in items:
        if isinstance(item, dict):
            if request.entry is not None:
                # The entry's title and date are the publisher's; the page's URL is canonical.
                entry = {k: v for k, v in request.entry.metadata.items() if v and k != "url"}
                item = item | entry
            yield request.url, item
        else:
            yield origin, item


def _state_row(
    kind: str,
    location: str,
    fingerprint: str | None,
    run_id: str,
    etag: str | None = None,
    last_modified: str | None = None,
) -> dict:
    return {
        "state_id": fingerprint or stable_id(kind, location, etag, last_modified),
        "kind": kind,
        "location": location,
        "etag": etag,
        "last_modified": last_modified,
        "run_id": run_id,
        "seen_at": utc_now(),
    }
