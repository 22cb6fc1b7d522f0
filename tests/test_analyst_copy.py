"""Ad-hoc SQL and the scheduled run never block each other: analysts query a read-only
copy refreshed atomically after each run (warehouse.analyst.publish_copy)."""
import subprocess
import sys
import textwrap

import duckdb
import pytest

from ledger_helpers import fixture_articles, load_and_extract
from warehouse.analyst import publish_copy
from warehouse.db import connect
from warehouse.errors import WarehouseError, WarehouseLockedError

HOLD = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    print(con.execute("SELECT count(*) FROM v_events").fetchone()[0], flush=True)
    if sys.argv[2] == "rw":
        con.begin(); con.execute("UPDATE events SET updated_at = now()")  # a run mid-write
    sys.stdin.readline()   # hold the file until the test says so
    print(con.execute("SELECT count(*) FROM v_events").fetchone()[0], flush=True)
""")


def hold(path, mode):
    """Another process holding `path` open (read-only: an analyst; read-write: a run)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    return proc, int(proc.stdout.readline())


def release(proc):
    proc.stdin.write("\n")
    proc.stdin.flush()
    out = int(proc.stdout.readline())
    proc.wait(timeout=30)
    return out


def count_events(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM v_events").fetchone()[0]
    finally:
        con.close()


def test_an_analyst_holding_the_copy_does_not_stop_a_run(tmp_path, kb):
    db, copy = tmp_path / "w.duckdb", tmp_path / "w-analyst.duckdb"
    articles = fixture_articles()
    load_and_extract(db, kb, "r1", articles[:2])
    publish_copy(db, copy)
    analyst, before = hold(copy, "ro")
    try:
        figures = load_and_extract(db, kb, "r2", articles[2:])  # the run writes the warehouse ...
        publish_copy(db, copy, wait_s=0.5)                       # ... and replaces the copy under the analyst
    finally:
        still = release(analyst)
    assert figures["articles_extracted"] == len(articles) - 2
    assert still == before  # the analyst kept a consistent (older) picture while the run went on
    assert count_events(copy) == count_events(db) > before  # the next open sees the new run


def test_a_run_in_progress_does_not_stop_an_analyst(tmp_path, kb):
    db, copy = tmp_path / "w.duckdb", tmp_path / "w-analyst.duckdb"
    load_and_extract(db, kb, "r1", fixture_articles())
    publish_copy(db, copy)
    run, n = hold(db, "rw")  # a run holds the warehouse, in a transaction
    try:
        with pytest.raises(WarehouseLockedError):
            connect(db, read_only=True, wait_s=0.2)  # the warehouse itself is closed to others ...
        con = duckdb.connect(str(copy), read_only=True)  # ... the copy is not: views and macros work
        try:
            assert con.execute("SELECT count(*) FROM v_events").fetchone()[0] == n > 0
            assert con.execute("SELECT count(*) FROM affiliations('2016-01-01')").fetchone()[0] > 0
        finally:
            con.close()
    finally:
        release(run)


def test_the_copy_is_never_the_warehouse_and_no_temporary_file_is_left(tmp_path, kb):
    db = tmp_path / "w.duckdb"
    load_and_extract(db, kb, "r1", fixture_articles()[:1])
    with pytest.raises(WarehouseError, match="cannot be the warehouse itself"):
        publish_copy(db, tmp_path / "." / "w.duckdb")
    publish_copy(db, tmp_path / "copy.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["copy.duckdb", "w.duckdb"]
