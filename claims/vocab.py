"""Trigger vocabularies (claims/vocab/*.yaml), loaded once and compiled to regexes.

Each file maps a language code to named word lists. Phrases are folded like the text
(claims.text.fold); a trailing `*` matches any word ending. `Vocab.rx(file, key)` is a
compiled alternation bounded by non-word characters; `Vocab.words(file, key)` the set;
`Vocab.alternation(file, key)` the bare alternation of their patterns, to build a regex with.
"""
from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from importlib import resources

import yaml

from claims.text import Tokens, fold

FILES = ("common", "pledge", "split", "merger", "attack")
LANGS = ("en", "fr")
_FR_HINTS = re.compile(r"\b(?:le|la|les|des|du|une|est|dans|avec|pour|qui|sur|par|au|aux|ont|ete|et|un|que|il|elle|son|sa|ses|leur|leurs|"
                       r"mais|aussi)\b|\b(?:l|d|qu|n|s)'(?=\w)")  # (folded text; an elided article or pronoun too)
_EN_HINTS = re.compile(r"\b(?:the|of|and|in|to|was|were|with|has|have|that|for|by|on|is)\b")


def phrase_pattern(phrase: str) -> str:
    words, star = _phrase_words(phrase)
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\w*" if star else "")


def _phrase_words(phrase: str) -> tuple[list[str], bool]:
    """The words of a phrase (folded; a trailing `*` taken off its last word), and whether it had one."""
    p = fold(str(phrase)).strip()
    return p.rstrip("*").strip().split(), p.endswith("*")


def phrase_needles(phrases) -> tuple[str, ...] | None:
    """Strings one of which every match of `compile_phrases(phrases)` holds, so that a text that holds
    none of them has no match (a cheap test: a few substring searches, where a search of the pattern
    tries it at each letter that a phrase opens with): a match is one phrase's words, read literally
    (the last one's letters where starred), so it holds each of them. One word a phrase, its longest (a
    rarer one), and none that holds another needle (where it occurs, that one does). None where a
    phrase has no word (its pattern may match anywhere); () for no phrase (the pattern matches nothing)."""
    picked = set()
    for phrase in phrases:
        if not str(phrase).strip():
            continue  # (a blank phrase is no branch of the pattern)
        words, _ = _phrase_words(phrase)
        if not words:
            return None
        picked.add(max(reversed(words), key=len))  # (of two as long, the later: "ont nie": "nie")
    return tuple(sorted(w for w in picked if not any(o != w and o in w for o in picked)))


def phrase_leads(*lists: list[str]) -> tuple[frozenset, tuple[str, ...]] | None:
    """The words a match of a pattern built on these phrase lists (phrase_pattern, blank phrases left
    out) opens on: the first word (run of word characters) of each phrase, whole, and where that first
    word is starred ("pledge*": any word that opens so) its letters, as a prefix. None where a phrase
    opens on no word character. (claims.patterns.finditer_led, claims.attack_triggers)"""
    whole, prefixes = set(), set()
    for phrases in lists:
        for p in phrases:
            p = p.strip()
            if not p:
                continue  # (a blank phrase is no branch of the pattern)
            m = _LEAD.match(p)
            if m is None:
                return None
            (prefixes if p.startswith("*", m.end()) else whole).add(m.group())
    return frozenset(whole), tuple(sorted(prefixes))


_LEAD = re.compile(r"\w+")


_PHRASE_END = r"(?:(?<=')|(?![\w]))"  # a phrase ends before no word character, or on an apostrophe


def _longest_first(phrases) -> list[str]:
    """The patterns of the (non-blank) phrases, the longest first (a stable sort)."""
    return sorted((phrase_pattern(p) for p in phrases if str(p).strip()), key=len, reverse=True)


def compile_phrases(phrases, capture: bool = False) -> re.Pattern:
    pats = _longest_first(phrases)
    if not pats:
        return re.compile(r"(?!x)x")
    group = "(" if capture else "(?:"
    return re.compile(group + after_no_word(pats) + ")" + _PHRASE_END)  # "se separant d'" before a name


