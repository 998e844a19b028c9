"""The gates and caches of place reading give what the tests they stand for give."""

import re

import pytest

from transforms.extract.places import candidates, classify, event, gazetteer, names, scan

# Texts whose phrases hold small namesakes cut out of longer names, nouns after them, codings,
# facilities, nationalities and divisions: every span of their phrases is checked.
TEXTS = [
    "Gunmen attacked the Grand Nuri mosque in Mosul, near Chapel Hill Dec. 25.",
    "Coded to the town of Grand Nuri Mosque; the Little Rock Central High School was shut.",
    "Troops left Harir Air Base and Ain Assad Air Base for the Mosul Dam in Nineveh province.",
    "The Syrian Idlib province and Aleppo Damascus Countryside saw strikes on Jackson County.",
    "George Sabra said the Old City of Damascus was hit; Frederick Boise and Orlando Collins too.",
    "Fighting near Tal Abyad Border Crossing and the Kabul Wrestling Club, Sehid Axin Mus unit.",
    "In Saint Louis Park village, Springfield Township and New Salem Village Council met.",
]


def _spans(text: str):
    """Every span _read_phrase may read in the text: (phrase start, phrase, plan, span)."""
    gaz = gazetteer()
    for match in scan._phrases(text):
        phrase = match.group()
        if len(phrase.split()) < 2:
            continue
        count, folded, firsts = candidates._span_plan(gaz, phrase)
        for first, spans in enumerate(firsts):
            for span in spans or ():
                yield match.start(), folded, first, span


def test_small_namesakes_are_those_cut_out_after_reading():
    gaz = gazetteer()
    checked = 0
    for text in TEXTS:
        reader = scan._Scan(text)
        for start, folded, first, span in _spans(text):
            last, at, end, key, worth, _, small = span
            if worth == candidates._SKIP:
                continue
            read = classify._classify(gaz, reader, start + at, start + end, key)
            if read is None:
                continue
            partial = candidates._rest_named(folded, first, last)
            expected = partial and candidates._cut_out(gaz, reader, read)
            gate = small and not reader.noun_at(start + end) and not reader.source(start + at)[0]
            assert bool(gate) == expected, (text, key)
            checked += 1
    assert checked > 20


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


@pytest.mark.parametrize(
    "surface",
    [
        "Mosul",
        "Mosul's",
        "Iraq’s",
        "Syrias",
        "Deir ez-Zor",
        "Idlib",
        "New York",
        "Harir Air Base",
        "Khost",
        "al-Bukamal's",
        "Kafr\u00a0Nabl",
        "Xʼs",
        "VDP",
        "Syrian",
    ],
)
def test_name_facts_look_names_up_by_the_folded_name(surface):
    gaz = gazetteer()
    key = names.fold(surface)
    facts = classify._name_facts(gaz, surface, key)
    bare = surface[:-2] if surface.endswith(("'s", "’s")) else surface
    lookup = names.fold(bare)  # the spec: the bare name folded apart
    country = (
        gaz.country_by_name.get(key)
        or gaz.country_by_name.get(lookup)
        or classify.bare_possessive_country(gaz, key)
    )
    entries = (country, tuple(gaz.admin1_by_name.get(lookup, ())), gaz.cities_of_key(lookup))
    if facts is not None and facts[0] is None:  # not an acronym, not a nationality
        assert facts[1:4] == entries


def test_plan_keys_are_the_folded_names():
    for text in TEXTS:
        for start, _, _, span in _spans(text):
            _, at, end, key, *_ = span
            surface = text[start + at : start + end]
            assert key == names.fold(surface), surface


def test_names_in_no_index_have_the_facts_of_a_full_reading():
    gaz = gazetteer()
    texts = [*TEXTS, "The VDP, STC Security Belt and KPK Police met USA Today in Mosul's Old City."]
    checked = 0
    for text in texts:
        for match in scan._phrases(text):
            phrase = match.group()
            words = phrase.split()
            for first in range(len(words)):
                for last in range(first + 1, len(words) + 1):
                    surface = " ".join(words[first:last])
                    key = names.fold(surface)
                    if candidates._verdict(gaz, key) is not None:
                        continue
                    named = all(classify._could_be_word(w) for w in words[first:last])
                    expected = classify._name_facts(gaz, surface, key)
                    assert classify._unlisted_facts(gaz, surface, key, named) == expected
                    checked += 1
    assert checked > 50


