"""find_candidates: every phrase of a text that names a city, division, country, nationality or
one-country armed group, each phrase read into its longest place names."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.classify import (
    _FACTS,
    _MIN_POPULATION_WITHOUT_CUE,
    FACILITY_LAST_WORDS,
    _classify,
    _could_be_word,
    _Facts,
    _facts,
    _keep,
    _name_facts,
    _unlisted_facts,
    _word_after,
    bare_possessive_country,
)
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.lexicon import (
    ACTOR_WORDS,
    ARMED_GROUP_COUNTRIES,
    COMMON_WORDS,
    DATE_WORDS,
    DEMONYMS,
    NOT_ALONE_WORDS,
)
from transforms.extract.places.model import Candidate, Candidates
from transforms.extract.places.names import _UNSEEN, _fold_word, _Memo
from transforms.extract.places.scan import (
    _CHAIN,
    _CLAUSE_END,
    _NOUN_AFTER,
    _phrases,
    _Scan,
    word_starts,
)
from transforms.lexicons import read_table


def find_candidates(text: str) -> Candidates:
    """Every phrase of the text that names a city, division, country or nationality."""
    gaz = gazetteer()
    scan = _Scan(text)
    found = Candidates()
    for match in _phrases(text):
        phrase = match.group()
        plan = _PLANS.get(phrase, _UNSEEN)  # inline first: this runs for every phrase
        if plan is _UNSEEN:
            plan = _keep(_PLANS, phrase, _phrase_plan(gaz, phrase))
        if plan is None:
            continue  # most phrases: "The", "Monday", "Zelensky"... never a place alone
        start = match.start()
        # "Lt. Mike Ireland", "Dr. Jordan": a person's name (_after_title's own first test
        # inline: most phrases have no full stop just before them)
        if start > 2 and "." in text[start - 3 : start] and _after_title(text, start):
            continue
        actor, parts = plan
        if actor:
            found.append(Candidate(phrase, start, match.end(), actor_iso=actor))
        for part, word in parts:  # "Mosul's al-Masaref": two names
            if word is None:  # several words
                names = _read_phrase(gaz, scan, start, part)
                if names and actor:
                    # "Islamic State Khorasan Province": a group's name, no town ("Horasan") in it
                    names = [n for n in names if _nationality(n)]
                found.extend(names)
            elif word:  # one word (most phrases): _read_word inline, its plan known
                key, worth = word
                end = start + len(part)
                if worth == _READ or _worth_in_context(scan, start, end):
                    name = _classify(gaz, scan, start, end, key)
                    if name is not None and (not actor or _nationality(name)):
                        found.append(name)
            start += len(part) + 1
    _spread_origin(text, found)
    return found


_PERSON_TITLES = frozenset(word for (word,) in read_table("person_titles.txt", 1))
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,4})\.\s+$")


def _after_title(text: str, start: int) -> bool:
    """Whether an abbreviated title or rank ("Lt.", "Dr.") stands right before `start`."""
    if start < 3 or text[start - 1] != " " or "." not in text[start - 3 : start]:
        return False  # most phrases: no full stop just before them
    title = _TITLE_BEFORE.search(text, max(0, start - 8), start)
    return title is not None and title.group(1).lower() in _PERSON_TITLES


def _phrase_plan(gaz: Gazetteer, phrase: str) -> tuple[str | None, tuple] | None:
    """What find_candidates reads in a phrase, known from the phrase alone (remembered per
    phrase): the country of an armed group it names and its parts ("Mosul's al-Masaref": two
    names), each with its _word_plan if it is one word (None if several, () if never read),
    or None when it names no group and no part is a place wherever it stands."""
    actor = _armed_group_country(phrase)
    parts = _possessive_parts(gaz, phrase) if "s " in phrase else (phrase,)
    planned = []
    read = bool(actor)
    for part in parts:  # a loop, not a comprehension: no call frame per new phrase
        word = None if len(part.split(None, 1)) > 1 else _word_plan(gaz, part) or ()
        planned.append((part, word))
        read = read or word != ()
    if not read:
        return None  # one-word parts whose names alone rule them out ("VDP", "The", "Monday")
    return actor, tuple(planned)


def _possessive_parts(gaz: Gazetteer, phrase: str) -> list[str]:
    """The names of a phrase cut after each possessive: "Mosul's al-Masaref", and "Syrias
    Idlib" when the apostrophe was lost and the word is a country's possessive."""
    parts = []
    for part in _AFTER_POSSESSIVE.split(phrase):
        words = part.split(" ")
        cut = 0
        for number, word in enumerate(words[:-1]):
            if bare_possessive_country(gaz, _fold_word(word)):
                parts.append(" ".join(words[cut : number + 1]))
                cut = number + 1
        parts.append(" ".join(words[cut:]))
    return parts


