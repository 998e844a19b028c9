"""`runs`: a run is `completed` only once its warehouse is swapped in; a killed run is closed by
the next one, `interrupted`, or `completed` when it was killed after its swap."""

from __future__ import annotations

from datetime import datetime

import duckdb

from storage.lake import Lake
from storage.runs import close_unfinished, record
from storage.warehouse import publish

T0 = datetime(2026, 1, 1, 6, 0)
T1 = datetime(2026, 1, 1, 6, 5)
NOW = datetime(2026, 1, 2, 6, 0)


def _row(run_id: str, status: str, finished_at=None) -> dict:
    return {
        "run_id": run_id,
        "flow": "pipeline",
        "started_at": T0,
        "finished_at": finished_at,
        "status": status,
    }


def _published(warehouse) -> dict[str, tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select run_id, status, finished_at from runs").fetchall()
    finally:
        con.close()
    return {run_id: (status, finished) for run_id, status, finished in rows}


def test_a_run_killed_before_its_swap_is_interrupted_never_completed(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    record(lake, _row("killed", "started"))
    record(lake, _row("killed", "publishing"))
    publish(lake, warehouse)  # an earlier warehouse: the killed run's build never swapped in
    assert _published(warehouse)["killed"] == ("publishing", None)

    assert close_unfinished(lake, warehouse, "next", NOW) == {"killed": "interrupted"}
    publish(lake, warehouse, ("next", NOW))
    assert _published(warehouse)["killed"] == ("interrupted", NOW)
    assert close_unfinished(lake, warehouse, "next", NOW) == {}  # closed once


def test_a_run_killed_after_its_swap_is_completed_as_its_warehouse_says(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    record(lake, _row("swapped", "started"))
    record(lake, _row("swapped", "publishing"))
    publish(lake, warehouse, ("swapped", T1))  # built and swapped in; killed right after
    assert _published(warehouse)["swapped"] == ("completed", T1)

    assert close_unfinished(lake, warehouse, "next", NOW) == {"swapped": "completed"}
    publish(lake, warehouse)
    assert _published(warehouse)["swapped"] == ("completed", T1)


def test_finished_and_current_runs_are_left_alone(tmp_path):
    lake, warehouse = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    record(lake, _row("done", "started"))
    record(lake, _row("done", "completed", T1))
    record(lake, _row("broke", "started"))
    record(lake, _row("broke", "failed", T1))
    record(lake, _row("me", "started"))
    record(lake, _row("me", "started"))  # written twice (a retry): one file, not two
    assert close_unfinished(lake, warehouse, "me", NOW) == {}
    assert lake.read("runs").num_rows == 5
