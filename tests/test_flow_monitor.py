"""The monitor flow end to end on the seeds, under prefect_test_harness."""
import email
from dataclasses import replace

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.monitor import monitor
from flows.settings import load_settings

pytestmark = pytest.mark.flow


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=60):
        yield


def settings_for(tmp_path, seeds_dir):
    return replace(load_settings(env={}, cwd=tmp_path), db_path=tmp_path / "w.duckdb",
                   outbox_dir=tmp_path / "outbox", seeds_dir=seeds_dir)


def table_counts(db_path):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "claims", "events", "entities", "relations", "deliveries")}
    finally:
        con.close()


def test_two_runs_digest_once_and_load_nothing_twice(tmp_path, seeds_copy):
    settings = settings_for(tmp_path, seeds_copy)
    first = monitor(settings)
    assert first["articles_new"] == 5 and first["errors"] == 0
    assert first["claims_new"] > 20 and first["events_new"] > 10
    assert len(first["digests"]) == 1
    eml = next((tmp_path / "outbox").glob("*.eml"))
    msg = email.message_from_bytes(eml.read_bytes())
    assert msg.get_content_type() == "multipart/alternative"
    html = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_payload(decode=True).decode()
    assert "Bamako" in html and "Ouagadougou" in html  # evidence of seed attacks
    assert "Tizi Ouzou" not in html  # a 2014 attack recalled in a 2016 seed is historical: not alerted
    counts = table_counts(settings.db_path)

    second = monitor(settings)
    assert (second["articles_new"], second["claims_new"], second["events_new"]) == (0, 0, 0)
    assert second["digests"] == []
    assert table_counts(settings.db_path) == counts
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_bad_seed_and_bad_knowledge_base_are_recorded_and_the_run_goes_on(tmp_path, seeds_copy):
    (seeds_copy / "001_4c83a6919461b5c5.txt").write_bytes(b"\xff\xfe broken")
    (seeds_copy / "entities.yaml").write_text("entities:\n  - id: x\n    name: [broken\n")
    settings = settings_for(tmp_path, seeds_copy)
    summary = monitor(settings)
    assert summary["articles_new"] == 4
    assert any("001_4c83a6919461b5c5.txt" in line and "not UTF-8" in line for line in summary["error_lines"])
    assert any("entities.yaml" in line and "malformed YAML" in line for line in summary["error_lines"])
    assert summary["claims_new"] == 0 and summary["extraction_skipped"]

    (seeds_copy / "entities.yaml").write_bytes((load_settings(env={}).seeds_dir / "entities.yaml").read_bytes())
    repaired = monitor(settings)  # the articles left unread are extracted once the KB is valid
    assert repaired["articles_new"] == 0 and repaired["articles_extracted"] == 4 and repaired["claims_new"] > 10
