"""The data contract as Arrow schemas, derived from sql/schema.sql so there is one source of truth."""

from __future__ import annotations

import re
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
    # Every place an article was found: its first origin and later syndicated copies.
    "article_origins": pa.schema(
        [
            ("origin_id", pa.string()),
            ("article_id", pa.string()),
            ("origin", pa.string()),
            ("url", pa.string()),
            ("run_id", pa.string()),
            ("seen_at", pa.timestamp("us")),
        ]
    ),
    # What ingest has already read: file fingerprints and HTTP validators (ETag, Last-Modified).
    "source_state": pa.schema(
        [
            ("state_id", pa.string()),
            ("kind", pa.string()),
            ("location", pa.string()),
            ("etag", pa.string()),
            ("last_modified", pa.string()),
            ("run_id", pa.string()),
            ("seen_at", pa.timestamp("us")),
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
    "article_origins": "origin_id",
    "source_state": "state_id",
    "event_assignments": "mention_id",
}


def sql_text(relative: str) -> str:
    """A SQL file from sql/, e.g. `schema.sql` or `queries/top_events.sql`."""
    return (SQL_DIR / relative).read_text(encoding="utf-8")


@cache
def schemas() -> dict[str, pa.Schema]:
    """Arrow schema of every lake table, read from the DDL in sql/schema.sql.

    Parsed here rather than by DuckDB, so that a worker process that writes the lake does not
    load DuckDB (about 40 MB) for it; a unit test checks that DuckDB derives the same schemas.
    """
    ddl = _COMMENT.sub("", sql_text("schema.sql"))
    derived = {}
    for table, body in _CREATE_TABLE.findall(ddl):
        derived[table] = pa.schema(
            pa.field(
                column,
                pa.list_(pa.field("l", _ARROW_TYPES[kind])) if is_list else _ARROW_TYPES[kind],
            )
            for column, kind, is_list in _COLUMN.findall(body)
        )
    return derived | INTERNAL_SCHEMAS


# The SQL types schema.sql uses, as DuckDB hands them to Arrow.
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
}
_COMMENT = re.compile(r"--[^\n]*")
_CREATE_TABLE = re.compile(r"CREATE TABLE (\w+) \((.*?)\);", re.S)
_COLUMN = re.compile(r"^\s*(\w+)\s+([A-Z]+)(\[\])?", re.M)


def schema(table: str) -> pa.Schema:
    return schemas()[table]
