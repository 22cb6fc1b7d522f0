"""Loads: idempotent bulk writes, the event ledger, and the digest round trip."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef, Evidence, claim_id_for
from sources.model import Article
from warehouse import load
from warehouse import outbox as ob
from warehouse.errors import WarehouseError

RUN1, RUN2 = "run-1", "run-2"
T0 = datetime(2024, 5, 2, 8, 0, tzinfo=timezone.utc)

JNIM = EntityRef("jnim", "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin")
KATIBA = EntityRef(None, "Katiba Serma", "Katiba Serma")
ISSP = EntityRef("issp", "Islamic State Sahel Province", "ISSP")

KB_RECORDS = {
    "entities": [
        {"id": "jnim", "name": "JNIM", "kind": "group", "country": "Mali",
         "aliases": ["Jama'at Nusrat al-Islam wal-Muslimin", "GSIM"]},
        {"id": "mourabitoun", "name": "al-Mourabitoun", "kind": "group",
         "aliases": ["al-Murabitun", "Al Mourabitoune", "al-Mourabitoun"]},
        {"id": "issp", "name": "Islamic State Sahel Province", "kind": "group", "aliases": ["ISSP"]},
    ],
    "relations": [
        {"subject": "mourabitoun", "relation": "merged_into", "object": "jnim", "date": "2017-03"},
        {"subject": "mourabitoun", "relation": "allied_with", "object": "jnim", "date": 2015, "until": 2017},
    ],
}

SOURCES = [
    {"id": "seeds", "kind": "seed_files", "manifest": "manifest.yaml", "enabled": True,
     "lang": "en", "reliability": "B", "poll_minutes": 60},
    {"source_id": "wire", "kind": "rss", "url": "http://127.0.0.1/feed.xml", "reliability": "c"},
]

PLEDGE_TEXT = "Katiba Serma pledged allegiance to JNIM in April 2024, a statement said."


def _article(n: int, text: str, source_id: str = "wire", published: date | None = date(2024, 5, 1)) -> Article:
    url = f"http://127.0.0.1/news/{n}"
    return Article(url=url, canonical_url=url, source_id=source_id, title=f"Article {n}",
                   published=published, lang="en", text=text, author="A. Writer", publisher="Desk")


ARTICLES = [
    _article(1, PLEDGE_TEXT),
    _article(2, "  " + PLEDGE_TEXT.replace(" ", "\n", 3)),  # same text, other URL: syndicated copy
    _article(3, "Katiba Serma reportedly joined JNIM. ISSP attacked Menaka, killing 12.",
             published=date(2024, 5, 2)),
]

PLEDGE = {"event_id": "ev-pledge", "type": "pledge", "subject_id": None, "subject_name": "Katiba Serma",
          "object_id": "jnim", "object_name": "JNIM", "members": [], "date": "2024-04",
          "status": "unknown_actor", "reason": "unknown actor: Katiba Serma"}
ATTACK = {"event_id": "ev-attack", "type": "attack", "subject_id": "issp",
          "subject_name": "Islamic State Sahel Province", "date": "2024-05-01", "place": "Menaka",
          "country": "Mali", "killed": 12, "status": "new", "reason": "new attack"}


def _claim_rows() -> list[tuple[str, str, Claim, str]]:
    a1, a2, a3 = ARTICLES
    pledge = Claim("pledge", KATIBA, JNIM, Evidence(PLEDGE_TEXT, 0, len(PLEDGE_TEXT)), date="2024-04",
                   confidence=0.9)
    hedged = Claim("pledge", KATIBA, JNIM, Evidence("Katiba Serma reportedly joined JNIM.", 0, 36),
                   date="2024-04", polarity="hedged", confidence=0.6)
    attack = Claim("attack", ISSP, None, Evidence("ISSP attacked Menaka, killing 12.", 37, 71),
                   members=(), date="2024-05-01", place="Menaka", country="Mali", killed=12, confidence=0.8)
    merger = Claim("merger", None, JNIM, Evidence("x", 0, 1), members=(KATIBA, JNIM), confidence=0.3)
    rows = [(a1, pledge, "ev-pledge"), (a2, pledge, "ev-pledge"), (a3, hedged, "ev-pledge"),
            (a3, attack, "ev-attack"), (a3, merger, None)]
    return [(claim_id_for(a.article_id, c), a.article_id, c, ev) for a, c, ev in rows]


def _run_once(con, run_id: str = RUN1) -> dict:
    """One run's worth of loads, as the flow does them."""
    load.start_run(con, run_id, T0)
    load.load_sources(con, SOURCES)
    load.load_kb(con, KnowledgeBase.from_records(KB_RECORDS))
    new_articles = load.load_articles(con, ARTICLES, run_id)
    new_events = load.upsert_events(con, [PLEDGE, ATTACK], run_id)
    assert sorted(load.articles_to_extract(con, "test-1")) == sorted(new_articles)
    n_claims = load.load_claims(con, _claim_rows(), run_id, "test-1")
    load.mark_extracted(con, [a.article_id for a in ARTICLES], "test-1")
    load.record_errors(con, run_id, [("wire", "http://127.0.0.1/bad", "HTTP 404"), (None, None, "odd")])
    summary = {"articles_seen": len(ARTICLES), "articles_new": new_articles, "claims_new": n_claims,
               "events_new": new_events, "errors": 2, "digest_path": "outbox/d.eml"}
    load.finish_run(con, run_id, summary)
    return {"articles": new_articles, "events": new_events, "claims": n_claims}