def test_span_plans_are_those_of_names_read_in_full(monkeypatch):
    gaz = gazetteer()
    span_worth = candidates._span_worth

    def plans() -> list:
        fresh = names._Memo(100_000)  # no fact remembered from another reading
        monkeypatch.setattr(classify, "_FACTS", fresh)
        monkeypatch.setattr(candidates, "_FACTS", fresh)
        phrases = [m.group() for text in TEXTS for m in scan._phrases(text)]
        return [candidates._span_plan(gaz, p) for p in phrases if " " in p]

    fast = plans()
    # the spec: every name's facts read by _name_facts, not from its words' answers
    monkeypatch.setattr(
        candidates,
        "_span_worth",
        lambda gaz, key, surface, last, named=None: span_worth(gaz, key, surface, last),
    )
    assert plans() == fast


@pytest.mark.parametrize(
    "text",
    ["Lt. Mike Ireland said.", "Dr. Jordan", ". Dr. X", "A. B", "Gen.  Smith and Col.Jones", "Mr"],
)
def test_titles_are_found_behind_their_inline_test(text):
    for start in range(len(text) + 1):
        gated = (
            start > 2 and "." in text[start - 3 : start] and candidates._after_title(text, start)
        )
        assert gated == candidates._after_title(text, start)


def test_the_context_of_an_unknown_name_is_read_as_one_test():
    checked = 0
    for text in [*TEXTS, "Fighting in Kafr Nabl. Coded to Tal Hamis (X, Y) in Ras al-Ain."]:
        reader = scan._Scan(text)
        for start, _, _, span in _spans(text):
            s, e = start + span[1], start + span[2]
            before = text[max(0, s - 60) : s].lower()
            spec = reader.noun_at(e) is not None or (
                reader.may_be_cued(s)
                and bool(
                    scan._CHAIN.match(text, e)
                    or scan._CLAUSE_END.match(text, e)
                    or "coded" in before
                    or before.rstrip().endswith("of")
                )
            )
            assert candidates._worth_in_context(reader, s, e) == spec
            checked += 1
    assert checked > 50


# Texts that put every kind of character after and before a name: nouns in any case, spaces,
# brackets, chains, clause ends, actor names, "ſ" (which re.I reads as "s").
AROUND = [
    "Strikes hit Mosul village, Idlib  Province, Aleppo\tDistrict and Raqqa sub-district (Syria).",
    "Homs Sub-District; Hama subdistrict - Latakia. Tartus in the rural Deir ez-Zor, Daraa",
    "Fighting in Kherson said Kyiv; Lviv and Odesa, Kharkiv ſtate, Dnipro  said, Sumy",
    "the Islamic State in Iraq, the Islamic Resistance in Iraq and Tehreek-e-Taliban Pakistan",
    "(Army of the Free Syria), al-Qaeda in the Arabian Peninsula; Brigades of Syria\n",
    "Forces\u00a0in Yemen, the Party for Syria, Coalition \n of Iraq; Front of the  Syria x",
    "Gaza",
    "Gaza ",
    "Gaza v",
    "Gaza in",
    "Gaza (",
    "Gaza -",
    "Gaza.",
]


@pytest.mark.parametrize("text", AROUND)
def test_nouns_are_found_behind_their_first_letters(text):
    for end in range(len(text) + 1):
        spec = scan._NOUN_AT.match(text, end, end + 25) if text[end : end + 1].isspace() else None
        found = scan._Scan(text).noun_at(end)
        assert (found and found.span()) == (spec and spec.span()), end


@pytest.mark.parametrize("text", AROUND)
def test_chains_and_clause_ends_are_found_behind_their_first_characters(text):
    for end in range(len(text) + 1):
        regexes = bool(
            candidates._CHAIN.match(text, end) or candidates._CLAUSE_END.match(text, end)
        )
        assert not regexes or candidates._may_chain_or_end(text, end), end


