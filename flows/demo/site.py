"""A local news site on 127.0.0.1: feeds, article pages and search answers that change when
`publish()` releases the next wave of articles, 304s for conditional requests, and the bad
cases a fetcher meets in the wild (see BAD_PATHS).

    with NewsSite() as site:          # a real threaded HTTP server on a free port
        site.url                      # http://127.0.0.1:PORT
        site.publish(2)               # wave 2 appears in feeds and search answers
        site.requests                 # (path, conditional?, status) of every request
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from flows.demo.content import Story, atom, gdelt_json, load_content, matches, page_html, rss

ROBOTS = "User-agent: *\nDisallow: /private/\n"
BAD_PATHS = {
    "server_error": "/bad/500.xml",            # always HTTP 500
    "slow": "/bad/slow.xml",                   # answers after `slow_s` seconds
    "redirect_loop": "/bad/loop-a.xml",        # a -> b -> a
    "huge": "/bad/huge.xml",                   # streams without end (100 MB)
    "gzip_bomb": "/bad/bomb.xml",              # 64 MB of zeros, gzip-compressed
    "malformed": "/bad/malformed.xml",         # not a feed
    "wrong_charset": "/bad/charset.xml",       # says utf-8, is windows-1252
    "bogus_304": "/bad/bogus304.xml",          # 304 to an unconditional request
    "to_private": "/bad/to-private.xml",       # redirects to a private address
    "robots": "/private/feed.xml",             # disallowed by robots.txt
    "missing_page": "/bad/broken-links.xml",   # a feed whose item page is a 404
}


class NewsSite:
    def __init__(self, port: int = 0, slow_s: float = 3.0, content: str | None = None):
        self.outlets, self.stories = load_content(content)
        self.wave, self.slow_s = 1, slow_s
        self.requests: list[tuple[str, bool, int]] = []
        self._lock = threading.Lock()
        self._bomb: bytes | None = None
        self.server = _QuietServer(("127.0.0.1", port), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="news-site")

    def __enter__(self) -> "NewsSite":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def publish(self, wave: int) -> list[Story]:
        """Release articles up to `wave`; returns the newly visible ones."""
        with self._lock:
            before, self.wave = self.wave, max(self.wave, wave)
        return [s for s in self.stories if before < s.wave <= self.wave]

    def visible(self, outlet: str | None = None) -> list[Story]:
        out = [s for s in self.stories if s.wave <= self.wave and (outlet is None or s.outlet.id == outlet)]
        return sorted(out, key=lambda s: s.published, reverse=True)

    def feed_url(self, outlet: str) -> str:
        fmt = self.outlets[outlet].format
        return f"{self.url}/{outlet}/{'atom' if fmt == 'atom' else 'feed'}.xml"

    def log(self, path: str, conditional: bool, status: int) -> None:
        with self._lock:
            self.requests.append((path, conditional, status))

    def bomb(self) -> bytes:
        with self._lock:
            if self._bomb is None:
                self._bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
            return self._bomb

    # --- routes: path -> (status, content type, body) -----------------------------------

    def route(self, path: str, query: dict[str, list[str]]) -> tuple[int, str, bytes] | None:
        if path == "/robots.txt":
            return 200, "text/plain", ROBOTS.encode()
        for outlet in self.outlets.values():
            if path == urlsplit(self.feed_url(outlet.id)).path:
                return 200, _feed_type(outlet.format), self._feed(outlet.id).encode()
        story = next((s for s in self.visible() if s.path == path), None)
        if story:
            return 200, "text/html; charset=utf-8", page_html(story, self.url).encode()
        if path == "/search/rss":
            found = matches(self.visible(), query.get("q", [""])[0])
            return 200, "application/rss+xml", rss("Search results", self.url, found, self.url).encode()
        if path == "/gdelt/api/v2/doc/doc":
            found = matches(self.visible(), query.get("query", [""])[0])
            return 200, "application/json", gdelt_json(found, self.url).encode()
        return self._bad(path)

    def _feed(self, outlet_id: str) -> str:
        outlet = self.outlets[outlet_id]
        stories = self.visible(outlet_id)
        if outlet.format == "atom":
            return atom(outlet, stories, self.url)
        return rss(outlet.name, f"{self.url}/{outlet_id}/", stories, self.url, outlet.lang)

    def _bad(self, path: str) -> tuple[int, str, bytes] | None:
        if path == BAD_PATHS["malformed"]:
            return 200, "application/rss+xml", b"<?xml version='1.0'?><rss><channel><title>Broken</ti"
        if path == BAD_PATHS["wrong_charset"]:
            stories = self.visible("courrier")[:2]
            body = rss("Revue de presse", self.url, stories, self.url, "fr", charset="utf-8")
            return 200, "application/rss+xml; charset=utf-8", body.encode("cp1252", "replace")
        if path == BAD_PATHS["missing_page"]:
            ghost = Story("gone", self.outlets["sahel-daily"], 1, self.stories[0].published, "Gone", ("x",))
            return 200, "application/rss+xml", rss("Broken links", self.url, [ghost], self.url).encode()
        return None


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (as a fetcher does past its caps) is no error here."""


