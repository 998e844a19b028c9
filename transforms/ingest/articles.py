"""Turning raw records (a JSON object, a CSV row, a text file) into `articles` rows or rejects."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from transforms.ingest.fields import first_field, first_text, lowered_fields, text_of
from transforms.ingest.rejects import Rejected
from transforms.ingest.timestamps import EARLIEST_YEAR, LATEST_YEAR, parse_timestamp
from transforms.ingest.urls import canonical_url
from transforms.text import article_id, stable_id

__all__ = ["Rejected", "article_from_record", "reject_row", "parse_timestamp", "utc_now"]

MAX_PAYLOAD_CHARS = 65_536  # rejects keep the raw input up to this size, then truncate
BODY_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published_at", "date", "pubDate", "published")
SOURCE_FIELDS = ("source", "source_name", "outlet")
LANGUAGE_FIELDS = ("language", "lang")
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2}([-_][A-Za-z]{2})?$")


def article_from_record(
    record: dict, origin: str, warnings: list[tuple[str, str]] | None = None
) -> dict:
    """An `articles` row (without run fields) from a mapping with a body and optional metadata.

    Field names match in any case; list and object values are read as text (fields.py). A
    publication date that is present but unreadable is stored as NULL, and (reason, detail) of
    what was wrong is appended to `warnings` when given.
    """
    if not isinstance(record, dict):
        raise Rejected("malformed_record", f"expected an object, got {type(record).__name__}")
    fields = lowered_fields(record)
    raw_body = first_field(fields, BODY_FIELDS)
    body = None if isinstance(raw_body, int | float) else text_of(raw_body, separator="\n\n")
    # isspace() is split()'s whitespace (NBSP too, which strip() keeps), without a list of words
    if not body or body.isspace():
        raise Rejected("empty_text", "no text in any of the fields " + ", ".join(BODY_FIELDS))
    language = _language(fields, body)
    return {
        "article_id": article_id(body),
        "url": canonical_url(first_text(first_field(fields, URL_FIELDS))),
        "source_name": text_of(first_field(fields, SOURCE_FIELDS)),
        "title": text_of(first_field(fields, TITLE_FIELDS)),
        "published_at": _published_at(first_field(fields, DATE_FIELDS), warnings),
        "language": language,
        "body": body,
        "body_chars": len(body),
        "origin": origin,
    }


def _published_at(value: object, warnings: list[tuple[str, str]] | None) -> datetime | None:
    parsed = parse_timestamp(first_text(value) if isinstance(value, list) else value)
    if parsed is None and value is not None and warnings is not None:
        shown = json.dumps(value, default=str, ensure_ascii=False)[:200]
        warnings.append(
            (
                "unreadable_date",
                f"published_at {shown} is not a date between {EARLIEST_YEAR} and {LATEST_YEAR}: "
                "the article is kept with no publication date",
            )
        )
    return parsed


def _language(fields: dict, body: str) -> str:
    """The article's language: a code the record states, else detected. Only English is taken."""
    from transforms.ingest.language import SUPPORTED_LANGUAGES, unsupported_language

    stated = text_of(first_field(fields, LANGUAGE_FIELDS))
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


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
