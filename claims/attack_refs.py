"""Back-references: sentences about an attack already reported.

An article tells an attack once and then goes on about it. Such sentences must add to that
attack, not count as attacks of their own:
- continuations (`continuation`, within two sentences of the attack): an opener ("The
  attackers", "The result was 29 people dead"), a claim of a definite attack noun with
  figures or a date of its own ("X claimed the attack, saying it had killed 300"), a
  reported toll with no date or town of its own ("Officials said about 150 people were
  killed"), an attribution ("The attack was blamed on X"), a definite noun naming the town
  just named ("the Gao ambush was the work of ..."): the slots they add (claims.extract
  fills those the attack lacks);
- claims of responsibility for it inside an attack frame (`claimed_back`: "AQIM claimed the
  attack", "L'attaque a ete revendiquee par l'EI") and anaphoric nouns ("the same attack",
  `refers_back`/`reassign`): the claimant becomes the perpetrator of the last attacks
  (Memory.extra_updates), and the frame tells no attack.
Not back-references: "another attack", "a separate ambush", an attack noun placed in
another town (`elsewhere`), an attack verb with its own subject ("gunmen killed 12").
"""
from __future__ import annotations

import re

from claims.attack_agents import POSSESSIVE_GAP, AttackAgents, has_work_cue
from claims.attack_triggers import AttackTriggers
from claims.dates import MONTHS
from claims.discourse import Analyzer, Memory, Sent
from claims.model import EntityRef
from claims.numbers import NUM, NUMBER_WORDS, casualties
from claims.patterns import RelationPatterns, is_party
from claims.places import PlaceMention
from claims.vocab import Vocab, phrase_pattern, word_opening


