"""Attack triggers: which words of a sentence tell one attack.

A trigger is an attack verb ("bombed", "kidnapped"), a passive ("were killed") or an attack
noun with a determiner ("the attack", "twin suicide bombings", "another ambush"); a noun
with none is "bare" and tells no attack of its own. `valid` rules out what is no single
attack by an armed group: reactions ("praised the massacre"), intents ("to stage
attacks"), habits ("frequently kidnapped"), references ("after Daesh's attacks", unless the
noun tells its own attack: `told_by_reference`), counts of attacks ("250 killings"),
characterisations ("the deadliest attacks"), aggregates and running totals ("killed since
September 2014", "more than 4,000 people were killed in 2019"), tolls restated ("gave a
provisional toll of ..."), and state operations ("a French raid", "killed by a drone
strike", "the air force said it had bombed ...").

The noun-phrase tests the other attack modules share live here too: the words before a
position (`before`, kept for the last position asked), `definite` ("the attack",
"Friday's attack"), `time_possessed`, `named` ("the Kolmari raid").
"""
from __future__ import annotations

import re

from claims.discourse import Analyzer, Sent
from claims.numbers import casualties, may_be_number, parse_number
from claims.patterns import RelationPatterns
from claims.scan import BLANK_NON_WORD_BYTES, finditer_at
from claims.sites import Sites
from claims.vocab import Vocab, elided, letter_branches, phrase_leads, phrase_pattern, word_opening


