"""Attack perpetrators: who an attack frame names as its author, and how sure.

The perpetrator of a frame (`perpetrator`) is the subject of its verb, the agent of a
passive ("were killed by X", or the author of the attack noun after it: "were killed in an AQIM
ambush"), the group before an attack noun ("an AQIM ambush") or after it ("an attack by X",
"l'attaque de X"), the subject of a verb governing the noun ("X carried out the
attack", "X claimed a two-day siege"), or the group a possessive opener stands for ("Its
first big operation ..."). A person named with his unit ("Belmokhtar's new battalion")
stands for the group he leads. The frame tells no attack by an armed group (it is dropped)
where its subject is a state, a force or an organisation, where the victim of a passive is
a known militant ("Shekau had been killed"), or where a state modifier follows the passive
("killed in a French raid").

Hedged perpetrators: suspicions ("officials suspect X of the assault", `suspected`) and
attributions ("blamed the ambush on X", `attributed_noun`; "the attack was blamed on X",
"attribuee a X", `attributions`; "was probably the work of X", "une attaque qui serait l'oeuvre de X",
`works_of`: hedged where conditional or hedged, asserted otherwise). A claim of responsibility told after the attack in its
sentence (", an attack claimed by X", "; X claimed the ambush", "et X l'a revendiquee":
`claimed_after`) names the perpetrator of the attack whose trigger comes last before it.
"""
from __future__ import annotations

import re

from claims.attack_anchors import ASIDE_OPENS
from claims.attack_triggers import WORD_RX, AttackTriggers
from claims.discourse import GENERIC, Analyzer, Memory, Sent, ref_of
from claims.model import EntityRef
from claims.patterns import Draft, is_party
from claims.text import fold
from claims.vocab import Vocab, after_no_word, compile_phrases

_NON_ACTOR = ("state", "force", "organisation")
_OF_GROUP = re.compile(r"\s+(?:de\s+(?:l'|la\s+)?|du\s+|d')")


