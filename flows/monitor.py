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
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from claims.kb import KnowledgeBase
from flows import delivery, extraction, fetching, loading
from flows.settings import Settings, load_settings


@task(name="read-sources", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30)
def read_sources(settings: Settings, kb: KnowledgeBase | None) -> loading.Inputs:
    """All sources in one task (web sources fetched concurrently inside it, per-host limits)."""
    return loading.read_inputs(settings.sources_file, db_path=settings.db_path, wait_s=settings.db_wait_s,
                               policy=settings.fetch, watched=fetching.watched_entities(kb))


@task(name="read-knowledge-base", cache_policy=NO_CACHE)
def read_knowledge_base(entities_file: Path) -> tuple[KnowledgeBase | None, str | None]:
    return loading.read_kb(entities_file)


@task(name="load-articles", cache_policy=NO_CACHE)
def load_articles(settings: Settings, run_id: str, inputs: loading.Inputs, kb: KnowledgeBase | None) -> list[str]:
    return loading.store_inputs(settings.db_path, settings.db_wait_s, run_id, inputs, kb)


@task(name="extract-and-compare", cache_policy=NO_CACHE)
def extract_and_compare(settings: Settings, run_id: str, kb: KnowledgeBase) -> dict[str, Any]:
    return extraction.extract_pending(settings.db_path, settings.db_wait_s, run_id, kb,
                                      historical_days=settings.historical_days)


@task(name="deliver-digests", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30)
def deliver_digests(settings: Settings, run_id: str, run: dict[str, Any]) -> dict[str, Any]:
    """Retried as a whole on an unexpected error (e.g. the warehouse locked): safe, as every
    digest is recorded in the outbox table before it is sent."""
    report = delivery.deliver_digests(settings, run_id, run).as_dict()
    for artifact in report.pop("artifacts"):
        create_markdown_artifact(**artifact)
    return report


@task(name="finish-run", cache_policy=NO_CACHE)
def finish_run(settings: Settings, run_id: str, summary: dict[str, Any]) -> None:
    loading.finish_run(settings.db_path, settings.db_wait_s, run_id, summary)


@flow(name="monitor", log_prints=False)
def monitor(settings: Settings | None = None) -> dict[str, Any]:
    """One monitoring cycle. Returns the run summary (figures, errors, digest locations).

    Without `settings` (a scheduled run of `sahelwatch serve`), they are read at run time
    from sahelwatch.toml and the environment, so no secret travels as a parameter."""
    settings = settings or load_settings()
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    kb, kb_error = read_knowledge_base(settings.entities_file)  # first: search sources query its names
    inputs = read_sources(settings, kb)
    if kb_error:
        inputs.errors.append(("config", str(settings.entities_file), kb_error))
    new_ids = load_articles(settings, run_id, inputs, kb)
    figures: dict[str, Any] = extract_and_compare(settings, run_id, kb) if kb is not None else {}
    summary = _summary(run_id, inputs, new_ids, figures, kb_error)
    _add_deliveries(summary, deliver_digests(settings, run_id, summary))
    finish_run(settings, run_id, summary)
    return summary


def _add_deliveries(summary: dict[str, Any], report: dict[str, Any]) -> None:
    """Digest locations, and delivery failures counted and listed with the run's errors."""
    summary["digests"] = report["delivered"]
    summary["digests_queued"], summary["digests_failed"] = report["queued"], report["failed"]
    summary["errors"] += len(report["problems"])
    summary["error_lines"] = summary["error_lines"] + report["problems"]


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
        "sources_by_status": dict(inputs.web.figures),
        "sources_attention": list(inputs.web.attention),
    }