class AttackTriggers:
    def __init__(self, an: Analyzer, v: Vocab, rel: RelationPatterns, sites: Sites):
        self.an, self.rel, self.sites = an, rel, sites
        self.verb_rx = elided(v.rx("attack", "verbs"))
        self.passive_rx = v.rx("attack", "passive")
        self.noun_rx = elided(v.rx("attack", "nouns"))
        # the first word of each phrase of the three lists: where they may match (see _lead_starts)
        self.leads = {k: _leads(v.words("attack", k)) for k in ("passive", "verbs", "nouns")}
        self.all_leads = None if None in self.leads.values() else frozenset().union(*self.leads.values())
        self.lead_cues = frozenset(("attack", k) for k in self.leads)  # (the cues of the three lists)
        self.lead_rx = None if self.all_leads is None else _lead_pattern(self.all_leads)
        w = lambda k: set(v.words("attack", k))  # noqa: E731
        self.attitude, self.habitual, self.reference = w("attitude"), w("habitual"), w("reference")
        # any reference word's letters (a literal alternation: the cheap gate of `references`)
        self.reference_cue = re.compile("|".join(map(re.escape, sorted(self.reference))))
        self.state_mod, self.dets, self.suspicion = w("state_modifiers"), w("determiners"), w("suspicion")
        self.day_poss, self.period_poss = w("day_possessors"), w("period_possessors")
        poss = "|".join(sorted(self.day_poss | self.period_poss))
        # "Friday's attack", "last week's bombing": a time word in the possessive is a definite determiner
        self.time_poss_rx = re.compile(r"(?:^|[\s,])(?:last\s+|this\s+)?(?:" + poss + r")'s\s+(?:[\w-]+\s+){0,3}$") if poss else None
        self.aggregate_rx = v.rx("attack", "aggregate")
        self.since_rx = re.compile(r"^\s*(?:since|depuis)\b|,\s*(?:since|depuis)\b|\b(?:since|depuis)\s+(?:(?:the\s+)?(?:start|beginning|debut)|\d{4}|january|janvier)")
        # "have been", "a fait" (a word start, written as first-letter groups: see word_opening)
        english, french = r"\s+(?:\w+ly\s+)?(?:been|killed|left|cost|caused|claimed)\b", r"\s+(?:\w+\s+){0,2}(?:ete|fait|tue|coute|cause)\b"
        self.perfect_rx = re.compile(word_opening(["have" + english, "has" + english, "ont" + french, "a" + french]))
        self.opens_since_rx = re.compile(r"\s*(?:ever\s+)?(?:since|depuis)\b")
        self.object_verbs, self.person_objects = w("object_verbs"), w("person_objects")
        self.device_nouns, self.foiled_verbs = w("device_nouns"), w("foiled_verbs")
        self.attacker_nouns = w("attacker_nouns")
        self.commemoration = w("commemoration")
        self.commemoration_words = tuple(self.commemoration)  # (a substring test per sentence: see _commemoration_in)
        self._last_commemoration: tuple = (None, False)  # (sentence, a commemoration word in it): see _commemoration_in
        self._counts(v)
        self._state(v)
        self._before: tuple = (None, {})  # (sentence, {offset: words}): see before
        self._last_trigs: tuple = (None, [])  # (sentence, triggers): see spans
        self._valid: tuple = (None, {})  # (sentence, {(start, end, kind): valid}): see valid

    def _counts(self, v: Vocab) -> None:
        """The forms of a count of victims or a toll restated (see valid)."""
        counts = v.alternation("attack", "count_nouns")
        tallies = "|".join(phrase_pattern(w) for w in v.words("attack", "count_nouns") if w not in ("number", "nombre"))
        self.count_of_rx = re.compile(r"\b(?:the|its|their|le|son|leur)\s+(?:\w+\s+)?(?:" + counts +
                                      r")\s+(?:of|de|des|du|d')\s*(?:[\w']+\s+){0,4}$") if counts else None
        # "gave a provisional toll of one soldier killed": a toll restated (no date or town of its own)
        self.a_toll_rx = re.compile(r"\b(?:a|an|un|une)\s+(?:\w+\s+){0,2}?(?:" + tallies +
                                    r")\s+(?:of|de|des|du|d')\s*(?:[\w']+\s+){0,4}$") if tallies else None
        self.count_cues = tuple(v.words("attack", "count_nouns"))

    def _state(self, v: Vocab) -> None:
        """The forms of a state operation: strikes, state agents, a state reporting its own operation (see valid)."""
        strikes = v.patterns("attack", "state_strikes")
        mods = v.patterns("attack", "state_modifiers")
        heads = v.patterns("attack", "strike_heads")
        self.strike_rx = re.compile(r"\b(?:" + "|".join(strikes) + (r"|(?:" + "|".join(mods) + r")\s+(?:" + "|".join(heads) + ")"
                                                                     if heads else "") + r")\b")
        self.state_agents = set(v.words("attack", "state_agents"))
        agents = "|".join(phrase_pattern(x) for x in sorted(self.state_agents | {"air force", "armee de l'air", "ministry", "ministere"}))
        # "The air force said it had bombed ...", "l'armée a annoncé qu'elle avait tué ...": the state reports its own operation
        self.state_report_rx = re.compile(r"\b(?:" + agents + r")\b[^;]{0,40}?\b(?:said|says|announced|reported|stated|added|claimed|"
                                          r"annonce|affirme|indique|declare|precise)\b[^;]{0,30}?\b(?:it|they|qu'elle|qu'il|qu'ils|elle|il|ils)"
                                          r"\s+(?:\w+\s+){0,2}$")

    def spans(self, sent: Sent) -> list[tuple[int, int, str]]:
        """The trigger spans of a sentence (kept for the last sentence: a continuation test
        and the attack patterns both ask for them)."""
        if self._last_trigs[0] is not sent:
            self._last_trigs = (sent, self._find_triggers(sent))
        return list(self._last_trigs[1])

    def _find_triggers(self, sent: Sent) -> list[tuple[int, int, str]]:
        cues = sent.cues  # a pattern whose word list the sentence lacks cannot match: not scanned
        at = self._lead_starts(sent.low, cues)
        found = [(m.start(), m.end(), "passive") for m in self._scan(self.passive_rx, "passive", cues, sent.low, at)]
        verbs = self._scan(self.verb_rx, "verbs", cues, sent.low, at)  # scanned once, used twice
        found += [(m.start(), m.end(), "verb") for m in verbs if " " in m.group()
                  and not any(s < m.end() and m.start() < e for s, e, _ in found)]  # "ont attaqué" before "attaque"
        for ms, kind in ((self._scan(self.noun_rx, "nouns", cues, sent.low, at), "noun"), (verbs, "verb")):
            for m in ms:
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    k = kind
                    if kind == "noun" and m.group().endswith("ing") and sent.low.endswith(", ", 0, m.start()) and (
                            self._gerund_object(sent, m.end())):
                        k = "verb"  # "..., killing about 40 fighters": a participle, not a noun
                    elif kind == "noun" and not self._determined(sent, m.start()):
                        k = "verb" if (m.group().endswith("ing") and self._gerund_object(sent, m.end())) or (
                            self._after_auxiliary(sent, m.start())) else "bare"
                    found.append((m.start(), m.end(), k))
        found.sort()
        return found

    def _lead_starts(self, low: str, cues: frozenset) -> list[tuple[int, str]] | None:
        """(offset, word) of each word of `low` that opens a phrase of the trigger lists, in order;
        None where the patterns are to scan the whole sentence (no list is in the cues, the
        text is not ASCII, or a phrase opens on no word of its own: see _leads).
        A match of these patterns opens where no word character comes before (their lookbehind),
        so at the start of a word, and that word is the phrase's first (it ends where the phrase's
        first word does: on a space, an apostrophe, the phrase's end test): the patterns are
        tried at these words only (finditer_at), instead of at each letter of the sentence.
        ASCII text has its non-word characters blanked (by bytes.translate: str.translate looks each
        distinct character up in its table anew each call), and the lead words are found in it, a blank
        before and after each, by one regex (`lead_rx`, literal words grouped by first letter): it reads
        the text once in C, where a split would make a string of every word and hash it, and it
        finds each blank-delimited occurrence of a lead word in turn (its matches end before the blank
        after the word, which may open the next one); the match's start, the blank in the text padded
        by one, is the word's offset in `low`."""
        if self.all_leads is None or not low.isascii() or self.lead_cues.isdisjoint(cues):
            return None
        blanked = low.encode().translate(BLANK_NON_WORD_BYTES).decode()
        return [(m.start(), m.group(1)) for m in self.lead_rx.finditer(" " + blanked + " ")]

    def _scan(self, rx: re.Pattern, key: str, cues: frozenset, low: str, at: list[tuple[int, str]] | None) -> list:
        if ("attack", key) not in cues:
            return []
        if at is None:
            return list(rx.finditer(low))
        leads = self.leads[key]
        return list(finditer_at(rx, low, [p for p, w in at if w in leads]))

    def told_by_reference(self, sent: Sent, s: int, e: int) -> int | None:
        """End of the clause that reports attack noun [s, e) inside a reference ("four days
        after the attack that hit X", "une semaine apres l'embuscade tendue contre le convoi de X",
        "a month after the raid on a bar in X"): a definite singular noun with its
        own relative or participial clause, or its target, holding an anchor (a place, a
        figure, a date); else None ("after Daesh's attacks")."""
        if plural(sent.low[s:e]) or not _DEFINITE_BEFORE.search(sent.low, max(0, s - 40), s):
            return None
        own = _OWN_CLAUSE.match(sent.low, e)
        if own is None:
            return None
        end = _CLAUSE_STOP.search(sent.low, own.end())
        end = end.start() if end else len(sent.low)
        if any(e <= p.start < end and p.kind in ("place", "country") for p in sent.places) or any(
                e <= d.start < end for d in sent.dates) or any(casualties(sent.low[e:end]).values()) or (
                self.sites.localities(sent, e, end)):
            return end
        return None

    def before(self, sent: Sent, s: int, n: int) -> list[str]:
        """The last `n` words (or ";") before `s`; the tests of a sentence's triggers ask for the
        words before each of them several times, and not in turn (spans, then valid, then the
        frames): the windows of the last sentence are kept, by offset. (An ASCII window is cut into
        its words by str.split, its other characters blanked (by bytes.translate, see _lead_starts)
        and each ";" set apart: the same words as a regex scan, which tests each character.)"""
        last, windows = self._before
        if last is not sent:
            windows = {}
            self._before = (sent, windows)
        words = windows.get(s)
        if words is None:
            head = sent.low[max(0, s - 80):s]
            words = windows[s] = _words_and_semis(head) if head.isascii() else _WORD_OR_SEMI.findall(head)
        return words[-n:]

    def _determined(self, sent: Sent, s: int) -> bool:
        prev = self.before(sent, s, 4)
        if prev and self.rel.modal_rx.fullmatch(prev[-1]):
            return False  # "AQIM may attack": a verb after a modal (not "on May 5 ... attack")
        for w in reversed(prev):
            if w in ("l'", "qu'l'"):
                return True  # "l'attaque"
            w = _unelided(w)  # "d'un camion piege": "un"
            if w in self.dets or w == "s" or w.isdigit() or (may_be_number(w) and parse_number(w)):
                return True
            if w.endswith("'s") and (w[:-2] in self.day_poss or (w[:-2] in self.period_poss and not plural(sent.low[s:s + 20].split()[0]))):
                return True  # "Friday's attack", "Tuesday night's raids", "last week's bombing" (not "last year's attacks")
            if w in self.an.preps or w in ("and", "or", ","):
                return False
        return False

    def _after_auxiliary(self, sent: Sent, s: int) -> bool:
        """A participle, not a noun: "aurait egalement attaque un poste", "a attaque"."""
        prev = self.before(sent, s, 2)
        if len(prev) == 2 and (prev[-1].endswith("ment") or prev[-1] in ("deja", "aussi", "encore", "alors")):
            prev = prev[:1]  # "aurait egalement attaque"
        return bool(prev) and prev[-1] in _AUXILIARIES

    def _gerund_object(self, sent: Sent, e: int) -> bool:
        nxt = sent.low[e:e + 40].split()[:2]
        return bool(nxt) and (nxt[0] in self.dets or nxt[0].isdigit() or (
            may_be_number(nxt[0]) and parse_number(nxt[0]) is not None) or (
            nxt[0] in ("at", "more", "some", "about") and len(nxt) > 1))

    def by_state(self, prev: list[str]) -> bool:
        """Does a state agent stand among the last three words before a verb trigger (`prev`:
        `before`)? "Algerian troops killed ...", "l'armée a affirmé avoir tué": a state operation."""
        return any(w in self.state_agents or _unelided(w) in self.state_agents for w in prev[-3:])

    def names_state_agent(self, words: list[str]) -> bool:
        """Does one of `words` name a state agent ("the army", "l'armee")? Not "avoir", which the
        state agents hold for the army's reports ("l'armee a affirme avoir tue"), no subject."""
        return any(w in self.state_agents and w not in _REPORT_INFINITIVES for w in map(_unelided, words))

    def valid(self, sent: Sent, s: int, e: int, kind: str) -> bool:
        """Does trigger [s, e) of `kind` tell one attack by an armed group (see the module's
        docstring)? Kept for the last sentence, by trigger: a continuation test, the attack
        patterns and a claim of the attack told before may ask of the same trigger."""
        if kind == "bare":
            return False
        last, known = self._valid
        if last is not sent:
            known = {}
            self._valid = (sent, known)
        ok = known.get((s, e, kind))
        if ok is None:
            ok = known[s, e, kind] = self._valid_trigger(sent, s, e, kind)
        return ok

    def _valid_trigger(self, sent: Sent, s: int, e: int, kind: str) -> bool:
        prev = self.before(sent, s, 5)
        near = prev[-3:]
        # (a commemoration word among `prev` is one in the sentence: the substring test only where that one fails)
        if not self.commemoration.isdisjoint(prev) or (kind != "noun" and self._commemoration_in(sent) and self._commemorated(sent, s)):
            return False  # "the fifth anniversary of the attacks on X", "en hommage aux victimes de l'attentat de X"
        if not self.attitude.isdisjoint(prev) or (self._reference_in(prev, 1 if kind == "verb" else 3)
                                                     and not (kind == "noun" and self.told_by_reference(sent, s, e))):
            return False  # "after Daesh's attacks", "since the bombing"; not "after gunmen killed 22 people"
        if ("to" in near[-2:] and near[-2:] != ["to", "have"] and not self._party_after_to(sent, s)) or (
                not self.habitual.isdisjoint(near)):
            return False  # "vowed to kill", "in order to attack" (not "gunmen loyal to JNIM killed", "believed to have killed")
        if kind != "noun" and self.rel.blocked(sent, s):
            return False
        if kind != "passive" and plural(sent.low[s:e]) and (
                not self.suspicion.isdisjoint(prev) or _SUPERLATIVE_BEFORE.search(sent.low, max(0, s - 30), s)
                or _SUPERLATIVE_AFTER.match(sent.low, e)):
            return False  # "the deadliest attacks", "accused of the bombings of last year": a characterisation
        if kind == "noun" and _KIND_OF.search(sent.low, max(0, s - 30), s):
            return False  # "this type of ambush", "ce genre d'attentat": a kind of attack, not one
        if kind == "noun" and s < 60 and (m := _PREDICATE.fullmatch(sent.low, 0, s)) and (
                not _RANK.isdisjoint(m.group("words").split()) or _RANK_AFTER.match(sent.low, e)):
            return False  # "It was the second attack on foreigners this year", "Il s'agit de l'attaque la plus meurtriere": the attack told before
        if kind == "noun":
            if plural(sent.low[s:e]):
                count = next((n for n in map(parse_number, filter(may_be_number, reversed(prev[-3:]))) if n is not None), None)
                if count and 2 < count < 1900:
                    return False  # "250 killings": a count of attacks
            if not self.state_mod.isdisjoint(prev[-2:]) or self._state_owned(sent, e):
                return False  # "a French raid", "military attacks", "l'assaut final de l'armee": state operations
            if self._foiled(sent, s, e, prev):
                return False  # "troops defused a car bomb", "un engin explosif a ete decouvert": no attack told
            if any(k == "passive" and b <= s and ";" not in sent.low[b:s] and self._attackers_died(sent, a, b)
                   for a, b, k in self.spans(sent)):
                return False  # "Three attackers were killed during the assault": the attack told before
        if self._aggregate(sent, e) or self._perfect_since(sent, s, e) or self._total(sent, s, e, kind):
            return False
        if kind == "verb" and self.by_state(prev):
            return False  # "Algerian troops killed ...", "l'armée a affirmé avoir tué": state operations
        counted = kind == "verb" and any(map(sent.low.__contains__, self.count_cues))  # (the cheap test of the next two)
        if counted and self.count_of_rx is not None and self.count_of_rx.search(sent.low, max(0, s - 70), s):
            return False  # "the number of civilians killed", "le nombre de soldats tués": a count
        if counted and self.a_toll_rx is not None and self.a_toll_rx.search(sent.low, max(0, s - 70), s) and (
                not sent.dates and not any(p.kind == "place" for p in sent.places)):
            return False  # "gave a provisional toll of one soldier killed": the toll of an attack told before
        if kind == "verb" and not _SUBJECT_PRONOUNS.isdisjoint(prev[-3:]) and self.state_report_rx.search(sent.low, max(0, s - 120), s):
            return False  # "The air force said it had bombed several camps": a state operation
        if kind == "verb" and sent.low[s:e] in self.object_verbs and not self._attack_object(sent, e):
            return False  # "seized weapons", "seized power": no people, no place taken
        if kind == "passive" and _WITH_HIM.match(sent.low, e):
            return False  # "Several of his companions were killed with him": the death told before
        if kind == "passive" and self._attackers_died(sent, s, e):
            return False  # "Three attackers were killed during the assault": their death, no attack
        if kind != "noun" and self._struck(sent, s, e):
            return False  # "killed by a drone strike", "une frappe américaine ... a tué": state operations
        return True

    def _attackers_died(self, sent: Sent, s: int, e: int) -> bool:
        """The subject of the passive at [s, e) (its clause's words before it) names attackers and
        no one else, and no agent follows ("by ...", "par ...")."""
        words = _OBJECT_WORDS.findall(sent.low, max(0, s - 60), s)
        cut = max((i for i, w in enumerate(words) if w in ",;:."), default=-1)
        words = words[cut + 1:]
        return (not self.attacker_nouns.isdisjoint(words) and self.person_objects.isdisjoint(words)
                and not _BY_AGENT.match(sent.low, e))

    def _aggregate(self, sent: Sent, e: int) -> bool:
        """An aggregate word follows the trigger ending at `e` ("killed since 2015", "tues depuis
        janvier"); not "depuis" before a place ("une attaque menee depuis le Niger": from there)."""
        m = self.aggregate_rx.search(sent.low, e, e + 25)
        if m is None:
            return False
        place = _PLACE_AFTER.match(sent.low, m.end())
        return place is None or not any(p.start == place.end() for p in sent.places)

    def _foiled(self, sent: Sent, s: int, e: int, prev: list[str]) -> bool:
        """The device noun at [s, e) is defused, found or seized: the object of such a verb just
        before it ("police defused a car bomb") or the subject of its passive ("an explosive
        device was found", "un vehicule piege a ete neutralise")."""
        if " ".join(sent.low[s:e].split()) not in self.device_nouns:
            return False
        if not self.foiled_verbs.isdisjoint(prev[-4:]):
            return True
        nxt = _OBJECT_WORDS.findall(sent.low, e, e + 40)[:4]
        return bool(nxt) and nxt[0] in _PASSIVE_AUX and not self.foiled_verbs.isdisjoint(nxt[1:])

    def _commemoration_in(self, sent: Sent) -> bool:
        """Does the sentence hold a word of commemoration at all (asked per trigger, answered once per sentence)?"""
        if self._last_commemoration[0] is not sent:
            self._last_commemoration = (sent, any(map(sent.low.__contains__, self.commemoration_words)))
        return self._last_commemoration[1]

    def _commemorated(self, sent: Sent, s: int) -> bool:
        """The verb at `s` opens a relative clause on an attack commemorated ("the anniversary of the
        attack on the hotel, which killed 20 people", "l'attentat du Splendid, qui avait fait 30 morts")."""
        rel = _RELATIVE_BEFORE.search(sent.low, max(0, s - 30), s)
        return rel is not None and any(w in self.commemoration for w in _OBJECT_WORDS.findall(sent.low, max(0, rel.start() - 90), rel.start()))

    def _attack_object(self, sent: Sent, e: int) -> bool:
        """The object of the verb ending at `e` is people ("32 European tourists", "a Dutchman") or
        a place ("the town of Djibo", "the Tiguentourine gas plant")."""
        words = _OBJECT_WORDS.findall(sent.low, e, e + 50)[:4]
        if not self.person_objects.isdisjoint(words):
            return True
        m = _PLACE_OBJECT.match(sent.low, e)
        if m is None:  # the verb ends its clause: "Gunmen seized.", "... that the rebels seized, ..."
            return False
        return any(p.start == m.end() and p.kind == "place" for p in sent.places)

    def references(self, low: str, a: int, b: int) -> list[re.Match]:
        """The reference words ("after", "since", "than") in low[a:b], not the "than" of a figure
        ("killed more than 30 soldiers")."""
        if self.reference_cue.search(low, a, b) is None:
            return []  # (none of their letters in the span: no word of it is one; most spans, and cheaper than the word scan)
        return [m for m in WORD_RX.finditer(low, a, b) if m.group() in self.reference and not (
            m.group() == "than" and _COMPARATIVE_BEFORE.search(low, max(0, m.start() - 8), m.start()))]

    def _reference_in(self, prev: list[str], n: int) -> bool:
        """A reference word among the last `n` of `prev` ("after", "since", "than"), not the "than" of
        a figure ("more than 30 soldiers were killed")."""
        if self.reference.isdisjoint(prev[-n:]):
            return False  # (the usual case, tested at once)
        return any(w in self.reference and not (w == "than" and i and prev[i - 1] in _COMPARATIVES)
                   for i, w in enumerate(prev) if i >= len(prev) - n)

    @staticmethod
    def _party_after_to(sent: Sent, s: int) -> bool:
        """"to" is the preposition of a group or leader named just before the trigger at `s` ("gunmen
        loyal to JNIM killed", "fighters linked to Boko Haram attacked"), not an infinitive's."""
        return any(0 <= s - m.end <= 2 and m.kind in ("group", "person") and sent.low.endswith("to ", 0, m.start)
                   for m in sent.mentions)

    def _struck(self, sent: Sent, s: int, e: int) -> bool:
        """An air or drone strike is the agent of verb trigger [s, e): after "by"/"par"
        ("abattu par une frappe de drone de l'armée"), or as the clause subject before it with
        no other actor in between ("a strike on a camp near X killed", "drone strikes, one of
        which killed")."""
        if not any(map(sent.low.__contains__, _STRIKE_CUES)):
            return False  # (a cheap test first: no strike word in the sentence)
        by = _BY_AGENT.match(sent.low, e, e + 60)
        if by and self.strike_rx.match(sent.low, by.end()):
            return True
        head = sent.low[max(0, s - 140):s]
        last = None
        for last in self.strike_rx.finditer(head):
            pass
        if last is None or ";" in head[last.end():]:
            return False
        lo = s - len(head) + last.end()
        return not any(lo <= c.start < s and (c.kind in ("owned", "generic") or (
            c.kind == "entity" and c.mention.kind in ("group", "person") and not self._governed(sent, c.start)))
            for c in sent.cands)

    def _governed(self, sent: Sent, pos: int) -> bool:
        """A name after a preposition ("a camp of the Islamic State", "près de Sabratha") is no subject."""
        m = _PREP_BEFORE.search(sent.low, max(0, pos - 24), pos)
        return m is not None and m.group(1) in self.an.preps

    def _perfect_since(self, sent: Sent, s: int, e: int) -> bool:
        """"Since 2013, at least 118 peacekeepers have been killed", "it has killed thousands of
        insurgents since 2009": a running total (a perfect tense and a "since" in the clause)."""
        if self.opens_since_rx.match(sent.low) and ";" not in sent.low[:s] and self.perfect_rx.search(
                sent.low.split(";", 1)[0]):
            return True  # "Since 2012, violence has killed thousands", "Depuis 2015, les attaques ... ont fait"
        if not self.perfect_rx.search(sent.low, max(0, s - 30), s + 40):
            return False
        tail = _CLAUSE_END.split(sent.low[e:e + 80], 1)[0]
        return bool(self.since_rx.search(sent.low[:s]) or _SINCE.search(tail))

    def _total(self, sent: Sent, s: int, e: int, kind: str) -> bool:
        """A count over many attacks, not one: "were killed in attacks across the north" (with
        no day of its own),
        "more than 4,000 people were killed ... in 2019" (a large bounded figure whose only
        time is a whole year or none)."""
        tail = sent.low[e:e + 60]
        if _IN_ATTACKS.match(tail):  # "killed 40 herders in raids on X on Friday": one day, one event
            return not any(len(d.value) == 10 for d in sent.dates)
        if (kind == "verb" and not _PLURAL_ATTACK_WORDS.isdisjoint(self.before(sent, s, 3))
                and _PLURAL_ATTACKS_BEFORE.search(sent.low, max(0, s - 40), s)) or (
                kind == "noun" and plural(sent.low[s:e]) and _TOLL_VERB_AFTER.match(sent.low, e)):
            # "Last year's attacks killed more than 300 civilians": many attacks' toll, no day of its own
            return _BIG_BOUND.search(sent.low, e, e + 40) is not None and all(len(d.value) == 4 for d in sent.dates)
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

    # ---- noun-phrase tests shared by the attack modules -------------------------------
    def definite(self, sent: Sent, s: int) -> bool:
        """"the attack", "that ambush", "l'attaque", "the Gao ambush", "Friday's attack": not "an
        attack", "another"."""
        return _DEFINITE_BEFORE.search(sent.low, max(0, s - 40), s) is not None or self.time_possessed(sent, s)

    def time_possessed(self, sent: Sent, s: int) -> bool:
        """"Friday's attack", "yesterday's twin bombings": a time word in the possessive before the noun."""
        return self.time_poss_rx is not None and "'s" in sent.low[max(0, s - 40):s] and (
            self.time_poss_rx.search(sent.low, max(0, s - 50), s) is not None)

    def named(self, sent: Sent, s: int, e: int) -> bool:
        """A definite attack noun named by a place or party: "the Kolmari raid", "l'attaque
        de Djibo" (not "the attack on ...": a target, told anew)."""
        return bool(_NAME_BEFORE.search(sent.text, max(0, s - 40), s) or _NAME_AFTER.match(sent.text, e))


