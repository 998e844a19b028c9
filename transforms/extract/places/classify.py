"""What one name in a text is: a city, division, country or nationality the gazetteer knows, a
facility located by its town, a place the gazetteer lacks, or no place (an actor, a word)."""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.lexicon import ACTOR_WORDS, COMMON_WORDS, DEMONYMS
from transforms.extract.places.model import Candidate
from transforms.extract.places.names import _UNSEEN, _fold_word, _Memo
from transforms.extract.places.scan import (
    _CLAUSE_END,
    _PLACE_PREPOSITION,
    _in_chain,
    _may_start_word,
    _Scan,
    last_words_at,
    word_starts,
)

# A city this large is read as a place even with no cue word before it and no place noun after.
_MIN_POPULATION_WITHOUT_CUE = 100_000


# Text names that read as places but usually are not: "Aden" only with evidence (see _cued).
_NEEDS_CUE = frozenset(["aden", "mobile", "nice", "reading", "march", "may", "hope"])


# Acronyms that name a division (other capitals-only words are actors or units: "VDP", "STC").
_DIVISION_ACRONYMS = frozenset(["kpk", "fata", "nwfp"])


_IN_ACTOR_NAME = re.compile(
    r"\b(?:Resistance|State|Qaeda|Front|Movement|Liberation|Taliban|Army|Forces|Party|Brigades?|"
    r"Council|Coalition)\s+(?:(?:in|of|for)\s+(?:the\s+)?)?$"
)
# The words of _IN_ACTOR_NAME, and those its match ends with before its last spaces.
_ACTOR_NAME_WORDS = (
    "Resistance",
    "State",
    "Qaeda",
    "Front",
    "Movement",
    "Liberation",
    "Taliban",
    "Army",
) + ("Forces", "Party", "Brigade", "Council", "Coalition")
_ACTOR_NAME_TAILS = (*_ACTOR_NAME_WORDS, "Brigades", "in", "of", "for", "the")


def _in_actor_name(before: str) -> bool:
    """_IN_ACTOR_NAME.search(before), the regex (which opens with \\b, so it is tried at every
    position) only when the text ends with spaces after a word it can end with and holds one
    of its words ("in Iraq" mostly does not: "the Islamic State in Iraq")."""
    if not before[-1:].isspace() or not before.rstrip().endswith(_ACTOR_NAME_TAILS):
        return False
    for word in _ACTOR_NAME_WORDS:  # a loop, not any(): no generator frame
        if word in before:
            return bool(_IN_ACTOR_NAME.search(before))
    return False


# The last word of a street's name: a street is where in a town, never the town.
_STREET_WORDS = frozenset(
    ["street", "road", "avenue", "boulevard", "drive", "lane", "highway", "st", "ave", "rd"]
)


