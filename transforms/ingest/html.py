"""An HTML page -> an article record: main text, title, publication date, canonical URL.

trafilatura does the boilerplate removal (navigation, footers, comments). It parses a string
in memory and fetches nothing.
"""

from __future__ import annotations

from transforms.ingest.html_text import plain_text
from transforms.ingest.rejects import Rejected
from transforms.text import normalize_whitespace

# Only the page's own metadata: htmldate's extensive search guesses dates from the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def record_from_html(html: str, url: str | None = None) -> dict:
    """A record with text, title, published_at and url (canonical when the page names one).

    Raises Rejected("malformed_html") for input no HTML parser can read, and
    Rejected("empty_text") for a page without readable text.
    """
    import trafilatura
    from trafilatura.utils import load_html

    if "<" not in html or load_html(html) is None:
        raise Rejected("malformed_html", "not an HTML document (no element could be parsed)")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = document.text if document is not None else None
    if not text or not normalize_whitespace(text):
        # Short pages fall under trafilatura's minimum size: take the plain page text instead.
        text = trafilatura.html2txt(html)
    if not text or not normalize_whitespace(text):
        # lxml stops at its depth limit (256): a page of 100k nested divs parses as empty.
        text = plain_text(html)
    if not text or not normalize_whitespace(text):
        raise Rejected("empty_text", "the page has no readable text")
    title = document.title if document is not None else None
    return {
        "text": _without_heading(text, title),
        "title": title,
        "published_at": document.date if document is not None else None,
        "url": (document.url if document is not None else None) or url,
        "source": document.sitename if document is not None else None,
    }


def _without_heading(text: str, title: str | None) -> str:
    """The text without its first line when that line is the title (the page's <h1>)."""
    first, _, rest = text.strip().partition("\n")
    if title and rest and normalize_whitespace(first) == normalize_whitespace(title):
        return rest.strip()
    return text.strip()
