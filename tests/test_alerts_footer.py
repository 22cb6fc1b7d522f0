"""The digest footer (source health, earlier digests) and the Markdown artifact's escaping."""
from __future__ import annotations

import re

from datetime import datetime, timezone
from pathlib import Path

from alerts.digest import build_digest
from alerts.render import escape_markdown, render, render_markdown
from test_alerts_examples import GENERATED_AT, HOSTILE, ITEMS, RUN

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
REFUSED = {"digest_id": "d1", "subject": "Sahel watch", "status": "failed", "attempts": 1,
           "last_code": 550, "last_error": "smtp:25 replied 550 5.7.1 <b>policy</b>",
           "created_at": datetime(2026, 11, 20, 6, 0, tzinfo=timezone.utc), "n_events": 3}
QUEUED = REFUSED | {"status": "queued", "attempts": 4, "last_code": 451, "n_events": 1,
                    "last_error": "smtp:25 replied 451 try later"}


def build(run, notices=()):
    return build_digest(ITEMS, run, recipient_name="Desk", generated_at=GENERATED_AT, notices=notices)


def test_failing_and_silent_sources_are_shown_whatever_shape_they_come_in():
    run = RUN | {"sources_attention": ["rss:menastream: silent for 3 days (polled every 60 min)"],
                 "source_health": [{"source": "rss:aps", "status": "failing", "detail": "HTTP 503"},
                                   {"source": "rss:ok", "status": "ok"}],
                 "silent_sources": ["search:gdelt-jnim", ("page:menastream", "no new item for 9 days")]}
    notes = build(run).run.sources
    assert [(n.source, n.state) for n in notes] == [
        ("rss:menastream", "needs a look"), ("rss:aps", "failing"), ("search:gdelt-jnim", "silent"), ("page:menastream", "silent")]
    html = render(build(run), TEMPLATES).html
    assert "Sources needing attention" in html and "rss:aps &mdash; failing: HTTP 503" in html
    assert build(RUN).run.sources == ()  # absent keys: nothing shown, nothing fails


def test_refused_and_queued_earlier_digests_are_told_in_the_footer():
    ctx = build(RUN, [REFUSED, QUEUED])
    refused, queued = ctx.run.deliveries
    assert refused.state == "failed" and "2026-11-20 06:00 UTC (3 events) was refused" in refused.text
    assert "included again" in refused.text
    assert queued.state == "queued" and "(4 attempts; last: smtp:25 replied 451 try later)" in queued.text
    out = render(ctx, TEMPLATES)
    assert "&lt;b&gt;policy&lt;/b&gt;" in out.html and "<b>policy</b>" not in out.html
    assert "was refused by the mail server" in out.text


def test_markdown_artifact_escapes_article_text():
    md = render_markdown(build_digest([HOSTILE], RUN, recipient_name="Desk", generated_at=GENERATED_AT),
                         TEMPLATES)
    assert re.search(r"(?<!\\)[<>]", md) is None and "\\<script\\>" in md  # every < > escaped
    assert escape_markdown("[x](javascript:alert(1)) *b*") == "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*b\\*"
