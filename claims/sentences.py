"""Sentence splitting with character offsets (text[start:end] == sentence).

A boundary is a line break, or . ! ? (and closing quotes/brackets after them) followed by
whitespace and an upper-case letter, digit, quote or bracket. Abbreviations ("U.S.",
"a.k.a.", "Gen.", "Mr.", "No.") and single-letter initials ("Thierno A. Diallo") do not end
a sentence. Linear in the text; a text without any boundary is one sentence.
"""
from __future__ import annotations

import re
from itertools import product
from string import ascii_letters
from typing import NamedTuple

_ABBREV = {
    "u.s", "u.k", "u.n", "a.k.a", "aka", "e.g", "i.e", "etc", "gen", "lt", "col", "maj", "capt", "sgt", "mr",
    "mrs", "ms", "dr", "prof", "st", "no", "vol", "fig", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    "sen", "rep", "gov", "pres", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "cf", "approx", "dept", "est",
    "m", "mme", "mgr", "av", "j.-c", "p", "pp", "ibid", "op", "al",
}
# What follows ".", "!" or "?" at a boundary: more of them, a footnote mark ("[2]"), closing quotes
# or brackets, then white space and what may open a sentence. The empty group (m.lastindex)
# marks a "." that may end an abbreviation, for `_is_abbreviation` to decide; one after a digit,
# after no word character, dot, hyphen or line break, or after more word characters than any
# abbreviation has never does (the word before it ends in a digit, is none, or is too long: see
# `_is_abbreviation`), and is not looked at. (Both optional parts are written as a choice with
# nothing, `(?:...|)`, which matches as `(?:...)?` does, in the same order: for a part that is
# more than one character or class, the engine spends less on a branch than on a repeat.)
_LONGER = max(map(len, _ABBREV)) + 1
_AFTER_MARK = (r"(?:(?<!\w{%d}\.)(?<=[\w.\-\n]\.)(?<!\d\.)()|)" % _LONGER
               + r"[.!?]*(?:\[\d{1,3}\]|)[\"'\u201d\u2019)\]]*(?=[^\S\n]+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F\u0600-\u06FF])")
# A mark whose white space holds a line break is no candidate (the lookahead's white space is
# [^\S\n]+, not \s+): the line break ends the sentence there all the same, at the same place (the
# white space before it trimmed: the mark's match ends where that white space begins), and the
# next one starts at the same character (past all the white space); the mark's candidate would
# only repeat it, one more match and turn of the loop at each paragraph's end.
# The candidate boundaries are the matches of `[.!?\n](?:(?<=\n)\s*|<_AFTER_MARK>)`: a line break
# takes the white space after it, blank lines included (the spans between them would be
# empty). They are found by one pattern per mark that the text holds, each opening on its
# character (the engine skips to it with a tight loop; to a character of an opening class such
# as [.!?\n] it costs some fifteen times more per character of the text). A mark that follows
# another is not tried (see `_candidates`): in a run of n marks each would read the rest of the
# run again, n * n steps (a row of dots, "!!!!": bad input must cost time linear in its length).
_BY_MARK = [("\n", re.compile(r"\n\s*"))] + [
    (mark, re.compile(re.escape(mark) + r"(?<![.!?]" + re.escape(mark) + ")" + _AFTER_MARK)) for mark in ".!?"]
_START = re.Match.start  # (a sort key: the method itself, called on each match, costs a third of methodcaller("start"))
# The pairs of ASCII letters, either case, that no abbreviation ends with (lower-cased): a dot after
# them ends no abbreviation, nor an initial (a word of two letters or more: `_is_abbreviation`
# reads a word that ends on these two letters, and lower() keeps an ASCII letter one letter, the
# same), so sentence_bounds does not ask ("said.", "city.": most of the dots it would ask about).
_NO_ABBREVIATION_END = frozenset(a + b for a, b in product(ascii_letters, repeat=2)
                                 if (a + b).lower() not in {w[-2:] for w in _ABBREV if len(w) > 1})
_RUN_BACKWARDS = re.compile(r"[\w.\-]+")
MAX_SENTENCE = 800  # a longer run without boundary is cut (keeps the work per sentence bounded)


