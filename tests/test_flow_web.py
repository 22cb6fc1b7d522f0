"""Acceptance of the web sources: the monitor flow against the local news site, under
prefect_test_harness (one temporary Prefect server for the module)."""
import shutil
from dataclasses import replace

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.commands.demo import sources_yaml
from flows.commands.run import format_summary
from flows.demo.site import BAD_PATHS, NewsSite
from flows.monitor import monitor
from flows.settings import load_settings
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

pytestmark = pytest.mark.flow

WAVE1 = 12
FEEDS_AND_SEARCH = ("/sahel-daily/feed.xml", "/courrier/atom.xml", "/maghreb-monitor/feed.xml",
                    "/search/rss", "/gdelt/api/v2/doc/doc")


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def site():
    with NewsSite(slow_s=4) as s:
        yield s


def settings_for(tmp_path, sources_text):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "entities.yaml", seeds / "entities.yaml")
    (seeds / "sources.yaml").write_text(sources_text, encoding="utf-8")
    base = load_settings(env={}, cwd=tmp_path)
    fetch = replace(base.fetch, allow_private_networks=("127.0.0.0/8",), per_host_interval_s=0.0,
                    per_host_concurrency=8, honour_poll_minutes=False, connect_timeout_s=2.0,
                    read_timeout_s=1.5, deadline_s=10.0, retries=1, retry_backoff_s=0.05,
                    max_body_bytes=1_000_000, max_decompressed_bytes=2_000_000)
    return replace(base, db_path=tmp_path / "w.duckdb", outbox_dir=tmp_path / "outbox", seeds_dir=seeds, fetch=fetch)


def query(db, sql, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_first_run_loads_all_second_is_conditional_then_a_copied_story_is_one_story(tmp_path, site):
    settings = settings_for(tmp_path, sources_yaml(site, bad=False))
    first = monitor(settings)
    assert first["articles_new"] == WAVE1 and first["errors"] == 0, first["error_lines"]
    urls = query(settings.db_path, "SELECT url FROM articles")
    assert len(urls) == WAVE1 == len(set(urls))
    assert all("utm_" not in u for (u,) in urls)
    assert query(settings.db_path, "SELECT count(*) FROM source_cursors")[0][0] >= 5

    mark = len(site.requests)
    second = monitor(settings)
    assert (second["articles_new"], second["errors"]) == (0, 0)
    again = site.requests[mark:]
    listing = [r for r in again if r[0].startswith(FEEDS_AND_SEARCH)]
    assert listing and all(cond and status == 304 for _, cond, status in listing)
    assert [r for r in again if r[0].endswith(".html")] == []  # no page fetched
    assert second["sources_by_status"] == {"not_modified": 5}

    fresh = site.publish(2)
    third = monitor(settings)
    assert third["articles_new"] == 2
    new = query(settings.db_path, "SELECT article_id, story_id, url FROM articles WHERE first_run = ?", third["run_id"])
    assert len({story for _, story, _ in new}) == 1  # one story
    story = new[0][1]
    story_urls = query(settings.db_path, "SELECT urls FROM v_stories WHERE story_id = ?", story)[0][0]
    assert sorted(story_urls) == sorted(site.url + s.path for s in fresh)  # with two URLs
    assert third["digests"] and third["events_new"] >= 1


def test_every_bad_case_is_a_recorded_error_and_the_run_completes(tmp_path, site):
    lines = [sources_yaml(site, bad=False).rstrip()]
    lines += [f"  - {{id: bad-{k}, kind: feed, url: '{site.url}{p}'}}" for k, p in BAD_PATHS.items()]
    lines.append("  - {id: bad-private-ip, kind: feed, url: 'http://10.0.0.7/feed.xml'}")
    settings = settings_for(tmp_path, "\n".join(lines) + "\n")
    summary = monitor(settings)
    assert summary["articles_new"] == WAVE1  # the good sources load
    errors = dict(((src, reason) for src, _, reason in query(settings.db_path,
                  "SELECT source_id, item, reason FROM errors WHERE run_id = ?", summary["run_id"])))
    expected = {
        "bad-server_error": "HTTP 500", "bad-slow": "timed out", "bad-redirect_loop": "redirect loop",
        "bad-huge": "body larger than", "bad-gzip_bomb": "decompressed body larger than",
        "bad-malformed": "not a readable feed", "bad-wrong_charset": "wrong declared charset",
        "bad-bogus_304": "not conditional", "bad-to_private": "private address 10.20.30.40",
        "bad-robots": "robots.txt", "bad-missing_page": "HTTP 404", "bad-private-ip": "refused: 10.0.0.7",
    }
    for source, reason in expected.items():
        assert reason in errors.get(source, ""), (source, errors.get(source))
    health = dict(query(settings.db_path, "SELECT source_id, last_status FROM source_health"))
    assert health["bad-server_error"] == "error" and health["sahel-daily"] == "ok"
    assert health["bad-wrong_charset"] == "partial"
    assert not any(r[0] == "/feed.xml" for r in site.requests)  # nothing asked of 10.x
    text = format_summary(summary, settings)
    assert "sources   " in text and "error 10" in text


def test_silent_sources_are_flagged_in_the_summary(tmp_path):
    summary = {"run_id": "r", "articles_seen": 0, "articles_new": 0, "articles_extracted": 0, "claims_new": 0,
               "claims_by_type": {}, "events_new": 0, "events_by_status": {}, "errors": 0, "error_lines": [],
               "digests": [], "sources_by_status": {"not_modified": 2},
               "sources_attention": ["sahel-daily: silent: no new item for 11 days (usually every 24 h)"]}
    text = format_summary(summary, load_settings(env={}, cwd=tmp_path))
    assert "attention 1 source(s) need a look" in text and "! sahel-daily: silent" in text
