"""Turning raw records (a JSON object, a CSV row, a text file) into `articles` rows or rejects."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from transforms.ingest.rejects import Rejected
from transforms.ingest.urls import canonical_url
from transforms.text import article_id, stable_id

__all__ = ["Rejected", "article_from_record", "reject_row", "parse_timestamp", "utc_now"]

MAX_PAYLOAD_CHARS = 65_536  # rejects keep the raw input up to this size, then truncate
BODY_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published_at", "date", "pubDate", "published")
SOURCE_FIELDS = ("source", "source_name", "outlet")
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2}([-_][A-Za-z]{2})?$")


def article_from_record(record: dict, origin: str) -> dict:
    """An `articles` row (without run fields) from a mapping with a body and optional metadata."""
    if not isinstance(record, dict):
        raise Rejected("malformed_record", f"expected an object, got {type(record).__name__}")
    body = _first(record, BODY_FIELDS)
    if not isinstance(body, str) or not body.strip():  # strip() drops what split() would
        raise Rejected("empty_text", "no text in any of the fields " + ", ".join(BODY_FIELDS))
    body = body.strip()
    language = _language(record, body)
    return {
        "article_id": article_id(body),
        "url": canonical_url(_as_text(_first(record, URL_FIELDS))),
        "source_name": _as_text(_first(record, SOURCE_FIELDS)),
        "title": _as_text(_first(record, TITLE_FIELDS)),
        "published_at": parse_timestamp(_first(record, DATE_FIELDS)),
        "language": language,
        "body": body,
        "body_chars": len(body),
        "origin": origin,
    }


def _language(record: dict, body: str) -> str:
    """The article's language: a code the record states, else detected. Only English is taken."""
    from transforms.ingest.language import SUPPORTED_LANGUAGES, unsupported_language

    stated = _as_text(record.get("language") or record.get("lang"))
    if stated and _LANGUAGE_CODE.match(stated):
        code = stated[:2].lower()
        if code not in SUPPORTED_LANGUAGES:
            raise Rejected("unsupported_language", f"the record says its language is {stated}")
        return code
    detected = unsupported_language(body)
    if detected:
        raise Rejected("unsupported_language", f"detected language {detected}")
    return "en"


def reject_row(
    stage: str,
    reason: str,
    detail: str,
    origin: str,
    payload: str | bytes | None,
    run_id: str | None = None,
    key: str | None = None,
) -> dict:
    """A `rejects` row. The id is stable, so re-running on the same bad input adds no row.

    `key` replaces the payload in the id when the payload may vary between runs for the same
    problem (an error page with a timestamp in it).
    """
    if isinstance(payload, bytes):
        payload = payload[: 4 * MAX_PAYLOAD_CHARS].decode("utf-8", errors="replace")
    payload = (payload or "")[:MAX_PAYLOAD_CHARS]
    return {
        "reject_id": stable_id(stage, reason, origin, payload if key is None else key),
        "stage": stage,
        "reason": reason,
        "detail": detail,
        "origin": origin,
        "payload": payload,
        "run_id": run_id,
        "rejected_at": utc_now(),
    }


def parse_timestamp(value: object) -> datetime | None:
    """A naive UTC datetime from an ISO string, an RFC 2822 date or a datetime; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        parsed = _parse_text_timestamp(str(value).strip())
        if parsed is None:
            return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except (OverflowError, ValueError):  # year 1 or 9999 pushed past the range by its offset
            return None
    return parsed


def _parse_text_timestamp(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _first(record: dict, fields: tuple[str, ...]) -> object:
    for name in fields:
        for key in (name, name.lower(), name.capitalize()):
            if record.get(key) not in (None, ""):
                return record[key]
    return None


def _as_text(value: object) -> str | None:
    return None if value is None else str(value).strip() or None
