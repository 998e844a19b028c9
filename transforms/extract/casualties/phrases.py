"""Candidate victim phrases in a sentence: amounts with the words that name who they count
("at least 6 people", "another 75", "dozens of others") and singular persons ("a police
officer", "the bomber"); amounts that count things or time are dropped."""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.cues import holds_any, led_by_first_characters
from transforms.extract.casualties.lexicon import (
    _NOT_NAMES,
    _NUMBER_WORDS,
    _OUTCOME_NOUNS,
    _PERSON_SINGULAR_LIST,
    _PERSONS,
    _SINGULAR_WORDS,
    _STOP,
    _THINGS,
    ORDINALS,
    _ci,
)
from transforms.extract.casualties.patterns import (
    _ADD_LEFT,
    _AGE_OR_UNIT,
    _BARE_SINGULAR,
    _BODIES,
    _DEMONYM,
    _ELAPSED_RIGHT,
    _ING_VERB_LEFT,
    _INTRANSITIVE,
    _LEFT,
    _LIST_AFTER,
    _LIST_BEFORE,
    _NAME_AFTER_INJURING,
    _NAME_AFTER_INJURING_STARTS,
    _NAMED,
    _NEXT_TOLL,
    _NOT_VICTIM_LEFT,
    _NOUN_AND,
    _OBJECT,
    _ONE_DEATH,
    _PARTITIVE,
    _PASSIVE_LEFT,
    _SELF_DEATH,
    _SINGULAR,
    _SINGULAR_ASCII,
    _SINGULAR_WORDS_BEFORE,
    _SPEAKS,
    _SUBSET_LEFT,
    _SUBSET_RIGHT,
    _TAIL,
    _TAIL_DIRECT,
    _TOKEN,
    _URL_LEFT,
    _VERB_BARE,
    _VERB_BARE_STARTS,
    NAMED_VERBS,
    anchored_finditer,
    by_last_character,
    finditer_from,
    reads_as_ascii,
    word_starts,
)
from transforms.extract.numbers import AMOUNT_PATTERN, QUALIFIER_PATTERN, QUALIFIERS, read_amount
from transforms.ingest.timestamps import EARLIEST_YEAR, LATEST_YEAR
from transforms.text import first_matching, priority_regexes

_AMOUNT = _ci(
    rf"\b(?:(?P<extra>another|an\s+additional|additional|a\s+further|further|other)\s+)?{AMOUNT_PATTERN}"
)
# Where amounts can be: a digit or a number word (lexicon._NUMBER_WORDS). Matching _AMOUNT only
# from just before these places (its qualifiers reach back a few words) is several times faster
# than scanning with it.
# A run of digits counts once: inside one _AMOUNT cannot start (its \b), and _AMOUNT_START
# matches only empty there.
# (_core_starts finds where this matches, faster; the tests hold it to this.)
_NUMBER_CORE = _ci(rf"\d+|\b(?:{'|'.join(sorted(_NUMBER_WORDS))})\b")
_DIGITS = re.compile(r"\d+")
# Runs of letters in a lowercased sentence: a whole word that a pattern matches is one of them.
# Their set, made once per sentence, tells with a lookup or two that a costly scan finds nothing.
_LETTERS = re.compile(r"[a-z]+")
# Every byte but a-z made a space: UTF-8 writes other characters with other bytes, so the
# encoded text's runs of letters, split on the spaces, are _LETTERS' matches.
_NOT_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def letter_runs(low: str) -> set[str]:
    """set(_LETTERS.findall(low)): one bytes.translate and a split, which make no match
    objects (a lone surrogate, possible in JSON text, is encoded too and made spaces)."""
    return set(low.encode("utf-8", "surrogatepass").translate(_NOT_LETTERS).decode().split())


_AMOUNT_START = _ci(
    led_by_first_characters(
        r"\b(?:(?:another|an\s+additional|additional|a\s+further|further|other)\s+)?"
        rf"(?:(?:{QUALIFIER_PATTERN})\s+)?(?:between\s+|half\s+a\s+|an?\s+)?$",
    )
)
# The last words an _AMOUNT_START match can have before its spaces: text that ends otherwise
# has no start before the number (one str.endswith instead of a scan of the 40 characters).
_AMOUNT_START_ENDS = tuple(
    sorted(
        {"another", "additional", "further", "other", "between", "a", "an"}
        | {qualifier.split()[-1] for qualifier in QUALIFIERS}
    )
)
_AMOUNT_START_BY_LAST = by_last_character(_AMOUNT_START_ENDS)


