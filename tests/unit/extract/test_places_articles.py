"""The place of whole articles' primary event: the names wire copy and scraped pages write, one
test per phenomenon, each with sentences written for the test."""

from tests.unit.extract.test_places import place_of
from transforms.extract.article import extract_article
from transforms.extract.places import find_candidates, same_admin1, same_place


def test_a_country_possessive_without_its_apostrophe_is_cut_from_the_next_name():
    # Scraped copy often loses its apostrophes: "Syrias Idlib province" is Syria's Idlib.
    place = place_of("A car bomb went off in Syrias Hama province on Monday.")
    assert place.name == "Hama"
    assert place.admin1 == "Hama" and place.country == "Syria"


def test_weekday_and_month_abbreviations_are_not_places():
    # "Sat" is an alternate name of San Antonio; "Dec" ends no town's name
    place = place_of("Fri Mar 4 2016 A boy was shot in Chapel Hill Dec. 25, police said.")
    assert place.name == "Chapel Hill"
    names = [c.surface for c in find_candidates("Sat Jul 26 2014 Wed Oct 5")]
    assert names == []


def test_a_typographic_possessive_names_the_city_without_it():
    place = place_of("Three men were shot on Chicago’s South Side on Friday.")
    assert place.name == "Chicago"
    assert place.admin1 == "Illinois"


def test_a_name_without_its_arabic_article_is_the_gazetteers_name_with_it():
    # GeoNames has "Al-Qamishli"; wire copy writes "Qamishli"
    place = place_of("A bomb killed 12 people in Qamishli on Wednesday.")
    assert place.country == "Syria"
    assert same_admin1(place.admin1, "Hasakeh")


def test_a_common_news_spelling_is_the_gazetteers_city():
    place = place_of("Air strikes on the city of Raqa killed nine people.")
    assert place.name == "Raqa" and place.country == "Syria"
    assert same_place("Raqa", "Raqqa")


def test_the_governorate_of_damascus_is_its_coders_name():
    place = place_of("A mortar shell hit a school in Damascus on Tuesday.")
    assert same_admin1(place.admin1, "Damascus")


def test_an_armed_groups_name_is_not_a_place():
    text = "The Nusra Front said it killed 20 soldiers near Aleppo."
    assert "Nusra" not in [c.surface for c in find_candidates(text)]
    assert place_of(text).name == "Aleppo"


def article_place(body: str, title: str | None = None, published: str = "2016-03-07"):
    """The reported mention's place fields of an article read as the pipeline reads it."""
    mentions, _ = extract_article(
        {"article_id": "t", "title": title, "body": body, "published_at": published}
    )
    reported = next(m for m in mentions if m["role"] == "reported")
    return reported["location"], reported["admin1"], reported["country"]


def test_a_dateline_with_a_state_abbreviation_settles_the_town():
    body = (
        "SPRINGFIELD, Ill. (AP) — Two men were wounded in a shooting outside a bar early "
        "Sunday, police said. Officers found the men on the sidewalk."
    )
    assert article_place(body) == ("Springfield", "Illinois", "United States")


def test_a_dateline_town_the_gazetteer_lacks_keeps_its_state():
    body = "ZZYZXVILLE, Tenn. (WXXX) – A man was shot dead on Friday night, deputies said."
    assert article_place(body) == ("Zzyzxville", "Tennessee", "United States")


def test_a_bureau_dateline_gives_way_to_the_region_the_lead_names():
    body = (
        "BEIRUT (Reuters) - Air strikes killed 12 people in Syria's Idlib province on "
        "Tuesday, a monitor said."
    )
    assert article_place(body)[1:] == ("Idlib", "Syria")


def test_the_headlines_town_is_the_events_place():
    body = "A 19-year-old man died after he was shot on Tuesday night, police said."
    title = "Man dies in Flint shooting"
    assert article_place(body, title) == ("Flint", "Michigan", "United States")


def test_a_title_case_headline_names_a_place_only_if_the_body_does():
    body = "A woman was shot and killed on Sunday in Tulsa, police said."
    title = "Woman Shot Dead At Home; Man Held"
    assert article_place(body, title) == ("Tulsa", "Oklahoma", "United States")


