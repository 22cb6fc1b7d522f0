"""The outbox table (a digest is recorded before it is sent) and watchlist lookups.

    enqueue          record a built digest as 'queued' (idempotent on digest_id)
    record_attempt   the outcome of one attempt; an accepted or refused digest also records
                     its events in `deliveries`, in the same transaction
    queued           digests of a recipient waiting to be (re)sent, oldest first
    digest_status    the status of a digest id, or None
    last_built_at    when the last digest to a recipient was built (daily digests)
    notices          failed digests since the last accepted one, and those still queued
    delivery_mark    the event change a recipient's pending events were last evaluated
    set_delivery_mark  through, under the same criteria (migration 0021), and recording it
    watched_entities names of a watchlist -> the entities named, their lineage, and the
                     names that match no entity

Statuses: 'queued' -> 'sent' | 'written' | 'failed' (or 'queued' again after a temporary
failure). Only 'sent' and 'written' count as delivered; the events of a 'failed' digest are
pending again for the recipient's next digest (they are marked changed, so the recipient's
mark does not hide them).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

import duckdb

from warehouse.db import transaction
from warehouse.rows import as_list, records
from warehouse.sql import sql

STATUSES = ("queued", "sent", "written", "failed")
CHANNELS = ("smtp", "outbox")
LINEAGE_RELATIONS = ("merged_into", "pledged_to", "renamed_to", "leads")
_DELIVERY_STATUS = {"sent": "sent", "written": "written", "failed": "failed"}


@dataclass(frozen=True, slots=True)
class QueuedDigest:
    """A built digest, as recorded before sending."""

    digest_id: str
    recipient: str
    run_id: str | None
    message_id: str
    subject: str
    event_ids: tuple[str, ...]
    message: bytes
    html: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Attempt:
    """The outcome of one delivery attempt."""

    status: str  # queued (temporary failure) | sent | written | failed (permanent)
    channel: str
    location: str | None = None
    code: int | None = None
    error: str | None = None


def enqueue(con: duckdb.DuckDBPyConnection, digest: QueuedDigest) -> bool:
    """Record `digest` as queued. False when this digest id was already recorded."""
    with transaction(con):
        if digest_status(con, digest.digest_id) is not None:
            return False
        params = {
            "digest_id": digest.digest_id, "recipient": digest.recipient, "run_id": digest.run_id,
            "message_id": digest.message_id, "subject": digest.subject,
            "event_ids": as_list(digest.event_ids), "message": digest.message,
            "html": digest.html, "created_at": digest.created_at,
        }
        con.execute(sql("outbox_enqueue"), params).fetchall()
    return True


def record_attempt(con: duckdb.DuckDBPyConnection, digest_id: str, attempt: Attempt,
                   at: datetime | None = None) -> None:
    """Store the outcome; 'sent'/'written'/'failed' also go to `deliveries`, atomically."""
    _check(attempt)
    at = at or datetime.now(timezone.utc)
    params = {"digest_id": digest_id, "status": attempt.status, "channel": attempt.channel,
              "location": attempt.location, "code": attempt.code, "error": attempt.error, "at": at}
    with transaction(con):
        row = con.execute(sql("outbox_get"), {"digest_id": digest_id}).fetchall()
        if not row:
            raise KeyError(f"digest {digest_id} is not in the outbox")
        con.execute(sql("outbox_attempt"), params).fetchall()
        if attempt.status in _DELIVERY_STATUS:
            recipient, event_ids = row[0]
            con.execute(sql("deliveries_record"), {
                "digest_id": digest_id, "recipient": recipient, "event_ids": list(event_ids),
                "channel": attempt.channel, "location": attempt.location,
                "status": _DELIVERY_STATUS[attempt.status], "detail": attempt.error,
            }).fetchall()
            if attempt.status == "failed":  # pending again: past the recipient's mark
                con.execute(sql("events_mark_changed"), {"event_ids": list(event_ids)}).fetchall()


def queued(con: duckdb.DuckDBPyConnection, recipient: str) -> list[dict[str, Any]]:
    """Digests to `recipient` waiting to be accepted, oldest first (message bytes included)."""
    return records(con.execute(sql("outbox_queued"), {"recipient": recipient}))


def digest_status(con: duckdb.DuckDBPyConnection, digest_id: str) -> str | None:
    rows = con.execute(sql("outbox_status"), {"digest_id": digest_id}).fetchall()
    return rows[0][0] if rows else None


def last_built_at(con: duckdb.DuckDBPyConnection, recipient: str) -> datetime | None:
    return con.execute(sql("outbox_last_built"), {"recipient": recipient}).fetchall()[0][0]


def notices(con: duckdb.DuckDBPyConnection, recipient: str) -> list[dict[str, Any]]:
    """Earlier digests to mention: refused for good since the last accepted one, or queued."""
    return records(con.execute(sql("outbox_notices"), {"recipient": recipient}))


def criteria(statuses: Iterable[str], entity_ids: Iterable[str] | None, types: Iterable[str],
             countries: Iterable[str]) -> str:
    """A fingerprint of what a recipient asks for (their watchlist resolved to entity ids:
    None follows every party): a mark holds only under the same criteria."""
    blob = json.dumps([sorted(statuses), None if entity_ids is None else sorted(set(entity_ids)),
                       sorted(types), sorted(c.lower() for c in countries)])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def delivery_mark(con: duckdb.DuckDBPyConnection, recipient: str, criteria_: str) -> int:
    """The last event change (`events.changed`) through which `recipient`'s pending events
    were evaluated under `criteria_`: every event changed at or before it was then
    delivered, queued or not theirs, and stays so until it changes. -1 (look at every
    event) for a new recipient or changed criteria."""
    got = con.execute(sql("delivery_mark_get"), {"recipient": recipient}).fetchall()
    return int(got[0][1]) if got and got[0][0] == criteria_ else -1


def set_delivery_mark(con: duckdb.DuckDBPyConnection, recipient: str, criteria_: str, through: int) -> None:
    """Record that `recipient`'s pending events up to change `through` are settled: none was
    pending, or the digest carrying them is recorded in the outbox."""
    with transaction(con):
        con.execute(sql("delivery_mark_set"), {"recipient": recipient, "criteria": criteria_,
                                               "through": int(through)}).fetchall()


@dataclass(frozen=True, slots=True)
class Followed:
    """A watchlist's entities: those named, their lineage (named ones included), and the
    names that match no entity."""

    named: tuple[str, ...]
    lineage: tuple[str, ...]
    unmatched: tuple[str, ...]


def watched_entities(con: duckdb.DuckDBPyConnection, names: Iterable[str],
                     relations: Iterable[str] = LINEAGE_RELATIONS) -> Followed:
    """Entity ids a watchlist follows: the named ones (id, name or alias) and their lineage."""
    names = as_list(n.strip() for n in names if n and n.strip())
    matches = con.execute(sql("watch_named"), {"names": names}).fetchall()
    named = as_list(entity_id for _, entity_id in matches)
    matched = {name.lower() for name, _ in matches}
    params = {"entity_ids": named, "relations": as_list(relations)}
    lineage = [r[0] for r in con.execute(sql("watch_lineage"), params).fetchall()] if named else []
    return Followed(tuple(named), tuple(lineage), tuple(n for n in names if n.lower() not in matched))


def _check(attempt: Attempt) -> None:
    if attempt.status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {attempt.status!r}")
    if attempt.channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {attempt.channel!r}")
