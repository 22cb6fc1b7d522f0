"""Shared by the ledger tests: load the fixture articles of tests/fixtures/ledger into a
fresh warehouse the way a run does (articles, stories, knowledge base), then extract."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import yaml

from flows.extraction import extract_pending
from sources.model import Article
from warehouse import load as wh
from warehouse.db import connect, migrate
from warehouse.sources_state import record_fetch

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ledger"


def fixture_articles(names: list[str] | None = None) -> list[Article]:
    manifest = yaml.safe_load((FIXTURES / "articles.yaml").read_text(encoding="utf-8"))["articles"]
    out = []
    for rec in manifest:
        if names is None or rec["file"] in names:
            out.append(Article(url=rec["url"], canonical_url=rec["url"], source_id=rec["source"],
                               title=rec["title"], published=rec["published"], lang="en",
                               text=(FIXTURES / rec["file"]).read_text(encoding="utf-8"),
                               publisher=rec["publisher"]))
    return out


def load_and_extract(db: Path, kb, run_id: str, articles: list[Article], **kw) -> dict:
    con = connect(db)
    try:
        migrate(con)
        wh.start_run(con, run_id, datetime.now(timezone.utc))
        wh.load_kb(con, kb)
        new = wh.load_articles(con, articles, run_id)
        record_fetch(con, run_id, articles, new, [], [])
    finally:
        con.close()
    return extract_pending(db, 3.0, run_id, kb, **kw)


def event_of(con, type_: str, subject_id: str | None = None, subject_name: str | None = None) -> dict:
    from warehouse.rows import records

    rows = records(con.execute(
        "SELECT * FROM v_event_sources WHERE type = ? AND (subject_name = ? OR ? IS NULL)"
        " AND event_id IN (SELECT event_id FROM events WHERE subject_id IS NOT DISTINCT FROM coalesce(?, subject_id))",
        [type_, subject_name, subject_name, subject_id]))
    assert len(rows) == 1, rows
    return rows[0]
