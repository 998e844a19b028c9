"""Where mentions are: distances, one place for nearby towns of a day, and the keys by place."""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from transforms.extract.places.town_names import names_town
from transforms.resolve.model import Mention, ResolveConfig

EARTH_RADIUS_KM = 6371.0088  # the mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def km_between(a: Mention, b: Mention) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def km_to(a: Mention, coords: tuple[float, float] | None) -> float:
    if a.lat is None or a.lon is None or coords is None:
        return math.inf
    return haversine_km(a.lat, a.lon, *coords)


def find_root(parent: dict, key):
    """Union-find over place keys (and cluster indexes): the root of key's set."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def union(parent: dict, a, b) -> None:
    ra, rb = find_root(parent, a), find_root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def assign_places(mentions: list[Mention], config: ResolveConfig) -> None:
    """Give each town mention a place component: towns within same_place_km on one day are one,
    and so are towns of one name within same_name_km."""
    towns = [m for m in mentions if m.fine_place]
    if not towns:
        return
    by_day: dict[date, dict[str, Mention]] = defaultdict(dict)
    named: dict[date, set[tuple[str, str]]] = defaultdict(set)
    counts: dict[tuple[date, str], int] = {}
    for mention in towns:
        mention.key = key = place_key(mention)
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
                if km_between(places[key], places[key2]) <= config.same_place_km:
                    union(parent, key, key2)
        for a, b in _same_named(places, named[day], config.same_name_km):
            union(parent, a, b)
    # A component is named after its most reported place (ties: the smallest key), so a new
    # report from a neighbouring gazetteer entry does not rename it (and change its event id).
    names: dict[tuple[date, str], str] = {}
    for (day, key), count in sorted(counts.items()):
        root = (day, find_root(parents[day], key))
        best = names.get(root)
        if best is None or count > counts[(day, best)]:
            names[root] = key
    for mention in towns:
        mention.place = names[(mention.day, find_root(parents[mention.day], mention.key))]


def _same_named(
    places: dict[str, Mention], named: set[tuple[str, str]], max_km: float
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
            if len(regions) <= 1 and km_between(places[a], places[b]) <= max_km:
                yield a, b


def place_key(mention: Mention) -> str:
    if mention.geonameid is not None:
        return f"g{mention.geonameid}"
    return f"c{mention.lat:.3f},{mention.lon:.3f}"


def coarse_key(mention: Mention) -> tuple:
    if mention.fine_place:
        place = mention.place or place_key(mention)
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


def _own_place(mention: Mention) -> bool:
    """A place placed near a town (geo_precision 2) under a name that is none of that town's
    names: a village or area the gazetteer lacks, located by its town or township."""
    if mention.geo_precision != 2 or mention.name is None or mention.geonameid is None:
        return False
    return not _names_town(mention.name, mention.geonameid)


@functools.lru_cache(maxsize=65_536)
def _names_town(name: str, geonameid: int) -> bool:
    """Whether a folded place name is a name (or alternate name) of that gazetteer town."""
    return names_town(name, geonameid)