@pytest.mark.parametrize("text", AROUND)
def test_actor_names_are_found_behind_their_words(text):
    for end in range(len(text) + 1):
        before = text[max(0, end - 60) : end]
        assert classify._in_actor_name(before) == bool(classify._IN_ACTOR_NAME.search(before)), end


@pytest.mark.parametrize(
    "text",
    [
        *AROUND,
        "al-A, -A, l-A, ash-B x, xash-B, (ash-B, as-B, a-B al-C, an-Nabk, Russian-Backed",
        "Mal-Bar, xal-Bar, 'al-Bar, al-bar, al-\u00c9cole, ash-Sham al-Sharqi, az-Zawiya’s el-X",
    ],
)
def test_article_starts_are_found_from_the_hyphens(text):
    spec = []  # each article looked for apart
    for article in scan._ARTICLES:
        at = text.find(article)
        while at >= 0:
            after = at + len(article)
            if text[after : after + 1].isupper() and not (
                at and scan._WORD_CHAR.match(text, at - 1)
            ):
                spec.append(at)
            at = text.find(article, at + 1)
    assert scan._article_starts(text) == sorted(spec)


_AFTER_NAME = [
    (classify._BORDER_AFTER, classify._BORDER_STARTS),
    (classify._CAPITAL, classify._CAPITAL_STARTS),
    (classify._COUNTRY_AS_ACTOR, classify._COUNTRY_AS_ACTOR_STARTS),
    (classify._RESIDENT_AFTER, classify._RESIDENT_STARTS),
    (classify._PEOPLE_OR_ARMS, classify._PEOPLE_OR_ARMS_STARTS),
    (scan._NOUN_AT, scan._NOUN_STARTS),
    (candidates._UNIT_AFTER, candidates._UNIT_STARTS),
    (event._AGENCY_AFTER, event._AGENCY_STARTS),
]


@pytest.mark.parametrize(("regex", "starts"), _AFTER_NAME)
def test_words_after_a_name_are_found_behind_their_first_letters(regex, starts):
    # every word of the regex after a name, in three cases, and the texts around names
    words = re.findall(r"[a-z]+", regex.pattern)
    texts = [f"Syria {w} x, Syria {w.upper()}, Syria {w.title()}-y" for w in words]
    for text in [*texts, *AROUND, "Syrian  drones, Iraqi -backed, Mali\ncapital, Syrian ſoldiers"]:
        for end in range(len(text) + 1):
            spaced = text[end : end + 1].isspace()
            expected = bool(regex.match(text, end))
            assert classify._word_after(regex, starts, text, end, spaced) == expected, (text, end)


def _span_plan_spec(gaz, phrase: str):
    """_span_plan as it was written before its per-phrase precomputations: each span's
    worth from _static_worth, its words' tests on slices, every candidate small namesake asked."""
    c = candidates
    words = [(m.start(), m.group()) for m in c._WORD.finditer(phrase)]
    folded = tuple(names._fold_word(w) for _, w in words)
    named = [classify._could_be_word(w) for _, w in words]
    notable = [k not in c.COMMON_WORDS and k not in c.DATE_WORDS for k in folded]
    count = len(words)
    firsts = []
    for first, (at, word) in enumerate(words):
        if not (word[:1].isupper() or c._ARTICLE_START.match(word)) or (
            folded[first] in c._WATER_WORDS
        ):
            firsts.append(None)
            continue
        spans = []
        for last in range(count, first, -1):
            end = words[last - 1][0] + len(words[last - 1][1])
            key = folded[first] if last - first == 1 else " ".join(filter(None, folded[first:last]))
            worth = c._static_worth(
                gaz, key, phrase[at:end], folded[last - 1], all(named[first:last])
            )
            if (
                worth != c._SKIP
                and last - first > 1
                and c._unknown_after_nationality(gaz, key, folded[first])
            ):
                worth = c._SKIP
            water = folded[last - 1] in c._WATER_WORDS
            if worth != c._SKIP or water:
                small = (
                    worth != c._SKIP
                    and (True in notable[:first] or True in notable[last:])
                    and c._small_namesake(gaz, phrase[at:end], key)
                )
                spans.append((last, at, end, key, worth, water, small))
        firsts.append(tuple(spans))
    return count, folded, tuple(firsts)


