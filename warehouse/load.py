"""Bulk, idempotent writes into the warehouse (and, re-exported, the flow's reads).

Every function takes an open connection and runs in a transaction: its own, or the
caller's when one is open (then the caller commits, and several loads are atomic together).
Each stages its rows as an Arrow table and lets one SQL
statement from `queries/` insert them. Re-running any of them with the same input inserts
nothing twice.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

import duckdb

from claims.kb import KnowledgeBase
from claims.model import Claim
from sources.model import Article
from warehouse import rows
from warehouse.db import transaction
from warehouse.errors import WarehouseError
from warehouse.read import (  # noqa: F401  (the flow imports the reads from here too)
    article_texts, articles_to_extract, counts, cursors_for, known_event_ids, pending_digest_items,
)
from warehouse.sql import sql

log = logging.getLogger(__name__)

_FIGURES = ("articles_seen", "articles_new", "claims_new", "events_new", "errors")


# --- runs ------------------------------------------------------------------------------

def _exec(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
    """Run the named query and fetch its result whole (DuckDB 2 refuses other work on a
    connection, such as registering an Arrow table, while a result is left unfinished)."""
    cur = con.execute(sql(name), params) if params else con.execute(sql(name))
    return cur.fetchall()


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime) -> None:
    """Record the start of a run (status 'running'); starting it again changes nothing."""
    _exec(con, "runs_start", {"run_id": run_id, "started_at": started_at})


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, summary: Mapping[str, Any], *,
               finished_at: datetime | None = None) -> None:
    """Store the run's figures as columns and the whole summary as JSON.

    Figures may be counts or collections (their length is stored); `status` defaults to
    'ok', `digest_path` (or `digest`) is stored as text.
    """
    params = {k: _figure(summary.get(k)) for k in _FIGURES}
    params.update(
        run_id=run_id,
        finished_at=finished_at or datetime.now(timezone.utc),
        status=str(summary.get("status") or "ok"),
        digest_path=_opt_str(summary.get("digest_path", summary.get("digest"))),
        summary=json.dumps(dict(summary), sort_keys=True, ensure_ascii=False, default=str),
    )
    if not _exec(con, "runs_finish", params):
        raise WarehouseError(f"cannot finish run {run_id}: it was never started (start_run)")


def _figure(value: Any) -> int | None:
    if value is None or isinstance(value, int):
        return value if value is None else int(value)
    return len(value) if hasattr(value, "__len__") else int(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


# --- sources and knowledge base --------------------------------------------------------

def load_sources(con: duckdb.DuckDBPyConnection, sources: Iterable[Mapping[str, Any]]) -> None:
    """Upsert the watched sources (keyed by source_id; a later duplicate wins).

    Keys other than the columns (source_id, kind, url, lang, enabled, reliability A-F,
    poll_minutes, config) are kept in the `config` JSON.
    """
    recs = rows.unique_by([rows.source_record(s) for s in sources], "source_id", keep="last")
    with transaction(con), rows.staged(con, "staged_sources", rows.table(rows.SOURCES, recs)):
        _exec(con, "sources_upsert")


def load_kb(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> None:
    """Replace entities, entity_aliases and relations with the knowledge base's (one transaction)."""
    entities, aliases, relations = rows.kb_tables(kb)
    with transaction(con), rows.staged(con, "staged_entities", entities), \
            rows.staged(con, "staged_aliases", aliases), rows.staged(con, "staged_relations", relations):
        _exec(con, "kb_clear")
        _exec(con, "kb_insert")


# --- articles and claims ---------------------------------------------------------------

def load_articles(con: duckdb.DuckDBPyConnection, articles: Iterable[Article], run_id: str, *,
                  cursors: Iterable[Mapping[str, Any]] = ()) -> list[str]:
    """Store articles not stored yet; return the ids that were new, in input order.

    `cursors` (dicts: source_id, url, etag, last_modified) are the conditional-GET validators
    of the fetches that produced these articles; they are written in the same transaction,
    so a crash never advances a cursor past unstored articles.
    """
    recs = rows.unique_by((rows.article_record(a) for a in articles), "article_id")
    curs = _unique_cursors(cursors)
    with transaction(con), rows.staged(con, "staged_articles", rows.table(rows.ARTICLES, recs)):
        new = {r[0] for r in _exec(con, "articles_insert", {"run_id": run_id})}
        if curs:
            with rows.staged(con, "staged_cursors", rows.table(rows.CURSORS, curs)):
                _exec(con, "cursors_upsert")
    log.debug("articles: %d given, %d new", len(recs), len(new))
    return [r["article_id"] for r in recs if r["article_id"] in new]


def _unique_cursors(cursors: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = {(c["source_id"], c["url"]): dict(c) for c in cursors}
    return list(out.values())


def load_claims(con: duckdb.DuckDBPyConnection, rows_: Sequence[tuple[str, str, Claim, str | None]],
                run_id: str, extractor_version: str) -> int:
    """Store (claim_id, article_id, claim, event_id) rows not stored yet; return how many were.

    The events the new claims belong to get their n_sources and best claim recomputed, so
    claims and events may be loaded in either order.
    """
    recs = rows.unique_by((rows.claim_record(*r) for r in rows_), "claim_id")
    params = {"run_id": run_id, "extractor_version": extractor_version}
    with transaction(con), rows.staged(con, "staged_claims", rows.table(rows.CLAIMS, recs)):
        inserted = {r[0] for r in _exec(con, "claims_insert", params)}
        touched = rows.as_list(r["event_id"] for r in recs if r["claim_id"] in inserted and r["event_id"])
        _refresh_events(con, touched)
    return len(inserted)


def mark_extracted(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str], extractor_version: str) -> None:
    """Record that this extractor version has read these articles (see articles_to_extract)."""
    params = {"article_ids": rows.as_list(article_ids), "extractor_version": extractor_version}
    with transaction(con):
        _exec(con, "extractions_record", params)


# --- events ----------------------------------------------------------------------------

def upsert_events(con: duckdb.DuckDBPyConnection, events: Iterable[Mapping[str, Any]], run_id: str) -> list[str]:
    """Insert events not in the ledger (first_seen_run = run_id); return the NEW ids.

    An event already in the ledger keeps its first status, reason and fields; its
    n_sources and best claim are recomputed from the claims stored for it.
    """
    recs = rows.unique_by((rows.event_record(e) for e in events), "event_id")
    ids = [r["event_id"] for r in recs]
    with transaction(con), rows.staged(con, "staged_events", rows.table(rows.EVENTS, recs)):
        new = {r[0] for r in _exec(con, "events_insert", {"run_id": run_id})}
        _exec(con, "events_touch", {"run_id": run_id, "event_ids": ids})
        _refresh_events(con, ids)
    return [i for i in ids if i in new]


def _refresh_events(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> None:
    if event_ids:
        _exec(con, "events_refresh", {"event_ids": event_ids})


# --- errors ----------------------------------------------------------------------------

def record_errors(con: duckdb.DuckDBPyConnection, run_id: str,
                  errors: Iterable[tuple[str | None, str | None, str]]) -> None:
    """Record (source_id, item, reason) errors of a run; the same error twice is one row."""
    recs = rows.unique_by((rows.error_record(run_id, *e) for e in errors), "error_id")
    if not recs:
        return
    with transaction(con), rows.staged(con, "staged_errors", rows.table(rows.ERRORS, recs)):
        _exec(con, "errors_insert", {"run_id": run_id})
