"""Extract and compare a batch of articles: the unit of work of one Prefect task."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from claims.events import event_id_for, event_record
from claims.kb import KnowledgeBase
from claims.model import Claim, claim_id_for


@dataclass
class BatchResult:
    claim_rows: list[tuple[str, str, Claim, str]] = field(default_factory=list)  # claim_id, article_id, claim, event_id
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # event_id -> first event record
    failures: list[tuple[str, str]] = field(default_factory=list)  # article_id, reason


def process_batch(extractor, kb: KnowledgeBase,
                  articles: Iterable[tuple[str, str, date | None]]) -> BatchResult:
    """Claims and events of (article_id, text, published) triples. An article whose
    extraction fails is recorded with its reason and skipped; the batch goes on."""
    out = BatchResult()
    for article_id, text, published in articles:
        try:
            claims = extractor.extract(text, published=published)
        except Exception as exc:  # noqa: BLE001 - one bad article never aborts the batch
            out.failures.append((article_id, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        for claim in claims:
            event_id = event_id_for(claim)
            out.claim_rows.append((claim_id_for(article_id, claim), article_id, claim, event_id))
            out.events.setdefault(event_id, event_record(claim, kb))
    return out
