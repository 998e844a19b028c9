"""Merging mentions of the same real event into one `events` row (UCDP-style low/best/high)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from transforms.text import stable_id

EVENT_ROLES = ("reported", "other")
_COPIED = (
    "event_date",
    "date_precision",
    "location",
    "admin1",
    "country",
    "country_iso",
    "latitude",
    "longitude",
    "event_type",
    "sub_event_type",
    "weapon",
    "perpetrator",
)


def event_key(mention: dict) -> tuple:
    """Mentions with the same date, place and event type describe the same event."""
    place = mention.get("geonameid") or mention.get("location") or mention.get("country_iso")
    kind = mention.get("sub_event_type") or mention.get("event_type")
    return (str(mention.get("event_date")), mention.get("date_precision"), place, kind)


def resolve_events(mentions: Iterable[dict], articles: dict[str, dict]) -> list[dict]:
    """`events` rows from mention rows; `articles` maps article_id -> {source_name, published_at}."""
    clusters: dict[tuple, list[dict]] = defaultdict(list)
    for mention in mentions:
        if mention.get("role") in EVENT_ROLES and mention.get("event_date") is not None:
            clusters[event_key(mention)].append(mention)
    return [_event(key, members, articles) for key, members in sorted(clusters.items(), key=str)]


def _event(key: tuple, members: list[dict], articles: dict[str, dict]) -> dict:
    def reported_at(m: dict):
        return articles.get(m["article_id"], {}).get("published_at")

    members = sorted(members, key=lambda m: (str(reported_at(m) or ""), m["mention_id"]))
    first = members[0]
    event = {column: first.get(column) for column in _COPIED}
    for category in ("killed", "injured"):
        event |= combine_figures(members, category)
    times = [t for t in map(reported_at, members) if t is not None]
    sources = {articles.get(m["article_id"], {}).get("source_name") for m in members}
    return event | {
        "event_id": stable_id("event", *key),
        "n_articles": len({m["article_id"] for m in members}),
        "n_sources": len(sources - {None}) or 1,
        "first_reported_at": min(times, default=None),
        "last_reported_at": max(times, default=None),
        "mention_ids": sorted(m["mention_id"] for m in members),
    }


def combine_figures(members: list[dict], category: str) -> dict:
    """low: lowest credible lower bound; best: latest report, never below the largest at-least;
    high: highest figure reported. `members` must be in report order."""
    lows = [m[f"{category}_low"] for m in members if m.get(f"{category}_low") is not None]
    bests = [m[f"{category}_best"] for m in members if m.get(f"{category}_best") is not None]
    highs = [m[f"{category}_high"] for m in members if m.get(f"{category}_high") is not None]
    best = max(bests[-1], max(lows, default=0)) if bests else None
    return {
        f"{category}_low": min(lows, default=None),
        f"{category}_best": best,
        f"{category}_high": max(highs + bests, default=None) if highs or bests else None,
    }
