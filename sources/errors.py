"""Errors of the sources package.

    SourceError
    ├── ConfigError   a configuration or seed file (YAML, manifest) is missing or malformed;
    │                 the message names the file and, where known, the line
    └── ItemError     one item (a seed file, later a URL) could not be read or parsed;
                      the run records it with its reason and goes on with the rest
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
