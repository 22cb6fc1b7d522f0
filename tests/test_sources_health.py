"""Source health: failures in a row, items per run, silence against the usual rhythm."""
from datetime import datetime, timedelta, timezone

from sources.health import Outcome, SourceHealth, advance, attention, is_due, usual_gap

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def test_failures_count_up_and_reset():
    h = None
    for i in range(3):
        h = advance(h, Outcome("s", "error", error="HTTP 500"), T0 + timedelta(hours=i))
    assert h.consecutive_failures == 3 and h.last_error == "HTTP 500"
    assert attention(h, 60, T0 + timedelta(hours=3)).startswith("failing 3 runs in a row: HTTP 500")
    h = advance(h, Outcome("s", "ok", items=2), T0 + timedelta(hours=4))
    assert h.consecutive_failures == 0 and h.last_error is None and h.last_items == 2


def test_a_source_silent_far_past_its_rhythm_is_flagged_not_a_quiet_day():
    h = None
    for day in range(10):  # an item a day for ten days
        h = advance(h, Outcome("s", "ok", items=1), T0 + timedelta(days=day))
    assert usual_gap(h) == timedelta(days=1)
    quiet = T0 + timedelta(days=11)
    assert attention(advance(h, Outcome("s", "not_modified"), quiet), 60, quiet) is None
    dead = T0 + timedelta(days=20)
    why = attention(advance(h, Outcome("s", "not_modified"), dead), 60, dead)
    assert why.startswith("silent: no new item for 11 days") and "usually every 24 h" in why


def test_a_source_that_never_brought_anything_is_flagged_after_a_week():
    h = advance(None, Outcome("s", "not_modified"), T0)
    assert attention(h, 60, T0 + timedelta(days=2)) is None
    assert "no item at all" in attention(h, 60, T0 + timedelta(days=8))


def test_poll_interval():
    h = advance(None, Outcome("s", "ok", items=1), T0)
    assert not is_due(h, 60, T0 + timedelta(minutes=20))
    assert is_due(h, 60, T0 + timedelta(minutes=60)) and is_due(None, 60, T0)
    failing = advance(h, Outcome("s", "error", error="x"), T0)
    assert is_due(failing, 60, T0 + timedelta(minutes=1))


def test_skipped_keeps_the_state():
    h = SourceHealth("s", last_status="ok", items_total=3)
    assert advance(h, Outcome("s", "skipped"), T0) is h