def test_first_run_loads_everything_and_second_run_adds_no_rows(con):
    first = _run_once(con)
    assert first["articles"] == [a.article_id for a in ARTICLES]
    assert first["events"] == ["ev-pledge", "ev-attack"] and first["claims"] == 5
    before = load.counts(con)
    assert before == {"runs": 1, "sources": 2, "source_cursors": 0, "articles": 3, "entities": 3,
                      "entity_aliases": 6, "relations": 2, "extractions": 3, "claims": 5, "events": 2, "deliveries": 0,
                      "errors": 2}
    again = _run_once(con)
    assert again == {"articles": [], "events": [], "claims": 0}
    assert load.counts(con) == before
    second_run = _run_once(con, RUN2)
    assert second_run == {"articles": [], "events": [], "claims": 0}
    assert load.counts(con) == {**before, "runs": 2, "errors": 4}


def test_events_keep_first_status_and_count_independent_sources(con):
    _run_once(con)
    flipped = {**PLEDGE, "status": "contradicts", "reason": "later"}
    assert load.upsert_events(con, [flipped], RUN2) == []
    row = con.execute("SELECT status, reason, n_sources, first_seen_run, last_seen_run, evidence, url "
                      "FROM v_events WHERE event_id = ?", ["ev-pledge"]).fetchone()
    # Three articles report the pledge, but two carry the same text: two independent sources.
    assert row == ("unknown_actor", "unknown actor: Katiba Serma", 2, RUN1, RUN2, PLEDGE_TEXT,
                   "http://127.0.0.1/news/1")
    assert load.known_event_ids(con, ["ev-pledge", "ev-nope", "ev-attack"]) == {"ev-pledge", "ev-attack"}


def test_claims_before_events_still_count_sources(con):
    load.load_articles(con, ARTICLES, RUN1)
    load.load_claims(con, _claim_rows(), RUN1, "test-1")
    load.upsert_events(con, [PLEDGE, ATTACK], RUN1)
    n = dict(con.execute("SELECT event_id, n_sources FROM events").fetchall())
    assert n == {"ev-pledge": 2, "ev-attack": 1}


def test_loads_join_a_transaction_the_caller_opened(con):
    load.load_articles(con, ARTICLES, RUN1)
    ids = [a.article_id for a in ARTICLES]
    con.begin()
    assert load.load_claims(con, _claim_rows(), RUN1, "test-1") == 5
    assert load.upsert_events(con, [PLEDGE, ATTACK], RUN1) == ["ev-pledge", "ev-attack"]
    load.mark_extracted(con, ids, "test-1")
    con.rollback()  # the caller's rollback undoes all three loads
    c = load.counts(con)
    assert (c["claims"], c["events"], c["extractions"]) == (0, 0, 0)
    con.begin()  # as the flow's extraction batch does it
    load.load_claims(con, _claim_rows(), RUN1, "test-1")
    load.upsert_events(con, [PLEDGE, ATTACK], RUN1)
    load.record_errors(con, RUN1, [("extract", ids[0], "no sentence")])
    load.mark_extracted(con, ids, "test-1")
    con.commit()
    c = load.counts(con)
    assert (c["claims"], c["events"], c["extractions"], c["errors"]) == (5, 2, 3, 1)
    assert con.execute("SELECT n_sources FROM events WHERE event_id = 'ev-pledge'").fetchone() == (2,)


