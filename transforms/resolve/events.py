"""`events` and `event_revisions` rows from a cluster: ids, date, place, type and figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from hashlib import sha256

from transforms.resolve.figures import FIGURES, revise
from transforms.resolve.model import PRECISION_RANK, Cluster, Mention, mode
from transforms.text import stable_id


def event_ids(block: tuple[str, str], clusters: list[Cluster]) -> list[str]:
    """Ids from what identifies each event (block, window, place, type), not from arrival order.

    Two clusters can only share that identity when a group split by perpetrator; the key then
    carries the perpetrator too, and any remaining tie is broken by the smallest mention id.
    """
    head = "\x1f".join(("event", *block, ""))  # a block is two strings
    ids = [_digest(head + "\x1f".join(map(str, c.key))) for c in clusters]
    if len(set(ids)) == len(ids):
        return ids
    counts = Counter(ids)
    return [
        i if counts[i] == 1 else stable_id(i, min(m.mention_id for m in c.members))
        for i, c in zip(ids, clusters, strict=True)
    ]


def _report_order(mention: Mention) -> tuple:
    at = mention.reported_at
    return (at is None, str(at or ""), mention.row["article_id"], mention.mention_id)


def event_rows(
    event_id: str, cluster: Cluster, articles: dict[str, dict]
) -> tuple[dict, list[dict]]:
    members = cluster.members
    if len(members) == 1:
        return _single_event(event_id, cluster, articles)
    members = sorted(members, key=_report_order)
    rows = [m.row for m in members]
    best_date = min(members, key=_date_rank)
    event = {
        "event_date": best_date.lo if best_date.precision != "day" else best_date.day,
        "date_precision": best_date.precision,
    }
    event |= _place(members)
    for column in ("weapon", "perpetrator"):
        event[column] = mode([r.get(column) for r in rows])
    sub = mode([r.get("sub_event_type") for r in rows])
    typed = next((r for r in rows if r.get("sub_event_type") == sub), None)
    event["sub_event_type"] = sub
    event["event_type"] = (
        typed.get("event_type") if typed else mode([r.get("event_type") for r in rows])
    )
    revisions = []
    state = [None] * 8  # per category: the smallest and largest low, the best, the high
    times = []
    sources = set()
    for number, (article_id, mentions) in enumerate(_by_article(members), start=1):
        # One report per article, in report order; its restatements take the largest bound.
        if len(mentions) == 1:
            row = mentions[0].row
            reported = list(map(row.get, FIGURES))
            mention_ids = [mentions[0].mention_id]
        else:
            rows = [m.row for m in mentions]
            reported = [
                max([v for r in rows if (v := r.get(column)) is not None], default=None)
                for column in FIGURES
            ]
            mention_ids = sorted(m.mention_id for m in mentions)
        reported_at = mentions[0].reported_at
        source_name = articles.get(article_id, {}).get("source_name")
        figures = revise(state, reported)
        revisions.append(
            _revision(event_id, number, article_id, reported_at, source_name, mention_ids, reported)
            | figures
        )
        if reported_at is not None:
            times.append(reported_at)
        sources.add(source_name)
    recalled_by = cluster.recalled_by
    event |= figures
    event["event_id"] = event_id
    event["n_articles"] = len(revisions)
    event["n_sources"] = len(sources - {None}) or 1
    event["first_reported_at"] = min(times, default=None)
    event["last_reported_at"] = max(times, default=None)
    event["mention_ids"] = sorted(m.mention_id for m in members)
    event["historical_mention_ids"] = (
        sorted(m.mention_id for m in recalled_by) if recalled_by else None
    )
    return event, revisions


def _single_event(
    event_id: str, cluster: Cluster, articles: dict[str, dict]
) -> tuple[dict, list[dict]]:
    """What event_rows gives for a cluster of one mention (most of them), built in one go."""
    mention = cluster.members[0]
    row = mention.row
    article_id = row["article_id"]
    get = row.get
    reported = list(map(get, FIGURES))
    figures = revise([None] * 8, reported)
    at = mention.reported_at
    source_name = articles.get(article_id, {}).get("source_name")
    recalled_by = cluster.recalled_by
    revision = _revision(event_id, 1, article_id, at, source_name, [mention.mention_id], reported)
    revision.update(figures)
    event = {
        "event_date": mention.lo if mention.precision != "day" else mention.day,
        "date_precision": mention.precision,
        "location": get("location"),  # the _PLACE_COLUMNS
        "admin1": get("admin1"),
        "country": get("country"),
        "country_iso": get("country_iso"),
        "latitude": get("latitude"),
        "longitude": get("longitude"),
        "geonameid": get("geonameid"),
        "geo_precision": mention.geo_precision,
        "weapon": get("weapon"),
        "perpetrator": get("perpetrator"),
        "sub_event_type": get("sub_event_type"),
        "event_type": get("event_type"),
        **figures,
        "event_id": event_id,
        "n_articles": 1,
        "n_sources": 1,
        "first_reported_at": at,
        "last_reported_at": at,
        "mention_ids": [mention.mention_id],
        "historical_mention_ids": sorted(m.mention_id for m in recalled_by)
        if recalled_by
        else None,
    }
    return event, [revision]


def _revision(
    event_id: str,
    number: int,
    article_id: str,
    at: datetime | None,
    source_name: str | None,
    mention_ids: list[str],
    reported: list,
) -> dict:
    """A revision row without the event's figures after it; `reported` in FIGURES order."""
    return {
        "revision_id": _text_id("revision", event_id, article_id),
        "event_id": event_id,
        "revision": number,
        "reported_at": at,
        "article_id": article_id,
        "source_name": source_name,
        "mention_ids": mention_ids,
        "report_killed_best": reported[1],
        "report_injured_best": reported[4],
    }


