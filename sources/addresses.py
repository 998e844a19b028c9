"""Which addresses a fetch may connect to: the public internet only, unless the user opts in.

A feed is someone else's content, and its entries' links, or a redirect, could point the
pipeline at the machine it runs on or at its network: 127.0.0.1, 10.x, a cloud's metadata
service at 169.254.169.254. So the check is made where the connection is made, on the
addresses the name resolved to, and the connection goes to exactly the address that was
checked: a name that resolves to a public address when asked first and to a private one later
(DNS rebinding) cannot slip through, and every redirect opens its connection the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(Exception):
    """A connection to a loopback, private, link-local, multicast or reserved address."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} resolves to {address}, a {kind} address; not fetched")
        self.host, self.address, self.kind = host, address, kind


def blocked_kind(address: IPAddress) -> str | None:
    """Why an address is off limits (None: a public address)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:  # shared (100.64/10), documentation and other special ranges
        return "non-public"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order (a literal IP: itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from error
    return list(dict.fromkeys(info[4][0] for info in infos))


def check(host: str, addresses: Iterable[str]) -> None:
    """Raise BlockedAddress when any address of `host` is not public: one private answer is
    enough to refuse, so a name cannot mix a public and a private address to get in."""
    for text in addresses:
        kind = blocked_kind(ipaddress.ip_address(text.split("%")[0]))  # drop an IPv6 zone
        if kind:
            raise BlockedAddress(host, text, kind)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to checked, public addresses."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        check(host, addresses)
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:  # TLS still verifies `host`: httpcore wraps this stream
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as failed:
                error = failed
        raise error
