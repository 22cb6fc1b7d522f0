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


def any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """A pattern that matches at an offset iff one of `patterns` does there: their alternation,
    the group names dropped (none of them refers to a group, so they match as before). Tried once
    at each offset that the patterns are to be tried at (`matching_starts`), it keeps those where
    one of them matches: one regex call an offset instead of one a pattern and offset."""
    return re.compile("|".join("(?:" + _GROUP_NAME.sub("(?:", rx.pattern) + ")" for rx in patterns))


_GROUP_NAME = re.compile(r"(?<!\\)\(\?P<\w+>")


def matching_starts(rx: re.Pattern, text: str, starts: list[int]) -> list[int]:
    """The offsets of `starts` at which `rx` matches (see `any_of`): `finditer_at` of any of the
    patterns finds the same matches at these as at `starts`, as it finds none at the others."""
    return [p for p in starts if rx.match(text, p) is not None]


def window_starts(text: str, anchors: list[int], bounds: list[int]) -> list[int]:
    """The offsets (sorted) in the window of an anchor (from its own bound, see `window_bounds`, to
    the anchor) at which a word opens, and 0 if it lies in one. A pattern whose matches open at a
    word start (\\b before a word character, or ^) and each hold one of `anchors` (sorted offsets
    of words that open a white-space separated chunk of the text), preceded in the match by at
    most n white-space separated words (`bounds`: `window_bounds(text, anchors, n)`), starts there
    only: `finditer_at` tried there finds what `rx.finditer` finds, trying a few words near each
    anchor instead of every offset from the first window to the end of the text. An offset lies
    in such a window iff it is at or after `bounds[i]` (the least bound of the anchors from i on),
    i the first anchor at or after it: each anchor adds the offsets after the anchor before it,
    from its bound on."""
    out: list[int] = []
    after = 0
    for a, lo in zip(anchors, bounds):
        if max(lo, after) <= a:
            out += _word_starts(text, max(lo, after), a + 1)
        after = a + 1
    return out


_WORD_AFTER = re.compile(r"\W\w")
# The translation table of the ASCII fast paths (here and in claims.dates, claims.numbers,
# claims.attack_triggers), for `text.encode().translate(...)`: every ASCII character that is not \w
# becomes a space, so that split (or a search for " w") finds the words of ASCII text where a regex
# scan would test each character's Unicode class. It has all 256 entries (those over 127 blank; it
# serves ASCII text only); a str table costs more: str.translate looks each distinct character up
# anew on each call.
BLANK_NON_WORD_BYTES = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + b" " * 128


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    """The offsets in [lo, hi) at which a word (a run of \\w) opens, and 0 if lo is 0. ASCII text
    (the usual case) is cut at its non-word characters, blanked, by split: a regex scan tests
    each character's Unicode class, which costs far more. (It is blanked as bytes: str.translate
    looks each distinct character up in its table anew on each call.)"""
    base = lo - 1 if lo else 0  # (from the character before lo, which tells whether a word opens at lo)
    if not text.isascii():
        return [0] * (not lo) + [m.end() - 1 for m in _WORD_AFTER.finditer(text, base, hi)]
    starts, at = [0] * (not lo), base
    for word in text[base:hi].encode().translate(BLANK_NON_WORD_BYTES).split(b" "):
        if word and at > base:
            starts.append(at)
        at += len(word) + 1
    return starts


def window_bounds(text: str, anchors: list[int], words: int) -> list[int]:
    """For each anchor, an offset at or before the start of any match that holds it and the
    match's words before it (at most `words`) or any later anchor: 60 characters back if these
    hold more words than that (only the first of them may be cut short), else the start of the
    text; then the least of it and the bounds of the later anchors. (A split at most `words` times
    gives more than `words` pieces iff there are more words: the rest is left in one piece.)"""
    bounds = []
    for a in anchors:
        lo = max(0, a - 60)
        bounds.append(lo if len(text[lo:a].split(None, words)) > words else 0)
    for i in range(len(bounds) - 2, -1, -1):
        bounds[i] = min(bounds[i], bounds[i + 1])
    return bounds
