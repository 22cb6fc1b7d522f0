"""Extract and compare a batch of articles: the unit of work of one Prefect task.

After extraction, each claim's parties go through entity linking (`claims.linking`): an
actor the extractor could not name from the KB is linked by normalised or fuzzy match,
and a pledge to a leader resolves to the group he led at the claim's date. Then each claim
joins its event (`claims.events.choose_event`, against the ledger `index`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Iterable

from claims.events import choose_event, event_record, merge_key
from claims.kb import KnowledgeBase
from claims.linking import Linker
from claims.model import Claim, EntityRef, claim_id_for

LedgerIndex = dict[str, list[tuple[str, "str | None"]]]  # merge_key -> [(event_id, date)]


@dataclass
class BatchResult:
    claim_rows: list[tuple[str, str, Claim, str]] = field(default_factory=list)  # claim_id, article_id, claim, event_id
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # event_id -> first event record
    failures: list[tuple[str, str]] = field(default_factory=list)  # article_id, reason
    linked: int = 0  # parties linked or re-resolved by claims.linking


def process_batch(extractor, kb: KnowledgeBase, articles: Iterable[tuple[str, str, date | None]],
                  *, linker: Linker | None = None, index: LedgerIndex | None = None,
                  redirects: dict[str, str] | None = None) -> BatchResult:
    """Claims and events of (article_id, text, published) triples. An article whose
    extraction fails is recorded with its reason and skipped; the batch goes on.
    `index` (updated in place) holds the ledger's events by merge key; `redirects` sends
    an event id to another (analysts' duplicate and confirm verdicts)."""
    out = BatchResult()
    linker = linker or Linker(kb)
    index = {} if index is None else index
    redirects = redirects or {}
    for article_id, text, published in articles:
        try:
            claims = extractor.extract(text, published=published)
        except Exception as exc:  # noqa: BLE001 - one bad article never aborts the batch
            out.failures.append((article_id, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        for claim in claims:
            linked = link_claim(claim, linker)
            out.linked += linked != claim
            out.claim_rows.append(_place(out, kb, index, redirects, article_id, linked))
    return out


def _place(out: BatchResult, kb, index: LedgerIndex, redirects: dict[str, str],
           article_id: str, claim: Claim) -> tuple:
    mkey = merge_key(claim)
    event_id = choose_event(claim, index.get(mkey, ()))
    event_id = redirects.get(event_id, event_id)
    if event_id not in out.events and not any(e == event_id for e, _ in index.get(mkey, ())):
        out.events[event_id] = event_record(claim, kb, event_id)
        index.setdefault(mkey, []).append((event_id, claim.date))
    return claim_id_for(article_id, claim), article_id, claim, event_id


def link_claim(claim: Claim, linker: Linker) -> Claim:
    """The claim with its parties linked (the one seam between extraction and linking). A
    name several groups share (claims.kb.SharedName) that the extractor left an unknown actor
    is linked by the claim's country, if it is one of the name's."""
    when, country = claim.date, claim.country
    subject = _link(claim.subject, linker, when, country)
    obj = _link(claim.object, linker, when, country)
    if claim.type == "pledge":
        obj = _leader_to_group(obj, linker, when)
    members = tuple(_link(m, linker, when, country) for m in claim.members)
    if (subject, obj, members) == (claim.subject, claim.object, claim.members):
        return claim
    return replace(claim, subject=subject, object=obj, members=members)


def _link(ref: EntityRef | None, linker: Linker, when: str | None, country: str | None = None) -> EntityRef | None:
    if ref is None or ref.id is not None or not ref.name or ref.name.startswith("<"):
        return ref
    hit = linker.link(ref.text or ref.name, when, country) or linker.link(ref.name, when, country)
    if hit is None:
        return ref
    return EntityRef(hit.entity_id, linker.kb.entities[hit.entity_id].name, ref.text)


def _leader_to_group(ref: EntityRef | None, linker: Linker, when: str | None) -> EntityRef | None:
    """A pledge to a leader is a pledge to the group he led at the date of the pledge
    (the extractor, which has no date, gives his latest group)."""
    if ref is None or not ref.text:
        return ref
    hit = linker.link(ref.text, when)
    if hit is None or linker.kb.entities[hit.entity_id].kind != "person":
        return ref
    group = linker.as_group(hit.entity_id, when)
    if group == ref.id or group == hit.entity_id:
        return ref
    return EntityRef(group, linker.kb.entities[group].name, ref.text)