def compile_union(*lists) -> re.Pattern:
    """`compile_phrases(l1).pattern + "|" + compile_phrases(l2).pattern + ...` (the phrases of each
    list before those of the next), written as one alternation of first-letter groups, each with
    the phrases' end test: (X|Y)T matches as XT|YT, and an alternation every branch of which opens
    on a letter is only tried where one occurs (one of patterns, each an alternation, is tried at
    every offset)."""
    groups = []
    for phrases in lists:
        groups += [g + _PHRASE_END for g in letter_branches(_longest_first(phrases), _NOT_AFTER_WORD)]  # (an empty list matches nothing)
    return re.compile("|".join(groups) if groups else r"(?!x)x")


def after_no_word(pats: list[str]) -> str:
    r"""`(?<![\w'])(?:p1|p2|...)`: no word character nor apostrophe before the phrase. The
    phrases are grouped by their first letter, each group written `ab(?<![\w']ab)(?:...)` (the
    same test, read back from the end of the run of word characters its phrases open with, see
    letter_branches): when every group opens on a letter, the engine tries only the offsets that
    hold one of these letters (a pattern that opens on a lookbehind is tried at every offset), and
    tests what comes before only where the run occurs. Two phrases with different first letters
    cannot match at the same offset, so their order within a group is all that matters (kept)."""
    return "|".join(letter_branches(pats, _NOT_AFTER_WORD))


def letter_branches(alts, guard: str = "") -> list[str]:
    """The alternatives `alts` (patterns) as one branch per first character, `a<guard>(?:lt1|lt2|...)`
    (by_first_letter's groups; `guard`, formatted with what the branch has read, what follows it: a
    lookbehind such as after_no_word's), the run of word characters all its alternatives open with
    read before the guard (`ab<guard>(?:t1|t2)` for `abt1|abt2`: _shared_run). Two alternatives with
    different first characters cannot match at the same offset, so only their order within a branch matters (kept): joined by "|", the branches match
    what `alt1|alt2|...` matches, but where none opens the engine tests one character per branch, not
    each alternative."""
    out = []
    for c, rests in by_first_letter(alts).items():
        more = _shared_run(rests) if c else ""
        out.append(c + more + guard.format(c + more) + "(?:" + "|".join(r[len(more):] for r in rests) + ")")
    return out


def _shared_run(rests: list[str]) -> str:
    r"""The longest run of literal word characters that all the patterns `rests` open with, none of
    them quantified ("nited" for "nited\s+with", "nited\s+in"; "n" for "ne?s?", "nes"): a first-letter
    branch written `ab(?<!..ab)(?:c|d)`, not `a(?<!..a)(?:bc|bd)`, matches the same (each alternative
    must read that run right after the letter) but reads the run before it tests what comes before
    (the engine then looks back only where the whole run occurs). (re.escape leaves word characters
    as they are; a backslash, bracket or group ends the run.)"""
    more = _WORD_RUN.match(os.path.commonprefix(rests)).group()
    if any(r[len(more):len(more) + 1] in _QUANTIFIERS for r in rests if len(r) > len(more)):
        more = more[:-1]  # ("e" in "ee?s?": its last character is quantified; one before it is followed by a word character)
    return more


_QUANTIFIERS = frozenset("*+?{")


def word_opening(alts) -> str:
    r"""`\b(?:w1|w2|...)` for alternatives `alts` (each opening on a letter or digit, unquantified),
    written one group per first letter, `(?:in(?<!\win)(?:|side|...)|...)` (letter_branches: the
    same test, the same matches): a pattern that opens on letters is only tried where one of them
    is, one that opens on \b at every offset of the text. Two alternatives with different first letters cannot match
    at the same offset, so only their order within a group matters (kept). It pays most where the
    first letters are few or rare (month names, toll words); with common ones ("in", "on", "the")
    it saves a quarter or so. (Several alternations with their own tails are one call, each tail
    written into its alternatives: the engine finds the first letters of a pattern that opens on
    one group, not of an alternation of groups.)"""
    alts = list(alts)
    groups = by_first_letter(alts)
    if "" in groups or any(r[:1] in ("*", "+", "?", "{") for rest in groups.values() for r in rest):
        raise ValueError(f"word_opening: {alts!r}: each must open on a letter or digit (unquantified)")
    return "(?:" + "|".join(letter_branches(alts, _NOT_AFTER_WORD_CHAR)) + ")"