class AttackAgents:
    def __init__(self, an: Analyzer, v: Vocab, triggers: AttackTriggers):
        self.an, self.triggers = an, triggers
        self.gov_rx = v.rx("attack", "governing")
        self.deny_rx = v.rx("common", "deny")
        self.claim_rx = v.rx("attack", "claim_verbs")
        suspect_verbs = v.words("attack", "suspect_verbs")
        self.suspect_words = frozenset(suspect_verbs) | frozenset(triggers.suspicion)  # (the cheap test of `suspected`)
        sus = v.alternation("attack", "suspect_verbs")
        # "suspect the group's fighters of an assault", "soupconnent X d'avoir mene l'attaque": X, hedged
        self.suspect_rx = re.compile(r"\b(?:" + sus + r")\s+(?P<who>(?!of\b|de\b|d')[^,;.]{1,60}?)\s+(?:of|for|d'avoir\s+(?:\w+\s+){1,2}|"
                                     r"d'etre\s+(?:\w+\s+){1,2}|de|d')\s*(?:(?:having\s+)?(?:carried\s+out|staged|led|launched|committed|"
                                     r"perpetrated)\s+)?(?:the|an?|this|that|l'|la|le|une?)\s*(?:[\w-]+\s+){0,2}$") if sus else None
        # "...; police suspected Boko Haram", "..., et les autorites soupconnent le JNIM": a party named right after a
        # suspicion verb (active: not "was suspected", "suspected of")
        self.suspects_after_rx = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)\b(?:" + sus
                                            + r")\s+(?!of\b|de\b|d'|that\b|qu)") if sus else None
        att = v.alternation("attack", "attribution_verbs")
        self.attrib_rx = re.compile(r"\b(?:" + att + r")\b") if att else None
        told = v.alternation("attack", "claimed_nouns", longest_first=True)
        # ", a crime attributed to", ", un crime attribue a": an apposition that names the attack just told
        self.apposed_attack_rx = re.compile(r",\s*(?:an?|une?|the|l'|le|la|ce|cette)\s*(?:[\w-]+\s+){0,2}?(?:" + told +
                                            r")\s*,?\s+$") if told else None
        hedges = v.words("attack", "work_of_hedges")
        self.work_hedge_rx = compile_phrases(hedges) if hedges else None
        act = v.alternation("attack", "attribution_active")
        self.attrib_active_rx = re.compile(r"\b(?:" + act + r")\s+(?:the|this|that|l'|la|le|les|ces|cette|cet)\s*(?:[\w-]+\s+){0,3}$") if act else None
        units = v.alternation("attack", "unit_possessed")
        self.unit_poss_rx = re.compile(r"'s?\s+(?:new|own|former|\w+-based)?\s*(?:" + units + r")\b") if units else None
        self._claim_patterns(v)
        mods = v.alternation("attack", "suspect_modifiers", longest_first=True)
        # the party a suspicion modifier qualifies: "suspected X gunmen", "suspected members of X",
        # "des hommes armes presumes du X", "de presumes jihadistes de X" (the party must follow at once)
        self.suspect_rx_np = re.compile(r"(?:(?:an?|the|des|de|les|d')\s*)?(?:[\w-]+\s+){0,3}?(?:" + mods + r")\s+(?:(?:[\w-]+\s+)?"
                                        r"(?:members?|fighters|elements|militants|membres|combattants|elements|jihadistes|djihadistes)"
                                        r"\s+)?(?:(?:of|de|du|des|au|aux|a)\s+|d'\s*)?(?:the\s+|l'|la\s+)?") if mods else None
        self.suspect_before_rx = re.compile(r"(?:^|[\s,(])(?:" + mods + r")\s+(?:(?:of|de|du|des|au|aux|a)\s+|d'\s*)?"
                                            r"(?:the\s+|l'|la\s+)?$") if mods else None
        self.agent_of_nouns = frozenset(v.words("attack", "agent_of_nouns"))
        leaders = v.alternation("attack", "group_leaders")
        # "its leader was killed", "son chef a ete tue", "le chef du groupe, X, a ete tue": the passive's subject is
        # a group's leader (a possessive, or "of the group"), up to the verb
        self.leader_death_rx = re.compile(
            r"(?:\b(?:its|their|son|sa|leur|leurs)\s+|\bthe\s+group's\s+)(?:[\w-]+\s+)?(?:" + leaders + r")"
            r"(?:\s*,[^,;()]{1,50},)?\s+$|\b(?:the|le|les)\s+(?:" + leaders + r")\s+(?:of\s+the\s+(?:group|organi[sz]ation|movement)|"
            r"du\s+(?:groupe|mouvement)|de\s+l'organisation)(?:\s*,[^,;()]{1,50},)?\s+$") if leaders else None
        mods, ops = v.alternation("attack", "state_modifiers", longest_first=True), v.alternation("attack", "state_operations", longest_first=True)
        # the passive's own clause names a state operation: "in a special forces operation", "lors d'une operation militaire"
        self.state_op_rx = re.compile(r"[^;.]{0,60}?\b(?P<op>in|during|dans|lors\s+d')\s*(?:an?|the|une?|l')\s*(?:[\w-]+\s+)?(?:(?:" + mods + r")\s+(?:[\w-]+\s+)?(?:"
                                      + ops + r")|(?:" + ops + r")\s+(?:(?:de\s+l'|des\s+|du\s+)\s*)?(?:" + mods + r"))\b") if mods and ops else re.compile(r"(?!x)x")
        links = v.alternation("attack", "passive_noun_links")
        # "were killed (on Sunday) in a JNIM ambush", "ont ete tues lors d'un assaut de X": the gap before the noun
        self.passive_noun_rx = re.compile(r"[^.;:]{0,30}?\b(?:" + links + r")\s+(?:(?:an?|the|une?|d'une?|l'|la|le)\s*)?(?:[\w'-]+\s+){0,3}?$"
                                          ) if links else None
        ops = v.alternation("attack", "operation_nouns")
        self.operation_rx = re.compile(r"(?:its|their|son|sa|leur|the\s+(?:group|movement|organi[sz]ation|network)'s?)\s+"
                                       r"(?:[\w-]+\s+){0,3}?(?:" + ops +
                                       r")\b") if ops else re.compile(r"(?!x)x")

    def _claim_patterns(self, v: Vocab) -> None:
        """The forms of a claim told after the attack in its own sentence (see _claims_after)."""
        nouns, part, marks = (v.alternation("attack", k, longest_first=True)
                              for k in ("claimed_nouns", "claimed_participles", "claimant_markers"))
        if not (nouns and part and marks):
            self.claimed_by_rx = self.claimed_rel_rx = None
            self.agent_cues = ()
            return
        agent = v.alternation("attack", "agent_participles", longest_first=True)
        self.agent_cues = tuple(v.words("attack", "agent_participles"))  # (a cheap gate: their words as substrings)
        by_part = part + ("|" + agent if agent else "")  # "an ambush laid by X": the participles of a reduced relative
        dets = after_no_word(["an?", "the", "une?", "l'", "le", "la", "les", "ce", "cette", "that", "this"])  # (first-letter groups: see after_no_word)
        noun = r"(?:" + dets + r")\s*(?:[\w-]+\s+){0,2}?(?P<n>" + nouns + r")"
        # "an attack claimed by X", "un meurtre revendique par X", "an attack that was later claimed in the name of X",
        # "une attaque elle aussi revendiquee par X", "that attack was also claimed by X"
        self.claimed_by_rx = re.compile(noun + r"\s*,?\s+(?:(?:that|which|qui)\s+(?:(?:was|were|has\s+been|had\s+been|a\s+ete|"
                                        r"avait\s+ete|ont\s+ete)\s+)?)?(?:(?!not\b|never\b|pas\b|jamais\b)\w+\s+){0,2}?"
                                        r"(?:" + by_part + r")\s+(?:[\w']+\s+){0,3}?(?:" + marks + r")(?:\s+|(?<='))")
        # "an attack it later claimed.", "une operation que le JNIM avait revendiquee en ...": the claim verb has no object of its own
        self.claimed_rel_rx = re.compile(noun + r"\s+(?:that\s+|which\s+|que\s+|qu')?(?:[^\s,;]+\s+){1,4}?(?P<v>" + part +
                                         r")(?=\s*(?:[,.;:)]|$)|\s+(?:within|on|in|as|too|the\s+next|the\s+following|en|dans|le|la|"
                                         r"quelques|deux|trois|aussitot|sur)\b)")
        # "...; X claimed the ambush", "and X claimed both blasts", "X claimed it", "et X l'a revendiquee"
        claim_words = v.words("attack", "claim_verbs") + v.words("attack", "claimed_participles")
        self.claim_verb_rx = compile_phrases(claim_words)
        # the longest word of each claim verb and participle: a match of claimed_rel_rx (its participle) or of claim_verb_rx
        # holds one of them as it is (phrase_pattern: the words, escaped, between spaces); None where a phrase has no word
        self.claim_cues = _longest_words(claim_words)
        self.claim_object_rx = re.compile(r"\s+(?:(?:also|later|quickly|swiftly|aussi|egalement)\s+)?(?:responsibility\s+for\s+|"
                                          r"la\s+responsabilite\s+de\s+)?(?:(?:the|that|this|both|these|those|l'|le|la|les|ce|cette|"
                                          r"cet|ces)\s*(?:[\w-]+\s+){0,2}?(?P<n>" + nouns + r")(?![\w])|(?:it|them)(?![\w])|"
                                          r"responsibility(?!\s+for)(?![\w]))")

    def perpetrator(self, sent, mem, fr, a, inherited):
        """(False, None, False) where frame `fr` (opening at `a`) tells no attack by an armed group, else
        (True, its perpetrator or None, alleged); alleged: the attack noun is the object of a suspicion
        or an attribution ("officials suspect X of the assault", "blamed the ambush on X");
        `inherited`: the first frame's perpetrator."""
        s, e, kind = fr[0]
        if kind == "passive":
            nxt = re.findall(r"[\w']+", sent.low[e:e + 40])[:4]
            if not self.triggers.state_mod.isdisjoint(nxt) or self._in_state_operation(sent, e):
                return False, None, False  # "killed in a French raid", "killed with his men in a special forces operation"
            victim = self.an.subject_cand(sent, s)
            if (victim is not None and victim.kind == "entity" and self._militant(victim.mention)) or (
                    (victim is None or victim.kind == "anaphor") and self.triggers.rel.led_group(sent, s) is not None):
                return False, None, False  # "Shekau had been killed", "the leader of X was killed": an actor's death, no attack by one
            by = re.match(r"[^.;]{0,40}?\b(?:by|par)\s+", sent.low[e:e + 60])
            if by is None and self.leader_death_rx is not None and self.leader_death_rx.search(sent.low, max(0, s - 90), s):
                return False, None, False  # "its leader was killed", "son chef a ete tue" (by no one named): a militant leader's death
            if by is None:
                return True, self._passive_noun_agent(sent, mem, fr, e), False
            head = [_ELIDED.sub("", w) for w in WORD_RX.findall(sent.low, e + by.end(), e + by.end() + 40)[:3]]
            head = head[1:] if head and head[0] in self.triggers.dets | _PLURAL_DETS else head
            if any(w in self.triggers.state_agents or w in self.triggers.state_mod for w in head[:2]):
                return False, None, False  # "were shot dead by police", "abattus par des soldats": a state operation
            suspect = self.suspected_party(sent, e + by.end(), mem)  # "by suspected X gunmen": X, hedged
            return True, (suspect or self.an.first_after(sent, e + by.end(), mem)), suspect is not None
        pos = s
        if kind == "noun":
            blamed = self.attributed_noun(sent, s, e, mem)
            if blamed is not None:
                return True, blamed, True  # "officials blamed the ambush on X"
            suspect_at = self.suspected(sent, a, s) if self.suspect_rx is not None else None
            if suspect_at is not None:
                who = self.an.first_after(sent, suspect_at, mem, limit=20)
                return True, (None if who is GENERIC else self._leader_unit(sent, who, mem)), True
            gov = [g for g in self.gov_rx.finditer(sent.low, a, s)]
            if not gov:
                claim = self._claim_of(sent, a, s)
                if claim is None:
                    return True, self._noun_agent(sent, mem, s, e, inherited) or self._possessor_of_operation(sent, mem, e), False
                gov = [claim]
            pos = gov[-1].start()
        c = self.subject(sent, pos)
        if c is not None and c.kind == "entity" and c.mention.kind in _NON_ACTOR:
            return False, None, False
        suspect = c is not None and self.suspect_rx_np is not None and (  # "Suspected X fighters killed": X, hedged
            c.kind in ("entity", "owned") and self.suspect_before_rx.search(sent.low, max(0, c.start - 40), c.start) is not None)
        if c is not None and c.kind == "generic" and self.suspect_rx_np is not None:
            who = self.suspected_party(sent, c.start, mem)  # "des hommes armes presumes du JNIM ont tue": JNIM, hedged
            if who is not None:
                return True, who, True
        if c is None:
            coordinated = sent.word_before(pos, skip=("also", "then", "simultaneously")) == "and"
            ref = self.an.sentence_subject(sent, mem) if coordinated else inherited
        else:
            ref = self.an.resolve(sent, c, mem)
            if ref is not None and ref is not GENERIC and ref.id:
                # "fighters of Belmokhtar's new battalion stormed"; "his men abducted": the group he leads
                # (not "X and his men": X, who acts himself)
                if c.kind != "generic":
                    ref = self._leader_unit(sent, ref, mem)
                elif not self.an.with_owner(sent, c):
                    ref = self._leader_group(ref)
        return True, (None if ref is GENERIC else ref), bool(suspect) and is_party(ref)

    def _in_state_operation(self, sent: Sent, e: int) -> bool:
        """The passive ending at `e` happened in a state operation ("was killed with eight of his men in a
        special forces operation"), not in an attack told first ("killed in an ambush during a military operation")."""
        m = self.state_op_rx.match(sent.low, e)
        return m is not None and not any(e <= s2 < m.start("op") and k == "noun" for s2, _, k in self.triggers.spans(sent))

    def suspected_party(self, sent: Sent, pos: int, mem: Memory) -> EntityRef | None:
        """The group or leader a suspicion modifier names at `pos` ("suspected AQIM gunmen", "des
        hommes armes presumes de l'EIGS"), else None ("suspected jihadists": no party named)."""
        if self.suspect_rx_np is None:
            return None
        m = self.suspect_rx_np.match(sent.low, pos)
        if m is None or any(w in (",", ";") for w in sent.low[pos:m.end()]):
            return None
        who = next((x for x in sent.mentions if m.end() <= x.start <= m.end() + 1 and x.kind in ("group", "person") and x.entity_id), None)
        return None if who is None else self._leader_unit(sent, ref_of(who), mem)

    def attributed_noun(self, sent: Sent, s: int, e: int, mem: Memory):
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

    def suspected(self, sent: Sent, a: int, s: int) -> int | None:
        """Where the suspect opens when a suspicion verb governs attack noun `s` ("officials suspect the
        group's fighters of an assault on", "accusent X d'avoir mene l'attaque"), else None."""
        if not any(map(sent.low.__contains__, _SUSPECT_CUES)) or not any(
                w in self.suspect_words for w in self.triggers.before(sent, s, 12)):
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
        return self._leader_group(ref)

    def _leader_group(self, ref: EntityRef) -> EntityRef:
        """The group a person leads, for his followers acting ("his men", "ses combattants"): they
        fight for it. A group, or a person who leads none, stays itself."""
        group = self.triggers.rel.to_group(ref)
        return ref if group is ref else EntityRef(group.id, group.name, group.name)  # (named as the group, not as him)

    def _claim_of(self, sent: Sent, a: int, s: int):
        """A claim verb whose object is attack noun `s` ("it claimed a two-day hostage siege", "by
        claiming the abduction"), else None."""
        if "claim" not in sent.low and "revendiq" not in sent.low:
            return None
        for m in self.claim_rx.finditer(sent.low, max(a, s - 60), s):
            if _CLAIMED_GAP.fullmatch(sent.low, m.end(), s) or (
                    self.triggers.time_possessed(sent, s) and POSSESSIVE_GAP.fullmatch(sent.low, m.end(), s)):
                return m
        return None

    def _possessor_of_operation(self, sent: Sent, mem: Memory, e: int):
        """"Its first big operation, in 2016, was the capture of ... during the siege", "Its deadliest
        attack, on May 3, killed ...", "The group's worst raid came in May, when ...": the sentence's
        subject is the operation of the group a possessive opener stands for (`e`: the end of the
        attack noun, the operation noun itself or one after it)."""
        m = self.operation_rx.match(sent.low)
        if m is None or m.end() > e:
            return None
        return mem.last_group  # (the group a group possessive stands for: the last one named)

    def subject(self, sent: Sent, pos: int):
        """The subject candidate at `pos`; in "JNIM, Ansar Dine's successor in the region, claimed",
        the head of the apposition (JNIM), not the possessor inside it."""
        c = self.an.subject_cand(sent, pos)
        if c is not None and c.kind == "entity" and sent.low[:pos].rstrip().endswith(","):
            first = self.an.sentence_subject_cand(sent)  # "JNIM, the coalition formed by A, B and C, claimed": JNIM
            if (first is not None and first is not c and first.kind == "entity" and first.mention.kind in ("group", "person")
                    and ASIDE_OPENS.match(sent.low, first.end)):
                return first
        if c is not None and c.kind == "entity" and c.mention.kind == "person":  # "le groupe X de l'imam Y a tue": X
            head = [k for k in sent.cands if k.end <= c.start and k.kind == "entity"]
            if head and head[-1].mention.kind == "group" and _LED_BY.fullmatch(sent.low, head[-1].end, c.start):
                return head[-1]
        if c is None or c.kind != "entity" or not _POSSESSED.match(sent.low, c.end):
            return c
        head = [k for k in sent.cands if k.end <= c.start and k.kind in ("entity", "owned")]
        if head and _APPOSED.fullmatch(sent.low, head[-1].end, c.start) and head[-1].mention.kind in ("group", "person"):
            return head[-1]
        return c

    def denier(self, sent: Sent, mem: Memory, s: int) -> EntityRef | None:
        """The party that denies the attack at `s` ("JNIM denied any involvement in the attack",
        "le JNIM a nié toute implication dans l'attaque"): the subject of the denial verb before it."""
        deny = None
        for deny in self.deny_rx.finditer(sent.low, max(0, s - 80), s):
            pass
        if deny is None:
            return None
        c = self.subject(sent, deny.start())
        who = self.an.resolve(sent, c, mem) if c is not None else None
        return who if is_party(who) else None

    def _militant(self, m) -> bool:
        """A known armed group, or a person who leads one."""
        return bool(m.entity_id) and (m.kind == "group" or (m.kind == "person" and self.an.kb.leader_group(m.entity_id) is not None))

    def _noun_agent(self, sent, mem, s, e, inherited):
        prev = self.triggers.before(sent, s, 3)
        if "another" in prev:
            return inherited or mem.last_perpetrator
        own = [m for m in sent.mentions if 0 <= s - m.end <= 12 and m.kind in ("group", "person")]
        if own:
            return ref_of(own[-1])
        by = re.match(r"\s+by\s+", sent.low[e:e + 8])
        if by:
            return self.an.first_after(sent, e + by.end(), mem)
        return self._author_after(sent, s, e) or self._agent_after_object(sent, e) or inherited

    def _agent_after_object(self, sent: Sent, e: int) -> EntityRef | None:
        """The armed group or leader named by "by" / "par" after the object of the attack noun ending
        at `e` ("the attack on Gao by MUJAO", "l'enlevement de deux Francais par AQMI"), else None."""
        m = _OBJECT_THEN_BY.match(sent.low, e)
        if m is None:
            return None
        who = next((x for x in sent.mentions if x.start == m.end()), None)
        return ref_of(who) if who is not None and self._militant(who) else None

    def _author_after(self, sent: Sent, s: int, e: int) -> EntityRef | None:
        """The group named right after "de" that is the author of attack noun [s, e) ("l'attaque de
        Boko Haram contre ...", "un assaut du JNIM"); None for another noun ("l'enlevement de X") or
        another complement (a place: "l'attaque de Kolmari"; the army: "l'attaque de l'armee")."""
        if sent.low[s:e] not in self.agent_of_nouns:
            return None
        of = _OF_GROUP.match(sent.low, e)
        if of is None:
            return None
        m = next((m for m in sent.mentions if m.start == of.end()), None)
        return ref_of(m) if m is not None and m.kind == "group" else None

    def _passive_noun_agent(self, sent, mem, fr, e):
        """The author of the attack noun that follows a passive in its frame ("were killed on Sunday in
        a JNIM ambush", "ont ete tues lors d'un assaut de Boko Haram"), else None."""
        if self.passive_noun_rx is None:
            return None
        for s2, e2, kind in fr[1:]:
            if kind == "noun" and s2 - e <= 60 and self.passive_noun_rx.match(sent.low, e, s2):
                return self._noun_agent(sent, mem, s2, e2, None)
        return None

    def attributed(self, sent: Sent, mem: Memory, drafts: list[Draft]) -> None:
        """"...; the attack was blamed on X", "la tuerie de Y, ou ..., est attribuee par des sources a
        X", "les autorites les avaient imputes a X", "et que l'armee attribue a X": X is the (hedged)
        perpetrator of the attacks told before in the sentence that name none."""
        for v, who, hedged in self.attributions(sent, mem):
            for d in drafts:
                if d.trig[0] < v and d.subject is None:
                    d.subject = who
                    d.polarity = "hedged" if hedged and d.polarity == "asserted" else d.polarity

    def attributions(self, sent: Sent, mem: Memory) -> list:
        """(offset, party, hedged) of each attribution of an attack told before it in the sentence:
        "was blamed on X" (hedged), "was (probably) the work of X" (`works_of`)."""
        out = self.works_of(sent, mem) if has_work_cue(sent.low) else []
        out += self._active_attributions(sent, mem)
        out += self._suspects_named(sent, mem)
        if self.attrib_rx is None or not any(map(sent.low.__contains__, _ATTRIB_CUES)):
            return out
        for m in self.attrib_rx.finditer(sent.low):
            if not self._attribution_of_attack(sent, m.start()):
                continue
            to = _ATTRIB_TO.search(sent.low, m.end(), m.end() + 70) if sent.low[m.end() - 3:m.end()] not in (" on", " to") else None
            who = self.an.first_after(sent, to.end() if to else m.end(), mem, limit=30)
            if is_party(who):
                out.append((m.start(), who, True))
        return out

    def _suspects_named(self, sent: Sent, mem: Memory) -> list:
        """(offset, party, True) where a suspicion verb names a party at once, after the attack told
        ("killing 18 people; police suspected Boko Haram", "les autorites soupconnent le JNIM")."""
        if self.suspects_after_rx is None or not any(map(sent.low.__contains__, _SUSPECT_CUES)):
            return []
        out = []
        for m in self.suspects_after_rx.finditer(sent.low):
            c = next((c for c in sent.cands if m.end() <= c.start <= m.end() + 4), None)
            if c is None or not _CLAUSE_END.match(sent.low, c.end):
                continue  # ("suspect the group's fighters of an assault": see `suspected`)
            who = self.an.first_after(sent, c.start, mem, limit=0)
            if is_party(who) and who.id:
                out.append((m.start(), who, True))
        return out

    def _active_attributions(self, sent: Sent, mem: Memory) -> list:
        """(offset, party, hedged) where an attribution or a suspicion verb governs a definite attack
        noun: "officials blamed the attack on X", "l'armee a attribue l'attaque a X", "the army
        blamed X for the ambush" (the attack already told: the noun's own frame has no anchor)."""
        low = sent.low
        if not (any(map(low.__contains__, _ATTRIB_CUES)) or any(map(low.__contains__, _SUSPECT_CUES))):
            return []
        out = []
        for s, e, kind in self.triggers.spans(sent):
            if kind != "noun" or not self.triggers.definite(sent, s):
                continue
            who = self.attributed_noun(sent, s, e, mem)
            if who is None and self.suspect_rx is not None:
                at = self.suspected(sent, 0, s)
                who = self.an.first_after(sent, at, mem, limit=20) if at is not None else None
            if is_party(who):
                out.append((s, who, True))
        return out

    def works_of(self, sent: Sent, mem: Memory) -> list:
        """(offset, party, hedged) of each "the work of X" said of an attack: its subject is an
        attack noun ("the ambush near Gao, which killed 9, was the work of X", "une attaque qui
        serait l'oeuvre de X") or a pronoun opening its clause ("Selon des sources, elle serait
        l'oeuvre de X": the attack just told). Hedged where the copula is conditional or a hedge
        comes before "the work of" ("was probably", "is thought to be", "serait")."""
        out, low = [], sent.low
        for m in _WORK_OF.finditer(low):
            head = low[max(0, m.start() - 200):m.start()]
            pronoun = _WORK_PRONOUN.search(head) is not None
            if not pronoun and not any(k in ("noun", "bare") and _WORK_SUBJECT.fullmatch(low, e, m.start())
                                       for s, e, k in self.triggers.spans(sent) if e <= m.start()):
                continue
            who = self.an.first_after(sent, m.end(), mem, limit=30)
            if not is_party(who):
                continue
            hedged = m.group("cop").split()[0] in _CONDITIONAL or (
                self.work_hedge_rx is not None and self.work_hedge_rx.search(m.group("gap")) is not None)
            out.append((m.start(), who, hedged))
        return out

    def _attribution_of_attack(self, sent: Sent, v: int) -> bool:
        """The attribution verb at `v` is said of an attack: its subject is an attack noun (with
        an aside: "the raid, which killed 9, was blamed on"), a pronoun object after a trigger
        ("les avait imputes", "blamed it on"), or a relative on an attack noun ("et que l'armee
        attribue"); not "a message attributed to X"."""
        head = sent.low[max(0, v - 170):v]
        trigs = [t for t in self.triggers.spans(sent) if t[1] <= v]
        if not trigs:
            return False
        if _OBJ_PRONOUN.search(head) or re.search(r"\b(?:it|them)\s+(?:on|to)\b", sent.low[v:v + 20]):
            return True  # "les autorites les avaient imputes a", "blamed it on"
        if self.apposed_attack_rx is not None and self.apposed_attack_rx.search(head):
            return True  # "..., un crime attribue a X"
        for s, e, kind in reversed(trigs):
            if kind in ("noun", "bare") and (_ATTRIB_SUBJECT.fullmatch(sent.low, e, v) or _ATTRIB_REDUCED.fullmatch(sent.low, e, v)
                                             or _ATTRIB_RELATIVE.fullmatch(sent.low, e, v)):
                return True
        return False

    def claimed_after(self, sent: Sent, mem: Memory, drafts: list[Draft]) -> None:
        """A claim told after an attack in its sentence names its perpetrator: "Gunmen killed 14
        people in X, an attack claimed by Y", "..., an attack it later claimed", "...; Y claimed the
        ambush the next day", "..., et Y l'a revendiquee": the claimant is given to the attack
        whose trigger comes last before the claim (not past a reference word: "... days after an
        attack claimed by Y"), or to the claimed noun's own attack where it tells one."""
        if self.claimed_by_rx is None or not ("claim" in sent.low or "revendiq" in sent.low
                                              or any(map(sent.low.__contains__, self.agent_cues))):
            return
        for pos, who, noun in self._claims_after(sent, mem):
            own = [d for d in drafts if noun is not None and d.trig[0] == noun[0]]
            before = [d for d in drafts if d.trig[0] < pos]
            if not own and before:
                last = max(d.trig[0] for d in before)
                if self.triggers.references(sent.low, max(d.trig[1] for d in before if d.trig[0] == last), pos):
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
        if self.claim_cues is not None and not any(map(low.__contains__, self.claim_cues)):
            return [x for x in out if is_party(x[1])]  # (no claim verb nor participle: the other two forms cannot match)
        for m in self.claimed_rel_rx.finditer(low):
            c = self.subject(sent, m.start("v"))
            out.append((m.start(), self.an.resolve(sent, c, mem) if c is not None else None, m.span("n")))
        for m in self.claim_verb_rx.finditer(low):
            obj = self.claim_object_rx.match(low, m.end())
            pron = None if obj else _OBJ_PRONOUN_BEFORE.search(low, max(0, m.start() - 24), m.start())
            if obj is None and pron is None:
                continue
            c = self.subject(sent, pron.start() if pron else m.start())
            out.append((m.start(), self.an.resolve(sent, c, mem) if c is not None else None, obj.span("n") if obj and obj.group("n") else None))
        return [x for x in out if is_party(x[1])]


