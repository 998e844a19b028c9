"""How well a mention fits a cluster, and the one cluster it joins (none on a tie)."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from transforms.extract.dates import as_date as mention_date  # date, datetime or ISO text
from transforms.resolve.model import Cluster, Mention, ResolveConfig
from transforms.resolve.places import EARTH_RADIUS_KM, km_to


class PlaceIndex:
    """Clusters by latitude, town, place and admin1: for a mention, a list of clusters that
    holds every one whose place passes `_fit`'s place test, to try those alone."""

    def __init__(self, clusters: list[Cluster], config: ResolveConfig) -> None:
        self.config = config
        placed = sorted((c.coords[0], n) for n, c in enumerate(clusters) if c.coords)
        self.latitudes = [lat for lat, _ in placed]
        self.by_latitude = [clusters[n] for _, n in placed]
        self.by_geonameid: dict[int, list[Cluster]] = defaultdict(list)
        self.by_place: dict[str, list[Cluster]] = defaultdict(list)
        self.by_admin1: dict[str, list[Cluster]] = defaultdict(list)
        for cluster in clusters:
            for geonameid in cluster.geonameids:
                self.by_geonameid[geonameid].append(cluster)
            for place in cluster.places:
                self.by_place[place].append(cluster)
            if cluster.admin1 is not None:
                self.by_admin1[cluster.admin1].append(cluster)

    def at_place(self, mention: Mention) -> list[Cluster] | None:
        """The branches of `_fit`'s place test, as lookups (a cluster may come twice); None
        when the mention has no place to test, and any cluster may pass."""
        if mention.fine_place:
            return (
                self.within(mention.lat, self.config.same_place_km)
                + self.by_geonameid.get(mention.geonameid, [])
                + self.by_place.get(mention.place, [])
            )
        if mention.lat is not None and mention.geo_precision == 2:
            return self.within(mention.lat, self.config.near_km)
        if mention.admin1 is not None:
            return self.by_admin1.get(mention.admin1, [])
        return None

    def within(self, lat: float | None, km: float) -> list[Cluster]:
        """Clusters less than `km` north or south of `lat`: a great circle is never shorter
        than its north-south part, so none farther can be within `km` (the margin is for
        rounding)."""
        if lat is None:
            return []
        reach = math.degrees(km / EARTH_RADIUS_KM) * (1 + 1e-9) + 1e-9
        start = bisect.bisect_left(self.latitudes, lat - reach)
        end = bisect.bisect_right(self.latitudes, lat + reach)
        return self.by_latitude[start:end]


class ClusterIndex(PlaceIndex):
    """Core clusters by day, and by place and map cell, to find a mention's candidates fast."""

    def __init__(self, clusters: list[Cluster], config: ResolveConfig) -> None:
        super().__init__(clusters, config)
        self.cell = max(config.near_km, config.same_place_km, config.same_actor_km) / 111.0
        self.by_day: dict[date, list[Cluster]] = defaultdict(list)
        self.by_cell: dict[tuple[int, int], list[Cluster]] = defaultdict(list)
        for cluster in clusters:
            self.by_day[cluster.day].append(cluster)
            if cluster.coords:
                self.by_cell[self._cell(*cluster.coords)].append(cluster)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.cell), math.floor(lon / self.cell))

    def candidates(self, mention: Mention, days_earlier: int = 0) -> Iterable[Cluster]:
        """Clusters in the mention's date window (from days_earlier before) that could be at
        its place."""
        lo, hi = mention.lo - timedelta(days=days_earlier), mention.hi
        if lo == hi:
            days = [lo] if lo in self.by_day else []
        else:
            days = [day for day in self.by_day if lo <= day <= hi]  # a block has at most 31
        if not days:
            return ()
        if mention.lat is None or mention.lon is None or mention.geo_precision not in (1, 2):
            nearby = self.at_place(mention)
            if nearby is None:
                return [c for day in days for c in self.by_day[day]]
            return [c for c in nearby if lo <= c.day <= hi]
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
        nearby += self.by_place.get(mention.place, ())  # a place component may span cells
        return (c for c in nearby if lo <= c.day <= hi)


