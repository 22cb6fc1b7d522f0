"""Attack claims: triggers, frames, perpetrator, slots.

A trigger is an attack verb ("bombed", "kidnapped"), a passive ("were killed") or an
attack noun with a determiner ("the attack", "twin suicide bombings", "another ambush").
Not claims: bare plurals ("tactics such as beheadings", "AQIM suicide attacks"), counts of
attacks ("250 killings"), references ("after Daesh's attacks"), reactions ("praised the
massacre"), intents ("to stage attacks"), habits ("frequently kidnapped"), negations,
aggregates ("killed since September 2014") and state operations ("a French raid").
A coordinated attack noun with its own determiner ("... or the killing of ...") starts a
new frame; each frame takes its own date, place and figures. A frame needs an anchor
(date, place or figure). One verb with coordinated sites ("attacked A, in the X region, as
well as B and C") gives an attack per site. A frame with no date of its own but an opening
lapse ("Two days later") is dated from the last dated claim (chain_dates). Suspicions
("suspect X of the assault") and attributions ("was blamed on X", "attribuee a X") name a
hedged perpetrator; a claim told after the attack in its sentence (", an attack claimed by X",
"; X claimed the ambush", "et X l'a revendiquee") names it.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from claims.dates import MONTHS, DateMention, Lapse, find_lapse, shift, word_opening
from claims.discourse import GENERIC, Analyzer, Memory, Sent
from claims.model import EntityRef
from claims.numbers import casualties, parse_number
from claims.patterns import Draft, RelationPatterns, is_party
from claims.places import Gazetteer, PlaceMention
from claims.sites import Sites
from claims.vocab import Vocab, compile_phrases, elided, phrase_pattern

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
        self.suspicion = w("suspicion")
        self.day_poss, self.period_poss = w("day_possessors"), w("period_possessors")
        sus = "|".join(phrase_pattern(x) for x in v.words("attack", "suspect_verbs"))
        # "suspect the group's fighters of an assault", "soupconnent X d'avoir mene l'attaque": X, hedged
        self.suspect_rx = re.compile(r"\b(?:" + sus + r")\s+(?P<who>(?!of\b|de\b|d')[^,;.]{1,60}?)\s+(?:of|for|d'avoir\s+(?:\w+\s+){1,2}|"
                                     r"d'etre\s+(?:\w+\s+){1,2}|de|d')\s*(?:(?:having\s+)?(?:carried\s+out|staged|led|launched|committed|"
                                     r"perpetrated)\s+)?(?:the|an?|this|that|l'|la|le|une?)\s*(?:[\w-]+\s+){0,2}$") if sus else None
        att = "|".join(phrase_pattern(x) for x in v.words("attack", "attribution_verbs"))
        self.attrib_rx = re.compile(r"\b(?:" + att + r")\b") if att else None
        act = "|".join(phrase_pattern(x) for x in v.words("attack", "attribution_active"))
        self.attrib_active_rx = re.compile(r"\b(?:" + act + r")\s+(?:the|this|that|l'|la|le|les|ces|cette|cet)\s*(?:[\w-]+\s+){0,3}$") if act else None
        units = "|".join(phrase_pattern(x) for x in v.words("attack", "unit_possessed"))
        self.unit_poss_rx = re.compile(r"'s?\s+(?:new|own|former|\w+-based)?\s*(?:" + units + r")\b") if units else None
        poss = "|".join(sorted(self.day_poss | self.period_poss))
        # "Friday's attack", "last week's bombing": a time word in the possessive is a definite determiner
        self.time_poss_rx = re.compile(r"(?:^|[\s,])(?:last\s+|this\s+)?(?:" + poss + r")'s\s+(?:[\w-]+\s+){0,3}$") if poss else None
        self.coord_rx = re.compile(r"(?:^|\s)(?:or|as\s+well\s+as|along\s+with|in\s+addition\s+to|ou|ainsi\s+que|;)\s+(?:\S+\s+){0,4}$")
        self.aggregate_rx = v.rx("attack", "aggregate")
        self.claim_rx = v.rx("attack", "claim_verbs")
        self._claim_patterns(v)
        ops = v.words("attack", "operation_nouns")
        self.operation_rx = re.compile(r"(?:its|their|son|sa|leur)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(
            phrase_pattern(w) for w in ops) + r")\b") if ops else re.compile(r"(?!x)x")
        self.report_rx = v.rx("attack", "report_verbs")
        self.since_rx = re.compile(r"^\s*(?:since|depuis)\b|,\s*(?:since|depuis)\b|\b(?:since|depuis)\s+(?:(?:the\s+)?(?:start|beginning|debut)|\d{4}|january|janvier)")
        self.perfect_rx = re.compile(r"\b(?:have|has)\s+(?:\w+ly\s+)?(?:been|killed|left|cost|caused|claimed)\b"
                                     r"|\b(?:ont|a)\s+(?:\w+\s+){0,2}(?:ete|fait|tue|coute|cause)\b")
        self.opens_since_rx = re.compile(r"\s*(?:ever\s+)?(?:since|depuis)\b")
        counts = "|".join(phrase_pattern(w) for w in v.words("attack", "count_nouns"))
        tallies = "|".join(phrase_pattern(w) for w in v.words("attack", "count_nouns") if w not in ("number", "nombre"))
        self.count_of_rx = re.compile(r"\b(?:the|its|their|le|son|leur)\s+(?:\w+\s+)?(?:" + counts +
                                      r")\s+(?:of|de|des|du|d')\s*(?:[\w']+\s+){0,4}$") if counts else None
        # "gave a provisional toll of one soldier killed": a toll restated (no date or town of its own)
        self.a_toll_rx = re.compile(r"\b(?:a|an|un|une)\s+(?:\w+\s+){0,2}?(?:" + tallies +
                                    r")\s+(?:of|de|des|du|d')\s*(?:[\w']+\s+){0,4}$") if tallies else None
        self.count_cues = tuple(v.words("attack", "count_nouns"))
        strikes = [phrase_pattern(w) for w in v.words("attack", "state_strikes")]
        mods = [phrase_pattern(w) for w in v.words("attack", "state_modifiers")]
        heads = [phrase_pattern(w) for w in v.words("attack", "strike_heads")]
        self.strike_rx = re.compile(r"\b(?:" + "|".join(strikes) + (r"|(?:" + "|".join(mods) + r")\s+(?:" + "|".join(heads) + ")"
                                                                     if heads else "") + r")\b")
        self.state_agents = set(v.words("attack", "state_agents"))
        agents = "|".join(phrase_pattern(x) for x in sorted(self.state_agents | {"air force", "armee de l'air", "ministry", "ministere"}))
        # "The air force said it had bombed ...", "l'armée a annoncé qu'elle avait tué ...": the state reports its own operation
        self.state_report_rx = re.compile(r"\b(?:" + agents + r")\b[^;]{0,40}?\b(?:said|says|announced|reported|stated|added|claimed|"
                                          r"annonce|affirme|indique|declare|precise)\b[^;]{0,30}?\b(?:it|they|qu'elle|qu'il|qu'ils|elle|il|ils)"
                                          r"\s+(?:\w+\s+){0,2}$")
        opener = v.words("attack", "continuation_subjects") + v.words("attack", "continuation_openers")
        self.cont_rx = re.compile(r"^(?:" + "|".join(phrase_pattern(w) for w in opener) + r")\b")
        self.sites = Sites(v, Gazetteer.load())
        self._last_before: tuple = (None, None, [])  # (sentence, offset, words): see _before
        self._last_trigs: tuple = (None, [])  # (sentence, triggers): see _triggers

    def _claim_patterns(self, v: Vocab) -> None:
        """The forms of a claim told after the attack in its own sentence (see _claims_after)."""
        alt = lambda k: "|".join(sorted((phrase_pattern(w) for w in v.words("attack", k)), key=len, reverse=True))  # noqa: E731
        nouns, part, marks = alt("claimed_nouns"), alt("claimed_participles"), alt("claimant_markers")
        if not (nouns and part and marks):
            self.claimed_by_rx = self.claimed_rel_rx = None
            return
        noun = r"(?<![\w'])(?:an?|the|une?|l'|le|la|les|ce|cette)\s*(?:[\w-]+\s+){0,2}?(?P<n>" + nouns + r")"
        # "an attack claimed by X", "un meurtre revendique par X", "an attack that was later claimed in the name of X"
        self.claimed_by_rx = re.compile(noun + r"\s*,?\s+(?:(?:that|which|qui)\s+(?:(?:was|were|has\s+been|had\s+been|a\s+ete|"
                                        r"avait\s+ete|ont\s+ete)\s+)?)?(?:\w+\s+)?(?:" + part + r")\s+(?:[\w']+\s+){0,3}?(?:" + marks +
                                        r")(?:\s+|(?<='))")
        # "an attack it later claimed.", "une operation que le JNIM avait revendiquee en ...": the claim verb has no object of its own
        self.claimed_rel_rx = re.compile(noun + r"\s+(?:that\s+|which\s+|que\s+|qu')?(?:[^\s,;]+\s+){1,4}?(?P<v>" + part +
                                         r")(?=\s*(?:[,.;:)]|$)|\s+(?:within|on|in|as|too|the\s+next|the\s+following|en|dans|le|la|"
                                         r"quelques|deux|trois|aussitot|sur)\b)")
        # "...; X claimed the ambush", "and X claimed both blasts", "X claimed it", "et X l'a revendiquee"
        self.claim_verb_rx = compile_phrases(v.words("attack", "claim_verbs") + v.words("attack", "claimed_participles"))
        self.claim_object_rx = re.compile(r"\s+(?:(?:also|later|quickly|swiftly|aussi|egalement)\s+)?(?:responsibility\s+for\s+|"
                                          r"la\s+responsabilite\s+de\s+)?(?:(?:the|that|this|both|these|those|l'|le|la|les|ce|cette|"
                                          r"cet|ces)\s*(?:[\w-]+\s+){0,2}?(?P<n>" + nouns + r")(?![\w])|(?:it|them)(?![\w])|"
                                          r"responsibility(?!\s+for)(?![\w]))")

    # ---- triggers --------------------------------------------------------------------
    def _triggers(self, sent: Sent) -> list[tuple[int, int, str]]:
        """The trigger spans of a sentence (kept for the last sentence: a continuation test
        and the attack patterns both ask for them)."""
        if self._last_trigs[0] is not sent:
            self._last_trigs = (sent, self._find_triggers(sent))
        return list(self._last_trigs[1])

    def _find_triggers(self, sent: Sent) -> list[tuple[int, int, str]]:
        cues = sent.cues  # a pattern whose word list the sentence lacks cannot match: not scanned
        found = [(m.start(), m.end(), "passive") for m in self._scan(self.passive_rx, "passive", cues, sent.low)]
        verbs = self._scan(self.verb_rx, "verbs", cues, sent.low)  # scanned once, used twice
        found += [(m.start(), m.end(), "verb") for m in verbs if " " in m.group()
                  and not any(s < m.end() and m.start() < e for s, e, _ in found)]  # "ont attaqué" before "attaque"
        for ms, kind in ((self._scan(self.noun_rx, "nouns", cues, sent.low), "noun"), (verbs, "verb")):
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

    def _reference_noun(self, sent: Sent, a: int, t: tuple[int, int, str]) -> int | None:
        """Offset of a reference word ("after", "apres") before attack noun `t` that tells an
        attack of its own, with a date or figures ("the Kolmari raid came a month after the
        ambush on X that killed 9"): a new frame opens there; else None."""
        refs = [m.start() for m in _WORD_RX.finditer(sent.low, a, t[0]) if m.group() in self.reference]
        if not refs:
            return None
        end = self.told_by_reference(sent, t[0], t[1])
        return refs[-1] if end is not None and (any(t[1] <= d.start < end for d in sent.dates) or any(
            casualties(sent.low[t[1]:end]).values())) else None  # (a place alone: "after the raid on a Gao hotel")

    def told_by_reference(self, sent: Sent, s: int, e: int) -> int | None:
        """End of the clause that reports attack noun [s, e) inside a reference ("four days
        after the attack that hit X", "une semaine apres l'embuscade tendue contre le convoi de X",
        "a month after the raid on a bar in X"): a definite singular noun with its
        own relative or participial clause, or its target, holding an anchor (a place, a
        figure, a date); else None ("after Daesh's attacks")."""
        if _plural(sent.low[s:e]) or not _DEFINITE_BEFORE.search(sent.low, max(0, s - 40), s):
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

    def _before(self, sent: Sent, s: int, n: int) -> list[str]:
        """The last `n` words (or ";") before `s`; the tests of one trigger ask for the words
        before it several times: the last window is kept."""
        if self._last_before[:2] != (sent, s):
            self._last_before = (sent, s, _WORD_OR_SEMI.findall(sent.low, max(0, s - 80), s))
        return self._last_before[2][-n:]

    def _determined(self, sent: Sent, s: int) -> bool:
        prev = self._before(sent, s, 4)
        for w in reversed(prev):
            if w in ("l'", "qu'l'"):
                return True  # "l'attaque"
            w = _ELISION.sub("", w)  # "d'un camion piege": "un"
            if w in self.dets or w == "s" or w.isdigit() or parse_number(w):
                return True
            if w.endswith("'s") and (w[:-2] in self.day_poss or (w[:-2] in self.period_poss and not _plural(sent.low[s:s + 20].split()[0]))):
                return True  # "Friday's attack", "Tuesday night's raids", "last week's bombing" (not "last year's attacks")
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
        if any(w in self.attitude for w in prev) or (any(w in self.reference for w in (prev[-1:] if kind == "verb" else near))
                                                     and not (kind == "noun" and self.told_by_reference(sent, s, e))):
            return False  # "after Daesh's attacks", "since the bombing"; not "after gunmen killed 22 people"
        if "to" in near[-2:] or any(w in self.habitual for w in near):
            return False
        if self.rel.blocked(sent, s) and kind != "noun":
            return False
        if kind != "passive" and _plural(sent.low[s:e]) and (
                any(w in self.suspicion for w in prev) or _SUPERLATIVE_BEFORE.search(sent.low, max(0, s - 30), s)
                or _SUPERLATIVE_AFTER.match(sent.low, e)):
            return False  # "the deadliest attacks", "accused of the bombings of last year": a characterisation
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
        if kind == "verb" and self.count_of_rx is not None and any(map(sent.low.__contains__, self.count_cues)) and (
                self.count_of_rx.search(sent.low, max(0, s - 70), s)):
            return False  # "the number of civilians killed", "le nombre de soldats tués": a count
        if kind == "verb" and self.a_toll_rx is not None and any(map(sent.low.__contains__, self.count_cues)) and (
                not sent.dates and not any(p.kind == "place" for p in sent.places) and self.a_toll_rx.search(sent.low, max(0, s - 70), s)):
            return False  # "gave a provisional toll of one soldier killed": the toll of an attack told before
        if kind == "verb" and any(w in _SUBJECT_PRONOUNS for w in prev[-3:]) and self.state_report_rx.search(sent.low, max(0, s - 120), s):
            return False  # "The air force said it had bombed several camps": a state operation
        if kind == "passive" and _WITH_HIM.match(sent.low, e):
            return False  # "Several of his companions were killed with him": the death told before
        if kind != "noun" and self._struck(sent, s, e):
            return False  # "killed by a drone strike", "une frappe américaine ... a tué": state operations
        return True

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
        if ";" not in sent.low[:s] and self.opens_since_rx.match(sent.low) and self.perfect_rx.search(
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
        if (kind == "verb" and any(w in _PLURAL_ATTACK_WORDS for w in self._before(sent, s, 3))
                and _PLURAL_ATTACKS_BEFORE.search(sent.low, max(0, s - 40), s)) or (
                kind == "noun" and _plural(sent.low[s:e]) and _TOLL_VERB_AFTER.match(sent.low, e)):
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

    # ---- frames ----------------------------------------------------------------------
    def attacks(self, sent: Sent, mem: Memory) -> list[Draft]:
        if sent.text.rstrip(" \t\n\"'\u201d\u00bb").endswith("?"):
            return []  # "Who attacked the Kaduna train?": a question asserts no attack
        trigs = [t for t in self._triggers(sent) if self._valid(sent, *t)]
        frames: list[list[tuple[int, int, str]]] = []
        bounds: list[int] = []
        for t in trigs:
            ref = self._reference_clause(sent, frames[-1][-1][1], t) if frames else None
            if ref is None and frames and t[2] == "noun":
                ref = self._reference_noun(sent, frames[-1][-1][1], t)
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
        if out and self.claimed_by_rx is not None and ("claim" in sent.low or "revendiq" in sent.low):
            self._claimed_after(sent, mem, out)
        if out and self.attrib_rx is not None:
            self._attributed(sent, mem, out)
        return out

    def _claimed_after(self, sent: Sent, mem: Memory, drafts: list[Draft]) -> None:
        """A claim told after an attack in its sentence names its perpetrator: "Gunmen killed 14
        people in X, an attack claimed by Y", "..., an attack it later claimed", "...; Y claimed the
        ambush the next day", "..., et Y l'a revendiquee": the claimant is given to the attack
        whose trigger comes last before the claim (not past a reference word: "... days after an
        attack claimed by Y"), or to the claimed noun's own attack where it tells one."""
        for pos, who, noun in self._claims_after(sent, mem):
            own = [d for d in drafts if noun is not None and d.trig[0] == noun[0]]
            before = [d for d in drafts if d.trig[0] < pos]
            if not own and before:
                last = max(d.trig[0] for d in before)
                gap = sent.low[max(d.trig[1] for d in before if d.trig[0] == last):pos]
                if any(m.group() in self.reference for m in _WORD_RX.finditer(gap)):
                    continue
                own = [d for d in before if d.trig[0] == last]
                if noun is not None and self._anchored_noun(sent, noun[1], own):
                    continue  # "...; X claimed the attack on Kidal": another attack, named by its own place or date
            for d in own:
                if d.subject is None:
                    d.subject = who

    def _anchored_noun(self, sent: Sent, e: int, drafts: list[Draft]) -> bool:
        """The claimed noun ending at `e` has a place or a date of its own in its clause, not that of `drafts`."""
        stop = _CLAIM_NP_END.search(sent.low, e)
        stop = stop.start() if stop else len(sent.low)
        return any(e <= p.start < stop and p.kind == "place" and all(p.name != d.place for d in drafts) for p in sent.places) or any(
            e <= x.start < stop and all(x.value != d.date for d in drafts) for x in sent.dates)

    def _claims_after(self, sent: Sent, mem: Memory) -> list:
        """(offset, claimant, offset of the claimed noun or None) of each claim of an attack in the sentence
        (three forms: see _claim_patterns); only claimants that are actors."""
        low, out = sent.low, []
        for m in self.claimed_by_rx.finditer(low):
            out.append((m.start(), self.an.first_after(sent, m.end(), mem, limit=30), m.span("n")))
        for m in self.claimed_rel_rx.finditer(low):
            c = self._subject(sent, m.start("v"))
            out.append((m.start(), self.an.resolve(sent, c, mem) if c is not None else None, m.span("n")))
        for m in self.claim_verb_rx.finditer(low):
            obj = self.claim_object_rx.match(low, m.end())
            pron = None if obj else _OBJ_PRONOUN_BEFORE.search(low, max(0, m.start() - 24), m.start())
            if obj is None and pron is None:
                continue
            c = self._subject(sent, pron.start() if pron else m.start())
            out.append((m.start(), self.an.resolve(sent, c, mem) if c is not None else None, obj.span("n") if obj and obj.group("n") else None))
        return [x for x in out if is_party(x[1])]

    def _attributed(self, sent: Sent, mem: Memory, drafts: list[Draft]) -> None:
        """"...; the attack was blamed on X", "la tuerie de Y, ou ..., est attribuee par des sources a
        X", "les autorites les avaient imputes a X", "et que l'armee attribue a X": X is the (hedged)
        perpetrator of the attacks told before in the sentence that name none."""
        for v, who in self._attributions(sent, mem):
            for d in drafts:
                if d.trig[0] < v and d.subject is None:
                    d.subject = who
                    d.polarity = "hedged" if d.polarity == "asserted" else d.polarity

    def _attributions(self, sent: Sent, mem: Memory) -> list:
        """(offset, party) of each attribution of an attack told before it in the sentence."""
        out = []
        if self.attrib_rx is None or not any(map(sent.low.__contains__, _ATTRIB_CUES)):
            return out
        for m in self.attrib_rx.finditer(sent.low):
            if not self._attribution_of_attack(sent, m.start()):
                continue
            to = _ATTRIB_TO.search(sent.low, m.end(), m.end() + 70) if sent.low[m.end() - 3:m.end()] not in (" on", " to") else None
            who = self.an.first_after(sent, to.end() if to else m.end(), mem, limit=30)
            if is_party(who):
                out.append((m.start(), who))
        return out

    def _attribution_of_attack(self, sent: Sent, v: int) -> bool:
        """The attribution verb at `v` is said of an attack: its subject is an attack noun (with
        an aside: "the raid, which killed 9, was blamed on"), a pronoun object after a trigger
        ("les avait imputes", "blamed it on"), or a relative on an attack noun ("et que l'armee
        attribue"); not "a message attributed to X"."""
        head = sent.low[max(0, v - 170):v]
        trigs = [t for t in self._triggers(sent) if t[1] <= v]
        if not trigs:
            return False
        if _OBJ_PRONOUN.search(head) or re.search(r"\b(?:it|them)\s+(?:on|to)\b", sent.low[v:v + 20]):
            return True  # "les autorites les avaient imputes a", "blamed it on"
        for s, e, kind in reversed(trigs):
            if kind in ("noun", "bare") and _ATTRIB_SUBJECT.fullmatch(sent.low, e, v):
                return True
        return False

    def _frame(self, sent, mem, fr, a, b, inherited):
        s, e, kind = fr[0]
        ok, perp = self._perpetrator(sent, mem, fr, a, inherited)
        if not ok:
            return [], None
        whole = b  # figures: the whole frame ("three days after the assault on X, officials put the toll at 18")
        if kind == "noun" and any(w in self.reference for w in self._before(sent, s, 3)):
            b = min(b, self.told_by_reference(sent, s, e) or b)  # "four days after the attack that hit X, ...": its clause
        line = _DATELINE.match(sent.text)
        lo = max(a, line.end() if line else 0)
        quote = _quote_span(sent.text, s)
        if quote is not None:  # a witness's words: their anchors only ("« ... qui nous a attaqués », dit lundi un habitant")
            lo, b, whole = max(lo, quote[0]), min(b, quote[1]), min(whole, quote[1])  # "BAMAKO, Sept 19 (Agency) –": when and where the report was filed
        dates = [d for d in sent.dates if lo <= d.start < b]
        if kind == "noun" and len(dates) > 1:
            dates.sort(key=lambda d: not _own_date(sent.low, d, s, e))  # "claimed on Saturday Friday's attack"
        after = self._days_after(sent, s, line) or self._earlier(sent, dates, s, b)
        if isinstance(after, Lapse):
            lapse, after = after, None
        else:
            lapse = None if dates or after else self._lapse(sent, s)
        if after:
            dates = [after] + dates
        figures = casualties(sent.low[a:whole])
        places = [p for p in sent.places if lo <= p.start < b and not _SOURCE_BEFORE.search(sent.low, max(0, p.start - 16), p.start)]
        if kind == "noun" and not any(figures.values()) and not self._elsewhere(places, s, mem) and self._claimed_back(
                sent, mem, a, s, perp):
            return [], perp  # "AQIM claimed the attack", "L'attaque a été revendiquée par l'EI"
        if kind == "noun" and not dates and not any(figures.values()) and re.fullmatch(
                r"\s*(?:the|this|that)\s+(?:\w+\s+){0,2}", sent.low[sent.low.rfind(";", 0, s) + 1:s]) and mem.last_attacks:
            return [], perp  # "The assault came four months after ...", "...; the raid came weeks after": the attack already reported
        if self._anaphoric(sent, s) and not dates and not any(figures.values()):
            self._reassign(sent, mem, perp, a)
            return [], perp
        spots = self._distributed(sent, places, s, e) or [self._place(sent, places, fr, mem, lo, b)]
        shares = None  # the figures of each of several coordinated sites
        if kind == "verb" and len(spots) == 1 and spots[0][0] and _COORD_CUE.search(sent.low, e, b):
            chain = self._coordinated(sent, places, spots[0], e, b)
            if chain:
                spots, shares = [(n, c) for n, c, _ in chain], [f for _, _, f in chain]
        if spots == [(None, None)] and mem.last_place and sent.index - mem.last_place[0] <= 3 and _SITE.match(sent.low, e):
            spots = [mem.last_place[1:]]  # "stormed the hotel": the hotel the previous sentences placed
        polarity = self.rel.polarity(sent, s, e)
        if kind == "noun" and polarity == "asserted" and ((self.suspect_rx is not None and self._suspected(sent, a, s) is not None)
                                                          or self._attributed_noun(sent, s, e, mem) is not None):
            polarity = "hedged"  # "officials suspect X of the assault", "blamed the ambush on X": an allegation
        out = []
        for i, (place, country) in enumerate(spots):
            if not (dates or place or country or any(figures.values())):
                continue
            d = Draft("attack", (s, e), subject=perp if is_party(perp) else None, place=place, country=country,
                      date=dates[0].value if dates else None, polarity=polarity)
            if len(spots) == 1:
                d.killed, d.wounded, d.kidnapped = figures["killed"], figures["wounded"], figures["kidnapped"]
            elif shares is not None:  # "attacked A, killing 70, and nearby B, where 30 died": each its own
                d.killed, d.wounded, d.kidnapped = shares[i]["killed"], shares[i]["wounded"], shares[i]["kidnapped"]
            if lapse is not None:
                d.extra["lapse"] = lapse  # "Two days later, ...": dated by chain_dates
            if kind == "noun" and place and self._definite(sent, s) and self._named(sent, s, e):
                d.extra["named"] = True  # "l'attaque de Kolmari": may name an attack already reported
            out.append(d)
        return out, perp

    def _days_after(self, sent: Sent, s: int, line):
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

    def _lapse(self, sent: Sent, s: int) -> Lapse | None:
        """The lapse that opens the sentence ("Two days later, gunmen ...", "Le lendemain, ...":
        claims.dates.find_lapse) where no reference word ("after", "apres") stands between it and
        the trigger at `s` (not "Days later, after the army had killed ..., gunmen ...")."""
        if not any(map(sent.low.__contains__, _LAPSE_CUES)):
            return None
        lapse = find_lapse(sent.low)
        if lapse is None:
            return None
        return None if any(m.group() in self.reference for m in _WORD_RX.finditer(sent.low, 0, s)) else lapse

    def chain_dates(self, drafts: list[Draft], found: list, mem: Memory, sent: Sent) -> None:
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

    @staticmethod
    def _elsewhere(places: list[PlaceMention], s: int, mem: Memory) -> bool:
        """The attack noun at `s` is placed in a town other than the last one named ("claimed
        the kidnapping of two tourists near Kolmari"): an attack of its own, not the last one."""
        return any(p.start > s and p.kind == "place" and (mem.last_place is None or p.name != mem.last_place[1])
                   for p in places)

    @staticmethod
    def _earlier(sent: Sent, dates: list, s: int, b: int):
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
        value = "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))
        return DateMention(m.start(), m.end(), value, False)

    def _claimed_back(self, sent: Sent, mem: Memory, a: int, s: int, perp) -> bool:
        """A claim of responsibility for an attack just reported (definite or demonstrative
        noun, no figures of its own): it names the perpetrator of that attack."""
        if not mem.last_attacks or sent.index - mem.last_attack_sentence > 2:
            return False
        if not (re.search(r"(?:^|\s)(?:the|this|that|these|those|l'|le|la|les|ce|cette|ces)\s*(?:\w+\s+){0,2}$", sent.low[max(a, s - 40):s])
                or self._time_possessed(sent, s)):
            return False
        claim = self.claim_rx.search(sent.low, max(0, s - 60), s)
        passive = re.match(r"\s+(?:was|were|has\s+been|had\s+been|a\s+ete|avait\s+ete|ont\s+ete)\s+(?:\w+\s+)?(?:claimed|revendique\w*)\s+(?:by|par)\s+",
                           sent.low[s:s + 80].split(",")[0] + " ")
        if passive:
            perp = self.an.first_after(sent, sent.low.find(passive.group().strip().split()[-1], s) + 4, mem)
        if not (claim or passive) or not is_party(perp) or self.rel.blocked(sent, (claim.start() if claim else s)):
            return False
        if self._attack_told_before(sent, a):
            return True  # "Gunmen killed 9 ...; JNIM claimed the ambush": this sentence's attack (see _claimed_after)
        mem.extra_updates.append((list(mem.last_attacks), perp))
        return True

    def _attack_told_before(self, sent: Sent, a: int) -> bool:
        """A valid attack trigger ends before `a` in the sentence (an earlier frame)."""
        return a > 0 and any(t[1] <= a and t[2] != "bare" and self._valid(sent, *t) for t in self._triggers(sent))

    def _anaphoric(self, sent: Sent, s: int) -> bool:
        prev = self._before(sent, s, 3)
        return any(w in self.anaphoric for w in prev)

    def _reassign(self, sent: Sent, mem: Memory, perp: EntityRef | None, a: int) -> None:
        gov = list(self.gov_rx.finditer(sent.low))
        if is_party(perp) and gov and gov[-1].group().startswith("claim") and not self._attack_told_before(sent, a):
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
        if kind == "noun" and self._attributed_noun(sent, s, e, mem) is not None:
            return True, self._attributed_noun(sent, s, e, mem)  # "officials blamed the ambush on X"
        if kind == "noun" and self.suspect_rx is not None and self._suspected(sent, a, s) is not None:
            who = self.an.first_after(sent, self._suspected(sent, a, s), mem, limit=20)
            return True, (None if who is GENERIC else self._leader_unit(sent, who, mem))
        if kind == "noun":
            gov = [g for g in self.gov_rx.finditer(sent.low, a, s)]
            if not gov:
                claim = self._claim_of(sent, a, s)
                if claim is None:
                    return True, self._noun_agent(sent, mem, s, e, inherited) or self._possessor_of_operation(sent, mem, s)
                gov = [claim]
            pos = gov[-1].start()
        c = self._subject(sent, pos)
        if c is not None and c.kind == "entity" and c.mention.kind in _NON_ACTOR:
            return False, None
        if c is None:
            coordinated = sent.word_before(pos, skip=("also", "then", "simultaneously")) == "and"
            ref = self.an.sentence_subject(sent, mem) if coordinated else inherited
        else:
            ref = self.an.resolve(sent, c, mem)
            if ref is not None and ref is not GENERIC and ref.id:
                ref = self._leader_unit(sent, ref, mem)  # "fighters of Belmokhtar's new battalion stormed"
        return True, (None if ref is GENERIC else ref)

    def _attributed_noun(self, sent: Sent, s: int, e: int, mem: Memory):
        """X where an attribution verb governs attack noun [s, e) and names X after it ("blamed
        the ambush near Gao on X", "a attribue l'attaque a X"), else None."""
        if self.attrib_active_rx is None or not any(map(sent.low.__contains__, _ATTRIB_CUES)) or (
                not self.attrib_active_rx.search(sent.low, max(0, s - 50), s)):
            return None
        for to in _ATTRIB_TO.finditer(sent.low, e, min(len(sent.low), e + 120)):
            if ";" in sent.low[e:to.start()]:
                break
            who = self.an.first_after(sent, to.end(), mem, limit=12)
            if is_party(who):
                return who  # "blamed the raid on a church near X, which killed 17, on Boko Haram": the party after "on"
        return None

    def _suspected(self, sent: Sent, a: int, s: int) -> int | None:
        """Where the suspect opens when a suspicion verb governs attack noun `s` ("officials suspect the
        group's fighters of an assault on", "accusent X d'avoir mene l'attaque"), else None."""
        if not any(map(sent.low.__contains__, _SUSPECT_CUES)) or not any(
                w in self.suspicion or w in ("suspect", "suspects", "accuse", "blame", "blames", "soupconnent", "accusent")
                for w in self._before(sent, s, 12)):
            return None
        m = self.suspect_rx.search(sent.low, max(a, s - 110), s)
        return m.start("who") if m else None

    def _unit_of(self, sent: Sent, end: int) -> bool:
        """A person's unit follows his name: "Belmokhtar's new battalion", "X's brigade"."""
        return self.unit_poss_rx is not None and self.unit_poss_rx.match(sent.low, end) is not None

    def _leader_unit(self, sent: Sent, ref, mem: Memory):
        """The group a person named with "X's battalion" leads: the last unit named ("the
        al-Mulathamun Battalion") if he leads it, else the group he leads (a group stays itself)."""
        if ref is None or not ref.id:
            return ref
        m = next((m for m in sent.mentions if m.entity_id == ref.id), None)
        if m is None or m.kind != "person" or not self._unit_of(sent, m.end):
            return ref
        unit = self.an.last_unit(sent, m.start, mem)
        if unit is not None and unit.id and self.an.kb.find(ref.id, "leads", unit.id) is not None:
            return unit
        led = self.an.kb.leader_group(ref.id)
        ent = self.an.kb.entities.get(led) if led else None
        return EntityRef(led, ent.name, ent.name) if ent is not None else ref

    def _claim_of(self, sent: Sent, a: int, s: int):
        """A claim verb whose object is attack noun `s` ("it claimed a two-day hostage siege", "by
        claiming the abduction"), else None."""
        if "claim" not in sent.low and "revendiq" not in sent.low:
            return None
        for m in self.claim_rx.finditer(sent.low, max(a, s - 60), s):
            if _CLAIMED_GAP.fullmatch(sent.low, m.end(), s) or (
                    self._time_possessed(sent, s) and _POSSESSIVE_GAP.fullmatch(sent.low, m.end(), s)):
                return m
        return None

    def _possessor_of_operation(self, sent: Sent, mem: Memory, s: int):
        """"Its first big operation, in 2016, was the capture of ... during the siege": the
        sentence's subject is the operation of the group a possessive opener stands for."""
        m = self.operation_rx.match(sent.low)
        if m is None or m.end() > s:
            return None
        return mem.last_group  # (the group a group possessive stands for: the last one named)

    def _subject(self, sent: Sent, pos: int):
        """The subject candidate at `pos`; in "JNIM, Ansar Dine's successor in the region, claimed",
        the head of the apposition (JNIM), not the possessor inside it."""
        c = self.an.subject_cand(sent, pos)
        if c is None or c.kind != "entity" or not _POSSESSED.match(sent.low, c.end):
            return c
        head = [k for k in sent.cands if k.end <= c.start and k.kind in ("entity", "owned")]
        if head and _APPOSED.fullmatch(sent.low, head[-1].end, c.start) and head[-1].mention.kind in ("group", "person"):
            return head[-1]
        return c

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
    def _place(self, sent: Sent, places: list[PlaceMention], fr, mem: Memory, lo: int, b: int) -> tuple[str | None, str | None]:
        """The frame's town (a town before a region or a point of reference: "Damaturu, the
        capital of Yobe state"), unless an unknown locality wins (claims.sites); else a place
        relative to the country; else its country."""
        s = fr[0][0]
        after = [p for p in places if p.start >= s]
        before = [p for p in places if p.end <= s][::-1]
        spots = [p for p in after + before if p.kind in ("place", "relative")]
        spot = next((p for p in spots if p.kind == "relative" or not (
            self.sites.is_region(sent, p) or self.sites.is_reference(sent, p))), spots[0] if spots else None)
        found = self.sites.pick(sent, mem, fr, places, spot, lo, b)
        if found is not None:
            return found
        if spot is not None and spot.kind == "place":
            country = self._direct_country(sent, places, fr)
            if country is not None and country != spot.country and self.sites.place_gap(sent, fr, spot) is None:
                return None, country  # "beheaded a hiker in Algeria": not the town of another country named before
            return spot.name, spot.country
        country = next((p.country for p in after + before if p.kind == "country"), None)
        if spot is not None:  # "the north of the country"
            return spot.name, country or mem.last_country
        return None, country or next((p.country for p in after + before if p.kind == "demonym"), None)

    def _direct_country(self, sent: Sent, places: list[PlaceMention], fr) -> str | None:
        return next((p.country for p in places if p.kind == "country" and self.sites.place_gap(sent, fr, p) is not None), None)

    def _coordinated(self, sent: Sent, places: list[PlaceMention], first: tuple, e: int, b: int) -> list:
        """One verb, several sites: "attacked army posts in A, in the X region, as well as in B and
        C", "attacked A, killing 70, and nearby B, where 30 died", "ont attaque A et B": the
        (name, country, figures) of each site coordinated with the frame's site `first`, in text
        order; a site's figures are those told between it and the next site (the last one's only
        in its own "where"/"ou" clause: a figure after the list is a shared total). Not a list
        that a preposition other than a locative opens ("from A to B", "between A and B"), nor
        names that are no sites ("in A, B's capital", a region, a country). [] for one site."""
        low = sent.low
        at = sent.text.find(first[0], e, b)
        if at < 0 or _BETWEEN.search(low, max(0, at - 30), at):
            return []
        chain, pos, comma = [(first[0], first[1], at, at + len(first[0]))], at + len(first[0]), False
        gapped = False
        while True:
            m = _CHAIN.match(low, pos, b)
            if m is None:
                break
            if m.group("gap") and (gapped or not self._plain_gap(sent, places, m.start("gap"), m.end("gap"))):
                break
            site = self._site_at(sent, places, m.end(), b, first[1], m.end() > m.end("conj") + 1)
            if site is None:
                break
            gapped = gapped or bool(m.group("gap"))
            comma = m.group("conj") == ","
            chain.append(site)
            pos = site[3]
        if comma:
            chain = chain[:-1]  # "in A, B": an apposition unless the list ends on "and"
        if len(chain) > 1 and _SUBJECT_AFTER.match(low, chain[-1][3]):
            return []  # "attacked a base in A, and B and C were put on alert": the subject of another clause
        if len(chain) < 2 or len({c[0] for c in chain}) < len(chain):
            return []
        out = []
        for i, (name, country, a, z) in enumerate(chain):
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
        """Cheap test: could this (folded) sentence go on about the previous attack (an opener
        such as "The attackers", or a reported toll: "A source put the number of dead at 40")?"""
        return self.cont_rx.match(low.lstrip()) is not None or (
            _TOLL_WORD.search(low) is not None and self.report_rx.search(low) is not None)

    def continuation(self, sent: Sent, mem: Memory) -> dict | None:
        """The slots that a sentence going on about the previous attack adds to it (claims.
        extract fills those the attack lacks), or None when the sentence is not about it:
        "The result was 29 people dead" (an opener); "X claimed the attack, saying it had
        killed 300" (a claim of a definite attack noun, with figures or a date of its own:
        the perpetrator, figures, the date of its relative clause); "Officials said about 150
        people were killed" (a reported toll, no date or town of its own); "the Gao ambush
        was the work of ..." (a definite attack noun naming the town just named)."""
        if not mem.last_attacks or sent.index - mem.last_attack_sentence > 2:
            return None
        if not self.cont_rx.match(sent.low.lstrip()):
            return self._back_reference(sent, mem)
        if sent.dates and self._reference_before_trigger(sent):
            return None  # "The attack came three months after gunmen killed 22 people ... on March 18": another event
        slots = casualties(sent.low)
        attributed = self._attributions(sent, mem)
        if attributed and len(mem.last_attacks) == 1:
            slots["subject"] = attributed[0][1]  # "The attack was blamed on X"
        return slots

    def _reference_before_trigger(self, sent: Sent) -> bool:
        """A reference word ("after", "apres") before an attack verb: "... after gunmen killed"
        (not "before fighting their way onto the base")."""
        refs = [m.start() for m in _WORD_RX.finditer(sent.low) if m.group() in self.reference]
        return bool(refs) and any(k in ("verb", "passive") and s > refs[0] for s, e, k in self._triggers(sent))

    def _back_reference(self, sent: Sent, mem: Memory) -> dict | None:
        low = sent.low
        claims = "claim" in low or "revendiq" in low
        report = self.report_rx.search(low) is not None
        if not (claims or report or ("attack", "nouns") in sent.cues):
            return None  # (cheap tests first: none of the three forms can match)
        if _NEW_EVENT.search(low):
            return None  # "another attack", "a separate ambush", "une nouvelle attaque"
        claimed = self._claimed_noun(sent, mem) if claims else None
        if claimed is not None:
            noun_end, perp = claimed
            slots: dict = dict(casualties(low[noun_end:]))
            rel = _RELATIVE_AFTER.match(low, noun_end)
            own = [d for d in sent.dates if rel and d.start >= rel.end() and not sent.in_paren(d.start)]
            if own:
                slots["date"] = own[0].value
            if not (own or any(slots.values())):
                return None  # no slot to add: the claim names the perpetrator (AttackPatterns._claimed_back)
            if is_party(perp) and len(mem.last_attacks) == 1:
                slots["subject"] = perp
            return slots if len(mem.last_attacks) == 1 else {}
        attributed = self._attributions(sent, mem)
        if attributed and not any(k in ("verb", "passive") and s < attributed[0][0] for s, e, k in self._triggers(sent)) and (
                not any(p.kind == "place" and (mem.last_place is None or p.name != mem.last_place[1]) for p in sent.places)):
            return {"subject": attributed[0][1]} if len(mem.last_attacks) == 1 else {}  # "The attack was blamed on X"
        if self.rel.deny_rx.search(low):
            return None  # "X a nié avoir joué un rôle dans le massacre de Y": a (denied) claim of its own
        trigs = self._triggers(sent)
        named = [t for t in trigs if t[2] == "noun" and self._named(sent, t[0], t[1])]
        last = mem.last_place
        if not (report or named or (last and sent.index - last[0] <= 3 and any(p.name == last[1] for p in sent.places))):
            return None  # (before the costlier tests below)
        for s, e, kind in trigs:
            if kind != "bare" and not self._valid(sent, s, e, kind):
                return None  # "killed in attacks across the north": a total, not this attack's toll
            if kind == "verb" and self.an.subject_cand(sent, s) is not None:
                return None  # "gunmen killed 12": an event told anew
            if kind == "noun" and not self._definite(sent, s):
                return None  # "in an ambush": another event
        figures = casualties(low) if (named or report) else None  # (used by these two forms only)
        if named and not any(figures.values()) and all(len(d.value) == 4 for d in sent.dates) and any(
                self._definite(sent, t[0]) for t in named):
            return {}  # "the Tongo Tongo ambush was the work of ...": an attack already reported
        if report and any(figures.values()) and self._own_anchor_free(sent, mem):
            return figures  # "Hospital staff put the number of dead at 19"
        for s, e, kind in trigs:
            if kind == "noun" and self._definite(sent, s) and last and sent.index - last[0] <= 3 and any(
                    p.kind == "place" and p.name == last[1] and (s - 30 <= p.start < s or e <= p.start <= e + 8)
                    for p in sent.places):
                return {}  # "the Tongo Tongo ambush was the work of ...": the attack just reported there
        return None

    def _claimed_noun(self, sent: Sent, mem: Memory):
        """(end of the noun, claimant) where a claim verb governs a definite or demonstrative
        attack noun ("X claimed that attack", "a revendiqué l'attaque", "the assault was
        claimed by X") with no attack told before it in the sentence; else None."""
        low = sent.low
        for m in self.claim_rx.finditer(low):
            n = self.noun_rx.search(low, m.end(), m.end() + 50)
            if n is None or not (_DEFINITE_GAP.fullmatch(low, m.end(), n.start()) or (
                    self._time_possessed(sent, n.start()) and _POSSESSIVE_GAP.fullmatch(low, m.end(), n.start()))):
                continue
            if self.rel.blocked(sent, m.start()) or self._told_before(sent, m.start()):
                return None
            c = self._subject(sent, m.start())
            return n.end(), (self.an.resolve(sent, c, mem) if c is not None else None)
        for n in self.noun_rx.finditer(low):
            p = _CLAIMED_BY.match(low, n.end())
            if p and self._definite(sent, n.start()) and not self._told_before(sent, n.start()):
                return p.end(), self.an.first_after(sent, p.end(), mem)
        return None

    def _told_before(self, sent: Sent, pos: int) -> bool:
        return any(s < pos and k in ("verb", "passive") for s, e, k in self._triggers(sent))

    def _definite(self, sent: Sent, s: int) -> bool:
        """"the attack", "that ambush", "l'attaque", "the Gao ambush", "Friday's attack": not "an
        attack", "another"."""
        return _DEFINITE_BEFORE.search(sent.low, max(0, s - 40), s) is not None or self._time_possessed(sent, s)

    def _time_possessed(self, sent: Sent, s: int) -> bool:
        """"Friday's attack", "yesterday's twin bombings": a time word in the possessive before the noun."""
        return self.time_poss_rx is not None and "'s" in sent.low[max(0, s - 40):s] and (
            self.time_poss_rx.search(sent.low, max(0, s - 50), s) is not None)

    def _named(self, sent: Sent, s: int, e: int) -> bool:
        """A definite attack noun named by a place or party: "the Tongo Tongo ambush", "l'attaque
        de Djibo" (not "the attack on ...": a target, told anew)."""
        return bool(_NAME_BEFORE.search(sent.text, max(0, s - 40), s) or _NAME_AFTER.match(sent.text, e))

    def _own_anchor_free(self, sent: Sent, mem: Memory) -> bool:
        """No date but the day a report was made ("said on Monday"), no town other than the
        last one named, no country other than the last one, in the clause of the toll (up to
        "; ", ", while", ", tandis que"): no event of its own."""
        cut = _OTHER_CLAUSE.search(sent.low)
        cut = cut.start() if cut else len(sent.low)  # "..., while a newspaper reported that funerals would be held on Thursday"
        if any(d.start < cut and (_MONTH_OR_DIGIT.search(sent.low, d.start, d.end) or not self.report_rx.search(
                sent.low, max(0, d.start - 25), d.start)) for d in sent.dates):
            return False
        last, near = (mem.last_place[1], mem.last_place[2]) if mem.last_place else (None, None)
        return all(p.start >= cut or ((p.kind != "place" or p.name == last) and (
            p.kind != "country" or p.country in (mem.last_country, near) or sent.low.startswith("'s", p.end)))
            for p in sent.places)  # "Nigeria's government said": the reporter


# (the frequently searched patterns open on their first letters: see claims.dates.word_opening)
_TOLL_WORD = re.compile(word_opening(("dead", "deaths", "killed", "died", "toll", "wounded", "injured", "morts", "tues", "tuees",
                                      "blesses", "bilan", "victimes")) + r"\b")
_NEW_EVENT = re.compile(word_opening(("another", "separate", "second", "new", "earlier", "later", "autre", "nouvelle", "nouvel",
                                      "seconde", "deuxieme")) + r"\s+(?:\w+\s+)?"
                        r"(?:attacks?|ambush|assault|raid|bombing|massacre|killing|attaque|embuscade|attentat|assaut|tuerie|incident)\b")
_DEFINITE_GAP = re.compile(r"\s+(?:\w+\s+)?(?:responsibility\s+for\s+|la\s+responsabilite\s+de\s+)?"
                           r"(?:the|this|that|these|those|l'|le|la|les|ce|cette|cet|ces)\s*(?:[\w-]+\s+){0,2}?")
_POSSESSIVE_GAP = re.compile(r"\s+(?:\w+\s+)?(?:responsibility\s+for\s+)?(?:last\s+|this\s+)?[\w]+(?:\s+\w+)?'s\s+(?:[\w-]+\s+){0,3}?")
_DEFINITE_BEFORE = re.compile(r"(?:^|[\s,])(?:the|this|that|l'|le|la|ce|cette|cet)\s*(?:[\w-]+\s+){0,3}$")
_CLAIMED_GAP = re.compile(r"\s+(?:responsibility\s+for\s+|la\s+responsabilite\s+de\s+)?(?:the|a|an|this|that|l'|le|la|une?|cette|cet)\s*(?:[\w-]+\s+){0,2}")
_CLAIMED_BY = re.compile(r"\s+(?:was|has\s+been|had\s+been|a\s+ete|avait\s+ete)\s+(?:\w+\s+)?(?:claimed|revendiquee?)\s+(?:by|par)\s+")
_RELATIVE_AFTER = re.compile(r"[^.;]{0,40}?(?:,\s*)?\b(?:in\s+which|during\s+which|which|that|ou|qui|lors\s+de\s+laquelle|dans\s+laquelle)\b")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Tt]his|[Tt]hat|[Ll]'|[Ll]e|[Ll]a|[Cc]ette)\s*(?:[A-Z][\w'-]*\s+){1,3}$")
_NAME_AFTER = re.compile(r"\s+(?:of|in|at|de|d'|du|a)\s*(?:[A-Z][\w'-]*)(?!\w)")
_POSSESSED = re.compile(r"'s?\s+(?!men\b|fighters\b|militants\b|gunmen\b|followers\b|members\b)[a-z]+")
_APPOSED = re.compile(r"\s*\)?\s*(?:\([^()]*\)\s*)?,\s*")
_OWN_CLAUSE = re.compile(r"\s*,?\s*(?:that|which|qui|(?:launched|carried\s+out|claimed|staged|lancee?|menee?|perpetree?|commise?|"
                         r"revendiquee?)\b|(?:\w+\s+)?(?:on|against|at|in|contre|sur|a|au|de|du)\b)")
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?!(?:in|on|at|near|where|ou|dans|a|au|pres|le|la|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                          r"sunday|monday|tuesday|wednesday|thursday|friday|saturday|\d)\b)")
_DATELINE = re.compile(r"\s*[A-Z][A-Z'\u2019 .-]+,\s+[^()\n]{1,24}\([^()]{1,40}\)\s*[\u2013\u2014-]+\s*")
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                  "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_DAYS_AFTER = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")\s+(?:days?|jours?)\s+(?:after|apres)\s+")
_EARLIER = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")\s+(?P<u>days?|weeks?|months?|years?|jours?|semaines?|mois|ans|annees?)"
                      r"\s+(?:earlier|before|plus\s+tot|auparavant)\b")
