"""Who gives a figure ("according to X", "X said") and whether it is a party's claim."""

from __future__ import annotations

import re

from transforms.cues import led_by_first_characters
from transforms.extract.casualties.lexicon import _ci, first_letter_alternation
from transforms.extract.casualties.patterns import (
    anchored_finditer,
    ascii_variant,
    reads_as_ascii,
    word_starts,
)
from transforms.extract.records import Figure

# The words of a source, at its start and further on. Grouped by first letter, and a capitalised
# word and the spaces between words possessive: a backtrack into them could only fail (each is
# followed by a space, a comma or the next word), at a cost for every word of the window.
_SOURCE_FIRST = [
    "the",
    "a",
    "an",
    "local",
    "regional",
    "provincial",
    "state",
    "government",
    "security",
    "health",
    "hospital",
    "police",
    "military",
    "medical",
    "rescue",
    "emergency",
    "defen[cs]e",
    "interior",
    "ministry",
    "officials?",
    "sources?",
    "spokes\\w++",
    "group",
    "and",
    "of",
    "for",
    "'s",
    "’s",
]
_SOURCE_MORE = [w for w in _SOURCE_FIRST if w not in ("a", "an")] + [
    "media",
    "agency",
    "army",
    "forces",
    "monitor",
    "observatory",
    "service",
    "services",
    "council",
    "authorities",
    "office",
    "department",
    "chief",
    "head",
    "governor",
    "mayor",
    "minister",
    "president",
    "commander",
    "witnesses",
    "residents",
    "medics",
    "doctors",
    "reports?",
    "news",
]
_CAPITALISED = r"[A-Z][\w'’.-]*+"
_ATTRIBUTION = re.compile(
    led_by_first_characters(
        r"\b[Aa]ccording\s+to\s+(?P<acc>[^,;.]{2,80}?)(?=\s*(?:[,;.]|$|\b(?:who|which|that)\b))"
        r"|\bper\s+(?P<per>the\s+[^,;.]{2,40}?)(?=\s*(?:[,;.]|$))"
        rf"|(?P<subj>\b(?:{_CAPITALISED}|{first_letter_alternation(_SOURCE_FIRST)})"
        rf"(?:\s++(?:{_CAPITALISED}|{first_letter_alternation(_SOURCE_MORE)})){{0,7}})"
        r",?\s+(?P<verb>said|says|told|reported|reports|claimed|claims|confirmed|confirms|stated|announced|announces"
        r"|added|estimated|tallied)\b",
    )
)
_ATTRIBUTION_ASCII = ascii_variant(_ATTRIBUTION)
# Where an _ATTRIBUTION match's key word is ("ccording" of "according to", "per", the verb), and
# the most runs of spaces a match has before it (eight words of a source, then the verb), plus one.
_ATTRIBUTION_VERBS = (
    "per", "said", "says", "told", "reported", "reports", "claimed", "claims", "confirmed",
    "confirms", "stated", "announced", "announces", "added", "estimated", "tallied",
)  # fmt: skip
_ATTRIBUTION_VERB_SET = frozenset(_ATTRIBUTION_VERBS)
_ATTRIBUTION_WORDS_BEFORE = 9
_PARTY = _ci(
    r"\b(?:taliban|islamic\s+state|isis|isil|daesh|is\b|al[\s-]?shabaa?b|shabaab|boko\s+haram|iswap|houthis?"
    r"|ansar\w*|hamas|hezbollah|hizbollah|pkk|ypg|sdf|jnim|aqap|al[\s-]?qaeda|militants?|rebels?|insurgents?"
    r"|group|jihadists?|army|military|forces|idf|ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry|militia\w*"
    r"|resistance|pdf|knla|kia|aa|mndaa|tnla|jaish\w*|lashkar\w*|wagner|rsf|saf)\b"
)
_CLAIM_VERB = _ci(r"^claim|^(?:said|says|stated|announced)\s+(?:that\s+)?(?:it|they|its|their)\b")


_BARE_SOURCES = frozenset(
    ["officials", "police", "sources", "witnesses", "residents", "medics", "doctors", "authorities"]
)
_SOURCE_JOINERS = ("and", "of", "for", "'s", "’s")


def _attributions(text: str, tokens: set[str] | None = None) -> list[tuple[int, str, bool]]:
    """Who gives figures in a sentence, in order: (offset, source, is a party's claim).
    "according to X", "X said", "per X"; a claim is an armed party's "claimed" or "said it".
    (`tokens`: the runs of letters of the lowercased sentence, if the caller has them.)"""
    found = []
    anchors = _attribution_anchors(text, tokens)
    regex = _ATTRIBUTION_ASCII if reads_as_ascii(text) else _ATTRIBUTION
    for match in anchored_finditer(regex, text, anchors, _ATTRIBUTION_WORDS_BEFORE):
        source = _source(match)
        if source:
            after = text[match.end() : match.end() + 12].lower()
            verb = (match.group("verb") or "") + after
            claim = bool(_PARTY.search(source.lower())) and bool(_CLAIM_VERB.search(verb.lower()))
            found.append((match.start(), source, claim))
    return found


def _attribution_anchors(text: str, tokens: set[str] | None = None) -> list[int]:
    """Where the key words of _ATTRIBUTION's matches are, in order (or more places). `tokens`,
    the runs of letters of the lowercased sentence, hold each key word a match can have (a
    whole word, lowercase in the text): only those are looked for."""
    verbs = _ATTRIBUTION_VERBS if tokens is None else _ATTRIBUTION_VERB_SET & tokens
    anchors = word_starts(text, verbs)
    at = text.find("ccording") if tokens is None or "according" in tokens else -1
    if at != -1:
        while at != -1:
            anchors.append(at)
            at = text.find("ccording", at + 1)
        anchors.sort()
    return anchors


def _source(match: re.Match) -> str | None:
    if match.group("subj") is None:
        return (match.group("acc") or match.group("per")).strip(" ,")[:80] or None
    words = match.group("subj").split()
    while words and words[0].lower() in _SOURCE_JOINERS:
        words.pop(0)
    source = " ".join(words)
    named = any(c.isupper() for c in source) and source.lower() not in ("the", "a", "an")
    if not named and source.lower() not in _BARE_SOURCES and len(words) < 2:
        return None
    return source[:80] or None


def is_party_claim(figure: Figure) -> bool:
    """Whether the figure is a party to the fighting claiming results (docs/data-model.md): an armed
    group or army as the source, with "claimed" or "said it killed"."""
    return figure.claim
