"""Per-recipient delivery marks (migration 0021): a digest reads only the events changed
since the recipient's last complete evaluation, and says exactly what the whole ledger
would say (every test compares with a read of every event, after=-1)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import duckdb
import pytest

from digest_world import add_article, analyst, ingest, make_seeds, settings_for
from flows.delivery import deliver_digests
from warehouse import outbox as ob
from warehouse import read as wr
from warehouse.db import connect, migrate

ANA, BOB = "ana@desk.example", "bob@desk.example"


def run_once(settings):
    run = ingest(settings)
    return deliver_digests(settings, run["run_id"], run)


def delivered(settings, recipient):
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        return [r[0] for r in con.execute(
            "SELECT event_id FROM deliveries WHERE recipient = ? AND status IN ('sent', 'written') "
            "ORDER BY event_id", [recipient]).fetchall()]
    finally:
        con.close()


def pending_both_ways(settings, recipient):
    """(pending after the recipient's mark, pending over every event): always equal."""
    con = connect(settings.db_path)
    try:
        r = next(x for x in settings.recipients if x.email == recipient)
        crit = ob.criteria(r.statuses, None, r.watch.types, r.watch.countries)
        mark = ob.delivery_mark(con, recipient, crit)
        def ids(after):
            return [i["event_id"] for i in wr.pending_digest_items(con, recipient, r.statuses, after=after)]
        return mark, ids(mark), ids(-1)
    finally:
        con.close()


@pytest.fixture
def world(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    return settings_for(tmp_path, seeds, [analyst(ANA)]), seeds


def test_an_event_delivered_once_is_never_pending_again_and_the_mark_moves(world):
    settings, seeds = world
    first = run_once(settings)
    assert len(first.delivered) == 1
    mark, after_mark, whole = pending_both_ways(settings, ANA)
    assert mark > 0 and after_mark == whole == []
    assert run_once(settings).delivered == []  # nothing new: no digest, nothing re-read
    add_article(seeds, "sokolo")
    second = run_once(settings)
    assert len(second.delivered) == 1 and len(delivered(settings, ANA)) == len(set(delivered(settings, ANA)))
    assert pending_both_ways(settings, ANA)[1:] == ([], [])


def test_a_recipient_added_later_gets_every_old_event(world):
    settings, seeds = world
    run_once(settings)
    later = replace(settings, recipients=(analyst(ANA), analyst(BOB)))
    report = run_once(later)  # Bob has no mark: every event is looked at
    assert len(report.delivered) == 1 and "bob@" in report.artifacts[0]["description"]
    assert delivered(later, BOB) == delivered(later, ANA)


def test_changed_criteria_look_at_every_event_again(world):
    settings, seeds = world
    narrow = replace(settings, recipients=(replace(analyst(ANA), statuses=("contradicts",)),))
    assert run_once(narrow).delivered == []  # nothing of hers: the mark moves past the event
    wider = run_once(settings)  # she now asks for every alert status; the event did not change
    assert len(wider.delivered) == 1 and len(delivered(settings, ANA)) == 1


def test_a_status_change_after_the_mark_makes_an_event_pending(world):
    settings, seeds = world
    narrow = replace(settings, recipients=(replace(analyst(ANA), statuses=("contradicts",)),))
    run_once(narrow)
    assert delivered(narrow, ANA) == []
    con = connect(settings.db_path)
    try:
        mark = ob.delivery_mark(con, ANA, ob.criteria(("contradicts",), None, (), ()))
        assert mark > 0  # nothing was pending: the mark moved
        event_id = con.execute("SELECT event_id FROM events LIMIT 1").fetchall()[0][0]
        staged = [{"event_id": event_id, "status": "contradicts", "reason": "test", "date": None,
                   "first_reported": None}]
        from warehouse.ledger import LEDGER_STATUS
        from warehouse.rows import staged as stage, table
        from warehouse.sql import sql
        with stage(con, "staged_ledger_status", table(LEDGER_STATUS, staged)):
            con.execute(sql("ledger_status_update")).fetchall()
    finally:
        con.close()
    report = deliver_digests(narrow, "r2", {"run_id": "r2"})
    assert len(report.delivered) == 1 and delivered(narrow, ANA) == [event_id]


def test_a_refused_digest_is_pending_again_past_the_mark(world):
    settings, seeds = world
    ingest(settings)
    con = connect(settings.db_path)
    try:
        items = wr.pending_digest_items(con, ANA, analyst(ANA).statuses)
        ids = tuple(i["event_id"] for i in items)
        crit = ob.criteria(analyst(ANA).statuses, None, (), ())
        digest = ob.QueuedDigest("d-refused", ANA, "r1", "<m@x>", "s", ids, b"m", "h",
                                 datetime(2026, 1, 1))
        through = wr.changes_through(con)
        ob.enqueue(con, digest)
        ob.set_delivery_mark(con, ANA, crit, through)
        assert wr.pending_digest_items(con, ANA, analyst(ANA).statuses, after=through) == []  # queued
        ob.record_attempt(con, "d-refused", ob.Attempt("failed", "smtp", "x", 550, "refused"))
        again = wr.pending_digest_items(con, ANA, analyst(ANA).statuses, after=ob.delivery_mark(con, ANA, crit))
        assert tuple(i["event_id"] for i in again) == ids
    finally:
        con.close()


def test_existing_databases_migrate_with_every_event_unmarked(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    try:
        migrate(con)
        assert con.execute("SELECT count(*) FROM delivery_marks").fetchall()[0][0] == 0
        assert wr.changes_through(con) == 0
        assert ob.delivery_mark(con, ANA, "anything") == -1
    finally:
        con.close()


def test_a_backlog_goes_out_in_capped_digests_most_pressing_first_nothing_lost(tmp_path):
    """`max_events`: a digest carries at most that many events (the most pressing first), says
    how many wait, and the others follow in the next digests; each event goes out once."""
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi", "tongo_tongo", "sokolo"])
    settings = settings_for(tmp_path, seeds, [replace(analyst(ANA), max_events=1)])
    run = ingest(settings)
    _, _, backlog = pending_both_ways(settings, ANA)
    assert len(backlog) >= 3
    sent, pages = [], []
    for _ in range(len(backlog) + 1):
        report = deliver_digests(settings, run["run_id"], run)
        now_delivered = delivered(settings, ANA)
        sent.append(len(now_delivered))
        pages += [open(p, encoding="utf-8").read() for p in report.delivered]
    assert sent == [*range(1, len(backlog) + 1), len(backlog)]  # one per digest, then nothing left
    assert sorted(delivered(settings, ANA)) == sorted(backlog)
    assert f"{len(backlog) - 1} more wait for the next digest" in pages[0]
    assert "more wait for the next digest" not in pages[-1]
    mark, after_mark, whole = pending_both_ways(settings, ANA)
    assert after_mark == whole == []
