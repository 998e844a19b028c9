"""The primary event of an article (docs/data-model.md): the headline's and the lead's event.

The headline is read for its figures and the kind of event it names ("Air strikes kill 45 in
Aleppo"); they belong to the reported mention the lead opens. Its capitalised words are no
evidence of place (a headline capitalises every word), so place reading sees it blanked out.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.cues import Gated, gated
from transforms.extract.dates import MONTHS, may_name_a_date, resolve_date, resolve_folded_date
from transforms.extract.event_days import blank_statement_days, event_day_cue
from transforms.extract.records import Figure, Mention
from transforms.text import Sentence, compile_folded, fold_case, has_digit

_CONFLICT_WORDS = r"(?:civil\s+)?war|conflict|rebellion|uprising|turmoil|revolt|insurgency|crisis|violence|bloodshed"
# A total over a war or its years, in words no single event uses (folded text; mentions.py adds
# it to its aggregate cues): "the conflict has killed more than 300,000", "more than 150,000
# people have been killed in the three-year-old rebellion".
WAR_TOTAL = (
    rf"\b(?:{_CONFLICT_WORDS})\b[^.;]{{0,80}}?\b(?:has|have|had)\s+(?:so\s+far\s+|now\s+)?"
    r"(?:killed|claimed|left|cost)\b"
    rf"|\b(?:have|has)\s+(?:been\s+)?(?:killed|died|left)\b[^.;]{{0,80}}?\b(?:{_CONFLICT_WORDS})\b"
    r"|\b(?:\d{2,3},?\d{3}|hundreds\s+of\s+thousands|tens\s+of\s+thousands)\s+(?:people\s+|syrians\s+)?"
    r"(?:have|had)\s+(?:been\s+killed|died|lost\s+their\s+lives)\b"
    # "seven days of airstrikes had left more than 75 dead": a campaign's total (but "died
    # during three days of fighting" is the event's)
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:days|weeks|months|years)\s+of"
    r"\s+(?:fighting|air\s*strikes|raids|bombing|bombardment|shelling|clashes|violence|war|conflict)\b"
    r"[^.;]{0,80}?\b(?:have|has|had)\s+(?:left|killed|claimed)\b"
)
# An earlier event the sentence recalls: "the attack comes one week after a bomber ... killed 29".
EARLIER_EVENT = (
    r"\b(?:comes?|came|follows?|followed)\s+(?:just\s+|only\s+)?(?:(?:a|an|one|two|three|four|five|six"
    r"|seven|several|\d+)\s+)?(?:hours?|days?|weeks?|months?)\s+after\b"
)


def blank_heading(text: str, heading_end: int) -> str:
    """The text with its headline turned to spaces, so offsets still match."""
    return " " * heading_end + text[heading_end:] if heading_end else text


def heading_sentences(sentences: list[Sentence], heading_end: int) -> list[Sentence]:
    return [s for s in sentences if s.start < heading_end]


def heading_figures(by_sentence: dict[int, list[Figure]], headings: list[Sentence]) -> list[Figure]:
    """The figures the headline states, to go with the lead's (restatements of one toll are
    added up: the mention's total is the headline's or the body's, the larger)."""
    found = [figure for s in headings for figure in by_sentence.get(s.index, [])]
    for figure in found:
        figure.headline = True
    return found


def awaits_toll(mention: Mention) -> bool:
    """Whether the mention is the primary event with no toll yet: the lead named the event
    ("police made an arrest in the fatal shooting"), and the first figures further down are its
    own unless they point to another event."""
    return mention.role == "reported" and not any(f.counted for f in mention.figures)


def type_from_heading(mention: Mention, heading: tuple[str | None, str | None, str | None]) -> None:
    """The headline's kind of event when it names one: it says what the article is about,
    where the lead may open on a detail."""
    weapon, event_type, sub_event_type = heading
    if event_type is None:
        return
    if mention.event_type is None or weapon is not None and mention.weapon is None:
        mention.weapon = weapon or mention.weapon
        mention.event_type, mention.sub_event_type = event_type, sub_event_type


