"""`conflict-events query`: SQL text or a named query against the warehouse (no Prefect)."""

from __future__ import annotations

import argparse
import sys

from cli import UsageError
from flows.params import DEFAULT_WAREHOUSE


def register(commands: argparse._SubParsersAction) -> None:
    query = commands.add_parser(
        "query",
        help="run SQL or a named query against the warehouse",
        description="Run SQL text, or a named query from sql/queries/, and print the result.",
    )
    query.add_argument("sql", metavar="SQL_OR_NAME", nargs="?")
    query.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse file")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a parameter of the named query (repeatable); `null` is SQL NULL",
    )
    query.add_argument(
        "--list", action="store_true", help="list the named queries and their parameters"
    )
    query.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="stop a query that runs longer than this (default: 60; 0 means no limit)",
    )
    query.add_argument(
        "--allow-file-access",
        action="store_true",
        help="let the SQL read and write local files and attach databases (read_csv, COPY TO, "
        "ATTACH); off by default, the query sees the warehouse only (docs/security.md)",
    )
    query.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from outputs.queries import QueryError, run_query

    if args.list:
        sys.stdout.write(list_queries())
        return 0
    if not args.sql:
        raise UsageError("give SQL text or a query name (see --list)")
    if args.timeout < 0:
        raise UsageError("--timeout must be 0 (no limit) or more seconds")
    try:
        result = run_query(
            args.warehouse,
            args.sql,
            parse_params(args.param),
            timeout=args.timeout or None,
            allow_file_access=args.allow_file_access,
        )
    except QueryError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(result.render(args.format))
    return 0


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param needs KEY=VALUE, got {pair!r}")
        params[key.strip()] = value.strip()
    return params


def list_queries() -> str:
    from outputs.queries import named_queries, query_params

    lines = []
    for name, sql in named_queries().items():
        header = []
        for line in sql.splitlines():
            if not line.startswith("--") or line.removeprefix("--").strip().startswith("param "):
                break
            header.append(line.removeprefix("--").strip())
        lines.append(" ".join(header) or name)
        for param in query_params(sql).values():
            default = "required" if param.required else f"default {param.default}"
            lines.append(f"    --param {param.name}=...  {param.description} ({default})")
    return "\n".join(lines) + "\n"