_DEFINITE_BEFORE = re.compile(r"(?:^|[\s,])(?:the|this|that|l'|le|la|ce|cette|cet)\s*(?:[\w-]+\s+){0,3}$")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Tt]his|[Tt]hat|[Ll]'|[Ll]e|[Ll]a|[Cc]ette)\s*(?:[A-Z][\w'-]*\s+){1,3}$")
_NAME_AFTER = re.compile(r"\s+(?:of|in|at|de|d'|du|a)\s*(?:[A-Z][\w'-]*)(?!\w)")
_OWN_CLAUSE = re.compile(r"\s*,?\s*(?:that|which|qui|(?:launched|carried\s+out|claimed|staged|lancee?|menee?|perpetree?|commise?|"
                         r"revendiquee?)\b|(?:\w+\s+)?(?:on|against|at|in|contre|sur|a|au|de|du)\b)")
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?!(?:in|on|at|near|where|ou|dans|a|au|pres|le|la|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                          r"sunday|monday|tuesday|wednesday|thursday|friday|saturday|\d)\b)")
_WITH_HIM = re.compile(r"\s+(?:(?:along|together)\s+with|with|alongside|avec|aux\s+cotes\s+d')\s*(?:him|her|them|lui|elle|eux)\b")
_STRIKE_CUES = ("strike", "frappe", "bombard", "raid", "drone")
WORD_RX = re.compile(r"[\w']+")
_WORD_OR_SEMI = re.compile(r"[\w']+|;")
# (bytes.translate: the characters of _WORD_OR_SEMI's words and ";" kept, every other ASCII character blanked)
_WORDS_AND_SEMIS = bytes(c if chr(c).isalnum() or chr(c) in "_';" else 32 for c in range(128)) + b" " * 128
_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront"})
_STATE_OWNERS = frozenset({"army", "armee", "military", "government", "gouvernement", "coalition", "forces", "police", "gendarmerie"})
_REPORT_INFINITIVES = frozenset({"avoir"})  # (a state agent of the vocabulary for "... a affirme avoir tue")
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:]|\b(?:and|but|et|mais)\b")  # not "13,000"
_BY_AGENT = re.compile(r"[^.;]{0,40}?\b(?:by|par)\s+(?:an?\s+|the\s+|une?\s+|la\s+|les\s+|des\s+|l')?")
_PREP_BEFORE = re.compile(r"\b(\w+)\s+(?:the\s+|l'|le\s+|la\s+|les\s+)?$")
_SINCE = re.compile(r"\b(?:since|depuis)\b")
_IN_ATTACKS = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|during|dans|lors|au\s+cours)\s+(?:des\s+|d'|de\s+|various\s+|several\s+|separate\s+|"
                         r"multiple\s+|numerous\s+|repeated\s+|plusieurs\s+|diverses\s+|nombreuses\s+|(?:a\s+)?series\s+of\s+)?"
                         r"(?:attacks|attaques|attentats|raids|ambushes|embuscades|bombings|clashes|violence|violences|affrontements)\b")
