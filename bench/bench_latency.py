"""Alert latency: a new article appears on the local news site while `sahelwatch serve`
runs the monitor on a one-minute schedule; time until the local SMTP server receives the
digest that carries it.

    .venv/bin/python bench/bench_latency.py [--articles 4] [--json FILE]

Real components on 127.0.0.1: `prefect server start` (PREFECT_HOME in a temporary folder),
an aiosmtpd server, the demo news site (`flows/demo/site.py`) serving one outlet's feed,
and `sahelwatch serve --cron "* * * * *"` in its own process. Each article is published at
a random moment of the minute; latency = SMTP receipt - publication. Target: p95 <= 2 min.
Slow by nature (about a minute per article): bench/run_all.py runs it with --latency.
"""
from __future__ import annotations

import argparse
import email
import math
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402

from bench.common import ROOT, PrefectServer, Row, emit, free_port, median  # noqa: E402
from flows.demo.site import NewsSite  # noqa: E402

TOWNS = ["Boni", "Hombori", "Douentza", "Tessit", "Intahaka", "Ber", "Niono", "Diafarabe", "Sevare", "Bourem"]


class Inbox:
    def __init__(self):
        self.got: list[tuple[float, str]] = []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content)
        text = "".join(p.get_payload(decode=True).decode("utf-8", "replace") for p in msg.walk()
                       if p.get_content_type() == "text/plain")
        self.got.append((time.time(), text))
        return "250 OK"


def content(n: int) -> str:
    today = date.today()
    arts = [{"id": "start", "outlet": "desk", "wave": 1, "published": today - timedelta(days=1),
             "title": "Army reinforces posts in central Mali",
             "body": [f"Fighters of JNIM attacked a convoy near Tenenkou, Mali, on {(today - timedelta(days=2)).day} "
                      f"{(today - timedelta(days=2)).strftime('%B')} {today.year}, killing 3 soldiers, officials said."]}]
    for i in range(n):
        town, day = TOWNS[i % len(TOWNS)], today - timedelta(days=1)
        arts.append({"id": f"alert{i}", "outlet": "desk", "wave": 2 + i, "published": today,
                     "title": f"Attack on army post near {town}",
                     "body": [f"Fighters of JNIM attacked an army post near {town}, Mali, on {day.day} "
                              f"{day.strftime('%B')} {day.year}, killing {7 + i} soldiers, local officials said."]})
    return yaml.safe_dump({"outlets": [{"id": "desk", "name": "Desk Wire", "lang": "en", "format": "rss"}],
                           "articles": arts}, allow_unicode=True)


def setup(folder: Path, site: NewsSite, smtp_port: int) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "entities.yaml", seeds / "entities.yaml")
    (seeds / "sources.yaml").write_text(
        f"sources:\n  - {{id: desk, kind: feed, url: '{site.feed_url('desk')}', lang: en, poll_minutes: 1}}\n")
    config = folder / "sahelwatch.toml"
    config.write_text(f"""[paths]
database = "{folder / 'w.duckdb'}"
outbox = "{folder / 'outbox'}"
seeds = "{seeds}"
[smtp]
host = "127.0.0.1"
port = {smtp_port}
starttls = false
[fetch]
allow_private_networks = ["127.0.0.0/8"]
honour_poll_minutes = false
per_host_interval_s = 0.0
""")
    return config


def wait_for(inbox: Inbox, marker: str, since: int, timeout_s: float) -> float | None:
    end = time.time() + timeout_s
    while time.time() < end:
        for at, text in inbox.got[since:]:
            if marker in text:
                return at
        time.sleep(0.2)
    return None


def measure(n: int) -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    latencies, serve = [], None
    try:
        with NewsSite(content=content(n)) as site, PrefectServer(folder / "prefect") as server:
            config = setup(folder, site, smtp.port)
            env = {**server.env, "SAHELWATCH_CONFIG": str(config)}
            serve = subprocess.Popen([str(Path(sys.executable).parent / "sahelwatch"), "serve", "--cron", "* * * * *"],
                                     env=env, cwd=folder, stdout=open(folder / "serve.log", "ab"),  # noqa: SIM115
                                     stderr=subprocess.STDOUT)
            if wait_for(inbox, "", 0, 200) is None:  # the first run: the starting article
                raise RuntimeError("no first digest within 200 s; serve.log:\n"
                                   + (folder / "serve.log").read_text(errors="replace")[-3000:])
            rng = random.Random(3)
            for i in range(n):
                time.sleep(rng.uniform(0, 60))
                since = len(inbox.got)
                published = time.time()
                site.publish(2 + i)
                got = wait_for(inbox, f"alert{i}", since, 300)
                if got is None:
                    raise RuntimeError(f"article alert{i} never reached the SMTP server")
                latencies.append(got - published)
                print(f"  article {i + 1}/{n}: {got - published:.0f} s", file=sys.stderr)
    finally:
        if serve is not None:
            serve.terminate()
            try:
                serve.wait(timeout=20)
            except subprocess.TimeoutExpired:
                serve.kill()
        smtp.stop()
        shutil.rmtree(folder, ignore_errors=True)
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return [Row(f"alert latency, one-minute schedule, {n} articles", f"p95 {p95:.0f} s, median {median(latencies):.0f} s, "
                f"max {max(latencies):.0f} s", "p95 <= 120 s", p95 <= 120,
                "publication on the local site -> digest received by the local SMTP server; "
                "each: " + ", ".join(f"{x:.0f}" for x in latencies) + " s")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=4)
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("6. Alert latency", measure(args.articles), args.json)


if __name__ == "__main__":
    main()
