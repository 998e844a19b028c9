"""Merging mentions of the same real event into one `events` row (UCDP-style low/best/high).

How mentions become events, inside one *block* (a country and a calendar month; no event spans
two blocks, so a block can be resolved on its own and only blocks with new mentions are redone;
the price is that a date window never reaches into the next month, so "in 2023" only matches
events of the month its date falls in):

1. **Core clusters.** `reported`/`other` mentions with a day date, a town (geo_precision 1) and a
   known type family are grouped by (day, place, type family). Places closer than
   `same_place_km` are one place (two gazetteer entries for one spot), and so are places of the
   same name in one admin1 within `same_name_km` (one town, two gazetteers' coordinates for
   it). When a group names more than one perpetrator it splits by perpetrator; mentions naming
   none join the largest part.
   Clusters of one day and type that name the same perpetrator join up to `same_actor_km`
   apart. Grouping by keys, not by chains of pairwise links, means a vague mention can never
   glue two events together.
2. **Attachment.** Every other event mention (a month or week date, a "near" place, a region or
   a country, no type) joins the one core cluster that fits it best: the date falls in its
   window, the place matches (same town, within `near_km` for "near X", same admin1 for a
   region), types and perpetrators do not conflict. A tie between two clusters attaches it to
   neither. A mention dated to its own article's publication day that fits no cluster at all
   may join one of the day before ("overnight" read against the publication date), if it
   fits one best. Mentions left over group by their exact (window, place, type) key; those
   placed only in a region or a country group within their own article only, and a village
   the gazetteer lacks, placed "near" its town, groups only with reports naming it alike.
3. **Historical** mentions link to the event they recall by the same test, and never change its
   figures.

Everything is a function of the *set* of mentions, so the result, event ids included, does not
depend on the order in which articles arrived, and resolving one block again with more mentions
gives what resolving everything from scratch would.
"""

from transforms.resolve.blocks import block_of, date_window, source_of
from transforms.resolve.events import _text_id
from transforms.resolve.figures import combine_figures, revised_figures
from transforms.resolve.model import (
    DEFAULT_CONFIG,
    EVENT_ROLES,
    PRECISION_RANK,
    RESOLVED_ROLES,
    TYPE_FAMILY,
    Membership,
    Resolution,
    ResolveConfig,
)
from transforms.resolve.places import haversine_km
from transforms.resolve.resolver import resolve, resolve_events

__all__ = [
    "DEFAULT_CONFIG",
    "EVENT_ROLES",
    "PRECISION_RANK",
    "RESOLVED_ROLES",
    "TYPE_FAMILY",
    "Membership",
    "Resolution",
    "ResolveConfig",
    "_text_id",
    "block_of",
    "combine_figures",
    "date_window",
    "haversine_km",
    "resolve",
    "resolve_events",
    "revised_figures",
    "source_of",
]