def test_articles_to_extract_follows_the_extractor_version(con):
    load.load_articles(con, ARTICLES, RUN1)
    ids = [a.article_id for a in ARTICLES]
    assert sorted(load.articles_to_extract(con, "v1")) == sorted(ids)
    load.mark_extracted(con, ids[:2], "v1")
    load.mark_extracted(con, ids[:2], "v1")
    assert load.articles_to_extract(con, "v1") == ids[2:]
    assert sorted(load.articles_to_extract(con, "v2")) == sorted(ids)  # a new extractor rereads all


def test_claims_view_keeps_members_and_article(con):
    _run_once(con)
    members, title = con.execute(
        "SELECT members, title FROM v_claims WHERE type = 'merger'").fetchone()
    assert members == [{"id": None, "name": "Katiba Serma", "text": "Katiba Serma"},
                       {"id": "jnim", "name": "JNIM", "text": "Jama'at Nusrat al-Islam wal-Muslimin"}]
    assert title == "Article 3"


def _deliver(con, digest_id: str, event_ids: list[str], attempt: ob.Attempt) -> None:
    """A digest to ana recorded in the outbox (once) and the outcome of an attempt to send it."""
    ob.enqueue(con, ob.QueuedDigest(digest_id, "ana@example.org", None, f"<{digest_id}@test>", "digest",
                                    tuple(event_ids), b"message", "<p>digest</p>", datetime.now(timezone.utc)))
    ob.record_attempt(con, digest_id, attempt)


def test_pending_digest_items_and_deliveries_round_trip(con):
    _run_once(con)
    items = load.pending_digest_items(con, "ana@example.org", ["new", "unknown_actor"])
    assert [i["event_id"] for i in items] == ["ev-attack", "ev-pledge"]  # no status order given: newest first
    attack, pledge = items
    assert attack["killed"] == 12 and attack["place"] == "Menaka" and attack["members"] == []
    assert attack["evidence"] == "ISSP attacked Menaka, killing 12." and attack["polarity"] == "asserted"
    assert pledge["n_sources"] == 2 and pledge["confidence"] == 0.9
    assert pledge["mentions"] == ["Katiba Serma", "Jama'at Nusrat al-Islam wal-Muslimin"]
    assert pledge["article_url"] == "http://127.0.0.1/news/1" and pledge["article_published"] == date(2024, 5, 1)
    assert [r["url"] for r in pledge["reports"]] == [f"http://127.0.0.1/news/{n}" for n in (1, 2, 3)]
    assert pledge["reports"][0] == {"url": "http://127.0.0.1/news/1", "title": "Article 1"}
    assert set(items[0]) >= {"event_id", "type", "status", "reason", "date", "place", "country",
                             "subject_name", "object_name", "members", "killed", "wounded",
                             "kidnapped", "polarity", "confidence", "n_sources", "evidence",
                             "article_url", "article_title", "article_published", "reports"}

    _deliver(con, "d-1", ["ev-attack"], ob.Attempt("failed", "smtp", "127.0.0.1:25", 554, "refused"))
    assert len(load.pending_digest_items(con, "ana@example.org", ["new", "unknown_actor"])) == 2
    _deliver(con, "d-1", ["ev-attack"], ob.Attempt("sent", "smtp", "127.0.0.1:25"))
    _deliver(con, "d-2", ["ev-pledge"], ob.Attempt("written", "outbox", "outbox/d-2.eml"))
    _deliver(con, "d-2", ["ev-pledge"], ob.Attempt("written", "outbox", "outbox/d-2.eml"))
    assert load.pending_digest_items(con, "ana@example.org", ["new", "unknown_actor"]) == []
    assert len(load.pending_digest_items(con, "bob@example.org", ["new"])) == 1
    assert load.counts(con)["deliveries"] == 2
    with pytest.raises(ValueError):
        _deliver(con, "d-3", ["ev-attack"], ob.Attempt("sent", "fax"))


