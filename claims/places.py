"""Places: a gazetteer of North and West Africa and the Sahel (claims/vocab/places.yaml).

A mention is a country ("Mali"), a place with its country ("Tizi Ouzou" -> Algeria),
a demonym ("Algerian" -> Algeria: nationality, weaker evidence of location) or a place
relative to the country in context ("the north of the country"). Niger is not Nigeria:
matching is by whole tokens.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


from claims.geonames import geonames_rows
from claims.text import PhraseIndex, Tokens, fold, norm_name
from claims.vocab import load_data

_RELATIVE = re.compile(
    r"\b(?:the\s+)?((?:far\s+)?(?:north|south|east|west|north\s+east|north\s+west|south\s+east|south\s+west|"
    r"centre|center|northern\s+part|southern\s+part|eastern\s+part|western\s+part)\s+of\s+the\s+country)\b"
    r"|\b(?:le\s+)?((?:nord|sud|est|ouest|centre)\s+du\s+pays)\b"
)
# Every _RELATIVE match ends with one of these tails: (the words before the last, the last).
_RELATIVE_TAILS = ((("of", "the"), "country"), (("du",), "pays"))


def _relative(folded: str, words: set[str] | None = None):
    """`_RELATIVE.finditer(folded)`, searched only just before each tail ("of the country", "du
    pays"; see _tails, `words`): a match opens at most four words before its tail, so where the 80
    characters before the tail hold five words or more, the search starts after the fifth last (else
    where the previous match ended)."""
    pos = 0
    for start, end in _tails(folded, words):
        lo = max(pos, start - 80)
        head = folded[lo:start].rsplit(None, _WORDS_BEFORE_TAIL)  # (those words apart, the text before them in head[0])
        lo = lo + len(head[0]) if len(head) > _WORDS_BEFORE_TAIL else pos
        m = _RELATIVE.search(folded, lo, end + 1)  # one character more: the closing \b
        if m is not None:
            pos = m.end()
            yield m


_WORDS_BEFORE_TAIL = 4  # the most words of a _RELATIVE match before its tail ("the far north east| of the country")


def _tails(folded: str, words: set[str] | None = None) -> list[tuple[int, int]]:
    r"""The spans, in text order, of `of\s+the\s+country` and `du\s+pays` in `folded` (no word boundary
    tested, as a regex of them would not): each last word is found by str.find (a regex scan would
    try every "o" and "d"), then the words before it are read backwards over white space. `words`:
    the words of the text (its Tokens' `uniq`), where given: a last word that is none of them is
    not looked for (a match of _RELATIVE closes on the whole word, after white space: no match
    ends at a tail inside a longer word, "the countryside")."""
    out = []
    for before, last in _RELATIVE_TAILS:
        if words is not None and last not in words:
            continue
        at = folded.find(last)
        while at >= 0:
            start = _words_before(folded, at, before)
            if start is not None:
                out.append((start, at + len(last)))
            at = folded.find(last, at + 1)
    return sorted(out)


def _words_before(folded: str, at: int, words: tuple[str, ...]) -> int | None:
    """Where `words` start, each followed by white space, the last ending right before `at`; else None."""
    for w in reversed(words):
        j = at
        while j > 0 and folded[j - 1].isspace():
            j -= 1
        if j == at or not folded.endswith(w, 0, j):
            return None
        at = j - len(w)
    return at


_new = tuple.__new__  # builds a NamedTuple from a tuple of its fields (its own __new__ is a Python function)


class PlaceMention(NamedTuple):  # (a tuple: built far more cheaply than a frozen dataclass, and often)
    start: int
    end: int
    name: str  # surface form ("Aïn Defla", "north of the country")
    canonical: str  # gazetteer name ("" for a relative place)
    country: str | None  # None for a relative place until resolved by context
    kind: str  # "country" | "place" | "demonym" | "relative"


def shifted_places(places, offset: int) -> list[PlaceMention]:
    """The place mentions with offsets relative to `offset` (each one's fields unpacked once: no method call per place)."""
    return [_new(PlaceMention, (s - offset, e - offset, name, canonical, country, kind))
            for s, e, name, canonical, country, kind in places]


class Gazetteer:
    def __init__(self, data: dict):
        self._index = PhraseIndex()
        self._canon: dict[str, tuple[str, str]] = {}
        for country, rec in (data.get("countries") or {}).items():
            rec = rec or {}
            for alias in [country, *(rec.get("aliases") or [])]:
                self._index.add(alias, (country, country, "country"))
                self._canon[norm_name(alias)] = (country, country)
            for dem in rec.get("demonyms") or []:
                self._index.add(dem, (country, country, "demonym"))
        for row in data.get("places") or []:
            name, country, *aliases = row
            for alias in [name, *aliases]:
                self._index.add(alias, (name, country, "place"))
                self._canon[norm_name(alias)] = (name, country)
        self._regions = {self.canonical(r) for r in data.get("regions") or []}
        self._geo: set[str] = set()  # names that come from GeoNames (weaker: common-word clashes)
        for name, country in geonames_rows(data.get("geonames") or {}) if data.get("geonames") else ():
            key = norm_name(name)
            if key not in self._canon:
                self._index.add(name, (name, country, "place"))
                self._canon[key] = (name, country)
                self._geo.add(name)
        # the national capitals (a capital may stand for its government: claims.attack_anchors)
        self.capitals = frozenset(self.canonical(c) for c in data.get("capitals") or [])
        by_country: dict[str, list[str]] = {}
        for c in self.capitals:
            by_country.setdefault(self.country_of(c), []).append(c)
        # the capital of each country that has one ("in the capital": Bamako for Mali; not Benin's two)
        self.capital_of = {k: v[0] for k, v in by_country.items() if k and len(v) == 1}

    @classmethod
    def load(cls) -> "Gazetteer":
        return _default()

    def first_words(self, toks: Tokens) -> set[str]:
        """The words of a text (its `Tokens`) at which `find` tries place names."""
        return self._index.first_words(toks)

    def find(self, text: str, folded: str | None = None, toks: Tokens | None = None) -> list[PlaceMention]:
        folded = fold(text) if folded is None else folded
        toks = toks if isinstance(toks, Tokens) else Tokens(folded)
        out, geo = [], self._geo
        for s, e, (canon, country, kind) in self._index.find(folded, words=toks):
            surface = text[s:e]
            if kind != "demonym" and surface.lower() == surface and surface.upper() != surface:
                continue  # "niger" in running lower-case text is not the country
            if canon in geo and (not surface[:1].isupper() or surface.isupper() or _NAME_PARTICLE.search(text, max(0, s - 6), s)):
                continue  # a GeoNames town only as a capitalised name, not inside an acronym run nor a person's name ("El Para")
            out.append(_new(PlaceMention, (s, e, surface, canon, country, kind)))
        relative = []
        for m in _relative(folded, toks.uniq):
            g = 1 if m.group(1) else 2
            relative.append(PlaceMention(m.start(g), m.end(g), text[m.start(g):m.end(g)], "", None, "relative"))
        if relative:  # (the index's matches come in text order: else nothing to sort)
            out.extend(relative)
            out.sort(key=lambda p: p.start)
        return out

    def from_geonames(self, p: PlaceMention) -> bool:
        return p.kind == "place" and p.canonical in self._geo

    def canonical(self, name: str | None) -> str | None:
        """Gazetteer name of a place name, else its normalised text (for comparisons)."""
        if not name:
            return None
        key = norm_name(re.sub(r"^(?:the|le|la)\s+", "", name.strip(), flags=re.I))
        hit = self._canon.get(key)
        return hit[0] if hit else key

    def is_region(self, canonical: str) -> bool:
        """A place known by its bare name as a region ("Borno"), not a town."""
        return canonical in self._regions

    def country_of(self, name: str | None) -> str | None:
        hit = self._canon.get(norm_name(name)) if name else None
        return hit[1] if hit else None


# a particle of a person's name right before a word: "El Para", "Abu Dardar", "Ould Hamaha", "Ag Ghaly"
_NAME_PARTICLE = re.compile(r"(?<![\w-])(?:El|Al|Abu|Abou|Ibn|Ben|Ould|Ag)[ -]$")


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    raw = resources.files("claims").joinpath("vocab/places.yaml").read_text(encoding="utf-8")
    return Gazetteer(load_data(raw))
