"""Country evidence: nationalities that name arms or people, armed groups, bracketed divisions,
seas, lists after "from", division names that are common words or carry an Arabic article."""

import pytest

from transforms.extract.places import country_votes, event_place, find_candidates


def place_of(text: str):
    candidates = find_candidates(text)
    return event_place(text, candidates, 0, len(text), country_votes(candidates))


def votes_of(text: str) -> dict[str, float]:
    return country_votes(find_candidates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Turkish drones struck a shepherd's hut in the mountains.",
        "American spy planes fired three missiles at a compound.",
        "An Afghan asylum seeker attacked passengers on a train with an axe.",
        "At least five people including a Pakistani national were killed in the blast.",
        "Iranian-backed militias were targeted by unidentified drones.",
        "The strike killed 8 fighters of non-Syrian citizenship.",
        "One Thai woman selling fruit on the street was killed.",  # not Malaysia's "Thai" town
    ],
)
def test_a_nationality_naming_arms_or_people_is_no_country_hint(text):
    assert votes_of(text) == {}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("50 Yemeni soldiers were killed in a suicide bombing.", "YE"),
        ("Car bombs attacked the tenth Iraqi Army division.", "IQ"),
        ("A Togolese army post was attacked by a suicide drone.", "TG"),
    ],
)
def test_a_nationality_naming_soldiers_stays_a_weak_hint(text, iso):
    assert votes_of(text) == {iso: 0.4}


def test_a_country_naming_its_forces_is_a_weak_hint():
    votes = votes_of("A group (likely the Burkinabe or Mali military forces) carried out strikes.")
    assert votes == {"BF": 0.4, "ML": 0.4}  # not 3 for Mali: the two are even


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Al Shabaab fighters were meeting when the drones struck.", "SO"),
        ("Houthi forces launched a drone at a ship.", "YE"),
        ("JNIM dropped an IED on a position of volunteer fighters (VDP).", "BF"),
        ("A TTP commander was killed in the strike.", "PK"),
    ],
)
def test_an_armed_group_of_one_country_is_a_weak_hint(text, iso):
    assert votes_of(text) == {iso: 0.5}


def test_the_last_name_of_a_bracketed_chain_counts_as_a_division():
    text = "PKK militants targeted Turkish army forces in the Sergele area (Al Amadiya, Duhok)."
    votes = votes_of(text)
    assert votes["IQ"] == 2.0
    assert max(votes, key=votes.__getitem__) == "IQ"


def test_a_division_named_like_a_large_city_abroad_gives_no_vote():
    place = place_of("Three people were stabbed at Victoria Station in Manchester.")
    assert place.country_iso == "GB"


def test_a_sea_is_not_the_place_of_a_strike():
    text = "A drone crashed in the Red Sea off the Coast of Eilat (Beer Sheva, HaDarom)."
    assert (place_of(text).name, place_of(text).country_iso) == ("Eilat", "IL")
    # ... but a governorate named after it is, when a place noun says so
    assert votes_of("Gunmen stormed a hotel in the Red Sea city on Friday.") == {
        "EG": 1.0,
        "SD": 1.0,
    }


def test_a_division_short_name_that_is_a_common_word_needs_its_full_name():
    text = "On 4 August 2018, in Caracas - Libertador (Distrito Capital), two drones exploded."
    assert place_of(text).country_iso == "VE"


@pytest.mark.parametrize("name", ["Al-Raqqa", "ar-Raqqah", "Raqqa"])
def test_division_names_with_or_without_an_arabic_article(name):
    place = place_of(f"An armed drone targeted a car in Al-Hikma village of {name} governorate.")
    assert place.country_iso == "SY"


def test_a_division_acronym_names_its_province():
    text = "TTP militants attacked a check post in Sararogha area (South Waziristan, KPK)."
    assert place_of(text).country_iso == "PK"


def test_every_name_of_a_list_after_from_is_an_origin():
    text = "Militants stabbed 3 foreign tourists from Sweden and Austria."
    assert [c.origin for c in find_candidates(text)] == [True, True]
    text = "A drone was launched from southern Gaza into Israel and hit a vehicle."
    origins = {c.surface: c.origin for c in find_candidates(text)}
    assert origins == {"Gaza": True, "Israel": False}