def _by_article(members: list[Mention]) -> Iterable[tuple[str, list[Mention]]]:
    """(article_id, its mentions) in the order of the articles' first mentions."""
    by_article: dict[str, list[Mention]] = {}
    for mention in members:
        by_article.setdefault(mention.row["article_id"], []).append(mention)
    return by_article.items()


def _text_id(*parts: str) -> str:
    """stable_id(*parts), without its conversion of each part when all are already text."""
    try:
        joined = "\x1f".join(parts)
    except TypeError:  # None or not text: as stable_id has it
        return stable_id(*parts)
    return _digest(joined)


def _digest(joined: str) -> str:
    """stable_id of parts already joined (transforms/text.py: the ids in the lake rely on it)."""
    return sha256(joined.encode("utf-8")).hexdigest()[:24]


def _date_rank(mention: Mention) -> tuple:
    return (PRECISION_RANK.get(mention.precision, 9), mention.hi - mention.lo)


_PLACE_COLUMNS = ("location", "admin1", "country", "country_iso", "latitude", "longitude")


def _place(members: list[Mention]) -> dict:
    """The most precise place the reports agree on most (ties: the smallest geonameid/name)."""
    ranks = [(m.geo_precision or 9, m.lat is None) for m in members]
    finest = min(ranks)
    candidates = [m for m, rank in zip(members, ranks, strict=True) if rank == finest]
    keys = [(m.row.get("geonameid"), m.row.get("location")) for m in candidates]
    if len(set(keys)) == 1:  # one place among the finest: its first report
        chosen = candidates[0]
    else:
        counts: dict = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        chosen_key = min(counts, key=lambda k: (-counts[k], str(k)))
        chosen = candidates[keys.index(chosen_key)]
    row = chosen.row
    place = {c: row.get(c) for c in _PLACE_COLUMNS}
    place["geonameid"] = row.get("geonameid")
    place["geo_precision"] = chosen.geo_precision
    if place["country"] is None:
        place["country"] = mode([m.row.get("country") for m in members])
    return place
