"""Resolution of mention rows into events (transforms/resolve.py), without Prefect."""

from __future__ import annotations

import random
from datetime import datetime

from transforms.resolve import combine_figures, resolve

KRYVYI_RIH = {"geonameid": 703845, "latitude": 47.9105, "longitude": 33.3918}
KRAMATORSK = {"geonameid": 704508, "latitude": 48.7231, "longitude": 37.5563}
SLOVIANSK = {"geonameid": 700569, "latitude": 48.8530, "longitude": 37.6047}  # 15 km away


def mention(mention_id: str, article_id: str, **fields) -> dict:
    row = {
        "mention_id": mention_id,
        "article_id": article_id,
        "role": "reported",
        "event_date": "2023-07-31",
        "date_precision": "day",
        "location": "Kryvyi Rih",
        "admin1": "Dnipropetrovsk",
        "country": "Ukraine",
        "country_iso": "UA",
        "geo_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "perpetrator": "Russia",
        "weapon": "missile",
        **KRYVYI_RIH,
    }
    for category in ("killed", "injured"):
        for bound in ("low", "best", "high"):
            row[f"{category}_{bound}"] = None
    return row | fields


def figures(killed: tuple, injured: tuple = (None, None, None)) -> dict:
    keys = [f"{c}_{b}" for c in ("killed", "injured") for b in ("low", "best", "high")]
    return dict(zip(keys, (*killed, *injured), strict=True))


def article(published: str, source: str) -> dict:
    return {"published_at": datetime.fromisoformat(published), "source_name": source}


# Five reports of the strike on Kryvyi Rih on 31 July 2023, worded differently by their outlets,
# with the toll rising over three days; then a later article that recalls it.
RISING_TOLL_ARTICLES = {
    "a1": article("2023-07-31T08:10:00", "Reuters"),
    "a2": article("2023-07-31T15:00:00", "Kyiv Independent"),
    "a3": article("2023-08-01T09:00:00", "Reuters"),
    "a4": article("2023-08-02T07:30:00", "Ukrainska Pravda"),
    "a5": article("2023-08-02T12:00:00", "AP"),
    "a6": article("2023-09-20T12:00:00", "AP"),
}
RISING_TOLL = [
    # "A Russian missile hit Kryvyi Rih on Monday, killing at least 6 and injuring 75."
    mention("m1", "a1", **figures((6, 6, None), (75, 75, None))),
    # "The toll of the missile attack on Kryvyi Rih rose to 8" (no perpetrator named)
    mention("m2", "a2", perpetrator=None, **figures((8, 8, 8), (75, 75, None))),
    # "Dnipropetrovsk region: the strike on Monday killed 10" (region only, no town)
    mention(
        "m3",
        "a3",
        location=None,
        geonameid=None,
        latitude=None,
        longitude=None,
        geo_precision=3,
        **figures((10, 10, 10), (None, None, None)),
    ),
    # "Rescuers finished ... in Kryvyi Rih, where 9 to 10 people were killed" (type not named)
    mention(
        "m4",
        "a4",
        role="other",
        sub_event_type=None,
        event_type=None,
        weapon=None,
        **figures((9, 9, 10), (76, 76, 76)),
    ),
    # "Russian missiles killed 10 in Kryvyi Rih in July" (month precision)
    mention(
        "m5",
        "a5",
        event_date="2023-07-01",
        date_precision="month",
        **figures((10, 10, 10)),
    ),
    # Seven weeks later: "the July missile strike on Kryvyi Rih that killed 12" (recalled)
    mention(
        "m6",
        "a6",
        role="historical",
        event_date="2023-07-01",
        date_precision="month",
        **figures((12, 12, 12)),
    ),
]


def test_reports_of_one_strike_become_one_event_with_a_rising_toll():
    result = resolve(RISING_TOLL, RISING_TOLL_ARTICLES)
    assert len(result.events) == 1
    event = result.events[0]
    assert event["mention_ids"] == ["m1", "m2", "m3", "m4", "m5"]
    assert event["historical_mention_ids"] == ["m6"]
    assert (event["killed_low"], event["killed_best"], event["killed_high"]) == (6, 10, 10)
    assert (event["injured_low"], event["injured_best"], event["injured_high"]) == (75, 76, 76)
    assert (event["n_articles"], event["n_sources"]) == (5, 4)
    assert event["first_reported_at"] == datetime(2023, 7, 31, 8, 10)
    assert event["last_reported_at"] == datetime(2023, 8, 2, 12, 0)
    assert (str(event["event_date"]), event["date_precision"]) == ("2023-07-31", "day")
    assert (event["location"], event["geo_precision"], event["perpetrator"]) == (
        "Kryvyi Rih",
        1,
        "Russia",
    )
    timeline = [(r["revision"], r["article_id"], r["killed_best"]) for r in result.revisions]
    assert timeline == [(1, "a1", 6), (2, "a2", 8), (3, "a3", 10), (4, "a4", 10), (5, "a5", 10)]
    assert [r["report_killed_best"] for r in result.revisions] == [6, 8, 10, 9, 10]
    links = {a["mention_id"]: a["link"] for a in result.assignments}
    assert links == {f"m{i}": "member" for i in range(1, 6)} | {"m6": "recalls"}


