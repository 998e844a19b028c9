"""Prefect artifacts of a pipeline run: a markdown summary and a table of the events it added."""

from __future__ import annotations

import duckdb
from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from storage.contract import sql_text
from storage.warehouse import connect_read_only

TOP_EVENTS = 10
NEW_EVENTS = 500


def run_tables(warehouse: str, run_id: str) -> dict[str, list[dict]]:
    """The rows the artifacts show, read from the published warehouse."""
    con = connect_read_only(warehouse)
    try:
        return {
            "rejects": _rows(con, "rejects_by_reason", {"run_id": run_id}),
            "top_events": _rows(con, "top_events", {"run_id": None, "limit": TOP_EVENTS}),
            "new_events": _rows(con, "top_events", {"run_id": run_id, "limit": NEW_EVENTS}),
        }
    finally:
        con.close()


def summary_markdown(run_id: str, counts: dict, tables: dict[str, list[dict]]) -> str:
    ingest, extract = counts.get("ingest", {}), counts.get("extract", {})
    lines = [
        f"# Pipeline run `{run_id}`",
        "",
        "| stage | counts |",
        "| --- | --- |",
        *(f"| {stage} | {_inline(values)} |" for stage, values in counts.items()),
        "",
        f"**{ingest.get('new', 0)}** new articles, **{extract.get('mentions', 0)}** event "
        f"mentions, **{len(tables['new_events'])}** events touched by this run.",
        "",
        "## Rejects by reason",
        "",
    ]
    if tables["rejects"]:
        lines += ["| stage | reason | n |", "| --- | --- | ---: |"]
        lines += [f"| {r['stage']} | {r['reason']} | {r['n']} |" for r in tables["rejects"]]
    else:
        lines.append("No input was rejected.")
    lines += ["", f"## Top {TOP_EVENTS} events by killed (whole warehouse)", ""]
    lines += [
        "| date | location | country | type | killed | injured | articles | evidence |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    for e in tables["top_events"]:
        evidence = _cell(e["evidence"] or "", 160)
        lines.append(
            f"| {e['event_date']} | {_cell(e['location'])} | {_cell(e['country'])} | "
            f"{_cell(e['sub_event_type'])} | {_cell(e['killed_best'])} | "
            f"{_cell(e['injured_best'])} | {e['n_articles']} | {evidence} |"
        )
    return "\n".join(lines) + "\n"


@task(cache_policy=NO_CACHE)
def publish_artifacts(warehouse: str, run_id: str, counts: dict) -> dict[str, int]:
    """A markdown summary (counts, rejects by reason, top events) and a table of new events."""
    tables = run_tables(warehouse, run_id)
    create_markdown_artifact(
        key="pipeline-summary",
        markdown=summary_markdown(run_id, counts, tables),
        description=f"Summary of pipeline run {run_id}",
    )
    create_table_artifact(
        key="new-events",
        table=tables["new_events"] or [{"event_id": None, "note": "no new events"}],
        description=f"Events with a mention from an article ingested by run {run_id}",
    )
    return {
        "new_events": len(tables["new_events"]),
        "rejects": sum(r["n"] for r in tables["rejects"]),
    }


def _rows(con: duckdb.DuckDBPyConnection, name: str, parameters: dict) -> list[dict]:
    relation = con.execute(sql_text(f"artifacts/{name}.sql"), parameters)
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def _inline(values) -> str:
    if isinstance(values, dict):
        return ", ".join(f"{k} {v}" for k, v in values.items())
    return str(values)


def _cell(value, width: int = 40) -> str:
    text = "" if value is None else " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"
