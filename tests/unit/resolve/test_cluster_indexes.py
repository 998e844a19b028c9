"""The cluster indexes of resolution look up only some clusters: never one that `_fit` accepts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.resolve import DEFAULT_CONFIG
from transforms.resolve.blocks import FoldedNames, prepare_mention
from transforms.resolve.matching import ClusterIndex, RecallIndex, _fit, _fits, _single_best
from transforms.resolve.model import Cluster

# Places around two towns, one far north where a degree of longitude is short, with offsets
# that fall either side of same_place_km (2 km) and near_km (25 km).
TOWNS = [(48.0, 37.0), (69.5, 30.0)]
OFFSETS_KM = [0.0, 1.9, 2.1, 9.0, 24.5, 25.5, 60.0]
DAYS = [date(2024, 3, d) for d in (1, 2, 3, 10, 31)]


@st.composite
def rows(draw, mention_id: str) -> dict:
    lat, lon = draw(st.sampled_from(TOWNS))
    north, east = draw(st.sampled_from(OFFSETS_KM)), draw(st.sampled_from(OFFSETS_KM))
    located = draw(st.booleans())
    return {
        "mention_id": mention_id,
        "article_id": f"a{mention_id}",
        "role": "reported",
        "event_date": draw(st.sampled_from(DAYS)),
        "date_precision": draw(st.sampled_from(["day", "day", "week", "month"])),
        "geo_precision": draw(st.sampled_from([1, 1, 2, 3, None])),
        "latitude": lat + north / 111.2 if located else None,
        "longitude": lon + east / 111.2 if located else None,
        "geonameid": draw(st.sampled_from([None, 1, 2])),
        "location": draw(st.sampled_from([None, "Avdiivka", "Marinka"])),
        "admin1": draw(st.sampled_from([None, "Donetsk", "Kharkiv"])),
        "sub_event_type": draw(st.sampled_from([None, "Air/drone strike", "Armed clash"])),
        "perpetrator": draw(st.sampled_from([None, "Russia", "Ukraine"])),
    }


@st.composite
def mentions(draw, mention_id: str):
    mention = prepare_mention(draw(rows(mention_id)), {}, FoldedNames())
    mention.place = draw(st.sampled_from([None, "g1", "g2", "c48.000,37.000"]))
    return mention


@st.composite
def clusters(draw, core: bool) -> list[Cluster]:
    found = []
    for n in range(draw(st.integers(1, 12))):
        members = [draw(mentions(f"c{n}m{k}")) for k in range(draw(st.integers(1, 3)))]
        if core:  # a core cluster's members share its day
            for member in members:
                member.day = member.lo = member.hi = members[0].day
        found.append(Cluster(("core" if core else "coarse", n), members))
    return found


def accepted(mention, candidates) -> set[int]:
    return {id(c) for c in candidates if _fit(mention, c, DEFAULT_CONFIG) is not None}


@settings(max_examples=300, deadline=None)
@given(clusters(core=False), mentions("query"))
def test_recall_candidates_hold_every_cluster_of_the_window_that_fits(found, mention):
    overlapping = [c for c in found if c.lo <= mention.hi and mention.lo <= c.hi]
    looked_up = RecallIndex(found, DEFAULT_CONFIG).candidates(mention)
    assert accepted(mention, overlapping) <= {id(c) for c in looked_up}
    assert all(c.lo <= mention.hi and mention.lo <= c.hi for c in looked_up)


@settings(max_examples=500, deadline=None)
@given(clusters(core=False), mentions("query"))
def test_recall_picks_the_cluster_that_trying_every_one_of_the_window_picks(found, mention):
    # A mention with no place to test is tried a kind of cluster at a time: same answer,
    # ties between clusters of one kind included.
    overlapping = [c for c in found if c.lo <= mention.hi and mention.lo <= c.hi]
    expected = _single_best(_fits(mention, overlapping, DEFAULT_CONFIG))
    assert RecallIndex(found, DEFAULT_CONFIG).best(mention, DEFAULT_CONFIG) is expected


def test_recall_of_a_country_level_report_tells_clusters_of_one_kind_apart_by_window():
    def strike(mention_id: str, day: int, precision: str, role: str = "reported"):
        row = {
            "mention_id": mention_id,
            "article_id": f"a{mention_id}",
            "role": role,
            "event_date": date(2024, 3, day),
            "date_precision": precision,
            "geo_precision": 3,
            "sub_event_type": "Air/drone strike",
            "perpetrator": "Russia",
        }
        return prepare_mention(row, {}, FoldedNames())

    # One type and perpetrator, windows that end on the same day: March, and 25-31 March.
    month, week = (
        Cluster(("coarse", n), [strike(f"c{n}", 28, p)]) for n, p in enumerate(["month", "week"])
    )
    index = RecallIndex([week, month], DEFAULT_CONFIG)
    assert index.best(strike("q1", 10, "day", "historical"), DEFAULT_CONFIG) is month
    assert index.best(strike("q2", 30, "day", "historical"), DEFAULT_CONFIG) is None  # a tie
    again = Cluster(("coarse", 2), [strike("c2", 3, "month")])  # March again: a tie on the 10th
    assert (
        RecallIndex([week, month, again], DEFAULT_CONFIG).best(
            strike("q3", 10, "day", "historical"), DEFAULT_CONFIG
        )
        is None
    )


@settings(max_examples=300, deadline=None)
@given(clusters(core=True), mentions("query"), st.integers(0, 1))
def test_attach_candidates_hold_every_core_cluster_of_the_window_that_fits(
    found, mention, days_earlier
):
    lo = mention.lo - timedelta(days=days_earlier)
    in_window = [c for c in found if lo <= c.day <= mention.hi]
    looked_up = ClusterIndex(found, DEFAULT_CONFIG).candidates(mention, days_earlier)
    assert accepted(mention, in_window) <= {id(c) for c in looked_up}


def test_a_cluster_just_within_reach_north_or_south_is_a_candidate():
    def at(mention_id: str, north_km: float, precision: int = 1):
        row = {
            "mention_id": mention_id,
            "article_id": "a1",
            "role": "historical",
            "event_date": DAYS[0],
            "geo_precision": precision,
            "latitude": 48.0 + north_km / 111.195,
            "longitude": 37.0,
        }
        return prepare_mention(row, {}, FoldedNames())

    found = [Cluster(("coarse", n), [at(f"c{n}", km)]) for n, km in enumerate([1.99, -1.99])]
    index = RecallIndex(found, DEFAULT_CONFIG)
    assert accepted(at("town", 0.0), index.candidates(at("town", 0.0))) == {id(c) for c in found}
    near = [Cluster(("coarse", 9), [at("c9", 24.9)])]
    looked_up = RecallIndex(near, DEFAULT_CONFIG).candidates(at("near", 0.0, precision=2))
    assert looked_up == near
