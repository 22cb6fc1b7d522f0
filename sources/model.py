"""The article, as every later stage sees it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


def article_id_for(canonical_url: str) -> str:
    """Deterministic article id: the first 16 hex digits of sha256(canonical URL)."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_hash_for(text: str) -> str:
    """sha256 of the text with white space folded (exact-duplicate detection)."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article. `published` may be unknown; `text` is the main text only."""

    url: str
    canonical_url: str
    source_id: str
    title: str | None
    published: date | None
    lang: str | None
    text: str
    author: str | None = None
    publisher: str | None = None

    @property
    def article_id(self) -> str:
        return article_id_for(self.canonical_url)

    @property
    def content_hash(self) -> str:
        return content_hash_for(self.text)
