"""Merging mentions of the same real event into one `events` row (UCDP-style low/best/high).

How mentions become events, inside one *block* (a country and a calendar month; no event spans
two blocks, so a block can be resolved on its own and only blocks with new mentions are redone;
the price is that a date window never reaches into the next month, so "in 2023" only matches
events of the month its date falls in):

1. **Core clusters.** `reported`/`other` mentions with a day date, a town (geo_precision 1) and a
   known type family are grouped by (day, place, type family). Places closer than
   `same_place_km` are one place (two gazetteer entries for one spot), and so are places of the
   same name in one admin1 within `same_name_km` (one town, two gazetteers' coordinates for
   it). When a group names more than one perpetrator it splits by perpetrator; mentions naming
   none join the largest part.
   Clusters of one day and type that name the same perpetrator join up to `same_actor_km`
   apart. Grouping by keys, not by chains of pairwise links, means a vague mention can never
   glue two events together.
2. **Attachment.** Every other event mention (a month or week date, a "near" place, a region or
   a country, no type) joins the one core cluster that fits it best: the date falls in its
   window, the place matches (same town, within `near_km` for "near X", same admin1 for a
   region), types and perpetrators do not conflict. A tie between two clusters attaches it to
   neither. A mention dated to its own article's publication day that fits no cluster at all
   may join one of the day before ("overnight" read against the publication date), if it
   fits one best. Mentions left over group by their exact (window, place, type) key; those
   placed only in a region or a country group within their own article only, and a village
   the gazetteer lacks, placed "near" its town, groups only with reports naming it alike.
3. **Historical** mentions link to the event they recall by the same test, and never change its
   figures.

Everything is a function of the *set* of mentions, so the result, event ids included, does not
depend on the order in which articles arrived, and resolving one block again with more mentions
gives what resolving everything from scratch would.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from hashlib import sha256
from operator import attrgetter
from urllib.parse import urlparse

from transforms.extract.dates import as_date as mention_date  # date, datetime or ISO text
from transforms.extract.places import fold, gazetteer
from transforms.text import stable_id

EVENT_ROLES = ("reported", "other")
RESOLVED_ROLES = (*EVENT_ROLES, "historical")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

# Sub-event types that news reports use for the same event, folded into one family.
TYPE_FAMILY = {
    "Air/drone strike": "remote",
    "Shelling/artillery/missile attack": "remote",
    "Chemical weapon": "remote",
    "Suicide bomb": "bombing",
    "Remote explosive/landmine/IED": "bombing",
    "Grenade": "bombing",
    "Armed clash": "battle",
    "Government regains territory": "battle",
    "Non-state actor overtakes territory": "battle",
    "Attack": "attack",
    "Sexual violence": "sexual_violence",
    "Abduction/forced disappearance": "abduction",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "riot",
    "Mob violence": "riot",
}


@dataclass(frozen=True)
class ResolveConfig:
    same_place_km: float = 2.0  # two towns closer than this are one place
    near_km: float = 25.0  # "near X" (geo_precision 2) matches an event this close to X
    same_actor_km: float = 2.5  # same day and type, and both name the same perpetrator
    # Two reports naming the same town may carry coordinates from different gazetteers (a
    # coder's point vs GeoNames' centroid: Sinjar is 3.2 km apart in the two).
    same_name_km: float = 10.0
    overnight_slack: bool = True  # see _attach


DEFAULT_CONFIG = ResolveConfig()


@dataclass
class Resolution:
    events: list[dict] = field(default_factory=list)
    revisions: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class _Mention:
    row: dict
    mention_id: str
    role: str
    day: date
    lo: date
    hi: date
    precision: str
    admin1: str | None
    name: str | None  # folded location name
    geonameid: int | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    family: str | None
    perpetrator: str | None
    reported_at: datetime | None
    place: str | None = None  # place component, filled per day
    # Set by _prepare from the fields above, which never change:
    fine_place: bool = False  # a town: geo_precision 1 with a geonameid or coordinates
    core: bool = False  # a town, a day date and a type family: it can seed a core cluster
    key: str | None = None  # a town's _place_key, filled by _assign_places


class _Cluster:
    __slots__ = (
        *("key", "members", "recalled_by"),
        # from the members, by refresh():
        *("day", "lo", "hi", "geonameids", "places", "coords", "admin1", "family", "perpetrator"),
    )

    def __init__(self, key: tuple, members: list[_Mention]) -> None:
        self.key = key
        self.members = members
        self.recalled_by: list[_Mention] = []
        self.refresh()

    def refresh(self) -> None:
        members = self.members
        if len(members) == 1:  # most clusters: the same values as below, without the passes
            m = members[0]
            self.day = m.day if self.key[0] == "core" else None
            self.lo, self.hi = m.lo, m.hi
            self.geonameids = set() if m.geonameid is None else {m.geonameid}
            self.places = set() if m.place is None else {m.place}
            self.coords = None if m.lat is None else (m.lat, m.lon)
            self.admin1, self.family, self.perpetrator = m.admin1, m.family, m.perpetrator
            return
        self.day = members[0].day if self.key[0] == "core" else None
        self.lo = min(m.lo for m in members)
        self.hi = max(m.hi for m in members)
        self.geonameids = {m.geonameid for m in members if m.geonameid is not None}
        self.places = {m.place for m in members if m.place is not None}
        placed = [m for m in members if m.lat is not None and m.geo_precision == 1]
        placed = placed or [m for m in members if m.lat is not None]
        self.coords = (placed[0].lat, placed[0].lon) if placed else None
        self.admin1 = _mode([m.admin1 for m in members])
        self.family = _mode([m.family for m in members])
        self.perpetrator = _mode([m.perpetrator for m in members])


# --------------------------------------------------------------------------- blocks


def source_of(article: dict) -> str | None:
    """The outlet of an article: its source_name, else the host of its URL."""
    if article.get("source_name"):
        return article["source_name"]
    host = urlparse(article.get("url") or "").hostname
    return host.removeprefix("www.") if host else None


def block_of(country_iso: str | None, event_date) -> tuple[str, str] | None:
    """The block a mention (or an event) belongs to: (country_iso or "", "YYYY-MM")."""
    day = mention_date(event_date)
    return None if day is None else (country_iso or "", _month(day))


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# --------------------------------------------------------------------------- resolution


def resolve_events(
    mentions: Iterable[dict], articles: dict[str, dict], config: ResolveConfig = DEFAULT_CONFIG
) -> list[dict]:
    """`events` rows from mention rows; `articles` maps article_id -> {source_name, published_at}."""
    return resolve(mentions, articles, config).events


def resolve(
    mentions: Iterable[dict], articles: dict[str, dict], config: ResolveConfig = DEFAULT_CONFIG
) -> Resolution:
    """Events, their revisions and the mention -> event assignments, block by block."""
    blocks: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    folded = _Folded()
    months: dict[date, str] = {}
    for row in mentions:
        mention = _prepare(row, articles, folded)
        if mention is not None:
            day = mention.day
            month = months.get(day)
            if month is None:
                month = months[day] = _month(day)
            blocks[(row.get("country_iso") or "", month)].append(mention)
    result = Resolution()
    for block in sorted(blocks):
        _resolve_block(block, blocks[block], articles, config, result)
    return result


def _prepare(row: dict, articles: dict[str, dict], folded: _Folded) -> _Mention | None:
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
    return _Mention(  # positional, in the order of the fields: faster than by keyword
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


class _Folded(dict):
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


def _resolve_block(
    block: tuple[str, str],
    mentions: list[_Mention],
    articles: dict[str, dict],
    config: ResolveConfig,
    result: Resolution,
) -> None:
    mentions.sort(key=attrgetter("mention_id"))
    eventish = []
    historical = []
    for m in mentions:
        (historical if m.role == "historical" else eventish).append(m)
    _assign_places(eventish, config)
    clusters = _join_same_actor(_core_clusters([m for m in eventish if m.core]), config)
    leftovers: dict[tuple, list[_Mention]] = defaultdict(list)
    grown: dict[int, _Cluster] = {}
    index = _Index(clusters, config) if clusters else None  # none: nothing to attach to
    for mention in eventish:
        if mention.core:
            continue
        target = None if index is None else _attach(mention, index, config)
        if target is None:
            leftovers[_coarse_key(mention)].append(mention)
        else:
            target.members.append(mention)
            grown[id(target)] = target
    for cluster in grown.values():
        cluster.refresh()
    if len(leftovers) == 1:
        clusters += [_Cluster(key, members) for key, members in leftovers.items()]
    elif leftovers:
        clusters += [
            _Cluster(key, members)
            for key, members in sorted(leftovers.items(), key=lambda kv: str(kv[0]))
        ]
    if historical:
        # The candidates of a recalled event: the clusters whose window meets its window.
        by_day: dict[date, list[_Cluster]] = defaultdict(list)
        wide = []
        for cluster in clusters:
            if cluster.lo == cluster.hi:
                by_day[cluster.lo].append(cluster)
            else:
                wide.append(cluster)
        for mention in historical:
            lo, hi = mention.lo, mention.hi
            candidates = [c for c in wide if c.lo <= hi and lo <= c.hi]
            candidates += [c for day, on_day in by_day.items() if lo <= day <= hi for c in on_day]
            target = _best_cluster(mention, candidates, config)
            if target is not None:
                target.recalled_by.append(mention)
    country, month = block
    events, revisions, assignments = result.events, result.revisions, result.assignments
    for cluster, event_id in zip(clusters, _event_ids(block, clusters), strict=True):
        event, event_revisions = _event(event_id, cluster, articles)
        events.append(event)
        revisions.extend(event_revisions)
        for mention in cluster.members:
            assignments.append(
                {
                    "mention_id": mention.mention_id,
                    "event_id": event_id,
                    "link": "member",
                    "block_country": country,
                    "block_month": month,
                }
            )
        for mention in cluster.recalled_by:
            assignments.append(_assignment(mention, event_id, "recalls", block))
    if historical:
        unlinked = {m.mention_id for m in historical} - {
            m.mention_id for c in clusters for m in c.recalled_by
        }
        for mention in historical:
            if mention.mention_id in unlinked:
                assignments.append(_assignment(mention, None, "recalls", block))


def _assignment(mention: _Mention, event_id: str | None, link: str, block) -> dict:
    return {
        "mention_id": mention.mention_id,
        "event_id": event_id,
        "link": link,
        "block_country": block[0],
        "block_month": block[1],
    }


def _assign_places(mentions: list[_Mention], config: ResolveConfig) -> None:
    """Give each town mention a place component: towns within same_place_km on one day are one,
    and so are towns of one name within same_name_km."""
    towns = [m for m in mentions if m.fine_place]
    if not towns:
        return
    by_day: dict[date, dict[str, _Mention]] = defaultdict(dict)
    named: dict[date, set[tuple[str, str]]] = defaultdict(set)
    counts: dict[tuple[date, str], int] = {}
    for mention in towns:
        mention.key = key = _place_key(mention)
        by_day[mention.day].setdefault(key, mention)
        if mention.name:
            named[mention.day].add((mention.name, key))
        counts[(mention.day, key)] = counts.get((mention.day, key), 0) + 1
    parents: dict[date, dict[str, str]] = {}
    for day, places in by_day.items():
        parent = parents[day] = {key: key for key in places}
        if len(places) == 1:  # one place that day: nothing to join it with
            continue
        ordered = sorted(
            (m.lat, key) for key, m in places.items() if m.lat is not None and m.lon is not None
        )
        window = config.same_place_km / 111.0
        for i, (lat, key) in enumerate(ordered):
            for lat2, key2 in ordered[i + 1 :]:
                if lat2 - lat > window:
                    break
                if _km(places[key], places[key2]) <= config.same_place_km:
                    _union(parent, key, key2)
        for a, b in _same_named(places, named[day], config.same_name_km):
            _union(parent, a, b)
    # A component is named after its most reported place (ties: the smallest key), so a new
    # report from a neighbouring gazetteer entry does not rename it (and change its event id).
    names: dict[tuple[date, str], str] = {}
    for (day, key), count in sorted(counts.items()):
        root = (day, _find(parents[day], key))
        best = names.get(root)
        if best is None or count > counts[(day, best)]:
            names[root] = key
    for mention in towns:
        mention.place = names[(mention.day, _find(parents[mention.day], mention.key))]


def _same_named(
    places: dict[str, _Mention], named: set[tuple[str, str]], max_km: float
) -> Iterable[tuple[str, str]]:
    """Pairs of place keys reported under one name, admin1s not in conflict, within max_km.

    `named` holds every (folded name, place key) of the day, so a place reported under two
    names can pair under either, whichever mention came first."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for name, key in named:
        if places[key].lat is not None and places[key].lon is not None:
            by_name[name].add(key)
    for keys in by_name.values():
        for a, b in itertools.combinations(sorted(keys), 2):
            regions = {places[a].admin1, places[b].admin1} - {None}
            if len(regions) <= 1 and _km(places[a], places[b]) <= max_km:
                yield a, b


