"""The records transforms produce. Field names follow the v1 data contract (sql/schema.sql)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(slots=True)
class Figure:
    """One number of people, read from one span of the body (a `casualty_figures` row)."""

    category: str  # killed | injured | missing | kidnapped | arrested
    victim_group: str  # people | civilians | children | soldiers | police | perpetrators
    low: int | None
    best: int | None
    high: int | None
    qualifier: str  # exact | at_least | more_than | at_most | approximately | range | vague | none
    text: str
    char_start: int
    char_end: int
    sentence_index: int
    is_subset: bool = False
    attributed_to: str | None = None
    # Internal to the casualty engine, not contract columns: which coordinated list of its
    # sentence the figure belongs to, whether it adds to the toll stated before it, and
    # whether it counts in the total at all.
    clause: int = 0
    adds: bool = False
    counted: bool = True  # False: kept as a figure, left out of the mention's total
    coded: bool = False  # ACLED's "coded as N": the coder's count, which sets the total
    claim: bool = False  # a party to the fighting claiming results: counts only if no one else
    headline: bool = False  # stated in the article's title: a restatement of the lead's toll
    perpetrators_alone: bool = False  # perpetrators in a clause of their own: a toll of their own
    later_death: bool = False  # one person who died after the event ("the toddler has died")

    def as_row(self) -> dict:
        return {name: getattr(self, name) for name in _FIGURE_COLUMNS}


@dataclass(slots=True)
class Mention:
    """One event an article refers to (an `event_mentions` row) and the figures attached to it."""

    role: str  # reported | other | historical | aggregate
    evidence: str
    char_start: int
    char_end: int
    sentence_index: int
    event_type: str | None = None
    sub_event_type: str | None = None
    weapon: str | None = None
    perpetrator: str | None = None
    target: str | None = None
    event_date: date | None = None
    date_precision: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    country_iso: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int | None = None
    figures: list[Figure] = field(default_factory=list)

    def as_row(self) -> dict:
        # Not dataclasses.asdict: that deep-copies every attached figure first.
        return {name: getattr(self, name) for name in _MENTION_COLUMNS}


_FIGURE_INTERNAL = (
    "clause",
    "adds",
    "counted",
    "coded",
    "claim",
    "headline",
    "perpetrators_alone",
    "later_death",
)
_FIGURE_COLUMNS = tuple(f.name for f in fields(Figure) if f.name not in _FIGURE_INTERNAL)
_MENTION_COLUMNS = tuple(
    f.name for f in fields(Mention) if f.name not in ("figures", "sentence_index")
)
