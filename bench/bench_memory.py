"""Memory: peak RSS of a `monitor` run over N new articles (default 10,000), Prefect's
server included.

    .venv/bin/python bench/bench_memory.py [--articles 10000] [--db-memory-limit 512MB] [--json FILE]

A real `prefect server start` (PREFECT_HOME in a temporary folder) and, in another
process, one monitor run over N new articles given as seed files (3-8 KB texts from
bench/corpus.py). Both process trees are sampled every 0.1 s with psutil; reported: the
peak of the summed RSS of every process alive at the same moment (client and server
trees), and each tree's own peak. Target: <= 1 GB. The client process also samples its own
RSS with the monitor stage it is in (bench.common.StageProbe): the note gives each stage's
peak and its RSS when the stage ended.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from bench.common import (ROOT, PrefectServer, Row, TreeSampler, emit, read_stage_rows, stage_at,  # noqa: E402
                          stage_peaks)
from bench.corpus import pages as make_pages  # noqa: E402
from sources.pages import parse_page  # noqa: E402

CLIENT = r"""
import sys
from dataclasses import replace
from pathlib import Path
from flows.settings import load_settings
from bench.common import StageProbe
from flows.monitor import monitor
folder = Path(sys.argv[1])
s = replace(load_settings(env={}, cwd=folder), db_path=folder / "w.duckdb", outbox_dir=folder / "outbox",
            seeds_dir=folder / "seeds")
s = replace(s, db_memory_limit=sys.argv[2] or s.db_memory_limit)
with StageProbe(folder / "stages.tsv"):
    r = monitor(s)
print(r["articles_new"], r["articles_extracted"], r["claims_new"], flush=True)
"""


def write_seeds(seeds: Path, n: int) -> int:
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "entities.yaml", seeds / "entities.yaml")
    (seeds / "sources.yaml").write_text("sources:\n  - {id: bench, kind: seed_files, manifest: manifest.yaml}\n")
    recs, size = [], 0
    for i, (url, data) in enumerate(make_pages(n)):
        art = parse_page(data, url, {"content-type": "text/html"}, "bench").article
        (seeds / f"a{i:05d}.txt").write_text(art.text, encoding="utf-8")
        size += len(art.text.encode("utf-8"))
        recs.append({"file": f"a{i:05d}.txt", "title": art.title, "published": art.published, "lang": "en"})
    (seeds / "manifest.yaml").write_text(yaml.safe_dump({"seeds": recs}), encoding="utf-8")
    return size


def measure(n: int, db_memory_limit: str = "") -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    try:
        size = write_seeds(folder / "seeds", n)
        with PrefectServer(folder / "prefect") as server, TreeSampler(server.proc.pid) as srv:
            t = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", CLIENT, str(folder), db_memory_limit], env=server.env,
                                    cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with TreeSampler(proc.pid) as cli:
                both, at = _joint_peak(proc, srv, cli)
            out, err = proc.communicate()
            wall = time.perf_counter() - t
            if proc.returncode:
                raise RuntimeError(err[-3000:])
        new, extracted, claims = (int(x) for x in out.splitlines()[-1].split())
        assert new == extracted == n, (new, extracted)
        rows = read_stage_rows(folder / "stages.tsv")
        stages, at_stage = stage_peaks(rows), stage_at(rows, at[0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mb = 1024 * 1024
    return [Row(f"peak RSS, monitor run over {n:,} new articles ({size / 1e6:.0f} MB of text), Prefect server included",
                f"{both / mb:.0f} MB", "<= 1024 MB", both <= 1024 * mb,
                f"sampled sum of the process trees every 0.1 s, at its peak client {at[2] / mb:.0f} MB + server "
                f"{at[1] / mb:.0f} MB, in the client's {at_stage} stage; client {cli.peak_sum / mb:.0f} MB, "
                f"server {srv.peak_sum / mb:.0f} MB (each tree's own peak); run {wall:.0f} s, {claims:,} claims; "
                f"client process by stage, peak (at its end) MB: {_stages(stages)}")]


def _stages(stages) -> str:
    mb = 1024 * 1024
    return ", ".join(f"{name} {peak / mb:.0f} ({end / mb:.0f}, {secs:.0f} s)" for name, peak, end, secs in stages)


def _joint_peak(proc, srv: TreeSampler, cli: TreeSampler) -> tuple[int, tuple[float, int, int]]:
    """Peak of server + client RSS sampled at the same moments, until the client ends, and
    (unix seconds, server RSS, client RSS) at that peak."""
    peak, at = 0, (time.time(), 0, 0)
    while proc.poll() is None:
        srv.sample()
        cli.sample()
        s, c = _now(srv), _now(cli)
        if s + c > peak:
            peak, at = s + c, (time.time(), s, c)
        time.sleep(0.1)
    return peak, at


def _now(sampler: TreeSampler) -> int:
    import psutil

    total = 0
    try:
        procs = [sampler.root, *sampler.root.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--db-memory-limit", default="",
                    help="DuckDB's buffer pool cap for the run (default: [warehouse] memory_limit's default)")
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("5. Memory", measure(args.articles, args.db_memory_limit), args.json)


if __name__ == "__main__":
    main()
