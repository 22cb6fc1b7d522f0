"""Merger patterns: "A merged with B to form C", "the merger between A and B" (or "both
organizations"), a founding whose next sentence names what the new group was composed of,
and an announced "union" between two parties.

Where the text leaves the resulting group or the exact pair implicit, the knowledge base
decides: a `merged_into` between the two parties gives the result; an announced union is
a pledge or a merger according to what the KB records between them (preferring a
relation whose date agrees with the sentence's date). No KB relation, no claim.
"""
from __future__ import annotations

import re
from itertools import permutations

from claims.discourse import Analyzer, Memory, Sent, ref_of
from claims.kb import KnowledgeBase
from claims.model import EntityRef
from claims.patterns import Draft, RelationPatterns, is_party
from claims.vocab import Vocab, compile_phrases


_COORD = re.compile(r"\s*(?:,|\band\b|\bet\b|,\s*(?:and|et)\b)\s*(?:(?:the|la|le|l')\s*)?")
_OF_END = re.compile(r"(?:\s+(?:of|de|du)\s+|(?<![\w'])d')$")


class MergerPatterns:
    def __init__(self, kb: KnowledgeBase, an: Analyzer, v: Vocab, rel: RelationPatterns):
        self.kb, self.an, self.v, self.rel = kb, an, v, rel
        self.verb_rx = v.rx("merger", "merge_verbs")
        self.noun_rx = v.rx("merger", "merge_nouns")
        self.result_rx = v.rx("merger", "result_markers")
        self.found_rx = v.rx("merger", "found_verbs")
        self.comp_rx = v.rx("merger", "composition")
        self.pair_rx = v.rx("merger", "pair_anaphors")
        self.union_rx = re.compile(v.rx("merger", "union_verbs").pattern + r"\s+(?:the|a|their|its|this)\s+"
                                   + v.rx("merger", "union_nouns").pattern)
        self.reference_rx = compile_phrases(["after", "before", "since", "following", "this", "these", "that", "our", "their"])

    def mergers(self, sent: Sent, mem: Memory) -> list[Draft]:
        """(Here and below, a pattern whose trigger list the sentence lacks, `sent.cues`,
        cannot match: it is not run.)"""
        out = []
        for m in self.verb_rx.finditer(sent.low) if ("merger", "merge_verbs") in sent.cues else ():
            d = self._verb(sent, mem, m.start(), m.end())
            out += [d] if d else []
        for m in self.noun_rx.finditer(sent.low) if ("merger", "merge_nouns") in sent.cues else ():
            d = self._noun(sent, mem, m.start(), m.end())
            out += [d] if d else []
        return out

    def _result(self, sent: Sent, e: int, mem: Memory) -> EntityRef | None:
        m = self.result_rx.search(sent.low, e, e + 60)
        return self.an.first_after(sent, m.end(), mem) if m else None

    def _verb(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        if self.rel.blocked(sent, s):
            return None
        members = self._left_members(sent, s, mem)
        w = None if self.result_rx.match(sent.low[e:e + 40].lstrip()) else re.match(r"\s+(?:with|to|avec)\b", sent.low[e:e + 8])
        partner = self.an.first_after(sent, e + (w.end() if w else 0), mem, limit=50) if (
            w or sent.low[s:e].split()[-1] == "with") else None
        result = self._result(sent, e, mem)
        if is_party(partner):
            members.append(partner)
        if sent.low[e:e + 6].strip().startswith("into") and is_party(result):
            members.append(result)
        return self._draft(members, result, (s, e))

    def _left_members(self, sent: Sent, s: int, mem: Memory) -> list[EntityRef]:
        """The subject of a merge verb and the groups coordinated with it ("A, B and C merged")."""
        c = self.an.subject_cand(sent, s)
        first = self.an.resolve(sent, c, mem) if c else None
        if not is_party(first):
            return []
        out, cursor, joined = [first], c.start, True
        for m in reversed(self.an.mentions_between(sent, 0, c.start, kinds=("group", "person"))):
            gap = sent.low[m.end:cursor]
            if m.kind == "person":  # "la katiba Macina d'Amadou Koufa, Ansar Dine et ...": the leader's name is no member
                of = _OF_END.search(sent.low, max(0, m.start - 5), m.start)
                if not (of and (_COORD.fullmatch(gap) or (not joined and not gap.strip()))):
                    break
                cursor, joined = of.start(), False
                continue
            if not (_COORD.fullmatch(gap) or (not joined and not gap.strip())):
                break
            out.insert(0, ref_of(m))
            cursor, joined = m.start, True
        return out

    def _noun(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        before = sent.low[max(0, s - 12):s].split()
        if before and self.reference_rx.fullmatch(before[-1]):
            return None
        tail = sent.low[e:e + 120]
        pair = self.pair_rx.search(tail)
        if re.match(r"\s+(?:between|of)\b", tail) and pair and pair.start() < 20:
            members = self._pair_from_kb(sent, mem)
        elif re.match(r"\s+(?:between|of)\b", tail):
            found = [ref_of(m) for m in self.an.mentions_between(sent, e, e + 120, kinds=("group",))][:2]
            members = found if len(found) == 2 else []
        else:
            return None
        return self._draft(members, self._result(sent, e, mem), (s, e))

    def _pair_from_kb(self, sent: Sent, mem: Memory) -> list[EntityRef]:
        groups = [g for _, g in mem.recent_groups if g.id]
        seen = {}
        for g in groups:
            seen.setdefault(g.id, g)
        for a, b in permutations(seen.values(), 2):
            if self.kb.find(a.id, "merged_into", b.id):
                return [a, b]
        return []

    def _draft(self, members, result, trig) -> Draft | None:
        uniq: list[EntityRef] = []
        for m in members:
            if is_party(m) and all((m.id or m.name) != (u.id or u.name) for u in uniq):
                uniq.append(m)
        if len(uniq) < 2:
            return None
        if not is_party(result):
            result = self._kb_result(uniq)
        if not is_party(result):
            return None
        return Draft("merger", trig, subject=None, object=result, members=tuple(uniq))

    def _kb_result(self, members: list[EntityRef]) -> EntityRef | None:
        ids = {m.id for m in members}
        for m in members:
            for r in self.kb.relations_of(m.id, "merged_into") if m.id else ():
                if r.object in ids or len(members) == 2:
                    e = self.kb.entities[r.object]
                    return next((x for x in members if x.id == e.id), EntityRef(e.id, e.name, e.name))
        return None

    # ---- founding + composition -----------------------------------------------------
    def founding(self, sent: Sent, mem: Memory) -> Draft | None:
        """"X founded G": a pending merger, completed by the next sentence's composition."""
        for m in self.found_rx.finditer(sent.low) if ("merger", "found_verbs") in sent.cues else ():
            if self.rel.blocked(sent, m.start()):
                continue
            new = self.an.first_after(sent, m.end(), mem, limit=40)
            founder = self.an.subject_left(sent, m.start(), mem)
            if is_party(new) and is_party(founder) and new.id != founder.id:
                return Draft("merger", (m.start(), m.end()), object=new, members=(founder,))
        return None

    def composition(self, sent: Sent, pending: Draft, mem: Memory) -> Draft | None:
        m = self.comp_rx.search(sent.low)
        if not m:
            return None
        found = [ref_of(x) for x in self.an.mentions_between(sent, m.end(), len(sent.low), kinds=("group", "person"))]
        members = list(pending.members) + [f for f in found if f.id != pending.object.id]
        d = self._draft(members, pending.object, pending.trig)
        if d:
            d.extra = pending.extra
        return d

    # ---- announced union, typed by the KB ---------------------------------------------
    def union(self, sent: Sent, mem: Memory) -> Draft | None:
        m = self.union_rx.search(sent.low) if ("merger", "union_nouns") in sent.cues else None
        if not m or not sent.dates:
            return None
        parties = {}
        for men in sent.mentions:
            if men.kind in ("group", "person") and men.entity_id:
                g = self.rel.to_group(ref_of(men))
                parties.setdefault(g.id, g)
        best = None
        for a, b in permutations(parties.values(), 2):
            for rel in ("pledged_to", "merged_into"):
                r = self.kb.find(a.id, rel, b.id)
                if r:
                    agree = any(d.value.startswith(r.date or "~") or (r.date or "").startswith(d.value) for d in sent.dates)
                    if best is None or (agree and not best[0]):
                        best = (agree, rel, a, b)
        if not best:
            return None
        _, rel, a, b = best
        if rel == "pledged_to":
            return Draft("pledge", (m.start(), m.end()), subject=a, object=b)
        return Draft("merger", (m.start(), m.end()), object=b, members=(a, b))
