"""The one HTTP seam: a `Fetcher` over one httpx.Client, polite and safe.

- only http/https; no private/loopback/link-local address unless allowed (sources.netguard);
- robots.txt (protego) per origin, read once per Fetcher; its Crawl-delay slows the host;
- per-host concurrency and minimum interval between requests; an honest User-Agent;
- conditional GET (If-None-Match / If-Modified-Since): a 304 is a normal, cheap answer;
- retries only for transient failures (timeouts, 408, 429, 5xx), Retry-After honoured up to
  a cap; never for 404, a refused URL or a parse error;
- a cap on the bytes read (reading stops) and on the decompressed size (gzip bombs);
- redirects followed by hand, each hop checked again, loops and long chains refused.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Iterator, Mapping
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from sources.errors import FetchError, RefusedError, TooLargeError
from sources.netguard import GuardedBackend
from sources.policy import FetchPolicy

log = logging.getLogger(__name__)

REDIRECTS = (301, 302, 303, 307, 308)
TRANSIENT = (408, 429)
ROBOTS_AGENT = "sahelwatch"
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful answer: 200 with its body, or 304 (not modified) without one."""

    url: str                 # as asked for
    final_url: str           # after redirects
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def make_client(policy: FetchPolicy) -> httpx.Client:
    """The httpx client every fetch goes through (address guard in its transport)."""
    transport = httpx.HTTPTransport(retries=0)
    # httpx exposes no network-backend option; the pool is rebuilt with the guarded backend.
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                              network_backend=GuardedBackend(policy.allowed_networks()))
    timeout = httpx.Timeout(connect=policy.connect_timeout_s, read=policy.read_timeout_s,
                            write=policy.read_timeout_s, pool=policy.deadline_s)
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"}
    return httpx.Client(transport=transport, timeout=timeout, headers=headers,
                        follow_redirects=False, trust_env=False)


class HostGate:
    """At most `concurrency` requests in flight per host, `interval` seconds apart."""

    def __init__(self, concurrency: int, interval: float):
        self.concurrency, self.interval = max(1, concurrency), interval
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}

    def slow_down(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delay[host] = max(self._delay.get(host, 0.0), seconds)

    @contextlib.contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._slots.setdefault(host, threading.Semaphore(self.concurrency))
        with sem:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next.get(host, 0.0))
                self._next[host] = start + max(self.interval, self._delay.get(host, 0.0))
            if start > now:
                time.sleep(start - now)
            yield


