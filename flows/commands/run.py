"""`sahelwatch run`: one monitoring cycle."""
from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from flows.commands import fail
from flows.settings import Settings, SettingsError, load_settings


def register(sub) -> None:
    run = sub.add_parser("run", help="one monitoring cycle (fetch, load, extract, compare, digest)")
    run.add_argument("--db", type=Path, help="DuckDB file (default: sahelwatch.duckdb here)")
    run.add_argument("--outbox", type=Path, help="folder for digests when no SMTP is configured")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from warehouse.errors import WarehouseError

    settings = load_settings()
    settings = replace(settings, db_path=args.db or settings.db_path,
                       outbox_dir=args.outbox or settings.outbox_dir)
    try:
        _preflight(settings)
        from flows.monitor import monitor  # imports Prefect: only after the cheap checks

        summary = monitor(settings)
    except WarehouseError as exc:
        return fail(str(exc))
    print(format_summary(summary, settings))
    return 0


def _preflight(settings: Settings) -> None:
    """Fail in seconds (before Prefect starts) when the database is held by another process."""
    from warehouse.db import connect

    connect(settings.db_path, wait_s=settings.db_wait_s).close()
    if not (settings.templates_dir / "digest.html.j2").exists():
        raise SettingsError(f"{settings.templates_dir}: digest templates not found")


def _source_lines(s: dict[str, Any]) -> list[str]:
    """Web sources by status, and those that need a look (failing, or silent for too long)."""
    by_status = s.get("sources_by_status") or {}
    if not by_status:
        return []
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(by_status.items()))
    lines = [f"  sources   {sum(by_status.values())} web ({counts})"]
    attention = s.get("sources_attention") or []
    if attention:
        lines.append(f"  attention {len(attention)} source(s) need a look:")
        lines += [f"    ! {line}" for line in attention]
    return lines


def format_summary(s: dict[str, Any], settings: Settings) -> str:
    claims = ", ".join(f"{k} {v}" for k, v in sorted(s["claims_by_type"].items())) or "none"
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(s["events_by_status"].items())) or "none"
    lines = [f"run {s['run_id']}  database {settings.db_path}",
             f"  articles  {s['articles_seen']} read, {s['articles_new']} new, {s['articles_extracted']} extracted",
             f"  claims    {s['claims_new']} new ({claims})",
             f"  events    {s['events_new']} new ({statuses})",
             f"  errors    {s['errors']}"]
    lines += [f"    - {line}" for line in group_error_lines(s["error_lines"])]
    lines += _source_lines(s)
    if s.get("extraction_skipped"):
        lines.append("  extraction skipped: the knowledge base could not be read (see errors)")
    lines += [f"  digest    {d}" for d in s["digests"]] or ["  digest    none: nothing new to report"]
    return "\n".join(lines)


_VARYING = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)+\b|\d+")  # URLs, host names, counts


def group_error_lines(lines: list[str], min_group: int = 3, shown: int = 4) -> list[str]:
    """Error lines as shown in the summary: the same failure of many sources (no internet: every
    feed's DNS lookup fails) folds into one line naming the sources; v_errors keeps every row."""
    keyed = [(_failure(line), line) for line in lines]
    sources: dict[str, list[str]] = {}
    for (source, key), _ in keyed:
        sources.setdefault(key, []).append(source)
    out, folded = [], set()
    for (_, key), line in keyed:
        if len(sources[key]) < min_group:
            out.append(line)
        elif key not in folded:
            folded.add(key)
            names = sources[key][:shown]
            more = f" and {len(sources[key]) - shown} more" if len(sources[key]) > shown else ""
            out.append(f"{len(sources[key])} sources: {key} ({', '.join(names)}{more}; every row in v_errors)")
    return out


def _failure(line: str) -> tuple[str, str]:
    """(source, the failure with its URLs, host names and counts blanked)."""
    source, _, rest = line.partition(": ")
    rest = rest.removeprefix(f"{source}: ")
    return source, (_VARYING.sub("…", rest).lstrip("…: ") if rest else line)