_NOT_AFTER_WORD_CHAR = r"(?<!\w{})"


def by_first_letter(pats: list[str]) -> dict[str, list[str]]:
    """Phrase patterns by their first character where it is a letter or digit ("" for the others),
    each without that character, in their order."""
    by_first: dict[str, list[str]] = {}
    for p in pats:
        c = p[0] if p[0].isalnum() else ""  # re.escape leaves letters and digits as they are
        by_first.setdefault(c, []).append(p[len(c):])
    return by_first


_NOT_AFTER_WORD = r"(?<![\w']{})"
_ELIDABLE = re.compile(r"\(\?<!\[\\w'\](\w*)\)")  # _NOT_AFTER_WORD in a pattern; group 1: what it reads back (a branch's opening)


# elided's test of what comes before a phrase, formatted with what the pattern has read of it
_ELIDED_START = r"(?<!\w{0})(?:(?<!'{0})|(?<=\b[a-z]'{0})|(?<=qu'{0}))"


def elided(rx: re.Pattern) -> re.Pattern:
    """`rx` (from compile_phrases) also after a French elided article or pronoun:
    "l'attaque", "d'embuscade", "qu'attaque". (No word character before the phrase, then, after an
    apostrophe, an elision: the test that fails at once inside a word comes first.)"""
    return re.compile(_ELIDABLE.sub(lambda m: _ELIDED_START.format(m.group(1)), rx.pattern))


def led_searches(phrases) -> tuple[re.Pattern, ...]:
    """Patterns whose searches together tell what `elided(compile_phrases(phrases)).search` tells:
    whether one of the phrases occurs (not where, nor which). One per branch of that pattern (a
    first letter), opening on the longest run of word characters that all its phrases open with
    ("united" for "united with", "united in"), with elided's test of what comes before the phrase
    written after that run (the same characters of the text, read back from its end): the engine
    skips to that run and tries the pattern only where it occurs, where it tries a pattern that
    opens on one letter, then tests what comes before it, at each occurrence of the letter."""
    return tuple(re.compile(b + _PHRASE_END) for b in letter_branches(_longest_first(phrases), _ELIDED_START))


_WORD_RUN = re.compile(r"\w*")


class Vocab:
    def __init__(self, data: dict[str, dict], lang: str):
        self.lang = lang
        self._data = data
        self._rx: dict[tuple[str, str], re.Pattern] = {}

    def words(self, file: str, key: str) -> list[str]:
        items = (self._data.get(file, {}).get(self.lang, {}) or {}).get(key, []) or []
        odd = [w for w in items if isinstance(w, bool) or not isinstance(w, (str, int))]
        if odd:  # YAML reads a bare on / off / yes / no as a boolean: a phrase lost without a word
            raise ValueError(f"claims/vocab/{file}.yaml {self.lang}.{key}: {odd[0]!r} is no phrase (quote it)")
        return [fold(str(w)) for w in items]

    def patterns(self, file: str, key: str, longest_first: bool = False) -> list[str]:
        """The regex pattern of each phrase of the list (phrase_pattern), in file order, or longest
        pattern first (a stable sort: a regex alternation takes the first branch that matches)."""
        pats = [phrase_pattern(w) for w in self.words(file, key)]
        return sorted(pats, key=len, reverse=True) if longest_first else pats

    def alternation(self, file: str, key: str, longest_first: bool = False) -> str:
        """`p1|p2|...`: the phrases' patterns (see `patterns`). Empty for no phrase."""
        return "|".join(self.patterns(file, key, longest_first))

    def rx(self, file: str, key: str) -> re.Pattern:
        k = (file, key)
        if k not in self._rx:
            self._rx[k] = compile_phrases(self.words(file, key))
        return self._rx[k]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C loader where PyYAML has it (the wheels do)


def load_data(text: str):
    """A vocabulary file's data (safe loading; the C loader reads them about ten times faster,
    which is most of the time an Extractor takes to build)."""
    return yaml.load(text, Loader=_LOADER)


