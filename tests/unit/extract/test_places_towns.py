"""A town the gazetteer lacks, named as one in the lead of an article whose place is otherwise
only its province: sentences written for the test (the village names are made up)."""

from tests.unit.extract.test_places_articles import article_place

_LEAD = (
    "BEIRUT Air strikes killed 14 people in the northern province of Idlib on Tuesday, "
    "activists said. Rescue workers in Idlib said the dead were killed in raids on "
)


def test_a_village_named_in_the_lead_is_the_place_within_its_province():
    body = _LEAD + "the village of Kafr Zunbulta. The bodies were taken to a field hospital."
    assert article_place(body) == ("Kafr Zunbulta", "Idlib", "Syria")


def test_a_village_said_to_lie_in_another_area_is_not_the_provinces_place():
    body = _LEAD + "the village of Kafr Zunbulta in Eastern Ghouta. More raids followed."
    assert article_place(body)[0] != "Kafr Zunbulta"


def test_a_village_named_with_the_city_itself_is_a_round_up():
    body = (
        "Rockets killed two people in Idlib on Friday, a source said. The rockets hit "
        "Idlib city and Kafr Zunbulta town in the province's south."
    )
    assert article_place(body)[0] != "Kafr Zunbulta"


def test_two_villages_in_the_lead_are_a_round_up_of_the_province():
    body = _LEAD + "the village of Kafr Zunbulta and the village of Tell Qawsara. More followed."
    assert article_place(body)[0] not in ("Kafr Zunbulta", "Tell Qawsara")


_CITY_LEAD = (
    "DAMASCUS A car bomb killed four people in Damascus on Thursday, state media said. "
    "Police sealed off the street after the blast. "
)


def test_a_district_of_the_city_named_just_after_the_lead_is_the_place():
    body = _CITY_LEAD + "The bomb went off in the Bab Qarnoun neighbourhood near a bakery."
    location, admin1, country = article_place(body)
    assert (location, country) == ("Bab Qarnoun", "Syria")


def test_districts_named_after_a_lead_about_parts_of_the_city_are_a_round_up():
    body = (
        "DAMASCUS Shells killed four people in rebel-held parts of Damascus on Thursday, a "
        "monitor said. Rescuers searched the rubble. The shells hit the Bab Qarnoun "
        "neighbourhood near a bakery."
    )
    assert article_place(body)[0] == "Damascus"


def test_a_story_naming_several_districts_after_its_lead_is_a_round_up():
    body = _CITY_LEAD + (
        "The bomb went off in the Bab Qarnoun neighbourhood near a bakery. Mortars later hit "
        "the Tell Sahwat district in the south."
    )
    assert article_place(body)[0] == "Damascus"


def test_eastern_ghouta_is_a_place_in_rural_damascus_not_the_capital():
    # GeoNames lacks the region; the news names it as the place of the event
    body = (
        "BEIRUT Shelling killed nine civilians near the Syrian capital on Monday, a monitor "
        "said. Three children were among the dead in Eastern Ghouta, the monitor said."
    )
    location, admin1, country = article_place(body)
    assert (location, country) == ("Eastern Ghouta", "Syria")
    assert admin1 != "Damascus"
