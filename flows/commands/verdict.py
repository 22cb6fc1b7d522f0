"""`sahelwatch verdict EVENT confirm | reject | duplicate-of EVENT [--note ...]`.

Records an analyst's verdict on a ledger event (see warehouse/verdicts.py), then brings
every event's status up to date with the knowledge base the verdict may have extended.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import fail

ACTIONS = ("confirm", "reject", "duplicate-of")


def register(sub) -> None:
    v = sub.add_parser("verdict", help="an analyst's verdict on an event: confirm, reject, duplicate-of EVENT")
    v.add_argument("event", help="event_id (v_events)")
    v.add_argument("action", choices=ACTIONS)
    v.add_argument("target", nargs="?", help="with duplicate-of: the event this one duplicates")
    v.add_argument("--note", help="why (kept with the verdict and, on confirm, in the KB relation's note)")
    v.add_argument("--db", type=Path, help="DuckDB file (default: the configured one)")
    v.set_defaults(func=cmd_verdict)


def cmd_verdict(args: argparse.Namespace) -> int:
    from flows.extraction import refresh_knowledge
    from flows.loading import read_kb
    from flows.settings import SettingsError, load_settings
    from warehouse.db import connect, migrate
    from warehouse.errors import WarehouseError
    from warehouse.ledger import reassess
    from warehouse.verdicts import record_verdict

    if (args.action == "duplicate-of") != bool(args.target):
        return fail("duplicate-of takes the event it duplicates; confirm and reject take nothing more")
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc))
    db_path = args.db or settings.db_path
    if not db_path.exists():
        return fail(f"{db_path}: no such database (run `sahelwatch run` first)")
    file_kb, error = read_kb(settings.entities_file)
    if file_kb is None:
        return fail(error or "knowledge base unavailable")
    verdict = "duplicate" if args.action == "duplicate-of" else args.action
    try:
        con = connect(db_path, wait_s=settings.db_wait_s)
        try:
            migrate(con)
            kb = refresh_knowledge(con, file_kb, settings.historical_days)
            added = record_verdict(con, kb, args.event, verdict, duplicate_of=args.target, note=args.note)
            kb = refresh_knowledge(con, file_kb, settings.historical_days)
            reassess(con, kb, [args.target or args.event], historical_days=settings.historical_days)
        finally:
            con.close()
    except WarehouseError as exc:
        return fail(str(exc))
    print(_summary(args, added))
    return 0


def _summary(args: argparse.Namespace, added) -> str:
    if args.action == "duplicate-of":
        return f"event {args.event}: duplicate of {args.target}; its reports now count for {args.target}"
    if args.action == "reject":
        return f"event {args.event}: rejected; it will not be alerted again"
    lines = [f"event {args.event}: confirmed"]
    lines += [f"  + entity {e['entity_id']} ({e['name']})" for e in added.entities]
    lines += [f"  + relation {r['subject']} {r['relation']} {r['object']}" + (f" ({r['date']})" if r["date"] else "")
              for r in added.relations]
    return "\n".join(lines)