_SUBJECT_GAP = re.compile(r"(?:l'|[\w'-]+\s+){0,6}")  # "two days after al qaeda linked fighters |stormed"
_LAPSE_CUES = ("later", "earlier", "next", "following", "previous", "preceding", "after", "before", "plus t", "auparavant",
               "lendemain", "veille", "suivant", "precedent", "d'apres", "d'avant", "apres", "avant")
_COORD_CUE = re.compile(r"\b(?:and|as\s+well\s+as|along\s+with|et|ainsi\s+que)\s")
_CHAIN = re.compile(r"(?P<gap>\s*,[^,;:()\u2013\u2014]{1,70}(?=,))?\s*(?:,\s*)?(?P<conj>and|as\s+well\s+as|along\s+with|ainsi\s+qu(?:e|')|et|,)\s*"
                    r"(?:(?:also|aussi)\s+)?(?:(?:in|at|near|a|au|aux|dans|pres\s+de)\s+|(?:nearby|neighbouring|neighboring|voisine?)\s+|"
                    r"(?:the\s+|la\s+|le\s+)?(?:village|town|locality|localite|ville)s?\s+(?:of|de|d')\s*)?")
_SUBJECT_AFTER = re.compile(r"(?:\s+(?:and|et)\s+[\w' -]{1,30}?)?\s+(?:were|was|is|are|has|have|had|will|would|remain|remained|"
                            r"ont|a|sont|est|etait|etaient|avait|avaient|restent|seront)\b")
