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
from collections.abc import Callable
from functools import lru_cache
from itertools import compress

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


class _LazyTable(dict):
    """str.translate table filled on first sight of a character: code -> `fill(code)`."""

    def __init__(self, fill: Callable[[int], str], known: dict[int, str] | None = None):
        super().__init__(known or {})
        self._fill = fill

    def __missing__(self, code: int) -> str:
        self[code] = got = self._fill(code)
        return got


_TABLE = _LazyTable(lambda code: _fold_char(chr(code)), _ASCII_TABLE)


def fold(text: str) -> str:
    """Same-length folded copy of `text` (see module docstring)."""
    folded = _sparse_translate(text, _TABLE, _TABLE_MARKED)
    return text.translate(_TABLE) if folded is None else folded


def _sparse_translate(text: str, table: dict[int, str], marked_table: bytes) -> str | None:
    """`text.translate(table)` (a table that maps every character to one character) for text
    with few non-ASCII characters; None for text with many (Arabic script). `marked_table`:
    `_marked_table(table)`.

    str.translate has a fast path for ASCII strings only. News in English or French holds a
    few non-ASCII characters (curly quotes, accented letters): the text is translated as ASCII
    bytes with each of them replaced by "?" (one byte each: offsets hold) and cut at the "?"s;
    these characters and the text's own "?"s, taken at once from its UTF-8 bytes (where every
    byte of a non-ASCII character is a non-ASCII one), are translated apart and put back in
    between. Every step is a C loop over the text or the pieces: a Python loop over the "?"s
    cost several times more."""
    if text.isascii():
        return text.translate(table)
    split = _split_marks(text)
    return None if split is None else _translate_split(split, table, marked_table)


def _split_marks(text: str) -> tuple[bytes, str] | None:
    """Non-ASCII `text` as `_sparse_translate` takes it: its ASCII bytes (a "?" for each non-ASCII
    character) and its marks (its non-ASCII characters and "?"s, in order); None for text with
    many non-ASCII characters. (Apart, so that `fold_tokens` translates them by two tables.)"""
    marks = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BUT_QMARK).decode("utf-8", "surrogatepass")
    if (len(marks) - marks.count("?")) * 16 > len(text):  # more than one in 16 characters non-ASCII
        return None
    return text.encode("ascii", "replace"), marks


def _translate_split(split: tuple[bytes, str], table: dict[int, str], marked_table: bytes) -> str:
    """The text of `split` (`_split_marks`) translated by `table` (`marked_table` for its ASCII bytes)."""
    ascii_bytes, marks = split
    runs = ascii_bytes.translate(marked_table).decode("ascii").split("?")
    parts = [""] * (len(runs) + len(marks))
    parts[::2] = runs
    parts[1::2] = marks.translate(table)
    return "".join(parts)


_ASCII_BUT_QMARK = bytes(i for i in range(128) if i != ord("?"))


def _marked_table(table: dict[int, str]) -> bytes:
    """The bytes.translate table of the ASCII characters of `table` (each mapped to one ASCII
    character), but for "?", kept (_sparse_translate's mark), which none of the others may become."""
    out = bytearray(range(256))
    for i in range(128):
        if i != ord("?"):
            out[i] = ord(table[i])
    if out.count(b"?") != 1:
        raise ValueError("a translation table that maps a character to '?'")
    return bytes(out)


