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
from itertools import accumulate, compress
from operator import add

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


_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")


def fold(text: str) -> str:
    """Same-length folded copy of `text` (see module docstring)."""
    if text.isascii():
        return text.translate(_TABLE)
    # str.translate has a fast path for ASCII strings only: the ASCII runs take it, the
    # (short) non-ASCII runs between them the general one.
    return "".join([part.translate(_TABLE) for part in _NON_ASCII_RUN.split(text)])


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
    "l'Etat islamique"); matches do not overlap. Where the first tokens occur comes from the
    text's `Tokens` (its words with their offsets, split once per document)."""

    def __init__(self, key=None) -> None:
        self._index: dict[str, dict] = {}
        self._key = key
        self._first: dict[str, tuple[dict, int]] = {}  # text word -> (trie node, chars skipped)
        self._next_words: dict[str, frozenset | None] = {}  # text word -> _next_words(its node)
        self._seen: set[str] = set()  # text words already looked up (bounded cache)

    def add(self, phrase: str, value: object) -> None:
        self.add_tokens(tuple(m.group() for m in _WORD_OR_MARK.finditer(fold(phrase))), value)

    def add_tokens(self, toks: tuple[str, ...], value: object) -> None:
        """Index a phrase given as folded tokens (a trie of comparison keys)."""
        if not toks:
            return
        self._first.clear()
        self._seen.clear()
        self._next_words.clear()
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
        out: list[tuple[int, int, object]] = []
        for start, end, node, ends_here in self._hits(toks):
            if out and start < out[-1][1] and end >= out[-1][1]:
                continue  # inside the previous match: it cannot be longer
            if ends_here:
                hit = _accepted(start, end, node[_VALUES], accept)
            else:
                hit = self._longest(folded, start, end, node, accept)
            if hit is None:
                continue
            if out and hit[0] < out[-1][1]:  # overlapping: the longer phrase wins
                if hit[1] - hit[0] > out[-1][1] - out[-1][0]:
                    out[-1] = hit
                continue
            out.append(hit)
        return out

    def _hits(self, toks: "Tokens") -> list[tuple[int, int, dict, bool]]:
        """(start, end, trie node, whether the next token continues no phrase) of the words
        of the text that may start a phrase, in text order."""
        found = self._first_words(toks.uniq)
        hits, first, key = [], self._first, self._key
        for start, end, w, nxt in toks.occurrences(found) if found else ():
            node, skip = first[w]
            ends_here = nxt is None or (key(nxt) if key else nxt) not in node
            if ends_here and _VALUES not in node:
                continue  # and no phrase is this word alone
            hits.append((start + skip, end, node, ends_here))
        return hits

    def _first_words(self, uniq: set[str]) -> set[str]:
        """The distinct words of a text that are the first token of a phrase (without a key
        function, only those of which one of the words that may follow is in the text too)."""
        if len(self._seen) > 200_000:  # bounded cache (words seen in texts); emptied before this
            self._seen.clear()      # text's words are looked up, so that none of them is lost
            self._first.clear()
            self._next_words.clear()
        new = uniq - self._seen
        if new:
            self._learn(new)
        found = uniq & self._first.keys()
        if self._key is None:  # (with a key function, the text's keys are not at hand)
            found = {w for w in found if (nxt := self._next_words[w]) is None or not nxt.isdisjoint(uniq)}
        return found

    def _learn(self, new: set[str]) -> None:
        """Look the text words never seen before up in the trie (by comparison key)."""
        index, key = self._index, self._key
        for w in new:
            node, skip = index.get(key(w) if key else w), 0
            if node is None and len(w) > 3 and w[0] in _PROCLITICS and not w.isascii():
                node, skip = index.get(w[1:]), 1  # Arabic "wa-", "fa-", "bi-", "li-" glued to a name
            if node is not None:
                self._first[w] = (node, skip)
                self._next_words[w] = _next_words(node)
        self._seen |= new

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
            hit = _accepted(start, end, vals, accept)
            if hit is not None:
                return hit
        return None