class Fetcher:
    """GET with the policy above. Thread-safe: sources may be fetched concurrently."""

    def __init__(self, policy: FetchPolicy, client: httpx.Client | None = None):
        self.policy = policy
        self.client = client or make_client(policy)
        self.gate = HostGate(policy.per_host_concurrency, policy.per_host_interval_s)
        self._robots: dict[str, Protego | FetchError | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self.requests = 0

    @property
    def thread_requests(self) -> int:
        """Requests made by the calling thread (exact per source when one thread fetches it)."""
        return getattr(self._local, "n", 0)

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """200 (body read within the caps) or 304. Raises FetchError (or a subclass)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        got = self._follow(url, headers, robots=self.policy.obey_robots)
        if got.not_modified and not headers:
            raise FetchError(url, "HTTP 304 Not Modified to a request that was not conditional")
        return got

    # --- redirects, robots ----------------------------------------------------------------

    def _follow(self, url: str, headers: dict[str, str], *, robots: bool) -> Fetched:
        seen, current = [url], url
        for _ in range(self.policy.max_redirects + 1):
            _check_scheme(current)
            if robots:
                self._check_robots(current)
            status, hdrs, body = self._with_retries(current, headers)
            if status not in REDIRECTS:
                return Fetched(url, current, status, hdrs, body)
            target = _location(current, hdrs)
            if target in seen:
                raise RefusedError(url, f"redirect loop: {target} redirects back to itself "
                                        f"after {len(seen)} hops")
            seen.append(target)
            current = target
        raise RefusedError(url, f"more than {self.policy.max_redirects} redirects (last: {current})")

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots_for(origin)
        if isinstance(rules, FetchError):
            raise type(rules)(url, rules.reason, transient=rules.transient, status=rules.status,
                              unreachable=rules.unreachable)
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):
            raise RefusedError(url, f"disallowed by {origin}/robots.txt")

    def _robots_for(self, origin: str) -> Protego | FetchError | None:
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                try:
                    self._robots[origin] = self._read_robots(origin)
                except FetchError as exc:  # remembered: the origin is not asked again this run
                    self._robots[origin] = exc
            return self._robots[origin]

    def _read_robots(self, origin: str) -> Protego | None:
        """Rules, or None (allow all) when there is no robots.txt (4xx). An unreachable one
        (5xx after retries) means: fetch nothing there this run (RFC 9309, 2.3.1.3)."""
        try:
            got = self._follow(origin + "/robots.txt", {}, robots=False)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return None
            if not exc.transient:  # refused, DNS failure, connection refused: say just that
                raise
            raise FetchError(origin + "/robots.txt", f"robots.txt unreachable: {exc.reason}",
                             transient=exc.transient, status=exc.status) from None
        rules = Protego.parse(got.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.gate.slow_down(urlsplit(origin).hostname or "", min(float(delay), 60.0))
        return rules

    # --- one request, with retries ------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except FetchError as exc:
                wait = self._retry_wait(exc, attempt)
                if wait is None:
                    raise
                log.info("retrying %s in %.1fs: %s", url, wait, exc.reason)
                time.sleep(wait)
                attempt += 1

    def _retry_wait(self, exc: FetchError, attempt: int) -> float | None:
        if not exc.transient or attempt >= self.policy.retries:
            return None
        after = getattr(exc, "retry_after", None)
        if after is not None:
            return after if after <= self.policy.max_retry_after_s else None
        return self.policy.retry_backoff_s * (2 ** attempt)

    def _once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        host = urlsplit(url).hostname or ""
        with self.gate.slot(host):
            with self._lock:
                self.requests += 1
            self._local.n = self.thread_requests + 1
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    hdrs = {k.lower(): v for k, v in resp.headers.items()}
                    if resp.status_code == 304 or resp.status_code in REDIRECTS:
                        return resp.status_code, hdrs, b""
                    if resp.status_code >= 400:
                        raise _status_error(url, resp.status_code, resp.reason_phrase, hdrs)
                    return resp.status_code, hdrs, self._read_body(url, resp, hdrs)
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out ({_timeout_kind(exc)})", transient=True) from None
            except httpx.ConnectError as exc:  # DNS failure, refused: not retried, fails fast
                raise FetchError(url, f"cannot connect: {exc}", unreachable=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"transfer failed: {type(exc).__name__}: {exc}", transient=True) from None

    def _read_body(self, url: str, resp: httpx.Response, hdrs: Mapping[str, str]) -> bytes:
        deadline = time.monotonic() + self.policy.deadline_s
        raw = _capped_raw(url, resp.iter_raw(_CHUNK), self.policy.max_body_bytes, deadline)
        encoding = hdrs.get("content-encoding", "identity").strip().lower()
        return b"".join(decode_body(url, raw, encoding, self.policy.max_decompressed_bytes))


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise RefusedError(url, f"refused: scheme {scheme or '(none)'!r} (only http and https are fetched)")


def _location(current: str, hdrs: Mapping[str, str]) -> str:
    loc = hdrs.get("location")
    if not loc:
        raise FetchError(current, "redirect without a Location header")
    return urljoin(current, loc.strip())


def _status_error(url: str, status: int, phrase: str, hdrs: Mapping[str, str]) -> FetchError:
    transient = status in TRANSIENT or status >= 500
    err = FetchError(url, f"HTTP {status} {phrase}".strip(), transient=transient, status=status)
    after = hdrs.get("retry-after", "").strip()
    if transient and after.isdigit():
        err.retry_after = float(after)  # type: ignore[attr-defined]
    return err


def _timeout_kind(exc: httpx.TimeoutException) -> str:
    return {httpx.ConnectTimeout: "connect", httpx.ReadTimeout: "no answer within the read timeout",
            httpx.PoolTimeout: "waiting for a connection"}.get(type(exc), type(exc).__name__)


def _capped_raw(url: str, chunks: Iterator[bytes], cap: int, deadline: float) -> Iterator[bytes]:
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > cap:
            raise TooLargeError(url, f"body larger than {cap:,} bytes (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError(url, "body not received within the deadline", transient=True)
        yield chunk


def decode_body(url: str, chunks: Iterator[bytes], encoding: str, cap: int) -> Iterator[bytes]:
    """Undo gzip/deflate incrementally, never producing more than `cap` bytes."""
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
    dec = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    total = 0
    try:
        for chunk in chunks:
            buf = chunk
            while buf:
                piece = dec.decompress(buf, cap - total + 1)
                total += len(piece)
                if total > cap:
                    raise TooLargeError(url, f"decompressed body larger than {cap:,} bytes "
                                             "(stopped; a compression bomb?)")
                yield piece
                buf = dec.unconsumed_tail
        yield dec.flush()
    except zlib.error as exc:
        raise FetchError(url, f"corrupt {encoding} body: {exc}") from None
