"""The web part of the read step: which sources are due, fetch them concurrently (one shared
Fetcher, per-host limits inside it), and the health each source comes out with.

Plain functions over `sources.collect` (no Prefect here); the warehouse is opened only to
read the fetch state before the fetch, never while fetching.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from sources.collect import Collector, SourceResult
from sources.config import SourceSpec
from sources.health import Outcome, SourceHealth, advance, attention, is_due
from sources.http import Fetcher
from sources.model import Article
from sources.policy import FetchPolicy
from sources.search import Watched
from warehouse.db import connect, migrate
from warehouse.sources_state import FetchState, fetch_state

log = logging.getLogger("sahelwatch.run")


@dataclass
class WebResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    cursors: list[dict[str, Any]] = field(default_factory=list)
    health: list[SourceHealth] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)   # "source: why it needs a look"
    figures: dict[str, int] = field(default_factory=dict)  # sources by status


def watched_entities(kb) -> list[Watched]:
    """(kind, name, aliases) of every entity of the knowledge base (search terms)."""
    if kb is None:
        return []
    return [(e.kind, e.name, tuple(e.aliases)) for e in kb.entities.values()]


def read_state(db_path: Path | None, wait_s: float) -> FetchState:
    if db_path is None:
        return FetchState()
    con = connect(db_path, wait_s=wait_s)
    try:
        migrate(con)
        return fetch_state(con, datetime.now(timezone.utc))
    finally:
        con.close()


def fetch_web(specs: Sequence[SourceSpec], state: FetchState, policy: FetchPolicy,
              watched: Sequence[Watched] = (), now: datetime | None = None) -> WebResult:
    """Fetch every enabled web source that is due; never raises for a bad source."""
    now = now or datetime.now(timezone.utc)
    web = [s for s in specs if s.enabled and s.is_web]
    due = [s for s in web if not policy.honour_poll_minutes or is_due(state.health.get(s.id), s.poll_minutes, now)]
    out = WebResult()
    if due:
        with Fetcher(policy) as fetcher:
            collector = Collector(fetcher, state.cursors, state.known_urls, watched)
            # outlets first, searches second: an article is credited to its own outlet's feed
            order = sorted(due, key=lambda s: s.kind in ("news_search", "gdelt"))
            results = []
            with ThreadPoolExecutor(max_workers=max(1, policy.workers), thread_name_prefix="fetch") as pool:
                for group in (order[:_first_search(order)], order[_first_search(order):]):
                    results += list(pool.map(lambda s: _collect(collector, s), group))
            due = order
        for spec, res in zip(due, results):
            _absorb(out, spec, res, state.health.get(spec.id), now)
    for spec in (s for s in web if s not in due):
        out.outcomes.append(Outcome(spec.id, "skipped"))
        _flag(out, spec, state.health.get(spec.id), now)
    out.figures = _figures(out.outcomes)
    return out


def _first_search(order: Sequence[SourceSpec]) -> int:
    return next((i for i, s in enumerate(order) if s.kind in ("news_search", "gdelt")), len(order))


def _collect(collector: Collector, spec: SourceSpec) -> SourceResult:
    res = collector.collect(spec)
    o = res.outcome()
    log.info("source %s: %s, %d new items, %d errors (%d requests, %.1fs)",
             spec.id, o.status, o.items, len(res.errors), o.requests, o.seconds)
    return res


def _absorb(out: WebResult, spec: SourceSpec, res: SourceResult, before: SourceHealth | None, now: datetime) -> None:
    outcome = res.outcome()
    health = advance(before, outcome, now)
    out.articles += res.articles
    out.errors += res.errors
    out.cursors += res.cursors
    out.outcomes.append(outcome)
    out.health.append(health)
    _flag(out, spec, health, now)


def _flag(out: WebResult, spec: SourceSpec, health: SourceHealth | None, now: datetime) -> None:
    why = attention(health, spec.poll_minutes, now) if health else None
    if why:
        out.attention.append(f"{spec.id}: {why}")


def _figures(outcomes: Sequence[Outcome]) -> dict[str, int]:
    figures: dict[str, int] = {}
    for o in outcomes:
        figures[o.status] = figures.get(o.status, 0) + 1
    return figures