# The words of _BODIES.
_BODIES_WORDS = ("bodies", "corpses")
# Key words of _SINGULAR that are no run of letters, so never in a sentence's `tokens`.
_SINGULAR_ODD_WORDS = frozenset(w for w in _SINGULAR_WORDS if not w.isalpha())

# A bare age between commas: "man, 20," or "girl, 6, and".
_AGE_APPOSITION = re.compile(r"\d{1,2}(?=\s*[,)])")
_PERSON_BEFORE_NAME = re.compile(r"(?P<noun>[a-z]+)\s*,\s*$")
_WORD_BEFORE_COMMA = re.compile(r"(?P<word>[A-Za-z][\w'’-]*)\s*[,(]\s*$")


def _amounts(text: str, tokens: set[str]):
    """_AMOUNT matches in reading order, found from the number words and digits (`tokens` are
    the sentence's runs of letters)."""
    done = 0
    for at in _core_starts(text, tokens):
        if at < done:
            continue
        window = max(done, at - 40)
        start = None  # then the amount starts at `at`
        before = text[window:at].rstrip()  # (endswith tried with the last character's words)
        if before and before.endswith(_AMOUNT_START_BY_LAST.get(before[-1], ())):
            start = _AMOUNT_START.search(text, window, at)
        for begin in ((start.start(),) if start else ()) + (at,):
            match = _AMOUNT.match(text, begin)
            if match and match.end() > at:
                yield match
                done = match.end()
                break


# Every byte but 0-9 made a space: in ASCII text the runs of digits are then split out.
_NOT_DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))


def _digit_starts(text: str) -> list[int]:
    """Where _DIGITS matches. ASCII text: its digit runs split out of one bytes.translate and
    found in turn with str.find; a regex scan for \\d asks Unicode's tables of each character,
    several times the cost. Other text may hold digits of other scripts: the regex reads it."""
    if not text.isascii():
        return [match.start() for match in _DIGITS.finditer(text)]
    starts: list[int] = []
    at = 0
    for run in text.encode().translate(_NOT_DIGITS).decode().split():
        at = text.find(run, at)  # only letters and signs lie between two runs
        starts.append(at)
        at += len(run)
    return starts


def _core_starts(text: str, tokens: set[str]) -> list[int]:
    """Where _NUMBER_CORE matches, in order: the digit runs, and the number words the sentence
    has found with str.find (a regex scan with all the words tries each at every position)."""
    starts = _digit_starts(text)
    words = tokens & _NUMBER_WORDS
    if words:  # (the digit runs come in order: the words' places are sorted in)
        starts += word_starts(text, words)
        starts.sort()
    return starts


_ONE_MORE = ("another", *(f"a {ordinal}" for ordinal in ORDINALS))


def _thing_follows(text: str, pos: int) -> bool:
    """Whether the word right after `pos` counts things, not people ("family dogs")."""
    match = _TOKEN.match(text, pos)
    return bool(match) and match.group(1).lower() in _THINGS


_GROUPS = (
    (
        "perpetrators",
        r"\b(?:attackers?|gunm[ae]n|bombers?|assailants?|perpetrators?|terrorists?|shooters?"
        r"|hijackers?|himself|herself|themselves|the\s+suspect)\b",
    ),
    (
        "children",
        r"\b(?:child|children|kids?|boys?|girls?|toddlers?|infants?|babies|baby|minors?|"
        r"\d+-year-old\s+(?:girl|boy)|teenagers?|pupils?|schoolchildren)\b",
    ),
    ("police", r"\b(?:police\w*|policem[ae]n|cops?|constables?|gendarmes?|officers?)\b"),
    (
        "soldiers",
        r"\b(?:soldiers?|troops|servicem[ae]n|troopers?|paramilitar\w*|military|army|peacekeepers?"
        r"|marines?|militiam[ae]n|security\s+(?:forces|personnel|guards?|officers?)|personnel|officers?|guards?)\b",
    ),
    (
        "civilians",
        r"\b(?:civilians?|residents?|bystanders?|villagers?|worshipp?ers?|pedestrians?|passengers?"
        r"|shoppers?|tourists?|churchgoers|mourners|farmers?|students?)\b",
    ),
)
# The first group, in order, that matches anywhere: one or two scans instead of one per group.
_GROUP_PRIORITY = priority_regexes([p for _, p in _GROUPS])


