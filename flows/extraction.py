"""Run step: extract claims from articles not yet read, compare them, record events.

Before extracting, the knowledge base of the file is extended with what analysts'
verdicts added (and loaded so, for the views); when that knowledge base (or the
`historical_days` setting) differs from the one the statuses were computed with, every
event's status is recomputed. Then each batch of articles: claims, linked, merged into
events, and the status of every event they touched recomputed, in one transaction.
An event whose status changes is alerted only if it becomes one a recipient asks for and
was not sent before (deliveries are per event).
"""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from claims import EXTRACTOR_VERSION
from claims.batch import process_batch
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from claims.linking import Linker
from claims.status import HISTORICAL_DAYS
from warehouse import ledger
from warehouse import load as wh
from warehouse.db import connect, migrate
from warehouse.verdicts import redirect_map

log = logging.getLogger("sahelwatch.run")
BATCH_SIZE = 500  # articles per extraction batch


def extract_pending(db_path: Path, wait_s: float, run_id: str, kb: KnowledgeBase, *,
                    historical_days: int = HISTORICAL_DAYS,
                    extractor_version: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    """Extract claims from every article not yet read by this extractor version, in batches."""
    con = connect(db_path, wait_s=wait_s)
    figures: Counter = Counter()
    try:
        migrate(con)
        kb = refresh_knowledge(con, kb, historical_days, figures)
        extractor, linker = Extractor(kb), Linker(kb)
        index, redirects = ledger.ledger_index(con), redirect_map(con)
        pending = wh.articles_to_extract(con, extractor_version)
        for start in range(0, len(pending), BATCH_SIZE):
            ids = pending[start:start + BATCH_SIZE]
            batch = process_batch(extractor, kb, wh.article_texts(con, ids), linker=linker,
                                  index=index, redirects=redirects)
            _store_batch(con, run_id, kb, ids, batch, figures, historical_days, extractor_version)
            log.info("extracted %d/%d articles", min(start + BATCH_SIZE, len(pending)), len(pending))
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
