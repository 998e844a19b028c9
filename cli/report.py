"""`conflict-events report OUT.html`: a self-contained HTML report of the warehouse (no Prefect)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli import UsageError
from flows.params import DEFAULT_WAREHOUSE


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write a self-contained HTML report of the warehouse",
        description="Write one HTML file with inline SVG (no scripts, no network): a map of "
        "events on Natural Earth country outlines, killed per month in a panel a country, the "
        "implausible figures listed apart, and the deadliest events with their evidence "
        "(docs/report.md).",
    )
    report.add_argument("out", metavar="OUT.html")
    report.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse file")
    report.add_argument("--top", type=int, default=25, help="events in the table (default 25)")
    report.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from outputs.report import gather, render
    from storage.warehouse import WarehouseError

    if args.top < 1:
        raise UsageError("--top must be at least 1")
    try:
        data = gather(args.warehouse, top=args.top)
    except WarehouseError as error:
        raise UsageError(str(error)) from None
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render(data), encoding="utf-8")
    except OSError as error:  # unwritable, a directory, a full disk: the user's to fix
        raise UsageError(f"cannot write {out}: {error.strerror or error}") from None
    print(f"wrote {out} ({data['counts']['events']} events)")
    return 0
