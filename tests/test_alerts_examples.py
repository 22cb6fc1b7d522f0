"""Example digest items for the alerts tests: real regional events, described in our own words.

Shaped like the warehouse's digest items (one dict per event). Imported by the other
tests/test_alerts_*.py modules; the one test here checks the examples cover every case.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

GENERATED_AT = datetime(2026, 11, 21, 6, 0, tzinfo=timezone.utc)


def item(**fields) -> dict:
    """A digest item with every key the warehouse provides, defaults overridden by `fields`."""
    base = {
        "event_id": "ev-0000", "type": "attack", "status": "new", "reason": None,
        "date": None, "place": None, "country": None, "subject_name": None,
        "object_name": None, "members": [], "killed": None, "wounded": None,
        "kidnapped": None, "polarity": "asserted", "confidence": 0.8, "n_sources": 1,
        "evidence": "", "article_url": "https://news.example.org/a", "article_title": "Report",
        "article_published": None, "reports": [],
    }
    return base | fields


JUND_PLEDGE = item(
    event_id="ev-jak-pledge", type="pledge", status="new",
    reason="No pledge by Jund al-Khilafah is recorded in the knowledge base",
    date="2014-09-13", country="Algeria",
    subject_name="Jund al-Khilafah", object_name="Islamic State",
    confidence=0.86, n_sources=2,
    evidence=("In a statement dated 13 September 2014, Jund al-Khilafah said it was leaving "
              "AQIM and swore allegiance to the Islamic State and its leader."),
    article_url="https://news.example.org/maghreb/2014/09/jund-al-khilafah-statement",
    article_title="Algerian militants break with AQIM, back Islamic State",
    article_published=date(2014, 9, 14),
    reports=[
        {"url": "https://news.example.org/maghreb/2014/09/jund-al-khilafah-statement",
         "title": "Algerian militants break with AQIM, back Islamic State"},
        {"url": "https://presse.example.dz/2014/09/14/jund-al-khilafah",
         "title": "Jund al-Khilafah fait allégeance à l'État islamique"},
    ],
)

JUND_SPLIT = item(
    event_id="ev-jak-split", type="split", status="new",
    reason="First report of a split from AQIM by this group",
    date="2014-09-13", country="Algeria",
    subject_name="Jund al-Khilafah", object_name="al-Qaeda in the Islamic Maghreb",
    confidence=0.8, mentions=["AQIM"],
    evidence=JUND_PLEDGE["evidence"],
    article_url=JUND_PLEDGE["article_url"], article_title=JUND_PLEDGE["article_title"],
    article_published=date(2014, 9, 14),
)

JNIM_MERGER = item(
    event_id="ev-jnim-merger", type="merger", status="known",
    date="2017-03-02", country="Mali",
    object_name="Jama'at Nusrat al-Islam wal-Muslimin",
    members=["Ansar Dine", "al-Mourabitoun", "Katiba Macina", "AQIM Sahara branch"],
    confidence=0.93, n_sources=3,
    evidence=("On 2 March 2017 Ansar Dine, al-Mourabitoun, Katiba Macina and the Sahara branch "
              "of AQIM appeared together in a video to announce that they had merged into "
              "Jama'at Nusrat al-Islam wal-Muslimin under Iyad Ag Ghaly."),
    article_url="https://sahel.example.net/2017/03/03/jnim-formed",
    article_title="Four Sahel groups unite under Iyad Ag Ghaly",
    article_published=date(2017, 3, 3),
    reports=[{"url": "https://sahel.example.net/2017/03/03/jnim-formed", "title": "Four Sahel groups unite"},
             {"url": "https://wire.example.com/jnim", "title": "New al-Qaeda alliance in Mali"},
             {"url": "https://journal.example.ml/jnim", "title": "Naissance du JNIM"}],
)

MACINA_PLEDGE = item(
    event_id="ev-macina-isgs", type="pledge", status="contradicts",
    reason="Katiba Macina is recorded as part of JNIM (al-Qaeda camp) since 2017-03",
    date="2019-12", place="Mopti", country="Mali",
    subject_name="Katiba Macina", object_name="Islamic State in the Greater Sahara",
    polarity="hedged", confidence=0.41,
    evidence=("Residents in the Mopti region claimed that a Katiba Macina unit had gone over to "
              "the Islamic State in the Greater Sahara, an account the group has not confirmed."),
    article_url="https://sahel.example.net/2019/12/macina-rumours",
    article_title="Rumours of defections in central Mali",
)

TIZI_OUZOU = item(
    event_id="ev-iboudrarene", type="attack", status="new",
    date="2014-04-19", place="Tizi Ouzou", country="Algeria",
    subject_name="AQIM", killed=14, confidence=0.77, n_sources=2,
    evidence=("Fourteen soldiers were killed on 19 April 2014 when AQIM fighters ambushed an army "
              "convoy near Iboudrarene in Tizi Ouzou province."),
    article_url="https://news.example.org/maghreb/2014/04/iboudrarene-ambush",
    article_title="Deadly ambush on Algerian army in Kabylie",
    article_published=date(2014, 4, 20),
)

BAMAKO = item(
    event_id="ev-radisson-bamako", type="attack", status="known",
    date="2015-11-20", place="Bamako", country="Mali",
    subject_name="al-Mourabitoun", killed=20, confidence=0.9, n_sources=4,
    evidence=("Gunmen from al-Mourabitoun stormed the Radisson Blu hotel in Bamako on "
              "20 November 2015 and held guests hostage; at least 20 people were killed."),
    article_url="https://wire.example.com/2015/11/bamako-hotel",
    article_title="Hotel siege in Bamako ends",
)

NASSOUMBOU = item(
    event_id="ev-nassoumbou", type="attack", status="unknown_actor",
    reason="Ansarul Islam is not in the knowledge base: candidate new entity",
    date="2016-12-16", place="Nassoumbou", country="Burkina Faso",
    subject_name="Ansarul Islam", killed=12, confidence=0.7,
    evidence=("Twelve soldiers died when a little-known group calling itself Ansarul Islam "
              "attacked the army post at Nassoumbou, in Soum province, on 16 December 2016."),
    article_url="https://burkina.example.bf/2016/12/nassoumbou",
    article_title="Attaque meurtrière contre l'armée à Nassoumbou",
)

DJIBO_KIDNAPPING = item(
    event_id="ev-djibo-elliott", type="attack", status="known",
    date="2016-01", place="Djibo", country="Burkina Faso",
    subject_name="AQIM", kidnapped=2, confidence=0.82, n_sources=2,
    evidence=("Ken Elliott and his wife Jocelyn were abducted in Djibo, northern Burkina Faso, "
              "in January 2016; AQIM later claimed the kidnapping."),
    article_url="https://wire.example.com/2016/01/djibo-abduction",
    article_title="Australian couple abducted in Burkina Faso",
)

IN_AMENAS = item(
    event_id="ev-in-amenas", type="attack", status="historical",
    reason="Event date 2013-01-16, long before the article (2026-11-20)",
    date="2013-01-16", place="In Amenas", country="Algeria",
    subject_name="al-Mulathamun", killed=40, confidence=0.6,
    evidence="The analysis recalls the 2013 siege of the In Amenas gas plant by al-Mulathamun.",
    article_url="https://analysis.example.org/2026/11/algeria-gas-security",
    article_title="Ten years on: gas plant security in Algeria",
)

ITEMS = [JUND_PLEDGE, JUND_SPLIT, JNIM_MERGER, MACINA_PLEDGE, TIZI_OUZOU, BAMAKO,
         NASSOUMBOU, DJIBO_KIDNAPPING, IN_AMENAS]

RUN = {
    "articles_seen": 148, "articles_new": 23, "claims_new": 17, "events_new": 9, "errors": 2,
    "error_lines": [("rss:sahel-wire", "HTTP 503 after 3 tries"),
                    ("page:https://blog.example.net/post/1", "no main text extracted")],
}

HOSTILE = item(
    event_id="ev-hostile", type="attack", status="new",
    date="2026-11-20", place="Kidal\r\nX-Injected: yes", country="Mali",
    subject_name="AQIM<b>", killed=3,
    evidence="<img src=x onerror=alert(1)> AQIM<b> claimed the attack <script>alert('e')</script>",
    article_url="javascript:alert(document.cookie)",
    article_title="<script>alert('t')</script>\r\nBcc: victim@example.com",
    reports=[{"url": "https://ok.example.org/\"><script>x</script>", "title": "</a><a href=evil>"}],
)


def test_examples_cover_every_type_and_status():
    assert {i["type"] for i in ITEMS} == {"pledge", "split", "merger", "attack"}
    assert {i["status"] for i in ITEMS} == {"new", "known", "historical", "contradicts",
                                            "unknown_actor"}
