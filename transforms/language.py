"""Language identification with py3langid, whose model ships inside the package (no download)."""

from __future__ import annotations

from functools import cache

SUPPORTED_LANGUAGES = frozenset({"en"})
# Below this probability the identifier is guessing (short or mixed text): keep the article
# rather than lose an English report over a headline-length body.
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 4000  # the start of a body is enough to identify it, and keeps long bodies cheap


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the text's language and the identifier's probability for it."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return language, float(probability)


def unsupported_language(text: str) -> str | None:
    """The detected language if it is confidently one we do not extract from, else None."""
    language, probability = detect_language(text)
    if language in SUPPORTED_LANGUAGES or probability < MIN_CONFIDENCE:
        return None
    return language
