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
from claims.patterns import NEW_GROUP, Draft, RelationPatterns, _same, is_party, listed_before
from claims.vocab import Vocab, compile_phrases, elided


_COORD = re.compile(r"\s*(?:,|\band\b|\bet\b|,\s*(?:and|et)\b)\s*(?:(?:the|la|le|l')\s*)?")
_OF_MEMBERS = re.compile(r"\s+(?:between|of|entre|de|du|des)\b|\s+d'")
_FIRST_MEMBER = re.compile(r"\s*(?:of|between|de|des|du|d'|entre)\s*(?:(?:the|la|le|les|l')\s*)?")
_NEXT_MEMBER = re.compile(r"\s*,?\s*(?:(?:and|et)\s+)?(?:(?:of|de|du|des|d')\s*)?(?:(?:the|la|le|les|l')\s*)?")
_LEADER_OF = re.compile(r"\s*(?:d'|de\s+|of\s+)")
_SEVERAL = re.compile(r"\s*(?:of|de|d')\s*(?:several|various|multiple|a\s+number\s+of|plusieurs|divers|differents|nombreux)\b")
_REL_OBJECT = re.compile(r"(?:(?<![\w'])(?:que|which|that|whom)\s+|(?<![\w'])qu')(?:(?:the|le|la|les)\s+|l')?$")
_REL_WORD = re.compile(r"que\s|qu'|which\s|that\s|whom\s")
_ANTECEDENT_GAP = re.compile(r"[\s,)]*")  # "X (CMA), que": past the acronym in brackets
_INTO_GROUP = re.compile(r"\s+(?:into|within|under\s+the\s+(?:banner|umbrella)\s+of|au\s+sein\s+(?:d'une?|du|de\s+la|de\s+l'|des|d')|"
                         r"dans\s+(?:une?|le|la|l')|sous\s+la\s+banniere\s+(?:du|de\s+la|de\s+l'|de|d'))\s*")
_ARTICLE = re.compile(r"\s*(?:(?:the|le|la|les)\s+|l')?")
_THEIR = re.compile(r"\b(?:their|leur)\s+$")
_WITH = re.compile(r"\s+(?:with|to|avec)\b")
_UNITED_TO = re.compile(r"\s+(?:with|to|avec|a|au|aux)\b")
_POSSESSOR = re.compile(r"'s?\s*")
_INTO_TAIL = re.compile(r"(?:\s+(?:in|au\s+sein\s+(?:de|du)|dans))$")
_BY_MEMBERS = re.compile(r"\s*,?\s*(?:by|par)\s*(?:(?:the|la|le|les|l')\s*)?")
_DATE_GAP = re.compile(r"\s*,?\s*(?:(?:in|on|en|le)\s+)?")
_DATE_CLOSE = re.compile(r"\s*,")
_OF_END = re.compile(r"(?:\s+(?:of|de|du)\s+|(?<![\w'])d')$")


