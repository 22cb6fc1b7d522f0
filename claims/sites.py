"""The site of an attack frame: a gazetteer town, else a locality the gazetteer lacks.

Villages and hamlets are the usual sites of attacks in the Sahel, and most are missing from
any gazetteer. A capitalised name right after a locative of the frame ("in Kolmari",
"near the village of Wuro Saba", "a Kebbe", "contre le poste de Tinakoff", "attacked
Kolmari", "l'attaque de Kolmari") is taken as an unknown locality when it is no known
actor, place, country, demonym, month or weekday, no person (a title before it: "President
Bazoum") and no article-led name ("Le Cappuccino", "La Palmeraie": a cafe, a hotel).

Ranking: a gazetteer town of the frame wins, unless the locality comes directly after a
trigger's locative (at most six words after the trigger, no clause break) and the town does
not, or lies farther; or the town is a region ("Yobe state", "la région de Mopti") or a
point of reference ("north of Agadez", "à 20 km de Gao"). A town beats a region. A country
named directly after a trigger ("beheaded a hiker in Algeria") rules out a town of another
country. The country of a locality comes from the frame (", in northern Cameroon"), else
the sentence, else the memory of earlier sentences. These localities are the attack's
only: they are never mentions of the sentence (relation claims do not see them).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from claims.dates import MONTHS, WEEKDAYS
from claims.discourse import Memory, Sent
from claims.places import Gazetteer, PlaceMention
from claims.vocab import Vocab, phrase_pattern

_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'\u2019-]*(?:[ -][A-ZÀ-ÖØ-Þ][\w'\u2019-]*){0,2}")
_ARTICLES = frozenset({"la", "le", "les", "the", "l'", "l\u2019", "un", "une", "a", "an"})
_GAP_WORD = re.compile(r"[^\s,;:.()\u00ab\u00bb\"\u201c\u201d\u2013\u2014]+")
# a capital that opens a word (no word character nor hyphen before it); written to open on the capital,
# tested two characters back, so that only capitals are tried (the same matches as "(?<![\w-])[A-Z...]")
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w-].)")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Ll]a|[Ll]e|[Ll]')\s*([A-ZÀ-ÖØ-Þ][\w'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'-]*){0,2})\s+$")
_MAX_GAP = 6  # words between a trigger and its locative


class Site(NamedTuple):
    start: int  # the name's span in the sentence
    end: int
    name: str
    explicit: bool  # "the village of X", "the X area": named as a locality
    loc_start: int  # where its locative opens
    facility: bool = False  # "the camp of X", "the X gas plant": a facility, not a locality


def _alternation(words) -> str:
    return "|".join(sorted((phrase_pattern(w) for w in words), key=len, reverse=True))


class Sites:
    def __init__(self, v: Vocab, gazetteer: Gazetteer):
        w = lambda k: v.words("attack", k)  # noqa: E731
        self.gaz = gazetteer
        loc, verbs, nouns = _alternation(w("site_locatives")), _alternation(w("site_verbs")), _alternation(w("site_nouns"))
        regions = _alternation(w("region_nouns"))
        relief = _alternation(w("relief_nouns"))
        named = _alternation(w("named_attack_nouns"))
        det = r"(?P<det>(?:the|le|la|les|l'|un|une|a|an)\s*)?"
        # a locative (or a verb whose object is the site), then "the village of", "le détachement militaire de"
        self.loc_rx = re.compile(r"(?<![\w'])(?:(?P<loc>" + loc + r")|(?P<verb>" + verbs + r"))\s+" + det +
                                 r"(?P<site>(?:[a-z-]+\s+){0,2}?(?P<sn>" + nouns + "|" + regions + r")(?:\s+[a-z]+)?\s+(?:of|de|d')\s*)?"
                                 r"(?P<relief>(?:" + relief + r")\s+)?")
        self.named_rx = re.compile(r"\s+(?:of|de|d'|du)\s*") if named else None
        self.named_nouns = re.compile(r"(?:" + named + r")$") if named else None
        self.after_name_rx = re.compile(r"\s+(?:[a-z-]+\s+)?(?P<n>" + nouns + "|" + regions + r")\b")
        self.region_after = re.compile(r"\s+(?:" + regions + r")\b")
        self.region_before = re.compile(r"(?:" + regions + r"|area|zone)\s+(?:of|de|du|d')\s*(?:l')?$")
        self.region_word = re.compile(r"^(?:" + regions + r")$")
        self.facilities = frozenset(w("facility_nouns"))
        self.reference_rx = re.compile(r"(?:\b(?:north|south|east|west|nord|sud|est|ouest)(?:[\s-]+(?:east|west|est|ouest))?|\bkm|"
                                       r"\bkilometres|\bkilometers|\bmiles)\s+(?:of|from|de|du|d')\s*(?:l')?$")
        self.border_rx = re.compile(r"^\s*(?:'s\s+)?(?:border|frontiere)s?\b")
        self.border_before = re.compile(r"(?:border|borders|frontiere|frontieres)\s+(?:with|of|de|du|avec)\s+(?:the\s+|la\s+|le\s+|l')?$")
        self.titles = frozenset(w("person_titles"))
        self.not_places = frozenset(w("not_places"))
        self._last_caps: tuple = (None, [])  # (sentence, its unknown capitals): see _unknown_caps

    # ---- candidates --------------------------------------------------------------------
    def localities(self, sent: Sent, lo: int, hi: int) -> list[Site]:
        """Names after a locative in [lo, hi) that no gazetteer, actor or date list knows."""
        out: list[Site] = []
        caps = self._unknown_caps(sent)
        caps = caps[bisect.bisect_left(caps, max(lo, 1)):bisect.bisect_left(caps, hi)]
        if not caps:
            return out  # (the common case: every capitalised word is a known name)
        for m in self.loc_rx.finditer(sent.low, max(lo, caps[0] - 80), caps[-1]):
            if m.end() not in caps:
                continue
            site = self._name(sent, m.end(), hi)
            if site is None:
                continue
            s, e, name = site
            if m.group("relief"):  # "djebel Semmama": the relief word is part of the name
                s = m.start("relief")
                name = sent.text[s:e]
            after = self.after_name_rx.match(sent.low, e)
            noun = m.group("sn") or (after.group("n") if after else None)
            if noun and self.region_word.match(noun):
                continue  # "the Kolmari region": a region is no site
            if m.group("det") and not noun and not m.group("relief"):
                continue  # "at the Palmeraie", "le Comité": an article-led name (a hotel, a body), no locality
            out.append(Site(s, e, name, bool(noun or m.group("relief")), m.start(), noun in self.facilities))
        return out

    def _unknown_caps(self, sent: Sent) -> list[int]:
        """Where a capitalised word that no mention or gazetteer place covers starts in the sentence
        (not at its first character); kept for the last sentence (each frame asks)."""
        if self._last_caps[0] is sent:
            return self._last_caps[1]
        caps = [m.start() for m in _CAP_WORD.finditer(sent.text, 1)]
        if caps and (sent.mentions or sent.places):
            known = sorted([(m.start, m.end) for m in sent.mentions] + [(p.start, p.end) for p in sent.places])
            starts = [a for a, _ in known]
            caps = [c for c in caps if (i := bisect.bisect_right(starts, c) - 1) < 0 or c >= known[i][1]]
        self._last_caps = (sent, caps)
        return caps

    def named_locality(self, sent: Sent, s: int, e: int, hi: int) -> Site | None:
        """"l'attaque de Kolmari", "the raid on Kolmari": a name right after an attack noun."""
        if self.named_nouns is None or not self.named_nouns.search(sent.low, s, e):
            return None
        before = _NAME_BEFORE.search(sent.text, max(0, s - 40), s)
        if before is not None:  # "the Kolmari massacre"
            site = self._name(sent, before.start(1), before.end(1))
            if site is not None and site[1] == before.end(1):
                return Site(site[0], site[1], site[2], False, s)
        m = self.named_rx.match(sent.low, e)
        if m is None:
            return None
        site = self._name(sent, m.end(), hi)
        return Site(site[0], site[1], site[2], False, e) if site else None

    def locality_at(self, sent: Sent, pos: int, hi: int) -> tuple[int, int, str] | None:
        """(start, end, name) of an unknown locality's name right at `pos` ("... and nearby Kolmari"), else None."""
        return self._name(sent, pos, hi)

    def _name(self, sent: Sent, pos: int, hi: int):
        """(start, end, name) of an unknown locality's name at `pos`, else None."""
        m = _NAME.match(sent.text, pos, hi)
        if m is None:
            return None
        s, e = m.start(), m.end()
        name = m.group()
        if name.endswith(("'s", "\u2019s")):
            name, e = name[:-2], e - 2
        first = sent.low[s:e].split()[0] if name else ""
        if not name or first in _ARTICLES or first in MONTHS or first in WEEKDAYS or first in self.not_places:
            return None
        if name.isupper() and len(name) > 1:
            return None  # an acronym
        if any(m_.start < e and s < m_.end for m_ in sent.mentions) or any(p.start < e and s < p.end for p in sent.places):
            return None  # an actor, or a place the gazetteer knows (ranked as such)
        before = sent.low[max(0, s - 30):s].split()
        if before and (before[-1] in self.titles or (len(before) > 1 and before[-2] in self.titles)):
            return None  # "President Bazoum", "le président Bazoum"
        return s, e, name

    # ---- ranking -----------------------------------------------------------------------
    def is_region(self, sent: Sent, p: PlaceMention) -> bool:
        """"Yobe state", "the Agadez region", "la région de Mopti", a region by name (Borno)."""
        return (self.gaz.is_region(p.canonical) or self.region_after.match(sent.low, p.end) is not None
                or self.region_word.match(sent.low[p.start:p.end].split()[-1]) is not None
                or self.region_before.search(sent.low, max(0, p.start - 30), p.start) is not None)

    def is_reference(self, sent: Sent, p) -> bool:
        """"north of Agadez", "à 20 km de Gao", "30 km from Mopti": a point of reference, not the site."""
        return self.reference_rx.search(sent.low, max(0, p.start - 30), p.start) is not None

    def on_border(self, sent: Sent, p: PlaceMention) -> bool:
        """"close to the Libyan border", "près de la frontière avec le Niger": not the site's country."""
        return bool(self.border_rx.match(sent.low, p.end) or self.border_before.search(sent.low, max(0, p.start - 30), p.start))

    def gap(self, sent: Sent, trigs, pos: int) -> int | None:
        """Characters from the nearest trigger (`trigs`: spans) ending before `pos` when at most six words and no
        clause break lie between them, else None."""
        best = None
        for t in trigs:
            e = t[1]
            if e > pos:
                if t[0] <= pos:
                    best = 0  # the site verb is the trigger ("attacked Kolmari")
                continue
            between = sent.low[e:pos]
            if len(between.split()) <= _MAX_GAP and all(_GAP_WORD.fullmatch(w) for w in between.split()):
                best = pos - e if best is None else min(best, pos - e)
        return best

    def pick(self, sent: Sent, mem: Memory, trigs, places: list[PlaceMention], spot: PlaceMention | None,
             lo: int, hi: int) -> tuple[str, str | None] | None:
        """(name, country) of an unknown locality that wins over `spot`, the gazetteer's choice
        for a frame (`trigs`: its triggers; `places`: its gazetteer mentions); else None."""
        if not self._unknown_caps(sent):
            return None  # (the common case: every capitalised word is a known name, no locality to find)
        weak = spot is None or spot.kind != "place" or self.is_region(sent, spot) or self.is_reference(sent, spot)
        spot_gap = None if weak else self.place_gap(sent, trigs, spot)
        # A town right after a trigger's locative loses only to a locality nearer the trigger: before it.
        locs = self.localities(sent, lo, spot.start if spot_gap is not None else hi)
        for s, e, kind in trigs:
            if kind == "noun":
                nl = self.named_locality(sent, s, e, hi)
                if nl is not None:
                    locs.append(nl)
        if not locs:
            return None
        best, best_gap = None, None
        for c in locs:
            g = self.gap(sent, trigs, c.loc_start)
            if g is not None and (best_gap is None or g < best_gap):
                best, best_gap = c, g
        if best is None:
            best = next((c for c in locs if c.explicit), None)
            if best is None:
                return None
        if not weak and best_gap is not None and not best.facility:  # (a known town beats a facility's name)
            weak = spot_gap is None or spot_gap > best_gap
        return (best.name, self._country(sent, mem, best, places)) if weak else None

    def place_gap(self, sent: Sent, trigs, p: PlaceMention) -> int | None:
        """The gap (see `gap`) from a trigger to the locative right before gazetteer place `p`."""
        m = None
        for m in self.loc_rx.finditer(sent.low, max(0, p.start - 60), p.start):
            pass
        if m is None or m.end() != p.start:
            return None
        return self.gap(sent, trigs, m.start())

    def _country(self, sent: Sent, mem: Memory, site: Site, places: list[PlaceMention]) -> str | None:
        countries = [p for p in places if p.kind == "country" and not self.on_border(sent, p)]
        if countries:
            return min(countries, key=lambda p: (p.start < site.start, abs(p.start - site.end))).country
        towns = [p for p in places if p.kind == "place"]
        if towns:  # "the Kolmari area of Mopti", "north of Agadez": the locality lies near them
            return min(towns, key=lambda p: abs(p.start - site.end)).country
        countries = [p for p in sent.places if p.kind == "country" and not self.on_border(sent, p)]
        if countries:
            return min(countries, key=lambda p: abs(p.start - site.end)).country
        if mem.last_place and sent.index - mem.last_place[0] <= 3 and mem.last_place[2]:
            return mem.last_place[2]
        return mem.last_country
