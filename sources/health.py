"""Source health: per source, the last outcome, failures in a row, items per run, the
reason of the last error, and whether it has gone silent. Pure: the clock is an argument.

A source is *silent* when no new item has come for much longer than its usual rhythm
(the mean time between runs that brought items, times SILENCE_FACTOR, and never less than
a few poll intervals); a source that keeps failing is flagged too. A dead feed must not
look like a quiet week.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

STATUSES = ("ok", "not_modified", "partial", "error", "skipped")
SILENCE_FACTOR = 4.0
MIN_POLLS = 4               # never call a source silent before this many poll intervals
NEW_SOURCE_GRACE = timedelta(days=7)  # a source that never brought anything: flagged after this
FAILURES_TO_FLAG = 3


@dataclass(frozen=True, slots=True)
class SourceHealth:
    source_id: str
    last_status: str | None = None
    last_checked_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = None
    last_items: int = 0
    items_total: int = 0
    item_runs: int = 0              # runs that brought at least one item
    first_checked_at: datetime | None = None
    first_item_at: datetime | None = None
    last_item_at: datetime | None = None
    last_success_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one run got from one source."""

    source_id: str
    status: str
    items: int = 0
    error: str | None = None
    requests: int = 0
    not_modified: int = 0
    seconds: float = 0.0


def is_due(h: SourceHealth | None, poll_minutes: int, now: datetime) -> bool:
    """Polled never, or at least poll_minutes ago (a failing source is retried each run)."""
    if h is None or h.last_checked_at is None or h.consecutive_failures:
        return True
    return now - h.last_checked_at >= timedelta(minutes=poll_minutes) - timedelta(seconds=30)


def advance(h: SourceHealth | None, o: Outcome, now: datetime) -> SourceHealth:
    """The health after this run's outcome (a skipped source keeps its state)."""
    h = h or SourceHealth(o.source_id)
    if o.status == "skipped":
        return h
    failed = o.status == "error"
    got = o.items > 0
    return replace(
        h, last_status=o.status, last_checked_at=now,
        consecutive_failures=h.consecutive_failures + 1 if failed else 0,
        last_error=o.error if o.error else (h.last_error if failed else None),
        last_items=o.items, items_total=h.items_total + o.items, item_runs=h.item_runs + int(got),
        first_checked_at=h.first_checked_at or now,
        first_item_at=h.first_item_at or (now if got else None),
        last_item_at=now if got else h.last_item_at,
        last_success_at=h.last_success_at if failed else now)


def usual_gap(h: SourceHealth) -> timedelta | None:
    """Mean time between runs that brought items (None before two such runs)."""
    if h.item_runs < 2 or h.first_item_at is None or h.last_item_at is None:
        return None
    return (h.last_item_at - h.first_item_at) / (h.item_runs - 1)


def attention(h: SourceHealth, poll_minutes: int, now: datetime) -> str | None:
    """Why this source needs a look (failing, or silent past its rhythm), or None."""
    if h.consecutive_failures >= FAILURES_TO_FLAG:
        return f"failing {h.consecutive_failures} runs in a row: {h.last_error}"
    floor = timedelta(minutes=poll_minutes) * MIN_POLLS
    if h.last_item_at is None:
        since = h.first_checked_at
        if since and now - since > max(NEW_SOURCE_GRACE, floor):
            return f"no item at all since it was first checked {_ago(now - since)} ago"
        return None
    gap = usual_gap(h)
    limit = max(floor, gap * SILENCE_FACTOR) if gap else max(floor, NEW_SOURCE_GRACE)
    silent_for = now - h.last_item_at
    if silent_for > limit:
        usual = f"usually every {_ago(gap)}" if gap else "too few items yet to know its rhythm"
        return f"silent: no new item for {_ago(silent_for)} ({usual})"
    return None


def _ago(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 48:
        return f"{hours:.0f} h" if hours >= 1 else f"{delta.total_seconds() / 60:.0f} min"
    return f"{hours / 24:.0f} days"
