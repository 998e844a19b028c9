"""find_candidates: every phrase of a text that names a city, division, country, nationality or
one-country armed group, each phrase read into its longest place names."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.classify import (
    _MIN_POPULATION_WITHOUT_CUE,
    _classify,
    _facts,
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
from transforms.extract.places.scan import _CHAIN, _CLAUSE_END, _NOUN_AFTER, _phrases, _Scan
from transforms.lexicons import read_table


def find_candidates(text: str) -> Candidates:
    """Every phrase of the text that names a city, division, country or nationality."""
    gaz = gazetteer()
    scan = _Scan(text)
    found = Candidates()
    for match in _phrases(text):
        if _after_title(text, match.start()):
            continue  # "Lt. Mike Ireland", "Dr. Jordan": a person's name
        phrase = match.group()
        plan = _PLANS.get(phrase, _UNSEEN)  # inline first: this runs for every phrase
        if plan is _UNSEEN:
            plan = _PLANS.remember(phrase, _phrase_plan, gaz, phrase)
        if plan is None:
            continue  # most phrases: "The", "Monday", "Zelensky"... never a place alone
        actor, parts = plan
        start = match.start()
        if actor:
            found.append(Candidate(phrase, start, match.end(), actor_iso=actor))
        for part in parts:  # "Mosul's al-Masaref": two names
            names = _read_phrase(gaz, scan, start, part)
            if names and actor:
                # "Islamic State Khorasan Province": a group's name, no town ("Horasan") in it
                names = [n for n in names if _nationality(n)]
            found.extend(names)
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


def _phrase_plan(gaz: Gazetteer, phrase: str) -> tuple[str | None, tuple[str, ...]] | None:
    """What find_candidates reads in a phrase, known from the phrase alone (remembered per
    phrase): the country of an armed group it names and its parts ("Mosul's al-Masaref": two
    names), or None when it names no group and no part is a place wherever it stands."""
    actor = _armed_group_country(phrase)
    parts = tuple(_possessive_parts(gaz, phrase)) if "s " in phrase else (phrase,)
    if not actor and all(_never_a_place(gaz, part) for part in parts):
        return None
    return actor, parts


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


def _never_a_place(gaz: Gazetteer, part: str) -> bool:
    """A one-word part that _read_word rejects by its name alone, wherever it stands."""
    if len(part.split(None, 1)) != 1:
        return False  # sub-phrases of longer ones are read in context
    if not (part[:1].isupper() or _ARTICLE_START.match(part)):
        return True
    key = _fold_word(part)
    return key in _WATER_WORDS or _VERDICTS.remember(key, _verdict, gaz, key) is False


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
    words = [_fold_word(w) for w in phrase.split()]
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


def _read_phrase(gaz: Gazetteer, scan: _Scan, start: int, phrase: str) -> list[Candidate]:
    """The place names inside one capitalised phrase, longest sub-phrases first, left to right."""
    if len(phrase.split(None, 1)) == 1:
        return _read_word(gaz, scan, start, phrase)  # most phrases are one word
    shape = _SHAPES.get(phrase)  # inline first: this runs for every phrase of several words
    if shape is None:
        shape = _SHAPES.remember(phrase, _phrase_shape, phrase)
    starts, ends, folded, may_start = shape
    count = len(starts)
    # "the Sehid Axin Mus unit": a unit's name, whose parts are no places ("Axin" = Aachen)
    unit = count > 1 and bool(_UNIT_AFTER.match(scan.text, start + len(phrase)))
    out: list[Candidate] = []
    first = 0
    while first < count:
        if not may_start[first]:
            first += 1  # a lowercase word, or a sea's: "Gulf (of Aden)"
            continue
        span_start = start + starts[first]
        for last in range(count, first, -1):
            span_end = start + ends[last - 1]
            if folded[last - 1] in _WATER_WORDS and not scan.noun_at(span_end):
                first = last - 1  # "the Red Sea", not "the Red Sea city": not where it was coded
                break
            key = folded[first] if last - first == 1 else " ".join(filter(None, folded[first:last]))
            if not _worth_reading(gaz, scan, key, span_start, span_end, folded[last - 1]):
                continue
            if last - first > 1 and _unknown_after_nationality(gaz, key, folded[first]):
                continue  # "the Syrian Idlib province": Syrian, then Idlib
            candidate = _classify(gaz, scan, span_start, span_end, key)
            # "Chapel Hill Dec. 25": the rest is a date, not more of a longer name
            partial = _rest_named(folded, first, last)
            if candidate is not None and partial and _cut_out(gaz, scan.text, candidate):
                candidate = None
            if candidate is not None and unit and not _nationality(candidate):
                candidate = None
            if candidate is not None and first and _surname(gaz, folded[first - 1], candidate):
                candidate = None
            if (
                candidate is not None
                and last == first + 1 < count
                and _given_name(gaz, folded, last)
                and _PERSON_AFTER.match(scan.text, start + len(phrase))
            ):
                candidate = None  # "George Sabra said", "Orlando Collins": a person
            if candidate is not None:
                out.append(candidate)
                first = last
                break
        else:
            first += 1
    return out


_SHAPES = _Memo(100_000)


def _rest_named(folded: tuple[str, ...], first: int, last: int) -> bool:
    """Whether the words of a phrase around a span name something more than the span: not
    when they are only dates or common words ("Monday", "Dec")."""
    return any(
        w not in COMMON_WORDS and w not in DATE_WORDS for w in (*folded[:first], *folded[last:])
    )


def _phrase_shape(phrase: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple]:
    """A phrase's words as _read_phrase reads them, remembered per phrase: their starts and ends
    in it, their keys, and whether a name may start with each (not a lowercase word, no sea:
    "Gulf (of Aden)" is not where an event is coded)."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(phrase)]
    folded = tuple(_fold_word(w) for _, w in words)
    may_start = tuple(
        bool(w[:1].isupper() or _ARTICLE_START.match(w)) and key not in _WATER_WORDS
        for (_, w), key in zip(words, folded, strict=True)
    )
    return (
        tuple(at for at, _ in words),
        tuple(at + len(w) for at, w in words),
        folded,
        may_start,
    )


