"""event_place: the place of one event, the most specific place its sentence states with
evidence, ambiguous names read by the countries and regions the text names, then by population."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.classify import (
    _MIN_POPULATION_WITHOUT_CUE,
    _could_be_name,
    _head,
    _names_an_actor,
    _word_after,
)
from transforms.extract.places.countries import Votes, explicit_votes
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.model import Candidate, Place, _Listing, _listing
from transforms.extract.places.names import _fold_word
from transforms.extract.places.scan import _CODED_TO, word_starts


def event_place(
    text: str, candidates: list[Candidate], start: int, end: int, votes: dict[str, float]
) -> Place | None:
    """The place of the event told in text[start:end]: its most specific stated place."""
    place = _event_place(text, candidates, start, end, votes)
    if place is None or place.char_start < 0:
        return place
    if place.name.endswith(("'s", "’s")):  # "on Rochester's southwest side": Rochester
        place = replace(place, name=place.name[:-2])
    alias = _ALIAS.match(text, place.char_end)
    if alias and _QUALIFIER.match(alias.group(1)):  # "Bant Bway (Ywar Ma)", "Myo Thar (East)"
        return replace(place, name=f"{place.name} ({alias.group(1)})")
    if alias and not _is_division(alias.group(1)):
        # ACLED's "Sergele (Sargali) area": the name in brackets is the coder's spelling
        return replace(place, name=alias.group(1))
    return _full_name(text, place)


def _full_name(text: str, place: Place) -> Place:
    """ACLED's compound names as the text writes them: "coded as Kyauk Yit (East)" keeps its
    bracket, "Omar - Oil Fields" and "Caracas - Libertador" their part after the dash."""
    if place.name == place.country:
        return place
    bracket = _BRACKETED_PART.match(text, place.char_end)
    # _CODED_TO (tried at every position: it opens with \b) only for a name with a bracket
    coded = bracket and _CODED_TO.search(text[max(0, place.char_start - 60) : place.char_start])
    if (
        bracket
        and coded
        and (_QUALIFIER.match(bracket.group(1)) or not _is_division(bracket.group(1)))
    ):
        return replace(place, name=f"{place.name} ({bracket.group(1)})")
    part = _DASHED_PART.match(text, place.char_end)
    # "Golan Heights - IDF MOSCOW (Sputnik)": a source and a dateline, in capitals, not a part
    if part and not _is_division(part.group(1)) and not part.group(1).isupper():
        return replace(place, name=f"{place.name} - {part.group(1)}")
    return place


_BRACKETED_PART = re.compile(r"\s*\(([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\)")
_DASHED_PART = re.compile(r"\s+-\s+([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,3})\b")


# "X (Y)" followed by a place noun, Y a bare name (no comma, no lowercase word) or a number.
_ALIAS = re.compile(
    r"\s*\(([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}|\d{1,2})\)(?=\s+(?:area|village|town|hill|region|"
    r"mountain|valley|base|camp|district|township|neighbou?rhood)\b)"
)


# Parts of a name, not another name: (East), (Lower), (1), Burmese (Ywar Ma) "main village".
_QUALIFIER = re.compile(
    r"^(?:\d{1,2}|East|West|North|South|Upper|Lower|Middle|Central|Old|New|Ywar Ma|Ywar Thit)$"
)


def _is_division(name: str) -> bool:
    gaz = gazetteer()
    key = _fold_word(name)
    return key in gaz.admin1_by_name or key in gaz.country_by_name


def _event_place(
    text: str, candidates: list[Candidate], start: int, end: int, votes: dict[str, float]
) -> Place | None:
    gaz = gazetteer()
    listing = _listing(candidates)
    inside = listing.starting_in(start, end - 1)
    coded = listing.coded
    chain_admin1 = None  # read the first time a city is chosen: most calls choose none
    for c in [*coded, *inside]:
        if c.country_iso or c.demonym_iso or c.actor_iso or _names_an_actor(c.surface):
            continue
        if _feature_within(text, c, candidates):
            continue  # "Sehit Berivan hill (Kurdish name) in Haftanin region": the region
        if c.actor or c.noun in _COUNTY_NOUNS and not c.admin1:
            continue  # "a Dallas man" lives there; "Marion County": not the town of Marion
        # "San Angelo Police were dispatched": the town's police, in town
        if not (c.cued or c.noun or c.near or c.coded or _agency(text, c) or _big_city(gaz, c)):
            continue
        if c.noun in _NEIGHBOURHOOD_NOUNS and not c.coded:
            parent = _parent_place(gaz, text, c, candidates, votes)
            if parent is not None:
                return parent
        if c.cities and (c.noun is None or c.noun not in _REGION_NOUNS or not c.admin1):
            if chain_admin1 is None:
                chain_admin1 = _chain_regions(listing, [*coded, *inside])
            row = _choose_city(gaz, c, votes, chain_admin1.get(c.start, ()))
            if row is not None and _small_stranger(gaz, row, votes, c, inside):
                row = None  # "the Old City of Damascus": not a village of that name abroad
            if row is not None and _division_elsewhere(gaz, c, row):
                return _region_place(gaz, c, votes)  # "villages of Guerrero": the state
            if row is not None:
                return _city_place(gaz, c, row, precision=2 if c.near else 1)
        if c.admin1 and (not c.cities and c.noun is None or c.noun in _REGION_NOUNS):
            return _region_place(gaz, c, votes)
        if not (c.admin1 or c.country_iso) and _could_be_name(_head(c.surface)):
            parent = _parent_place(gaz, text, c, candidates, votes)
            if parent is not None:
                return parent
    for c in inside:
        if c.admin1 and (c.cued or c.noun) and not (c.country_iso or c.origin):
            return _region_place(gaz, c, votes)  # not "from Gaza" (also Mozambique's province)
    for c in inside:
        if c.country_iso and (c.cued or c.noun) and not (c.origin or c.actor):
            if _COUNTRY_LIST.match(text, c.end) and len(inside) > 1:
                continue  # "operating in Iraq and Syria": where a group is, not the event
            return _country_place(gaz, c, c.country_iso)
    for c in inside:
        if c.unlocated:  # the name alone: no country, no coordinates, no precision
            return Place(c.surface, None, None, None, None, None, None, 0, c.start, c.end, None)
    return None


def _feature_within(text: str, c: Candidate, candidates: list[Candidate]) -> bool:
    """An area, hill or camp the gazetteer lacks, named with the town or district it lies in
    ("X area in Y", "X hill of Y district", "X area near Y"): ACLED codes the event to that
    place. Not with a province ("X area of Duhok"): the area's name says more than its centre."""
    if c.coded or c.cities or c.admin1 or c.noun not in _MINOR_FEATURES:
        return False
    within = _WITHIN_NEXT.match(text, c.end)
    if not within:
        return False
    nxt = next((n for n in candidates if n.start >= within.end() - 1), None)
    return nxt is not None and nxt.start == within.end() - 1 and not nxt.admin1