_PLURAL_ATTACKS_BEFORE = re.compile(r"\b(?:attacks|attaques|attentats|raids|ambushes|embuscades|bombings|violence|violences)\s+(?:\w+\s+)?(?:have\s+|has\s+|ont\s+)?$")
_SUBJECT_PRONOUNS = frozenset({"it", "they", "il", "ils", "elle", "elles", "qu'il", "qu'elle", "qu'ils", "qu'elles"})
_PLURAL_ATTACK_WORDS = frozenset({"attacks", "attaques", "attentats", "raids", "ambushes", "embuscades", "bombings", "violence", "violences"})
_TOLL_VERB_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:have\s+|has\s+|ont\s+)?(?:killed|left|claimed|cost|tue|fait|coute)\b")
_BIG_BOUND = re.compile(r"\b(?:more\s+than|over|plus\s+de)\s+(?:\d{1,3}(?:[ ,.]\d{3})+|\d{3,}|hundreds|thousands|centaines|milliers)\b")
_OWNER_AFTER = re.compile(r"\s+(?:\w+\s+)?(?P<p>of|by|de|du|des|par)\s+(?:the\s+|l'|la\s+|le\s+|les\s+)?(?P<w>\w+)(?:\s+(?P<w2>\w+))?")
_COMPARATIVES = frozenset({"more", "less", "fewer"})
_COMPARATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_COMPARATIVES)) + r")\s+$")  # (the words before a figure's "than")
_RELATIVE_BEFORE = re.compile(r",?\s*\b(?:which|that|who|qui)\s+(?:[\w']+\s+){0,2}$")
_OBJECT_WORDS = re.compile(r"[\w']+|[,;:.]")
_PLACE_AFTER = re.compile(r"\s+(?:(?:le|la|les|l')\s*)?")  # "depuis le Niger", "depuis l'Algerie": what comes before the place
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "has", "have", "had", "a", "ont", "avait", "avaient", "est", "sont", "etait",
                          "etaient", "ete"})
