"""`sahelwatch demo`: the whole loop in under a minute, on a local news site.

Starts the local site (flows/demo/site.py) on 127.0.0.1, writes a sources file pointing at
its feeds and search endpoints, runs the monitor flow on a temporary database and outbox,
publishes new articles (one a syndicated copy of the other), runs again, and shows that
the second digest holds only the newly published events.
"""
from __future__ import annotations

import argparse
import email
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from flows.settings import Settings, load_settings


def register(sub) -> None:
    p = sub.add_parser("demo", help="two monitoring runs against a local news site (no internet needed)")
    p.add_argument("--keep", type=Path, help="keep the database, outbox and sources file in this folder")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.demo.site import NewsSite

    work = args.keep or Path(tempfile.mkdtemp(prefix="sahelwatch-demo-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with NewsSite() as site:
        settings = demo_settings(load_settings(), work, site)
        _say(f"local news site on {site.url}: {len(site.visible())} articles in 3 outlets; "
             f"working folder {work}")
        _say("sources: " + ", ".join(_source_ids(settings)))
        first = _run(settings, "first run (Prefect's temporary server starts first: a few seconds)")
        fresh = site.publish(2)
        _say("the site publishes: " + "; ".join(f"{s.outlet.name}: {s.title!r}" for s in fresh))
        second = _run(settings, "second run")
    _show_digest(second, first)
    _say(f"done in {time.monotonic() - started:.0f} s. Open {settings.db_path} with duckdb: "
         "SELECT * FROM v_stories WHERE n_urls > 1; SELECT * FROM v_sources;")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def demo_settings(base: Settings, work: Path, site) -> Settings:
    """Settings on `work`, with a sources file for the local site (loopback allowed)."""
    seeds = work / "seeds"
    seeds.mkdir(exist_ok=True)
    shutil.copy(base.entities_file, seeds / "entities.yaml")
    (seeds / "sources.yaml").write_text(sources_yaml(site), encoding="utf-8")
    fetch = replace(base.fetch, allow_private_networks=("127.0.0.0/8",), per_host_interval_s=0.0,
                    per_host_concurrency=4, honour_poll_minutes=False, retries=0)
    return replace(base, db_path=work / "demo.duckdb", outbox_dir=work / "outbox", seeds_dir=seeds,
                   fetch=fetch, smtp=None)


def sources_yaml(site, bad: bool = True) -> str:
    from flows.demo.site import BAD_PATHS

    lines = ["sources:"]
    for outlet in site.outlets.values():
        lines.append(f"  - {{id: {outlet.id}, kind: feed, url: '{site.feed_url(outlet.id)}', "
                     f"lang: {outlet.lang}, reliability: B, poll_minutes: 30}}")
    lines.append(f"  - {{id: local-news-search, kind: news_search, template: '{site.url}/search/rss?q={{query}}', "
                 "lang: en, reliability: D, poll_minutes: 60}")
    lines.append(f"  - {{id: local-gdelt, kind: gdelt, template: '{site.url}/gdelt/api/v2/doc/doc?query={{query}}"
                 "&mode=artlist&format=json', lang: en, reliability: D, poll_minutes: 60}")
    if bad:
        lines.append(f"  - {{id: broken-outlet, kind: feed, url: '{site.url}{BAD_PATHS['server_error']}', "
                     "lang: en, reliability: C, poll_minutes: 30}")
    return "\n".join(lines) + "\n"


def _source_ids(settings: Settings) -> list[str]:
    from sources.config import load_sources

    return [s.id for s in load_sources(settings.sources_file)[0]]


def _run(settings: Settings, label: str) -> dict:
    from flows.commands.run import format_summary
    from flows.monitor import monitor

    _say(f"{label} ...")
    t = time.monotonic()
    summary = monitor(settings)
    print(format_summary(summary, settings), flush=True)
    _say(f"({time.monotonic() - t:.1f} s)")
    return summary


def _show_digest(second: dict, first: dict) -> None:
    if not second["digests"]:
        _say("second run: no digest (nothing new)")
        return
    path = Path(second["digests"][0])
    eml = path.with_suffix(".eml")
    text = _text_part(eml) if eml.exists() else path.read_text(encoding="utf-8")
    _say(f"the second digest ({first['events_new']} events in the first run, "
         f"{second['events_new']} new now) reads:")
    body = [line for line in text.splitlines() if line.strip()]
    print("\n".join(f"    | {line}" for line in body[:40]) + ("\n    | ..." if len(body) > 40 else ""))


def _text_part(eml: Path) -> str:
    msg = email.message_from_bytes(eml.read_bytes())
    part = next((p for p in msg.walk() if p.get_content_type() == "text/plain"), None)
    return part.get_payload(decode=True).decode("utf-8") if part else ""


def _say(line: str) -> None:
    print(f"==> {line}", flush=True)
