"""Opening the warehouse file and bringing its schema up to date.

DuckDB lets one process hold a database file at a time (even a read-only open fails while
another process has it), so `connect` retries briefly and then raises
`WarehouseLockedError` instead of hanging or surfacing a raw `duckdb.IOException`.
"""
from __future__ import annotations

import contextlib
import logging
import re
import time
from pathlib import Path
from typing import Iterator

import duckdb

from warehouse import sql as sqlfiles
from warehouse.errors import MigrationError, WarehouseError, WarehouseLockedError

log = logging.getLogger(__name__)

MEMORY_LIMIT = "512MB"  # DuckDB's buffer pool per open warehouse (DuckDB's own default: 80% of RAM)
_settings = {"memory_limit": MEMORY_LIMIT}
_LOCK = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)
_PID = re.compile(r"\(PID (\d+)\)")


def connect(path: str | Path, *, read_only: bool = False, wait_s: float = 3.0,
            memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, retrying a held lock for up to `wait_s` seconds. `memory_limit`
    ("128MB"): this connection's buffer pool, where it is below the process's (`set_memory_limit`:
    a lower limit set by the user holds for every connection).

    Raises `WarehouseLockedError` (naming the file and the holder's PID) when another process
    keeps the file, and `WarehouseError` for any other failure to open it.
    """
    path = str(path)
    deadline = time.monotonic() + max(wait_s, 0.0)
    started, delay = time.monotonic(), 0.05
    while True:
        try:
            config = dict(_settings, memory_limit=lower_limit(_settings["memory_limit"], memory_limit))
            con = duckdb.connect(path, read_only=read_only, config=config)
            con.execute(sqlfiles.sql("connection_settings")).fetchall()  # no progress bar on our stdout
            return con
        except duckdb.IOException as exc:
            if not _LOCK.search(str(exc)):
                raise WarehouseError(f"cannot open warehouse file {path}: {exc}") from exc
            if time.monotonic() + delay > deadline:
                raise _locked(path, exc, time.monotonic() - started) from exc
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open warehouse file {path}: {exc}") from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def set_memory_limit(limit: str) -> None:
    """The buffer pool limit of the connections opened from now on in this process
    ("512MB", "1GB"; `[warehouse] memory_limit`): DuckDB spills to disk beyond it."""
    _settings["memory_limit"] = str(limit)


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)


def lower_limit(limit: str, other: str | None) -> str:
    """The lower of two DuckDB memory limits ("512MB", "1GB", "2GiB"); `limit` when `other` is
    unset or either is not a size this reads (DuckDB itself reports a bad setting)."""
    a, b = _size(limit), _size(other or "")
    return other if a is not None and b is not None and b < a else limit


def _size(text: str) -> float | None:
    m = _SIZE.fullmatch(text)
    if m is None:
        return None
    return float(m.group(1)) * 1024 ** "BKMGT".index(m.group(2).upper() or "B")


def _locked(path: str, exc: Exception, waited_s: float) -> WarehouseLockedError:
    m = _PID.search(str(exc))
    return WarehouseLockedError(path, int(m.group(1)) if m else None, str(exc), waited_s)


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT, or ROLLBACK and re-raise if the block fails.

    Inside a transaction the caller already opened, the block simply joins it: the caller
    commits or rolls back (DuckDB has no savepoints), so several loads can be made atomic.
    """
    if not _begin(con):
        yield con
        return
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


def _begin(con: duckdb.DuckDBPyConnection) -> bool:
    """Start a transaction; False when one is already open on this connection.

    DuckDB's Python API cannot say whether a transaction is open, and a failed BEGIN would
    abort the open one; but inside a transaction two statements share one transaction id,
    while in autocommit each statement gets a new one.
    """
    first = con.execute(sqlfiles.sql("txid_current")).fetchall()[0][0]
    if con.execute(sqlfiles.sql("txid_current")).fetchall()[0][0] == first:
        return False
    con.begin()
    return True


def migrate(con: duckdb.DuckDBPyConnection, *, migrations_dir: Path | None = None,
            views_dir: Path | None = None) -> list[str]:
    """Apply pending migrations in order, then (re)create every view; return names applied.

    Each migration runs in its own transaction together with its row in `schema_migrations`;
    a failing one is rolled back and raised as `MigrationError` naming its file.
    The directories default to the package's `migrations/` and `views/`.
    """
    files = sqlfiles.migrations(migrations_dir)
    con.execute(sqlfiles.sql("schema_migrations_create")).fetchall()
    applied = _applied_versions(con)
    _check_ledger(applied, files)
    done = [_apply(con, f) for f in files if f.version not in applied]
    _create_views(con, sqlfiles.views(views_dir))
    return done


def _applied_versions(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    return dict(con.execute(sqlfiles.sql("schema_migrations_applied")).fetchall())


def _check_ledger(applied: dict[int, str], files: list[sqlfiles.SqlFile]) -> None:
    known = {f.version: f.name for f in files}
    for version, name in sorted(applied.items()):
        if version not in known:
            raise MigrationError(f"{name}.sql", "applied to this database but missing from the code "
                                 "(the database was migrated by a newer version of sahelwatch)")
        if known[version] != name:
            raise MigrationError(f"{known[version]}.sql", f"version {version:04d} was applied as {name}")


def _apply(con: duckdb.DuckDBPyConnection, migration: sqlfiles.SqlFile) -> str:
    log.info("applying migration %s", migration.filename)
    try:
        with transaction(con):
            con.execute(migration.text).fetchall()
            con.execute(sqlfiles.sql("schema_migrations_record"), [migration.version, migration.name]).fetchall()
    except duckdb.Error as exc:
        raise MigrationError(migration.filename, str(exc)) from exc
    return migration.name


def _create_views(con: duckdb.DuckDBPyConnection, views: list[sqlfiles.SqlFile]) -> None:
    with transaction(con):
        for view in views:
            try:
                con.execute(view.text).fetchall()
            except duckdb.Error as exc:
                raise MigrationError(view.filename, str(exc)) from exc