def _place_key(mention: _Mention) -> str:
    if mention.geonameid is not None:
        return f"g{mention.geonameid}"
    return f"c{mention.lat:.3f},{mention.lon:.3f}"


def _find(parent: dict, key):
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict, a, b) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _core_clusters(core: list[_Mention]) -> list[_Cluster]:
    groups: dict[tuple, list[_Mention]] = defaultdict(list)
    for mention in core:
        groups[(mention.day, mention.place, mention.family)].append(mention)
    clusters = []
    for (day, place, family), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        if len({m.perpetrator for m in members if m.perpetrator}) <= 1:
            clusters.append(_Cluster(("core", day, place, family, None), members))
            continue
        perpetrators = Counter(m.perpetrator for m in members if m.perpetrator)
        largest = min(perpetrators, key=lambda p: (-perpetrators[p], p))
        for perpetrator in sorted(perpetrators):
            part = [
                m
                for m in members
                if m.perpetrator == perpetrator
                or (m.perpetrator is None and perpetrator == largest)
            ]
            # The largest part keeps the group's key (and id) when a minority view arrives.
            named = None if perpetrator == largest else perpetrator
            clusters.append(_Cluster(("core", day, place, family, named), part))
    return clusters


def _join_same_actor(clusters: list[_Cluster], config: ResolveConfig) -> list[_Cluster]:
    """Compatible perpetrators strengthen a match: clusters of one day and type family that
    name the same perpetrator join when within same_actor_km (beyond same_place_km)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        if cluster.perpetrator and cluster.coords:
            groups[(cluster.day, cluster.family, cluster.perpetrator)].append(index)
    if all(len(indexes) < 2 for indexes in groups.values()):
        return clusters  # nothing to join
    parent = {i: i for i in range(len(clusters))}
    for indexes in groups.values():
        for a, b in itertools.combinations(indexes, 2):
            coords = clusters[b].coords
            if haversine_km(*clusters[a].coords, *coords) <= config.same_actor_km:
                _union(parent, a, b)
    joined: dict[int, list[_Mention]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        joined[_find(parent, index)].extend(cluster.members)
    if len(joined) == len(clusters):
        return clusters
    return [_Cluster(clusters[root].key, members) for root, members in sorted(joined.items())]


def _coarse_key(mention: _Mention) -> tuple:
    if mention.fine_place:
        place = mention.place or _place_key(mention)
    elif mention.geonameid is not None and mention.geo_precision != 3:
        place = f"near:g{mention.geonameid}"
        if _own_place(mention):
            # "Kan Thit village (Khin-U township)": a place the gazetteer lacks, located by its
            # town; another such village of that town is another place.
            place += f":{mention.name}"
    else:
        # A region or a country holds many events a day: reports that place an event no
        # closer than that are not merged with other articles' (ACLED's conservative coding).
        region = f"admin1:{mention.admin1}" if mention.admin1 else "country"
        place = f"{region}:article:{mention.row['article_id']}"
    return ("coarse", mention.lo, mention.hi, place, mention.family, mention.perpetrator)


def _own_place(mention: _Mention) -> bool:
    """A place placed near a town (geo_precision 2) under a name that is none of that town's
    names: a village or area the gazetteer lacks, located by its town or township."""
    if mention.geo_precision != 2 or mention.name is None or mention.geonameid is None:
        return False
    return not _names_town(mention.name, mention.geonameid)


@functools.lru_cache(maxsize=65_536)
def _names_town(name: str, geonameid: int) -> bool:
    """Whether a folded place name is a name (or alternate name) of that gazetteer town."""
    gaz = gazetteer()
    return any(gaz.geonameid[row] == geonameid for row in gaz.cities_of_key(name))


class _Index:
    """Core clusters by day, and by town and map cell, to find a mention's candidates fast."""

    def __init__(self, clusters: list[_Cluster], config: ResolveConfig) -> None:
        self.cell = max(config.near_km, config.same_place_km, config.same_actor_km) / 111.0
        self.by_day: dict[date, list[_Cluster]] = defaultdict(list)
        self.by_cell: dict[tuple[int, int], list[_Cluster]] = defaultdict(list)
        self.by_geonameid: dict[int, list[_Cluster]] = defaultdict(list)
        for cluster in clusters:
            self.by_day[cluster.day].append(cluster)
            if cluster.coords:
                self.by_cell[self._cell(*cluster.coords)].append(cluster)
            for geonameid in cluster.geonameids:
                self.by_geonameid[geonameid].append(cluster)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.cell), math.floor(lon / self.cell))

    def candidates(self, mention: _Mention, days_earlier: int = 0) -> Iterable[_Cluster]:
        """Clusters in the mention's date window (from days_earlier before) that could be at
        its place."""
        lo, hi = mention.lo - timedelta(days=days_earlier), mention.hi
        days = [day for day in self.by_day if lo <= day <= hi]  # a block has at most 31
        if not days:
            return ()
        if mention.lat is None or mention.lon is None or mention.geo_precision not in (1, 2):
            return [c for day in days for c in self.by_day[day]]
        row, column = self._cell(mention.lat, mention.lon)
        shrink = max(math.cos(math.radians(min(abs(mention.lat), 89.0))), 0.01)
        span = math.ceil(1 / shrink)  # cells are narrower in km away from the equator
        nearby = [
            c
            for r in (row - 1, row, row + 1)
            for k in range(column - span, column + span + 1)
            for c in self.by_cell.get((r, k), ())
        ]
        nearby += self.by_geonameid.get(mention.geonameid, ())
        return (c for c in nearby if lo <= c.day <= hi)


