"""Writing the published events to ACLED-compatible CSV, Parquet or GeoJSON (no Prefect)."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

from storage.contract import sql_text
from storage.warehouse import connect_read_only

FORMATS = ("acled-csv", "parquet", "geojson")
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "notes",
    "fatalities",
)


def export_events(warehouse: str | os.PathLike, fmt: str, out: str | os.PathLike) -> int:
    """Write the events to `out` in `fmt`; returns how many events (features) were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    if target.is_dir():  # checked first: the rename at the end would fail and strand the work
        raise IsADirectoryError(f"{target} is a directory; give a file name to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        count = _write(warehouse, fmt, temporary)
        os.replace(temporary, target)  # a reader never sees a half-written export
    finally:
        temporary.unlink(missing_ok=True)  # only left when writing or renaming failed
    return count


def _write(warehouse: str | os.PathLike, fmt: str, temporary: Path) -> int:
    con = connect_read_only(warehouse)
    try:
        con.execute(f"create temp view acled_events as {sql_text('export/acled_events.sql')}")
        if fmt == "geojson":
            count = _write_geojson(con, temporary)
        else:
            columns = ", ".join(ACLED_COLUMNS) if fmt == "acled-csv" else "*"
            options = "format csv, header" if fmt == "acled-csv" else "format parquet"
            path = str(temporary).replace("'", "''")
            con.execute(f"copy (select {columns} from acled_events) to '{path}' ({options})")
            count = con.execute("select count(*) from acled_events").fetchone()[0]
    finally:
        con.close()
    return count


def _write_geojson(con, path: Path) -> int:
    cursor = con.execute(
        "select * from acled_events where latitude is not null and longitude is not null"
    )
    columns = [d[0] for d in cursor.description]
    features = []
    for row in cursor.fetchall():
        properties = {c: _plain(v) for c, v in zip(columns, row, strict=True)}
        features.append(
            {
                "type": "Feature",
                "id": properties["event_id_cnty"],
                "geometry": {
                    "type": "Point",
                    "coordinates": [properties["longitude"], properties["latitude"]],
                },
                "properties": properties,
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return len(features)


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
