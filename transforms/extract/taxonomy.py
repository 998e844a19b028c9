"""ACLED event types, normalised weapons, perpetrators and targets, read from keywords."""

from __future__ import annotations

import re

from transforms.cues import Gated, gated
from transforms.lexicons import read_table
from transforms.text import (
    compile_folded,
    first_matching,
    fold_case,
    grouped_alternation,
    marked_alternation,
    marked_pattern,
    priority_regexes,
    split_alternatives,
)

_VAC = "Violence against civilians"
_SD = "Strategic developments"

# (pattern, weapon, event_type, sub_event_type), most specific first: the first match wins.
WEAPONS: list[tuple[str, ...]] = read_table("weapons.tsv", columns=4)
_WEAPON_REGEXES = priority_regexes([p for p, *_ in WEAPONS])
# Kinds of event decided before small arms: gunmen who kidnap commit an abduction.
_BEFORE_WEAPONS = [
    (
        r"kidnapp\w+|abduct\w+|taken hostage|took \w+ hostage",
        _VAC,
        "Abduction/forced disappearance",
    ),
    (r"rape[ds]?|raping|sexual violence|sexually assault\w*", _VAC, "Sexual violence"),
]
_BEFORE_REGEXES = priority_regexes([p for p, *_ in _BEFORE_WEAPONS])
# Kinds of event other than remote violence, read when no weapon decides: first match wins.
_EVENTS: list[tuple[str, ...]] = read_table("event_kinds.tsv", columns=3)
_EVENT_REGEXES = priority_regexes([p for p, *_ in _EVENTS])
# Armed men who only loot or burn, and kill no one, commit looting (see classify).
_LOOTING_WORDS = next(p for p, _, sub in _EVENTS if sub == "Looting/property destruction")
_LOOTING = compile_folded(rf"\b(?:{_LOOTING_WORDS})\b")
_CASUALTY = compile_folded(r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|shot)\b")
_PROTEST = compile_folded(r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies)|sit-ins?|marched)\b")
_PROTEST_FORCE = compile_folded(r"\b(?:killed|shot|live (?:ammunition|fire|rounds)|opened fire)\b")
_PROTEST_INTERVENTION = compile_folded(
    r"\b(?:tear ?gas|dispers\w+|water cannons?|rubber bullets|arrest\w*|detain\w*|beat\w*|"
    r"baton\w*)\b"
)
# Interceptions: the weapon never hit anything (ACLED: Disrupted weapons use).
_DISRUPTED = compile_folded(
    r"\b(?:intercepted|shot down|downed|defused|dismantled|foiled|thwarted|jammed)\b"
)
_HARM = compile_folded(
    r"\b(?:killed|killing|wounded|injur\w+|dead|hit|struck|damag\w+|destroy\w+|explod\w+|"
    r"fell on|landed on|impacted|attacked|shelled|bombed|carried out|by the use of|using|rigged)\b"
)
# Gated by their literal cues (transforms/cues.py): few sentences hold any.
_LOOTING, _CASUALTY, _PROTEST, _PROTEST_FORCE, _PROTEST_INTERVENTION, _DISRUPTED = map(
    gated, (_LOOTING, _CASUALTY, _PROTEST, _PROTEST_FORCE, _PROTEST_INTERVENTION, _DISRUPTED)
)
# Firearms against armed forces is a clash, not an attack on civilians.
# Police who are only there ("police are investigating", "police arrived") make no clash: they
# count as a party when they are attacked or their post is.
_ARMED_TARGET = compile_folded(
    r"\b(?:soldiers?|troops|army|military|forces|militants?|fighters?|rebels?|policem[ae]n|"
    r"police\s+(?:stations?|posts?|checkpoints?|patrols?|convoys?|vehicles?)|"
    r"positions?|checkpoint|base|insurgents?)\b"
)
# "police said", "military officials told": a source, not a party to the event.
_SOURCE = gated(
    compile_folded(
        r"\b(?:police|military|army|security)(?:\s+\w+)?\s+(?:said|says|told|reported|spokesm[ae]n)\b"
    )
)