def _longest_words(phrases: list[str]) -> tuple[str, ...] | None:
    """The longest word of each phrase (as phrase_pattern cuts it: folded, a trailing `*` dropped),
    less those that hold another of them ("revendiquee": "revendique" is in it), or None where a
    phrase has none (its pattern would match an empty string)."""
    words = [fold(str(p)).strip().rstrip("*").split() for p in phrases]
    if not all(words):
        return None
    longest = {max(ws, key=len) for ws in words}
    return tuple(sorted(w for w in longest if not any(c != w and c in w for c in longest)))


POSSESSIVE_GAP = re.compile(r"\s+(?:\w+\s+)?(?:responsibility\s+for\s+)?(?:last\s+|this\s+)?[\w]+(?:\s+\w+)?'s\s+(?:[\w-]+\s+){0,3}?")
_CLAIMED_GAP = re.compile(r"\s+(?:responsibility\s+for\s+|la\s+responsabilite\s+de\s+)?(?:the|a|an|this|that|these|those|both|several|"
                          r"two|three|four|five|l'|le|la|les|une?|cette|cet|ces|plusieurs|deux|trois|quatre|cinq|\d+)\s*(?:[\w-]+\s+){0,2}")
_POSSESSED = re.compile(r"'s?\s+(?!men\b|fighters\b|militants\b|gunmen\b|followers\b|members\b)[a-z]+")
# an attack noun's object, then its author: "the attack on Gao |by |MUJAO", "l'enlevement de deux Francais |par |AQMI"
_OBJECT_THEN_BY = re.compile(r"\s+(?:of|on|against|at|de|du|des|d'|contre|sur)\s*[^,;:.()]{1,40}?\s(?:by|par)\s+"
                             r"(?:the\s+|le\s+|la\s+|les\s+|l')?")
