"""Digest assembly: warehouse digest items -> a typed `DigestContext` the templates display.

The templates only loop and print: every headline, label, ordering and highlight is decided
here. Items come as dicts from the warehouse (one per event); a malformed item is logged,
listed in the footer's error lines, and skipped. `historical` events are recorded but not
alerted (DESIGN.md), so they are counted in the footer and not shown.

Sections: what needs a second look comes first (contradictions, then unknown actors, each
item there tagged with its type), then pledges, splits, mergers and attacks. Every event
appears once. The footer (alerts/footer.py) carries the run's figures, failing or silent
sources and earlier digests that were refused or are waiting for a retry.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Iterable, Mapping

from alerts import wording
from alerts.footer import MAX_ERROR_LINES, ErrorLine, RunSummary, run_summary
from alerts.text import Segment, highlight, one_line, safe_href

log = logging.getLogger(__name__)

STATUS_SECTIONS = (
    ("contradicts", "Contradictions"),
    ("unknown_actor", "Unknown actors"),
)
SECTIONS = (
    ("pledge", "Pledges of allegiance"),
    ("split", "Splits and defections"),
    ("merger", "Mergers"),
    ("attack", "Attacks"),
)
_NOUNS = {"pledge": "pledge", "split": "split", "merger": "merger", "attack": "attack"}
TYPE_LABELS = {"pledge": "Pledge", "split": "Split", "merger": "Merger", "attack": "Attack"}
STATUS_LABELS = {
    "contradicts": "Contradicts",
    "unknown_actor": "Unknown actor",
    "new": "New",
    "known": "Known",
}
_STATUS_ORDER = {status: rank for rank, status in enumerate(STATUS_LABELS)}
STATUS_PRIORITY = tuple(STATUS_LABELS)  # most pressing first: which events a capped digest carries
PREVIEW_ITEMS = 50  # items per section in a preview (the Prefect artifact), issue 7
__all__ = ["MAX_ERROR_LINES", "ErrorLine", "RunSummary", "DigestContext", "build_digest", "preview", "subject_line"]


@dataclass(frozen=True, slots=True)
class Link:
    """A report of the event. `href` is None unless the URL is a plain http(s) link."""

    title: str
    url: str
    href: str | None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    role: str  # e.g. "Pledging", "Pledged to", "Perpetrator"
    name: str


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One event as the analyst reads it."""

    event_id: str
    type: str
    type_label: str
    headline: str
    status: str
    status_label: str
    reason: str | None
    date: str  # as precise as known, or "date unknown"
    place: str  # "Tizi Ouzou, Algeria", or "" when unknown
    parties: tuple[Party, ...]
    polarity: str
    polarity_label: str
    n_sources: int
    corroboration: str
    confidence: float
    confidence_label: str
    evidence: tuple[Segment, ...]
    reports: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class DigestSection:
    key: str  # claim type, or the status of a status section ("contradicts", "unknown_actor")
    title: str
    items: tuple[DigestItem, ...]
    omitted: int = 0  # items of the section left out of a preview (`preview`); 0 in a digest

    @property
    def count(self) -> int:
        """Items the section has, shown or not."""
        return len(self.items) + self.omitted


