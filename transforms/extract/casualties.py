"""Casualty figures: numbers of people killed, injured, missing, kidnapped or arrested.

How a sentence is read:
1. Candidate victim phrases: an amount with the words that name who it counts ("at least 6
   people", "another 75", "two Shia clerics", "dozens of others") and singular phrases ("a police
   officer", "the bomber", "herself"). Amounts that count things or time ("a pair of missiles",
   "5-year-old", "2022", "20 km") are dropped.
2. Coordinated phrases form one list ("6 soldiers, 6 civilians and a police officer").
3. A list takes its category from a verb before it ("killing 11 people", "the toll rose to 9")
   or after it ("six people were killed", "3 dead", "84 deaths"); each phrase may carry its own.
4. Lists after "including" / "among the dead" and phrases like "two of them" are subsets.

Counting (DESIGN.md): qualifiers map to low/best/high, subsets are kept but never added,
disjoint groups of one list add up, figures marked as additional ("also", "another", "others",
perpetrators) add to the toll, other restatements take the largest lower bound, and a party's
claim sets the total only when nobody else gives one. Negations give 0 with qualifier `none`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from transforms.extract.numbers import (
    AMOUNT_PATTERN,
    QUALIFIER_PATTERN,
    QUALIFIERS,
    Bounds,
    read_amount,
)
from transforms.extract.records import Figure
from transforms.text import Sentence, first_matching, priority_regexes


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


# Perpetrators listed with their victims count in the total ("the bomber and 10 officers were
# killed" gives 11; DESIGN.md, as GTD and ACLED do). A perpetrator toll stated in a clause of its
# own ("The attacker was shot dead by police", "Five attackers were also killed") is kept as a
# `perpetrators` figure; this switch says whether it also adds to the victims' total. Incident
# lists such as Wikipedia's (the dev labels) leave it out.
SEPARATE_PERPETRATORS_IN_TOTAL = False

_KILL = (
    r"killed|dead|died|die|dies|slain|perished|deaths?|fatalit(?:y|ies)|fatally\s+(?:shot|wounded|injured)"
    r"|shot\s+dead|gunned\s+down|murdered|massacred|executed|beheaded|martyred|lost\s+(?:their|his|her)\s+lives"
    r"|(?:shot|stabbed|beaten|burn(?:ed|t)|hacked|crushed|bludgeoned|hanged)\s+to\s+death"
    r"|(?:shot|stabbed)\s+and\s+killed|bodies\s+(?:were\s+)?(?:recovered|found)|to\s+death|lives"
)
_INJURE = (
    r"injured|wounded|hurt|injuries|wounds"
    r"|(?:sustained|suffered|received|got)\s+(?:an?\s+)?(?:\w+\s+)?(?:injury|injuries|wounds?)"
    r"|hospitali[sz]ed|(?:shot|stabbed)\s+and\s+(?:wounded|injured)|stabbed"
)
_MISSING = r"missing|unaccounted\s+for"
_KIDNAP = r"kidnapped|abducted|taken\s+hostage|held\s+hostage|taken\s+captive"
_ARREST = r"arrested|detained|taken\s+into\s+custody|apprehended"
_TRIGGER = (
    rf"(?:(?P<t_killed>{_KILL})|(?P<t_injured>{_INJURE})|(?P<t_missing>{_MISSING})"
    rf"|(?P<t_kidnapped>{_KIDNAP})|(?P<t_arrested>{_ARREST}))\b"
)
_AUX = (
    r"were|was|are|is|may|might|could|would|will|likely|have\s+been|has\s+been|had\s+been|have|has|had|be|been|being|became|become"
    r"|got|get|remain|remained|remains|also|all|reportedly|later|subsequently|then|reported|confirmed"
    r"|now|initially|allegedly|believed\s+to\s+(?:be|have\s+been)|feared|found|left|seriously|critically"
    r"|severely|slightly|lightly|mildly|badly|gravely|fatally|mortally|instantly|immediately|still"
    r"|eventually|either|both|each|who|that|in\s+total|in\s+all|altogether|so\s+far|killed\s+or"
    r"|\w+ly(?:\s+to)?"
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


# Triggers that take no object: a number after them is not what they act on.
_INTRANSITIVE = frozenset(["died", "die", "dies", "dead", "perished", "deaths", "death"])


class _Tail:
    """A casualty trigger after a victim phrase (passive or elliptical), not an active verb."""

    def __init__(self, pattern: re.Pattern, ascii_pattern: re.Pattern | None = None) -> None:
        self.pattern = pattern
        self.ascii_pattern = ascii_pattern or pattern

    def match(self, text: str, pos: int) -> re.Match | None:
        found = (self.ascii_pattern if text.isascii() else self.pattern).match(text, pos)
        if found and not found.group("aux").strip() and _OBJECT.match(text, found.end()):
            trigger = found.group(found.lastgroup or "aux")
            if trigger not in _INTRANSITIVE:
                return None  # "Two gunmen killed 5 people"; but "one died 10 days later"
        return found


_TAIL = _Tail(_TAIL_RE, _TAIL_RE_ASCII)
_TAIL_DIRECT = _Tail(_TAIL_DIRECT_RE)
# A verb or noun before a list of victims.
_LEFT = _ci(
    r"\b(?:(?P<l_killed>killing|killed|kills|kill|claim(?:ed|ing|s)?\s+the\s+lives\s+of|took\s+the\s+lives\s+of"
    r"|taking\s+the\s+lives\s+of|massacr(?:ed|ing)|execut(?:ed|ing)|murder(?:ed|ing|s)|shot\s+dead|shooting\s+dead"
    r"|gunned\s+down|gunning\s+down|behead(?:ed|ing)|decapitat(?:ed|ing)"
    r"|(?:fatally|mortally)\s+(?:stabb(?:ed|ing)|shot|shooting|wound(?:ed|ing)|injur(?:ed|ing))|(?:the\s+)?deaths?\s+of|the\s+killings?\s+of|the\s+bodies\s+of"
    r"|(?:death\s+)?toll\s+(?:\w+\s+){0,2}?(?:rose|risen|rises|climbed|increased|jumped|reached|stands|stood|is|was|of|at|to|hit)(?:\s+(?:at|to))?)"
    r"|(?P<l_injured>wounding|wounded|wounds|injuring|injured|injures|injure|hurting|stabbed|stabbing|the\s+wounding\s+of|the\s+injur(?:y|ies)\s+of)"
    r"|(?P<l_kidnapped>kidnapping|kidnapped|kidnaps|abducting|abducted|abducts|the\s+abduction\s+of)"
    r"|(?P<l_arrested>arresting|arrested|arrests|detaining|detained|the\s+arrest\s+of))"
    r"(?:\s+(?:the|all|all\s+the|their|his|her|its))?\s*$"
)
# "killing and injuring dozens" counts casualties of both kinds together: no figure.
_AMBIGUOUS_LEFT = _ci(
    r"\b(?:kill(?:ing|ed|s)?|dead)\s+(?:and|or)\s+(?:injur|wound)\w*\s*$"
    r"|\b(?:injur|wound)\w*\s+(?:and|or)\s+kill\w*\s*$"
)
_SUBSET_LEFT = _ci(
    r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom|among\s+(?:the\s+)?(?:(?P<s_killed>dead|killed"
    r"|fatalities)|(?P<s_injured>injured|wounded)|victims|casualties)(?:\s+(?:are|were|is|was))?|of\s+whom"
    r"|with)\s*$"
)
_BEING = _ci(r"\s+being\b")
_ADD_LEFT = _ci(
    r"\b(?:in\s+addition\s+to|along\s+with|as\s+well\s+as|besides|plus|together\s+with)\s*$"
)
_SUBSET_RIGHT = _ci(
    r"\s+(?:of|among)\s+(?:them|whom|those|the\s+(?:(?P<p_killed>dead|killed|fatalities)"
    r"|(?P<p_injured>injured|wounded)))\b"
)
# People of the event who were not among its dead: "one of the survivors", "two of the hostages".
_OF_SURVIVORS = _ci(
    r"[\w-]+(?:\s+[\w-]+)?\s+of\s+the\s+(?:[\w-]+\s+)?(?:survivors|hostages|captives|abductees)\b"
)
_ALSO = _ci(r"\b(?:also|as\s+well)\b")
_SEPARATOR = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+|,?\s+along\s+with\s+|\s+plus\s+)$"
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
_LIST_BEFORE = _ci(r"(?:,|\band|\bas\s+well\s+as|\balong\s+with|\bplus)\s*$")
# One death named without a number: "which led to his death", "There was a fatality".
_ONE_DEATH = _ci(
    r"\b(?:led|leading|leads|resulted|resulting|results)\s+(?:to|in)\s+(?:his|her|the)\s+death\b"
    r"|\b(?:a|one)\s+(?:single\s+)?fatality\b"
)
_PARTITIVE = _ci(
    r"\s+of\s+(?:the|their|its|these|those|his|her|our)\s+(?:\d+\s+|[a-z]+\s+){0,3}?(?P<head>\w+)"
)
_AMOUNT = _ci(
    rf"\b(?:(?P<extra>another|an\s+additional|additional|a\s+further|further|other)\s+)?{AMOUNT_PATTERN}"
)
# Where amounts can be: a digit or a number word. Matching _AMOUNT only from just before these
# places (its qualifiers reach back a few words) is several times faster than scanning with it.
_NUMBER_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as one string)
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy"
        " eighty ninety hundred hundreds thousand thousands million dozen dozens tens scores"
        " several number few handful pair couple both"
    ).split()
)
# A run of digits counts once: inside one _AMOUNT cannot start (its \b), and _AMOUNT_START
# matches only empty there.
# (_core_starts finds where this matches, faster; the tests hold it to this.)
_NUMBER_CORE = _ci(rf"\d+|\b(?:{'|'.join(sorted(_NUMBER_WORDS))})\b")
_DIGITS = re.compile(r"\d+")
# Runs of letters in a lowercased sentence: a whole word that a pattern matches is one of them.
# Their set, made once per sentence, tells with a lookup or two that a costly scan finds nothing.
_LETTERS = re.compile(r"[a-z]+")
_AMOUNT_START = _ci(
    r"\b(?:(?:another|an\s+additional|additional|a\s+further|further|other)\s+)?"
    rf"(?:(?:{QUALIFIER_PATTERN})\s+)?(?:between\s+|an?\s+)?$"
)
# The last words an _AMOUNT_START match can have before its spaces: text that ends otherwise
# has no start before the number (one str.endswith instead of a scan of the 40 characters).
_AMOUNT_START_ENDS = tuple(
    sorted(
        {"another", "additional", "further", "other", "between", "a", "an"}
        | {qualifier.split()[-1] for qualifier in QUALIFIERS}
    )
)


def _amounts(text: str, tokens: set[str]):
    """_AMOUNT matches in reading order, found from the number words and digits (`tokens` are
    the sentence's runs of letters)."""
    done = 0
    for at in _core_starts(text, tokens):
        if at < done:
            continue
        window = max(done, at - 40)
        start = None  # then the amount starts at `at`
        if text[window:at].rstrip().endswith(_AMOUNT_START_ENDS):
            start = _AMOUNT_START.search(text, window, at)
        for begin in ((start.start(),) if start else ()) + (at,):
            match = _AMOUNT.match(text, begin)
            if match and match.end() > at:
                yield match
                done = match.end()
                break


def _core_starts(text: str, tokens: set[str]) -> list[int]:
    """Where _NUMBER_CORE matches, in order: the digit runs, and the number words the sentence
    has found with str.find (a regex scan with all the words tries each at every position)."""
    starts = [match.start() for match in _DIGITS.finditer(text)]
    for word in tokens & _NUMBER_WORDS:
        at = text.find(word)
        while at != -1:
            if not (_word_char_at(text, at - 1) or _word_char_at(text, at + len(word))):
                starts.append(at)
            at = text.find(word, at + 1)
    return sorted(starts)


def _word_char_at(text: str, index: int) -> bool:
    """Whether regex \\b reads text[index] as a word character (none outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


_PERSON_SINGULAR = (
    r"person|man|woman|boy|girl|child|baby|infant|toddler|teenager|civilian|soldier|officer|policeman|policewoman"
    r"|guard|driver|passenger|pedestrian|teacher|student|journalist|reporter|worker|peacekeeper|militant|bomber"
    r"|attacker|gunman|assailant|perpetrator|shooter|suspect|commander|leader|member|doctor|nurse|medic|farmer"
    r"|resident|villager|priest|imam|cleric|elder|chief|official|employee|trooper|serviceman|servicewoman"
    r"|inspector|constable|sergeant|lieutenant|captain|colonel|general|major|corporal|private|mother|father"
    r"|son|daughter|wife|husband|brother|sister|relative|victim|local|national|citizen|fighter|rebel|insurgent"
    r"|grandson|granddaughter|nephew|niece|cousin|uncle|aunt|companion|escort|troop|police|administrator"
    r"|terrorist|jihadist|hostage|tourist|worshipper|shopkeeper|trader|vendor|security\s+guard|bodyguard|mayor"
    r"|governor|politician|candidate|lawmaker|judge|prosecutor|activist|engineer|contractor|volunteer|pilot"
    r"|sailor|marine|ranger|agent|spokesman|cameraman|photographer|boy|pastor|monk|nun|elderly\s+man"
)
_SINGULAR = _ci(
    rf"\b(?P<det>an?|one|the|his|her|their|its|another)\s+(?P<mods>(?:(?!(?:and|or|an?|the|were|was|who|with|by|in|of|at|on|to|from)\b)[\w'’.-]+\s+){{0,5}})(?P<head>{_PERSON_SINGULAR})\b"
    r"|\b(?P<reflexive>himself|herself|themselves)\b|\banother\b(?=\s+(?:was|were)\b)"
    r"|\b(?P<pronoun>him\b|her\b(?=\s*(?:[,.;)]|and\b|in\b|on\b|at\b|near\b|after\b|$)))"
)
# Whole words one of which every _SINGULAR match contains (the head's last word, a reflexive,
# "another", "him" or "her").
_SINGULAR_WORDS = frozenset(w.split("\\s+")[-1] for w in _PERSON_SINGULAR.split("|")) | {
    "himself",
    "herself",
    "themselves",
    "another",
    "him",
    "her",
}
# One person named by a nationality or people, capitalised: "stabbed an African American to
# death", "An Israeli was killed". Read on the original text; the word after it is no noun.
_DEMONYM = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[A-Z][a-z'’-]+\s+){0,2}[A-Z][a-z'’-]+(?![\w'’-])"
    r"(?!\s+(?!(?:to|was|were|is|has|had|and|or|in|at|on|near|from|who|after|before|by|with"
    r"|during|while|as|outside|inside|when|died|dead|killed|injured|wounded)\b)[a-z])"
)
# A person named without an article at the start of a sentence, as incident lists and
# headlines write: "Border Police guard was killed", "Teacher stabbed to death".
_BARE_SINGULAR = _ci(
    rf"^\s*(?:[a-z][\w'’.-]*\s+){{0,3}}?(?:{_PERSON_SINGULAR})\b(?=\s+(?:was|has\s+been)\s)"
)
_TOKEN = re.compile(r"\s*([A-Za-z][\w'’]*(?:-[\w'’]+)*|\S)")
# Words after an amount that name the outcome rather than who: "3 dead", "84 deaths".
_OUTCOME_NOUNS = (
    "dead", "wounded", "injured", "deaths", "fatalities", "casualties", "lives", "injuries", "wounds",
    "killings",
)  # fmt: skip
_PERSONS = frozenset(
    [
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "children",
        "child",
        "kids",
        "boys",
        "girls",
        "infants",
        "babies",
        "toddlers",
        "minors",
        "teenagers",
        "students",
        "pupils",
        "men",
        "women",
        "soldiers",
        "troops",
        "servicemen",
        "personnel",
        "officers",
        "policemen",
        "police",
        "policewomen",
        "cops",
        "guards",
        "militants",
        "fighters",
        "insurgents",
        "rebels",
        "gunmen",
        "attackers",
        "assailants",
        "bombers",
        "terrorists",
        "jihadists",
        "perpetrators",
        "shooters",
        "suspects",
        "members",
        "workers",
        "employees",
        "journalists",
        "reporters",
        "villagers",
        "residents",
        "worshippers",
        "worshipers",
        "passengers",
        "pedestrians",
        "tourists",
        "pilgrims",
        "bystanders",
        "farmers",
        "herders",
        "miners",
        "traders",
        "merchants",
        "teachers",
        "doctors",
        "nurses",
        "medics",
        "paramedics",
        "rescuers",
        "peacekeepers",
        "troopers",
        "paramilitaries",
        "militiamen",
        "marines",
        "sailors",
        "commanders",
        "leaders",
        "officials",
        "staff",
        "clerics",
        "priests",
        "monks",
        "nuns",
        "imams",
        "elders",
        "chiefs",
        "victims",
        "others",
        "nationals",
        "citizens",
        "foreigners",
        "migrants",
        "refugees",
        "displaced",
        "prisoners",
        "inmates",
        "detainees",
        "hostages",
        "protesters",
        "demonstrators",
        "mourners",
        "shoppers",
        "customers",
        "family",
        "families",
        "relatives",
        "individuals",
        "youths",
        "youth",
        "adults",
        "elderly",
        "contractors",
        "engineers",
        "volunteers",
        "agents",
        "rangers",
        "gendarmes",
        "guardsmen",
        "recruits",
        "cadets",
        "conscripts",
        "combatants",
        "operatives",
        "partisans",
        "hikers",
        "cyclists",
        "motorists",
        "drivers",
        "commuters",
        "fishermen",
        "truckers",
        "sympathizers",
        "supporters",
        "loyalists",
        "churchgoers",
        "christians",
        "muslims",
        "copts",
        "them",
        *_OUTCOME_NOUNS,
    ]
) | frozenset(w for w in _PERSON_SINGULAR.split("|") if "\\" not in w)
_MORE_THINGS = (  # noqa: SIM905 (a word list reads better as one string)
    "bombings shootings airstrikes raids operations clashes battles ambushes assaults sorties waves"
    " stabbings rounds shots volleys salvos barrages projectiles munitions devices ieds mines"
    " weapons rifles guns firearms knives bags belts vests packages trucks buses boats ships"
    " tents posts checkpoints bases camps outposts stations offices depots markets streets roads"
    " bridges floors storeys stories rooms seats votes groups units battalions brigades companies"
    " times counts charges sentences occasions fronts sides directions areas regions provinces"
    " districts neighbourhoods neighborhoods cities countries nations states tons kilograms"
    " metres meters yards acres hectares euros francs shekels hryvnias rubles dinars dirhams"
).split()
_THINGS = frozenset(
    [
        *_MORE_THINGS,
        "missiles",
        "missile",
        "rockets",
        "rocket",
        "shells",
        "shell",
        "bombs",
        "bomb",
        "drones",
        "drone",
        "grenades",
        "mortars",
        "rounds",
        "bullets",
        "vehicles",
        "vehicle",
        "cars",
        "trucks",
        "buildings",
        "houses",
        "homes",
        "shops",
        "tanks",
        "aircraft",
        "planes",
        "helicopters",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "feet",
        "inches",
        "cm",
        "mm",
        "kg",
        "percent",
        "per",
        "%",
        "hours",
        "hour",
        "minutes",
        "minute",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "times",
        "pm",
        "am",
        "a.m.",
        "p.m.",
        "gmt",
        "utc",
        "goats",
        "sheep",
        "cattle",
        "cows",
        "camels",
        "animals",
        "livestock",
        "dollars",
        "usd",
        "euros",
        "pounds",
        "rupees",
        "naira",
        "times",
        "villages",
        "towns",
        "districts",
        "counts",
        "occasions",
        "attacks",
        "strikes",
        "explosions",
        "blasts",
        "incidents",
        "places",
        "locations",
        "sites",
        "positions",
        "churches",
        "mosques",
        "hotels",
        "schools",
        "tons",
        "tonnes",
        "litres",
        "liters",
        "barrels",
        "shots",
    ]
)
# Tokens that end the words describing who an amount counts.
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "its",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "be",
        "been",
        "being",
        "became",
        "become",
        "got",
        "remain",
        "remained",
        "and",
        "or",
        "but",
        "who",
        "that",
        "which",
        "in",
        "at",
        "on",
        "by",
        "from",
        "with",
        "to",
        "for",
        "of",
        "after",
        "before",
        "during",
        "when",
        "while",
        "as",
        "into",
        "near",
        "killed",
        "dead",
        "died",
        "injured",
        "wounded",
        "hurt",
        "missing",
        "kidnapped",
        "abducted",
        "arrested",
        "detained",
        "including",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        '"',
        "'",
        "also",
        "all",
        "reportedly",
        "later",
        "still",
    ]
)
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
_NEGATION = _ci(
    r"\b(?:no|without|zero)\s+(?:(?:immediate\s+|reported\s+|further\s+|other\s+)?(?P<n_noun>casualties|deaths|fatalities"
    r"|injuries|victims|loss\s+of\s+life|one\s+was\s+killed))\b"
    r"|\b(?:no[\s-]?one|nobody|no\s+1|none|no\s+(?:[\w-]+\s+){1,5}?)\s*(?:else\s+)?(?:was|were|has\s+been|have\s+been|had\s+been|got)"
    r"\s+(?:\w+ly\s+)?(?P<n_verb>killed|hurt|injured|wounded|harmed)\b"
    r"|\b(?:did\s+not|didn't|caused\s+no|causing\s+no)\s+(?:cause\s+)?(?:any\s+)?(?P<n_noun2>casualties|injuries|deaths)\b"
)
# Word stems one of which every sentence with a figure contains; found with str.find, which is
# many times faster than a regex scan over the whole body.
_STEMS = (
    "kill", "dead", "died", "dies", "death", "fatal", "injur", "wound", "hurt", "casualt",
    "missing", "unaccounted", "kidnap", "abduct", "hostage", "captive", "arrest", "detain",
    "custody", "apprehend", "slain", "perish", "lives", "toll", "murder", "massacr", "execut",
    "behead", "martyr", "bodies", "shot", "stabb", "gunned", "harm", "hospital", "of them",
    "of whom", "among", "coded",
)  # fmt: skip
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_AGE_OR_UNIT = _ci(
    r"(?:[\s-]*(?:year|month|week|day|hour|minute|second)s?[\s-]*old\b|-(?:year|month|day|week|hour|km|mile|meter|metre|storey|story)"
    rf"|\s*(?:{_MONTHS.replace('|may|', '|')})\b|\s*(?:%|percent|per\s+cent|km\b|kms\b|mm\b|cm\b|kg\b|[ap]\.?m\.?\b|gmt\b|utc\b|hrs\b|:\d)|(?:st|nd|rd|th)\b)"
)
_NOT_VICTIM_LEFT = _ci(
    r"(?:[$€£]|\b(?:aged|age|ages|of\s+age|at|since|until|by|no\.|number|brigade|battalion"
    r"|division|route|road|highway|km|article|resolution|flight|bus|convoy|page|unit|column|wing|squad|regiment"
    r"|rs\.?|usd|eur|rupees)\s*)$"
)
_ATTRIBUTION = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<acc>[^,;.]{2,80}?)(?=\s*(?:[,;.]|$|\b(?:who|which|that)\b))"
    r"|\bper\s+(?P<per>the\s+[^,;.]{2,40}?)(?=\s*(?:[,;.]|$))"
    r"|(?P<subj>\b(?:[A-Z][\w'’.-]*|the|a|an|local|regional|provincial|state|government|security|health|hospital"
    r"|police|military|medical|rescue|emergency|defen[cs]e|interior|ministry|officials?|sources?|spokes\w+|group"
    r"|and|of|for|'s|’s)(?:\s+(?:[A-Z][\w'’.-]*|the|local|regional|provincial|state|government|security|health"
    r"|hospital|police|military|medical|rescue|emergency|defen[cs]e|interior|ministry|officials?|sources?"
    r"|spokes\w+|group|and|of|for|'s|’s|media|agency|army|forces|monitor|observatory|service|services|council"
    r"|authorities|office|department|chief|head|governor|mayor|minister|president|commander|witnesses"
    r"|residents|medics|doctors|reports?|news)){0,7})"
    r",?\s+(?P<verb>said|says|told|reported|reports|claimed|claims|confirmed|confirms|stated|announced|announces"
    r"|added|estimated|tallied)\b",
)
_PARTY = _ci(
    r"\b(?:taliban|islamic\s+state|isis|isil|daesh|is\b|al[\s-]?shabaa?b|shabaab|boko\s+haram|iswap|houthis?"
    r"|ansar\w*|hamas|hezbollah|hizbollah|pkk|ypg|sdf|jnim|aqap|al[\s-]?qaeda|militants?|rebels?|insurgents?"
    r"|group|jihadists?|army|military|forces|idf|ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry|militia\w*"
    r"|resistance|pdf|knla|kia|aa|mndaa|tnla|jaish\w*|lashkar\w*|wagner|rsf|saf)\b"
)
_SAYS = _ci(
    r"\b(?:said|says|told|report|claim|confirm|stated|announc|added|estimat|tallied|according|per)"
)
_CLAIM_VERB = _ci(r"^claim|^(?:said|says|stated|announced)\s+(?:that\s+)?(?:it|they|its|their)\b")
# Reports the text itself doubts: kept as figures, left out of the total (conservative coding).
_UNCONFIRMED = _ci(
    r"\bunconfirmed\b|\bunverified\b|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)\b"
    r"|\bcould\s+not\s+be\s+(?:independently\s+)?(?:confirmed|verified)\b|\bdenied\s+(?:the\s+)?reports?\b"
)
# A word every _UNCONFIRMED match contains.
_UNCONFIRMED_WORDS = frozenset(["unconfirmed", "unverified", "confirmed", "verified", "denied"])
_DEATH_WORD = _ci(r"fatalit|killed|death|dead")
_ACLED_CODED = _ci(
    r"\bcoded\s+(?:as\s+|to\s+|at\s+)?(?P<num>\d+)\b(?!\s*(?:km|%|-))|\b(?P<num3>\d+)\s+coded\s+to\b"
    r"|\b(?P<num2>\d+)\s+fatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+|is\s+)?coded\b"
)


def find_figures(body: str, sentences: list[Sentence]) -> list[Figure]:
    """Every casualty figure stated in the body, in reading order."""
    figures: list[Figure] = []
    last_category: str | None = None  # a subset with no verb of its own belongs to it
    low_body = lowercase(body)
    candidates = _candidate_sentences(low_body, sentences)
    for sentence in sentences:
        if sentence.index not in candidates:
            continue
        low = low_body[sentence.start : sentence.end]
        found = figures_in_sentence(sentence, last_category, low)
        for figure in found:
            figure.text = body[figure.char_start : figure.char_end]
        if found:
            last_category = next(
                (f.category for f in reversed(found) if not f.is_subset), last_category
            )
        figures.extend(found)
    return figures


def _candidate_sentences(low_body: str, sentences: list[Sentence]) -> set[int]:
    """Indexes of the sentences that contain one of the stems."""
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for stem in _STEMS:
        at = low_body.find(stem)
        while at != -1:
            index = bisect_right(starts, at) - 1
            if index >= 0 and at < sentences[index].end:
                found.add(sentences[index].index)
            at = low_body.find(stem, sentences[index].end if index >= 0 else at + 1)
    return found


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


def figures_in_sentence(
    sentence: Sentence, previous_category: str | None = None, low: str | None = None
) -> list[Figure]:
    """The figures one sentence states (char offsets into the body). `low` is the sentence
    lowercased, if the caller has it."""
    text = sentence.text
    low = lowercase(text) if low is None else low
    tokens = set(_LETTERS.findall(low))
    phrases = _phrases(low, text, tokens)
    lists = _lists(low, phrases)
    for items in lists:
        _categorise(low, items, phrases, previous_category)
    found = [_figure(sentence, p, i) for i, items in enumerate(lists) for p in items if p.category]
    negations = _negations(sentence, low)
    if negations:
        spans = [(f.char_start, f.char_end) for f in negations]
        found = [f for f in found if not any(a <= f.char_start < b for a, b in spans)]
        found.extend(negations)
    found.extend(_coded(sentence, low, found))
    sources = _attributions(text) if found and _SAYS.search(low) else []
    for figure in found:
        # the source stated before the figure in the sentence, else the first one after it
        start = figure.char_start - sentence.start
        before = [s for s in sources if s[0] <= start]
        chosen = before[-1] if before else (sources[0] if sources else None)
        if chosen:
            figure.attributed_to, figure.claim = chosen[1], chosen[2]
    if not tokens.isdisjoint(_UNCONFIRMED_WORDS) and _UNCONFIRMED.search(low):
        for figure in found:
            figure.counted = False
    found.sort(key=lambda f: f.char_start)
    return found


def _phrases(text: str, original: str, tokens: set[str]) -> list[_Phrase]:
    """Victim phrases in a lowercased sentence (`original` keeps the capitals, `tokens` are its
    runs of letters)."""
    phrases: list[_Phrase] = []
    for match in _amounts(text, tokens):
        start, end = match.start(), match.end()
        if _AGE_OR_UNIT.match(text, end) or _NOT_VICTIM_LEFT.search(
            text, max(0, start - 25), start
        ):
            continue
        amount = read_amount(match)
        if amount is None:
            continue
        num = match.group("num").lower()
        if num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100:
            continue
        words_end, head = _who(text, original, end)
        partitive = _PARTITIVE.match(text, end) if head is None else None
        if (
            partitive
            and partitive.group("head").lower() in _PERSONS
            and not _SUBSET_RIGHT.match(text, end)
        ):
            words_end, head = partitive.end(), "person"  # "three of the attackers"
        if head == "thing" or (num == "both" and text[:start].rstrip().endswith(",")):
            continue  # "2 victims, both Americans" restates
        # a bare "one" counts only next to a casualty verb: "wounding one", "one was killed"
        bare_one = head is None and num == "one" and not match.group("extra") and not partitive
        if bare_one and not _next_to_verb(text, start, end):
            continue
        if (
            head is None
            and num in ("a dozen", "a pair of", "a couple of", "both")
            and words_end == end
        ):
            continue
        words = text[end:words_end].split()
        extra = (
            bool(match.group("extra")) or "other" in text[end:words_end] or words[:1] == ["more"]
        )
        bodies = _BODIES.search(text, end, words_end)
        group = text[start:words_end]
        of_them = _SUBSET_RIGHT.match(text, words_end)
        if of_them:  # "12 of them children": the group is named after "of them"
            group += " " + text[of_them.end() : of_them.end() + 30]
        phrase = _Phrase(start, words_end, amount[0], amount[1], group, extra)
        if bodies and not _TAIL.match(text, words_end):
            phrase.category = "killed"  # "pulled 14 bodies from the rubble"
        phrases.append(phrase)
    taken = [(p.start, p.end) for p in phrases]
    singulars = () if tokens.isdisjoint(_SINGULAR_WORDS) else _SINGULAR.finditer(text)
    for match in singulars:
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        start, end = match.start(), match.end()
        if match.group("pronoun") and not _LEFT.search(text, max(0, start - 40), start):
            continue  # "killing him"
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
        phrases.append(_Phrase(start, end, (1, 1, 1), "exact", text[start:end], False))
    phrases.extend(_demonyms(text, original, taken))
    bare = _bare_person(text, taken)
    if bare:
        phrases.append(bare)
    one_death = "death" in text or "fatality" in text
    for match in _ONE_DEATH.finditer(text) if one_death else ():
        if not any(a < match.end() and match.start() < b for a, b in taken):
            phrase = _Phrase(match.start(), match.end(), (1, 1, 1), "exact", match.group(), False)
            phrase.category = "killed"
            phrases.append(phrase)
    phrases.sort(key=lambda p: p.start)
    return phrases


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
    for word in ("a ", "an ", "one "):
        at = text.find(word) if text.startswith(word) else -1
        if at == -1:
            at = text.find(" " + word)
            at = at + 1 if at != -1 else -1
        while at != -1:
            if original[at + len(word) : at + len(word) + 1].isupper():
                yield at
            at = text.find(" " + word, at)
            at = at + 1 if at != -1 else -1


def _bare_person(text: str, taken: list[tuple[int, int]]) -> _Phrase | None:
    """ "Border Police guard was killed": one person, only before a casualty verb."""
    if " was " not in text and " has been " not in text:
        return None  # the cheap test first: it needs one of these
    bare = _BARE_SINGULAR.match(text)
    if not bare or any(a < bare.end() and bare.start() < b for a, b in taken):
        return None
    if not _TAIL.match(text, bare.end()) or _SINGULAR.search(text, 0, bare.end()):
        return None
    start = len(text) - len(text.lstrip())
    return _Phrase(start, bare.end(), (1, 1, 1), "exact", text[start : bare.end()], False)


def _next_to_verb(text: str, start: int, end: int) -> bool:
    return bool(_LEFT.search(text, max(0, start - 40), start) or _TAIL_DIRECT.match(text, end))


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
            if joined and joined.group("noun") in _PERSONS:
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


def _lists(text: str, phrases: list[_Phrase]) -> list[list[_Phrase]]:
    lists: list[list[_Phrase]] = []
    for phrase in phrases:
        if lists and lists[-1][-1].end > phrase.start:
            continue  # inside a partitive: "one of the 2 gunmen"
        own_clause = phrase.extra and _TAIL_DIRECT.match(text, phrase.end)
        joins = not own_clause and not _SUBSET_RIGHT.match(text, phrase.end)
        if lists and joins and _SEPARATOR.match(text[lists[-1][-1].end : phrase.start]):
            lists[-1].append(phrase)
        else:
            lists.append([phrase])
    return lists


def _outcome(tail: re.Match | None, text: str) -> str | None:
    """The category a trigger after the victims gives, read to the end of its verb chain: the
    last outcome wins ("was stabbed and later died", "were abducted and killed"), and a choice
    of two ("were injured or arrested") gives none."""
    category = _category(tail, "t")
    if category is None:
        return None
    chained = _CHAINED.match(text, tail.end())
    if chained is None:
        return category
    other = _category(chained, "t")
    if chained.group("or"):
        return category if other == category else None
    return "killed" if other == "killed" else category


def _ambiguous(text: str, start: int, phrases: list[_Phrase]) -> bool:
    """ "killing and injuring dozens" counts both kinds together; but in "1 soldier killed and
    wounding another 25" the first verb closes the list before it."""
    window = max(0, start - 60)
    found = _AMBIGUOUS_LEFT.search(text, window, start)
    if not found:
        return False
    verb = found.start()
    return not any(p.end <= verb and not text[p.end : verb].strip() for p in phrases)


def _category(match: re.Match | None, prefix: str) -> str | None:
    if match is None:
        return None
    groups = match.groupdict()
    for name in ("killed", "injured", "missing", "kidnapped", "arrested"):
        if groups.get(f"{prefix}_{name}"):
            return name
    return None


def _categorise(
    text: str, items: list[_Phrase], phrases: list[_Phrase], previous: str | None
) -> None:
    first, last = items[0], items[-1]
    left_text = text[max(0, first.start - 60) : first.start]
    if _ambiguous(text, first.start, phrases):
        return
    subset_cue = _SUBSET_LEFT.search(left_text)
    subset = bool(subset_cue)
    if left_text.rstrip().endswith("with") and not _BEING.match(text, last.end):
        subset = False  # "with 3 being medics" is a subset, "with 3 others" is not
    left_category = _category(_LEFT.search(left_text), "l") or _category(subset_cue, "s")
    tail = _TAIL.match(text, last.end)
    if left_category:
        list_category = left_category
        # With a verb before the list, only a trigger right after an item overrides it.
        own = [_outcome(_TAIL_DIRECT.match(text, p.end), text) for p in items]
    else:
        list_category = _outcome(tail, text)
        # the last item's own trigger is the list's, read above
        own = [_outcome(_TAIL.match(text, p.end), text) for p in items[:-1]] + [list_category]
    also = bool(tail and _ALSO.search(tail.group()))
    earlier = [p for p in phrases if p.end <= first.start and p.category]
    partitive = _SUBSET_RIGHT.match(text, first.end) if len(items) == 1 else None
    if partitive:  # "two of them suffered stab wounds"
        list_category = list_category or _outcome(_TAIL.match(text, partitive.end()), text)
    whole = _category(partitive, "p") or (earlier[-1].category if earlier else previous)
    survivors = len(items) == 1 and _OF_SURVIVORS.match(text, first.start)
    if list_category == "killed" and (survivors or partitive and whole not in (None, "killed")):
        # "one of the injured later died", "two of the hostages were killed": deaths beyond
        # the toll, not a part of it
        for p in items:
            p.category, p.adds = "killed", True
        return
    if subset or partitive:
        category = list_category or (earlier[-1].category if earlier else previous)
        for p in items:
            p.category, p.is_subset = own[items.index(p)] or category, True
        return
    adds = bool(_ADD_LEFT.search(left_text)) and bool(earlier)
    if adds and list_category is None:
        list_category = earlier[-1].category
    if list_category is None and _ADD_LEFT.search(left_text):
        # "he was killed along with his wife and two children"
        list_category = _category(_TRIGGER_BEFORE_ADD.search(left_text), "t")
    for p, category in zip(items, own, strict=True):
        p.category = p.category or category or list_category
        p.adds = adds or p.extra or also
    if not adds and all(p.victim_group() == "perpetrators" for p in items):
        for p in items:
            p.separate_perpetrators = True
    _breakdown(items)


def _breakdown(items: list[_Phrase]) -> None:
    """'40 people, 6 soldiers and 34 civilians': parts that add up to one item are subsets."""
    if len(items) < 3:
        return
    for item in items:
        others = [p for p in items if p is not item and p.category == item.category]
        if item.bounds[1] and sum(p.bounds[1] or 0 for p in others) == item.bounds[1]:
            for p in others:
                p.is_subset = True
            return


def _figure(sentence: Sentence, phrase: _Phrase, list_index: int) -> Figure:
    group = phrase.victim_group()
    low, best, high = phrase.bounds
    start, end = sentence.start + phrase.start, sentence.start + phrase.end
    counted = SEPARATE_PERPETRATORS_IN_TOTAL or not phrase.separate_perpetrators
    return Figure(
        category=phrase.category,
        victim_group=group,
        low=low,
        best=best,
        high=high,
        qualifier=phrase.qualifier,
        text=sentence.text[phrase.start : phrase.end],
        char_start=start,
        char_end=end,
        sentence_index=sentence.index,
        is_subset=phrase.is_subset,
        clause=list_index,
        adds=phrase.adds or (phrase.separate_perpetrators and SEPARATE_PERPETRATORS_IN_TOTAL),
        counted=counted,
    )


def _victim_group(text: str) -> str:
    # lower(), not fold_case: the groups never matched "ı" or "ſ" as "i" or "s"
    first = first_matching(_GROUP_PRIORITY, text.lower())
    return "people" if first is None else _GROUPS[first][0]


def _negations(sentence: Sentence, low: str) -> list[Figure]:
    found = []
    # "nobody", "none" and "did not" contain "no": the cheap test, unrolled
    if not ("no" in low or "without" in low or "zero" in low or "didn't" in low):
        return found
    for match in _NEGATION.finditer(low):
        word = (
            match.group("n_noun") or match.group("n_verb") or match.group("n_noun2") or ""
        ).lower()
        if word in ("deaths", "fatalities", "killed", "loss of life", "one was killed"):
            categories = ["killed"]
        elif word in ("injuries", "injured", "wounded"):
            categories = ["injured"]
        else:
            categories = ["killed", "injured"]
        start, end = sentence.start + match.start(), sentence.start + match.end()
        for category in categories:
            found.append(
                Figure(
                    category,
                    "people",
                    0,
                    0,
                    0,
                    "none",
                    sentence.text[match.start() : match.end()],
                    start,
                    end,
                    sentence.index,
                )
            )
    return found


def _coded(sentence: Sentence, low: str, found: list[Figure]) -> list[Figure]:
    """ACLED's coded count, which sets the event's deaths: "unknown fatalities coded as 10",
    "2 fatalities coded", "coded 3 for this event"."""
    # the last coded count of the sentence: "coded to 18 ... with 9 coded to Kharita"
    matches = list(_ACLED_CODED.finditer(low)) if "coded" in low else []
    match = matches[-1] if matches else None
    if not match or not _DEATH_WORD.search(low):
        return []
    group = next(g for g in ("num", "num2", "num3") if match.group(g))
    value = int(match.group(group))
    start, end = sentence.start + match.start(group), sentence.start + match.end(group)
    for figure in found:
        if figure.char_start <= start < figure.char_end and figure.category == "killed":
            figure.coded = True
            return []
    found[:] = [f for f in found if not f.char_start <= start < f.char_end]
    text = sentence.text[match.start(group) : match.end(group)]
    figure = Figure(
        "killed", "people", value, value, value, "exact", text, start, end, sentence.index
    )
    figure.coded = True
    return [figure]


_BARE_SOURCES = frozenset(
    ["officials", "police", "sources", "witnesses", "residents", "medics", "doctors", "authorities"]
)
_SOURCE_JOINERS = ("and", "of", "for", "'s", "’s")


def _attributions(text: str) -> list[tuple[int, str, bool]]:
    """Who gives figures in a sentence, in order: (offset, source, is a party's claim).
    "according to X", "X said", "per X"; a claim is an armed party's "claimed" or "said it"."""
    found = []
    for match in _ATTRIBUTION.finditer(text):
        source = _source(match)
        if source:
            after = text[match.end() : match.end() + 12].lower()
            verb = (match.group("verb") or "") + after
            claim = bool(_PARTY.search(source.lower())) and bool(_CLAIM_VERB.search(verb.lower()))
            found.append((match.start(), source, claim))
    return found


def _source(match: re.Match) -> str | None:
    if match.group("subj") is None:
        return (match.group("acc") or match.group("per")).strip(" ,")[:80] or None
    words = match.group("subj").split()
    while words and words[0].lower() in _SOURCE_JOINERS:
        words.pop(0)
    source = " ".join(words)
    named = any(c.isupper() for c in source) and source.lower() not in ("the", "a", "an")
    if not named and source.lower() not in _BARE_SOURCES and len(words) < 2:
        return None
    return source[:80] or None


def is_party_claim(figure: Figure) -> bool:
    """Whether the figure is a party to the fighting claiming results (DESIGN.md): an armed
    group or army as the source, with "claimed" or "said it killed"."""
    return figure.claim


def _lower(figure: Figure) -> int:
    return figure.low if figure.low is not None else figure.best or 0


def summarize(figures: list[Figure], category: str) -> Bounds:
    """The low/best/high of one category over one mention's figures.

    Subsets never add. Figures in one coordinated list add up (disjoint groups). A figure marked
    as additional ("also", "another", "others", perpetrators) adds to the toll so far; any other
    figure restates it, and the largest lower bound wins. A party's claim counts only when no one
    else gives a figure.
    """
    coded = [f for f in figures if f.category == category and f.coded]
    if coded:
        return coded[-1].low, coded[-1].best, coded[-1].high
    counted = [f for f in figures if f.category == category and f.counted]
    # With no total stated, the parts named ("Four of them were killed") are the toll.
    totals = [f for f in counted if not f.is_subset] or counted
    if not totals:
        return None, None, None
    neutral = [f for f in totals if not is_party_claim(f)]
    totals = neutral or totals
    running: Bounds | None = None
    for unit, adds in _units(totals):
        if running is None:
            running = unit
        elif adds and unit[1]:
            running = _add(running, unit)
        elif _lower_bound(unit) > _lower_bound(running):
            running = unit
    return running if running is not None else (None, None, None)


def _units(figures: Iterable[Figure]) -> list[tuple[Bounds, bool]]:
    """Figures grouped by their coordinated list, each list summed."""
    units: list[tuple[Bounds, bool]] = []
    key = None
    for figure in figures:
        here = (figure.sentence_index, figure.clause)
        value = (figure.low, figure.best, figure.high)
        if units and here == key and figure.qualifier != "none":
            bounds_, adds = units[-1]
            units[-1] = (_add(bounds_, value), adds)
        else:
            units.append((value, figure.adds))
        key = here
    return units


def _add(a: Bounds, b: Bounds) -> Bounds:
    low = None if a[0] is None or b[0] is None else a[0] + b[0]
    best = (a[1] or 0) + (b[1] or 0)
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return low, best, high


def _lower_bound(value: Bounds) -> int:
    return value[0] if value[0] is not None else value[1] or 0


_HISTORICAL = _ci(
    r"\b(?:similar|previous|earlier|last|separate|another|second|prior)\s+(?:\w+\s+)?(?:attack|strike|assault|bombing|"
    r"blast|raid|incident|shooting|explosion|ambush)s?\b|\bin\s+(?:19|20)\d\d\b|\blast\s+(?:year|month|week)\b"
    r"|\b(?:years|months|weeks)\s+ago\b|\bsince\s+the\s+(?:start|beginning|war|conflict|invasion)\b"
    r"|\b(?:came|comes|occurred|happened|followed)\s+(?:\w+\s+)?(?:after|before)\b"
)
_NEW_EVENT = _ci(
    rf"\b(?:in|on|since)\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTHS})\b"
    r"|\bbefore\s+the\s+attack\b"
)
# A toll update: two regexes, as one alternation the anchored line would be tried at every
# position (five times slower).
# A short summary line, as event notes end: "9 fatalities.", "Three fatalities and no injuries."
_TOLL_SUMMARY = _ci(
    r"^(?:a\s+total\s+of\s+)?[\w-]+\s+(?:fatalit(?:y|ies)|deaths?|killed|dead)\b[^.;]{0,40}\.?$"
)
_TOLL_WORDS = _ci(
    r"\bcoded\b|\bupdated\b|\brevised\b|\b(?:death\s+)?toll\b|\bin\s+total\b|\ba\s+total\s+of\b|\baltogether\b|\bin\s+all\b|\bbringing\b"
)
# A word every _TOLL_WORDS match contains: str `in` is many times faster than the regex scan.
_TOLL_CUES = ("coded", "updated", "revised", "toll", "total", "altogether", "all", "bringing")


def _toll_update(text: str) -> bool:
    if _TOLL_SUMMARY.match(text):
        return True
    return any(cue in text for cue in _TOLL_CUES) and _TOLL_WORDS.search(text) is not None


def continues_toll(previous: list[Figure], figures: list[Figure], sentence_text: str) -> bool:
    """Whether a sentence's figures belong to the toll of the event mentioned just before.

    True for subsets ("Two of them were children."), figures marked as additional ("3 civilians
    also died", "12 others were wounded", "Five attackers were also killed"), toll updates ("The
    death toll rose to 9") and a category the event has no figure for yet ("13 others were
    injured" after "81 people were killed"), unless the sentence points to another event
    ("a similar attack in June", "in 2019", "hours later").
    """
    if not previous or not figures:
        return False
    if all(f.is_subset for f in figures):
        return True
    sentence_text = sentence_text.lower()
    if _HISTORICAL.search(sentence_text):
        return False
    if _toll_update(sentence_text):
        return True
    if _NEW_EVENT.search(sentence_text):
        return False
    totals = [f for f in figures if not f.is_subset]
    known = {f.category for f in previous if not f.is_subset and f.counted}
    new = [f for f in totals if f.category not in known]
    additions = [f for f in totals if f.adds and f not in new]
    return bool(new or additions) and all(f.adds or not f.counted or f in new for f in totals)
