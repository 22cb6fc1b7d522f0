"""When and where an attack frame happened: its dates and its sites.

Dates (functions): the dates inside the frame's window, a date the attack noun owns first
("claimed on Saturday Friday's attack": `own_date`); a date counted back from another
("two days after gunmen stormed ...": `days_after`; "claimed in May 2019 the kidnapping,
three months earlier, of ...": `earlier`); else an opening lapse ("Two days later",
"Le lendemain": `opening_lapse`), which `chain_dates` resolves from the last dated claim.

Sites (`AttackPlaces`): the frame's town, else a locality the gazetteer lacks
(claims.sites), else a place relative to a country, else the country. A town named for
another role is no site (`frame_places`): a capital for its government ("selon les autorités
de Yaoundé", "Abuja said"), where the victims came from or went to ("returning from Niamey");
a town a road leads to ("on the road to Gao") is the site only where no other town is named.
A country named as a border ("close to the border with Mali") is not the attack's country. Plural nouns on
coordinated towns ("the attacks on A and B") give one attack per town, with no shared
figures; one verb with coordinated sites ("attacked A, in the X region, as well as B and
C", "attacked A, killing 70, and nearby B, where 30 died") gives one per site, each with
the figures told beside it. "stormed the hotel" with no place of its own takes the place
named in the last three sentences.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from claims.attack_triggers import WORD_RX, plural
from claims.dates import DateMention, Lapse, find_lapse, shift
from claims.discourse import Memory, Sent
from claims.numbers import NUM, NUMBER_WORDS, casualties
from claims.patterns import Draft
from claims.places import Gazetteer, PlaceMention
from claims.sites import Sites
from claims.vocab import word_opening


def frame_dates(sent: Sent, trig: tuple[int, int, str], lo: int, b: int, line, reference: set) -> tuple[list, Lapse | None]:
    """The dates of the frame of trigger `trig` in [lo, b), best first, and its opening lapse
    (only where it has no date); `line`: the dateline match or None."""
    s, e, kind = trig
    dates = [d for d in sent.dates if lo <= d.start < b]
    if dates and dates[0].end <= s:
        aside = _aside_of_subject(sent, s)  # "JNIM, the coalition formed in 2017 by ..., claimed the attack on May 3"
        if aside is not None:
            dates = [d for d in dates if not aside[0] <= d.start < aside[1]]
    if kind == "noun" and len(dates) > 1:
        dates.sort(key=lambda d: not own_date(sent.low, d, s, e))  # "claimed on Saturday Friday's attack"
    after = days_after(sent, s, line) or earlier(sent, dates, s, b)
    if isinstance(after, Lapse):
        lapse, after = after, None
    else:
        lapse = None if dates or after else opening_lapse(sent, s, reference)
    if after:
        dates = [after] + dates
    return dates, lapse


def _aside_of_subject(sent: Sent, s: int) -> tuple[int, int] | None:
    """The span of the aside that describes the sentence's first named party, before `s`
    ("X, the coalition formed in March 2017 by A and B, claimed ...", "X, founded in 2012, ...",
    "X, which pledged allegiance to Y in 2017, ...", "X (founded in 2017) ..."), else None: its
    dates describe the party, not the event."""
    first = next((m for m in sent.mentions if m.kind in ("group", "person")), None)
    if first is None or first.end >= s:
        return None
    paren = _PAREN_ASIDE.match(sent.low, first.end)  # "JNIM (founded in 2017) attacked ..."
    if paren is not None and paren.end() <= s:
        return first.end, paren.end()
    if not ASIDE_OPENS.match(sent.low, first.end):
        return None
    close = sent.low.rfind(",", first.end + 1, s)
    return (first.end, close) if close > first.end else None


def days_after(sent: Sent, s: int, line):
    """The date of an attack told inside "N days after ..." ("two days after gunmen stormed",
    "quatre jours apres l'attaque"): the day of the report (its dateline, else a day the
    sentence names before the phrase) minus N days; without such a day, the lapse back from
    the event told before ("The massacre came three days after gunmen killed ...": a Lapse,
    see chain_dates); else None."""
    m = None
    if "day" not in sent.low and "jour" not in sent.low:
        return None
    for m in _DAYS_AFTER.finditer(sent.low, max(0, s - 90), s):
        pass
    if m is None or not _SUBJECT_GAP.fullmatch(sent.low, m.end(), s):
        return None
    ref = [d for d in sent.dates if len(d.value) == 10 and (d.end <= m.start() or (line and d.start < line.end()))]
    n = m.group("n")
    if not ref:
        return None if sent.dates else Lapse(-1, int(n) if n.isdigit() else _SMALL_NUMBERS[n], "day")
    day = date.fromisoformat(ref[0].value) - timedelta(days=int(n) if n.isdigit() else _SMALL_NUMBERS[n])
    return DateMention(m.start(), m.end(), day.isoformat(), False)


def opening_lapse(sent: Sent, s: int, reference: set) -> Lapse | None:
    """The lapse that opens the sentence ("Two days later, gunmen ...", "Le lendemain, ...":
    claims.dates.find_lapse) where no reference word ("after", "apres") stands between it and
    the trigger at `s` (not "Days later, after the army had killed ..., gunmen ...")."""
    lapse = find_lapse(sent.low)
    if lapse is None:
        return None
    return None if any(m.group() in reference for m in WORD_RX.finditer(sent.low, 0, s)) else lapse


def chain_dates(drafts: list[Draft], found: list, mem: Memory, sent: Sent) -> None:
    """Dates the drafts told relative to the event before ("Two days later", "le lendemain",
    "three days after gunmen killed ...": a Lapse in `extra`) from the date of the last dated
    claim: an attack up to six sentences before (the colour between them adds no event), any
    other claim up to three; `found`: the (draft, sentence) pairs so far, in text order."""
    lapsed = [d for d in drafts if d.date is None and d.extra.get("lapse") is not None]
    if not lapsed:
        return
    last = next(((d, ds) for d, ds in reversed(found) if d.date), None)
    if last is None or sent.index - last[1].index > (6 if last[0].type == "attack" else 3):
        return
    for d in lapsed:
        d.date = shift(last[0].date, d.extra["lapse"])


def earlier(sent: Sent, dates: list, s: int, b: int):
    """"claimed in May 2019 the kidnapping, three months earlier, of ...": the attack's date is
    the sentence's date minus the lapse (a day, month or year as precise as that date); else None."""
    m = _EARLIER.search(sent.low, s, min(b, s + 60)) if dates and ("earlier" in sent.low or "plus tot" in sent.low
                                                                  or "auparavant" in sent.low) else None
    if m is None:
        return None
    n = m.group("n")
    n = int(n) if n.isdigit() else _SMALL_NUMBERS[n]
    base = next((d for d in dates if d.end <= m.start() or d.start >= m.end()), None)
    if base is None:
        return None
    unit, parts = m.group("u"), [int(x) for x in base.value.split("-")]
    if unit.startswith(("y", "an")):
        parts[0] -= n
    elif unit.startswith("m") and len(parts) >= 2:
        y, mo = divmod(parts[0] * 12 + parts[1] - 1 - n, 12)
        parts[:2] = [y, mo + 1]
    elif len(parts) == 3:
        days = n * (7 if unit.startswith(("w", "s")) else 1)
        parts = [int(x) for x in (date(*parts) - timedelta(days=days)).isoformat().split("-")]
    else:
        return None
    if len(parts) == 3 and unit.startswith(("y", "an", "m")):
        parts[2] = min(parts[2], monthrange(parts[0], parts[1])[1])  # "three months earlier" than May 31: February 28
    value = "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))
    return DateMention(m.start(), m.end(), value, False)