def _classify(gaz: Gazetteer, scan: _Scan, start: int, end: int, key: str) -> Candidate | None:
    text = scan.text
    surface = text[start:end]
    if len(key) < 3 and not (scan.noun_at(end) or scan.cues(start)[0]):
        return None  # two letters are a name only as "Ye township" or "the village of Ga"
    facts = _FACTS.get(surface, _UNSEEN)  # _facts, inline: this runs for every name read
    if facts is _UNSEEN:
        facts = _keep(_FACTS, surface, _name_facts(gaz, surface, key))
    if facts is None:
        return None
    demonym_iso, country_iso, admin1, cities, facility_cities = facts
    # Every regex read after the name opens with a space, a dash or ")": most names are
    # followed by none of them but by a comma or full stop, and skip them all.
    after = text[end : end + 1]
    spaced = after.isspace()
    noun = scan.noun_at(end) if spaced else None
    noun_word = noun.group("noun").lower() if noun else None
    if demonym_iso:
        if spaced and _word_after(_BORDER_AFTER, _BORDER_STARTS, text, end, spaced):
            return None  # "near the Syrian border": the event is on the other side as often
        capital = (
            _CAPITAL.match(text, end)
            if spaced and _may_start_word(text[end + 1 : end + 3], _CAPITAL_STARTS)
            else None
        )
        de_facto = text[max(0, start - 12) : start].lower().rstrip().endswith("de facto")
        if capital and demonym_iso in gaz.capitals and not de_facto:  # "the Afghan capital"
            return _capital(gaz, demonym_iso, start, capital.end())
        # "Syrian", "Palestinians", "the northern Afghan city of Kunduz": a country hint
        return Candidate(
            surface,
            start,
            end,
            demonym_iso=demonym_iso,
            actor=_names_people_or_arms(text, start, end),
            noun=noun_word,
        )
    known = bool(country_iso or admin1 or cities)
    facility = facility_cities is not None
    if not (known or facility or noun_word) and not scan.may_be_cued(start):
        return None  # an unknown name after no place word ("Zelensky said"): skip the regexes
    if not (known or facility) and surface.rpartition(" ")[2].lower() in _STREET_WORDS:
        return None  # "the 6000 block of Upton Road": an address in a town, not a place
    before = text[start - 60 if start > 60 else 0 : start]
    if country_iso and _in_actor_name(before):
        return None  # "Islamic Resistance in Iraq", "Tehreek-e-Taliban Pakistan": an actor
    coded, origin = scan.source(start)
    if key in _NEEDS_CUE and not (scan.cues(start)[1] and surface[0].isupper()):
        return None
    candidate = Candidate(
        surface,
        start,
        end,
        cities,
        admin1,
        country_iso,
        coded=coded,
        origin=origin,
        # "Mali military forces"; "a Dallas man", "New York-based": where people live or work
        actor=(spaced or after == "-")
        and (
            _word_after(_COUNTRY_AS_ACTOR, _COUNTRY_AS_ACTOR_STARTS, text, end, spaced)
            if country_iso
            else bool(cities) and _word_after(_RESIDENT_AFTER, _RESIDENT_STARTS, text, end, spaced)
        ),
        bracket_tail=(spaced or after == ")")
        and _in_brackets(before)  # first: most names are in no bracket, and it needs no regex
        and bool(_BRACKET_TAIL.match(text, end)),
        noun=noun_word,
        scan=scan,
    )
    if known:
        return candidate
    if facility_cities is not None:  # "Harir Air Base": located by its town
        candidate.cities = facility_cities
        candidate.near = True
        return candidate
    named_before, cued, near = scan.cues(start)
    if noun_word or coded or named_before:
        return candidate
    if (cued or near) and _in_chain(text, end):
        return candidate  # a named place the gazetteer lacks ("Thet Kaw village")
    # the clause's end first: a match at one position, not a search tried at each of `before`
    if _CLAUSE_END.match(text, end) and _PLACE_PREPOSITION.search(before, last_words_at(before, 1)):
        candidate.unlocated = True  # "... a spy drone in Al Baghdadi."
        return candidate
    return None


# (nationality's country, country, divisions, cities, a facility's town's cities or None)
_Facts = tuple[str | None, str | None, tuple[tuple[str, str], ...], tuple[int, ...], tuple | None]
_FACTS = _Memo(100_000)


def _keep(memo: _Memo, key, value):
    """memo.remember(key, ...) for a caller that looked the key up inline and missed: the
    value stored and returned, with no second lookup and no arguments packed for a compute
    function (not a _Memo method: names.py is an input of the shipped gazetteer)."""
    if len(memo) > memo.limit:
        memo.clear()
    memo[key] = value
    return value


def _facts(gaz: Gazetteer, surface: str, key: str) -> _Facts | None:
    facts = _FACTS.get(surface, _UNSEEN)  # inline first: _classify and _worth_reading ask
    return _keep(_FACTS, surface, _name_facts(gaz, surface, key)) if facts is _UNSEEN else facts


def _name_facts(gaz: Gazetteer, surface: str, key: str) -> _Facts | None:
    """What _classify learns from a name alone (its key is fold(surface)), remembered per
    name: None if it cannot be a place wherever it stands, else (the nationality's country, the
    country, divisions and cities it names, and a facility's town's cities or None)."""
    possessive = surface.endswith(("'s", "’s"))
    bare = surface[:-2] if possessive else surface  # "Mosul's"
    if bare.isupper() and key not in gaz.country_by_name and key not in _DIVISION_ACRONYMS:
        return None  # an acronym ("VDP", "STC", "the PKK's"), not a town
    demonym = key if key in DEMONYMS else key[:-1] if key[:-1] in DEMONYMS else None
    if demonym:
        return DEMONYMS[demonym], None, (), (), None
    lookup = key[:-2] if possessive else key  # fold(bare): "mosul s" less its " s"
    country_iso = (
        gaz.country_by_name.get(key)
        or gaz.country_by_name.get(lookup)  # "Iraq's"
        or bare_possessive_country(gaz, key)  # "Syrias" (copy that lost its apostrophes)
    )
    admin1 = tuple(gaz.admin1_by_name.get(lookup, ()))
    cities = gaz.cities_of_key(lookup)
    if country_iso or admin1 or cities:
        return None, country_iso, admin1, cities, None
    facility = _facility(bare)
    if not _could_be_name(bare[: facility.start()] if facility else surface):
        return None
    # "Harir Air Base": located by its town (_FACILITY starts with \s+: there is a town part)
    facility_cities = gaz.cities(bare[: facility.start()]) if facility else None
    return None, None, (), (), facility_cities


