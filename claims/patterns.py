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
_NEG = re.compile(r"\b(?:not|never|no\s+longer|without|neither|nor)\b|n't\b|\bne\b|\bn'")


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
        self.accept_rx = re.compile(v.rx("pledge", "accept_verbs").pattern + r"\s+(?:the\s+|its\s+|their\s+|l'|la\s+|le\s+)?"
                                    + r"(?:" + nouns + r"|pledge|oath)\s+(?:of|from|de|du|d')\s*(?:the\s+)?")
        self.list_rx = v.rx("pledge", "list_intro")
        self.split_rx = re.compile(v.rx("split", "split_verbs").pattern + "|" + v.rx("split", "split_nouns").pattern)
        self.found_rx = re.compile(r"(?:\s+[\w']+){0,3}?\s+to\s+(?:" + "|".join(_pats(v, "split", "found_verbs")) + r")\b")
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
            out += self._pledge_at(sent, mem, m.start(), m.end(), limit=70)
        for m in self.join_rx.finditer(sent.low) if ("pledge", "join_verbs") in cues else ():
            out += self._pledge_at(sent, mem, m.start(), m.end(), limit=14)
        return out

    def _pledge_at(self, sent: Sent, mem: Memory, s: int, e: int, limit: int) -> list[Draft]:
        if self.blocked(sent, s) or re.search(r"\bre\s*$", sent.low[max(0, s - 3):s]):
            return []
        obj = self.to_group(self.an.first_after(sent, e, mem, limit=limit))
        if not is_party(obj):
            return []
        subj, span = self._subject(sent, s, mem)
        subjects = self.coordinated(sent, subj, span) if is_party(subj) else self.list_after(sent, e)
        out = []
        for sub, sp in subjects:
            if is_party(sub) and (sub.id or sub.name) != (obj.id or obj.name):
                out.append(Draft("pledge", (s, e), subject=sub, object=obj, subj_span=sp))
        return out

    # ---- splits --------------------------------------------------------------------
    def splits(self, sent: Sent, mem: Memory) -> list[Draft]:
        out = []
        for m in self.split_rx.finditer(sent.low):
            d = self._split_at(sent, mem, m.start(), m.end(), m.group())
            if d:
                out.append(d)
        return out

    def _split_at(self, sent: Sent, mem: Memory, s: int, e: int, trig: str) -> Draft | None:
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
        if not is_party(obj):
            obj = mem.last_split_object
        if not (is_party(subj) and is_party(obj)) or subj.id == obj.id and subj.id:
            return None
        return Draft("split", (s, e), subject=subj, object=obj, subj_span=span)


def _pats(v: Vocab, file: str, key: str) -> list[str]:
    from claims.vocab import phrase_pattern
    return [phrase_pattern(w) for w in v.words(file, key)]