def test_the_border_country_does_not_outvote_the_town():
    text = "A radar station was hit in the Rabnita district, six kilometers from the border with Ukraine."
    assert place_of(text).country_iso == "MD"


def test_the_words_of_a_unit_name_are_not_places():
    text = "PKK militants from the Sehid Axin Mus unit launched a suicide drone."
    assert [c.surface for c in find_candidates(text)] == []


def test_a_large_city_called_a_city_outweighs_a_country_named_elsewhere():
    text = (
        "Five people were killed by a drone strike on a hotel in Khost city. Most of the guests "
        "at the hotel were from Waziristan, Pakistan."
    )
    assert place_of(text).country_iso == "AF"


# Names and parents: ACLED's compound names, features within a town, chains ending in a state.


def test_a_coded_name_keeps_its_bracketed_part():
    text = (
        "On 2 March 2023, in Nyaung Pin village (coded as Nyaung Pin (East)) (Myaung township, "
        "Sagaing district, Sagaing region), resistance forces attacked a police station."
    )
    place = place_of(text)
    assert place.name == "Nyaung Pin (East)"
    assert (place.country_iso, place.admin1) == ("MM", "Sagaing")


def test_a_dashed_part_of_a_name_is_kept():
    text = "A drone targeted the base in Conoco - Gas Field in the countryside of Deir ez Zor."
    assert place_of(text).name == "Conoco - Gas Field"


def test_an_area_within_a_district_is_coded_to_the_district():
    text = "Two militants were killed by a drone strike in the Kakaran area of Musa Qala district, Helmand."
    assert place_of(text).name == "Musa Qala"
    # ... but not to a province's centre: the area's name is kept
    text = "PKK militants targeted Turkish army units in Gire Cudi area of Duhok."
    assert place_of(text).name == "Gire Cudi"


@pytest.mark.parametrize("town", ["As-Salamiyeh", "Al-Qusayr"])
def test_a_town_with_an_arabic_article_is_a_name(town):
    place = place_of(f"A drone struck the vicinity of {town} town in Homs countryside.")
    assert place.name == town
    assert place.country_iso == "SY"


def test_a_two_letter_village_after_village_of():
    text = "Militants dropped IEDs by drone in the village of Ga (Kaya, Sanmatenga)."
    assert place_of(text).name == "Ga"


def test_a_chain_ending_in_a_state_locates_by_the_state_not_a_namesake_town():
    text = "On 26 May 2023, close to El Parotal, Guerrero, armed men used drones with explosives."
    place = place_of(text)
    assert (place.name, place.country_iso, place.admin1) == ("El Parotal", "MX", "Guerrero")


def test_the_other_name_of_a_coded_place_is_not_its_parent():
    text = (
        "In a village of the Waw Lay Myaing area (coded as Waw Lay Myaing (Waw Lay)) "
        "(Myawaddy township, Myawaddy district, Kayin state), a drone attack hit a camp."
    )
    assert place_of(text).admin1 == "Kayin"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Krasnodar", "Krasnodar Krai"), ("Khost", "Khowst"), ("Tartous", "Tartus"), ("FATA", "KPK")],
)
def test_division_spellings(a, b):
    from transforms.extract.places import same_admin1

    assert same_admin1(a, b)


def test_a_country_naming_its_consulate_is_a_weak_hint():
    text = "A man blew himself up near the United States consulate in Jeddah."
    assert place_of(text).country_iso == "SA"


def test_a_group_named_after_a_province_is_no_place():
    text = "The Islamic State Khorasan Province claimed the attack on the gurdwara."
    assert place_of(text) is None
    assert votes_of(text) == {"AF": 0.5}


def test_a_country_named_as_the_origin_is_not_read_as_a_namesake_province():
    text = "A drone was launched from southern Gaza into Israel and damaged a military vehicle."
    assert place_of(text).country_iso == "IL"  # not Mozambique's Gaza province
