"""Cheap prechecks for regexes: literal strings one of which every match must contain.

Most sentences match few of the extractor's patterns, and a search of a long alternation that
opens with \\b tries every alternative at every word. `in` tests of a few literals are several
times cheaper, so a `gated` pattern is searched only in texts that hold one of its cues. The
cues are read from the compiled pattern's own parse, never written by hand: a text without any
of them cannot match, so gating changes no result.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from itertools import product
from re import _constants as sre  # the parser's opcodes (Python 3.11+)
from re import _parser
from typing import NamedTuple

_MAX_SET = 48  # strings a literal set may expand to (products of alternatives)
_MIN_CUE = 3  # a shorter cue ("in", "a ") is in nearly every sentence: worth no test
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# From this many cues one search of them all (grouped by first character) costs fewer CPU
# instructions than an `in` test of each (~600 a sentence each): for the 71 actor cues about
# 35,000 against 43,000; for 48 cues the `in` tests still cost less (24,700 against 27,900).
_MIN_SEARCHED = 64


def literal_cues(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which is in every text the pattern matches (a match contains it, or a
    lookaround needs it), or None when no such set of strings of _MIN_CUE or more is found."""
    found = _cues(_parser.parse(pattern))
    return tuple(sorted(found, key=lambda s: (-len(s), s))) if found else None


class Gated:
    """A compiled pattern whose search first asks whether the text holds one of its cues."""

    __slots__ = ("regex", "pattern", "cues", "_holds")

    def __init__(self, regex: re.Pattern, cues: tuple[str, ...], ways: Ways | None = None) -> None:
        self.regex, self.pattern, self.cues = regex, regex.pattern, cues
        # (gated_by_parts) the ways are finer than the cues: used instead of them
        self._holds = any_way(ways) if ways is not None else any_cue(cues)

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        return self.regex.search(text, pos) if self._holds(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.regex.finditer(text) if self._holds(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.regex.sub(repl, text) if self._holds(text) else text

    def holds_cue(self, text: str) -> bool:
        return self._holds(text)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of the words is in the text: any() over a generator, without it (the
    generator costs more than the `in` tests of a few words)."""
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


def cue_search(words: tuple[str, ...]) -> Callable[[str], re.Match | None]:
    """The search method of a regex that finds any of the words: the words that open on the
    same character put behind it ("k(?:ill|idnap)"), so the engine tries one character per
    group at each place rather than every word."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = [
        re.escape(first) + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
        for first, rests in groups.items()
    ]
    return re.compile("|".join(alternatives)).search


def led_by_first_characters(pattern: str) -> str:
    """The pattern behind a lookahead for the characters its matches can start with (or the
    text's end, where it may match empty), after a \\b when every match starts at one: a
    search then tests a boundary and one character at each place before it tries the
    alternatives, which the engine cannot skip on its own when each starts with a group or a
    \\b. Both are read from the pattern's parse, so no alternative can be missed; a pattern
    whose matches may start anywhere is a ValueError."""
    found = _first_characters(list(_parser.parse(pattern)))
    if found is None or found.empty == _ANYWHERE:
        raise ValueError(f"no first characters to lead by: {pattern[:60]!r}")
    klass = "".join(_class_item(low, high) for low, high in sorted(found.characters))
    boundary = r"\b" if found.at_boundary else ""
    return rf"{boundary}(?=[{klass}]{'|$' if found.empty == _AT_END else ''})(?:{pattern})"


# Where a parsed sequence may match empty: never, only at the text's end ($), or anywhere.
_NEVER, _AT_END, _ANYWHERE = range(3)
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT)
_ENDS = (sre.AT_END, sre.AT_END_STRING)


class _Start(NamedTuple):
    characters: frozenset[tuple[int, int]]  # ranges of code points a match can start with
    empty: int  # _NEVER, _AT_END or _ANYWHERE
    at_boundary: bool  # every match passes a \b before its first character


def _first_characters(items) -> _Start | None:
    """How a match of the sequence starts; None when it may start with any character (a
    class such as \\w, a negation, a back reference)."""
    characters: frozenset[tuple[int, int]] = frozenset()
    at_boundary = True  # of the ways that consumed a character inside an item so far
    passed = False  # a \b before this point on every way that has consumed nothing yet
    for op, av in items:
        if op is sre.AT:
            if av in _ENDS:
                return _Start(characters, _AT_END, at_boundary and passed)
            passed = passed or av is sre.AT_BOUNDARY
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return _Start(characters | {(av, av)}, _NEVER, at_boundary and passed)
        if op is sre.IN:
            ranges = _class_ranges(av)
            return (
                None
                if ranges is None
                else _Start(characters | ranges, _NEVER, at_boundary and passed)
            )
        inner = _inner_first_characters(op, av)
        if inner is None:
            return None
        characters |= inner.characters
        at_boundary = at_boundary and (passed or inner.at_boundary)
        if inner.empty != _ANYWHERE:
            return _Start(characters, inner.empty, at_boundary)
    return _Start(characters, _ANYWHERE, at_boundary and passed)


