"""Acceptance of issue 5: the ledger merges reports into events, counts independent
sources, gives each event a status with its reason, and keeps analysts' verdicts.

The fixture articles (tests/fixtures/ledger) are loaded into a real DuckDB file the way a
run loads them (articles, wire-story detection, knowledge base), then extracted.
"""
from __future__ import annotations

import pytest

from flows.extraction import refresh_knowledge
from flows.settings import ALERT_STATUSES
from ledger_helpers import event_of, fixture_articles, load_and_extract
from warehouse import ledger
from warehouse.db import connect
from warehouse.read import pending_digest_items
from warehouse.verdicts import VerdictError, record_verdict

RUN = "20150801T000000Z-ledger"


@pytest.fixture(scope="module")
def db(tmp_path_factory, kb):
    path = tmp_path_factory.mktemp("ledger") / "ledger.duckdb"
    figures = load_and_extract(path, kb, RUN, fixture_articles())
    assert figures["articles_extracted"] == 7
    return path


@pytest.fixture
def con(db):
    c = connect(db)
    yield c
    c.close()


def _alerted(con) -> set[str]:
    return {i["event_id"] for i in pending_digest_items(con, "analyst@example.org", ALERT_STATUSES)}


def test_one_pledge_three_outlets_two_wire_copies_is_one_event_with_two_sources(con):
    ev = event_of(con, "pledge", "jund_al_khilafah")
    assert ev["object_name"] == "Islamic State"
    assert ev["n_reports"] == 3 and ev["n_sources"] == 2
    assert {r["publisher"] for r in ev["reports"]} == {"Sahel Daily", "Maghreb Times", "Desert Observer"}
    assert ev["status"] == "known" and "Jund al-Khilafah pledged to Islamic State" in ev["reason"]


def test_analysis_recalling_in_amenas_is_historical_and_not_alerted(con):
    ev = event_of(con, "attack", "belmokhtar")
    assert ev["place"] == "In Amenas" and ev["date"] == "2013-01" and ev["killed_max"] == 37
    assert ev["status"] == "historical"
    assert ev["reason"].startswith("historical: event of 2013-01, first reported 2016-03-21")
    assert ev["event_id"] not in _alerted(con)


def test_sahrawi_pledge_denied_by_belmokhtar_contradicts_with_both_reports(con):
    ev = event_of(con, "pledge", "al_mourabitoun")
    assert ev["object_name"] == "Islamic State"
    assert ev["status"] == "contradicts"
    assert "KB has al-Mourabitoun pledged to al-Qaeda since 2013" in ev["reason"]
    assert "denied in 1 of 2 reports" in ev["reason"]
    shown = {(r["publisher"], r["polarity"]) for r in ev["reports"]}
    assert shown == {("Sahel Daily", "asserted"), ("Maghreb Times", "denied")}
    assert ev["n_denials"] == 1 and ev["event_id"] in _alerted(con)


def test_pledge_by_unknown_actor_is_unknown_actor_with_its_name_kept(con):
    ev = event_of(con, "pledge", None, "Katibat al-Arqam")
    assert ev["status"] == "unknown_actor" and "Katibat al-Arqam" in ev["reason"]
    assert ev["object_name"] == "Islamic State"  # the pledge to al-Baghdadi resolved to his group
    names = [r[0] for r in con.execute("SELECT name FROM v_unknown_actors").fetchall()]
    assert "Katibat al-Arqam" in names


def test_statuses_are_recomputed_when_the_knowledge_base_changes(tmp_path, kb):
    from dataclasses import replace

    path = tmp_path / "kb.duckdb"
    load_and_extract(path, kb, RUN, fixture_articles(["sahrawi_pledge.txt"]))
    weaker = replace(kb, relations=tuple(r for r in kb.relations
                                         if not (r.subject == "al_mourabitoun" and r.object in ("al_qaeda", "aqim"))))
    con = connect(path)
    try:
        eid = event_of(con, "pledge", "al_mourabitoun")["event_id"]
        assert ledger.statuses(con, [eid]) == {eid: "contradicts"}
        refresh_knowledge(con, weaker, 90)
        assert ledger.statuses(con, [eid]) == {eid: "new"}
        refresh_knowledge(con, kb, 90)
        assert ledger.statuses(con, [eid]) == {eid: "contradicts"}
    finally:
        con.close()


