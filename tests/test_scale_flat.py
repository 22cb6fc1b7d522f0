"""Issue 7, flat run cost: near-duplicates are looked for among the articles of the last
STORY_WINDOW_DAYS only, and a large load is stored in chunks (bounded memory) that keep
stories across chunks and move the validators only with the last one."""
from __future__ import annotations

from datetime import date

from flows import loading
from flows.fetching import WebResult
from sources.model import Article
from warehouse.db import connect, transaction
from warehouse.sources_state import STORY_WINDOW_DAYS, record_fetch
from warehouse import load as wh

WIRE = ("Gunmen on motorbikes attacked a gendarmerie post near Boulkessi on Tuesday, the army said, "
        "adding that soldiers repelled the assault after two hours of fighting and that several "
        "attackers were killed while three gendarmes were wounded and taken to a hospital in Mopti.")


def article(n: int, text: str = WIRE) -> Article:
    url = f"http://wire.test/story/{n}"
    return Article(url, url, "wire", f"Report {n}", date(2024, 5, 7), "en", text)


def store(con, arts):
    with transaction(con):
        ids = wh.load_articles(con, arts, "r")
        return record_fetch(con, "r", arts, ids, (), ())


def test_a_copy_joins_a_story_of_the_window_but_not_an_older_one(con):
    assert store(con, [article(1)]) == {article(1).article_id: article(1).article_id}
    assert store(con, [article(2)]) == {article(2).article_id: article(1).article_id}  # in the window
    con.execute("UPDATE article_sketches SET loaded_at = loaded_at - to_days(?)", [STORY_WINDOW_DAYS + 1])
    assert store(con, [article(3)]) == {article(3).article_id: article(3).article_id}  # outside: new story
    # the older sketches were forgotten; the new article's stays for the next copies
    assert con.execute("SELECT DISTINCT article_id FROM article_sketches").fetchall() == [(article(3).article_id,)]


def test_a_large_load_is_chunked_with_stories_across_chunks_and_cursors_last(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(loading, "LOAD_CHUNK", 2)
    caplog.set_level("INFO", logger="sahelwatch.run")
    arts = [article(i, WIRE if i in (0, 4) else f"Distinct report number {i}: " + WIRE[::-1]) for i in range(5)]
    cursor = {"source_id": "wire", "url": "http://wire.test/feed", "etag": '"v2"', "last_modified": None}
    inputs = loading.Inputs(articles=arts, web=WebResult(cursors=[cursor]))
    new = loading.store_inputs(tmp_path / "w.duckdb", 1.0, "r", inputs, None)
    assert new == [a.article_id for a in arts]
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("stored ")] == [
        "stored 2/5 articles", "stored 4/5 articles", "stored 5/5 articles"]
    con = connect(tmp_path / "w.duckdb")
    try:
        stories = dict(con.execute("SELECT article_id, story_id FROM articles").fetchall())
        assert stories[arts[4].article_id] == arts[0].article_id  # third chunk found the first's copy
        assert con.execute("SELECT etag FROM source_cursors").fetchall() == [('"v2"',)]
    finally:
        con.close()
