"""Seed documents: a manifest (seeds/manifest.yaml) naming text files with their metadata.

`parse_seed` is pure (bytes in, Article out); `load_seed_articles` does the file I/O and
collects one ItemError per unreadable file instead of stopping.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sources.errors import ConfigError, ItemError
from sources.model import Article
from sources.yamlfile import load_yaml

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SeedMeta:
    file: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    lang: str | None = None


SEED_SCHEME = "seed:"


def seed_url(file: str) -> str:
    """Canonical URL of a seed document (seeds have no web address of their own)."""
    return SEED_SCHEME + file


def seed_file(url: str) -> str:
    """The manifest's file name back from a seed URL."""
    return url.removeprefix(SEED_SCHEME)


def parse_manifest(data: Any, where: dict[str, str], name: str) -> list[SeedMeta]:
    if not isinstance(data, dict) or not isinstance(data.get("seeds"), list):
        raise ConfigError(f"{name}: expected a mapping with a 'seeds' list")
    metas = []
    for i, rec in enumerate(data["seeds"]):
        at = where.get(f"seeds[{i}]", f"item {i}")
        if not isinstance(rec, dict) or not rec.get("file"):
            raise ConfigError(f"{name}: {at}: each seed needs a 'file'")
        published = rec.get("published")
        if published is not None and not isinstance(published, date):
            raise ConfigError(f"{name}: {at}: 'published' must be a date (YYYY-MM-DD), got {published!r}")
        metas.append(SeedMeta(file=str(rec["file"]), title=rec.get("title"), publisher=rec.get("publisher"),
                              author=rec.get("author"), published=published, lang=rec.get("lang")))
    return metas


def load_manifest(path: Path) -> list[SeedMeta]:
    data, where = load_yaml(path)
    return parse_manifest(data, where, str(path))


def decode_text(data: bytes, item: str) -> str:
    """UTF-8 text (a BOM is dropped), or ItemError saying why not."""
    if not data.strip():
        raise ItemError(item, "empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ItemError(item, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if not text.strip():
        raise ItemError(item, "no text")
    return text


def parse_seed(data: bytes, meta: SeedMeta, source_id: str) -> Article:
    """Pure: the bytes of a seed file and its manifest entry -> Article."""
    text = decode_text(data, meta.file)
    title = meta.title or text.strip().splitlines()[0].strip()
    return Article(url=seed_url(meta.file), canonical_url=seed_url(meta.file), source_id=source_id,
                   title=title, published=meta.published, lang=meta.lang, text=text,
                   author=meta.author, publisher=meta.publisher)


def load_seed_articles(seeds_dir: Path, manifest: str = "manifest.yaml",
                       source_id: str = "seeds") -> tuple[list[Article], list[ItemError]]:
    """Read every seed the manifest lists. Unreadable files become ItemErrors; the rest load.
    A missing or malformed manifest raises ConfigError (nothing can be read without it)."""
    metas = load_manifest(seeds_dir / manifest)
    articles: list[Article] = []
    errors: list[ItemError] = []
    for meta in metas:
        path = seeds_dir / meta.file
        try:
            articles.append(parse_seed(_read(path, meta.file), meta, source_id))
        except ItemError as err:
            log.warning("seed skipped: %s", err)
            errors.append(err)
    return articles, errors


def _read(path: Path, item: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ItemError(item, f"file not found ({path})") from None
    except OSError as exc:
        raise ItemError(item, f"cannot read {path}: {exc.strerror}") from None
