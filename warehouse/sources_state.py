"""Fetch state in the warehouse: validators, known URLs, source health, stories.

Reads (`fetch_state`) happen before the fetch; writes (`record_fetch`) happen in the
transaction that stores the articles, so validators, health, URLs and stories move with
the data they describe.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Sequence

import duckdb
import pyarrow as pa

from sources.dedupe import Known, assign_stories, min_shared, sketch
from sources.health import Outcome, SourceHealth
from sources.model import Article
from warehouse.db import transaction
from warehouse.rows import records, staged, table
from warehouse.sql import sql

_S, _I, _T = pa.string(), pa.int32(), pa.timestamp("us", tz="UTC")
HEALTH = pa.schema([
    ("source_id", _S), ("last_status", _S), ("last_checked_at", _T), ("consecutive_failures", _I),
    ("last_error", _S), ("last_items", _I), ("items_total", pa.int64()), ("item_runs", _I),
    ("first_checked_at", _T), ("first_item_at", _T), ("last_item_at", _T), ("last_success_at", _T),
])
SOURCE_RUNS = pa.schema([
    ("source_id", _S), ("status", _S), ("items", _I), ("requests", _I), ("not_modified", _I),
    ("error", _S), ("seconds", pa.float64()),
])
URLS = pa.schema([("url", _S), ("article_id", _S), ("source_id", _S)])
SKETCHES = pa.schema([("article_id", _S), ("h", pa.int64())])
SKETCH_ROWS = pa.schema([("article_id", _S), ("h", pa.int64()), ("story_id", _S)])
STORIES = pa.schema([("article_id", _S), ("story_id", _S)])
KNOWN_URL_DAYS = 90   # feeds list recent items; older URLs need not be kept in memory
STORY_WINDOW_DAYS = 30  # copies of one story are looked for among the articles loaded lately


@dataclass
class FetchState:
    cursors: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    known_urls: set[str] = field(default_factory=set)
    health: dict[str, SourceHealth] = field(default_factory=dict)


def fetch_state(con: duckdb.DuckDBPyConnection, now: datetime) -> FetchState:
    """What the fetch needs to know: validators, URLs seen lately, each source's health."""
    cursors = {(r["source_id"], r["url"]): r for r in records(con.execute(sql("cursors_all")))}
    since = now - timedelta(days=KNOWN_URL_DAYS)
    urls = {r[0] for r in con.execute(sql("urls_known"), {"since": since}).fetchall()}
    health = {r["source_id"]: SourceHealth(**r) for r in records(con.execute(sql("health_all")))}
    return FetchState(cursors, urls, health)


def record_fetch(con: duckdb.DuckDBPyConnection, run_id: str, articles: Sequence[Article],
                 new_ids: Iterable[str], health: Iterable[SourceHealth], outcomes: Iterable[Outcome]) -> dict[str, str]:
    """URLs, stories of the new articles, health and per-run outcomes, in one transaction
    (the caller's when one is open). Returns {article_id: story_id} of the new articles."""
    new = set(new_ids)
    with transaction(con):
        stories = _stories(con, [a for a in articles if a.article_id in new])
        _urls(con, run_id, articles)
        _health(con, run_id, health, outcomes)
    return stories


def _stories(con: duckdb.DuckDBPyConnection, fresh: Sequence[Article]) -> dict[str, str]:
    """Stories of the new articles: near-duplicates among the articles loaded in the last
    STORY_WINDOW_DAYS (the window's sketches; a run's cost does not grow with the warehouse)."""
    sketches = [(a.article_id, sketch(a.text)) for a in dict((a.article_id, a) for a in fresh).values()]
    if not sketches:
        return {}
    now = datetime.now(timezone.utc)
    con.execute(sql("sketches_prune"), {"since": now - timedelta(days=STORY_WINDOW_DAYS)}).fetchall()
    rows = [{"article_id": aid, "h": h} for aid, sk in sketches for h in sk]
    with staged(con, "staged_sketches", table(SKETCHES, rows)):
        need = min_shared(min(len(s) for _, s in sketches))  # no new text's copy shares fewer
        cands = con.execute(sql("sketch_candidates"), {"min_shared": need}).fetchall()
    stories = assign_stories(sketches, [Known(r[0], r[1], tuple(r[2])) for r in cands])
    rows = [{"article_id": aid, "h": h, "story_id": stories[aid]} for aid, sk in sketches for h in sk]
    with staged(con, "staged_sketch_rows", table(SKETCH_ROWS, rows)):
        con.execute(sql("sketches_insert"), {"loaded_at": now}).fetchall()
    recs = [{"article_id": k, "story_id": v} for k, v in stories.items()]
    with staged(con, "staged_stories", table(STORIES, recs)):
        con.execute(sql("stories_set")).fetchall()
    return stories


def _urls(con: duckdb.DuckDBPyConnection, run_id: str, articles: Sequence[Article]) -> None:
    rows = [{"url": u, "article_id": a.article_id, "source_id": a.source_id}
            for a in articles for u in dict.fromkeys((a.url, a.canonical_url))]
    with staged(con, "staged_urls", table(URLS, rows)):
        con.execute(sql("urls_insert"), {"run_id": run_id}).fetchall()


def _health(con: duckdb.DuckDBPyConnection, run_id: str, health: Iterable[SourceHealth],
            outcomes: Iterable[Outcome]) -> None:
    hrows = [{f.name: getattr(h, f.name) for f in fields(SourceHealth)} for h in health]
    orows = [{f.name: getattr(o, f.name) for f in fields(Outcome)} for o in outcomes]
    with staged(con, "staged_health", table(HEALTH, hrows)), \
            staged(con, "staged_source_runs", table(SOURCE_RUNS, orows)):
        con.execute(sql("health_upsert")).fetchall()
        con.execute(sql("source_runs_insert"), {"run_id": run_id}).fetchall()


def stories_of(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, str]:
    ids = list(dict.fromkeys(article_ids))
    return dict(con.execute(sql("stories_of"), {"article_ids": ids}).fetchall())


def story_urls(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Rows of v_stories (for tests and the demo)."""
    return records(con.execute(sql("stories_all")))


def health_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return records(con.execute(sql("sources_health")))
