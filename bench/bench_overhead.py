"""Run overhead: a `monitor` run with nothing new (seed documents already loaded).

    .venv/bin/python bench/bench_overhead.py [--runs 5] [--json FILE]

Starts a real Prefect server (`prefect server start` on 127.0.0.1, PREFECT_HOME in a
temporary folder; its start is reported apart), loads the seeds with a first run, then
times no-change runs of the flow in one client process: wall time, CPU of the client and
of the server. Prefect's share: the flow's wall time minus the same steps called as plain
functions (no Prefect), over the flow's wall time. Target: <= 5 s wall.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, PrefectServer, Row, emit, median, spread  # noqa: E402

CLIENT = r"""
import json, sys, time, psutil
from dataclasses import replace
from pathlib import Path
from flows.settings import load_settings
from flows.monitor import monitor, _summary
from flows import loading, extraction, delivery
folder, runs, server_pid = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
server = psutil.Process(server_pid)
def server_cpu():
    procs = [server, *server.children(recursive=True)]
    return sum(sum(p.cpu_times()[:2]) for p in procs)
s = replace(load_settings(env={}, cwd=folder), db_path=folder / "w.duckdb", outbox_dir=folder / "outbox",
            seeds_dir=folder / "seeds")
monitor(s)   # loads the 5 seed documents, sends the first digest
monitor(s)   # warm
out = {"flow": [], "cpu": [], "server_cpu": [], "plain": []}
for _ in range(runs):
    w, c, sc = time.perf_counter(), time.process_time(), server_cpu()
    r = monitor(s)
    assert r["articles_new"] == 0 and not r["digests"], r
    out["flow"].append(time.perf_counter() - w); out["cpu"].append(time.process_time() - c)
    out["server_cpu"].append(server_cpu() - sc)
    w = time.perf_counter()
    kb, _ = loading.read_kb(s.entities_file)
    inputs = loading.read_inputs(s.sources_file, db_path=s.db_path)
    new = loading.store_inputs(s.db_path, 3.0, "plain", inputs, kb)
    fig = extraction.extract_pending(s.db_path, 3.0, "plain", kb)
    summary = _summary("plain", inputs, new, fig, None)
    summary["digests"] = delivery.deliver_digests(s, "plain", summary).delivered
    loading.finish_run(s.db_path, 3.0, "plain", summary)
    out["plain"].append(time.perf_counter() - w)
print(json.dumps(out))
"""


def measure(runs: int) -> list[Row]:
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="bench-overhead-"))
    try:
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        (folder / "seeds" / "sources.yaml").write_text(
            "sources:\n  - {id: seeds, kind: seed_files, manifest: manifest.yaml, lang: en}\n", encoding="utf-8")
        with PrefectServer(folder / "prefect") as server:
            out = subprocess.run([sys.executable, "-c", CLIENT, str(folder), str(runs), str(server.proc.pid)],
                                 env=server.env, capture_output=True, text=True, timeout=600, cwd=ROOT)
            if out.returncode:
                raise RuntimeError(out.stderr[-3000:])
            got = json.loads(out.stdout.strip().splitlines()[-1])
            started = server.started_s
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    flow, plain = median(got["flow"]), median(got["plain"])
    return [
        Row("no-change monitor run (seeds, nothing new), wall", spread(got["flow"]) + " s", "<= 5 s", flow <= 5.0,
            "Prefect server already running"),
        Row("  CPU: client process / Prefect server", f"{median(got['cpu']):.2f} s / {median(got['server_cpu']):.2f} s"),
        Row("  the same steps as plain functions (no Prefect)", spread(got["plain"]) + " s"),
        Row("  Prefect's share of the run's wall time", f"{max(flow - plain, 0) / flow:.0%}", "",
            None, f"{max(flow - plain, 0):.2f} s: task runs, state API calls, the runner"),
        Row("Prefect server start (`prefect server start`, until /api/health answers)", f"{started:.1f} s", "",
            None, "once, not per run"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("2. Run overhead", measure(args.runs), args.json)


if __name__ == "__main__":
    main()
