"""What an analyst's verdict adds to the knowledge base (pure).

`confirm`: the event's actors the KB lacks become entities (a group by default, its surface
forms as aliases, a readable id), and a pledge, split or merger becomes a dated relation
(`pledged_to`, `split_from`, `merged_into` for each member) noted with the event id.
Attacks add their actors only. Once the actors are entities, re-reading the articles gives
the event another key; `redirects` maps those ids back to the confirmed event, so a full
reprocess keeps the verdict.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

from claims.events import RELATION_OF, event_id_for
from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef

VERDICTS = ("confirm", "reject", "duplicate")


@dataclass(frozen=True)
class Additions:
    entities: list[dict[str, Any]]  # entity_id, name, kind, aliases, country, note
    relations: list[dict[str, Any]]  # subject, relation, object, date, until, note
    ids: dict[str, str]  # unknown actor name -> new entity id


def additions_for(event: Mapping[str, Any], parties: Iterable[Mapping[str, Any]], kb: KnowledgeBase,
                  note: str | None = None) -> Additions:
    """`event`: the ledger row (type, subject_id/name, object_id/name, date, country);
    `parties`: rows (role, id, name, text) of every surface form its claims use."""
    source = f"analyst verdict on event {event['event_id']}" + (f": {note}" if note else "")
    taken, ids, entities = set(kb.entities), {}, []
    for p in parties:
        if p["id"] or p["name"] in ids:
            continue
        new_id = _fresh_id(p["name"], taken)
        taken.add(new_id)
        ids[p["name"]] = new_id
        aliases = sorted({q["text"] for q in parties if q["name"] == p["name"] and q["text"]} - {p["name"]})
        entities.append({"entity_id": new_id, "name": p["name"], "kind": "group", "aliases": aliases,
                         "country": event.get("country"), "note": source})
    resolve = lambda i, n: i or ids.get(n)  # noqa: E731
    rels = []
    subject = resolve(event.get("subject_id"), event.get("subject_name"))
    obj = resolve(event.get("object_id"), event.get("object_name"))
    if event["type"] in RELATION_OF and subject and obj:
        rels.append(_rel(subject, RELATION_OF[event["type"]], obj, event.get("date"), source))
    elif event["type"] == "merger" and obj:
        for p in parties:
            member = resolve(p["id"], p["name"]) if p["role"] == "member" else None
            if member and member != obj and all(r["subject"] != member for r in rels):
                rels.append(_rel(member, "merged_into", obj, event.get("date"), source))
    return Additions(entities, rels, ids)


def _rel(subject: str, relation: str, obj: str, date: str | None, note: str) -> dict[str, Any]:
    return {"subject": subject, "relation": relation, "object": obj, "date": date, "until": None, "note": note}


def _fresh_id(name: str, taken: set[str]) -> str:
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "_", base).strip("_") or "entity"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}_{n}", n + 1
    return out


def redirects(event_id: str, claims: Iterable[Claim], ids: Mapping[str, str]) -> dict[str, str]:
    """{future event id: event_id} for the keys the event's claims get once the unknown
    actors in `ids` (name -> entity id) are linked."""
    out = {}
    for claim in claims:
        linked = replace(claim, subject=_swap(claim.subject, ids), object=_swap(claim.object, ids),
                         members=tuple(_swap(m, ids) for m in claim.members))
        new = event_id_for(linked)
        if new != event_id:
            out[new] = event_id
    return out


def _swap(ref: EntityRef | None, ids: Mapping[str, str]) -> EntityRef | None:
    if ref is None or ref.id or ref.name not in ids:
        return ref
    return EntityRef(ids[ref.name], ref.name, ref.text)
