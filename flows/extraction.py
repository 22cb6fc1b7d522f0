"""Run step: extract claims from articles not yet read, compare them, record events."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from claims import EXTRACTOR_VERSION
from claims.batch import process_batch
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from warehouse import load as wh
from warehouse.db import connect

log = logging.getLogger("sahelwatch.run")
BATCH_SIZE = 500  # articles per extraction batch


def extract_pending(db_path: Path, wait_s: float, run_id: str, kb: KnowledgeBase) -> dict[str, Any]:
    """Extract claims from every article not yet read by this extractor version, in batches."""
    extractor = Extractor(kb)
    con = connect(db_path, wait_s=wait_s)
    figures: Counter = Counter()
    try:
        pending = wh.articles_to_extract(con, EXTRACTOR_VERSION)
        for start in range(0, len(pending), BATCH_SIZE):
            ids = pending[start:start + BATCH_SIZE]
            _extract_batch(con, run_id, extractor, kb, ids, figures)
            log.info("extracted %d/%d articles", min(start + BATCH_SIZE, len(pending)), len(pending))
    finally:
        con.close()
    return dict(figures)


def _extract_batch(con, run_id, extractor, kb, ids, figures: Counter) -> None:
    result = process_batch(extractor, kb, wh.article_texts(con, ids))
    con.begin()
    try:
        figures["claims_new"] += wh.load_claims(con, result.claim_rows, run_id, EXTRACTOR_VERSION)
        new_events = wh.upsert_events(con, list(result.events.values()), run_id)
        wh.record_errors(con, run_id, [("extract", a, reason) for a, reason in result.failures])
        wh.mark_extracted(con, ids, EXTRACTOR_VERSION)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    figures["articles_extracted"] += len(ids)
    figures["events_new"] += len(new_events)
    for _, _, claim, _ in result.claim_rows:
        figures[f"claims_{claim.type}"] += 1
    for event_id in new_events:
        figures[f"status_{result.events[event_id]['status']}"] += 1
