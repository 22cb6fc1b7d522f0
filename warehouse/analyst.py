"""The analysts' read-only copy of the warehouse, refreshed atomically after each run.

DuckDB lets one process hold a database file at a time, so analysts never open the file
the scheduled run writes. After a run, `publish_copy` checkpoints the warehouse (every
change in the file, none left in the WAL) and, still holding it so that nothing changes
underneath, copies the file to a temporary name beside the copy, then renames it over
the copy (`os.replace`: atomic on one file system). An analyst who has the old copy open
keeps reading it undisturbed (POSIX: the old file lives on until closed); the next open
sees the new one. Views and macros are in the file, so they work in the copy.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import duckdb

from warehouse.db import connect
from warehouse.errors import WarehouseError
from warehouse.sql import sql

log = logging.getLogger(__name__)


def publish_copy(db_path: str | Path, copy_path: str | Path, *, wait_s: float = 3.0) -> float:
    """Replace `copy_path` with a consistent copy of the warehouse; returns the seconds it took."""
    db_path, copy_path = Path(db_path), Path(copy_path)
    if db_path.resolve() == copy_path.resolve():
        raise WarehouseError(f"the analysts' copy cannot be the warehouse itself: {copy_path}")
    started = time.perf_counter()
    tmp = copy_path.with_name(f".{copy_path.name}.{os.getpid()}.tmp")
    con = connect(db_path, wait_s=wait_s)
    try:
        con.execute(sql("checkpoint")).fetchall()
        shutil.copyfile(db_path, tmp)  # while held: no other process can write meanwhile
    except (OSError, duckdb.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise WarehouseError(f"cannot copy {db_path} to {copy_path}: {exc}") from exc
    finally:
        con.close()
    os.replace(tmp, copy_path)
    seconds = time.perf_counter() - started
    log.info("analysts' copy %s refreshed (%.1f MB, %.2f s)", copy_path, copy_path.stat().st_size / 1e6, seconds)
    return seconds
