"""Analysts' verdicts on ledger events, and what they change in the warehouse.

- `confirm`: the event's unknown actors become entities and its pledge / split / merger a
  relation (`kb_added_*`, merged into the knowledge base on every run, so they survive
  reloading seeds/entities.yaml); redirects keep the verdict when re-reading the articles
  gives the event a new key.
- `reject`: recorded; the digest never carries the event again.
- `duplicate`: the event's claims move to the one it duplicates, it leaves the ledger, and
  a redirect sends its future claims there too.

A new verdict on the same event replaces the old one and withdraws what the old one added.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

import duckdb
import pyarrow as pa

from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef, Evidence
from claims.verdicts import VERDICTS, Additions, additions_for, redirects
from warehouse.db import transaction
from warehouse.errors import WarehouseError
from warehouse.rows import records, staged, table
from warehouse.sql import sql

_S = pa.string()
ADDED_ENTITIES = pa.schema([("entity_id", _S), ("name", _S), ("kind", _S), ("aliases", pa.list_(_S)),
                            ("country", _S), ("event_id", _S), ("note", _S)])
ADDED_RELATIONS = pa.schema([("event_id", _S), ("subject", _S), ("relation", _S), ("object", _S),
                             ("date", _S), ("until", _S), ("note", _S)])
REDIRECTS = pa.schema([("from_event_id", _S), ("to_event_id", _S), ("reason", _S)])


class VerdictError(WarehouseError):
    """A verdict that cannot be recorded (unknown event, duplicate of itself...)."""


def _run(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
    cur = con.execute(sql(name), params) if params else con.execute(sql(name))
    return cur.fetchall()


def ledger_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    got = records(con.execute(sql("verdict_event"), {"event_id": event_id}))
    return got[0] if got else None


def record_verdict(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase, event_id: str, verdict: str, *,
                   duplicate_of: str | None = None, note: str | None = None) -> Additions | None:
    """Record a verdict and apply it (one transaction). Returns what a confirm added."""
    if verdict not in VERDICTS:
        raise VerdictError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    event = ledger_event(con, event_id)
    if event is None:
        raise VerdictError(f"no event {event_id} in the ledger (see v_events)")
    if verdict == "duplicate":
        _check_target(con, event_id, duplicate_of)
    snapshot = json.dumps(event, default=str, ensure_ascii=False)
    with transaction(con):
        _withdraw(con, event_id)
        _run(con, "verdict_upsert", {"event_id": event_id, "verdict": verdict, "duplicate_of": duplicate_of,
                                     "note": note, "event": snapshot})
        _run(con, "events_mark_changed", {"event_ids": [event_id]})  # delivery looks at it again
        if verdict == "confirm":
            return _confirm(con, kb, event, note)
        if verdict == "duplicate":
            _merge_into(con, event_id, duplicate_of)
    return None


def _check_target(con: duckdb.DuckDBPyConnection, event_id: str, target: str | None) -> None:
    if not target:
        raise VerdictError("duplicate-of needs the event it duplicates")
    if target == event_id:
        raise VerdictError(f"event {event_id} cannot duplicate itself")
    if ledger_event(con, target) is None:
        raise VerdictError(f"no event {target} in the ledger (see v_events)")


def _withdraw(con: duckdb.DuckDBPyConnection, event_id: str) -> None:
    for name in ("kb_added_relations_remove", "kb_added_entities_remove", "redirects_remove"):
        _run(con, name, {"event_id": event_id})


def _confirm(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase, event: dict[str, Any], note: str | None) -> Additions:
    eid = event["event_id"]
    parties = records(con.execute(sql("verdict_party_texts"), {"event_id": eid}))
    for p in parties:
        p["id"] = p["id"] or None
    added = additions_for(event, parties, kb, note)
    ents = [{**e, "event_id": eid} for e in added.entities]
    rels = [{**r, "event_id": eid} for r in added.relations]
    moves = [{"from_event_id": k, "to_event_id": eid, "reason": "confirmed"}
             for k in redirects(eid, event_claims(con, eid), added.ids)]
    with staged(con, "staged_added_entities", table(ADDED_ENTITIES, ents)), \
            staged(con, "staged_added_relations", table(ADDED_RELATIONS, rels)), \
            staged(con, "staged_redirects", table(REDIRECTS, moves)):
        _run(con, "kb_added_entities_insert")
        _run(con, "kb_added_relations_insert")
        _run(con, "redirects_insert")
    for name, entity_id in added.ids.items():
        params = {"event_id": eid, "name": name, "entity_id": entity_id}
        for q in ("events_link_party", "events_link_object", "events_link_event"):
            _run(con, q, params)
    return added


def _merge_into(con: duckdb.DuckDBPyConnection, event_id: str, target: str) -> None:
    _run(con, "claims_move_event", {"event_id": event_id, "target": target})
    _run(con, "events_delete", {"event_id": event_id})
    move = [{"from_event_id": event_id, "to_event_id": target, "reason": "duplicate"}]
    with staged(con, "staged_redirects", table(REDIRECTS, move)):
        _run(con, "redirects_insert")
    _run(con, "events_refresh", {"event_ids": [target]})


def event_claims(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Claim]:
    """The claims of one event as Claim objects (enough to recompute their event key)."""
    out = []
    for r in records(con.execute(sql("verdict_claims"), {"event_id": event_id})):
        ref = lambda role: (EntityRef(r[f"{role}_id"], r[f"{role}_name"], r[f"{role}_text"] or "")  # noqa: E731
                            if r[f"{role}_name"] else None)
        members = tuple(EntityRef(m["id"], m["name"], m["text"] or "") for m in r["members"] or [])
        out.append(Claim(r["type"], ref("subject"), ref("object"),
                         Evidence(r["sentence"], r["start_offset"], r["end_offset"]), members=members,
                         date=r["date"], place=r["place"], country=r["country"], killed=r["killed"],
                         wounded=r["wounded"], kidnapped=r["kidnapped"], polarity=r["polarity"],
                         confidence=r["confidence"]))
    return out


def redirect_map(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """from_event_id -> to_event_id, chains followed to their end."""
    raw = dict(_run(con, "redirects_all"))
    out = {}
    for src in raw:
        dst, seen = raw[src], {src}
        while dst in raw and dst not in seen:
            seen.add(dst)
            dst = raw[dst]
        out[src] = dst
    return out
