"""Refuse connections to private, loopback, link-local and other non-public addresses.

The check runs where the socket is opened (an httpcore network backend), on every address
the host name resolves to, so that it holds for redirects too and a name cannot resolve to
one address when checked and another when connected: the socket goes to the checked address.
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Iterable, Sequence

import httpcore
from httpcore._backends.sync import SyncBackend

from sources.errors import RefusedError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def address_problem(ip: str, allowed: Sequence[Network] = ()) -> str | None:
    """Why this address may not be contacted, or None when it may."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if getattr(addr, "ipv4_mapped", None):
        addr = addr.ipv4_mapped
    if any(addr in net for net in allowed):
        return None
    for label in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(addr, f"is_{label}"):
            return f"{label.replace('_', '-')} address {addr}"
    if not addr.is_global:
        return f"non-public address {addr}"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"DNS lookup failed for {host}: {exc.strerror}") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def check_host(host: str, port: int, allowed: Sequence[Network] = ()) -> list[str]:
    """The host's addresses, or RefusedError if any one of them is not allowed."""
    addresses = resolve(host, port)
    for ip in addresses:
        problem = address_problem(ip, allowed)
        if problem:
            raise RefusedError(host, f"refused: {host} resolves to a {problem} "
                                     "(allow it with [fetch] allow_private_networks)")
    return addresses


class GuardedBackend(SyncBackend):
    """httpcore's sync backend, connecting only to checked addresses."""

    def __init__(self, allowed: Iterable[Network] = ()):
        self.allowed = tuple(allowed)

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = check_host(host, port, self.allowed)
        last: Exception | None = None
        for ip in addresses:
            try:
                return super().connect_tcp(ip, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")
