"""The MIME message and the outbox: structure, stable ids, header safety, atomic files."""
from __future__ import annotations

import email
import email.policy
from datetime import datetime, timezone
from pathlib import Path

import pytest

from alerts.deliver import build_message, digest_id_for, message_id_for, write_outbox
from alerts.digest import build_digest
from alerts.errors import MessageError
from alerts.render import RenderedDigest, render
from test_alerts_examples import GENERATED_AT, HOSTILE, ITEMS, RUN

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
SENDER = "Sahel watch <alerts@sahelwatch.example>"
RECIPIENT = "Aïcha Benali <aicha.benali@desk.example>"


def rendered(items=ITEMS) -> RenderedDigest:
    ctx = build_digest(items, RUN, recipient_name="Aïcha Benali", generated_at=GENERATED_AT)
    return render(ctx, TEMPLATES)


def message(out: RenderedDigest, digest_id: str = "3f2a9c1d0b7e4a55", **overrides):
    fields = {"sender": SENDER, "recipient": RECIPIENT, "digest_id": digest_id,
              "date": GENERATED_AT} | overrides
    return build_message(out, **fields)


def reparse(msg) -> email.message.EmailMessage:
    return email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)


def test_multipart_alternative_text_then_html():
    out = rendered()
    parsed = reparse(message(out))
    assert parsed.get_content_type() == "multipart/alternative"
    parts = list(parsed.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == out.text
    assert parts[1].get_content().replace("\r\n", "\n") == out.html
    assert parsed["Subject"] == out.subject
    assert parsed["To"].addresses[0].addr_spec == "aicha.benali@desk.example"
    assert parsed["To"].addresses[0].display_name == "Aïcha Benali"
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Date"].datetime == GENERATED_AT


def test_message_id_is_stable_for_the_same_digest():
    out = rendered()
    first, again = message(out), message(out, date=datetime(2026, 11, 22, tzinfo=timezone.utc))
    assert first["Message-ID"] == again["Message-ID"] == "<3f2a9c1d0b7e4a55@sahelwatch.local>"
    assert message(out, digest_id="0000aaaa1111bbbb")["Message-ID"] != first["Message-ID"]
    assert message_id_for("3f2a9c1d0b7e4a55") == first["Message-ID"]


def test_digest_id_is_deterministic_and_order_insensitive():
    one = digest_id_for("Aicha.Benali@desk.example", ["ev-b", "ev-a"])
    assert one == digest_id_for("aicha.benali@desk.example", ["ev-a", "ev-b", "ev-a"])
    assert one == digest_id_for(RECIPIENT, ["ev-a", "ev-b"])  # display name does not count
    assert one != digest_id_for("other@desk.example", ["ev-a", "ev-b"])
    assert one != digest_id_for("aicha.benali@desk.example", ["ev-a"])
    assert len(one) == 16 and int(one, 16) >= 0
    assert message(rendered(), digest_id=one)["Message-ID"] == f"<{one}@sahelwatch.local>"


def test_crlf_in_article_title_cannot_inject_headers():
    out = rendered([HOSTILE])
    forged = RenderedDigest(subject=out.subject + "\r\nBcc: victim@example.com\r\n\r\n<html>",
                            html=out.html, text=out.text)
    raw = message(forged).as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Bcc"] is None and parsed["X-Injected"] is None
    assert "\r" not in parsed["Subject"] and "\n" not in parsed["Subject"]
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in headers and b"\r\nX-Injected:" not in headers
    html = next(p for p in parsed.iter_parts() if p.get_content_type() == "text/html")
    assert "&lt;script&gt;" in html.get_content() and "<script" not in html.get_content()


def test_long_and_non_ascii_subject_is_folded_and_round_trips():
    subject = "Sahel watch 2026-11-21: " + ", ".join(f"{n} attaques à Ménaka" for n in range(12))
    raw = message(RenderedDigest(subject=subject, html="<p>x</p>", text="x")).as_bytes()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == subject


@pytest.mark.parametrize("field, value", [
    ("sender", "alerts@sahelwatch.example\r\nBcc: victim@example.com"),
    ("recipient", "a@desk.example, b@desk.example"),
    ("recipient", "not an address"),
    ("digest_id", "../../etc/passwd"),
    ("digest_id", "abc@evil>"),
])
def test_unsafe_values_are_refused(field, value):
    with pytest.raises(MessageError):
        message(rendered([]), **{field: value})


def test_write_outbox_writes_parseable_eml_and_html(tmp_path):
    out = rendered()
    msg = message(out)
    outbox = tmp_path / "nested" / "outbox"
    eml, html = write_outbox(msg, out, outbox, "3f2a9c1d0b7e4a55")
    assert eml.name == "20261121T060000Z_3f2a9c1d0b7e4a55.eml"
    assert html.name == "20261121T060000Z_3f2a9c1d0b7e4a55.html"
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed["Message-ID"] == "<3f2a9c1d0b7e4a55@sahelwatch.local>"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert html.read_text(encoding="utf-8") == out.html


def test_write_outbox_again_replaces_and_leaves_no_temporary_files(tmp_path):
    out = rendered()
    msg = message(out)
    first = write_outbox(msg, out, tmp_path, "3f2a9c1d0b7e4a55")
    second = write_outbox(msg, out, tmp_path, "3f2a9c1d0b7e4a55")
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first)
