"""Delivery of a rendered digest: the MIME message, the outbox, and SMTP.

    build_message   multipart/alternative (text/plain + text/html), stable Message-ID
    digest_id_for   deterministic id of (recipient, events): the same digest is the same id
    write_outbox    <stamp>_<digest_id>.eml and .html, each written atomically
    send_smtp       smtplib; failures become TemporaryDeliveryError / PermanentDeliveryError

Headers are built with `email.policy.SMTP`, which folds long headers and refuses CR/LF in a
header value; the subject is also cleaned to one line first. The SMTP password is never
logged nor put in an error message.
"""
from __future__ import annotations

import email.policy
import hashlib
import json
import logging
import os
import re
import smtplib
import ssl as ssl_lib
import tempfile
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

from alerts.errors import MessageError, PermanentDeliveryError, TemporaryDeliveryError
from alerts.render import RenderedDigest
from alerts.text import one_line

log = logging.getLogger(__name__)

MESSAGE_ID_DOMAIN = "sahelwatch.local"
_DIGEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def digest_id_for(recipient: str, event_ids: list[str]) -> str:
    """16 hex digits from the recipient's address and the set of event ids (order ignored)."""
    address = parseaddr(one_line(recipient))[1] or one_line(recipient)
    key = {"recipient": address.casefold(), "events": sorted(set(event_ids))}
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def message_id_for(digest_id: str) -> str:
    """'<digest_id@sahelwatch.local>': the same digest always has the same Message-ID."""
    return f"<{_checked_digest_id(digest_id)}@{MESSAGE_ID_DOMAIN}>"


def build_message(
    rendered: RenderedDigest, *, sender: str, recipient: str, digest_id: str, date: datetime
) -> EmailMessage:
    """The digest as a multipart/alternative message (plain text first, then HTML)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = one_line(rendered.subject)
    msg["From"] = _checked_address(sender)
    msg["To"] = _checked_address(recipient)
    msg["Date"] = format_datetime(_aware(date))
    msg["Message-ID"] = message_id_for(digest_id)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Sahelwatch-Digest"] = digest_id
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return msg


def write_outbox(
    msg: EmailMessage, rendered: RenderedDigest, outbox_dir: Path, digest_id: str
) -> tuple[Path, Path]:
    """Write <stamp>_<digest_id>.eml and .html (the .html first), creating the folder.

    The stamp is the message's Date in UTC, so writing the same message again replaces
    its files rather than adding new ones. Returns (eml_path, html_path).
    """
    outbox = Path(outbox_dir)
    outbox.mkdir(parents=True, exist_ok=True)
    stem = f"{_stamp(msg)}_{_checked_digest_id(digest_id)}"
    html_path, eml_path = outbox / f"{stem}.html", outbox / f"{stem}.eml"
    _write_atomic(html_path, rendered.html.encode("utf-8"))
    _write_atomic(eml_path, msg.as_bytes(policy=email.policy.SMTP))
    log.info("digest %s written to %s", digest_id, eml_path)
    return eml_path, html_path


def send_smtp(
    msg: EmailMessage,
    *,
    host: str,
    port: int,
    username: str | None = None,
    password: str | None = None,
    starttls: bool = False,
    ssl: bool = False,
    timeout: float = 30,
) -> None:
    """Send `msg` through an SMTP server (implicit TLS with `ssl`, or upgrade with `starttls`).

    Raises TemporaryDeliveryError (4xx, refused/dropped connection, timeout) or
    PermanentDeliveryError (5xx, TLS certificate, unsupported extension or auth method).
    """
    if ssl and starttls:
        raise ValueError("choose ssl (implicit TLS) or starttls, not both")
    where = f"{host}:{port}"
    log.info("sending %s to %s via %s", msg["Message-ID"], msg["To"], where)
    try:
        smtp = _connect(host, port, use_ssl=ssl, timeout=timeout)
    except (smtplib.SMTPException, OSError) as exc:
        raise _delivery_error(exc, where) from exc
    try:
        _open_session(smtp, host, starttls=starttls, tls=ssl, username=username, password=password)
        refused = smtp.send_message(msg)
    except (smtplib.SMTPException, OSError) as exc:
        raise _delivery_error(exc, where) from exc
    finally:
        _close_quietly(smtp)
    if refused:
        raise _refused_error(refused, where)
    log.info("sent %s via %s", msg["Message-ID"], where)


def _checked_digest_id(digest_id: str) -> str:
    """The id if it is safe in a Message-ID and a file name (no path, no header tricks)."""
    if not isinstance(digest_id, str) or not _DIGEST_ID.fullmatch(digest_id):
        raise MessageError(f"unsafe digest id {digest_id!r}: letters, digits, '-' and '_' only")
    return digest_id


def _checked_address(value: str) -> str:
    """The address as given, if it is one address on one line."""
    if not isinstance(value, str) or _CONTROL.search(value):
        raise MessageError(f"address contains a line break or control character: {value!r}")
    addresses = getaddresses([value])
    if len(addresses) != 1 or "@" not in addresses[0][1]:
        raise MessageError(f"not a single e-mail address: {value!r}")
    return value.strip()


def _aware(moment: datetime) -> datetime:
    """A naive datetime is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _stamp(msg: EmailMessage) -> str:
    date = msg["Date"]
    moment = parsedate_to_datetime(str(date)) if date else datetime.now(timezone.utc)
    return _aware(moment).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over `path`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _connect(host: str, port: int, *, use_ssl: bool, timeout: float) -> smtplib.SMTP:
    if use_ssl:
        context = ssl_lib.create_default_context()
        return smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    return smtplib.SMTP(host, port, timeout=timeout)


