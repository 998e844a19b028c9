"""Language identification with py3langid, whose model ships inside the package (no download)."""

from __future__ import annotations

from functools import cache

SUPPORTED_LANGUAGES = frozenset({"en"})
# Below this probability the identifier is guessing (short or mixed text): keep the article
# rather than lose an English report over a headline-length body.
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 4000  # the start of a body is enough to identify it, and keeps long bodies cheap
# English function words. Running text in another language rarely has one word in seven from
# this list, while English prose has one in four or five; checking it is ~50x cheaper than
# the identifier, which then only sees the doubtful texts.
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "were",
        "that",
        "for",
        "on",
        "with",
        "by",
        "at",
        "from",
        "as",
        "it",
        "has",
        "have",
        "had",
        "been",
        "are",
        "be",
        "said",
        "an",
        "this",
        "which",
        "who",
        "their",
        "they",
        "not",
    ]
)
OBVIOUSLY_ENGLISH_SHARE = 0.15
_FAST_SAMPLE_WORDS = 300
_MIN_FAST_WORDS = 40


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the text's language and the identifier's probability for it."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return language, float(probability)


def obviously_english(text: str) -> bool:
    """True when at least 40 words are sampled and 15% or more of them are English function words."""
    words = text[:SAMPLE_CHARS].lower().split(maxsplit=_FAST_SAMPLE_WORDS)[:_FAST_SAMPLE_WORDS]
    if len(words) < _MIN_FAST_WORDS:
        return False
    hits = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words))  # 3x a generator's speed
    return hits >= OBVIOUSLY_ENGLISH_SHARE * len(words)


def unsupported_language(text: str) -> str | None:
    """The detected language if it is confidently one we do not extract from, else None."""
    if obviously_english(text):
        return None
    language, probability = detect_language(text)
    if language in SUPPORTED_LANGUAGES or probability < MIN_CONFIDENCE:
        return None
    return language
