"""The place of an article's primary event (docs/data-model.md): read from the headline, the lead and the
dateline together, as a coder reads them.

- The headline's place comes first, then the lead's, then the dateline's: a headline names where
  its event happened ("Teen killed in Gary shooting"), a lead may open on where a victim lived,
  and a dateline is where the story was filed, often a bureau in another country.
- The most specific of them wins when they are near each other: a town or district of the
  lead within the headline's or dateline's city ("Rankus, north of Damascus"; "the Sumaria area
  in Damascus"; "GOODLETTSVILLE, Tenn." over Nashville).
- A district the gazetteer lacks, named in the lead as a part of that city, is the place; a
  lead naming several ("the neighbourhoods of A, B and C") is a round-up of the city.
- A region, or a city named like its region ("Idlib"), gives way to a town of that region named
  as one in the next sentences ("the town of Ariha in Idlib province").
- A neighbourhood the gazetteer places elsewhere, or not at all, is a district of the
  dateline city ("CHICAGO — ... in the Austin neighborhood").
- A place with no division takes the division the article names most in its country; a town of
  several states, the one in the state the article names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.candidates import find_candidates
from transforms.extract.places.classify import _MIN_POPULATION_WITHOUT_CUE, _could_be_name
from transforms.extract.places.datelines import dateline_place
from transforms.extract.places.event import _REGION_NOUNS, _city_place, event_place
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.headlines import fold_name, heading_place, named_places
from transforms.extract.places.model import Candidate, Candidates, Place
from transforms.extract.places.names import _fold_word

# Places this close are one place at two levels of detail (a district and its city, a suburb).
_NEAR_KM = 50
_TOWN_NOUNS = frozenset(["town", "village", "city"])
_CITY_POPULATION = 50_000
# How far past the lead a district of the lead's city may be named.
_DISTRICT_SENTENCES = 2
_AREAS = re.compile(
    r"\b(?:parts|portions|areas|suburbs|towns|villages|neighbou?rhoods|districts)\b", re.I
)
_TOWN_NOUNS_OF = frozenset(["town", "village"])
_IN_NAME = re.compile(
    r",?\s+(?:town\s+|village\s+)?in\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
_SEVERAL_PARTS = re.compile(r"\b(?:neighbou?rhoods|districts|quarters|cities)\s+of\b", re.I)
_NOUN_OF = re.compile(r"\b([a-z]+)\s+of\s+$", re.I)
# Parts of a city (not towns near it): "the Sumaria area in Damascus".
_CITY_PART_NOUNS = frozenset(
    ["neighborhood", "neighbourhood", "quarter", "district", "area", "section"]
)
_DISTRICT_NOUNS = frozenset(
    ["neighborhood", "neighbourhood", "quarter", "district", "area", "section", "town", "village"]
    + ["suburb"]
)


def primary_place(
    text: str,
    heading: str,
    spans: tuple[list[tuple[int, int]], Iterable[tuple[int, int]]],
    candidates: list[Candidate],
    votes: dict[str, float],
    current: Place | None,
) -> Place | None:
    """The place of the primary event: `heading` is the headline (text[:len(heading)] is
    blank), `spans` those of the lead's sentences and of the next few, `current` the place the
    reported mention has so far. None when nothing names a place."""
    lead, later = spans
    dateline = dateline_place(text, len(heading), votes)
    current = current and _with_population(current)
    in_heading = find_candidates(heading) if heading.strip() else []
    among = {fold_name(c.surface) for c in in_heading}  # heading_place asks only of these
    headline = heading_place(heading, in_heading, votes, named_places(candidates, dateline, among))
    lead_places = [event_place(text, candidates, start, end, votes) for start, end in lead]
    read = [p for p in (current, *lead_places) if p is not None and p.country is not None]
    # A name the text gives with no cue (a big city's name alone: "Medina Knowles") comes after
    # the dateline; one given with a cue or a place noun before it.
    strong = [p for p in read if _evidenced(p, candidates)]
    weak = [p for p in read if not _evidenced(p, candidates)]
    options = [
        _as_dateline(p, dateline)
        for p in (headline, *strong, dateline, *weak)
        if p is not None and not _in_dateline(p, dateline, candidates)
    ]
    if not options:
        return current
    # The first place read sets the country; the base is its first town or district there.
    first = next((p for p in options if p.admin1 or _local(p, candidates)), options[0])
    base = next(
        (p for p in options if _local(p, candidates) and p.country_iso == first.country_iso),
        first,
    )
    if base is dateline:
        base = _region_elsewhere(options, dateline) or base
    # a town replaces a city it lies near, not another town ("Rankus" near Damascus)
    city = not _own_name(base) or base.population >= _CITY_POPULATION
    near = [
        p
        for p in options
        if _within(p, base, candidates) and (p is base or city or not _own_name(p))
    ]
    big = next((p for p in near if _own_name(p) and p.population >= _CITY_POPULATION), None)
    districts = {p.name: p for p in _districts_in(text, lead, candidates, big)} if big else {}
    if big is not None and not districts and not _round_up(text, lead, districts):
        later = list(later)  # read lazily: only a city's lead asks for its later districts
        if not _several_areas(heading, text, lead) and not _town_in(lead, candidates):
            districts = _district_later(text, later, candidates, big)
    if big is not None and _round_up(text, lead, districts):
        chosen = big  # "rockets hit the neighbourhoods of A, B and C": the city's event
    else:
        near.extend(districts.values())
        chosen = min(near, key=lambda p: _detail(p, candidates), default=base)
    if chosen.admin1 is not None and (
        not _local(chosen, candidates) or _division_named(chosen, candidates)
    ):
        chosen = _town_later(text, later, candidates, votes, chosen) or chosen
    if chosen.admin1 is not None and (
        not _local(chosen, candidates) or _same_division_name(chosen)
    ):
        chosen = _unlisted_town(lead, candidates, chosen) or chosen
    if dateline is not None and _district_of(chosen, dateline, candidates):
        chosen = replace(dateline, name=chosen.name, precision=2, population=0)
    named = [*candidates, *in_heading]
    if chosen.admin1 is None and chosen.country_iso:
        chosen = _with_main_division(chosen, named)
    elif chosen.geonameid is not None and chosen is not dateline:
        chosen = _namesake_in_main_division(chosen, named)
    return chosen


def _division_named(place: Place, candidates: list[Candidate]) -> bool:
    """A city named like its division, which the text also names as a division ("a blast in
    Idlib" ... "Idlib province"): the name may mean either."""
    if not _same_division_name(place):
        return False
    key = _fold_word(place.name)
    return any(c.noun in _REGION_NOUNS and fold_name(c.surface) == key for c in candidates)


def _same_division_name(place: Place) -> bool:
    gaz = gazetteer()
    divisions = gaz.admin1_by_name.get(_fold_word(place.name), ())
    return any(gaz.admin1_name(*d) == place.admin1 for d in divisions)


def _town_later(
    text: str,
    later: Iterable[tuple[int, int]],
    candidates: list[Candidate],
    votes: dict[str, float],
    region: Place,
) -> Place | None:
    """A town of the lead's region named as one further on ("... in Idlib province." ... "in
    the city of Ariha in Idlib province"): the most specific place a coder would code."""
    for start, end in later:
        place = event_place(text, candidates, start, end, votes)
        named = place and _candidate_at(place, candidates)
        if named is None or not (_named_before(named) or named.noun in _TOWN_NOUNS):
            continue
        if place.country_iso == region.country_iso and place.admin1 == region.admin1:
            return place
    return None


def _unlisted_town(
    spans: Iterable[tuple[int, int]], candidates: list[Candidate], region: Place
) -> Place | None:
    """A town the gazetteer lacks, named as one in the lead ("the raids on the village of
    Hass"), in an article whose place is otherwise only the region: the region located under
    the town's name. One town only, in a sentence naming no other place than the region (not
    "the town of A in Eastern Ghouta", not "Aleppo city and al-Hader town")."""
    towns = {}
    for start, end in spans:
        named = [c for c in candidates if start <= c.start < end]
        found = [c for c in named if _unlisted(c) and _district(c, _TOWN_NOUNS_OF)]
        found = [c for c in found if not _in_other(c, region)]
        if found and all(c in found or _of_region(c, region) for c in named):
            towns.update((fold_name(c.surface), c) for c in found)
    if len(towns) != 1:
        return None
    (town,) = towns.values()
    return replace(
        region,
        name=town.surface,
        geonameid=None,
        char_start=town.start,
        char_end=town.end,
        precision=1,
        population=0,
    )


def _of_region(c: Candidate, region: Place) -> bool:
    """A name that is the region's own (not its city as a city) or no place at all: a country,
    a people, an armed group."""
    if c.country_iso or c.demonym_iso or c.actor_iso or c.actor:
        return True
    if c.noun is not None and c.noun not in _DISTRICT_NOUNS | _TOWN_NOUNS and _unlisted(c):
        return True  # a mountain or a plain: "Avanl village in Jabal al-Turkmen"
    key = fold_name(c.surface)
    return _region_key(key, region) and c.noun != "city"


def _region_key(key: str, region: Place) -> bool:
    return key in (_fold_word(region.name), _fold_word(region.admin1 or ""))


def _in_other(c: Candidate, region: Place) -> bool:
    """The town is said to lie in a place other than the region ("the town of Arabeen in
    Eastern Ghouta"), which the gazetteer may not know."""
    after = c.scan and _IN_NAME.match(c.scan.text, c.end)
    return bool(after) and not _region_key(fold_name(after.group(1)), region)


def _unlisted(c: Candidate) -> bool:
    """A name the gazetteer knows as no place, division, country or group."""
    if c.cities or c.admin1 or c.country_iso or c.demonym_iso or c.actor_iso:
        return False
    return _could_be_name(c.surface)


def _in_dateline(place: Place, dateline: Place | None, candidates: list[Candidate]) -> bool:
    """A name inside the dateline other than its city ("OCALA, Fla.": not Fla, Colombia)."""
    if dateline is None or place is dateline:
        return False
    named = _candidate_at(place, candidates)
    start = named.start if named is not None else place.char_start
    return dateline.char_start < start < dateline.char_end


def _as_dateline(place: Place, dateline: Place | None) -> Place:
    """The dateline's reading of a place of the same name ("PINETOWN, N.C. — ... in
    Pinetown"): the dateline says which state it is in."""
    if dateline is None or place is dateline or _fold_word(place.name) != _fold_word(dateline.name):
        return place
    return dateline


def _region_elsewhere(options: list[Place], dateline: Place) -> Place | None:
    """A region the headline or lead names, in the dateline's country but not the dateline's
    division: the story was filed from a bureau ("DAMASCUS (Sputnik) ... in Idlib province")."""
    for place in options:
        if place is dateline:
            return None
        if place.country_iso == dateline.country_iso and place.admin1 not in (
            None,
            dateline.admin1,
        ):
            return place
    return None


def _evidenced(place: Place, candidates: list[Candidate]) -> bool:
    """Whether the text gives the place with a cue, a place noun or "near", or as more than a
    big city's name alone ("Medina Knowles": a name, read as the city only for its size)."""
    named = _candidate_at(place, candidates)
    if named is None or named.cued or named.noun is not None or named.near or named.coded:
        return True
    return not _own_name(place) or place.population < _MIN_POPULATION_WITHOUT_CUE


def _candidate_at(place: Place, candidates: list[Candidate]) -> Candidate | None:
    """The candidate a place was read from: by its start, or by its name when the place does
    not say where it was read (the reported mention's own place)."""
    if place.char_start >= 0:
        if isinstance(candidates, Candidates):  # find_candidates' list: its index bisects
            return candidates.listing.first_at(place.char_start)
        return next((c for c in candidates if c.start == place.char_start), None)
    key = _fold_word(place.name)
    return next((c for c in candidates if fold_name(c.surface) == key), None)


def _local(place: Place, candidates: list[Candidate] = ()) -> bool:
    """A town or district, located or not: "the village of Hass", "the Akrameh neighbourhood"
    (the gazetteer lacks them; only their country is known) are named so."""
    if place.precision in (1, 2):
        return True
    named = _candidate_at(place, candidates)
    if named is None or named.admin1 or named.country_iso:
        return False  # a division or a country
    if place.latitude is not None or place.admin1 is not None:
        # "in El Plateado (Cauca)": a town the gazetteer lacks, located by its division
        return _fold_word(place.name) not in (
            _fold_word(place.admin1 or ""),
            _fold_word(place.country or ""),
        )
    return named.noun is not None or _named_before(named)


def _named_before(c: Candidate) -> bool:
    """ "the town of X", "the village of X"."""
    return c.scan is not None and c.scan.cues(c.start)[0]


def _within(place: Place, base: Place, candidates: list[Candidate]) -> bool:
    """A local place of the base's country near it (the base itself included), that the text
    names as a place (a cue or a place noun)."""
    if place is base:
        return True
    if not _local(place, candidates) or place.country_iso != base.country_iso:
        return False
    named = _candidate_at(place, candidates)
    if named is not None and not (named.cued or named.noun in _DISTRICT_NOUNS):
        return False
    if place.latitude is None:  # "the town of al-Rankus", located by no parent: a town near
        return named is not None and _district(named) and base.population >= _CITY_POPULATION
    return base.latitude is not None and _km(place, base) <= _NEAR_KM


def _detail(place: Place, candidates: list[Candidate]) -> tuple[int, int]:
    """How specific a place is, smallest first: a district (a name the gazetteer lacks, named
    as a district or neighbourhood), then towns by population."""
    if _own_name(place):
        return (0, place.population)
    named = _candidate_at(place, candidates)
    return (-1, 0) if named is not None and _district(named) else (1, 0)


def _district(c: Candidate, nouns: frozenset[str] = _DISTRICT_NOUNS) -> bool:
    """A name given as a district, neighbourhood, town or village (`nouns`): "the Akrameh
    neighbourhood", "the neighbourhood of Tareeq al-Bab", "the town of Rankus"."""
    if c.noun in nouns:
        return True
    before = c.scan and _NOUN_OF.search(c.scan.text, max(0, c.start - 40), c.start)
    return bool(before) and before.group(1).lower() in nouns


def _districts_in(text: str, lead: list[tuple[int, int]], candidates: list[Candidate], city: Place):
    """The lead's districts the gazetteer lacks, in the city it names ("the Sumaria area in
    Damascus"): the city's place under the district's name."""
    for start, end in lead:
        for c in candidates:
            if not start <= c.start < end or c.cities or c.admin1 or c.country_iso:
                continue
            if c.demonym_iso or c.actor_iso or not _could_be_name(c.surface):
                continue
            if not _district(c, _CITY_PART_NOUNS):
                continue
            yield replace(
                city, name=c.surface, char_start=c.start, char_end=c.end, precision=2, population=0
            )


def _district_later(
    text: str, later: list[tuple[int, int]], candidates: list[Candidate], city: Place
) -> dict[str, Place]:
    """The one district of the lead's city named as a district in the sentences just after
    it ("the incident took place in the Al Midan district"); none when the story goes on to
    name others (a round-up of the city's districts)."""
    found = {p.name: p for p in _districts_in(text, later, candidates, city)}
    if len(found) != 1 or _round_up(text, later, found):
        return {}
    (district,) = found.values()
    span = next(
        (s for s in later[:_DISTRICT_SENTENCES] if s[0] <= district.char_start < s[1]), None
    )
    return found if span and not _several_areas("", text, [span]) else {}


def _town_in(spans: list[tuple[int, int]], candidates: list[Candidate]) -> bool:
    """The sentences name a town besides the city ("Aleppo city and al-Hader town")."""
    return any(
        a <= c.start < b and _district(c, _TOWN_NOUNS_OF) for a, b in spans for c in candidates
    )


def _several_areas(heading: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """The headline or the sentences tell of parts of a city or its suburbs, not one place
    ("the rebel-held parts of the city", "Damascus Suburbs")."""
    return bool(_AREAS.search(heading)) or any(_AREAS.search(text, a, b) for a, b in spans)


def _with_population(place: Place) -> Place:
    """The place with its city's population (a mention keeps none)."""
    if place.population or place.geonameid is None:
        return place
    gaz = gazetteer()
    rows = [r for r in _cities(gaz, place.name) if gaz.geonameid[r] == place.geonameid]
    return replace(place, population=gaz.population[rows[0]]) if rows else place


def _round_up(text: str, lead: list[tuple[int, int]], districts: dict[str, Place]) -> bool:
    """The lead tells of several districts or towns, not one: a round-up of the city."""
    return len(districts) > 1 or any(_several_parts(text, a, b) for a, b in lead)


def _several_parts(text: str, start: int, end: int) -> bool:
    """_SEVERAL_PARTS.search(text, start, end), the regex (which opens with \b, so it is tried
    at every position) only where one of its words is: re.I also folds a few non-ASCII
    letters ("ſ"), so a sentence that is not ASCII is searched as it is."""
    span = text[start:end]
    if span.isascii():
        lower = span.lower()
        if not (
            "neighbo" in lower or "districts" in lower or "quarters" in lower or "cities" in lower
        ):
            return False
    return bool(_SEVERAL_PARTS.search(text, start, end))


def _cities(gaz: Gazetteer, name: str) -> tuple[int, ...]:
    """gaz.cities(name), its key folded once per name (primary_place asks it of the same few
    places many times)."""
    return gaz.cities_of_key(_fold_word(name))


def _own_name(place: Place) -> bool:
    """Whether the place is the gazetteer's city of that name (not a district located by it)."""
    gaz = gazetteer()
    return any(gaz.geonameid[r] == place.geonameid for r in _cities(gaz, place.name))


def _district_of(place: Place, dateline: Place, candidates: list[Candidate]) -> bool:
    """The place is a district of the dateline city: named as a neighbourhood or area and put
    far from the dateline city by the gazetteer, or not located at all."""
    if place is dateline or place.country_iso not in (None, dateline.country_iso):
        return False
    if place.latitude is None:
        return True
    named = _candidate_at(place, candidates)
    return (
        named is not None
        and named.noun in _DISTRICT_NOUNS
        and dateline.latitude is not None
        and _km(place, dateline) > _NEAR_KM
    )


def _with_main_division(place: Place, candidates: list[Candidate]) -> Place:
    """The place in the division of its country that the article names most (its cities and
    the divisions themselves)."""
    gaz = gazetteer()
    main = _main_division(gaz, place, candidates)
    return place if main is None else replace(place, admin1=gaz.admin1_name(*main))


def _namesake_in_main_division(place: Place, candidates: list[Candidate]) -> Place:
    """The town of that name in the division the rest of the article names most, when the
    gazetteer's choice lies in another ("Lansdowne" with Baltimore: Maryland's, not
    Pennsylvania's)."""
    gaz = gazetteer()
    key = _fold_word(place.name)
    # the divisions the text names (not those of its towns, most names being several towns')
    counts = Counter(
        d
        for c in candidates
        if c.admin1 and fold_name(c.surface) != key
        for d in c.admin1
        if d[0] == place.country_iso
    )
    main = counts.most_common(1)[0][0] if counts else None
    if main is None or gaz.admin1_name(*main) == place.admin1:
        return place
    rows = [r for r in _cities(gaz, place.name) if (gaz.countries_of[r], gaz.admin1_of[r]) == main]
    if not rows:
        return place
    row = max(rows, key=gaz.population.__getitem__)
    named = Candidate(place.name, place.char_start, place.char_end)
    return _city_place(gaz, named, row, precision=place.precision or 1)


def _main_division(
    gaz: Gazetteer, place: Place, candidates: list[Candidate]
) -> tuple[str, str] | None:
    """The division of the place's country that the candidates name most, if any."""
    counts = Counter(
        division for c in candidates for division in _divisions(gaz, c, place.country_iso)
    )
    return counts.most_common(1)[0][0] if counts else None


def _divisions(gaz: Gazetteer, c: Candidate, iso: str) -> set[tuple[str, str]]:
    found = {d for d in c.admin1 if d[0] == iso}
    rows = [r for r in c.cities if gaz.countries_of[r] == iso]
    if rows and not found:
        row = max(rows, key=gaz.population.__getitem__)
        found.add((iso, gaz.admin1_of[row]))
    return found


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two located places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))