def _inner_first_characters(op, av) -> _Start | None:
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return None if add_flags or del_flags else _first_characters(body)
    if op is sre.ATOMIC_GROUP:
        return _first_characters(av)
    if op is sre.BRANCH:
        found = [_first_characters(alternative) for alternative in av[1]]
        if any(f is None for f in found):
            return None
        return _Start(
            frozenset().union(*(f.characters for f in found)),
            max(f.empty for f in found),
            all(f.at_boundary for f in found),
        )
    if op in _REPEATS:
        found = _first_characters(av[2])
        return found if found is None or av[0] else found._replace(empty=_ANYWHERE)
    return None  # any character, a category, a back reference


def _class_ranges(items) -> frozenset[tuple[int, int]] | None:
    ranges = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            ranges.add((value, value))
        elif kind is sre.RANGE:
            ranges.add(value)
        else:
            return None  # a negation or a category (\\w, \\d)
    return frozenset(ranges)


def _class_item(low: int, high: int) -> str:
    first, last = (re.escape(chr(code)) for code in (low, high))
    return first if low == high else f"{first}-{last}"


def gated(regex: re.Pattern) -> Gated | re.Pattern:
    """The pattern gated by its cues; the pattern itself when it has none."""
    cues = literal_cues(regex.pattern)
    return Gated(regex, cues) if cues else regex


# Ways a text can hold what a match needs: in one of the ways, one string of each of its sets.
Ways = tuple[tuple[tuple[str, ...], ...], ...]
_MAX_WAYS = 24  # more ways cost more `in` tests than they save searches


def gated_by_parts(regex: re.Pattern) -> Gated | re.Pattern:
    """The pattern gated by what each of its alternatives needs together ("death toll of the
    war"; "have been killed" with one of "war", "conflict" ...), where `gated` asks for any cue
    of any alternative: one common word ("killed") opens that gate to most sentences. For the
    patterns that most texts hold a cue of but few match."""
    ways = cue_ways(regex.pattern)
    cues = literal_cues(regex.pattern)
    if ways is None or cues is None:
        return gated(regex)
    return Gated(regex, cues, ways)


def cue_ways(pattern: str) -> Ways | None:
    """The ways a text can hold what a match of the pattern needs (Ways), or None when one of
    them needs no string (nothing then rules a text out)."""
    ways = _ways(list(_parser.parse(pattern)))
    if not all(ways):
        return None
    return tuple(
        tuple(tuple(sorted(found, key=lambda s: (-len(s), s))) for found in way) for way in ways
    )


def holds_one_way(text: str, ways: Ways) -> bool:
    """Whether the text holds, in one of the ways, a string of each of its sets."""
    for way in ways:
        for words in way:
            if not holds_any(text, words):
                break
        else:
            return True
    return False


def _ways(items) -> list[list[frozenset[str]]]:
    """The sets a sequence of parsed items needs together; one list per alternative of its
    one alternation of other than literal strings (a literal one is read into its runs)."""
    needed = _required(items)
    branches = [av for op, av in items if op is sre.BRANCH and _strings(op, av) is None]
    if len(branches) == 1:
        alternatives = [list(alternative) for alternative in branches[0][1]]
        ways = [way for alternative in alternatives for way in _ways(alternative)]
        if len(ways) > _MAX_WAYS:  # too many: one way per alternative, not per nested one
            ways = [_required(alternative) for alternative in alternatives]
        if len(ways) <= _MAX_WAYS:
            return [_fewest(needed + way) for way in ways]
    return [_fewest(needed)]


def _fewest(sets: list[frozenset[str]]) -> list[frozenset[str]]:
    """The sets without those another implies (each of its strings holds one of theirs),
    rarest first."""
    unique = list(dict.fromkeys(sets))
    kept = [
        found
        for found in unique
        if not any(
            other != found and all(any(s in o for s in found) for o in other) for other in unique
        )
    ]
    return sorted(kept, key=_score, reverse=True)


