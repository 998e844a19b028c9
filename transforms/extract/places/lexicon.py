"""The word lists and tables of place reading, read once from transforms/data/places/.

Each file holds one entry a line (a word, or a TSV row "name<TAB>value"), after "#" comments
saying what it is. Names are folded (see names.fold).
"""

from __future__ import annotations

from importlib import resources

from transforms.lexicons import read_table

DATA = resources.files("transforms").joinpath("data/places")


def _words(name: str) -> frozenset[str]:
    return frozenset(word for (word,) in read_table(f"places/{name}", 1))


def _table(name: str) -> dict[str, str]:
    """A two-column TSV file as a dict, in file order (a row of another width raises)."""
    return dict(read_table(f"places/{name}", 2))


# Common names ACLED and the news use where GeoNames' country name differs.
COUNTRY_NAMES = {"PS": "Palestine", "CZ": "Czech Republic", "TL": "East Timor"}
COUNTRY_ALIASES = _table("country_aliases.tsv")
DEMONYMS = _table("demonyms.tsv")
ADMIN1_ALIASES = _table("admin1_aliases.tsv")
CITY_ALIASES = _table("city_aliases.tsv")
REGION_ABBREVIATIONS = _table("region_abbreviations.tsv")
ARMED_GROUP_COUNTRIES = _table("armed_groups.tsv")

# Directions and "central": parts of a region's description, never a place on their own.
COMPASS_WORDS = tuple(
    ["western", "eastern", "northern", "southern", "central", "north", "south", "east", "west"]
)
# Capitalised English words that are also GeoNames place names: never places on their own.
COMMON_WORDS = _words("common_words.txt") | frozenset(COMPASS_WORDS)
NOT_ALONE_WORDS = _words("not_alone_words.txt")
DATE_WORDS = _words("date_words.txt")
ACTOR_WORDS = _words("actor_words.txt")
# The words of a cue before a name: "in X", "in rural X", "in the outskirts of X".
CUE_PREPOSITIONS = _words("cue_prepositions.txt")
CUE_ADJECTIVES = _words("cue_adjectives.txt") | frozenset(COMPASS_WORDS)
CUE_NOUNS = _words("cue_nouns.txt")
