"""Publication times: ISO text, RFC 2822 dates and epoch numbers, within a plausible range."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Years a news article can have been published in; outside them a date is a data error.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
# Epoch numbers above this are milliseconds (1e11 seconds is the year 5138).
MILLISECONDS_FROM = 1e11
_EPOCH_TEXT = re.compile(r"^-?\d{9,13}(\.\d+)?$")


def parse_timestamp(value: object) -> datetime | None:
    """A naive UTC datetime from ISO text, an RFC 2822 date, an epoch number or a datetime.

    None when the value is empty, unreadable, a boolean, or outside EARLIEST_YEAR..LATEST_YEAR.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, int | float):
        parsed = _from_epoch(value)
    elif isinstance(value, str):
        parsed = _parse_text(value.strip())
    else:
        return None
    if parsed is not None and parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except (OverflowError, ValueError):  # year 1 or 9999 pushed past the range by its offset
            return None
    if parsed is None or not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        return None
    return parsed


def _from_epoch(seconds: float) -> datetime | None:
    if abs(seconds) >= MILLISECONDS_FROM:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_text(text: str) -> datetime | None:
    if _EPOCH_TEXT.match(text):
        return _from_epoch(float(text))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
