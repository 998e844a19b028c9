"""`conflict-events run`: the whole pipeline as one Prefect flow run."""

from __future__ import annotations

import argparse
import sys

from cli import UsageError
from flows.params import DEFAULT_LAKE, DEFAULT_SOURCES, DEFAULT_WAREHOUSE, RUNNERS, FetchParams

LOCKED_EXIT = 3  # another run holds the lake or warehouse


def register(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser(
        "run",
        help="run the whole pipeline (ingest, extract, resolve, publish)",
        description="Run the whole pipeline as a Prefect flow.",
    )
    run.add_argument(
        "sources",
        nargs="*",
        default=list(DEFAULT_SOURCES),
        help="files, directories, globs, or feed/article URLs to ingest "
        f"(default: {DEFAULT_SOURCES[0]})",
    )
    run.add_argument(
        "--urls",
        action="append",
        default=[],
        metavar="FILE_OR_URL",
        help="a file of article URLs, one per line (# comments), or one URL; repeatable",
    )
    add_storage_options(run)
    run.add_argument("--batch-size", type=int, default=500, help="articles per extraction task")
    add_runner_options(run)
    add_fetch_options(run)
    run.set_defaults(handler=handle)


def add_fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="also fetch URLs on loopback, private and link-local addresses (your intranet); "
        "by default they are refused as `blocked_address` (docs/security.md)",
    )


def fetch_params(args: argparse.Namespace) -> FetchParams:
    return FetchParams(allow_private_urls=args.allow_private_urls)


def add_runner_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runner",
        choices=RUNNERS,
        default="thread",
        help="where extraction batches run: threads, local processes, or a Dask cluster",
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="threads, processes or local Dask workers"
    )
    parser.add_argument(
        "--dask-address",
        default=None,
        metavar="ADDRESS",
        help="scheduler of a running Dask cluster, e.g. tcp://10.0.0.5:8786 (implies --runner dask)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long for an overlapping run to finish (default: exit at once)",
    )


def add_storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lake", default=DEFAULT_LAKE, help=f"Parquet lake directory (default: {DEFAULT_LAKE})"
    )
    parser.add_argument(
        "--warehouse",
        default=DEFAULT_WAREHOUSE,
        help=f"DuckDB warehouse file (default: {DEFAULT_WAREHOUSE})",
    )


def handle(args: argparse.Namespace) -> int:
    from sources.files import SourceError, discover, expand_urls

    try:
        discover(args.sources)  # fail fast, before Prefect starts, on a missing source
        expand_urls(args.urls)  # and on a URL list that cannot be read
    except SourceError as error:
        raise UsageError(str(error)) from None
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    from flows import progress
    from flows.params import PipelineParams
    from flows.pipeline import pipeline
    from storage.lock import RunLocked

    params = PipelineParams(
        sources=args.sources,
        lake=args.lake,
        warehouse=args.warehouse,
        batch_size=args.batch_size,
        urls=args.urls,
        runner="dask" if args.dask_address else args.runner,
        workers=args.workers,
        dask_address=args.dask_address,
        lock_wait_seconds=args.wait,
        fetch=fetch_params(args),
    )
    try:
        with progress.reporting(progress.for_stream(sys.stderr)):
            result = pipeline(params)
    except RunLocked as error:
        print(f"conflict-events run: {error}", file=sys.stderr)
        return LOCKED_EXIT
    print(summary(result))
    return 0


def summary(result: dict) -> str:
    ingest, extract, publish = result["ingest"], result["extract"], result.get("publish", {})
    return "\n".join(
        [
            f"run {result['run_id']}",
            f"  ingest:  {ingest['items']} items in ({ingest['files']} files, "
            f"{ingest['urls']} URLs): {ingest['new']} new, {ingest['duplicates']} duplicates, "
            f"{ingest['unchanged']} unchanged, {ingest['rejected']} rejected",
            *(
                f"    rejected {reason}: {count}"
                for reason, count in ingest["rejected_by_reason"].items()
            ),
            *(
                [
                    f"    warnings on kept articles: {ingest['warnings']} (rejects, stage ingest_warning)"
                ]
                if ingest.get("warnings")
                else []
            ),
            f"  extract: {extract['articles']} articles -> {extract['mentions']} mentions, "
            f"{extract['figures']} figures",
            "  warehouse: " + ", ".join(f"{t} {n}" for t, n in publish.items()),
        ]
    )
