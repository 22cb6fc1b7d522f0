"""The event a claim belongs to: its key, its id, and which reported dates are compatible.

Pure functions. An event gathers the claims of many articles about one happening.

- pledge, split: same type and parties (whatever the dates: a different date for the same
  pledge is one event whose dates disagree, see `claims.status`);
- merger: same resulting group and members;
- attack: same country and place, and compatible dates: "2015-05" is compatible with
  "2015-05-20", "2015-05-20" is not with "2015-05-21". The key holds the date as reported,
  and `merge_key` (the key without the date) finds the events a claim may join
  (`choose_event`); a report less precise than an event already in the ledger joins it.

`event_id` is a hash of the key of the claim that opened the event, so re-reading every
article gives the same ids (analyst verdicts are keyed by them).
"""
from __future__ import annotations

import functools
import hashlib
import json
from typing import Any, Iterable

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
        if claim.date and len(claim.date) == 10:
            key["day"] = claim.date
        if not claim.date and not claim.place:  # too vague to merge with others on place/time
            key["subject"] = party_key(claim.subject)
    elif claim.type == "merger":
        key.update(object=party_key(claim.object), members=sorted(filter(None, map(party_key, claim.members))))
    else:
        key.update(subject=party_key(claim.subject), object=party_key(claim.object))
    return key


def merge_key(claim: Claim) -> str:
    """The key without its dates: events sharing it may be one event if dates agree."""
    return _keys(claim)[0]


def event_id_for(claim: Claim) -> str:
    return _keys(claim)[1]


def _keys(claim: Claim) -> tuple[str, str]:
    try:
        return _cached_keys(claim)
    except TypeError:  # a claim built with a list somewhere is not hashable: no cache
        return _cached_keys.__wrapped__(claim)


@functools.lru_cache(maxsize=1 << 16)
def _cached_keys(claim: Claim) -> tuple[str, str]:
    """(merge key, event id) of a claim, computed once per claim: a batch asks for both
    several times (placing it, reading the ledger for it, recording its event)."""
    key = event_key(claim)
    mkey = _canonical({k: v for k, v in key.items() if k not in ("month", "day")})
    return mkey, hashlib.sha256(_canonical(key).encode("utf-8")).hexdigest()[:16]


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))  # json.dumps builds one per call


def _canonical(key: dict[str, Any]) -> str:
    return _ENCODER.encode(key)


def compatible(a: str | None, b: str | None) -> bool:
    """Dates of any precision agree when one is a prefix of the other (or one is unknown)."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def choose_event(claim: Claim, candidates: Iterable[tuple[str, str | None]]) -> str:
    """The event an attack claim joins among ledger events (id, date) of the same merge key:
    one with the same date; else the only compatible one; else, for a day-precise report,
    the most precise coarser one ("2015-05" takes "2015-05-20"). Otherwise its own id
    (two attacks on different days, or a month that fits several days, stay apart)."""
    own = event_id_for(claim)
    if claim.type != "attack" or not claim.date:
        return own
    day = claim.date  # `compatible` inlined: an attack's place may hold hundreds of events
    fits = sorted(((eid, d) for eid, d in candidates if d and (day.startswith(d) or d.startswith(day))),
                  key=lambda f: (-len(f[1]), f[0]))
    same = [eid for eid, d in fits if d == claim.date]
    if same:
        return own if own in same else same[0]
    if len(fits) == 1 or (fits and len(claim.date) == 10):
        return fits[0][0]
    return own


# ---- the first view of an event (kept for callers and tests) ---------------------------

def status_of(claim: Claim, kb: KnowledgeBase) -> tuple[str, str]:
    """(status, one-line reason) of a single claim against the knowledge base."""
    from claims.status import EventFacts, assess

    return assess(EventFacts.of_claims([claim]), kb)


def event_record(claim: Claim, kb: KnowledgeBase, event_id: str | None = None) -> dict[str, Any]:
    """The event row a claim creates when its event is first seen."""
    status, reason = status_of(claim, kb)
    return {
        "event_id": event_id or event_id_for(claim), "type": claim.type,
        "subject_id": claim.subject.id if claim.subject else None,
        "subject_name": claim.subject.name if claim.subject else None,
        "object_id": claim.object.id if claim.object else None,
        "object_name": claim.object.name if claim.object else None,
        "members": [m.name for m in claim.members], "date": claim.date, "place": claim.place,
        "country": claim.country, "killed": claim.killed, "wounded": claim.wounded,
        "kidnapped": claim.kidnapped, "status": status, "reason": reason,
        "merge_key": merge_key(claim),
    }
