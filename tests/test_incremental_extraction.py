"""A run reads only what is new (issue 7): pending articles after the extractor version's
watermark, and the ledger events the batch's claims may join; results stay the same."""
from datetime import datetime, timezone

import duckdb

from flows.extraction import extract_pending, plan_extraction
from ledger_helpers import fixture_articles, load_and_extract
from warehouse import load as wh
from warehouse.db import connect
from warehouse.incremental import pending_articles
from warehouse.ledger import ledger_index


def test_only_articles_after_the_watermark_are_read_and_a_new_version_reads_all(tmp_path, kb):
    db = tmp_path / "w.duckdb"
    arts = fixture_articles()
    first = load_and_extract(db, kb, "r1", arts[:3])
    assert first["articles_extracted"] == 3
    con = connect(db)
    try:
        pending, last = pending_articles(con, "never-seen-version")  # starts from the first article
    finally:
        con.close()
    assert len(pending) == 3 and last >= 2
    second = load_and_extract(db, kb, "r2", arts[3:])
    assert second["articles_extracted"] == len(arts) - 3  # only the new ones, not the 3 before
    assert plan_extraction(db, 3.0, kb).pending == 0
    again = extract_pending(db, 3.0, "r3", kb, extractor_version="next-version")
    assert again["articles_extracted"] == len(arts)  # a new extractor version re-reads everything


def test_an_article_left_unread_before_the_watermark_moved_is_still_found(tmp_path, kb):
    db = tmp_path / "w.duckdb"
    arts = fixture_articles()
    load_and_extract(db, kb, "r1", arts[:2])
    # articles loaded while no extraction ran (an invalid knowledge base): the watermark stays
    con = connect(db)
    try:
        wh.start_run(con, "r2", datetime.now(timezone.utc))
        wh.load_articles(con, arts[2:4], "r2")
    finally:
        con.close()
    later = load_and_extract(db, kb, "r3", arts[4:])
    assert later["articles_extracted"] == len(arts) - 2


def test_the_date_compatible_candidates_choose_as_the_whole_ledger_does(tmp_path, kb):
    """ledger_candidates keeps only events of a compatible date (or the claim's own id):
    choose_event picks the same event for every claim as over the whole index."""
    from claims.events import choose_event, event_id_for, merge_key
    from claims.model import Claim
    from warehouse.incremental import ledger_candidates

    db = tmp_path / "w.duckdb"
    load_and_extract(db, kb, "r1", fixture_articles())
    con = duckdb.connect(str(db))
    try:
        whole = ledger_index(con)
        # every stored attack again, at its own date, a month of it, and another day
        rows = con.execute("SELECT type, date, place, country FROM events WHERE type = 'attack'").fetchall()
        probes = [Claim(t, None, None, None, date=d, place=p, country=c) for t, d0, p, c in rows
                  for d in {d0, (d0 or "")[:7] or None, "1999-01-02"}]
        assert probes
        got = ledger_candidates(con, {(merge_key(c), c.date) for c in probes}, {event_id_for(c) for c in probes})
        assert all(set(v) <= set(whole[k]) for k, v in got.items())
        for c in probes:
            assert choose_event(c, got.get(merge_key(c), ())) == choose_event(c, whole.get(merge_key(c), ()))
        assert ledger_candidates(con, [], []) == {}
    finally:
        con.close()
