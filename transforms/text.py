"""Text primitives shared by every extractor: normalisation, ids and sentences with offsets."""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

from transforms.cues import Gated, holds_any, literal_cues

# A sentence ends at . ! or ? (optionally followed by a closing quote) before whitespace,
# or at a line break. Abbreviations like "U.S." or "Mr." are protected below. The match takes
# the stop itself (not a lookbehind), so the regex engine jumps from one . ! ? or line break
# to the next: it does so only for a pattern that starts with one set of characters, so the
# two forms, "[.!?]..." and "\n+", share their first character (1.67x split_sentences).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)]?(?=\s+[\"“‘(]?[A-Z0-9])|(?<=\n)\n*)")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|St|Jr|Sr|No|vs|approx|est|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$"
)
_ABBREVIATION_CHARS = len("approx.")  # the longest, with its dot
# Every non-ASCII character that re.IGNORECASE matches to an ASCII letter (checked in the tests),
# mapped to that letter: folding keeps lengths, so offsets found in folded text hold.
_IGNORECASE_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_NON_ASCII_FOLDED = tuple(_IGNORECASE_TO_ASCII)
_FOLD_CASE = str.maketrans(
    {c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | _IGNORECASE_TO_ASCII
)


def normalize_whitespace(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    # str.split() splits on exactly the characters that regex \s matches (str.isspace), faster.
    return " ".join(text.split())


def article_id(body: str) -> str:
    """The article's identity: sha256 of its whitespace-normalised body."""
    return hashlib.sha256(normalize_whitespace(body).encode("utf-8")).hexdigest()


def stable_id(*parts: object) -> str:
    """A short deterministic id built from its parts (for mentions, figures, rejects)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


class Sentence(NamedTuple):
    """A sentence of a text and where it lies in it. (A NamedTuple, not a frozen dataclass:
    made for every sentence of every article, it costs less than half as much to build.)"""

    index: int
    start: int
    end: int
    text: str


def fold_case(text: str) -> str:
    """`text` with ASCII letters lowercased, the same length: a lowercase pattern compiled
    without re.IGNORECASE matches it exactly where the pattern with the flag matches `text`,
    and several times faster."""
    if text.isascii():
        return text.lower()
    if holds_any(text, _NON_ASCII_FOLDED):
        return text.translate(_FOLD_CASE)
    # bytes.lower lowers only A-Z, and UTF-8 writes every other character in bytes >= 0x80:
    # about 14x faster than str.translate, which looks each non-ASCII text's characters up
    # one by one (a curly quote is enough)
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


_ASCII_DIGITS = tuple("0123456789")
_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether regex \\d matches in the text: ten `in` tests of one character (each a memchr)
    cost about half a search for \\d; only a non-ASCII text can hold another digit ("٣")."""
    return holds_any(text, _ASCII_DIGITS) or (
        not text.isascii() and _DIGIT.search(text) is not None
    )


def compile_folded(pattern: str) -> re.Pattern:
    """A case-insensitive pattern, compiled to run on fold_case(text)."""
    if any(c.isupper() for c in re.sub(r"\\.|\(\?P[<=]", "", pattern)):  # not \W or (?P<
        raise ValueError(f"pattern has upper-case letters: {pattern!r}")
    return re.compile(pattern)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex: "a|b(?:c|d)" -> ["a", "b(?:c|d)"]."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # an escaped character is never a bar or a bracket
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # "[]x]" and "[^]x]" hold a literal "]"
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def marked_alternation(patterns: list[str]) -> tuple[str, list[int]]:
    """One alternation of every alternative of the patterns, in order, each followed by an empty
    marker group, and for each marker the position of its pattern.

    A match tells which pattern matched by the marker that took part, as a group around each
    pattern would; but the regex engine skips an alternative that starts with a letter other
    than the text's at once, and enters a group to try it: this is about twice as fast."""
    alternatives, owners = [], []
    for position, pattern in enumerate(patterns):
        if re.compile(pattern).groups:
            raise ValueError(f"a marked pattern cannot have groups of its own: {pattern!r}")
        for alternative in split_alternatives(pattern):
            alternatives.append(f"{alternative}()")
            owners.append(position)
    return "|".join(alternatives), owners


def marked_pattern(match: re.Match, owners: list[int]) -> int:
    """The position of the pattern whose marker took part in the match."""
    return owners[next(i for i, value in enumerate(match.groups()) if value is not None)]


_MAX_PRIORITY_CUES = 16  # more `in` tests cost as much as the search they would save
_MIN_GROUPED = 20  # alternatives from which grouping them by first character pays


class PriorityRegexes(NamedTuple):
    """For first_matching: regexes[k] is the alternation of the first k+1 case-insensitive
    patterns as whole words (run on fold_case text); owners[k] maps its markers to patterns."""

    regexes: list[re.Pattern]
    owners: list[list[int]]


def priority_regexes(patterns: list[str]) -> PriorityRegexes:
    regexes, owners = [], []
    for k in range(len(patterns)):
        regex, owned = _by_first_character(*marked_alternation(patterns[: k + 1]))
        regexes.append(compile_folded(rf"\b(?:{regex})\b"))
        owners.append(owned)
    # first_matching searches with all the patterns first: when they need one of a few literal
    # strings, a text holding none is answered by `in` tests (transforms/cues.py)
    if (cues := literal_cues(regexes[-1].pattern)) and len(cues) <= _MAX_PRIORITY_CUES:
        regexes[-1] = Gated(regexes[-1], cues)
    return PriorityRegexes(regexes, owners)


def _by_first_character(alternation: str, owners: list[int]) -> tuple[str, list[int]]:
    """A marked alternation with the alternatives that open on the same plain character put
    together behind it ("k(?:amikaze()|nife())"), and its markers' owners in the new order.

    The regex engine tries every alternative at every word; grouped, it tries one character
    per group (weapons: about twice as fast). The order of alternatives changes which of two
    matching at one place is taken, which first_matching does not depend on: its answer is the
    first pattern that matches anywhere, however its searches find it."""
    alternatives = split_alternatives(alternation)
    if len(alternatives) < _MIN_GROUPED:
        return alternation, owners
    groups: dict[str, list[tuple[str, int]]] = {}
    for alternative, owner in zip(alternatives, owners, strict=True):
        plain = alternative[:1].isalnum() and alternative[1:2] not in ("?", "*", "+", "{")
        groups.setdefault(alternative[0] if plain else "", []).append((alternative, owner))
    parts, ordered = [], []
    for first, members in groups.items():
        if first and len(members) > 1:
            parts.append(f"{first}(?:{'|'.join(a[1:] for a, _ in members)})")
        else:
            parts.extend(a for a, _ in members)
        ordered.extend(owner for _, owner in members)
    return "|".join(parts), ordered


def grouped_alternation(alternation: str) -> str:
    """The alternation grouped by first character (_by_first_character), for a search whose
    match is read only for where it starts: whether an alternative matches at a place does
    not depend on their order."""
    alternatives = split_alternatives(alternation)
    return _by_first_character(alternation, [0] * len(alternatives))[0]


def first_matching(priority: PriorityRegexes, folded: str) -> int | None:
    """The position of the first pattern, in list order, that matches anywhere in the text.

    The leftmost match of all the patterns bounds it; the earlier patterns are then searched
    again until none matches: one or two scans instead of one per pattern. Each search starts
    where the last match did: an alternation of fewer patterns matches nowhere before the
    leftmost match of more (where it matched, they would), and \\b and lookbehinds read the
    characters before `start` as before."""
    first = None
    bound = len(priority.regexes)
    start = 0
    while bound and (match := priority.regexes[bound - 1].search(folded, start)):
        first = bound = priority.owners[bound - 1][match.lastindex - 1]
        start = match.start()
    return first


def split_sentences(body: str) -> list[Sentence]:
    """Split a body into sentences whose offsets slice the body exactly."""
    sentences: list[Sentence] = []
    start = 0
    abbreviation = _ABBREVIATIONS.search
    for match in _SENTENCE_END.finditer(body):
        end = match.start()
        if body[end] != "\n":  # a stop, kept in its sentence, unless it ends "Mr." or "U.S."
            end = match.end()
            # only the last characters are searched (anchored at the end, the regex would try
            # every position); the character before `start` ends the previous sentence, so \b
            # reads it as a slice would
            if abbreviation(body, max(start, end - _ABBREVIATION_CHARS), end) is not None:
                continue
        _append_sentence(sentences, body, start, end)
        start = match.end()
    _append_sentence(sentences, body, start, len(body))
    return sentences


def _append_sentence(sentences: list[Sentence], body: str, start: int, end: int) -> None:
    text = body[start:end]
    stripped = text.strip()  # str.strip drops what str.isspace calls whitespace
    if stripped:
        if text[0].isspace():
            start += len(text) - len(text.lstrip())
        sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
