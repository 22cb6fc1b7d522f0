"""The monitor flow on a Dask cluster (prefect-dask) gives the same results as on the
default task runner; the analysts' copy is published after each run."""
from dataclasses import replace

import duckdb
import pytest
from distributed import LocalCluster
from prefect.testing.utilities import prefect_test_harness

from flows.monitor import monitor
from flows.settings import RunnerSettings, load_settings

pytestmark = pytest.mark.flow

TABLES = {
    "articles": "SELECT article_id, story_id FROM articles ORDER BY 1",
    "claims": "SELECT claim_id, article_id, event_id, type, subject_id, object_id, date FROM claims ORDER BY 1",
    "events": "SELECT event_id, type, status, n_sources, best_claim_id FROM events ORDER BY 1",
    "extractions": "SELECT article_id, extractor_version FROM extractions ORDER BY 1",
    "deliveries": "SELECT recipient, event_id, status FROM deliveries ORDER BY 1, 2",
}


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=60):
        yield


def snapshot(db_path):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {name: con.execute(q).fetchall() for name, q in TABLES.items()}
    finally:
        con.close()


def settings_in(folder, seeds, runner=RunnerSettings()):
    folder.mkdir()
    return replace(load_settings(env={}, cwd=folder), db_path=folder / "w.duckdb", outbox_dir=folder / "outbox",
                   seeds_dir=seeds, runner=runner)


def test_monitor_on_a_dask_cluster_matches_the_default_runner(tmp_path, seeds_copy):
    default = settings_in(tmp_path / "default", seeds_copy)
    expected = monitor(default)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        # batches of 2 articles: the 5 seed documents make 3 batches, mapped over 2 workers
        on_dask = settings_in(tmp_path / "dask", seeds_copy,
                              RunnerSettings(task_runner=cluster.scheduler_address, batch_size=2))
        got = monitor(on_dask)
        ran = set(cluster.scheduler.task_prefixes)  # what the cluster's workers ran
    assert {"read_sources", "extract_batch"} <= ran and "compare_and_store" not in ran, ran
    assert got["articles_extracted"] == expected["articles_extracted"] == 5
    for key in ("claims_new", "claims_by_type", "events_new", "events_by_status", "errors"):
        assert got[key] == expected[key], key
    want, have = snapshot(default.db_path), snapshot(on_dask.db_path)
    assert want["claims"] and want["events"]
    for name in TABLES:
        assert have[name] == want[name], name


def test_each_run_refreshes_the_analysts_copy_with_views_and_macros(tmp_path, seeds_copy):
    settings = settings_in(tmp_path / "copy", seeds_copy)
    monitor(settings)
    copy = settings.analyst_db_path
    assert copy == settings.db_path.with_name("w-analyst.duckdb") and copy.exists()
    con = duckdb.connect(str(copy), read_only=True)
    try:
        events = con.execute("SELECT count(*) FROM v_events").fetchone()[0]
        pledged = con.execute("SELECT count(*) FROM affiliations('2016-01-01')").fetchone()[0]
    finally:
        con.close()
    assert events == snapshot(settings.db_path)["events"].__len__() > 0 and pledged > 0
