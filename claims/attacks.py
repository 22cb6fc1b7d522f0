"""Attack claims: triggers, frames, perpetrator, slots.

A trigger is an attack verb ("bombed", "kidnapped"), a passive ("were killed") or an
attack noun with a determiner ("the attack", "twin suicide bombings", "another ambush").
Not claims: bare plurals ("tactics such as beheadings", "AQIM suicide attacks"), counts of
attacks ("250 killings"), references ("after Daesh's attacks"), reactions ("praised the
massacre"), intents ("to stage attacks"), habits ("frequently kidnapped"), negations,
aggregates ("killed since September 2014") and state operations ("a French raid").
A coordinated attack noun with its own determiner ("... or the killing of ...") starts a
new frame; each frame takes its own date, place and figures. A frame needs an anchor
(date, place or figure).
"""
from __future__ import annotations

import re

from claims.discourse import GENERIC, Analyzer, Memory, Sent
from claims.model import EntityRef
from claims.patterns import Draft, RelationPatterns, is_party
from claims.places import PlaceMention
from claims.numbers import casualties, parse_number
from claims.vocab import Vocab, elided, phrase_pattern

_NON_ACTOR = ("state", "force", "organisation")


class AttackPatterns:
    def __init__(self, an: Analyzer, v: Vocab, rel: RelationPatterns):
        self.an, self.v, self.rel = an, v, rel
        self.verb_rx = elided(v.rx("attack", "verbs"))
        self.passive_rx = v.rx("attack", "passive")
        self.noun_rx = elided(v.rx("attack", "nouns"))
        self.gov_rx = v.rx("attack", "governing")
        w = lambda k: set(v.words("attack", k))  # noqa: E731
        self.attitude, self.habitual, self.reference = w("attitude"), w("habitual"), w("reference")
        self.state_mod, self.dets, self.anaphoric = w("state_modifiers"), w("determiners"), w("anaphoric")
        self.coord_rx = re.compile(r"(?:^|\s)(?:or|as\s+well\s+as|along\s+with|in\s+addition\s+to|ou|ainsi\s+que|;)\s+(?:\S+\s+){0,4}$")
        self.aggregate_rx = v.rx("attack", "aggregate")
        self.claim_rx = v.rx("attack", "claim_verbs")
        self.since_rx = re.compile(r"^\s*(?:since|depuis)\b|,\s*(?:since|depuis)\b|\b(?:since|depuis)\s+(?:(?:the\s+)?(?:start|beginning|debut)|\d{4}|january|janvier)")
        self.perfect_rx = re.compile(r"\b(?:have|has)\s+been\b|\bont\s+(?:ete|fait)\b|\b(?:have|has)\s+(?:killed|left)\b")
        self.state_agents = set(v.words("attack", "state_agents"))
        opener = v.words("attack", "continuation_subjects") + v.words("attack", "continuation_openers")
        self.cont_rx = re.compile(r"^(?:" + "|".join(phrase_pattern(w) for w in opener) + r")\b")
        self._last_before: tuple = (None, None, [])  # (sentence, offset, words): see _before

    # ---- triggers --------------------------------------------------------------------
    def _triggers(self, sent: Sent) -> list[tuple[int, int, str]]:
        cues = sent.cues  # a pattern whose word list the sentence lacks cannot match: not scanned
        found = [(m.start(), m.end(), "passive") for m in self._scan(self.passive_rx, "passive", cues, sent.low)]
        verbs = self._scan(self.verb_rx, "verbs", cues, sent.low)  # scanned once, used twice
        found += [(m.start(), m.end(), "verb") for m in verbs if " " in m.group()
                  and not any(s < m.end() and m.start() < e for s, e, _ in found)]  # "ont attaqué" before "attaque"
        for ms, kind in ((self._scan(self.noun_rx, "nouns", cues, sent.low), "noun"), (verbs, "verb")):
            for m in ms:
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    k = kind
                    if kind == "noun" and not self._determined(sent, m.start()):
                        k = "verb" if (m.group().endswith("ing") and self._gerund_object(sent, m.end())) or (
                            self._after_auxiliary(sent, m.start())) else "bare"
                    found.append((m.start(), m.end(), k))
        found.sort()
        return found

    @staticmethod
    def _scan(rx: re.Pattern, key: str, cues: frozenset, low: str) -> list:
        return list(rx.finditer(low)) if ("attack", key) in cues else []

    def _reference_clause(self, sent: Sent, a: int, t: tuple[int, int, str]) -> int | None:
        """Offset of a temporal reference ("after", "apres", "following") that opens a clause
        with its own subject before verb trigger `t`, else None."""
        if t[2] != "verb":
            return None
        for m in _WORD_RX.finditer(sent.low, a, t[0]):
            if m.group() in self.reference and self.an.subject_cand(sent, t[0]) is not None and (
                    self.an.subject_cand(sent, t[0]).start > m.end()):
                return m.start()
        return None

    def _before(self, sent: Sent, s: int, n: int) -> list[str]:
        """The last `n` words (or ";") before `s`; the tests of one trigger ask for the words
        before it several times: the last window is kept."""
        if self._last_before[:2] != (sent, s):
            self._last_before = (sent, s, _WORD_OR_SEMI.findall(sent.low, max(0, s - 80), s))
        return self._last_before[2][-n:]

    def _determined(self, sent: Sent, s: int) -> bool:
        prev = self._before(sent, s, 4)
        for w in reversed(prev):
            w = _ELISION.sub("", w)  # "d'un camion piege": "un"
            if w in self.dets or w == "s" or w.isdigit() or parse_number(w):
                return True
            if w in self.an.preps or w in ("and", "or", ","):
                return False
        return False

    def _after_auxiliary(self, sent: Sent, s: int) -> bool:
        """A participle, not a noun: "aurait egalement attaque un poste", "a attaque"."""
        prev = self._before(sent, s, 2)
        if len(prev) == 2 and (prev[-1].endswith("ment") or prev[-1] in ("deja", "aussi", "encore", "alors")):
            prev = prev[:1]  # "aurait egalement attaque"
        return bool(prev) and prev[-1] in _AUXILIARIES

    def _gerund_object(self, sent: Sent, e: int) -> bool:
        nxt = sent.low[e:e + 40].split()[:2]
        return bool(nxt) and (nxt[0] in self.dets or nxt[0].isdigit() or parse_number(nxt[0]) is not None or (
            nxt[0] in ("at", "more", "some", "about") and len(nxt) > 1))

    def _valid(self, sent: Sent, s: int, e: int, kind: str) -> bool:
        if kind == "bare":
            return False
        prev = self._before(sent, s, 5)
        near = prev[-3:]
        if any(w in self.reference for w in (prev[-1:] if kind == "verb" else near)) or any(w in self.attitude for w in prev):
            return False  # "after Daesh's attacks", "since the bombing"; not "after gunmen killed 22 people"
        if "to" in near[-2:] or any(w in self.habitual for w in near):
            return False
        if self.rel.blocked(sent, s) and kind != "noun":
            return False
        if kind == "noun":
            count = next((parse_number(w) for w in reversed(prev[-3:]) if parse_number(w) is not None), None)
            if count and 2 < count < 1900 and _plural(sent.low[s:e]):
                return False  # "250 killings": a count of attacks
            if any(w in self.state_mod for w in prev[-2:]) or self._state_owned(sent, e):
                return False  # "a French raid", "military attacks", "l'assaut final de l'armee": state operations
        if self.aggregate_rx.search(sent.low[e:e + 25]) or self._perfect_since(sent, s, e) or self._total(sent, s, e, kind):
            return False
        if kind == "verb" and any(w in self.state_agents for w in prev[-3:]):
            return False  # "Algerian troops killed ...", "l'armée a affirmé avoir tué": state operations
        return True

    def _perfect_since(self, sent: Sent, s: int, e: int) -> bool:
        """"Since 2013, at least 118 peacekeepers have been killed", "it has killed thousands of
        insurgents since 2009": a running total (a perfect tense and a "since" in the clause)."""
        if not self.perfect_rx.search(sent.low, max(0, s - 30), s + 40):
            return False
        tail = _CLAUSE_END.split(sent.low[e:e + 80], 1)[0]
        return bool(self.since_rx.search(sent.low[:s]) or _SINCE.search(tail))

    def _total(self, sent: Sent, s: int, e: int, kind: str) -> bool:
        """A count over many attacks, not one: "were killed in attacks across the north",
        "more than 4,000 people were killed ... in 2019" (a large bounded figure whose only
        time is a whole year or none)."""
        tail = sent.low[e:e + 60]
        if _IN_ATTACKS.match(tail):
            return True
        if kind != "passive":
            return False
        big = _BIG_BOUND.search(sent.low, max(0, s - 60), s)
        return bool(big) and all(len(d.value) == 4 for d in sent.dates)

    def _state_owned(self, sent: Sent, e: int) -> bool:
        """"the assault of the army", "l'assaut final de l'armee", "a raid by French troops"."""
        m = _OWNER_AFTER.match(sent.low, e)
        if not m:
            return False
        words = {m.group("w"), m.group("w2")}
        if m.group("p") in ("of", "de", "du", "des"):  # "the killing of soldiers" names victims: only an institution owns
            return not words.isdisjoint(_STATE_OWNERS)
        return not words.isdisjoint(self.state_agents) or not words.isdisjoint(self.state_mod)

    # ---- frames ----------------------------------------------------------------------
    def attacks(self, sent: Sent, mem: Memory) -> list[Draft]:
        trigs = [t for t in self._triggers(sent) if self._valid(sent, *t)]
        frames: list[list[tuple[int, int, str]]] = []
        bounds: list[int] = []
        for t in trigs:
            ref = self._reference_clause(sent, frames[-1][-1][1], t) if frames else None
            if ref is not None:  # "The attack came three months after gunmen killed 22 people": another event
                frames.append([t])
                bounds.append(ref)
            elif frames and t[2] == "noun" and self.coord_rx.search(sent.low[frames[-1][-1][1]:t[0]]):
                frames.append([t])
                bounds.append(frames[-2][-1][1] + self.coord_rx.search(sent.low[frames[-2][-1][1]:t[0]]).start())
            elif frames:
                frames[-1].append(t)
            else:
                frames.append([t])
                bounds.append(0)
        bounds.append(len(sent.low))
        out: list[Draft] = []
        first_perp = None
        for i, fr in enumerate(frames):
            drafts, perp = self._frame(sent, mem, fr, bounds[i], bounds[i + 1], first_perp if i else None)
            first_perp = perp if i == 0 else first_perp
            out += drafts
        return out

    def _frame(self, sent, mem, fr, a, b, inherited):
        s, e, kind = fr[0]
        ok, perp = self._perpetrator(sent, mem, fr, a, inherited)
        if not ok:
            return [], None
        dates = [d for d in sent.dates if a <= d.start < b]
        figures = casualties(sent.low[a:b])
        places = [p for p in sent.places if a <= p.start < b]
        if kind == "noun" and not any(figures.values()) and self._claimed_back(sent, mem, a, s, perp):
            return [], perp  # "AQIM claimed the attack", "L'attaque a été revendiquée par l'EI"
        if kind == "noun" and not dates and not any(figures.values()) and re.fullmatch(
                r"\s*(?:the|this|that)\s+(?:\w+\s+){0,2}", sent.low[:s]) and mem.last_attacks:
            return [], perp  # "The assault came four months after ...": the attack already reported
        if self._anaphoric(sent, s) and not dates and not any(figures.values()):
            self._reassign(sent, mem, perp)
            return [], perp
        spots = self._distributed(sent, places, s, e) or [self._place(places, s, mem)]
        if spots == [(None, None)] and mem.last_place and sent.index - mem.last_place[0] <= 3 and _SITE.match(sent.low, e):
            spots = [mem.last_place[1:]]  # "stormed the hotel": the hotel the previous sentences placed
        out = []
        for place, country in spots:
            if not (dates or place or country or any(figures.values())):
                continue
            d = Draft("attack", (s, e), subject=perp if is_party(perp) else None, place=place, country=country,
                      date=dates[0].value if dates else None, polarity=self.rel.polarity(sent, s, e))
            if len(spots) == 1:
                d.killed, d.wounded, d.kidnapped = figures["killed"], figures["wounded"], figures["kidnapped"]
            out.append(d)
        return out, perp

    def _claimed_back(self, sent: Sent, mem: Memory, a: int, s: int, perp) -> bool:
        """A claim of responsibility for an attack just reported (definite or demonstrative
        noun, no figures of its own): it names the perpetrator of that attack."""
        if not mem.last_attacks or sent.index - mem.last_attack_sentence > 2:
            return False
        if not re.search(r"(?:^|\s)(?:the|this|that|these|those|l'|le|la|les|ce|cette|ces)\s*(?:\w+\s+){0,2}$", sent.low[max(a, s - 40):s]):
            return False
        claim = self.claim_rx.search(sent.low, max(0, s - 60), s)
        passive = re.match(r"\s+(?:was|were|has\s+been|had\s+been|a\s+ete|avait\s+ete|ont\s+ete)\s+(?:\w+\s+)?(?:claimed|revendique\w*)\s+(?:by|par)\s+",
                           sent.low[s:s + 80].split(",")[0] + " ")
        if passive:
            perp = self.an.first_after(sent, sent.low.find(passive.group().strip().split()[-1], s) + 4, mem)
        if not (claim or passive) or not is_party(perp) or self.rel.blocked(sent, (claim.start() if claim else s)):
            return False
        mem.extra_updates.append((list(mem.last_attacks), perp))
        return True

    def _anaphoric(self, sent: Sent, s: int) -> bool:
        prev = self._before(sent, s, 3)
        return any(w in self.anaphoric for w in prev)

    def _reassign(self, sent: Sent, mem: Memory, perp: EntityRef | None) -> None:
        gov = list(self.gov_rx.finditer(sent.low))
        if is_party(perp) and gov and gov[-1].group().startswith("claim"):
            mem.extra_updates.append((list(mem.last_attacks), perp))

    def _perpetrator(self, sent, mem, fr, a, inherited):
        s, e, kind = fr[0]
        if kind == "passive":
            nxt = re.findall(r"[\w']+", sent.low[e:e + 40])[:4]
            if any(w in self.state_mod for w in nxt):
                return False, None  # "killed in a French raid": a state operation
            victim = self.an.subject_cand(sent, s)
            if victim is not None and victim.kind == "entity" and self._militant(victim.mention):
                return False, None  # "Shekau had been killed": the death of a known actor, not an attack by one
            by = re.match(r"[^.;]{0,40}?\b(?:by|par)\s+", sent.low[e:e + 60])
            return True, (self.an.first_after(sent, e + by.end(), mem) if by else None)
        pos = s
        if kind == "noun":
            gov = [g for g in self.gov_rx.finditer(sent.low, a, s)]
            if not gov:
                return True, self._noun_agent(sent, mem, s, e, inherited)
            pos = gov[-1].start()
        c = self.an.subject_cand(sent, pos)
        if c is not None and c.kind == "entity" and c.mention.kind in _NON_ACTOR:
            return False, None
        if c is None:
            coordinated = sent.word_before(pos, skip=("also", "then", "simultaneously")) == "and"
            ref = self.an.sentence_subject(sent, mem) if coordinated else inherited
        else:
            ref = self.an.resolve(sent, c, mem)
        return True, (None if ref is GENERIC else ref)

    def _militant(self, m) -> bool:
        """A known armed group, or a person who leads one."""
        return bool(m.entity_id) and (m.kind == "group" or (m.kind == "person" and self.an.kb.leader_group(m.entity_id) is not None))

    def _noun_agent(self, sent, mem, s, e, inherited):
        prev = self._before(sent, s, 3)
        if "another" in prev:
            return inherited or mem.last_perpetrator
        own = [m for m in sent.mentions if 0 <= s - m.end <= 12 and m.kind in ("group", "person")]
        if own:
            return EntityRef(own[-1].entity_id, own[-1].name, own[-1].text)
        by = re.match(r"\s+by\s+", sent.low[e:e + 8])
        return self.an.first_after(sent, e + by.end(), mem) if by else inherited

    # ---- place -----------------------------------------------------------------------
    def _place(self, places: list[PlaceMention], s: int, mem: Memory) -> tuple[str | None, str | None]:
        after = [p for p in places if p.start >= s]
        before = [p for p in places if p.end <= s][::-1]
        spot = next((p for p in after + before if p.kind in ("place", "relative")), None)
        if spot is not None and spot.kind == "place":
            return spot.name, spot.country
        country = next((p.country for p in after + before if p.kind == "country"), None)
        if spot is not None:  # "the north of the country"
            return spot.name, country or mem.last_country
        return None, country or next((p.country for p in after + before if p.kind == "demonym"), None)

    def _distributed(self, sent: Sent, places, s: int, e: int):
        """"the attacks on A and B": one attack per place, a shared total for none."""
        if not _plural(sent.low[s:e]):
            return []
        spots = [p for p in places if p.start >= e and p.kind == "place"]
        names = list(dict.fromkeys(p.canonical for p in spots))
        if len(names) < 2 or not re.search(r"\band\b", sent.low[spots[0].end:spots[1].start]):
            return []
        firsts = {}
        for p in spots:
            firsts.setdefault(p.canonical, p)
        return [(p.name, p.country) for p in firsts.values()]

    # ---- continuation ------------------------------------------------------------------
    def may_continue(self, low: str) -> bool:
        """Cheap test: could this (folded) sentence go on about the previous attack?"""
        return self.cont_rx.match(low.lstrip()) is not None

    def continuation(self, sent: Sent, mem: Memory) -> dict[str, int | None] | None:
        """Figures of a sentence that goes on about the previous attack ("The result was 29
        people dead"), or None when the sentence is not such a continuation."""
        if not mem.last_attacks or sent.index - mem.last_attack_sentence > 2:
            return None
        if not self.cont_rx.match(sent.low.lstrip()):
            return None
        if sent.dates and any(w in self.reference for w in _WORD_RX.findall(sent.low)):
            return None  # "The attack came three months after gunmen killed 22 people ... on March 18": another event
        return casualties(sent.low)


