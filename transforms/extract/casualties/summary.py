"""One mention's figures summed into low/best/high per category, and whether a sentence's
figures continue the toll of the event mentioned before."""

from __future__ import annotations

from collections.abc import Iterable

from transforms.cues import gated
from transforms.extract.casualties.lexicon import _ci
from transforms.extract.casualties.patterns import _MONTHS
from transforms.extract.casualties.sources import is_party_claim
from transforms.extract.numbers import Bounds
from transforms.extract.records import Figure


def summarize(figures: list[Figure], category: str) -> Bounds:
    """The mention's low/best/high of one category. Injuries are at least the people shot
    less the dead ("four teenagers were shot; one of them has died" gives 3 injured)."""
    bounds = _told(figures, category)
    if category != "injured":
        return bounds
    if bounds[1] == 1 and _one_dead_later(figures):
        return 0, 0, None  # the one person hurt has since died: killed, not injured
    # "two of them shot themselves", "whether the boy shot himself": a self-inflicted shot is
    # one of the people already counted, never one more
    shots = [f for f in figures if f.category == "shot" and f.text.lower() not in _REFLEXIVES]
    shot = _told(shots, "shot")[1]
    if not shot:
        return bounds
    dead = _told([f for f in figures if not f.perpetrators_alone], "killed")[1] or 0
    if all(f.adds for f in shots if f.counted and not f.is_subset):
        dead = 0  # "another deputy and a woman were also shot": not the dead told before
    survivors = shot - dead
    if survivors > (bounds[1] or 0):
        return survivors, survivors, None
    return bounds


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "themself"})


def _one_dead_later(figures: list[Figure]) -> bool:
    """Whether the one death the mention tells is of someone hurt who died later ("X was
    injured ... the toddler has died"; CODING.md: the injured who later died move to killed)."""
    dead = _told(figures, "killed")
    if dead[1] != 1 or not any(f.later_death for f in figures if f.counted):
        return False
    # "a man was killed and a woman wounded ... the woman later died" tells a second death
    hurt = [f for f in figures if f.category == "injured" and f.counted]
    first_hurt = min((f.char_start for f in hurt), default=0)
    hurt_heads = {_head(f) for f in hurt}
    # unless that earlier death names the same person ("the death of a 3-year-old girl ...
    # the young girl was injured ... the girl died of her injuries")
    return not any(
        f.category == "killed"
        and not f.later_death
        and f.char_start < first_hurt
        and _head(f) not in hurt_heads
        for f in figures
        if f.counted
    )


def _head(figure: Figure) -> str:
    """The last word of a figure's words: "girl" of "a 3-year-old girl"."""
    words = figure.text.lower().split()
    return words[-1] if words else ""


def _told(figures: list[Figure], category: str) -> Bounds:
    """The body's figures summed (`_summarize`), or the headline's when they give a larger
    lower bound (a headline restates the lead's toll, so the two never add up)."""
    heading = [f for f in figures if f.headline]
    if not heading:
        return _summarize(figures, category)
    body = _summarize([f for f in figures if not f.headline], category)
    if body[1] is not None:  # a vague headline ("Dozens killed") never beats a stated number
        heading = [f for f in heading if f.qualifier != "vague"]
    title = _summarize(heading, category)
    if body[1] is None or title[1] is not None and _lower_bound(title) > _lower_bound(body):
        return title
    if title[1] is not None and _lower_bound(title) < _lower_bound(body):
        # the headline's total beside parts that add up past it ("45 killed" over "30 in one
        # province and another 39 in the next"): the parts are detail, the headline the toll
        told = _summarize([f for f in figures if not f.headline], category, additions=False)
        if _lower_bound(told) <= _lower_bound(title):
            return title
    return body


def _summarize(figures: list[Figure], category: str, additions: bool = True) -> Bounds:
    """The victims' toll, plus the perpetrators' when a clause of its own gives it ("the gunman
    was shot dead by police"): restatements of either are not added up. Without `additions`,
    the parts one sentence adds up ("30 in one province and another 39 in the next") are
    read as restatements."""
    alone = [f for f in figures if f.perpetrators_alone and f.category == category and f.counted]
    victims = _toll([f for f in figures if not f.perpetrators_alone], category, additions)
    if not alone:
        return victims
    perpetrators = max(((f.low, f.best, f.high) for f in alone), key=_lower_bound)
    if victims[1] is None:
        return perpetrators
    return _add(victims, perpetrators)