@pytest.mark.parametrize(
    "phrase",
    [
        *(m.group() for text in TEXTS for m in scan._phrases(text)),
        "Grand Nuri Mosque Dec",
        "Monday Grand Rapids",
        "Dec Little Rock Central",
        "Red Sea",
        "Gulf of Aden",
        "al-Bukamal al-Sharqi Hospital",
        "STC Aden",
        "Islamic State Khorasan Province",
        "Springfield Air Base Monday",
        "Mosul's al-Masaref",
        "New York City Police Department",
        "Tal . Abyad Border Crossing",  # a word that folds to nothing
    ],
)
def test_span_plans_are_those_of_the_spec(phrase):
    gaz = gazetteer()
    assert candidates._span_plan(gaz, phrase) == _span_plan_spec(gaz, phrase)


# Contexts that end with the words each regex ends with, with brackets, other spaces,
# capitals and a final newline.
BEFORE = [
    "Shelling hit the (town of ",
    "near the Town  Of\n",
    "x the neighbourhood of \u00a0",
    "in the district ofx ",
    "launched from the northern ",
    "drones from the border with the southern ",
    "from the borders of ",
    "in the direction of\t",
    "hit by fighters (from ",
    "a raid in ",
    "(near ",
    "was at\n",
    "outside",
    "town of ",
    "of ",
    " ",
    "",
]


@pytest.mark.parametrize(
    ("regex", "words"),
    [(scan._NOUN_BEFORE, 2), (scan._FROM, 4), (scan._PLACE_PREPOSITION, 1)],
)
def test_regexes_at_the_end_are_searched_from_their_last_words(regex, words):
    texts = [*BEFORE, *TEXTS, *AROUND]
    checked = 0
    for text in texts:
        for end in range(len(text) + 1):
            before = text[max(0, end - 60) : end]
            spec = bool(regex.search(before))
            assert bool(regex.search(before, scan.last_words_at(before, words))) == spec, before
            checked += spec
    assert checked >= 4  # each regex matches some of them


def _could_be_word_spec(word: str) -> bool:
    """_could_be_word as it was written before its hyphen test: the article prefix always
    substituted away."""
    for w in classify._ARTICLE_PREFIX.sub("", word).replace("-", " ").split():
        if (w.isupper() and len(w) > 1) or names._fold_word(w) in classify.COMMON_WORDS:
            return False
        if names._fold_word(w) in classify.ACTOR_WORDS:
            return False
    return True


def test_words_may_be_names_as_the_spec_says():
    words = [w for text in [*TEXTS, *AROUND] for w in text.split()]
    words += ["al-Bukamal", "As-Salamiyeh", "Deir-ez-Zor", "AL-STC", "US-backed", "al-", "-"]
    words += ["Al-Qaeda", "el-Sisi", "ash-Sham", "an-Nusra", "The", "STC", "Mosul's", "A"]
    for word in words:
        assert classify._could_be_word.__wrapped__(word) is _could_be_word_spec(word), word


def test_unknown_names_after_a_nationality_start_with_one_of_the_words_asked_first():
    gaz = gazetteer()
    found = 0
    for text in [*TEXTS, *AROUND]:
        for match in scan._phrases(text):
            words = [names._fold_word(w) for w in match.group().split()]
            for first in range(len(words)):
                for last in range(first + 2, len(words) + 1):
                    key, head = " ".join(filter(None, words[first:last])), words[first]
                    if candidates._unknown_after_nationality(gaz, key, head):
                        found += 1
                        assert (
                            head in candidates.DEMONYMS
                            or head in gaz.country_by_name
                            or (head in gaz.admin1_by_name)
                        )
    assert found >= 2  # "Syrian Idlib", "Aleppo Damascus Countryside"