_CLAIM_NP_END = re.compile(r"[,;:.()]|\s(?:and|et|but|mais|while|which|that|qui)\s")
_OBJ_PRONOUN_BEFORE = re.compile(r"(?:(?<![\w'])l'|(?<![\w'])les\s+)(?:(?:a|avait|ont|avaient|aurait|auraient)\s+)?$")  # "l'a revendiquee"
_WITH_HIM = re.compile(r"\s+(?:(?:along|together)\s+with|with|alongside|avec|aux\s+cotes\s+d')\s*(?:him|her|them|lui|elle|eux)\b")
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to|selon|d'apres)\s+$")  # "according to Paris": a source, no site
_SUSPECT_CUES = ("suspect", "accus", "blame", "soupcon")
_ATTRIB_CUES = ("blame", "attribu", "imput", "pinned")
_ATTRIB_TO = re.compile(r"\b(?:on|to|a|au|aux)\s+")
_OBJ_PRONOUN = re.compile(r"(?:;|,|\bet)\s+(?:\w+\s+){0,3}(?:les|l')\s*(?:(?:avaient|avait|ont|a|auraient|aurait)\s+)?(?:\w+ment\s+|aussitot\s+|deja\s+)?$"
                          r"|\bque\s+(?:\w+\s+){1,3}$")
