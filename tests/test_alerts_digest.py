"""Digest assembly: warehouse items -> DigestContext, headlines, highlights, subject line."""
from __future__ import annotations

from alerts.digest import MAX_ERROR_LINES, build_digest, subject_line
from alerts.text import Segment, highlight, one_line, safe_href
from alerts.wording import headline
from test_alerts_examples import (
    BAMAKO, DJIBO_KIDNAPPING, GENERATED_AT, HOSTILE, ITEMS, JNIM_MERGER, JUND_PLEDGE,
    JUND_SPLIT, MACINA_PLEDGE, NASSOUMBOU, RUN, TIZI_OUZOU, item,
)


def build(items, run=RUN):
    return build_digest(items, run, recipient_name="Aïcha Benali", generated_at=GENERATED_AT)


def headlines(ctx, key):
    return [i.headline for s in ctx.sections for i in s.items if i.type == key]


def test_sections_in_order_historical_hidden_and_counted():
    ctx = build(ITEMS)
    assert [s.key for s in ctx.sections] == [  # the merger is known only: after the sections with news
        "contradicts", "unknown_actor", "pledge", "split", "attack", "merger"]
    assert [s.title for s in ctx.sections[:2]] == ["Contradictions", "Unknown actors"]
    assert [i.event_id for i in ctx.sections[0].items] == [MACINA_PLEDGE["event_id"]]
    assert ctx.sections[0].items[0].type_label == "Pledge"
    assert [i.event_id for i in ctx.sections[1].items] == [NASSOUMBOU["event_id"]]
    event_ids = [i.event_id for i in ctx.items]
    assert len(event_ids) == len(set(event_ids))  # every event once
    assert "ev-in-amenas" not in {i.event_id for i in ctx.items}
    assert ctx.run.historical_hidden == 1
    assert len(ctx.items) == len(ITEMS) - 1


def test_sections_with_news_come_before_sections_of_known_items():
    known_pledge = dict(JUND_PLEDGE, status="known", reason="known: KB has the pledge")
    ctx = build([known_pledge, TIZI_OUZOU])  # the news is the attack
    assert [s.key for s in ctx.sections] == ["attack", "pledge"]
    ctx = build([JUND_PLEDGE, TIZI_OUZOU])  # both news: the usual order
    assert [s.key for s in ctx.sections] == ["pledge", "attack"]


def test_a_place_relative_to_the_country_is_said_of_the_country():
    from alerts.wording import place_label

    assert place_label({"place": "north of the country", "country": "Mali"}) == "the north of Mali"
    assert place_label({"place": "le nord du pays", "country": "Mali"}) == "the north of Mali"
    assert place_label({"place": "Tizi Ouzou", "country": "Algeria"}) == "Tizi Ouzou, Algeria"
    assert place_label({"place": "north of the country", "country": None}) == "north of the country"


def test_headlines_read_as_sentences():
    ctx = build(ITEMS)
    assert headlines(ctx, "pledge") == [
        "Katiba Macina reportedly pledged allegiance to Islamic State in the Greater Sahara",
        "Jund al-Khilafah pledged allegiance to Islamic State",
    ]
    assert headlines(ctx, "split") == ["Jund al-Khilafah split from al-Qaeda in the Islamic Maghreb"]
    assert headlines(ctx, "merger") == [
        "Ansar Dine, al-Mourabitoun, Katiba Macina and AQIM Sahara branch merged into "
        "Jama'at Nusrat al-Islam wal-Muslimin"
    ]
    assert "Attack by AQIM in Tizi Ouzou, Algeria: 14 killed" in headlines(ctx, "attack")
    assert "Attack by AQIM in Djibo, Burkina Faso: 2 kidnapped" in headlines(ctx, "attack")


def test_attack_headline_variants():
    assert headline(item(place="Tizi Ouzou", country="Algeria", subject_name="AQIM",
                         killed=11, wounded=5)) == "Attack by AQIM in Tizi Ouzou, Algeria: 11 killed, 5 wounded"
    assert headline(item(country="Niger", killed=0)) == "Attack in Niger: 0 killed"
    assert headline(item(subject_name="ISGS", polarity="hedged", place="Inates", country="Niger")) \
        == "Attack reportedly by ISGS in Inates, Niger"
    assert headline(item(subject_name="JNIM", polarity="denied", country="Mali")) \
        == "JNIM denies an attack in Mali"
    assert headline(item(type="split", subject_name="MUJAO", object_name="AQIM",
                         polarity="denied")) == "MUJAO denies splitting from AQIM"
    assert headline(item(type="pledge", object_name="AQIM")) \
        == "An unnamed group pledged allegiance to AQIM"


def test_most_pressing_status_first_then_newest():
    ctx = build(ITEMS)
    attacks = [i.event_id for s in ctx.sections if s.key == "attack" for i in s.items]
    assert attacks == [TIZI_OUZOU["event_id"], DJIBO_KIDNAPPING["event_id"], BAMAKO["event_id"]]
    assert [(c.status, c.count) for c in ctx.overview] == [
        ("contradicts", 1), ("unknown_actor", 1), ("new", 3), ("known", 3)]