def own_date(low: str, d: DateMention, s: int, e: int) -> bool:
    """Date `d` modifies the attack noun [s, e): a possessive before it ("Friday's suicide
    attack", "yesterday's ambush") or a complement right after it ("l'attaque de vendredi",
    "l'attentat du 21 juillet", "the attack on Friday")."""
    if d.end <= s:
        return (low.endswith("'s", d.start, d.end) or low.startswith("'s", d.end)) and _MODIFIERS.fullmatch(
            low, d.end + (0 if low.endswith("'s", d.start, d.end) else 2), s) is not None
    return d.start >= e and _COMPLEMENT.fullmatch(low, e, d.start) is not None


def frame_places(sent: Sent, lo: int, b: int) -> list[PlaceMention]:
    """The places of the frame in [lo, b), not a source ("according to Paris"). A town named
    for another role than the site becomes kind "far" (its country serves a frame that names no
    other): a capital standing for its government ("selon les autorités de Yaoundé", "officials
    in Bamako", "Abuja said", "which prompted N'Djamena to"), a place the victims came from or
    went to ("returning from Ouagadougou", "en provenance de Niamey", "from Gao to Ansongo"). A
    town a road leads to ("on the road to Gao", "sur la route de Kaya") becomes kind "road": the
    site where the frame names no other town."""
    low, out, seats = sent.low, [], Gazetteer.load().capitals
    for p in sent.places:
        if not lo <= p.start < b or _SOURCE_BEFORE.search(low, max(0, p.start - 16), p.start):
            continue
        if p.kind == "place":
            if out and out[-1].kind in ("far", "road") and _ROUTE_NEXT.fullmatch(low, out[-1].end, p.start):
                p = p._replace(kind=out[-1].kind)  # "from Gao to Ansongo", "the road from Gao to Ansongo"
            elif (m := _route_before(low, p.start)) is not None:
                p = p._replace(kind="road" if m.group().startswith(_ROADS) else "far")
            elif p.canonical in seats and _seat(low, p):
                p = p._replace(kind="far")
        out.append(p)
    return out


