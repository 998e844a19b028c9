"""URLs: which ones we fetch, and one canonical spelling per page for identity."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from transforms.ingest.rejects import Rejected

FETCHABLE_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that only track the reader: the same page with or without them.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$")


def looks_like_url(text: str) -> bool:
    """True for anything with a scheme (http:, ftp:, file:, mailto:), so it is not a file path.

    A Windows drive letter (C:\\) is a path, not a scheme.
    """
    return bool(_SCHEME.match(text)) and not re.match(r"^[A-Za-z]:[\\/]", text)


def fetchable_url(text: str) -> str:
    """The URL, stripped, if we may fetch it.

    Raises Rejected("unsupported_scheme") for what is not http(s) and Rejected("malformed_url")
    for a URL that cannot be parsed (`http://[::1`, a port out of range).
    """
    url = text.strip()
    parts = _split(url)
    scheme = parts.scheme.lower() if looks_like_url(url) else ""
    if scheme not in FETCHABLE_SCHEMES:
        what = f"scheme {scheme}:" if scheme else "a file path or bare name"
        raise Rejected("unsupported_scheme", f"only http and https are fetched, not {what}")
    if not parts.hostname:
        raise Rejected("unsupported_scheme", "the URL has no host")
    return url


def _split(url: str) -> SplitResult:
    """urlsplit, with the port checked too (both raise ValueError on a malformed URL)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read for its check: out of range or not a number
    except ValueError as error:
        raise Rejected("malformed_url", f"the URL cannot be parsed: {error}") from None
    return parts


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: lower-case scheme and host, no default port, fragment or trackers."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip() or None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, query, ""))