def test_item_fields_for_display():
    ctx = build([JNIM_MERGER, MACINA_PLEDGE])
    merger = next(i for i in ctx.items if i.type == "merger")
    assert merger.status_label == "Known"
    assert merger.corroboration == "3 independent sources"
    assert merger.confidence_label == "0.93"
    assert merger.place == "Mali" and merger.date == "2017-03-02"
    assert [(p.role, p.name) for p in merger.parties] == [
        ("Merging", "Ansar Dine, al-Mourabitoun, Katiba Macina and AQIM Sahara branch"),
        ("Resulting group", "Jama'at Nusrat al-Islam wal-Muslimin")]
    assert [r.href for r in merger.reports] == [r["url"] for r in JNIM_MERGER["reports"]]
    assert merger.reports[0].published == "2017-03-03"
    pledge = next(i for i in ctx.items if i.type == "pledge")
    assert pledge.status_label == "Contradicts" and pledge.reason.startswith("Katiba Macina is")
    assert pledge.polarity_label == "reported, not confirmed"
    assert pledge.corroboration == "1 source"


def test_evidence_highlights_linked_names_and_mentions():
    ctx = build([JUND_SPLIT])
    segments = ctx.items[0].evidence
    assert "".join(s.text for s in segments) == JUND_SPLIT["evidence"]
    assert [s.text for s in segments if s.highlight] == ["Jund al-Khilafah", "AQIM"]


def test_reports_article_first_each_url_once():
    ctx = build([JUND_PLEDGE])
    reports = ctx.items[0].reports
    assert [r.url for r in reports] == [JUND_PLEDGE["article_url"],
                                        "https://presse.example.dz/2014/09/14/jund-al-khilafah"]
    assert reports[0].published == "2014-09-14" and reports[1].published is None


def test_subject_line_counts_types_and_contradictions():
    assert subject_line(build(ITEMS)) == (
        "Sahel watch 2026-11-21: 2 new pledges, 1 split, 2 attacks; "
        "1 contradicts the record; 1 unknown actor; 3 known")
    assert subject_line(build([TIZI_OUZOU])) == "Sahel watch 2026-11-21: 1 new attack"


def test_subject_line_never_calls_known_items_new():
    known = [dict(TIZI_OUZOU, status="known", reason="known: KB has AQIM attack")]
    assert subject_line(build(known)) == "Sahel watch 2026-11-21: no new events; 1 known"


def test_reason_drops_the_status_word_the_badge_shows():
    item = build([dict(TIZI_OUZOU, status="known", reason="known: KB has AQIM attack")]).items[0]
    assert item.reason == "KB has AQIM attack"


def test_empty_digest_says_nothing_new():
    ctx = build([], {"articles_seen": 40})
    assert ctx.is_empty and ctx.sections == () and ctx.overview == ()
    assert subject_line(ctx) == "Sahel watch 2026-11-21: nothing new"
    assert ctx.run.articles_seen == 40 and ctx.run.errors == 0


def test_hostile_text_is_one_line_everywhere():
    ctx = build([HOSTILE])
    found = ctx.items[0]
    for text in [found.headline, found.place, *(r.title for r in found.reports), subject_line(ctx)]:
        assert "\r" not in text and "\n" not in text
    assert found.reports[0].href is None  # javascript: is never a link
    assert found.reports[1].href is not None


def test_malformed_item_is_listed_and_skipped():
    bad = [item(event_id="ev-x", type="rumour", evidence="text"), item(event_id="", evidence="t"),
           item(event_id="ev-y", evidence="")]
    ctx = build([*bad, TIZI_OUZOU])
    assert [i.event_id for i in ctx.items] == [TIZI_OUZOU["event_id"]]
    reasons = [e.reason for e in ctx.run.error_lines]
    assert "unknown event type 'rumour'" in reasons and "no event_id" in reasons
    assert "no evidence sentence" in reasons
    assert ctx.run.errors == RUN["errors"] + 3


def test_error_lines_are_capped_with_a_count():
    run = {"errors": 30, "error_lines": [(f"rss:feed-{n}", "timeout") for n in range(30)]}
    ctx = build([TIZI_OUZOU], run)
    assert len(ctx.run.error_lines) == MAX_ERROR_LINES
    assert ctx.run.error_lines_omitted == 30 - MAX_ERROR_LINES


def test_highlight_is_case_insensitive_whole_words_and_merges_overlaps():
    segments = highlight("Al-Mourabitoun and AL-MOURABITOUNS", ["al-Mourabitoun"])
    assert segments == (Segment("Al-Mourabitoun", True), Segment(" and AL-MOURABITOUNS"))
    overlap = highlight("Islamic State in the Greater Sahara", ["Islamic State",
                                                               "Islamic State in the Greater Sahara"])
    assert overlap == (Segment("Islamic State in the Greater Sahara", True),)
    assert highlight("no names here", []) == (Segment("no names here"),)


def test_one_line_and_safe_href():
    assert one_line("a\r\nb\u2028c\x00d\te") == "a b c d e"
    assert one_line(None) == ""
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,x") is None
    assert safe_href("https://example.org/x") == "https://example.org/x"
    assert safe_href("https:///nohost") is None


def test_error_lines_accept_pairs_mappings_and_summary_strings():
    run = {"errors": 3, "error_lines": [
        ("rss:sahel-wire", "HTTP 503"), {"source": "page:x", "reason": "empty\r\nBcc: y"},
        "gdelt:doc: https://example.org/a: timed out", "bare message"]}
    lines = [(e.source, e.reason) for e in build([], run).run.error_lines]
    assert lines == [("rss:sahel-wire", "HTTP 503"), ("page:x", "empty Bcc: y"),
                     ("gdelt:doc", "https://example.org/a: timed out"), ("run", "bare message")]
