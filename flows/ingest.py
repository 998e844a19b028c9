"""The ingest flow: sources -> `articles` (new ids only) and `rejects`."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.lake import Lake
from flows.params import PipelineParams
from flows.sources import discover, read_file
from transforms.articles import utc_now


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_sources(sources: list[str]) -> list[str]:
    return discover(sources)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_sources(paths: list[str]) -> tuple[list[dict], list[dict]]:
    articles: list[dict] = []
    rejects: list[dict] = []
    for path in paths:
        found, rejected = read_file(path)
        articles.extend(found)
        rejects.extend(rejected)
    return articles, rejects


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def write_batch(lake_root: str, articles: list[dict], rejects: list[dict], run_id: str) -> None:
    """Write new articles (partitioned by ingest date) and the rejects."""
    lake = Lake(lake_root)
    now = utc_now()
    stamped = [a | {"ingested_at": now, "run_id": run_id} for a in articles]
    lake.append(
        "articles", stamped, partition=f"ingest_date={now.date().isoformat()}", skip_keys=set()
    )
    lake.append("rejects", [r | {"run_id": run_id} for r in rejects])


def only_new(articles: list[dict], known: set[str]) -> list[dict]:
    """Articles whose id is not in `known` (nor earlier in the list); adds the new ids to `known`."""
    new = []
    for article in articles:
        if article["article_id"] not in known:
            known.add(article["article_id"])
            new.append(article)
    return new


@flow(name="ingest")
def ingest(params: PipelineParams, run_id: str) -> dict[str, int]:
    """Read every source in batches of files and add the articles the lake has not seen."""
    logger = get_run_logger()
    lake = Lake(params.lake)
    paths = discover_sources(params.sources)
    known = lake.keys("articles")
    totals = {"files": len(paths), "new": 0, "duplicates": 0, "rejected": 0}
    for start in range(0, len(paths), params.batch_size):
        articles, rejects = read_sources(paths[start : start + params.batch_size])
        new = only_new(articles, known)
        write_batch(params.lake, new, rejects, run_id)
        totals["new"] += len(new)
        totals["duplicates"] += len(articles) - len(new)
        totals["rejected"] += len(rejects)
    logger.info("ingest: %s", totals)
    return totals
