"""The data contract as Arrow schemas, derived from sql/schema.sql so there is one source of truth."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyarrow as pa

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
CONTRACT_TABLES = (
    "articles",
    "event_mentions",
    "casualty_figures",
    "events",
    "event_revisions",
    "rejects",
    "runs",
)
# Internal lake tables: not part of the published contract.
INTERNAL_SCHEMAS = {
    "extractions": pa.schema(
        [
            ("article_id", pa.string()),
            ("extractor_version", pa.string()),
            ("n_mentions", pa.int32()),
            ("run_id", pa.string()),
        ]
    ),
    # Which event each resolved mention belongs to (link `member`) or recalls (`recalls`), and
    # its block (country, month): lets resolve redo only the blocks that received new mentions.
    "event_assignments": pa.schema(
        [
            ("mention_id", pa.string()),
            ("event_id", pa.string()),
            ("link", pa.string()),
            ("block_country", pa.string()),
            ("block_month", pa.string()),  # YYYY-MM
        ]
    ),
}
KEYS = {
    "articles": "article_id",
    "event_mentions": "mention_id",
    "casualty_figures": "figure_id",
    "events": "event_id",
    "event_revisions": "revision_id",
    "rejects": "reject_id",
    "runs": "run_id",
    "extractions": "article_id",
    "event_assignments": "mention_id",
}


def sql_text(relative: str) -> str:
    """A SQL file from sql/, e.g. `schema.sql` or `queries/top_events.sql`."""
    return (SQL_DIR / relative).read_text(encoding="utf-8")


@cache
def schemas() -> dict[str, pa.Schema]:
    """Arrow schema of every lake table, read from the DDL in sql/schema.sql."""
    import duckdb

    con = duckdb.connect()
    con.execute(sql_text("schema.sql"))
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
    derived = {t: con.sql(f'select * from "{t}" limit 0').to_arrow_table().schema for t in tables}
    con.close()
    return derived | INTERNAL_SCHEMAS


def schema(table: str) -> pa.Schema:
    return schemas()[table]
