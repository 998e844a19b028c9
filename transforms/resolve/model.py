"""The records resolution works on: its settings, a prepared mention and a cluster of mentions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from transforms.lexicons import read_table

EVENT_ROLES = ("reported", "other")
RESOLVED_ROLES = (*EVENT_ROLES, "historical")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

# Sub-event types that news reports use for the same event, folded into one family.
TYPE_FAMILY: dict[str, str] = dict(read_table("type_families.tsv", columns=2))


@dataclass(frozen=True)
class ResolveConfig:
    same_place_km: float = 2.0  # two towns closer than this are one place
    near_km: float = 25.0  # "near X" (geo_precision 2) matches an event this close to X
    same_actor_km: float = 2.5  # same day and type, and both name the same perpetrator
    # Two reports naming the same town may carry coordinates from different gazetteers (a
    # coder's point vs GeoNames' centroid: Sinjar is 3.2 km apart in the two).
    same_name_km: float = 10.0
    overnight_slack: bool = True  # see matching.attach


DEFAULT_CONFIG = ResolveConfig()


# What identifies an event's rows besides its id: its members' and its recalling mentions'
# ids, sorted (the recalls None when there are none), as its `events` row lists them.
Membership = tuple[tuple[str, ...], tuple[str, ...] | None]


@dataclass
class Resolution:
    """The rows of a resolution. An event whose id and Membership are those of an event given
    as unchanged stands as its id alone, in `events` and in `revisions`: its rows are the
    earlier ones (the rows of an event are a function of its id and its Membership)."""

    events: list[dict | str] = field(default_factory=list)
    revisions: list[dict | str] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
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
    # Set by prepare_mention from the fields above, which never change:
    fine_place: bool = False  # a town: geo_precision 1 with a geonameid or coordinates
    core: bool = False  # a town, a day date and a type family: it can seed a core cluster
    key: str | None = None  # a town's place_key, filled by assign_places


class Cluster:
    __slots__ = (
        *("key", "members", "recalled_by"),
        # from the members, by refresh():
        *("day", "lo", "hi", "geonameids", "places", "coords", "admin1", "family", "perpetrator"),
    )

    def __init__(self, key: tuple, members: list[Mention]) -> None:
        self.key = key
        self.members = members
        self.recalled_by: list[Mention] = []
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
        self.admin1 = mode([m.admin1 for m in members])
        self.family = mode([m.family for m in members])
        self.perpetrator = mode([m.perpetrator for m in members])


def mode(values: list) -> object:
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
