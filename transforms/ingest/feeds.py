"""RSS 0.9x/1.0/2.0 and Atom feeds -> entries, each with its article text or a page to fetch.

feedparser is given bytes, never a string: a string that looks like a URL would be fetched.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime

from transforms.ingest.html import record_from_html
from transforms.ingest.rejects import Rejected
from transforms.text import normalize_whitespace


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry. `record` is set when the feed carries the article's text (or nothing better)."""

    origin: str  # <feed>#<entry id>
    feed: str  # the feed's URL or path
    link: str | None  # the article page
    metadata: dict  # title, url, published_at, source: from the entry, preferred over the page's
    record: dict | None  # a full article record; None when only a summary came and a page exists


def parse_feed(raw: bytes, feed_origin: str) -> list[FeedEntry]:
    """The entries of a feed document. Raises Rejected("malformed_feed") when it is not a feed."""
    import feedparser

    parsed = feedparser.parse(raw)
    error = parsed.get("bozo_exception")
    # Encoding and content-type mismatches are harmless; broken XML is not: feedparser's loose
    # parser then guesses, and an entry's text may have swallowed the rest of the document.
    if parsed.bozo and not isinstance(error, feedparser.ThingsNobodyCaresAboutButMe):
        raise Rejected("malformed_feed", f"not well-formed RSS/Atom XML: {error}")
    if not parsed.entries:
        if not parsed.get("version"):
            raise Rejected("malformed_feed", "not an RSS or Atom document")
        return []  # a valid feed with no entries today
    source = parsed.feed.get("title")
    return [_entry(entry, index, feed_origin, source) for index, entry in enumerate(parsed.entries)]


def looks_like_feed(raw: bytes) -> bool:
    """A cheap sniff of a document's start for an RSS, RDF or Atom root element."""
    head = raw[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _entry(entry: dict, index: int, feed_origin: str, source: str | None) -> FeedEntry:
    link = entry.get("link") or None
    key = entry.get("id") or link or str(index)
    metadata = {
        "title": entry.get("title"),
        "url": link,
        "published_at": _timestamp(entry.get("published_parsed") or entry.get("updated_parsed")),
        "source": source,
    }
    content = "\n".join(part.get("value", "") for part in entry.get("content") or [])
    summary = entry.get("summary") or ""
    record = None
    if normalize_whitespace(content):
        record = metadata | {"text": _text(content)}
    elif link is None:  # a summary and no page to fetch: the summary is the whole article
        record = metadata | {"text": _text(summary)}
    return FeedEntry(f"{feed_origin}#{key}", feed_origin, link, metadata, record)


def _text(fragment: str) -> str:
    """Plain text of an HTML fragment ('' when it has none: the article stage rejects it)."""
    try:
        return record_from_html(f"<html><body>{fragment}</body></html>")["text"]
    except Rejected:
        return ""


def _timestamp(parsed: object) -> datetime | None:
    """feedparser's UTC struct_time -> a naive UTC datetime."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError):
        return None