def _attach(mention: _Mention, index: _Index, config: ResolveConfig) -> _Cluster | None:
    """The core cluster a non-core mention joins, or None.

    A report dated to its own publication day may describe the night before ("overnight",
    "last night" read against the publication date). So when such a mention fits no cluster
    at all (not when two tie), it may join the previous day's; the match must still be the
    single best fit. Other dates get no slack: in a busy region a strike with no same-day
    match is more often another strike than a date off by one.
    """
    scored = _fits(mention, index.candidates(mention), config)
    if not scored and config.overnight_slack and _dated_to_publication_day(mention):
        scored = _fits(mention, index.candidates(mention, days_earlier=1), config)
    return _single_best(scored)


def _dated_to_publication_day(mention: _Mention) -> bool:
    at = mention.reported_at
    if mention.precision != "day" or at is None:
        return False
    published = at.date() if isinstance(at, datetime) else mention_date(at)
    return published == mention.day


def _best_cluster(mention: _Mention, candidates: Iterable[_Cluster], config: ResolveConfig):
    """The one cluster this mention fits best, or None when none fits or two fit equally."""
    return _single_best(_fits(mention, candidates, config))


def _fits(
    mention: _Mention, candidates: Iterable[_Cluster], config: ResolveConfig
) -> list[tuple[int, _Cluster]]:
    """(score, cluster) for each distinct candidate the mention could belong to."""
    scored: dict[int, tuple[int, _Cluster]] = {}
    for cluster in candidates:
        if id(cluster) not in scored:
            score = _fit(mention, cluster, config)
            if score is not None:
                scored[id(cluster)] = (score, cluster)
    return list(scored.values())


