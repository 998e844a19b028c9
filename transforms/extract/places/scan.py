"""Reading a text around names: its capitalised phrases, and what the words before and after a
name say of it (a cue such as "in", a place noun, "near", "coded to", "from")."""

from __future__ import annotations

import re

from transforms.extract.places.lexicon import CUE_ADJECTIVES, CUE_NOUNS, CUE_PREPOSITIONS

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
    """Whether "al-Bukamal" or the like occurs (see _article_starts)."""
    return bool(_article_starts(text))


def _article_starts(text: str) -> list[int]:
    """Where a name with an Arabic article may start ("al-Bukamal"), in order: found from the
    text's hyphens (str.find, much cheaper than a regex scan, and far fewer than the letters
    an article starts with), and "Russian-backed" (an "an-" inside a word) is ruled out by the
    letters around it."""
    starts = []
    hyphen = text.find("-")
    while hyphen >= 0:
        if text[hyphen + 1 : hyphen + 2].isupper():
            # "al-", "as-"... (two letters), or "ash-" ("sh-" is none of the others)
            at = hyphen - 2 if text[hyphen - 2 : hyphen + 1] in _ARTICLES else hyphen - 3
            if (
                at >= 0
                and text[at : hyphen + 1] in _ARTICLES
                and not (at and _WORD_CHAR.match(text, at - 1))
            ):
                starts.append(at)
        hyphen = text.find("-", hyphen + 1)
    return starts


_WORD_CHAR = re.compile(r"[\w'’-]")


def _phrases(text: str) -> list[re.Match]:
    """The capitalised phrases of a text, left to right and not overlapping."""
    found = list(_CAPITALISED.finditer(text))
    starts = _article_starts(text)
    if not starts:
        return found
    # _WITH_ARTICLE.finditer(text), tried only where an article is: a regex opening with a
    # lookbehind is tried at every position of the text
    with_article, end = [], 0
    for at in starts:
        match = _WITH_ARTICLE.match(text, at) if at >= end else None
        if match:
            with_article.append(match)
            end = match.end()
    merged: list[re.Match] = []
    end = 0
    for match in sorted([*found, *with_article], key=re.Match.start):  # no lambda frame each
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


_NEAR = re.compile(
    r"\b(?:near|outside|around|close to|vicinity of|outskirts of|north|south|east|west)\b[^,.;]{0,25}$",
    re.I,
)
_NOUN_AFTER = re.compile(
    r"^\s+(?P<noun>village|villages|town|city|township|district|sub-?district|area|neighbou?rhood|"
    r"quarter|section|camp|axis|countryside|province|governorate|region|state|department|municipality|"
    r"county|tehsil|raion|oblast|valley|front|hill|base|airport|airbase|checkpoint|corregimiento|"
    r"vereda|municipio|commune|locality|ward|hamlet|kebele|badia|mountain|mount|island)\b",
    re.I,
)
_NOUN_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:town|city|village|district|area|municipality|township|neighbou?rhood|"
    r"province|region|governorate)\s+of\s+$",
    re.I,
)


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
        found = self._nouns.get(end, _UNSEEN)  # misses are common: no try/except KeyError
        if found is _UNSEEN:
            text = self.text
            # _NOUN_AFTER starts with \s+ (which is str.isspace): most names are followed by none,
            # and most others by a word no noun starts with ("said", "and": _may_start_word)
            found = self._nouns[end] = (
                _NOUN_AT.match(text, end, end + 25)
                if text[end : end + 1].isspace()
                and _may_start_word(text[end + 1 : end + 3], _NOUN_STARTS)
                else None
            )
        return found

    def cues(self, start: int) -> tuple[bool, bool, bool]:
        """What the words before a name say of where it is: (named by a place noun "the town
        of", cued, near). Each regex runs only when a substring it needs is there."""
        found = self._cues.get(start)
        if found is None:
            found = self._cues[start] = _cues(self.text[start - 60 if start > 60 else 0 : start])
        return found

    def source(self, start: int) -> tuple[bool, bool]:
        """What the words before a name say of who chose it or what came from it: (coded,
        origin). Apart from cues(): every candidate needs these, few need the cues."""
        found = self._sources.get(start)
        if found is None:
            found = self._sources[start] = _source(
                self.text[start - 60 if start > 60 else 0 : start]
            )
        return found

    def may_be_cued(self, start: int) -> bool:
        found = self._may_be_cued.get(start)
        if found is None:
            before = self.text[start - 60 if start > 60 else 0 : start]
            found = self._may_be_cued[start] = _may_be_cued(before)
        return found


_UNSEEN = object()


def word_starts(words: str) -> frozenset[str]:
    """The first two letters of each of these words (for _may_start_word)."""
    return frozenset(word[:2] for word in words.split())


