"""`conflict-events query`: SQL text or a named query against the warehouse (no Prefect)."""

from __future__ import annotations

import argparse
import sys

from flows.commands import UsageError
from flows.params import DEFAULT_WAREHOUSE


def register(commands: argparse._SubParsersAction) -> None:
    query = commands.add_parser(
        "query",
        help="run SQL or a named query against the warehouse",
        description="Run SQL text, or a named query from sql/queries/, and print the result.",
    )
    query.add_argument("sql", metavar="SQL_OR_NAME")
    query.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse file")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from flows.queries import QueryError, run_query

    try:
        result = run_query(args.warehouse, args.sql)
    except QueryError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(result.render(args.format))
    return 0
