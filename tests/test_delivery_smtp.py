"""Acceptance: digests through the outbox table to a real SMTP server (aiosmtpd, 127.0.0.1).

The run's steps are the plain functions (no Prefect): fixture articles are read, loaded and
extracted, then flows.delivery.deliver_digests records, sends, retries.
"""
from __future__ import annotations

import duckdb
import pytest

from digest_world import (
    Inbox, add_article, analyst, event_ids_of, free_port, html_of, ingest, make_seeds,
    settings_for, smtp_at, smtp_server, text_of,
)
from flows.delivery import deliver_digests

ANALYST = "aicha@desk.example"


def outbox_rows(settings):
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        return con.execute("SELECT digest_id, status, attempts, last_code, event_ids FROM outbox "
                           "ORDER BY created_at").fetchall()
    finally:
        con.close()


def delivered_events(settings, recipient=ANALYST):
    con = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        return con.execute("SELECT event_id, count(*) FROM deliveries WHERE recipient = ? "
                           "AND status IN ('sent', 'written') GROUP BY event_id", [recipient]).fetchall()
    finally:
        con.close()


def run_once(settings):
    run = ingest(settings)
    return deliver_digests(settings, run["run_id"], run)


@pytest.fixture
def world(tmp_path):
    return tmp_path, make_seeds(tmp_path / "seeds", ["boulkessi"])


def test_multipart_headers_and_hostile_title_and_text_are_escaped(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["hostile"])
    inbox = Inbox()
    with smtp_server(inbox) as server:
        settings = settings_for(tmp_path, seeds, [analyst(ANALYST)], smtp_at(server.port))
        report = run_once(settings)
    assert report.problems == [] and len(report.delivered) == 1
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == [ANALYST]  # the CRLF "Bcc:" in the title added no recipient
    [msg] = inbox.messages()
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Bcc"] is None
    assert msg["Subject"].startswith("Sahel watch ") and msg["Subject"].endswith(": 1 new attack")
    assert set(msg.keys()) == {"Subject", "From", "To", "Date", "Message-ID", "Auto-Submitted",
                               "X-Sahelwatch-Digest", "MIME-Version", "Content-Type"}
    [(digest_id, status, attempts, _, _)] = outbox_rows(settings)
    assert msg["Message-ID"] == f"<{digest_id}@sahelwatch.local>" and (status, attempts) == ("sent", 1)
    html = html_of(msg)
    assert "<script>" not in html and "<b>driver</b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html  # evidence text
    assert "Sokolo &lt;script&gt;alert(1)&lt;/script&gt; Bcc: victim@evil.example body" in html  # title, one line
    assert "gendarmes &amp; one &lt;b&gt;driver&lt;/b&gt;" in html
    text = text_of(msg)
    assert "Bcc: victim@evil.example body (2020-01-27)" in text  # one line in the text part too
    assert "\nBcc:" not in text


def test_4xx_then_success_sends_the_same_digest_once(world):
    tmp_path, seeds = world
    inbox = Inbox(refuse=["451 4.3.0 Mailbox temporarily unavailable"])
    with smtp_server(inbox) as server:
        settings = settings_for(tmp_path, seeds, [analyst(ANALYST)], smtp_at(server.port))
        first = run_once(settings)
        assert first.delivered == [] and len(first.queued) == 1
        assert "451" in first.problems[0] and "retried next run" in first.problems[0]
        assert inbox.envelopes == [] and delivered_events(settings) == []
        [(digest_id, status, attempts, code, _)] = outbox_rows(settings)
        assert (status, attempts, code) == ("queued", 1, 451)

        second = run_once(settings)  # same digest, same Message-ID, accepted
        third = run_once(settings)   # nothing left to send
    assert len(second.delivered) == 1 and second.problems == []
    assert third.delivered == [] and third.problems == []
    [msg] = inbox.messages()
    assert msg["Message-ID"] == f"<{digest_id}@sahelwatch.local>"
    assert [row[:4] for row in outbox_rows(settings)] == [(digest_id, "sent", 2, None)]
    assert [n for _, n in delivered_events(settings)] == [1]
    assert inbox.data_commands == 2


def test_5xx_is_recorded_shown_and_not_retried_forever(world):
    tmp_path, seeds = world
    inbox = Inbox(refuse=["550 5.7.1 Message rejected by policy"])
    with smtp_server(inbox) as server:
        settings = settings_for(tmp_path, seeds, [analyst(ANALYST)], smtp_at(server.port))
        first = run_once(settings)
        assert first.failed and "refused permanently" in first.problems[0] and "550" in first.problems[0]
        again = run_once(settings)  # same events, same digest: not sent again
        assert again.delivered == [] and again.failed == [] and inbox.data_commands == 1

        add_article(seeds, "sokolo")  # something new: one digest with the refused events too
        third = run_once(settings)
    assert len(third.delivered) == 1 and inbox.data_commands == 2
    [msg] = inbox.messages()
    rows = outbox_rows(settings)
    assert [r[1] for r in rows] == ["failed", "sent"] and rows[0][3] == 550
    assert set(rows[0][4]) < set(rows[1][4]) == event_ids_of(msg)  # nothing lost
    assert "was refused by the mail server" in html_of(msg) and "550 5.7.1" in html_of(msg)
    assert "was refused by the mail server" in text_of(msg)


def test_server_down_for_a_run_then_up_loses_nothing_and_doubles_nothing(world):
    tmp_path, seeds = world
    port = free_port()  # nothing listens here yet: connection refused
    settings = settings_for(tmp_path, seeds, [analyst(ANALYST), analyst("omar@desk.example")],
                            smtp_at(port))
    down = run_once(settings)
    assert down.delivered == [] and len(down.queued) == 2
    assert "ConnectionRefused" in down.problems[0] and "not attempted" in down.problems[1]

    add_article(seeds, "sokolo")
    still_down = run_once(settings)  # the new event waits: no second digest piles up
    assert len(still_down.queued) == 2 and len(outbox_rows(settings)) == 2

    inbox = Inbox()
    with smtp_server(inbox, port=port):
        up = run_once(settings)
        after = run_once(settings)
    assert len(up.delivered) == 4 and up.problems == [] and after.delivered == []
    for recipient in (ANALYST, "omar@desk.example"):
        old, new = [event_ids_of(m) for m in inbox.messages(recipient)]
        assert len(old) == 1 and len(new) == 1 and not old & new
        assert all(n == 1 for _, n in delivered_events(settings, recipient))
        assert len(delivered_events(settings, recipient)) == 2
    assert [r[1] for r in outbox_rows(settings)] == ["sent"] * 4


def test_outbox_folder_when_no_smtp_is_configured(world):
    tmp_path, seeds = world
    settings = settings_for(tmp_path, seeds, [analyst(ANALYST)])
    report = run_once(settings)
    [html_path] = report.delivered
    assert html_path.endswith(".html") and (tmp_path / "outbox").is_dir()
    assert sorted(p.suffix for p in (tmp_path / "outbox").iterdir()) == [".eml", ".html"]
    assert [r[1] for r in outbox_rows(settings)] == ["written"]
    assert run_once(settings).delivered == []
