"""Run step: one digest per recipient, into the outbox or through SMTP."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from alerts.deliver import build_message, digest_id_for, send_smtp, write_outbox
from alerts.digest import build_digest
from alerts.errors import DeliveryError
from alerts.render import render
from flows.settings import Recipient, Settings
from warehouse import load as wh
from warehouse.db import connect

log = logging.getLogger("sahelwatch.run")


def deliver_digests(settings: Settings, run_id: str, run: dict[str, Any]) -> list[str]:
    """One digest per recipient with events they have not been sent. Returns where each went."""
    con = connect(settings.db_path, wait_s=settings.db_wait_s)
    try:
        return [loc for r in settings.recipients if (loc := _deliver_one(con, settings, r, run))]
    finally:
        con.close()


def _deliver_one(con, settings: Settings, recipient: Recipient, run: dict[str, Any]) -> str | None:
    items = wh.pending_digest_items(con, recipient.email, list(recipient.statuses))
    if not items:
        return None
    now = datetime.now(timezone.utc)
    ctx = build_digest(items, run, recipient_name=recipient.name, generated_at=now)
    rendered = render(ctx, settings.templates_dir)
    event_ids = [i["event_id"] for i in items]
    digest_id = digest_id_for(recipient.email, event_ids)
    msg = build_message(rendered, sender=settings.sender, recipient=recipient.email, digest_id=digest_id, date=now)
    if settings.smtp is None:
        eml, html = write_outbox(msg, rendered, settings.outbox_dir, digest_id)
        wh.record_delivery(con, digest_id, recipient.email, event_ids, "outbox", str(eml), "written")
        return str(html)
    return _send(con, settings, recipient, msg, digest_id, event_ids)


def _send(con, settings, recipient, msg, digest_id, event_ids) -> str | None:
    s = settings.smtp
    try:
        send_smtp(msg, host=s.host, port=s.port, username=s.username, password=s.password,
                  starttls=s.starttls, ssl=s.ssl)
    except DeliveryError as exc:
        log.warning("digest to %s not delivered: %s", recipient.email, exc)
        return None
    wh.record_delivery(con, digest_id, recipient.email, event_ids, "smtp", f"{s.host}:{s.port}", "sent")
    return f"smtp://{s.host}:{s.port} -> {recipient.email}"
