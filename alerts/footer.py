"""The digest's footer: the run's figures, error lines, source health and delivery notices.

Pure functions over the run summary dict (flows/monitor.py) and the outbox notices of the
warehouse. Source health is optional: the summary may carry `sources_attention` (lines
"source: why it needs a look", as the monitor flow writes them), `source_health` (a list of
{source, status, detail}), `silent_sources` and `failing_sources` (lists of names, pairs or
{source, reason} mappings); whatever is absent is simply not shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

from alerts.text import one_line

MAX_ERROR_LINES = 20
_HEALTHY = {"ok", "healthy", "fresh", "up", ""}


@dataclass(frozen=True, slots=True)
class ErrorLine:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A source that failed or stayed silent: `state` is e.g. 'failing' or 'silent'."""

    source: str
    state: str
    detail: str


@dataclass(frozen=True, slots=True)
class DeliveryNotice:
    """An earlier digest to this recipient that was refused for good, or is still queued."""

    state: str  # 'failed' or 'queued'
    text: str


@dataclass(frozen=True, slots=True)
class RunSummary:
    """The run's figures for the footer."""

    articles_seen: int
    articles_new: int
    claims_new: int
    events_new: int
    errors: int
    error_lines: tuple[ErrorLine, ...]
    error_lines_omitted: int
    historical_hidden: int
    sources: tuple[SourceNote, ...] = ()
    deliveries: tuple[DeliveryNotice, ...] = ()


def run_summary(run: Mapping[str, Any], rejected: list[ErrorLine], historical: int,
                notices: Iterable[Mapping[str, Any]] = ()) -> RunSummary:
    lines = [error_line(e) for e in run.get("error_lines") or ()] + rejected
    return RunSummary(
        articles_seen=_int(run.get("articles_seen")),
        articles_new=_int(run.get("articles_new")),
        claims_new=_int(run.get("claims_new")),
        events_new=_int(run.get("events_new")),
        errors=_int(run.get("errors")) + len(rejected),
        error_lines=tuple(lines[:MAX_ERROR_LINES]),
        error_lines_omitted=max(len(lines) - MAX_ERROR_LINES, 0),
        historical_hidden=historical,
        sources=source_notes(run),
        deliveries=tuple(delivery_notice(n) for n in notices),
    )


def error_line(entry: Any) -> ErrorLine:
    """An error line from a (source, reason) pair, a {source, reason} mapping or a string."""
    if isinstance(entry, Mapping):
        return ErrorLine(one_line(entry.get("source")), one_line(entry.get("reason")))
    if isinstance(entry, str):  # 'source: reason', as the monitor flow's summary writes them
        source, _, reason = one_line(entry).partition(": ")
        return ErrorLine(source, reason) if reason else ErrorLine("run", source)
    source, reason = entry
    return ErrorLine(one_line(source), one_line(reason))


def source_notes(run: Mapping[str, Any]) -> tuple[SourceNote, ...]:
    """Failing and silent sources, from whichever of the optional keys the summary has."""
    notes: dict[tuple[str, str], SourceNote] = {}
    for line in _as_list(run.get("sources_attention")):
        source, _, why = one_line(line).partition(": ")
        _add(notes, source, "needs a look", why)
    for entry in _as_list(run.get("source_health")):
        if isinstance(entry, Mapping):
            state = one_line(entry.get("status") or entry.get("state")).lower()
            if state not in _HEALTHY:
                _add(notes, _named(entry), state, _detail(entry))
    for key, state in (("failing_sources", "failing"), ("silent_sources", "silent")):
        for entry in _as_list(run.get(key)):
            if isinstance(entry, Mapping):
                _add(notes, _named(entry), state, _detail(entry))
            elif isinstance(entry, (list, tuple)) and len(entry) == 2:
                _add(notes, one_line(entry[0]), state, one_line(entry[1]))
            else:
                _add(notes, one_line(entry), state, "")
    return tuple(notes.values())


def delivery_notice(row: Mapping[str, Any]) -> DeliveryNotice:
    """One sentence about an earlier digest (a row of warehouse.outbox.notices)."""
    when = _when(row.get("created_at"))
    n = _int(row.get("n_events"))
    events = f"{n} event" + ("" if n == 1 else "s")
    error = one_line(row.get("last_error")) or "no reason given"
    if row.get("status") == "failed":
        return DeliveryNotice("failed", f"The digest of {when} ({events}) was refused by the mail "
                                        f"server: {error}. Its events are included again here.")
    attempts = _int(row.get("attempts"))
    return DeliveryNotice("queued", f"The digest of {when} ({events}) is waiting to be delivered "
                                    f"({attempts} attempt{'' if attempts == 1 else 's'}; last: {error}).")


def _add(notes: dict, source: str, state: str, detail: str) -> None:
    if source:
        notes.setdefault((source, state), SourceNote(source, state, detail))


def _named(entry: Mapping[str, Any]) -> str:
    return one_line(entry.get("source") or entry.get("source_id") or entry.get("name"))


def _detail(entry: Mapping[str, Any]) -> str:
    for key in ("detail", "reason", "error", "since", "last_success", "last_article"):
        if entry.get(key):
            text = one_line(entry[key])
            return text if key in ("detail", "reason", "error") else f"{key.replace('_', ' ')}: {text}"
    return ""


def _as_list(value: Any) -> list:
    if isinstance(value, Mapping):  # {source: detail or {...}}
        return [dict(v, source=k) if isinstance(v, Mapping) else (k, v) for k, v in value.items()]
    return list(value) if isinstance(value, (list, tuple)) else []


def _when(moment: Any) -> str:
    if isinstance(moment, datetime):
        if moment.utcoffset() is None:
            return moment.strftime("%Y-%m-%d %H:%M")
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return one_line(moment) or "an earlier run"


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0 if not isinstance(value, (list, tuple, set, dict)) else len(value)