def _single_best(scored: list[tuple[int, _Cluster]]) -> _Cluster | None:
    if len(scored) <= 1:
        return scored[0][1] if scored else None
    ranked = sorted((s for s, _ in scored), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return next(c for s, c in scored if s == ranked[0])


def _fit(mention: _Mention, cluster: _Cluster, config: ResolveConfig) -> int | None:
    """How well a mention fits a cluster (higher is better), or None when it cannot belong."""
    if mention.family and cluster.family and mention.family != cluster.family:
        return None
    if mention.perpetrator and cluster.perpetrator and mention.perpetrator != cluster.perpetrator:
        return None
    score = 0
    if mention.fine_place:
        same_town = (mention.geonameid is not None and mention.geonameid in cluster.geonameids) or (
            mention.place is not None and mention.place in cluster.places
        )
        if not same_town and _km_to(mention, cluster.coords) > config.same_place_km:
            return None
        score += 4
    elif mention.lat is not None and mention.geo_precision == 2:
        if _km_to(mention, cluster.coords) > config.near_km:
            return None
        score += 2
    elif mention.admin1 is not None:
        if mention.admin1 != cluster.admin1:
            return None
        score += 1
    if mention.perpetrator and mention.perpetrator == cluster.perpetrator:
        score += 2
    if mention.family and mention.family == cluster.family:
        score += 1
    if mention.lo == mention.hi == cluster.lo:
        score += 1
    return score


def _km(a: _Mention, b: _Mention) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _km_to(a: _Mention, coords: tuple[float, float] | None) -> float:
    if a.lat is None or a.lon is None or coords is None:
        return math.inf
    return haversine_km(a.lat, a.lon, *coords)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _mode(values: list) -> object:
    """The most frequent non-null value; ties go to the smallest, so the answer is order-free."""
    distinct = set(values)
    distinct.discard(None)
    if len(distinct) <= 1:  # most often: the first value that is not None, without counting
        for value in values:
            if value is not None:
                return value
        return None
    counts: dict = {}
    for value in values:
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    if len(counts) <= 1:
        return next(iter(counts), None)
    return min(counts, key=lambda v: (-counts[v], str(v)))


# --------------------------------------------------------------------------- event rows


def _event_ids(block: tuple[str, str], clusters: list[_Cluster]) -> list[str]:
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


def _report_order(mention: _Mention) -> tuple:
    at = mention.reported_at
    return (at is None, str(at or ""), mention.row["article_id"], mention.mention_id)


def _event(event_id: str, cluster: _Cluster, articles: dict[str, dict]) -> tuple[dict, list[dict]]:
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
        event[column] = _mode([r.get(column) for r in rows])
    sub = _mode([r.get("sub_event_type") for r in rows])
    typed = next((r for r in rows if r.get("sub_event_type") == sub), None)
    event["sub_event_type"] = sub
    event["event_type"] = (
        typed.get("event_type") if typed else _mode([r.get("event_type") for r in rows])
    )
    revisions = []
    state = [None] * 8  # per category: the smallest and largest low, the best, the high
    times = []
    sources = set()
    for number, (article_id, mentions) in enumerate(_by_article(members), start=1):
        # One report per article, in report order; its restatements take the largest bound.
        if len(mentions) == 1:
            row = mentions[0].row
            reported = list(map(row.get, _FIGURES))
            mention_ids = [mentions[0].mention_id]
        else:
            rows = [m.row for m in mentions]
            reported = [
                max([v for r in rows if (v := r.get(column)) is not None], default=None)
                for column in _FIGURES
            ]
            mention_ids = sorted(m.mention_id for m in mentions)
        reported_at = mentions[0].reported_at
        source_name = articles.get(article_id, {}).get("source_name")
        figures = _revise(state, reported)
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
    event_id: str, cluster: _Cluster, articles: dict[str, dict]
) -> tuple[dict, list[dict]]:
    """What _event gives for a cluster of one mention (most of them), built in one go."""
    mention = cluster.members[0]
    row = mention.row
    article_id = row["article_id"]
    get = row.get
    reported = list(map(get, _FIGURES))
    figures = _revise([None] * 8, reported)
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
    """A revision row without the event's figures after it; `reported` in _FIGURES order."""
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


