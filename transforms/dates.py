"""Event dates: explicit dates and relative expressions resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_IN_MONTH = re.compile(rf"\bin\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:on\s+|last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_RELATIVE_DAYS = {
    "today": 0,
    "this morning": 0,
    "tonight": 0,
    "yesterday": 1,
    "the previous day": 1,
    "the day before": 1,
    "last night": 1,
}
_RELATIVE = re.compile(r"\b(" + "|".join(map(re.escape, _RELATIVE_DAYS)) + r")\b", re.I)


def resolve_date(text: str, published: date | None) -> tuple[date | None, str | None]:
    """The date a sentence's event happened on, and its precision (day, week, month, year)."""
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(text)
        if match:
            resolved = _explicit(match, published)
            if resolved:
                return resolved, "day"
    match = _RELATIVE.search(text)
    if match and published:
        return published - timedelta(days=_RELATIVE_DAYS[match.group(1).lower()]), "day"
    match = _WEEKDAY.search(text)
    if match and published:
        return _last_weekday(published, WEEKDAYS.index(match.group("weekday").lower())), "day"
    match = _IN_MONTH.search(text)
    if match and published:
        month = _month_number(match.group("month"))
        year = int(
            match.group("year")
            or (published.year if month <= published.month else published.year - 1)
        )
        return date(year, month, 1), "month"
    return None, None


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