@lru_cache(maxsize=None)
def _raw() -> dict[str, dict]:
    base = resources.files("claims").joinpath("vocab")
    return {name: load_data(base.joinpath(f"{name}.yaml").read_text(encoding="utf-8")) or {} for name in FILES}


@lru_cache(maxsize=None)
def vocab(lang: str = "en") -> Vocab:
    return Vocab(_raw(), lang if lang in LANGS else "en")


def guess_lang(folded: str) -> str:
    """'fr' or 'en' from function words of the first few thousand characters (French needs a margin
    over English, for the French names quoted in English text; a short text, a smaller one)."""
    head = folded[:4000]
    return "fr" if len(_FR_HINTS.findall(head)) > 1.2 * len(_EN_HINTS.findall(head)) + min(3, len(head) // 200) else "en"


_TRIGGER_KEYS = {
    "pledge": ("allegiance_nouns", "join_verbs", "accept_verbs", "pledge_of_nouns"),
    "split": ("split_verbs", "split_nouns"),
    "merger": ("merge_verbs", "merge_nouns", "found_verbs", "union_nouns"),
    "attack": ("verbs", "passive", "nouns"),
}


# words that many sentences hold (function words, auxiliaries, frequent verbs): a phrase is indexed by
# a rarer word of its own where it has one (each hit of an indexed word costs a look for its phrases)
_COMMON = {"terrorist", "suicide", "forces", "united", "armed", "with", "from", "the", "of", "to", "ont", "ete", "a", "opened",
           "set", "took", "blew", "went", "ranks", "gave", "fait", "faire", "pris", "avec", "over", "up", "off",
           "avait", "aurait", "auraient", "sont", "s'est", "se", "est", "de", "du", "d'", "itself", "sides", "in", "au", "dans", "sein",
           "have", "has", "had", "been", "was", "were", "its", "their", "his", "avaient", "within", "announced"}
# nouns that many sentences of news about armed groups hold: a phrase is indexed by another of
# its words where it has one ("left the group" by "left")
_FREQUENT = {"group", "groups", "movement", "organisation", "organization", "network", "faction", "leurs"}


class TriggerFilter:
    """Which sentences hold a trigger phrase of any claim type? Every phrase is indexed by
    its most distinctive word (a trailing `*`: any ending; not a function word, and a noun
    frequent in news about armed groups only where the phrase has no other word). Per document, the distinct words
    of the text (claims.text.Tokens) say which of those words occur at all (a set lookup,
    cached per word); the Tokens give where they occur, and each hit is mapped to its
    sentence by offset. A hit counts when its word is a one-word phrase or a starred word,
    else when one of the phrases it stands for matches the sentence. A sentence without a
    trigger has no claim, so the costlier analysis runs only on the sentences that may hold
    one. `search(sentence)` is the same test on one sentence."""

    def __init__(self, v: Vocab):
        by_word: dict[str, list[str]] = {}
        sure: dict[str, set] = {}  # indexed word -> the types and lists of its one-word phrases
        multi: dict[str, dict[tuple[str, str], list[str]]] = {}  # indexed word -> list -> its longer phrases
        for file, keys in _TRIGGER_KEYS.items():
            for key in keys:
                for phrase in v.words(file, key):
                    words = [w for w in phrase.split() if w not in _COMMON] or phrase.split()
                    if words:
                        w = max(words, key=lambda x: (x not in _FREQUENT, len(x)))
                        by_word.setdefault(w, []).append(phrase)
                        k = fold(w).strip()
                        sure.setdefault(k, set())
                        if len(phrase.split()) == 1:
                            sure[k].update((file, (file, key)))
                        else:
                            multi.setdefault(k, {}).setdefault((file, key), []).append(phrase)
        # indexed word -> claim types and lists its hit brings for sure; and (the searches of its longer
        # phrases, led_searches; types and list) per list, which bring theirs only where they occur in the sentence
        self._sure = {k: frozenset(ts) for k, ts in sure.items()}
        self._multi = {k: tuple((led_searches(ps), frozenset((fk[0], fk))) for fk, ps in by_key.items())
                       for k, by_key in multi.items()}
        self.words_rx = elided(compile_phrases(sorted(by_word), capture=True))
        self._phrases = {phrase_pattern(w): elided(compile_phrases(ps)) for w, ps in by_word.items()}  # also "l'attaque"
        self._by_text = {fold(w).rstrip("*").strip(): rx for w, rx in zip(by_word, self._phrases.values())}
        # the indexed words (as text) that count only where one of their phrases occurs (see _counts)
        self._unsure = {k: rx for k, rx in self._by_text.items() if not self._sure.get(k)}
        # the indexed words whose phrases, all longer, are those of their lists in _multi: whether
        # one of them occurs in a sentence (_counts) is told by the searches of those lists there
        # (a match of one list's alternation is a match of the whole one, and no match of any list
        # none of it); checked here, not assumed (a word and its starred form share one text)
        source = {fold(w).rstrip("*").strip(): w for w in by_word}
        self._told_by_lists = frozenset(
            k for k, by_key in multi.items() if source.get(k) == k and not self._sure[k]
            and sorted(by_word[k]) == sorted(p for ps in by_key.values() for p in ps))
        keys = [fold(w).strip() for w in by_word]
        plain = [k for k in keys if _WORDLIKE.fullmatch(k.rstrip("*"))]
        self._exact = {k for k in plain if not k.endswith("*")}
        self._stars = tuple(sorted({k.rstrip("*") for k in plain if k.endswith("*")}))
        self._special = [k for k in keys if k not in plain]  # "bay'ah": not one token of the text
        # the words of the text a literal's match (at a free start) brings whole: each run of word
        # characters of the literal that it bounds itself (an apostrophe, a hyphen) or that its
        # ends bound (_free_start before it; the literal's (?!\w) after it, unless starred)
        self._special_words = [frozenset(_WORDLIKE.findall(k.rstrip("*"))[:-1] if k.endswith("*")
                                         else _WORDLIKE.findall(k)) for k in self._special]
        # text word -> the indexed words it may be (if any): an exact indexed word is itself; a word
        # that opens with a starred one is learnt when a text first brings it (see first_words)
        self._exact_keys = {k: (k,) for k in self._exact}
        self._word_keys: dict[str, tuple[str, ...]] = dict(self._exact_keys)
        self._seen: set[str] = set()  # text words already looked up (for the starred words)
        self._last: tuple[set[str], set[str]] | None = None  # the last text's words and first_words of them
        self._literal: dict[str, re.Pattern] = {}
        self._keys_types: dict[tuple[str, ...], frozenset] = {}  # indexed words -> the union of their types

    def search(self, low: str) -> bool:
        for m in self.words_rx.finditer(low):
            if self._counts(m.group(1), low):
                return True
        return False

    def _counts(self, w: str, low: str) -> bool:
        """Does the hit of indexed word `w` (at a free start) count in sentence `low`? Yes where `w`
        is itself a phrase (a one-word phrase, or a starred word's), else where one of its longer
        phrases occurs in the sentence."""
        rx = self._unsure.get(w)
        return rx is None or rx.search(low) is not None

    def sentences(self, folded: str, uniq: set[str], starts: list[int], ends: list[int],
                  toks: Tokens | None = None) -> dict[int, frozenset]:
        """{index: claim types} of the sentences (spans starts[i]:ends[i] of `folded`) that
        hold a trigger. The types are those whose phrases may occur in the sentence (a
        superset: a pattern of any other type cannot match there); with them, as (file, key)
        pairs, the word lists whose phrases may occur ("attack", "nouns"): a pattern built
        on a list that is absent cannot match either. A word that stands for longer phrases
        brings their types only where one of them occurs ("group" alone, no "left the group"). `toks`: the text's Tokens (where the
        words occur), when the caller has them."""
        hit: set[int] = set()
        kinds: dict[int, frozenset] = {}
        keys_types, right, multi, unsure = self._keys_types, bisect.bisect_right, self._multi, self._unsure
        # (sentence, indexed word) whose longer phrases were looked for -> whether one of them occurs,
        # where that was learnt (None where a list was not searched)
        told: dict[tuple[int, str], bool | None] = {}
        for p, e, w, keys in self._hits(folded, uniq, toks or Tokens(folded)):
            i = right(starts, p) - 1
            if i < 0 or e > ends[i]:
                continue
            ts = keys_types.get(keys)
            if ts is None:  # the union of the sure types of the indexed words (cached: few distinct tuples)
                ts = keys_types[keys] = frozenset().union(*(self._sure[k] for k in keys))
            for k in keys:
                if k in multi and (i, k) not in told:
                    low = folded[starts[i]:ends[i]]
                    found, whole = False, True
                    for rxs, t in multi[k]:
                        if t <= ts:
                            whole = False  # (not searched: its types are there already)
                            continue
                        for rx in rxs:  # (led_searches: whether one of the list's phrases occurs)
                            if rx.search(low) is not None:
                                ts, found = ts | t, True
                                break
                    told[i, k] = found if found or whole else None
            have = kinds.get(i)
            if have is None:
                kinds[i] = ts
            elif not ts <= have:
                kinds[i] = have | ts
            if i not in hit:
                rx = unsure.get(w)  # (_counts, without a call where the word counts for sure)
                if rx is None:
                    hit.add(i)
                else:
                    known = told.get((i, w)) if w in self._told_by_lists else None
                    if known if known is not None else rx.search(folded[starts[i]:ends[i]]) is not None:
                        hit.add(i)
        return {i: kinds[i] for i in hit}

    def first_words(self, uniq: set[str]) -> set[str]:
        """The distinct words of a text that may be an indexed word. (Asked twice per text: the
        last answer is kept for the same set of words, a text's `Tokens.uniq`, never changed.)
        Without starred words, the exact indexed words are all the keys and there is nothing to
        learn: the text's words are not each looked up in those seen before."""
        last = self._last
        if last is not None and last[0] is uniq:
            return last[1]
        if self._stars:
            if len(self._seen) > 200_000:  # bounded cache (words seen in texts)
                self._seen.clear()
                self._word_keys = dict(self._exact_keys)
            new = uniq - self._seen
            if new:
                self._learn(new)
        found = uniq & self._word_keys.keys()
        self._last = (uniq, found)
        return found

    def _hits(self, folded: str, uniq: set[str], toks: Tokens) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """(start, end, text, indexed words) of each occurrence of an indexed word at a free start
        (_free_start). A word of the Tokens is a run of word characters: none comes before it, and
        only an apostrophe before it is looked at."""
        found = self.first_words(uniq)
        word_keys = self._word_keys
        hits = [(start, end, w, word_keys[w]) for start, end, w, _ in toks.occurrences(found)
                if not start or folded[start - 1] != "'" or _free_start(folded, start)]
        for k, words in zip(self._special, self._special_words):  # not one word of the text: searched as
            if words <= uniq and k.rstrip("*") in folded:  # literals, where the text has their words
                hits += [(m.start(), m.end(), m.group(), (k,)) for m in self._literal_rx(k).finditer(folded)
                         if _free_start(folded, m.start())]
        return hits

    def _learn(self, new: set[str]) -> None:
        """The indexed words each text word never seen before may be: itself, and the starred
        words it starts with (kept only where there is one)."""
        for w in new:
            ks = tuple([w] if w in self._exact else []) + tuple(p + "*" for p in self._stars if w.startswith(p))
            if ks:
                self._word_keys[w] = ks
        self._seen |= new

    def _literal_rx(self, k: str) -> re.Pattern:
        rx = self._literal.get(k)
        if rx is None:
            rx = self._literal[k] = re.compile(phrase_pattern(k) + r"(?!\w)")
        return rx


_WORDLIKE = re.compile(r"\w+")
_ELIDED_BEFORE = re.compile(r"(?:(?<!\w)[a-z]|qu)'$")


def _free_start(folded: str, p: int) -> bool:
    """The start condition of `elided(compile_phrases(...))`: no word character or
    apostrophe before `p`, or a French elision ("l'", "d'", "qu'")."""
    if p == 0:
        return True
    c = folded[p - 1]
    if c != "'":
        return not (c.isalnum() or c == "_")  # (\w: a letter or digit of any script, or "_")
    return _ELIDED_BEFORE.search(folded, max(0, p - 3), p) is not None


def trigger_prefilter(v: Vocab) -> TriggerFilter:
    return TriggerFilter(v)
