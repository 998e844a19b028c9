"""Which day in a sentence is its event's (issue 16): a news story often dates its statement or
its follow-up rather than the event ("police said Saturday", "detectives Sunday investigated",
"arrested a man Friday"), and a day of its own elsewhere ("The shooting occurred on Friday",
"injuries she sustained Jan. 2").

`blank_statement_days` turns those statement days to spaces, so the event's own day is found;
`event_day_cue` finds a clause that dates the event itself, however long ago.
"""

from __future__ import annotations

import re

from transforms.cues import gated, holds_any
from transforms.lexicons import read_table
from transforms.text import compile_folded


def _alternation(name: str) -> str:
    return "|".join(re.escape(entry) for (entry,) in read_table(name, 1))


_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_SAYING = _alternation("date_statement_verbs.txt")
_FOLLOW_UP = _alternation("date_follow_up_verbs.txt")
# "said Saturday", "said on Monday", "said in a new toll Sunday", "told reporters yesterday"
_AFTER_SAYING = (
    rf"\b(?:{_SAYING}|told(?:\s+[\w'-]+){{0,3}}?)\s+(?:(?:in|on)\s+(?:a\s+|an\s+|its\s+|their\s+|the\s+)?(?:new\s+)?"
    r"(?:toll|statement|update|report|press\s+conference|news\s+conference)\s+)?"
    # (not "said Monday's strike killed 12": the possessive names the event's day)
    rf"(?:late\s+|early\s+)?(?:on\s+)?(?:{_DAY}|yesterday|today)\b(?!['’]s)"
)
# "detectives Sunday investigated", "authorities Sunday have identified"
_BEFORE_FOLLOW_UP = rf"\b{_DAY}\s+(?:(?:have|has|had)\s+)?(?:{_FOLLOW_UP})\b"
# "arrested a man in north Charlotte Friday" (but not "charged in her murder Thursday")
_ARRESTED = (
    r"\barrested\b(?:(?!\b(?:murder|shooting|killing|death|attack|slaying|stabbing)\b)[^.,;])"
    rf"{{0,40}}?\b(?:on\s+)?{_DAY}\b"
)
# "Also on Monday state news agency SANA said": a sentence that opens on its statement's day
_OPENING_SAYING = (
    rf"^\W*(?:also\s+)?(?:late\s+|early\s+)?on\s+{_DAY},?\s+(?:[\w'-]+\s+){{0,5}}?(?:{_SAYING})\b"
)
_STATEMENT_DAY = compile_folded(
    f"{_AFTER_SAYING}|{_BEFORE_FOLLOW_UP}|{_ARRESTED}|{_OPENING_SAYING}"
)
_STATEMENT_DAY = gated(_STATEMENT_DAY)  # most sentences hold none of its cues (cues.py)
_CUES = ("said", "says", "told", "announced", "reported", "confirmed", "added", "stated")
_FOLLOW_UP_CUES = ("investigated", "identified", "arrested", "charged", "released", "located")
_ALL_CUES = (*_CUES, *_FOLLOW_UP_CUES)

# A clause that dates the event itself: "It happened on Nov. 21", "The shooting occurred at
# 9:45 p.m. on Friday", "the injuries she sustained Jan. 2"
_EVENT_DAY = compile_folded(
    r"\b(?:happened|occurred|took\s+place)\b"
    r"|\b(?:injuries|wounds)\s+(?:[\w'-]+\s+){0,2}?(?:sustained|suffered|received)\b"
)
_EVENT_DAY = gated(_EVENT_DAY)
_EVENT_DAY_CUES = ("happened", "occurred", "took place", "sustained", "suffered", "received")


def blank_statement_days(folded: str) -> str:
    """The folded text with the days that date a statement or a follow-up turned to spaces."""
    if "day" not in folded or not holds_any(folded, _ALL_CUES):
        return folded
    return _STATEMENT_DAY.sub(lambda m: " " * len(m.group()), folded)


def event_day_cue(folded: str) -> int | None:
    """Where the clause that dates the event itself ends, if the folded text has one."""
    if not holds_any(folded, _EVENT_DAY_CUES):
        return None
    match = _EVENT_DAY.search(folded)
    return match.end() if match else None
