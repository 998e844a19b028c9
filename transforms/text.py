"""Text primitives shared by every extractor: normalisation, ids and sentences with offsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# A sentence ends at . ! or ? (optionally followed by a closing quote) before whitespace,
# or at a line break. Abbreviations like "U.S." or "Mr." are protected below.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?(?=\s+[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|St|Jr|Sr|No|vs|approx|est|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$"
)


def normalize_whitespace(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    # str.split() splits on exactly the characters that regex \s matches (str.isspace), faster.
    return " ".join(text.split())


def article_id(body: str) -> str:
    """The article's identity: sha256 of its whitespace-normalised body."""
    return hashlib.sha256(normalize_whitespace(body).encode("utf-8")).hexdigest()


def stable_id(*parts: object) -> str:
    """A short deterministic id built from its parts (for mentions, figures, rejects)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(body: str) -> list[Sentence]:
    """Split a body into sentences whose offsets slice the body exactly."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(body):
        end = match.start() if match.group().startswith("\n") else match.end()
        if _ABBREVIATIONS.search(body[start:end]) and not match.group().startswith("\n"):
            continue
        _append_sentence(sentences, body, start, end)
        start = match.end()
    _append_sentence(sentences, body, start, len(body))
    return sentences


def _append_sentence(sentences: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, body[start:end]))