def test_where_a_victim_lives_is_not_where_the_event_happened():
    body = "A Dayton man was shot and killed early Saturday in Springfield, Ohio, police said."
    assert article_place(body) == ("Springfield", "Ohio", "United States")


def test_a_county_is_not_the_town_of_its_name():
    # "Marion County" is not Marion (a town in several states): the dateline town is the place
    body = "OCALA, Fla. - Marion County deputies arrested a man in a nightclub shooting."
    assert article_place(body) == ("Ocala", "Florida", "United States")


def test_a_neighbourhood_is_a_district_of_the_dateline_city():
    body = "CHICAGO — A shooting in the Austin neighborhood wounded three men on Friday."
    location, admin1, country = article_place(body)
    assert (location, admin1, country) == ("Austin", "Illinois", "United States")


def test_a_town_near_the_headlines_city_is_the_more_specific_place():
    body = (
        "A car bomb killed 30 people on Friday in the town of Douma, north-east of Damascus, "
        "state media said."
    )
    title = "Car bomb kills 30 near Damascus"
    location, admin1, country = article_place(body, title)
    assert location == "Douma" and country == "Syria"
    assert same_admin1(admin1, "Rural Damascus")


def test_a_village_the_gazetteer_lacks_takes_the_division_the_article_names_most():
    body = (
        "Warplanes struck the village of Qaryat Zzyzx on Wednesday, killing nine people. "
        "The village lies in Idlib province, where air strikes on Idlib city killed five."
    )
    location, admin1, country = article_place(body)
    assert (location, country) == ("Qaryat Zzyzx", "Syria")
    assert admin1 == "Idlib"


def test_a_towns_name_after_a_given_name_is_a_surname():
    # Jackson (Mississippi) is a large city: alone it would be read as the place
    text = "Dwayne Jackson said his cousin was shot in Bridgeport on Friday."
    assert "Jackson" not in [c.surface for c in find_candidates(text)]
    assert place_of(text).name == "Bridgeport"


def test_a_nationality_before_a_division_is_read_as_two_names():
    text = "A suicide blast hit a market in the Syrian Idlib province on Sunday."
    place = place_of(text)
    assert place.name == "Idlib" and place.country == "Syria"


def test_a_town_of_several_states_is_the_one_in_the_state_the_article_names():
    # GeoNames' largest Springfield is Missouri's; the article names Illinois
    body = (
        "Two men were shot in Springfield on Saturday night. Illinois State Police are "
        "investigating, and the Illinois governor called the shooting senseless."
    )
    assert article_place(body)[1] == "Illinois"


def test_a_district_the_gazetteer_lacks_is_the_place_within_its_city():
    body = (
        "A car bomb killed six people in the Zzyzx area in the Syrian capital Damascus on "
        "Thursday, state media said."
    )
    title = "Car bomb kills six in Damascus"
    location, admin1, country = article_place(body, title)
    assert (location, country) == ("Zzyzx", "Syria")
    assert same_admin1(admin1, "Damascus")


def test_several_districts_of_a_city_are_a_round_up_of_the_city():
    body = (
        "Rockets killed seven people in Aleppo on Monday. The shells fell on the neighbourhoods "
        "of Zzyzx and Qqyx, a source said."
    )
    assert article_place(body)[0] == "Aleppo"


def test_an_arabic_article_does_not_make_another_place():
    assert same_place("al-Rankus", "Rankus")
    assert not same_place("al-Bab", "Bab al-Salama")


def test_a_towns_police_place_the_event_in_town():
    text = "Ocala Police were called to a house where a man had been shot."
    place = place_of(text)
    assert (place.name, place.admin1) == ("Ocala", "Florida")


def test_a_country_in_a_list_is_where_a_group_operates_not_the_event():
    text = (
        "Militants of the group operating in Iraq and Syria were killed in clashes in "
        "northeastern Syria on Thursday."
    )
    assert place_of(text).country == "Syria"


