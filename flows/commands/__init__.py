"""Subcommands of `sahelwatch`, one module each.

A module defines `register(subparsers)`, which adds its parser and sets `func`. To add a
command, write its module and name it in COMMANDS.
"""
from __future__ import annotations

import sys

COMMANDS = ("run", "extract", "eval", "demo", "serve", "verdict")


def fail(message: str, code: int = 2) -> int:
    """One line on stderr, and the exit status."""
    print(f"sahelwatch: error: {message}", file=sys.stderr)
    return code


def knowledge_base():
    """The configured knowledge base file, read and validated; SettingsError says why not."""
    from flows.loading import read_kb
    from flows.settings import SettingsError, load_settings

    kb, error = read_kb(load_settings().entities_file)
    if kb is None:
        raise SettingsError(error or "knowledge base unavailable")
    return kb
