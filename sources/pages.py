"""Article pages -> Article. Pure: bytes, URL and headers in; no network, clock or database.

Main text by trafilatura (`bare_extraction`), never hand-written tag stripping; title and
date from the page (trafilatura's metadata), falling back on the feed entry's; language
from the page (html lang, Content-Language, og:locale); canonical URL from rel=canonical
(tracking parameters stripped); the content hash is the Article's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping
from urllib.parse import urljoin

import lxml.html
import trafilatura

from sources.errors import ParseError
from sources.model import Article
from sources.urls import canonical_url

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
FALLBACK_CHARSETS = ("utf-8", "cp1252")


@dataclass(frozen=True, slots=True)
class Hints:
    """What the feed entry said about the page (used when the page says nothing)."""

    title: str | None = None
    published: datetime | date | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    article: Article
    problem: str | None = None  # parsed, but with trouble worth recording (wrong charset)


def parse_page(data: bytes, url: str, headers: Mapping[str, str] | None, source_id: str,
               hints: Hints = Hints()) -> Page:
    if not data.strip():
        raise ParseError(url, "empty page")
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    html, problem = decode_html(data, hdrs.get("content-type", ""))
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(url, f"not HTML: {exc}") from None
    canonical = _canonical(tree, url)
    lang = _lang(tree, hdrs) or hints.lang
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ParseError(url, "no main text found in the page")
    article = Article(url=canonical_url(url), canonical_url=canonical, source_id=source_id,
                      title=getattr(doc, "title", None) or hints.title,
                      published=_date(getattr(doc, "date", None)) or _date(hints.published),
                      lang=lang, text=text, author=getattr(doc, "author", None),
                      publisher=getattr(doc, "sitename", None))
    return Page(article, problem)


def decode_html(data: bytes, content_type: str) -> tuple[str, str | None]:
    """Text of the page by its declared charset (header, then <meta>); when the bytes do not
    fit the declaration, the first fallback that fits, and a problem saying so."""
    declared = _declared(data, content_type)
    if declared:
        try:
            return data.decode(declared), None
        except (UnicodeDecodeError, LookupError):
            pass
    for charset in FALLBACK_CHARSETS:
        try:
            text = data.decode(charset)
        except UnicodeDecodeError:
            continue
        problem = None if not declared else f"declared charset {declared!r} does not fit the bytes; decoded as {charset}"
        return text, problem
    return data.decode("utf-8", "replace"), f"undecodable bytes (declared {declared or 'nothing'})"


def _declared(data: bytes, content_type: str) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    if m:
        return m.group(1).lower()
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _canonical(tree, url: str) -> str:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        absolute = urljoin(url, href.strip())
        if absolute.startswith(("http://", "https://")):
            return canonical_url(absolute)
    return canonical_url(url)


def _lang(tree, hdrs: Mapping[str, str]) -> str | None:
    values = tree.xpath("/html/@lang") + [hdrs.get("content-language", "")]
    values += tree.xpath("//meta[@property='og:locale']/@content")
    for value in values:
        code = value.strip().replace("_", "-").split("-")[0].lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return code
    return None


def _date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