_PLACE_OBJECT = re.compile(r"\s+(?:the\s+|control\s+of\s+(?:the\s+)?)?(?:(?:town|village|city|camp|base|post|barracks|garrison|outpost|"
                           r"locality)\s+(?:of\s+|at\s+|in\s+)?)?")
_KIND_OF = re.compile(word_opening(["type", "types", "kind", "kinds", "sort", "sorts", "genre", "forme", "formes"])
                      + r"\s+(?:of|d'|de|des)\s*$")  # (\b(?:type|...)...: see word_opening)
# a sentence that opens by ranking an attack told before: "It was the first jihadist attack in X", "C'est la
# deuxieme attaque ...", "Il s'agit de l'attaque la plus meurtriere ..." (the noun is the predicate of a pronoun subject)
_PREDICATE = re.compile(r"\W*(?:it|this|that|c'|ce|il)\s*(?:was|is|has\s+been|had\s+been|est|etait|fut|s'agit\s+d[eu']|s'agissait\s+d[eu'])"
                        r"\s*(?:the\s+|l'|la\s+|le\s+|an?\s+|une?\s+)?(?P<words>(?:[\w-]+\s+){0,4})")
_SUPERLATIVES = ("deadliest", "bloodiest", "worst", "biggest", "largest")
_RANK = frozenset({"first", "second", "third", "fourth", "fifth", "latest", "last", *_SUPERLATIVES, "most", "premier", "premiere",
                   "deuxieme", "troisieme", "quatrieme", "cinquieme", "dernier", "derniere", "plus", "pire"})
