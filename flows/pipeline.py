"""The parent flow: ingest -> extract -> resolve -> publish, recorded as one row of `runs`."""

from __future__ import annotations

import json
import time
import uuid
from contextlib import AbstractContextManager

from prefect import flow, get_run_logger
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from engine.resolution import resolved_by_this_version
from engine.workers import release_memory, use_system_allocator
from flows import progress
from flows.artifacts import publish_artifacts
from flows.extract import extract, pending_articles, task_runner_for
from flows.ingest import ingest
from flows.params import PipelineParams
from flows.publish import publish
from flows.resolve import resolve
from storage.lake import Lake
from storage.lock import run_lock
from storage.runs import UNFINISHED, close_unfinished, record
from transforms.ingest.articles import utc_now
from transforms.version import EXTRACTOR_VERSION


@flow(name="pipeline")
def pipeline(
    params: PipelineParams | None = None,
    sources: list[str] | None = None,
    lake: str | None = None,
    warehouse: str | None = None,
    runner: str | None = None,
    dask_address: str | None = None,
) -> dict:
    """Run every stage in order under the run lock. The run's `runs` row is published with it.

    `params` holds every setting; the other arguments, when given, override one field of it,
    so an ad-hoc run of a deployment can change only its sources:
    `prefect deployment run pipeline/daily -p sources='["/data/new"]'`.
    """
    params = with_overrides(
        params or PipelineParams(),
        sources=sources,
        lake=lake,
        warehouse=warehouse,
        runner=runner,
        dask_address=dask_address,
    )
    run_id = uuid.uuid4().hex
    with run_lock(params.lake, params.warehouse, run_id, params.lock_wait_seconds):
        return run_stages(params, run_id)


def with_overrides(params: PipelineParams, **overrides) -> PipelineParams:
    given = {name: value for name, value in overrides.items() if value is not None}
    if given.get("dask_address") and "runner" not in given:
        given["runner"] = "dask"  # an address means a cluster, as --dask-address does
    return PipelineParams.model_validate(params.model_dump() | given)


def run_stages(params: PipelineParams, run_id: str) -> dict:
    use_system_allocator()
    started_at = utc_now()
    counts: dict = {}
    seconds: dict[str, float] = {}
    bar = progress.current()
    clean_up_after_killed_runs(params, run_id)
    record_run(params, run_id, started_at, "started", counts)
    finished_at = None  # set as publish starts: the build publishes the run as completed then
    stages = [
        ("ingest", lambda: ingest(params, run_id), lambda c: f"{c.get('new', 0)} new articles"),
        ("extract", lambda: run_extract(params, run_id), lambda c: f"{c['mentions']} mentions"),
        ("resolve", lambda: run_resolve(params), lambda c: f"{c.get('events', 0)} events"),
        (
            "publish",
            lambda: publish(params, (run_id, finished_at)),
            lambda c: ", ".join(f"{t} {n}" for t, n in c.items()),
        ),
    ]
    try:
        for stage, run, describe in stages:
            if stage == "publish":  # the run's own row is published with the data
                finished_at = utc_now()
                record_run(params, run_id, started_at, "publishing", counts | {"seconds": seconds})
            if stage != "extract":  # extract knows its total and starts its own bar
                bar.start(stage)
            clock = time.perf_counter()
            with without_heartbeats():  # each stage is a subflow
                counts[stage] = run()
            seconds[stage] = round(time.perf_counter() - clock, 3)
            release_memory()  # each stage's garbage, before the next one's peak
            bar.finish(stage, describe(counts[stage]))
        # Only now, with the new warehouse swapped in: a run killed before is never completed.
        counts_done = counts | {"seconds": seconds}
        record_run(params, run_id, started_at, "completed", counts_done, finished_at)
    except BaseException:
        record_run(params, run_id, started_at, "failed", counts | {"seconds": seconds})
        raise
    counts["seconds"] = seconds
    try:
        counts["artifacts"] = publish_artifacts(params.warehouse, run_id, counts)
    except Exception as error:  # the data is published; a missing summary must not fail the run
        get_run_logger().warning("artifacts not created: %s", error)
    return {"run_id": run_id, **counts}


def without_heartbeats() -> AbstractContextManager:
    """Settings under which a flow sends no heartbeats, for the stages' subflows.

    A subflow runs in its parent's process, whose own heartbeat already tells the server the
    run is alive (a crash ends both). Prefect 3.9 joins each flow's heartbeat thread at exit,
    and the thread sleeps in steps of 1 s: about 0.8 s more per stage, most of a run with
    nothing new."""
    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def run_extract(params: PipelineParams, run_id: str) -> dict:
    """Extract, unless every article was read by this extractor version (a no-op run)."""
    pending = len(pending_articles(params.lake))
    if not pending:
        get_run_logger().info("extract: nothing new")
        return {"articles": 0, "mentions": 0, "figures": 0}
    runner = task_runner_for(params, pending=pending)
    return extract.with_options(task_runner=runner)(params, run_id)


RESOLVE_INPUTS = ("articles", "event_mentions")


def run_resolve(params: PipelineParams) -> dict:
    """Resolve, unless its inputs are the very files the last resolve read (a no-op run) and
    this resolver version made the events."""
    lake = Lake(params.lake)
    inputs = lake.fingerprint(RESOLVE_INPUTS)
    current = lake.read_state("resolve").get("inputs") == inputs
    if lake.files("events") and current and resolved_by_this_version(lake):
        get_run_logger().info("resolve: no new mentions, events kept")
        return {"events": lake.dataset("events").count_rows(), "skipped": True}
    counts = resolve(params)
    lake.write_state("resolve", {"inputs": inputs})
    return counts


def clean_up_after_killed_runs(params: PipelineParams, run_id: str) -> None:
    """Under the run lock, so no other run is alive: close the runs that were killed, and
    remove their half-written hidden files and scratch directories."""
    lake = Lake(params.lake)
    closed = close_unfinished(lake, params.warehouse, run_id, utc_now())
    swept = lake.sweep()
    if closed or swept:
        get_run_logger().info(
            "killed runs closed: %s; %d leftover files removed", closed or "none", len(swept)
        )


def record_run(
    params: PipelineParams,
    run_id: str,
    started_at,
    status: str,
    counts: dict,
    finished_at=None,
) -> None:
    """One status row of this run (see storage/runs.py): the last one wins at publish."""
    final = status not in UNFINISHED
    row = {
        "run_id": run_id,
        "flow": "pipeline",
        "parameters": params.model_dump_json(),
        "started_at": started_at,
        "finished_at": (finished_at or utc_now()) if final else None,
        "status": status,
        "counts": json.dumps(counts),
        "extractor_version": EXTRACTOR_VERSION,
    }
    record(Lake(params.lake), row)
