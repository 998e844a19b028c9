"""`conflict-events`: run the pipeline, query the warehouse.

Commands that run no flow (query, eval, export, report) never import Prefect, so they answer fast.
"""

from __future__ import annotations

import argparse
import sys

from flows.params import DEFAULT_LAKE, DEFAULT_SOURCES, DEFAULT_WAREHOUSE


class UsageError(Exception):
    """A mistake the user can fix; printed without a traceback."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"conflict-events {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-events",
        description="Turn news articles about armed conflict into a traceable event dataset.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the whole pipeline (ingest, extract, resolve, publish)",
        description="Run the whole pipeline as a Prefect flow.",
    )
    run.add_argument(
        "sources",
        nargs="*",
        default=list(DEFAULT_SOURCES),
        help=f"files, directories or globs to ingest (default: {DEFAULT_SOURCES[0]})",
    )
    _add_storage_options(run)
    run.add_argument("--batch-size", type=int, default=500, help="articles per extraction task")
    run.set_defaults(handler=_run)

    query = commands.add_parser(
        "query",
        help="run SQL or a named query against the warehouse",
        description="Run SQL text, or a named query from sql/queries/.",
    )
    query.add_argument("sql", metavar="SQL_OR_NAME")
    query.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse file")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(handler=_query)
    return parser


def _add_storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lake", default=DEFAULT_LAKE, help=f"Parquet lake directory (default: {DEFAULT_LAKE})"
    )
    parser.add_argument(
        "--warehouse",
        default=DEFAULT_WAREHOUSE,
        help=f"DuckDB warehouse file (default: {DEFAULT_WAREHOUSE})",
    )


def _run(args: argparse.Namespace) -> int:
    from flows.sources import SourceError, discover

    try:
        discover(args.sources)  # fail fast, before Prefect starts, on a missing source
    except SourceError as error:
        raise UsageError(str(error)) from None
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    from flows.params import PipelineParams
    from flows.pipeline import pipeline

    params = PipelineParams(
        sources=args.sources, lake=args.lake, warehouse=args.warehouse, batch_size=args.batch_size
    )
    result = pipeline(params)
    print(_summary(result))
    return 0


def _summary(result: dict) -> str:
    ingest, extract, publish = result["ingest"], result["extract"], result.get("publish", {})
    lines = [
        f"run {result['run_id']}",
        f"  ingest:  {ingest['files']} files, {ingest['new']} new, "
        f"{ingest['duplicates']} duplicates, {ingest['rejected']} rejected",
        f"  extract: {extract['articles']} articles -> {extract['mentions']} mentions, "
        f"{extract['figures']} figures",
        "  warehouse: " + ", ".join(f"{t} {n}" for t, n in publish.items()),
    ]
    return "\n".join(lines)


def _query(args: argparse.Namespace) -> int:
    from flows.queries import QueryError, run_query

    try:
        result = run_query(args.warehouse, args.sql)
    except QueryError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(result.render(args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
