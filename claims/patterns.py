"""Pledge, split and merger patterns over one analysed sentence.

Every rule is about the language, never about a named actor: trigger phrases come from
claims/vocab/*.yaml, parties from claims.discourse. A pledge to a leader is a pledge to
the group he leads (KB `leads`). A statement hedged by a modal or negated is not a claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.discourse import GENERIC, Analyzer, Memory, Sent, ref_of
from claims.kb import KnowledgeBase
from claims.model import EntityRef
from claims.vocab import Vocab

_NOT_A_CUE = re.compile(r"\bnot\s+(?:to\s+mention|only)\b|\b(?:in|since|last|early|late|mid|of|until|by)\s+may\b")  # "in May"
_POSSESSIVE = re.compile(r"\b(?:its|their)\b")
# ("ne" is also the folded participle "né": "né au Sahara", "né en 1980", "né le 3 mai" are no negation)
_NEG = re.compile(r"\b(?:not|never|no\s+longer|without|neither|nor)\b|n't\b|\bn'"
                  r"|\bne\b(?!\s+(?:en|au|aux|a|dans|de|du|des|d'|vers|pres|le\s+\d|\d))")


@dataclass
class Draft:
    type: str
    trig: tuple[int, int]
    subject: EntityRef | None = None
    object: EntityRef | None = None
    members: tuple[EntityRef, ...] = ()
    subj_span: tuple[int, int] | None = None
    date: str | None = None
    place: str | None = None
    country: str | None = None
    killed: int | None = None
    wounded: int | None = None
    kidnapped: int | None = None
    polarity: str = "asserted"
    confidence: float = 0.75
    extra: dict = field(default_factory=dict)


def is_party(ref: EntityRef | None) -> bool:
    return ref is not None and ref is not GENERIC


class RelationPatterns:
    def __init__(self, kb: KnowledgeBase, an: Analyzer, v: Vocab):
        self.kb, self.an, self.v = kb, an, v
        verbs = "|".join(sorted((p for p in _pats(v, "pledge", "pledge_verbs")), key=len, reverse=True))
        nouns = "|".join(_pats(v, "pledge", "allegiance_nouns"))
        to = "|".join(_pats(v, "pledge", "to"))
        self.pledge_rx = re.compile(rf"(?<![\w'])(?:(?:{verbs})\s+(?:[\w']+\s+){{0,2}}?)?(?:{nouns})\s+(?:{to})(?!\w)")
        self.join_rx = v.rx("pledge", "join_verbs")
        self.owner_rx = re.compile(r"'s?\s+(?:" + nouns + r")\b")
        self.accept_rx = re.compile(v.rx("pledge", "accept_verbs").pattern + r"\s+(?:the\s+|its\s+|their\s+|l'|la\s+|le\s+)?"
                                    + r"(?:" + nouns + r"|pledge|oath)\s+(?:of|from|de|du|d')\s*(?:the\s+)?")
        self.list_rx = v.rx("pledge", "list_intro")
        self.split_rx = re.compile(v.rx("split", "split_verbs").pattern + "|" + v.rx("split", "split_nouns").pattern)
        self.found_rx = re.compile(r"(?:\s+[\w']+){0,3}?\s+to\s+(?:" + "|".join(_pats(v, "split", "found_verbs")) + r")\b")
        self.create_rx = re.compile(r"\b(?:to|pour)\s+(?:" + "|".join(_pats(v, "split", "found_verbs")) + r")\b")
        parts = "|".join(_pats(v, "common", "origin_participles"))
        self.origin_rx = re.compile(r"(?<![\w'])(?:" + parts + r")\b(?:\s+(?:en|in)\s+[\w\s]{1,20}?)?\s*"
                                    r"(?:de\s+la|de\s+l'|d'une|d'un|du|from\s+(?:the|a|an)|out\s+of\s+(?:the|a|an)|of\s+(?:the|a|an))\s*$")
        self.modal_rx = v.rx("common", "modal")
        self.realised_rx = v.rx("common", "realised_to")
        self.hedge_rx = v.rx("common", "hedge")
        self.deny_rx = v.rx("common", "deny")

    def polarity(self, sent: Sent, s: int, e: int) -> str:
        """denied (a denial after the claim or before it), hedged (a hedge cue before it), asserted."""
        if self.deny_rx.search(sent.low, e) or self.deny_rx.search(sent.low[max(0, s - 60):s]):
            return "denied"
        if self.hedge_rx.search(sent.low[:e]):  # a hedge before the claim or in its verb ("auraient ete tues")
            return "hedged"
        return "asserted"

    # ---- shared --------------------------------------------------------------------
    def blocked(self, sent: Sent, s: int) -> bool:
        """Negated, modal or intended ("could pledge", "plans to join", "not the first defection")."""
        window = sent.low[max(0, s - 40):s]
        if "not" in window or "may" in window:  # else _NOT_A_CUE cannot match (a cheap test first)
            window = _NOT_A_CUE.sub(" ", window)
        words = window.split()[-5:]
        tail = " ".join(words)
        if _NEG.search(tail) or self.modal_rx.search(tail):
            return True
        if words and words[-1] == "to" and not (len(words) > 1 and self.realised_rx.fullmatch(words[-2])):
            return True
        return False

    def to_group(self, ref: EntityRef | None) -> EntityRef | None:
        if not is_party(ref) or not ref.id:
            return ref
        ent = self.kb.entities.get(ref.id)
        if ent and ent.kind == "person":
            led = self.kb.leader_group(ref.id)
            if led:
                g = self.kb.entities[led]
                return EntityRef(id=g.id, name=g.name, text=ref.text)
        return ref

    def list_after(self, sent: Sent, pos: int) -> list[tuple[EntityRef, tuple[int, int]]]:
        m = self.list_rx.search(sent.low, pos, pos + 40)
        if not m:
            return []
        out, cursor = [], m.end()
        for men in sent.mentions:
            if men.start < cursor:
                continue
            gap = sent.text[cursor:men.start]
            if out and not re.fullmatch(r"(?:\s+in\s+[A-Z][\w\s'-]{0,30})?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)", gap):
                break
            if not out and gap.strip(" ,:"):
                break
            if men.kind not in ("group",):
                break
            out.append((ref_of(men), (men.start, men.end)))
            cursor = men.end
        return out

    def _subject(self, sent: Sent, s: int, mem: Memory):
        c = self.an.subject_cand(sent, s)
        coordinated = sent.word_before(s, skip=("also", "then", "later", "subsequently")) == "and"
        if c is not None and self.an.partitive(sent, c):  # "part of X's fighters joined Y": not X
            return None, None
        if c is None:
            return (self.an.sentence_subject(sent, mem) if coordinated else None), None
        span = (c.start, c.end) if c.kind in ("entity", "owned") else None
        return self.an.resolve(sent, c, mem), span

    def coordinated(self, sent: Sent, subj: EntityRef, span) -> list[tuple[EntityRef, tuple[int, int] | None]]:
        """The subject and the parties coordinated before it: "A, B and C have joined X"."""
        out = [(subj, span)]
        if span is None:
            return out
        cursor = span[0]
        for m in reversed([m for m in sent.mentions if m.end <= cursor and m.kind in ("group", "person")]):
            if not re.fullmatch(r"\s*(?:,|\band\b|\bet\b|,\s*(?:and|et)\b)\s*", sent.low[m.end:cursor]):
                break
            out.insert(0, (ref_of(m), (m.start, m.end)))
            cursor = m.start
        return out

    # ---- pledges -------------------------------------------------------------------
    def pledges(self, sent: Sent, mem: Memory) -> list[Draft]:
        """(A pattern whose trigger list the sentence lacks, `sent.cues`, cannot match: not run.)"""
        out, cues = [], sent.cues
        # "X accepted the pledge of Y": Y pledged to X
        for m in self.accept_rx.finditer(sent.low) if ("pledge", "accept_verbs") in cues else ():
            obj = self.to_group(self.an.subject_left(sent, m.start(), mem))
            sub = self.an.first_after(sent, m.end(), mem, limit=40)
            if is_party(obj) and is_party(sub) and (sub.id or sub.name) != (obj.id or obj.name) and not self.blocked(sent, m.start()):
                out.append(Draft("pledge", (m.start(), m.end()), subject=sub, object=obj))
        for m in self.pledge_rx.finditer(sent.low) if ("pledge", "allegiance_nouns") in cues else ():
            out += self._pledge_at(sent, mem, m.start(), m.end(), limit=70, owner=self._noun_owner(sent, m, mem))
        for m in self.join_rx.finditer(sent.low) if ("pledge", "join_verbs") in cues else ():
            own = _POSSESSIVE.search(m.group())  # "rejoined its ranks": the object is the pronoun's owner
            out += self._pledge_at(sent, mem, m.start(), m.end(), limit=14, obj_from=m.start() + own.start() if own else None)
        return out

    def _noun_owner(self, sent: Sent, m: re.Match, mem: Memory):
        """"(who pledged) the new alliance's loyalty to X": the possessor of the allegiance noun
        is the pledging party, whoever utters it. (ref, span) or None."""
        if "'" not in sent.low[max(0, m.start() - 40):m.end()]:
            return None
        for c in reversed(sent.cands):
            if c.end > m.end() or c.end < m.start() - 40:
                continue
            own = self.owner_rx.match(sent.low, c.end)
            if own and own.end() <= m.end() and c.kind in ("entity", "anaphor"):
                ref = self.an.resolve(sent, c, mem)
                return (ref, (c.start, c.end) if c.kind == "entity" else None) if is_party(ref) else None
        return None

    def _pledge_at(self, sent: Sent, mem: Memory, s: int, e: int, limit: int, obj_from: int | None = None,
                   owner=None) -> list[Draft]:
        if self.blocked(sent, s) or re.search(r"\bre\s*$", sent.low[max(0, s - 3):s]):
            return []
        if obj_from is not None:
            e, limit = obj_from, 0
        obj = self.to_group(self.an.first_after(sent, e, mem, limit=limit))
        if not is_party(obj):
            return []
        subj, span = owner if owner else self._subject(sent, s, mem)
        if is_party(subj) and _same(subj, obj) and span is not None:  # "AQIM said that X had rejoined its ranks"
            obj = self._other_owner(sent, e, limit, span[0], subj)
            if not is_party(obj):
                return []
        subjects = self.coordinated(sent, subj, span) if is_party(subj) else self.list_after(sent, e)
        out = []
        for sub, sp in subjects:
            if is_party(sub) and (sub.id or sub.name) != (obj.id or obj.name):
                out.append(Draft("pledge", (s, e), subject=sub, object=obj, subj_span=sp))
        return out

    def _other_owner(self, sent: Sent, e: int, limit: int, before: int, subj: EntityRef) -> EntityRef | None:
        """A possessive pronoun object ("its ranks", "their fold") that cannot be the subject's own:
        the group named before the subject in the sentence."""
        c = next((k for k in sent.cands if e <= k.start <= e + limit), None)
        if c is None or c.kind != "pronoun" or c.person or not c.possessive:
            return None
        for m in reversed(sent.mentions):
            if m.end <= before and m.kind == "group" and not _same(ref_of(m), subj):
                return ref_of(m)
        return None

    def origin(self, sent: Sent, s: int, mem: Memory) -> EntityRef | None:
        """The group a birth participle before `s` describes ("né en 2016 d'une scission ...",
        "born from the merger of ..."): the subject after a sentence-opening participial phrase,
        the actor an apposition describes, the actor before ", né ...", or the subject of "est né"."""
        m = self.origin_rx.search(sent.low, max(0, s - 50), s)
        if m is None:
            return None
        p = m.start()
        if not sent.low[:p].strip(" \"'«"):  # sentence-opening: "Né en 2017 de la fusion de ..., le JNIM"
            comma = sent.low.find(",", s)
            while comma >= 0 and sent.in_paren(comma):
                comma = sent.low.find(",", comma + 1)
            while comma >= 0:  # past the list of members: the first comma not followed by another member
                nxt = self.an.first_after(sent, comma + 1, mem, limit=40)
                if is_party(nxt) and not re.match(r",\s*(?:(?:and|et)\s+)?(?:de|du|des|d'|of)\b", sent.low[comma:comma + 8]):
                    return nxt
                comma = sent.low.find(",", comma + 1)
            return None
        anchor = self.an.apposition_anchor(sent, p)
        if anchor is not None:
            return ref_of(anchor)
        if re.search(r",\s*$", sent.low[:p]):
            c = self.an.subject_cand(sent, p)
            return self.an.resolve(sent, c, mem) if c is not None and c.kind in ("entity", "owned", "anaphor") else None
        if re.search(r"(?:\best|\bwas|\bis|\bsont|\bwere)\s+$", sent.low[:p]):
            return self.an.subject_left(sent, p, mem)
        return None

    # ---- splits --------------------------------------------------------------------
    def splits(self, sent: Sent, mem: Memory) -> list[Draft]:
        out = []
        for m in self.split_rx.finditer(sent.low):
            d = self._split_at(sent, mem, m.start(), m.end(), m.group())
            if d:
                out.append(d)
        return out

    def _split_at(self, sent: Sent, mem: Memory, s: int, e: int, trig: str) -> Draft | None:
        origin = self.origin(sent, s, mem)  # "né en 2016 d'une scission au sein du X", "Ce groupe est né de la dissidence de ... X"
        if origin is not None:
            parent = next((ref_of(m) for m in self.an.mentions_between(sent, e, e + 90, kinds=("group",))), None)
            if not is_party(parent) or _same(parent, origin) or self.blocked(sent, s):
                return None
            mem.last_split_object = parent
            return Draft("split", (s, e), subject=origin, object=parent)
        words = trig.split()
        subj = obj = span = None
        if words[-1] == "of":
            x = self.an.first_after(sent, e, mem)
            frm = re.search(r"\bfrom\b", sent.low[e:e + 80])
            if frm and is_party(x):
                subj, obj = x, self.an.first_after(sent, e + frm.end(), mem)
            elif words[0].startswith("split"):
                obj = x
            else:
                subj = x
        elif words[-1] in ("from", "with", "avec", "de", "du", "d'avec"):
            obj = self.an.first_after(sent, e, mem)
        else:
            frm = re.match(r"\s+(?:from|with)\b", sent.low[e:e + 8])
            if frm:
                obj = self.an.first_after(sent, e + frm.end(), mem)
            that_of = re.match(r"[^.;]{0,30}?\bthat\s+of\b", sent.low[e:e + 50])
            if that_of:
                subj = self.an.first_after(sent, e + that_of.end(), mem)
        if is_party(obj):
            mem.last_split_object = obj
        if self.blocked(sent, s):
            return None
        owner = None
        if subj is None:
            c = self.an.subject_cand(sent, s)
            coordinated = sent.word_before(s) == "and"
            if c is None and coordinated:
                c = next((k for k in sent.cands if not sent.in_paren(k.start) and not (
                    k.kind == "entity" and self.an.is_prepositional(sent, k))), None)
            if c is not None and self.an.partitive(sent, c):
                return None
            if c is not None:
                subj = self.an.resolve(sent, c, mem)
                span = (c.start, c.end) if c.kind in ("entity", "owned") else None
                if c.kind == "owned":
                    owner = subj
        if owner is not None and not is_party(obj):
            obj = owner
            found = self.found_rx.match(sent.low, e)
            subj = self.an.first_after(sent, found.end(), mem) if found else None
            span = None
        elif not is_party(subj) and is_party(obj):  # "dissidents broke away from Y to create X": X split from Y
            found = self.create_rx.search(sent.low, e, e + 90)
            if found and not self.an.stop_between(sent, e, found.start()):
                subj, span = self.an.first_after(sent, found.end(), mem, limit=40), None
        if not is_party(obj):
            obj = mem.last_split_object
        if not (is_party(subj) and is_party(obj)) or subj.id == obj.id and subj.id:
            return None
        return Draft("split", (s, e), subject=subj, object=obj, subj_span=span)


def _same(a: EntityRef, b: EntityRef) -> bool:
    return (a.id or a.name) == (b.id or b.name)


def _pats(v: Vocab, file: str, key: str) -> list[str]:
    from claims.vocab import phrase_pattern
    return [phrase_pattern(w) for w in v.words(file, key)]
