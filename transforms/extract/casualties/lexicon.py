"""The word lists of casualty reading, kept in transforms/data/casualty_*.txt, and the
lowercasing every pattern is matched against."""

from __future__ import annotations

import re

from transforms.lexicons import read_table


def _words(name: str) -> list[str]:
    """The entries of a one-column word list in transforms/data/."""
    return [entry for (entry,) in read_table(name, 1)]


def _ci(pattern: str) -> re.Pattern:
    """A pattern of lowercase words, matched against lowercased text (see `lowercase`): much
    faster than re.IGNORECASE, which turns off the regex engine's literal-prefix search."""
    return re.compile(pattern)


def lowercase(text: str) -> str:
    """`text.lower()` with the same length, so offsets carry over (a few characters such as
    "İ" lowercase to two; they are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def first_letter_alternation(words: list[str]) -> str:
    """A regex alternation of the words (each starts with a letter or a quote, a character
    matched as itself; the rest may be regex, with no "|"; a space matches any run of spaces),
    grouped by first character: "man|woman|mother" as "m(?:an|other)|w(?:oman)". It matches
    what "|".join(words) matches: at any place only the words of one character can match, and
    their order is kept. The engine skips a group on its character, not each word in turn."""
    groups: dict[str, list[str]] = {}
    for word in words:
        assert word[:1].isalpha() or word[:1] in "'’", word
        groups.setdefault(word[0], []).append(word[1:].replace(" ", r"\s+"))
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


# Singular nouns for one person, as a regex alternation in file order ("security guard" matches
# any run of spaces).
_PERSON_SINGULAR_LIST = _words("casualty_person_singular.txt")
_PERSON_SINGULAR = first_letter_alternation(_PERSON_SINGULAR_LIST)
# Whole words one of which every _SINGULAR match contains (the head's last word, a reflexive,
# "another", "him" or "her").
# "a third was killed": one more person than those told before (patterns._SINGULAR).
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
_SINGULAR_WORDS = frozenset(w.split()[-1] for w in _PERSON_SINGULAR_LIST) | {
    "himself",
    "herself",
    "themselves",
    "another",
    *ORDINALS,
    "him",
    "her",
}
# Words after an amount that name the outcome rather than who: "3 dead", "84 deaths".
_OUTCOME_NOUNS = tuple(_words("casualty_outcome_nouns.txt"))
_PERSONS = (
    frozenset(_words("casualty_persons.txt"))
    | frozenset(_OUTCOME_NOUNS)
    | frozenset(w for w in _PERSON_SINGULAR_LIST if " " not in w)
)
_THINGS = frozenset(_words("casualty_things.txt"))
# Tokens that end the words describing who an amount counts.
_STOP = frozenset(_words("casualty_stop_words.txt"))
# Where amounts can be: a digit or a number word.
_NUMBER_WORDS = frozenset(_words("casualty_number_words.txt"))
# Capitalised words that open a sentence or a headline, not a name ("The", "Police").
_NOT_NAMES = frozenset(_words("casualty_not_names.txt"))
