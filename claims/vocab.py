"""Trigger vocabularies (claims/vocab/*.yaml), loaded once and compiled to regexes.

Each file maps a language code to named word lists. Phrases are folded like the text
(claims.text.fold); a trailing `*` matches any word ending. `Vocab.rx(file, key)` is a
compiled alternation bounded by non-word characters; `Vocab.words(file, key)` the set.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources

import yaml

from claims.text import fold

FILES = ("common", "pledge", "split", "merger", "attack")
LANGS = ("en", "fr")
_FR_HINTS = re.compile(r"\b(?:le|la|les|des|du|une|est|dans|avec|pour|qui|sur|par|au|aux|ont|été)\b")
_EN_HINTS = re.compile(r"\b(?:the|of|and|in|to|was|were|with|has|have|that|for|by|on|is)\b")


def phrase_pattern(phrase: str) -> str:
    p = fold(str(phrase)).strip()
    star = p.endswith("*")
    p = p.rstrip("*").strip()
    body = r"\s+".join(re.escape(w) for w in p.split())
    return body + (r"\w*" if star else "")


def compile_phrases(phrases, capture: bool = False) -> re.Pattern:
    pats = sorted((phrase_pattern(p) for p in phrases if str(p).strip()), key=len, reverse=True)
    if not pats:
        return re.compile(r"(?!x)x")
    group = "(" if capture else "(?:"
    return re.compile(r"(?<![\w'])" + group + "|".join(pats) + r")(?![\w])")


def elided(rx: re.Pattern) -> re.Pattern:
    """`rx` (from compile_phrases) also after a French elided article or pronoun:
    "l'attaque", "d'embuscade", "qu'attaque"."""
    return re.compile(rx.pattern.replace("(?<![\\w'])", "(?:(?<![\\w'])|(?<=\\b[a-z]')|(?<=qu'))", 1))


class Vocab:
    def __init__(self, data: dict[str, dict], lang: str):
        self.lang = lang
        self._data = data
        self._rx: dict[tuple[str, str], re.Pattern] = {}

    def words(self, file: str, key: str) -> list[str]:
        return [fold(str(w)) for w in (self._data.get(file, {}).get(self.lang, {}) or {}).get(key, []) or []]

    def rx(self, file: str, key: str) -> re.Pattern:
        k = (file, key)
        if k not in self._rx:
            self._rx[k] = compile_phrases(self.words(file, key))
        return self._rx[k]


@lru_cache(maxsize=None)
def _raw() -> dict[str, dict]:
    base = resources.files("claims").joinpath("vocab")
    return {name: yaml.safe_load(base.joinpath(f"{name}.yaml").read_text(encoding="utf-8")) or {} for name in FILES}


@lru_cache(maxsize=None)
def vocab(lang: str = "en") -> Vocab:
    return Vocab(_raw(), lang if lang in LANGS else "en")


def guess_lang(folded: str) -> str:
    """'fr' or 'en' from function words of the first few thousand characters."""
    head = folded[:4000]
    return "fr" if len(_FR_HINTS.findall(head)) > 1.2 * len(_EN_HINTS.findall(head)) + 3 else "en"


_TRIGGER_KEYS = {
    "pledge": ("allegiance_nouns", "join_verbs", "accept_verbs"),
    "split": ("split_verbs", "split_nouns"),
    "merger": ("merge_verbs", "merge_nouns", "found_verbs", "union_nouns"),
    "attack": ("verbs", "passive", "nouns"),
}


_COMMON = {"terrorist", "suicide", "forces", "united", "armed", "with", "from", "the", "of", "to", "ont", "ete", "a", "opened",
           "set", "took", "blew", "went", "left", "ranks", "gave", "fait", "faire", "pris", "avec", "over", "up", "off",
           "avait", "aurait", "auraient", "sont", "s'est", "se", "est", "de", "du", "d'", "itself", "sides"}


class TriggerFilter:
    """Which sentences hold a trigger phrase of any claim type? Every phrase is indexed by
    its most distinctive word (a trailing `*`: any ending). Per document, the distinct words
    of the text (claims.text.Tokens) say which of those words occur at all (a set lookup,
    cached per word); only those are searched for, as literals, over the whole folded text,
    and each hit is mapped to its sentence by offset. A hit counts when its word is a
    one-word phrase or a starred word, else when one of the phrases it stands for matches
    the sentence. A sentence without a trigger has no claim, so the costlier analysis runs
    only on the sentences that may hold one. `search(sentence)` is the same test on one
    sentence."""

    def __init__(self, v: Vocab):
        by_word: dict[str, list[str]] = {}
        types: dict[str, set[str]] = {}
        for file, keys in _TRIGGER_KEYS.items():
            for key in keys:
                for phrase in v.words(file, key):
                    words = [w for w in phrase.split() if w not in _COMMON] or phrase.split()
                    if words:
                        by_word.setdefault(max(words, key=len), []).append(phrase)
                        types.setdefault(fold(max(words, key=len)).strip(), set()).add(file)
        self._types = {k: frozenset(ts) for k, ts in types.items()}  # indexed word -> claim types
        self.words_rx = elided(compile_phrases(sorted(by_word), capture=True))
        self._phrases = {phrase_pattern(w): elided(compile_phrases(ps)) for w, ps in by_word.items()}  # also "l'attaque"
        self._by_text = {fold(w).rstrip("*").strip(): rx for w, rx in zip(by_word, self._phrases.values())}
        self._single = {w for w, ps in by_word.items() if all(len(p.split()) == 1 for p in ps)}
        keys = [fold(w).strip() for w in by_word]
        plain = [k for k in keys if _WORDLIKE.fullmatch(k.rstrip("*"))]
        self._exact = {k for k in plain if not k.endswith("*")}
        self._stars = tuple(sorted({k.rstrip("*") for k in plain if k.endswith("*")}))
        self._special = [k for k in keys if k not in plain]  # "bay'ah": not one token of the text
        self._word_keys: dict[str, tuple[str, ...]] = {}  # text word -> the indexed words it may be
        self._literal: dict[str, re.Pattern] = {}

    def search(self, low: str) -> bool:
        for m in self.words_rx.finditer(low):
            if self._counts(m.group(1), low):
                return True
        return False

    def _counts(self, w: str, low: str) -> bool:
        rx = self._by_text.get(w)
        return rx is None or w in self._single or rx.search(low) is not None

    def sentences(self, folded: str, uniq: set[str], starts: list[int], ends: list[int]) -> dict[int, frozenset]:
        """{index: claim types} of the sentences (spans starts[i]:ends[i] of `folded`) that
        hold a trigger. The types are those whose phrases may occur in the sentence (a
        superset: a pattern of any other type cannot match there)."""
        cands = set()
        for w in uniq:
            ks = self._word_keys.get(w)
            if ks is None:
                ks = self._keys_of(w)
            cands.update(ks)
        cands.update(k for k in self._special if k.rstrip("*") in folded)
        hit: set[int] = set()
        kinds: dict[int, frozenset] = {}
        for k in sorted(cands):
            ts = self._types[k]
            for m in self._literal_rx(k).finditer(folded):
                p = m.start()
                if not _free_start(folded, p):
                    continue
                i = bisect.bisect_right(starts, p) - 1
                if i < 0 or m.end() > ends[i]:
                    continue
                have = kinds.get(i, frozenset())
                if not ts <= have:
                    kinds[i] = have | ts
                if i not in hit and self._counts(m.group(), folded[starts[i]:ends[i]]):
                    hit.add(i)
        return {i: kinds[i] for i in hit}

    def _keys_of(self, w: str) -> tuple[str, ...]:
        ks = tuple([w] if w in self._exact else []) + tuple(p + "*" for p in self._stars if w.startswith(p))
        if len(self._word_keys) > 200_000:  # bounded cache (words seen in texts)
            self._word_keys.clear()
        self._word_keys[w] = ks
        return ks

    def _literal_rx(self, k: str) -> re.Pattern:
        rx = self._literal.get(k)
        if rx is None:
            rx = self._literal[k] = re.compile(phrase_pattern(k) + r"(?!\w)")
        return rx


_WORDLIKE = re.compile(r"\w+")
_ELIDED_BEFORE = re.compile(r"(?:(?<!\w)[a-z]|qu)'$")
_WORD_OR_APOSTROPHE = re.compile(r"[\w']")


def _free_start(folded: str, p: int) -> bool:
    """The start condition of `elided(compile_phrases(...))`: no word character or
    apostrophe before `p`, or a French elision ("l'", "d'", "qu'")."""
    if p == 0:
        return True
    c = folded[p - 1]
    if c != "'":
        return _WORD_OR_APOSTROPHE.match(c) is None
    return _ELIDED_BEFORE.search(folded, max(0, p - 3), p) is not None


def trigger_prefilter(v: Vocab) -> TriggerFilter:
    return TriggerFilter(v)