class BackReferences:
    def __init__(self, an: Analyzer, v: Vocab, rel: RelationPatterns, triggers: AttackTriggers, agents: AttackAgents):
        self.an, self.rel, self.triggers, self.agents = an, rel, triggers, agents
        self.anaphoric = set(v.words("attack", "anaphoric"))
        self.report_rx = v.rx("attack", "report_verbs")
        opener = v.words("attack", "continuation_subjects") + v.words("attack", "continuation_openers")
        self.cont_rx = re.compile(r"^(?:" + "|".join(phrase_pattern(w) for w in opener) + r")\b")
        others = v.alternation("attack", "continuation_others")
        # "Eight others were wounded", "At least two more soldiers died", "Huit autres ont ete blesses"
        self.others_rx = re.compile(r"^(?:another\s+|at\s+least\s+|au\s+moins\s+)?(?:" + NUM + r")\s+(?:[\w-]+\s+)?(?:" + others +
                                    r")\b") if others else None

    def may_continue(self, low: str) -> bool:
        """Cheap test: could this (folded) sentence go on about the previous attack (an opener
        such as "The attackers", a reported toll: "A source put the number of dead at 40", or "it was
        the work of X")?"""
        return self._opener(low.lstrip()) or has_work_cue(low) or (
            _TOLL_WORD.search(low) is not None and self.report_rx.search(low) is not None) or _pronoun_claimed(low.lstrip()) is not None

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
        if not self._opener(sent.low.lstrip()):
            return self._back_reference(sent, mem)
        if self.others_rx is not None and self.others_rx.match(sent.low.lstrip()) and (_NEW_EVENT.search(sent.low) or any(
                p.kind == "place" and (mem.last_place is None or p.name != mem.last_place[1]) for p in sent.places)):
            return None  # "Eight others were wounded in a separate attack in Gao": another event
        if self._reference_before_trigger(sent) and sent.dates:  # (the dates last: reading them costs more)
            return None  # "The attack came three months after gunmen killed 22 people ... on March 18": another event
        slots = casualties(sent.low)
        attributed = self.agents.attributions(sent, mem)
        if attributed and len(mem.last_attacks) == 1:
            slots["subject"], slots["alleged"] = attributed[0][1], attributed[0][2]  # "The attack was blamed on X"
        elif len(mem.last_attacks) == 1 and ("claim" in sent.low or "revendiq" in sent.low):
            claimed = self._claimed_by(sent, mem)  # "The attack was claimed by X"
            if claimed is not None and is_party(claimed[1]):
                slots["subject"] = claimed[1]
        return slots

    def _opener(self, low: str) -> bool:
        """The sentence opens as one going on about the last attack ("The attackers", "Eight others")."""
        return self.cont_rx.match(low) is not None or (self.others_rx is not None and " " in low[:40] and (
            low[:1].isdigit() or low[:low.find(" ")] in _OTHERS_FIRST) and self.others_rx.match(low) is not None)

    def _reference_before_trigger(self, sent: Sent) -> bool:
        """A reference word ("after", "apres") before an attack verb: "... after gunmen killed"
        (not "before fighting their way onto the base")."""
        refs = [m.start() for m in self.triggers.references(sent.low, 0, len(sent.low))]
        return bool(refs) and any(k in ("verb", "passive") and s > refs[0] for s, e, k in self.triggers.spans(sent))

    def _back_reference(self, sent: Sent, mem: Memory) -> dict | None:
        low = sent.low
        claims = "claim" in low or "revendiq" in low
        report = self.report_rx.search(low) is not None
        if not (claims or report or ("attack", "nouns") in sent.cues or has_work_cue(low)):
            return None  # (cheap tests first: none of the three forms can match)
        if _NEW_EVENT.search(low):
            return None  # "another attack", "a separate ambush", "une nouvelle attaque"
        claimed = self._claimed_noun(sent, mem) if claims else None
        if claimed is not None:
            noun_end, perp = claimed
            plural = _widen(mem, _plural_count(low))  # "Both attacks were claimed by X": the last two
            slots: dict = dict(casualties(low[noun_end:]))
            rel = _RELATIVE_AFTER.match(low, noun_end)
            own = [d for d in sent.dates if rel and d.start >= rel.end() and not sent.in_paren(d.start)]
            if own:
                slots["date"] = own[0].value
            if not (own or any(slots.values()) or plural or _pronoun_claimed(low.lstrip()) is not None):
                return None  # no slot to add: the claim names the perpetrator (claimed_back; not "It was claimed by X")
            one = len(mem.last_attacks) == 1 or plural
            if is_party(perp) and one:
                slots["subject"] = perp
            return slots if one else {}
        attributed = self.agents.attributions(sent, mem)
        if attributed and not any(k in ("verb", "passive") and s < attributed[0][0] for s, e, k in self.triggers.spans(sent)) and (
                not any(p.kind == "place" and (mem.last_place is None or p.name != mem.last_place[1]) for p in sent.places)):
            # "The attack was blamed on X": X, hedged
            return {"subject": attributed[0][1], "alleged": attributed[0][2]} if len(mem.last_attacks) == 1 else {}
        if self.rel.deny_rx.search(low):
            return None  # "X a nié avoir joué un rôle dans le massacre de Y": a (denied) claim of its own
        trigs = self.triggers.spans(sent)
        named = [t for t in trigs if t[2] == "noun" and self.triggers.named(sent, t[0], t[1])]
        last = mem.last_place
        if not (report or named or (last and sent.index - last[0] <= 3 and any(p.name == last[1] for p in sent.places))):
            return None  # (before the costlier tests below)
        for s, e, kind in trigs:
            if kind != "bare" and not self.triggers.valid(sent, s, e, kind):
                return None  # "killed in attacks across the north": a total, not this attack's toll
            if kind == "verb" and self.an.subject_cand(sent, s) is not None:
                return None  # "gunmen killed 12": an event told anew
            if kind == "noun" and not self.triggers.definite(sent, s):
                return None  # "in an ambush": another event
        figures = casualties(low) if (named or report) else None  # (used by these two forms only)
        if named and not any(figures.values()) and any(self.triggers.definite(sent, t[0]) for t in named) and all(
                len(d.value) == 4 for d in sent.dates):  # (the dates last: reading them costs more)
            return {}  # "the Kolmari raid was the work of ...": an attack already reported
        if report and any(figures.values()) and self._own_anchor_free(sent, mem):
            return figures  # "Hospital staff put the number of dead at 19"
        for s, e, kind in trigs:
            if kind == "noun" and self.triggers.definite(sent, s) and last and sent.index - last[0] <= 3 and any(
                    p.kind == "place" and p.name == last[1] and (s - 30 <= p.start < s or e <= p.start <= e + 8)
                    for p in sent.places):
                return {}  # "the Kolmari raid was the work of ...": the attack just reported there
        return None

    def _claimed_noun(self, sent: Sent, mem: Memory):
        """(end of the noun, claimant) where a claim verb governs a definite or demonstrative
        attack noun ("X claimed that attack", "a revendiqué l'attaque", "the assault was
        claimed by X") with no attack told before it in the sentence; else None."""
        low = sent.low
        for m in self.agents.claim_rx.finditer(low):
            n = self.triggers.noun_rx.search(low, m.end(), m.end() + 50)
            if n is None or not (_DEFINITE_GAP.fullmatch(low, m.end(), n.start()) or (
                    self.triggers.time_possessed(sent, n.start()) and POSSESSIVE_GAP.fullmatch(low, m.end(), n.start()))):
                continue
            if self.rel.blocked(sent, m.start()) or self._told_before(sent, m.start()):
                return None
            c = self.agents.subject(sent, m.start())
            return n.end(), (self.an.resolve(sent, c, mem) if c is not None else None)
        return self._claimed_by(sent, mem)

    def _claimed_by(self, sent: Sent, mem: Memory):
        """(end of the claim, claimant) where a definite attack noun "was claimed by X" ("l'attaque a
        été revendiquée par X") with no attack told before it in the sentence; else None."""
        for n in self.triggers.noun_rx.finditer(sent.low):
            p = _CLAIMED_BY.match(sent.low, n.end())
            if p and (self.triggers.definite(sent, n.start()) or _plural_count(sent.low)) and (
                    not self._told_before(sent, n.start())):
                return p.end(), self.an.first_after(sent, p.end(), mem)
        p = _pronoun_claimed(sent.low)
        if p and not self._told_before(sent, p.end()):
            return p.end(), self.an.first_after(sent, p.end(), mem)
        ref = _PLURAL_REFERENCE.match(sent.low)  # "Both attacks were claimed by X", "Ces deux attaques ont été revendiquées par X"
        if ref is not None and not self._told_before(sent, ref.end()):  # (its noun may read as a verb: "attaques")
            ends = [w.end() for w in _WORD.finditer(sent.low, ref.end(), ref.end() + 40)][:2]  # one word before it at most
            p = next((c for c in (_CLAIMED_BY.match(sent.low, x) for x in ends) if c is not None), None)
            if p is not None:
                return p.end(), self.an.first_after(sent, p.end(), mem)
        return None

    def _told_before(self, sent: Sent, pos: int) -> bool:
        return any(s < pos and k in ("verb", "passive") for s, e, k in self.triggers.spans(sent))


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

    # ---- inside an attack frame -------------------------------------------------------------
    def claimed_back(self, sent: Sent, mem: Memory, a: int, s: int, e: int, perp) -> bool:
        """A claim of responsibility for an attack just reported (definite or demonstrative
        noun, no figures of its own): it names the perpetrator of that attack."""
        if not mem.last_attacks or sent.index - mem.last_attack_sentence > 2:
            return False
        if not (re.search(r"(?:^|\s)(?:the|this|that|these|those|both|l'|le|la|les|ce|cette|ces)\s*(?:\w+\s+){0,2}$", sent.low[max(a, s - 40):s])
                or self.triggers.time_possessed(sent, s)):
            return False
        claim = self.agents.claim_rx.search(sent.low, max(0, s - 60), s) or self._done_by(sent, s)
        passive = _CLAIMED_BY.match(sent.low, e)  # "the attack was claimed by X", "l'attaque a été revendiquée par X"
        if passive:
            perp = self.an.first_after(sent, passive.end(), mem)
        if not (claim or passive) or not is_party(perp) or self.rel.blocked(sent, (claim.start() if claim else s)):
            return False
        if self._attack_told_before(sent, a):
            return True  # "Gunmen killed 9 ...; JNIM claimed the ambush": this sentence's attack (see AttackAgents.claimed_after)
        mem.extra_updates.append((list(mem.last_attacks), perp))
        return True

    def _done_by(self, sent: Sent, s: int):
        """A governing verb right before the definite attack noun at `s`, not denied: "X said its
        fighters had carried out the attack", "le JNIM a affirme que ses combattants avaient mene
        l'attaque" (its subject is the perpetrator); else None."""
        gov = None
        for gov in self.agents.gov_rx.finditer(sent.low, max(0, s - 40), s):
            pass
        if gov is None or not _DEFINITE_GAP.fullmatch(sent.low, gov.end(), s) or self.rel.deny_rx.search(sent.low, 0, s):
            return None
        return gov

    def _attack_told_before(self, sent: Sent, a: int) -> bool:
        """A valid attack trigger ends before `a` in the sentence (an earlier frame)."""
        return a > 0 and any(t[1] <= a and t[2] != "bare" and self.triggers.valid(sent, *t) for t in self.triggers.spans(sent))

    def refers_back(self, sent: Sent, s: int) -> bool:
        """An anaphoric word before attack noun `s` ("these attacks", "the same attack", "cette attaque")."""
        prev = self.triggers.before(sent, s, 3)
        return not self.anaphoric.isdisjoint(prev)

    def reassign(self, sent: Sent, mem: Memory, perp: EntityRef | None, a: int) -> None:
        """A claim of an anaphoric attack noun ("X claimed these attacks") names the perpetrator of the last attacks."""
        gov = list(self.agents.gov_rx.finditer(sent.low))
        if is_party(perp) and gov and gov[-1].group().startswith("claim") and not self._attack_told_before(sent, a):
            mem.extra_updates.append((list(mem.last_attacks), perp))

    @staticmethod
    def elsewhere(places: list[PlaceMention], s: int, mem: Memory) -> bool:
        """The attack noun at `s` is placed in a town other than the last one named ("claimed
        the kidnapping of two tourists near Kolmari"): an attack of its own, not the last one."""
        return any(p.start > s and p.kind == "place" and (mem.last_place is None or p.name != mem.last_place[1])
                   for p in places)