def test_load_kb_replaces_and_aliases_view_folds_accents(con):
    load.load_kb(con, KnowledgeBase.from_records(KB_RECORDS))
    smaller = {"entities": [{"id": "jnim", "name": "JNIM", "kind": "group", "aliases": ["Nusrat al-Islām"]}]}
    load.load_kb(con, KnowledgeBase.from_records(smaller))
    c = load.counts(con)
    assert (c["entities"], c["entity_aliases"], c["relations"]) == (1, 1, 0)
    rows = con.execute("SELECT alias, is_canonical FROM v_entity_aliases WHERE alias_key LIKE ? "
                       "ORDER BY alias", ["%islam%"]).fetchall()
    assert rows == [("Nusrat al-Islām", False)]


def test_aliases_view_lists_every_bearer_of_a_shared_name(con):
    kb = KnowledgeBase.from_records({"entities": [
        {"id": "as_tn", "name": "Ansar al-Sharia in Tunisia", "kind": "group", "country": "Tunisia",
         "shared_names": ["Ansar al-Sharia"]},
        {"id": "as_ly", "name": "Ansar al-Sharia in Libya", "kind": "group", "country": "Libya",
         "shared_names": ["Ansar al-Sharia"]}]})
    load.load_kb(con, kb)
    rows = con.execute("SELECT entity_id, country FROM v_entity_aliases WHERE alias = 'Ansar al-Sharia' "
                       "ORDER BY entity_id").fetchall()
    assert rows == [("as_ly", "Libya"), ("as_tn", "Tunisia")]


def test_sources_upsert_keeps_extra_keys_in_config(con):
    load.load_sources(con, SOURCES)
    load.load_sources(con, [{**SOURCES[0], "reliability": "A", "enabled": False}])
    rows = con.execute("SELECT source_id, reliability, enabled, config->>'manifest' FROM sources "
                       "ORDER BY source_id").fetchall()
    assert rows == [("seeds", "A", False, "manifest.yaml"), ("wire", "C", True, None)]


def test_cursors_move_with_their_articles(con):
    cursor = {"source_id": "wire", "url": "http://127.0.0.1/feed.xml", "etag": '"v1"', "last_modified": None}
    load.load_articles(con, ARTICLES[:1], RUN1, cursors=[cursor])
    load.load_articles(con, ARTICLES[1:], RUN1, cursors=[{**cursor, "etag": '"v2"'}])
    got = load.cursors_for(con, "wire")
    assert list(got) == ["http://127.0.0.1/feed.xml"] and got["http://127.0.0.1/feed.xml"]["etag"] == '"v2"'


def test_article_texts_in_requested_order(con):
    load.load_articles(con, ARTICLES, RUN1)
    ids = [ARTICLES[2].article_id, "missing", ARTICLES[0].article_id]
    texts = load.article_texts(con, ids)
    assert [(t[0], t[2]) for t in texts] == [(ids[0], date(2024, 5, 2)), (ids[2], date(2024, 5, 1))]
    assert texts[1][1] == PLEDGE_TEXT


def test_runs_view_and_finish_of_unknown_run(con):
    _run_once(con)
    row = con.execute("SELECT status, articles_new, events_new, errors, errors_recorded, digest_path, "
                      "duration_s IS NOT NULL FROM v_runs").fetchone()
    assert row == ("ok", 3, 2, 2, 2, "outbox/d.eml", True)
    assert con.execute("SELECT count(*) FROM v_errors WHERE source_kind = 'rss'").fetchone()[0] == 1
    with pytest.raises(WarehouseError, match="never started"):
        load.finish_run(con, "no-such-run", {})


def test_bulk_load_of_ten_thousand_articles(con):
    articles = [_article(n, f"Report number {n}: fighting near Gao.", published=None) for n in range(10_000)]
    articles.append(articles[0])  # a duplicate inside the batch is stored once
    new = load.load_articles(con, articles, RUN1)
    assert len(new) == 10_000 and load.counts(con)["articles"] == 10_000
    assert load.load_articles(con, articles, RUN2) == []
    assert load.counts(con)["articles"] == 10_000