_ATTRIB_SUBJECT = re.compile(r"(?:\s+(?:of|in|at|on|de|du|d'|a|contre)\s*[^,;]{0,60}?)?(?:\s*,[^;]{0,140}?,)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|"
                             r"a\s+ete|ont\s+ete|avait\s+ete|avaient\s+ete|est|sont|etait|etaient|fut)\s+(?:\w+\s+)?|(?:\w+\s+){0,2}?et\s+que\s+(?:\w+\s+){1,3})")
_BETWEEN = re.compile(r"\b(?:between|entre|from)\s+(?:\w+\s+){0,2}$|\b(?:de|des|du)\s+$|\bd'$")
_WHERE = re.compile(r"\s*,?\s*(?:where|ou)\b[^,;]*")
_CAP_WORD_RX = re.compile(r"[A-Z\u00c0-\u00de](?<![\w-].)")  # a capital opening a word (tested after the capital)
_STRIKE_CUES = ("strike", "frappe", "bombard", "raid", "drone")
_OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|tandis\s+qu|alors\s+qu|mais)\b")
_MONTH_OR_DIGIT = re.compile(r"\d|" + "|".join(sorted(MONTHS, key=len, reverse=True)))
_SITE = re.compile(r"\s+(?:\w+\s+)?(?:the\s+|l'|le\s+|la\s+)(?:hotel|camp|base|museum|mine|site|resort|embassy|consulate|"
                   r"compound|barracks|musee|ambassade|consulat|caserne|complexe)\b")
