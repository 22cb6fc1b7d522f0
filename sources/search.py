"""Search sources: queries built from the watched entities of the knowledge base.

A news-search RSS source has a URL template with `{query}`; a GDELT DOC 2.0 source asks its
`artlist` JSON API. The terms are the names and a few aliases of the knowledge base's
entities of the kinds the source watches, OR-ed into queries of bounded length: when the
knowledge base gains an entity, the next run's queries name it. Pure: no network here.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Iterable, Sequence
from urllib.parse import quote_plus

from sources.errors import ParseError
from sources.feeds import FeedEntry

GDELT_LANGS = {"english": "en", "french": "fr", "arabic": "ar", "spanish": "es", "german": "de",
               "portuguese": "pt", "italian": "it"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")

Watched = tuple[str, str, Sequence[str]]  # (kind, name, aliases) of one entity


def watch_terms(entities: Iterable[Watched], kinds: Sequence[str] = ("group",), lang: str | None = None,
                aliases_per_entity: int = 2, min_len: int = 4) -> list[str]:
    """Search terms: per entity of a watched kind, its name and first aliases in the
    source's script (Arabic script for `lang: ar`, Latin otherwise), without repeats."""
    want_arabic = lang == "ar"
    out: dict[str, None] = {}
    for kind, name, aliases in entities:
        if kind not in kinds:
            continue
        forms = [f for f in (name, *aliases) if bool(_ARABIC.search(f)) == want_arabic and len(f) >= min_len]
        for form in forms[: 1 + aliases_per_entity]:
            out.setdefault(form.replace('"', ""), None)
    return list(out)


def chunk_queries(terms: Sequence[str], max_chars: int = 200, wrap: bool = False) -> list[str]:
    """`"a" OR "b" OR ...` queries no longer than max_chars (a longer single term stands alone).
    `wrap` puts each OR-group in parentheses (GDELT requires it)."""
    queries, current = [], []
    for term in terms:
        candidate = current + [term]
        if current and len(_or(candidate, wrap)) > max_chars:
            queries.append(_or(current, wrap))
            candidate = [term]
        current = candidate
    if current:
        queries.append(_or(current, wrap))
    return queries


def _or(terms: Sequence[str], wrap: bool) -> str:
    joined = " OR ".join(f'"{t}"' for t in terms)
    return f"({joined})" if wrap and len(terms) > 1 else joined


def search_urls(template: str, queries: Sequence[str]) -> list[str]:
    """The template with each query URL-encoded into `{query}`."""
    if "{query}" not in template:
        raise ValueError(f"search URL template has no {{query}}: {template}")
    return [template.replace("{query}", quote_plus(q)) for q in queries]


def parse_gdelt(data: bytes, url: str) -> list[FeedEntry]:
    """Entries of a GDELT DOC 2.0 `mode=artlist&format=json` answer. GDELT answers a bad
    query with a line of plain text, and no match with `{}`."""
    try:
        obj = json.loads(data.decode("utf-8", "replace") or "{}")
    except json.JSONDecodeError:
        first = data.decode("utf-8", "replace").strip().splitlines()[:1]
        raise ParseError(url, f"GDELT answered with text, not JSON: {first[0][:200] if first else '(empty)'}") from None
    if not isinstance(obj, dict):
        raise ParseError(url, "GDELT answer is not a JSON object")
    return [e for e in (_gdelt_entry(a) for a in obj.get("articles") or []) if e is not None]


def _gdelt_entry(rec) -> FeedEntry | None:
    if not isinstance(rec, dict) or not rec.get("url"):
        return None
    return FeedEntry(link=str(rec["url"]), title=rec.get("title"), published=_seendate(rec.get("seendate")),
                     lang=GDELT_LANGS.get(str(rec.get("language", "")).lower()))


def _seendate(value) -> datetime | None:
    try:
        return datetime.strptime(str(value), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
