"""The event ledger in the warehouse: events by merge key, the reports of each event,
recomputed statuses, the knowledge base as the analysts extended it, and its fingerprint.

Every function takes an open connection; writes run in a transaction (the caller's when
one is open). SQL lives in `queries/ledger_*.sql`, `queries/kb_added_*.sql`.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Mapping

import duckdb
import pyarrow as pa

from claims.kb import Entity, KnowledgeBase, Relation
from claims.status import EventFacts, Report, assess
from warehouse import rows
from warehouse.db import transaction
from warehouse.rows import records, staged, table
from warehouse.sql import sql

_S = pa.string()
LEDGER_EVENTS = pa.schema([*rows.EVENTS, ("merge_key", _S)])
LEDGER_STATUS = pa.schema([("event_id", _S), ("status", _S), ("reason", _S), ("date", _S),
                           ("first_reported", pa.date32())])


def _run(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> list[tuple]:
    cur = con.execute(sql(name), params) if params else con.execute(sql(name))
    return cur.fetchall()


# ---- events -----------------------------------------------------------------------------

def ledger_index(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str | None]]]:
    """merge_key -> [(event_id, date)] of every ledger event (what a new claim may join)."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for mkey, event_id, date in _run(con, "ledger_index"):
        out.setdefault(mkey, []).append((event_id, date))
    return out


def add_events(con: duckdb.DuckDBPyConnection, events: Iterable[Mapping[str, Any]], run_id: str) -> list[str]:
    """Insert events not in the ledger; return the new ids. Events already there are
    touched (last_seen_run) and their sources and best claim recomputed."""
    recs = rows.unique_by(events, "event_id")
    ids = [r["event_id"] for r in recs]
    with transaction(con), staged(con, "staged_ledger_events", table(LEDGER_EVENTS, recs)):
        new = {r[0] for r in _run(con, "ledger_events_insert", {"run_id": run_id})}
        if ids:
            _run(con, "events_touch", {"run_id": run_id, "event_ids": ids})
            _run(con, "events_refresh", {"event_ids": ids})
    return [i for i in ids if i in new]


def event_facts(con: duckdb.DuckDBPyConnection, event_ids: Iterable[str] | None = None) -> dict[str, EventFacts]:
    """What every report merged into each event says (all events when `event_ids` is None)."""
    if event_ids is None:
        cur = con.execute(sql("ledger_reports"))
    else:
        cur = con.execute(sql("ledger_reports_for"), {"event_ids": rows.as_list(event_ids)})
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in records(cur):
        grouped.setdefault(r["event_id"], []).append(r)
    return {eid: _facts(rs) for eid, rs in grouped.items()}


def _facts(rs: list[dict[str, Any]]) -> EventFacts:
    first = rs[0]
    unknown = [n for r in rs for (i, n) in ((r["subject_id"], r["subject_name"]), (r["object_id"], r["object_name"]),
                                           *((m["id"], m["name"]) for m in r["members"] or []))
               if i is None and n and not n.startswith("<")]
    return EventFacts(
        type=first["type"], subject_id=first["subject_id"], object_id=first["object_id"],
        member_ids=tuple(m["id"] for m in first["members"] or [] if m["id"]),
        unknown=tuple(dict.fromkeys(unknown)),
        reports=tuple(Report(r["date"], r["polarity"], r["published"], r["source"], r["killed"],
                             r["wounded"], r["kidnapped"]) for r in rs),
    )


def reassess(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase, event_ids: Iterable[str] | None = None, *,
             historical_days: int) -> dict[str, tuple[str, str]]:
    """Recompute the status of the given events (None: every event) against `kb`, the
    verdicts and every report; write what changed. Returns {event_id: (old, new status)}
    for the events whose status changed."""
    facts = event_facts(con, event_ids)
    if not facts:
        return {}
    verdicts = {v["event_id"]: v for v in verdict_records(con)}
    before = statuses(con, list(facts))
    recs = []
    for eid, f in facts.items():
        status, reason = assess(f, kb, verdict=verdicts.get(eid), historical_days=historical_days)
        recs.append({"event_id": eid, "status": status, "reason": reason, "date": f.date,
                     "first_reported": f.first_reported})
    with transaction(con), staged(con, "staged_ledger_status", table(LEDGER_STATUS, recs)):
        _run(con, "ledger_status_update")
    return {r["event_id"]: (before.get(r["event_id"]), r["status"]) for r in recs
            if before.get(r["event_id"]) != r["status"]}


def statuses(con: duckdb.DuckDBPyConnection, event_ids: Iterable[str]) -> dict[str, str]:
    """Current status of the given events."""
    ids = rows.as_list(event_ids)
    return dict(_run(con, "ledger_statuses", {"event_ids": ids})) if ids else {}


# ---- verdicts and the knowledge base they extend -----------------------------------------

def verdict_records(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every verdict, its event snapshot's figures and date merged in (for `assess`)."""
    out = []
    for r in records(con.execute(sql("verdicts_all"))):
        snap = json.loads(r.pop("event") or "{}")
        out.append({**{k: snap.get(k) for k in ("date", "killed", "wounded", "kidnapped")}, **r})
    return out


def kb_with_additions(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> KnowledgeBase:
    """The knowledge base of the file plus what confirmed events added (the file wins when
    it has the same entity id; a relation the file already has is not added twice)."""
    entities = dict(kb.entities)
    for r in records(con.execute(sql("kb_added_entities_all"))):
        if r["entity_id"] not in entities:
            entities[r["entity_id"]] = Entity(r["entity_id"], r["name"], r["kind"], tuple(r["aliases"] or ()),
                                              r["country"], r["note"])
    relations = list(kb.relations)
    have = {(x.subject, x.relation, x.object) for x in relations}
    for r in records(con.execute(sql("kb_added_relations_all"))):
        triple = (r["subject"], r["relation"], r["object"])
        if triple not in have and r["subject"] in entities and r["object"] in entities:
            relations.append(Relation(*triple, date=r["date"], until=r["until"], note=r["note"]))
            have.add(triple)
    return KnowledgeBase(entities=entities, relations=tuple(relations))


def fingerprint(kb: KnowledgeBase, historical_days: int) -> str:
    """A hash of everything statuses depend on besides the reports and verdicts."""
    blob = json.dumps([sorted((e.id, e.name, e.kind, e.aliases) for e in kb.entities.values()),
                       sorted((r.subject, r.relation, r.object, r.date or "", r.until or "") for r in kb.relations),
                       historical_days], default=list)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def state(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    got = _run(con, "ledger_state_get", {"name": name})
    return got[0][0] if got else None


def set_state(con: duckdb.DuckDBPyConnection, name: str, value: str) -> None:
    with transaction(con):
        _run(con, "ledger_state_set", {"name": name, "value": value})
