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


# The monitor flow's tasks (functions of flows/monitor.py), by stage, for StageProbe.
MONITOR_STAGES = {
    "read_knowledge_base": "kb", "read_fetch_state": "fetch", "read_sources": "fetch",
    "load_articles": "load", "plan_extraction": "extract", "extract_batch": "extract",
    "compare_and_store": "extract", "finish_extraction": "extract", "extract_and_compare": "extract",
    "deliver_digests": "deliver", "finish_run": "finish", "publish_analyst_copy": "analyst-copy",
}
STAGE_ORDER = ("startup", "kb", "fetch", "load", "extract", "deliver", "finish", "analyst-copy", "end")


class StageProbe:
    """In the measured process: every `interval_s`, this process's RSS and the monitor stage
    its threads are in (the outermost flows/monitor.py function on any thread's stack),
    written as 'unix_seconds<TAB>rss_bytes<TAB>stage' lines to `path` when stopped (so another
    process can tell which stage a moment fell in). Stages never go back: a sample taken
    between two tasks keeps the last stage seen."""

    def __init__(self, path: Path, interval_s: float = 0.05):
        import os

        self.path, self.interval_s, self.rows = Path(path), interval_s, []
        self._page, self._stop = os.sysconf("SC_PAGE_SIZE"), threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="stage-probe")
        self._stage = "startup"

    def __enter__(self) -> "StageProbe":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._stage = "end"
        self._record()
        self.path.write_text("".join(f"{t:.3f}\t{rss}\t{stage}\n" for t, rss, stage in self.rows), encoding="utf-8")

    def _rss(self) -> int:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * self._page

    def _current(self) -> str | None:
        found = None
        me = threading.get_ident()
        for ident, frame in sys._current_frames().items():
            if ident == me:
                continue
            while frame is not None:  # innermost -> outermost: the last hit is the outermost
                code = frame.f_code
                if code.co_name in MONITOR_STAGES and code.co_filename.endswith("monitor.py"):
                    stage = MONITOR_STAGES[code.co_name]
                    if found is None or STAGE_ORDER.index(stage) > STAGE_ORDER.index(found):
                        found = stage
                frame = frame.f_back
        return found

    def _record(self) -> None:
        stage = self._current()
        if stage and STAGE_ORDER.index(stage) > STAGE_ORDER.index(self._stage):
            self._stage = stage
        self.rows.append((time.time(), self._rss(), self._stage))

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._record()
            self._stop.wait(self.interval_s)


def stage_peaks(rows: Sequence[tuple[float, int, str]]) -> list[tuple[str, int, int, float]]:
    """(stage, peak RSS, RSS at its end, seconds) per stage seen, in flow order."""
    out: dict[str, list] = {}
    for t, rss, stage in rows:
        s = out.setdefault(stage, [0, 0, t, t])
        s[0], s[1], s[3] = max(s[0], rss), rss, t
    return [(k, v[0], v[1], v[3] - v[2]) for k, v in sorted(out.items(), key=lambda kv: STAGE_ORDER.index(kv[0]))]


def read_stage_rows(path: Path) -> list[tuple[float, int, str]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        t, rss, stage = line.split("\t")
        rows.append((float(t), int(rss), stage))
    return rows


def stage_at(rows: Sequence[tuple[float, int, str]], moment: float) -> str:
    """The stage the probed process was in at `moment` (unix seconds)."""
    stage = rows[0][2] if rows else "?"
    for t, _, s in rows:
        if t > moment:
            break
        stage = s
    return stage
