"""The `monitor` flow: read sources -> load -> extract -> compare -> digest -> deliver.

Tasks are thin wrappers over plain functions in flows/loading.py, flows/extraction.py and
flows/delivery.py; work is batched (one task per stage, never one task per article)
because each Prefect task run costs tens of milliseconds.
"""
from __future__ import annotations

import uuid
from collections import Counter, deque
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from claims.kb import KnowledgeBase
from flows import delivery, extraction, fetching, loading
from flows.runners import Submitter, open_runner
from flows.settings import Settings, load_settings
from warehouse.analyst import publish_copy
from warehouse.db import set_memory_limit
from warehouse.sources_state import FetchState


@task(name="read-fetch-state", cache_policy=NO_CACHE)
def read_fetch_state(settings: Settings) -> FetchState:
    """Validators, known URLs and health, read in the flow's process (the fetch may run elsewhere)."""
    return fetching.read_state(settings.db_path, settings.db_wait_s)


@task(name="read-sources", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=30)
def read_sources(settings: Settings, kb: KnowledgeBase | None, state: FetchState | None = None) -> loading.Inputs:
    """All sources in one task (web sources fetched concurrently inside it, per-host limits);
    submitted to the task runner, so it may run on a Dask worker (it needs no warehouse)."""
    return loading.read_inputs(settings.sources_file, db_path=settings.db_path, wait_s=settings.db_wait_s,
                               policy=settings.fetch, watched=fetching.watched_entities(kb), state=state)


@task(name="read-knowledge-base", cache_policy=NO_CACHE)
def read_knowledge_base(entities_file: Path) -> tuple[KnowledgeBase | None, str | None]:
    return loading.read_kb(entities_file)


@task(name="load-articles", cache_policy=NO_CACHE)
def load_articles(settings: Settings, run_id: str, inputs: loading.Inputs, kb: KnowledgeBase | None) -> list[str]:
    return loading.store_inputs(settings.db_path, settings.db_wait_s, run_id, inputs, kb)


@task(name="plan-extraction", cache_policy=NO_CACHE)
def plan_extraction(settings: Settings, kb: KnowledgeBase) -> extraction.ExtractionPlan:
    return extraction.plan_extraction(settings.db_path, settings.db_wait_s, kb, historical_days=settings.historical_days,
                                      batch_size=settings.runner.batch_size)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(kb: KnowledgeBase, articles: list) -> extraction.ExtractedBatch:
    """Pure CPU over serialisable arguments: mapped over the task runner (Dask workers)."""
    return extraction.extract_batch(kb, articles)


@task(name="compare-and-store", cache_policy=NO_CACHE)
def compare_and_store(settings: Settings, run_id: str, kb: KnowledgeBase,
                      extracted: extraction.ExtractedBatch) -> dict[str, int]:
    """Warehouse writes: called (not submitted) so they stay in the flow's process, in order."""
    return extraction.store_extracted(settings.db_path, settings.db_wait_s, run_id, kb, extracted,
                                      historical_days=settings.historical_days)


@task(name="finish-extraction", cache_policy=NO_CACHE)
def finish_extraction(settings: Settings, plan: extraction.ExtractionPlan) -> None:
    extraction.finish_extraction(settings.db_path, settings.db_wait_s, plan)


def extract_and_compare(settings: Settings, run_id: str, kb: KnowledgeBase, runner: Submitter) -> dict[str, Any]:
    """Batches of pending articles extracted on the runner (a window of them in flight, so
    memory stays bounded), then compared and stored here, in load order."""
    plan = plan_extraction(settings, kb)
    figures: Counter = Counter(plan.figures)
    in_flight: deque = deque()
    limit = 2 * max(1, settings.runner.workers)
    for ids in plan.batches:
        articles = extraction.read_batch(settings.db_path, settings.db_wait_s, ids)
        in_flight.append(runner.submit(extract_batch, kb=plan.kb, articles=articles))
        while len(in_flight) >= limit:
            figures.update(compare_and_store(settings, run_id, plan.kb, in_flight.popleft().result()))
    while in_flight:
        figures.update(compare_and_store(settings, run_id, plan.kb, in_flight.popleft().result()))
    finish_extraction(settings, plan)
    return dict(figures)


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


@task(name="publish-analyst-copy", cache_policy=NO_CACHE)
def publish_analyst_copy(settings: Settings) -> None:
    """Refresh the analysts' read-only copy (`[paths] analyst_copy`) atomically."""
    if settings.analyst_db_path is not None:
        publish_copy(settings.db_path, settings.analyst_db_path, wait_s=settings.db_wait_s)


@flow(name="monitor", log_prints=False)
def monitor(settings: Settings | None = None) -> dict[str, Any]:
    """One monitoring cycle. Returns the run summary (figures, errors, digest locations).

    Without `settings` (a scheduled run of `sahelwatch serve`), they are read at run time
    from sahelwatch.toml and the environment, so no secret travels as a parameter."""
    settings = settings or load_settings()
    set_memory_limit(settings.db_memory_limit)
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    kb, kb_error = read_knowledge_base(settings.entities_file)  # first: search sources query its names
    with open_runner(settings.runner) as runner:  # [runner]: default, dask, or a scheduler address
        inputs = runner.submit(read_sources, settings=settings, kb=kb, state=read_fetch_state(settings)).result()
        if kb_error:
            inputs.errors.append(("config", str(settings.entities_file), kb_error))
        new_ids = load_articles(settings, run_id, inputs, kb)
        seen, inputs = len(inputs.articles), _without_articles(inputs)  # stored: their texts go (issue 7)
        figures: dict[str, Any] = extract_and_compare(settings, run_id, kb, runner) if kb is not None else {}
    summary = _summary(run_id, inputs, new_ids, figures, kb_error, seen=seen)
    _add_deliveries(summary, deliver_digests(settings, run_id, summary))
    finish_run(settings, run_id, summary)
    publish_analyst_copy(settings)
    return summary


def _add_deliveries(summary: dict[str, Any], report: dict[str, Any]) -> None:
    """Digest locations, and delivery failures counted and listed with the run's errors."""
    summary["digests"] = report["delivered"]
    summary["digests_queued"], summary["digests_failed"] = report["queued"], report["failed"]
    summary["errors"] += len(report["problems"])
    summary["error_lines"] = summary["error_lines"] + report["problems"]


def _without_articles(inputs: loading.Inputs) -> loading.Inputs:
    """`inputs` once its articles are stored: errors, specs and source health only, so the
    texts (54 MB for 10,000 articles, more as Python objects) are not held while extraction
    and delivery run."""
    return replace(inputs, articles=[], web=replace(inputs.web, articles=[]))


def _summary(run_id, inputs: loading.Inputs, new_ids, figures, kb_error, seen: int | None = None) -> dict[str, Any]:
    """The run summary; `seen`: articles read (default: `inputs`' articles, when still held)."""
    claims = Counter({k.removeprefix("claims_"): v for k, v in figures.items()
                      if k.startswith("claims_") and k != "claims_new"})
    statuses = Counter({k.removeprefix("status_"): v for k, v in figures.items() if k.startswith("status_")})
    return {
        "run_id": run_id,
        "articles_seen": len(inputs.articles) if seen is None else seen,
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
