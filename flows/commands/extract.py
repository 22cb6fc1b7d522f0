"""`sahelwatch extract`: claims of text, HTML or JSON files as JSONL; no database. Parties
are linked as in a monitoring run (`claims.batch.link_claim`: fuzzy names, a pledge to a
leader resolved to the group he led at the claim's date)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from flows.commands import fail, knowledge_base

log = logging.getLogger("sahelwatch")


def register(sub) -> None:
    ext = sub.add_parser("extract", help="print the claims of text, HTML or JSON files (no database)")
    ext.add_argument("files", nargs="+", help="input files (.txt, .html, .json with 'text')")
    ext.add_argument("--format", choices=["jsonl"], default="jsonl")
    ext.add_argument("--published", help="publication date YYYY-MM-DD for relative dates")
    ext.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    from datetime import date

    from claims.extract import Extractor
    from claims.linking import Linker

    kb = knowledge_base()
    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        return fail(f"--published: not a date (YYYY-MM-DD): {args.published!r}")
    extractor, linker, failed = Extractor(kb), Linker(kb), 0
    for path in args.files:
        failed += not _extract_file(extractor, linker, path, published)
    return 1 if failed else 0


def _extract_file(extractor, linker, path: str, published) -> bool:
    from claims.batch import link_claim
    from sources.documents import document_from_bytes
    from sources.errors import SourceError

    try:
        article = document_from_bytes(_read_input(path), path, _manifest_meta(Path(path)))
    except SourceError as exc:
        print(f"sahelwatch: {exc}", file=sys.stderr)
        return False
    for claim in extractor.extract(article.text, published=published or article.published, lang=article.lang):
        print(json.dumps({**link_claim(claim, linker).to_dict(), "source": path}, ensure_ascii=False))
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