# The article's own date, as its dateline or date line gives it: "Sun 05 Jul 2015 ...",
# "Date of publication 3 October 2016", "Last updated at Oct 042017", "Reuters Tuesday 6 May
# 2014", "INDIANAPOLIS (July 3, 2015) -", "(05/24/15) -". Relative days resolve against it.
_MONTH = r"(?P<{}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"(?P<d1>\d{{1,2}})\s+{_MONTH.format('m1')},?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|{_MONTH.format('m2')}\s+(?P<d2>\d{{1,2}}),?\s*(?P<y2>(?:19|20)\d\d)"
    r"|(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y3>(?:19|20)\d\d|\d\d)"
)
_WIRES = ("reuters", "afp", "ap", "xinhua", "anadolu", "sana")
# Where a dateline stands: at the start of a sentence (after "Published" and the like), after a
# wire service's name and a weekday, or in brackets after the place.
_DATELINES = [
    compile_folded(pattern)
    for pattern in (
        rf"^\W*(?:(?:published|date\s+of\s+publication|last\s+updated\s+at|updated)\s*:?\s*)?{_WEEKDAY}(?:{_DATE})\b",
        rf"\b(?:{'|'.join(_WIRES)})\s+{_WEEKDAY}(?:{_DATE})\b",
        rf"^[^()]{{0,60}}\(\s*(?:{_DATE})\s*\)",
        # "KANSAS CITY, Mo. - UPDATE July 16, 3:03 p.m.:" an update's date
        rf"^[^:]{{0,60}}?\bupdated?\s*:?\s+{_MONTH.format('m4')}\s+(?P<d4>\d{{1,2}})(?:,?\s*(?P<y4>(?:19|20)\d\d))?\b",
        # "PORT-AU-PRINCE, Feb 27 (Reuters) -": the year is the publication's
        rf"^[^,.]{{2,40}},\s+{_MONTH.format('m4')}\s+(?P<d4>\d{{1,2}})(?:,?\s*(?P<y4>(?:19|20)\d\d))?\s*(?=\(|[-–—])",
    )
]
# The unanchored search after a wire's name is the costly one: only a text that holds a name
# is searched (few do; "ap" is too short for cues.literal_cues); "update" gates the update's.
_DATELINES[1] = Gated(_DATELINES[1], _WIRES)
_DATELINES[3] = gated(_DATELINES[3])
_MONTH_NUMBERS = {name[:3]: number for name, number in MONTHS.items()}


def article_date(text: str, heading_end: int, published: date | None) -> date | None:
    """The date relative days resolve against: the dateline's near the start of the body, or
    else the publication date."""
    body = text[heading_end : heading_end + 200]
    for sentence_start in (0, *(m.end() for m in re.finditer(r"[.!?]\s+", body))):
        found = _dateline(fold_case(body[sentence_start:]), published)
        if found is not None:
            return found[0]
    return published


def resolve_event_date(text: str, anchor: date | None) -> tuple[date | None, str | None]:
    """resolve_date on a sentence without its dateline (the article's date is no event's) and
    without the days that date a statement ("police said Saturday"); a clause that dates the
    event itself ("injuries she sustained Jan. 2") comes first. A date after the article's own
    is none (a trial or a funeral set for later)."""
    folded = fold_case(text)  # folded once: each step below keeps offsets
    if not may_name_a_date(folded):  # a dateline and a statement's day need one too
        return None, None
    folded = blank_statement_days(_without_dateline(folded, anchor))
    cue = event_day_cue(folded)
    found = resolve_date(folded[cue:], anchor) if cue else (None, None)
    return _not_after(found if found[0] else resolve_folded_date(folded, anchor), anchor)


def resolve_statement_date(text: str, anchor: date | None) -> tuple[date | None, str | None]:
    """The day a sentence dates anything on, its statement's included: the reported event's
    date when no sentence of it gives the event's own ("Four people were shot, police said
    Saturday")."""
    folded = fold_case(text)
    if not may_name_a_date(folded):
        return None, None
    return _not_after(resolve_folded_date(_without_dateline(folded, anchor), anchor), anchor)


def _not_after(found: tuple[date | None, str | None], anchor: date | None):
    stated = found[0]
    return (None, None) if stated and anchor and stated > anchor else found


def _without_dateline(folded: str, anchor: date | None) -> str:
    """The folded text with its dateline, if it opens with one, turned to spaces."""
    found = _dateline(folded, anchor)
    if found is None:
        return folded
    start, end = found[1]
    return folded[:start] + " " * (end - start) + folded[end:]


def _dateline(folded: str, published: date | None) -> tuple[date, tuple[int, int]] | None:
    """The date of the dateline the folded text opens with (in its first 160 characters)."""
    folded = folded[:160]
    if not has_digit(folded):
        return None  # every dateline form has a day's or a year's digits
    for pattern in _DATELINES:
        match = pattern.search(folded)
        value = _date_of(match, published) if match else None
        if value is not None:
            return value, match.span()
    return None


def _date_of(match: re.Match, published: date | None) -> date | None:
    groups = match.groupdict()
    try:
        if groups.get("d4"):
            return _month_day(groups, published)
        if groups["d1"]:
            return date(int(groups["y1"]), _MONTH_NUMBERS[groups["m1"]], int(groups["d1"]))
        if groups["d2"]:
            return date(int(groups["y2"]), _MONTH_NUMBERS[groups["m2"]], int(groups["d2"]))
        a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y3"])
        year = year + 2000 if year < 100 else year
        # "/" is month first (US), "." and "-" day first
        month, day = (a, b) if groups["sep"] == "/" else (b, a)
        return date(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None


def _month_day(groups: dict, published: date | None) -> date | None:
    """ "Feb 27" in a dateline: of the year given, else the latest on or before publication."""
    month, day = _MONTH_NUMBERS[groups["m4"]], int(groups["d4"])
    if groups["y4"]:
        return date(int(groups["y4"]), month, day)
    if published is None:
        return None
    found = date(published.year, month, day)
    # an update a few days after publication keeps its year
    return found if (found - published).days <= 7 else date(published.year - 1, month, day)
