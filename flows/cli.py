"""The `sahelwatch` command line. Each subcommand lives in flows/commands/.

Expected failures (a locked database, a malformed configuration, an unreadable input
file) end with one line on stderr naming the file and the problem, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import Sequence

from flows.commands import COMMANDS, fail
from flows.settings import SettingsError

OUR_LOGGERS = ("sahelwatch", "sources", "claims", "warehouse", "alerts", "flows")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _configure_logging(args.verbose)
    from sources.errors import SourceError

    try:
        return args.func(args)
    except (SettingsError, SourceError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted", code=130)
    except BrokenPipeError:  # the reader went away (`sahelwatch extract ... | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sahelwatch", description="Monitoring and alerting on jihadist "
                                "movements in the Maghreb and the Sahel.")
    p.add_argument("-v", "--verbose", action="store_true", help="show Prefect's own log lines too")
    sub = p.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"flows.commands.{name}").register(sub)
    return p


def _configure_logging(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    for name in OUR_LOGGERS:  # progress lines of our own packages; libraries stay at WARNING
        logging.getLogger(name).setLevel(logging.INFO)
