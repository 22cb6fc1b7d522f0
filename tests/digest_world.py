"""A small world for the digest and delivery tests: a seeds folder of fixture articles (with a
manifest, as the seed documents have), the real knowledge base, a warehouse filled by the
plain run steps, and real SMTP servers (aiosmtpd) on 127.0.0.1."""
from __future__ import annotations

import email
import email.policy
import shutil
import socket
import uuid
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller

from flows import extraction, loading
from flows.settings import Recipient, Settings, SmtpSettings, Watchlist, load_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "digests"
HOST = "127.0.0.1"

ARTICLES = {
    "boulkessi": {"title": "Militants overrun army camps in central Mali", "published": "2019-10-01"},
    "tongo_tongo": {"title": "Ambush near Tongo Tongo", "published": "2017-10-06"},
    "sokolo": {"title": "Gendarmes killed in dawn raid on Sokolo camp", "published": "2020-01-27"},
    "hostile": {"title": "Sokolo <script>alert(1)</script>\r\nBcc: victim@evil.example\r\n\r\nbody",
                "published": "2020-01-27"},
}


def make_seeds(dest: Path, names: list[str]) -> Path:
    """A seeds folder with the named fixture articles, their manifest, sources and the KB."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "seeds" / "entities.yaml", dest / "entities.yaml")
    sources = {"sources": [{"id": "fixtures", "kind": "seed_files", "manifest": "manifest.yaml",
                            "enabled": True, "lang": "en", "reliability": "B", "poll_minutes": 60}]}
    (dest / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    for name in names:
        add_article(dest, name)
    return dest


def add_article(seeds: Path, name: str) -> None:
    shutil.copy(FIXTURES / f"{name}.txt", seeds / f"{name}.txt")
    manifest = seeds / "manifest.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8")) if manifest.exists() else {"seeds": []}
    meta = ARTICLES[name]
    data["seeds"].append({"file": f"{name}.txt", "title": meta["title"], "publisher": "Fixture wire",
                          "published": date.fromisoformat(meta["published"]), "lang": "en"})
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def settings_for(tmp: Path, seeds: Path, recipients: list[Recipient], smtp: SmtpSettings | None = None) -> Settings:
    return replace(load_settings(env={}, cwd=tmp), db_path=tmp / "w.duckdb", outbox_dir=tmp / "outbox",
                   seeds_dir=seeds, recipients=tuple(recipients), smtp=smtp)


def ingest(settings: Settings) -> dict:
    """The run's steps before delivery (read, load, extract), as plain functions."""
    run_id = "test-" + uuid.uuid4().hex[:8]
    inputs = loading.read_inputs(settings.sources_file)
    kb, error = loading.read_kb(settings.entities_file)
    assert error is None and not inputs.errors, (error, inputs.errors)
    new_ids = loading.store_inputs(settings.db_path, settings.db_wait_s, run_id, inputs, kb)
    figures = extraction.extract_pending(settings.db_path, settings.db_wait_s, run_id, kb)
    return {"run_id": run_id, "articles_seen": len(inputs.articles), "articles_new": len(new_ids),
            "claims_new": figures.get("claims_new", 0), "events_new": figures.get("events_new", 0),
            "errors": 0, "error_lines": []}


def analyst(email_: str, *entities: str, **kw) -> Recipient:
    return Recipient(name=email_.split("@")[0].title(), email=email_,
                     watch=Watchlist(entities=tuple(entities), **kw))


# --- SMTP servers --------------------------------------------------------------------------

class Inbox:
    """Accepts messages; `refuse` (a list of replies) answers DATA with them first, in order."""

    def __init__(self, refuse: list[str] | None = None):
        self.refuse = list(refuse or [])
        self.envelopes = []
        self.data_commands = 0

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        if self.refuse:
            return self.refuse.pop(0)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self, to: str | None = None) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(e.original_content, policy=email.policy.default)
                for e in self.envelopes if to is None or to in e.rcpt_tos]


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(handler, port: int | None = None, **kwargs):
    controller = Controller(handler, hostname=HOST, port=port or free_port(), **kwargs)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def smtp_at(port: int, **kw) -> SmtpSettings:
    return SmtpSettings(host=HOST, port=port, starttls=False, timeout_s=5, **kw)


def html_of(msg) -> str:
    return next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()


def text_of(msg) -> str:
    return next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_content()


def event_ids_of(msg) -> set[str]:
    """Event ids a digest carries (the HTML marks each item with data-event)."""
    import re

    return set(re.findall(r'data-event="([^"]+)"', html_of(msg)))