@lru_cache(maxsize=4096)  # a pure function of a few words ("6 people"), asked again and again
def _victim_group(text: str) -> str:
    # lower(), not fold_case: the groups never matched "ı" or "ſ" as "i" or "s"
    first = first_matching(_GROUP_PRIORITY, text.lower())
    return "people" if first is None else _GROUPS[first][0]


class _Phrase:
    """A candidate victim phrase inside one sentence (offsets relative to the sentence)."""

    __slots__ = (
        "start",
        "end",
        "bounds",
        "qualifier",
        "group",
        "extra",
        "is_subset",
        "category",
        "adds",
        "separate_perpetrators",
        "_group_name",
    )

    def __init__(self, start, end, bounds_, qualifier, group, extra):
        self.start, self.end = start, end
        self.bounds, self.qualifier = bounds_, qualifier
        self.group, self.extra = group, extra
        self.is_subset = False
        self.category: str | None = None
        self.adds = False
        self.separate_perpetrators = False
        self._group_name: str | None = None

    def victim_group(self) -> str:
        """_victim_group of the phrase, read once (the list's and the figure's reading ask)."""
        if self._group_name is None:
            self._group_name = _victim_group(self.group)
        return self._group_name


def _phrases(text: str, original: str, tokens: set[str]) -> list[_Phrase]:
    """Victim phrases in a lowercased sentence (`original` keeps the capitals, `tokens` are its
    runs of letters)."""
    phrases: list[_Phrase] = []
    # words a pattern below needs (each match holds one): a lookup once, not a search a phrase
    url = "url" in text
    corpses = not tokens.isdisjoint(_BODIES_WORDS)
    for match in _amounts(text, tokens):
        start, end = match.start(), match.end()
        num = match.group("num").lower()
        # (first: the tests below drop a year too, or, as an age has one or two digits, keep
        # none of its phrases)
        if num.isdigit() and len(num) == 4 and EARLIEST_YEAR <= int(num) <= LATEST_YEAR:
            continue  # a year, not a count
        if _AGE_OR_UNIT.match(text, end) or _NOT_VICTIM_LEFT.search(
            text, max(0, start - 25), start
        ):
            continue
        if url and match.group().isdigit() and _URL_LEFT.search(text, max(0, start - 30), start):
            continue
        # (an age is one or two digits, the whole amount)
        aged = _age_apposition(text, original, start, end) if end - start <= 2 else None
        if aged is not None:
            if aged is not _SAME_PERSON and _TAIL.match(text, end):
                phrases.append(aged)  # "Carlos Mendez, 27, was shot dead": one person
            continue
        amount = read_amount(match)
        if amount is None:
            continue
        words_end, head = _who(text, original, end)
        if head is None and text.endswith("a family of ", max(0, start - 12), start):
            start, head = start - len("a family of "), "person"  # "killed a family of five"
        partitive = _PARTITIVE.match(text, end) if head is None else None
        if partitive and _thing_follows(text, partitive.end()):
            continue  # "one of the family dogs": the group's animals or things, not people
        if (
            partitive
            and partitive.group("head").lower() in _PERSONS
            and not _SUBSET_RIGHT.match(text, end)
        ):
            words_end, head = partitive.end(), "person"  # "three of the attackers"
        if head == "thing" and _elapsed_after_object(text, start, end):
            words_end, head = end, None  # "wounding 90 hours after": 90 wounded, then the time
        if head == "thing" or (num == "both" and text[:start].rstrip().endswith(",")):
            continue  # "2 victims, both Americans" restates
        # a bare "one" counts only next to a casualty verb: "wounding one", "one was killed"
        bare_one = head is None and num == "one" and not match.group("extra") and not partitive
        if bare_one and not (_next_to_verb(text, start, end) or _SUBSET_RIGHT.match(text, end)):
            continue
        if (
            head is None
            and num in ("a dozen", "a pair of", "a couple of", "both")
            and words_end == end
            and not (match.group("qual") and _NEXT_TOLL.match(text, end))
        ):
            continue  # "a dozen" alone is no count; "more than a dozen injured" is
        words = text[end:words_end].split()
        extra = (
            bool(match.group("extra")) or "other" in text[end:words_end] or words[:1] == ["more"]
        )
        bodies = corpses and _BODIES.search(text, end, words_end)
        group = text[start:words_end]
        of_them = _SUBSET_RIGHT.match(text, words_end)
        if of_them:  # "12 of them children": the group is named after "of them"
            group += " " + text[of_them.end() : of_them.end() + 30]
        phrase = _Phrase(start, words_end, amount[0], amount[1], group, extra)
        if bodies and not _TAIL.match(text, words_end):
            phrase.category = "killed"  # "pulled 14 bodies from the rubble"
        phrases.append(phrase)
    taken = [(p.start, p.end) for p in phrases]
    if "self" in text or "own life" in text:
        phrases.extend(_self_deaths(text, taken))
    singulars = (
        ()
        if tokens.isdisjoint(_SINGULAR_WORDS)
        else anchored_finditer(
            _SINGULAR_ASCII if reads_as_ascii(text) else _SINGULAR,
            text,
            word_starts(text, (tokens & _SINGULAR_WORDS) | _SINGULAR_ODD_WORDS),
            _SINGULAR_WORDS_BEFORE,
        )
    )
    for match in singulars:
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        start, end = match.start(), match.end()
        if match.group("pronoun") and not _LEFT.search(text, max(0, start - 40), start):
            continue  # "killing him"
        if _SPEAKS.match(text, end):
            continue  # "..., the governor said", "a local official told": a source
        # "the driver" counts one person only next to a casualty verb or in a list of victims.
        definite = (match.group("det") or "").lower() in ("the", "his", "her", "their", "its")
        if definite and not (
            _TAIL.match(text, end)
            or _LEFT.search(text, max(0, start - 40), start)
            or _LIST_BEFORE.search(text, max(0, start - 14), start)
            or _LIST_AFTER.match(text, end)
            or _ADD_LEFT.search(text, max(0, start - 30), start)
            or _SUBSET_LEFT.search(text, max(0, start - 40), start)
        ):
            continue
        # "another" and "a third" name one more person than those told before
        one_more = text.startswith(_ONE_MORE, start)
        phrases.append(_Phrase(start, end, (1, 1, 1), "exact", text[start:end], one_more))
    phrases.extend(_demonyms(text, original, taken))
    phrases.extend(_named_people(text, original, phrases))
    if "injur" in text or "wound" in text:  # the cheap test first
        phrases.extend(_names_after_injuring(original, phrases))
    bare = _bare_person(text, taken, tokens)
    if bare:
        phrases.append(bare)
    if "kill" in text and not tokens.isdisjoint(_BARE_KEYS):  # the cheap tests first
        phrases.extend(_verb_bare_persons(text, phrases))
    one_death = "death" in text or "fatality" in text
    for match in _ONE_DEATH.finditer(text) if one_death else ():
        if not any(a < match.end() and match.start() < b for a, b in taken):
            phrase = _Phrase(match.start(), match.end(), (1, 1, 1), "exact", match.group(), False)
            phrase.category = "killed"
            phrases.append(phrase)
    phrases.sort(key=lambda p: p.start)
    return phrases


