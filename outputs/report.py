"""A self-contained HTML report of the warehouse: inline SVG and CSS, no script, no network.

It shows casualties over time by country (a line chart), a map of the located events (an
equirectangular plot of latitude and longitude with a graticule), and the deadliest events with
the evidence sentences they were read from. It imports no Prefect.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, date, datetime
from html import escape

from storage.contract import sql_text
from storage.warehouse import connect_read_only
from transforms.ingest.timestamps import EARLIEST_YEAR, LATEST_YEAR

TOP_EVENTS = 25
MAX_COUNTRIES = 8
COLORS = ["#c0392b", "#2471a3", "#229954", "#d68910", "#7d3c98", "#17a589", "#884ea0", "#566573"]
OTHER = "other countries"


def gather(warehouse: str, top: int = TOP_EVENTS) -> dict:
    """Everything the report shows, read from the published warehouse."""
    con = connect_read_only(warehouse)
    try:
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "event_mentions", "events", "rejects")
        }
        return {
            "warehouse": warehouse,
            "counts": counts,
            "monthly": _rows(con, "casualties_by_month", {}),
            "points": _rows(con, "event_points", {}),
            "top": _rows(con, "top_events", {"limit": top}),
        }
    finally:
        con.close()


def render(data: dict, generated_at: datetime | None = None) -> str:
    generated_at = generated_at or datetime.now(UTC)
    counts = data["counts"]
    # Rows dated year 9999 (written before extraction bounded its dates) would break the axis.
    monthly = [r for r in data["monthly"] if EARLIEST_YEAR <= r["month"].year <= LATEST_YEAR]
    killed = sum(r["killed"] for r in monthly)
    summary = (
        f"{counts['events']} events resolved from {counts['event_mentions']} mentions in "
        f"{counts['articles']} articles ({counts['rejects']} inputs rejected); "
        f"{killed} killed in dated events (best estimates)."
    )
    return _PAGE.format(
        title="conflict-events report",
        generated=escape(generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        source=escape(data["warehouse"]),
        summary=escape(summary),
        chart=casualty_chart(monthly),
        map=event_map(data["points"]),
        table=top_table(data["top"]),
    )


def casualty_chart(monthly: list[dict], width: int = 900, height: int = 320) -> str:
    """Killed per month as one line per country (the largest ones; the rest summed)."""
    if not monthly:
        return '<p class="empty">No dated events yet.</p>'
    totals: dict[str, int] = defaultdict(int)
    for row in monthly:
        totals[row["country"]] += row["killed"]
    ranked = sorted(totals, key=lambda c: (-totals[c], c))
    shown = ranked[:MAX_COUNTRIES] if len(ranked) <= MAX_COUNTRIES else ranked[: MAX_COUNTRIES - 1]
    series: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for row in monthly:
        name = row["country"] if row["country"] in shown else OTHER
        series[name][row["month"]] += row["killed"]
    months = _month_range(min(r["month"] for r in monthly), max(r["month"] for r in monthly))
    peak = max((v for s in series.values() for v in s.values()), default=0) or 1
    left, right, top, bottom = 56, 220, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (plot_w * i / (len(months) - 1) if len(months) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / peak

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Killed per month by country">'
    ]
    for tick in _ticks(peak):
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'class="grid"/><text x="{left - 6}" y="{y(tick) + 4:.1f}" class="tick" '
            f'text-anchor="end">{tick:g}</text>'
        )
    step = max(1, math.ceil(len(months) / 10))
    for i, month in enumerate(months):
        if i % step == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 18}" class="tick" '
                f'text-anchor="middle">{month.strftime("%b %Y")}</text>'
            )
    order = [c for c in shown if c in series] + ([OTHER] if OTHER in series else [])
    for n, country in enumerate(order):
        color = COLORS[n % len(COLORS)]
        values = [series[country].get(m, 0) for m in months]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="2"/>')
        for i, v in enumerate(values):
            if v:
                parts.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{color}">'
                    f"<title>{escape(country)}, {months[i]:%B %Y}: {v} killed</title></circle>"
                )
        legend_y = top + 14 + 18 * n
        parts.append(
            f'<rect x="{width - right + 14}" y="{legend_y - 9}" width="12" height="12" '
            f'fill="{color}"/><text x="{width - right + 32}" y="{legend_y + 1}" class="legend">'
            f"{escape(_short(country))} ({sum(values)})</text>"
        )
    parts.append(
        f'<text x="14" y="{top + plot_h / 2}" class="axis" transform="rotate(-90 14 '
        f'{top + plot_h / 2})" text-anchor="middle">killed per month</text></svg>'
    )
    return "".join(parts)


def event_map(points: list[dict], width: int = 900, height: int = 450) -> str:
    """Events on an equirectangular grid, sized by killed, zoomed to where the events are."""
    if not points:
        return '<p class="empty">No located events yet.</p>'
    west, east, south, north = _extent(points)
    left, top = 40, 10
    plot_w, plot_h = width - 2 * left, height - 2 * top - 20

    def project(lat: float, lon: float) -> tuple[float, float]:
        return (
            left + plot_w * (lon - west) / (east - west),
            top + plot_h * (north - lat) / (north - south),
        )

    parts = [
        f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-label="Map of events">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" class="sea"/>',
    ]
    grid = 30 if east - west > 90 else 10 if east - west > 25 else 5
    for lon in range(math.ceil(west / grid) * grid, math.floor(east) + 1, grid):
        px, _ = project(0, lon)
        parts.append(
            f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{top}" y2="{top + plot_h}" class="grid"/>'
            f'<text x="{px:.1f}" y="{top + plot_h + 14}" class="tick" text-anchor="middle">'
            f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}</text>"
        )
    for lat in range(math.ceil(south / grid) * grid, math.floor(north) + 1, grid):
        _, py = project(lat, 0)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{py:.1f}" y2="{py:.1f}" class="grid"/>'
            f'<text x="{left - 4}" y="{py + 4:.1f}" class="tick" text-anchor="end">'
            f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}</text>"
        )
    biggest = max(p["killed"] for p in points) or 1
    for p in sorted(points, key=lambda p: -p["killed"]):
        px, py = project(p["latitude"], p["longitude"])
        radius = 3 + 14 * math.sqrt(p["killed"] / biggest)
        tip = (
            f"{p['location'] or '?'}, {p['country'] or '?'} — {p['event_date']} — "
            f"{p['sub_event_type'] or 'event'}: {p['killed']} killed, {p['injured']} injured"
        )
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{radius:.1f}" class="event">'
            f"<title>{escape(tip)}</title></circle>"
        )
    labelled: set[str] = set()
    for p in points[:12]:
        if p["location"] and p["location"] not in labelled:
            labelled.add(p["location"])
            px, py = project(p["latitude"], p["longitude"])
            parts.append(
                f'<text x="{px + 6:.1f}" y="{py - 6:.1f}" class="place">'
                f"{escape(p['location'])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def top_table(events: list[dict]) -> str:
    if not events:
        return '<p class="empty">No events yet.</p>'
    rows = []
    for e in events:
        killed = _range(e["killed_low"], e["killed_best"], e["killed_high"])
        place = ", ".join(v for v in (e["location"], e["admin1"], e["country"]) if v)
        quotes = "".join(
            f"<blockquote>{escape(q['evidence'] or '')}<cite>{_source(q)}</cite></blockquote>"
            for q in (e["evidence"] or [])
            if q and q.get("evidence")
        )
        rows.append(
            f"<tr><td>{escape(e['event_date'] or '')}</td><td>{escape(place)}</td>"
            f"<td>{escape(e['sub_event_type'] or e['event_type'] or '')}"
            f"{'<br><small>' + escape(e['weapon']) + '</small>' if e['weapon'] else ''}</td>"
            f"<td>{escape(e['perpetrator'] or '')}</td><td class='num'>{killed}</td>"
            f"<td class='num'>{'' if e['injured_best'] is None else e['injured_best']}</td>"
            f"<td class='num'>{e['n_articles']}/{e['n_sources']}</td><td>{quotes}</td></tr>"
        )
    head = (
        "<tr><th>date</th><th>place</th><th>type</th><th>perpetrator</th><th>killed</th>"
        "<th>injured</th><th>articles/sources</th><th>evidence</th></tr>"
    )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _short(name: str, width: int = 22) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _source(quote: dict) -> str:
    name = escape(quote.get("title") or quote.get("source") or "article")
    url = quote.get("url")
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{escape(url)}">{name}</a>'
    return name


def _range(low, best, high) -> str:
    if best is None:
        return ""
    extra = []
    if low is not None and low != best:
        extra.append(f"low {low}")
    if high is not None and high != best:
        extra.append(f"high {high}")
    return f"{best}" + (f"<br><small>{', '.join(extra)}</small>" if extra else "")


def _extent(points: list[dict]) -> tuple[float, float, float, float]:
    lats = [p["latitude"] for p in points]
    lons = [p["longitude"] for p in points]
    west, east = min(lons) - 8, max(lons) + 8
    south, north = min(lats) - 6, max(lats) + 6
    if east - west < 40:  # keep some context around a single city
        middle = (east + west) / 2
        west, east = middle - 20, middle + 20
    if north - south < (east - west) / 2:
        middle = (north + south) / 2
        south, north = middle - (east - west) / 4, middle + (east - west) / 4
    return max(west, -180), min(east, 180), max(south, -90), min(north, 90)


def _month_range(first: date, last: date) -> list[date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _ticks(peak: float) -> list[float]:
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(0, int(peak // step) + 1)]


def _rows(con, name: str, parameters: dict) -> list[dict]:
    relation = con.execute(sql_text(f"report/{name}.sql"), parameters)
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto;
       max-width: 1100px; color: #1c2833; padding: 0 16px; }}
h1 {{ font-size: 24px; margin-bottom: 4px; }} h2 {{ font-size: 18px; margin-top: 32px; }}
.meta {{ color: #566573; }} .empty {{ color: #808b96; font-style: italic; }}
svg {{ width: 100%; height: auto; background: #fff; }}
.grid {{ stroke: #d5d8dc; stroke-width: 1; }} .tick {{ font-size: 11px; fill: #566573; }}
.legend {{ font-size: 12px; fill: #1c2833; }} .axis {{ font-size: 12px; fill: #566573; }}
.sea {{ fill: #eef4f8; stroke: #aeb6bf; }}
.event {{ fill: rgba(192, 57, 43, 0.45); stroke: #922b21; stroke-width: 1; }}
.place {{ font-size: 11px; fill: #1c2833; paint-order: stroke; stroke: #fff; stroke-width: 3px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; }}
th, td {{ border-bottom: 1px solid #d5d8dc; padding: 6px; vertical-align: top; text-align: left; }}
th {{ background: #f4f6f7; }} td.num {{ text-align: right; white-space: nowrap; }}
blockquote {{ margin: 0 0 6px; padding-left: 8px; border-left: 3px solid #aeb6bf; }}
cite {{ display: block; color: #566573; font-size: 12px; }}
</style></head>
<body>
<h1>{title}</h1>
<p class="meta">Generated {generated} from <code>{source}</code>.</p>
<p>{summary}</p>
<h2>Killed per month, by country</h2>
{chart}
<h2>Map of events</h2>
<p class="meta">Circle area grows with the number killed; hover a circle for the event.</p>
{map}
<h2>Deadliest events and their evidence</h2>
{table}
</body></html>
"""