_OTHERS_FIRST = frozenset({*NUMBER_WORDS, "another", "at", "au"})  # (the cheap test of others_rx: its first word)
# (the frequently searched patterns open on their first letters: see claims.vocab.word_opening)
_TOLL_WORD = re.compile(word_opening(("dead", "deaths", "killed", "died", "toll", "wounded", "injured", "morts", "tues", "tuees",
                                      "blesses", "bilan", "victimes")) + r"\b")
_NEW_EVENT = re.compile(word_opening(("another", "separate", "second", "new", "earlier", "later", "autre", "nouvelle", "nouvel",
                                      "seconde", "deuxieme")) + r"\s+(?:\w+\s+)?"
                        r"(?:attacks?|ambush|assault|raid|bombing|massacre|killing|attaque|embuscade|attentat|assaut|tuerie|incident)\b")
_DEFINITE_GAP = re.compile(r"\s+(?:\w+\s+)?(?:responsibility\s+for\s+|la\s+responsabilite\s+de\s+)?"
                           r"(?:the|this|that|these|those|l'|le|la|les|ce|cette|cet|ces)\s*(?:[\w-]+\s+){0,2}?")
_CLAIMED_BY = re.compile(r"\s+(?:was|were|has\s+been|had\s+been|a\s+ete|avait\s+ete|ont\s+ete)\s+(?:\w+\s+)?"
                         r"(?:claimed|revendique\w*)\s+(?:[\w']+\s+){0,4}?(?:by|par)\s+")  # "revendiquée (le soir même) par X"
