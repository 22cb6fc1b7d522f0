"""Digest assembly, rendering (templates/) and delivery (SMTP or outbox/)."""