def _route_before(low: str, at: int) -> re.Match | None:
    """_ROUTE_BEFORE's match in the 40 characters before offset `at` (a town's), searched only where one may end there."""
    lo = max(0, at - 40)
    return _ROUTE_BEFORE.search(low, lo, at) if _may_close_route(low, lo, at) else None


def _may_close_route(low: str, lo: int, at: int) -> bool:
    """False where no match of _ROUTE_BEFORE can end `low[lo:at]`: it closes on one of _ROUTE_LAST, then white
    space and an optional "the". (A test of the window's end only, where a search of that pattern, anchored at
    the end, tries every offset of the window; before most places none of these words stands.)"""
    head = low[lo:at]
    last = head.rstrip()
    if last.endswith("the"):  # (no word of _ROUTE_LAST ends on "the": it can only be the article)
        last = last[:-3].rstrip()
    return last.endswith(_ROUTE_LAST)


def _seat(low: str, p: PlaceMention) -> bool:
    """Capital `p` (places.yaml `capitals`) stands for its government: "the authorities in Bamako", "selon les autorités
    de Yaoundé", "the Niamey government", "Abuja said", "N'Djamena a annoncé", "which prompted
    N'Djamena to launch" (not after a locative: "a Bamako a eu lieu", "in Niamey has")."""
    if _SEAT_BEFORE.search(low, max(0, p.start - 40), p.start) or _SEAT_NOUN_AFTER.match(low, p.end):
        return True
    if _LOCATIVE_BEFORE.search(low, max(0, p.start - 12), p.start):
        return False
    return bool(_SEAT_VERB_AFTER.match(low, p.end) or (
        _CAUSE_BEFORE.search(low, max(0, p.start - 20), p.start) and _TO_AFTER.match(low, p.end)))


