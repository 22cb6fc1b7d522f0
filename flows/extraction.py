"""Run step: extract claims from articles not yet read, compare them, record events.

Before extracting, the knowledge base of the file is extended with what analysts'
verdicts added (and loaded so, for the views); when that knowledge base (or the
`historical_days` setting) differs from the one the statuses were computed with, every
event's status is recomputed. Then each batch of articles: claims, linked, merged into
events, and the status of every event they touched recomputed, in one transaction.
An event whose status changes is alerted only if it becomes one a recipient asks for and
was not sent before (deliveries are per event).

The work splits in three so that extraction can run anywhere (issue 7):
`plan_extraction` (warehouse: the KB, the pending ids, in batches) -> `extract_batch`
(pure CPU: texts in, linked claims out; serialisable arguments, mapped over the task
runner, possibly on other machines) -> `store_extracted` (warehouse, in the flow's
process, batches in order: events placed against the ledger, claims and statuses written).
`extract_pending` chains the three in one process.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from claims import EXTRACTOR_VERSION
from claims.batch import link_claim, process_batch
from claims.events import event_id_for, merge_key
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from claims.linking import Linker
from claims.model import Claim
from claims.status import HISTORICAL_DAYS
from warehouse import ledger
from warehouse import load as wh
from warehouse.db import connect, migrate
from warehouse.incremental import ledger_candidates, pending_articles, set_extracted_through
from warehouse.verdicts import redirect_map

log = logging.getLogger("sahelwatch.run")
BATCH_SIZE = 500  # articles per extraction batch
ArticleText = tuple[str, str, "date | None"]  # article_id, text, published
_TOOLS: dict[int, tuple[KnowledgeBase, Extractor, Linker]] = {}  # per process, by id of the KB


@dataclass
class ExtractionPlan:
    kb: KnowledgeBase  # the file's KB plus what verdicts added
    batches: list[list[str]] = field(default_factory=list)  # pending article ids, in load order
    figures: dict[str, int] = field(default_factory=dict)
    last_rowid: int = -1  # the last stored article: the watermark once every batch is stored
    extractor_version: str = EXTRACTOR_VERSION

    @property
    def pending(self) -> int:
        return sum(len(b) for b in self.batches)


@dataclass
class ExtractedBatch:
    """What a worker read in a batch: per article its linked claims, or why it failed."""

    article_ids: list[str]
    published: list[date | None]
    claims: list[tuple[Claim, ...] | None]
    failures: list[tuple[str, str] | None]  # (exception type name, message) where claims is None
    linked: int = 0


def extract_pending(db_path: Path, wait_s: float, run_id: str, kb: KnowledgeBase, *,
                    historical_days: int = HISTORICAL_DAYS,
                    extractor_version: str = EXTRACTOR_VERSION, batch_size: int = BATCH_SIZE) -> dict[str, Any]:
    """Extract claims from every article not yet read by this extractor version, in batches
    (all in this process; the monitor flow maps `extract_batch` over its task runner)."""
    plan = plan_extraction(db_path, wait_s, kb, historical_days=historical_days,
                           extractor_version=extractor_version, batch_size=batch_size)
    figures = Counter(plan.figures)
    for ids in plan.batches:
        extracted = extract_batch(plan.kb, read_batch(db_path, wait_s, ids))
        figures.update(store_extracted(db_path, wait_s, run_id, plan.kb, extracted,
                                       historical_days=historical_days, extractor_version=extractor_version))
        log.info("extracted %d/%d articles", figures["articles_extracted"], plan.pending)
    finish_extraction(db_path, wait_s, plan)
    return dict(figures)


def plan_extraction(db_path: Path, wait_s: float, kb: KnowledgeBase, *, historical_days: int = HISTORICAL_DAYS,
                    extractor_version: str = EXTRACTOR_VERSION, batch_size: int = BATCH_SIZE) -> ExtractionPlan:
    """The knowledge base as analysts extended it (statuses recomputed if it changed) and
    the ids of the articles this extractor version has not read, in batches."""
    figures: Counter = Counter()
    con = connect(db_path, wait_s=wait_s)
    try:
        migrate(con)
        kb = refresh_knowledge(con, kb, historical_days, figures)
        pending, last_rowid = pending_articles(con, extractor_version)  # after the watermark only
    finally:
        con.close()
    batches = [pending[i:i + batch_size] for i in range(0, len(pending), max(1, batch_size))]
    return ExtractionPlan(kb, batches, dict(figures), last_rowid, extractor_version)


def finish_extraction(db_path: Path, wait_s: float, plan: ExtractionPlan) -> None:
    """Every batch of the plan is stored: move the version's watermark to the plan's last
    article (a run that failed half-way leaves it, and the next run finds the rest)."""
    con = connect(db_path, wait_s=wait_s)
    try:
        set_extracted_through(con, plan.extractor_version, plan.last_rowid)
    finally:
        con.close()


def read_batch(db_path: Path, wait_s: float, article_ids: Sequence[str]) -> list[ArticleText]:
    """(article_id, text, published) of a batch, read in a short read-only moment."""
    con = connect(db_path, wait_s=wait_s)
    try:
        return wh.article_texts(con, article_ids)
    finally:
        con.close()


def extract_batch(kb: KnowledgeBase, articles: Sequence[ArticleText]) -> ExtractedBatch:
    """Claims of each article, their parties linked; pure CPU, no warehouse: runs on any
    worker. An article whose extraction fails is kept with the reason (recorded later)."""
    kb, extractor, linker = _tools(kb)
    out = ExtractedBatch([a[0] for a in articles], [a[2] for a in articles], [], [])
    for _, text, published in articles:
        try:
            found = extractor.extract(text, published=published)
        except Exception as exc:  # noqa: BLE001 - one bad article never aborts the batch
            out.claims.append(None)
            out.failures.append((type(exc).__name__, str(exc)))
            continue
        linked = tuple(link_claim(c, linker) for c in found)
        out.linked += sum(a != b for a, b in zip(found, linked))
        out.claims.append(linked)
        out.failures.append(None)
    return out


def _tools(kb: KnowledgeBase) -> tuple[KnowledgeBase, Extractor, Linker]:
    """One Extractor and Linker per knowledge base and process (a worker reuses them)."""
    hit = _TOOLS.get(id(kb))
    if hit is None or hit[0] is not kb:
        _TOOLS.clear()
        hit = _TOOLS[id(kb)] = (kb, Extractor(kb), Linker(kb))
    return hit


class _Replay:
    """An extractor that gives back, in order, what `extract_batch` found (the placing of
    claims into events, `claims.batch.process_batch`, stays the one code path)."""

    def __init__(self, extracted: ExtractedBatch):
        self._results = iter(zip(extracted.claims, extracted.failures))

    def extract(self, text: str, published: date | None = None, **_: Any) -> list[Claim]:
        claims, failure = next(self._results)
        if claims is None:
            raise type(failure[0], (Exception,), {})(failure[1])
        return list(claims)


def store_extracted(db_path: Path, wait_s: float, run_id: str, kb: KnowledgeBase, extracted: ExtractedBatch, *,
                    historical_days: int = HISTORICAL_DAYS, extractor_version: str = EXTRACTOR_VERSION) -> dict[str, int]:
    """Place a batch's claims into events (against the ledger events they may join: same
    merge key and a compatible date, `ledger_candidates`) and write claims, events,
    statuses, errors and extraction marks in one transaction."""
    figures: Counter = Counter()
    claims = [c for cs in extracted.claims if cs for c in cs]
    con = connect(db_path, wait_s=wait_s)
    try:
        redirects = redirect_map(con)
        index = ledger_candidates(con, {(merge_key(c), c.date) for c in claims},
                                  {event_id_for(c) for c in claims} | set(redirects.values()))
        texts = [(a, "", p) for a, p in zip(extracted.article_ids, extracted.published)]
        batch = process_batch(_Replay(extracted), kb, texts, linker=_tools(kb)[2], index=index, redirects=redirects)
        batch.linked = extracted.linked
        _store_batch(con, run_id, kb, extracted.article_ids, batch, figures, historical_days, extractor_version)
    finally:
        con.close()
    return dict(figures)


def refresh_knowledge(con, kb: KnowledgeBase, historical_days: int, figures: Counter | None = None) -> KnowledgeBase:
    """The file's KB plus the verdicts' additions, loaded; statuses recomputed if it changed."""
    kb = ledger.kb_with_additions(con, kb)
    wh.load_kb(con, kb)  # the views see the additions (loading the file alone drops them)
    mark = ledger.fingerprint(kb, historical_days)
    if ledger.state(con, "kb_fingerprint") == mark:
        return kb
    changed = ledger.reassess(con, kb, None, historical_days=historical_days)
    ledger.set_state(con, "kb_fingerprint", mark)
    if changed:
        log.info("knowledge base changed: %d event statuses recomputed", len(changed))
    if figures is not None:
        figures["events_restatused"] += len(changed)
    return kb


def _store_batch(con, run_id, kb, ids, result, figures: Counter, historical_days: int, version: str) -> None:
    con.begin()
    try:
        figures["claims_new"] += wh.load_claims(con, result.claim_rows, run_id, version)
        new_events = ledger.add_events(con, list(result.events.values()), run_id)
        touched = list(dict.fromkeys(r[3] for r in result.claim_rows))
        ledger.reassess(con, kb, touched, historical_days=historical_days)
        wh.record_errors(con, run_id, [("extract", a, reason) for a, reason in result.failures])
        wh.mark_extracted(con, ids, version)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    figures["articles_extracted"] += len(ids)
    figures["events_new"] += len(new_events)
    figures["parties_linked"] += result.linked
    for _, _, claim, _ in result.claim_rows:
        figures[f"claims_{claim.type}"] += 1
    for status, n in Counter(ledger.statuses(con, new_events).values()).items():
        figures[f"status_{status}"] += n
