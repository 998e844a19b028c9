"""Sources on disk: finding files, reading them into candidate articles, URL-list files.

File I/O lives here; the parsing of what a file holds is in transforms/ingest/formats.py.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from transforms.ingest.articles import reject_row
from transforms.ingest.formats import STAGE, SUPPORTED_SUFFIXES, Harvest, harvest, items_from_bytes
from transforms.ingest.urls import looks_like_url
from transforms.text import stable_id

MAX_FILE_BYTES = 50 * 1024 * 1024
# Bump when reading rules change, so files already read are read again with the new rules.
INGEST_VERSION = "2"


class SourceError(ValueError):
    """A source given by the user does not exist or cannot be read at all."""


def split_sources(sources: list[str]) -> tuple[list[str], list[str]]:
    """(paths and globs, URLs): anything with a scheme is fetched, the rest is on disk."""
    urls = [s for s in sources if looks_like_url(s)]
    return [s for s in sources if not looks_like_url(s)], urls


def discover(sources: list[str]) -> list[str]:
    """Every supported file under the given directories, files and globs, sorted.

    URLs among the sources are skipped here: the ingest flow fetches them.
    """
    found: set[str] = set()
    for source in split_sources(sources)[0]:
        path = Path(source)
        if path.is_dir():
            found.update(_files_under(path))
        elif _is_entry(path):
            found.add(str(path))
        elif any(ch in source for ch in "*?["):
            found.update(p for p in glob.glob(source, recursive=True) if _is_entry(Path(p)))
        else:
            raise SourceError(f"source not found: {source}")
    return sorted(found)


def _files_under(folder: Path) -> Iterator[str]:
    """Supported files anywhere under `folder`. os.walk reads each entry's type from the
    directory listing, where rglob and is_dir/exists cost three stat calls a file (2 s per
    100k files, most of a re-run with nothing new). Like rglob, it does not follow links to
    folders; a link to a file, a broken link, a link loop or a FIFO is listed, for
    read_file to read or reject."""
    top = str(folder)  # spelled as pathlib spells it: the paths are stored as origins
    for directory, _, names in os.walk(top):
        if top == ".":  # pathlib writes "a/b.json" under ".", where os.walk writes "./a/b.json"
            directory = directory[2:]
        prefix = directory + os.sep if directory else ""
        for name in names:
            if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                yield prefix + name


def _is_entry(path: Path) -> bool:
    """A file to read, or something in its place to reject: a symlink loop, a FIFO, a socket.

    Skipping those silently would lose an input without a word; read_file rejects them.
    """
    return not path.is_dir() and (path.is_symlink() or path.exists())


def file_fingerprint(path: str) -> str | None:
    """A `source_state` id for the file as it is now (path, size, mtime); None if it is gone."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stable_id("file", path, stat.st_size, stat.st_mtime_ns, INGEST_VERSION)


def read_file(path: str) -> Harvest:
    """Candidate articles, rejects and feed pages to fetch from one file. Never raises."""
    try:
        status = os.stat(path)  # follows links: a loop raises ELOOP here
        if not stat.S_ISREG(status.st_mode):  # opening a FIFO would block until a writer came
            detail = "not a regular file (a FIFO, socket or device)"
            return Harvest(rejects=[reject_row(STAGE, "unreadable_file", detail, path, None)])
        with open(path, "rb") as handle:
            # Never more than the cap: the file may have grown since it was listed.
            raw = handle.read(64 * 1024 if status.st_size > MAX_FILE_BYTES else MAX_FILE_BYTES + 1)
    except OSError as error:
        return Harvest(rejects=[reject_row(STAGE, "unreadable_file", str(error), path, None)])
    if status.st_size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        detail = f"{max(status.st_size, len(raw))} bytes > {MAX_FILE_BYTES}"
        return Harvest(rejects=[reject_row(STAGE, "oversize", detail, path, raw[: 64 * 1024])])
    return harvest(path, raw, items_from_bytes(path, raw))


def read_files(paths: list[str]) -> Harvest:
    """read_file of each path, in order, gathered into one Harvest. Never raises."""
    found = Harvest()
    for path in paths:
        found.extend(read_file(path))
    return found


def read_url_list(path: str) -> list[str]:
    """The lines of a URL-list file, without blanks and # comments. Raises SourceError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError as error:
        raise SourceError(f"cannot read URL list {path}: {error}") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def expand_urls(entries: list[str]) -> list[str]:
    """URLs from `--urls` values: a URL as it is, anything else read as a URL-list file."""
    urls: list[str] = []
    for entry in entries:
        urls.extend([entry] if looks_like_url(entry) else read_url_list(entry))
    return urls