def _by_article(members: list[_Mention]) -> Iterable[tuple[str, list[_Mention]]]:
    """(article_id, its mentions) in the order of the articles' first mentions."""
    by_article: dict[str, list[_Mention]] = {}
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


def _date_rank(mention: _Mention) -> tuple:
    return (PRECISION_RANK.get(mention.precision, 9), mention.hi - mention.lo)


_PLACE_COLUMNS = ("location", "admin1", "country", "country_iso", "latitude", "longitude")


def _place(members: list[_Mention]) -> dict:
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
        place["country"] = _mode([m.row.get("country") for m in members])
    return place


_FIGURES = tuple(
    f"{category}_{bound}" for category in ("killed", "injured") for bound in ("low", "best", "high")
)
# (first slot in the state, first figure in _FIGURES, the three figure names) per category
_REVISE_SLOTS = tuple(
    (4 * i, 3 * i, f"{category}_low", f"{category}_best", f"{category}_high")
    for i, category in enumerate(("killed", "injured"))
)


def revised_figures(reports: list[dict]) -> list[dict]:
    """The event's figures after each report (reports in report order), in one pass."""
    state = [None] * 8
    return [_revise(state, [report.get(column) for column in _FIGURES]) for report in reports]


def _revise(state: list, reported: list) -> dict:
    """The figures after one more report: `reported` holds its figures in _FIGURES order,
    `state` (updated) the smallest and largest low, the best and the high of each category."""
    figures = {}
    for slot, first, low_key, best_key, high_key in _REVISE_SLOTS:
        min_low, max_low, best, high = state[slot : slot + 4]
        low, new_best, new_high = reported[first : first + 3]
        if low is not None:
            min_low = low if min_low is None else min(min_low, low)
            max_low = low if max_low is None else max(max_low, low)
        best = new_best if new_best is not None else best
        for value in (new_high, new_best):
            if value is not None:
                high = value if high is None else max(high, value)
        state[slot : slot + 4] = min_low, max_low, best, high
        figures[low_key] = min_low
        figures[best_key] = max(best, max_low or 0) if best is not None else max_low
        figures[high_key] = high
    return figures


_BOUNDS = ("low", "best", "high")


def combine_figures(reports: list[dict], category: str) -> dict:
    """UCDP-style figures of an event from its reports, which must be in report order.

    low: the lowest credible lower bound; best: the latest report's figure, never below the
    largest at-least (lower bound); high: the highest figure reported.
    """
    if not reports:
        return {f"{category}_{b}": None for b in _BOUNDS}
    last = revised_figures(reports)[-1]
    return {f"{category}_{b}": last[f"{category}_{b}"] for b in _BOUNDS}
