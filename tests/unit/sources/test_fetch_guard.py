"""SSRF: by default a fetch connects to public addresses only, checked after DNS resolution,
at connect time, and again on every redirect; `allow_private_urls` is the opt-in."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import quote

import pytest

import sources.addresses as addresses
from flows.params import FetchParams
from sources.addresses import blocked_kind
from sources.fetch import close_clients, fetch, shared_client
from tests.http_server import LocalServer
from transforms.ingest.rejects import Rejected

GUARDED = FetchParams(timeout=2, max_seconds=5, max_bytes=256 * 1024)
OPEN = GUARDED.model_copy(update={"allow_private_urls": True})
ORIGINAL_KIND = addresses.blocked_kind


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture(autouse=True)
def fresh_clients():
    yield
    close_clients()


@pytest.fixture
def loopback_is_the_internet(monkeypatch):
    """127.0.0.1 stands in for a public web server, so a redirect from it can be tested."""
    monkeypatch.setattr(
        addresses,
        "blocked_kind",
        lambda ip: None if str(ip) == "127.0.0.1" else ORIGINAL_KIND(ip),
    )


@pytest.fixture
def fake_dns(monkeypatch):
    """news.test resolves to 127.0.0.1, as a hostile DNS record would."""
    real = socket.getaddrinfo

    def lookup(host, port, *args, **kwargs):
        return real("127.0.0.1" if host == "news.test" else host, port, *args, **kwargs)

    monkeypatch.setattr(addresses.socket, "getaddrinfo", lookup)


def _refusal(url: str) -> Rejected:
    with pytest.raises(Rejected) as raised:
        fetch(shared_client(GUARDED), url, GUARDED)
    return raised.value


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("fe80::1", "link-local"),
        ("fd00:ec2::254", "private"),  # AWS metadata over IPv6
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_the_address_policy(address, kind):
    assert blocked_kind(ipaddress.ip_address(address)) == kind


def test_a_private_address_is_refused_by_default_and_never_contacted(server):
    before = server.hits["/internal/secret"]
    refused = _refusal(f"{server.url}/internal/secret")
    assert refused.reason == "blocked_address"
    assert "127.0.0.1" in refused.detail and "loopback" in refused.detail
    assert server.hits["/internal/secret"] == before


def test_a_name_is_checked_after_resolution(server, fake_dns):
    port = server.server_address[1]
    assert _refusal(f"http://news.test:{port}/internal/secret").reason == "blocked_address"
    assert _refusal(f"http://localhost:{port}/internal/secret").reason == "blocked_address"


def test_the_connection_goes_to_the_address_that_was_checked(
    server, fake_dns, loopback_is_the_internet
):
    """news.test is not in any resolver: the guard's own answer is what the socket uses."""
    port = server.server_address[1]
    got = fetch(shared_client(GUARDED), f"http://news.test:{port}/articles/ambush.html", GUARDED)
    assert got.status == 200 and b"Burkina Faso" in got.body


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2:{port}/internal/secret",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/admin",
        "http://[::1]:{port}/internal/secret",
    ],
)
def test_every_redirect_is_checked(server, loopback_is_the_internet, target):
    port = server.server_address[1]
    url = f"{server.url}/redirect?to={quote(target.format(port=port), safe='')}"
    refused = _refusal(url)
    assert refused.reason == "blocked_address", refused.detail
    assert server.hits["/redirect"] >= 1


def test_allow_private_urls_fetches_from_the_intranet(server):
    got = fetch(shared_client(OPEN), f"{server.url}/internal/secret", OPEN)
    assert got.status == 200
