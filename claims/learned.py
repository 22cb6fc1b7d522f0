"""Actors the knowledge base lacks, learned from the way a text introduces them.

News introduces a little-known group once, in a telling frame, and then names it bare:

- "the Lakurawa group", "the Dan Na Ambassagou militia" (English: the name before the head noun);
- "le groupe Lakurawa", "la milice armée Dan Na Ambassagou" (French: after it);
- "Mahmuda, a jihadist group that emerged in 2022, ...", "Lakurawa, un groupe jihadiste ...";
- "a group calling itself X", "un groupe connu sous le nom de X".

Each name so introduced (capitalised words; the particles al-, wal-, de, du ... inside it may be
lower case) is an actor wherever the text names it, with `entity_id=None`, like the
organisation-like names of `claims.entities` ("Katiba X"). Not a name: a known entity's, a
country, a demonym or a place the curated gazetteer knows (a GeoNames-only village may share a
group's name: "Lakurawa"), a word of the `not_names` list (sentence openers, ethnic and
qualifying words: "Meanwhile, a group of ...", "the Fulani militia"). "a group of" is no
introduction. The head nouns, introducing phrases and stop words are data
(claims/vocab/common.yaml). Pure: text in, mentions out.
"""
from __future__ import annotations

import bisect
import re
from operator import attrgetter

from claims.dates import MONTHS, WEEKDAYS
from claims.entities import Mention
from claims.places import PlaceMention
from claims.text import Tokens
from claims.vocab import Vocab

_MAX_WORDS = 5  # of a learned name
_PARTICLES = frozenset({"al", "el", "ul", "wal", "ad", "ar", "as", "ash", "an", "bin", "ibn", "ben", "ag", "de", "du",
                        "des", "la", "le", "l", "d", "of", "the", "wa", "fi", "li"})
_COLLECTIVE = re.compile(r"\s*(?:of|de|d'|du|des)\b")  # "a group of gunmen", "un groupe d'hommes armés"
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "On Sunday, a group ..."
_TOKEN = re.compile(r"[\w']+")
_WORDS_AND_SPACE = re.compile(r"[\w'\s]*")  # (what _TOKEN reads, and white space)
_WORDS_AND_SEPARATORS = re.compile(r"[\w' \-\u00a0]*")  # (what _TOKEN reads, and a name's separators)
_ACRONYM = re.compile(r"\(([A-Z]{2,7})\)")  # "(MSA)", "(CMFPR)"
_START, _END = attrgetter("start"), attrgetter("end")