def test_historical_days_is_configurable(tmp_path, kb):
    path = tmp_path / "days.duckdb"
    load_and_extract(path, kb, RUN, fixture_articles(["in_amenas_analysis.txt"]), historical_days=5000)
    con = connect(path)
    try:
        assert event_of(con, "attack", "belmokhtar")["status"] == "new"
    finally:
        con.close()


def test_verdicts_survive_a_full_reprocess_with_a_new_extractor(tmp_path, kb):
    path = tmp_path / "verdicts.duckdb"
    load_and_extract(path, kb, RUN, fixture_articles())
    con = connect(path)
    try:
        unknown = event_of(con, "pledge", None, "Katibat al-Arqam")["event_id"]
        contra = event_of(con, "pledge", "al_mourabitoun")["event_id"]
        added = record_verdict(con, kb, unknown, "confirm", note="SITE statement, July 2015")
        record_verdict(con, kb, contra, "reject")
        assert [e["entity_id"] for e in added.entities] == ["katibat_al_arqam"]
        assert [(r["subject"], r["relation"], r["object"]) for r in added.relations] == [
            ("katibat_al_arqam", "pledged_to", "islamic_state")]
        assert contra not in _alerted(con)
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()
    load_and_extract(path, kb, "20150802T000000Z-again", fixture_articles(), extractor_version="next-extractor")
    con = connect(path)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events
        assert dict(con.execute("SELECT event_id, verdict FROM verdicts").fetchall()) == {
            unknown: "confirm", contra: "reject"}
        assert ledger.statuses(con, [unknown]) == {unknown: "known"}
        assert contra not in _alerted(con)
        rel = con.execute("SELECT subject, relation, object, note FROM relations"
                          " WHERE subject = 'katibat_al_arqam'").fetchall()
        assert rel and rel[0][:3] == ("katibat_al_arqam", "pledged_to", "islamic_state") and unknown in rel[0][3]
        since = con.execute("SELECT subject FROM affiliations('2015-08-01') WHERE subject_id = 'katibat_al_arqam'").fetchall()
        assert since == [("Katibat al-Arqam",)]
    finally:
        con.close()


def test_duplicate_verdict_moves_reports_and_holds_after_reprocess(tmp_path, kb):
    path = tmp_path / "dup.duckdb"
    load_and_extract(path, kb, RUN, fixture_articles(["wire_a.txt", "in_amenas_analysis.txt"]))
    con = connect(path)
    try:
        pledge = event_of(con, "pledge", "jund_al_khilafah")["event_id"]
        attack = event_of(con, "attack", "belmokhtar")["event_id"]
        with pytest.raises(VerdictError, match="cannot duplicate itself"):
            record_verdict(con, kb, attack, "duplicate", duplicate_of=attack)
        with pytest.raises(VerdictError, match="no event nope"):
            record_verdict(con, kb, "nope", "reject")
        record_verdict(con, kb, attack, "duplicate", duplicate_of=pledge)
        assert event_of(con, "pledge", "jund_al_khilafah")["n_reports"] == 2
    finally:
        con.close()
    load_and_extract(path, kb, "20150802T000000Z-again", fixture_articles(["wire_a.txt", "in_amenas_analysis.txt"]),
                     extractor_version="next-extractor")
    con = connect(path)
    try:
        assert con.execute("SELECT count(*) FROM events WHERE event_id = ?", [attack]).fetchone()[0] == 0
    finally:
        con.close()


def test_historical_days_setting_is_read_and_checked(tmp_path):
    from flows.settings import SettingsError, load_settings

    assert load_settings(env={}, cwd=tmp_path).historical_days == 90
    (tmp_path / "sahelwatch.toml").write_text("[ledger]\nhistorical_days = 30\n", encoding="utf-8")
    assert load_settings(env={}, cwd=tmp_path).historical_days == 30
    assert load_settings(env={"SAHELWATCH_HISTORICAL_DAYS": "7"}, cwd=tmp_path).historical_days == 7
    with pytest.raises(SettingsError, match="historical_days"):
        load_settings(env={"SAHELWATCH_HISTORICAL_DAYS": "soon"}, cwd=tmp_path)
