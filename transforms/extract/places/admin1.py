"""First-level divisions (admin1): their GeoNames names from data/admin1.tsv, shortened and
indexed by every spelling the news uses (suffixes dropped, Arabic articles, aliases)."""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from transforms.extract.places.lexicon import ADMIN1_ALIASES
from transforms.extract.places.names import fold

if TYPE_CHECKING:
    from transforms.extract.places.geonames import Gazetteer


_ADMIN1_TSV = "data/admin1.tsv"


# Suffixes GeoNames puts on division names that ACLED (and the news) usually drop.
_ADMIN1_SUFFIX = re.compile(
    r"\s+(?:department|governorate|province|region|state|oblast|oblast’|district|division|"
    r"prefecture|county|municipality|territory|krai|kray)$|^muhafazat\s+|s[’']ka\s+oblast[’']$",
    re.I,
)


def _load_admin1(gaz: Gazetteer) -> None:
    text = resources.files("transforms").joinpath(_ADMIN1_TSV).read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        iso, code, name = line.split("\t")
        short = _ADMIN1_SUFFIX.sub("", name).strip() or name
        gaz.admin1_names[(iso, code)] = short
        keys = {fold(name)} | ({fold(short)} - _GENERIC_DIVISION_WORDS)
        for key in sorted(keys | _article_variants(keys, iso)):  # sorted: the same every process
            known = gaz.admin1_by_name.setdefault(key, [])
            if (iso, code) not in known:
                known.append((iso, code))
    for alias, official in ADMIN1_ALIASES.items():
        targets = gaz.admin1_by_name.get(fold(official), [])
        variants = _article_variants({fold(alias)}, targets[0][0] if targets else "")
        for key in sorted({fold(alias)} | variants):
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
