"""Place-name keys: fold() and the per-process memos of answers that depend on a name alone."""

from __future__ import annotations

import re
import unicodedata

_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "l", "ı": "i", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae"}
    | {"Æ": "ae", "ħ": "h", "ŧ": "t", "œ": "oe", "þ": "th", "ð": "d"}
)
# A typographic apostrophe before a final "s" is a possessive: folded as the ASCII one
# ("Chicago’s" = "Chicago's"); inside a name it is dropped, as before ("Il’skiy" = "ilskiy").
_POSSESSIVE = re.compile(r"[’‘ʼ](?=s\b)")


def fold(name: str) -> str:
    """Case-, accent- and hyphen-insensitive key for a place name ("Deir-ez-Zor" = "deir ez zor")."""
    if not name.isascii():
        name = _POSSESSIVE.sub("'", name)
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
        name = decomposed.encode("ascii", "ignore").decode("ascii")
    # ASCII by now (other dashes and quotes were dropped above): four C-level replaces are
    # cheaper than a regex or str.translate, on words and whole sentences alike
    name = name.lower().replace("-", " ").replace("'", " ").replace("`", " ").replace(".", " ")
    return " ".join(name.split())


_UNSEEN = object()


class _Memo(dict):
    """Answers that depend on a name alone, remembered for the process (names recur in every
    article); emptied when full, since a long run meets ever new names."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key, compute, *args):
        """self[key], computed as compute(*args) the first time."""
        found = self.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self) > self.limit:
                self.clear()
            found = self[key] = compute(*args)
        return found


_FOLDED = _Memo(200_000)


def _fold_word(word: str) -> str:
    """fold() of one word or name, remembered: the same names recur in every article."""
    key = _FOLDED.get(word)  # looked up inline first: this runs for every word of a name
    return _FOLDED.remember(word, fold, word) if key is None else key
