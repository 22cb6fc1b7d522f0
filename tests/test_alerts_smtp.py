"""send_smtp against real SMTP servers (aiosmtpd) started on 127.0.0.1 by the tests."""
from __future__ import annotations

import email
import email.policy
import logging
import socket
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from alerts.deliver import build_message, send_smtp
from alerts.digest import build_digest
from alerts.errors import DeliveryError, PermanentDeliveryError, TemporaryDeliveryError
from alerts.render import render
from test_alerts_examples import GENERATED_AT, ITEMS, RUN

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
HOST = "127.0.0.1"
SECRET = "s3cret-Pa55word-do-not-log"


class Collecting:
    """Accepts every message and keeps its envelope."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


class Replying:
    """Answers DATA (or RCPT) with a fixed reply."""

    def __init__(self, reply: str, at: str = "DATA"):
        self.reply, self.at = reply, at

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.at == "RCPT":
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        return self.reply


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(handler, **kwargs):
    controller = Controller(handler, hostname=HOST, port=free_port(), **kwargs)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def only_analyst(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"desk" \
        and auth_data.password == SECRET.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535


@pytest.fixture(scope="module")
def digest_message():
    ctx = build_digest(ITEMS, RUN, recipient_name="Aïcha Benali", generated_at=GENERATED_AT)
    return build_message(render(ctx, TEMPLATES), sender="alerts@sahelwatch.example",
                         recipient="Aïcha Benali <aicha.benali@desk.example>",
                         digest_id="3f2a9c1d0b7e4a55", date=GENERATED_AT)


def test_delivers_to_a_real_smtp_server(digest_message):
    handler = Collecting()
    with smtp_server(handler) as server:
        send_smtp(digest_message, host=HOST, port=server.port, timeout=5)
    [envelope] = handler.envelopes
    assert envelope.mail_from == "alerts@sahelwatch.example"
    assert envelope.rcpt_tos == ["aicha.benali@desk.example"]
    received = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert received["Message-ID"] == "<3f2a9c1d0b7e4a55@sahelwatch.local>"
    assert [p.get_content_type() for p in received.iter_parts()] == ["text/plain", "text/html"]


def test_451_is_temporary(digest_message):
    with smtp_server(Replying("451 4.3.0 Mailbox temporarily unavailable")) as server:
        with pytest.raises(TemporaryDeliveryError) as caught:
            send_smtp(digest_message, host=HOST, port=server.port, timeout=5)
    assert caught.value.code == 451 and "temporarily unavailable" in str(caught.value)


def test_550_is_permanent(digest_message):
    with smtp_server(Replying("550 5.7.1 Message rejected by policy")) as server:
        with pytest.raises(PermanentDeliveryError) as caught:
            send_smtp(digest_message, host=HOST, port=server.port, timeout=5)
    assert caught.value.code == 550


def test_recipient_refused_with_550_is_permanent(digest_message):
    with smtp_server(Replying("550 5.1.1 No such user", at="RCPT")) as server:
        with pytest.raises(PermanentDeliveryError, match="No such user"):
            send_smtp(digest_message, host=HOST, port=server.port, timeout=5)


def test_recipient_deferred_with_450_is_temporary(digest_message):
    with smtp_server(Replying("450 4.2.1 Try later", at="RCPT")) as server:
        with pytest.raises(TemporaryDeliveryError, match="Try later"):
            send_smtp(digest_message, host=HOST, port=server.port, timeout=5)


def test_closed_port_is_temporary(digest_message):
    with pytest.raises(TemporaryDeliveryError, match="ConnectionRefused"):
        send_smtp(digest_message, host=HOST, port=free_port(), timeout=5)


def test_silent_server_times_out_as_temporary(digest_message):
    with closing(socket.socket()) as listener:  # accepts connections, never greets
        listener.bind((HOST, 0))
        listener.listen(1)
        with pytest.raises(TemporaryDeliveryError):
            send_smtp(digest_message, host=HOST, port=listener.getsockname()[1], timeout=0.5)


def test_login_then_delivery(digest_message):
    handler = Collecting()
    with smtp_server(handler, authenticator=only_analyst, auth_require_tls=False) as server:
        send_smtp(digest_message, host=HOST, port=server.port, username="desk",
                  password=SECRET, timeout=5)
    assert len(handler.envelopes) == 1


def test_wrong_password_is_permanent_and_never_logged(digest_message, caplog):
    caplog.set_level(logging.DEBUG)
    with smtp_server(Collecting(), authenticator=only_analyst, auth_require_tls=False) as server:
        with pytest.raises(PermanentDeliveryError) as caught:
            send_smtp(digest_message, host=HOST, port=server.port, username="desk",
                      password="wrong-" + SECRET, timeout=5)
    assert caught.value.code == 535
    assert SECRET not in caplog.text and SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.__cause__)


def test_starttls_refused_by_a_server_without_it_is_permanent(digest_message):
    with smtp_server(Collecting()) as server:
        with pytest.raises(PermanentDeliveryError, match="STARTTLS"):
            send_smtp(digest_message, host=HOST, port=server.port, starttls=True, timeout=5)


def test_ssl_and_starttls_together_is_a_usage_error(digest_message):
    with pytest.raises(ValueError):
        send_smtp(digest_message, host=HOST, port=25, ssl=True, starttls=True)


def test_delivery_errors_share_a_base():
    assert issubclass(TemporaryDeliveryError, DeliveryError)
    assert issubclass(PermanentDeliveryError, DeliveryError)
