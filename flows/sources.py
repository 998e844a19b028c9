"""Reading source files into candidate articles and rejects (file I/O lives here, not in transforms)."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from pathlib import Path

from transforms.articles import Rejected, article_from_record, reject_row

SUPPORTED_SUFFIXES = {".txt", ".md", ".json", ".jsonl"}
MAX_FILE_BYTES = 50 * 1024 * 1024


class SourceError(ValueError):
    """A source given by the user does not exist or cannot be read at all."""


def discover(sources: list[str]) -> list[str]:
    """Every supported file under the given directories, files and globs, sorted."""
    found: set[str] = set()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found.update(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif path.is_file():
            found.add(str(path))
        elif any(ch in source for ch in "*?["):
            found.update(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
        else:
            raise SourceError(f"source not found: {source}")
    return sorted(found)


def read_file(path: str) -> tuple[list[dict], list[dict]]:
    """Candidate articles and rejects from one file. Never raises for bad content."""
    articles: list[dict] = []
    rejects: list[dict] = []
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return [], [reject_row("ingest", "unreadable_file", str(error), path, None)]
    if len(raw) > MAX_FILE_BYTES:
        return [], [
            reject_row(
                "ingest", "oversize", f"{len(raw)} bytes > {MAX_FILE_BYTES}", path, raw[:4096]
            )
        ]
    try:
        for origin, record in _records(path, raw):
            try:
                if isinstance(record, Rejected):
                    raise record
                articles.append(article_from_record(record, origin))
            except Rejected as rejected:
                rejects.append(
                    reject_row("ingest", rejected.reason, rejected.detail, origin, _payload(record))
                )
    except Rejected as rejected:
        rejects.append(reject_row("ingest", rejected.reason, rejected.detail, path, raw))
    return articles, rejects


def _records(path: str, raw: bytes) -> Iterator[tuple[str, dict]]:
    if b"\x00" in raw[:8192]:
        raise Rejected("binary_file", "the file contains NUL bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise Rejected("malformed_json", f"invalid JSON: {error}") from error
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            yield (f"{path}#{index}" if isinstance(data, list) else path), item
    elif suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{number}", _json_line(line)
    else:
        yield path, {"text": text, "title": Path(path).stem}


def _json_line(line: str) -> dict | Rejected:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        return Rejected("malformed_json", f"invalid JSON line: {error}")


def _payload(record: object) -> str:
    if isinstance(record, Rejected):
        return record.detail
    return json.dumps(record, default=str, ensure_ascii=False)