def _next_words(node: dict) -> frozenset | None:
    """The words one of which must follow a first word (trie node `node`) for a phrase to start
    there; None when the word is a phrase by itself or a mark may follow it. A first word none
    of whose next words is in the text starts no phrase there: it is not looked for."""
    if _VALUES in node or not all(_WORD_SPLIT.fullmatch(k) for k in node):
        return None
    return frozenset(node)


def _accepted(start: int, end: int, values: list, accept) -> tuple[int, int, object] | None:
    """The first of the values of the phrase at start:end that `accept` takes."""
    for value in values:
        if accept is None or accept(start, end, value):
            return start, end, value
    return None


class Tokens:
    """The words (\\w+ runs) of a folded text, split once per document and shared by the
    entity and place indexes: the set of distinct words, and where given words occur."""

    __slots__ = ("folded", "_pieces", "_ends", "_spans", "_uniq")

    def __init__(self, folded: str):
        self.folded = folded
        self._pieces: list[str] | None = None  # ASCII text: split at every non-word character
        self._ends: list[int] | None = None  # where each piece ends (computed when first needed)
        self._spans: tuple[list[str], list[int], list[int]] | None = None  # other text: words, starts, ends
        if folded.isascii():  # a C-level split, about three times cheaper than a regex's
            self._pieces = folded.translate(_NON_WORD_TO_SPACE).split(" ")
        else:
            parts = _WORD_SPLIT.split(folded)  # separator, word, separator, ..., word, separator
            offsets = list(accumulate(map(len, parts)))  # the end of each part
            self._spans = parts[1::2], offsets[0:-1:2], offsets[1::2]
        self._uniq: set[str] | None = None

    @property
    def uniq(self) -> set[str]:
        if self._uniq is None:
            self._uniq = set(self._pieces if self._pieces is not None else self._spans[0])
            self._uniq.discard("")  # the empty pieces between two non-word characters
        return self._uniq

    def occurrences(self, found: set[str]) -> list[tuple[int, int, str, str | None]]:
        """(start, end, word, next) of each occurrence of a word of `found`, in text order;
        `next`: the token after it (the next word, or a punctuation mark: what _NEXT_TOKEN
        reads), None at the end of the text."""
        if self._pieces is None:
            return self._occurrences_in_spans(found)
        pieces, folded, out = self._pieces, self.folded, []
        if self._ends is None:  # piece i spans _ends[i] - len(piece):_ends[i] (one character after each)
            self._ends = list(map(add, accumulate(map(len, pieces)), range(len(pieces))))
        n, ends = len(pieces), self._ends
        for i in compress(range(n), map(found.__contains__, pieces)):  # a C loop over the pieces
            w, end, j = pieces[i], ends[i], i + 1
            while j < n and not pieces[j]:
                j += 1
            rest = folded[end:end + j - i].lstrip()  # the non-word text up to the next word
            out.append((end - len(w), end, w, rest[0] if rest else pieces[j] if j < n else None))
        return out

    def _occurrences_in_spans(self, found: set[str]) -> list[tuple[int, int, str, str | None]]:
        words, starts, ends = self._spans
        folded, last, out = self.folded, len(words) - 1, []
        for k in compress(range(len(words)), map(found.__contains__, words)):
            rest = (folded[ends[k]:starts[k + 1]] if k < last else folded[ends[k]:]).lstrip()
            out.append((starts[k], ends[k], words[k], rest[0] if rest else words[k + 1] if k < last else None))
        return out


_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_WORD_SPLIT = re.compile(r"(\w+)")
# ASCII non-word characters -> space: Tokens splits ASCII text there.
_NON_WORD_TO_SPACE = str.maketrans({c: " " for c in map(chr, range(128)) if not re.fullmatch(r"\w", c)})
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
