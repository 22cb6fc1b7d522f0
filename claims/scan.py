"""Faster equivalents of `rx.finditer(text)` for patterns that cannot use the regex engine's
literal-prefix search (those that open on \\b, a lookbehind or an optional word): such a pattern
is tried at every offset of the text, which costs far more than a few literal searches. When
every match is known to hold an "anchor" (a literal word found cheaply), the pattern is only
tried near the anchors; the matches are exactly those of `rx.finditer(text)`."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
    """`rx.finditer(text)` for a pattern that opens at a word start (\\b before a word character, or
    ^) and each match of which holds one of `anchors` (sorted offsets of words that open a white-space
    separated chunk of the text), preceded in the match by at most n white-space separated words;
    `bounds`: `window_bounds(text, anchors, n)`. See `window_starts`."""
    return finditer_at(rx, text, window_starts(word_starts(text), anchors, bounds))


_WORD_AFTER = re.compile(r"\W\w")  # (it opens on a character class: only non-word characters are tried)


def word_starts(text: str) -> list[int]:
    """0 and the offsets at which a word (a run of \\w) opens: where a match that opens on \\b before
    a word character, or on ^, may start."""
    return [0, *[m.end() - 1 for m in _WORD_AFTER.finditer(text)]]


def window_starts(starts: list[int], anchors: list[int], bounds: list[int]) -> list[int]:
    """The offsets of `starts` (sorted) that lie in the window of an anchor: from its own bound (see
    `window_bounds`) to the anchor. A pattern's matches start there only, so `finditer_at` tried
    there finds what `rx.finditer` finds, trying a few words near each anchor instead of every
    offset from the first window to the end of the text. An offset lies in such a window iff it
    is at or after `bounds[i]` (the least bound of the anchors from i on), i the first anchor at
    or after it: each anchor adds the offsets after the anchor before it, from its bound on."""
    out: list[int] = []
    after = 0
    for a, lo in zip(anchors, bounds):
        out += starts[bisect_left(starts, max(lo, after)):bisect_right(starts, a)]
        after = a + 1
    return out


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
