"""CPU cost of the claims stage: milliseconds of process time per 5 KB of article text.

Runs `Extractor.extract` over the seed documents and the own gold set's articles several
times and prints the median cost per 5 KB (time.process_time, so other processes on the
machine do not count). Target: <= 2 ms per 5 KB article.

    .venv/bin/python bench/bench_claims.py [--runs 7]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extract import Extractor  # noqa: E402
from flows.loading import read_kb  # noqa: E402
from sources.seedfiles import load_seed_articles  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    kb, error = read_kb(ROOT / "seeds" / "entities.yaml")
    if kb is None:
        print(error, file=sys.stderr)
        return 1
    articles = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "gold" / "own"):
        found, _ = load_seed_articles(folder)
        articles += found
    ex = Extractor(kb)
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    for a in articles:  # warm-up (regex caches, lazy vocabularies)
        ex.extract(a.text, published=a.published, lang=a.lang)
    runs = []
    for _ in range(args.runs):
        t0 = time.process_time()
        for a in articles:
            ex.extract(a.text, published=a.published, lang=a.lang)
        runs.append((time.process_time() - t0) * 1000 / (size / 5000))
    print(f"{len(articles)} articles, {size / 1000:.0f} KB; ms CPU per 5 KB: median {statistics.median(runs):.2f} "
          f"(min {min(runs):.2f}, max {max(runs):.2f}, {args.runs} runs); target <= 2.0")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
