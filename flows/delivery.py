"""Run step: one digest per recipient, through the outbox table, into SMTP or outbox/.

For each recipient, in order:

1. Digests still queued (an earlier run met a temporary failure) are sent again, exactly as
   recorded: same bytes, same Message-ID. While one stays queued, no new digest is built
   for that recipient: its new events wait (they are not lost) and go out together once the
   server is back, instead of one digest per run of the outage.
2. If the recipient's digest is due (every run, or daily from an hour), the events in their
   statuses and watchlist that no digest carried yet are assembled, rendered, RECORDED in
   the outbox table, and only then sent. Accepted: 'sent' (or 'written' to outbox/), with
   its events in `deliveries`, in one transaction. 4xx, refused connection, timeout:
   'queued', retried next run. 5xx: 'failed', shown in the run summary and in the next
   digest's footer; its events go into the next digest (a digest with exactly the same
   events is not sent again, so a refusal is not retried forever).

A crash between the server's acceptance and the 'sent' mark resends the same message (same
Message-ID, which mail clients treat as one message) rather than losing it.

The warehouse is held only while the step reads or writes it: before each SMTP attempt
(up to the configured timeout) it is closed, and reopened to record the outcome, so
`sahelwatch verdict` and the other writers are never kept waiting by a slow mail server
(issue 7). The outbox row is written and committed before the warehouse is let go, so the
exactly-once guarantees above stay as they were.
"""
from __future__ import annotations

import email
import email.policy
import logging
import string
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from typing import Any

from alerts.deliver import build_message, digest_id_for, message_id_for, send_smtp, write_outbox
from alerts.digest import STATUS_PRIORITY, DigestContext, build_digest
from alerts.errors import AlertsError, DeliveryError, PermanentDeliveryError, RenderError, TemporaryDeliveryError
from alerts.render import RenderedDigest, render, render_markdown
from alerts.schedule import is_due
from alerts.wording import watch_label
from flows.settings import Recipient, Settings, SmtpSettings
from warehouse import outbox as ob
from warehouse import read as wr
from warehouse.db import connect

log = logging.getLogger("sahelwatch.run")


@dataclass
class DeliveryReport:
    """What the step did; `as_dict()` is what the flow's summary keeps."""

    delivered: list[str] = field(default_factory=list)  # where each accepted digest went
    problems: list[str] = field(default_factory=list)   # failures and warnings, one line each
    queued: list[str] = field(default_factory=list)     # digest ids waiting for a retry
    failed: list[str] = field(default_factory=list)     # digest ids refused for good
    artifacts: list[dict[str, str]] = field(default_factory=list)  # {key, markdown, description}

    def as_dict(self) -> dict[str, Any]:
        return {"delivered": self.delivered, "problems": self.problems, "queued": self.queued,
                "failed": self.failed, "artifacts": self.artifacts}


