"""`conflict-events export`: the events as ACLED-compatible CSV, Parquet or GeoJSON (no Prefect)."""

from __future__ import annotations

import argparse

from cli import UsageError
from flows.params import DEFAULT_WAREHOUSE

FORMATS = ("acled-csv", "parquet", "geojson")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export",
        help="write the events as ACLED-compatible CSV, Parquet or GeoJSON",
        description="Write the published events to OUT: `acled-csv` has ACLED's columns "
        "(event_id_cnty, event_date, event_type, sub_event_type, actor1, country, admin1, "
        "location, latitude, longitude, geo_precision, time_precision, notes, fatalities); "
        "`parquet` adds the UCDP low/best/high figures and report counts; `geojson` writes "
        "the events with coordinates as points (QGIS, kepler.gl).",
    )
    parser.add_argument("out", metavar="OUT")
    parser.add_argument("--format", choices=FORMATS, default="acled-csv")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse file")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    import duckdb

    from outputs.export import export_events
    from storage.warehouse import WarehouseError

    try:
        count = export_events(args.warehouse, args.format, args.out)
    except (WarehouseError, duckdb.Error, OSError) as error:
        raise UsageError(str(error).splitlines()[0]) from None
    print(f"wrote {count} events to {args.out} ({args.format})")
    return 0
