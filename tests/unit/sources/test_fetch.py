"""sources/fetch.py against a real HTTP server on 127.0.0.1 (no Prefect)."""

from __future__ import annotations

import time

import httpx
import pytest

from flows.params import FetchParams
from sources.fetch import TransientFetchError, fetch, shared_client
from tests.http_server import FEED_ETAG, LocalServer
from transforms.ingest.formats import harvest, items_from_response
from transforms.ingest.rejects import Rejected

# The test server is on 127.0.0.1: these tests opt in (test_fetch_guard.py tests the refusal).
SETTINGS = FetchParams(
    timeout=0.5, max_seconds=5, max_bytes=256 * 1024, concurrency=4, allow_private_urls=True
)


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        running.slow_seconds = 1.5
        yield running


@pytest.fixture(scope="module")
def client():
    timeout = httpx.Timeout(SETTINGS.timeout, connect=SETTINGS.connect_timeout)
    with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5) as plain:
        yield plain


def _outcome(client, url: str) -> Rejected | TransientFetchError:
    with pytest.raises((Rejected, TransientFetchError)) as raised:
        fetch(client, url, SETTINGS)
    return raised.value


def test_an_article_page_is_fetched_and_read(server):
    got = fetch(shared_client(SETTINGS), f"{server.url}/articles/airstrike.html", SETTINGS)
    assert got.status == 200 and got.content_type == "text/html"
    assert server.hits["/articles/airstrike.html"] >= 1
    found = harvest(got.url, got.body, items_from_response(got.url, got.body, got.content_type))
    [article] = found.articles
    assert article["title"] == "Airstrike kills four in Idlib village"
    assert article["body"].startswith("An airstrike hit a village")
    assert article["url"] == f"{server.url}/articles/airstrike.html"


def test_the_feed_is_fetched_conditionally(server, client):
    first = fetch(client, f"{server.url}/feed.rss", SETTINGS)
    assert first.status == 200 and first.etag == FEED_ETAG
    before = server.not_modified
    again = fetch(client, f"{server.url}/feed.rss", SETTINGS, etag=first.etag)
    assert again.status == 304 and again.body == b""
    assert server.not_modified == before + 1


@pytest.mark.parametrize(
    ("path", "error", "reason"),
    [
        ("/missing", Rejected, "http_error"),
        ("/broken", TransientFetchError, "http_error"),
        ("/slow", TransientFetchError, "timeout"),
        ("/huge", Rejected, "oversize"),
        ("/binary", Rejected, "binary_file"),
        ("/api", Rejected, "unsupported_content_type"),
        ("/loop-a", Rejected, "redirect_loop"),
    ],
)
def test_each_failure_has_its_reason(server, client, path, error, reason):
    started = time.monotonic()
    outcome = _outcome(client, f"{server.url}{path}")
    assert type(outcome) is error and outcome.reason == reason, outcome.detail
    assert time.monotonic() - started < 1.5  # timeouts and the size cap stop waiting early


def test_error_pages_and_oversize_bodies_are_kept_for_the_reject(server, client):
    missing = _outcome(client, f"{server.url}/missing")
    assert "404" in missing.detail and "Not found" in missing.payload
    huge = _outcome(client, f"{server.url}/huge")
    assert SETTINGS.max_bytes < len(huge.payload) < 2 * SETTINGS.max_bytes


def test_a_binary_body_sent_as_html_is_rejected_when_read(server, client):
    got = fetch(client, f"{server.url}/binary-as-html", SETTINGS)
    found = harvest(got.url, got.body, items_from_response(got.url, got.body, got.content_type))
    assert [r["reason"] for r in found.rejects] == ["binary_file"] and not found.articles


def test_requests_say_who_we_are(server):
    from sources.fetch import USER_AGENT

    fetch(shared_client(SETTINGS), f"{server.url}/articles/ambush.html", SETTINGS)
    assert USER_AGENT in server.user_agents
    assert "conflict-events" in USER_AGENT
