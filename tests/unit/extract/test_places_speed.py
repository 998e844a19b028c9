"""The fast paths of candidate finding and gazetteer loading say what their slow specs say."""

import json

import pytest

from transforms.extract.places import (
    Candidate,
    Candidates,
    classify,
    find_candidates,
    geonames,
    model,
    names,
    scan,
)


@pytest.mark.parametrize(
    "before",
    [
        "A missile struck ",
        "fighting in  the  northern outskirts of ",
        "an attack near\tthe\ncity of ",
        "Forces shelled (in ",
        "people within ",
        "troops out of ",
        "IN THE VICINITY OF ",
        "drones hit the south-west suburbs of ",
        "in, ",
        "Zelensky said ",
        "in",
    ],
)
def test_the_cue_reader_agrees_with_the_cue_regex(before):
    assert scan._cue_before(before) == bool(scan._CUE.search(before))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes hit al-Bukamal overnight.", True),
        ("as-Suwayda was shelled.", True),
        ("Russian-backed forces attacked.", False),
        ("A man-made crater.", False),
    ],
)
def test_names_with_an_arabic_article_are_found_only_when_there(text, expected):
    assert scan._has_article_name(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Strikes hit al-Bukamal, as-Suwayda and Deir ez-Zor; al-Foo al-Bar was shelled.",
        "al-Qaeda's ash-Shaddadi, an-Nabk and Russian-backed al-X (az-Zawiya) near el-Fasher",
        "Mal-Bar, xal-Bar, 'al-Bar, al-bar, al-\u00c9cole, ash-Sham al-Sharqi",
    ],
)
def test_names_with_an_article_are_found_where_a_scan_of_the_text_finds_them(text):
    spec = sorted(
        [*scan._CAPITALISED.finditer(text), *scan._WITH_ARTICLE.finditer(text)],
        key=lambda m: m.start(),
    )
    merged, end = [], 0
    for match in spec:
        if match.start() >= end:
            merged.append(match)
            end = match.end()
    assert [m.span() for m in scan._phrases(text)] == [m.span() for m in merged]


def test_article_names_and_capitalised_phrases_are_read_together():
    text = "Drones struck al-Bukamal and Deir ez-Zor, then Mayadin."
    assert [c.surface for c in find_candidates(text)] == ["al-Bukamal", "Deir ez-Zor", "Mayadin"]


def test_json_objects_are_read_across_chunk_boundaries(tmp_path):
    cities = {
        str(i): {"geonameid": i, "name": f"Town {{{i}}}: x", "alternatenames": ["a"]}
        for i in range(50)
    }
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(cities), encoding="utf-8")
    assert list(geonames._json_objects(path, chunk=7)) == list(cities.values())


@pytest.mark.parametrize(
    "words",
    [["in"], ["(in"], ["in,"], ["(the"], ["near)"], ["x", "(,of;)"], ["o,f"], ["(", "said"], []],
)
def test_cue_words_are_found_with_their_brackets_and_commas_stripped(words):
    spec = not scan._CUE_LAST_WORDS.isdisjoint([w.strip(",;:()") for w in words])
    assert scan._any_cue_word(words) is spec


@pytest.mark.parametrize("starts", [[0, 5, 5, 12, 30, 41], [30, 5, 0, 41, 12, 5]])
def test_the_candidate_index_finds_what_a_scan_finds(starts):
    candidates = Candidates(
        Candidate(f"X{i}", s, s + 2, coded=i % 2 == 0) for i, s in enumerate(starts)
    )
    listing = model._listing(candidates)
    for first, last in [(0, 0), (5, 11), (6, 40), (0, 100), (42, 50)]:
        scanned = [c for c in candidates if first <= c.start <= last]
        assert listing.starting_in(first, last) == scanned
    assert listing.coded == [c for c in candidates if c.coded]
    for start in [0, 5, 12, 13, 41, 99]:
        first = next((c for c in candidates if c.start == start), None)
        assert listing.first_at(start) is first
    assert model._listing(candidates) is listing
    assert model._listing(list(candidates)) is not listing


def test_an_articles_candidates_are_freed_without_the_cycle_collector():
    # the listing that a Candidates list keeps holds a copy, not the list: no cycle, so each
    # article's candidates, their scan and its matches go when the article is done
    import gc

    from tests.fingerprint import sample_articles
    from transforms.collector import cycle_collection_paused
    from transforms.extract.article import extract_article

    article = next(iter(sample_articles()))
    extract_article(article)  # memos and lazy patterns filled first
    gc.collect()
    with cycle_collection_paused():
        candidates = find_candidates(article["body"])
        assert candidates and model._listing(candidates).candidates == candidates
        del candidates
        extract_article(article)
        assert gc.collect() == 0


def test_a_memo_computes_each_answer_once_and_empties_when_full():
    calls = []

    def square(n):
        calls.append(n)
        return n * n

    memo = names._Memo(limit=2)
    assert [memo.remember(n, square, n) for n in (1, 2, 1, 3)] == [1, 4, 1, 9]
    assert calls == [1, 2, 3] and len(memo) == 3
    assert memo.remember(4, square, 4) == 16 and set(memo) == {4}  # over the limit: emptied


def test_a_value_kept_after_a_miss_is_remembered_as_remember_would():
    kept, remembered = names._Memo(limit=2), names._Memo(limit=2)
    for n in (1, 2, 3, 4):
        assert classify._keep(kept, n, n * n) == remembered.remember(n, lambda n: n * n, n)
        assert kept == remembered  # the same answers, emptied at the same time


@pytest.mark.parametrize(
    "text",
    [
        "Rockets hit the neighbourhoods of Salah al-Din and Sukkari.",
        "Shelling of the DISTRICTS OF the city.",
        "The Neighborhoods of X",
        "Two cities of the north",
        "the district of X",
        "di\u017ftricts of X",  # long s: re.I folds it to "s"
        "quarters of",
    ],
)
def test_several_parts_are_found_where_the_regex_finds_them(text):
    from transforms.extract.places import primary

    expected = bool(primary._SEVERAL_PARTS.search(text, 0, len(text)))
    assert primary._several_parts(text, 0, len(text)) is expected
