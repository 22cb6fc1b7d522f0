"""The site of an attack frame: a gazetteer town, else a locality the gazetteer lacks.

Villages and hamlets are the usual sites of attacks in the Sahel, and most are missing from
any gazetteer. A capitalised name right after a locative of the frame ("in Kolmari",
"near the village of Wuro Saba", "a Kebbe", "contre le poste de Tinakoff", "attacked
Kolmari", "l'attaque de Kolmari") is taken as an unknown locality when it is no known
actor, place, country, demonym, month or weekday, no person (a title before it: "President
Bazoum") and no article-led name ("Le Cappuccino", "La Palmeraie": a cafe, a hotel).

A name without a locative is a locality where its words say so: an apposition ("Kolmari, a
village near ...", "Kolmari, ville camerounaise ...") or an article and a site noun ("the
Kolmari camp"); a locality followed by its region (", in Bauchi State", ", dans l'État de
Bauchi") is named as one. A name after a locative that opens the sentence sets its scene
("In Kolmari, gunmen ...", "Le 4 mai, à Kolmari, des hommes armés ...") when no reporting
verb comes before the attack ("In Kolmari, officials said ..." is where they spoke). A town
named by the locative of such an apposition ("at Kolmari, a hamlet near Gao") locates the
locality: the locality is the site. A locality in the subject of a passive trigger ("a post in
Kolmari was attacked") counts as one right after a trigger. A site noun after "of" leads to a
locality too ("residents of the village of Kolmari", "l'attaque du camp de Kolmari"), and a
town after a bare comma only locates a locality so named ("the village of Kolmari, near Gao";
not a facility's name, nor a part of a town: "le quartier de X, à Gao" is Gao).

Ranking: a gazetteer town of the frame wins, unless the locality comes directly after a
trigger's locative (at most six words after the trigger, no clause break) and the town does
not, or lies farther; or the town is a region ("Yobe state", "la région de Mopti") or a
point of reference ("north of Agadez", "à 20 km de Gao"). A town beats a region. A country
named directly after a trigger ("beheaded a hiker in Algeria") rules out a town of another
country. The country of a locality comes from a demonym that describes it ("Kolmari, ville
camerounaise", "the Malian town of Kolmari"), else the frame (", in northern Cameroon"), else
the sentence, else the memory of earlier sentences; never from a country named as a border or
neighbour ("close to the border with Mali", "la frontière burkinabè": `border_countries`).
These localities are the attack's only: they are never mentions of the sentence (relation
claims do not see them).
"""
from __future__ import annotations

import bisect
import re
from itertools import chain
from typing import NamedTuple

from claims.dates import MONTHS, WEEKDAYS
from claims.discourse import Memory, Sent
from claims.places import Gazetteer, PlaceMention
from claims.vocab import Vocab, after_no_word, phrase_pattern

_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'\u2019-]*(?:[ -][A-ZÀ-ÖØ-Þ][\w'\u2019-]*){0,2}")
_ARTICLES = frozenset({"la", "le", "les", "the", "l'", "l\u2019", "un", "une", "a", "an"})
_GAP_WORD = re.compile(r"[^\s,;:.()\u00ab\u00bb\"\u201c\u201d\u2013\u2014]+")
# a capital that opens a word (no word character nor hyphen before it); written to open on the capital,
# tested two characters back, so that only capitals are tried (the same matches as "(?<![\w-])[A-Z...]")
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w-].)")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Ll]a|[Ll]e|[Ll]')\s*([A-ZÀ-ÖØ-Þ][\w'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'-]*){0,2})\s+$")
_MAX_GAP = 6  # words between a trigger and its locative
# A locative that sets the scene of the sentence: it opens it, or follows one short adverbial
# ("In Kolmari, gunmen ...", "On Sunday in Kolmari", "Le 1er janvier, a Kolmari, des hommes armes ..."), and its name
# closes the phrase (a comma, or "puis a X"); the frame's first trigger follows within a few words.
_SCENE_BEFORE = re.compile(r"\s*(?:[^,;:()]{1,40}(?:,\s*|\s))?")
_SCENE_AFTER = re.compile(r"\s*(?:,|(?:puis|then|et|and)\s+(?:a|in|at)\s)")
_SCENE_GAP = 10  # words between a scene's name and the frame's first trigger
# Countries named as the border or neighbour of a site, not its country: a cue before the (first)
# country of a list ("close to the border with", "frontalière du") or after the (last) one ("the
# Burkina Faso border"; see Sites.beside_after); or named as the meeting point of several, one of
# which holds the site ("which straddles", "where Benin, Niger and Burkina Faso meet").
_BESIDE_BEFORE = re.compile(r"(?:\b(?:borders?|frontieres?)\s+(?:with|of|de|du|d'|avec)|\bfrontalier(?:e|s|es)?\s+(?:du|de|des|d'|avec)|"
                            r"\blimitrophes?\s+(?:du|de|des|d')|\bbordering|\bfrontieres?)\s*(?:the\s+|la\s+|le\s+|les\s+|l')?$")