def classify(text: str) -> tuple[str | None, str | None, str | None]:
    """(weapon, event_type, sub_event_type): protests, abductions and interceptions first, then
    the most specific weapon the text names, then the kind of event it describes."""
    text = fold_case(text)
    index = first_matching(_WEAPON_REGEXES, text)
    found = WEAPONS[index] if index is not None else None
    weapon = found[1] if found else None
    if _PROTEST.search(text):
        if _PROTEST_FORCE.search(text):
            return weapon, "Protests", "Excessive force against protesters"
        if _PROTEST_INTERVENTION.search(text):
            return weapon, "Protests", "Protest with intervention"
        if weapon is None:
            return None, "Protests", "Peaceful protest"
    if weapon in (None, "firearms", "knife"):  # gunmen who kidnap: an abduction
        index = first_matching(_BEFORE_REGEXES, text)
        if index is not None:
            return weapon, *_BEFORE_WEAPONS[index][1:]
    if found is not None:
        if _DISRUPTED.search(text) and not _HARM.search(text):
            return weapon, _SD, "Disrupted weapons use"
        small_arms = weapon in ("firearms", "knife")
        if small_arms and _LOOTING.search(text) and not _CASUALTY.search(text):
            return weapon, _SD, "Looting/property destruction"  # armed men who only loot
        if small_arms and _ARMED_TARGET.search(_SOURCE.sub("", text)):
            return weapon, "Battles", "Armed clash"
        return weapon, found[2], found[3]
    index = first_matching(_EVENT_REGEXES, text)
    if index is None:
        return None, None, None
    _, event_type, sub_event_type = _EVENTS[index]
    if sub_event_type == "Attack" and _ARMED_TARGET.search(_SOURCE.sub("", text)):
        return None, "Battles", "Armed clash"
    return None, event_type, sub_event_type


def weapon_of(text: str) -> str | None:
    """classify(text)[0] alone: the most specific weapon the text names, in one or two scans."""
    index = first_matching(_WEAPON_REGEXES, fold_case(text))
    return WEAPONS[index][1] if index is not None else None


# (pattern, actor), in priority order: of two matching at one place, the first listed wins.
ACTORS: list[tuple[str, ...]] = read_table("actors.tsv", columns=2)
_ATTACK_VERB = (
    r"launched|carried out|conducted|struck|attacked|fired|shelled|bombed|targeted|hit|dropped|"
    r"used|threw|claimed|killed|ambushed|stormed|detonated"
)
_ACTOR_NAMES = [name for _, name in ACTORS]
_ANY_ACTOR, _ACTOR_OWNERS = marked_alternation([p for p, _ in ACTORS])
# One alternation per form (not one regex per actor): the leftmost actor wins, in one scan.
_ACTOR_AS_SUBJECT = compile_folded(
    rf"\b(?:{_ANY_ACTOR})\b(?=(?:\s+\w+){{0,4}}?\s+(?:{_ATTACK_VERB})\b)"
)
# (only where it starts is read: grouped by first character, without markers; and gated)
_ACTOR_START = gated(
    compile_folded(rf"\b(?:{grouped_alternation('|'.join(p for p, _ in ACTORS))})")
)
_OPTIONAL_WORDS = re.compile(r"\(\?:([a-z ]+)\)\?")  # "(?:the )?us": a leading optional word


def _spelled_out(alternative: str) -> list[str]:
    """The alternative with its leading optional words spelled out: "(?:the )?us" -> "the us",
    "us"."""
    optional = _OPTIONAL_WORDS.match(alternative)
    if not optional:
        return [alternative]
    rest = _spelled_out(alternative[optional.end() :])
    return [optional.group(1) + r for r in rest] + rest


