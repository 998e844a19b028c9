"""The `runs` table in the lake: a row each time a run changes status; the last one wins.

A run is `started`, then `publishing` while the warehouse is built, then `completed` once the
new warehouse is swapped in, or `failed`. The build itself publishes the run's row as
`completed` (see storage.warehouse.publish), since a reader of that warehouse sees the run's
data; the lake's `completed` row follows the swap. A run killed on the way never writes a
final row: the next run, under the same lock, finds it and closes it, `completed` when the
published warehouse holds it as such (killed after the swap), `interrupted` otherwise.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from storage.lake import Lake, batch_key

UNFINISHED = ("started", "publishing")
# The order of a run's statuses: a later one wins at publish (sql/publish/runs.sql).
STAGE_OF = {"started": 0, "publishing": 1}  # every other status is final: 2


def record(lake: Lake, row: dict) -> None:
    """Write one status row of a run (written again, as by a retry, it replaces itself)."""
    lake.append("runs", [row], skip_keys=set(), batch=batch_key(row["run_id"], row["status"]))


def unfinished(lake: Lake, current: str) -> dict[str, dict]:
    """Runs other than `current` whose last row is not final: killed, since we hold the lock."""
    latest: dict[str, dict] = {}
    for row in lake.read("runs").to_pylist():
        held = latest.get(row["run_id"])
        if held is None or _rank(row) >= _rank(held):
            latest[row["run_id"]] = row
    return {
        run_id: row
        for run_id, row in latest.items()
        if row["status"] in UNFINISHED and run_id != current
    }


def close_unfinished(
    lake: Lake, warehouse: str | os.PathLike, current: str, now: datetime
) -> dict[str, str]:
    """Give every killed run its final row; returns run_id -> the status given."""
    stale = unfinished(lake, current)
    if not stale:
        return {}
    published = _completed_in(warehouse, list(stale))
    closed = {}
    for run_id, row in stale.items():
        finished = published.get(run_id)
        status = "completed" if finished is not None else "interrupted"
        record(lake, row | {"status": status, "finished_at": finished or now})
        closed[run_id] = status
    return closed


def _rank(row: dict) -> tuple:
    return (STAGE_OF.get(row["status"], 2), row["finished_at"] is not None, row["finished_at"] or 0)


def _completed_in(warehouse: str | os.PathLike, run_ids: list[str]) -> dict[str, datetime]:
    """finished_at of those runs the published warehouse holds as completed."""
    if not Path(warehouse).exists():
        return {}
    from storage.warehouse import WarehouseError, connect_read_only

    try:
        con = connect_read_only(warehouse)
    except WarehouseError:
        return {}  # unreadable: nothing can be shown to have been published
    try:
        rows = con.execute(
            "select run_id, finished_at from runs where status = 'completed' and run_id in "
            "(select unnest(?::varchar[]))",
            [run_ids],
        ).fetchall()
    finally:
        con.close()
    return dict(rows)