def _unlisted_facts(gaz: Gazetteer, surface: str, key: str, named: bool) -> _Facts | None:
    """_name_facts of a name whose key no index holds (_verdict None: no nationality, country,
    division or town of that key), `named` being _could_be_name(surface), which the caller
    knows word by word: the lookups and the word checks are not made again."""
    bare = surface[:-2] if surface.endswith(("'s", "’s")) else surface
    if bare.isupper() and key not in _DIVISION_ACRONYMS:
        return None  # an acronym (no country's name: _verdict looked it up)
    if _facility(bare):  # "Harir Air Base": its town part is what must be a name
        return _name_facts(gaz, surface, key)
    return (None, None, (), (), None) if named else None


# What a nationality names when it is not a place: arms, or people who may well be abroad
# ("Turkish drones" over Iraq, "an Afghan asylum seeker" in Germany, "Iranian-backed militias").
# Its soldiers and police stay a hint: "Yemeni soldiers", "the Iraqi Army" are mostly at home.
_PEOPLE_OR_ARMS = re.compile(
    r"(?:-|\s+)(?:backed|owned|flagged|led|born|made|sponsored|affiliated)\b"
    r"|\s+(?:(?:armed|spy|unmanned|military|combat|suicide|kamikaze|attack)\s+)?"
    r"(?:drones?|uavs?|aircraft|planes?|jets?|warplanes?|helicopters?|missiles?|rockets?|"
    r"strikes?|airstrikes?|air\s+strikes?|national|nationals|citizens?|man|woman|men|women|"
    r"teenager|boy|girl|suspect|workers?|engineers?|journalists?|tourists?|businessman|asylum|"
    r"sources|media|ship|vessel|tanker|contractors?|advisers?|advisors?|mercenaries|"
    r"consulate|embassy|(?:air\s+)?base)\b",
    re.I,
)
_COUNTRY_AS_ACTOR = re.compile(
    r"(?:-|\s+)(?:backed|owned|flagged|led|sponsored)\b|\s+(?:(?:armed|military)\s+)?"
    r"(?:military|army|armed\s+forces|forces|troops|soldiers|drones?|warplanes?|jets|aircraft|"
    r"navy|air\s+force|consulate|embassy)\b",
    re.I,
)
_BRACKET_TAIL = re.compile(r"\s*\)")
_RESIDENT_AFTER = re.compile(
    r"-based\b|\s+(?:man|woman|men|women|boy|girl|teen|teens|teenager|resident|residents|native|father|"
    r"mother|dad|mom|couple|family|rapper|musician|student)\b",
    re.I,
)


def _names_people_or_arms(text: str, start: int, end: int) -> bool:
    """ "Turkish drones", "Pakistani national", "non-Syrian": a nationality of who or what
    attacked or was hit, not of where."""
    spaced = text[end : end + 1].isspace()
    return (
        _word_after(_PEOPLE_OR_ARMS, _PEOPLE_OR_ARMS_STARTS, text, end, spaced)
        or text[max(0, start - 4) : start] == "non-"
    )


def _word_after(
    regex: re.Pattern, starts: frozenset[str], text: str, end: int, spaced: bool
) -> bool:
    """bool(regex.match(text, end)) for a regex that, after spaces, reads a word starting with
    one of `starts`: not run after a space and a word that starts otherwise (most: "said")."""
    if spaced and not _may_start_word(text[end + 1 : end + 3], starts):
        return False
    return bool(regex.match(text, end))


# The first two letters of the words each regex reads first after the name's space.
_BORDER_STARTS = word_starts("border frontier")
_CAPITAL_STARTS = word_starts("capital")
_COUNTRY_AS_ACTOR_STARTS = word_starts(
    "backed owned flagged led sponsored armed military army forces troops soldiers drones"
    " warplanes jets aircraft navy air consulate embassy"
)
_RESIDENT_STARTS = word_starts(
    "man woman men women boy girl teen teens teenager resident residents native father mother"
    " dad mom couple family rapper musician student"
)
_PEOPLE_OR_ARMS_STARTS = word_starts(
    "backed owned flagged led born made sponsored affiliated armed spy unmanned military combat"
    " suicide kamikaze attack drones uavs aircraft planes jets warplanes helicopters missiles"
    " rockets strikes airstrikes air national nationals citizens man woman men women teenager"
    " boy girl suspect workers engineers journalists tourists businessman asylum sources media"
    " ship vessel tanker contractors advisers advisors mercenaries consulate embassy base"
)


