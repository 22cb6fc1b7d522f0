"""Reads the flow needs: texts to extract from, known events, pending digest items, counts."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

import duckdb

from warehouse.rows import as_list, records
from warehouse.sql import sql


def article_texts(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> list[tuple[str, str, date | None]]:
    """(article_id, text, published) of the stored articles among `article_ids`, in their order."""
    ids = as_list(article_ids)
    found = {r[0]: r for r in con.execute(sql("article_texts"), {"article_ids": ids}).fetchall()}
    return [found[i] for i in ids if i in found]


def articles_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[str]:
    """Ids of stored articles this extractor version has not read yet, oldest loads first."""
    rows = con.execute(sql("articles_to_extract"), {"extractor_version": extractor_version}).fetchall()
    return [r[0] for r in rows]


def known_event_ids(con: duckdb.DuckDBPyConnection, event_ids: Iterable[str]) -> set[str]:
    """The ids among `event_ids` already in the ledger."""
    ids = as_list(event_ids)
    return {r[0] for r in con.execute(sql("events_known"), {"event_ids": ids}).fetchall()}


def pending_digest_items(con: duckdb.DuckDBPyConnection, recipient: str, statuses: Iterable[str], *,
                         entity_ids: Iterable[str] | None = None, types: Iterable[str] = (),
                         countries: Iterable[str] = (), after: int = -1, max_items: int | None = None,
                         status_order: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Events with a status in `statuses` not yet sent or written to `recipient` (nor queued
    for it in the outbox), matching a watchlist: a party in `entity_ids` (None: any party),
    a type in `types` and a country in `countries` (each: any when empty).

    One dict per event (event_id, type, status, reason, date, place, country, subject_name,
    object_name, members, killed, wounded, kidnapped, polarity, confidence, n_sources,
    evidence, mentions (surface forms of its parties), article_url, article_title,
    article_published, reports=[{url, title}, ...], pending_total), the most pressing first:
    by `status_order`, then dated before undated, newest first, then id.

    `max_items`: at most that many (None: all); `pending_total` in each dict counts every
    pending event, those left out included.

    `after`: look only at events changed after this number (`events.changed`): the
    recipient's mark (`warehouse.outbox.delivery_mark`); -1, every event.
    """
    found = {"statuses": as_list(statuses), "types": as_list(types),
             "countries": [c.lower() for c in countries], "after": int(after)}
    candidates = [r[0] for r in con.execute(sql("pending_candidates"), found).fetchall()]
    if not candidates:
        return []
    params = {"recipient": recipient, "candidates": candidates, "follow_all": entity_ids is None,
              "entity_ids": as_list(entity_ids or ()), "status_order": as_list(status_order),
              "max_items": len(candidates) if max_items is None else int(max_items)}
    return records(con.execute(sql("pending_digest_items"), params))


def changes_through(con: duckdb.DuckDBPyConnection) -> int:
    """The number of the last change to any event (`events.changed`; 0 when none)."""
    return int(con.execute(sql("event_changes_through")).fetchall()[0][0])


def cursors_for(con: duckdb.DuckDBPyConnection, source_id: str) -> dict[str, dict[str, Any]]:
    """Conditional-GET validators of a source: {url: {etag, last_modified, checked_at}}."""
    cur = con.execute(sql("cursors_for"), {"source_id": source_id})
    return {r.pop("url"): r for r in records(cur)}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per main table."""
    return dict(con.execute(sql("counts")).fetchall())
