"""Memory: peak RSS of a `monitor` run over N new articles (default 10,000), Prefect's
server included.

    .venv/bin/python bench/bench_memory.py [--articles 10000] [--json FILE]

A real `prefect server start` (PREFECT_HOME in a temporary folder) and, in another
process, one monitor run over N new articles given as seed files (3-8 KB texts from
bench/corpus.py). Both process trees are sampled every 0.1 s with psutil; reported: the
peak of the summed RSS of every process alive at the same moment (client and server
trees), and each tree's own peak. Target: <= 1 GB.
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

from bench.common import ROOT, PrefectServer, Row, TreeSampler, emit  # noqa: E402
from bench.corpus import pages as make_pages  # noqa: E402
from sources.pages import parse_page  # noqa: E402

CLIENT = r"""
import sys
from dataclasses import replace
from pathlib import Path
from flows.settings import load_settings
from flows.monitor import monitor
folder = Path(sys.argv[1])
s = replace(load_settings(env={}, cwd=folder), db_path=folder / "w.duckdb", outbox_dir=folder / "outbox",
            seeds_dir=folder / "seeds")
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


def measure(n: int) -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    try:
        size = write_seeds(folder / "seeds", n)
        with PrefectServer(folder / "prefect") as server, TreeSampler(server.proc.pid) as srv:
            t = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", CLIENT, str(folder)], env=server.env, cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with TreeSampler(proc.pid) as cli:
                both = _joint_peak(proc, srv, cli)
            out, err = proc.communicate()
            wall = time.perf_counter() - t
            if proc.returncode:
                raise RuntimeError(err[-3000:])
        new, extracted, claims = (int(x) for x in out.splitlines()[-1].split())
        assert new == extracted == n, (new, extracted)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mb = 1024 * 1024
    return [Row(f"peak RSS, monitor run over {n:,} new articles ({size / 1e6:.0f} MB of text), Prefect server included",
                f"{both / mb:.0f} MB", "<= 1024 MB", both <= 1024 * mb,
                f"sampled sum of the process trees every 0.1 s: client {cli.peak_sum / mb:.0f} MB, "
                f"server {srv.peak_sum / mb:.0f} MB (each tree's own peak); run {wall:.0f} s, {claims:,} claims")]


def _joint_peak(proc, srv: TreeSampler, cli: TreeSampler) -> int:
    """Peak of server + client RSS sampled at the same moments, until the client ends."""
    peak = 0
    while proc.poll() is None:
        srv.sample()
        cli.sample()
        peak = max(peak, _now(srv) + _now(cli))
        time.sleep(0.1)
    return peak


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
    ap.add_argument("--json")
    args = ap.parse_args()
    emit("5. Memory", measure(args.articles), args.json)


if __name__ == "__main__":
    main()