def _feed_type(fmt: str) -> str:
    return "application/atom+xml" if fmt == "atom" else "application/rss+xml"


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet: the site keeps its own request log
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            special = _SPECIAL.get(parts.path)
            if special:
                special(self, site)
                return
            self._answer(site.route(parts.path, parse_qs(parts.query)))

        def record(self, status: int) -> None:
            """Log the request before answering (a client may read the log right after)."""
            conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
            site.log(urlsplit(self.path).path, conditional, status)

        def _answer(self, answer: tuple[int, str, bytes] | None) -> int:
            if answer is None:
                return self.send(404, "text/plain", b"not found")
            status, ctype, body = answer
            etag = _etag(body)
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, None, b"", {"ETag": etag})
            return self.send(status, ctype, body, {"ETag": etag,
                                                  "Last-Modified": format_datetime(_LAST_MODIFIED, usegmt=True)})

        def send(self, status: int, ctype: str | None, body: bytes, headers: dict | None = None) -> int:
            self.record(status)
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
            return status

    return Handler


def _server_error(h, site: NewsSite) -> int:
    return h.send(500, "text/plain", b"internal error")


def _slow(h, site: NewsSite) -> int:
    time.sleep(site.slow_s)
    try:
        return h.send(200, "application/rss+xml", rss("Slow", site.url, [], site.url).encode())
    except OSError:
        return 200


def _loop(target: str) -> Callable:
    return lambda h, site: h.send(302, "text/plain", b"", {"Location": target})


def _huge(h, site: NewsSite) -> int:
    h.record(200)
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(100 * 1024 * 1024))
    h.end_headers()
    chunk = b"<!-- padding -->" * 4096
    try:
        for _ in range(100 * 1024 * 1024 // len(chunk)):
            h.wfile.write(chunk)
    except OSError:  # the client stopped reading, as it should
        h.close_connection = True
    return 200


def _bomb(h, site: NewsSite) -> int:
    body = site.bomb()
    return h.send(200, "application/rss+xml", body, {"Content-Encoding": "gzip"})


def _bogus_304(h, site: NewsSite) -> int:
    return h.send(304, None, b"")


def _to_private(h, site: NewsSite) -> int:
    return h.send(302, "text/plain", b"", {"Location": "http://10.20.30.40/feed.xml"})


def _robots_blocked(h, site: NewsSite) -> int:
    return h.send(200, "application/rss+xml", rss("Private", site.url, [], site.url).encode())


_LAST_MODIFIED = datetime(2025, 10, 1, tzinfo=timezone.utc)
_SPECIAL: dict[str, Callable] = {
    BAD_PATHS["server_error"]: _server_error, BAD_PATHS["slow"]: _slow,
    BAD_PATHS["redirect_loop"]: _loop("/bad/loop-b.xml"), "/bad/loop-b.xml": _loop(BAD_PATHS["redirect_loop"]),
    BAD_PATHS["huge"]: _huge, BAD_PATHS["gzip_bomb"]: _bomb, BAD_PATHS["bogus_304"]: _bogus_304,
    BAD_PATHS["to_private"]: _to_private, BAD_PATHS["robots"]: _robots_blocked,
}
