"""The extract flow: new articles -> `event_mentions` and `casualty_figures`, in batches."""

from __future__ import annotations

import os
from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows import progress
from flows.faults import checkpoint
from flows.lake import Lake
from flows.params import PipelineParams
from transforms.extract import EXTRACTOR_VERSION, extract_article

ARTICLE_COLUMNS = ["article_id", "body", "published_at"]
MIN_BATCHES_IN_FLIGHT = 4


def task_runner_for(params: PipelineParams, pending: int | None = None) -> TaskRunner:
    """Where extraction batches run: `thread`, `process` (local pool) or `dask` (a cluster).

    Each batch task receives its articles and writes its own rows to the lake, so with
    `process` or `dask` the work and the writes happen on the workers; only counts come back.
    With `pending` articles that fit in one batch, starting worker processes (each loads the
    gazetteer) costs more than the batch itself, so it runs on a thread of the flow.
    """
    workers = params.workers or os.cpu_count() or 2
    if pending is not None and pending <= params.batch_size:
        return ThreadPoolTaskRunner(max_workers=1)
    if params.runner == "process":
        return ProcessPoolTaskRunner(
            max_workers=workers, initializer=use_api, initargs=(current_api_url(),)
        )
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
    return ThreadPoolTaskRunner(max_workers=workers)


def current_api_url() -> str | None:
    """The API this flow run talks to, also when it is Prefect's temporary local server."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return str(client.api_url)


def use_api(api_url: str | None) -> None:
    """Worker-process initializer: report to the flow's API instead of starting a server.

    Without it each worker of a process pool would start a temporary Prefect server of its
    own when the flow itself runs on one (the API URL of a temporary server is not a setting
    that the pool forwards).
    """
    if api_url and not os.environ.get("PREFECT_API_URL"):
        os.environ["PREFECT_API_URL"] = api_url


@task(cache_policy=NO_CACHE)
def articles_to_extract(lake_root: str) -> list[str]:
    return pending_articles(lake_root)


def pending_articles(lake_root: str) -> list[str]:
    """Ids of articles that this extractor version has not read yet."""
    lake = Lake(lake_root)
    done = (
        lake.read(
            "extractions",
            filter=pc.field("extractor_version") == EXTRACTOR_VERSION,
            columns=["article_id"],
        )
        .column("article_id")
        .to_pylist()
    )
    return sorted(lake.keys("articles") - set(done))


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch(lake_root: str, batch: pa.Table, run_id: str) -> dict[str, int]:
    """Extract a batch and write its rows; the `extractions` marker is written last."""
    articles = batch.to_pylist()
    mentions, figures = [], []
    for article in articles:
        article_mentions, article_figures = extract_article(article)
        mentions.extend(article_mentions)
        figures.extend(article_figures)
    lake = Lake(lake_root)
    lake.append("event_mentions", mentions, skip_keys=set())
    checkpoint("extract")  # a test kills the run here: mentions written, markers not
    lake.append("casualty_figures", figures, skip_keys=set())
    per_article = Counter(m["article_id"] for m in mentions)
    markers = [
        {
            "article_id": a["article_id"],
            "extractor_version": EXTRACTOR_VERSION,
            "n_mentions": per_article[a["article_id"]],
            "run_id": run_id,
        }
        for a in articles
    ]
    lake.append("extractions", markers, skip_keys=set())
    return {"articles": len(articles), "mentions": len(mentions), "figures": len(figures)}


@flow(name="extract", task_runner=ThreadPoolTaskRunner(max_workers=2))
def extract(params: PipelineParams, run_id: str) -> dict[str, int]:
    """Stream the articles still to extract and run one task per batch of them."""
    logger = get_run_logger()
    lake = Lake(params.lake)
    todo = articles_to_extract(params.lake)
    totals = {"articles": 0, "mentions": 0, "figures": 0}
    if not todo:
        logger.info("extract: nothing new")
        return totals
    bar = progress.current()
    bar.start("extract", total=len(todo), unit="articles")
    # Bounded read-ahead: at most a few batches per worker are in memory at once.
    max_in_flight = max(MIN_BATCHES_IN_FLIGHT, 2 * (params.workers or os.cpu_count() or 2))
    in_flight = []
    wanted = pc.field("article_id").isin(todo)
    for batch in lake.batches("articles", ARTICLE_COLUMNS, wanted, params.batch_size):
        # One Arrow table, not a list of dicts: Prefect walks list parameters item by item
        # (looking for futures), which cost the flow process more than the batch's pickling.
        in_flight.append(extract_batch.submit(params.lake, batch, run_id))
        if len(in_flight) >= max_in_flight:
            _add(totals, in_flight.pop(0).result())
    for future in in_flight:
        _add(totals, future.result())
    logger.info("extract: %s", totals)
    return totals


def _add(totals: dict[str, int], counts: dict[str, int]) -> None:
    for name, value in counts.items():
        totals[name] += value
    progress.current().advance("extract", counts["articles"])
