"""Whether a folded name is one of a town's names, without loading the gazetteer.

Resolution asks only this of the gazetteer (is "Kan Thit" a name of the town the mention is
placed near?), and loading the whole gazetteer for it cost each resolve worker about 105 MB
and 0.4 s. The package ships the answer to every such question as a sorted array of 64-bit
hashes of (folded name, geonameid) pairs (transforms/data/town_names.bin, made with
gazetteer.bin by transforms/data/make_gazetteer.py): about 5 MB, read in milliseconds.
Where the file does not fit the install, the gazetteer answers, as before.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from bisect import bisect_left
from functools import cache
from importlib import resources

from transforms.extract.places.cache import shipped_key
from transforms.extract.places.geonames import Gazetteer

SHIPPED_TOWN_NAMES = "data/town_names.bin"  # in the transforms package


def pair_hash(key: str, geonameid: int) -> int:
    """A 64-bit hash of a folded name and a geonameid: a false match is about 1 in 3e13."""
    digest = hashlib.blake2b(f"{key}\0{geonameid}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def town_name_hashes(gaz: Gazetteer) -> array:
    """pair_hash of every (name key, geonameid of a town it names), sorted."""
    pairs = (
        pair_hash(key, gaz.geonameid[row]) for key in gaz.by_name for row in gaz.cities_of_key(key)
    )
    return array("Q", sorted(set(pairs)))


def town_names_bytes(gaz: Gazetteer) -> bytes:
    """The shipped file: a JSON line with the gazetteer's shipped_key(), then the hashes."""
    hashes = town_name_hashes(gaz)
    if sys.byteorder == "big":
        hashes.byteswap()  # stored little-endian
    return json.dumps(shipped_key(), sort_keys=True).encode() + b"\n" + hashes.tobytes()


def read_town_names(content: bytes) -> tuple[dict, array]:
    header, _, packed = content.partition(b"\n")
    hashes = array("Q")
    hashes.frombytes(packed)
    if sys.byteorder == "big":
        hashes.byteswap()
    return json.loads(header), hashes


@cache
def _shipped_hashes() -> array | None:
    """The shipped hashes, if built from what this install's gazetteer is built from."""
    try:
        content = resources.files("transforms").joinpath(SHIPPED_TOWN_NAMES).read_bytes()
        key, hashes = read_town_names(content)
    except Exception:  # absent or damaged: the gazetteer answers
        return None
    return hashes if key == shipped_key() else None


def names_town(key: str, geonameid: int) -> bool:
    """Whether the folded name `key` is a name (or alternate name) of that gazetteer town."""
    hashes = _shipped_hashes()
    if hashes is None:
        from transforms.extract.places import gazetteer

        gaz = gazetteer()
        return any(gaz.geonameid[row] == geonameid for row in gaz.cities_of_key(key))
    wanted = pair_hash(key, geonameid)
    at = bisect_left(hashes, wanted)
    return at < len(hashes) and hashes[at] == wanted
