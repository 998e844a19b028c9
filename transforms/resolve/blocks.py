"""Mention rows read for resolution, and the blocks (a country and a month) they fall in."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlparse

from transforms.extract.dates import as_date as mention_date  # date, datetime or ISO text
from transforms.extract.places import fold
from transforms.resolve.model import RESOLVED_ROLES, TYPE_FAMILY, Mention


def source_of(article: dict) -> str | None:
    """The outlet of an article: its source_name, else the host of its URL."""
    if article.get("source_name"):
        return article["source_name"]
    host = urlparse(article.get("url") or "").hostname
    return host.removeprefix("www.") if host else None


def block_of(country_iso: str | None, event_date) -> tuple[str, str] | None:
    """The block a mention (or an event) belongs to: (country_iso or "", "YYYY-MM")."""
    day = mention_date(event_date)
    return None if day is None else (country_iso or "", month_of(day))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def prepare_mention(row: dict, articles: dict[str, dict], folded: FoldedNames) -> Mention | None:
    get = row.get
    role = get("role")
    if role not in RESOLVED_ROLES:
        return None
    day = get("event_date")
    if type(day) is not date:  # the lake's rows hold dates; anything else goes through as_date
        day = mention_date(day)
        if day is None:
            return None
    precision = get("date_precision") or "day"
    lo, hi = date_window(day, precision) if precision in _WIDE else (day, day)
    sub = get("sub_event_type")
    perpetrator = get("perpetrator")
    admin1 = get("admin1")
    location = get("location")
    geonameid = get("geonameid")
    lat = get("latitude")
    geo_precision = get("geo_precision") or (1 if geonameid or location else None)
    family = TYPE_FAMILY.get(sub, sub) if sub else None
    fine_place = geo_precision == 1 and (geonameid is not None or lat is not None)
    article = articles.get(row["article_id"])
    return Mention(  # positional, in the order of the fields: faster than by keyword
        row,
        row["mention_id"],
        role,
        day,
        lo,
        hi,
        precision,
        folded[admin1] if admin1 else None,
        folded[location] if location else None,  # name
        geonameid,
        lat,
        get("longitude"),
        geo_precision,
        family,
        folded[perpetrator] if perpetrator else None,
        None if article is None else article.get("published_at"),  # reported_at
        None,  # place
        fine_place,
        precision == "day" and fine_place and family is not None,  # core
    )


_WIDE = ("week", "month", "year")  # precisions whose window is more than their day


class FoldedNames(dict):
    """fold() of each name looked up, computed once: names repeat across mentions."""

    def __missing__(self, name: str) -> str:
        self[name] = folded = fold(name)
        return folded


def date_window(day: date, precision: str) -> tuple[date, date]:
    """The days a date of that precision may stand for, clipped to its month (its block)."""
    first = day.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if precision == "week":
        lo, hi = day - timedelta(days=3), day + timedelta(days=3)
    elif precision in ("month", "year"):
        lo, hi = first, last
    else:
        lo = hi = day
    return max(lo, first), min(hi, last)