_JUNCTION_BEFORE = re.compile(r"(?:\bstraddl(?:es|ing|e|ed)|\ba\s+cheval\s+sur|\b(?:junction|meeting\s+point)\s+of|"
                              r"\baux\s+confins\s+(?:du|de|des|d'))\s*(?:the\s+|la\s+|le\s+|les\s+|l')?$")
_JUNCTION_AFTER = re.compile(r"\s+(?:meet|converge|se\s+rejoignent|se\s+rencontrent|se\s+touchent)\b")
_LIST_GAP = re.compile(r"\s*(?:,|and|et|or|ou|-|/)\s*(?:(?:the|du|de|la|le)\s+|l')?(?:,\s*)?")
_BORDER_WORDS = ("border", "frontiere", "frontalier", "limitroph", "straddl", "cheval sur", "confins", "junction", "meeting point",
                 "meet", "converge", "se rejoignent", "se rencontrent", "se touchent")
_APPOS_GAP = re.compile(r"\s*,\s+(?:(?:a|an|the|une|un|la|le|cette)\s+)?(?:[a-z-]+\s+){0,2}")  # "Kolmari, a small |Nigerien"
_OF_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:of|de|d')\s*")  # "Malian| town of |Kolmari", "malienne| de |Kolmari"
# a locality's region after it: "Kolmari, in Bauchi State", "a Kolmari, dans l'Etat de Bauchi", "in the Tahoua region"
_IN_REGION = re.compile(r"\s*,?\s*(?:in|dans|en)\s+(?:the\s+|l'|la\s+|le\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|"
                        r"eastern|western|central|voisine?)\s+)?")


_COMMA = re.compile(r"\s*,\s*")
_LOCATED = re.compile(r"\s*(?:(?:located|situated|situee?s?)\s+)?")  # ", a hamlet |located |near Gao"
_NEXT = re.compile(r"\s*([a-z]+'?)?")  # the word after an apposition's noun (none before punctuation)
_APPOS_NEXT = frozenset(("in", "near", "on", "of", "at", "about", "some", "close", "located", "situated", "north", "south", "east",
                         "west", "where", "which", "that", "de", "du", "d'", "dans", "pres", "a", "au", "situe", "situee", "proche",
                         "frontaliere", "frontalier", "non", "ou", "qui", "nord", "sud", "est", "ouest"))


class Site(NamedTuple):
    start: int  # the name's span in the sentence
    end: int
    name: str
    explicit: bool  # "the village of X", "the X area": named as a locality
    loc_start: int  # where its locative opens
    facility: bool = False  # "the camp of X", "the X gas plant": a facility, not a locality


def _near(between: str) -> bool:
    """Text between a trigger and a locative (either way round) that keeps them in one phrase: at
    most six words and no clause break."""
    words = between.split()
    return len(words) <= _MAX_GAP and all(_GAP_WORD.fullmatch(w) for w in words)


def _alternation(words) -> str:
    return "|".join(sorted((phrase_pattern(w) for w in words), key=len, reverse=True))


def _opening(*lists) -> str:
    """claims.vocab.after_no_word of the phrases of the lists (each list's longest first, as
    `_alternation`; those of a list before those of the next): first-letter groups, tried only where
    one of those letters stands, where a pattern that opens on a lookbehind is tried at every offset."""
    return after_no_word([p for words in lists for p in sorted((phrase_pattern(w) for w in words), key=len, reverse=True)])


