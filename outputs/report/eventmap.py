"""The map: country outlines from the shipped basemap, countries with events shaded by the
number killed (a choropleth on a log scale), and one circle an event on top."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from outputs.report import basemap
from outputs.report.scales import class_of, log_classes, number, radius, ramp_colour

WIDTH, MIN_HEIGHT, MAX_HEIGHT = 1000, 380, 640
PLACE_LABELS = 8  # the deadliest events' places are named on the map
COUNTRY_LABELS = 12


def country_key(iso: str | None, name: str | None) -> str:
    """How events and basemap shapes meet: the ISO alpha-2 code, else the folded name."""
    return (iso or "").upper() or (name or "").strip().lower()


def country_totals(events: list[dict]) -> dict[str, tuple[int, int]]:
    """country key -> (killed, events), over all the given events."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in events:
        row = totals[country_key(e.get("country_iso"), e.get("country"))]
        row[0] += e.get("killed") or 0
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in totals.items()}


def _shape_keys(country: dict) -> list[str]:
    return [k for k in (country_key(country.get("iso_a2"), None), country["name"].lower()) if k]


def event_map(events: list[dict]) -> str:
    """The map SVG of the located events (killed figures as given; pass plausible events)."""
    located = [
        e for e in events if e.get("latitude") is not None and e.get("longitude") is not None
    ]
    if not located:
        return '<p class="empty">No located events yet.</p>'
    bounds = basemap.extent([(e["longitude"], e["latitude"]) for e in located])
    project = basemap.Projection.fit(bounds, WIDTH, MAX_HEIGHT, MIN_HEIGHT)
    totals = country_totals(events)
    classes = log_classes([killed for killed, _ in totals.values() if killed > 0])
    width, height = project.width, project.height
    parts = [
        f'<svg class="map" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Map of events">',
        f'<defs><clipPath id="map-clip"><rect width="{width:.0f}" height="{height:.0f}"/>'
        "</clipPath></defs>",
        f'<rect width="{width:.0f}" height="{height:.0f}" class="sea"/>',
        '<g clip-path="url(#map-clip)">',
        _countries(project, totals, classes),
        _circles(located, project),
        _labels(located, project, totals),
        "</g>",
        _legend(classes, max(e.get("killed") or 0 for e in located), project, located),
        f'<text x="{width - 6:.0f}" y="{height - 6:.0f}" class="credit" text-anchor="end">'
        "Basemap: Natural Earth 1:110m (public domain)</text>",
        "</svg>",
    ]
    outside = sum(1 for e in located if not _inside(project, e))
    return "".join(parts) + _missing_note(outside, len(events) - len(located))


def _missing_note(outside: int, unplaced: int) -> str:
    """Say which events the map does not show, so its circles are not read as all of them."""
    said = []
    if outside:
        one = outside == 1
        said.append(
            f"{number(outside)} located {'event falls' if one else 'events fall'} outside this view"
        )
    if unplaced:
        one = unplaced == 1
        said.append(
            f"{number(unplaced)} {'event' if one else 'events'} without coordinates "
            f"{'is' if one else 'are'} not shown"
        )
    text = "; ".join(said)
    return f'<p class="meta">{text[:1].upper()}{text[1:]}.</p>' if said else ""


def _inside(project: basemap.Projection, event: dict) -> bool:
    x, y = project(event["longitude"], event["latitude"])
    return 0 <= x <= project.width and 0 <= y <= project.height


def _countries(project, totals, classes) -> str:
    parts = ['<g class="countries">']
    for country in basemap.countries():
        if not project.sees(basemap.bbox(country)):
            continue
        hit = next((totals[k] for k in _shape_keys(country) if k in totals), None)
        tip = country["name"]
        if hit and hit[0] > 0:
            colour = ramp_colour(class_of(hit[0], classes), len(classes))
            style = f' class="country hit" style="fill:{colour}"'
            tip += f": {number(hit[0])} killed in {number(hit[1])} events"
        elif hit:
            style = ' class="country hit" style="fill:#f6ede4"'
            tip += f": {number(hit[1])} events, none killed"
        else:
            style = ' class="country"'
        parts.append(
            f'<path d="{basemap.path(country, project)}"{style} fill-rule="evenodd">'
            f"<title>{escape(tip)}</title></path>"
        )
    parts.append("</g>")
    return "".join(parts)


def _circles(located: list[dict], project) -> str:
    biggest = max(e.get("killed") or 0 for e in located)
    parts = ['<g class="events">']
    for e in sorted(located, key=lambda e: (-(e.get("killed") or 0), e["event_id"])):
        x, y = project(e["longitude"], e["latitude"])
        tip = (
            f"{e.get('location') or '?'}, {e.get('country') or '?'} — {e.get('event_date') or '?'}"
            f" — {e.get('sub_event_type') or 'event'}: {number(e.get('killed') or 0)} killed, "
            f"{number(e.get('injured') or 0)} injured"
        )
        hollow = "" if e.get("killed") else ' style="fill:#fff;stroke:#7b241c"'  # none killed
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius(e.get("killed") or 0, biggest):.1f}" '
            f'class="event"{hollow}><title>{escape(tip)}</title></circle>'
        )
    parts.append("</g>")
    return "".join(parts)


