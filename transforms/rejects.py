"""The exception every transform raises for input that cannot become an article."""

from __future__ import annotations


class Rejected(Exception):
    """An input item that cannot become an article. `reason` is a stable snake_case code.

    `payload` optionally carries the raw input that the reject row should keep (the start of
    an error page, of an oversize body) when the caller would otherwise have none.
    """

    def __init__(self, reason: str, detail: str, payload: str | bytes | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.payload = payload