class AttackPlaces:
    def __init__(self, sites: Sites):
        self.sites = sites

    def spots(self, sent: Sent, places: list[PlaceMention], fr, mem: Memory, lo: int, b: int) -> tuple[list, list | None]:
        """The (place, country) of each attack that frame `fr` in [lo, b) tells, and the figures
        of each where they are coordinated sites of one verb (else None: the frame's figures)."""
        s, e, kind = fr[0]
        spots = self._distributed(sent, places, s, e) or [self._place(sent, places, fr, mem, lo, b)]
        shares = None  # the figures of each of several coordinated sites
        if kind == "verb" and len(spots) == 1 and spots[0][0] and _COORD_CUE.search(sent.low, e, b):
            chain = self._coordinated(sent, places, spots[0], s, e, b)
            if chain:
                spots, shares = [(n, c) for n, c, _ in chain], [f for _, _, f in chain]
        if spots == [(None, None)] and mem.last_place and sent.index - mem.last_place[0] <= 3 and _SITE.match(sent.low, e):
            spots = [mem.last_place[1:]]  # "stormed the hotel": the hotel the previous sentences placed
        elif len(spots) == 1 and spots[0][0] is None and spots[0][1] and _IN_THE_CAPITAL.search(sent.low, lo, b):
            spots = [(self.sites.gaz.capital_of.get(spots[0][1]), spots[0][1])]  # "in the heart of the capital"
        return spots, shares

    def _place(self, sent: Sent, places: list[PlaceMention], fr, mem: Memory, lo: int, b: int) -> tuple[str | None, str | None]:
        """The frame's town (a town before a region or a point of reference: "Damaturu, the
        capital of Yobe state"), unless an unknown locality wins (claims.sites); else a place
        relative to the country; else its country."""
        s = fr[0][0]
        after = [p for p in places if p.start >= s]
        before = [p for p in places if p.end <= s][::-1]
        spots = [p for p in after + before if p.kind in ("place", "relative")] or [p for p in after + before if p.kind == "road"]
        plain = next((p for p in spots if p.kind == "relative" or not (
            self.sites.is_region(sent, p) or self.sites.is_reference(sent, p))), None)
        spot = plain or (spots[0] if spots else None)
        found = self.sites.pick(sent, mem, fr, places, spot, plain is not None and plain.kind == "place", lo, b)
        if found is not None:
            return found
        if spot is not None and spot.kind in ("place", "road"):
            country = self._direct_country(sent, places, fr)
            if country is not None and country != spot.country and self.sites.place_gap(sent, fr, spot) is None:
                return None, country  # "beheaded a hiker in Algeria": not the town of another country named before
            return spot.name, spot.country
        # no town: a country of the frame, not one named as a border ("close to the border with Mali");
        # else the town named for another role ("returning from Niamey", "selon les autorités de Yaoundé"),
        # the memory where a border was named ("deux camps proches de la frontière burkinabè"), a demonym
        border = self.sites.border_countries(sent) if places else frozenset()
        country = next((p.country for p in after + before if p.kind == "country" and p.country not in border), None)
        if spot is not None:  # "the north of the country"
            return spot.name, country or mem.last_country
        if country is None:
            country = next((p.country for p in after + before if p.kind == "far"), None)
        if country is None and border and not self.sites.beside(sent, mem.last_country):
            country = mem.last_country  # (one of the countries that meet there, or a country beside the border's)
        if country is None:
            country = next((p.country for p in after + before if p.kind == "demonym" and p.country not in border), None)
        return None, country

    def _direct_country(self, sent: Sent, places: list[PlaceMention], fr) -> str | None:
        return next((p.country for p in places if p.kind == "country" and self.sites.place_gap(sent, fr, p) is not None
                     and not self.sites.on_border(sent, p)), None)

    def _coordinated(self, sent: Sent, places: list[PlaceMention], first: tuple, s: int, e: int, b: int) -> list:
        """One verb, several sites: "attacked army posts in A, in the X region, as well as in B and
        C", "attacked A, killing 70, and nearby B, where 30 died", "ont attaque A et B": the
        (name, country, figures) of each site coordinated with the frame's site `first`, in text
        order; a site's figures are those told between it and the next site (the last one's only
        in its own "where"/"ou" clause: a figure after the list is a shared total), or, where each
        site comes with the verb's object again ("killed 14 soldiers in A and five civilians in B"),
        the verb's (`s`, `e`) with the object before it. Not a list
        that a preposition other than a locative opens ("from A to B", "between A and B"), nor
        names that are no sites ("in A, B's capital", a region, a country). [] for one site."""
        low = sent.low
        at = sent.text.find(first[0], e, b)
        if at < 0 or _BETWEEN.search(low, max(0, at - 30), at):
            return []
        chain, pos, comma = [(first[0], first[1], at, at + len(first[0]))], at + len(first[0]), False
        gapped = elided = False
        objects = [e]  # where each site's object starts (an elided list)
        while True:
            m = _CHAIN.match(low, pos, b)
            if m is None or (chain[1:] and bool(m.group("obj")) != elided):
                break  # (every site of an elided list has its own object, or none does)
            elided = bool(m.group("obj"))
            if m.group("gap") and (gapped or not self._plain_gap(sent, places, m.start("gap"), m.end("gap"))):
                break
            site = self._site_at(sent, places, m.end(), b, first[1], m.end() > m.end("conj") + 1)
            if site is None:
                break
            gapped = gapped or bool(m.group("gap"))
            comma = m.group("conj") == ","
            chain.append(site)
            objects.append(m.start("obj"))
            pos = site[3]
        if comma:
            chain = chain[:-1]  # "in A, B": an apposition unless the list ends on "and"
        if len(chain) > 1 and _SUBJECT_AFTER.match(low, chain[-1][3]):
            return []  # "attacked a base in A, and B and C were put on alert": the subject of another clause
        if len(chain) < 2 or len({c[0] for c in chain}) < len(chain):
            return []
        out = []
        for i, (name, country, a, z) in enumerate(chain):
            if elided:  # "killed 14 soldiers in A and five civilians in B": each site's figures come before it, with the verb
                out.append((name, country, casualties(low[s:e] + " " + low[objects[i]:a])))
                continue
            if i + 1 < len(chain):
                figures = casualties(low[z:chain[i + 1][2]])
            else:
                own = _WHERE.match(low, z)
                figures = casualties(low[z:z + own.end() - 0]) if own else {"killed": None, "wounded": None, "kidnapped": None}
            out.append((name, country, figures))
        return out

    def _plain_gap(self, sent: Sent, places: list[PlaceMention], a: int, z: int) -> bool:
        """The aside between two coordinated sites ("in the X region", "killing 70 villagers")
        names nothing but a region: every capitalised word lies in a region's name."""
        regions = [p for p in places if a <= p.start < z and p.kind == "place" and self.sites.is_region(sent, p)]
        return all(any(r.start <= m.start() < r.end for r in regions) for m in _CAP_WORD_RX.finditer(sent.text, a, z))

    def _site_at(self, sent: Sent, places: list[PlaceMention], pos: int, hi: int, country: str | None, marked: bool):
        """(name, country, start, end) of a site named right at `pos`: a gazetteer town (not a
        region, nor a possessor: "B's capital") or, after a locative or "nearby" (`marked`), a
        locality the gazetteer lacks ("and nearby Kolmari"; not "and Ibrahim Maiga"); else None."""
        p = next((p for p in places if p.start == pos), None)
        if p is not None:
            if p.kind != "place" or self.sites.is_region(sent, p) or sent.low.startswith("'s", p.end):
                return None
            return p.name, p.country, p.start, p.end
        if any(pl.start <= pos < pl.end for pl in places):
            return None
        loc = self.sites.locality_at(sent, pos, hi) if marked else None
        if loc is None or sent.low.startswith("'s", loc[1]) or self.sites.region_after.match(sent.low, loc[1]):
            return None
        return loc[2], country, loc[0], loc[1]

    def _distributed(self, sent: Sent, places, s: int, e: int):
        """"the attacks on A and B": one attack per place, a shared total for none."""
        if not plural(sent.low[s:e]):
            return []
        spots = [p for p in places if p.start >= e and p.kind == "place"]
        names = list(dict.fromkeys(p.canonical for p in spots))
        if len(names) < 2 or not re.search(r"\band\b", sent.low[spots[0].end:spots[1].start]):
            return []
        firsts = {}
        for p in spots:
            firsts.setdefault(p.canonical, p)
        return [(p.name, p.country) for p in firsts.values()]


