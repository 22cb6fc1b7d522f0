"""A warehouse file held by another process: a clear WarehouseLockedError, never a hang."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from warehouse.db import connect, migrate
from warehouse.errors import WarehouseError, WarehouseLockedError

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    """Start another process that opens the file, says 'ready', and keeps it for `seconds`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "held.duckdb"
    con = connect(path)
    migrate(con)
    con.close()
    return path


@pytest.fixture
def holder(db_path: Path):
    proc = _hold(db_path, 60)
    yield proc
    proc.kill()
    proc.wait(timeout=10)


@pytest.mark.parametrize("read_only", [False, True])
def test_file_held_by_another_process_raises_locked_error_quickly(db_path, holder, read_only):
    t0 = time.monotonic()
    with pytest.raises(WarehouseLockedError) as info:
        connect(db_path, read_only=read_only, wait_s=1.0)
    elapsed = time.monotonic() - t0
    assert 0.5 <= elapsed < 5
    err = info.value
    assert isinstance(err, WarehouseError)
    assert err.path == str(db_path) and err.pid == holder.pid
    message = str(err)
    assert str(db_path) in message and f"PID {holder.pid}" in message
    assert "close the other program" in message and "try again" in message


def test_zero_wait_fails_at_once(db_path, holder):
    t0 = time.monotonic()
    with pytest.raises(WarehouseLockedError):
        connect(db_path, wait_s=0)
    assert time.monotonic() - t0 < 2


def test_lock_released_within_wait_is_retried(db_path):
    proc = _hold(db_path, 0.5)
    try:
        con = connect(db_path, wait_s=15)
        assert migrate(con) == []
        con.close()
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.mark.parametrize("process, asked, expected_mb", [
    ("512MB", "128MB", 128),  # the load's small pool below the usual one
    ("64MB", "128MB", 64),    # a lower limit set by the user holds for every connection
    ("1GB", None, 1000),
])
def test_connection_memory_limit_is_the_lower_of_process_and_asked(tmp_path, process, asked, expected_mb):
    import warehouse.db as db
    before = db._settings["memory_limit"]
    db.set_memory_limit(process)
    try:
        con = connect(tmp_path / "w.duckdb", memory_limit=asked)
        try:
            got = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        finally:
            con.close()
    finally:
        db.set_memory_limit(before)
    value, unit = got.split()
    mib = float(value) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}[unit]
    assert abs(mib - expected_mb * 1000 ** 2 / 1024 ** 2) < 1, got  # (DuckDB: MB = 1000^2 bytes, shown in MiB)