_RANK_AFTER = re.compile(r"\s+(?:la|le|the)\s+(?:plus|pire|most|deadliest|worst)\b")
_SUPERLATIVE_BEFORE = re.compile(word_opening(["the", "its", "their"]) + r"\s+(?:most\s+\w+|" + "|".join(_SUPERLATIVES) + r")\s+(?:[\w-]+\s+)?$")
_SUPERLATIVE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?les\s+(?:plus|pires)\b")


def _leads(phrases: list[str]) -> frozenset | None:
    """The first word of each phrase, which a match of the list's pattern opens on, whole
    (claims.vocab.phrase_leads): None where a phrase opens on no word character or its first
    word is starred ("kill*": any word that opens so)."""
    leads = phrase_leads(phrases)
    return None if leads is None or leads[1] else leads[0]


def _lead_pattern(leads: frozenset) -> re.Pattern:
    """" w" for each word w of `leads` with a blank after it (in blanked text: see _lead_starts);
    the words grouped by first letter (the engine tries one group per blank, not every word)."""
    return re.compile(" (" + "|".join(letter_branches(sorted(map(re.escape, leads)))) + ")(?= )") if leads else (
        re.compile(r"(?!x)x"))


def _unelided(w: str) -> str:
    """The word without an elided French article or pronoun ("d'un": "un", "l'armee": "armee"):
    an ASCII letter and an apostrophe opening it (tested on the string: asked of each word
    before a trigger)."""
    return w[2:] if w[1:2] == "'" and "a" <= w[:1] <= "z" else w


def _words_and_semis(head: str) -> list[str]:
    """What _WORD_OR_SEMI finds in ASCII text `head`: its words and each ";", by str.split."""
    blanked = head.encode().translate(_WORDS_AND_SEMIS).decode()
    return (blanked.replace(";", " ; ") if ";" in blanked else blanked).split()


def plural(noun: str) -> bool:
    """A plural noun ("attacks", "attaques"; not "crisis", "press")."""
    return noun.endswith("s") and not noun.endswith(("sis", "ss"))
