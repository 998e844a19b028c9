"""Turning raw records (a JSON object, a CSV row, a text file) into `articles` rows or rejects."""

from __future__ import annotations

from datetime import UTC, datetime

from transforms.text import article_id, normalize_whitespace, stable_id

MAX_PAYLOAD_CHARS = 65_536  # rejects keep the raw input up to this size, then truncate
BODY_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published_at", "date", "pubDate", "published")
SOURCE_FIELDS = ("source", "source_name", "outlet")


class Rejected(Exception):
    """An input item that cannot become an article. `reason` is a stable code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def article_from_record(record: dict, origin: str) -> dict:
    """An `articles` row (without run fields) from a mapping with a body and optional metadata."""
    if not isinstance(record, dict):
        raise Rejected("malformed_record", f"expected an object, got {type(record).__name__}")
    body = _first(record, BODY_FIELDS)
    if not isinstance(body, str) or not normalize_whitespace(body):
        raise Rejected("empty_text", "no text in any of the fields " + ", ".join(BODY_FIELDS))
    body = body.strip()
    return {
        "article_id": article_id(body),
        "url": _as_text(_first(record, URL_FIELDS)),
        "source_name": _as_text(_first(record, SOURCE_FIELDS)),
        "title": _as_text(_first(record, TITLE_FIELDS)),
        "published_at": parse_timestamp(_first(record, DATE_FIELDS)),
        "language": record.get("language"),
        "body": body,
        "body_chars": len(body),
        "origin": origin,
    }


def reject_row(
    stage: str,
    reason: str,
    detail: str,
    origin: str,
    payload: str | bytes | None,
    run_id: str | None = None,
) -> dict:
    """A `rejects` row. The id is stable, so re-running on the same bad input adds no row."""
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    payload = (payload or "")[:MAX_PAYLOAD_CHARS]
    return {
        "reject_id": stable_id(stage, reason, origin, payload),
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
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
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