_TABLE_MARKED = _marked_table(_TABLE)


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
        # text word -> (trie node, chars skipped, longer phrases, the values of the word alone)
        self._first: dict[str, tuple[dict, int, bool, list | None]] = {}
        self._next_words: dict[str, frozenset | None] = {}  # text word -> _next_words(its node)
        self._seen: set[str] = set()  # text words already looked up (bounded cache)
        # with a key function: text word -> its key, for every word of _seen (a dict look-up,
        # where a call of the key function costs several times more)
        self._keys: dict[str, str] = {}
        self._last: tuple[set[str], set[str]] | None = None  # the last text's words and _first_words of them

    def add(self, phrase: str, value: object) -> None:
        self.add_tokens(tuple(m.group() for m in _WORD_OR_MARK.finditer(fold(phrase))), value)

    def add_tokens(self, toks: tuple[str, ...], value: object) -> None:
        """Index a phrase given as folded tokens (a trie of comparison keys)."""
        if not toks:
            return
        self._forget()
        node = self._index
        for t in toks:
            node = node.setdefault(self._key(t) if self._key else t, {})
        vals = node.setdefault(_VALUES, [])
        if value not in vals:
            vals.append(value)

    def find(self, folded: str, accept=None, words: "Tokens | None" = None) -> list[tuple[int, int, object]]:
        """(start, end, value) of the phrases in `folded`; `accept(start, end, value)` may
        veto a match (the next shorter candidate is then tried). `words`: the text's
        `Tokens` when the caller already has them (shared by several indexes).

        The words of the text that may start a phrase are taken in text order; the next token
        is only read where a longer phrase may follow: where a word follows after a space, read
        here (Tokens.next_token's common case, without a call: most first words are followed by
        no word that continues a phrase), else by `Tokens.next_token`."""
        toks = words if isinstance(words, Tokens) else Tokens(folded)
        found = self._first_words(toks.uniq)
        out: list[tuple[int, int, object]] = []
        if not found:
            return out
        first, key, keys, next_token, pieces, folded = self._first, self._key, self._keys, toks.next_token, toks.pieces, toks.folded
        last_start = last_end = -1  # the span of out[-1]
        for start, end, w, i in toks.occurrences(found):
            node, skip, goes_on, vals = first[w]
            start += skip
            if start < last_end <= end:
                continue  # inside the previous match, at its end: no phrase from here is longer
            child = None
            if goes_on:
                nxt = pieces[i + 1]
                if nxt and folded[end] == " ":
                    child = node.get(keys[nxt] if key else nxt)  # (a word of the text: _first_words keyed it)
                    if child is not None:
                        nxt = (nxt, end + 1 + len(nxt), i + 1)
                else:
                    nxt = next_token(i, end)
                    if nxt is not None:
                        child = node.get(key(nxt[0]) if key else nxt[0])
            if child is None:  # the phrase ends here
                if vals is None:
                    continue  # and no phrase is this word alone
                if accept is None:
                    hit = (start, end, vals[0])
                else:
                    hit = _accepted(start, end, vals, accept)
                    if hit is None:
                        continue
            elif len(child) == 1 and _VALUES in child:  # a phrase of two tokens that none longer goes on from:
                hit = _accepted(start, nxt[1], child[_VALUES], accept)  # (what _longest gives, without its walk)
                if hit is None and vals is not None:
                    hit = _accepted(start, end, vals, accept)
                if hit is None:
                    continue
            else:
                hit = self._longest(toks, start, end, vals, accept, child, nxt)
                if hit is None:
                    continue
            if hit[0] < last_end:  # overlapping: the longer phrase wins
                if hit[1] - hit[0] > last_end - last_start:
                    out[-1] = hit
                    last_start, last_end = hit[0], hit[1]
                continue
            out.append(hit)
            last_start, last_end = hit[0], hit[1]
        return out

    def first_words(self, toks: "Tokens") -> set[str]:
        """The words of a text (its `Tokens`) at which `find` tries phrases."""
        return self._first_words(toks.uniq)

    def _first_words(self, uniq: set[str]) -> set[str]:
        """The distinct words of a text that are the first token of a phrase (without a key
        function, only those of which one of the words that may follow is in the text too).
        Asked twice per text (`first_words`, then `find`): the last answer is kept for the same
        set of words (a text's `Tokens.uniq`, never changed once built)."""
        last = self._last
        if last is not None and last[0] is uniq:
            return last[1]
        if len(self._seen) > 200_000:  # bounded cache (words seen in texts); emptied before this
            self._forget()          # text's words are looked up, so that none of them is lost
        new = uniq - self._seen
        if new:
            self._learn(new)
        found = uniq & self._first.keys()
        if self._key is None:  # (with a key function, the text's keys are not at hand)
            found = {w for w in found if (nxt := self._next_words[w]) is None or not nxt.isdisjoint(uniq)}
        self._last = (uniq, found)
        return found

    def _forget(self) -> None:
        """Empty the caches of the words seen in texts."""
        self._seen.clear()
        self._first.clear()
        self._next_words.clear()
        self._keys.clear()
        self._last = None

    def _learn(self, new: set[str]) -> None:
        """Look the text words never seen before up in the trie (by comparison key)."""
        index, key, keys = self._index, self._key, self._keys
        for w in new:
            if key is None:
                k = w
            else:
                k = keys[w] = key(w)
            node, skip = index.get(k), 0
            if node is None and len(w) > 3 and w[0] in _PROCLITICS and not w.isascii():
                node, skip = index.get(w[1:]), 1  # Arabic "wa-", "fa-", "bi-", "li-" glued to a name
            if node is not None:
                self._first[w] = (node, skip, len(node) > (_VALUES in node), node.get(_VALUES))
                self._next_words[w] = _next_words(node)
        self._seen |= new

    def _longest(self, toks: "Tokens", start: int, end: int, vals: list | None, accept, child: dict,
                 nxt: tuple[str, int, int]):
        """The longest accepted phrase starting at `start` (its first token ends at `end`, the values
        of that token alone: `vals`; the next token, `nxt` = Tokens.next_token, leads to trie node
        `child`). The tokens are read from the text's Tokens (a word after a space read here, as in
        `find`), and after a punctuation mark (no piece of them) by _NEXT_TOKEN. No token is read
        after a leaf of the trie (a node that holds values only: every other node leads to a
        value): no longer phrase goes on there."""
        ends, key, keys, folded = [(end, vals)] if vals is not None else [], self._key, self._keys, toks.folded
        node, end, j, pieces = child, nxt[1], nxt[2], toks.pieces
        while True:
            vals = node.get(_VALUES)
            if vals is not None:
                ends.append((end, vals))
                if len(node) == 1:  # a leaf
                    break
            if j >= 0:
                w = pieces[j + 1]
                if w and folded[end] == " ":
                    after, j = end + 1 + len(w), j + 1
                else:
                    nxt = toks.next_token(j, end)
                    if nxt is None:
                        break
                    w, after, j = nxt
            else:
                m = _NEXT_TOKEN.match(folded, end)
                if m is None:
                    break
                w, after = m.group(1), m.end()
            node = node.get((keys.get(w) or key(w)) if key else w)  # (a mark is in no text's words: keyed here)
            if node is None:
                break
            end = after
        for end, vals in reversed(ends):  # the longest phrase that `accept` takes
            hit = _accepted(start, end, vals, accept)
            if hit is not None:
                return hit
        return None


