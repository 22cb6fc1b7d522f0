"""Input documents for `sahelwatch extract`: text, HTML or JSON files -> Article.

Pure: bytes and the path as given in, Article out (ItemError when unusable).
HTML main text comes from trafilatura, never from hand-written tag stripping.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import PurePath
from typing import Any

from sources.errors import ItemError
from sources.model import Article
from sources.seedfiles import SeedMeta, decode_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def document_from_bytes(data: bytes, path: str, meta: SeedMeta | None = None) -> Article:
    """Dispatch on the file name: .json, .html/.htm, anything else as plain text."""
    suffix = PurePath(path).suffix.lower()
    if suffix == ".json":
        return _from_json(data, path)
    if suffix in HTML_SUFFIXES:
        return _from_html(data, path)
    return _from_text(data, path, meta)


def _from_text(data: bytes, path: str, meta: SeedMeta | None) -> Article:
    text = decode_text(data, path)
    meta = meta or SeedMeta(file=path)
    first_line = text.strip().splitlines()[0].strip()
    return Article(url=path, canonical_url=path, source_id="file", title=meta.title or first_line,
                   published=meta.published, lang=meta.lang, text=text,
                   author=meta.author, publisher=meta.publisher)


def _from_json(data: bytes, path: str) -> Article:
    try:
        obj = json.loads(decode_text(data, path))
    except json.JSONDecodeError as exc:
        raise ItemError(path, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise ItemError(path, "JSON input needs an object with a non-empty 'text' string")
    url = obj.get("url") or path
    return Article(url=url, canonical_url=url, source_id="file", title=obj.get("title"),
                   published=_iso_date(obj.get("published"), path), lang=obj.get("lang"), text=obj["text"])


def _from_html(data: bytes, path: str) -> Article:
    import trafilatura  # imported here: only HTML input pays for it

    if not data.strip():
        raise ItemError(path, "empty file")
    doc = trafilatura.bare_extraction(data, url=None, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        raise ItemError(path, "no main text found in the HTML")
    return Article(url=getattr(doc, "url", None) or path, canonical_url=path, source_id="file",
                   title=getattr(doc, "title", None), published=_iso_date(getattr(doc, "date", None), path),
                   lang=getattr(doc, "language", None), text=text,
                   author=getattr(doc, "author", None), publisher=getattr(doc, "sitename", None))


def _iso_date(value: Any, path: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ItemError(path, f"'published' is not an ISO date (YYYY-MM-DD): {value!r}") from None