_MINOR_FEATURES = frozenset(["area", "hill", "mountain", "mount", "camp", "base", "checkpoint"])
_WITHIN_NEXT = re.compile(
    r"\s+\w+\s*(?:\([^()]{0,30}\)\s*)?(?:in|of|near|(?:on\s+)?the\s+outskirts\s+of|"
    r"in\s+the\s+vicinity\s+of)\s+(?:the\s+)?[A-Z]"
)
_NEIGHBOURHOOD_NOUNS = frozenset(["neighborhood", "neighbourhood", "quarter"])
_COUNTY_NOUNS = frozenset(["county", "parish"])
_COUNTRY_LIST = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z]")
_AGENCY_AFTER = re.compile(r"\s+(?:police|sheriff|fire\s+department)\b", re.I)
_AGENCY_STARTS = word_starts("police sheriff fire")


def _agency(text: str, c: Candidate) -> bool:
    """ "San Angelo Police were dispatched": a town's police, in town (asked only when no cue
    or place noun says where: the regex after most names is never run)."""
    spaced = text[c.end : c.end + 1].isspace()
    return bool(c.cities) and _word_after(_AGENCY_AFTER, _AGENCY_STARTS, text, c.end, spaced)


_REGION_NOUNS = frozenset(
    ["province", "governorate", "region", "state", "department", "oblast", "countryside", "county"]
)


def _small_stranger(
    gaz: Gazetteer, row: int, votes: dict[str, float], c: Candidate, inside: list[Candidate]
) -> bool:
    """A small town of a country the text never names, while a city at least twenty times its
    size follows in the sentence ("the Old City of Damascus")."""
    if votes.get(gaz.countries_of[row]):
        return False
    floor = max(_MIN_POPULATION_WITHOUT_CUE, 20 * gaz.population[row])
    return any(
        n.start > c.start
        and not n.country_iso
        and any(gaz.population[r] >= floor for r in n.cities)
        for n in inside
    )


def _division_elsewhere(gaz: Gazetteer, c: Candidate, row: int) -> bool:
    """The name is a division of the town's country, and the town lies in another division:
    the text names the division ("attacks in Guerrero"), not its namesake town elsewhere
    (Guerrero, Chihuahua). A town in the division of its name ("Idlib") stays the town."""
    iso = gaz.countries_of[row]
    codes = {code for division_iso, code in c.admin1 if division_iso == iso}
    return bool(codes) and gaz.admin1_of[row] not in codes