def _accepted(start: int, end: int, values: list, accept) -> tuple[int, int, object] | None:
    """The first of the values of the phrase at start:end that `accept` takes."""
    for value in values:
        if accept is None or accept(start, end, value):
            return start, end, value
    return None


def _next_words(node: dict) -> frozenset | None:
    """The words one of which must follow a first word (trie node `node`) for a phrase to start
    there; None when the word is a phrase by itself or a mark may follow it. A first word none
    of whose next words is in the text starts no phrase there: it is not looked for."""
    if _VALUES in node or not all(_WORD_SPLIT.fullmatch(k) for k in node):
        return None
    return frozenset(node)


class Tokens:
    """The words (\\w+ runs) of a folded text, split once per document and shared by the
    entity and place indexes: the set of distinct words, and where given words occur.
    `pieces`: the text cut at each non-word character (a word, or "" between two such
    characters), and a last "" (after the last word). `spaced`: the folded text with every
    non-word character a space, when the caller has it (`fold_tokens`)."""

    __slots__ = ("folded", "pieces", "_padded", "_uniq", "_shared")

    def __init__(self, folded: str, spaced: str | None = None):
        self.folded = folded
        # Every non-word character becomes a space and the text is split there (a C-level
        # split, about three times cheaper than a regex's): the pieces are the words and the
        # empty strings between two non-word characters.
        if spaced is None:
            spaced = _sparse_translate(folded, _NON_WORD_TO_SPACE, _NON_WORD_MARKED)
        if spaced is None:  # (mostly non-ASCII text: a regex substitution beats str.translate)
            spaced = _NON_WORD_CHAR.sub(" ", folded)
        self.pieces = spaced.split(" ")
        self.pieces.append("")  # (so that a word's piece always has a next one: PhraseIndex reads it)
        self._padded = f" {spaced} "  # where " w " occurs, word w does (offset + 1 in the text)
        self._uniq: set[str] | None = None
        # see share: the words, their occurrences, and the word of each occurrence
        self._shared: tuple[set[str], list[tuple[int, int, str, int]], list[str]] | None = None

    @property
    def uniq(self) -> set[str]:
        if self._uniq is None:
            self._uniq = set(self.pieces)
            self._uniq.discard("")  # the empty pieces between two non-word characters
        return self._uniq

    def share(self, words: set[str]) -> None:
        """Find the occurrences of `words` at once: the union of the words that several indexes
        (names, places, triggers) then ask `occurrences` about, each a subset of them. Each of
        these calls filters this list, where it would read every piece of the text again."""
        found = self._scan(words)
        self._shared = (words, found, [o[2] for o in found])

    def occurrences(self, found: set[str]) -> list[tuple[int, int, str, int]]:
        """(start, end, word, piece index) of each occurrence of a word of `found`, in text
        order (`next_token` reads the token after one)."""
        if self._shared is not None and found <= self._shared[0]:
            _, occ, occ_words = self._shared
            return list(compress(occ, map(found.__contains__, occ_words)))  # (a C loop)
        return self._scan(found)

    def _scan(self, found: set[str]) -> list[tuple[int, int, str, int]]:
        pieces, padded, out = self.pieces, self._padded, []
        pos = 0
        needles = {w: " " + w + " " for w in found}  # (built once per word, not per occurrence)
        for i in compress(_indices(len(pieces)), map(found.__contains__, pieces)):  # a C loop over the pieces
            w = pieces[i]
            # Its offset: the next " w " of the padded text (every occurrence of a word of
            # `found` is taken in turn, so none lies between); a C search, where adding up the
            # lengths of all the pieces before it would cost a step per piece of the text.
            start = padded.find(needles[w], pos)
            pos = start + len(w)
            out.append((start, pos, w, i))
        return out

    def next_token(self, i: int, end: int) -> tuple[str, int, int] | None:
        """The token after piece `i` (an occurrence ending at `end`), its end and its piece index:
        the next word, or a punctuation mark (what _NEXT_TOKEN reads; piece index -1); None at the
        end of the text."""
        pieces, j = self.pieces, i + 1
        n = len(pieces)
        if j < n and pieces[j]:  # (the common case: one character between the two words)
            c = self.folded[end]
            return (pieces[j], end + 1 + len(pieces[j]), j) if c.isspace() else (c, end + 1, -1)
        while j < n and not pieces[j]:
            j += 1
        seg = self.folded[end:end + j - i]  # the non-word text up to the next word
        rest = seg.lstrip()
        if rest:
            return rest[0], end + len(seg) - len(rest) + 1, -1
        return (pieces[j], end + len(seg) + len(pieces[j]), j) if j < n else None