def test_a_large_citys_name_before_a_surname_is_a_given_name():
    text = "Opposition figure George Zzyzx said in a statement that 40 people died in Homs."
    assert "George" not in [c.surface for c in find_candidates(text)]
    assert place_of(text).name == "Homs"


def test_a_town_named_later_in_the_region_the_lead_names_is_the_place():
    body = (
        "A bomb in a mosque in Idlib killed 25 fighters on Friday, a monitor said. The group "
        "said the toll could rise. The blast hit a mosque in the town of Saraqib in Idlib "
        "province, the monitor said."
    )
    assert article_place(body) == ("Saraqib", "Idlib", "Syria")


def test_a_province_named_as_the_lead_event_is_kept_without_a_town_named_as_one():
    body = (
        "Clashes in Daraa province killed 40 fighters over two days, a monitor said. Rebels "
        "fired on army posts near Daraa city."
    )
    assert article_place(body)[1:] == ("Daraa", "Syria")


def test_two_divisions_side_by_side_are_two_names():
    text = "Shells killed a child in terrorist attacks in Aleppo Damascus Countryside and Hama."
    names = [c.surface for c in find_candidates(text)]
    assert "Aleppo" in names and "Aleppo Damascus" not in names


def test_a_street_corner_in_a_headline_is_not_a_town():
    body = "KANSAS CITY, Mo. — A woman was killed in a shooting on Saturday, police said."
    title = "Man charged in shooting near 21st & Cleveland that left one woman dead"
    assert article_place(body, title) == ("Kansas City", "Missouri", "United States")


def test_a_division_of_a_country_the_text_does_not_name_is_no_parent():
    # "Northern Province" is a division of several countries, none of them Syria
    text = (
        "Fighters attacked the town of Qaryat Zzyzx in the Northern Province of Aleppo, "
        "killing 23 militants in Syria."
    )
    assert place_of(text).country == "Syria"


def test_a_name_after_a_title_or_rank_is_a_person_not_a_place():
    text = (
        "A boy was shot at a home in McDonough, Georgia on Friday. Lt. Mike Ireland said the "
        "gun belonged to a relative. Dr. Jordan Hayes treated the boy."
    )
    names = {c.surface for c in find_candidates(text)}
    assert "Ireland" not in names and "Jordan" not in names
    assert "McDonough" in names or "Georgia" in names


def test_a_name_before_county_is_the_county_not_a_town_of_that_name():
    text = (
        "Prosecutors charged a man in the Saturday shooting, Jackson County Prosecutor Jean "
        "Baker announced. The Oklahoma County Sheriff's Office is investigating."
    )
    names = {c.surface for c in find_candidates(text)}
    assert "Jackson" not in names  # no town of Jackson: the county's name
    assert "Oklahoma" in names  # a state's name still tells the state


def test_a_source_and_dateline_in_capitals_after_a_dash_are_not_part_of_the_name():
    def location(body: str) -> str:
        article = {"article_id": "t", "body": body, "published_at": "2017-04-23"}
        return extract_article(article)[0][0]["location"]

    assert location("Three fighters were killed in Quneitra - IDF MOSCOW (Sputnik).") == "Quneitra"
    # ACLED's compound names keep their part
    assert location("Three fighters were killed in Omar - Oil Fields.") == "Omar - Oil Fields"


def test_man_at_the_start_of_a_headline_is_no_place():
    assert "Man" not in {c.surface for c in find_candidates("Man died playing game with gun")}


def test_a_street_is_where_in_a_town_not_the_place():
    body = "A man was shot on Elm Street in Springfield, Missouri on Friday, police said."
    mention = extract_article({"article_id": "t", "body": body, "published_at": "2016-03-26"})[0][0]
    assert (mention["location"], mention["admin1"]) == ("Springfield", "Missouri")


def test_a_section_of_a_city_is_a_district_of_it():
    body = "Four people were injured by gunfire in the Campostella section of Norfolk on Sunday."
    mention = extract_article({"article_id": "t", "body": body, "published_at": "2016-08-14"})[0][0]
    assert (mention["location"], mention["admin1"]) == ("Campostella", "Virginia")
