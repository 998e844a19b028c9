"""Casualty figures: numbers of people killed, injured, missing, kidnapped or arrested.

Each figure keeps its exact span in the body. Counting follows DESIGN.md: qualifiers map to
low/best/high, subsets are kept but never added, negations give 0 with qualifier `none`.
"""

from __future__ import annotations

import re

from transforms.numbers import NUMBER_PATTERN, VAGUE, parse_number
from transforms.records import Figure
from transforms.text import Sentence

_QUALIFIERS = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "up to": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "about": "approximately",
    "around": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "nearly": "approximately",
    "almost": "approximately",
    "approximately": "approximately",
    "roughly": "approximately",
}
_QUALIFIER = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True))
_AMOUNT = rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?:another\s+)?(?P<num>{NUMBER_PATTERN}|{_VAGUE})"
_GROUP = r"(?P<group>(?:[a-z'-]+\s+){0,3}?)"
_KILLED = r"killed|dead|died|slain|shot dead|lost their lives|perished"
_INJURED = r"wounded|injured|hurt"
_OUTCOME = rf"(?P<outcome>{_KILLED}|{_INJURED}|missing|kidnapped|abducted|arrested|detained)"

# "six people were killed", "75 wounded", "11 soldiers died"
_PASSIVE = re.compile(
    rf"\b{_AMOUNT}\s+{_GROUP}(?:(?:were|was|have been|had been|are|is|have|had)\s+)?"
    rf"(?:(?:reportedly|also|all)\s+)?{_OUTCOME}\b",
    re.IGNORECASE,
)
# "killing 11 people", "wounding at least 20"
_ACTIVE = re.compile(
    rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|kidnapping|abducting)\s+"
    rf"{_AMOUNT}\b(?=(?P<group>(?:\s+[\w'-]+){{0,3}}))",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\bno (?:casualties|deaths|fatalities|injuries|victims)\b"
    r"|\bno one (?:was|were|has been) (?P<neg_outcome>killed|hurt|injured|wounded)"
    r"|\bwithout (?:casualties|injuries)\b",
    re.IGNORECASE,
)
_SUBSET = re.compile(
    rf"\b(?:among the (?:dead|killed|victims) (?:are|is|were|was)|including)\s+"
    rf"(?P<num>{NUMBER_PATTERN})\b(?P<group>(?:[\s-]+[\w'-]+){{0,3}})",
    re.IGNORECASE,
)
_NOT_VICTIM_AFTER = re.compile(
    r"^[\s-]*(?:year|month|week|day|hour|minute|km|mile|meter|metre)s?\b"
)

_CATEGORY = {
    **{
        w: "killed"
        for w in (
            "killed",
            "killing",
            "dead",
            "died",
            "slain",
            "shot dead",
            "lost their lives",
            "perished",
        )
    },
    **{w: "injured" for w in ("wounded", "wounding", "injured", "injuring", "hurt")},
    "missing": "missing",
    "kidnapped": "kidnapped",
    "kidnapping": "kidnapped",
    "abducted": "kidnapped",
    "abducting": "kidnapped",
    "arrested": "arrested",
    "detained": "arrested",
}
_GROUPS = (
    ("children", r"\b(?:child|children|kids?|boys?|girls?|toddlers?|infants?|babies|baby)\b"),
    ("soldiers", r"\b(?:soldiers?|troops|servicem[ae]n|militiamen|fighters?)\b"),
    ("police", r"\b(?:police\w*|officers?|cops?)\b"),
    ("perpetrators", r"\b(?:attackers?|gunm[ae]n|bombers?|militants?|assailants?|insurgents?)\b"),
    ("civilians", r"\b(?:civilians?|residents?|bystanders?|villagers?|worshippers?)\b"),
)


def find_figures(body: str, sentences: list[Sentence]) -> list[Figure]:
    """Every casualty figure stated in the body, in reading order."""
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_figures_in_sentence(body, sentence))
    return figures


def _figures_in_sentence(body: str, sentence: Sentence) -> list[Figure]:
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_SUBSET, _PASSIVE, _ACTIVE):
        for match in pattern.finditer(sentence.text):
            span = (match.start("num"), match.end("num"))
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            figure = _figure_from_match(body, sentence, match, is_subset=pattern is _SUBSET)
            if figure is not None:
                found.append(figure)
                taken.append(span)
    for match in _NEGATION.finditer(sentence.text):
        found.extend(_negated_figures(sentence, match))
    return sorted(found, key=lambda f: f.char_start)


def _figure_from_match(body: str, sentence: Sentence, match: re.Match, is_subset: bool):
    raw = match.group("num")
    after = sentence.text[match.end("num") :]
    if _NOT_VICTIM_AFTER.match(after) and not is_subset:
        return None
    value, qualifier = _value(raw, match.groupdict().get("qual"))
    if value is None:
        return None
    groups = match.groupdict()
    outcome = groups.get("outcome") or groups.get("verb") or "dead"
    category = _CATEGORY.get(outcome.lower(), "killed")
    group_text = groups.get("group") or ""
    low, best, high = _bounds(value, qualifier)
    start = sentence.start + match.start()
    end = sentence.start + match.end()
    return Figure(
        category=category,
        victim_group=_victim_group(group_text),
        low=low,
        best=best,
        high=high,
        qualifier=qualifier,
        text=body[start:end],
        char_start=start,
        char_end=end,
        sentence_index=sentence.index,
        is_subset=is_subset,
    )


def _value(raw: str, qualifier_text: str | None) -> tuple[int | None, str]:
    lowered = raw.lower()
    if lowered in VAGUE:
        return VAGUE[lowered], "vague"
    value = 1 if lowered in ("a", "an") else parse_number(raw)
    qualifier = _QUALIFIERS.get((qualifier_text or "").lower(), "exact")
    return value, qualifier


def _bounds(value: int, qualifier: str) -> tuple[int | None, int | None, int | None]:
    if qualifier == "more_than":
        return value + 1, value + 1, None
    if qualifier == "at_most":
        return None, value, value
    if qualifier in ("at_least", "vague"):
        return value, value, None
    if qualifier == "approximately":
        return None, value, None
    return value, value, value if qualifier == "exact" else None


def _victim_group(text: str) -> str:
    for name, pattern in _GROUPS:
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return "people"


def _negated_figures(sentence: Sentence, match: re.Match) -> list[Figure]:
    outcome = (match.group("neg_outcome") or "").lower()
    categories = [_CATEGORY[outcome]] if outcome else ["killed", "injured"]
    if "injur" in match.group().lower() and not outcome:
        categories = ["injured"]
    start, end = sentence.start + match.start(), sentence.start + match.end()
    return [
        Figure(
            c,
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
        for c in categories
    ]


def summarize(figures: list[Figure], category: str) -> tuple[int | None, int | None, int | None]:
    """The low/best/high of one category over one mention's figures.

    Subsets never add. Restatements of a total are not summed: the largest lower bound wins.
    """
    totals = [f for f in figures if f.category == category and not f.is_subset]
    if not totals:
        return None, None, None
    best = max(totals, key=lambda f: f.low if f.low is not None else f.best or 0)
    return best.low, best.best, best.high