def _big_city(gaz: Gazetteer, c: Candidate) -> bool:
    found = _BIG.get(c.cities)  # remembered per name's rows, some of them hundreds long
    if found is None:
        if len(_BIG) > 100_000:
            _BIG.clear()
        found = _BIG[c.cities] = any(
            gaz.population[r] >= _MIN_POPULATION_WITHOUT_CUE for r in c.cities
        )
    return found


_BIG: dict[tuple[int, ...], bool] = {}


def _chain_regions(
    listing: _Listing, wanted: list[Candidate]
) -> dict[int, tuple[tuple[str, str], ...]]:
    """For each wanted candidate, the divisions named right after it ("X (Y, Kayin state)",
    "X, Idlib"). Only the wanted ones: this runs once per mention, over the article's list."""
    candidates, position = listing.candidates, listing.position
    out: dict[int, tuple[tuple[str, str], ...]] = {}
    for c in wanted:
        i = position[id(c)]
        regions: list[tuple[str, str]] = []
        for nxt in candidates[i + 1 : i + 5]:
            if nxt.start - c.end > 90:
                break
            regions.extend(nxt.admin1)
        out[c.start] = tuple(regions)
    return out


def _choose_city(
    gaz: Gazetteer, c: Candidate, votes: dict[str, float], regions: tuple[tuple[str, str], ...]
) -> int | None:
    """Among same-named cities: the one in a region named next to it, else in the country the
    text points to most, else the most populous. Remembered with an article's Votes: the same
    names are weighed for each of its mentions."""
    if not c.cities:
        return None
    if not isinstance(votes, Votes):
        return _choose_among(gaz, c, votes, regions)
    key = (c.cities, c.noun == "city", regions)  # all _choose_among reads of the candidate
    found = votes.choices.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = votes.choices[key] = _choose_among(gaz, c, votes, regions)
    return found


_UNSEEN = object()


def _choose_among(
    gaz: Gazetteer, c: Candidate, votes: dict[str, float], regions: tuple[tuple[str, str], ...]
) -> int | None:
    explicit = explicit_votes(votes)

    def rank(row: int) -> tuple:
        iso = gaz.countries_of[row]
        # Other towns of the same country weigh like a tenfold population: they settle
        # namesake villages, not Damascus (Syria) against Damascus (Maryland).
        size = _SIZES.get(row)
        if size is None:
            size = _SIZES[row] = math.log10(gaz.population[row] + 10)
        return (
            (iso, gaz.admin1_of[row]) in regions,
            explicit.get(iso, 0),
            size + votes.get("~" + iso, 0),
        )

    best = max(c.cities, key=rank) if len(c.cities) > 1 else c.cities[0]
    iso = gaz.countries_of[best]
    same_country_regions = [r for r in regions if r[0] == iso]
    in_named_region = (iso, gaz.admin1_of[best]) in same_country_regions
    if in_named_region:
        return best  # "Eilat (Beer Sheva, HaDarom)": the chain itself says where it is
    if same_country_regions and gaz.population[best] < 100_000:
        return None  # a namesake in another region than the one the text names with it
    strongest = max(explicit.values(), default=0)
    if _named_city(gaz, c, best):
        return best  # "in Khost city": the only city of that name, and a large one
    if strongest >= 0.5 and not explicit.get(iso) and gaz.population[best] < 10_000:
        return None  # a village abroad when even a weak hint (an armed group) points elsewhere
    if strongest >= 1 and explicit.get(iso, 0) < strongest / 2:
        return None  # a town of a country the text hardly points to: another place, or none
    return best


_SIZES: dict[int, float] = {}  # a row's log10(population + 10), once per process


def _named_city(gaz: Gazetteer, c: Candidate, row: int) -> bool:
    """ "Khost city", "the city of X": the text calls it a city, the gazetteer has one city of
    that name, and it has 50,000 people or more."""
    return c.noun == "city" and len(c.cities) == 1 and gaz.population[row] >= 50_000


def _city_place(gaz: Gazetteer, c: Candidate, row: int, precision: int) -> Place:
    iso = gaz.countries_of[row]
    return Place(
        name=c.surface,
        geonameid=gaz.geonameid[row],
        country=gaz.country_name(iso),
        country_iso=iso,
        admin1=gaz.admin1_name(iso, gaz.admin1_of[row]),
        latitude=round(gaz.latitude[row], 5),
        longitude=round(gaz.longitude[row], 5),
        population=gaz.population[row],
        char_start=c.start,
        char_end=c.end,
        precision=precision,
    )


