"""The ten-minute regex that docs/accuracy.md compares the extractor with.

`python -m bench.naive_regex GOLD.jsonl...` reads killed and injured as a hurried script would:
the first number (digits or a number word up to twenty) within three words before "killed",
"dead", "died" or "deaths" (before "injured", "wounded" or "hurt"), or right after "killing" /
"wounding"; no number found gives 0. It prints the share of rows read exactly, and among rows
whose label is not zero, in the same form as `conflict-events eval`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_VALUES = {word: at + 1 for at, word in enumerate(_WORDS)}
_NUMBER = r"(\d[\d,]*|" + "|".join(_WORDS) + r")"
_PATTERNS = {
    "killed": (r"killed|dead|died|deaths", r"killing"),
    "injured": (r"injured|wounded|hurt", r"wounding|injuring"),
}


def read_count(text: str, category: str) -> int:
    """The naive count of one category in a text."""
    after, before = _PATTERNS[category]
    pattern = rf"\b{_NUMBER}\s+(?:\w+\s+){{0,3}}?(?:{after})\b|\b(?:{before})\s+{_NUMBER}\b"
    match = re.search(pattern, text, re.IGNORECASE)
    if match is None:
        return 0
    number = (match.group(1) or match.group(2)).lower().replace(",", "")
    return int(number) if number.isdigit() else _VALUES[number]


def score(rows: list[dict], category: str) -> tuple[int, float, float | None]:
    """Rows labelled, exact share, exact share among labels above zero."""
    labelled = [r for r in rows if r.get(category) is not None]
    hits = [read_count(_text(r), category) == r[category] for r in labelled]
    nonzero = [hit for hit, r in zip(hits, labelled, strict=True) if r[category] > 0]
    exact = sum(hits) / len(hits) if hits else 0.0
    return len(hits), exact, (sum(nonzero) / len(nonzero) if nonzero else None)


def _text(row: dict) -> str:
    return f"{row['title']}. {row['text']}" if row.get("title") else row["text"]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for path in argv:
        rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        print(f"naive regex on {path}: {len(rows)} rows")
        for category in ("killed", "injured"):
            n, exact, nonzero = score(rows, category)
            if n:
                shown = "-" if nonzero is None else f"{nonzero:.3f}"
                print(f"{category:<10}{n:>6}  exact {exact:.3f}  nonzero {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
