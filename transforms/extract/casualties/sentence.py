"""The figures of a body and of one sentence: phrases read, lists categorised, negations,
ACLED coded counts, sources and doubts applied."""

from __future__ import annotations

from bisect import bisect_right

from transforms.cues import holds_any, led_by_first_characters
from transforms.extract.casualties.categories import _categorise, _lists
from transforms.extract.casualties.lexicon import _ci, lowercase
from transforms.extract.casualties.patterns import (
    _NEGATION,
    _NEGATION_STARTS,
    finditer_from,
    word_starts,
)
from transforms.extract.casualties.phrases import _Phrase, _phrases, letter_runs
from transforms.extract.casualties.sources import _attributions
from transforms.extract.records import Figure
from transforms.text import Sentence

# Perpetrators listed with their victims count in the total ("the bomber and 10 officers were
# killed" gives 11; docs/data-model.md, as GTD and ACLED do). A perpetrator toll stated in a clause of its
# own ("The attacker was shot dead by police", "Five attackers were also killed") is kept as a
# `perpetrators` figure; this switch says whether it also adds to the victims' total (docs/data-model.md:
# it does, as in GTD and the Stanford mass-shootings data; Wikipedia's incident lists leave it
# out). Restatements of the perpetrators' toll are not added up among themselves (summary.py).
SEPARATE_PERPETRATORS_IN_TOTAL = True
# Word stems one of which every sentence with a figure contains; found with str.find, which is
# many times faster than a regex scan over the whole body.
_STEMS = (
    "kill", "dead", "died", "dies", "death", "fatal", "injur", "wound", "hurt", "casualt",
    "missing", "unaccounted", "kidnap", "abduct", "hostage", "captive", "arrest", "detain",
    "custody", "apprehend", "slain", "perish", "lives", "toll", "murder", "massacr", "execut",
    "behead", "martyr", "bodies", "shot", "stabb", "gunned", "harm", "hospital", "of them",
    "of whom", "among", "coded", "breathing", "suffocat", "respiratory",
)  # fmt: skip
# Reports the text itself doubts: kept as figures, left out of the total (conservative coding).
_UNCONFIRMED = _ci(
    led_by_first_characters(
        r"\bunconfirmed\b|\bunverified\b|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)\b"
        r"|\bcould\s+not\s+be\s+(?:independently\s+)?(?:confirmed|verified)\b|\bdenied\s+(?:the\s+)?reports?\b",
    )
)
# A word every _UNCONFIRMED match contains.
_UNCONFIRMED_WORDS = frozenset(["unconfirmed", "unverified", "confirmed", "verified", "denied"])
# What might have been, not what was: "we will not have a fatality", "could have killed dozens".
_HYPOTHETICAL_LEFT = _ci(
    r"\b(?:will|would|could|might|won't|wouldn't|couldn't)\s+(?:not\s+)?(?:have|be|see|cause)"
    r"(?:\s+(?:killed|injured|wounded|hurt))?\s+(?:\w+\s+)?$"
)
_MODAL_WORDS = frozenset(["will", "would", "could", "might", "won", "wouldn", "couldn"])
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


# A toll as it was first given: "the source earlier put the death toll at 5 while 9 other people
# were injured". Its "others" restate that toll's groups; they add to no later one.
_EARLIER_WORDS = frozenset(["earlier", "previously", "initially"])
_EARLIER_TOLL = _ci(
    led_by_first_characters(
        r"\b(?:earlier|previously|initially)\s+(?:put|gave|set|reported|said|stated)\b[^.;]{0,40}?\btoll\b",
    )
)

# A death told as news after the event: someone hurt in it has since died ("the toddler has
# died", "the girl had died from her injuries", "succumbed to his wounds").
_LATER_DEATH_WORDS = frozenset(["has", "had", "later", "succumbed", "injuries", "wounds"])
_LATER_DEATH = _ci(
    led_by_first_characters(
        r"\b(?:has|had|later)\s+died\b|\bsuccumbed\b"
        r"|\bdied\b[^.;]{0,40}?\b(?:from|of)\s+(?:his|her|the)\s+(?:\w+\s+)?(?:injuries|wounds)\b",
    )
)


