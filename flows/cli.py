"""The `sahelwatch` command line. Each subcommand lives in flows/commands/.

Expected failures (a locked database, a malformed configuration, an unreadable input
file) end with one line on stderr naming the file and the problem, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
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
    except RuntimeError as exc:
        message = _server_start_failure(exc, args.verbose)
        if message is None:
            raise
        return fail(message, code=1)
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


def _server_start_failure(exc: RuntimeError, verbose: bool) -> str | None:
    """One line for Prefect's temporary local server not answering in time (a busy machine),
    or None for any other RuntimeError (a bug: its traceback is wanted). With -v, what the
    server's process printed goes to stderr first."""
    text = str(exc)
    if not text.startswith(_SERVER_TIMEOUT):
        return None
    if verbose:
        print(text, file=sys.stderr)
    exited = _EXIT_CODE.search(text)
    return (f"Prefect's temporary local server did not answer within "
            f"{os.environ.get(_STARTUP_TIMEOUT, '?')} s" + (f" (its process exited with code {exited.group(1)})" if exited else "")
            + f": run again, raise {_STARTUP_TIMEOUT}, or point PREFECT_API_URL at a running server (-v shows its output)")


_SERVER_TIMEOUT = "Timed out while attempting to connect to ephemeral Prefect API server"
_EXIT_CODE = re.compile(r"exited with code (-?\d+)")
_STARTUP_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
# Prefect waits 20 s by default for its temporary server, which starts in 4-15 s on an idle
# 2-core machine: a busy one needs more.
_STARTUP_TIMEOUT_DEFAULT = "90"


def _configure_logging(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault(_STARTUP_TIMEOUT, _STARTUP_TIMEOUT_DEFAULT)
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    for name in OUR_LOGGERS:  # progress lines of our own packages; libraries stay at WARNING
        logging.getLogger(name).setLevel(logging.INFO)