def _toll(figures: list[Figure], category: str, additions: bool = True) -> Bounds:
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
    totals = _without_vague_restatements(neutral or totals)
    running: Bounds | None = None
    stated: set[int | None] = set()
    last = -1
    for told, adds, index in _sentences(_units(totals), additions):
        # an "others" figure equal to one already stated is the same group told again
        # ("16 others were injured" in the lead and in the third paragraph); an addition far
        # from the toll it would add to is a part of it told again, as round-ups detail
        if running is None:
            running = told
        elif adds and told[1] and told[1] not in stated and index - last <= 1:
            running = _add(running, told)
        elif _lower_bound(told) > _lower_bound(running):
            running = told
        stated.add(told[1])
        last = index
    return running if running is not None else (None, None, None)


def _without_vague_restatements(figures: list[Figure]) -> list[Figure]:
    """A vague word told on its own ("dozens were killed", "hundreds of civilians killed") never
    beats a stated number: coders take the number. Vague parts of a list with a number in it,
    and vague additions ("and several others"), still count."""
    precise = {(f.sentence_index, f.clause) for f in figures if f.qualifier != "vague"}
    if not precise:
        return figures
    return [
        f
        for f in figures
        if f.qualifier != "vague" or f.adds or (f.sentence_index, f.clause) in precise
    ]


def _units(figures: Iterable[Figure]) -> list[tuple[Bounds, bool, int]]:
    """Figures grouped by their coordinated list, each list summed, with its sentence."""
    units: list[tuple[Bounds, bool, int]] = []
    key = None
    for figure in figures:
        here = (figure.sentence_index, figure.clause)
        value = (figure.low, figure.best, figure.high)
        if units and here == key and figure.qualifier != "none":
            bounds_, adds, index = units[-1]
            units[-1] = (_add(bounds_, value), adds, index)
        else:
            units.append((value, figure.adds, figure.sentence_index))
        key = here
    return units


def _sentences(
    units: list[tuple[Bounds, bool, int]], additions: bool = True
) -> list[tuple[Bounds, bool, int]]:
    """The units of each sentence taken together: its additions added to what it states
    before them, other units restating it ("30 were killed in the city and another 12 in
    nearby towns" tells 42); the sentence adds to the toll before it when its first unit does."""
    told: list[tuple[Bounds, bool, int]] = []
    for unit, adds, index in units:
        if told and told[-1][2] == index:
            bounds_, first_adds, _ = told[-1]
            if adds and unit[1] and additions:
                bounds_ = _add(bounds_, unit)
            elif _lower_bound(unit) > _lower_bound(bounds_):
                bounds_ = unit
            told[-1] = (bounds_, first_adds, index)
        else:
            told.append((unit, adds, index))
    return told


def _add(a: Bounds, b: Bounds) -> Bounds:
    low = None if a[0] is None or b[0] is None else a[0] + b[0]
    best = (a[1] or 0) + (b[1] or 0)
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return low, best, high


def _lower_bound(value: Bounds) -> int:
    return value[0] if value[0] is not None else value[1] or 0


# Markers of another, earlier event. Gated (transforms/cues.py): searched only in a sentence
# that holds one of the words its matches need, a few `in` tests instead of a scan that tries
# every alternative at every word; the year ("in 2019"), whose words are too short to gate on,
# is a pattern of its own, searched only where "19" or "20" is.
_HISTORICAL = _ci(
    r"\b(?:similar|previous|earlier|last|separate|another|second|prior)\s+(?:\w+\s+)?(?:attack|strike|assault|bombing|"
    r"blast|raid|incident|shooting|explosion|ambush)s?\b|\blast\s+(?:year|month|week)\b"
    r"|\b(?:years|months|weeks)\s+ago\b|\bsince\s+the\s+(?:start|beginning|war|conflict|invasion)\b"
    r"|\b(?:came|comes|occurred|happened|followed)\s+(?:\w+\s+)?(?:after|before)\b"
)
_HISTORICAL_YEAR = _ci(r"\bin\s+(?:19|20)\d\d\b")
_NEW_EVENT = _ci(
    rf"\b(?:in|on|since)\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTHS})\b"
    r"|\bbefore\s+the\s+attack\b"
)
_HISTORICAL, _NEW_EVENT = gated(_HISTORICAL), gated(_NEW_EVENT)


def _historical(text: str) -> bool:
    """Whether a lowercased sentence points to another, earlier event."""
    if _HISTORICAL.search(text):
        return True
    return ("19" in text or "20" in text) and _HISTORICAL_YEAR.search(text) is not None


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


def is_toll_update(text: str) -> bool:
    """Whether a lowercased sentence updates or restates a toll ("the death toll rose to 9")."""
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
    if _historical(sentence_text):
        return False
    if is_toll_update(sentence_text):
        return True
    if _NEW_EVENT.search(sentence_text):
        return False
    totals = [f for f in figures if not f.is_subset]
    known = {f.category for f in previous if not f.is_subset and f.counted}
    new = [f for f in totals if f.category not in known]
    additions = [f for f in totals if f.adds and f not in new]
    return bool(new or additions) and all(f.adds or not f.counted or f in new for f in totals)
