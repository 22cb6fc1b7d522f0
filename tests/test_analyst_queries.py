"""The README's analyst queries, run as written against a warehouse of the ledger fixtures;
and the `sahelwatch verdict` command as an analyst runs it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ledger_helpers import event_of, fixture_articles, load_and_extract
from warehouse import load as wh
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[1]


def readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Ad-hoc SQL\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def db(tmp_path_factory, kb):
    path = tmp_path_factory.mktemp("analyst") / "analyst.duckdb"
    load_and_extract(path, kb, "20150801T000000Z-sql", fixture_articles())
    con = connect(path)
    try:
        wh.load_sources(con, [{"id": s, "kind": "feed", "url": f"https://{s}.example/rss", "lang": "en"}
                              for s in ("sahel_daily", "maghreb_times", "desert_observer")])
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def answers(db):
    con = connect(db, read_only=True)
    try:
        return [con.execute(q).fetchall() for q in readme_queries()]
    finally:
        con.close()


def test_readme_shows_the_five_analyst_queries():
    assert len(readme_queries()) >= 6  # the v_events example and the five questions


def test_contradictions_with_who_said_what(answers):
    rows = answers[1]
    assert [(r[1], r[2]) for r in rows] == [("Sahel Daily", "asserted"), ("Maghreb Times", "denied")]
    assert all(r[4] == "al-Mourabitoun" and r[5] == "Islamic State" and "pledged to al-Qaeda" in r[6] for r in rows)


def test_timeline_of_a_group(answers):
    rows = answers[2]
    kinds = {(r[1], r[2], r[3]) for r in rows}
    assert ("kb", "merged_into", "object") in kinds and ("kb", "pledged_to", "subject") in kinds
    assert ("contradicts", "pledge", "subject") in kinds
    assert [r[0] for r in rows if r[0]] == sorted(r[0] for r in rows if r[0])


def test_allegiances_as_of_a_date(answers):
    rows = {(r[0], r[1]) for r in answers[3]}
    assert ("al-Qaeda", "al-Mourabitoun") in rows and ("Islamic State", "Jund al-Khilafah") in rows
    assert ("al-Qaeda", "Jama'at Nusrat al-Islam wal-Muslimin") not in rows  # JNIM was founded in 2017
    assert ("Islamic State", "Islamic State in the Greater Sahara") in rows


def test_unknown_actors(answers):
    assert answers[4][0][0] == "Katibat al-Arqam" and answers[4][0][1] == 1


def test_source_health(answers):
    assert {r[0] for r in answers[5]} == {"sahel_daily", "maghreb_times", "desert_observer"}


def sahelwatch(*args):
    return subprocess.run([sys.executable, "-m", "flows", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_verdict_command(db):
    con = connect(db, read_only=True)
    try:
        unknown = event_of(con, "pledge", None, "Katibat al-Arqam")["event_id"]
        pledge = event_of(con, "pledge", "jund_al_khilafah")["event_id"]
    finally:
        con.close()
    out = sahelwatch("verdict", unknown, "confirm", "--note", "group statement", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "+ entity katibat_al_arqam (Katibat al-Arqam)" in out.stdout
    assert "+ relation katibat_al_arqam pledged_to islamic_state" in out.stdout
    bad = sahelwatch("verdict", "0000000000000000", "reject", "--db", str(db))
    assert bad.returncode == 2 and "no event 0000000000000000 in the ledger" in bad.stderr
    bad = sahelwatch("verdict", unknown, "duplicate-of", "--db", str(db))
    assert bad.returncode == 2 and "duplicate-of takes the event it duplicates" in bad.stderr
    out = sahelwatch("verdict", pledge, "reject", "--db", str(db))
    assert out.returncode == 0 and "rejected" in out.stdout
    con = connect(db, read_only=True)
    try:
        assert con.execute("SELECT status, reason FROM v_events WHERE event_id = ?", [unknown]).fetchone() == (
            "known", "known: confirmed by analyst (group statement)")
        assert con.execute("SELECT verdict FROM v_event_sources WHERE event_id = ?", [pledge]).fetchone() == ("reject",)
    finally:
        con.close()
