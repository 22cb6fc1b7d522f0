"""Sentence splitting with character offsets (text[start:end] == sentence).

A boundary is a line break, or . ! ? (and closing quotes/brackets after them) followed by
whitespace and an upper-case letter, digit, quote or bracket. Abbreviations ("U.S.",
"a.k.a.", "Gen.", "Mr.", "No.") and single-letter initials ("Thierno A. Diallo") do not end
a sentence. Linear in the text; a text without any boundary is one sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "u.s", "u.k", "u.n", "a.k.a", "aka", "e.g", "i.e", "etc", "gen", "lt", "col", "maj", "capt", "sgt", "mr",
    "mrs", "ms", "dr", "prof", "st", "no", "vol", "fig", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    "sen", "rep", "gov", "pres", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "cf", "approx", "dept", "est",
    "m", "mme", "mgr", "av", "j.-c", "p", "pp", "ibid", "op", "al",
}
_CANDIDATE = re.compile(r"[.!?]+(?:\[\d{1,3}\])?[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F\u0600-\u06FF])|\n")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
MAX_SENTENCE = 800  # a longer run without boundary is cut (keeps the work per sentence bounded)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, whitespace trimmed, empty ones dropped."""
    spans: list[Span] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.group() != "\n" and _is_abbreviation(text, m.start()):
            continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    w = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not w:
        return False
    word = w.group(1).lower().lstrip("(").rstrip(".")
    if word in _ABBREV:
        return True
    return len(word) == 1 and word.isalpha() and text[w.start(1)].isupper()  # an initial


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append(Span(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(Span(start, end))