class Span(NamedTuple):  # (a tuple: cheaper to build than a frozen dataclass)
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, whitespace trimmed, empty ones dropped."""
    return list(map(Span._make, zip(*sentence_bounds(text))))


def sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the sentences of `text` (`split_sentences`, as two lists: no
    tuple built per sentence)."""
    starts: list[int] = []
    ends: list[int] = []
    start, n = 0, len(text)  # where the next sentence starts: past any white space
    while start < n and text[start].isspace():
        start += 1
    last = 0  # where the last candidate ends
    for m in _candidates(text):
        at, end = m.span()
        if at < last:  # (inside the one before: "?!", "?.")
            continue
        last = end
        if m.lastindex and text[at - 2:at] not in _NO_ABBREVIATION_END and _is_abbreviation(text, at):
            continue  # (a line break, "!" or "?" always ends one)
        if text[at] == "\n":
            if at > start:  # (else the line break closes no sentence: a mark's match did, and
                _add(text, start, at, starts, ends)  # `start` is past the line break already)
            start = end  # (past the white space after the line break: \s* took it all)
            continue
        # A mark's match ends on the punctuation, quotes or brackets it took (no white space to
        # trim), and opens at `start` or past it (a mark is no white space): what _add does,
        # unless the sentence is to be cut.
        if end - start <= MAX_SENTENCE:
            starts.append(start)
            ends.append(end)
        else:
            _add(text, start, end, starts, ends)
        # Past the white space after it: a run the lookahead found, then a character that is no
        # white space (the loop stops there, inside the text).
        start = end + 1
        while text[start].isspace():
            start += 1
    _add(text, start, n, starts, ends)
    return starts, ends


def _candidates(text: str) -> list[re.Match]:
    """The candidate boundaries by start: the matches of each mark's pattern, those that start
    inside another's to be passed over. Those are what the one pattern finds (its `finditer`):
    matches of one mark never overlap, nor do a line break's and another's (white space holds no
    mark, nor does a mark's match hold a line break); a mark inside the match of another is in
    its run of [.!?] (the one pattern would not try it), and the match from it ends where that
    one ends (the same run, read the same way from the same characters on), hiding no other.
    The marks that follow another are not tried at all: from any mark of a run, a match can only
    go on after the whole run (a footnote, a quote or white space is no mark), so the match from
    the run's first mark holds theirs, and where it fails, theirs fail too."""
    found: list[re.Match] = []
    for mark, rx in _BY_MARK:
        at = text.find(mark)  # (a C search, far cheaper per character than the engine's: the
        if at >= 0:           # pattern is tried from the mark's first occurrence on; its
            found += rx.finditer(text, at)  # lookbehinds still read the text before it)
    found.sort(key=_START)
    return found


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    lo = dot - 20 if dot > 20 else 0
    # The run of word characters, dots and hyphens that ends at the dot (at most 20 characters
    # back). The common case first: letters after a space (that run, read without a regex; a
    # word of letters holds no "(" nor "." to strip, and is its own first character where it
    # is one letter: lower() never makes a character none).
    space = text.rfind(" ", lo, dot)
    if space >= 0:
        word = text[space + 1:dot]
        if word.isalpha():
            word = word.lower()
            return word in _ABBREV or (len(word) == 1 and word.isalpha() and text[space + 1].isupper())
    end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot  # "$" also matches before a final newline
    # Matched on the reversed window (one attempt) rather than searched for (one per offset).
    w = _RUN_BACKWARDS.match(text[lo:end][::-1])
    if not w:
        return False
    start = end - w.end()
    word = text[start:end]
    word = word.lower().lstrip("(").rstrip(".")
    if word in _ABBREV:
        return True
    return len(word) == 1 and word.isalpha() and text[start].isupper()  # an initial


def _add(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    # `start` is on no white space (or at `end`, or past it: an empty sentence); `end` is trimmed
    # of the characters for which str.isspace holds (those str.strip removes): a few at most.
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        starts.append(start)
        ends.append(cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        starts.append(start)
        ends.append(end)