_SMALL_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 10 and w not in ("a", "an", "une")}  # "three", "trois"
# an aside opening after a name: "X, the coalition formed ...", "X (Y), founded in 2012 ..."
ASIDE_OPENS = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(?:the|a|an|its|la|le|l'|un|une|son|sa|founded|formed|created|born|fonde|fondee|cree|creee|forme|formee|nee?"
                         r"|which|who|whose|qui|dont)\b")
_PAREN_ASIDE = re.compile(r"\s*\([^()]*\)")
_DAYS_AFTER = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")\s+(?:days?|jours?)\s+(?:after|apres)\s+")
_EARLIER = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")\s+(?P<u>days?|weeks?|months?|years?|jours?|semaines?|mois|ans|annees?)"
                      r"\s+(?:earlier|before|plus\s+tot|auparavant)\b")
_SUBJECT_GAP = re.compile(r"(?:l'|[\w'-]+\s+){0,6}")  # "two days after al qaeda linked fighters |stormed"
_MODIFIERS = re.compile(r"\s+(?:[\w-]+\s+){0,3}")
_COMPLEMENT = re.compile(r"\s*(?:(?:de|du|d'|of)\s*)?")


def _then(openers, words) -> list[str]:
    r"""The pattern `opener\s+(?:w1|w2|...)` of each opener, `words` the w's."""
    return [o + r"\s+(?:" + "|".join(words) + ")" for o in openers]