def _cues(items) -> frozenset[str] | None:
    """The best set of required strings of a sequence of parsed items (_required)."""
    best: frozenset[str] | None = None
    for found in _required(items):
        if best is None or _score(found) > _score(best):
            best = found
    return best


def _required(items) -> list[frozenset[str]]:
    """Sets of strings a sequence of parsed items needs one of each of: a run of items that
    match from a small set of strings gives their product; a group gives its own cues."""
    required: list[frozenset[str]] = []
    run: set[str] = {""}

    def consider(found: frozenset[str] | set[str] | None) -> None:
        if found and min(map(len, found)) >= _MIN_CUE:
            required.append(_minimal(found))

    for op, av in items:
        strings = _strings(op, av)
        if strings is not None and len(run) * len(strings) <= _MAX_SET:
            consider(run)  # "since " may be a better cue than "since january", "since june", ...
            run = {a + b for a, b in product(run, strings)}
            continue
        consider(run)
        run = strings if strings is not None else {""}
        if strings is None:
            consider(_item_cues(op, av))
    consider(run)
    return required


def _item_cues(op, av) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _, add_flags, _, body = av
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _cues(body)
    if op is sre.ATOMIC_GROUP:
        return _cues(av)
    if op is sre.BRANCH:
        alternatives = [_cues(alternative) for alternative in av[1]]
        if any(found is None for found in alternatives):
            return None
        return frozenset().union(*alternatives)
    if op in _REPEATS and av[0] >= 1:
        return _cues(av[2])
    return None  # a class, a category, an assertion, a back reference: no literal


def _strings(op, av) -> set[str] | None:
    """Every string the item can match, when they are few (a literal, a small alternation)."""
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN and len(av) <= 4 and all(kind is sre.LITERAL for kind, _ in av):
        return {chr(code) for _, code in av}
    if op is sre.SUBPATTERN:
        _, add_flags, _, body = av
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _sequence_strings(body)
    if op is sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            strings = _sequence_strings(alternative)
            if strings is None:
                return None
            found |= strings
        return found if len(found) <= _MAX_SET else None
    if op in _REPEATS and av[1] <= 1:
        strings = _sequence_strings(av[2])
        return None if strings is None else strings | ({""} if av[0] == 0 else set())
    return None


def _sequence_strings(items) -> set[str] | None:
    found = {""}
    for op, av in items:
        strings = _strings(op, av)
        if strings is None or len(found) * len(strings) > _MAX_SET:
            return None
        found = {a + b for a, b in product(found, strings)}
    return found


def _minimal(strings) -> frozenset[str]:
    """The strings without those that hold another one: "attacks" is in a text only if
    "attack" is, so testing "attack" alone is enough."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _score(strings: frozenset[str]) -> tuple[int, int, int]:
    # longer cues are rarer in text (up to a point); fewer of them cost fewer tests
    shortest = min(map(len, strings))
    return min(6, shortest), -len(strings), shortest


_SHARED_PREFIX = 3  # words that open alike are searched as one regex from this many characters


def any_cue(words: tuple[str, ...]) -> Callable[[str], bool]:
    """holds_any(text, words) as one function: a search of them all for many words (cue_search),
    else cheaper for words that open alike: those that
    share their first three characters are searched as one regex of their common prefix and
    their rests ("in (?:june|july|19|20)"), which the regex engine finds with one scan for the
    prefix, where an `in` test of each scans the text once per word (the historical cues:
    2.66 -> 1.12 microseconds a sentence)."""
    if len(words) >= _MIN_SEARCHED:
        search = cue_search(words)
        return lambda text: search(text) is not None
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:_SHARED_PREFIX], []).append(word)
    singles, searches = [], []
    for members in groups.values():
        if len(members) == 1 or len(members[0]) < _SHARED_PREFIX:
            singles.extend(members)
            continue
        prefix = os.path.commonprefix(members)
        rests = "|".join(re.escape(word[len(prefix) :]) for word in members)
        searches.append(re.compile(f"{re.escape(prefix)}(?:{rests})").search)
    singles = tuple(singles)

    def holds(text: str) -> bool:
        for word in singles:  # noqa: SIM110
            if word in text:
                return True
        for search in searches:  # noqa: SIM110
            if search(text):
                return True
        return False

    return holds


def any_way(ways: Ways) -> Callable[[str], bool]:
    """holds_one_way(text, ways) as one function, each set of strings tested by any_cue."""
    compiled = tuple(tuple(any_cue(words) for words in way) for way in ways)

    def holds(text: str) -> bool:
        for way in compiled:
            for test in way:
                if not test(text):
                    break
            else:
                return True
        return False

    return holds
