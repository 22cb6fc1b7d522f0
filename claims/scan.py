"""Faster equivalents of `rx.finditer(text)` for patterns that cannot use the regex engine's
literal-prefix search (those that open on \\b, a lookbehind or an optional word): such a pattern
is tried at every offset of the text, which costs far more than a few literal searches. When
every match is known to hold an "anchor" (a literal word found cheaply), the pattern is only
tried near the anchors; the matches are exactly those of `rx.finditer(text)`."""
from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_at(rx: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`rx.finditer(text)` for a pattern whose matches can only start at `starts` (sorted)."""
    end = 0
    for p in starts:
        if p >= end:
            m = rx.match(text, p)
            if m is not None:
                end = m.end()
                yield m


def finditer_near(rx: re.Pattern, text: str, anchors: list[int], bounds: list[int]) -> Iterator[re.Match]:
    """`rx.finditer(text)` for a pattern each match of which holds one of `anchors` (sorted
    offsets of words that open a white-space separated chunk of the text), preceded in the
    match by at most n white-space separated words; `bounds`: `window_bounds(text, anchors, n)`.
    The search for the next match starts at the least bound of the anchors not yet passed (or
    where the previous match ended), so no match is skipped and none is found out of turn."""
    pos, i = 0, 0
    while i < len(anchors):
        m = rx.search(text, max(pos, bounds[i]))
        if m is None:
            return
        yield m
        pos = m.end()
        while i < len(anchors) and anchors[i] < pos:  # a match that held it would start before `pos`
            i += 1


def window_bounds(text: str, anchors: list[int], words: int) -> list[int]:
    """For each anchor, an offset at or before the start of any match that holds it and the
    match's words before it (at most `words`) or any later anchor: 60 characters back if these
    hold more words than that (only the first of them may be cut short), else the start of the
    text; then the least of it and the bounds of the later anchors."""
    bounds = []
    for a in anchors:
        lo = max(0, a - 60)
        bounds.append(lo if len(text[lo:a].split()) > words else 0)
    for i in range(len(bounds) - 2, -1, -1):
        bounds[i] = min(bounds[i], bounds[i + 1])
    return bounds
