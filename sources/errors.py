"""Errors of the sources package.

    SourceError
    ├── ConfigError        a configuration or seed file (YAML, manifest, sources.yaml) is missing
    │                      or malformed; the message names the file and, where known, the line
    └── ItemError          one item (a seed file, a URL) could not be read or parsed; the run
        │                  records it with its reason and goes on with the rest
        ├── FetchError     a URL could not be fetched (timeout, DNS, HTTP status, broken
        │   │              transfer); `transient` says whether a later retry may help
        │   ├── RefusedError   refused by policy, no request made: a scheme other than http/https,
        │   │                  a private/loopback/link-local address, robots.txt, too many redirects
        │   └── TooLargeError  the body (or its decompressed form) passed the cap; reading stopped
        └── ParseError     fetched, but the bytes are not a usable feed, page or API answer
"""
from __future__ import annotations


class SourceError(Exception):
    """Base of every error raised by `sources`."""


class ConfigError(SourceError):
    """A configuration file is missing or malformed."""


class ItemError(SourceError):
    """One item could not be read or parsed. `item` names it, `reason` says why."""

    def __init__(self, item: str, reason: str):
        self.item = item
        self.reason = reason
        super().__init__(f"{item}: {reason}")


class FetchError(ItemError):
    """A URL could not be fetched. `transient`: a timeout, 408, 429 or 5xx (worth retrying);
    `unreachable`: the host could not be reached at all (DNS, connection refused)."""

    def __init__(self, item: str, reason: str, *, transient: bool = False, status: int | None = None,
                 unreachable: bool = False):
        super().__init__(item, reason)
        self.transient = transient
        self.status = status
        self.unreachable = unreachable


class RefusedError(FetchError):
    """The request was refused by policy before it was made (never retried)."""


class TooLargeError(FetchError):
    """The response passed the body-size or decompressed-size cap; reading stopped there."""


class ParseError(ItemError):
    """The bytes fetched are not a usable feed, page or API answer."""
