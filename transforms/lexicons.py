"""Word lists and keyword tables kept as text files in transforms/data/ (shipped as package data).

A table file holds one entry a line, its fields separated by tabs. Lines starting with "#" are
comments (each file opens with one saying what it holds) and blank lines are skipped, so the
entries keep the order in which the file lists them.
"""

from __future__ import annotations

from importlib import resources


def read_table(name: str, columns: int) -> list[tuple[str, ...]]:
    """The entries of transforms/data/<name>, each a tuple of `columns` fields, in file order."""
    text = resources.files("transforms").joinpath("data", name).read_text(encoding="utf-8")
    return parse_table(text, columns, name)


def parse_table(text: str, columns: int, name: str = "table") -> list[tuple[str, ...]]:
    """The entries of a table's text; a line with another number of fields is an error."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if len(fields) != columns:
            raise ValueError(f"{name}:{number}: {len(fields)} fields, expected {columns}")
        entries.append(fields)
    return entries