class RecallIndex(PlaceIndex):
    """Every cluster of a block by place and by day, for the historical mentions: trying these
    gives the answer of trying every cluster whose window meets the mention's."""

    def __init__(self, clusters: list[Cluster], config: ResolveConfig) -> None:
        super().__init__(clusters, config)
        # By kind (see _fits_by_kind): one day's clusters by type family and perpetrator, and
        # those whose window is more than a day by window too.
        self.on_day: dict[date, dict[tuple, list[Cluster]]] = defaultdict(dict)
        wide: dict[tuple, list[Cluster]] = {}
        for cluster in clusters:
            kind = (cluster.family, cluster.perpetrator)
            if cluster.lo == cluster.hi:
                self.on_day[cluster.lo].setdefault(kind, []).append(cluster)
            else:
                wide.setdefault((cluster.lo, cluster.hi, *kind), []).append(cluster)
        self.wide = list(wide.values())

    def best(self, mention: Mention, config: ResolveConfig) -> Cluster | None:
        """The one cluster whose window meets the mention's that it fits best, or None when
        none fits or two fit equally."""
        nearby = self.at_place(mention)
        if nearby is not None:
            return _single_best(_fits(mention, _meeting(mention, nearby), config))
        # No place to test: every cluster of the window is a candidate (a month's hundreds,
        # for a report of a past event in a country), tried a kind at a time.
        return _single_best(_fits_by_kind(mention, self._kinds_meeting(mention), config))

    def candidates(self, mention: Mention) -> list[Cluster]:
        """The clusters `best` tries."""
        nearby = self.at_place(mention)
        if nearby is not None:
            return _meeting(mention, nearby)
        return [cluster for kind in self._kinds_meeting(mention) for cluster in kind]

    def _kinds_meeting(self, mention: Mention) -> list[list[Cluster]]:
        lo, hi = mention.lo, mention.hi
        kinds = [kind for kind in self.wide if kind[0].lo <= hi and lo <= kind[0].hi]
        if lo == hi:
            kinds += self.on_day.get(lo, {}).values()
        else:
            for day, by_kind in self.on_day.items():
                if lo <= day <= hi:
                    kinds += by_kind.values()
        return kinds


def _meeting(mention: Mention, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters whose window meets the mention's."""
    return [c for c in clusters if c.lo <= mention.hi and mention.lo <= c.hi]


def attach(mention: Mention, index: ClusterIndex, config: ResolveConfig) -> Cluster | None:
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


def _dated_to_publication_day(mention: Mention) -> bool:
    at = mention.reported_at
    if mention.precision != "day" or at is None:
        return False
    published = at.date() if isinstance(at, datetime) else mention_date(at)
    return published == mention.day


def _fits_by_kind(
    mention: Mention, kinds: Iterable[list[Cluster]], config: ResolveConfig
) -> list[tuple[int, Cluster]]:
    """`_fits` cut to what `_single_best` needs, for a mention with no place to test, over
    its candidates grouped in kinds: clusters of one window, type family and perpetrator,
    which `_fit` cannot tell apart for such a mention. One `_fit` per kind, and two clusters
    of each, which tell a tie at the top as well as all of them would."""
    scored = []
    for kind in kinds:
        score = _fit(mention, kind[0], config)
        if score is not None:
            scored += [(score, cluster) for cluster in kind[:2]]
    return scored


def _fits(
    mention: Mention, candidates: Iterable[Cluster], config: ResolveConfig
) -> list[tuple[int, Cluster]]:
    """(score, cluster) for each distinct candidate the mention could belong to."""
    scored: dict[Cluster, tuple[int, Cluster]] = {}  # a Cluster hashes by identity
    for cluster in candidates:
        if cluster not in scored:
            score = _fit(mention, cluster, config)
            if score is not None:
                scored[cluster] = (score, cluster)
    return list(scored.values())


def _single_best(scored: list[tuple[int, Cluster]]) -> Cluster | None:
    if len(scored) <= 1:
        return scored[0][1] if scored else None
    ranked = sorted((s for s, _ in scored), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return next(c for s, c in scored if s == ranked[0])


def _fit(mention: Mention, cluster: Cluster, config: ResolveConfig) -> int | None:
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
        if not same_town and km_to(mention, cluster.coords) > config.same_place_km:
            return None
        score += 4
    elif mention.lat is not None and mention.geo_precision == 2:
        if km_to(mention, cluster.coords) > config.near_km:
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