class Sites:
    def __init__(self, v: Vocab, gazetteer: Gazetteer):
        w = lambda k: v.words("attack", k)  # noqa: E731
        self.gaz = gazetteer
        nouns = _alternation(w("site_nouns"))
        regions = _alternation(w("region_nouns"))
        relief = _alternation(w("relief_nouns"))
        named = _alternation(w("named_attack_nouns"))
        det = r"(?P<det>(?:(?:the|le|la|les|un|une|a|an)\s+|l'\s*))?"  # (a word: "in Anderamboukane" opens on no "a")
        # "the (border) village of", "le détachement militaire de": a site noun (group "sn") before the name
        # "le poste de gendarmerie de": a complement that qualifies the site noun (site_qualifiers)
        qualified = r"|\s+(?:de\s+|d')(?:" + _alternation(w("site_qualifiers")) + r")" if w("site_qualifiers") else ""
        site_np = lambda names: (r"(?:[a-z-]+\s+){0,2}?(?P<sn>" + names + r")(?:\s+[a-z]+" + qualified  # noqa: E731
                                 + r")?\s+(?:of\b|de\b|d')\s*")
        # a locative (or a verb whose object is the site), then "the village of", "le détachement militaire de"
        self.loc_rx = re.compile(r"(?:" + _opening(w("site_locatives"), w("site_verbs")) + r")\s+" + det +
                                 r"(?P<site>" + site_np(nouns + "|" + regions) + r")?(?P<relief>(?:" + relief + r")\s+)?")
        # "residents of the village of X", "habitants du village de X": a site noun after "of" names a locality too
        self.of_site_rx = re.compile(r"(?:" + _opening(["of", "de", "du", "d'"]) + r")\s*" + det + r"(?P<site>" + site_np(nouns) + r")(?P<relief>)")
        # "l'attaque de Kolmari", "l'attaque du camp de Kolmari", "the siege of the town of Kolmari"
        self.named_rx = re.compile(r"\s+(?:of|de|d'|du)\s*(?:(?:(?:the|le|la|les)\s+|l'\s*)?" + site_np(nouns) + r")?") if named else None
        self.named_nouns = re.compile(r"(?:" + named + r")$") if named else None
        self.after_name_rx = re.compile(r"\s+(?:[a-z-]+\s+)?(?P<n>" + nouns + "|" + regions + r")\b")
        self.region_after = re.compile(r"\s+(?:" + regions + r")\b")
        self.region_word = re.compile(r"^(?:" + regions + r")$")
        places_nouns = _alternation([n for n in w("site_nouns") if n not in w("facility_nouns")])
        # an apposition that names a locality: ", a small village", ", ville camerounaise", ", une localite"
        self.appos_rx = re.compile(r"\s*,\s+(?:(?:a|an|the|une|un|la|le|cette)\s+)?(?:[a-z-]+\s+)?(?P<n>" + places_nouns + r")\b")
        self.locality_nouns = re.compile(r"(?:" + places_nouns + r")$")
        self.facilities = frozenset(w("facility_nouns"))
        self.reference_rx = re.compile(r"(?:\b(?:north|south|east|west|nord|sud|est|ouest)(?:[\s-]+(?:east|west|est|ouest))?|\bkm|"
                                       r"\bkilometres|\bkilometers|\bmiles)\s+(?:of|from|de|du|d')\s*(?:l')?$")
        self.region_before = re.compile(r"(?:" + regions + r"|area|zone|etat)\s+(?:of|de|du|d')\s*(?:l')?$")  # (+ "l'Etat de Bauchi")
        self.titles = frozenset(w("person_titles"))
        self.report_rx = v.rx("attack", "report_verbs")
        self.not_places = frozenset(w("not_places"))
        self._last_caps: tuple = (None, [])  # (sentence, its unknown capitals): see _unknown_caps
        self._last_border: tuple = (None, frozenset(), frozenset())  # (sentence, its border countries, the beside ones)
        # "the Burkina Faso border", "la frontiere nigerienne": not "a Niger border ambush", "the Mali border town of X"
        self.beside_after = re.compile(r"\s*(?:'s\s+)?(?:borders?|frontieres?)\b(?!\s+(?:" + _alternation(
            w("named_attack_nouns") + w("site_nouns") + w("region_nouns")) + r")\b)")

    # ---- candidates --------------------------------------------------------------------
    def localities(self, sent: Sent, lo: int, hi: int) -> list[Site]:
        """Names after a locative in [lo, hi) that no gazetteer, actor or date list knows."""
        out: list[Site] = []
        led: set[int] = set()  # (the names' offsets a locative already led to)
        caps = self._unknown_caps(sent)
        caps = caps[bisect.bisect_left(caps, max(lo, 1)):bisect.bisect_left(caps, hi)]
        if not caps:
            return out  # (the common case: every capitalised word is a known name)
        # Every site below is the name `_name` finds at one of these capitals (a locative's or `_described`'s),
        # so the capitals where it finds none (a month, an acronym, "President X") are not tried: where
        # none is left, neither are the locatives. (The scan's span stays that of all the capitals.)
        names = {c: site for c in caps if (site := self._name(sent, c, hi)) is not None}
        if not names:
            return out
        span = (sent.low, max(lo, caps[0] - 80), caps[-1])
        for m in chain(self.loc_rx.finditer(*span), self.of_site_rx.finditer(*span)):
            if m.end() not in names or m.end() in led:
                continue
            s, e, name = names[m.end()]
            if m.group("relief"):  # "djebel Semmama": the relief word is part of the name
                s = m.start("relief")
                name = sent.text[s:e]
            after = self.after_name_rx.match(sent.low, e)
            noun = m.group("sn") or (after.group("n") if after else None)
            if noun and self.region_word.match(noun):
                continue  # "the Kolmari region": a region is no site
            if m.group("det") and not noun and not m.group("relief"):
                continue  # "at the Palmeraie", "le Comité": an article-led name (a hotel, a body), no locality
            # "a Kolmari, dans l'Etat de Bauchi", "at Kolmari, a hamlet near ..."
            explicit = bool(noun or m.group("relief")) or self._region_follows(sent, e) or self._apposition(sent, e) is not None
            out.append(Site(s, e, name, explicit, m.start(), noun in self.facilities))
            led.add(m.end())
        taken = {c.start for c in out}
        for c in names:  # named as a locality without a locative: "Kolmari, a village ...", "the Kolmari camp"
            if c not in taken:
                site = self._described(sent, c, hi)
                if site is not None:
                    out.append(site)
        return out

    def _described(self, sent: Sent, pos: int, hi: int) -> Site | None:
        """A name at `pos` that its words name as a locality without a locative: an apposition
        ("Kolmari, a village in ...", "Kolmari, ville camerounaise ...": not "a village chief"),
        or an article and a site noun ("the Kolmari camp", "the Kolmari refugee camp"); else None."""
        low = sent.low
        article = low[max(0, pos - 4):pos] in ("the ", " le ", " la ")
        m = _NAME.match(sent.text, pos, hi)
        if m is None or not (article or low.startswith(",", m.end())):
            return None  # (the common case: neither an apposition nor an article)
        e = m.end()
        app = self.appos_rx.match(low, e) if not article else None
        if app is None:
            after = self.after_name_rx.match(low, e) if article else None
            if after is None or self.region_word.match(after.group("n")):
                return None
            noun = after.group("n")
        else:
            noun = app.group("n")
            if not self._apposition_goes_on(sent, app.end()):
                return None  # "Kolmari, a village chief": not "a village in ...", "ville camerounaise"
        site = self._name(sent, pos, hi)
        if site is None or site[1] != e:
            return None
        return Site(site[0], site[1], site[2], True, site[0], noun in self.facilities)

    @staticmethod
    def _apposition_goes_on(sent: Sent, pos: int) -> bool:
        """An apposition's site noun (ending at `pos`) describes the name before it: punctuation,
        a locative or a known place follows ("a village in ...", "ville camerounaise"), not a
        noun it qualifies ("a village chief")."""
        nxt = _NEXT.match(sent.low, pos)
        return not nxt.group(1) or nxt.group(1) in _APPOS_NEXT or any(p.start == nxt.start(1) for p in sent.places)

    def _apposition(self, sent: Sent, pos: int) -> int | None:
        """The end of an apposition that names the name ending at `pos` a locality (", a
        hamlet near ..."), else None."""
        app = self.appos_rx.match(sent.low, pos)
        return app.end() if app is not None and self._apposition_goes_on(sent, app.end()) else None

    def _region_follows(self, sent: Sent, pos: int) -> bool:
        """A known region right after `pos`: ", in Bauchi State", ", dans l'Etat de Bauchi", "in the Tahoua region"."""
        m = _IN_REGION.match(sent.low, pos)
        if m is None:
            return False
        p = next((p for p in sent.places if p.start >= m.end()), None)
        if p is None or p.kind != "place":
            return False
        return (p.start == m.end() or self.region_before.search(sent.low, m.end(), p.start) is not None) and self.is_region(sent, p)

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
        noun = m.group("sn")
        return Site(site[0], site[1], site[2], noun is not None, e, noun in self.facilities) if site else None

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
        """A country or demonym of a country the sentence names as a border or neighbour (see
        `border_countries`): not the site's country."""
        return p.kind in ("country", "demonym") and p.country in self.border_countries(sent)

    def border_countries(self, sent: Sent) -> frozenset:
        """The countries a sentence names as a border or neighbour, alone or in a list: "close to
        the border with Burkina Faso", "right on the Burkina Faso border", "the Malian border",
        "près de la frontière burkinabè", "ville camerounaise frontalière du Nigeria", "the borders
        with Togo and Benin", "which straddles Benin, Niger and Burkina Faso", "where Mali, Niger
        and Burkina Faso meet" (kept for the last sentence: each frame asks)."""
        return self._borders(sent)[0]

    def beside(self, sent: Sent, country: str | None) -> bool:
        """`country` is named as a border of the sentence's site ("close to the border with Mali"),
        not as one of the countries that meet there ("where Mali, Niger and Burkina Faso meet")."""
        return country in self._borders(sent)[1]

    def _borders(self, sent: Sent) -> tuple[frozenset, frozenset]:
        if self._last_border[0] is sent:
            return self._last_border[1:]
        low, out, beside = sent.low, set(), set()
        nations = [p for p in sent.places if p.kind in ("country", "demonym")]
        if nations and any(map(low.__contains__, _BORDER_WORDS)):
            i = 0
            while i < len(nations):
                j, closed = i, False  # nations[i..j]: a list ("A, B and C"; a comma after "and" opens another)
                while j + 1 < len(nations):
                    m = _LIST_GAP.fullmatch(low, nations[j].end, nations[j + 1].start)
                    if m is None or (closed and "," in m.group()):
                        break
                    closed = closed or "," not in m.group()
                    j += 1
                first, last, members = nations[i], nations[j], [p.country for p in nations[i:j + 1]]
                if _BESIDE_BEFORE.search(low, max(0, first.start - 40), first.start) or self.beside_after.match(low, last.end):
                    beside.update(members)
                elif _JUNCTION_BEFORE.search(low, max(0, first.start - 40), first.start) or _JUNCTION_AFTER.match(low, last.end):
                    out.update(members)
                i = j + 1
        found = (frozenset(out | beside), frozenset(beside))
        self._last_border = (sent, *found)
        return found

    def tied_country(self, sent: Sent, s: int, e: int) -> str | None:
        """The country of a demonym that describes the locality at [s, e): "Kolmari, ville
        camerounaise", "Kolmari, a Nigerien village", "the Malian town of Kolmari", "la ville
        malienne de Kolmari"; else None."""
        low = sent.low
        for p in sent.places:
            if p.kind != "demonym" or self.on_border(sent, p):
                continue
            if e <= p.start <= e + 40:
                gap = low[e:p.start]
                if _APPOS_GAP.fullmatch(gap) and (self.locality_nouns.search(gap.rstrip()) or self.after_name_rx.match(low, p.end)):
                    return p.country  # ", ville camerounaise", ", a Nigerien village"
            elif s - 40 <= p.end <= s:
                if _OF_GAP.fullmatch(low, p.end, s) and (self.after_name_rx.match(low, p.end) or self.locality_nouns.search(
                        low, max(0, p.start - 20), p.start - 1)):
                    return p.country  # "the Malian town of", "la ville malienne de"
        return None

    def gap(self, sent: Sent, trigs, pos: int, subject: bool = False) -> int | None:
        """Characters from the nearest trigger (`trigs`: spans) ending before `pos` when at most six words and no
        clause break lie between them, else None; `subject`: or to a passive trigger after `pos` whose subject
        holds it ("a post in Kolmari was attacked": asked of unknown localities, which no town then outranks)."""
        best = None
        for t in trigs:
            e = t[1]
            if e > pos:
                if t[0] <= pos:
                    best = 0  # the site verb is the trigger ("attacked Kolmari")
                elif subject and t[2] == "passive" and _near(sent.low[pos:t[0]]):
                    best = t[0] - pos if best is None else min(best, t[0] - pos)  # "a post in Kolmari | was attacked"
                continue
            if _near(sent.low[e:pos]):
                best = pos - e if best is None else min(best, pos - e)
        return best

    def pick(self, sent: Sent, mem: Memory, trigs, places: list[PlaceMention], spot: PlaceMention | None, town: bool,
             lo: int, hi: int) -> tuple[str, str | None] | None:
        """(name, country) of an unknown locality that wins over `spot`, the gazetteer's choice
        for a frame (`trigs`: its triggers; `places`: its gazetteer mentions; `town`: `spot` is a
        town, kind "place", that is no region nor point of reference (`is_region`, `is_reference`:
        the caller has tested them to choose it)); else None."""
        if not self._unknown_caps(sent):
            return None  # (the common case: every capitalised word is a known name, no locality to find)
        weak = not town
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
            g = self.gap(sent, trigs, c.loc_start, subject=True)
            if g is not None and (best_gap is None or g < best_gap):
                best, best_gap = c, g
        if best is None:
            best = next((c for c in locs if c.explicit), None) or self._scene(sent, locs, trigs)
            if best is None:
                return None
        if not weak and best_gap is not None and not best.facility:  # (a known town beats a facility's name)
            weak = spot_gap is None or spot_gap > best_gap
        if not weak and best.explicit and spot.start > best.end:  # "at Kolmari, a hamlet near the village of
            weak = self._reference_of(sent, best, spot)          # Gao": the town locates the locality
        return (best.name, self._country(sent, mem, best, places)) if weak else None

    def _scene(self, sent: Sent, locs: list[Site], trigs) -> Site | None:
        """The locality of a locative that sets the sentence's scene (see _SCENE_BEFORE) before
        the frame's first trigger, with no reporting clause before it ("In Kolmari, officials
        said ..." is where they spoke); else None."""
        first = min(t[0] for t in trigs)
        if self.report_rx.search(sent.low, 0, first) is not None:
            return None
        return next((c for c in locs if c.end <= first and _SCENE_BEFORE.fullmatch(sent.low, 0, c.loc_start)
                     and _SCENE_AFTER.match(sent.low, c.end) and len(sent.low[c.end:first].split()) <= _SCENE_GAP), None)

    def _reference_of(self, sent: Sent, site: Site, p: PlaceMention) -> bool:
        """Known place `p` comes right after the locative of an apposition that names `site` a
        locality (", a hamlet near the village of", ", un hameau proche de"), or of a bare comma
        after a locality that is no facility ("the village of X, near Gao"): it locates the site."""
        app = self._apposition(sent, site.end)
        if app is None:
            comma = _COMMA.match(sent.low, site.end)  # "the village of Kolmari, near Gao" (not a facility's name)
            if comma is None or site.facility:
                return False
            app = comma.end()
        located = _LOCATED.match(sent.low, app)
        m = self.loc_rx.match(sent.low, located.end())
        return m is not None and m.end() == p.start

    def place_gap(self, sent: Sent, trigs, p: PlaceMention) -> int | None:
        """The gap (see `gap`) from a trigger to the locative right before gazetteer place `p`."""
        m = None
        for m in self.loc_rx.finditer(sent.low, max(0, p.start - 60), p.start):
            pass
        if m is None or m.end() != p.start:
            return None
        return self.gap(sent, trigs, m.start())

    def _country(self, sent: Sent, mem: Memory, site: Site, places: list[PlaceMention]) -> str | None:
        """The locality's country: a demonym that describes it ("Kolmari, ville camerounaise"),
        else the frame's country, town (kind "place"), or place named for another role (kind
        "far": "returning from Niamey"), else the sentence's country, else the memory; never a
        country named as a border ("close to the border with Mali")."""
        tied = self.tied_country(sent, site.start, site.end)
        if tied is not None:
            return tied
        border = self.border_countries(sent)
        countries = [p for p in places if p.kind == "country" and p.country not in border]
        if countries:
            return min(countries, key=lambda p: (p.start < site.start, abs(p.start - site.end))).country
        for kind in ("place", "road", "far"):
            towns = [p for p in places if p.kind == kind]
            if towns:  # "the Kolmari area of Mopti", "north of Agadez": the locality lies near them
                return min(towns, key=lambda p: abs(p.start - site.end)).country
        countries = [p for p in sent.places if p.kind == "country" and p.country not in border]
        if countries:
            return min(countries, key=lambda p: abs(p.start - site.end)).country
        if mem.last_place and sent.index - mem.last_place[0] <= 3 and mem.last_place[2] and not self.beside(sent, mem.last_place[2]):
            return mem.last_place[2]
        return None if self.beside(sent, mem.last_country) else mem.last_country
