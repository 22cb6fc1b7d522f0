"""Compare claims with what is known: the event a claim belongs to, and its status.

Pure functions. An event gathers the claims of many articles about one happening:
same type and parties (pledge, split, merger) or same type, month and place (attack).
The status here is `new`, `known` (the knowledge base already states it) or
`unknown_actor` (a party the knowledge base lacks); issue 5 adds `historical` and
`contradicts`.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef

RELATION_OF = {"pledge": "pledged_to", "split": "split_from"}


def party_key(ref: EntityRef | None) -> str | None:
    """KB id, or the folded surface name of an unknown actor."""
    if ref is None:
        return None
    return ref.id or "?" + " ".join(ref.name.casefold().split())


def event_key(claim: Claim) -> dict[str, Any]:
    """The defining fields of the event a claim reports."""
    key: dict[str, Any] = {"type": claim.type}
    if claim.type == "attack":
        key.update(month=claim.date[:7] if claim.date else None, country=claim.country,
                   place=" ".join(claim.place.casefold().split()) if claim.place else None)
        if not claim.date and not claim.place:  # too vague to merge with others on place/time
            key["subject"] = party_key(claim.subject)
    elif claim.type == "merger":
        key.update(object=party_key(claim.object), members=sorted(filter(None, map(party_key, claim.members))))
    else:
        key.update(subject=party_key(claim.subject), object=party_key(claim.object))
    return key


def event_id_for(claim: Claim) -> str:
    blob = json.dumps(event_key(claim), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def status_of(claim: Claim, kb: KnowledgeBase) -> tuple[str, str]:
    """(status, one-line reason) of a claim against the knowledge base."""
    unknown = [p.name for p in _parties(claim) if p.id is None]
    if unknown:
        return "unknown_actor", f"unknown actor: {', '.join(unknown)} not in the knowledge base"
    known = _kb_statement(claim, kb)
    if known:
        return "known", f"known: {known}"
    return "new", "new: not in the knowledge base"


def _parties(claim: Claim) -> list[EntityRef]:
    return [p for p in (claim.subject, claim.object, *claim.members) if p is not None]


def _kb_statement(claim: Claim, kb: KnowledgeBase) -> str | None:
    """The KB relation that already states this claim, rendered for the reason line."""
    if claim.type in RELATION_OF and claim.subject and claim.object:
        rel = kb.find(claim.subject.id, RELATION_OF[claim.type], claim.object.id)
        if rel is None and claim.type == "pledge":  # joining by merger is a pledge too
            rel = kb.find(claim.subject.id, "merged_into", claim.object.id)
        return _describe(rel, kb) if rel else None
    if claim.type == "merger" and claim.object and claim.members:
        others = [m for m in claim.members if m.id != claim.object.id]
        rels = [kb.find(m.id, "merged_into", claim.object.id) for m in others]
        if others and all(rels):
            return "; ".join(_describe(r, kb) for r in rels)
    return None


def _describe(rel, kb: KnowledgeBase) -> str:
    name = lambda i: kb.entities[i].name if i in kb.entities else i  # noqa: E731
    when = f" ({rel.date})" if rel.date else ""
    return f"KB has {name(rel.subject)} {rel.relation.replace('_', ' ')} {name(rel.object)}{when}"


def event_record(claim: Claim, kb: KnowledgeBase) -> dict[str, Any]:
    """The event row a claim creates when its event is first seen."""
    status, reason = status_of(claim, kb)
    return {
        "event_id": event_id_for(claim), "type": claim.type,
        "subject_id": claim.subject.id if claim.subject else None,
        "subject_name": claim.subject.name if claim.subject else None,
        "object_id": claim.object.id if claim.object else None,
        "object_name": claim.object.name if claim.object else None,
        "members": [m.name for m in claim.members], "date": claim.date, "place": claim.place,
        "country": claim.country, "killed": claim.killed, "wounded": claim.wounded,
        "kidnapped": claim.kidnapped, "status": status, "reason": reason,
    }