_LED_BY = re.compile(r"\s+(?:of|de|du|d')\s*(?:l')?(?:[\w-]+\s+)?")  # "X de l'imam Y", "X du chef Y", "X of preacher Y"
_APPOSED = re.compile(r"\s*\)?\s*(?:\([^()]*\)\s*)?,\s*")
_CLAIM_NP_END = re.compile(r"[,;:.()]|\s(?:and|et|but|mais|while|which|that|qui)\s")
_OBJ_PRONOUN_BEFORE = re.compile(r"(?:(?<![\w'])l'|(?<![\w'])les\s+)(?:(?:a|avait|ont|avaient|aurait|auraient)\s+)?$")  # "l'a revendiquee"
_WORK_CUES = ("work of", "uvre d")  # ("oeuvre", "œuvre": folding keeps the ligature)
_WORK_OF = re.compile(r"\b(?P<cop>was|were|is|are|(?:has|have|had|may\s+have|might\s+have|could\s+have|must\s+have)\s+been|est|sont|etait|"
                      r"etaient|fut|serait|seraient|aurait\s+ete|auraient\s+ete|semble\s+etre|seems\s+to\s+be|appears\s+to\s+be)\s+"
                      r"(?P<gap>(?:[\w-]+,?\s+){0,4}?)(?:the\s+(?:handi)?work\s+of|l'(?:oe|\u0153)uvre\s+(?:de\s+|d'|du\s+|des\s+))")