_SITE = re.compile(r"\s+(?:\w+\s+)?(?:the\s+|l'|le\s+|la\s+)(?:hotel|camp|base|museum|mine|site|resort|embassy|consulate|"
                   r"compound|barracks|musee|ambassade|consulat|caserne|complexe)\b")
_WORD_RX = re.compile(r"[\w']+")
_WORD_OR_SEMI = re.compile(r"[\w']+|;")
_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront"})
_STATE_OWNERS = frozenset({"army", "armee", "military", "government", "gouvernement", "coalition", "forces", "police", "gendarmerie"})
_ELISION = re.compile(r"^[a-z]'")
_CLAUSE_END = re.compile(r"[,;:]|\b(?:and|but|et|mais)\b")
_SINCE = re.compile(r"\b(?:since|depuis)\b")
_IN_ATTACKS = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|during|dans|lors|au\s+cours)\s+(?:des\s+|d'|de\s+|various\s+|several\s+|separate\s+|"
                         r"multiple\s+|numerous\s+|repeated\s+|plusieurs\s+|diverses\s+|nombreuses\s+|(?:a\s+)?series\s+of\s+)?"
                         r"(?:attacks|attaques|attentats|raids|ambushes|embuscades|bombings|clashes|violence|violences|affrontements)\b")
_BIG_BOUND = re.compile(r"\b(?:more\s+than|over|plus\s+de)\s+(?:\d{1,3}(?:[ ,.]\d{3})+|\d{3,}|hundreds|thousands|centaines|milliers)\b")
_OWNER_AFTER = re.compile(r"\s+(?:\w+\s+)?(?P<p>of|by|de|du|des|par)\s+(?:the\s+|l'|la\s+|le\s+|les\s+)?(?P<w>\w+)(?:\s+(?P<w2>\w+))?")


def _plural(noun: str) -> bool:
    return noun.endswith("s") and not noun.endswith(("sis", "ss"))