@dataclass(frozen=True, slots=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class DigestContext:
    """Everything both digest templates display, and nothing they would have to compute."""

    title: str
    generated_at: datetime
    generated_label: str
    recipient_name: str
    sections: tuple[DigestSection, ...]  # non-empty sections: STATUS_SECTIONS, then SECTIONS
    overview: tuple[StatusCount, ...]  # statuses present, most pressing first
    run: RunSummary
    watching: str = ""  # what the recipient follows, in words ("" follows everything)
    held_back: int = 0  # pending events beyond the recipient's max_events: in the next digest

    @property
    def items(self) -> tuple[DigestItem, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def is_empty(self) -> bool:
        return not self.sections


def build_digest(
    items: list[dict], run: dict, *, recipient_name: str, generated_at: datetime,
    watching: str = "", notices: Iterable[Mapping[str, Any]] = (), held_back: int = 0,
) -> DigestContext:
    """The digest context for one recipient from the warehouse's digest items and run figures.

    `notices`: earlier digests to this recipient refused or still queued (warehouse.outbox);
    `held_back`: pending events left for the next digest (the recipient's cap).
    """
    built, rejected, historical = _build_items(items)
    return DigestContext(
        title=f"Sahel watch digest, {generated_at.date().isoformat()}",
        generated_at=generated_at,
        generated_label=_time_label(generated_at),
        recipient_name=one_line(recipient_name),
        sections=_sections(built),
        overview=_overview(built),
        run=run_summary(run, rejected, historical, notices),
        watching=one_line(watching),
        held_back=max(0, int(held_back)),
    )


def preview(ctx: DigestContext, per_section: int = PREVIEW_ITEMS) -> DigestContext:
    """`ctx` with at most `per_section` items in each section (the first ones), the others
    counted in the section's `omitted`: what the Prefect artifact shows. The whole digest of
    a large backlog (10,000 articles: ~12 MB of Markdown) cost the Prefect server 150 MB of
    RSS, kept after the run (issue 7); the full digest is the e-mail (or outbox/ file)."""
    sections = tuple(replace(s, items=s.items[:per_section], omitted=s.omitted + max(0, len(s.items) - per_section))
                     for s in ctx.sections)
    return replace(ctx, sections=sections)


def subject_line(ctx: DigestContext) -> str:
    """'Sahel watch 2026-11-21: 2 new pledges, 1 split, 5 attacks; 3 known' (one line, always).

    The type counts are of items that are news (new, contradicting, unknown actor); items the
    knowledge base already states are counted apart, so "new" never labels what is known.
    """
    head = f"Sahel watch {ctx.generated_at.date().isoformat()}"
    if ctx.is_empty:
        return f"{head}: nothing new"
    fresh = [i for i in ctx.items if i.status != "known"]
    by_type = [sum(1 for i in fresh if i.type == key) for key, _ in SECTIONS]
    counts = [_count(n, _NOUNS[key]) for n, (key, _) in zip(by_type, SECTIONS) if n]
    if counts:
        counts[0] = counts[0].replace(" ", " new ", 1)
    parts = [", ".join(counts) or "no new events"]
    contradicts = sum(c.count for c in ctx.overview if c.status == "contradicts")
    if contradicts:
        parts.append(f"{contradicts} {'contradicts' if contradicts == 1 else 'contradict'} the record")
    unknown = sum(c.count for c in ctx.overview if c.status == "unknown_actor")
    if unknown:
        parts.append(_count(unknown, "unknown actor"))
    known = len(ctx.items) - len(fresh)
    if known:
        parts.append(f"{known} known")
    return one_line(f"{head}: {'; '.join(parts)}")


def _reason(reason: Any, status: Any) -> str | None:
    """The reason line without the status word it starts with (the badge already says it)."""
    text = one_line(reason)
    prefix = f"{status}:"
    if status and text.lower().startswith(prefix):
        text = text[len(prefix):].strip()
    return text[:1].upper() + text[1:] if text else None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _time_label(moment: datetime) -> str:
    label = moment.strftime("%Y-%m-%d %H:%M")
    zone = moment.tzname()
    return f"{label} {zone}" if zone else label


def _build_items(
    raw_items: Iterable[Mapping[str, Any]],
) -> tuple[list[DigestItem], list[ErrorLine], int]:
    """(items to show, error lines for malformed items, number of historical items hidden)."""
    built: list[DigestItem] = []
    rejected: list[ErrorLine] = []
    historical = 0
    for raw in raw_items:
        problem = _problem(raw)
        if problem:
            log.warning("digest item skipped: %s", problem)
            rejected.append(ErrorLine(f"digest item {one_line(raw.get('event_id'))}", problem))
        elif raw.get("status") == "historical":
            historical += 1
        else:
            built.append(_item(raw))
    return built, rejected, historical


def _problem(raw: Mapping[str, Any]) -> str | None:
    """Why an item cannot be shown, or None."""
    if not one_line(raw.get("event_id")):
        return "no event_id"
    if raw.get("type") not in _NOUNS:
        return f"unknown event type {one_line(raw.get('type'))!r}"
    if not one_line(raw.get("evidence")):
        return "no evidence sentence"
    return None


def _item(raw: Mapping[str, Any]) -> DigestItem:
    status = one_line(raw.get("status")) or "new"
    polarity = raw.get("polarity") if raw.get("polarity") in wording.POLARITY_LABELS else "asserted"
    n_sources = max(int(raw.get("n_sources") or 1), 1)
    confidence = float(raw.get("confidence") or 0.0)
    return DigestItem(
        event_id=one_line(raw["event_id"]),
        type=raw["type"],
        type_label=TYPE_LABELS[raw["type"]],
        headline=wording.headline(raw),
        status=status,
        status_label=STATUS_LABELS.get(status, status.replace("_", " ").capitalize()),
        reason=_reason(raw.get("reason"), raw.get("status")),
        date=one_line(raw.get("date")) or "date unknown",
        place=wording.place_label(raw),
        parties=_parties(raw),
        polarity=polarity,
        polarity_label=wording.POLARITY_LABELS[polarity],
        n_sources=n_sources,
        corroboration=wording.corroboration_label(n_sources),
        confidence=confidence,
        confidence_label=f"{confidence:.2f}",
        evidence=highlight(one_line(raw.get("evidence")), _names(raw)),
        reports=_reports(raw),
    )


def _names(raw: Mapping[str, Any]) -> list[str]:
    """Names to highlight in the evidence: the linked parties, and their surface forms
    (`mentions`, optional) when the warehouse provides them."""
    names = [wording.name(raw, "subject_name"), wording.name(raw, "object_name")]
    names += wording.members(raw)
    names += [one_line(m) for m in raw.get("mentions") or ()]
    return [n for n in names if n]


def _parties(raw: Mapping[str, Any]) -> tuple[Party, ...]:
    subject, obj = wording.name(raw, "subject_name"), wording.name(raw, "object_name")
    kind = raw["type"]
    if kind == "attack":
        return (Party("Perpetrator", subject or "not named"),)
    if kind == "merger":
        merging = wording.join_names(wording.members(raw)) or "not named"
        return (Party("Merging", merging), Party("Resulting group", obj or "not named"))
    roles = ("Pledging", "Pledged to") if kind == "pledge" else ("Breaking away", "Left")
    return (Party(roles[0], subject or "not named"), Party(roles[1], obj or "not named"))


def _reports(raw: Mapping[str, Any]) -> tuple[Link, ...]:
    """The article first, then every other report, each URL once."""
    published = raw.get("article_published")
    first = {"url": raw.get("article_url"), "title": raw.get("article_title")}
    links: dict[str, Link] = {}
    for report in [first, *(raw.get("reports") or ())]:
        url = one_line(report.get("url"))
        if url and url not in links:
            when = published.isoformat() if report is first and published else None
            title = one_line(report.get("title")) or url
            links[url] = Link(title=title, url=url, href=safe_href(url), published=when)
    return tuple(links.values())


def _sort_key(item: DigestItem) -> tuple:
    dated = item.date != "date unknown"
    # most pressing status first; then newest date first (ISO prefixes sort as text)
    return (_STATUS_ORDER.get(item.status, len(_STATUS_ORDER)), not dated,
            _descending(item.date if dated else ""), item.event_id)


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def _sections(items: list[DigestItem]) -> tuple[DigestSection, ...]:
    """Status sections first (type order within), then one section per type: those holding
    news (an item not already known) before those holding only known items, so a digest whose
    news is one attack does not open on pledges the record already has."""
    flagged = {status for status, _ in STATUS_SECTIONS}
    type_rank = {key: rank for rank, (key, _) in enumerate(SECTIONS)}
    sections = []
    for status, title in STATUS_SECTIONS:
        chosen = sorted((i for i in items if i.status == status),
                        key=lambda i: (type_rank[i.type], _sort_key(i)))
        sections.append(DigestSection(key=status, title=title, items=tuple(chosen)))
    by_type = []
    for key, title in SECTIONS:
        chosen = sorted((i for i in items if i.type == key and i.status not in flagged), key=_sort_key)
        by_type.append(DigestSection(key=key, title=title, items=tuple(chosen)))
    by_type.sort(key=lambda sec: all(i.status == "known" for i in sec.items))  # stable: SECTIONS order within
    return tuple(s for s in sections + by_type if s.items)


def _overview(items: list[DigestItem]) -> tuple[StatusCount, ...]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    ordered = sorted(counts, key=lambda s: _STATUS_ORDER.get(s, len(_STATUS_ORDER)))
    return tuple(StatusCount(s, STATUS_LABELS.get(s, s), counts[s]) for s in ordered)
