"""Text helpers for the digest: one-line cleaning, name highlighting, safe links.

Everything here is pure (strings in, strings or tuples out). Escaping is not done here:
the HTML template escapes every value through jinja2's autoescape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# CR, LF and every other character that may end a line or confuse a header or a terminal.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r"\s+")
_SAFE_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of evidence text; `highlight` marks a linked name."""

    text: str
    highlight: bool = False


def one_line(value: object) -> str:
    """`value` as one line: line breaks and control characters become spaces, runs folded."""
    if value is None:
        return ""
    text = _BREAKS.sub(" ", str(value))
    return _SPACES.sub(" ", text).strip()


def safe_href(url: object) -> str | None:
    """The URL if it is an http(s) link with a host, else None (never link `javascript:`)."""
    text = one_line(url)
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return text


def highlight(sentence: str, names: list[str]) -> tuple[Segment, ...]:
    """Split `sentence` into segments, marking every case-insensitive occurrence of a name."""
    spans = _merge(_find_spans(sentence, names))
    segments: list[Segment] = []
    cursor = 0
    for start, end in spans:
        if start > cursor:
            segments.append(Segment(sentence[cursor:start]))
        segments.append(Segment(sentence[start:end], True))
        cursor = end
    if cursor < len(sentence):
        segments.append(Segment(sentence[cursor:]))
    return tuple(segments)


def _find_spans(sentence: str, names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each name found as a whole word (not inside a longer word)."""
    spans = []
    for name in {n.strip() for n in names if n and n.strip()}:
        pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
        spans.extend(m.span() for m in re.finditer(pattern, sentence, re.IGNORECASE))
    return sorted(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined into one (sorted input)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
