"""The `sahelwatch` command line: run, extract, eval.

Expected failures (a locked database, a malformed configuration, an unreadable input
file) end with one line on stderr naming the file and the problem, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from flows.settings import ROOT, Settings, SettingsError, load_settings

log = logging.getLogger("sahelwatch")
OUR_LOGGERS = ("sahelwatch", "sources", "claims", "warehouse", "alerts", "flows")
GOLD_SETS = (("seeds", ROOT / "tests" / "gold_seeds.jsonl", ROOT / "seeds"),)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _configure_logging(args.verbose)
    from sources.errors import SourceError

    try:
        return args.func(args)
    except (SettingsError, SourceError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", code=130)
    except BrokenPipeError:  # the reader went away (`sahelwatch extract ... | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sahelwatch", description=__doc__.splitlines()[0])
    p.add_argument("-v", "--verbose", action="store_true", help="show Prefect's own log lines too")
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="one monitoring cycle (fetch, load, extract, compare, digest)")
    run.add_argument("--db", type=Path, help="DuckDB file (default: sahelwatch.duckdb here)")
    run.add_argument("--outbox", type=Path, help="folder for digests when no SMTP is configured")
    run.set_defaults(func=cmd_run)
    ext = sub.add_parser("extract", help="print the claims of text, HTML or JSON files (no database)")
    ext.add_argument("files", nargs="+", help="input files (.txt, .html, .json with 'text')")
    ext.add_argument("--format", choices=["jsonl"], default="jsonl")
    ext.add_argument("--published", help="publication date YYYY-MM-DD for relative dates")
    ext.set_defaults(func=cmd_extract)
    ev = sub.add_parser("eval", help="score extraction against the gold sets")
    ev.add_argument("--gold", type=Path, help="a gold JSONL file (default: the project's gold sets)")
    ev.add_argument("--docs", type=Path, help="folder of the gold file's documents, with manifest.yaml")
    ev.set_defaults(func=cmd_eval)
    return p


def _configure_logging(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    for name in OUR_LOGGERS:  # progress lines of our own packages; libraries stay at WARNING
        logging.getLogger(name).setLevel(logging.INFO)


def _fail(message: str, code: int = 2) -> int:
    print(f"sahelwatch: error: {message}", file=sys.stderr)
    return code


# --- run -------------------------------------------------------------------------------

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
        return _fail(str(exc))
    print(format_summary(summary, settings))
    return 0


def _preflight(settings: Settings) -> None:
    """Fail in seconds (before Prefect starts) when the database is held by another process."""
    from warehouse.db import connect

    connect(settings.db_path, wait_s=settings.db_wait_s).close()
    if not (settings.templates_dir / "digest.html.j2").exists():
        raise SettingsError(f"{settings.templates_dir}: digest templates not found")


def format_summary(s: dict[str, Any], settings: Settings) -> str:
    claims = ", ".join(f"{k} {v}" for k, v in sorted(s["claims_by_type"].items())) or "none"
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(s["events_by_status"].items())) or "none"
    lines = [f"run {s['run_id']}  database {settings.db_path}",
             f"  articles  {s['articles_seen']} read, {s['articles_new']} new, {s['articles_extracted']} extracted",
             f"  claims    {s['claims_new']} new ({claims})",
             f"  events    {s['events_new']} new ({statuses})",
             f"  errors    {s['errors']}"]
    lines += [f"    - {line}" for line in s["error_lines"]]
    if s.get("extraction_skipped"):
        lines.append("  extraction skipped: the knowledge base could not be read (see errors)")
    lines += [f"  digest    {d}" for d in s["digests"]] or ["  digest    none: nothing new to report"]
    return "\n".join(lines)


# --- extract ---------------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    from datetime import date

    from claims.extract import Extractor
    from flows.steps import read_kb

    settings = load_settings()
    kb, error = read_kb(settings.entities_file)
    if kb is None:
        return _fail(error or "knowledge base unavailable")
    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        return _fail(f"--published: not a date (YYYY-MM-DD): {args.published!r}")
    extractor, failed = Extractor(kb), 0
    for path in args.files:
        failed += not _extract_file(extractor, path, published)
    return 1 if failed else 0


def _extract_file(extractor, path: str, published) -> bool:
    from sources.documents import document_from_bytes
    from sources.errors import SourceError

    try:
        article = document_from_bytes(_read_input(path), path, _manifest_meta(Path(path)))
    except SourceError as exc:
        print(f"sahelwatch: {exc}", file=sys.stderr)
        return False
    for claim in extractor.extract(article.text, published=published or article.published, lang=article.lang):
        print(json.dumps({**claim.to_dict(), "source": path}, ensure_ascii=False))
    return True


def _read_input(path: str) -> bytes:
    from sources.errors import ItemError

    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ItemError(path, "file not found") from None
    except OSError as exc:
        raise ItemError(path, f"cannot read: {exc.strerror}") from None


def _manifest_meta(path: Path):
    """The file's entry in a manifest.yaml beside it (seed documents carry their dates there)."""
    from sources.errors import ConfigError
    from sources.seedfiles import load_manifest

    manifest = path.parent / "manifest.yaml"
    if not manifest.exists():
        return None
    try:
        return next((m for m in load_manifest(manifest) if m.file == path.name), None)
    except ConfigError as exc:
        log.warning("ignoring %s", exc)
        return None


# --- eval ------------------------------------------------------------------------------

def cmd_eval(args: argparse.Namespace) -> int:
    from flows.evaluation import evaluate_gold_set
    from flows.steps import read_kb

    settings = load_settings()
    kb, error = read_kb(settings.entities_file)
    if kb is None:
        return _fail(error or "knowledge base unavailable")
    if bool(args.gold) != bool(args.docs):
        return _fail("--gold and --docs go together")
    sets = [(args.gold.stem, args.gold, args.docs)] if args.gold else GOLD_SETS
    for name, gold, docs in sets:
        print(f"== gold set {name}: {gold}")
        print(evaluate_gold_set(kb, gold, docs))
    return 0
