"""Errors of the alerts package.

    AlertsError
    ├── RenderError              a template is missing, or does not fit the digest context
    ├── MessageError             a message cannot be built safely (bad address, bad digest id)
    └── DeliveryError            the SMTP server did not take the message (`code`: reply code or None)
        ├── TemporaryDeliveryError   try again later: 4xx reply, connection refused or lost, timeout
        └── PermanentDeliveryError   retrying will not help: 5xx reply, TLS/auth/configuration error

A digest that cannot be delivered is never dropped silently: the caller keeps it (outbox)
and records why, retrying only a `TemporaryDeliveryError`.
"""
from __future__ import annotations


class AlertsError(Exception):
    """Base of every error raised by `alerts`."""


class RenderError(AlertsError):
    """A digest template is missing or refers to something the context does not have."""


class MessageError(AlertsError):
    """The email message cannot be built safely from the values given."""


class DeliveryError(AlertsError):
    """The SMTP server did not accept the message. `code` is the SMTP reply code, if any."""

    def __init__(self, message: str, code: int | None = None):
        self.code = code
        super().__init__(message)


class TemporaryDeliveryError(DeliveryError):
    """A transient failure (4xx, refused or dropped connection, timeout): retry later."""


class PermanentDeliveryError(DeliveryError):
    """A permanent failure (5xx, TLS or authentication misconfiguration): do not retry as is."""