def test_best_follows_the_latest_report_but_never_drops_below_an_at_least():
    reports = [figures((10, 10, None)), figures((7, 7, 7)), figures((8, 8, 12))]
    assert combine_figures(reports, "killed") == {
        "killed_low": 7,
        "killed_best": 10,
        "killed_high": 12,
    }
    assert combine_figures([figures((None, None, 10))], "killed")["killed_best"] is None


def test_two_strikes_on_one_city_on_different_days_stay_apart():
    rows = [
        mention("m1", "a1", **figures((6, 6, 6))),
        mention("m2", "a2", event_date="2023-08-01", **figures((2, 2, 2))),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(str(e["event_date"]) for e in events) == ["2023-07-31", "2023-08-01"]
    assert sorted(e["killed_best"] for e in events) == [2, 6]


def test_two_towns_hit_on_the_same_day_stay_apart():
    rows = [
        mention("m1", "a1", location="Kramatorsk", admin1="Donetsk", **KRAMATORSK),
        mention("m2", "a2", location="Sloviansk", admin1="Donetsk", **SLOVIANSK),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(e["location"] for e in events) == ["Kramatorsk", "Sloviansk"]
    # A report naming only the region cannot tell which town it means: it joins neither.
    vague = mention("m3", "a3", location=None, geonameid=None, latitude=None, longitude=None)
    vague |= {"admin1": "Donetsk", "geo_precision": 3}
    result = resolve([*rows, vague], RISING_TOLL_ARTICLES)
    assert len(result.events) == 3
    assert {e["location"]: e["mention_ids"] for e in result.events}[None] == ["m3"]


def test_same_spot_under_two_gazetteer_entries_is_one_place():
    nearby = {"geonameid": 1, "latitude": 47.915, "longitude": 33.395}  # 0.6 km away
    rows = [mention("m1", "a1"), mention("m2", "a2", location="Kryvyi Rih centre", **nearby)]
    assert len(resolve(rows, RISING_TOLL_ARTICLES).events) == 1


def test_conflicting_perpetrators_or_types_split_the_same_day_and_place():
    rows = [
        mention("m1", "a1", perpetrator="Russia"),
        mention("m2", "a2", perpetrator="Ukraine"),
        mention("m3", "a3", perpetrator=None),
        mention("m4", "a4", sub_event_type="Suicide bomb", perpetrator=None),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["m1", "m3"], ["m2"], ["m4"]]
    assert len({e["event_id"] for e in events}) == 3


def test_a_historical_mention_with_nothing_to_recall_makes_no_event():
    rows = [mention("m1", "a1", role="historical", event_date="2022-10-10")]
    result = resolve(rows, RISING_TOLL_ARTICLES)
    assert result.events == []
    assert result.assignments[0]["event_id"] is None


def test_event_ids_do_not_depend_on_the_order_articles_arrive_in():
    def snapshot(rows, articles):
        result = resolve(rows, articles)
        return sorted(
            (e["event_id"], tuple(e["mention_ids"]), e["killed_best"]) for e in result.events
        ), sorted((r["revision_id"], r["killed_best"]) for r in result.revisions)

    rows = [
        *RISING_TOLL,
        mention("n1", "a1", event_date="2023-08-01", **figures((2, 2, 2))),
        mention("n2", "a2", location="Kramatorsk", **KRAMATORSK),
        mention("n3", "a3", location="Sloviansk", **SLOVIANSK),
    ]
    expected = snapshot(rows, RISING_TOLL_ARTICLES)
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        articles = dict(random.Random(seed).sample(sorted(RISING_TOLL_ARTICLES.items()), 6))
        assert snapshot(shuffled, articles) == expected
    # Resolving only the first reports gives the event the same id the full set gives it.
    first = resolve(RISING_TOLL[:1], RISING_TOLL_ARTICLES).events[0]["event_id"]
    assert first in {event_id for event_id, _, _ in expected[0]}


def test_reports_placed_only_in_a_country_are_not_merged_across_articles():
    nowhere = {"location": None, "geonameid": None, "latitude": None, "longitude": None}
    country_only = nowhere | {"admin1": None, "geo_precision": 3}
    rows = [
        mention("c1", "a1", **country_only, **figures((4, 4, 4))),
        mention("c2", "a1", role="other", **country_only),
        mention("c3", "a2", **country_only, **figures((10, 10, 10))),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["c1", "c2"], ["c3"]]


def test_a_country_or_region_with_a_geonameid_is_still_not_merged_across_articles():
    # The extractor may give a country or region its gazetteer id; it is no town to meet at.
    ukraine = {"location": None, "geonameid": 690791, "latitude": None, "longitude": None}
    rows = [
        mention("c1", "a1", **ukraine, admin1=None, geo_precision=3),
        mention("c2", "a2", **ukraine, admin1=None, geo_precision=3),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["c1"], ["c2"]]


def test_villages_located_by_one_town_are_two_places_unless_named_alike():
    # "in X village (Kramatorsk district)": a village the gazetteer lacks, placed at its town.
    near = KRAMATORSK | {"geo_precision": 2, "admin1": "Donetsk"}
    rows = [
        mention("v1", "a1", **near, location="Bilenke"),
        mention("v2", "a2", **near, location="Oleksandrivka"),
        mention("v3", "a3", **near, location="Bilenke"),
        mention("t1", "a4", **near, location="Kramatorsk"),  # near the town itself
        mention("t2", "a5", **near, location="Kramatorsk"),
    ]
    events = resolve(rows, RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["t1", "t2"], ["v1", "v3"], ["v2"]]


def test_an_event_keeps_its_id_as_reports_come_in():
    def id_of(rows, mention_id="m1"):
        events = resolve(rows, RISING_TOLL_ARTICLES).events
        return next(e["event_id"] for e in events if mention_id in e["mention_ids"])

    first = [mention("m1", "a1"), mention("m2", "a2")]
    original = id_of(first)
    nearby = {"geonameid": 1, "latitude": 47.915, "longitude": 33.395}  # 0.6 km, smaller key
    assert id_of([*first, mention("m3", "a3", location="Kryvyi Rih centre", **nearby)]) == original
    # A report blaming someone else splits off; the event most reports describe keeps its id.
    assert id_of([*first, mention("m4", "a4", perpetrator="Ukraine")]) == original
    assert id_of([*first, *RISING_TOLL[2:5]]) == original


# Sinjar as a coder placed it, and as GeoNames places it: 3.2 km apart.
SINJAR_CODED = {"geonameid": None, "latitude": 36.2955, "longitude": 41.8932}
SINJAR_GEONAMES = {"geonameid": 448149, "latitude": 36.3209, "longitude": 41.87656}
NINEWA = {"location": "Sinjar", "admin1": "Ninewa", "country": "Iraq", "country_iso": "IQ"}


def test_one_town_named_with_two_gazetteers_coordinates_is_one_place():
    rows = [
        mention("m1", "a1", **NINEWA, **SINJAR_CODED),
        mention("m2", "a2", **NINEWA, **SINJAR_GEONAMES),
    ]
    assert [e["mention_ids"] for e in resolve(rows, RISING_TOLL_ARTICLES).events] == [["m1", "m2"]]
    # The GeoNames entry reported under another name too ("Shingal") still pairs by "Sinjar".
    shingal = mention("m0", "a3", **(NINEWA | {"location": "Shingal"}), **SINJAR_GEONAMES)
    events = resolve([shingal, *rows], RISING_TOLL_ARTICLES).events
    assert [e["mention_ids"] for e in events] == [["m0", "m1", "m2"]]
    # Another name at the same distance is another town; the same name far away, or in
    # another region, is another town of that name.
    other = mention("m2", "a2", **(NINEWA | {"location": "Snuny"}), **SINJAR_GEONAMES)
    far = SINJAR_GEONAMES | {"latitude": 36.45}  # 17 km
    elsewhere = mention("m2", "a2", **(NINEWA | {"admin1": "Duhok"}), **SINJAR_GEONAMES)
    for second in (other, mention("m2", "a2", **NINEWA, **far), elsewhere):
        assert len(resolve([rows[0], second], RISING_TOLL_ARTICLES).events) == 2


def test_a_report_dated_to_its_publication_day_may_mean_the_night_before():
    """'Overnight', read against an article published on 31 July, is coded 31 July."""
    region_only = {"location": None, "geonameid": None, "latitude": None, "longitude": None}
    region_only |= {"geo_precision": 3, "event_date": "2023-07-31"}  # a2 is of 31 July
    night = mention("m1", "a1", event_date="2023-07-30")
    rows = [night, mention("m2", "a2", **region_only)]
    assert [e["mention_ids"] for e in resolve(rows, RISING_TOLL_ARTICLES).events] == [["m1", "m2"]]
    # A strike in the region on the report's own day is what it means.
    nikopol = {
        "location": "Nikopol",
        "geonameid": 700051,
        "latitude": 47.5712,
        "longitude": 34.3964,
    }
    same_day = mention("m3", "a3", **nikopol)
    events = resolve([*rows, same_day], RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["m1"], ["m2", "m3"]]
    # Two strikes the night before: it cannot tell which, and joins neither.
    other_night = mention("m3", "a3", **nikopol, event_date="2023-07-30")
    events = resolve([*rows, other_night], RISING_TOLL_ARTICLES).events
    assert sorted(e["mention_ids"] for e in events) == [["m1"], ["m2"], ["m3"]]
    # A date that is not the publication day was read from the text: no slack.
    a3_report = mention("m2", "a3", **region_only)  # a3 was published on 1 August
    assert len(resolve([night, a3_report], RISING_TOLL_ARTICLES).events) == 2
    # A report naming the town and the day is exact: the next day's report at the same town is
    # another strike (test_two_strikes_on_one_city_on_different_days_stay_apart).


def test_the_new_rules_do_not_depend_on_arrival_order():
    region_only = {"location": None, "geonameid": None, "latitude": None, "longitude": None}
    rows = [
        mention("s1", "a1", **NINEWA, **SINJAR_CODED),
        mention("s2", "a2", **NINEWA, **SINJAR_GEONAMES),
        mention("s3", "a2", **(NINEWA | region_only), geo_precision=3, event_date="2023-07-31"),
        mention("k1", "a1", event_date="2023-07-30"),
        mention("k2", "a2", **region_only, geo_precision=3),
    ]

    def snapshot(rows, articles):
        return sorted(
            (e["event_id"], tuple(e["mention_ids"])) for e in resolve(rows, articles).events
        )

    expected = snapshot(rows, RISING_TOLL_ARTICLES)
    assert sorted(ids for _, ids in expected) == [("k1", "k2"), ("s1", "s2", "s3")]
    for seed in range(5):
        shuffled = random.Random(seed).sample(rows, len(rows))
        articles = dict(random.Random(seed).sample(sorted(RISING_TOLL_ARTICLES.items()), 6))
        assert snapshot(shuffled, articles) == expected


def test_resolve_ids_hashed_in_place_equal_stable_id():
    """resolve.py hashes joined text itself for speed; the ids in the lake must not change."""
    from transforms.resolve import _text_id
    from transforms.text import stable_id

    assert _text_id("revision", "e1", "a1") == stable_id("revision", "e1", "a1")
    assert _text_id("revision", "e1", None) == stable_id("revision", "e1", None)


def test_an_event_resolved_again_with_the_same_members_and_recalls_stands_as_its_id():
    kramatorsk = mention("k1", "a5", location="Kramatorsk", admin1="Donetsk", **KRAMATORSK)
    before = resolve([*RISING_TOLL, kramatorsk], RISING_TOLL_ARTICLES)
    unchanged = {
        e["event_id"]: (tuple(e["mention_ids"]), tuple(e["historical_mention_ids"] or ()) or None)
        for e in before.events
    }
    again = resolve([*RISING_TOLL, kramatorsk], RISING_TOLL_ARTICLES, unchanged=unchanged)
    assert again.events == [e["event_id"] for e in before.events]
    assert again.revisions == again.events  # one entry per event: its revisions are the earlier
    assert again.assignments == before.assignments

    # One more recall, one more member: neither event is what it was.
    recall = RISING_TOLL[-1] | {"mention_id": "m7"}
    member = kramatorsk | {"mention_id": "k2", "article_id": "a4"}
    changed = resolve(
        [*RISING_TOLL, recall, kramatorsk, member], RISING_TOLL_ARTICLES, unchanged=unchanged
    )
    assert [type(e) for e in changed.events] == [dict, dict]
    assert [e["historical_mention_ids"] for e in changed.events] == [["m6", "m7"], None]
    assert changed.events[1]["mention_ids"] == ["k1", "k2"]
