"""HTTP(S) fetching of article pages and feeds with httpx: bounded, polite, and never unbounded.

`fetch` classifies every failure. A permanent one (404, redirect loop, wrong content type,
too big) raises `Rejected`, which becomes a `rejects` row at once. A transient one (timeout,
5xx, 429, connection refused) raises `TransientFetchError`, which the Prefect task retries
with backoff before the flow records it as a reject.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx

from flows.params import FetchParams
from sources.addresses import BlockedAddress, GuardedBackend
from transforms.ingest.rejects import Rejected

USER_AGENT = (
    "conflict-events/0.1 (news ingest for a conflict event dataset; "
    "fetches each article once and honours ETag/Last-Modified)"
)
MAX_REDIRECTS = 5
ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
)
BINARY_TYPES = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/octet-stream",
    "application/pdf",
    "application/zip",
    "application/gzip",
)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
ERROR_BODY_BYTES = 4096  # an error page is kept for the reject, only its start


class TransientFetchError(Exception):
    """A failure worth retrying. `reason` is the reject code used once retries are spent."""

    def __init__(self, reason: str, detail: str, payload: str = "") -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.payload = payload


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as requested
    final_url: str  # after redirects
    status: int  # 200, or 304 when the validators we sent still match
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None


_clients: dict[str, httpx.Client] = {}
_clients_lock = threading.Lock()


def shared_client(settings: FetchParams) -> httpx.Client:
    """One connection pool per settings, shared by the fetch threads (httpx.Client is thread-safe)."""
    key = settings.model_dump_json()
    with _clients_lock:
        if key not in _clients:
            _clients[key] = httpx.Client(
                timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)},
                transport=_transport(settings),
            )
        return _clients[key]


def _transport(settings: FetchParams) -> httpx.HTTPTransport:
    """The connection pool; unless private URLs are allowed, it connects to public addresses
    only (see sources/addresses.py), for the first request and for every redirect."""
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_connections=settings.concurrency))
    if not settings.allow_private_urls:
        # httpx takes no network backend of its own; its httpcore pool does. A unit test
        # checks that a private address is refused, so a change here cannot pass unseen.
        transport._pool._network_backend = GuardedBackend()
    return transport


def close_clients() -> None:
    with _clients_lock:
        for client in _clients.values():
            client.close()
        _clients.clear()


def fetch(
    client: httpx.Client,
    url: str,
    settings: FetchParams,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET `url`, conditionally when validators are given. Raises Rejected or TransientFetchError."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with client.stream("GET", url, headers=headers) as response:
            return _read(url, response, settings)
    except BlockedAddress as error:
        raise Rejected("blocked_address", str(error)) from None
    except httpx.TooManyRedirects as error:
        raise Rejected("redirect_loop", f"more than {MAX_REDIRECTS} redirects: {error}") from None
    except httpx.UnsupportedProtocol as error:
        raise Rejected(
            "unsupported_scheme", f"redirected to a scheme we do not fetch: {error}"
        ) from None
    except httpx.InvalidURL as error:
        raise Rejected("unsupported_scheme", f"invalid URL: {error}") from None
    except httpx.TimeoutException as error:
        raise TransientFetchError(
            "timeout",
            f"{type(error).__name__} (connect {settings.connect_timeout}s, read {settings.timeout}s)",
        ) from None
    except httpx.HTTPError as error:  # connection refused or reset, protocol errors
        raise TransientFetchError("http_error", f"{type(error).__name__}: {error}") from None


def _read(url: str, response: httpx.Response, settings: FetchParams) -> Fetched:
    status = response.status_code
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if status == 304:
        return Fetched(url, str(response.url), 304, content_type, b"", None, None)
    if status >= 400:
        body = _error_body(response)
        detail = f"HTTP {status} {response.reason_phrase}"
        if status in RETRY_STATUSES:
            raise TransientFetchError("http_error", detail, body)
        raise Rejected("http_error", detail, body)
    if content_type and content_type not in ACCEPTED_TYPES:
        binary = content_type.startswith(BINARY_TYPES)
        reason = "binary_file" if binary else "unsupported_content_type"
        raise Rejected(reason, f"content type {content_type} is not an article or a feed")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise Rejected("oversize", f"Content-Length {declared} > {settings.max_bytes} bytes")
    body = _capped_body(response, settings)
    return Fetched(
        url,
        str(response.url),
        status,
        content_type,
        body,
        response.headers.get("etag"),
        response.headers.get("last-modified"),
    )


def _capped_body(response: httpx.Response, settings: FetchParams) -> bytes:
    """The body, stopping at the size cap and at the overall deadline (a trickling server)."""
    deadline = time.monotonic() + settings.max_seconds
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > settings.max_bytes:
            detail = f"body larger than {settings.max_bytes} bytes; download stopped"
            raise Rejected("oversize", detail, b"".join(chunks))
        if time.monotonic() > deadline:
            raise TransientFetchError("timeout", f"download took over {settings.max_seconds}s")
    return b"".join(chunks)


def _error_body(response: httpx.Response) -> str:
    data = b""
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) >= ERROR_BODY_BYTES:
            break
    return data[:ERROR_BODY_BYTES].decode("utf-8", errors="replace")
