"""The warehouse's errors: a small vocabulary the flow can catch and report.

    WarehouseError                  anything the warehouse raises on purpose
    ├── WarehouseLockedError        the DuckDB file is held by another process
    │                               (.path, .pid when DuckDB names it); retry later or
    │                               close the other program (a DuckDB shell, a notebook)
    └── MigrationError              a migration (or view) file failed and was rolled
                                    back (.migration: the file name), or the migration
                                    files and the database's ledger disagree

Raw `duckdb.Error`s from a load are programming errors (bad SQL, a broken constraint) and
are left to propagate; only the conditions above are expected at run time.
"""
from __future__ import annotations


class WarehouseError(Exception):
    """Base class of every error the warehouse raises on purpose."""


class WarehouseLockedError(WarehouseError):
    """The DuckDB file is held by another process (DuckDB allows one writer process)."""

    def __init__(self, path: str, pid: int | None = None, detail: str | None = None, waited_s: float = 0.0):
        self.path = path
        self.pid = pid
        self.detail = detail
        self.waited_s = waited_s
        holder = f"another process (PID {pid})" if pid is not None else "another process"
        super().__init__(
            f"warehouse file {path} is locked by {holder}; waited {waited_s:.1f}s. "
            "DuckDB lets only one process open the file at a time: close the other program "
            "(a DuckDB shell, a notebook, another run) or wait for the running flow to finish, "
            "then try again."
        )


class MigrationError(WarehouseError):
    """A migration failed (it was rolled back, so no partial schema is left)."""

    def __init__(self, migration: str, reason: str):
        self.migration = migration
        self.reason = reason
        super().__init__(f"migration {migration} failed and was rolled back: {reason}")