class NameLearner:
    """Built once per language from its vocabulary (`claims.vocab.Vocab`)."""

    def __init__(self, v: Vocab):
        self.heads = frozenset(v.words("common", "name_heads"))
        self.not_names = frozenset(v.words("common", "not_names"))
        self.civil = frozenset(w for p in v.words("common", "name_civil") for w in p.split())
        articles = "|".join(map(re.escape, v.words("common", "name_articles")))
        intros = v.alternation("common", "name_intros", longest_first=True)
        adjectives = v.alternation("common", "name_adjectives")
        determiners = v.alternation("common", "name_determiners", longest_first=True)
        # "Mahmuda, a (jihadist) group": a comma, an article and up to three words before the head
        self._apposed = re.compile(r",\s+(?:%s)\s+((?:[\w']+\s+){0,3})\Z" % articles)
        # English: "the Lakurawa group" ("the" before the name, the name before the head)
        self._the = re.compile(r"(?<![\w'])the\s+\Z") if v.lang == "en" else None
        # French: "le groupe (armé) Lakurawa" (a determiner before the head, the name after it)
        self._det = re.compile(r"(?<![\w'])(?:%s)\s+\Z" % determiners) if determiners else None
        self._after = re.compile((r"(?:\s+(?:%s)(?![\w']))?" % adjectives if adjectives else "") + r"\s+")
        self._intro = re.compile(r"\s+(?:%s)\s+\"?\s*" % intros) if intros else None
        acronym_heads = v.words("common", "acronym_heads")
        self.acronym_heads = frozenset(acronym_heads) if acronym_heads else None

    def find(self, text: str, folded: str, toks: Tokens, mentions: list[Mention],
             places: list[PlaceMention], geonames) -> list[Mention]:
        """The mentions of the names `text` introduces (none overlaps `mentions`, the known ones),
        sorted; `geonames(place)`: whether a place comes from GeoNames only."""
        heads = self.heads & toks.uniq
        acronymed = self.acronym_heads is not None and "(" in text
        if not heads and not acronymed:
            return []
        starts = list(map(_START, mentions))  # (C loops: most texts introduce no name)
        known_ends = set(map(_END, mentions))
        # The places no name overlaps (none a GeoNames-only village), found only for the rare
        # candidate name: a call of `geonames` per place would cost more than the names themselves.
        barred = _Barred(places, geonames)
        names: set[str] = set()
        if acronymed:
            names |= self._acronymed(text, folded, mentions, starts, barred)
        for s, e, _, _ in toks.occurrences(heads) if heads else ():
            i = bisect.bisect_right(starts, s) - 1
            if (i >= 0 and mentions[i].end >= e) or _COLLECTIVE.match(folded, e):
                continue  # (a head inside a known name: "the Salafist Group for Preaching and Combat")
            for a, b in self._introduced(text, folded, s, e, known_ends):
                if not any(k.start < b and a < k.end for k in mentions) and not any(x < b and a < y for x, y in barred.spans()):
                    names.add(text[a:b])
        if not names:
            return []
        return _occurrences(text, names, mentions)

    def _acronymed(self, text: str, folded: str, known: list[Mention], starts: list[int], barred: _Barred) -> set[str]:
        """The names given with their acronym in brackets ("le Mouvement pour le salut de l'Azawad
        (MSA)", "the Macina Liberation Front (FLM)"), and these acronyms: a name opens on a
        capitalised word, holds a head noun of an armed movement (`acronym_heads`) among its
        first three words, runs up to the bracket with no punctuation, and the acronym's letters
        are initials of its words, in order, the first one the name's."""
        out: set[str] = set()
        for m in _ACRONYM.finditer(text):
            i = bisect.bisect_right(starts, m.start(1)) - 1  # a known acronym, or a known name right before it: none new
            j = bisect.bisect_right(starts, m.start() - 2) - 1
            if (i >= 0 and known[i].end > m.start(1)) or (j >= 0 and known[j].end >= m.start() - 1):
                continue
            words = _tokens_before_bracket(folded, m.start())
            folded_words, acronym = [folded[x:y] for x, y in words], m.group(1).lower()
            for k in range(len(words)):  # the longest name first (its first word leftmost)
                a = words[k][0]
                if not text[a].isupper():
                    continue
                span = (a, words[-1][1])
                name_words = folded_words[k:]
                if (self.acronym_heads.isdisjoint(name_words[:3]) or not _initials_spell(name_words, acronym)
                        or not self.civil.isdisjoint(name_words) or not self.not_names.isdisjoint(name_words[:1])
                        or any(kn.start < span[1] and span[0] < kn.end for kn in known)
                        or any(x <= span[0] and span[1] <= y for x, y in barred.spans())):  # (a place inside it is no bar: "... de l'Azawad")
                    continue
                out.add(text[span[0]:span[1]])
                out.add(m.group(1))
                break
        return out

    def _civil(self, folded: str, s: int, e: int) -> bool:
        """A head noun qualified as an unarmed organisation's: by one of the two words before it
        ("a human rights group") or the word after it ("une organisation humanitaire")."""
        around = folded[max(0, s - 30):s].split()[-2:] + folded[e:e + 30].split()[:1]
        return not self.civil.isdisjoint(around)

    def _introduced(self, text: str, folded: str, s: int, e: int, known_ends: set[int]) -> list[tuple[int, int]]:
        """The spans of the names that head noun [s, e) introduces (`known_ends`: where the known
        names end; one right before the head or its apposition is no new name: "the Islamic State group")."""
        out: list = []
        # (the window starts written as conditionals, not max(0, ...): a call of the builtin max
        # costs several times more in CPython 3.11, and this runs for every head noun of the text)
        m = self._apposed.search(folded, s - 40 if s > 40 else 0, s)
        if m and m.start() not in known_ends and self._capital_before(text, m.start()) and _plain(m.group(1)):  # "Mahmuda, a jihadist group"
            out.append(self._name(text, folded, _tokens_before(folded, m.start())))
        if self._the is not None and s - 1 not in known_ends and self._capital_before(text, s):  # "the Lakurawa group"
            span = self._name(text, folded, _tokens_before(folded, s))
            if span is not None and self._the.search(folded, max(0, span[0] - 6), span[0]):
                out.append(span)
        if self._det is not None and self._det.search(folded, s - 8 if s > 8 else 0, s):  # "le groupe (armé) Lakurawa"
            m = self._after.match(folded, e)
            if m and text[m.end():m.end() + 1].isupper():
                out.append(self._name(text, folded, _tokens_after(folded, m.end())))
        if self._intro is not None:  # "a group known as Lakurawa"
            m = self._intro.match(folded, e)
            if m:
                out.append(self._name(text, folded, _tokens_after(folded, m.end())))
        if not out:  # (most head nouns introduce nothing)
            return out
        out = [span for span in out if span is not None]
        return out if not out or not self._civil(folded, s, e) else []

    def _capital_before(self, text: str, s: int) -> bool:
        """Does the word before offset `s` (white space between) open on a capital, and is it no
        stop word ("The group")? (a cheap first test)"""
        words = text[s - 30 if s > 30 else 0:s].rsplit(None, 1)  # (its last word: the only one split off; no max(): see _introduced)
        return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in self.not_names

    def _name(self, text: str, folded: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The span of the name the word spans `spans` give, walked from the one next to the
        introduction: capitalised words (`text`), particles inside."""
        kept: list[tuple[int, int]] = []
        for a, b in spans:
            owner = folded.endswith("'s", a, b)  # "Mahmuda's": the name without the possessive
            b -= 2 if owner else 1 if folded.endswith("'", a, b) else 0
            w = text[a:b]
            if w[:1].isupper() and len(w) > 1:
                if folded[a:b] in self.not_names or folded[a:b] in _CALENDAR:
                    break
                kept.append((a, b))
            elif folded[a:b] in _PARTICLES and kept:
                kept.append((a, b))
            else:
                break
            if owner:
                break
        while kept and folded[kept[-1][0]:kept[-1][1]] in _PARTICLES:  # a name neither opens nor ends on a particle
            kept.pop()
        if not kept:
            return None
        return min(k[0] for k in kept), max(k[1] for k in kept)


class _Barred:
    """The spans of the places no learned name overlaps: all but the GeoNames-only villages
    (`geonames(place)`), listed on the first call of `spans`."""

    def __init__(self, places: list[PlaceMention], geonames):
        self._places, self._geonames, self._spans = places, geonames, None

    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [(p.start, p.end) for p in self._places if not (p.kind == "place" and self._geonames(p))]
        return self._spans


def _tokens_before(folded: str, end: int) -> list[tuple[int, int]]:
    """The spans of the words (up to _MAX_WORDS) that end at `end` (white space aside), right to
    left, as long as only white space separates them (within the 80 characters before `end`;
    a word cut there is none).

    The words and white space right before `end` are read backwards (a regex on the reversed
    text) and split: a match object per word of the 80 characters cost several times more."""
    lo = max(0, end - 80)
    start = end - _WORDS_AND_SPACE.match(folded[lo:end][::-1]).end()
    out: list[tuple[int, int]] = []
    nxt = end
    for w in reversed(folded[start:end].rsplit(None, _MAX_WORDS)[-_MAX_WORDS:]):
        a = folded.rfind(w, start, nxt)  # (only white space lies between it and `nxt`)
        if a == lo and lo > 0 and (folded[lo - 1].isalnum() or folded[lo - 1] == "'"):
            break
        out.append((a, a + len(w)))
        nxt = a
    return out


def _tokens_after(folded: str, start: int) -> list[tuple[int, int]]:
    """The spans of the words (up to _MAX_WORDS) from `start` on, as long as only white space
    separates them."""
    out: list[tuple[int, int]] = []
    prev = start
    for m in _TOKEN.finditer(folded, start, start + 80):
        if folded[prev:m.start()].strip():
            break
        out.append(m.span())
        prev = m.end()
        if len(out) == _MAX_WORDS:
            break
    return out


def _tokens_before_bracket(folded: str, end: int) -> list[tuple[int, int]]:
    """The spans of the words (up to 10) before a bracket at `end`, left to right, back to the first
    punctuation mark (a name in brackets holds none; only spaces and hyphens separate its words),
    within the 120 characters before `end` (a word that opens there may be cut: none).

    As in _tokens_before, the words and separators right before `end` are read backwards, then
    split (each separator one character: the offsets add up)."""
    lo = max(0, end - 120)
    start = end - _WORDS_AND_SEPARATORS.match(folded[lo:end][::-1]).end()
    out: list[tuple[int, int]] = []
    pos = start
    for w in folded[start:end].replace("-", " ").replace("\u00a0", " ").split(" "):
        if w:
            out.append((pos, pos + len(w)))
        pos += len(w) + 1
    out = out[-10:]
    if out and out[0][0] == lo > 0:
        del out[0]
    return out


def _initials_spell(words: list[str], acronym: str) -> bool:
    """The acronym's letters are initials of the words, in order, the first one the first word's
    ("mouvement pour le salut de l'azawad": "msa"; "l'azawad" counts as "a")."""
    initials = [w.split("'")[-1][:1] for w in words]
    if not initials or initials[0] != acronym[0]:
        return False
    i = 1
    for c in acronym[1:]:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


def _plain(words: str) -> bool:
    """The words between an apposition's article and its head qualify it ("a jihadist", "a new
    armed"), none is a preposition or a determiner ("an ally of the")."""
    return _PARTICLES.isdisjoint(words.split())


def _occurrences(text: str, names: set[str], known: list[Mention]) -> list[Mention]:
    """Every mention of the names in `text` (the longest where two overlap), none inside a known one."""
    alts = "|".join(r"[\s\-]+".join(map(re.escape, re.split(r"[\s\-]+", n))) for n in sorted(names, key=len, reverse=True))
    out = []
    for m in re.finditer(r"(?<![\w'\u2019])(?:%s)(?![\w])" % alts, text):
        s, e = m.span()
        if not any(k.start < e and s < k.end for k in known):
            out.append(Mention(s, e, None, " ".join(m.group().split()), m.group(), "group"))
    return out