_WORD_RX = re.compile(r"[\w']+")
_WORD_OR_SEMI = re.compile(r"[\w']+|;")
_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront"})
_STATE_OWNERS = frozenset({"army", "armee", "military", "government", "gouvernement", "coalition", "forces", "police", "gendarmerie"})
_ELISION = re.compile(r"^[a-z]'")
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


_SUPERLATIVE_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:most\s+\w+|deadliest|bloodiest|worst|biggest|largest)\s+(?:[\w-]+\s+)?$")
_SUPERLATIVE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?les\s+(?:plus|pires)\b")
_QUOTES = {"\u00ab": "\u00bb", "\u201c": "\u201d", '"': '"'}


def _quote_span(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the quotation holding `pos` (« », “ ”, " "), else None."""
    for op, cl in _QUOTES.items():
        if op not in text:
            continue
        o = text.rfind(op, 0, pos)
        if o < 0 or (op != cl and text.rfind(cl, 0, pos) > o) or (op == cl and text.count(op, 0, pos) % 2 == 0):
            continue
        c = text.find(cl, pos)
        return (o, c if c >= 0 else len(text))
    return None


def _own_date(low: str, d: DateMention, s: int, e: int) -> bool:
    """Date `d` modifies the attack noun [s, e): a possessive before it ("Friday's suicide
    attack", "yesterday's ambush") or a complement right after it ("l'attaque de vendredi",
    "l'attentat du 21 juillet", "the attack on Friday")."""
    if d.end <= s:
        return (low.endswith("'s", d.start, d.end) or low.startswith("'s", d.end)) and _MODIFIERS.fullmatch(
            low, d.end + (0 if low.endswith("'s", d.start, d.end) else 2), s) is not None
    return d.start >= e and _COMPLEMENT.fullmatch(low, e, d.start) is not None


_MODIFIERS = re.compile(r"\s+(?:[\w-]+\s+){0,3}")
_COMPLEMENT = re.compile(r"\s*(?:(?:de|du|d'|of)\s*)?")


def _plural(noun: str) -> bool:
    return noun.endswith("s") and not noun.endswith(("sis", "ss"))