def _indices(n: int) -> "list[int] | range":
    """The ints 0 .. n - 1 (or more: `compress` stops at the end of its other iterable): a list kept
    from text to text, as a range makes each int above 256 anew, for every piece, kept or not
    (a range again for a very long text, so that the list stays small)."""
    if n > len(_INDICES):
        if n > 1 << 16:
            return range(n)
        _INDICES.extend(range(len(_INDICES), n))
    return _INDICES


_INDICES: list[int] = []


def _word_char_or_space(code: int) -> str:
    """The character of `code` if it is a word character, else a space."""
    ch = chr(code)
    return ch if _WORD_CHAR.fullmatch(ch) else " "


_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_WORD_SPLIT = re.compile(r"(\w+)")
_WORD_CHAR = re.compile(r"\w")
_NON_WORD_CHAR = re.compile(r"[^\w ]")
# Non-word characters -> space (a word character maps to itself): Tokens splits the text there.
_NON_WORD_TO_SPACE = _LazyTable(_word_char_or_space, {i: " " for i in range(128) if not _WORD_CHAR.fullmatch(chr(i))})
_NON_WORD_MARKED = _marked_table(_NON_WORD_TO_SPACE)
_PROCLITICS = "\u0648\u0641\u0628\u0644"  # و ف ب ل glued to the next Arabic word
_VALUES = "\x00"  # trie key of the values of a phrase ending here (never a token)
_TRANSLIT = tuple((re.compile(a), b) for a, b in (
    (r"ou", "u"), (r"oo", "u"), (r"dj", "j"), (r"w", "u"), (r"ee", "i"), (r"(\w)\1", r"\1"), (r"e$", "")))


# str.translate table of `fold` and then `_NON_WORD_TO_SPACE`: a character -> its folded form, or a
# space where that is no word character
_FOLD_TO_SPACE = _LazyTable(lambda code: _NON_WORD_TO_SPACE[ord(_TABLE[code])])
_FOLD_TO_SPACE_MARKED = _marked_table(_FOLD_TO_SPACE)


def fold_tokens(text: str) -> Tokens:
    """`Tokens(fold(text))`. Where the text folds to non-ASCII text (names in Arabic script, a
    symbol), its non-word characters are made spaces from the same ASCII bytes and non-ASCII
    characters as the folding (`_split_marks`, translated by the table of both), where `Tokens`
    would take them from the folded text again. (Text that folds to ASCII is left to `Tokens`:
    the fast path of str.translate for ASCII costs less.)"""
    split = None if text.isascii() else _split_marks(text)
    if split is None:  # ASCII text, or mostly non-ASCII (as `fold` translates them)
        return Tokens(text.translate(_TABLE))
    folded = _translate_split(split, _TABLE, _TABLE_MARKED)
    if folded.isascii():
        return Tokens(folded)
    return Tokens(folded, _translate_split(split, _FOLD_TO_SPACE, _FOLD_TO_SPACE_MARKED))


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
