"""Which events' killed figures to show apart, and why.

Two rules, either enough:
- above the cap: the best figure is above a sane cap for one event of its type
  (outputs/data/plausibility_caps.tsv), as a war-wide total read as a strike's toll would be;
- lone outlier: the best figure rests on one source and is at least RATIO times the largest
  other killed figure its articles give (and at least MIN_KILLED), as a number from the page
  furniture ("Get short URL 9427") beside the article's real toll would be.
Flagged events are listed with their evidence and left out of the charts, the map and the
deadliest-events table, so one wrong row cannot hide all the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from outputs.report.scales import number
from transforms.lexicons import parse_table

RATIO = 10  # an order of magnitude above everything else the article says
MIN_KILLED = 50  # below this, "10 killed" beside "1 injured" is ordinary, not suspect
ANY_TYPE = "*"


@dataclass(frozen=True)
class Flag:
    event: dict
    reasons: tuple[str, ...]


@cache
def caps() -> dict[str, int]:
    """event_type -> the largest plausible killed figure for one event (`*`: any other)."""
    text = resources.files("outputs").joinpath("data", "plausibility_caps.tsv").read_text("utf-8")
    return {kind: int(cap) for kind, cap in parse_table(text, 2, "plausibility_caps.tsv")}


def cap_for(event_type: str | None, table: dict[str, int] | None = None) -> int:
    table = table if table is not None else caps()
    return table.get(event_type or "", table[ANY_TYPE])


def reasons(event: dict, table: dict[str, int] | None = None) -> tuple[str, ...]:
    """Why the event's killed figure is implausible; empty when it is not."""
    killed = event.get("killed") or 0
    found = []
    cap = cap_for(event.get("event_type"), table)
    if killed > cap:
        kind = f" of {event['event_type']}" if event.get("event_type") else ""
        found.append(f"above the cap of {number(cap)} for one event{kind}")
    other = event.get("other_killed_max")
    lone = (event.get("n_sources") or 1) <= 1 and killed >= MIN_KILLED
    if lone and other and killed >= RATIO * other:
        found.append(
            f"one source, and {killed / other:,.0f}× the largest other figure in its "
            f"article ({number(other)})"
        )
    return tuple(found)


def assess(events: list[dict], table: dict[str, int] | None = None) -> list[Flag]:
    """The implausible events, deadliest first, each with its reasons."""
    flags = [Flag(e, why) for e in events if (why := reasons(e, table))]
    return sorted(flags, key=lambda f: (-(f.event.get("killed") or 0), f.event["event_id"]))


def share(flags: list[Flag], events: list[dict]) -> tuple[int, int, float]:
    """(killed in flagged events, killed in all events, the flagged share of that sum)."""
    flagged = sum(f.event.get("killed") or 0 for f in flags)
    total = sum(e.get("killed") or 0 for e in events)
    return flagged, total, (flagged / total if total else 0.0)
