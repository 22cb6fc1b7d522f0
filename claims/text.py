"""Text normalisation that keeps character offsets.

`fold(text)` maps every character to exactly one character, so an offset in the folded
text is the same offset in the original: case is lowered, diacritics dropped, every dash
and hyphen becomes a space, curly quotes and apostrophes become ASCII ones, NBSP and
other odd spaces become a plain space, control characters become a space.

`norm_name(s)` is the comparison key of a name (folded, al-/el- prefixes glued and
possessive 's dropped, whitespace collapsed): "Al-Mourabitoun's" and "al Mourabitoun"
have the same key.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad_/"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u2032`\u00b4"
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\f\v"


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in _DASHES or ch in _SPACES:
        return " "
    if ch in _APOSTROPHES:
        return "'"
    if ch in _QUOTES:
        return '"'
    if ch == "\n":
        return "\n"
    code = ord(ch)
    if code < 32 or 0x7f <= code < 0xa0 or ch in "\u200b\u200c\u200d\u2060\ufeff":
        return " "
    if code < 128:
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    if len(low) != 1:
        return base
    if unicodedata.category(low).startswith("M"):  # a lone combining mark
        return " "
    return low


_ASCII_TABLE = {i: _fold_char(chr(i)) for i in range(128)}


def fold(text: str) -> str:
    """Same-length folded copy of `text` (see module docstring)."""
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    return "".join([_fold_char(ch) for ch in text])


_AL_PREFIX = re.compile(r"\b(?:al|el|ul|ad|ed|ash|as|an|ar)\s+(?=\w)")
_POSSESSIVE = re.compile(r"'s\b|'$")
_NON_WORD = re.compile(r"[^\w']+")


def norm_name(name: str) -> str:
    """Comparison key of a name; equal for transliteration/punctuation variants."""
    s = fold(name)
    s = _POSSESSIVE.sub("", s)
    s = _NON_WORD.sub(" ", s).replace("'", "")
    s = _AL_PREFIX.sub(lambda m: m.group(0).strip(), s)
    return " ".join(s.split())


def squash_ws(text: str) -> str:
    """Whitespace folded to single spaces (for comparing evidence sentences)."""
    return " ".join(text.split())


_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")


def tokens(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, token) of the words and punctuation marks of folded text."""
    end = len(folded) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded, start, end)]


class PhraseIndex:
    """Token-sequence lookup over folded text, linear in the text: phrases are indexed by
    their first token and the longest phrase starting at a token wins."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, phrase: str, value: object) -> None:
        toks = tuple(m.group() for m in _WORD_OR_MARK.finditer(fold(phrase)))
        if toks:
            self._index.setdefault(toks[0], []).append((toks, value))
            self._index[toks[0]].sort(key=lambda c: -len(c[0]))

    def find(self, folded: str, toks: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, object]]:
        toks = word_tokens(folded) if toks is None else toks
        words = [t[2] for t in toks]
        out, i, n = [], 0, len(toks)
        while i < n:
            for phrase, value in self._index.get(words[i], ()):
                j = i + len(phrase)
                if tuple(words[i:j]) == phrase:
                    out.append((toks[i][0], toks[j - 1][1], value))
                    i = j - 1
                    break
            i += 1
        return out


_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def word_tokens(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of words and single punctuation marks: the shared tokenisation
    of entity and place matching."""
    return [(m.start(), m.end(), m.group()) for m in _WORD_OR_MARK.finditer(folded)]
