"""`conflict-events serve`: a scheduled deployment of `pipeline`, served by this process.

It calls `pipeline.serve(...)`: the deployment is registered with the Prefect API that
PREFECT_API_URL names (start one with `prefect server start`), carries a cron schedule in a
timezone and default parameters, and this process runs its scheduled and ad-hoc flow runs
until it is stopped (Ctrl-C pauses the schedule).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli import UsageError
from cli.run import add_fetch_options, add_runner_options, add_storage_options, fetch_params
from flows.params import DEFAULT_SOURCES

DEFAULT_NAME = "daily"
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "UTC"


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve a scheduled deployment of the pipeline (needs a Prefect server)",
        description="Register the deployment 'pipeline/NAME' with a cron schedule and default "
        "parameters, then run its scheduled and ad-hoc runs until stopped. Paths are made "
        "absolute, so runs read and write the same files whatever their working directory.",
    )
    serve.add_argument(
        "sources",
        nargs="*",
        default=list(DEFAULT_SOURCES),
        help=f"default sources of each run (default: {DEFAULT_SOURCES[0]})",
    )
    add_storage_options(serve)
    serve.add_argument("--batch-size", type=int, default=500, help="articles per extraction task")
    add_runner_options(serve)
    add_fetch_options(serve)
    serve.add_argument("--name", default=DEFAULT_NAME, help="deployment name (default: daily)")
    serve.add_argument(
        "--cron", default=DEFAULT_CRON, help=f"cron schedule (default: '{DEFAULT_CRON}')"
    )
    serve.add_argument(
        "--timezone",
        default=DEFAULT_TIMEZONE,
        help="IANA timezone of the cron schedule, e.g. Europe/Kyiv (default: UTC)",
    )
    serve.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="runs of this deployment at once, across every process serving it (default: 1)",
    )
    serve.add_argument(
        "--paused", action="store_true", help="register the schedule paused (ad-hoc runs only)"
    )
    serve.set_defaults(handler=handle)


def default_parameters(args: argparse.Namespace) -> dict:
    """The deployment's default parameters: the `params` model with absolute local paths."""
    from flows.params import PipelineParams
    from storage.lake import is_uri

    def absolute(path: str) -> str:
        return path if is_uri(path) else str(Path(path).absolute())

    params = PipelineParams(
        sources=[absolute(s) for s in args.sources],
        lake=absolute(args.lake),
        warehouse=absolute(args.warehouse),
        batch_size=args.batch_size,
        runner="dask" if args.dask_address else args.runner,
        workers=args.workers,
        dask_address=args.dask_address,
        lock_wait_seconds=args.wait,
        fetch=fetch_params(args),
    )
    return {"params": params.model_dump(mode="json")}


def handle(args: argparse.Namespace) -> int:
    if args.concurrency < 1:
        raise UsageError("--concurrency must be at least 1")
    _check_timezone(args.timezone)
    _require_api_server()
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from flows.pipeline import pipeline

    try:
        schedule = Cron(args.cron, timezone=args.timezone, active=not args.paused)
    except ValueError as error:
        raise UsageError(f"bad --cron {args.cron!r}: {error}".splitlines()[0]) from None
    pipeline.serve(
        name=args.name,
        schedules=[schedule],
        parameters=default_parameters(args),
        description="Ingest, extract, resolve and publish the conflict-events dataset.",
        tags=["conflict-events"],
        global_limit=args.concurrency,
        limit=args.concurrency,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    return 0


def _require_api_server() -> None:
    """Refuse Prefect's temporary server: it dies with this process, and with it the schedule
    and every ad-hoc run; and an API we did not start is one the user can protect."""
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url:
        raise UsageError(
            "no Prefect server: start one with `prefect server start`, then set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (see docs/security.md to protect it)"
        )


def _check_timezone(name: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown --timezone {name!r}; use an IANA name like Europe/Kyiv"
        ) from None
