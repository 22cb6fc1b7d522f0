"""One web source, one run: fetch (conditionally), parse, and turn new entries into Articles.

`Collector.collect(spec)` never raises for a bad source or item: every failure becomes an
error row (source_id, item, reason) in the result, and the source's status says how it went.
A feed's validators (its cursor) move only when every entry it listed was handled or failed
for good; after a transient failure the feed is read in full again next run and the entries
already stored are skipped, so nothing is lost to a timeout.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from sources.config import SourceSpec
from sources.errors import FetchError, ItemError
from sources.feeds import FeedEntry, html_text, parse_feed
from sources.health import Outcome
from sources.http import Fetched, Fetcher
from sources.model import Article
from sources.pages import Hints, parse_page
from sources.search import Watched, chunk_queries, parse_gdelt, search_urls, watch_terms
from sources.urls import canonical_url

log = logging.getLogger(__name__)
MAX_ITEMS = 50  # pages fetched per source and run (option max_items)


@dataclass
class SourceResult:
    source_id: str
    articles: list[Article] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    cursors: list[dict[str, Any]] = field(default_factory=list)
    requests: int = 0
    not_modified: int = 0
    listed: int = 0          # entries the feeds listed
    failed_urls: int = 0     # listing URLs that could not be read at all
    urls: int = 0            # listing URLs asked
    seconds: float = 0.0

    def error(self, item: str, reason: str) -> None:
        self.errors.append((self.source_id, item, reason))

    def outcome(self) -> Outcome:
        if self.urls and self.failed_urls == self.urls:
            status = "error"
        elif self.errors:
            status = "partial"
        elif self.urls and self.not_modified == self.urls:
            status = "not_modified"
        else:
            status = "ok"
        last = self.errors[-1][2] if self.errors else None
        return Outcome(self.source_id, status, len(self.articles), last, self.requests,
                       self.not_modified, round(self.seconds, 3))


class Collector:
    """Shared by the sources of one run (thread-safe): the fetcher, the stored validators
    {(source_id, url): {etag, last_modified}}, the URLs already stored, the watched entities."""

    def __init__(self, fetcher: Fetcher, cursors: Mapping[tuple[str, str], Mapping[str, Any]],
                 known_urls: Iterable[str], watched: Sequence[Watched] = ()):
        self.fetcher, self.cursors, self.watched = fetcher, cursors, list(watched)
        self._claimed = set(known_urls)
        self._lock = threading.Lock()

    def collect(self, spec: SourceSpec) -> SourceResult:
        res = SourceResult(spec.id)
        started, before = time.monotonic(), self.fetcher.thread_requests
        try:
            urls = self.listing_urls(spec)
            for i, url in enumerate(urls):
                if self._listing(spec, url, res) and i + 1 < len(urls):
                    res.error(spec.id, f"host unreachable: {len(urls) - i - 1} more URLs not tried this run")
                    break
        except ValueError as exc:
            res.error(spec.id, str(exc))
            res.failed_urls = res.urls = max(res.urls, 1)
        res.seconds = time.monotonic() - started
        res.requests = self.fetcher.thread_requests - before
        return res

    def listing_urls(self, spec: SourceSpec) -> list[str]:
        opts = spec.options
        if spec.kind in ("feed", "page"):
            return [opts["url"]]
        kinds = tuple(opts.get("entity_kinds", ("group",)))
        terms = watch_terms(self.watched, kinds, spec.lang, int(opts.get("aliases_per_entity", 2)))
        if not terms:
            raise ValueError("no watched entities to search for (is the knowledge base readable?)")
        queries = chunk_queries(terms, int(opts.get("max_query_chars", 200)), wrap=spec.kind == "gdelt")
        return search_urls(opts["template"], queries[: int(opts.get("max_queries", 20))])

    # --- one listing URL (feed, page, search answer) -------------------------------------

    def _listing(self, spec: SourceSpec, url: str, res: SourceResult) -> bool:
        """Fetch and handle one listing URL; True when its host is unreachable."""
        res.urls += 1
        cur = self.cursors.get((spec.id, url), {})
        try:
            got = self.fetcher.get(url, etag=cur.get("etag"), last_modified=cur.get("last_modified"))
        except FetchError as exc:
            res.failed_urls += 1
            res.error(exc.item, exc.reason)
            return exc.unreachable
        if got.not_modified:
            res.not_modified += 1
            return False
        try:
            complete = self._handle(spec, got, res)
        except ItemError as exc:
            res.failed_urls += 1
            res.error(exc.item, exc.reason)
            return False
        if complete:
            res.cursors.append({"source_id": spec.id, "url": url, "etag": got.etag,
                                "last_modified": got.last_modified})
        return False

    def _handle(self, spec: SourceSpec, got: Fetched, res: SourceResult) -> bool:
        if spec.kind == "page":
            return self._page(spec, got, Hints(lang=spec.lang), res)
        if spec.kind == "gdelt":
            entries = parse_gdelt(got.body, got.final_url)
        else:
            feed = parse_feed(got.body, got.final_url, got.headers)
            if feed.problem:
                res.error(got.url, feed.problem)
            entries = list(feed.entries)
        res.listed += len(entries)
        return self._entries(spec, entries, res)

    def _entries(self, spec: SourceSpec, entries: list[FeedEntry], res: SourceResult) -> bool:
        complete, budget = True, int(spec.options.get("max_items", MAX_ITEMS))
        fetch_pages = spec.kind == "gdelt" or bool(spec.options.get("fetch_pages", True))
        for entry in entries:
            link = canonical_url(entry.link)
            if not self._claim(link):
                continue
            if budget <= 0:
                self._release(link)
                complete = False  # the rest waits for the next run
                continue
            budget -= 1
            if fetch_pages:
                complete &= self._entry_page(spec, entry, link, res)
            else:
                self._entry_only(spec, entry, link, res)
        return complete

    def _entry_page(self, spec: SourceSpec, entry: FeedEntry, link: str, res: SourceResult) -> bool:
        try:
            got = self.fetcher.get(entry.link)
        except FetchError as exc:
            res.error(exc.item, exc.reason)
            if exc.transient:
                self._release(link)
            return not exc.transient
        hints = Hints(entry.title, entry.published, entry.lang or spec.lang)
        try:
            return self._page(spec, got, hints, res)
        except ItemError as exc:
            res.error(exc.item, exc.reason)
            return True

    def _page(self, spec: SourceSpec, got: Fetched, hints: Hints, res: SourceResult) -> bool:
        page = parse_page(got.body, got.final_url, got.headers, spec.id, hints)
        if page.problem:
            res.error(got.final_url, page.problem)
        res.articles.append(page.article)
        return True

    def _entry_only(self, spec: SourceSpec, entry: FeedEntry, link: str, res: SourceResult) -> None:
        """A search feed whose links lead to redirectors: the entry's title and snippet."""
        text = "\n\n".join(t for t in (entry.title, html_text(entry.summary)) if t)
        if not text:
            res.error(entry.link, "entry has neither title nor summary")
            return
        res.articles.append(Article(url=link, canonical_url=link, source_id=spec.id, title=entry.title,
                                    published=entry.published.date() if entry.published else None,
                                    lang=entry.lang or spec.lang, text=text))

    def _claim(self, url: str) -> bool:
        """True for the first source of the run to list a URL not stored yet."""
        with self._lock:
            if url in self._claimed:
                return False
            self._claimed.add(url)
            return True

    def _release(self, url: str) -> None:
        with self._lock:
            self._claimed.discard(url)
