"""Status of an event against what is known, with a one-line reason.

Pure. `assess(facts, kb)` looks at every report merged into the event (`EventFacts`) and
the knowledge base, first rule that holds wins:

1. `unknown_actor`: a party has no KB id ("unknown actor: Katibat al-Arqam not in the KB");
2. `historical`: the event's date ended more than `historical_days` (default 90) before
   the first report of it: recorded, not alerted (an analysis recalling an old event
   raises no alarm; a contradiction it carries is named in the reason);
3. `contradicts`: a report denies what the KB states; the reported date disagrees with
   the KB's; a pledge to a rival camp ("KB has al-Mourabitoun pledged to al-Qaeda since
   2013-08"); reports disagree (asserted by some, denied by others); a figure or date
   differs from the one an analyst confirmed;
4. `known`: the KB states it, or an analyst confirmed it;
5. `new`.

An analyst's rejection keeps the status (the digest never carries the event again) and
says so in the reason.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from claims.events import RELATION_OF, compatible
from claims.kb import KnowledgeBase, Relation
from claims.model import Claim

HISTORICAL_DAYS = 90
_CAMP_EDGES = ("pledged_to", "merged_into", "renamed_to")


@dataclass(frozen=True, slots=True)
class Report:
    """One claim merged into the event: what it says and who said it."""
    date: str | None = None
    polarity: str = "asserted"
    published: date | None = None
    source: str | None = None
    killed: int | None = None
    wounded: int | None = None
    kidnapped: int | None = None


@dataclass(frozen=True)
class EventFacts:
    type: str
    subject_id: str | None = None
    object_id: str | None = None
    member_ids: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # names of parties the KB lacks
    reports: tuple[Report, ...] = field(default=())

    @classmethod
    def of_claims(cls, claims: Iterable[Claim], published: date | None = None,
                  source: str | None = None) -> "EventFacts":
        claims = list(claims)
        first = claims[0]
        parties = [p for c in claims for p in (c.subject, c.object, *c.members) if p is not None]
        return cls(
            type=first.type,
            subject_id=first.subject.id if first.subject else None,
            object_id=first.object.id if first.object else None,
            member_ids=tuple(m.id for m in first.members if m.id),
            unknown=tuple(dict.fromkeys(p.name for p in parties if p.id is None)),
            reports=tuple(Report(c.date, c.polarity, published, source, c.killed, c.wounded, c.kidnapped)
                          for c in claims),
        )

    @property
    def date(self) -> str | None:
        """The most precise reported date (the earliest among equally precise ones)."""
        dates = sorted({r.date for r in self.reports if r.date}, key=lambda d: (-len(d), d))
        return dates[0] if dates else None

    @property
    def first_reported(self) -> date | None:
        days = [r.published for r in self.reports if r.published]
        return min(days) if days else None


def assess(facts: EventFacts, kb: KnowledgeBase, *, verdict: Mapping[str, Any] | None = None,
           historical_days: int = HISTORICAL_DAYS) -> tuple[str, str]:
    """(status, one-line reason); see the module docstring."""
    status, reason = _assess(facts, kb, verdict or {}, historical_days)
    if (verdict or {}).get("verdict") == "reject":
        reason = f"rejected by analyst; {reason}"
    return status, reason


def _assess(facts: EventFacts, kb: KnowledgeBase, verdict: Mapping[str, Any], days: int) -> tuple[str, str]:
    if facts.unknown:
        return "unknown_actor", f"unknown actor: {', '.join(facts.unknown)} not in the knowledge base"
    rel = kb_statement(facts, kb)
    conflict = _contradiction(facts, kb, rel, verdict)
    old = _historical(facts, days)
    if old:
        return "historical", f"historical: {old}" + (f"; contradicts: {conflict}" if conflict else "")
    if conflict:
        return "contradicts", f"contradicts: {conflict}"
    if verdict.get("verdict") == "confirm":
        return "known", "known: confirmed by analyst" + (f" ({verdict['note']})" if verdict.get("note") else "")
    if rel:
        return "known", "known: " + "; ".join(describe(r, kb) for r in rel)
    return "new", "new: not in the knowledge base"


# ---- what the KB says ------------------------------------------------------------------

def kb_statement(facts: EventFacts, kb: KnowledgeBase) -> list[Relation]:
    """The KB relations that already state this event (empty when none does)."""
    if facts.type in RELATION_OF and facts.subject_id and facts.object_id:
        rel = kb.find(facts.subject_id, RELATION_OF[facts.type], facts.object_id)
        if rel is None and facts.type == "pledge":  # joining by merger is a pledge too
            rel = kb.find(facts.subject_id, "merged_into", facts.object_id)
        return [rel] if rel else []
    if facts.type == "merger" and facts.object_id and facts.member_ids:
        rels = [kb.find(m, "merged_into", facts.object_id) for m in facts.member_ids if m != facts.object_id]
        return rels if rels and all(rels) else []
    return []


def describe(rel: Relation, kb: KnowledgeBase) -> str:
    when = f" ({rel.date})" if rel.date else ""
    return f"KB has {_name(kb, rel.subject)} {rel.relation.replace('_', ' ')} {_name(kb, rel.object)}{when}"


def _name(kb: KnowledgeBase, entity_id: str) -> str:
    ent = kb.entities.get(entity_id)
    return ent.name if ent else entity_id


def camp_of(kb: KnowledgeBase, entity_id: str, when: str | None) -> tuple[str, Relation | None]:
    """The head of the camp an entity belongs to at `when` (following pledges, mergers,
    renamings), and the first relation on the way (None when it heads its own)."""
    first, node, seen = None, entity_id, {entity_id}
    for _ in range(8):
        edges = [r for r in kb.relations if r.subject == node and r.relation in _CAMP_EDGES
                 and (r.holds_at(when) if when else r.until is None)]
        if not edges:
            break
        edge = sorted(edges, key=lambda r: (r.relation == "pledged_to", r.date or ""))[-1]
        if edge.object in seen:
            break
        first, node = first or edge, edge.object
        seen.add(node)
    return node, first


def _heads(kb: KnowledgeBase) -> set[str]:
    """Camp heads: entities others pledge to (two or more) that pledge to no one."""
    targets: dict[str, int] = {}
    for r in kb.relations:
        if r.relation == "pledged_to":
            targets[r.object] = targets.get(r.object, 0) + 1
    return {e for e, n in targets.items() if n >= 2 and not kb.relations_of(e, "pledged_to")}


# ---- contradictions and age ------------------------------------------------------------

def _contradiction(facts: EventFacts, kb: KnowledgeBase, rel: list[Relation],
                   verdict: Mapping[str, Any]) -> str | None:
    denied = [r for r in facts.reports if r.polarity == "denied"]
    claimed = [r for r in facts.reports if r.polarity != "denied"]
    if rel and denied:
        return f"a report denies what {describe(rel[0], kb)}"
    if rel and rel[0].date:
        dates = {r.date for r in claimed if r.date}
        if dates and not any(compatible(d, rel[0].date) for d in dates):
            return f"reported {', '.join(sorted(dates))}, {describe(rel[0], kb)}"
    rival = None if rel else _rival_camp(facts, kb)
    if rival:
        return rival + (f"; denied in {len(denied)} of {len(facts.reports)} reports" if denied else "")
    if denied and claimed:
        return f"reported in {len(claimed)}, denied in {len(denied)} of {len(facts.reports)} reports"
    return _against_verdict(facts, verdict)


def _rival_camp(facts: EventFacts, kb: KnowledgeBase) -> str | None:
    if facts.type != "pledge" or not (facts.subject_id and facts.object_id):
        return None
    when = facts.date
    subject = _as_group(kb, facts.subject_id, when)
    own, via = camp_of(kb, subject, when)
    target, _ = camp_of(kb, _as_group(kb, facts.object_id, when), when)
    heads = _heads(kb)
    if via is None or own == target or own not in heads or target not in heads:
        return None
    since = f" since {via.date}" if via.date else ""
    head = "" if via.object == own else f", in {_name(kb, own)}'s camp"
    return (f"KB has {_name(kb, via.subject)} {via.relation.replace('_', ' ')} {_name(kb, via.object)}{since}{head}"
            f" (a pledge to {_name(kb, target)}'s camp)")


def _as_group(kb: KnowledgeBase, entity_id: str, when: str | None) -> str:
    ent = kb.entities.get(entity_id)
    if ent is not None and ent.kind == "person":
        return kb.leader_group(entity_id, when) or entity_id
    return entity_id


def _against_verdict(facts: EventFacts, verdict: Mapping[str, Any]) -> str | None:
    """A figure or date that differs from what an analyst confirmed."""
    if verdict.get("verdict") != "confirm":
        return None
    for what in ("killed", "wounded", "kidnapped"):
        ok = verdict.get(what)
        other = sorted({getattr(r, what) for r in facts.reports if getattr(r, what) not in (None, ok)})
        if ok is not None and other:
            return f"reported {what} {', '.join(map(str, other))}, analyst confirmed {ok}"
    ok_date = verdict.get("date")
    bad = sorted({r.date for r in facts.reports if r.date and not compatible(r.date, ok_date)})
    if ok_date and bad:
        return f"reported {', '.join(bad)}, analyst confirmed {ok_date}"
    return None


def _historical(facts: EventFacts, days: int) -> str | None:
    when, first = facts.date, facts.first_reported
    if not when or not first:
        return None
    ended = period_end(when)
    if ended is None or first - ended <= timedelta(days=days):
        return None
    return f"event of {when}, first reported {first.isoformat()} (more than {days} days later)"


def period_end(when: str) -> date | None:
    """Last day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    try:
        parts = [int(p) for p in when.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(*parts[:3])
    except (ValueError, TypeError):
        return None
