"""Core clusters: town mentions dated to a day, grouped by (day, place, type family)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from transforms.resolve.model import Cluster, Mention, ResolveConfig
from transforms.resolve.places import find_root, haversine_km, union


def core_clusters(core: list[Mention]) -> list[Cluster]:
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for mention in core:
        groups[(mention.day, mention.place, mention.family)].append(mention)
    clusters = []
    for (day, place, family), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        if len({m.perpetrator for m in members if m.perpetrator}) <= 1:
            clusters.append(Cluster(("core", day, place, family, None), members))
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
            clusters.append(Cluster(("core", day, place, family, named), part))
    return clusters


def join_same_actor(clusters: list[Cluster], config: ResolveConfig) -> list[Cluster]:
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
                union(parent, a, b)
    joined: dict[int, list[Mention]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        joined[find_root(parent, index)].extend(cluster.members)
    if len(joined) == len(clusters):
        return clusters
    return [Cluster(clusters[root].key, members) for root, members in sorted(joined.items())]
