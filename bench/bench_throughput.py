"""Throughput: N local article pages through parse -> extract -> load -> compare.

    .venv/bin/python bench/bench_throughput.py [--pages 1000] [--runs 3] [--json FILE]

The stages are the flow's own functions: `sources.pages.parse_page` (trafilatura),
`flows.extraction.extract_batch` (claims, linked), `warehouse.load.load_articles` +
`warehouse.sources_state.record_fetch` (articles, URLs, near-duplicate stories) and
`flows.extraction.store_extracted` (events placed, claims, statuses). With 1 worker all
run in this process, stage by stage (timed apart); with 2 workers, parse + extract run in
2 worker processes (as on the Dask runner) while this process loads and compares, in
order, chunk by chunk. In the same run, bare trafilatura over the same pages alone.
Targets: >= 100 articles/s with 2 workers; whole pipeline <= 1.25x bare extraction.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import lxml.html
import trafilatura

import sys  # noqa: E402
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from bench.common import ROOT, Row, emit, median, spread
from bench.corpus import pages as make_pages
from flows import extraction
from flows.loading import read_kb
from sources.pages import parse_page
from warehouse import load as wh
from warehouse.db import connect, migrate
from warehouse.sources_state import record_fetch

HEADERS = {"content-type": "text/html; charset=utf-8"}
CHUNK = extraction.BATCH_SIZE  # the flow's own batch (articles per extract/store step)
_KB = None


def _init(kb) -> None:
    global _KB
    _KB = kb
    extraction.extract_batch(kb, [("warm", "JNIM pledged allegiance to al-Qaeda in 2017.", None)])


def parse_and_extract(chunk):
    """Worker side: pages -> articles and their claims (pure CPU)."""
    arts = [parse_page(data, url, HEADERS, "bench").article for url, data in chunk]
    return arts, extraction.extract_batch(_KB, [(a.article_id, a.text, a.published) for a in arts])


def fresh_db(folder: Path, kb) -> Path:
    db = folder / "bench.duckdb"
    con = connect(db)
    try:
        migrate(con)
        wh.start_run(con, "bench", datetime.now(timezone.utc))
        wh.load_kb(con, kb)
    finally:
        con.close()
    extraction.plan_extraction(db, 5.0, kb)  # KB fingerprint recorded, as a run does
    return db


def load(db: Path, arts) -> None:
    con = connect(db)
    try:
        con.begin()
        new = wh.load_articles(con, arts, "bench")
        record_fetch(con, "bench", arts, new, [], [])
        con.commit()
    finally:
        con.close()


def compare(db: Path, kb, extracted) -> dict:
    return extraction.store_extracted(db, 5.0, "bench", kb, extracted)


def run_one_worker(pages, kb, folder: Path) -> dict[str, float]:
    db = fresh_db(folder, kb)
    t = dict.fromkeys(("parse", "extract", "load", "compare"), 0.0)
    start = time.perf_counter()
    claims = 0
    for i in range(0, len(pages), CHUNK):
        c0 = time.perf_counter()
        arts = [parse_page(data, url, HEADERS, "bench").article for url, data in pages[i:i + CHUNK]]
        c1 = time.perf_counter()
        extracted = extraction.extract_batch(kb, [(a.article_id, a.text, a.published) for a in arts])
        c2 = time.perf_counter()
        load(db, arts)
        c3 = time.perf_counter()
        claims += compare(db, kb, extracted).get("claims_new", 0)
        c4 = time.perf_counter()
        for k, a, b in (("parse", c0, c1), ("extract", c1, c2), ("load", c2, c3), ("compare", c3, c4)):
            t[k] += b - a
    t["total"] = time.perf_counter() - start
    t["claims"] = claims
    return t


def run_workers(pages, kb, folder: Path, workers: int) -> dict[str, float]:
    db = fresh_db(folder, kb)
    chunks = [pages[i:i + CHUNK] for i in range(0, len(pages), CHUNK)]
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(kb,)) as pool:
        list(pool.map(_noop, range(workers * 2)))  # workers started and warm before timing
        start = time.perf_counter()
        main = 0.0
        for arts, extracted in pool.map(parse_and_extract, chunks):
            m = time.perf_counter()
            load(db, arts)
            compare(db, kb, extracted)
            main += time.perf_counter() - m
        total = time.perf_counter() - start
    return {"total": total, "main": main}


def _noop(_):
    return None


def bare(pages) -> float:
    start = time.perf_counter()
    for url, data in pages:
        tree = lxml.html.document_fromstring(data.decode("utf-8"))
        trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    return time.perf_counter() - start


def measure(n: int, runs: int) -> list[Row]:
    kb, err = read_kb(ROOT / "seeds" / "entities.yaml")
    assert kb is not None, err
    pages = make_pages(n)
    _init(kb)
    kb_size = sum(len(d) for _, d in pages) / n / 1000
    one, two, bares = [], [], []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-tp-"))
        try:
            bares.append(bare(pages))
            (folder / "1").mkdir()
            one.append(run_one_worker(pages, kb, folder / "1"))
            (folder / "2").mkdir()
            two.append(run_workers(pages, kb, folder / "2", 2))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    rate1 = [n / r["total"] for r in one]
    rate2 = [n / r["total"] for r in two]
    ratio = [r["total"] / b for r, b in zip(one, bares)]
    share = {k: median([r[k] / r["total"] for r in one]) for k in ("parse", "extract", "load", "compare")}
    ms = {k: median([r[k] for r in one]) * 1000 / n for k in ("parse", "extract", "load", "compare")}
    where = ", ".join(f"{k} {share[k]:.0%} ({ms[k]:.1f} ms/article)" for k in share)
    return [
        Row(f"pipeline, 1 worker process ({n} pages, {kb_size:.1f} KB HTML each)", spread(rate1, "{:.0f}") + " articles/s",
            note=f"where the time goes: {where}; {int(median([r['claims'] for r in one]))} claims stored"),
        Row("pipeline, 2 worker processes (+ this process loading and comparing)", spread(rate2, "{:.0f}") + " articles/s",
            ">= 100 articles/s", median(rate2) >= 100,
            f"writer (load + compare, in order) busy {median([r['main'] / r['total'] for r in two]):.0%} of the wall time"),
        Row("bare trafilatura extraction of the same pages, 1 process", spread([n / b for b in bares], "{:.0f}") + " pages/s"),
        Row("whole pipeline (1 worker) / bare extraction", spread(ratio, "{:.2f}") + "x", "<= 1.25x", median(ratio) <= 1.25,
            "claims extraction and the warehouse come on top of trafilatura"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("1. Throughput", measure(args.pages, args.runs), args.json)


if __name__ == "__main__":
    main()