def _named_people(text: str, original: str, phrases: list[_Phrase]) -> list[_Phrase]:
    """A name or "he"/"she" before a casualty verb in the passive or "died": one person. An
    active verb with an object ("Israel has killed 50") makes the name the agent."""
    spans = [(p.start, p.end) for p in phrases]
    found = []
    for match in _names_before_verbs(original, text):
        start, end = match.start("name"), match.end("name")
        name = match.group("name")
        if name.split()[0] in _NOT_NAMES or any(a < end and start < b for a, b in spans):
            continue
        tail = _TAIL.match(text, end)
        if tail is None or _OBJECT.match(text, tail.end()) or _renamed(text, start):
            continue
        # next to its verb or past an apposition ("X, 24, a father of three, was"), with a
        # verb for one person: "Iraq and Syria were killed" is no name of a victim
        gap = text[end : tail.start("aux")].strip()
        aux = tail.group("aux").split()
        if gap and not gap.startswith(",") or aux[:1] in (["were"], ["have"], ["are"]):
            continue
        intransitive = tail.group(tail.lastgroup or "aux").strip() in _INTRANSITIVE
        if aux or intransitive:
            found.append(_Phrase(start, end, (1, 1, 1), "exact", text[start:end], False))
    return found


def _names_after_injuring(original: str, phrases: list[_Phrase]) -> list[_Phrase]:
    """ "the gunman killed his wife and critically injured John Smith Jr.": one person wounded,
    named as the active verb's object (not "was injured Saturday Night", a passive)."""
    spans = [(p.start, p.end) for p in phrases]
    found = []
    anchors = word_starts(original, _NAME_AFTER_INJURING_STARTS, whole=False)
    for match in finditer_from(_NAME_AFTER_INJURING, original, anchors):
        start, end = match.span("name")
        words = match.group("name").split()
        if words[0] in _NOT_NAMES or any(w.lower() in _PERSONS for w in words):
            continue  # "wounded Police Officers": a group, not a name
        if any(a < end and start < b for a, b in spans):
            continue
        if _PASSIVE_LEFT.search(original, max(0, match.start() - 20), match.start()):
            continue
        found.append(_Phrase(start, end, (1, 1, 1), "exact", original[start:end].lower(), False))
    return found