class MergerPatterns:
    def __init__(self, kb: KnowledgeBase, an: Analyzer, v: Vocab, rel: RelationPatterns):
        self.kb, self.an, self.v, self.rel = kb, an, v, rel
        self.verb_rx = v.rx("merger", "merge_verbs")
        self.noun_rx = elided(v.rx("merger", "merge_nouns"))  # also "de l'union de ..."
        self.result_rx = v.rx("merger", "result_markers")
        self.found_rx = v.rx("merger", "found_verbs")
        self.comp_rx = v.rx("merger", "composition")
        self.pair_rx = v.rx("merger", "pair_anaphors")
        self.unrealised_rx = v.rx("merger", "unrealised")
        self.union_rx = re.compile(v.rx("merger", "union_verbs").pattern + r"\s+(?:the|a|their|its|this)\s+"
                                   + v.rx("merger", "union_nouns").pattern)
        self.needs_result = set(v.words("merger", "needs_result"))
        self.absorbed_in = set(v.words("merger", "absorbed_in"))
        self.plural_pronouns = frozenset(v.words("common", "coreference_plural"))
        # merge verbs whose object is the group they form ("A and B united in X", "se sont regroupés
        # au sein de X"): those ending as _INTO_TAIL says
        self.merge_into = {w for w in v.words("merger", "merge_verbs") if _INTO_TAIL.search(w)}
        parts = v.alternation("merger", "part_nouns")
        # "ISGS's Gourma emirate", "the southern wing of X", "la branche sahélienne d'X": a member is the group
        self.part_after_rx = re.compile(r"'s?\s+(?:[\w-]+\s+){0,2}?(?:" + parts + r")\b") if parts else None
        self.part_before_rx = re.compile(r"(?<![\w'])(?:the|la|le|l')\s*(?:[\w-]+\s+){0,2}?(?:" + parts + r")(?:\s+[\w']+){0,3}?"
                                         r"\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l'|du\s+|de\s+|d')$|(?<![\w'])(?:the|la|le|l')\s*"
                                         r"(?:[\w-]+\s+){0,2}?(?:" + parts + r")(?:\s+[\w']+){0,3}?\s+d'$") if parts else None
        passive = v.alternation("merger", "formed_passive")
        when = v.alternation("merger", "when")
        self.formed_passive_rx = re.compile(r"(?<![\w'])(?:" + passive + r")\s*$") if passive else None
        self.formed_when_rx = re.compile(r"(?<![\w'])(?:" + passive + r")\b[^;]{0,60}?(?<![\w'])(?:" + when
                                         + r")\s*(?:(?:the|la|le|les|l')\s*)?$") if passive and when else None
        self._busy = False
        an.formed_here = self.formed_here
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
        for m in self.found_rx.finditer(sent.low) if ("merger", "found_verbs") in sent.cues else ():
            d = (self._formed_by_relative(sent, mem, m.start(), m.end()) or self._founded_by(sent, mem, m.start(), m.end())
                 or self._joint_founding(sent, mem, m.start(), m.end()))
            out += [d] if d else []
        return out

    def _founded_by(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        """"X was formed in March 2017 by A, B and C", "le X a été créé par A, B et C": a merger of
        the founders listed after "by" into the subject of the passive."""
        if self.formed_passive_rx is None or not self.formed_passive_rx.search(sent.low, max(0, s - 20), e) or (
                self.rel.blocked(sent, s)):
            return None
        members, _ = self._right_members(sent, self._past_date(sent, e), mem, first=_BY_MEMBERS)
        if len(members) < 2:
            return None
        return self._draft(members, self.an.subject_left(sent, s, mem), (s, e))

    def _joint_founding(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        """"A, B and C founded X", "A, B et C ont créé le X", "A and B announced the creation of X":
        a merger of the coordinated founders into X, the group named right after the verb."""
        new = next((m for m in sent.mentions if m.start >= e), None)  # (the sentence's mentions: its candidates are not read)
        if new is None or new.kind != "group" or not _ARTICLE.fullmatch(sent.low, e, new.start) or self.rel.blocked(sent, s):
            return None
        members, _ = self._left_members(sent, s, mem)
        result = ref_of(new)
        if len(members) < 2 or any(_same(m, result) for m in members):
            return None
        return self._draft(members, result, (s, e))

    def _formed_by_relative(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        """"X, que A, B et C avaient formée en 2014", "X, which A and B founded": a merger of the
        relative clause's subjects into its antecedent X (a group named right before)."""
        if not _REL_WORD.search(sent.low, max(0, s - 160), s) or self.rel.blocked(sent, s):
            return None  # (a cheap test first: no relative pronoun before the verb)
        members, left = self._left_members(sent, s, mem)
        if len(members) < 2:
            return None
        rel = _REL_OBJECT.search(sent.low, max(0, left - 16), left)
        if rel is None:
            return None
        ante = next((m for m in reversed(sent.mentions) if m.end <= rel.start()), None)
        if ante is None or ante.kind != "group" or not _ANTECEDENT_GAP.fullmatch(sent.low, ante.end, rel.start()):
            return None
        return self._draft(members, ref_of(ante), (s, e))

    def formed_here(self, sent: Sent, mem: Memory, before: int) -> EntityRef | None:
        """The group a merger stated in this sentence before `before` forms ("the new alliance")."""
        if self._busy or not sent.cues & {("merger", "merge_verbs"), ("merger", "merge_nouns")}:
            return None
        self._busy = True
        try:
            got = [d.object for d in self.mergers(sent, mem) if d.trig[0] < before and is_party(d.object)]
        finally:
            self._busy = False
        return got[-1] if got else None

    def _result(self, sent: Sent, e: int, mem: Memory) -> EntityRef | None:
        m = self.result_rx.search(sent.low, e, e + 60)
        if m is None:
            return None
        new = NEW_GROUP.match(sent.low, m.end())  # "into a new group, X", "into a new organisation called X"
        return self.an.first_after(sent, new.end() if new else m.end(), mem, limit=30)

    def _verb(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        if self.rel.blocked(sent, s):
            return None
        members, first = self._left_members(sent, s, mem)
        phrase = " ".join(sent.low[s:e].split())
        if phrase in self.merge_into:  # "A, B and C united in X": X (a name right after), else "in" is no object
            into = next((k for k in sent.cands if e <= k.start <= e + 6), None)
            if into is not None and into.kind in ("entity", "owned") and into.mention.kind == "group":
                result = ref_of(into.mention)  # "A se fondit dans X": A absorbed into X (X a member too)
                absorbed = len(members) == 1 and phrase in self.absorbed_in
                return self._draft(members + [result] if absorbed else members, result, (s, e))
            verb = _INTO_TAIL.sub("", sent.low[s:e])  # "merged in 2017 to form X": the verb "merged", if one
            if not self.verb_rx.fullmatch(verb):
                return None
            e = s + len(verb)
        w = None if self.result_rx.match(sent.low[e:e + 40].lstrip()) else (
            _UNITED_TO if "uni" in sent.low[s:e] else _WITH).match(sent.low, e, e + 8)  # "s'est unie à X"
        partner = self.an.first_after(sent, w.end() if w else e, mem, limit=50) if (
            w or sent.low[s:e].split()[-1] == "with") else None
        partners, after = [], e  # "a fusionné avec A, B et C": each of them; the group formed is named after the last
        if is_party(partner):
            at = next((m.start for m in sent.mentions if m.kind == "group" and m.start >= (w.end() if w else e)), None)
            named = self.rel.series(sent, at, part_start=lambda m: self._part_start(sent, m)) if at is not None else []
            partners = [partner] + [r for r, _ in named[1:]]
            after = max(e, named[-1][1][1]) if named else e
        result = self._result(sent, s if self.result_rx.search(sent.low, s, e) else after, mem)  # "united to form X"
        if not is_party(result) and first is not None:
            result = self._formed_when(sent, first, mem)
        if not is_party(result) and sent.low[s:e] in self.needs_result:
            return None  # "A and B joined forces to attack ...": no group formed (a verb ending in "in" was cut above)
        members += [r for i, r in enumerate(partners) if i == 0 or not (is_party(result) and _same(r, result))]
        if (sent.low[e:e + 6].strip().startswith("into") or sent.low[s:e].endswith("into")) and is_party(result) and len(members) < 2:
            members.append(result)  # "A merged into B": B absorbed A; "A, B and C merged into X": X is new
        return self._draft(members, result, (s, e))

    def _formed_when(self, sent: Sent, first: int, mem: Memory) -> EntityRef | None:
        """"X was founded in 2024 as A, B and C merged": X (the subject of the passive before
        the clause whose subject starts at `first`)."""
        m = self.formed_when_rx.search(sent.low, max(0, first - 120), first) if self.formed_when_rx else None
        return self.an.subject_left(sent, m.start(), mem) if m else None

    def _part_start(self, sent: Sent, m) -> int:
        """Where a member named as a part of the group `m` starts ("the southern wing of X"), else m.start."""
        if self.part_before_rx is None or m.kind != "group":
            return m.start
        p = self.part_before_rx.search(sent.low, max(0, m.start - 60), m.start)
        return p.start() if p else m.start

    def _part_end(self, sent: Sent, m) -> int:
        """Where a member named as a part of the group `m` ends ("X's Gourma emirate"), else m.end."""
        if self.part_after_rx is None or m.kind != "group" or not sent.low.startswith("'", m.end):
            return m.end
        p = self.part_after_rx.match(sent.low, m.end)
        return p.end() if p else m.end

    def _left_members(self, sent: Sent, s: int, mem: Memory) -> tuple[list[EntityRef], int | None]:
        """The subject of a merge verb and the groups coordinated with it ("A, B and C merged");
        a member named as a part of a group ("X's Gourma emirate", "the southern wing of
        X") is the group; a leader named as the owner ("<leader>'s Katiba Y") is none."""
        part = next((m for m in reversed(sent.mentions) if m.end <= s), None)
        if part is not None and not sent.low[part.end:s].strip() and self._part_start(sent, part) < part.start:
            first, c_start = ref_of(part), self._part_start(sent, part)  # "..., the southern wing of X merged"
        else:
            c = self.an.subject_cand(sent, s)
            if c is not None and c.kind == "pronoun" and c.word in self.plural_pronouns:
                listed = self._listed_before(sent, c.start)
                if len(listed) >= 2:  # "A and B announced that they were combining their forces": A and B
                    return [ref_of(m) for m in listed], listed[0].start
            first, c_start = (self.an.resolve(sent, c, mem), c.start) if c else (None, None)
        if not is_party(first):
            return [], None
        out, cursor, joined = [first], c_start, True
        left = c_start  # where the leftmost member starts
        for k in reversed([k for k in sent.cands if k.end <= c_start]):
            if k.kind == "anaphor" and not k.person:  # "the brigade and A merged"
                ref = self.an.resolve(sent, k, mem)
                if not (is_party(ref) and _COORD.fullmatch(sent.low[k.end:cursor])):
                    break
                out.insert(0, ref)
                cursor = left = k.start
                joined = True
                continue
            m = k.mention if k.kind in ("entity", "owned") else None
            if m is None or m.kind not in ("group", "person"):
                if k.kind in ("pronoun", "rel", "generic"):
                    break
                continue
            gap = sent.low[self._part_end(sent, m):cursor]
            if m.kind == "person" and joined and _POSSESSOR.fullmatch(gap):  # "<leader>'s Katiba Y"
                cursor = m.start
                continue
            if m.kind == "person":  # "le HCUA d'<leader>, le MNLA et ...": the leader's name is no member
                of = _OF_END.search(sent.low, max(0, m.start - 5), m.start)
                if not (of and (_COORD.fullmatch(gap) or (not joined and not gap.strip()))):
                    break
                cursor, joined = of.start(), False
                continue
            if not (_COORD.fullmatch(gap) or (not joined and not gap.strip())):
                break
            out.insert(0, ref_of(m))
            cursor = left = self._part_start(sent, m)
            joined = True
        return out, left

    @staticmethod
    def _listed_before(sent: Sent, pos: int) -> list:
        """The groups coordinated last before `pos` in its clause ("A, B and C said they ..."), in order."""
        last = next((m for m in reversed(sent.mentions) if m.end <= pos and m.kind == "group"), None)
        if last is None or pos - last.end > 80 or ";" in sent.low[last.end:pos]:
            return []
        return listed_before(sent, last.start, ("group",), _COORD) + [last]

    def _noun(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        before = sent.low[max(0, s - 12):s].split()
        if before and before[-1] in ("their", "leur"):
            return self._merger_into(sent, mem, s, e)  # "their merger into X" (else a merger told before)
        if before and self.reference_rx.fullmatch(before[-1]):
            return None
        trig = (s, e)
        e = self._past_date(sent, e)  # "la fusion, en mars 2017, d'A, de B et de C"
        tail = sent.low[e:e + 120]
        origin = self.rel.origin(sent, s, mem)  # "formed out of the merger of A, B and C, X ..."
        if origin is not None:
            members, _ = self._right_members(sent, e, mem)
            if any(_same(x, origin) for x in members):  # "..., le FLA": the list ended before the result
                members = members[:next(i for i, x in enumerate(members) if _same(x, origin))]
            if len(members) >= 2 or (not members and _SEVERAL.match(tail)):
                return Draft("merger", trig, object=origin, members=tuple(members), date=self.rel.origin_date(sent, s))
        if self.unrealised_rx.search(sent.low, max(0, s - 30)):
            return None  # "a merger between X and Y was discussed, but never concluded": no merger
        pair = self.pair_rx.search(tail)
        of = _OF_MEMBERS.match(tail)  # "the merger of / between", "la fusion de / d' / entre"
        end = e
        if of and pair and pair.start() < 20:
            members = self._pair_from_kb(sent, mem)
        elif of:
            members, end = self._right_members(sent, e, mem)  # "la fusion d'A, de B, de C et de D"
            if len(members) < 2:
                found = [ref_of(m) for m in self.an.mentions_between(sent, e, e + 120, kinds=("group",))][:2]
                members, end = (found if len(found) == 2 else []), e
        else:
            return None
        # the group formed: named after the noun ("the merger into X") or after its list ("the merger of A, B
        # and C in 2017 gave birth to X", "la fusion d'A et de B au sein du X")
        result = self._result(sent, e, mem)
        if not is_party(result) and end > e:
            result = self._result(sent, self._past_date(sent, end), mem)
        return self._draft(members, result, trig)

    def _past_date(self, sent: Sent, e: int) -> int:
        """Past a date told right after `e` (", in March 2017,", " en mars 2017"), else `e`."""
        m = _DATE_GAP.match(sent.low, e)
        if m is None or not any(map(str.isdigit, sent.low[m.end():m.end() + 20])):  # (no date there: dates left unread)
            return e
        d = next((d for d in sent.dates if d.start == m.end()), None)
        if d is None:
            return e
        close = _DATE_CLOSE.match(sent.low, d.end)
        return close.end() if close else d.end

    def _merger_into(self, sent: Sent, mem: Memory, s: int, e: int) -> Draft | None:
        """"A and B announced their merger into X", "les mouvements ..., parmi lesquels A et B, ont annonce
        leur fusion au sein d'un X": the owners of the noun (listed, or named before it) merged into X."""
        into = _INTO_GROUP.match(sent.low, e)
        if into is None or not _THEIR.search(sent.low, max(0, s - 8), s):
            return None
        new = NEW_GROUP.match(sent.low, into.end())  # "... into a single organisation, X"
        result = self.an.first_after(sent, new.end() if new else into.end(), mem, limit=8)
        if not is_party(result):
            return None
        listed = self.rel.list_rx.search(sent.low, 0, s)  # "parmi lesquels A et B"
        members = [r for r, _ in self.rel.series(sent, _ARTICLE.match(sent.low, listed.end()).end())] if listed else []
        if len(members) < 2:
            members = [ref_of(m) for m in sent.mentions if m.end <= s and m.kind == "group" and m.entity_id]
        return self._draft([m for m in members if not _same(m, result)], result, (s, e))

    def _right_members(self, sent: Sent, e: int, mem: Memory, first=_FIRST_MEMBER) -> tuple[list[EntityRef], int]:
        """The groups listed after a merger noun ("of A, B and C", "d'A, de la B d'<leader> et d'C")
        or a founding passive (`first`: "by A, B and C"), and where the list ends."""
        out, cursor = [], e
        for k in sent.cands:
            if k.start < cursor:
                continue
            gap = sent.low[cursor:k.start]
            if out and k.kind == "entity" and k.mention.kind == "person" and _LEADER_OF.fullmatch(gap):
                cursor = k.end  # "du HCUA d'<leader>": its leader, no member
                continue
            if k.kind == "entity" and cursor < (part := self._part_start(sent, k.mention)) < k.start:
                gap = sent.low[cursor:part]  # "..., et de l'émirat du Sahara d'AQMI": a part of the group, the group
            if not (first if not out else _NEXT_MEMBER).fullmatch(gap):
                break
            if k.kind == "entity" and k.mention.kind == "group":
                out.append(ref_of(k.mention))
            elif k.kind == "anaphor" and not k.person and is_party(ref := self.an.resolve(sent, k, mem)):
                out.append(ref)
            else:
                break
            cursor = k.end
        return out, cursor

    def _pair_from_kb(self, sent: Sent, mem: Memory) -> list[EntityRef]:
        groups = [g for g in mem.recent_groups if g.id]
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
        """The group the knowledge base says the members merged into: the one most of a list of three
        or more merged into, else one of them, else the one group of a pair."""
        ids = {m.id for m in members}
        into = {m.id: [r.object for r in self.kb.relations_of(m.id, "merged_into")] for m in members if m.id}  # (KB order)
        counts: dict[str, int] = {}
        for objs in into.values():
            for obj in set(objs) - ids:
                counts[obj] = counts.get(obj, 0) + 1
        best = min(counts, key=lambda o: (-counts[o], o)) if counts else None  # (ties: by id, for the same answer every run)
        if best is not None and len(members) > 2 and counts[best] * 2 > len(members):
            e = self.kb.entities[best]
            return EntityRef(e.id, e.name, e.name)
        for m in members:
            for obj in into.get(m.id, ()):
                if obj in ids or len(members) == 2:
                    e = self.kb.entities[obj]
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
