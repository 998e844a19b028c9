"""The shipped basemap, the map's extent and projection, and the one-off shapefile reader."""

import fnmatch
import json
import struct
import tomllib
from pathlib import Path

import pytest

from outputs.data.make_basemap import read_dbf, read_polygons, simplify
from outputs.report import basemap
from outputs.report.eventmap import event_map


def test_the_basemap_is_small_attributed_and_has_the_countries():
    doc = basemap.basemap()
    assert "Natural Earth" in doc["attribution"] and "public domain" in doc["attribution"]
    assert "make_basemap.py" in doc["made_by"]
    by_code = {c["iso_a2"]: c for c in doc["countries"] if c["iso_a2"]}
    assert {"UA", "SY", "SO", "AF", "NG", "US", "CD"} <= set(by_code)
    west, east, south, north = basemap.bbox(by_code["UA"])
    assert 21 < west < 24 and 39 < east < 41 and 44 < south < 46 and 51 < north < 53
    assert all(
        len(ring) % 2 == 0 and len(ring) >= 8 for c in doc["countries"] for ring in c["rings"]
    )
    shipped = Path(basemap.__file__).parent.parent / "data" / "countries_110m.json"
    assert shipped.stat().st_size < 400_000  # a few hundred KB at most


def test_the_extent_zooms_to_the_events_and_keeps_a_margin():
    west, east, south, north = basemap.extent([(36.25, 49.98), (33.39, 47.91)])
    assert west < 33.39 - 3 and east > 36.25 + 3 and south < 47.91 - 3 and north > 49.98 + 3
    assert east - west < 40  # a regional view, not the world


def test_worldwide_events_give_the_world_and_one_stray_event_does_not():
    assert basemap.extent([(-120, 40), (150, -30)]) == basemap.WORLD
    cluster = [(30 + i % 10, 45 + i % 7) for i in range(300)]
    west, east, _, _ = basemap.extent([*cluster, (-100, 40)])
    assert west > 15  # the outlier is trimmed, the view stays on the cluster


def test_the_projection_fills_its_box_and_keeps_north_up():
    project = basemap.Projection.fit((30, 40, 44, 52), 1000, 640, 380)
    assert 380 <= project.height <= 640
    assert project(30, 52)[0] < project(40, 52)[0] and project(35, 52)[1] < project(35, 44)[1]
    x, y = project(35, 48)
    assert 0 < x < 1000 and 0 < y < project.height


def test_the_map_draws_country_paths_shades_countries_with_events_and_puts_circles_on_top():
    events = [
        {"event_id": "a", "latitude": 48.0, "longitude": 37.8, "killed": 12, "country": "Ukraine"}
        | {"country_iso": "UA", "location": "Donetsk"},
        {"event_id": "b", "latitude": 50.4, "longitude": 30.5, "killed": 0, "country": "Ukraine"}
        | {"country_iso": "UA", "location": "Kyiv"},
    ]
    svg = event_map(events)
    assert svg.count('class="event"') == 2 and svg.count('class="country') > 5
    assert svg.index('class="countries"') < svg.index('class="events"')  # circles drawn last
    assert "Ukraine: 12 killed in 2 events" in svg and "Natural Earth" in svg
    assert event_map([]).startswith('<p class="empty">')
    unplaced = {"event_id": "c", "latitude": None, "longitude": None, "killed": 3}
    assert "without coordinates" not in event_map(events)
    assert "1 event without coordinates is not shown." in event_map([*events, unplaced])


def _shapefile(tmp_path):
    """A two-record polygon shapefile and its table, written by hand."""
    square = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]
    records = b""
    for n, shift in enumerate((0.0, 5.0)):
        points = [(x + shift, y) for x, y in square]
        content = struct.pack("<i4d", 5, 0, 0, 1, 1) + struct.pack("<ii", 1, len(points))
        content += struct.pack("<i", 0) + b"".join(struct.pack("<2d", *p) for p in points)
        records += struct.pack(">ii", n + 1, len(content) // 2) + content
    (tmp_path / "t.shp").write_bytes(b"\0" * 100 + records)
    fields = [("name", 12), ("iso_a3", 3)]
    header_len = 32 + 32 * len(fields) + 1
    head = struct.pack("<B3xIHH20x", 3, 2, header_len, 1 + sum(n for _, n in fields))
    for name, size in fields:
        head += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([size]) + b"\0" * 15
    rows = b"".join(
        b" " + name.encode("latin-1").ljust(12) + code.encode()
        for name, code in (("Côte d'Iv.", "CIV"), ("Square", "-99"))
    )
    (tmp_path / "t.dbf").write_bytes(head + b"\r" + rows)
    (tmp_path / "t.cpg").write_text("ISO-8859-1")


def test_the_shapefile_reader_reads_rings_and_the_table(tmp_path):
    _shapefile(tmp_path)
    rows = read_dbf(tmp_path / "t.dbf")
    assert rows == [{"name": "Côte d'Iv.", "iso_a3": "CIV"}, {"name": "Square", "iso_a3": "-99"}]
    shapes = read_polygons(tmp_path / "t.shp")
    assert len(shapes) == 2 and shapes[1][0][0] == (5.0, 0.0) and len(shapes[0][0]) == 5


@pytest.mark.parametrize("tolerance, kept", [(0.01, 4), (2.0, 2)])
def test_simplify_drops_points_within_the_tolerance(tolerance, kept):
    line = [(0.0, 0.0), (1.0, 0.05), (2.0, 1.0), (3.0, 0.0)]
    assert len(simplify(line, tolerance)) == kept
    assert json.dumps(simplify(line, tolerance)[0]) == "[0.0, 0.0]"  # the ends stay


def test_the_report_data_files_ship_as_package_data():
    root = Path(basemap.__file__).resolve().parents[2]
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["outputs"]
    for name in ("countries_110m.json", "plausibility_caps.tsv"):
        assert (root / "outputs" / "data" / name).exists()
        assert any(fnmatch.fnmatch(f"data/{name}", pattern) for pattern in patterns)
