"""ACLED event types, weapons and actors read from keywords."""

from __future__ import annotations

import re

# (pattern, weapon, event_type, sub_event_type), most specific first.
WEAPONS: list[tuple[str, str, str, str]] = [
    (
        r"ballistic missiles?",
        "ballistic missile",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        r"cruise missiles?",
        "cruise missile",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        r"suicide (?:bomb(?:er|ing)?s?|attack)",
        "suicide bomb",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (
        r"car bombs?|vbied",
        "car bomb",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        r"\bied\b|roadside bomb|improvised explosive|landmines?",
        "IED",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (r"drones?|uavs?", "drone", "Explosions/Remote violence", "Air/drone strike"),
    (
        r"air ?strikes?|warplanes?|bombers?",
        "airstrike",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (r"missiles?", "missile", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (r"rockets?", "rocket", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (
        r"shell(?:ing|s)?|artillery|mortars?",
        "artillery",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (r"grenades?", "grenade", "Explosions/Remote violence", "Grenade"),
    (
        r"gunmen|shot|shooting|gunfire|opened fire",
        "firearms",
        "Violence against civilians",
        "Attack",
    ),
    (r"stabb(?:ed|ing)|knife", "knife", "Violence against civilians", "Attack"),
]
_WEAPONS = [(re.compile(rf"\b(?:{p})", re.I), *rest) for p, *rest in WEAPONS]

ACTORS: list[tuple[str, str]] = [
    (r"russia(?:n forces|n troops|n military|n army)?|the kremlin|moscow", "Russia"),
    (r"ukrain(?:e|ian forces|ian troops|ian military|ian army)|kyiv", "Ukraine"),
    (r"al[- ]shabaa?b", "Al Shabaab"),
    (r"islamic state|isis|isil|daesh", "Islamic State"),
    (r"taliban", "Taliban"),
    (r"boko haram", "Boko Haram"),
    (r"hamas", "Hamas"),
    (r"hezbollah", "Hezbollah"),
    (r"houthis?|ansar allah", "Houthis"),
]
_ACTOR_AS_SUBJECT = [
    (
        re.compile(
            rf"\b(?:{p})\b(?=[^.]{{0,60}}\b(?:launched|carried out|struck|attacked|fired|shelled|bombed|targeted|hit)\b)",
            re.I,
        ),
        name,
    )
    for p, name in ACTORS
]


def classify(text: str) -> tuple[str | None, str | None, str | None]:
    """(weapon, event_type, sub_event_type) from the first weapon the text names."""
    for pattern, weapon, event_type, sub_event_type in _WEAPONS:
        if pattern.search(text):
            return weapon, event_type, sub_event_type
    return None, None, None


def find_perpetrator(text: str) -> str | None:
    """An actor named as the subject of an attack verb."""
    hits = [(m.start(), name) for pattern, name in _ACTOR_AS_SUBJECT if (m := pattern.search(text))]
    return min(hits)[1] if hits else None
