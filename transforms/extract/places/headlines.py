"""The headline's place: a name in the headline that the gazetteer knows, read with care, since
a headline in title case capitalises every word and often ends with its outlet's name."""

from __future__ import annotations

import re

from transforms.extract.places.event import event_place
from transforms.extract.places.model import Candidate, Place
from transforms.extract.places.names import _fold_word, fold


def heading_place(
    heading: str, found: list[Candidate], votes: dict[str, float], named: set[str]
) -> Place | None:
    """The headline's place, if the gazetteer knows it: a name the body gives as a place too
    (`named`, folded), or one after "in", "at" or "near" in a headline not in title case (which
    capitalises every word: "Man Dies", "Beach Town Center"). The outlet's name after a dash or
    bar is cut off ("... in Spencer - News9.com"). `found` are the headline's candidates."""
    outlet = _OUTLET.search(heading)
    if outlet:
        heading = heading[: outlet.start()]
    if not heading.strip():
        return None
    title_case = _title_case(heading)
    candidates = [
        c
        for c in found
        if c.end <= len(heading)
        if not c.origin
        and not _STREET_BEFORE.search(heading, 0, c.start)
        and (
            fold_name(c.surface) in named
            or not title_case
            and c.start > 0
            and _PREPOSITION_BEFORE.search(heading, 0, c.start)
        )
    ]
    for c in candidates:
        if _EVENT_AFTER.match(heading, c.end):
            c.cued = True
    place = event_place(heading, candidates, 0, len(heading), votes)
    if place is None or place.geonameid is None and place.admin1 is None:
        return None  # a phrase the gazetteer lacks ("Car Bomb Blast"), not a known place
    return place


def fold_name(surface: str) -> str:
    """A name's key without its possessive ("Chicago's")."""
    return _fold_word(surface.removesuffix("'s").removesuffix("’s"))


def _title_case(heading: str) -> bool:
    """Whether most of a headline's longer words are capitalised."""
    words = [w for w in heading.split() if len(w) > 3 and w[0].isalpha()]
    return sum(w[0].isupper() for w in words) > 0.6 * len(words)


def named_places(
    candidates: list[Candidate], dateline: Place | None, among: set[str] | None = None
) -> set[str]:
    """The folded names the body gives as places: with a cue or place noun, and the dateline.
    With `among`, only those of these names (the headline's): reading a name's cue costs
    regexes, and most of the body's names are not in the headline."""
    named = set()
    for c in candidates:
        if c.cities or c.admin1:
            key = _fold_word(c.surface)
            if key in named or among is not None and key not in among:
                continue  # a name read once is enough
            if c.noun or c.cued:
                named.add(key)
    return named | ({fold(dateline.name)} if dateline else set())


# "near 57th and Sangamon", "21st & Cleveland": a street corner, not a town
_STREET_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:&|and)\s*$", re.I)
_OUTLET = re.compile(r"\s+[-|–—]\s+")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)
# The event a headline names right after its place: "Gary shooting", "Ocala nightclub".
_EVENT_AFTER = re.compile(
    r"\s+(?:drive-by\s+)?(?:shooting|shootings|shootout|stabbing|attack|bombing|blast|"
    r"explosion|strike|airstrike|raid|clash|clashes|massacre|siege|nightclub|bar|party|"
    r"house\s+party|home|school|church|mosque|market|hospital|police|hike)\b",
    re.IGNORECASE,
)