def _names_before_verbs(original: str, text: str):
    """_NAMED matches that end where a verb of NAMED_VERBS starts, in reading order."""
    seen = set()
    for verb in NAMED_VERBS:
        # (`in` first: most verbs are not in the sentence, and it costs less than find)
        at = text.find(verb) if verb in text else -1
        while at != -1:
            if at not in seen:
                seen.add(at)
                match = _named_before(original, at)
                if match:
                    yield match
            at = text.find(verb, at + 1)


# How a _NAMED match's last word ends: a name's word, "he"/"she", the comma closing an
# apposition, or an adverb ("who", "later", "then", "also", "...ly").
_NAME_WORD_END = re.compile(r"[A-Z][a-z'’-]+\Z")
_NAMED_LAST = (",", "ly", "he", "He", "who", "later", "then", "also")


def _named_before(original: str, at: int) -> re.Match | None:
    """_NAMED's match in the 120 characters before `at`: searched only when the last word there
    ends as one of its matches does (most words before "was" are no names)."""
    window = max(0, at - 120)
    last = original[window:at].rsplit(None, 1)
    if not last or not (last[-1].endswith(_NAMED_LAST) or _NAME_WORD_END.search(last[-1])):
        return None
    return _NAMED.search(original, window, at)


def _renamed(text: str, start: int) -> bool:
    """Whether a name stands in apposition to a person just named: "his mother, Morgan"."""
    named = _PERSON_BEFORE_NAME.search(text, max(0, start - 30), start)
    return bool(named) and named.group("noun") in _PERSONS


def _self_deaths(text: str, taken: list[tuple[int, int]]) -> list[_Phrase]:
    """ "turned the gun on himself", "took his own life": the perpetrator's death, one person
    (its span is then taken, so "himself" is not read again)."""
    found = []
    for match in _SELF_DEATH.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        phrase = _Phrase(match.start(), match.end(), (1, 1, 1), "exact", "himself", False)
        phrase.category = "killed"
        found.append(phrase)
        taken.append((match.start(), match.end()))
    return found


# An age after a noun that already named the person: no phrase of its own.
_SAME_PERSON = _Phrase(0, 0, (1, 1, 1), "exact", "", False)


def _age_apposition(text: str, original: str, start: int, end: int) -> _Phrase | None:
    """ "Lilburn man, 20, killed", "John Smith, 34, was shot": an age set off by commas after
    a person or a name is no count; the person and the age are one victim phrase
    (_SAME_PERSON when a noun named the person just before: "his mother, Morgan, 27,")."""
    age = _AGE_APPOSITION.match(text, start)
    if age is None or age.end() != end:
        return None
    before = _WORD_BEFORE_COMMA.search(original, max(0, start - 40), start)
    if before is None:
        return None
    word = before.group("word")
    if not (word[0].isupper() or word.lower() in _PERSONS):
        return None
    if _renamed(text, before.start()):
        return _SAME_PERSON
    span = text[before.start() : end]
    return _Phrase(before.start(), end, (1, 1, 1), "exact", span, False)


def _demonyms(text: str, original: str, taken: list[tuple[int, int]]) -> list[_Phrase]:
    """ "an African American", "a Palestinian": one person, only next to a casualty verb."""
    found = []
    for at in _demonym_starts(text, original):
        match = _DEMONYM.match(original, at)
        if not match:
            continue
        start, end = match.start(), match.end()
        if any(a < end and start < b for a, b in taken):
            continue
        if _TAIL.match(text, end) or _LEFT.search(text, max(0, start - 40), start):
            found.append(_Phrase(start, end, (1, 1, 1), "exact", text[start:end], False))
    return found


def _demonym_starts(text: str, original: str):
    """Offsets of "a"/"an"/"one" before a capital: str.find is many times faster than letting
    _DEMONYM try every position."""
    for word, spaced in _DEMONYM_WORDS:
        if text.startswith(word):
            at = 0
        else:
            at = text.find(spaced) + 1  # (0: not found)
            if not at:
                continue
        after = len(word)
        while True:
            if original[at + after : at + after + 1].isupper():
                yield at
            at = text.find(spaced, at) + 1
            if not at:
                break