# the sentence after an attack, opening on a pronoun for it: "It was claimed on Monday by X", "Elle a été revendiquée par X"
_PRONOUN_CLAIMED = re.compile(r"(?:it|elle|ils|elles|they)(?=\s)")


# A sentence opening on "both (attacks)", "the two (ambushes)", "ces deux (attaques)": about as many attacks told before
_PLURAL_REFERENCE = re.compile(r"\s*(?:both|(?:the|these|those)\s+(two|three)|(?:ces|les)\s+(deux|trois))\s")
_WORD = re.compile(r"[\w-]+")
_COUNTS = {None: 2, "two": 2, "three": 3, "deux": 2, "trois": 3}


def _plural_count(low: str) -> int:
    """How many attacks told before a (folded) sentence opening on a plural reference is about ("Both attacks": 2), else 0."""
    m = _PLURAL_REFERENCE.match(low)
    return _COUNTS[m.group(1) or m.group(2)] if m else 0


def _widen(mem: Memory, n: int) -> bool:
    """The last `n` attacks told, where this sentence refers to them all ("both attacks"): the
    last attack sentence's and, where it told fewer, the one's before it. Whether it does."""
    if n and len(mem.last_attacks) < n <= len(mem.prev_attacks) + len(mem.last_attacks):
        mem.last_attacks = (mem.prev_attacks + mem.last_attacks)[-n:]
        mem.prev_attacks = []
    return bool(n) and len(mem.last_attacks) == n


def _pronoun_claimed(low: str) -> re.Match | None:
    """The claim ("was claimed ... by ") of a (folded, stripped) sentence that opens on "It was claimed ...
    by", "Elle a été revendiquée ... par", else None."""
    pro = _PRONOUN_CLAIMED.match(low)
    return _CLAIMED_BY.match(low, pro.end()) if pro is not None else None
_RELATIVE_AFTER = re.compile(r"[^.;]{0,40}?(?:,\s*)?\b(?:in\s+which|during\s+which|which|that|ou|qui|lors\s+de\s+laquelle|dans\s+laquelle)\b")
_OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|tandis\s+qu|alors\s+qu|mais)\b")
_MONTH_OR_DIGIT = re.compile(r"\d|" + "|".join(sorted(MONTHS, key=len, reverse=True)))