def figures_in_sentence(
    sentence: Sentence, previous_category: str | None = None, low: str | None = None
) -> list[Figure]:
    """The figures one sentence states (char offsets into the body). `low` is the sentence
    lowercased, if the caller has it."""
    text = sentence.text
    low = lowercase(text) if low is None else low
    tokens = letter_runs(low)
    phrases = _phrases(low, text, tokens)
    lists = _lists(low, phrases)
    for items in lists:
        _categorise(low, items, phrases, previous_category)
    found = [_figure(sentence, p, i) for i, items in enumerate(lists) for p in items if p.category]
    if not tokens.isdisjoint(_EARLIER_WORDS) and _EARLIER_TOLL.search(low):
        for figure in found:  # an earlier, smaller toll told again: "9 others" adds nothing
            figure.adds = False
    if (
        ("died" in tokens or "succumbed" in tokens)  # one of them is in every match
        and not tokens.isdisjoint(_LATER_DEATH_WORDS)
        and _LATER_DEATH.search(low)
    ):
        for figure in found:
            figure.later_death = figure.category == "killed" and figure.best == 1
    if "died" in tokens or "dying" in tokens:
        _shot_then_died(found, sentence.start, low)
    negations = _negations(sentence, low, tokens)
    if negations:
        spans = [(f.char_start, f.char_end) for f in negations]
        found = [f for f in found if not any(a <= f.char_start < b for a, b in spans)]
        found.extend(negations)
    found.extend(_coded(sentence, low, found))
    # (_attributions finds their key words first: a sentence with none costs a few str.find)
    sources = _attributions(text, tokens) if found else []
    for figure in found if sources else ():
        # the source stated before the figure in the sentence, else the first one after it
        start = figure.char_start - sentence.start
        before = [s for s in sources if s[0] <= start]
        chosen = before[-1] if before else sources[0]
        figure.attributed_to, figure.claim = chosen[1], chosen[2]
    if not tokens.isdisjoint(_MODAL_WORDS):
        _leave_out_hypotheticals(found, sentence.start, low)
    if not tokens.isdisjoint(_UNCONFIRMED_WORDS) and _UNCONFIRMED.search(low):
        for figure in found:
            figure.counted = False
    found.sort(key=lambda f: f.char_start)
    return found


def _leave_out_hypotheticals(found: list[Figure], sentence_start: int, low: str) -> None:
    for figure in found:
        start = figure.char_start - sentence_start
        if _HYPOTHETICAL_LEFT.search(low, max(0, start - 40), start):
            figure.counted = False


# The shot who died of it in the same clause: "a boy was shot in the head and died shortly after".
_THEN_DIED = _ci(
    led_by_first_characters(
        r"\b(?:and|but)\s+(?:later\s+|then\s+|subsequently\s+)?died\b|\bbefore\s+dying\b"
    )
)


def _shot_then_died(found: list[Figure], sentence_start: int, low: str) -> None:
    died = _THEN_DIED.search(low)
    if died is None:
        return
    for figure in found:
        if figure.category == "shot" and figure.char_start - sentence_start < died.start():
            figure.category = "killed"


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
        adds=phrase.adds,
        counted=counted,
        perpetrators_alone=phrase.separate_perpetrators,
    )


# Words one of which every _NEGATION match holds as a run of letters ("no" of "no one", "didn"
# of "didn't"), and those it may join to the next word ("nonewas": its \s* may be empty).
_NEGATION_WORDS = frozenset(["no", "without", "zero", "did", "didn", "caused", "causing"])
_NEGATION_JOINED = ("noone", "nobody", "none")


def _negations(sentence: Sentence, low: str, tokens: set[str]) -> list[Figure]:
    found = []
    # the cheap tests first (`tokens`: the sentence's runs of letters)
    if tokens.isdisjoint(_NEGATION_WORDS) and not holds_any(low, _NEGATION_JOINED):
        return found
    anchors = word_starts(low, _NEGATION_STARTS, whole=False)
    for match in finditer_from(_NEGATION, low, anchors):
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
