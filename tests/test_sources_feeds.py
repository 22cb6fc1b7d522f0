"""Feeds and search answers: pure parsing of bytes (no network)."""
import json
from datetime import datetime, timezone

import pytest

from flows.demo.content import atom, gdelt_json, load_content, rss
from sources.errors import ParseError
from sources.feeds import parse_feed
from sources.search import chunk_queries, parse_gdelt, search_urls, watch_terms

BASE = "http://news.test"
OUTLETS, STORIES = load_content()


def test_rss_entries_with_links_dates_summaries_and_language():
    en = [s for s in STORIES if s.outlet.id == "sahel-daily" and s.wave == 1]
    feed = parse_feed(rss("Sahel Daily", BASE, en, BASE).encode(), BASE + "/feed.xml")
    assert feed.problem is None and feed.lang == "en" and len(feed.entries) == len(en)
    first = feed.entries[0]
    assert first.link.startswith(BASE + "/sahel-daily/") and "utm_source=rss" in first.link
    assert first.published == datetime.combine(en[0].published, datetime.min.time(), timezone.utc).replace(hour=8)
    assert first.summary == en[0].paragraphs[0]


def test_atom_entries():
    fr = [s for s in STORIES if s.outlet.id == "courrier"]
    feed = parse_feed(atom(OUTLETS["courrier"], fr, BASE).encode(), BASE + "/courrier/atom.xml")
    assert [e.title for e in feed.entries] == [s.title for s in fr]
    assert {e.lang for e in feed.entries} == {"fr"}


def test_malformed_xml_is_a_parse_error_with_the_reason():
    with pytest.raises(ParseError, match="not a readable feed"):
        parse_feed(b"<?xml version='1.0'?><rss><channel><title>Broken</ti", BASE)
    with pytest.raises(ParseError, match="empty feed"):
        parse_feed(b"  ", BASE)


def test_a_wrong_declared_charset_is_read_and_reported():
    fr = [s for s in STORIES if s.outlet.id == "courrier"][:2]
    data = rss("Revue", BASE, fr, BASE, "fr").encode("cp1252")
    feed = parse_feed(data, BASE, {"content-type": "application/rss+xml; charset=utf-8"})
    assert "wrong declared charset" in feed.problem
    assert feed.entries[0].title == fr[0].title  # accents decoded right in the end


def test_feedparser_gets_bytes_never_a_url_string():
    with pytest.raises(ParseError):  # a URL given as the "document" is not fetched
        parse_feed(b"http://127.0.0.1:1/feed.xml", BASE)


KB = [("group", "Jama'at Nusrat al-Islam wal-Muslimin", ("JNIM", "GSIM", "جماعة نصرة الإسلام والمسلمين")),
      ("group", "Islamic State Sahel Province", ("ISSP", "EIGS")),
      ("person", "Iyad Ag Ghaly", ("Iyad ag Ghali",))]


def test_search_terms_follow_the_knowledge_base():
    terms = watch_terms(KB, ("group",), "en")
    assert terms == ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "GSIM", "Islamic State Sahel Province", "ISSP", "EIGS"]
    assert watch_terms(KB, ("group",), "ar") == ["جماعة نصرة الإسلام والمسلمين"]
    grown = KB + [("group", "Katiba Macina", ("Macina Liberation Front",))]
    before = search_urls("https://s.test/rss?q={query}", chunk_queries(watch_terms(KB)))
    after = search_urls("https://s.test/rss?q={query}", chunk_queries(watch_terms(grown)))
    assert any("Katiba+Macina" in u for u in after) and not any("Katiba" in u for u in before)


def test_queries_are_bounded_and_gdelt_groups_are_wrapped():
    qs = chunk_queries(["alpha", "bravo", "charlie", "delta"], max_chars=30, wrap=True)
    assert all(len(q) <= 30 for q in qs) and qs[0].startswith("(") and " OR " in qs[0]
    with pytest.raises(ValueError):
        search_urls("https://s.test/rss", ["x"])


def test_gdelt_artlist():
    data = gdelt_json(STORIES[:2], BASE).encode()
    entries = parse_gdelt(data, "u")
    assert [e.title for e in entries] == [s.title for s in STORIES[:2]] and entries[0].lang == "en"
    assert parse_gdelt(b"{}", "u") == []
    with pytest.raises(ParseError, match="GDELT answered with text"):
        parse_gdelt(b"Your search contained a keyword that was too short.\n", "u")
    assert json.loads(data)["articles"][0]["seendate"].endswith("Z")
