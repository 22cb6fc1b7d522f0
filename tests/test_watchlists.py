"""Recipients and watchlists: configuration, lineage through the KB relations, filters,
daily schedule. Real warehouse (DuckDB file) filled from fixture articles."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from alerts.schedule import is_due, last_slot
from digest_world import add_article, analyst, ingest, make_seeds, settings_for
from flows.delivery import deliver_digests
from flows.settings import Recipient, SettingsError, Watchlist, load_settings
from warehouse import outbox, read
from warehouse.db import connect


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("watch")
    seeds = make_seeds(tmp / "seeds", ["boulkessi", "tongo_tongo", "sokolo"])
    settings = settings_for(tmp, seeds, [])
    ingest(settings)
    return settings


def pending(settings, **watch):
    con = connect(settings.db_path)
    try:
        entity_ids = None
        if "entities" in watch:
            entity_ids = list(outbox.watched_entities(con, watch.pop("entities")).lineage)
        items = read.pending_digest_items(con, "x@desk.example", ["new", "known"], entity_ids=entity_ids, **watch)
        return sorted(i["subject_name"] for i in items)
    finally:
        con.close()


def test_following_jnim_follows_its_constituent_groups(loaded):
    con = connect(loaded.db_path)
    try:
        followed = outbox.watched_entities(con, ["JNIM"])
        by_alias = outbox.watched_entities(con, ["jama'at nusrat al-islam wal-muslimin", "Nobody Known"])
    finally:
        con.close()
    assert followed.named == ("jnim",)
    assert {"ansar_dine", "katiba_macina", "al_mourabitoun", "mujao", "al_mulathamun",
            "iyad_ag_ghaly"} <= set(followed.lineage)
    assert "isgs" not in followed.lineage and "islamic_state" not in followed.lineage
    assert by_alias.named == ("jnim",) and by_alias.unmatched == ("Nobody Known",)


def test_watchlist_filters_entities_types_and_countries(loaded):
    jnim, katiba, isgs = ("Jama'at Nusrat al-Islam wal-Muslimin", "Katiba Macina",
                          "Islamic State in the Greater Sahara")
    assert pending(loaded) == sorted([jnim, katiba, isgs])
    assert pending(loaded, entities=["JNIM"]) == sorted([jnim, katiba])  # lineage
    assert pending(loaded, entities=["Katiba Macina"]) == [katiba]      # not upwards
    assert pending(loaded, entities=["ISGS"]) == [isgs]
    assert pending(loaded, entities=["no such group"]) == []
    assert pending(loaded, countries=["niger"]) == [isgs]
    assert pending(loaded, types=["pledge"]) == []
    assert pending(loaded, entities=["JNIM"], countries=["Niger"]) == []


def test_config_reads_recipients_watchlists_schedule(tmp_path):
    (tmp_path / "sahelwatch.toml").write_text('''
[schedule]
cron = "0 * * * *"
timezone = "Africa/Bamako"

[smtp]
host = "smtp.example.org"
port = 465
ssl = true
password_secret = "sahelwatch-smtp"

[[recipients]]
name = "Sahel desk"
email = "sahel@example.org"
entities = ["JNIM", "ISGS"]
types = ["pledge", "attack"]
countries = ["Mali", "Burkina Faso"]
statuses = ["new", "contradicts"]
frequency = "daily"
hour = 6
timezone = "Africa/Bamako"

[[recipients]]
email = "all@example.org"
''', encoding="utf-8")
    s = load_settings(env={}, cwd=tmp_path)
    desk, everything = s.recipients
    assert desk.watch == Watchlist(("JNIM", "ISGS"), ("pledge", "attack"), ("Mali", "Burkina Faso"))
    assert (desk.frequency, desk.hour, desk.timezone, desk.statuses) == ("daily", 6, "Africa/Bamako",
                                                                          ("new", "contradicts"))
    assert everything == Recipient("all@example.org", "all@example.org")
    assert (s.schedule.cron, s.schedule.timezone) == ("0 * * * *", "Africa/Bamako")
    assert s.smtp.ssl and not s.smtp.starttls and s.smtp.password_secret == "sahelwatch-smtp"
    assert load_settings(env={"SAHELWATCH_CRON": "*/5 * * * *"}, cwd=tmp_path).schedule.cron == "*/5 * * * *"


def test_default_config_is_one_recipient_following_everything_each_run(tmp_path):
    [r] = load_settings(env={}, cwd=tmp_path).recipients
    assert r.watch == Watchlist() and r.frequency == "each_run"


@pytest.mark.parametrize("entry, message", [
    ('email = "a@x.org"\ntypes = ["pledges"]', "types"),
    ('email = "a@x.org"\nfrequency = "weekly"', "frequency"),
    ('email = "a@x.org"\nhour = 24', "hour"),
    ('email = "a@x.org"\nmax_events = 0', "max_events"),
    ('email = "a@x.org"\nmax_events = "all"', "max_events"),
    ('email = "a@x.org"\ntimezone = "Mars/Olympus"', "time zone"),
    ('email = "a@x.org"\nstatuses = ["urgent"]', "statuses"),
    ('email = "a@x.org"\nentities = "JNIM"', "entities"),
    ('name = "No address"', "email"),
])
def test_invalid_recipient_names_the_problem(tmp_path, entry, message):
    (tmp_path / "sahelwatch.toml").write_text(f"[[recipients]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(env={}, cwd=tmp_path)


def test_daily_digest_is_due_once_a_day_from_its_hour():
    bamako = "Africa/Bamako"  # UTC+0, no DST
    at = datetime(2026, 11, 21, 5, 30, tzinfo=timezone.utc)
    assert last_slot(at, 6, bamako) == datetime(2026, 11, 20, 6, tzinfo=timezone.utc)
    assert is_due("daily", at, None, hour=6, tz=bamako)
    assert not is_due("daily", at, at - timedelta(hours=20), hour=6, tz=bamako)  # built yesterday 09:30
    assert is_due("daily", at + timedelta(hours=1), at - timedelta(minutes=30), hour=6, tz=bamako)
    assert not is_due("daily", at + timedelta(hours=2), at + timedelta(hours=1), hour=6, tz=bamako)
    assert is_due("each_run", at, at, hour=6, tz=bamako)
    tokyo = datetime(2026, 11, 21, 22, 0, tzinfo=timezone.utc)  # 07:00 on the 22nd in Tokyo
    assert last_slot(tokyo, 7, "Asia/Tokyo") == datetime(2026, 11, 21, 22, 0, tzinfo=timezone.utc)


def test_daily_recipient_waits_for_the_hour_and_the_events_wait_with_it(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    daily = replace(analyst("day@desk.example"), frequency="daily", hour=6)
    settings = settings_for(tmp_path, seeds, [daily])
    morning = datetime(2026, 11, 21, 6, 5, tzinfo=timezone.utc)
    run = ingest(settings)
    assert len(deliver_digests(settings, run["run_id"], run, now=morning).delivered) == 1
    add_article(seeds, "sokolo")
    run = ingest(settings)
    assert deliver_digests(settings, run["run_id"], run, now=morning + timedelta(hours=8)).delivered == []
    next_day = deliver_digests(settings, run["run_id"], run, now=morning + timedelta(days=1))
    assert len(next_day.delivered) == 1


def test_unknown_watchlist_name_is_reported_and_shown(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", ["boulkessi"])
    settings = settings_for(tmp_path, seeds, [analyst("a@desk.example", "JNIM", "Boko Harem")])
    run = ingest(settings)
    report = deliver_digests(settings, run["run_id"], run)
    assert report.problems == ["watchlist of a@desk.example: 'Boko Harem' matches no known entity"]
    html = (tmp_path / "outbox").glob("*.html").__next__().read_text(encoding="utf-8")
    assert "following JNIM, with" in html and "not in the knowledge base: Boko Harem" in html
