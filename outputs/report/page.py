"""The report's page: the summary, the map, the charts and the tables in one HTML file."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from outputs.report.charts import TOP_COUNTRIES, period_name, small_multiples
from outputs.report.eventmap import event_map
from outputs.report.plausibility import share
from outputs.report.scales import number
from outputs.report.tables import flagged_table, top_table


def render(data: dict, generated_at: datetime | None = None) -> str:
    """The HTML page of what gather() read."""
    generated_at = generated_at or datetime.now(UTC)
    flags, events = data["flags"], data["events"]
    flagged_ids = {f.event["event_id"] for f in flags}
    plausible = [e for e in events if e["event_id"] not in flagged_ids]
    return _PAGE.format(
        title="conflict-events report",
        generated=escape(generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        source=escape(data["warehouse"]),
        summary=escape(summary(data["counts"], events, flags)),
        map=event_map(plausible),
        charts=small_multiples(plausible),
        top_countries=TOP_COUNTRIES,
        period=period_name(plausible),
        flagged_note=escape(flagged_note(events, flags)),
        flagged=flagged_table(flags),
        table=top_table(data["top"]),
    )


def summary(counts: dict, events: list[dict], flags: list) -> str:
    killed = sum(e.get("killed") or 0 for e in events)
    text = (
        f"{number(counts['events'])} events resolved from {number(counts['event_mentions'])} "
        f"mentions in {number(counts['articles'])} articles ({number(counts['rejects'])} inputs "
        f"rejected); {number(killed)} killed in all (best estimates)."
    )
    if flags:
        text += f" {flagged_note(events, flags)}; they are listed under “Figures to check”."
    return text


def flagged_note(events: list[dict], flags: list) -> str:
    """What share of the killed the implausible rows make up, in words."""
    flagged, total, fraction = share(flags, events)
    if not flags:
        return "No event's figure is implausible by the rules below"
    return (
        f"{len(flags)} events with implausible figures make up {number(flagged)} of the "
        f"{number(total)} killed ({fraction:.1%})"
    )


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto;
       max-width: 1100px; color: #1c2833; padding: 0 16px; }}
h1 {{ font-size: 24px; margin-bottom: 4px; }} h2 {{ font-size: 18px; margin-top: 32px; }}
.meta {{ color: #566573; }} .empty {{ color: #808b96; font-style: italic; }}
svg {{ width: 100%; height: auto; background: #fff; display: block; }}
.grid {{ stroke: #e5e8e8; stroke-width: 1; }} .baseline {{ stroke: #aeb6bf; stroke-width: 1; }}
.tick {{ font-size: 11px; fill: #566573; }} .legend {{ font-size: 11px; fill: #1c2833; }}
.legend-title {{ font-size: 11px; font-weight: 600; fill: #1c2833; }}
.legend-bg {{ fill: rgba(255, 255, 255, 0.88); stroke: #aeb6bf; }}
.swatch {{ stroke: #7b7d7d; stroke-width: 0.5; }}
.panel-title {{ font-size: 13px; font-weight: 600; fill: #1c2833; }}
.panel-total {{ font-size: 12px; fill: #566573; }}
.bar {{ fill: #c0392b; }}
.sea {{ fill: #dbe9f4; }}
.country {{ fill: #f4f1ea; stroke: #9aa5ad; stroke-width: 0.6; }}
.country.hit {{ stroke: #6e2c00; stroke-width: 0.9; }}
.event {{ fill: rgba(123, 36, 28, 0.55); stroke: #fff; stroke-width: 0.7; }}
.country-name {{ font-size: 12px; font-weight: 600; fill: #4d5656; paint-order: stroke;
                 stroke: rgba(255, 255, 255, 0.8); stroke-width: 3px; letter-spacing: 0.5px; }}
.place {{ font-size: 11px; fill: #1c2833; paint-order: stroke; stroke: #fff; stroke-width: 3px; }}
.credit {{ font-size: 10px; fill: #566573; paint-order: stroke; stroke: rgba(255, 255, 255, 0.8);
          stroke-width: 3px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; }}
th, td {{ border-bottom: 1px solid #d5d8dc; padding: 6px; vertical-align: top; text-align: left; }}
th {{ background: #f4f6f7; }} td.num {{ text-align: right; white-space: nowrap; }}
table.flagged th {{ background: #fdebd0; }} td ul {{ margin: 0; padding-left: 16px; }}
blockquote {{ margin: 0 0 6px; padding-left: 8px; border-left: 3px solid #aeb6bf; }}
cite {{ display: block; color: #566573; font-size: 12px; }}
</style></head>
<body>
<h1>{title}</h1>
<p class="meta">Generated {generated} from <code>{source}</code>.</p>
<p>{summary}</p>
<h2>Map of events</h2>
<p class="meta">Countries are shaded by the number killed there; circle area grows with the number
killed in the event. Hover a country or a circle for its figures.</p>
{map}
<h2>Killed over time, by country</h2>
<p class="meta">One panel a country (the {top_countries} deadliest; the rest summed), one bar a
{period}; each panel has its own scale, so read a panel's peak from its axis.</p>
{charts}
<h2>Figures to check</h2>
<p class="meta">{flagged_note}. Listed here, and left out of the map, the charts and the
deadliest events: a killed figure above a sane cap for one event of its type, or one resting on
a single source and at least ten times any other killed figure in its article.</p>
{flagged}
<h2>Deadliest events and their evidence</h2>
{table}
</body></html>
"""
