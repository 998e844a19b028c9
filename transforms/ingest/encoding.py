"""Bytes -> text: detect binary input and the encoding of text that is not UTF-8."""

from __future__ import annotations

import codecs
import re

from transforms.ingest.rejects import Rejected

SNIFF_BYTES = 8192
# cp1252 is what most "latin-1" news exports really are. It is taken first when few letters are
# non-ASCII (English and Western text); text that is mostly non-ASCII (Cyrillic, Greek in a
# legacy code page) goes to the detector, which confuses cp1252 with cp1250 on Western text.
WESTERN = "cp1252"
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
MAX_WESTERN_NON_ASCII_SHARE = 0.3
# Share of control characters above which a decoding is considered wrong (or the input binary).
MAX_CONTROL_SHARE = 0.01
BINARY_CONTROL_SHARE = 0.10
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters other than the text ones (\t \n \v \f \r), C1 controls included.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(raw: bytes) -> str:
    """The text of `raw`: BOM, then strict UTF-8, then a detected or fallback encoding.

    NUL characters past the sniffed start are dropped. Raises Rejected("binary_file") for data
    that is not text at all (control bytes only, say: valid UTF-8, but no one's article) and
    Rejected("bad_encoding") for text that no candidate encoding decodes cleanly.
    """
    text = _decode(raw).replace("\x00", "")
    if _control_share(text) > BINARY_CONTROL_SHARE:
        raise Rejected("binary_file", "the input is mostly control characters")
    return text


def _decode(raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, "bad_encoding")
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise Rejected("binary_file", "the input contains NUL bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8(raw):
        # Any single-byte code page would "decode" this, as mojibake: it is damaged UTF-8.
        raise Rejected("bad_encoding", f"UTF-8 with invalid bytes: {utf8_error}")
    if _control_share(raw[:SNIFF_BYTES].decode("latin-1")) > BINARY_CONTROL_SHARE:
        raise Rejected("binary_file", "the input is mostly control bytes")
    western = _clean(raw, WESTERN)
    if western is not None and _non_ascii_share(western) <= MAX_WESTERN_NON_ASCII_SHARE:
        return western
    for encoding in (_detected(raw), *FALLBACK_ENCODINGS):
        if encoding is None:
            continue
        text = _clean(raw, encoding)
        if text is not None:
            return text
    raise Rejected(
        "bad_encoding", f"not UTF-8 ({utf8_error.reason}) and no clean fallback decoding"
    )


def _strict(raw: bytes, encoding: str, reason: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise Rejected(reason, f"invalid {encoding} after its byte order mark: {error}") from None


def _mostly_utf8(raw: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences (rare by chance in a code-page text)."""
    non_ascii = sum(1 for b in raw if b >= 0x80)
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(raw))
    return non_ascii > 0 and in_sequences / non_ascii >= 0.5


def _clean(raw: bytes, encoding: str) -> str | None:
    """`raw` decoded with `encoding`, or None if that fails or leaves stray control characters."""
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _control_share(text) <= MAX_CONTROL_SHARE else None


def _non_ascii_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(not ch.isascii() for ch in letters) / len(letters) if letters else 0.0


def _detected(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 64 * 1024]).best()  # a prefix is enough and keeps the detector fast
    return best.encoding if best is not None else None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)