# (the patterns searched before each place, or over the frame, open on their first letters: see claims.vocab.word_opening)
_SOURCE_BEFORE = re.compile(word_opening([r"according\s+to", "selon", "d'apres"]) + r"\s+$")  # "according to Paris": a source, no site
# a town named as where the victims came from or went to (not the site), or where a road leads ("road"): a word
# of motion or a road, then the word of its way ("returning from", "en provenance de", "on the road to Gao")
_TOWARDS = ("from", "to", "for", "towards", "toward")
_VERS = ("de", "d'", "du", "a", "au", "vers", "pour")
_ROADS = ("road", "highway", "route")
_ROAD_TO = ("from", "to", "linking", "de", "d'", "du", "vers", "reliant")
_LEAVING = ("leaving", "left", "quitte", "quittant")
_ROUTE_BEFORE = re.compile(word_opening(
    _then(("coming", "returning", r"travell?ing", "heading", "driving", "fleeing", "bound", "back", r"en\s+route",
           r"on\s+(?:the|their|his|her|its)\s+way"), _TOWARDS)
    + list(_LEAVING)
    + _then((r"en\s+provenance", r"a\s+destination", r"de\s+retour", r"rentrai(?:t|ent)", "rentrant", r"revenai(?:t|ent)", "revenant",
             r"venai(?:t|ent)", "venant", r"partis?", r"se\s+rend(?:ait|aient|ant)", "allant", r"en\s+direction"), _VERS)
    + _then(_ROADS, _ROAD_TO))  # (a match that opens on a word of _ROADS: kind "road")
    + r"\s*(?:the\s+)?$")
_ROUTE_LAST = tuple(dict.fromkeys(_TOWARDS + _LEAVING + _VERS + _ROAD_TO))  # the words a match of _ROUTE_BEFORE closes on
_ROUTE_NEXT = re.compile(r"\s+(?:to|towards|for|and|a|vers|pour|et)\s+")  # "from Gao |to| Ansongo"
_SEAT_BEFORE = re.compile(r"\b(?:authorities|officials|government|leaders|rulers|junta|regime|autorites|responsables|gouvernement|pouvoir|"
                          r"junte|dirigeants|officiels)\s+(?:in|of|from|de|d'|a)\s*$")
