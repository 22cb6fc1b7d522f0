"""Migrations: applied once, in order, each with its ledger row; a broken one leaves nothing."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from warehouse import sql as sqlfiles
from warehouse.db import connect, migrate
from warehouse.errors import MigrationError, WarehouseError

VIEWS = ["v_claims", "v_digests", "v_entity_aliases", "v_errors", "v_event_reports", "v_event_sources",
         "v_events", "v_runs", "v_sources", "v_stories", "v_timeline", "v_unknown_actors"]
TABLES = ["article_sketches", "article_urls", "articles", "claims", "deliveries", "delivery_marks", "entities",
          "entity_aliases", "errors", "event_redirects", "events", "extractions", "kb_added_entities",
          "kb_added_relations", "ledger_state", "outbox", "relations", "runs",
          "schema_migrations", "source_cursors", "source_health", "source_runs", "sources", "verdicts"]


def _tables(con) -> list[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def _views(con) -> list[str]:
    rows = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()
    return [r[0] for r in rows]


@pytest.fixture
def migrations_copy(tmp_path: Path) -> Path:
    """A writable copy of the package's migrations, to add a broken one to."""
    src = resources.files("warehouse").joinpath("migrations")
    dst = tmp_path / "migrations"
    dst.mkdir()
    for f in src.iterdir():
        if f.name.endswith(".sql"):
            (dst / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return dst


def test_migrations_apply_once_and_record_rows(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    applied = migrate(con)
    expected = [f.name for f in sqlfiles.migrations()]
    assert applied == expected and len(applied) >= 4
    ledger = con.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").fetchall()
    assert [(v, n) for v, n, _ in ledger] == [(f.version, f.name) for f in sqlfiles.migrations()]
    assert all(at is not None for _, _, at in ledger)
    assert _tables(con) == TABLES
    assert _views(con) == VIEWS


def test_second_migrate_applies_nothing_and_survives_reopen(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    migrate(con)
    assert migrate(con) == []
    con.close()
    con = connect(path)
    assert migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(sqlfiles.migrations())


def test_every_view_has_a_documented_header_and_selects(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    for view in sqlfiles.views():
        header = view.text.split("CREATE", 1)[0]
        assert header.startswith(f"-- {view.name}:"), view.filename
        assert "Example" in header and "SELECT" in header, view.filename
        macro = "MACRO" in view.text.split("AS TABLE", 1)[0] and "AS TABLE" in view.text  # a table macro
        source = f"{view.name}('2000-01-01')" if macro else view.name
        assert con.execute(f"SELECT * FROM {source}").fetchall() == []  # names from our own files


@pytest.mark.parametrize("broken_sql", [
    "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE oops (x INTEGR NOT NULL;\n",  # syntax error
    "CREATE TABLE half_done (x INTEGER);\nINSERT INTO half_done VALUES ('not a number');\n",  # runtime
], ids=["syntax", "runtime"])
def test_broken_migration_names_file_and_leaves_no_partial_schema(tmp_path, migrations_copy, broken_sql):
    (migrations_copy / "0099_broken.sql").write_text(broken_sql, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(MigrationError) as info:
        migrate(con, migrations_dir=migrations_copy)
    assert info.value.migration == "0099_broken.sql"
    assert "0099_broken.sql" in str(info.value)
    assert "half_done" not in _tables(con)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()]
    assert 99 not in versions and len(versions) == len(sqlfiles.migrations())
    # Fixing the file lets the next migrate apply it.
    (migrations_copy / "0099_broken.sql").write_text("CREATE TABLE half_done (x INTEGER);\n", encoding="utf-8")
    assert migrate(con, migrations_dir=migrations_copy) == ["0099_broken"]


def test_broken_first_migration_leaves_only_the_ledger(tmp_path):
    mig = tmp_path / "m"
    mig.mkdir()
    (mig / "0001_first.sql").write_text("CREATE TABLE a (x INTEGER);\nSELECT * FROM nowhere;\n")
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(MigrationError, match="0001_first.sql"):
        migrate(con, migrations_dir=mig, views_dir=tmp_path)
    assert _tables(con) == ["schema_migrations"]
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 0


def test_badly_named_or_duplicate_migrations_are_refused(tmp_path, migrations_copy):
    con = connect(tmp_path / "w.duckdb")
    (migrations_copy / "0001_again.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="0001"):
        migrate(con, migrations_dir=migrations_copy)
    (migrations_copy / "0001_again.sql").unlink()
    (migrations_copy / "fix-things.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="fix-things.sql"):
        migrate(con, migrations_dir=migrations_copy)


def test_database_migrated_by_newer_code_is_refused(tmp_path, migrations_copy):
    con = connect(tmp_path / "w.duckdb")
    (migrations_copy / "0050_future.sql").write_text("CREATE TABLE future (x INTEGER);")
    migrate(con, migrations_dir=migrations_copy)
    with pytest.raises(MigrationError, match="0050_future"):
        migrate(con)


def test_connect_reports_a_missing_directory_as_warehouse_error(tmp_path):
    with pytest.raises(WarehouseError, match="cannot open warehouse file"):
        connect(tmp_path / "no" / "such" / "dir" / "w.duckdb")


def test_named_queries_load_once_and_refuse_odd_names():
    assert sqlfiles.sql("counts") is sqlfiles.sql("counts")
    with pytest.raises(ValueError):
        sqlfiles.sql("../migrations/0001_runs_sources_articles")
