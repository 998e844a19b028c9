"""The place of whole articles' primary event: the names wire copy and scraped pages write, one
test per phenomenon, each with sentences written for the test."""

from tests.unit.extract.test_places import place_of
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
