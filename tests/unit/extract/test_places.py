"""Places from the offline gazetteer: variants, chains, context, false places, demonyms."""

import pytest

from transforms.extract.places import (
    country_votes,
    event_place,
    find_candidates,
    fold,
    gazetteer,
    same_place,
)


def place_of(text: str):
    candidates = find_candidates(text)
    return event_place(text, candidates, 0, len(text), country_votes(candidates))


@pytest.mark.parametrize("name", ["Kryvyi Rih", "Kryvyy Rih", "Krivoy Rog"])
def test_transliterations_resolve_to_one_city(name):
    place = place_of(f"A missile struck {name} on Monday.")
    assert place.country_iso == "UA"
    assert place.admin1 == "Dnipropetrovsk"
    assert place.precision == 1
    assert place.name == name  # the text's spelling is kept


@pytest.mark.parametrize(("a", "b"), [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov")])
def test_spelling_variants_are_the_same_place(a, b):
    assert same_place(a, b)
    assert (
        place_of(f"Drones attacked {a}.").geonameid == place_of(f"Drones attacked {b}.").geonameid
    )


def test_chain_resolves_to_the_town_in_the_named_country():
    place = place_of("A bomb exploded in Kotwali, Khyber Pakhtunkhwa, Pakistan.")
    # GeoNames' cities >= 500 have no Kotwali in Pakistan (only Bangladesh's): the town's name is
    # kept, located by the region the chain names, and its precision says so.
    assert (place.name, place.country_iso) == ("Kotwali", "PK")
    assert (place.admin1, place.precision) == ("Khyber Pakhtunkhwa", 3)
    place = place_of("A bomb exploded in Bannu, Khyber Pakhtunkhwa, Pakistan.")
    assert (place.name, place.country_iso, place.precision) == ("Bannu", "PK", 1)


def test_town_missing_from_the_gazetteer_is_named_and_located_by_its_township():
    text = (
        "On 5 October 2024, in Kyun Kone village of Kyaikmaraw township (Mawlamyine district, "
        "Mon state), an unidentified armed group dropped a bomb using a drone."
    )
    place = place_of(text)
    assert place.name == "Kyun Kone"
    assert place.country_iso == "MM"
    assert place.precision == 2
    assert place.latitude is not None


def test_ambiguous_name_is_decided_by_the_region_named_with_it():
    place = place_of("On 11 July 2024, in Suarez (Cauca), dissidents threw a grenade from a drone.")
    assert (place.country_iso, place.admin1) == ("CO", "Cauca")


def test_near_a_town_is_precision_two():
    place = place_of("A drone targeted a pick-up car near Hazano in Idleb.")
    assert place.name == "Hazano"
    assert place.precision == 2
    assert place.country_iso == "SY"


def test_region_only_is_precision_three():
    place = place_of("Shelling hit villages in Idleb province.")
    assert (place.country_iso, place.precision) == ("SY", 3)


def test_acled_coded_to_names_the_location():
    text = "Drones were fired toward the Golan Heights, coded to Majdal Shams (Quneitra)."
    assert place_of(text).name == "Majdal Shams"


@pytest.mark.parametrize(
    "text",
    [
        "Mobile phones were seized after the attack.",
        "It was a nice day before the shelling began.",
        "Reading the statement, the spokesman condemned the strike.",
        "In March the army launched an offensive.",
        "The fighters hid in a den near the river.",
        "May God protect them, he said after the attack.",
    ],
)
def test_words_that_are_also_place_names_are_not_places(text):
    assert place_of(text) is None


def test_aden_with_evidence_is_a_place():
    assert place_of("A car bomb exploded in Aden on Monday.").country_iso == "YE"


def test_demonyms_point_to_countries_but_are_not_places():
    votes = country_votes(find_candidates("Syrian and Pakistani officials met Ukrainian envoys."))
    assert {"SY", "PK", "UA"} <= set(votes)
    assert place_of("Syrian officials condemned the strike.") is None


def test_actor_names_holding_a_country_do_not_place_the_event():
    text = "Islamic Resistance in Iraq attacked a base in Tanf in rural Damascus."
    place = place_of(text)
    assert place.country_iso == "SY"


def test_fold_ignores_case_accents_and_hyphens():
    assert fold("Deir-ez-Zor") == fold("deir ez zor")
    assert fold("Łódź") == "lodz"


def test_gazetteer_is_loaded_once_and_compact():
    gaz = gazetteer()
    assert gazetteer() is gaz
    assert len(gaz.geonameid) > 100_000
    assert gaz.admin1_name("UA", "04") == "Dnipropetrovsk"


def test_division_spellings_match_but_different_divisions_do_not():
    from transforms.extract.places import same_admin1

    assert same_admin1("Idleb", "Idlib")
    assert same_admin1("Ninewa", "Nineveh")
    assert same_admin1("Al Hasakeh", "Al-Hasakah")
    assert not same_admin1("Idleb", "Aleppo")
    assert not same_admin1("Duhok", "Erbil")


def test_a_name_after_in_that_the_gazetteer_lacks_is_kept_without_coordinates():
    place = place_of("On 6 February 2016, militants downed a spy drone in Al Baghdadi.")
    assert place.name == "Al Baghdadi"
    assert (place.country_iso, place.latitude, place.precision) == (None, None, None)


def test_possessive_city_before_a_neighbourhood():
    text = "A drone killed four civilians in the northern city of Mosul's al-Masaref neighborhood."
    place = place_of(text)
    assert place.country_iso == "IQ"


def test_gaza_and_plural_demonyms_point_to_palestine():
    text = "Israeli airstrikes on the Nuseirat refugee camp in central Gaza killed 20 Palestinians."
    assert place_of(text).country_iso == "PS"


def test_mobile_with_evidence_is_the_city():
    place = place_of("A shooting at a mall in Mobile, Alabama, left two people dead.")
    assert (place.name, place.country_iso, place.admin1) == ("Mobile", "US", "Alabama")


def test_a_capital_beats_small_namesakes_abroad():
    text = "Twin bombings in the Old City of Damascus killed at least 74 people."
    assert place_of(text).country_iso == "SY"


def test_a_border_country_is_not_where_the_event_was():
    place = place_of("Gunmen attacked an army outpost near the border with Mali, killing 12.")
    assert place is None or place.country_iso != "ML"


def test_the_nationality_capital_is_the_capital_city():
    place = place_of("A car bomb exploded in the Somali capital on Friday, killing 5.")
    assert (place.name, place.country_iso, place.precision) == ("Mogadishu", "SO", 1)


def test_a_facility_keeps_its_name_and_is_located_by_its_region():
    place = place_of("Drones targeted US forces in the Ain Assad Air Base in Al Anbar.")
    assert (place.name, place.country_iso) == ("Ain Assad Air Base", "IQ")
    assert place.precision == 3  # the base is not in the gazetteer: located by its region


def test_occupied_town_and_two_letter_township():
    place = place_of("Russian forces shelled a bus stop in occupied Nova Kakhovka, Kherson region.")
    assert place.name == "Nova Kakhovka"
    place = place_of("In Ye township (Mawlamyine district, Mon state), a drone struck a base.")
    assert (place.name, place.country_iso) == ("Ye", "MM")


def test_the_region_in_the_chain_outweighs_a_country_named_elsewhere():
    text = (
        "A drone exploded at a school in Eilat (Beer Sheva, HaDarom). "
        "The army said an armed group in Syria launched the drone."
    )
    candidates = find_candidates(text)
    place = event_place(text, candidates, 0, 60, country_votes(candidates))
    assert (place.name, place.country_iso) == ("Eilat", "IL")


def test_a_neighbourhood_and_its_district_are_located_by_the_city():
    text = "IS drones dropped explosives on Bab el Toub neighborhood (Old City district), central Mosul."
    assert place_of(text).country_iso == "IQ"


def test_acled_bracketed_spelling_names_the_place_but_a_bracketed_region_does_not():
    text = "PKK militants targeted Turkish army forces in the Sergele (Sargali) area (Al Amadiya, Duhok)."
    assert place_of(text).name == "Sargali"
    place = place_of("On 11 July 2024, in Suarez (Cauca), dissidents threw a grenade from a drone.")
    assert place.name == "Suarez"


def test_a_bracketed_qualifier_stays_part_of_the_name():
    text = "In Bant Bway (Ywar Ma) village of Yinmarbin township (Sagaing region), a drone struck."
    assert place_of(text).name == "Bant Bway (Ywar Ma)"


def test_armed_group_names_are_never_places():
    text = "Hamas militants launched drones at soldiers in Mefalsim (Ashqelon, HaDarom)."
    assert place_of(text).name == "Mefalsim"


def test_a_nationality_before_a_place_noun_is_a_country_hint_not_a_town():
    from transforms.extract.article import extract_article

    body = (
        "A bomb exploded in a market in the northern Afghan city of Kunduz on Thursday, "
        "killing at least seven people."
    )
    mentions, _ = extract_article({"article_id": "x", "body": body, "published_at": "2023-10-05"})
    assert [(m["location"], m["country_iso"]) for m in mentions] == [("Kunduz", "AF")]


@pytest.mark.parametrize(
    ("text", "iso", "admin1"),
    [
        ("A roadside bomb hit a convoy in Iraq's Anbar province on Sunday.", "IQ", "Al Anbar"),
        ("Gunmen attacked a village in Nigeria's Borno state on Monday.", "NG", "Borno"),
    ],
)
def test_a_country_in_the_possessive_is_the_country_not_a_town(text, iso, admin1):
    place = place_of(text)
    assert (place.country_iso, place.admin1) == (iso, admin1)
    assert "'s" not in place.name


def test_an_acronym_in_the_possessive_is_no_town():
    assert find_candidates("Drones hit the base on Sunday, the ELN's armed wing claimed.") == []


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Gunmen attacked a police post in Guerrero on Sunday.", "Guerrero"),
        ("Cartel drones hit ranches across Michoacan last week.", "Michoacán"),
    ],
)
def test_a_division_named_like_a_town_elsewhere_is_the_division(text, admin1):
    place = place_of(text)
    assert (place.country_iso, place.admin1, place.precision) == ("MX", admin1, 3)


def test_a_town_inside_the_division_of_its_name_stays_the_town():
    place = place_of("A drone struck a market in Idlib on Monday.")
    assert (place.admin1, place.precision) == ("Idlib", 1)
