"""Datelines: the city a wire story was filed from ("KANSAS CITY, Mo. —", "BEIRUT (Reuters) -",
"QAMISHLI Syria A bomb ..."), read at the start of an article's body.

A dateline city is in capitals, at the start of a line or after a date, and followed by a region
("Mo.", "NC", "Ukraine"), an agency in brackets or a dash. The region settles which of the
same-named cities it is; without one, the country the article points to most does.
"""

from __future__ import annotations

import math
import re

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.countries import explicit_votes
from transforms.extract.places.event import _city_place
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.lexicon import COMMON_WORDS, REGION_ABBREVIATIONS
from transforms.extract.places.model import Candidate, Place
from transforms.extract.places.names import fold

# How far into the body a dateline may start (after a caption or a date line).
_DATELINE_WINDOW = 300
_CITY = re.compile(r"(?<![\w'’.-])([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})(?![\w'’])")
# Where a dateline may start: the text's start, a new line, or after a date, a closing bracket
# or the end of a sentence.
_STARTS_AFTER = re.compile(r"(?:^|\n|[\d).:]|—)\s*$")
_TAIL = re.compile(
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*){0,2}))?"
    r"\s*(?P<agency>\([^()\n]{1,40}\))?\s*(?P<dash>--|[-–—])?"
)
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")


def dateline_place(text: str, start: int, votes: dict[str, float]) -> Place | None:
    """The place of the dateline at the start of text[start:], if there is one."""
    gaz = gazetteer()
    window = text[start : start + _DATELINE_WINDOW]
    for match in _CITY.finditer(window):
        if not _STARTS_AFTER.search(window[: match.start()][-30:]):
            continue
        region = _region_after(gaz, window, match.end())
        if region is None:
            continue
        # the place spans the whole dateline: its region is not read as another place
        end = start + _TAIL.match(window, match.end()).end()
        place = _city(gaz, match.group(1), region, votes, start + match.start(), end)
        if place is not None:
            return place
    return None


def _region_after(gaz: Gazetteer, window: str, end: int) -> tuple[str, ...] | None:
    """What follows a dateline city: ("US", "MO") for ", Mo.", ("SY",) for a country, () for an
    agency or a dash alone, or None when nothing marks a dateline."""
    tail = _TAIL.match(window, end)
    if tail.group("region"):
        return _region(gaz, tail.group("region"))
    if tail.group("agency") or tail.group("dash"):
        return ()
    country = _NEXT_WORD.match(window, end)  # "QAMISHLI Syria A bomb ..."
    iso = country and gaz.country_by_name.get(fold(country.group(1)))
    return (iso,) if iso else None


def _region(gaz: Gazetteer, name: str) -> tuple[str, ...] | None:
    key = fold(name)
    state = REGION_ABBREVIATIONS.get(key)
    if state is not None:
        return next((d for d in gaz.admin1_by_name.get(fold(state), ()) if d[0] == "US"), None)
    if key in gaz.country_by_name:
        return (gaz.country_by_name[key],)
    divisions = gaz.admin1_by_name.get(key)
    return divisions[0] if divisions else None


def _city(
    gaz: Gazetteer,
    name: str,
    region: tuple[str, ...],
    votes: dict[str, float],
    start: int,
    end: int,
) -> Place | None:
    """The dateline city among GeoNames' cities of that name: in the region, else in the
    country the article points to most, else the most populous."""
    surface = " ".join(w.capitalize() for w in name.replace("’", "'").split())
    if fold(surface) in COMMON_WORDS:
        return None
    rows = gaz.cities(surface) or gaz.cities(surface.replace("Saint ", "St. "))
    if region:
        rows = tuple(
            r for r in rows if (gaz.countries_of[r], gaz.admin1_of[r])[: len(region)] == region
        )
    if not rows:
        return _unlisted(gaz, surface, region, start, end)
    explicit = explicit_votes(votes)

    def rank(row: int) -> tuple[float, float]:
        iso = gaz.countries_of[row]
        return explicit.get(iso, 0), math.log10(gaz.population[row] + 10) + votes.get("~" + iso, 0)

    row = max(rows, key=rank)
    return _city_place(gaz, Candidate(surface, start, end), row, precision=1)


def _unlisted(
    gaz: Gazetteer, name: str, region: tuple[str, ...], start: int, end: int
) -> Place | None:
    """A town GeoNames lacks, filed from a named state ("PINETOWN, N.C."): its name, state and
    country, no coordinates."""
    if len(region) != 2:
        return None
    iso, code = region
    admin1 = gaz.admin1_name(iso, code)
    return Place(name, None, gaz.country_name(iso), iso, admin1, None, None, 0, start, end, 2)
