"""Scaling: the cost of a run with 10 new articles when the warehouse already holds
1k, 10k, 100k and 1M articles (synthetic rows inserted in bulk by bench/synthetic_rows.sql:
articles extracted, claims, events delivered, URLs, sketches; not through the pipeline).

    .venv/bin/python bench/bench_scaling.py [--sizes 1000,10000,100000,1000000] [--runs 3] [--json FILE]

The run is the flow's plain steps without Prefect (its overhead is constant; see
bench_overhead.py): read 10 new seed-file articles -> store_inputs (migrate, articles,
stories: near-duplicate candidates) -> extract_pending (KB check, pending ids, claims,
events, statuses) -> deliver_digests (to outbox/) -> finish_run; each step timed, median of
several runs, each with 10 new articles. The analysts' copy (a file copy, linear in the
file's size) is timed apart. Target: run cost at 1M <= 1.2x the cost at 1k.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from bench.common import ROOT, Row, emit, median  # noqa: E402
from bench.corpus import pages as make_pages  # noqa: E402
from claims import EXTRACTOR_VERSION  # noqa: E402
from flows import delivery, extraction, loading  # noqa: E402
from flows.settings import Settings  # noqa: E402
from sources.pages import parse_page  # noqa: E402
from warehouse.analyst import publish_copy  # noqa: E402
from warehouse.db import connect, migrate  # noqa: E402

STEPS = ("read", "load", "extract", "deliver", "finish")


def build(folder: Path, n: int, kb) -> Path:
    db = folder / "w.duckdb"
    con = connect(db)
    try:
        migrate(con)
        text = (ROOT / "bench" / "synthetic_rows.sql").read_text(encoding="utf-8")
        for stmt in (s.strip() for s in text.split(";\n") if s.strip()):
            body = "\n".join(line for line in stmt.splitlines() if not line.startswith("--"))
            params = {k: v for k, v in (("n", n), ("extractor_version", EXTRACTOR_VERSION)) if f"${k}" in body}
            con.execute(body, params).fetchall()
        con.execute("CHECKPOINT").fetchall()
    finally:
        con.close()
    extraction.plan_extraction(db, 5.0, kb)  # statuses computed for the KB once, as a first run does
    return db


def write_articles(seeds: Path, start: int) -> None:
    """10 new articles as seed files (text + manifest), numbered from `start`."""
    for f in seeds.glob("*.txt"):
        f.unlink()
    recs = []
    for url, data in make_pages(10, seed=start, start=start):
        art = parse_page(data, url, {"content-type": "text/html"}, "bench").article
        name = f"n{start}_{len(recs)}.txt"
        (seeds / name).write_text(art.text, encoding="utf-8")
        recs.append({"file": name, "title": art.title, "published": art.published, "lang": "en",
                     "publisher": "Bench Daily"})
    (seeds / "manifest.yaml").write_text(yaml.safe_dump({"seeds": recs}), encoding="utf-8")


def one_run(settings: Settings, kb, start: int) -> dict[str, float]:
    from flows.monitor import _summary

    write_articles(settings.seeds_dir, start)
    run_id, t = f"bench-{start}", {}
    c = time.perf_counter()
    inputs = loading.read_inputs(settings.sources_file)
    t["read"] = time.perf_counter() - c
    assert len(inputs.articles) == 10, inputs.errors
    c = time.perf_counter()
    new = loading.store_inputs(settings.db_path, 5.0, run_id, inputs, kb)
    t["load"] = time.perf_counter() - c
    c = time.perf_counter()
    figures = extraction.extract_pending(settings.db_path, 5.0, run_id, kb)
    t["extract"] = time.perf_counter() - c
    assert len(new) == 10 and figures.get("articles_extracted") == 10, (len(new), figures)
    summary = _summary(run_id, inputs, new, figures, None)
    c = time.perf_counter()
    report = delivery.deliver_digests(settings, run_id, summary)
    t["deliver"] = time.perf_counter() - c
    assert report.delivered, "the 10 new articles' events should make a digest"
    summary["digests"] = report.delivered
    c = time.perf_counter()
    loading.finish_run(settings.db_path, 5.0, run_id, summary)
    t["finish"] = time.perf_counter() - c
    t["total"] = sum(t[s] for s in STEPS)
    return t


def measure(sizes: list[int], runs: int) -> list[Row]:
    kb, err = loading.read_kb(ROOT / "seeds" / "entities.yaml")
    assert kb is not None, err
    results, copies, builds = {}, {}, {}
    for n in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-scale-{n}-"))
        try:
            seeds = folder / "seeds"
            seeds.mkdir()
            (seeds / "sources.yaml").write_text("sources:\n  - {id: bench, kind: seed_files, manifest: manifest.yaml}\n")
            c = time.perf_counter()
            db = build(folder, n, kb)
            builds[n] = time.perf_counter() - c
            settings = replace(Settings(), db_path=db, seeds_dir=seeds, outbox_dir=folder / "outbox")
            one_run(settings, kb, 10_000_000)  # warm-up: caches, first digest
            results[n] = [one_run(settings, kb, 10_000_000 + 100 * (r + 1)) for r in range(runs)]
            copies[n] = (publish_copy(db, folder / "w-analyst.duckdb"), db.stat().st_size / 1e6)
            print(f"  {n:>9,} stored: run {median([r['total'] for r in results[n]]):.2f} s "
                  f"(built in {builds[n]:.0f} s)", file=sys.stderr)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    rows = []
    base = median([r["total"] for r in results[sizes[0]]])
    for n in sizes:
        tot = median([r["total"] for r in results[n]])
        steps = ", ".join(f"{s} {median([r[s] for r in results[n]]) * 1000:.0f}" for s in STEPS)
        rows.append(Row(f"run with 10 new articles, {n:,} stored", f"{tot:.2f} s ({tot / base:.2f}x)",
                        "<= 1.2x of the smallest" if n == sizes[-1] else "",
                        (tot / base <= 1.2) if n == sizes[-1] and n != sizes[0] else None,
                        f"ms: {steps}; analysts' copy {copies[n][0]:.2f} s for {copies[n][1]:.0f} MB"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("4. Scaling with warehouse size", measure([int(s) for s in args.sizes.split(",")], args.runs), args.json)


if __name__ == "__main__":
    main()
