"""Extraction over the lake: a batch of articles -> `event_mentions`, `casualty_figures`, and
the `extractions` markers, plus a pool of light worker processes to extract batches in.

No Prefect here. A worker of the pool runs only `extract_articles` (the pure extractor and
its gazetteer: no Prefect, no pyarrow, no lake) and hands the rows back; the flow process
writes them. A worker of Prefect's own process pool also imports Prefect and its client,
about 150 MB more per worker, and pyarrow is about 80 MB more. The extract flow
(flows/extract.py) wraps it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

import pyarrow as pa

from engine.faults import checkpoint
from engine.workers import light_pool
from storage.lake import Lake, batch_key
from transforms.extract.article import EXTRACTOR_VERSION, extract_articles


def extract_to_lake(lake_root: str, batch: pa.Table, run_id: str) -> dict[str, int]:
    """Extract a batch here and write its rows (see write_extraction)."""
    articles = batch.to_pylist()
    mentions, figures = extract_articles(articles)
    return write_extraction(lake_root, articles, mentions, figures, run_id)


def extract_in_pool(
    pool: ProcessPoolExecutor, lake_root: str, batch: pa.Table, run_id: str
) -> dict[str, int]:
    """Extract a batch in a worker of `pool` and write its rows from this process."""
    articles = batch.to_pylist()
    mentions, figures = pool.submit(extract_articles, articles).result()
    return write_extraction(lake_root, articles, mentions, figures, run_id)


def write_extraction(
    lake_root: str, articles: list[dict], mentions: list[dict], figures: list[dict], run_id: str
) -> dict[str, int]:
    """Write a batch's rows. The `extractions` markers go last, so a batch killed half-way is
    extracted again by the next run."""
    lake = Lake(lake_root)
    # Named by the batch: a retried task, or the next run after a kill, rewrites the same
    # files instead of adding a second copy of the rows.
    batch_name = batch_key(EXTRACTOR_VERSION, *sorted(a["article_id"] for a in articles))
    lake.append("event_mentions", mentions, skip_keys=set(), batch=batch_name)
    checkpoint("extract")  # a test kills the run here: mentions written, markers not
    lake.append("casualty_figures", figures, skip_keys=set(), batch=batch_name)
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
    lake.append("extractions", markers, skip_keys=set(), batch=batch_name)
    return {"articles": len(articles), "mentions": len(mentions), "figures": len(figures)}


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """`workers` local processes, each with the gazetteer loaded once, for the run's batches."""
    with light_pool(workers, "transforms.extract.places:gazetteer", arrow=False) as pool:
        yield pool
