"""Coordinated lists of victim phrases and the category (killed, injured, ...) each takes from
the verbs around it; subsets, additions and breakdowns."""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.extract.casualties.patterns import (
    _ADD_LEFT,
    _ALSO,
    _AMBIGUOUS_LEFT,
    _ATTACKERS,
    _BEING,
    _CHAINED,
    _FAR_TOLL_LEFT,
    _LEFT,
    _OF_SURVIVORS,
    _SEPARATOR,
    _SUBSET_LEFT,
    _SUBSET_RIGHT,
    _TAIL,
    _TAIL_DIRECT,
    _TOTAL_AHEAD,
    _TRIGGER_BEFORE_ADD,
)
from transforms.extract.casualties.phrases import _Phrase


def _lists(text: str, phrases: list[_Phrase]) -> list[list[_Phrase]]:
    lists: list[list[_Phrase]] = []
    for phrase in phrases:
        if lists and lists[-1][-1].end > phrase.start:
            continue  # inside a partitive: "one of the 2 gunmen"
        # "..., and 5 others were wounded" is a clause of its own after a list with its verb;
        # "Five more officers and four other civilians were injured" is one list
        own_clause = (
            phrase.extra
            and _TAIL_DIRECT.match(text, phrase.end)
            and (not lists or _TAIL.match(text, lists[-1][-1].end))
        )
        joins = not own_clause and not _SUBSET_RIGHT.match(text, phrase.end)
        if lists and joins and _SEPARATOR.match(text[lists[-1][-1].end : phrase.start]):
            lists[-1].append(phrase)
        else:
            lists.append([phrase])
    return lists


def _outcome(tail: re.Match | None, text: str) -> str | None:
    """The category a trigger after the victims gives, read to the end of its verb chain: the
    last outcome wins ("was stabbed and later died", "were abducted and killed"), and a choice
    of two ("were injured or arrested") gives none."""
    category = _category(tail, "t")
    if category is None:
        return None
    chained = _CHAINED.match(text, tail.end())
    if chained is None:
        return category
    other = _category(chained, "t")
    if chained.group("or"):
        return category if other == category else None
    return "killed" if other == "killed" else category


_AMBIGUOUS_LAST = ("injur", "wound", "kill")


def _ambiguous(text: str, start: int, phrases: list[_Phrase]) -> bool:
    """ "killing and injuring dozens" counts both kinds together; but in "1 soldier killed and
    wounding another 25" the first verb closes the list before it."""
    window = max(0, start - 60)
    # its matches end with a word that opens with one of these (the cheap test first)
    last = text[window:start].rsplit(None, 1)
    if not last or not last[-1].startswith(_AMBIGUOUS_LAST):
        return False
    found = _AMBIGUOUS_LEFT.search(text, window, start)
    if not found:
        return False
    verb = found.start()
    return not any(p.end <= verb and not text[p.end : verb].strip() for p in phrases)


_CATEGORIES = ("killed", "injured", "missing", "kidnapped", "arrested", "shot")


def _category(match: re.Match | None, prefix: str) -> str | None:
    if match is None:
        return None
    regex = match.re
    # keyed by the pattern's text, whose hash Python keeps: a compiled pattern's hash runs
    # over all its code each time (thousands of words for _TAIL)
    groups = _CATEGORY_GROUPS.get((regex.pattern, prefix))
    if groups is None:
        groups = _CATEGORY_GROUPS[regex.pattern, prefix] = _category_groups(regex, prefix)
    for index, name in groups:
        if match.group(index):
            return name
    return None


# _category_groups of each pattern's text and prefix (the same text has the same groups).
_CATEGORY_GROUPS: dict[tuple[str, str], tuple[tuple[int, str], ...]] = {}


def _category_groups(regex: re.Pattern, prefix: str) -> tuple[tuple[int, str], ...]:
    """The numbers of the pattern's groups named prefix_<category>, in _CATEGORIES' order: read
    by number, not through match.groupdict(), which builds a dict of all the groups each time."""
    names = regex.groupindex
    return tuple(
        (names[f"{prefix}_{name}"], name) for name in _CATEGORIES if f"{prefix}_{name}" in names
    )