# The first two letters of each noun _NOUN_AFTER reads ("sub-district": "su").
_NOUN_STARTS = word_starts(
    "village town city district sub area neighbourhood quarter section camp axis countryside"
    " province governorate region state department municipality county tehsil raion oblast"
    " valley front hill base airport airbase checkpoint corregimiento vereda municipio commune"
    " locality ward hamlet kebele badia mountain mount island"
)


def _may_start_word(pair: str, starts: frozenset[str]) -> bool:
    """Whether a regex reading, after a space, a word that starts with one of `starts` (in
    any case) may match at the space, `pair` being the two characters after it. Only two
    ASCII letters rule one out: a second space, a short text or another letter (re.I also
    matches "ſ" as "s") leave it to the regex."""
    return not (pair.isalpha() and pair.isascii()) or pair.lower() in starts


# _NOUN_AFTER without "^", matched at a position up to 25 characters on: the same as matching
# the slice text[end:end + 25] (it has no lookbehind), without making the slice.
_NOUN_AT = re.compile(_NOUN_AFTER.pattern.removeprefix("^"), _NOUN_AFTER.flags)


def _cues(before: str) -> tuple[bool, bool, bool]:
    lower = before.lower()
    words = lower.split()[-5:]
    named_before = lower.rstrip().endswith("of") and bool(
        _NOUN_BEFORE.search(before, last_words_at(before, 2))
    )
    # _cue_before needs a space at the end, and most cues are a preposition right before the
    # name ("in X"): both tested before the word filter and the full reader
    cued = named_before or (
        before[-1:].isspace()
        and bool(words)
        and (
            words[-1] in CUE_PREPOSITIONS
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
        _FROM.search(before, last_words_at(before, 4))
    )
    return coded, origin


def last_words_at(before: str, count: int) -> int:
    """Where the last `count` words of the text (runs of non-spaces) start, or a little
    before: a regex that ends at the text's end and spans at most that many words can start
    nowhere earlier, and searching from there spares trying every position before it (\\b
    still sees the character before the start)."""
    head = before.rsplit(None, count)
    return len(head[0]) if len(head) > count else 0


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
    if len(words) >= 2 and words[-1].lower() == "of" and words[-2].lower() in CUE_NOUNS:
        ends.append(len(words) - 2)
    for end in ends:
        for end2 in (end, end - 1) if end and words[end - 1].lower() in CUE_ADJECTIVES else (end,):
            for end3 in (end2, end2 - 1) if end2 and words[end2 - 1].lower() == "the" else (end2,):
                if end3 and words[end3 - 1] in CUE_PREPOSITIONS:
                    return True  # the whole word is one: what _TAIL_WORD would find
                tail = _TAIL_WORD.search(words[end3 - 1]) if end3 else None
                if tail and tail.group().lower() in CUE_PREPOSITIONS:
                    return True
    return False


_TAIL_WORD = re.compile(r"\w+$")  # "(in": the word after the last non-word character


# Last words of every context that can make an unknown name a place (_CUE, _NEAR, _NOUN_BEFORE,
# _CODED_TO, _PLACE_PREPOSITION): a cheap test before the regexes.
_CUE_LAST_WORDS = CUE_PREPOSITIONS | CUE_ADJECTIVES | frozenset(["the", "as", "close"])


def _may_be_cued(before: str) -> bool:
    return _any_cue_word(before.lower().rsplit(None, 4)[-4:])


def _any_cue_word(words: list[str]) -> bool:
    """Whether any of these lower-cased words may end a cue (the caller lowers the text once),
    with the brackets and commas at its ends stripped. A word of the set as it stands is one
    (none has those at its ends): only the others are stripped, and most have none."""
    if not _CUE_LAST_WORDS.isdisjoint(words):
        return True
    for w in words:  # a loop, not a comprehension (a function call each time under 3.11)
        if (w[0] in _STRIPPED or w[-1] in _STRIPPED) and w.strip(_STRIPPED) in _CUE_LAST_WORDS:
            return True
    return False


_STRIPPED = ",;:()"


# "launched from Iraq", "near the border with Mali": a country other than the event's
_FROM = re.compile(
    r"\b(?:from|border with|borders? of|direction of)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?$",
    re.I,
)
# "coded to the town of X", never "coded as STC Security Belt" (capitalised: an actor's name)
_CODED_TO = re.compile(r"\b(?i:coded (?:to|as|in|at))\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$")


_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at|outside)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.;]|$)")


def _in_chain(text: str, end: int) -> bool:
    """ "X (Y, Z)", "X, Y" or "X in Y": a name followed by the larger places it lies in."""
    return bool(_CHAIN.match(text, end))


_CHAIN = re.compile(
    r"\s*(?:\(|,\s*[A-Z]|-\s+[A-Z]|in\s+(?:the\s+)?(?:(?:rural|countryside\s+of|outskirts\s+of|eastern|"
    r"western|northern|southern|central)\s+)*[A-Z])"
)
