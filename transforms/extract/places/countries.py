"""How strongly a text points to each country: the names, divisions, nationalities and armed
groups it names (country_votes), and the countries that hold several of its towns (town_votes)."""

from __future__ import annotations

from functools import cached_property

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.classify import _MIN_POPULATION_WITHOUT_CUE
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.model import Candidate
from transforms.extract.places.names import _fold_word


def country_votes(candidates: list[Candidate]) -> dict[str, float]:
    """How strongly the text points to each country. Each distinct name counts once, at its
    strongest: a country name 3 (0.5 where an attack came from, 0.4 naming forces: "Mali military
    forces"), a division 2 (shared when several countries have one of that name), a division
    that is also a town 1 (2 as the last of a bracketed chain, ACLED's division), a
    nationality 0.4 (it names actors as often as places; 0 before arms or people: "Turkish
    drones", "an Afghan asylum seeker"), a one-country armed group 0.5 ("Houthis")."""
    best: dict[tuple[str, str], float] = {}
    for c in candidates:
        weights = _country_weights(c)
        if not weights:
            continue
        key = _fold_word(c.surface)
        for iso, weight in weights.items():
            best[(iso, key)] = max(weight, best.get((iso, key), 0.0))
    votes: dict[str, float] = {}
    for (iso, _), weight in best.items():
        if weight > 0:
            votes[iso] = votes.get(iso, 0) + weight
    return votes


class Votes(dict):
    """A text's votes: country_votes' countries and town_votes' under "~" + iso. event_place
    reads the countries alone once per town it weighs, so they are split out once and kept
    (nothing changes the votes once counted)."""

    @cached_property
    def explicit(self) -> dict[str, float]:
        return {k: v for k, v in self.items() if not k.startswith("~")}

    @cached_property
    def choices(self) -> dict[tuple, int | None]:
        """event_place's choice among same-named cities, by what it reads of a name."""
        return {}


def explicit_votes(votes: dict[str, float]) -> dict[str, float]:
    """The votes of the countries the text names (not "~" town votes); do not change it."""
    return (votes if isinstance(votes, Votes) else Votes(votes)).explicit


def _country_weights(c: Candidate) -> dict[str, float]:
    if c.country_iso:
        return {c.country_iso: 0.5 if c.origin else 0.4 if c.actor else 3.0}
    if c.admin1:
        isos = sorted({iso for iso, _ in c.admin1})  # sorted: ties break the same every run
        if c.cities and not c.bracket_tail and _big_city_abroad(c, isos):
            return {}  # "Manchester": the English city, not Jamaica's parish
        weight = 1.0 if c.cities and not c.bracket_tail else 2.0
        return {iso: weight / len(isos) for iso in isos}
    if c.demonym_iso:
        return {c.demonym_iso: 0.0 if c.actor else 0.4}
    if c.actor_iso:
        return {c.actor_iso: 0.5}
    return {}


def _big_city_abroad(c: Candidate, isos: list[str]) -> bool:
    """The name's largest city has 100,000 people or more and lies in none of the countries that
    have a division of that name."""
    gaz = gazetteer()
    row = _rows_facts(gaz, c.cities)[0]
    return gaz.population[row] >= _MIN_POPULATION_WITHOUT_CUE and gaz.countries_of[row] not in isos


def town_votes(candidates: list[Candidate]) -> dict[str, float]:
    """Countries that hold several of the towns a text names (each distinct name once)."""
    gaz = gazetteer()
    names: dict[str, set[str]] = {}
    for c in candidates:
        if c.cities and not c.country_iso:
            for iso in _rows_facts(gaz, c.cities)[1]:
                names.setdefault(iso, set()).add(_fold_word(c.surface))
    return {iso: float(len(found)) for iso, found in names.items()}


def _rows_facts(gaz: Gazetteer, cities: tuple[int, ...]) -> tuple[int, tuple[str, ...]]:
    """A name's largest city (the first of the largest) and its cities' countries, sorted;
    remembered per name's rows, some of them hundreds long."""
    found = _ROWS.get(cities)
    if found is None:
        if len(_ROWS) > 100_000:
            _ROWS.clear()
        row = max(cities, key=gaz.population.__getitem__)
        found = _ROWS[cities] = (row, tuple(sorted({gaz.countries_of[r] for r in cities})))
    return found


_ROWS: dict[tuple[int, ...], tuple[int, tuple[str, ...]]] = {}
