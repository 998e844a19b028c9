"""Event dates: explicit dates and relative expressions resolved against the publication date.

`resolve_date(text, published)` gives (date, precision) for the first date expression of a text,
explicit forms before relative ones. Precision is honest: "last week" is a `week`, "in June" a
`month`, "in 2019" a `year`. A date without a year, or a relative one, needs `published`;
without it the result is (None, None) rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from transforms.cues import gated, holds_any
from transforms.ingest.timestamps import EARLIEST_YEAR, LATEST_YEAR
from transforms.text import (
    compile_folded,
    first_matching,
    fold_case,
    has_digit,
    priority_regexes,
)

AFTER_PUBLICATION = timedelta(days=1)  # an event can be dated a day after its report (time zones)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_MONTH_YEAR = compile_folded(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"
)
_MONTH_DAY_YEAR = compile_folded(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{3}}\b|:)"
    rf"(?:,?\s+{_YEAR}\b)?",
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# 02/24/2012 (US), 24/02/2012, 31.07.2023 (day first), with / . or -
_NUMERIC = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)\b"
)
_MONTH_YEAR = compile_folded(rf"\b(?:in\s+|during\s+|since\s+)?{_MONTH}\s+{_YEAR}\b")
_IN_MONTH = compile_folded(
    rf"\b(?:in|during|since|early|late|mid)[\s-]+{_MONTH}(?!\s+\d)(?:\s+{_YEAR})?\b"
)
_IN_YEAR = compile_folded(rf"\b(?:in|during|since)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b")
_WEEKDAY = compile_folded(
    r"\b(?:on\s+|(?P<last>last\s+)|this\s+|early\s+|late\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
)
_RELATIVE_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "earlier today": 0,
    "yesterday": 1,
    "the previous day": 1,
    "the day before": 1,
    "a day earlier": 1,
    "last night": 1,
    # "overnight" in a report is the night that ended on its day: coders date it to the report
    "overnight": 0,
    "the previous night": 1,
    "two days ago": 2,
    "three days ago": 3,
}
# "over the past two days", "in three days of clashes": a span that ends on the report's day,
# dated (as coders date a multi-day event) on its first day
_DAY_SPAN = compile_folded(
    r"\b(?:(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<past>two|three|2|3)\s+days"
    r"|(?P<of>two|three|2|3)\s+days\s+of\s+(?:fighting|clashes|air\s*strikes|raids|bombing"
    r"|bombardment|shelling|violence|battles?))\b"
)
_SPAN_DAYS = {"two": 2, "three": 3, "2": 2, "3": 3}
_RELATIVE = compile_folded(
    r"\b(" + "|".join(sorted(map(re.escape, _RELATIVE_DAYS), key=len, reverse=True)) + r")\b",
)
# Gated by their literal cues (transforms/cues.py): a month's or a day's name, "days", ...
_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR, _IN_MONTH, _WEEKDAY, _DAY_SPAN, _RELATIVE = map(
    gated,
    (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR, _IN_MONTH, _WEEKDAY, _DAY_SPAN, _RELATIVE),
)
# (pattern, days back from publication, precision), the first that matches wins
_RELATIVE_SPANS = [
    (r"\b(?:over|during|at|on) the weekend\b|\bthis weekend\b", "weekend", "week"),
    (r"\blast weekend\b", "weekend", "week"),
    (r"\blast week\b|\ba week ago\b|\bthe previous week\b", 7, "week"),
    (r"\b(?:earlier )?this week\b", 0, "week"),
    (r"\b(?:earlier|late|early) this month\b|\bthis month\b", "month", "month"),
    (r"\blast month\b|\ba month ago\b|\bthe previous month\b", "last_month", "month"),
    (r"\blast year\b|\ba year ago\b|\bthe previous year\b", "last_year", "year"),
    (r"\b(?:earlier )?this year\b", "year", "year"),
]
_SPAN_REGEXES = priority_regexes([pattern for pattern, _, _ in _RELATIVE_SPANS])
# Words that every match of a finder contains (in folded text): a text with none of them is not
# searched. Each month name starts with its three-letter abbreviation.
_MONTH_CUES = tuple(sorted({name[:3] for name in MONTHS}))
_RELATIVE_DAY_CUES = ("day", "night", "morning", "afternoon", "evening")
_SPAN_CUES = ("week", "month", "year")
# A year of _YEAR starts "19" or "20": a text with neither holds no numeric date nor "in 2019"
# (two `in` tests, where _NUMERIC and _IN_YEAR are searched in every text with a digit).
_YEAR_CUES = ("19", "20")
# The month patterns' cues are the months' (_MONTH_CUES): a finder that has found one searches
# the patterns themselves, not their gates again.
_NAMED_DAYS = (_DAY_MONTH_YEAR.regex, _MONTH_DAY_YEAR.regex)
_MONTH_YEAR_SEARCH, _IN_MONTH_SEARCH = _MONTH_YEAR.regex.search, _IN_MONTH.regex.search
# Every finder of resolve_date needs a digit or one of these (the cues above, "day" of the
# weekdays): about half of a news story's sentences have neither and are dated at once.
_DATE_CUES = (*_RELATIVE_DAY_CUES, *_SPAN_CUES, *_MONTH_CUES)


def may_name_a_date(folded: str) -> bool:
    """False when resolve_date would find nothing in the folded text: no digit, and none of
    the words that its relative, weekday, span and month finders need."""
    return has_digit(folded) or holds_any(folded, _DATE_CUES)


def resolve_date(text: str, published: date | None) -> tuple[date | None, str | None]:
    """The date a text's event happened on, and its precision (day, week, month, year).

    A date outside EARLIEST_YEAR..LATEST_YEAR, or after publication (plus a day for time
    zones), is never given: "9999-12-27" in a text is a data error, not an event date.
    """
    text = fold_case(text)
    if not may_name_a_date(text):
        return None, None
    return resolve_folded_date(text, published)


def resolve_folded_date(folded: str, published: date | None) -> tuple[date | None, str | None]:
    """resolve_date of a fold_case text, which the caller has found may name a date (the
    finders each test their own cues: the gate only saves their calls)."""
    text = folded
    if published is not None and not EARLIEST_YEAR <= published.year <= LATEST_YEAR:
        published = None  # an absurd publication date anchors nothing
    for finder in (_explicit_day, _relative_day, _weekday, _relative_span, _month, _year):
        found = finder(text, published)
        if found is not None and _plausible(found[0], published):
            return found
    return None, None


def _plausible(value: date, published: date | None) -> bool:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return False
    return published is None or value <= published + AFTER_PUBLICATION


def _explicit_day(text: str, published: date | None):
    if not has_digit(text):
        return None
    named = holds_any(text, _MONTH_CUES)
    iso = (_ISO,) if _digit_dash_digit(text) else ()  # "2023-07-31"
    for pattern in (*iso, *_NAMED_DAYS) if named else iso:
        for match in pattern.finditer(text):
            resolved = _explicit(match, published)
            if resolved:
                return resolved, "day"
    for match in _NUMERIC.finditer(text) if holds_any(text, _YEAR_CUES) else ():
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
        # "/" is read month-first unless that is impossible; "." day-first (European).
        month_first = match.group("sep") == "/" and a <= 12 or b > 12
        month, day = (a, b) if month_first else (b, a)
        try:
            return date(year, month, day), "day"
        except ValueError:
            continue
    return None


def _digit_dash_digit(text: str) -> bool:
    """Whether a "-" stands between two digits, as in every _ISO match: most texts with a
    digit and a hyphen have none ("al-Shabaab", "12-year-old"), and the finds cost less than
    the search (str.isdigit holds for every character \\d matches)."""
    dash = text.find("-")
    while dash != -1:
        if dash and text[dash - 1].isdigit() and text[dash + 1 : dash + 2].isdigit():
            return True
        dash = text.find("-", dash + 1)
    return False


def _relative_day(text: str, published: date | None):
    if published is None or not holds_any(text, _RELATIVE_DAY_CUES):
        return None
    match = _RELATIVE.search(text)
    if match:
        return published - timedelta(days=_RELATIVE_DAYS[match.group(1).lower()]), "day"
    span = _DAY_SPAN.search(text) if "days" in text else None
    if span:
        return published - timedelta(days=_SPAN_DAYS[span.group("past") or span.group("of")]), "day"
    return None


def _weekday(text: str, published: date | None):
    if published is None or "day" not in text:  # every weekday name ends in "day"
        return None
    match = _WEEKDAY.search(text)
    if match:
        weekday = WEEKDAYS.index(match.group("weekday").lower())
        if match.group("last"):  # "last Thursday" is never the report's own day
            return _last_weekday(published - timedelta(days=1), weekday), "day"
        return _last_weekday(published, weekday), "day"
    return None


def _relative_span(text: str, published: date | None):
    if published is None or not holds_any(text, _SPAN_CUES):
        return None
    index = first_matching(_SPAN_REGEXES, text)
    if index is not None:
        _, back, precision = _RELATIVE_SPANS[index]
        if back == "weekend":  # the Saturday of the latest weekend on or before publication
            return _last_weekday(published, 5), precision
        if back == "month":
            return published.replace(day=1), precision
        if back == "last_month":
            return (published.replace(day=1) - timedelta(days=1)).replace(day=1), precision
        if back == "last_year":
            return date(published.year - 1, 1, 1), precision
        if back == "year":
            return date(published.year, 1, 1), precision
        return published - timedelta(days=published.weekday() + back), precision
    return None


def _month(text: str, published: date | None):
    if not holds_any(text, _MONTH_CUES):
        return None
    # (a year of _MONTH_YEAR starts "19" or "20", as _YEAR_CUES says)
    match = _MONTH_YEAR_SEARCH(text) if holds_any(text, _YEAR_CUES) else None
    if match:
        return date(int(match.group("year")), _month_number(match.group("month")), 1), "month"
    match = _IN_MONTH_SEARCH(text)
    if match and (match.group("year") or published):
        month = _month_number(match.group("month"))
        if match.group("year"):
            year = int(match.group("year"))
        else:
            year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), "month"
    return None


def _year(text: str, published: date | None):
    match = _IN_YEAR.search(text) if holds_any(text, _YEAR_CUES) else None
    if match:
        return date(int(match.group("year")), 1, 1), "year"
    return None


def names_a_day(text: str) -> bool:
    """Whether the text names a day with its month ("on Sept. 12", "21 November")."""
    text = fold_case(text)
    if not has_digit(text) or not holds_any(text, _MONTH_CUES):
        return False
    return any(p.search(text) for p in reversed(_NAMED_DAYS))


def date_range(value: date, precision: str | None) -> tuple[date, date]:
    """The first and last day a (date, precision) can stand for."""
    if precision == "week":
        return value, value + timedelta(days=6)
    if precision == "month":
        following = (value.replace(day=28) + timedelta(days=4)).replace(day=1)
        return value, following - timedelta(days=1)
    if precision == "year":
        return value, date(value.year, 12, 31)
    return value, value


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")] if not name.isdigit() else int(name)


def _explicit(match: re.Match, published: date | None) -> date | None:
    year = match.group("year")
    if year is None and published is None:
        return None
    try:
        month = _month_number(match.group("month"))
        candidate = date(int(year or published.year), month, int(match.group("day")))
    except ValueError:
        return None
    if year is None and published and candidate > published:
        candidate = candidate.replace(year=candidate.year - 1)
    return candidate


def _last_weekday(published: date, weekday: int) -> date:
    """The latest date on or before publication that falls on the weekday."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def as_date(value: object) -> date | None:
    """A date from a date, a datetime or ISO text; None when empty, unreadable or outside
    EARLIEST_YEAR..LATEST_YEAR (a publication year 9999 stored before ingest bounded it)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif not isinstance(value, date):
        try:
            value = datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None
