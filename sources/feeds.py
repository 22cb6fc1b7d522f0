"""RSS/Atom feeds -> entries. Pure: bytes, URL and headers in, `Feed` out.

feedparser is given bytes (io.BytesIO), never a string (it could take one for a URL or a
path). A feed it cannot read at all raises ParseError; one it reads with trouble (not
well-formed, a wrong declared charset) comes back with `problem` set, to be recorded.
"""
from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Mapping
from urllib.parse import urljoin

import feedparser
from bs4 import BeautifulSoup

from sources.errors import ParseError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None  # plain text
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    lang: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None  # read, but with trouble worth recording


def parse_feed(data: bytes, url: str, headers: Mapping[str, str] | None = None) -> Feed:
    if not data.strip():
        raise ParseError(url, "empty feed")
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    hdrs.setdefault("content-location", url)
    d = feedparser.parse(io.BytesIO(data), response_headers=hdrs, sanitize_html=True)
    if d.bozo and not d.entries:
        raise ParseError(url, f"not a readable feed: {_bozo(d.bozo_exception)}")
    if not d.entries and not d.feed:
        raise ParseError(url, "no feed found in the document")
    lang = _lang(d.feed.get("language"))
    entries = tuple(e for e in (_entry(x, url, lang) for x in d.entries) if e is not None)
    return Feed(title=d.feed.get("title"), lang=lang, entries=entries, problem=_problem(d))


def _entry(x: Mapping, base: str, feed_lang: str | None) -> FeedEntry | None:
    link = x.get("link") or next((l.get("href") for l in x.get("links", []) if l.get("href")), None)
    if not link:
        return None
    content = x.get("content") or []
    summary_html = content[0].get("value") if content else x.get("summary")
    return FeedEntry(link=urljoin(base, link.strip()), title=_clean(x.get("title")),
                     published=_when(x.get("published_parsed") or x.get("updated_parsed")),
                     summary=html_text(summary_html), lang=_lang(x.get("language")) or feed_lang)


def html_text(fragment: str | None) -> str | None:
    """Plain text of a (sanitised) HTML fragment from a feed, white space folded."""
    if not fragment:
        return None
    text = BeautifulSoup(fragment, "lxml").get_text(" ", strip=True)
    return " ".join(text.split()) or None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _when(parsed) -> datetime | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)


def _lang(value: str | None) -> str | None:
    return value.split("-")[0].split("_")[0].lower() if value else None


def _problem(d) -> str | None:
    if not d.bozo:
        return None
    exc = d.bozo_exception
    if isinstance(exc, feedparser.CharacterEncodingOverride):
        return f"wrong declared charset: {exc}"
    if isinstance(exc, feedparser.NonXMLContentType):
        return None  # served as text/html or similar, but parsed fine: not worth an error row
    return f"feed not well-formed ({_bozo(exc)}); {len(d.entries)} entries recovered"


def _bozo(exc: Exception | None) -> str:
    msg = str(exc) if exc else "unknown problem"
    return msg.splitlines()[0][:200]
