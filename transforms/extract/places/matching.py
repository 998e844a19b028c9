"""Whether two names name the same place or division (for scoring against coded data)."""

from __future__ import annotations

import re

from transforms.extract.places.cache import gazetteer
from transforms.extract.places.names import fold


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
    if fold(a) == fold(b) or _without_article(fold(a)) == _without_article(fold(b)):
        return True  # "al-Rankus" = "Rankus"
    gaz = gazetteer()
    country_a, country_b = gaz.country_by_name.get(fold(a)), gaz.country_by_name.get(fold(b))
    if country_a or country_b:
        return country_a == country_b
    return bool(set(gaz.cities(a)) & set(gaz.cities(b)))


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|az) ")


def _without_article(key: str) -> str:
    """A folded name without its Arabic article ("al rankus" -> "rankus")."""
    return _ARTICLE.sub("", key)
