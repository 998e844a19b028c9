"""Running it like production: overlapping runs, kill -9, Dask workers, and a URI lake."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from flows.params import PipelineParams
from flows.pipeline import pipeline
from storage.contract import KEYS as CONTRACT_KEYS
from storage.lock import RunLocked, run_lock
from tests.conftest import ROOT, SAMPLES

DATA_TABLES = ("articles", "event_mentions", "casualty_figures", "events", "rejects")
KEYS = {table: CONTRACT_KEYS[table] for table in DATA_TABLES}
MORE_ARTICLES = [
    "Three civilians were killed and eight wounded when artillery shells hit a market in "
    "Kharkiv on 12 May 2024, regional governor Oleh Syniehubov said.",
    "A roadside bomb killed four soldiers near Mogadishu, Somalia, on Tuesday, officials said.",
    "Gunmen killed 11 villagers in an attack on Kaduna state, Nigeria, on 2 June 2024.",
    "An air strike on a house in Rafah killed at least 9 people, including 4 children, medics said.",
]


def _inputs(folder: Path, extra: int = len(MORE_ARTICLES)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES / "kryvyi_rih.json", folder / "seed.json")
    for n, text in enumerate(MORE_ARTICLES[:extra]):
        (folder / f"more-{n}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _params(tmp_path: Path, name: str, sources: Path, **extra) -> PipelineParams:
    return PipelineParams(
        sources=[str(sources)],
        lake=str(tmp_path / name / "lake"),
        warehouse=str(tmp_path / name / "warehouse.duckdb"),
        batch_size=1,
        **extra,
    )


def _tables(warehouse: str) -> dict[str, set[str]]:
    """The key set of each data table, after checking that no key appears twice."""
    con = duckdb.connect(warehouse, read_only=True)
    try:
        out = {}
        for table, key in KEYS.items():
            keys = [r[0] for r in con.execute(f"select {key} from {table}").fetchall()]
            assert len(keys) == len(set(keys)), f"duplicate {key} in {table}"
            out[table] = set(keys)
        return out
    finally:
        con.close()


def _rows(warehouse: str, table: str, drop: tuple[str, ...] = ()) -> list[tuple]:
    con = duckdb.connect(warehouse, read_only=True)
    try:
        columns = [c for c in con.sql(f"select * from {table} limit 0").columns if c not in drop]
        listed = ", ".join(f'"{c}"' for c in columns)
        return con.execute(f"select {listed} from {table} order by all").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> PipelineParams:
    """One clean thread-runner run over the seed and every extra article, to compare with."""
    root = tmp_path_factory.mktemp("reference")
    params = _params(root, "reference", _inputs(root / "in"))
    pipeline(params)
    return params


def _api_url() -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def _kill_at(point: str, params: PipelineParams, tmp_path: Path, wait: float = 60) -> None:
    """Run the CLI until it reaches `point`, then kill -9 its whole process group."""
    marker = tmp_path / f"paused-at-{point}"
    env = os.environ | {
        "PREFECT_API_URL": _api_url(),  # the session's test server: no start-up of its own
        "PYTHONPATH": str(ROOT),
        "CONFLICT_EVENTS_PAUSE_AT": point,
        "CONFLICT_EVENTS_PAUSE_FILE": str(marker),
    }
    command = [sys.executable, "-m", "cli.main", "run", *params.sources]
    command += ["--lake", params.lake, "--warehouse", params.warehouse]
    command += ["--batch-size", str(params.batch_size)]
    log = (tmp_path / f"{point}.log").open("w")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + wait
        while not marker.exists():
            assert process.poll() is None, (tmp_path / f"{point}.log").read_text()[-3000:]
            assert time.monotonic() < deadline, f"the run never reached {point}"
            time.sleep(0.1)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        log.close()
    assert process.returncode == -signal.SIGKILL


def test_kill_9_mid_extract_and_mid_publish_leaves_the_warehouse_whole(tmp_path, reference):
    sources = _inputs(tmp_path / "in", extra=0)
    params = _params(tmp_path, "killed", sources)
    pipeline(params)
    before = _tables(params.warehouse)
    assert len(before["articles"]) == 1

    _inputs(sources)  # four new articles arrive
    _kill_at("extract", params, tmp_path)
    assert _tables(params.warehouse) == before  # the published warehouse is untouched
    from storage.lake import Lake

    lake = Lake(params.lake)
    extracted = lake.keys("extractions")
    assert len(lake.keys("articles")) == 5 and len(extracted) == 1  # killed mid-extract
    assert lake.read("event_mentions").num_rows > 0

    _kill_at("publish", params, tmp_path)
    assert _tables(params.warehouse) == before  # built but never swapped in
    assert list(Path(params.warehouse).parent.glob(".*.building"))  # the half-done build

    result = pipeline(params)
    after = _tables(params.warehouse)
    assert after == _tables(reference.warehouse)  # same rows as one clean run, no duplicates
    assert len(after["articles"]) == 5
    assert result["extract"]["articles"] == 0  # the killed publish run had finished extracting
    assert not list(Path(params.warehouse).parent.glob(".*.building"))
    con = duckdb.connect(params.warehouse, read_only=True)
    statuses = sorted(r[0] for r in con.execute("select status from runs").fetchall())
    con.close()
    # the runs killed mid-extract and mid-publish (before its swap) were closed by the next
    # run as "interrupted": neither is ever recorded "completed"
    assert statuses == ["completed", "completed", "interrupted", "interrupted"]


def test_an_overlapping_run_exits_with_a_clear_message_or_waits(tmp_path, capsys):
    from cli.main import main

    sources = _inputs(tmp_path / "in", extra=0)
    params = _params(tmp_path, "locked", sources)
    with run_lock(params.lake, params.warehouse, "the-other-run"):
        with pytest.raises(RunLocked, match="the-other-run"):
            pipeline(params)
        code = main(["run", str(sources), "--lake", params.lake, "--warehouse", params.warehouse])
    assert code == 3
    err = capsys.readouterr().err
    assert "run the-other-run" in err and "did not start" in err and "--wait" in err
    assert not Path(params.warehouse).exists()  # the locked-out run wrote nothing

    holding, release = threading.Event(), threading.Event()

    def other_run():
        with run_lock(params.lake, params.warehouse, "the-other-run"):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=other_run)
    thread.start()
    holding.wait(10)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    result = pipeline(params.model_copy(update={"lock_wait_seconds": 30}))
    thread.join()
    assert time.monotonic() - started >= 1.0  # it queued behind the other run
    assert result["ingest"]["new"] == 1
    _check_artifacts(result)


def _check_artifacts(result: dict) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["pipeline-summary", "new-events"])
            )
        )
    mine = {a.key: a for a in artifacts if result["run_id"] in (a.description or "")}
    assert set(mine) == {"pipeline-summary", "new-events"}
    summary = mine["pipeline-summary"].data
    assert re.search(r"\| ingest \| [^|\n]*\bnew 1\b", summary) and "Kryvyi Rih" in summary
    assert "No input was rejected." in summary
    assert mine["new-events"].type == "table"
    assert result["artifacts"]["new_events"] == len(json.loads(mine["new-events"].data)) >= 1


def test_dask_workers_give_the_same_tables_as_threads(tmp_path, reference):
    from dask.distributed import Client, LocalCluster, get_task_stream

    sources, threads = _inputs(tmp_path / "in"), reference
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            memory_limit="1GiB",
            dashboard_address=None,
            env={"PREFECT_API_URL": _api_url()},
        ) as cluster,
        Client(cluster) as client,
    ):
        dask = _params(
            tmp_path, "dask", sources, runner="dask", dask_address=cluster.scheduler_address
        )
        workers = set(client.scheduler_info()["workers"])
        with get_task_stream(client) as stream:
            result = pipeline(dask)
    batches = [t for t in stream.data if "extract_batch" in str(t["key"])]
    assert result["extract"]["articles"] == 5
    assert len(batches) == 5  # one task per batch of one article, each run on a Dask worker
    assert {t["worker"] for t in batches} <= workers and len(workers) == 2
    for table in DATA_TABLES:
        drop = ("ingested_at", "run_id", "rejected_at", "origin", "origins")
        assert _rows(dask.warehouse, table, drop) == _rows(threads.warehouse, table, drop), table


def test_process_workers_give_the_same_tables_as_threads(tmp_path, reference, monkeypatch):
    def not_here(*args):
        raise AssertionError("runner 'process' read or extracted in the flow's own process")

    # The workers import the reader and extractor afresh; only the flow process sees these
    # stand-ins. One file per read task, so that the files take several batches.
    monkeypatch.setattr("sources.files.read_file", not_here)
    monkeypatch.setattr("transforms.extract.article.extract_article", not_here)
    monkeypatch.setattr("flows.ingest.MIN_FILES_PER_TASK", 1)
    sources, threads = _inputs(tmp_path / "in"), reference
    processes = _params(tmp_path, "process", sources, runner="process", workers=2)
    result = pipeline(processes)
    assert result["extract"]["articles"] == 5
    for table in DATA_TABLES:
        drop = ("ingested_at", "run_id", "rejected_at", "origin", "origins")
        assert _rows(processes.warehouse, table, drop) == _rows(threads.warehouse, table, drop)


def test_a_uri_lake_gives_the_same_tables_as_a_local_one(tmp_path, reference):
    local = reference
    remote = _params(tmp_path, "remote", _inputs(tmp_path / "in")).model_copy(
        update={"lake": "memory://conflict-events-test/lake", "warehouse": str(tmp_path / "m.db")}
    )
    pipeline(remote)
    assert _tables(remote.warehouse) == _tables(local.warehouse)
    from storage.lake import Lake

    lake = Lake(remote.lake)
    assert not lake.is_local and lake.files("articles")
    assert all(not f.startswith("/tmp") for f in lake.files("articles"))


def test_a_rerun_with_a_new_resolver_version_resolves_everything_again(tmp_path, monkeypatch):
    params = _params(tmp_path, "resolver", _inputs(tmp_path / "in", extra=0))
    first = pipeline(params)
    monkeypatch.setattr("engine.resolution.RESOLVER_VERSION", "next")
    second = pipeline(params)  # nothing new, but the events were made by another resolver
    assert "skipped" not in second["resolve"]
    assert second["resolve"]["blocks"] == first["resolve"]["blocks"] > 0


def test_a_no_op_rerun_keeps_events_and_refreshes_only_runs(tmp_path, monkeypatch):
    sources = _inputs(tmp_path / "in", extra=0)
    params = _params(tmp_path, "noop", sources)
    first = pipeline(params)
    tables = _tables(params.warehouse)

    def no_rebuild(*args):
        raise AssertionError("a no-op run must not rebuild the warehouse")

    monkeypatch.setattr("flows.publish.publish_warehouse", no_rebuild)
    monkeypatch.setattr("flows.resolve.resolve_lake", no_rebuild)
    second = pipeline(params)
    monkeypatch.undo()
    assert second["resolve"] == {"events": first["resolve"]["events"], "skipped": True}
    assert second["publish"]["runs"] == 2 and _tables(params.warehouse) == tables
    _inputs(sources, extra=1)  # one new article: everything downstream runs again
    third = pipeline(params)
    assert "skipped" not in third["resolve"] and third["publish"]["articles"] == 2
    assert third["publish"]["runs"] == 3
