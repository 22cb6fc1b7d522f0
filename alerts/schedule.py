"""When a recipient's digest is due: every run, or once a day from a given hour.

Pure: the clock and the time of the last digest are arguments.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


def last_slot(now: datetime, hour: int, tz: str) -> datetime:
    """The most recent HH:00 in time zone `tz` at or before `now` (an aware datetime)."""
    local = now.astimezone(ZoneInfo(tz))
    slot = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    return slot if slot <= local else slot - timedelta(days=1)


def is_due(frequency: str, now: datetime, last_built: datetime | None, *,
           hour: int = 7, tz: str = "UTC") -> bool:
    """'each_run': always. 'daily': when no digest was built since the last HH:00 in `tz`
    (so the first run after the hour builds it; events wait, nothing is dropped)."""
    if frequency == "each_run":
        return True
    if frequency != "daily":
        raise ValueError(f"unknown digest frequency {frequency!r}")
    return last_built is None or last_built < last_slot(now, hour, tz)
