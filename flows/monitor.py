"""The `monitor` flow: read sources -> load -> extract -> compare -> digest -> deliver.

Tasks are thin wrappers over plain functions in flows/loading.py, flows/extraction.py and
flows/delivery.py; work is batched (one task per stage, never one task per article)
because each Prefect task run costs tens of milliseconds.
"""
from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from claims.kb import KnowledgeBase
from flows import delivery, extraction, loading
from flows.settings import Settings


@task(name="read-sources", cache_policy=NO_CACHE)
def read_sources(sources_file: Path) -> loading.Inputs:
    return loading.read_inputs(sources_file)


@task(name="read-knowledge-base", cache_policy=NO_CACHE)
def read_knowledge_base(entities_file: Path) -> tuple[KnowledgeBase | None, str | None]:
    return loading.read_kb(entities_file)


@task(name="load-articles", cache_policy=NO_CACHE)
def load_articles(settings: Settings, run_id: str, inputs: loading.Inputs, kb: KnowledgeBase | None) -> list[str]:
    return loading.store_inputs(settings.db_path, settings.db_wait_s, run_id, inputs, kb)


@task(name="extract-and-compare", cache_policy=NO_CACHE)
def extract_and_compare(settings: Settings, run_id: str, kb: KnowledgeBase) -> dict[str, Any]:
    return extraction.extract_pending(settings.db_path, settings.db_wait_s, run_id, kb)


@task(name="deliver-digests", cache_policy=NO_CACHE)
def deliver_digests(settings: Settings, run_id: str, run: dict[str, Any]) -> list[str]:
    return delivery.deliver_digests(settings, run_id, run)


@task(name="finish-run", cache_policy=NO_CACHE)
def finish_run(settings: Settings, run_id: str, summary: dict[str, Any]) -> None:
    loading.finish_run(settings.db_path, settings.db_wait_s, run_id, summary)


@flow(name="monitor", log_prints=False)
def monitor(settings: Settings) -> dict[str, Any]:
    """One monitoring cycle. Returns the run summary (figures, errors, digest locations)."""
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    inputs = read_sources(settings.sources_file)
    kb, kb_error = read_knowledge_base(settings.entities_file)
    if kb_error:
        inputs.errors.append(("config", str(settings.entities_file), kb_error))
    new_ids = load_articles(settings, run_id, inputs, kb)
    figures: dict[str, Any] = extract_and_compare(settings, run_id, kb) if kb is not None else {}
    summary = _summary(run_id, inputs, new_ids, figures, kb_error)
    summary["digests"] = deliver_digests(settings, run_id, summary)
    finish_run(settings, run_id, summary)
    return summary


def _summary(run_id, inputs: loading.Inputs, new_ids, figures, kb_error) -> dict[str, Any]:
    claims = Counter({k.removeprefix("claims_"): v for k, v in figures.items()
                      if k.startswith("claims_") and k != "claims_new"})
    statuses = Counter({k.removeprefix("status_"): v for k, v in figures.items() if k.startswith("status_")})
    return {
        "run_id": run_id,
        "articles_seen": len(inputs.articles),
        "articles_new": len(new_ids),
        "articles_extracted": figures.get("articles_extracted", 0),
        "claims_new": figures.get("claims_new", 0),
        "claims_by_type": dict(claims),
        "events_new": figures.get("events_new", 0),
        "events_by_status": dict(statuses),
        "errors": len(inputs.errors),
        "error_lines": [f"{src}: {item}: {reason}" if item and item not in reason else f"{src}: {reason}"
                        for src, item, reason in inputs.errors],
        "extraction_skipped": kb_error,
    }