def _read_word(gaz: Gazetteer, scan: _Scan, start: int, word: str) -> list[Candidate]:
    """_read_phrase for a one-word phrase, without its loops over sub-phrases."""
    if not (word[:1].isupper() or _ARTICLE_START.match(word)):
        return []
    key = _fold_word(word)
    end = start + len(word)
    if key in _WATER_WORDS:
        return []  # "Gulf (of Aden)"
    if not _worth_reading(gaz, scan, key, start, end, key):
        return []
    candidate = _classify(gaz, scan, start, end, key)
    return [candidate] if candidate is not None else []


# Last words of the names _FACILITY recognises ("Harir Air Base"): a set test before the regex.
_FACILITY_LAST_WORDS = frozenset(
    ["airport", "base", "airbase", "field", "fields", "dam", "university", "hospital", "junction"]
    + ["bridge", "camp", "prison", "refinery", "plant", "crossing"]
)


def _worth_reading(gaz: Gazetteer, scan: _Scan, key: str, start: int, end: int, last: str) -> bool:
    """False for a phrase _classify would reject, tested with set look-ups and the per-position
    context: a name in no index, with no facility word, no place noun after and no cue before."""
    verdict = _VERDICTS.get(key, _UNSEEN)  # inline first: this runs for every sub-phrase
    if verdict is _UNSEEN:
        verdict = _VERDICTS.remember(key, _verdict, gaz, key)
    if verdict is not None:
        return verdict
    if _facts(gaz, scan.text[start:end], key) is None:
        return False  # an acronym or a name with a word that is none: _classify rejects it
    if last.removesuffix(" s") in _FACILITY_LAST_WORDS:
        return True
    if scan.noun_at(end) is not None:
        return True
    # A name in no index after a cue word is a place only with a chain after it ("X, Y"), at
    # a clause's end ("in X."), or named so ("the village of X", "coded to X"): _classify's
    # tests for an unknown name, most of which fail ("in Washington Post reports").
    if not scan.may_be_cued(start):
        return False
    text = scan.text
    if _CHAIN.match(text, end) or _CLAUSE_END.match(text, end):
        return True
    before = text[max(0, start - 60) : start].lower()
    return "coded" in before or before.rstrip().endswith("of")


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


def _unknown_after_nationality(gaz: Gazetteer, key: str, first: str) -> bool:
    """A name the gazetteer lacks that starts with a nationality, a country or a division:
    two names ("the Syrian Idlib province", "attacks in Aleppo Damascus Countryside")."""
    if key in gaz.by_name or key in gaz.admin1_by_name or key in gaz.country_by_name:
        return False
    if key.rsplit(" ", 1)[-1] in _FACILITY_LAST_WORDS:
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


def _cut_out(gaz: Gazetteer, text: str, c: Candidate) -> bool:
    """ "Grand" of "the Grand Nuri mosque": a small namesake cut out of a longer name."""
    if c.country_iso or c.admin1 or c.demonym_iso or not c.cities or c.coded:
        return False
    if _NOUN_AFTER.match(text[c.end : c.end + 25]):
        return False
    return all(gaz.population[r] < _MIN_POPULATION_WITHOUT_CUE for r in c.cities)
