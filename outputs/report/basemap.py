"""The shipped basemap (outputs/data/countries_110m.json, Natural Earth 1:110m, public domain)
and the map projection: the view's extent, lon/lat to SVG pixels, country outlines as paths."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

WORLD = (-180.0, 180.0, -58.0, 84.0)  # west, east, south, north; Antarctica left out
MIN_SPAN = 14.0  # degrees of longitude: a single city still shows its neighbours
MARGIN = 0.2  # of the events' span, on each side
TRIM = 0.01  # with many events, the outer 1% on each side does not widen the view
WORLDWIDE = 200.0  # degrees of longitude beyond which the view is the whole world


@cache
def basemap() -> dict:
    """The basemap document: attribution, how it was made, and the countries' rings."""
    text = resources.files("outputs").joinpath("data", "countries_110m.json").read_text("utf-8")
    return json.loads(text)


def countries() -> list[dict]:
    return basemap()["countries"]


def attribution() -> str:
    return basemap()["attribution"]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def extent(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the (lon, lat) points with a margin; the world when
    they are worldwide. With 100 points or more the outermost 1% on each side is trimmed, so
    one stray geocode does not zoom the map out to the whole world."""
    if not points:
        return WORLD
    trim = TRIM if len(points) >= 100 else 0.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east = _quantile(lons, trim), _quantile(lons, 1 - trim)
    south, north = _quantile(lats, trim), _quantile(lats, 1 - trim)
    pad_x = max((east - west) * MARGIN, (MIN_SPAN - (east - west)) / 2, 4.0)
    pad_y = max((north - south) * MARGIN, (MIN_SPAN * 0.6 - (north - south)) / 2, 4.0)
    west, east, south, north = west - pad_x, east + pad_x, south - pad_y, north + pad_y
    if east - west > WORLDWIDE:
        return WORLD
    return max(west, -180.0), min(east, 180.0), max(south, WORLD[2]), min(north, WORLD[3])


@dataclass(frozen=True)
class Projection:
    """Equirectangular, with longitude shrunk by the cosine of the view's middle latitude so
    that a zoomed-in country keeps its shape; fitted to a box of width x height pixels."""

    west: float
    east: float
    south: float
    north: float
    width: float
    height: float

    @classmethod
    def fit(cls, bounds, width: float, max_height: float, min_height: float) -> Projection:
        """A projection of the bounds widened (never cropped) to fill the box's aspect."""
        west, east, south, north = bounds
        squeeze = math.cos(math.radians((north + south) / 2))
        span_x, span_y = (east - west) * squeeze, north - south
        height = min(max(width * span_y / span_x, min_height), max_height)
        if span_y / span_x < height / width:  # too wide: add latitude
            extra = (span_x * height / width - span_y) / 2
            south, north = south - extra, north + extra
        else:  # too tall: add longitude
            extra = (span_y * width / height - span_x) / 2 / squeeze
            west, east = west - extra, east + extra
        return cls(west, east, south, north, width, height)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return x, y

    def sees(self, box: tuple[float, float, float, float]) -> bool:
        west, east, south, north = box
        return (
            east >= self.west and west <= self.east and north >= self.south and south <= self.north
        )


def bbox(country: dict) -> tuple[float, float, float, float]:
    lons = [v for ring in country["rings"] for v in ring[0::2]]
    lats = [v for ring in country["rings"] for v in ring[1::2]]
    return min(lons), max(lons), min(lats), max(lats)


def path(country: dict, project: Projection) -> str:
    """The SVG path data of a country's rings (fill it with fill-rule="evenodd")."""
    parts = []
    for ring in country["rings"]:
        xy = [project(lon, lat) for lon, lat in zip(ring[0::2], ring[1::2], strict=True)]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


def label_point(country: dict) -> tuple[float, float]:
    """(lon, lat) to write the name at: the centroid of the country's largest ring."""
    best, best_area, centre = None, -1.0, (0.0, 0.0)
    for ring in country["rings"]:
        area, cx, cy = _ring_centroid(ring)
        if abs(area) > best_area:
            best, best_area, centre = ring, abs(area), (cx, cy)
    return centre if best is not None else (0.0, 0.0)


def _ring_centroid(ring: list[float]) -> tuple[float, float, float]:
    xs, ys = ring[0::2], ring[1::2]
    area = cx = cy = 0.0
    for i in range(len(xs)):
        j = (i + 1) % len(xs)
        cross = xs[i] * ys[j] - xs[j] * ys[i]
        area += cross
        cx += (xs[i] + xs[j]) * cross
        cy += (ys[i] + ys[j]) * cross
    if area == 0:
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area / 2, cx / (3 * area), cy / (3 * area)
