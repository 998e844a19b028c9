"""Everything the report shows, read from the published warehouse (SQL in sql/report/)."""

from __future__ import annotations

import duckdb

from outputs.report.plausibility import assess
from storage.contract import sql_text
from storage.warehouse import connect_read_only

TOP_EVENTS = 25


def gather(warehouse: str, top: int = TOP_EVENTS) -> dict:
    """Table counts, every event with its figures' context, the flagged events and the top
    `top` events that are not flagged, with their evidence."""
    con = connect_read_only(warehouse)
    try:
        counts = rows(con, "table_counts", {})[0]
        events = rows(con, "event_figures", {})
        flags = assess(events)
        excluded = [f.event["event_id"] for f in flags]
        return {
            "warehouse": warehouse,
            "counts": counts,
            "events": events,
            "flags": flags,
            "top": rows(con, "top_events", {"limit": top, "exclude": excluded}),
        }
    finally:
        con.close()


def rows(con: duckdb.DuckDBPyConnection, name: str, parameters: dict) -> list[dict]:
    """The result of sql/report/<name>.sql as a list of dicts."""
    relation = con.execute(sql_text(f"report/{name}.sql"), parameters)
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]
