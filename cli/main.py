"""`conflict-events`: the command line. Each subcommand lives in cli/."""

from __future__ import annotations

import argparse
import os
import sys

from cli import UsageError, eval, export, query, report, run, serve

COMMANDS = [run, serve, query, report, eval, export]
# The Makefile's quiet, local Prefect, for a user who runs the CLI without `make`: no
# telemetry (whose failures printed tracebacks), and time for the temporary server to start on
# a loaded machine. A value the user set wins. PREFECT_HOME is left alone: it holds the user's
# profiles (an API URL, an auth string), which a run must keep seeing.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-events",
        description="Turn news articles about armed conflict into a traceable event dataset.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def set_prefect_defaults(environ: dict[str, str] | os._Environ = os.environ) -> None:
    """Fill in PREFECT_DEFAULTS that are unset; before any command imports Prefect."""
    for name, value in PREFECT_DEFAULTS.items():
        environ.setdefault(name, value)


def main(argv: list[str] | None = None) -> int:
    set_prefect_defaults()
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"conflict-events {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
