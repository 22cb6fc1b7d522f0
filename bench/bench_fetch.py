"""Benchmark of the web sources (a script, not a test): `python bench/bench_fetch.py`.

1. A no-change run over N local feeds that all answer 304: wall time of the fetch step
   (`flows.loading.read_inputs`) and of the load step (`flows.loading.store_inputs`),
   called directly; Prefect's start is measured apart (a trivial flow in a fresh process).
2. Parse throughput on M local article pages (`sources.pages.parse_page`), with
   trafilatura's share of the time.
Prints a markdown table.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lxml.html
import trafilatura
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows import loading  # noqa: E402
from flows.demo.content import load_content, page_html  # noqa: E402
from flows.demo.site import NewsSite  # noqa: E402
from sources.pages import parse_page  # noqa: E402
from sources.policy import FetchPolicy  # noqa: E402


def content_with(n_outlets: int) -> str:
    """The site's content with n outlets, one article each (distinct texts)."""
    raw = yaml.safe_load((ROOT / "flows/demo/content/articles.yaml").read_text(encoding="utf-8"))
    base = [a for a in raw["articles"] if "body" in a]
    outlets, articles = [], []
    for i in range(n_outlets):
        outlets.append({"id": f"outlet{i:03d}", "name": f"Outlet {i}", "lang": "en", "format": "rss"})
        a = dict(base[i % len(base)], id=f"a{i:03d}", outlet=f"outlet{i:03d}", wave=1)
        a["body"] = [f"Bulletin {i} of outlet {i}."] + list(a["body"])
        articles.append(a)
    return yaml.safe_dump({"outlets": outlets, "articles": articles}, allow_unicode=True)


def bench_no_change(n: int, policy: FetchPolicy) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="bench-fetch-"))
    try:
        with NewsSite(content=content_with(n)) as site:
            lines = ["sources:"] + [f"  - {{id: f{i:03d}, kind: feed, url: '{site.feed_url(o)}', lang: en}}"
                                    for i, o in enumerate(site.outlets)]
            (work / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            db = work / "bench.duckdb"
            prime = loading.read_inputs(work / "sources.yaml", db_path=db, policy=policy)
            loading.store_inputs(db, 5.0, "prime", prime, None)
            assert len(prime.articles) == n, f"priming loaded {len(prime.articles)} of {n}"
            mark = len(site.requests)
            t0 = time.perf_counter()
            inputs = loading.read_inputs(work / "sources.yaml", db_path=db, policy=policy)
            t1 = time.perf_counter()
            new = loading.store_inputs(db, 5.0, "measured", inputs, None)
            t2 = time.perf_counter()
            answered = [s for _, cond, s in site.requests[mark:] if cond]
            assert not new and answered.count(304) == n, (len(new), answered.count(304))
        return {"fetch_s": t1 - t0, "load_s": t2 - t1, "requests": len(site.requests) - mark}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_parse(m: int) -> dict[str, float]:
    _, stories = load_content()
    pages = [(page_html(stories[i % len(stories)], "http://bench.test").replace(
        "<p class=\"byline\">", f"<p>Edition {i}.</p><p class=\"byline\">").encode(), i) for i in range(m)]
    t0 = time.perf_counter()
    for data, i in pages:
        parse_page(data, f"http://bench.test/{i}.html", {"content-type": "text/html; charset=utf-8"}, "bench")
    total = time.perf_counter() - t0
    traf = 0.0
    for data, i in pages:  # the same pages again, timing trafilatura's call alone
        tree = lxml.html.document_fromstring(data.decode("utf-8"))
        t_in = time.perf_counter()
        trafilatura.bare_extraction(tree, url=f"http://bench.test/{i}.html", with_metadata=True,
                                    include_comments=False, favor_precision=True)
        traf += time.perf_counter() - t_in
    return {"pages_per_s": m / total, "total_s": total, "trafilatura_s": traf, "trafilatura_share": traf / total}


def prefect_start() -> float:
    code = ("import time; t=time.perf_counter()\nfrom prefect import flow\n@flow\ndef f(): return 1\n"
            "f(); print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**__import__('os').environ, "PREFECT_LOGGING_LEVEL": "WARNING",
                              "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--skip-prefect", action="store_true")
    args = ap.parse_args()
    policy = FetchPolicy(allow_private_networks=("127.0.0.0/8",), per_host_interval_s=0.0,
                         per_host_concurrency=16, workers=16, honour_poll_minutes=False)
    nc = bench_no_change(args.feeds, policy)
    parse = bench_parse(args.pages)
    rows = [
        (f"no-change run, {args.feeds} feeds all 304: fetch step", f"{nc['fetch_s']:.2f} s", "target < 5 s with load"),
        ("  load step (migrate check, cursors, health, no articles)", f"{nc['load_s']:.2f} s", ""),
        ("  fetch + load", f"{nc['fetch_s'] + nc['load_s']:.2f} s", f"{nc['requests']} requests (robots.txt once)"),
        (f"parse {args.pages} local pages", f"{parse['pages_per_s']:.0f} pages/s", f"{parse['total_s']:.1f} s in all"),
        ("  of which trafilatura", f"{parse['trafilatura_share']:.0%}", f"{parse['trafilatura_s']:.1f} s"),
    ]
    if not args.skip_prefect:
        rows.append(("Prefect start + trivial flow (fresh process, temporary server)", f"{prefect_start():.1f} s", "not in the figures above"))
    print("| measure | value | note |\n|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")
    print(f"\npolicy: per-host concurrency {policy.per_host_concurrency}, interval {policy.per_host_interval_s}s, "
          f"workers {policy.workers}; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
