"""Article pages: main text, title, date, language, canonical URL; pure parsing."""
import pytest

from flows.demo.content import load_content, page_html
from sources.errors import ParseError
from sources.pages import Hints, decode_html, parse_page
from sources.urls import canonical_url

BASE = "http://news.test"
_, STORIES = load_content()


@pytest.mark.parametrize("story", STORIES, ids=[s.id for s in STORIES])
def test_every_site_page_gives_its_article(story):
    url = f"{BASE}{story.path}?utm_source=rss&fbclid=abc"
    page = parse_page(page_html(story, BASE).encode(), url, {"content-type": "text/html; charset=utf-8"}, "src")
    a = page.article
    assert page.problem is None
    assert a.canonical_url == f"{BASE}{story.path}" and a.url == a.canonical_url
    assert a.title == story.title and a.published == story.published and a.lang == story.outlet.lang
    assert story.paragraphs[1] in a.text
    assert "Subscribe to our newsletter" not in a.text and "Latest" not in a.text  # boilerplate left out


def test_wrong_declared_charset_is_decoded_and_reported():
    story = next(s for s in STORIES if s.outlet.lang == "fr")
    data = page_html(story, BASE).encode("cp1252")
    page = parse_page(data, BASE + story.path, {"content-type": "text/html; charset=utf-8"}, "src")
    assert "declared charset 'utf-8' does not fit" in page.problem
    assert story.paragraphs[0] in page.article.text  # accents intact


def test_hints_fill_what_the_page_lacks():
    html = b"<html><body><article><p>" + b"Fighters attacked the town of Djibo in northern Burkina Faso. " * 5 + b"</p></article></body></html>"
    from datetime import date
    page = parse_page(html, "http://x.test/a", {}, "src", Hints("Feed title", date(2025, 5, 12), "en"))
    assert page.article.title == "Feed title" and page.article.published == date(2025, 5, 12) and page.article.lang == "en"


def test_pages_without_text_are_parse_errors():
    with pytest.raises(ParseError, match="empty page"):
        parse_page(b"", "http://x.test/", {}, "s")
    with pytest.raises(ParseError, match="no main text"):
        parse_page(b"<html><head><title>x</title></head><body><div></div></body></html>", "http://x.test/", {}, "s")


def test_meta_charset_is_used_when_the_header_says_nothing():
    text, problem = decode_html('<meta charset="windows-1252"><p>Tillabéri</p>'.encode("cp1252"), "text/html")
    assert "Tillabéri" in text and problem is None


def test_canonical_url_strips_tracking_parameters():
    assert canonical_url("HTTPS://Example.ORG:443/a?id=7&utm_source=x&gclid=1&fbclid=2#top") == "https://example.org/a?id=7"
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"