class Channel:
    """Where digests go this run: SMTP (when configured) or the outbox folder.

    After a connection-level temporary failure (refused, timeout: no reply code) the server
    is taken as down for the rest of the run: later digests stay queued without waiting
    for more timeouts.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.name = "outbox" if settings.smtp is None else "smtp"
        self.down: str | None = None
        self._password: str | None = None
        self._password_loaded = False

    @property
    def where(self) -> str:
        s = self.settings.smtp
        return str(self.settings.outbox_dir) if s is None else f"{s.host}:{s.port}"

    def attempt(self, digest_id: str, message: bytes, html: str) -> ob.Attempt:
        """One delivery attempt; never raises a DeliveryError (it becomes the outcome)."""
        if self.down:
            return ob.Attempt("queued", self.name, self.where, None, f"not attempted: {self.down}")
        try:
            location = self._deliver(digest_id, message, html)
        except PermanentDeliveryError as exc:
            return ob.Attempt("failed", self.name, self.where, exc.code, str(exc))
        except (DeliveryError, OSError) as exc:
            if getattr(exc, "code", None) is None:
                self.down = str(exc)
            return ob.Attempt("queued", self.name, self.where, getattr(exc, "code", None), str(exc))
        return ob.Attempt("written" if self.name == "outbox" else "sent", self.name, location)

    def _deliver(self, digest_id: str, message: bytes, html: str) -> str:
        msg = email.message_from_bytes(message, _class=EmailMessage, policy=email.policy.SMTP)
        if self.name == "outbox":
            rendered = RenderedDigest(subject=str(msg["Subject"]), html=html, text="")
            eml, _ = write_outbox(msg, rendered, self.settings.outbox_dir, digest_id)
            return str(eml)
        s = self.settings.smtp
        send_smtp(msg, host=s.host, port=s.port, username=s.username, password=self._secret(s),
                  starttls=s.starttls, ssl=s.ssl, timeout=s.timeout_s)
        return self.where

    def _secret(self, smtp: SmtpSettings) -> str | None:
        """The password: from the environment, or loaded once from a Prefect Secret block."""
        if smtp.password or not smtp.password_secret:
            return smtp.password
        if not self._password_loaded:
            self._password = load_secret(smtp.password_secret)
            self._password_loaded = True
        return self._password


class SecretUnavailable(TemporaryDeliveryError):
    """The Prefect Secret block holding the SMTP password could not be read (retried)."""


def load_secret(name: str) -> str:
    """The value of the Prefect Secret block `name`. Raises SecretUnavailable (never the value)."""
    try:
        from prefect.blocks.system import Secret

        return Secret.load(name).get()
    except Exception as exc:  # noqa: BLE001 - Prefect raises ValueError, httpx and API errors
        raise SecretUnavailable(f"SMTP password: Prefect Secret block {name!r} could not be "
                                f"loaded ({type(exc).__name__})") from None


def deliver_digests(settings: Settings, run_id: str, run: dict[str, Any],
                    now: datetime | None = None) -> DeliveryReport:
    """Queued digests first, then one new digest per recipient who has something due."""
    report, channel = DeliveryReport(), Channel(settings)
    con = _Warehouse(settings)
    try:
        for recipient in settings.recipients:
            try:
                _deliver_recipient(con, settings, channel, recipient, run_id, run, now, report)
            except AlertsError as exc:  # a template or address problem: this recipient only
                log.error("no digest for %s: %s", recipient.email, exc)
                report.problems.append(f"delivery: no digest for {recipient.email}: {exc}")
    finally:
        con.release()
    return report


class _Warehouse:
    """The warehouse connection, opened on first use and let go before each wait on the
    mail server (`release`); used like a connection (`execute` and the rest pass through)."""

    def __init__(self, settings: Settings):
        self._settings, self._con = settings, None

    def __getattr__(self, name: str) -> Any:
        if self._con is None:
            self._con = connect(self._settings.db_path, wait_s=self._settings.db_wait_s)
        return getattr(self._con, name)

    def release(self) -> None:
        if self._con is not None:
            self._con, con = None, self._con
            con.close()


def _deliver_recipient(con, settings, channel, recipient: Recipient, run_id, run, now, report) -> None:
    now = now or datetime.now(timezone.utc)
    for row in ob.queued(con, recipient.email):
        _attempt(con, channel, recipient, row["digest_id"], row["message"], row["html"], report)
    if ob.queued(con, recipient.email):
        log.info("new events for %s wait until the queued digest is accepted", recipient.email)
        return
    if not is_due(recipient.frequency, now, ob.last_built_at(con, recipient.email),
                  hour=recipient.hour, tz=recipient.timezone):
        return
    built = _build(con, settings, recipient, run_id, run, now, report)
    if built is not None:
        digest, ctx = built
        _attempt(con, channel, recipient, digest.digest_id, digest.message, digest.html, report)
        _artifact(settings, recipient, digest, ctx, report)


def _build(con, settings, recipient, run_id, run, now, report) -> tuple[ob.QueuedDigest, DigestContext] | None:
    """The recipient's new digest, recorded in the outbox table; None when nothing to send.
    It carries at most `recipient.max_events` events, the most pressing first; the others
    stay pending for the next digest (a backlog never makes one huge message). The
    recipient's mark moves once nothing is pending, or a digest holding all of it is recorded."""
    items, watching, mark = _pending(con, recipient, report)
    if not items:
        ob.set_delivery_mark(con, recipient.email, *mark)
        return None
    held_back = int(items[0]["pending_total"]) - len(items)
    event_ids = [i["event_id"] for i in items]
    digest_id = digest_id_for(recipient.email, event_ids)
    if ob.digest_status(con, digest_id) == "failed":
        log.info("digest %s to %s was refused before; not sent again", digest_id, recipient.email)
        return None
    ctx = build_digest(items, run, recipient_name=recipient.name, generated_at=now, watching=watching,
                       notices=ob.notices(con, recipient.email), held_back=held_back)
    rendered = render(ctx, settings.templates_dir)
    msg = build_message(rendered, sender=settings.sender, recipient=recipient.email,
                        digest_id=digest_id, date=now)
    digest = ob.QueuedDigest(digest_id=digest_id, recipient=recipient.email, run_id=run_id,
                             message_id=message_id_for(digest_id), subject=rendered.subject,
                             event_ids=tuple(event_ids), message=msg.as_bytes(policy=email.policy.SMTP),
                             html=rendered.html, created_at=now)
    ob.enqueue(con, digest)
    if not held_back:
        ob.set_delivery_mark(con, recipient.email, *mark)
    return digest, ctx


