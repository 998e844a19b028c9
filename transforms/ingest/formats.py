"""A file's bytes -> the items in it: article records, feed entries, or what could not be read.

Each item comes with its origin: the path, `path#index` for an element of a JSON list,
`path:line` for a JSON Lines or CSV row, `path#entry-id` for a feed entry.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from transforms.ingest.articles import MAX_PAYLOAD_CHARS, article_from_record, reject_row
from transforms.ingest.encoding import decode_bytes
from transforms.ingest.feeds import FeedEntry, looks_like_feed, parse_feed
from transforms.ingest.html import record_from_html
from transforms.ingest.rejects import Rejected

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".json", ".jsonl", ".ndjson", ".csv"}
)

STAGE = "ingest"
WARNING_STAGE = "ingest_warning"  # a note about an article that was kept, in `rejects`
Item = dict | FeedEntry | Rejected
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KiB default


def file_suffix(path: str) -> str:
    """PurePosixPath(path).suffix without PurePath, which interns every part of the path:
    after an ingest of 100k files, Python's table of interned strings still held 7.7 MB."""
    return _stem_and_suffix(path)[1]


def file_stem(path: str) -> str:
    """PurePosixPath(path).stem, likewise."""
    return _stem_and_suffix(path)[0]


def _stem_and_suffix(path: str) -> tuple[str, str]:
    parts = [part for part in path.split("/") if part and part != "."]
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def items_from_bytes(path: str, raw: bytes) -> Iterator[tuple[str, Item]]:
    """Every item in one file. Raises Rejected for a file that cannot be read as a whole."""
    suffix = file_suffix(path).lower()
    if suffix in FEED_SUFFIXES:
        for entry in parse_feed(raw, path):
            yield entry.origin, entry
        return
    text = decode_bytes(raw)
    if suffix == ".json":
        yield from _some(_json_items(path, text))
    elif suffix in (".jsonl", ".ndjson"):
        yield from _some(_json_line_items(path, text))
    elif suffix == ".csv":
        yield from _some(_csv_items(path, text))
    elif suffix in HTML_SUFFIXES:
        yield path, record_from_html(text)
    else:
        yield path, {"text": text, "title": file_stem(path)}


def items_from_response(url: str, raw: bytes, content_type: str) -> Iterator[tuple[str, Item]]:
    """The items of a fetched document: a feed's entries, or one article page."""
    is_xml = content_type.endswith("xml") and "html" not in content_type
    if "rss" in content_type or "atom" in content_type or is_xml or looks_like_feed(raw):
        for entry in parse_feed(raw, url):  # other XML (a sitemap) is a malformed feed
            yield entry.origin, entry
        return
    text = decode_bytes(raw)
    if "html" in content_type or "<html" in text[:4096].lower():
        yield url, record_from_html(text, url)
    else:
        yield url, {"text": text, "url": url}


def _some(items: Iterator[tuple[str, Item]]) -> Iterator[tuple[str, Item]]:
    """The items; a file of records with none at all (empty, `[]`, a lone header) is rejected."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        raise Rejected("empty_text", "no records in the file")


def _json_items(path: str, text: str) -> Iterator[tuple[str, Item]]:
    data = _load_json(text, "invalid JSON")
    if not isinstance(data, list):
        yield path, data
        return
    for index, item in enumerate(data):
        yield f"{path}#{index}", item


def _json_line_items(path: str, text: str) -> Iterator[tuple[str, Item]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{number}", _load_json(line, "invalid JSON line")
        except Rejected as rejected:  # this line only: the next one may be fine
            rejected.payload = line  # the raw line, as the README promises
            yield f"{path}:{number}", rejected


def _load_json(text: str, what: str) -> object:
    """json.loads with every failure as a reject: syntax, nesting too deep, huge integers."""
    try:
        return json.loads(text)
    except RecursionError:
        raise Rejected("malformed_json", f"{what}: nested too deeply to read") from None
    except ValueError as error:  # JSONDecodeError, or an integer over Python's digit limit
        raise Rejected("malformed_json", f"{what}: {error}") from None


def _csv_items(path: str, text: str) -> Iterator[tuple[str, Item]]:
    """One item a row. Read row by row (not DictReader) so a message gives the true counts."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error as error:
        raise Rejected("malformed_csv", f"unreadable header: {error}") from error
    if not {"text", "body", "content"} & set(header):
        raise Rejected("malformed_csv", "no text, body or content column in the header")
    while True:
        line = reader.line_num + 1  # where the next row starts (it may span several lines)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # the rest of the file cannot be trusted: stop here
            yield f"{path}:{line}", Rejected("malformed_csv", f"line {line}: {error}")
            return
        if not row:  # a blank line
            continue
        if len(row) != len(header):
            detail = f"row has {len(row)} fields, header has {len(header)}"
            yield f"{path}:{line}", Rejected("malformed_csv", detail, payload=",".join(row))
        else:
            yield f"{path}:{line}", dict(zip(header, row, strict=True))


@dataclass(slots=True)
class Harvest:
    """What one or more inputs gave: new candidate articles, rejects, and pages still to fetch."""

    articles: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    pages: list[FeedEntry] = field(default_factory=list)  # entries that carry only a summary
    # `rejects` rows with stage WARNING_STAGE about articles that were kept (an unreadable date)
    warnings: list[dict] = field(default_factory=list)

    def extend(self, other: Harvest) -> None:
        self.articles.extend(other.articles)
        self.rejects.extend(other.rejects)
        self.pages.extend(other.pages)
        self.warnings.extend(other.warnings)


def harvest(origin: str, raw: bytes, items: Iterator[tuple[str, Item]]) -> Harvest:
    """Articles and rejects from the items of one input. Never raises for bad content.

    A problem with the whole input (a broken JSON document, a binary file) becomes one reject
    keeping the raw bytes; a problem with one item becomes a reject for that item only.
    """
    found = Harvest()
    try:
        for item_origin, item in items:
            _collect(found, item_origin, item)
    except Rejected as rejected:
        found.rejects.append(reject_row(STAGE, rejected.reason, rejected.detail, origin, raw))
    except Exception as error:  # a parser bug on strange input must not stop the run
        detail = f"{type(error).__name__}: {error}"
        found.rejects.append(reject_row(STAGE, "unparseable", detail, origin, raw))
    return found


def _collect(found: Harvest, origin: str, item: Item) -> None:
    try:
        if isinstance(item, Rejected):
            raise item
        if isinstance(item, FeedEntry):
            if item.record is None:
                found.pages.append(item)
                return
            item = item.record
        warnings: list[tuple[str, str]] = []
        found.articles.append(article_from_record(item, origin, warnings))
        found.warnings += [
            reject_row(WARNING_STAGE, reason, detail, origin, _payload(item))
            for reason, detail in warnings
        ]
    except Rejected as rejected:
        found.rejects.append(
            reject_row(STAGE, rejected.reason, rejected.detail, origin, _payload(item))
        )


def _payload(item: object) -> str | bytes:
    if isinstance(item, Rejected):
        return item.detail if item.payload is None else item.payload
    try:
        return json.dumps(item, default=str, ensure_ascii=False)
    except (RecursionError, ValueError):  # a record nested near json's limit
        return repr(item)[: 4 * MAX_PAYLOAD_CHARS]
