"""How politely and how safely sources are fetched: one frozen value, built at the edge
(flows/settings.py, `[fetch]` in sahelwatch.toml) and handed to `sources.http.Fetcher`.
No heavy imports here: the settings module reads it on every command."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, fields
from typing import Any, Mapping

USER_AGENT = "sahelwatch/0.1 (news monitoring for analysts; +https://github.com/sahelwatch/sahelwatch)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    connect_timeout_s: float = 5.0      # TCP/TLS connect (a dead network fails within this)
    read_timeout_s: float = 15.0        # between two bytes of the answer
    deadline_s: float = 30.0            # whole request including the body
    user_agent: str = USER_AGENT
    per_host_concurrency: int = 2       # requests in flight to one host
    per_host_interval_s: float = 1.0    # at least this long between two requests to one host
    workers: int = 8                    # sources fetched at the same time
    max_body_bytes: int = 5_000_000     # bytes on the wire; reading stops past it
    max_decompressed_bytes: int = 20_000_000  # after gzip/deflate (gzip bombs)
    max_redirects: int = 5
    retries: int = 1                    # extra attempts, transient failures only
    retry_backoff_s: float = 0.5
    max_retry_after_s: float = 10.0     # a longer Retry-After gives up (recorded) instead of waiting
    obey_robots: bool = True
    allow_private_networks: tuple[str, ...] = ()  # CIDRs allowed although not public, e.g. 127.0.0.0/8
    honour_poll_minutes: bool = True    # skip a source polled less than poll_minutes ago

    def allowed_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(n, strict=False) for n in self.allow_private_networks)


def policy_from_mapping(table: Mapping[str, Any], base: FetchPolicy | None = None) -> FetchPolicy:
    """A FetchPolicy from a `[fetch]` table; unknown keys and bad values raise ValueError."""
    base = base or FetchPolicy()
    known = {f.name: type(getattr(base, f.name)) for f in fields(FetchPolicy)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ValueError(f"[fetch] {key}: unknown key (known: {', '.join(sorted(known))})")
        values[key] = _coerce(key, value, known[key])
    out = FetchPolicy(**{f.name: values.get(f.name, getattr(base, f.name)) for f in fields(FetchPolicy)})
    try:
        out.allowed_networks()
    except ValueError as exc:
        raise ValueError(f"[fetch] allow_private_networks: {exc}") from None
    return out


def _coerce(key: str, value: Any, kind: type) -> Any:
    if kind is tuple:
        items = value.split(",") if isinstance(value, str) else value
        return tuple(str(v).strip() for v in items if str(v).strip())
    if kind is bool:
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
    try:
        out = kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"[fetch] {key}: expected a {kind.__name__}, got {value!r}") from None
    if kind in (int, float) and out < 0:
        raise ValueError(f"[fetch] {key}: must not be negative")
    return out
