"""Trigger vocabularies (claims/vocab/*.yaml), loaded once and compiled to regexes.

Each file maps a language code to named word lists. Phrases are folded like the text
(claims.text.fold); a trailing `*` matches any word ending. `Vocab.rx(file, key)` is a
compiled alternation bounded by non-word characters; `Vocab.words(file, key)` the set.
"""
from __future__ import annotations

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
    """Does a (folded) sentence hold a trigger phrase of any claim type? One regex of the
    most distinctive word of every phrase finds the candidates; the phrases that contain a
    word found are then checked whole. A sentence without a trigger has no claim, so the
    costlier analysis runs only on the sentences that may hold one."""

    def __init__(self, v: Vocab):
        by_word: dict[str, list[str]] = {}
        for file, keys in _TRIGGER_KEYS.items():
            for key in keys:
                for phrase in v.words(file, key):
                    words = [w for w in phrase.split() if w not in _COMMON] or phrase.split()
                    if words:
                        by_word.setdefault(max(words, key=len), []).append(phrase)
        self.words_rx = elided(compile_phrases(sorted(by_word), capture=True))
        self._phrases = {phrase_pattern(w): compile_phrases(ps) for w, ps in by_word.items()}
        self._by_text = {fold(w).rstrip("*").strip(): rx for w, rx in zip(by_word, self._phrases.values())}
        self._single = {w for w, ps in by_word.items() if all(len(p.split()) == 1 for p in ps)}

    def search(self, low: str) -> bool:
        for m in self.words_rx.finditer(low):
            w = m.group(1)
            rx = self._by_text.get(w)
            if rx is None or w in self._single or rx.search(low):
                return True  # a starred word (any ending) or a one-word phrase: the word is the trigger
        return False


def trigger_prefilter(v: Vocab) -> TriggerFilter:
    return TriggerFilter(v)