def _letter_first(alternation: str) -> str | None:
    """\\b(?:alternation), for a search read only for where it starts, opening on a character
    set: each alternative's first letter, then (?<!\\w.) (\\b before a letter: no word character
    before it), then the rest, grouped by letter. The engine finds the set's letters by a fast
    scan, where \\b first is tried at every position. None if an alternative opens otherwise."""
    groups: dict[str, list[str]] = {}
    for alternative in split_alternatives(alternation):
        for spelled in _spelled_out(alternative):
            if not ("a" <= spelled[:1] <= "z") or spelled[1:2] in ("?", "*", "+", "{"):
                return None
            groups.setdefault(spelled[0], []).append(spelled[1:])
    return "|".join(rf"{first}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())


_ACTOR_LETTER_FIRST = _letter_first("|".join(p for p, _ in ACTORS))
if _ACTOR_LETTER_FIRST is not None:  # the same search, scanning for the actors' first letters
    _ACTOR_START = Gated(compile_folded(_ACTOR_LETTER_FIRST), _ACTOR_START.cues)
_ATTACK_NOUN = (
    r"attacks?|strikes?|shelling|missiles?|drones?|bombing|bombardments?|offensive|raids?"
)
_ACTOR_OWNS_ATTACK = compile_folded(
    rf"\b(?:(?:{_ANY_ACTOR})['’]s?\s+(?:\w+\s+){{0,2}}(?:{_ATTACK_NOUN})"
    rf"|(?:attacks?|strikes?|shelling|bombing|raids?|fired|launched|carried out|claimed)\s+by\s+"
    rf"(?:the\s+)?(?:{_ANY_ACTOR}))\b"
)


def _actor_of(match: re.Match) -> str:
    # _ACTOR_OWNS_ATTACK holds the actors twice: a marker of the second copy names the same actor
    return _ACTOR_NAMES[marked_pattern(match, _ACTOR_OWNERS * 2)]


# Adjectives naming an attacker: "Russian bombardments", "Israeli airstrikes".
ADJECTIVE_ACTORS: dict[str, str] = dict(read_table("actor_adjectives.tsv", columns=2))
_ADJECTIVE_ATTACK = compile_folded(
    r"\b(?P<adj>"
    + "|".join(map(re.escape, sorted(ADJECTIVE_ACTORS, key=len, reverse=True)))
    + r")\s+(?:\w+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|shelling|bombardments?|bombing|"
    r"missiles?|drones?|raids?|offensive|warplanes?|jets?)\b"
)


_ACTOR_OWNS_ATTACK, _ADJECTIVE_ATTACK = gated(_ACTOR_OWNS_ATTACK), gated(_ADJECTIVE_ATTACK)


def find_perpetrator(text: str, owner_only: bool = False) -> str | None:
    """An actor the text makes the author of an attack: "Kyiv's drone strikes", "strikes by
    Russia", else (unless owner_only) "the Kremlin launched", "Russian forces shelled"."""
    owner, first_actor = owner_perpetrator(text)
    if owner or owner_only or first_actor is None:
        return owner
    return subject_perpetrator(text, first_actor)


def owner_perpetrator(text: str) -> tuple[str | None, int | None]:
    """find_perpetrator(text, owner_only=True), and where the first actor named starts (None
    when none is): what the subject form needs, kept so that both questions share the scans."""
    text = fold_case(text)
    # Both actor forms need a named actor: most texts have none, and the scans for the forms
    # are costly. No subject can start before the first actor.
    first_actor = _ACTOR_START.search(text)
    hits = []
    if first_actor and (match := _ACTOR_OWNS_ATTACK.search(text)):
        hits.append((match.start(), _actor_of(match)))
    if match := _ADJECTIVE_ATTACK.search(text):
        hits.append((match.start(), ADJECTIVE_ACTORS[match.group("adj").lower()]))
    return min(hits)[1] if hits else None, first_actor.start() if first_actor else None


def subject_perpetrator(text: str, first_actor: int) -> str | None:
    """An actor as the subject of an attack verb ("the Kremlin launched"), from the first."""
    match = _ACTOR_AS_SUBJECT.search(fold_case(text), first_actor)
    return _actor_of(match) if match else None


_TARGET_NOUNS = (
    r"school(?: building)?|residential (?:tower|building|block|area)s?|apartment (?:block|building)s?|"
    r"hospital|clinic|market(?:place)?|mosque|church|police station|checkpoint|military base|base|"
    r"convoy|vehicle|car|truck|bus|house|home|camp|power plant|refinery|airport|port|"
    r"positions?|outpost|headquarters|hotel|restaurant|wedding|funeral|village|shopping (?:centre|center|mall)"
)
_TARGET = compile_folded(
    rf"\b(?:struck|hit|targeted|targeting|attacked|against|on|at)\s+(?:an?\s+|the\s+)?"
    rf"(?:[\w'-]+\s+){{0,3}}?(?P<target>{_TARGET_NOUNS})\b"
    rf"(?:\s+and\s+(?:an?\s+|the\s+)?(?P<second>{_TARGET_NOUNS})\b)?"
)


def find_target(text: str) -> str | None:
    """What the attack hit, as the text says: "school building; residential tower"."""
    match = _TARGET.search(fold_case(text))
    if not match:
        return None
    # Spelled as in the text, lowered (folding maps a few non-ASCII letters to ASCII ones).
    targets = [text[match.start(g) : match.end(g)] for g in ("target", "second") if match.group(g)]
    return "; ".join(t.lower() for t in targets)
