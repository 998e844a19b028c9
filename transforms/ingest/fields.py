"""Reading a record's fields whatever their case and shape: text, never a Python repr.

A record comes from JSON, CSV or a feed. Its field names may be in any case ("TEXT", "Title"),
and a value may be a list (paragraphs, several titles) or an object (a source with a name).
Lists are joined, objects give their name or their joined text, and other values are ignored.
"""

from __future__ import annotations

# Past this depth a value's text is not looked for: no real record nests its title deeper,
# and a fixed bound keeps a hostile record from exhausting the stack.
MAX_DEPTH = 16
# Keys that name an object's text: {"name": "Reuters", "id": 7} is "Reuters".
NAME_KEYS = ("name", "title", "text", "value", "#text", "href", "url")


def lowered_fields(record: dict) -> dict[str, object]:
    """The record's present fields under lower-case names; the first present spelling wins."""
    fields: dict[str, object] = {}
    for key, value in record.items():
        if _present(value):
            fields.setdefault(str(key).strip().lower(), value)
    return fields


def first_field(fields: dict[str, object], names: tuple[str, ...]) -> object:
    """The value of the first of `names` present in `fields` (from lowered_fields)."""
    for name in names:
        value = fields.get(name.lower())
        if value is not None:
            return value
    return None


def text_of(value: object, separator: str = " ", depth: int = 0) -> str | None:
    """The text a value holds: a string as it is, lists joined, an object's name or values.

    Booleans are not text (None); numbers are written out; NUL characters are dropped.
    """
    if isinstance(value, str):
        return value.replace("\x00", "").strip() or None
    if isinstance(value, bool) or depth >= MAX_DEPTH:
        return None
    if isinstance(value, int | float):
        return str(value)
    parts = (text_of(item, separator, depth + 1) for item in _members(value))
    return separator.join(part for part in parts if part) or None


def first_text(value: object, depth: int = 0) -> str | None:
    """The first string in a value (a URL list gives its first URL, not all of them joined)."""
    if isinstance(value, str):
        return value.replace("\x00", "").strip() or None
    if depth >= MAX_DEPTH:
        return None
    texts = (first_text(item, depth + 1) for item in _members(value))
    return next((text for text in texts if text is not None), None)


def _members(value: object) -> list:
    """A list's items; an object's named value, else its values; nothing for anything else."""
    if isinstance(value, dict):
        named = first_field(lowered_fields(value), NAME_KEYS)
        return [named] if named is not None else list(value.values())
    return list(value) if isinstance(value, list | tuple) else []


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, str | list | dict) and not value)