def _in_brackets(before: str) -> bool:
    """The name is inside an open bracket: "(Al Amadiya, Duhok" or "(Duhok"."""
    return before.rfind("(") > before.rfind(")")


_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)")
_FACILITY = re.compile(
    r"\s+(?:(?:international\s+)?airport|air\s*base|airbase|military\s+(?:air\s+)?base|base|"
    r"(?:gas|oil)\s+fields?|dam|university|hospital|junction|bridge|camp|prison|refinery|"
    r"(?:border\s+)?crossing|"
    r"power\s+plant)$",
    re.I,
)


# The last words _FACILITY can end with ("Harir Air Base", "Mosul Dam").
FACILITY_LAST_WORDS = frozenset(
    ["airport", "base", "airbase", "field", "fields", "dam", "university", "hospital", "junction"]
    + ["bridge", "camp", "prison", "refinery", "plant", "crossing"]
)


def _facility(name: str) -> re.Match | None:
    """_FACILITY.search(name), the regex (tried at every position of the name) only when the
    last word is one it ends with: re.I also folds a few non-ASCII letters ("ſ" as "s"), so a
    name that is not ASCII is searched as it is."""
    if name.isascii() and name.rsplit(None, 1)[-1].lower() not in FACILITY_LAST_WORDS:
        return None
    return _FACILITY.search(name)


_CAPITAL = re.compile(r"\s+capital\b(?!\s+(?:of|region|territory|district))", re.I)


def _capital(gaz: Gazetteer, iso: str, start: int, end: int) -> Candidate | None:
    """ "the Afghan capital": the capital city of the nationality's country."""
    name = gaz.capitals[iso]
    rows = tuple(r for r in gaz.cities(name) if gaz.countries_of[r] == iso)
    if not rows:
        return None
    capital = Candidate(name, start, end, cities=rows)
    capital.cued = True
    return capital


def bare_possessive_country(gaz: Gazetteer, key: str) -> str | None:
    """The country of "Syrias", "Iraqs": a country's possessive whose apostrophe was lost (copy
    scraped from the web often drops them), when the word is no name of its own."""
    if len(key) < 5 or not key.endswith("s") or " " in key or key in gaz.by_name:
        return None
    return gaz.country_by_name.get(key[:-1])


@lru_cache(maxsize=100_000)  # a pure function of the name: event_place asks per sentence
def _head(surface: str) -> str:
    """The name without a facility word: "Ain Assad Air Base" -> "Ain Assad"."""
    facility = _FACILITY.search(surface)
    return surface[: facility.start()] if facility and facility.start() > 0 else surface


@lru_cache(maxsize=100_000)  # a pure function of the name: event_place asks per sentence
def _names_an_actor(surface: str) -> bool:
    return any(_fold_word(w) in ACTOR_WORDS for w in surface.replace("-", " ").split())


_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|as|ad|ar|an|ash|az)-(?=\w)", re.I)


@lru_cache(maxsize=100_000)  # a pure function of the name, and names recur across articles
def _could_be_name(surface: str) -> bool:
    """A phrase the gazetteer lacks may name a place unless it holds an acronym ("STC", "US") or
    a word that is not a name ("Global Coalition", "Islamic State")."""
    # word by word, each word's answer remembered: the sub-phrases of a phrase share its words
    # (_ARTICLE_PREFIX matches inside one word, so reading words apart changes nothing)
    return all(map(_could_be_word, surface.split()))  # map: no comprehension frame


@lru_cache(maxsize=100_000)
def _could_be_word(word: str) -> bool:
    """_could_be_name of one word ("As-Salamiyeh": its parts after the article)."""
    # _ARTICLE_PREFIX ends with a hyphen: most words hold none, and are read as they are
    bare = _ARTICLE_PREFIX.sub("", word) if "-" in word else word
    for w in bare.replace("-", " ").split():  # a loop: no frame
        if w.isupper() and len(w) > 1:
            return False  # an acronym
        key = _fold_word(w)
        if key in COMMON_WORDS or key in ACTOR_WORDS:
            return False
    return True
