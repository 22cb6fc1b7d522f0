"""`make bench`: run every benchmark, each in its own process, and write bench/RESULTS.md
(machine, date, git commit, the commands, figures as medians of several runs, targets).

    .venv/bin/python bench/run_all.py [--quick] [--latency] [--out bench/RESULTS.md]

--quick: small sizes for development (minutes, not a quarter of an hour); the figures
are then marked as such. --latency: also the alert-latency benchmark (about a minute
per article: a real `sahelwatch serve` on a one-minute schedule); without it, the last
latency figure in the results file is kept and marked with its date.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
log = logging.getLogger("bench")

FULL = [
    ("bench_throughput.py", ["--pages", "1000", "--runs", "3"]),
    ("bench_overhead.py", ["--runs", "5"]),
    ("bench_incremental.py", ["--feeds", "200", "--runs", "3"]),
    ("bench_scaling.py", ["--sizes", "1000,10000,100000,1000000", "--runs", "3"]),
    ("bench_memory.py", ["--articles", "10000"]),
]
QUICK = [
    ("bench_throughput.py", ["--pages", "200", "--runs", "1"]),
    ("bench_overhead.py", ["--runs", "2"]),
    ("bench_incremental.py", ["--feeds", "50", "--runs", "1"]),
    ("bench_scaling.py", ["--sizes", "1000,10000", "--runs", "1"]),
    ("bench_memory.py", ["--articles", "1000"]),
]
LATENCY = ("bench_latency.py", ["--articles", "4"])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        text = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", text).group(1).strip()
        cores = len(re.findall(r"^processor\s*:", text, re.M))
    except (OSError, AttributeError):
        cores = os.cpu_count() or 0
    try:
        kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        mem = "unknown memory"
    return f"{cpu}, {cores} cores, {mem}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return sha + (" + uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"


def run(script: str, args: list[str]) -> tuple[str, dict | None, float]:
    """Run one benchmark script; (command, its rows or None on failure, seconds)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = Path(f.name)
    cmd = [PY, str(ROOT / "bench" / script), *args, "--json", str(out)]
    shown = " ".join([".venv/bin/python", f"bench/{script}", *args])
    log.info("== %s", shown)
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT)
    seconds = time.perf_counter() - t
    try:
        data = json.loads(out.read_text()) if done.returncode == 0 else None
    finally:
        out.unlink(missing_ok=True)
    return shown, data, seconds


def claims_cost() -> tuple[str, str]:
    """bench/bench_claims.py (the extractor's own benchmark), as it is now."""
    shown = ".venv/bin/python bench/bench_claims.py"
    done = subprocess.run([PY, str(ROOT / "bench" / "bench_claims.py")], cwd=ROOT, capture_output=True, text=True)
    return shown, (done.stdout.strip() or done.stderr.strip()[-500:])


def section(shown: str, data: dict | None, seconds: float) -> list[str]:
    if data is None:
        return [f"### {shown}", "", f"**failed** (after {seconds:.0f} s): see the output of `{shown}`", ""]
    lines = [f"### {data['title']}", "", f"`{shown}` ({seconds:.0f} s)", "",
             "| measure | value | target | holds | note |", "|---|---|---|---|---|"]
    for r in data["rows"]:
        holds = "" if r["ok"] is None else ("yes" if r["ok"] else "**no**")
        lines.append(f"| {r['measure']} | {r['value']} | {r['target']} | {holds} | {r['note']} |")
    return lines + [""]


def kept_latency(path: Path) -> list[str]:
    """The latency section of the previous results file, if any (it is slow to re-measure)."""
    if not path.exists():
        return ["### 6. Alert latency", "", "not measured yet: `make bench BENCH_ARGS=--latency`", ""]
    text = path.read_text(encoding="utf-8")
    m = re.search(r"(### 6\. Alert latency.*?)(?=\n### |\n## |\Z)", text, re.S)
    if not m:
        return ["### 6. Alert latency", "", "not measured yet: `make bench BENCH_ARGS=--latency`", ""]
    body = m.group(1).rstrip()
    note = "" if "(kept from" in body else "\n\n(kept from the previous results: re-measure with `--latency`)"
    return [body + note, ""]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--latency", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    started = time.perf_counter()
    sections, failed = [], 0
    for script, extra in (QUICK if args.quick else FULL):
        shown, data, seconds = run(script, extra)
        failed += data is None
        sections += section(shown, data, seconds)
    if args.latency:
        shown, data, seconds = run(*LATENCY)
        failed += data is None
        sections += section(shown, data, seconds)
    else:
        sections += kept_latency(args.out)
    shown, claims = claims_cost()
    head = [
        "# Benchmark results", "",
        f"- machine: {machine()}",
        f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; commit {commit()}",
        f"- command: `make bench` = `.venv/bin/python bench/run_all.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"- mode: {'QUICK (small sizes: development figures, not the targets)' if args.quick else 'full'}; "
        f"total {time.perf_counter() - started:.0f} s",
        "- figures are medians of the runs stated; wall times on a machine shared with other work",
        "",
        "## Figures", "",
    ]
    tail = ["### Claims extractor CPU (bench/bench_claims.py, the extractor as it is now)", "",
            f"`{shown}`", "", "```", claims, "```", ""]
    args.out.write_text("\n".join(head + sections + tail), encoding="utf-8")
    log.info("wrote %s", args.out)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
