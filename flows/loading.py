"""Run steps that read inputs and store them: sources, knowledge base, articles, run rows.

Plain functions (Prefect tasks in flows/monitor.py wrap them thinly); they take
serialisable values and open the warehouse only while they write.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from claims.errors import KnowledgeBaseError
from claims.kb import KnowledgeBase
from sources.config import SourceSpec, load_sources
from sources.errors import ConfigError
from flows.fetching import WebResult, fetch_web, read_state
from sources.model import Article
from sources.policy import FetchPolicy
from sources.search import Watched
from sources.seedfiles import load_seed_articles
from sources.yamlfile import load_yaml
from warehouse import load as wh
from warehouse.db import connect, migrate, transaction
from warehouse.sources_state import FetchState, record_fetch

log = logging.getLogger("sahelwatch.run")
LOAD_CHUNK = 500  # articles stored per transaction
LOAD_MEMORY_LIMIT = "128MB"  # DuckDB buffer pool of the load connection (bench_memory: 841 -> 479 MB at 10,000 articles)


@dataclass
class Inputs:
    specs: list[SourceSpec] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # source_id, item, reason
    web: WebResult = field(default_factory=WebResult)  # cursors, health, outcomes of web sources


def read_inputs(sources_file: Path, *, db_path: Path | None = None, wait_s: float = 3.0,
                policy: FetchPolicy | None = None, watched: Sequence[Watched] = (),
                state: FetchState | None = None) -> Inputs:
    """Every enabled source's articles; each unreadable item or source becomes an error row.
    Web sources (feeds, pages, searches) are fetched when due, conditionally, with the
    validators and health kept in the warehouse at `db_path` (None: as if never fetched),
    or with `state` read beforehand (a worker on another machine has no warehouse)."""
    out = Inputs()
    try:
        specs, problems = load_sources(sources_file)
    except ConfigError as exc:
        out.errors.append(("config", str(sources_file), str(exc)))
        return out
    out.errors += [("config", str(sources_file), p) for p in problems]
    out.specs = specs
    for spec in (s for s in specs if s.enabled and s.kind == "seed_files"):
        _read_source(spec, sources_file.parent, out)
    if any(s.enabled and s.is_web for s in specs):
        state = state if state is not None else read_state(db_path, wait_s)
        out.web = fetch_web(specs, state, policy or FetchPolicy(), watched)
        out.articles += out.web.articles
        out.errors += out.web.errors
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
    """Migrate, record the run, sources, knowledge base, articles and errors. New article ids.
    The articles stream in chunks of LOAD_CHUNK through a connection with a small DuckDB
    buffer pool (LOAD_MEMORY_LIMIT), as fast and with a lower peak for a large run (issue 7);
    migrations (an index over every claim) keep the usual one."""
    con = connect(db_path, wait_s=wait_s)
    try:
        migrate(con)
        wh.start_run(con, run_id, datetime.now(timezone.utc))
        wh.load_sources(con, [s.as_row() for s in inputs.specs])
        if kb is not None:
            wh.load_kb(con, kb)
    finally:
        con.close()
    con = connect(db_path, wait_s=wait_s, memory_limit=LOAD_MEMORY_LIMIT)
    try:
        new_ids = _store_articles(con, run_id, inputs)
        wh.record_errors(con, run_id, inputs.errors)
        return new_ids
    finally:
        con.close()


def _store_articles(con, run_id: str, inputs: Inputs) -> list[str]:
    """Articles, URLs and stories in chunks of LOAD_CHUNK, each committed (memory stays
    bounded: 10,000 articles' rows and sketches at once took 0.5 GB, issue 7); validators and
    health go with the last chunk, so a crash half-way never moves a cursor past unstored
    articles (the next run fetches them again and stores what is missing)."""
    arts, new_ids = inputs.articles, []
    starts = range(0, len(arts), LOAD_CHUNK) if arts else range(1)
    for start in starts:
        chunk, last = arts[start:start + LOAD_CHUNK], start == starts[-1]
        web = inputs.web if last else WebResult()
        with transaction(con):  # articles, URLs, stories (and at last validators, health) together
            ids = wh.load_articles(con, chunk, run_id, cursors=web.cursors)
            record_fetch(con, run_id, chunk, ids, web.health, web.outcomes)
        new_ids += ids
        if len(arts) > LOAD_CHUNK:
            log.info("stored %d/%d articles", min(start + LOAD_CHUNK, len(arts)), len(arts))
    return new_ids


def finish_run(db_path: Path, wait_s: float, run_id: str, summary: dict[str, Any]) -> None:
    con = connect(db_path, wait_s=wait_s)
    try:
        wh.finish_run(con, run_id, summary)
    finally:
        con.close()