def _region_place(gaz: Gazetteer, c: Candidate, votes: dict[str, float]) -> Place:
    iso, code = max(c.admin1, key=lambda k: (votes.get(k[0], 0), votes.get("~" + k[0], 0)))
    centre = gaz.admin1_centre.get((iso, code))
    return Place(
        name=c.surface,
        geonameid=None,
        country=gaz.country_name(iso),
        country_iso=iso,
        admin1=gaz.admin1_name(iso, code),
        latitude=round(gaz.latitude[centre], 5) if centre is not None else None,
        longitude=round(gaz.longitude[centre], 5) if centre is not None else None,
        population=0,
        char_start=c.start,
        char_end=c.end,
        precision=3,
    )


def _country_place(gaz: Gazetteer, c: Candidate, iso: str) -> Place:
    name, geonameid, population = gaz.countries.get(iso, (iso, None, 0))
    return Place(
        name=gaz.country_name(iso) or name,
        geonameid=geonameid,
        country=gaz.country_name(iso),
        country_iso=iso,
        admin1=None,
        latitude=None,
        longitude=None,
        population=population,
        char_start=c.start,
        char_end=c.end,
        precision=3,
    )


def _parent_place(
    gaz: Gazetteer, text: str, c: Candidate, candidates: list[Candidate], votes: dict[str, float]
) -> Place | None:
    """A place the gazetteer lacks, located by the next known place after it (its township,
    district or region): the name is kept, the coordinates are the parent's (precision 2/3)."""
    # "coded as Waw Lay Myaing (Waw Lay)", "Sergele (Sargali) area": its other name, no parent
    alias = (_BRACKETED_PART if c.coded else _ALIAS).match(text, c.end)
    skip_to = alias.end() if alias and not _is_division(alias.group(1)) else c.end
    dashed = _DASHED_PART.match(text, skip_to)  # "Conoco - Gas Field": a part, no parent
    skip_to = dashed.end() if dashed and not _is_division(dashed.group(1)) else skip_to
    later = _listing(candidates).starting_in(skip_to, c.end + 80)
    for number, nxt in enumerate(later):
        within_city = _NEIGHBOURHOOD_NOUNS | (
            {"district"} if c.noun in _NEIGHBOURHOOD_NOUNS else set()
        )
        if nxt.noun in within_city and number + 1 < len(later):
            continue  # "(Al Farouk neighbourhood), Mosul": the city, not a namesake
        if nxt.cities:
            row = _choose_city(gaz, nxt, votes, ())
            if row is not None and nxt.admin1 and not _centre_of(gaz, row, nxt):
                row = None  # "El Parotal, Guerrero": the state, not a town of that name elsewhere
            if row is not None and (nxt.noun not in _REGION_NOUNS or not nxt.admin1):
                parent = _city_place(gaz, nxt, row, precision=2)
                return _renamed(parent, c)
        if nxt.admin1 and not _foreign_division(nxt, votes):
            return _renamed(_region_place(gaz, nxt, votes), c)
        if nxt.country_iso:
            return _renamed(_country_place(gaz, nxt, nxt.country_iso), c)
    explicit = explicit_votes(votes)
    if max(explicit.values(), default=0) >= 1:  # named; only its country known: no coordinates
        return _renamed(_country_place(gaz, c, max(explicit, key=explicit.__getitem__)), c)
    return None


def _foreign_division(c: Candidate, votes: dict[str, float]) -> bool:
    """A division only of countries the text does not name, while it names another ("the
    Northern Province of Aleppo" in Syria: not Sri Lanka's Northern Province)."""
    explicit = explicit_votes(votes)
    strongest = max(explicit.values(), default=0)
    return strongest >= 1 and not any(explicit.get(iso, 0) >= 1 for iso, _ in c.admin1)


def _centre_of(gaz: Gazetteer, row: int, c: Candidate) -> bool:
    """The city lies in the division of the same name ("Idlib" in Idlib)."""
    return (gaz.countries_of[row], gaz.admin1_of[row]) in c.admin1


def _renamed(parent: Place, c: Candidate) -> Place:
    """The parent's location under the child's name, at least "near a town" (precision 2)."""
    precision = max(parent.precision or 2, 2)
    return replace(parent, name=c.surface, char_start=c.start, char_end=c.end, precision=precision)


def country_place(iso: str) -> Place:
    """A country-level place (precision 3) for an ISO code."""
    gaz = gazetteer()
    return _country_place(gaz, Candidate(iso, 0, 0), iso)