def _spread_origin(text: str, candidates: list[Candidate]) -> None:
    """ "tourists from Sweden and Austria", "deputies from Bashkortostan, Russia": every name of
    a list after "from" says where people or arms came from."""
    for before, after in itertools.pairwise(candidates):
        if before.origin and _LIST_JOIN.fullmatch(text, before.end, after.start):
            after.origin = True


_LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")


@lru_cache(maxsize=100_000)  # a pure function of the phrase, and phrases recur across articles
def _armed_group_country(phrase: str) -> str | None:
    """The country of an armed group the phrase names, if it fights (nearly) only there."""
    words = list(map(_fold_word, phrase.split()))  # map, not a comprehension: no call frame
    if _ARMED_GROUP_WORDS.isdisjoint(words):
        return None  # most phrases: no word of any group's name
    for size in range(min(4, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            iso = ARMED_GROUP_COUNTRIES.get(" ".join(words[first : first + size]))
            if iso:
                return iso
    return None


_ARMED_GROUP_WORDS = frozenset(w for name in ARMED_GROUP_COUNTRIES for w in name.split())


_AFTER_POSSESSIVE = re.compile(r"(?<=['’]s) ")
_WORD = re.compile(r"\S+")
_ARTICLE_START = re.compile(r"(?:al|el|as|ad|ar|an|ash|az)-[A-Z]")


_PLANS = _Memo(100_000)  # find_candidates' reading of each phrase


# Words after a name that make it a county's (a division the gazetteer does not hold).
_COUNTY_WORDS = frozenset(["county", "parish", "borough"])


def _town_only(c: Candidate) -> bool:
    """Whether a name reads only as towns (no state, country or nationality of that name)."""
    return bool(c.cities) and not (c.admin1 or c.country_iso or c.demonym_iso or c.coded)


def _read_phrase(gaz: Gazetteer, scan: _Scan, start: int, phrase: str) -> list[Candidate]:
    """The place names inside one capitalised phrase, longest sub-phrases first, left to right."""
    if len(phrase.split(None, 1)) == 1:
        return _read_word(gaz, scan, start, phrase)  # most phrases are one word
    plan = _SPANS.get(phrase)  # inline first: this runs for every phrase of several words
    if plan is None:
        plan = _keep(_SPANS, phrase, _span_plan(gaz, phrase))
    count, folded, firsts = plan
    text = scan.text
    unit = None
    out: list[Candidate] = []
    first = 0
    while first < count:
        spans = firsts[first]
        if spans is None:
            first += 1  # a lowercase word, or a sea's: "Gulf (of Aden)"
            continue
        for last, at, end, key, worth, water, small in spans:
            span_end = start + end
            if water and not scan.noun_at(span_end):
                first = last - 1  # "the Red Sea", not "the Red Sea city": not where it was coded
                break
            if worth == _SKIP:
                continue
            span_start = start + at
            # "Grand" of "the Grand Nuri mosque" (not of "Chapel Hill Dec. 25": a date is no more
            # name): _cut_out's small namesake, dropped before _classify reads it
            if small and not scan.noun_at(span_end) and not scan.source(span_start)[0]:
                continue
            if worth == _ASK and not _worth_in_context(scan, span_start, span_end):
                continue
            candidate = _classify(gaz, scan, span_start, span_end, key)
            if candidate is None:
                continue
            if last < count and folded[last] in _COUNTY_WORDS and _town_only(candidate):
                continue  # "Jackson County Prosecutor": the county, not the town of Jackson
            if not _nationality(candidate):
                # "the Sehid Axin Mus unit": a unit's name, whose parts are no places ("Axin")
                if unit is None:
                    after = start + len(phrase)
                    spaced = text[after : after + 1].isspace()
                    unit = _word_after(_UNIT_AFTER, _UNIT_STARTS, text, after, spaced)
                if unit:
                    continue
            if first and _surname(gaz, folded[first - 1], candidate):
                continue
            if (
                last == first + 1 < count
                and _given_name(gaz, folded, last)
                and _PERSON_AFTER.match(text, start + len(phrase))
            ):
                continue  # "George Sabra said", "Orlando Collins": a person
            out.append(candidate)
            first = last
            break
        else:
            first += 1
    return out


# What the name of a span says of whether it is worth reading (_worth_reading's answer from
# the name alone): never, always, or as its context says.
_SKIP, _READ, _ASK = 0, 1, 2
_SPANS = _Memo(100_000)


def _span_plan(gaz: Gazetteer, phrase: str) -> tuple[int, tuple[str, ...], tuple]:
    """The sub-phrases _read_phrase tries, remembered per phrase: for each word a name may
    start with (None for a lowercase word or a sea's: "Gulf (of Aden)"), the spans from it,
    longest first, as (end word, start and end in the phrase, key, _SKIP/_READ/_ASK, whether it
    ends with a water word, whether it is a small namesake cut out of a longer name: see
    _small_namesake). Spans that are never read and end with no water word are left out: they
    change nothing."""
    # per word, in one loop (comprehensions are function calls under 3.11): where it starts and
    # ends, its key, whether it may be part of a name (_could_be_name is its words' answer: see
    # there) and whether it names more than a date or common word (_rest_named)
    starts, ends, keys, named, notable = [], [], [], [], []
    for match in _WORD.finditer(phrase):
        word = match.group()
        key = _fold_word(word)
        starts.append(match.start())
        ends.append(match.end())
        keys.append(key)
        named.append(_could_be_word(word))
        notable.append(key not in COMMON_WORDS and key not in DATE_WORDS)
    folded = tuple(keys)
    count = len(keys)
    named.append(False)  # so that the first unnamed word at or after any word is found
    # the last word naming more than a date or common word (-1: none): the rest after a span
    # ending before it is named (_rest_named)
    last_notable = count - 1 - notable[::-1].index(True) if True in notable else -1
    joined = "" not in folded  # no word folds to nothing ("."): keys need no filter(None)
    firsts: list[tuple | None] = []
    for first, at in enumerate(starts):
        if folded[first] in _WATER_WORDS or not (
            phrase[at].isupper() or _ARTICLE_START.match(phrase, at, ends[first])
        ):
            firsts.append(None)
            continue
        unnamed = named.index(False, first)  # spans ending by it hold only words of names
        notable_before = True in notable[:first]
        head = folded[first]
        # _unknown_after_nationality is true only after one of these: most words are none
        may_lead = head in DEMONYMS or head in gaz.country_by_name or head in gaz.admin1_by_name
        spans = []
        for last in range(count, first, -1):
            end = ends[last - 1]
            if last - first == 1:
                key = folded[first]
            elif joined:  # most phrases: no filter object made per span
                key = " ".join(folded[first:last])
            else:
                key = " ".join(filter(None, folded[first:last]))
            surface = phrase[at:end]
            worth, facts = _span_worth(gaz, key, surface, folded[last - 1], last <= unnamed)
            if (
                worth != _SKIP
                and may_lead
                and last - first > 1
                and _unknown_after_nationality(gaz, key, head)
            ):
                worth = _SKIP  # "the Syrian Idlib province": Syrian, then Idlib
            water = folded[last - 1] in _WATER_WORDS
            if worth != _SKIP or water:
                # a name in no index (facts known) is a small namesake only if it names towns
                # (a facility's): most spans' facts name none
                small = (
                    worth != _SKIP
                    and (notable_before or last <= last_notable)
                    and (facts is None or bool(facts[3] or facts[4]))
                    and _small_namesake(gaz, surface, key)
                )
                spans.append((last, at, end, key, worth, water, small))
        firsts.append(tuple(spans))
    return count, folded, tuple(firsts)


def _rest_named(folded: tuple[str, ...], first: int, last: int) -> bool:
    """Whether the words of a phrase around a span name something more than the span: not
    when they are only dates or common words ("Monday", "Dec"). The spec of _span_plan's
    per-word test (tests check the plan against it)."""
    return any(
        w not in COMMON_WORDS and w not in DATE_WORDS for w in (*folded[:first], *folded[last:])
    )


def _read_word(gaz: Gazetteer, scan: _Scan, start: int, word: str) -> list[Candidate]:
    """_read_phrase for a one-word phrase, without its loops over sub-phrases."""
    plan = _WORDS.get(word, _UNSEEN)
    if plan is _UNSEEN:
        plan = _keep(_WORDS, word, _word_plan(gaz, word))
    if plan is None:
        return []
    key, worth = plan
    end = start + len(word)
    if worth == _ASK and not _worth_in_context(scan, start, end):
        return []
    candidate = _classify(gaz, scan, start, end, key)
    return [candidate] if candidate is not None else []


_WORDS = _Memo(100_000)


def _word_plan(gaz: Gazetteer, word: str) -> tuple[str, int] | None:
    """A one-word phrase's key and _static_worth, or None if it is never read."""
    if not (word[:1].isupper() or _ARTICLE_START.match(word)):
        return None
    key = _fold_word(word)
    if key in _WATER_WORDS:
        return None  # "Gulf (of Aden)"
    worth = _static_worth(gaz, key, word, key, _could_be_word(word))  # one word: its own
    return None if worth == _SKIP else (key, worth)


def _static_worth(
    gaz: Gazetteer, key: str, surface: str, last: str, named: bool | None = None
) -> int:
    """What the name alone says of whether _classify may accept it: _SKIP for a name it
    rejects (never a place alone, an acronym, a word that is none), _READ for a name in an
    index or a facility ("Harir Air Base"), _ASK where the context decides. `named` is
    _could_be_name(surface) when the caller knows it."""
    return _span_worth(gaz, key, surface, last, named)[0]


def _span_worth(
    gaz: Gazetteer, key: str, surface: str, last: str, named: bool | None = None
) -> tuple[int, _Facts | None]:
    """_static_worth, and the name's facts when no index holds its key (None when one does,
    or when it is never a place: then the worth is _SKIP)."""
    verdict = _VERDICTS.get(key, _UNSEEN)  # inline first: this runs for every span
    if verdict is _UNSEEN:
        verdict = _keep(_VERDICTS, key, _verdict(gaz, key))
    if verdict is not None:
        return (_READ if verdict else _SKIP), None
    facts = _FACTS.get(surface, _UNSEEN)
    if facts is _UNSEEN:  # a name in no index: most spans of a phrase, read once
        facts = (
            _keep(_FACTS, surface, _name_facts(gaz, surface, key))
            if named is None
            else _keep(_FACTS, surface, _unlisted_facts(gaz, surface, key, named))
        )
    if facts is None:
        return _SKIP, None
    return (_READ if last.removesuffix(" s") in FACILITY_LAST_WORDS else _ASK), facts


def _worth_in_context(scan: _Scan, start: int, end: int) -> bool:
    """Whether a name in no index is worth reading where it stands: with a place noun after it,
    or after a cue word with a chain after it ("X, Y"), at a clause's end ("in X."), or named so
    ("the village of X", "coded to X"): _classify's tests for an unknown name, most of which fail
    ("in Washington Post reports")."""
    if scan.noun_at(end) is not None:
        return True
    if not scan.may_be_cued(start):
        return False
    text = scan.text
    if _may_chain_or_end(text, end) and (_CHAIN.match(text, end) or _CLAUSE_END.match(text, end)):
        return True
    before = text[max(0, start - 60) : start].lower()
    return "coded" in before or before.rstrip().endswith("of")


def _may_chain_or_end(text: str, end: int) -> bool:
    """Whether _CHAIN or _CLAUSE_END may match at `end`: both open with \\s*, then a bracket,
    comma, dash, "in", full stop, semicolon or the text's end. Most names are followed by a
    space and a lowercase word ("said"), which rules both out without the regexes."""
    after = text[end : end + 1]
    if after.isspace():
        after = text[end + 1 : end + 2]
        if after.isspace():
            return True  # more spaces: left to the regexes
    return after in "(,-i.;"  # "" (the end) too


_VERDICTS = _Memo(200_000)


def _verdict(gaz: Gazetteer, key: str) -> bool | None:
    """_worth_reading's answer from the name alone, remembered per name: False for a word that is
    never a place alone, True for a name in an index, None where the context decides."""
    if key in COMMON_WORDS or key in ACTOR_WORDS or key in NOT_ALONE_WORDS:
        return False
    if key in DEMONYMS or key[:-1] in DEMONYMS or key in gaz.country_by_name:
        return True
    lookup = key[:-2] if key.endswith(" s") else key  # "Mosul's", "Iraq's"
    if lookup in gaz.admin1_by_name or lookup in gaz.by_name or key in gaz.admin1_by_name:
        return True
    if lookup in gaz.country_by_name or key in gaz.by_name:
        return True
    if bare_possessive_country(gaz, key):
        return True
    return None


_WATER_WORDS = frozenset(["sea", "ocean", "gulf", "strait", "straits", "channel"])
_UNIT_AFTER = re.compile(
    r"\s+(?:unit|units|brigade|battalion|regiment|group|company|militia|squad|corps|division)\b",
    re.I,
)
_UNIT_STARTS = word_starts(
    "unit brigade battalion regiment group company militia squad corps division"
)


def _unknown_after_nationality(gaz: Gazetteer, key: str, first: str) -> bool:
    """A name the gazetteer lacks that starts with a nationality, a country or a division:
    two names ("the Syrian Idlib province", "attacks in Aleppo Damascus Countryside")."""
    if key in gaz.by_name or key in gaz.admin1_by_name or key in gaz.country_by_name:
        return False
    if key.rsplit(" ", 1)[-1] in FACILITY_LAST_WORDS:
        return False  # "Mosul Dam", "Kabul Airport": a facility located by its town
    if first in DEMONYMS or first in gaz.country_by_name:
        return True
    rest = key[len(first) + 1 :]  # two divisions side by side: "Aleppo Damascus Countryside"
    return first in gaz.admin1_by_name and rest in gaz.admin1_by_name


def _surname(gaz: Gazetteer, before: str, c: Candidate) -> bool:
    """A town's name after a word that is no place or common word is a person's surname
    ("Hattie Jackson said", "Frederick Boise"): towns are not named after a given name."""
    if c.admin1 or c.country_iso or c.demonym_iso or c.coded or not c.cities:
        return False
    if " " in before or not before.isalpha() or before in COMMON_WORDS or before in DATE_WORDS:
        return False
    if before in ACTOR_WORDS or before in NOT_ALONE_WORDS or before in DEMONYMS:
        return False
    return not (before in gaz.by_name or before in gaz.admin1_by_name)


def _given_name(gaz: Gazetteer, folded: tuple[str, ...], last: int) -> bool:
    """The span is a person's given name: the phrase's last word follows it and is no place,
    no common word and no word that makes a longer place name ("Street", "Police")."""
    if last != len(folded) - 1:
        return False
    after = folded[last]
    if not after.isalpha() or after in _NAME_PARTS or _NOUN_AFTER.match(" " + after):
        return False
    if after in COMMON_WORDS or after in DATE_WORDS or after in ACTOR_WORDS or after in DEMONYMS:
        return False
    return after not in NOT_ALONE_WORDS and after not in gaz.admin1_by_name


# What follows a person's name ("George Sabra said", "Orlando Collins at the time"), not an
# institution's ("a Kabul Wrestling club").
_PERSON_AFTER = re.compile(
    r"\s*(?:[,;:(.]|$|(?:said|says|told|is|was|has|had|at|who|and|of|in|on|to|from|for|with|"
    r"\d)\b)"
)
# Words after a town that make it a longer name or an institution, not a person's name.
_NAME_PARTS = frozenset(
    ["street", "avenue", "road", "boulevard", "drive", "lane", "highway", "square", "park"]
    + ["police", "sheriff", "county", "city", "hospital", "university", "airport", "school"]
    + ["station", "mosque", "church", "market", "center", "centre", "club", "hall", "tower"]
    + ["heights", "hills", "valley", "beach", "springs", "falls", "lake", "river", "strip"]
    + ["metro", "subway", "railway", "port", "harbour", "harbor", "bridge", "gate", "mall"]
)


def _nationality(c: Candidate) -> bool:
    return bool(c.demonym_iso or c.country_iso)


def _cut_out(gaz: Gazetteer, scan: _Scan, c: Candidate) -> bool:
    """ "Grand" of "the Grand Nuri mosque": a small namesake cut out of a longer name. The
    spec of _small_namesake with the context _read_phrase tests before _classify (tests check
    the plan against it)."""
    if c.country_iso or c.admin1 or c.demonym_iso or not c.cities or c.coded:
        return False
    if scan.noun_at(c.end):
        return False
    # remembered per name's rows, some of them hundreds long
    return _SMALL.remember(c.cities, _all_small, gaz, c.cities)


def _small_namesake(gaz: Gazetteer, surface: str, key: str) -> bool:
    """Whether _classify, if it reads the name as a place, reads it as small towns only: no
    nationality, division or country, every town (or a facility's town) under 100,000 people.
    Known from the name alone (_classify takes these from _facts), so _read_phrase drops such a
    name cut out of a longer one (_cut_out, with no place noun after it and not "coded to")
    without reading it."""
    facts = _FACTS.get(surface, _UNSEEN)  # _facts, inline
    if facts is _UNSEEN:
        facts = _facts(gaz, surface, key)
    if facts is None or facts[0]:
        return False  # no place, or a nationality ("the Afghan capital" is read apart)
    _, country_iso, admin1, cities, facility_cities = facts
    if country_iso or admin1:
        return False
    if not cities and facility_cities:
        cities = facility_cities  # "Harir Air Base": located by its town
    if not cities:
        return False
    small = _SMALL.get(cities)  # remembered per name's rows, some of them hundreds long
    return _keep(_SMALL, cities, _all_small(gaz, cities)) if small is None else small


_SMALL = _Memo(100_000)


def _all_small(gaz: Gazetteer, cities: tuple[int, ...]) -> bool:
    return all(gaz.population[r] < _MIN_POPULATION_WITHOUT_CUE for r in cities)