def _open_session(
    smtp: smtplib.SMTP, host: str, *, starttls: bool, tls: bool,
    username: str | None, password: str | None,
) -> None:
    """EHLO, optional STARTTLS, optional AUTH. The password goes to smtplib and nowhere else."""
    smtp.ehlo()
    if starttls:
        smtp.starttls(context=ssl_lib.create_default_context())
        smtp.ehlo()
    if username:
        if not (starttls or tls) and host not in _LOOPBACK:
            log.warning("SMTP login as %s to %s without TLS", username, host)
        smtp.login(username, password or "")


def _close_quietly(smtp: smtplib.SMTP) -> None:
    """QUIT and close; a failure here does not change the outcome of the delivery."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError) as exc:
        log.debug("SMTP QUIT failed (%s); closing", type(exc).__name__)
        smtp.close()


def _delivery_error(exc: BaseException, where: str) -> Exception:
    """The Temporary/PermanentDeliveryError for an smtplib or socket failure."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return _refused_error(exc.recipients, where)
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply_error(exc.smtp_code, exc.smtp_error, where)
    if isinstance(exc, ssl_lib.SSLCertVerificationError):
        return PermanentDeliveryError(f"{where}: TLS certificate rejected: {exc.verify_message}")
    described = f"{where}: {type(exc).__name__}: {one_line(exc)}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return TemporaryDeliveryError(described)
    if isinstance(exc, smtplib.SMTPException):  # (a subclass of OSError, so tested first)
        # SMTPNotSupportedError, no suitable AUTH method, ...: configuration, retry won't help
        return PermanentDeliveryError(described)
    return TemporaryDeliveryError(described)  # refused, reset, timeout, name resolution


def _reply_error(code: int, reply: bytes | str, where: str) -> Exception:
    message = f"{where} replied {code} {one_line(_decode(reply))}"
    if 500 <= code <= 599:
        return PermanentDeliveryError(message, code)
    return TemporaryDeliveryError(message, code)


def _refused_error(refused: dict, where: str) -> Exception:
    """Recipients refused: permanent only if every refusal is a 5xx."""
    codes = [code for code, _ in refused.values()]
    message = f"{where} refused " + ", ".join(
        f"{rcpt} ({code} {one_line(_decode(reply))})" for rcpt, (code, reply) in refused.items()
    )
    if codes and all(500 <= c <= 599 for c in codes):
        return PermanentDeliveryError(message, codes[0])
    return TemporaryDeliveryError(message, next((c for c in codes if c < 500), None))


def _decode(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
