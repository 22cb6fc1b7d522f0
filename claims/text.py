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


class _FoldTable(dict):
    """str.translate table filled on first sight of a character."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold_char(chr(code))
        return self[code]


_TABLE = _FoldTable(_ASCII_TABLE)


def fold(text: str) -> str:
    """Same-length folded copy of `text` (see module docstring)."""
    return text.translate(_TABLE)


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


class PhraseIndex:
    """Phrase lookup over folded text. Phrases are token sequences indexed by their first
    token; `find` keeps the first tokens present in the text (a set intersection) and
    tries phrases only where they occur, so its cost is linear in the text whatever the
    number of phrases. The longest phrase wins ("l'Etat islamique au Grand Sahara" over
    "l'Etat islamique"); matches do not overlap."""

    def __init__(self, key=None) -> None:
        self._index: dict[str, dict] = {}
        self._key = key
        self._rx: dict[str, re.Pattern] = {}  # word -> its whole-word regex
        self._first: dict[str, tuple[dict, int]] = {}  # text word -> (trie node, chars skipped)
        self._seen: set[str] = set()  # text words already looked up (bounded cache)

    def add(self, phrase: str, value: object) -> None:
        self.add_tokens(tuple(m.group() for m in _WORD_OR_MARK.finditer(fold(phrase))), value)

    def add_tokens(self, toks: tuple[str, ...], value: object) -> None:
        """Index a phrase given as folded tokens (a trie of comparison keys)."""
        if not toks:
            return
        self._first.clear()
        self._seen.clear()
        self._rx.clear()
        node = self._index
        for t in toks:
            node = node.setdefault(self._key(t) if self._key else t, {})
        vals = node.setdefault(_VALUES, [])
        if value not in vals:
            vals.append(value)

    def find(self, folded: str, accept=None, words: "Tokens | None" = None) -> list[tuple[int, int, object]]:
        """(start, end, value) of the phrases in `folded`; `accept(start, end, value)` may
        veto a match (the next shorter candidate is then tried). `words`: the text's
        `Tokens` when the caller already has them (shared by several indexes)."""
        toks = words if isinstance(words, Tokens) else Tokens(folded)
        uniq = toks.uniq
        new = uniq - self._seen
        if new:
            self._learn(new)
        first = self._first
        hits = []
        for w in uniq & first.keys():
            node, skip = first[w]
            hits += [(m.start() + skip, m.end(), node) for m in self._boundary(w, node).finditer(folded)]
        hits.sort(key=_first_of)
        out: list[tuple[int, int, object]] = []
        for start, end, node in hits:
            if out and start < out[-1][1] and end >= out[-1][1]:
                continue  # inside the previous match: it cannot be longer
            hit = self._longest(folded, start, end, node, accept)
            if hit is None:
                continue
            if out and hit[0] < out[-1][1]:  # overlapping: the longer phrase wins
                if hit[1] - hit[0] > out[-1][1] - out[-1][0]:
                    out[-1] = hit
                continue
            out.append(hit)
        return out

    def _learn(self, new: set[str]) -> None:
        """Look the text words never seen before up in the trie (by comparison key)."""
        if len(self._seen) > 200_000:  # bounded cache (words seen in texts)
            self._seen.clear()
            self._first.clear()
        index, key = self._index, self._key
        for w in new:
            node, skip = index.get(key(w) if key else w), 0
            if node is None and len(w) > 3 and w[0] in _PROCLITICS and not w.isascii():
                node, skip = index.get(w[1:]), 1  # Arabic "wa-", "fa-", "bi-", "li-" glued to a name
            if node is not None:
                self._first[w] = (node, skip)
        self._seen |= new

    def _boundary(self, w: str, node: dict) -> re.Pattern:
        """Whole-word occurrences of text word `w` (trie node `node`). Without a key function,
        a word that is no phrase by itself ("in" of "In Amenas") is only found where one of
        the tokens that may follow it does (a lookahead): the other occurrences could not
        start a phrase, and the trie walk is spared."""
        rx = self._rx.get(w)
        if rx is None:
            e = re.escape(w)  # the literal first, so that the engine's fast literal search applies
            rx = re.compile(e + r"(?!\w)(?<!\w" + e + ")" + (_follow(node) if self._key is None else ""))
            if len(self._rx) > 50_000:  # bounded cache (words seen in texts)
                self._rx.clear()
            self._rx[w] = rx
        return rx

    def _longest(self, folded: str, start: int, end: int, node: dict, accept):
        """The longest accepted phrase starting at `start` (its first token ends at `end`)."""
        ends, key = [], self._key
        while True:
            if _VALUES in node:
                ends.append((end, node[_VALUES]))
            m = _NEXT_TOKEN.match(folded, end)
            if m is None:
                break
            w = m.group(1)
            node = node.get(key(w) if key else w)
            if node is None:
                break
            end = m.end()
        for end, vals in reversed(ends):
            for value in vals:
                if accept is None or accept(start, end, value):
                    return start, end, value
        return None


class Tokens:
    """The distinct words of a folded text (computed once per document, shared by the
    entity and place indexes) and their comparison keys."""

    __slots__ = ("folded", "_uniq")

    def __init__(self, folded: str):
        self.folded = folded
        self._uniq: set[str] | None = None

    @property
    def uniq(self) -> set[str]:
        if self._uniq is None:
            f = self.folded
            self._uniq = set(f.translate(_PUNCT_TO_SPACE).split()) if f.isascii() else set(_WORD.findall(f))
        return self._uniq


def _follow(node: dict) -> str:
    """Lookahead for the next token of a phrase continuing at `node` ("" where the phrase may
    end here): the same token that `_NEXT_TOKEN` reads, among the node's children."""
    if _VALUES in node:
        return ""
    alts = sorted(re.escape(k) + (r"(?!\w)" if _WORD.fullmatch(k) else "") for k in node)
    return r"(?=\s*(?:" + "|".join(alts) + "))" if alts else r"(?!)"


def _first_of(hit: tuple) -> int:
    return hit[0]


_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_WORD = re.compile(r"\w+")
_PUNCT_TO_SPACE = {ord(c): " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"}
_NONE = object()
_PROCLITICS = "\u0648\u0641\u0628\u0644"  # و ف ب ل glued to the next Arabic word
_VALUES = "\x00"  # trie key of the values of a phrase ending here (never a token)
_TRANSLIT = tuple((re.compile(a), b) for a, b in (
    (r"ou", "u"), (r"oo", "u"), (r"dj", "j"), (r"w", "u"), (r"ee", "i"), (r"(\w)\1", r"\1"), (r"e$", "")))


@lru_cache(maxsize=1 << 16)
def translit_key(word: str) -> str:
    """Transliteration-insensitive key of a folded word of five letters or more:
    Mourabitoune, Murabitun and Mourabitoun share one, so do Sahraoui and Sahrawi
    (ou/oo/w -> u, dj -> j, ee -> i, doubled letters, final e). Shorter words are kept."""
    if len(word) < 5 or not word.isalpha():
        return word
    for a, b in _TRANSLIT:
        word = a.sub(b, word)
    return word


_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def words(folded: str) -> list[str]:
    """The words and punctuation marks of folded text (the tokens of phrase matching)."""
    return _WORD_OR_MARK.findall(folded)