# an attack noun's own modifiers: "(the ambush) near Gao", "(l'attaque) contre le camp de X"
_NOUN_MODIFIERS = r"(?:\s+(?:of|in|at|on|near|against|de|du|d'|a|pres\s+de|contre)\s*[^,;]{0,60}?)?"
_CONDITIONAL = ("may", "might", "could", "must", "serait", "seraient", "aurait", "auraient", "semble", "seems", "appears")
# the attack noun's own modifiers and an aside, then the copula, or a relative on it ("une attaque qui serait")
_WORK_SUBJECT = re.compile(_NOUN_MODIFIERS + r"(?:\s*,[^;]{0,140}?,)?"
                           r"(?:\s*,?\s*(?:which|that|qui)\b)?\s+")
_WORK_PRONOUN = re.compile(r"(?:^|[,;:]\s*|\bet\s+|\band\s+)(?:it|elle)\s+$")


def has_work_cue(low: str) -> bool:
    """Could the (folded) sentence say that an attack was "the work of" someone (cheap test)?"""
    return any(map(low.__contains__, _WORK_CUES))


_ELIDED = re.compile(r"^[a-z]'")
_PLURAL_DETS = frozenset({"des", "les", "some", "de", "du"})
_CLAUSE_END = re.compile(r"\s*(?:[,;.:)]|$)|\s+(?:although|though|but|while|mais|bien\s+que|alors\s+que|meme\s+si)\b")
_SUSPECT_CUES = ("suspect", "accus", "blame", "soupcon")
_ATTRIB_CUES = ("blame", "attribu", "imput", "pinned")
_ATTRIB_TO = re.compile(r"\b(?:on|to|a|au|aux)\s+")
_OBJ_PRONOUN = re.compile(r"(?:;|,|\bet)\s+(?:\w+\s+){0,3}(?:les|l')\s*(?:(?:avaient|avait|ont|a|auraient|aurait)\s+)?(?:\w+ment\s+|aussitot\s+|deja\s+)?$"
                          r"|\bque\s+(?:\w+\s+){1,3}$")
# a participle right after the attack noun and its modifiers: "an attack (on a post) blamed on X", "un attentat attribue a X"
_ATTRIB_REDUCED = re.compile(_NOUN_MODIFIERS + r"\s*,?\s+"
                             r"(?:(?:widely|largely|later|since|officially|generally|largement|depuis|officiellement|generalement)\s+)?")
# a relative on the attack noun whose subject attributes it: "an attack (that) the police blamed on X", "un massacre que Bamako imputa a X"
_ATTRIB_RELATIVE = re.compile(r"\s+(?:that\s+|which\s+|que\s+|qu')?(?:[\w-]+\s+){1,3}?(?:(?:had|has|have|avait|avaient|a|ont)\s+)?")
_ATTRIB_SUBJECT = re.compile(_NOUN_MODIFIERS + r"(?:\s*,[^;]{0,140}?,)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|"
                             r"a\s+ete|ont\s+ete|avait\s+ete|avaient\s+ete|est|sont|etait|etaient|fut)\s+(?:\w+\s+)?|(?:\w+\s+){0,2}?et\s+que\s+(?:\w+\s+){1,3})")
