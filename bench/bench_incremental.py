"""Incremental cost: a no-change run over N local feeds (default 200) that all answer 304.

    .venv/bin/python bench/bench_incremental.py [--feeds 200] [--runs 3] [--json FILE]

The measurement is bench_fetch.py's (imported, not copied): the fetch step
(`flows.loading.read_inputs`: conditional GETs to the local news site) and the load step
(`flows.loading.store_inputs`: migrate check, validators, health, no article), here
repeated and reported as medians. Target: fetch + load well under the 5 s of a no-change run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.common import Row, emit, median, spread  # noqa: E402
from bench_fetch import bench_no_change  # noqa: E402
from sources.policy import FetchPolicy  # noqa: E402


def measure(feeds: int, runs: int) -> list[Row]:
    policy = FetchPolicy(allow_private_networks=("127.0.0.0/8",), per_host_interval_s=0.0,
                         per_host_concurrency=16, workers=16, honour_poll_minutes=False)
    got = [bench_no_change(feeds, policy) for _ in range(runs)]
    both = [g["fetch_s"] + g["load_s"] for g in got]
    return [
        Row(f"no-change fetch + load, {feeds} feeds answering 304", spread(both) + " s", "<= 5 s", median(both) <= 5.0,
            f"{got[0]['requests']} requests; one host, 16 in flight (local site: no per-host delay)"),
        Row("  fetch step", spread([g["fetch_s"] for g in got]) + " s"),
        Row("  load step (validators, health, no article)", spread([g["load_s"] for g in got]) + " s"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("3. Incremental cost", measure(args.feeds, args.runs), args.json)


if __name__ == "__main__":
    main()