def _categorise(
    text: str, items: list[_Phrase], phrases: list[_Phrase], previous: str | None
) -> None:
    first, last = items[0], items[-1]
    left_text = text[max(0, first.start - 60) : first.start]
    if _ambiguous(text, first.start, phrases):
        return
    left_end = left_text.rstrip()  # (the patterns below try only windows ending as they do)
    subset_cue = _SUBSET_LEFT.search_ending(left_text, left_end)
    subset = bool(subset_cue)
    if left_end.endswith("with") and not _BEING.match(text, last.end):
        subset = False  # "with 3 being medics" is a subset, "with 3 others" is not
    among_total = left_end.endswith("among") and _TOTAL_AHEAD.match(text, last.end)
    if among_total:  # "Among at least 25 injured, eight were critical": 25 is the total
        for p in items:
            p.category = _category(among_total, "t")
        return
    left_category = _category(_LEFT.search_ending(left_text, left_end), "l") or _category(
        subset_cue, "s"
    )
    # a far toll's verb takes the first item only: the list may run on into another clause
    far = None if left_category or subset_cue else _far_toll(text, first.start)
    if left_category:
        list_category = left_category
        # With a verb before the list, only a trigger right after an item overrides it.
        own = [_outcome(_TAIL_DIRECT.match(text, p.end), text) for p in items]
        # the trigger after the list tells then only whether it says "also": not read when no
        # "also" or "well" follows (a costly miss, most of the time)
        tail = _TAIL.match(text, last.end) if _also_after(text, last.end) else None
    else:
        tail = _TAIL.match(text, last.end)
        list_category = _outcome(tail, text)
        # the last item's own trigger is the list's, read above
        own = [_outcome(_TAIL.match(text, p.end), text) for p in items[:-1]] + [list_category]
        own[0] = own[0] or far
    also = bool(tail and _also(tail.group()))
    earlier = [p for p in phrases if p.end <= first.start and p.category]
    partitive = _SUBSET_RIGHT.match(text, first.end) if len(items) == 1 else None
    if partitive and _opens_a_list(partitive, phrases):
        partitive = None  # "killing three persons among them a woman": the woman is the part
    if partitive:  # "two of them suffered stab wounds"
        list_category = list_category or _outcome(_TAIL.match(text, partitive.end()), text)
    whole = _category(partitive, "p") or (earlier[-1].category if earlier else previous)
    # "one of the survivors" matters to a count of the killed only: tried for those only
    killed = list_category == "killed"
    survivors = killed and len(items) == 1 and _OF_SURVIVORS.match(text, first.start)
    if killed and (survivors or partitive and whole not in (None, "killed")):
        # "one of the injured later died", "two of the hostages were killed": deaths beyond
        # the toll, not a part of it
        for p in items:
            p.category, p.adds = "killed", True
        return
    if subset or partitive:
        closing = _closing_clause(text, items)
        if closing is not None:  # "..., among them three teenagers, and 61 were wounded"
            closing.category = _outcome(_TAIL.match(text, closing.end), text)
            items, own = items[:-1], own[:-1]
            list_category = left_category
        category = list_category or (earlier[-1].category if earlier else previous)
        for p in items:
            p.category, p.is_subset = own[items.index(p)] or category, True
        return
    add_cue = _ADD_LEFT.search_ending(left_text, left_end)
    adds = bool(add_cue) and bool(earlier)
    if adds and list_category is None:
        list_category = earlier[-1].category
    if list_category is None and add_cue:
        # "he was killed along with his wife and two children"
        list_category = _category(_TRIGGER_BEFORE_ADD.search(left_text), "t")
    for p, category in zip(items, own, strict=True):
        p.category = p.category or category or list_category
        # "others" and "also" set a group beside the one named before them; beside the dead
        # only ("one was killed and 16 others injured") they add nothing to earlier injuries
        contrast = bool(earlier) and all(e.category != p.category for e in earlier)
        p.adds = adds or ((p.extra or also) and not contrast)
    if not adds and all(_names_attackers(p.group) for p in items):
        for p in items:
            p.separate_perpetrators = True
    _breakdown(items)


def _also(text: str) -> bool:
    """Whether _ALSO matches: each match holds "also" or "well" (the cheap test first)."""
    return ("also" in text or "well" in text) and _ALSO.search(text) is not None


def _also_after(text: str, pos: int) -> bool:
    """Whether "also" or "well" is in the text from pos: else no match from there holds one."""
    return text.find("also", pos) != -1 or text.find("well", pos) != -1


@lru_cache(maxsize=4096)  # a pure function of a few words ("the gunman"), asked again and again
def _names_attackers(group: str) -> bool:
    return bool(_ATTACKERS.search(group))


def _opens_a_list(partitive: re.Match, phrases: list[_Phrase]) -> bool:
    """Whether "among them" right after a figure opens the list of its parts ("three persons
    among them a woman") rather than making the figure a part ("three among them died")."""
    if not partitive.group().lstrip().lower().startswith("among"):
        return False
    return any(0 <= p.start - partitive.end() <= 2 for p in phrases)


def _far_toll(text: str, start: int) -> str | None:
    """'killed' when a toll's verb far before the list takes it ("the death toll from ... rose to")."""
    wide = text[max(0, start - 220) : start]
    return "killed" if "toll" in wide and _FAR_TOLL_LEFT.search(wide) else None


def _closing_clause(text: str, items: list[_Phrase]) -> _Phrase | None:
    """The last item of a subset list when ", and" opens a clause of its own with it, its verb
    right after it: "among them three teenagers, and 61 were wounded"."""
    if len(items) < 2:
        last, before = None, None
    else:
        last, before = items[-1], items[-2]
    if last is None or not _TAIL_DIRECT.match(text, last.end):
        return None
    return (
        last
        if "," in text[before.end : last.start] and "and" in text[before.end : last.start]
        else None
    )


def _breakdown(items: list[_Phrase]) -> None:
    """'40 people, 6 soldiers and 34 civilians': parts that add up to one item are subsets."""
    if len(items) < 3:
        return
    for item in items:
        others = [p for p in items if p is not item and p.category == item.category]
        if item.bounds[1] and sum(p.bounds[1] or 0 for p in others) == item.bounds[1]:
            for p in others:
                p.is_subset = True
            return
