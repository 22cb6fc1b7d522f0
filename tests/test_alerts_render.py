"""Rendering the digest through the real templates: content, escaping, strictness."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alerts.digest import build_digest
from alerts.errors import RenderError
from alerts.render import render
from test_alerts_examples import GENERATED_AT, HOSTILE, ITEMS, JNIM_MERGER, RUN, TIZI_OUZOU

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
VOID = {"meta", "br", "img", "hr", "link", "input"}


def rendered(items, run=RUN):
    ctx = build_digest(items, run, recipient_name="Aïcha Benali", generated_at=GENERATED_AT)
    return render(ctx, TEMPLATES)


class _Structure(HTMLParser):
    """Collects tags and checks that every non-void element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.attrs, self.errors = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


def test_html_has_every_item_and_is_well_formed_mail_html():
    out = rendered(ITEMS)
    page = structure(out.html)
    assert page.errors == [] and page.stack == []
    assert {"script", "link", "style", "img", "iframe"}.isdisjoint(page.tags)  # no assets, no JS
    assert "table" in page.tags
    assert not [v for k, v in page.attrs if k == "src"]
    assert "Attack by AQIM in Tizi Ouzou, Algeria: 14 killed" in out.html
    assert "Jund al-Khilafah pledged allegiance to Islamic State" in out.html
    assert "Ansarul Islam is not in the knowledge base" in out.html
    assert out.html.count('href="https://') == sum(
        len({i["article_url"], *(r["url"] for r in i["reports"])}) for i in ITEMS
        if i["status"] != "historical")
    assert "In Amenas" not in out.html  # historical: recorded, not alerted


def test_html_badges_evidence_quote_and_footer():
    html = rendered(ITEMS).html
    for label in ("Contradicts", "Unknown actor", "New", "Known"):
        assert re.search(rf"<span style=\"[^\"]*\">{label}</span>", html), label
    assert "border-left:3px solid" in html  # the quote block
    assert re.search(r'<strong style="background-color:#[0-9a-f]{6};[^"]*">AQIM</strong>', html)
    assert "148 articles seen, 23 new" in html and "HTTP 503 after 3 tries" in html
    assert "Historical events recorded, not shown: 1." in html


def test_article_text_is_escaped_once_by_autoescape():
    html = rendered([JNIM_MERGER]).html
    assert "Jama&#39;at Nusrat al-Islam wal-Muslimin" in html
    assert "&amp;#39;" not in html


def test_plain_text_alternative_has_the_same_content_unescaped():
    out = rendered(ITEMS)
    assert out.text.startswith("Sahel watch digest, 2026-11-21\nPrepared for Aïcha Benali")
    assert "[UNKNOWN ACTOR] (Attack) Attack by Ansarul Islam in Nassoumbou, Burkina Faso: 12 killed" in out.text
    assert "when *AQIM* fighters ambushed" in out.text
    assert "Jama'at Nusrat" in out.text and "&#39;" not in out.text
    assert "https://presse.example.dz/2014/09/14/jund-al-khilafah" in out.text
    assert "! rss:sahel-wire: HTTP 503 after 3 tries" in out.text
    assert out.subject.startswith("Sahel watch 2026-11-21: 2 new pledges")


def test_hostile_article_text_is_escaped_and_never_linked():
    out = rendered([HOSTILE, TIZI_OUZOU])
    page = structure(out.html)
    assert page.errors == [] and page.stack == []
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script" not in out.html and "<img" not in out.html
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in out.html
    assert "&lt;img src=x onerror=alert(1)&gt;" in out.html
    hrefs = [v for k, v in page.attrs if k == "href"]
    assert not [h for h in hrefs if not h.startswith("https://")]
    assert 'https://ok.example.org/"><script>x</script>' in hrefs  # quote escaped: one attribute
    assert "\r" not in out.subject and "\n" not in out.subject


def test_empty_digest_says_nothing_is_new():
    out = rendered([], {"articles_seen": 12, "errors": 0})
    assert "Nothing new since the last digest" in out.html
    assert "Nothing new since the last digest" in out.text
    assert out.subject == "Sahel watch 2026-11-21: nothing new"
    assert structure(out.html).errors == []


def test_template_naming_a_missing_field_fails_loudly(tmp_path):
    (tmp_path / "digest.html.j2").write_text("{{ ctx.no_such_field }}", encoding="utf-8")
    (tmp_path / "digest.txt.j2").write_text("{{ ctx.title }}", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_field"):
        render(build_digest([], {}, recipient_name="A", generated_at=GENERATED_AT), tmp_path)


def test_missing_template_is_a_render_error(tmp_path):
    with pytest.raises(RenderError, match="digest.html.j2"):
        render(build_digest([], {}, recipient_name="A", generated_at=GENERATED_AT), tmp_path)
