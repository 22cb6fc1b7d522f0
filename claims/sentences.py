"""Sentence splitting with character offsets (text[start:end] == sentence).

A boundary is a line break, or . ! ? (and closing quotes/brackets after them) followed by
whitespace and an upper-case letter, digit, quote or bracket. Abbreviations ("U.S.",
"a.k.a.", "Gen.", "Mr.", "No.") and single-letter initials ("Thierno A. Diallo") do not end
a sentence. Linear in the text; a text without any boundary is one sentence.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = {
    "u.s", "u.k", "u.n", "a.k.a", "aka", "e.g", "i.e", "etc", "gen", "lt", "col", "maj", "capt", "sgt", "mr",
    "mrs", "ms", "dr", "prof", "st", "no", "vol", "fig", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    "sen", "rep", "gov", "pres", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "cf", "approx", "dept", "est",
    "m", "mme", "mgr", "av", "j.-c", "p", "pp", "ibid", "op", "al",
}
# `[.!?]+...(?=...)|\n\s*`, written to open on one character class: the engine then skips the
# offsets that hold none of these characters (a pattern that opens on a repeat or an
# alternation of a repeat is tried at every offset). A line break takes the white space after
# it, blank lines included: the spans between them would be empty.
_CANDIDATE = re.compile(r"[.!?\n](?:(?<=\n)\s*|[.!?]*(?:\[\d{1,3}\])?[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F\u0600-\u06FF]))")
_RUN_BACKWARDS = re.compile(r"[\w.\-]+")
MAX_SENTENCE = 800  # a longer run without boundary is cut (keeps the work per sentence bounded)


_new = tuple.__new__  # builds a NamedTuple from a tuple of its fields (its own __new__ is a Python function)


class Span(NamedTuple):  # (a tuple: cheaper to build than a frozen dataclass)
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, whitespace trimmed, empty ones dropped."""
    spans: list[Span] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        at, end = m.span()
        if text[at] == "." and _is_abbreviation(text, at):  # (a line break, "!" or "?" always ends one)
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    lo = max(0, dot - 20)
    # The run of word characters, dots and hyphens that ends at the dot (at most 20 characters
    # back). The common case first: letters after a space (that run, read without a regex).
    start, end = text.rfind(" ", lo, dot) + 1, dot
    if not (start and text[start:end].isalpha()):
        end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot  # "$" also matches before a final newline
        # Matched on the reversed window (one attempt) rather than searched for (one per offset).
        w = _RUN_BACKWARDS.match(text[lo:end][::-1])
        if not w:
            return False
        start = end - w.end()
    word = text[start:end].lower().lstrip("(").rstrip(".")
    if word in _ABBREV:
        return True
    return len(word) == 1 and word.isalpha() and text[start].isupper()  # an initial


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    # Trimmed of the characters for which str.isspace holds (those str.strip removes): a
    # sentence opens on a space or none, and ends on a few at most (a line break's).
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append(_new(Span, (start, cut)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(_new(Span, (start, end)))