class _Labels:
    """Labels that do not overlap: each is placed only where no earlier one stands."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.boxes: list[tuple[float, float, float, float]] = []

    def place(self, text: str, x: float, y: float, size: float, anchor: str = "start") -> bool:
        w = len(text) * size * 0.6 + 4  # a rough width: labels are short, the font is sans
        left = x - w / 2 if anchor == "middle" else x
        box = (left, y - size, left + w, y + 3)
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.width and box[3] <= self.height
        if not inside or any(_overlap(box, other) for other in self.boxes):
            return False
        self.boxes.append(box)
        return True


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(located: list[dict], project, totals) -> str:
    """Names of the deadliest countries, then of the deadliest events' places, where they fit."""
    labels = _Labels(project.width, project.height)
    return _country_labels(project, totals, labels) + _place_labels(located, project, labels)


def _country_labels(project, totals, labels: _Labels) -> str:
    best: dict[str, tuple[int, float, dict]] = {}  # key -> (killed, area, largest shape)
    for country in basemap.countries():
        key = next((k for k in _shape_keys(country) if k in totals), None)
        if key is None or not project.sees(basemap.bbox(country)):
            continue
        w, e, s, n = basemap.bbox(country)
        area = (e - w) * (n - s)
        if key not in best or area > best[key][1]:
            best[key] = (totals[key][0], area, country)
    parts = []
    ranked = sorted(best.values(), key=lambda b: (-b[0], b[2]["name"]))[:COUNTRY_LABELS]
    for _, _, country in ranked:
        x, y = project(*basemap.label_point(country))
        if labels.place(country["name"], x, y, 12, "middle"):
            parts.append(
                f'<text x="{x:.1f}" y="{y:.1f}" class="country-name" text-anchor="middle">'
                f"{escape(country['name'])}</text>"
            )
    return "".join(parts)


def _place_labels(located: list[dict], project, labels: _Labels) -> str:
    parts, named = [], set()
    for e in sorted(located, key=lambda e: (-(e.get("killed") or 0), e["event_id"])):
        place = e.get("location")
        if not place or place in named or not e.get("killed"):
            continue
        named.add(place)
        x, y = project(e["longitude"], e["latitude"])
        if labels.place(place, x + 7, y - 7, 11):
            parts.append(
                f'<text x="{x + 7:.1f}" y="{y - 7:.1f}" class="place">{escape(place)}</text>'
            )
        if len(named) == PLACE_LABELS:
            break
    return "".join(parts)


LEGEND_W = 170


def _legend(classes: list[int], biggest: int, project, located: list[dict]) -> str:
    """Killed per country (the ramp's classes) and circle sizes, in the corner of the map
    that hides the fewest events."""
    rows = min(len(classes), 8)
    box_h = 44 + 16 * rows + 58
    left, top = _emptiest_corner(project, located, box_h)
    parts = [
        f'<g class="legend-box" transform="translate({left:.0f} {top:.0f})">',
        f'<rect width="{LEGEND_W}" height="{box_h}" rx="4" class="legend-bg"/>',
        '<text x="10" y="18" class="legend-title">killed in the country</text>',
    ]
    low = 1
    for i, bound in enumerate(classes[:rows]):
        y = 28 + 16 * i
        label = number(bound) if low >= bound else f"{number(low)}–{number(bound)}"
        parts.append(
            f'<rect x="10" y="{y}" width="14" height="12" fill="{ramp_colour(i, len(classes))}" '
            f'class="swatch"/><text x="30" y="{y + 10}" class="legend">{label}</text>'
        )
        low = bound + 1
    y = 28 + 16 * rows + 12
    parts.append(f'<text x="10" y="{y}" class="legend-title">killed in the event</text>')
    x = 10.0
    for value in sorted({1, max(1, biggest // 4), max(1, biggest)}):
        r = radius(value, biggest)
        parts.append(
            f'<circle cx="{x + r:.1f}" cy="{y + 22}" r="{r:.1f}" class="event key"/>'
            f'<text x="{x + 2 * r + 3:.0f}" y="{y + 26}" class="legend">{number(value)}</text>'
        )
        x += 2 * r + 10 + 7 * len(number(value))
    parts.append("</g>")
    return "".join(parts)


def _emptiest_corner(project, located: list[dict], box_h: float) -> tuple[float, float]:
    width, height = project.width, project.height
    corners = [
        (8, height - box_h - 8),
        (width - LEGEND_W - 8, height - box_h - 22),  # above the credit line
        (8, 8),
        (width - LEGEND_W - 8, 8),
    ]
    points = [project(e["longitude"], e["latitude"]) for e in located]

    def hidden(corner: tuple[float, float]) -> int:
        x0, y0 = corner
        return sum(1 for x, y in points if x0 <= x <= x0 + LEGEND_W and y0 <= y <= y0 + box_h)

    return min(corners, key=hidden)  # the first of equals: bottom-left is the usual place
