"""CPU cost of the claims stage: milliseconds of process time per 5 KB of article text.

Runs `Extractor.extract` several times over each corpus and prints, per corpus, the median
cost per 5 KB (time.process_time, so other processes on the machine do not count) and its
density (claims per 5 KB, which drives the cost):

- real articles (seeds/): the figure the target is judged on (a real 5 KB news article
  holds about 4-6 claims). Target: <= 2 ms per 5 KB.
- dense fixtures (tests/gold/own): hand-written gold documents, about 24 claims per 5 KB.
- Arabic fixtures (tests/gold/ar): read by `claims.arabic`.

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

CORPORA = (("real articles (seeds/)", ROOT / "seeds"),
           ("dense fixtures (tests/gold/own)", ROOT / "tests" / "gold" / "own"),
           ("Arabic fixtures (tests/gold/ar)", ROOT / "tests" / "gold" / "ar"))
TARGET_MS = 2.0


def measure(ex: Extractor, articles: list, runs: int) -> tuple[list[float], int, int]:
    """Per-run ms CPU per 5 KB, the corpus size in bytes and its number of claims."""
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    claims = sum(len(ex.extract(a.text, published=a.published, lang=a.lang)) for a in articles)  # also warms up
    out = []
    for _ in range(runs):
        t0 = time.process_time()
        for a in articles:
            ex.extract(a.text, published=a.published, lang=a.lang)
        out.append((time.process_time() - t0) * 1000 / (size / 5000))
    return out, size, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    kb, error = read_kb(ROOT / "seeds" / "entities.yaml")
    if kb is None:
        print(error, file=sys.stderr)
        return 1
    ex = Extractor(kb)
    print(f"ms CPU per 5 KB, median of {args.runs} runs (min-max); target <= {TARGET_MS} on real articles")
    for label, folder in CORPORA:
        articles, _ = load_seed_articles(folder)
        runs, size, claims = measure(ex, articles, args.runs)
        print(f"{label:34} {len(articles):3} docs {size / 1000:4.0f} KB {claims * 5000 / size:5.1f} claims/5KB: "
              f"{statistics.median(runs):5.2f} ({min(runs):.2f}-{max(runs):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
