"""The extract flow: new articles -> `event_mentions` and `casualty_figures`, in batches."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from engine.extraction import extract_in_pool, extract_to_lake, worker_pool
from engine.workers import release_memory
from flows import progress
from flows.params import PipelineParams
from storage.lake import Lake
from transforms.version import EXTRACTOR_VERSION

ARTICLE_COLUMNS = ["article_id", "title", "body", "published_at"]
MIN_BATCHES_IN_FLIGHT = 4


def task_runner_for(params: PipelineParams, pending: int | None = None) -> TaskRunner:
    """Where extraction batch tasks run: threads of the flow (`thread`, and `process`, whose
    threads hand each batch to a pool of light worker processes) or a Dask cluster (`dask`).

    Each batch carries its articles. With `dask` it is written to the lake where it is
    extracted, and only counts come back. With `process` the workers only extract (they load
    neither pyarrow nor the lake) and hand the rows back to the task's thread, which writes them.
    With `pending` articles that fit in one batch, starting worker processes (each loads the
    gazetteer) costs more than the batch itself, so it runs on a thread of the flow.
    """
    workers = params.worker_count()
    if pending is not None and _one_batch(params, pending):
        return ThreadPoolTaskRunner(max_workers=1)
    if params.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if params.dask_address:
            return DaskTaskRunner(address=params.dask_address)
        api_url = os.environ.get("PREFECT_API_URL") or current_api_url()
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers,
                "threads_per_worker": 1,
                "processes": True,
                "env": {"PREFECT_API_URL": api_url} if api_url else {},
            }
        )
    if params.runner == "process":
        # Threads hand batches to the workers, two per worker: the next batch is queued at
        # the pool while a task's Prefect bookkeeping runs, so no worker waits for it.
        return ThreadPoolTaskRunner(max_workers=2 * workers)
    return ThreadPoolTaskRunner(max_workers=workers)


def _one_batch(params: PipelineParams, pending: int) -> bool:
    """Articles that fit in one batch: cheaper on a thread of the flow than in started workers."""
    return pending <= params.batch_size


def current_api_url() -> str | None:
    """The API this flow run talks to, also when it is Prefect's temporary local server."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return str(client.api_url)


@task(cache_policy=NO_CACHE)
def articles_to_extract(lake_root: str) -> pa.Array:
    return pending_articles(lake_root)


def pending_articles(lake_root: str) -> pa.Array:
    """Ids of articles that this extractor version has not read yet, each once, sorted."""
    lake = Lake(lake_root)
    done = lake.read(
        "extractions",
        filter=pc.field("extractor_version") == EXTRACTOR_VERSION,
        columns=["article_id"],
    ).column("article_id")
    stored = lake.read("articles", columns=["article_id"]).column("article_id")
    # Kept in Arrow: Python strings and sets of 204k ids added 18-33 MB to the flow's peak.
    pending = pc.unique(stored.filter(pc.invert(pc.is_in(stored, value_set=done.combine_chunks()))))
    return pending.take(pc.array_sort_indices(pending))


# Each run's pool of light worker processes (runner "process"), found by the run's id: a task
# runs on a thread of the flow's process and hands its batch to the pool.
_WORKER_POOLS: dict[str, ProcessPoolExecutor] = {}


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch(lake_root: str, batch: pa.Table, run_id: str) -> dict[str, int]:
    """Extract a batch and write its rows; the extracting runs in a worker process when the
    run has a pool."""
    pool = _WORKER_POOLS.get(run_id)
    if pool is None:
        return extract_to_lake(lake_root, batch, run_id)
    return extract_in_pool(pool, lake_root, batch, run_id)


@flow(name="extract", task_runner=ThreadPoolTaskRunner(max_workers=2))
def extract(params: PipelineParams, run_id: str) -> dict[str, int]:
    """Stream the articles still to extract and run one task per batch of them."""
    logger = get_run_logger()
    todo = articles_to_extract(params.lake)
    totals = {"articles": 0, "mentions": 0, "figures": 0}
    if not todo:
        logger.info("extract: nothing new")
        return totals
    bar = progress.current()
    bar.start("extract", total=len(todo), unit="articles")
    with _worker_pool_for(params, run_id, len(todo)):
        _extract_batches(params, run_id, todo, totals)
    logger.info("extract: %s", totals)
    return totals


@contextmanager
def _worker_pool_for(params: PipelineParams, run_id: str, pending: int) -> Iterator[None]:
    """Runner "process" with more than one batch to do: a pool of light workers for the run."""
    if params.runner != "process" or _one_batch(params, pending):
        yield
        return
    with worker_pool(params.worker_count()) as pool:
        _WORKER_POOLS[run_id] = pool
        try:
            yield
        finally:
            del _WORKER_POOLS[run_id]


def _extract_batches(params: PipelineParams, run_id: str, todo: pa.Array, totals: dict) -> None:
    lake = Lake(params.lake)
    # Bounded read-ahead: at most a few batches per worker are in memory at once.
    max_in_flight = max(MIN_BATCHES_IN_FLIGHT, 2 * params.worker_count())
    in_flight = []
    for batch in lake.batches("articles", ARTICLE_COLUMNS, todo, params.batch_size):
        # One Arrow table, not a list of dicts: Prefect walks list parameters item by item
        # (looking for futures), which cost the flow process more than the batch's pickling.
        in_flight.append(extract_batch.submit(params.lake, batch, run_id))
        if len(in_flight) >= max_in_flight:
            _add(totals, in_flight.pop(0).result())
    for future in in_flight:
        _add(totals, future.result())


def _add(totals: dict[str, int], counts: dict[str, int]) -> None:
    for name, value in counts.items():
        totals[name] += value
    progress.current().advance("extract", counts["articles"])
    # A batch's garbage (its rows, pickles and Parquet buffers) is freed to malloc, which keeps
    # the pages: without this the flow process grew by about 40 MB per 100k articles extracted.
    release_memory()
