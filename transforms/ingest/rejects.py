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


# Every reason code ingest writes, with what it means (docs/inputs.md lists the same;
# tests/e2e/test_docs.py checks it).
REASONS = {
    "empty_text": "no text: an empty file, a record without a body, a page without readable text",
    "binary_file": "not text: NUL or control bytes, or a binary content type from a server",
    "bad_encoding": "text that no candidate encoding decodes cleanly (e.g. damaged UTF-8)",
    "malformed_json": "a .json document or a .jsonl line that is not valid JSON",
    "malformed_record": "a JSON value that is not an object (a list or number in a list)",
    "malformed_csv": "a CSV without a text/body/content column, a short row, a broken quote",
    "malformed_html": "an .html file or page that has no HTML elements",
    "malformed_feed": "an RSS/Atom document that is not well-formed XML or not a feed",
    "nested_feed": "a feed entry whose link is another feed (not followed)",
    "oversize": "a file or response over the size cap",
    "unreadable_file": "a file that could not be opened (permissions, vanished, a symlink loop) "
    "or is not a regular file (a FIFO, a socket, a device)",
    "unparseable": "a parser failed unexpectedly on this input (a bug to report)",
    "malformed_url": "a URL that cannot be parsed (`http://[::1`, a port out of range)",
    "unsupported_scheme": "a URL that is not http(s), or a file path given as a URL",
    "unsupported_content_type": "a response that is neither HTML, plain text, a feed nor binary",
    "http_error": "a 4xx/5xx status or a connection failure (5xx after retries)",
    "timeout": "no response within the timeout, after retries",
    "redirect_loop": "more redirects than allowed (a loop)",
    "blocked_address": "a URL or redirect to a loopback, private or link-local address",
    "unsupported_language": "not English; the body is kept in the payload",
    # A warning (stage `ingest_warning`): the article is kept, this note says what was dropped.
    "unreadable_date": "a warning: published_at present but not a date in 1900-2100 "
    "(a word, a boolean, year 9999); the article is kept with published_at NULL",
}