def _pending(con, recipient: Recipient, report: DeliveryReport) -> tuple[list[dict], str, tuple[str, int]]:
    """The recipient's pending items, their watchlist in words, and the mark to record once
    they are settled: (criteria, last event change read). Only events changed after the
    recipient's mark are read (all of them when the criteria changed)."""
    watch = recipient.watch
    entity_ids, related, unmatched = None, 0, ()
    if watch.entities:
        followed = ob.watched_entities(con, watch.entities)
        entity_ids, unmatched = list(followed.lineage), followed.unmatched
        related = len(followed.lineage) - len(followed.named)
        for name in unmatched:
            report.problems.append(f"watchlist of {recipient.email}: {name!r} matches no known entity")
    criteria = ob.criteria(recipient.statuses, entity_ids, watch.types, watch.countries)
    through = wr.changes_through(con)  # read first: a change after it is looked at next time
    items = wr.pending_digest_items(con, recipient.email, recipient.statuses, entity_ids=entity_ids,
                                    types=watch.types, countries=watch.countries,
                                    after=ob.delivery_mark(con, recipient.email, criteria),
                                    max_items=recipient.max_events, status_order=STATUS_PRIORITY)
    label = watch_label(list(watch.entities), related, list(watch.types), list(watch.countries),
                        list(unmatched))
    return items, label, (criteria, through)


def _attempt(con, channel: Channel, recipient: Recipient, digest_id: str, message: bytes,
             html: str, report: DeliveryReport) -> None:
    if channel.name == "smtp":  # a mail server may keep us waiting: other writers go first
        con.release()
    outcome = channel.attempt(digest_id, bytes(message), html)
    ob.record_attempt(con, digest_id, outcome)
    if outcome.status in ("sent", "written"):
        report.delivered.append(_where(outcome, recipient, html_path=outcome.location))
    elif outcome.status == "queued":
        report.queued.append(digest_id)
        report.problems.append(f"delivery: digest {digest_id} to {recipient.email} queued, "
                               f"retried next run: {outcome.error}")
        log.warning("digest %s to %s queued for retry: %s", digest_id, recipient.email, outcome.error)
    else:
        report.failed.append(digest_id)
        report.problems.append(f"delivery: digest {digest_id} to {recipient.email} refused "
                               f"permanently: {outcome.error}")
        log.error("digest %s to %s refused permanently: %s", digest_id, recipient.email, outcome.error)


def _where(outcome: ob.Attempt, recipient: Recipient, html_path: str | None) -> str:
    if outcome.channel == "outbox" and html_path:
        return html_path.removesuffix(".eml") + ".html"
    return f"smtp://{outcome.location} -> {recipient.email}"


def _artifact(settings: Settings, recipient: Recipient, digest: ob.QueuedDigest,
              ctx: DigestContext, report: DeliveryReport) -> None:
    """The digest as Markdown for a Prefect artifact (published by the flow's task)."""
    try:
        markdown = render_markdown(ctx, settings.templates_dir)
    except RenderError as exc:  # a custom templates folder without digest.md.j2
        log.warning("no Markdown digest for the Prefect artifact: %s", exc)
        return
    allowed = string.ascii_lowercase + string.digits
    key = "digest-" + "".join(ch if ch in allowed else "-" for ch in recipient.email.lower())
    report.artifacts.append({"key": key[:100].strip("-"), "markdown": markdown,
                             "description": f"{digest.subject} (to {recipient.email}, digest {digest.digest_id})"})
