"""The steps of a monitoring run as plain functions (Prefect tasks wrap them thinly).

Steps take serialisable values (paths, ids, dataclasses) so that they can run on any
task runner; each opens the warehouse only for as long as it writes.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from alerts.deliver import build_message, digest_id_for, send_smtp, write_outbox
from alerts.digest import build_digest
from alerts.errors import DeliveryError
from alerts.render import render
from claims import EXTRACTOR_VERSION
from claims.batch import process_batch
from claims.errors import KnowledgeBaseError
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from flows.settings import Recipient, Settings
from sources.config import SourceSpec, load_sources
from sources.errors import ConfigError
from sources.model import Article
from sources.seedfiles import load_seed_articles
from sources.yamlfile import load_yaml
from warehouse import load as wh
from warehouse.db import connect, migrate

log = logging.getLogger("sahelwatch.run")
BATCH_SIZE = 500  # articles per extraction batch


@dataclass
class Inputs:
    specs: list[SourceSpec] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # source_id, item, reason


def read_inputs(sources_file: Path) -> Inputs:
    """Every enabled source's articles; each unreadable item or source becomes an error row."""
    out = Inputs()
    try:
        specs, problems = load_sources(sources_file)
    except ConfigError as exc:
        out.errors.append(("config", str(sources_file), str(exc)))
        return out
    out.errors += [("config", str(sources_file), p) for p in problems]
    out.specs = specs
    for spec in (s for s in specs if s.enabled):
        _read_source(spec, sources_file.parent, out)
    return out


def _read_source(spec: SourceSpec, base: Path, out: Inputs) -> None:
    try:
        articles, errors = load_seed_articles(base, spec.options.get("manifest", "manifest.yaml"), spec.id)
    except ConfigError as exc:
        out.errors.append((spec.id, spec.options.get("manifest", ""), str(exc)))
        return
    out.articles += articles
    out.errors += [(spec.id, e.item, e.reason) for e in errors]
    log.info("source %s: %d articles, %d errors", spec.id, len(articles), len(errors))


def read_kb(entities_file: Path) -> tuple[KnowledgeBase | None, str | None]:
    """The knowledge base, or None and the reason it could not be read."""
    try:
        data, where = load_yaml(entities_file)
        if not isinstance(data, dict):
            return None, f"{entities_file}: expected a mapping with 'entities' and 'relations'"
        return KnowledgeBase.from_records(data, where), None
    except ConfigError as exc:
        return None, str(exc)
    except KnowledgeBaseError as exc:
        return None, f"{entities_file}: " + "; ".join(exc.problems)


def store_inputs(db_path: Path, wait_s: float, run_id: str, inputs: Inputs, kb: KnowledgeBase | None) -> list[str]:
    """Migrate, record the run, sources, knowledge base, articles and errors. New article ids."""
    con = connect(db_path, wait_s=wait_s)
    try:
        migrate(con)
        wh.start_run(con, run_id, datetime.now(timezone.utc))
        wh.load_sources(con, [s.as_row() for s in inputs.specs])
        if kb is not None:
            wh.load_kb(con, kb)
        new_ids = wh.load_articles(con, inputs.articles, run_id)
        wh.record_errors(con, run_id, inputs.errors)
        return new_ids
    finally:
        con.close()


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


def deliver_digests(settings: Settings, run_id: str, run: dict[str, Any]) -> list[str]:
    """One digest per recipient with events they have not been sent. Returns where each went."""
    con = connect(settings.db_path, wait_s=settings.db_wait_s)
    try:
        return [loc for r in settings.recipients if (loc := _deliver_one(con, settings, r, run))]
    finally:
        con.close()


def _deliver_one(con, settings: Settings, recipient: Recipient, run: dict[str, Any]) -> str | None:
    items = wh.pending_digest_items(con, recipient.email, list(recipient.statuses))
    if not items:
        return None
    now = datetime.now(timezone.utc)
    ctx = build_digest(items, run, recipient_name=recipient.name, generated_at=now)
    rendered = render(ctx, settings.templates_dir)
    event_ids = [i["event_id"] for i in items]
    digest_id = digest_id_for(recipient.email, event_ids)
    msg = build_message(rendered, sender=settings.sender, recipient=recipient.email, digest_id=digest_id, date=now)
    if settings.smtp is None:
        eml, html = write_outbox(msg, rendered, settings.outbox_dir, digest_id)
        wh.record_delivery(con, digest_id, recipient.email, event_ids, "outbox", str(eml), "written")
        return str(html)
    return _send(con, settings, recipient, msg, digest_id, event_ids)


def _send(con, settings, recipient, msg, digest_id, event_ids) -> str | None:
    s = settings.smtp
    try:
        send_smtp(msg, host=s.host, port=s.port, username=s.username, password=s.password,
                  starttls=s.starttls, ssl=s.ssl)
    except DeliveryError as exc:
        log.warning("digest to %s not delivered: %s", recipient.email, exc)
        return None
    wh.record_delivery(con, digest_id, recipient.email, event_ids, "smtp", f"{s.host}:{s.port}", "sent")
    return f"smtp://{s.host}:{s.port} -> {recipient.email}"


def finish_run(db_path: Path, wait_s: float, run_id: str, summary: dict[str, Any]) -> None:
    con = connect(db_path, wait_s=wait_s)
    try:
        wh.finish_run(con, run_id, summary)
    finally:
        con.close()
