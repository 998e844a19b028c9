"""The parent flow: ingest -> extract -> resolve -> publish, recorded as one row of `runs`."""

from __future__ import annotations

import json
import uuid

from prefect import flow

from flows.extract import extract
from flows.ingest import ingest
from flows.lake import Lake
from flows.params import PipelineParams
from flows.publish import publish
from flows.resolve import resolve
from transforms.articles import utc_now
from transforms.extract import EXTRACTOR_VERSION


@flow(name="pipeline")
def pipeline(params: PipelineParams | None = None) -> dict:
    """Run every stage in order. The run's own `runs` row is published with it."""
    params = params or PipelineParams()
    run_id = uuid.uuid4().hex
    started_at = utc_now()
    counts: dict = {}
    try:
        counts["ingest"] = ingest(params, run_id)
        counts["extract"] = extract(params, run_id)
        counts["resolve"] = resolve(params)
        record_run(params, run_id, started_at, "completed", counts)
        counts["publish"] = publish(params)
    except BaseException:
        record_run(params, run_id, started_at, "failed", counts)
        raise
    return {"run_id": run_id, **counts}


def record_run(params: PipelineParams, run_id: str, started_at, status: str, counts: dict) -> None:
    Lake(params.lake).append(
        "runs",
        [
            {
                "run_id": run_id,
                "flow": "pipeline",
                "parameters": params.model_dump_json(),
                "started_at": started_at,
                "finished_at": utc_now(),
                "status": status,
                "counts": json.dumps(counts),
                "extractor_version": EXTRACTOR_VERSION,
            }
        ],
        skip_keys=set(),
    )  # a later row for the same run (e.g. failed after completed) wins at publish
