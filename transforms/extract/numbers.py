"""Reading numbers written as digits or words, with the values ACLED gives vague quantities.

`AMOUNT_PATTERN` finds one amount in running text: a qualifier ("at least", "more than", ...),
then a number ("75", "1,200", "1.2 million", "twenty-three", "a dozen", "2 dozen"), a range
("10 to 15", "between 10 and 15", "10-15") or a vague quantity ("dozens", "several").
`read_amount` turns such a match into low/best/high and a qualifier, following docs/data-model.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.lexicons import read_table

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's conventional values for vague quantities (docs/data-model.md, counting rules).
VAGUE = {words: int(value) for words, value in read_table("vague_quantities.tsv", columns=2)}
# Words that name an exact small count.
EXACT_WORDS = {"a pair of": 2, "a couple of": 2, "both": 2, "a dozen": 12, "half a dozen": 6}
# "at least 5": the words before a number and the kind of bound they make it.
QUALIFIERS = dict(read_table("qualifiers.tsv", columns=2))


def _alternation(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_WORD = _alternation([*UNITS, *TENS, *SCALES])
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?![\d:])"
# One number: digits with an optional scale, or number words ("a hundred and five").
NUMBER_PATTERN = (
    rf"(?:(?:{_DIGITS})(?:\s+(?:million|thousand|hundred|dozen)\b)?"
    rf"|(?:an?\s+(?:hundred|thousand|dozen)|(?:{_WORD}))\b"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}|dozen)\b)*)"
)
_VAGUE_PATTERN = _alternation([*VAGUE, *EXACT_WORDS])
_RANGE_PATTERN = (
    rf"between\s+(?P<r1>{NUMBER_PATTERN})\s+and\s+(?P<r2>{NUMBER_PATTERN})"
    rf"|(?P<r3>{NUMBER_PATTERN})\s*(?:-|–|—|to|or)\s*(?P<r4>{NUMBER_PATTERN})"
)
QUALIFIER_PATTERN = _alternation(QUALIFIERS)
# An amount in running text: optional qualifier, then a range, a number or a vague quantity.
AMOUNT_PATTERN = (
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
    rf"(?P<num>{_RANGE_PATTERN}|(?:{_VAGUE_PATTERN})(?:\s+of)?\b|{NUMBER_PATTERN})"
)
_NUMBER = re.compile(rf"^(?:{NUMBER_PATTERN})$", re.IGNORECASE)
_DIGIT_FORM = re.compile(r"^([\d,]+(?:\.\d+)?)(?:\s+(million|thousand|hundred|dozen))?$")
_SPLIT = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")


def parse_number(text: str) -> int | None:
    """The integer a number phrase denotes ("1,200", "1.2 million", "twenty-three"), else None."""
    if text.isdigit() and text.isascii():  # most amounts: what the regexes below make of it
        return int(round(float(text)))
    phrase = _SPACES.sub(" ", text.strip().lower())
    if not _NUMBER.match(phrase):
        return None
    digits = _DIGIT_FORM.match(phrase)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        scale = 12 if digits.group(2) == "dozen" else SCALES.get(digits.group(2) or "", 1)
        return int(round(value * scale))
    return _parse_words(_SPLIT.split(phrase))


def _parse_words(words: list[str]) -> int | None:
    total = current = 0
    seen_number = False
    for word in words:
        if word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in UNITS:
            current += UNITS[word]
            seen_number = True
        elif word in TENS:
            current += TENS[word]
            seen_number = True
        elif word == "dozen":
            current = max(current, 1) * 12
            seen_number = True
        elif word == "hundred":
            current = max(current, 1) * 100
            seen_number = True
        elif word in ("thousand", "million"):
            total += max(current, 1) * SCALES[word]
            current = 0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


Bounds = tuple[int | None, int | None, int | None]


def bounds(value: int, qualifier: str) -> Bounds:
    """low/best/high for one value and its qualifier (docs/data-model.md, counting rules)."""
    if qualifier in ("at_least", "more_than", "vague"):
        # "more than 350" records the stated number, as ACLED, GTD and incident lists do
        return value, value, None
    if qualifier == "at_most":
        return None, value, value
    if qualifier == "approximately":
        return None, value, None
    return value, value, value


def read_amount(match: re.Match) -> tuple[Bounds, str] | None:
    """(low, best, high) and qualifier of an AMOUNT_PATTERN match, or None if not a number."""
    return _read_groups(*match.group("qual", "r1", "r2", "r3", "r4", "num"))


# A pure function of a few short strings, read again for every "5", "two" or "at least 10":
# remembered (the value is an immutable tuple).
@lru_cache(maxsize=4096)
def _read_groups(
    qual: str | None, r1: str | None, r2: str | None, r3: str | None, r4: str | None, num: str
) -> tuple[Bounds, str] | None:
    qualifier = QUALIFIERS.get(_SPACES.sub(" ", qual.lower()), "exact") if qual else "exact"
    if r1 or r3:
        first = parse_number(r1 or r3)
        second = parse_number(r2 or r4)
        if first is not None and second is not None and second > first:
            low = first if qualifier == "exact" else bounds(first, qualifier)[0]
            return (low, first, second), "range"
        # not a range after all: "twenty-three"
    raw = _SPACES.sub(" ", num.lower())
    if raw not in VAGUE and raw not in EXACT_WORDS and raw.endswith(" of"):
        raw = raw[:-3]
    if raw in VAGUE:
        return bounds(VAGUE[raw], "vague"), "vague"
    value = EXACT_WORDS.get(raw)
    if value is None:
        value = parse_number(raw)
    if value is None:
        return None
    return bounds(value, qualifier), qualifier
