"""Reading numbers written as digits or words, with the values ACLED gives vague quantities."""

from __future__ import annotations

import re

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
# ACLED's conventional values for vague quantities (DESIGN.md, counting rules).
VAGUE = {
    "tens": 10,
    "a dozen": 12,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "several": 2,
    "a number of": 2,
    "a few": 2,
    "a handful of": 2,
}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?"
    rf"|(?:(?:a|an|{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*)"
    r"|a\s+dozen"
)
_NUMBER = re.compile(rf"^(?:{NUMBER_PATTERN})$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The integer a number phrase denotes ("1,200", "1.2 million", "twenty-three"), else None."""
    phrase = text.strip().lower()
    if not _NUMBER.match(phrase):
        return None
    if phrase == "a dozen":
        return 12
    digits = re.match(r"^([\d,]+(?:\.\d+)?)(?:\s+(million|thousand))?$", phrase)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        scale = SCALES.get(digits.group(2) or "", 1)
        return int(round(value * scale))
    return _parse_words(re.split(r"[\s-]+", phrase))


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
