"""What the package reads and returns: a Candidate (a name in a text read as a place), an
article's Candidates with their index, and a Place (where an event happened)."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from transforms.extract.places.scan import _Scan


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the place as the text names it (or the gazetteer's name for a demonym's country)
    geonameid: int | None
    country: str | None
    country_iso: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    char_start: int
    char_end: int
    precision: int | None  # ACLED geo_precision: 1 town, 2 near a town or district, 3 region


@dataclass(slots=True)
class Candidate:
    """One capitalised phrase of a text read as a place name."""

    surface: str
    start: int
    end: int
    cities: tuple[int, ...] = ()
    admin1: tuple[tuple[str, str], ...] = ()
    country_iso: str | None = None
    demonym_iso: str | None = None
    coded: bool = False  # ACLED's "coded to X": the coder's own choice of location
    origin: bool = False  # "launched from Iraq": where an attack came from, not where it hit
    unlocated: bool = False  # named with evidence but neither in the gazetteer nor in a chain
    actor: bool = False  # a nationality or country naming people or arms: "Turkish drone"
    actor_iso: str | None = None  # an armed group of one country: "Houthis", "VDP"
    bracket_tail: bool = False  # last of a bracketed chain "(Y, Z)": ACLED's division
    noun: str | None = None
    # The text the name was read in: cued and near are read from it the first time they are
    # asked, since event_place asks them of few of an article's candidates.
    scan: _Scan | None = field(default=None, repr=False, compare=False)
    _cue: tuple[bool, bool] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def cued(self) -> bool:
        """A cue word before the name ("in X", "the town of X")."""
        return (self._cue or self._read_cue())[0]

    @cued.setter
    def cued(self, value: bool) -> None:
        self._cue = (value, self.near)

    @property
    def near(self) -> bool:
        """ "near X", "north of X": the event was close to the place, not in it."""
        return (self._cue or self._read_cue())[1]

    @near.setter
    def near(self, value: bool) -> None:
        self._cue = (self.cued, value)

    def _read_cue(self) -> tuple[bool, bool]:
        if self.scan is None:
            self._cue = (False, False)
        else:
            _, cued, near = self.scan.cues(self.start)
            self._cue = (cued, near)
        return self._cue


class _Listing:
    """One article's candidates, indexed for event_place, which runs once per sentence over the
    same list: building the index once saves a scan of the whole list per sentence."""

    __slots__ = ("candidates", "starts", "coded", "position")

    def __init__(self, candidates: list[Candidate]) -> None:
        # a plain copy: the Candidates list keeps its listing, and a listing that held that
        # list back would make each article's candidates and scan a cycle, which only the
        # cyclic collector frees (about 105 objects an article, what set most of its runs off)
        self.candidates = list(candidates)
        starts = [c.start for c in candidates]
        in_order = all(a <= b for a, b in itertools.pairwise(starts))
        self.starts = starts if in_order else None  # find_candidates' lists are in text order
        self.coded = [c for c in candidates if c.coded]
        self.position = {id(c): i for i, c in enumerate(candidates)}

    def starting_in(self, first: int, last: int) -> list[Candidate]:
        """The candidates that start at `first` to `last` (both included), in list order."""
        if self.starts is None:
            return [c for c in self.candidates if first <= c.start <= last]
        return self.candidates[bisect_left(self.starts, first) : bisect_right(self.starts, last)]

    def first_at(self, start: int) -> Candidate | None:
        """The first candidate (in list order) that starts at `start`."""
        if self.starts is None:
            return next((c for c in self.candidates if c.start == start), None)
        at = bisect_left(self.starts, start)
        found = at < len(self.starts) and self.starts[at] == start
        return self.candidates[at] if found else None


class Candidates(list):
    """find_candidates' list of an article. event_place runs once per sentence over it, so
    the index it reads is built once, the first time, and kept with the list (which nothing
    changes after find_candidates)."""

    @cached_property
    def listing(self) -> _Listing:
        return _Listing(self)


def _listing(candidates: list[Candidate]) -> _Listing:
    """The index of an article's candidates: kept with find_candidates' list, built for another."""
    return candidates.listing if isinstance(candidates, Candidates) else _Listing(candidates)
