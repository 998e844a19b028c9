"""The regexes that read a sentence for casualties: the outcome verbs and nouns (triggers)
before and after a list of victims, subsets, additions, singular persons, negations and numbers
that count no victims."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from transforms.cues import holds_any, led_by_first_characters
from transforms.extract.casualties.lexicon import (
    _PERSON_SINGULAR,
    _PERSON_SINGULAR_LIST,
    ORDINALS,
    _ci,
    _words,
)
from transforms.extract.numbers import AMOUNT_PATTERN

_KILL = (
    r"killed|dead|died|die|dies|slain|perished|deaths?|fatalit(?:y|ies)|(?:fatally|mortally)\s+(?:shot|wounded|injured|stabbed)"
    r"|shot\s+dead|gunned\s+down|murdered|massacred|executed|beheaded|martyred|lost\s+(?:their|his|her)\s+lives"
    r"|(?:shot|stabbed|beaten|burn(?:ed|t)|hacked|crushed|bludgeoned|hanged)\s+to\s+death"
    r"|(?:shot|stabbed)\s+and\s+killed|bodies\s+(?:were\s+)?(?:recovered|found)|to\s+death|lives"
    r"|fatally(?=\s*(?:[,.;)]|$))"  # "Five people were shot, one fatally."
)
_INJURE = (
    r"injured|wounded|hurt|injuries|wounds"
    r"|(?:sustained|suffered|received|got)\s+(?:an?\s+)?(?:\w+\s+)?(?:injury|injuries|wounds?)"
    r"|hospitali[sz]ed|(?:shot|stabbed)\s+and\s+(?:wounded|injured)"
    # a gas or chemical attack's injured: "eight others suffered breathing difficulties"
    r"|(?:experienced|suffered|suffering|had|showed)\s+(?:from\s+)?(?:severe\s+)?(?:breathing\s+difficult(?:y|ies)"
    r"|suffocation|respiratory\s+(?:problems|symptoms|distress))"
)
_MISSING = r"missing|unaccounted\s+for"
_KIDNAP = r"kidnapped|abducted|taken\s+hostage|held\s+hostage|taken\s+captive"
_ARREST = r"arrested|detained|taken\s+into\s+custody|apprehended"
# Shot, with no outcome said: "nine people were shot" (not "shot down", said of aircraft). A
# count of the shot, who survived unless counted as dead (summary.py reads the injured from it);
# never a figure row of its own.
_SHOT = (
    r"shot(?!\s+(?:at|dead|down|and\s+killed|to\s+death)\b)|suffered\s+gunshot\s+wounds"
    # the stabbed, too, are a count of the attacked: "six were stabbed, one of them fatally"
    r"|stabbed(?!\s+(?:and\s+killed|to\s+death)\b)"
    # "four people were shot at a party": shot where, not fired at ("were shot at by troops")
    r"|(?:(?<=\bwere\s)|(?<=\bwas\s))shot(?=\s+at\s+(?:a|an|the)\s)"
)
_TRIGGER = (
    rf"(?:(?P<t_killed>{_KILL})|(?P<t_injured>{_INJURE})|(?P<t_missing>{_MISSING})"
    rf"|(?P<t_kidnapped>{_KIDNAP})|(?P<t_arrested>{_ARREST})|(?P<t_shot>{_SHOT}))\b"
)
_AUX = (
    r"were|was|are|is|may|might|could|would|will|likely|have\s+been|has\s+been|had\s+been|have|has|had|be|been|being|became|become"
    r"|got|get|remain|remained|remains|also|all|reportedly|later|subsequently|then|reported|confirmed|pronounced"
    r"|now|initially|allegedly|believed\s+to\s+(?:be|have\s+been)|feared|found|left|seriously|critically"
    r"|severely|slightly|lightly|mildly|badly|gravely|instantly|immediately|still"
    r"|eventually|either|both|each|who|that|in\s+total|in\s+all|altogether|so\s+far|killed\s+or"
    # "fatally" and "mortally" are no auxiliaries: "was fatally shot" is killed, not shot
    r"|(?!fatally|mortally)\w+ly(?:\s+to)?"
)
# Words between a list of victims and the trigger that follows it.
_AUX_AHEAD = r"(?=\s+(?:were|was|are|is|have|has|had)\b)"
_OUTCOME_AHEAD = rf"(?=\s+(?:{_KILL}|{_INJURE}|{_MISSING}|{_KIDNAP}|{_ARREST})\b)"
_PAREN = (
    r"(?:\s*\[[^\]]{0,30}\])?(?:\s*,?\s*(?:"
    # a subset or comment, closed by a bracket, a comma, or the verb: ", including 3 children,"
    r"(?:\(|(?:including|among\s+them|among\s+whom|mostly|mainly|many\s+of\s+(?:them|whom)"
    r"|most\s+of\s+(?:them|whom)|all\s+of\s+(?:them|whom)|of\s+whom|both)\b)[^;:.()]{0,100}?"
    rf"(?:\)\s*,?|,|{_AUX_AHEAD}|{_OUTCOME_AHEAD})"
    # an apposition between commas right before the verb: "3 men, believed to be fighters, were"
    rf"|,[^,;:.()]{{1,80}},{_AUX_AHEAD}"
    # a relative clause, closed by a comma or an auxiliary: ", who succumbed to her wounds,"
    rf"|(?:who|which)\b[^;:.()]{{0,100}}?(?:,|{_AUX_AHEAD})"
    r"))?"
)
# A phrase between the victims and an auxiliary: "of the police force", "collecting their salaries".
_PP = (
    r"(?:\s+(?:of|from|belonging\s+to|in|at|on|inside|near|with|aboard|\w+ing)\s+[^,;.]{1,60}?"
    r"(?=\s+(?:were|was|are|is|have|has|had)\b))?"
)
_TAIL_RE = re.compile(
    rf"{_PAREN}{_PP}\s*,?(?P<aux>(?:\s+(?:{_AUX})\b)*)\s*,?\s+{_TRIGGER}", re.IGNORECASE
)
# The same without the flag, for ASCII text: lowercased, it has no capitals for the flag to
# match (only a few non-ASCII letters, such as "ı", match ASCII ones under it), and the engine
# runs about three times faster without it.
_TAIL_RE_ASCII = _ci(_TAIL_RE.pattern)
_TAIL_DIRECT_RE = _ci(rf"(?P<aux>(?:\s+(?:{_AUX})\b)*)\s*,?\s+{_TRIGGER}")
# After a verb with no auxiliary, an object means the phrase before was the agent:
# "Two gunmen killed 5 people", "A man stabbed a teacher".
_OBJECT = _ci(
    rf"\s+(?:{AMOUNT_PATTERN}|(?:a|an|the|his|her|their|its|him|them|himself|herself|people|civilians)\b)"
)


# A speaker after a trigger with no comma: in "8 killed in addition to 12 injured a source at
# the police said", "a source" opens the attribution and is no object of "injured".
_SPEAKER = _ci(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:" + "|".join(_words("casualty_speakers.txt")) + r")s?\b"
    r"[^.;]{0,60}?\b(?:said|says|told|reported|stated|added)\b"
)
# A second toll right after the number a verb seems to take: the headline's list "Nine killed
# 12 injured", where 12 is no object of "killed".
_NEXT_TOLL = _ci(r"\s+(?:(?:people|persons|others|civilians)\s+)?(?:injured|wounded|hurt|dead)\b")
# Triggers that take no object: a number after them is not what they act on.
_INTRANSITIVE = frozenset(["died", "die", "dies", "dead", "perished", "deaths", "death"])


class _Tail:
    """A casualty trigger after a victim phrase (passive or elliptical), not an active verb."""

    def __init__(self, pattern: re.Pattern, ascii_pattern: re.Pattern | None = None) -> None:
        self.pattern = pattern
        self.ascii_pattern = ascii_pattern or pattern
        # a pure function of its arguments, asked about one phrase's end by the phrase, list
        # and category readers in turn (over three times a place on the news corpus)
        self.match = lru_cache(maxsize=1024)(self.match_once)

    def match_once(self, text: str, pos: int) -> re.Match | None:
        found = (self.ascii_pattern if text.isascii() else self.pattern).match(text, pos)
        obj = found and not found.group("aux").strip() and _OBJECT.match(text, found.end())
        if obj and not _NEXT_TOLL.match(text, obj.end()) and not _SPEAKER.match(text, obj.end()):
            trigger = found.group(found.lastgroup or "aux")
            if trigger not in _INTRANSITIVE:
                return None  # "Two gunmen killed 5 people"; but "one died 10 days later"
        return found


class _Ending:
    r"""A pattern whose matches end the text it searches (`...\s*$`, searched in a window before
    a phrase), gated by the words they end with: a window whose last word is none of them cannot
    match, and one str.endswith is many times cheaper than the regex's try at each position.
    `starts`, if given, finds every place a match can start (it may find more): the pattern is
    tried there only, leftmost first as a search does, not at every word of the window.
    (tests/unit/extract/test_casualties_speed.py holds each list of endings to its pattern.)"""

    __slots__ = ("regex", "ends", "pattern", "starts", "_by_last")

    def __init__(
        self, regex: re.Pattern, ends: tuple[str, ...], starts: re.Pattern | None = None
    ) -> None:
        self.regex, self.ends, self.pattern, self.starts = regex, ends, regex.pattern, starts
        self._by_last = by_last_character(ends)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        window = text[pos:endpos].rstrip()
        # endswith tried only with the endings of the window's last character (a text ends with
        # a word only then): a few tests, not one per ending (_NOT_VICTIM_LEFT has over 100); an
        # empty window's "" has none, and no text ends with none of ()
        if window.endswith(self._by_last.get(window[-1:], ())):
            return self._search(text, pos, len(text) if endpos is None else endpos)
        return None

    def search_ending(self, text: str, ending: str) -> re.Match | None:
        """search(text), told `ending`, text.rstrip(): several patterns read one window."""
        if ending.endswith(self._by_last.get(ending[-1:], ())):
            return self._search(text, 0, len(text))
        return None

    def _search(self, text: str, pos: int, end: int) -> re.Match | None:
        if self.starts is None:
            return self.regex.search(text, pos, end)
        for start in self.starts.finditer(text, pos, end):
            found = self.regex.match(text, start.start(), end)
            if found:
                return found
        return None


def ascii_variant(regex: re.Pattern) -> re.Pattern:
    """The regex compiled with re.ASCII: its \\w, \\b, \\d and \\s then read ASCII classes,
    which the engine looks up in a table, not in Unicode's (several calls a character). On text
    that `reads_as_ascii` it matches as the regex does."""
    return re.compile(regex.pattern, (regex.flags & ~re.UNICODE) | re.ASCII)


# The ASCII characters Unicode's \s matches and ASCII's does not (\w, \d and \b agree on ASCII).
_UNICODE_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def reads_as_ascii(text: str) -> bool:
    """Whether an `ascii_variant` of a regex finds in the text what the regex finds."""
    return text.isascii() and not holds_any(text, _UNICODE_ONLY_SPACES)


def by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words grouped by their last character (none is empty)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in groups.items()}


def anchored_finditer(
    regex: re.Pattern, text: str, anchors: list[int], words_before: int
) -> Iterator[re.Match]:
    """regex.finditer(text), searched only from where a match can start. Every match holds one
    of the anchors (sorted offsets, a superset of where its key words are) with fewer than
    `words_before` runs of spaces between its start and that anchor: so no match starts before
    the words_before-th run of spaces back from the first anchor ahead, and the search starts
    there rather than trying the pattern at every word of the sentence."""
    pos, i, count = 0, 0, len(anchors)
    while True:
        while i < count and anchors[i] < pos:
            i += 1
        if i == count:
            return
        parts = text[pos : anchors[i]].rsplit(None, words_before)
        match = regex.search(text, pos + len(parts[0]) if len(parts) > words_before else pos)
        if match is None:
            return
        yield match
        pos = match.end()


def finditer_from(regex: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """regex.finditer(text) for a pattern whose every match starts at one of `starts` (sorted
    offsets, a superset of them): the pattern is tried there only."""
    pos = 0
    for start in starts:
        if start >= pos:
            match = regex.match(text, start)
            if match:
                yield match
                pos = match.end()


def word_starts(text: str, words, whole: bool = True) -> list[int]:
    """Sorted offsets of the words in the text with a word boundary (regex \\b) before them,
    and after them too if `whole`."""
    found = []
    size = len(text)
    for word in words:
        at = text.find(word)
        while at != -1:
            # whether regex \b reads the characters before and after as word characters (none
            # outside the text), inline: this loop runs for every hit of every word
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before == "_"):
                after = text[at + len(word)] if whole and at + len(word) < size else " "
                if not (after.isalnum() or after == "_"):
                    found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


_TAIL = _Tail(_TAIL_RE, _TAIL_RE_ASCII)
_TAIL_DIRECT = _Tail(_TAIL_DIRECT_RE)
# The last words of _LEFT's matches (before its spaces): each verb or noun, a toll's verb or
# preposition, the "of" of "the deaths of", and the determiners that may follow them.
_LEFT_ENDS = (
    "kill", "killing", "killed", "kills", "of", "massacred", "massacring", "executed",
    "executing", "murdered", "murdering", "murders", "dead", "down", "beheaded", "beheading",
    "decapitated", "decapitating", "stabbed", "stabbing", "shot", "shooting", "wounded",
    "wounding", "wounds", "injured", "injuring", "injures", "injure", "hurting", "rose",
    "risen", "rises", "climbed", "increased", "jumped", "reached", "stands", "stood", "is",
    "was", "at", "to", "hit", "grew", "grown", "mounted", "soared", "kidnapping", "kidnapped",
    "kidnaps", "abducting", "abducted", "abducts", "arresting", "arrested", "arrests",
    "detaining", "detained", "the", "all", "their", "his", "her", "its",
)  # fmt: skip
# A verb or noun before a list of victims.
_LEFT = _Ending(
    _ci(
        r"\b(?:(?P<l_killed>killing|killed|kills|kill|claim(?:ed|ing|s)?\s+the\s+lives\s+of|took\s+the\s+lives\s+of"
        r"|taking\s+the\s+lives\s+of|massacr(?:ed|ing)|execut(?:ed|ing)|murder(?:ed|ing|s)|shot\s+dead|shooting\s+dead"
        r"|gunned\s+down|gunning\s+down|behead(?:ed|ing)|decapitat(?:ed|ing)"
        r"|(?:fatally|mortally)\s+(?:stabb(?:ed|ing)|shot|shooting|wound(?:ed|ing)|injur(?:ed|ing))|(?:the\s+)?deaths?\s+of|the\s+killings?\s+of|the\s+bodies\s+of"
        r"|(?:(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|(?:people|persons|civilians|those)\s+(?:killed|dead)))"
        r"\s+(?:[\w'’-]+\s+){0,5}?(?:rose|risen|rises|climbed|increased|jumped|reached|stands|stood|is|was|of|at|to|hit"
        r"|grew|grown|mounted|soared)(?:\s+(?:at|to))?)"
        r"|(?P<l_injured>wounding|wounded|wounds|injuring|injured|injures|injure|hurting|stabbed|stabbing|the\s+wounding\s+of|the\s+injur(?:y|ies)\s+of)"
        r"|(?P<l_kidnapped>kidnapping|kidnapped|kidnaps|abducting|abducted|abducts|the\s+abduction\s+of)"
        r"|(?P<l_arrested>arresting|arrested|arrests|detaining|detained|the\s+arrest\s+of)"
        r"|(?P<l_shot>shot|shooting))"
        r"(?:\s+(?:the|all|all\s+the|their|his|her|its))?\s*$"
    ),
    _LEFT_ENDS,
    # the first words of its alternatives (a lookahead: every place, none consumed)
    _ci(
        r"\b(?=kill|claim|took|taking|massacr|execut|murder|shot|shoot|gunn|behead|decapitat"
        r"|fatally|mortally|the|death|toll|number|wound|injur|hurting|stabb|kidnap|abduct|arrest"
        r"|detain)"
    ),
)
# "killing 40 and wounding 90 hours after the deal": a time unit after the number of an -ing
# casualty verb's object is when, not what; the number is the verb's object.
_ING_VERB_LEFT = _ci(r"\b(?:killing|wounding|injuring)\s+$")
_ELAPSED_RIGHT = _ci(r"\s*(?:minutes|hours|days|weeks)\s+(?:after|before)\b")
# A person named right after an active wounding verb: "critically injured John Smith Jr." (read
# on the original text: the capitals make the name; two words at least, so no "injured Monday").
_NAME_AFTER_INJURING = re.compile(
    r"\b(?:injur(?:ed|ing)|wound(?:ed|ing))\s+"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}(?:\s+(?:Jr|Sr)\b\.?)?)"
)
_PASSIVE_LEFT = _ci(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
# A toll whose verb stands far from it, past the attack it names: "the death toll from the
# rebel rocket attacks on the eastern district of the city rose to 8" (the left window above is
# too short for it; read only where "toll" is in a wider window).
_FAR_TOLL_LEFT = _ci(
    led_by_first_characters(
        r"\b(?:death\s+)?toll\s+(?:from|of|in)\s+[^.;:]{0,160}?\b(?:rose|risen|rises|climbed|increased"
        r"|jumped|reached|grew|mounted|soared)(?:\s+(?:at|to))?\s*$",
    )
)
# "killing and injuring dozens" counts casualties of both kinds together: no figure.
_AMBIGUOUS_LEFT = _ci(
    led_by_first_characters(
        r"\b(?:kill(?:ing|ed|s)?|dead)\s+(?:and|or)\s+(?:injur|wound)\w*\s*$"
        r"|\b(?:injur|wound)\w*\s+(?:and|or)\s+kill\w*\s*$",
    )
)
_SUBSET_LEFT_ENDS = (
    "including", "includes", "included", "them", "whom", "dead", "killed", "fatalities",
    "injured", "wounded", "victims", "casualties", "are", "were", "is", "was", "with",
)  # fmt: skip
_SUBSET_LEFT = _Ending(
    _ci(
        r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom|among\s+(?:the\s+)?(?:(?P<s_killed>dead|killed"
        r"|fatalities)|(?P<s_injured>injured|wounded)|victims|casualties)(?:\s+(?:are|were|is|was))?|of\s+whom"
        r"|with)\s*$"
    ),
    _SUBSET_LEFT_ENDS,
    _ci(r"\b(?=includ|among|of|with)"),
)
_BEING = _ci(r"\s+being\b")
_ADD_LEFT = _Ending(
    _ci(
        led_by_first_characters(
            r"\b(?:in\s+addition\s+to|along\s+with|as\s+well\s+as|besides|plus|together\s+with)\s*$",
        )
    ),
    ("to", "with", "as", "besides", "plus"),
)
_SUBSET_RIGHT = _ci(
    r"\s+(?:of|among)\s+(?:them|whom|those|the\s+others|the\s+(?:(?P<p_killed>dead|killed|fatalities)"
    r"|(?P<p_injured>injured|wounded)))\b"
)
# People of the event who were not among its dead: "one of the survivors", "two of the hostages".
_OF_SURVIVORS = _ci(
    r"[\w-]+(?:\s+[\w-]+)?\s+of\s+the\s+(?:[\w-]+\s+)?(?:survivors|hostages|captives|abductees)\b"
)
_ALSO = _ci(r"\b(?:also|as\s+well)\b")
_SEPARATOR = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+|,?\s+along\s+with\s+|\s+plus\s+)"
    r"(?:(?:his|her|their)\s+)?$"  # "a village chief and his two sons"
    # after a participle or relative clause: "a candidate running for a seat, his driver and"
    r"|^\s+(?:\w+ing|who|which|that)\b[^,;:.()]{1,60},\s*(?:and\s+)?$",
    re.I,
)
_NOUN_AND = _ci(
    r"\s+and\s+(?:[a-z/()'-]+\s+){0,3}?(?P<noun>[a-z]+s)\b(?=\s+(?:were|was|died|killed|dead))"
)
_TRIGGER_BEFORE_ADD = _ci(
    rf"\b{_TRIGGER}\s*,?\s+(?:in\s+addition\s+to|along\s+with|as\s+well\s+as|together\s+with)\s*$"
)
# A second outcome chained to a trigger: "stabbed and later died", "injured or arrested".
_CHAINED = _ci(
    r"\s*,?\s+(?:(?P<or>or|and/or)|and)\s+(?:(?:later|then|subsequently|eventually|finally)\s+)?"
    rf"{_TRIGGER}"
)
_BODIES = _ci(r"\b(?:bodies|corpses)\b")
_LIST_AFTER = _ci(r"\s*(?:,|and\b|as\s+well\s+as\b|along\s+with\b)")
_LIST_BEFORE = _Ending(
    _ci(r"(?:,|\band|\bas\s+well\s+as|\balong\s+with|\bplus)\s*$"),
    (",", "and", "as", "with", "plus"),
)
# One death named without a number: "which led to his death", "There was a fatality".
_ONE_DEATH = _ci(
    led_by_first_characters(
        r"\b(?:led|leading|leads|resulted|resulting|results)\s+(?:to|in)\s+(?:his|her|the)\s+death\b"
        r"|\b(?:a|one)\s+(?:single\s+)?fatality\b",
    )
)
_PARTITIVE = _ci(
    r"\s+of\s+(?:the|their|its|these|those|his|her|our)\s+(?:\d+\s+|[a-z]+\s+){0,3}?(?P<head>\w+)"
)
# (The modifiers' words and spaces are possessive: neither can end inside the other or before a
# head, which starts with a letter; a backtrack into them could only fail, at some cost.)
_SINGULAR = _ci(
    led_by_first_characters(
        rf"\b(?P<det>an?|one|the|his|her|their|its|another)\s+(?P<mods>(?:(?!(?:and|or|an?|the|were|was|who|with|by|in|of|at|on|to|from|killed|kills|shot|stabbed|murdered|wounded|injured)\b)[\w'’.-]++\s++){{0,5}})(?P<head>{_PERSON_SINGULAR})\b"
        r"|\b(?P<reflexive>himself|herself|themselves)\b"
        rf"|\b(?:another|a\s+(?:{'|'.join(ORDINALS)}))\b"
        r"(?=\s+(?:later\s+|\w+ly\s+)?(?:was|were|died|wounded|injured|hurt|killed)\b)"
        r"|\b(?P<pronoun>him\b|her\b(?=\s*(?:[,.;)]|and\b|in\b|on\b|at\b|near\b|after\b|$)))",
    )
)
_SINGULAR_ASCII = ascii_variant(_SINGULAR)
# The most runs of spaces a _SINGULAR match has before its key word (lexicon._SINGULAR_WORDS, the
# head's last word): the determiner, five modifiers and a head of two words, plus one.
_SINGULAR_WORDS_BEFORE = 1 + 5 + max(len(w.split()) for w in _PERSON_SINGULAR_LIST) + 1
# One person named by a nationality or people, capitalised: "stabbed an African American to
# death", "An Israeli was killed". Read on the original text; the word after it is no noun.
_DEMONYM = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[A-Z][a-z'’-]+\s+){0,2}[A-Z][a-z'’-]+(?![\w'’-])"
    r"(?!\s+(?!(?:to|was|were|is|has|had|and|or|in|at|on|near|from|who|after|before|by|with"
    r"|during|while|as|outside|inside|when|died|dead|killed|injured|wounded)\b)[a-z])"
)
# A person named without an article at the start of a sentence, as incident lists and
# headlines write: "Border Police guard was killed", "Teacher stabbed to death".
# An age names one person in a headline: "19-year-old killed in shooting".
_AGE_PERSON = r"\d{1,3}-(?:year|month)-old"
_BARE_SINGULAR = _ci(
    rf"^\s*(?:[a-z][\w'’.-]*\s+){{0,3}}?(?:{_PERSON_SINGULAR}|{_AGE_PERSON})\b"
    r"(?=\s+(?:was\s|has\s+been\s|killed\b|fatally\s|shot\s+dead\b|dies\b|died\b))"
)
# A headline's victim with no article after its verb: "shooting kills teen girl", "crash kills
# 2-year-old".
_VERB_BARE = _ci(
    r"\b(?:kills|killed|kill|fatally\s+shoots|shoots\s+and\s+kills)\s+(?P<who>(?:(?!(?:and|or|an?|the|his"
    r"|her|their|its|one|in|at|on|of|after|near|by|with)\b)[a-z][\w'’-]*\s+){0,2}?"
    rf"(?:{_PERSON_SINGULAR}|{_AGE_PERSON}))\b"
)
# Words one of which each match of these patterns starts with (after a word boundary): they
# are searched from there only (finditer_from).
_VERB_BARE_STARTS = ("kill", "fatally", "shoots")
_NAME_AFTER_INJURING_STARTS = ("injur", "wound")
_NEGATION_STARTS = ("no", "without", "zero", "did", "caus")
_TOKEN = re.compile(r"\s*([A-Za-z][\w'’]*(?:-[\w'’]+)*|\S)")
_NEGATION = _ci(
    r"\b(?:no|without|zero)\s+(?:(?:immediate\s+|reported\s+|further\s+|other\s+)?(?P<n_noun>casualties|deaths|fatalities"
    r"|injuries|victims|loss\s+of\s+life|one\s+was\s+killed))\b"
    r"|\b(?:no[\s-]?one|nobody|no\s+1|none|no\s+(?:[\w-]+\s+){1,5}?)\s*(?:else\s+)?(?:was|were|has\s+been|have\s+been|had\s+been|got)"
    r"\s+(?:\w+ly\s+)?(?P<n_verb>killed|hurt|injured|wounded|harmed)\b"
    r"|\b(?:did\s+not|didn't|caused\s+no|causing\s+no)\s+(?:cause\s+)?(?:any\s+)?(?P<n_noun2>casualties|injuries|deaths)\b"
)
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_AGE_OR_UNIT = _ci(
    r"(?:[\s-]*(?:year|yr|month|mo|week|day|hour|minute|second)s?[\s-]*old\b|-(?:year|month|day|week|hour|km|mile|meter|metre|storey|story)"
    rf"|\s*(?:{_MONTHS.replace('|may|', '|')})\b|\s*(?:%|percent|per\s+cent|km\b|kms\b|mm\b|cm\b|kg\b|[ap]\.?m\.?\b|gmt\b|utc\b|hrs\b|:\d)|(?:st|nd|rd|th)\b"
    # a decade, an age bracket: "in their 20s", "the 1990s"
    r"|(?<=0)'?s\b)"
)
_NOT_VICTIM_MONTHS = tuple(_MONTHS.replace("|may|", "|").split("|"))
_NOT_VICTIM_ENDS = (
    "$", "€", "£", "aged", "age", "ages", "of", "at", "since", "until", "by", "no.", "number",
    "brigade", "battalion", "division", "route", "road", "highway", "km", "article",
    "resolution", "flight", "bus", "convoy", "page", "unit", "column", "wing", "squad",
    "regiment", "rs", "rs.", "usd", "eur", "rupees",
    *_NOT_VICTIM_MONTHS, *(month + "." for month in _NOT_VICTIM_MONTHS),
)  # fmt: skip
_NOT_VICTIM_LEFT = _Ending(
    _ci(
        r"(?:[$€£]|\b(?:aged|age|ages|of\s+age|at|since|until|by|no\.|number|brigade|battalion"
        r"|division|route|road|highway|km|article|resolution|flight|bus|convoy|page|unit|column|wing|squad|regiment"
        r"|rs\.?|usd|eur|rupees|age\s+of|(?:father|mother|parent|dad|mom|grandfather|grandmother)s?\s+of)\s*"
        # a date: "Dec. 25", "the July 15 death" (not "may", a verb as often)
        rf"|\b(?:{_MONTHS.replace('|may|', '|')})\.?\s+)$"
    ),
    _NOT_VICTIM_ENDS,
    # the sign or the first word of each alternative (a month by its first three letters)
    _ci(
        r"(?=[$€£])|\b(?=ag|of|at|since|until|by|no|number|brigade|battalion|division|route|road"
        r"|highway|km|article|resolution|flight|bus|convoy|page|unit|column|wing|squad|regiment|rs"
        r"|usd|eur|rupees|father|mother|parent|dad|mom|grand|jan|feb|mar|apr|jun|jul|aug|sep|oct"
        r"|nov|dec)"
    ),
)

# A person who speaks is a source, not a victim: "the governor said", "a local source told".
_SPEAKS = _ci(
    r"\s+(?:\w+\s+)?(?:said|says|told|tells|added|reported|confirmed|stated|announced|explained)\b"
)

# A perpetrator's own death told without a number: "then turned the gun on himself".
_SELF_DEATH = _ci(
    r"\b(?:turn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on\s+(?:him|her)self"
    r"|(?:took|taking|take|takes)\s+(?:his|her)\s+own\s+life"
    r"|(?:fatally\s+shot|fatally\s+shooting|shot\s+and\s+killed|killed|killing)\s+(?:him|her)self"
    # a bomber's own death: "a suicide bomber blew himself up at the post, killing 25"
    r"|(?:blew|blowing|blown|blow|blows)\s+(?:him|her)self\s+up"
    # the verb before the victims goes on to the killer: "killed four people and then himself"
    r"|and\s+(?:then|later|finally)\s+(?:him|her)self)\b"
)

# Who carried out the attack, as against fighters killed in it ("50 terrorists were killed" in
# an army operation are its victims): only these, in a clause of their own, are a perpetrator
# toll that adds to the victims'.
_ATTACKERS = _ci(
    r"\b(?:attackers?|gunm[ae]n|(?:suicide\s+)?bombers?|assailants?|perpetrators?|shooters?|hijackers?"
    r"|himself|herself|themselves|the\s+suspect|the\s+killer)\b"
)

# Page furniture before bare numbers: "Get short URL 0 67" (share counts).
_URL_LEFT = _ci(r"\burl(?:\s+\d+)*\s+$")

# One person named, or a subject pronoun, before a passive casualty verb: "Ketron Nathan, a
# father of three, was shot and killed", "Morgan Slaight died Tuesday", "He was pronounced
# dead". Read on the original text (capitals).
# Searched back from each auxiliary or "died" (found with str.find), in a short window: a scan of
# the whole sentence for capitalised words costs more than the rest of the reading of names.
_NAMED = re.compile(
    led_by_first_characters(  # (its \b is implied: a letter after no word character)
        r"\b(?P<name>(?<![\w'’-])(?:[A-Z][a-z'’-]+\s+){0,2}[A-Z][a-z'’-]+|(?<![\w'’-])(?:[Hh]e|[Ss]he))"
        r"(?:\s*,[^,;.]{1,80},)?(?:\s+(?:who|later|then|also|\w+ly))*\s*$",
    )
)
# The words a named victim's verb starts with (lowercased text), each led by a space.
NAMED_VERBS = (" was ", " has been ", " had been ", " is ", " died", " dies")

# An outcome word right after an amount: "25 injured", "12 dead" (a total, not a subset).
_TOTAL_AHEAD = _ci(r"\s+(?:(?P<t_killed>dead|killed)|(?P<t_injured>injured|wounded))\b")
