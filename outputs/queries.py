"""Running SQL text or a named query from sql/queries/ against the published warehouse."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import duckdb

from storage.contract import SQL_DIR
from storage.warehouse import WarehouseError, connect_read_only

QUERIES_DIR = SQL_DIR / "queries"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A named query declares each parameter in its header:
#   -- param NAME: what it means (default: VALUE)     (no default: the parameter is required)
_PARAM = re.compile(r"^--\s*param\s+(\w+):\s*(.*?)\s*(?:\(default:\s*([^)]*)\))?\s*$")


class QueryError(RuntimeError):
    """The query cannot run: unknown name, bad SQL, or no warehouse."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]

    def render(self, fmt: str) -> str:
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(self.columns)
            writer.writerows(self.rows)
            return out.getvalue()
        if fmt == "json":
            records = [dict(zip(self.columns, row, strict=True)) for row in self.rows]
            return json.dumps(records, default=_json_default, ensure_ascii=False, indent=2) + "\n"
        return _table(self.columns, self.rows)


@dataclass(frozen=True)
class QueryParam:
    name: str
    description: str
    default: str | None  # the text after `default:`; None when the parameter is required

    @property
    def required(self) -> bool:
        return self.default is None


def query_params(sql: str) -> dict[str, QueryParam]:
    """The parameters a named query declares in its header comment, in order."""
    params = {}
    for line in sql.splitlines():
        match = _PARAM.match(line.strip())
        if match:
            name, description, default = match.groups()
            params[name] = QueryParam(name, description, default)
    return params


def bind_params(sql: str, given: dict[str, str], declared_only: bool = True) -> dict[str, object]:
    """Values for every declared parameter: given ones, else defaults; `null` means SQL NULL."""
    declared = query_params(sql)
    if declared_only:
        unknown = sorted(set(given) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise QueryError(f"unknown parameter {', '.join(unknown)}; this query takes: {known}")
    missing = [p.name for p in declared.values() if p.required and p.name not in given]
    if missing:
        raise QueryError(f"missing parameter {', '.join(missing)} (use --param NAME=VALUE)")
    values = {name: p.default for name, p in declared.items()} | given
    return {name: None if value == "null" else value for name, value in values.items()}


def named_queries() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES_DIR.glob("*.sql"))}


def resolve_sql(sql_or_name: str) -> str:
    if _NAME.match(sql_or_name.strip()):
        queries = named_queries()
        if sql_or_name.strip() in queries:
            return queries[sql_or_name.strip()]
        raise QueryError(f"no named query {sql_or_name!r}; known: {', '.join(queries) or 'none'}")
    return sql_or_name


DEFAULT_TIMEOUT = 60.0  # seconds a query may run before it is interrupted


def run_query(
    warehouse: str,
    sql_or_name: str,
    params: dict[str, str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_file_access: bool = False,
) -> QueryResult:
    """Run SQL text or a named query; `params` fill its `$name` placeholders.

    The query sees the warehouse only (see storage.warehouse.SANDBOX) unless
    `allow_file_access`, and is interrupted after `timeout` seconds (None: no limit).
    """
    sql = resolve_sql(sql_or_name)
    named = sql is not sql_or_name
    values = bind_params(sql, params or {}) if named or query_params(sql) else dict(params or {})
    try:
        con = connect_read_only(warehouse, sandboxed=not allow_file_access)
    except WarehouseError as error:
        raise QueryError(str(error)) from None
    try:
        with _deadline(con, timeout) as expired:
            try:
                return _fetch(con, sql, values)
            except duckdb.Error as error:
                if expired.is_set():
                    raise QueryError(
                        f"query stopped after {timeout:g} s (raise the limit with --timeout)"
                    ) from None
                raise QueryError(str(error).splitlines()[0]) from None
    finally:
        con.close()  # after the timer is cancelled: it must not interrupt a closed connection


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, values: dict) -> QueryResult:
    if values:
        cursor = con.execute(sql, values)
        if cursor.description is None:
            return QueryResult([], [])
        return QueryResult([d[0] for d in cursor.description], cursor.fetchall())
    relation = con.sql(sql)
    if relation is None:
        return QueryResult([], [])
    return QueryResult(list(relation.columns), relation.fetchall())


@contextmanager
def _deadline(con: duckdb.DuckDBPyConnection, seconds: float | None) -> Iterator[threading.Event]:
    """Interrupt the connection's running query after `seconds`; the event says it happened."""
    expired = threading.Event()
    if seconds is None:
        yield expired
        return

    def stop() -> None:
        expired.set()
        con.interrupt()

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        yield expired
    finally:
        timer.cancel()


def _json_default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)), line]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