# The words before a demonym, each also with the space before it.
_DEMONYM_WORDS = tuple((word, " " + word) for word in ("a ", "an ", "one "))


# A word every _BARE_SINGULAR match is followed by.
_BARE_CUES = (" was ", " has been ", " killed", " fatally ", " shot dead", " dies", " died")


# A run of letters every _BARE_SINGULAR and _VERB_BARE match holds: of its noun's last word,
# or the age's "old".
_BARE_KEYS = frozenset(_LETTERS.findall(w.split()[-1])[0] for w in _PERSON_SINGULAR_LIST) | {"old"}


def _bare_person(text: str, taken: list[tuple[int, int]], tokens: set[str]) -> _Phrase | None:
    """ "Border Police guard was killed", "Police officer killed in ambush" (a headline): one
    person, only before a casualty verb (`tokens`: the sentence's runs of letters)."""
    if tokens.isdisjoint(_BARE_KEYS):
        return None  # no noun for one person in the sentence
    head = text[:100]  # the match is at the start: up to three words, the noun, the verb
    if not holds_any(head, _BARE_CUES):
        return None  # the cheap test first: it needs one of these
    bare = _BARE_SINGULAR.match(text)
    if not bare or any(a < bare.end() and bare.start() < b for a, b in taken):
        return None
    if not _TAIL.match(text, bare.end()) or _SINGULAR.search(text, 0, bare.end()):
        return None
    start = len(text) - len(text.lstrip())
    return _Phrase(start, bare.end(), (1, 1, 1), "exact", text[start : bare.end()], False)


def _verb_bare_persons(text: str, phrases: list[_Phrase]) -> list[_Phrase]:
    """ "kills teen girl": one person with no article after a killing verb (a headline's)."""
    found = []
    anchors = word_starts(text, _VERB_BARE_STARTS, whole=False)
    for match in finditer_from(_VERB_BARE, text, anchors):
        start, end = match.span("who")
        if not any(p.start < end and start < p.end for p in phrases):
            found.append(_Phrase(start, end, (1, 1, 1), "exact", text[start:end], False))
    return found


def _elapsed_after_object(text: str, start: int, end: int) -> bool:
    return bool(
        _ELAPSED_RIGHT.match(text, end) and _ING_VERB_LEFT.search(text, max(0, start - 12), start)
    )


def _next_to_verb(text: str, start: int, end: int) -> bool:
    return bool(_LEFT.search(text, max(0, start - 40), start) or _TAIL_DIRECT.match(text, end))


def _counts(words: str) -> bool:
    """Whether words hold an amount of their own ("and four other civilians")."""
    return any(w.isdigit() or w in _NUMBER_WORDS for w in words.split())


def _who(text: str, original: str, pos: int) -> tuple[int, str | None]:
    """End of the words after an amount that say who it counts, and the kind of head word."""
    end, kind, modifiers = pos, None, False
    for _ in range(5):
        match = _TOKEN.match(original, end)
        if not match:
            break
        word = match.group(1)
        lower = word.lower()
        if lower in _STOP or lower in ("other", "of") and kind:
            break
        if lower in _THINGS:
            return end, "thing"
        if lower in _PERSONS or lower.rstrip("s") + "s" in _PERSONS and lower.endswith("s"):
            if lower in _OUTCOME_NOUNS:
                break
            end, kind = match.end(), "person"
            joined = _NOUN_AND.match(text, end)
            if (
                joined
                and joined.group("noun") in _PERSONS
                and not _counts(text[end : joined.start("noun")])
            ):
                return joined.end(), kind  # "nine soldiers and militia members died"
            nxt = _TOKEN.match(text, end)
            if lower == "others" or not nxt or nxt.group(1).lower() not in _PERSONS:
                break
            continue
        first_noun = end == pos or text[pos:end].split() in (["more"], ["other"], ["additional"])
        if lower.endswith("s") and len(lower) > 3 and lower not in _STOP and first_noun:
            end, kind = match.end(), "person"  # "12 patients": a plural right after the number
            break
        if word[0].isupper() and lower.endswith("s") and len(word) > 3:
            end, kind = match.end(), "person"  # "2 Americans", "7 Christian Copts"
            break
        if not word[0].isalpha():
            break
        end, modifiers = match.end(), True
    if kind is None:
        return (end, "unknown") if modifiers and _TAIL.match(text, end) else (pos, None)
    return end, kind
