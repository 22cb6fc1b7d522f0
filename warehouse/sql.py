"""The warehouse's SQL files, read from the package once and cached.

`sql(name)` returns the text of `warehouse/queries/<name>.sql`; `migrations()` and `views()`
list the migration and view files in the order they are applied.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from warehouse.errors import MigrationError

_NAME = re.compile(r"^[a-z0-9_]+$")
_MIGRATION = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class SqlFile:
    """One migration or view file: `name` is the file name without `.sql`."""

    name: str
    filename: str
    text: str
    version: int | None = None  # migrations only: the NNNN prefix


@functools.cache
def sql(name: str) -> str:
    """Text of the named query, `warehouse/queries/<name>.sql` (read once, then cached)."""
    if not _NAME.match(name):
        raise ValueError(f"not a query name: {name!r}")
    return _package_dir("queries").joinpath(f"{name}.sql").read_text(encoding="utf-8")


def migrations(directory: Path | None = None) -> list[SqlFile]:
    """Migration files `NNNN_name.sql` in version order; a malformed name is an error."""
    out = []
    for filename, text in _sql_files(directory, "migrations"):
        m = _MIGRATION.match(filename)
        if not m:
            raise MigrationError(filename, "migration files are named NNNN_name.sql")
        out.append(SqlFile(filename[:-4], filename, text, int(m.group(1))))
    out.sort(key=lambda f: f.version)
    _check_unique_versions(out)
    return out


def views(directory: Path | None = None) -> list[SqlFile]:
    """View files in name order (each file creates one view)."""
    return [SqlFile(fn[:-4], fn, text) for fn, text in _sql_files(directory, "views")]


def _check_unique_versions(files: list[SqlFile]) -> None:
    for before, after in zip(files, files[1:]):
        if before.version == after.version:
            raise MigrationError(after.filename, f"version {after.version:04d} also used by {before.filename}")


def _sql_files(directory: Path | None, package_dir: str) -> list[tuple[str, str]]:
    if directory is None:
        return _package_files(package_dir)
    return _read_dir(Path(directory))


@functools.cache
def _package_files(package_dir: str) -> list[tuple[str, str]]:
    return _read_dir(_package_dir(package_dir))


def _read_dir(directory) -> list[tuple[str, str]]:
    entries = sorted((e for e in directory.iterdir() if e.name.endswith(".sql")), key=lambda e: e.name)
    return [(e.name, e.read_text(encoding="utf-8")) for e in entries]


def _package_dir(name: str):
    return resources.files("warehouse").joinpath(name)
