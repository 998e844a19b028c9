"""Killed over time as small multiples: one panel a country (the TOP_COUNTRIES deadliest, the
rest summed in "other countries"), every panel on the same periods but on a y scale of its own,
so a spike in one country cannot flatten all the others. A bar is a month, or a quarter or a
year when the events span so long that monthly bars would be hairlines."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape

from outputs.report.scales import month_range, nice_ceiling, number
from transforms.ingest.timestamps import EARLIEST_YEAR, LATEST_YEAR

TOP_COUNTRIES = 8
OTHER = "other countries"
COLUMNS = 3
PANEL_W, PANEL_H = 330, 150
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 30, 22
# (name, months a bar, the longest span in months it is used for); beyond them, a year a bar
PERIODS = [("month", 1, 60), ("quarter", 3, 180)]
YEAR = ("year", 12, None)


def _day(value) -> date | None:
    """The event's date, or None when it has none or one outside the plausible years (rows
    dated year 9999, written before extraction bounded its dates, would break the axis)."""
    if value is not None and not isinstance(value, date):
        value = date.fromisoformat(str(value)[:10])
    return value if value is not None and EARLIEST_YEAR <= value.year <= LATEST_YEAR else None


def _days(events: list[dict]) -> list[date]:
    return [d for e in events if (d := _day(e.get("event_date"))) is not None]


def period_name(events: list[dict]) -> str:
    """What one bar of the chart covers: "month", "quarter" or "year"."""
    days = _days(events)
    return period_for(min(days), max(days))[0] if days else "month"


def period_for(first: date, last: date) -> tuple[str, int, int | None]:
    """The bar's length for events from first to last: a month, a quarter or a year."""
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    return next((p for p in PERIODS if span <= p[2]), YEAR)


def bucket(day: date, months: int) -> date:
    """The first day of the period (of `months` months, aligned to the year) holding day."""
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def killed_by_country(events: list[dict], months: int = 1) -> dict[str, dict[date, int]]:
    """country -> period start -> killed, over the dated events."""
    series: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for e in events:
        day = _day(e.get("event_date"))
        if day is not None:
            series[e.get("country") or "unknown"][bucket(day, months)] += e.get("killed") or 0
    return series


def panels(series: dict[str, dict[date, int]], top: int = TOP_COUNTRIES) -> list[tuple]:
    """(name, month -> killed) for the top countries by killed, then one for all the rest."""
    totals = {c: sum(m.values()) for c, m in series.items()}
    ranked = sorted(series, key=lambda c: (-totals[c], c))
    shown = ranked if len(ranked) <= top + 1 else ranked[:top]
    rest: dict[date, int] = defaultdict(int)
    for country in ranked[len(shown) :]:
        for month, killed in series[country].items():
            rest[month] += killed
    out = [(c, dict(series[c])) for c in shown]
    if rest:
        out.append((f"{OTHER} ({len(ranked) - len(shown)})", dict(rest)))
    return out


def small_multiples(events: list[dict]) -> str:
    """The grid of per-country panels as one SVG."""
    days = _days(events)
    if not days:
        return '<p class="empty">No dated events yet.</p>'
    name, step, _ = period_for(min(days), max(days))
    series = killed_by_country(events, step)
    starts = month_range(bucket(min(days), step), max(days))[::step]
    grid = panels(series)
    rows = -(-len(grid) // COLUMNS)
    width, height = COLUMNS * PANEL_W, rows * PANEL_H
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Killed per {name}, one panel a country">'
    ]
    for n, (country, values) in enumerate(grid):
        x0, y0 = (n % COLUMNS) * PANEL_W, (n // COLUMNS) * PANEL_H
        parts.append(_panel(country, values, starts, step, x0, y0))
    parts.append("</svg>")
    return "".join(parts)


def _label(start: date, months: int) -> str:
    if months == 1:
        return f"{start:%b %Y}"
    if months == 3:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


def _panel(
    name: str, values: dict[date, int], months: list[date], step: int, x0: int, y0: int
) -> str:
    plot_w, plot_h = PANEL_W - LEFT - RIGHT, PANEL_H - TOP - BOTTOM
    peak = max(values.values(), default=0)
    ceiling = nice_ceiling(peak)
    slot = plot_w / len(months)
    bar = max(1.0, slot * 0.8)
    total = sum(values.values())
    parts = [
        f'<g class="panel" transform="translate({x0} {y0})">',
        f'<text x="{LEFT}" y="16" class="panel-title">{escape(name)}</text>',
        f'<text x="{PANEL_W - RIGHT}" y="16" class="panel-total" text-anchor="end">'
        f"{number(total)} killed</text>",
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        'class="baseline"/>',
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP}" y2="{TOP}" class="grid"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" class="tick" text-anchor="end">{number(ceiling)}</text>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h + 4}" class="tick" text-anchor="end">0</text>',
    ]
    for i, month in enumerate(months):
        killed = values.get(month, 0)
        if killed <= 0:
            continue
        h = max(1.0, plot_h * killed / ceiling)
        x = LEFT + i * slot + (slot - bar) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'class="bar"><title>{escape(name)}, {_label(month, step)}: {number(killed)} killed</title>'
            "</rect>"
        )
    for i in {0, len(months) - 1}:
        anchor = "start" if i == 0 else "end"
        x = LEFT if i == 0 else LEFT + plot_w
        parts.append(
            f'<text x="{x:.1f}" y="{PANEL_H - 6}" class="tick" text-anchor="{anchor}">'
            f"{_label(months[i], step)}</text>"
        )
    parts.append("</g>")
    return "".join(parts)
