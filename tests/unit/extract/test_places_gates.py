"""The gates and caches of place reading give what the tests they stand for give."""

import pytest

from transforms.extract.places import classify


@pytest.mark.parametrize(
    "surface",
    [
        "As-Salamiyeh",
        "al-Bukamal al-Sharqi",
        "Global Coalition",
        "Islamic State",
        "STC Security Belt",
        "the PKK-led",
        "Ain Assad",
        "Deir ez-Zor",
        "Abu-al-STC",
        "AL-Foo",
        "A B",
        "Kafr\u00a0Nabl",
    ],
)
def test_names_read_word_by_word_are_read_as_whole(surface):
    words = classify._ARTICLE_PREFIX.sub("", surface).replace("-", " ").split()
    spec = not any(
        (w.isupper() and len(w) > 1)
        or classify._fold_word(w) in classify.COMMON_WORDS
        or classify._fold_word(w) in classify.ACTOR_WORDS
        for w in words
    )
    assert classify._could_be_name(surface) is spec


@pytest.mark.parametrize(
    "name",
    [
        "Harir Air Base",
        "Harir Air  Base",
        "Harir airbase",
        "Mosul Dam",
        "Omar Oil Fields",
        "Tal Abyad Border Crossing",
        "Kabul",
        "Base",
        "Camp",
        "X Power Plant",
        "X Air-Base",
        "X Ba\u017fe",  # long s: re.I folds it to "s"
        "X Prison\u00a0Camp",
        "Kabul University Hospital",
    ],
)
def test_facilities_are_found_where_the_regex_finds_them(name):
    spec = classify._FACILITY.search(name)
    found = classify._facility(name)
    assert (found and found.span()) == (spec and spec.span())
