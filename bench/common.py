"""Shared by the benchmark scripts: result rows, medians, the project on sys.path, and
the peak RSS of a process tree (sampled with psutil)."""
from __future__ import annotations

import json
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Row:
    measure: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: no target
    note: str = ""


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    """'median (min-max, n runs)'."""
    if len(values) == 1:
        return f"{fmt.format(values[0])} (1 run)"
    return f"{fmt.format(median(values))} (min {fmt.format(min(values))}, max {fmt.format(max(values))}, {len(values)} runs)"


def emit(title: str, rows: list[Row], json_path: str | None) -> None:
    """Print the rows as a markdown table, and write them as JSON for bench/run_all.py."""
    print(f"### {title}\n\n| measure | value | target | holds | note |\n|---|---|---|---|---|")
    for r in rows:
        holds = "" if r.ok is None else ("yes" if r.ok else "**no**")
        print(f"| {r.measure} | {r.value} | {r.target} | {holds} | {r.note} |")
    if json_path:
        Path(json_path).write_text(json.dumps({"title": title, "rows": [asdict(r) for r in rows]}), encoding="utf-8")


class TreeSampler:
    """Samples the RSS of a process and all its descendants every `interval_s`: the peak of
    the sum (processes alive at the same moment) and the sum of each process's peak."""

    def __init__(self, pid: int, interval_s: float = 0.1):
        import psutil

        self.root, self.interval_s = psutil.Process(pid), interval_s
        self.peak_sum, self.per_process, self._stop = 0, {}, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        import psutil

        total = 0
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for p in procs:
            try:
                rss, key = p.memory_info().rss, (p.pid, p.create_time())
            except psutil.Error:  # ended (or a zombie) since the listing
                continue
            total += rss
            self.per_process[key] = max(self.per_process.get(key, 0), rss)
        self.peak_sum = max(self.peak_sum, total)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval_s)


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrefectServer:
    """A real `prefect server start` on 127.0.0.1, PREFECT_HOME in a temporary folder.
    `started_s`: seconds until /api/health answered. `env`: what a client process needs."""

    def __init__(self, home: Path):
        import os

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": self.url,
                    "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
                    "PREFECT_UI_ENABLED": "false"}
        self.proc = None
        self.started_s = 0.0
        self.home = home

    @staticmethod
    def _log(home: Path):
        home.mkdir(parents=True, exist_ok=True)
        return open(home / "server.log", "ab")  # noqa: SIM115 - the server's lifetime

    def __enter__(self) -> "PrefectServer":
        import subprocess
        import urllib.request

        t = time.perf_counter()
        home = self.home
        self.proc = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host",
                                      "127.0.0.1", "--port", str(self.port)],
                                     env={k: v for k, v in self.env.items() if k != "PREFECT_API_URL"},
                                     stdout=self._log(home), stderr=subprocess.STDOUT)
        while time.perf_counter() - t < 120:
            try:
                urllib.request.urlopen(f"{self.url}/health", timeout=2).read()
                self.started_s = time.perf_counter() - t
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("prefect server start exited")
                time.sleep(0.3)
        raise RuntimeError("prefect server did not answer within 120 s")

    def __exit__(self, *exc) -> None:
        import psutil

        if self.proc is None:
            return
        try:
            kids = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.Error:
            kids = []
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except Exception:  # noqa: BLE001 - a stuck server is killed
            self.proc.kill()
        for k in kids:
            try:
                k.terminate()
            except psutil.Error:
                pass