_SEAT_NOUN_AFTER = re.compile(r"(?:'s)?\s+(?:authorities|government|junta|regime|rulers|leadership)\b")
_SEAT_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had|a|avait)\s+)?(?:said|says|announced|accused|accuses|blamed|blames|responded|reacted|"
                              r"retaliated|sent|sends|dispatched|deployed|launched|denied|denies|confirmed|confirms|declared|vowed|insisted|"
                              r"ordered|condemned|dit|annonce|accuse|reagi|riposte|envoye|depeche|deploye|lance|dementi|dement|confirme|"
                              r"declare|affirme|ordonne|condamne|denonce)\b")
_CAUSE_BEFORE = re.compile(r"\b(?:prompted|prompting|forced|forcing|led|leading|pushed|pushing|pousse|poussant|pousser|amene|amenant|"
                           r"conduit|contraint|oblige|incite)\s+$")
_TO_AFTER = re.compile(r"\s+(?:to|a)\s+[a-z]")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|to|from|of|on|a|au|aux|de|d'|du|dans|pres|vers|sur|contre|entre|par|by|with|avec)\s*$")
# the frame's country's capital as the site: "in the heart of the capital", "dans la capitale"; not "the
# capital of Borno state", "the capital region", "50 km from the capital", "la capitale economique"
_IN_THE_CAPITAL = re.compile(word_opening(["in", "inside", "into", "dans"]) + r"\s+(?:the\s+(?:heart|centre|center)\s+of\s+|le\s+(?:coeur|centre)\s+de\s+)?"
                             r"(?:the|la)\s+capital(?:e)?\b(?![\s,]+(?:of|region|city\s+of|de|du|d'|des|economique|regionale)\b)")
_COORD_CUE = re.compile(word_opening(["and", r"as\s+well\s+as", r"along\s+with", "et", r"ainsi\s+que"]) + r"\s")
_CHAIN = re.compile(r"(?P<gap>\s*,[^,;:()\u2013\u2014]{1,70}(?=,))?\s*(?:,\s*)?(?P<conj>and|as\s+well\s+as|along\s+with|ainsi\s+qu(?:e|')|et|,)\s*"
                    # the verb's object again, its verb left out: "killed 14 soldiers in A and five civilians in B"
                    r"(?:(?P<obj>(?:" + NUM + r")\s+(?:[\w-]+\s+){0,2}?)(?=(?:in|at|near|a|au|aux|dans|pres\s+de)\s))?"
                    r"(?:(?:also|aussi)\s+)?(?:(?:in|at|near|a|au|aux|dans|pres\s+de)\s+|(?:nearby|neighbouring|neighboring|voisine?)\s+|"
                    r"(?:the\s+|la\s+|le\s+)?(?:village|town|locality|localite|ville)s?\s+(?:of|de|d')\s*)?")
_SUBJECT_AFTER = re.compile(r"(?:\s+(?:and|et)\s+[\w' -]{1,30}?)?\s+(?:were|was|is|are|has|have|had|will|would|remain|remained|"
                            r"ont|a|sont|est|etait|etaient|avait|avaient|restent|seront)\b")
_BETWEEN = re.compile(r"\b(?:between|entre|from)\s+(?:\w+\s+){0,2}$|(?<!\bpres )\b(?:de|des|du)\s+$|(?<!\bpres )\bd'$")  # (not "près de A")
_WHERE = re.compile(r"\s*,?\s*(?:where|ou)\b[^,;]*")
_CAP_WORD_RX = re.compile(r"[A-Z\u00c0-\u00de](?<![\w-].)")  # a capital opening a word (tested after the capital)
_SITE = re.compile(r"\s+(?:\w+\s+)?(?:the\s+|l'|le\s+|la\s+)(?:hotel|camp|base|museum|mine|site|resort|embassy|consulate|"
                   r"compound|barracks|musee|ambassade|consulat|caserne|complexe)\b")
