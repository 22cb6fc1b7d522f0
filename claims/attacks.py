"""Attack claims: frames of attack triggers, and what each frame claims.

The sentence's valid triggers (claims.attack_triggers) are grouped into frames: a trigger
joins the frame before it, unless a reference word opens a clause of its own ("The attack
came three months after gunmen killed 22 people": another event) or an attack noun with
its own determiner is coordinated with it ("... or the killing of ..."). Each frame takes
the dates, places and figures of its own span; a frame needs an anchor (a date, a place
or a figure). The words of a dateline ("BAMAKO, Sept 19 (Agency) -": when and where the
report was filed) and, for a trigger inside a quotation, the words outside it are no
anchors of the frame.

The pieces, each in its module:
- claims.attack_triggers: which words tell an attack (`AttackTriggers`);
- claims.attack_agents: who did it, asserted or hedged (`AttackAgents`: subjects, agents,
  suspicions, attributions, claims told later in the sentence);
- claims.attack_anchors: when and where (dates, lapses, sites, coordinated sites);
- claims.attack_refs: sentences about an attack already reported (`BackReferences`:
  continuations, claims of responsibility for it, anaphoric nouns).
`AttackPatterns` is what claims.extract calls: `attacks` (the drafts of a sentence),
`may_continue` / `continuation` (slots a sentence adds to the last attack) and
`chain_dates` (the lapses resolved from the last dated claim).
"""
from __future__ import annotations

import re

from claims.attack_agents import AttackAgents
from claims.attack_anchors import AttackPlaces, chain_dates, frame_dates, frame_places
from claims.attack_refs import BackReferences
from claims.attack_triggers import WORD_RX, AttackTriggers
from claims.dates import SAME_DAY
from claims.discourse import Analyzer, Memory, Sent
from claims.numbers import casualties
from claims.patterns import Draft, RelationPatterns, is_party
from claims.places import Gazetteer
from claims.sites import Sites
from claims.vocab import Vocab

# a clause of its own after a comma or semicolon: "..., and the same day another column ...", "; le 5 mai, ..."
_CLAUSE_OPEN = re.compile(r"[,;]\s+(?:and\s+|et\s+|then\s+|puis\s+|while\s+)?")
_TIME_PREP = re.compile(r"(?:on\s+|in\s+|le\s+|en\s+|at\s+)?")


class AttackPatterns:
    def __init__(self, an: Analyzer, v: Vocab, rel: RelationPatterns):
        self.an, self.rel = an, rel
        sites = Sites(v, Gazetteer.load())
        self.triggers = AttackTriggers(an, v, rel, sites)
        self.agents = AttackAgents(an, v, self.triggers)
        self.refs = BackReferences(an, v, rel, self.triggers, self.agents)
        self.places = AttackPlaces(sites)
        self.coord_rx = re.compile(r"(?:^|\s)(?:or|as\s+well\s+as|along\s+with|in\s+addition\s+to|ou|ainsi\s+que|;)\s+(?:\S+\s+){0,4}$")

    def may_continue(self, low: str) -> bool:
        """Cheap test: could this (folded) sentence go on about the previous attack? (BackReferences.may_continue)"""
        return self.refs.may_continue(low)

    def continuation(self, sent: Sent, mem: Memory) -> dict | None:
        """The slots a sentence going on about the previous attack adds to it, or None (BackReferences.continuation)."""
        return self.refs.continuation(sent, mem)

    def chain_dates(self, drafts: list[Draft], found: list, mem: Memory, sent: Sent) -> None:
        """Dates the drafts told relative to the event before (claims.attack_anchors.chain_dates)."""
        chain_dates(drafts, found, mem, sent)

    def attacks(self, sent: Sent, mem: Memory) -> list[Draft]:
        """The attack drafts of a sentence, frame by frame (see the module's docstring)."""
        if sent.text.rstrip(" \t\n\"'\u201d\u00bb").endswith("?"):
            return []  # "Who raided the Gao market?": a question asserts no attack
        spans = self.triggers.spans(sent)
        trigs = [t for t in spans if self.triggers.valid(sent, *t)]
        frames: list[list[tuple[int, int, str]]] = []
        bounds: list[int] = []
        for t in trigs:
            ref = self._reference_clause(sent, frames[-1][-1][1], t) if frames else None
            if ref is None and frames and t[2] == "noun":
                ref = self._reference_noun(sent, frames[-1][-1][1], t)
            if ref is None and frames:
                ref = self._dated_clause(sent, frames[-1][-1][1], t)
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
        # the verbs a state agent comes before (no triggers: "the army killed"), where a frame may end at one
        state = [t[0] for t in spans if t[2] == "verb" and t not in trigs
                 and self.triggers.by_state(self.triggers.before(sent, t[0], 3))] if frames and len(spans) > len(trigs) else []
        for i, fr in enumerate(frames):
            end = self._state_clause(sent, fr[-1][1], bounds[i + 1], state) if state else bounds[i + 1]
            drafts, perp = self._frame(sent, mem, fr, bounds[i], end, first_perp if i else None)
            first_perp = perp if i == 0 else first_perp
            out += drafts
        if out:
            self.agents.claimed_after(sent, mem, out)  # ", an attack claimed by X"
            self.agents.attributed(sent, mem, out)  # "...; the attack was blamed on X"
        return out

    def _reference_clause(self, sent: Sent, a: int, t: tuple[int, int, str]) -> int | None:
        """Offset of a temporal reference ("after", "apres", "following") that opens a clause
        with its own subject before verb trigger `t`, else None."""
        if t[2] != "verb":
            return None
        refs = self.triggers.references(sent.low, a, t[0])
        subj = self.an.subject_cand(sent, t[0]) if refs else None
        return next((m.start() for m in refs if subj is not None and subj.start > m.end()), None)

    def _dated_clause(self, sent: Sent, a: int, t: tuple[int, int, str]) -> int | None:
        """Offset of a clause that opens on its own time and subject (a few words) before verb
        trigger `t` (", and the same day another column shot dead ...", "; on 5 May gunmen
        raided ..."): a new frame opens there; else None."""
        if t[2] != "verb" or sent.low[t[0]:t[1]].split()[0].endswith(("ing", "ant")):
            return None  # (a participle goes on with the clause before: "..., on 3 May, killing four")
        for opening in reversed(list(_CLAUSE_OPEN.finditer(sent.low, a, t[0]))):
            p = _TIME_PREP.match(sent.low, opening.end()).end()
            same = SAME_DAY.match(sent.low, opening.end()) or SAME_DAY.match(sent.low, p)
            end = same.end() if same else next((d.end for d in sent.dates if d.start in (opening.end(), p)), None)
            if end is not None:
                subject = [w for w in WORD_RX.findall(sent.low, end, t[0]) if w not in ("and", "et", "then", "puis")]
                if not 0 < len(subject) <= 6 or self.an.stop_between(sent, end, t[0]):
                    return None  # (its own subject: "..., and on 5 May they killed"; not "..., on 5 May, and killed")
                return opening.start()
        return None

    def _state_clause(self, sent: Sent, a: int, b: int, state: list[int]) -> int:
        """The end of a frame whose last trigger ends at `a` and whose span ends at `b`: the
        opening of a clause whose subject is a state agent that kills (`state`: the offsets of
        the verbs a state agent comes before), ", and in the following days the army killed 12
        militants", "; l'armee a tue 12 assaillants": a counter-operation, whose figures and
        places are not the attack's; else `b`. Not a clause that a reference word subordinates
        (", and wounded 39 others before police shot him dead"; "the following days" is none)."""
        s = next((x for x in state if a <= x < b), None)
        opening = None if s is None else next(reversed(list(_CLAUSE_OPEN.finditer(sent.low, a, s))), None)
        if opening is None:
            return b
        words = WORD_RX.findall(sent.low, opening.end(), s)
        reference = self.triggers.reference
        if len(words) > 8 or any(w in reference and not (i and words[i - 1] == "the") for i, w in enumerate(words)) or (
                not self.triggers.names_state_agent(words)):
            return b
        return opening.start()

    def _reference_noun(self, sent: Sent, a: int, t: tuple[int, int, str]) -> int | None:
        """Offset of a reference word ("after", "apres") before attack noun `t` that tells an
        attack of its own, with a date or figures ("the Kolmari raid came a month after the
        ambush on X that killed 9"): a new frame opens there; else None."""
        refs = [m.start() for m in self.triggers.references(sent.low, a, t[0])]
        if not refs:
            return None
        end = self.triggers.told_by_reference(sent, t[0], t[1])
        return refs[-1] if end is not None and (any(t[1] <= d.start < end for d in sent.dates) or any(
            casualties(sent.low[t[1]:end]).values())) else None  # (a place alone: "after the raid on a Gao hotel")

    def _frame(self, sent, mem, fr, a, b, inherited):
        """The drafts of frame `fr` (its triggers, in [a, b)) and its perpetrator; `inherited`:
        the first frame's perpetrator (for "another ambush")."""
        s, e, kind = fr[0]
        ok, perp, alleged = self.agents.perpetrator(sent, mem, fr, a, inherited)
        if not ok:
            return [], None
        if perp is None and kind == "noun":  # "In a separate attack on Monday, JNIM fighters killed ...": the verb's subject
            verb = next((t for t in fr[1:] if t[2] == "verb"), None)
            if verb is not None:
                ok2, perp2, alleged2 = self.agents.perpetrator(sent, mem, [verb], a, None)
                if ok2 and is_party(perp2):
                    perp, alleged = perp2, alleged2
        whole = b  # figures: the whole frame ("three days after the assault on X, officials put the toll at 18")
        if kind == "noun" and not self.triggers.reference.isdisjoint(self.triggers.before(sent, s, 3)):
            b = min(b, self.triggers.told_by_reference(sent, s, e) or b)  # "four days after the attack that hit X, ...": its clause
        line = _DATELINE.match(sent.text)  # "BAMAKO, Sept 19 (Agency) –": when and where the report was filed
        lo = max(a, line.end() if line else 0)
        quote = _quote_span(sent.text, s)
        if quote is not None:  # a witness's words: their anchors only ("« ... qui nous a attaqués », dit lundi un habitant")
            lo, b, whole = max(lo, quote[0]), min(b, quote[1]), min(whole, quote[1])
        figures = casualties(sent.low[a:whole])
        places = frame_places(sent, lo, b)
        if kind == "noun" and not any(figures.values()) and not self.refs.elsewhere(places, s, mem) and self.refs.claimed_back(
                sent, mem, a, s, e, perp):
            return [], perp  # "AQIM claimed the attack", "L'attaque a été revendiquée par l'EI"
        # (the dates after that test, which needs none: a claim of an attack already reported may leave its
        # sentence's dates unread, and reading them is one of the costlier steps of a frame)
        dates, lapse = frame_dates(sent, fr[0], lo, b, line, self.triggers.reference)
        if kind == "noun" and not dates and not any(figures.values()) and re.fullmatch(
                r"\s*(?:the|this|that)\s+(?:\w+\s+){0,2}", sent.low[sent.low.rfind(";", 0, s) + 1:s]) and mem.last_attacks:
            return [], perp  # "The assault came four months after ...", "...; the raid came weeks after": the attack already reported
        if self.refs.refers_back(sent, s) and not dates and not any(figures.values()):
            self.refs.reassign(sent, mem, perp, a)
            return [], perp
        spots, shares = self.places.spots(sent, places, fr, mem, lo, b)  # shares: the figures of each of several coordinated sites
        polarity = self.rel.polarity(sent, s, e)
        if polarity == "asserted" and alleged:
            polarity = "hedged"  # "officials suspect X of the assault", "blamed the ambush on X": an allegation
        if polarity == "denied" and not is_party(perp):
            perp = self.agents.denier(sent, mem, s)  # "X denied any role in the attack on Y": X, denied
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
            if kind == "noun" and place and self.triggers.definite(sent, s) and self.triggers.named(sent, s, e):
                d.extra["named"] = True  # "l'attaque de Kolmari": may name an attack already reported
            out.append(d)
        return out, perp


# A dateline: a city in capitals with, before the dash, a place or a date and/or the agency in brackets
# ("BAMAKO, Sept 19 (Agency) -", "MAIDUGURI, Nigeria, Dec 1 -", "NIAMEY (Agency) -"), or a city
# in plain case with a day and a month ("Bamako, 20 novembre -", "Gao, May 3 (Agency) -").
_MONTH_ABBR = r"(?i:jan|feb|f[e\u00e9]v|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao[u\u00fb]|sep|oct|nov|dec|d[e\u00e9]c)[^\W\d_]*\.?"
_DAY_MONTH = (r"(?:\d{1,2}(?:er)?\s+" + _MONTH_ABBR + r"|" + _MONTH_ABBR + r"\s+\d{1,2})(?:,?\s+\d{4})?")
_AGENCY = r"\s*\([^()\n]{1,40}\)"
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z'\u2019.-]{2,}(?: [A-Z][A-Z'\u2019.-]+)*"  # BAMAKO
    r"(?:,\s+(?:[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+)?(?:,\s+" + _DAY_MONTH + r")?|" + _DAY_MONTH + r")"
    r"(?:" + _AGENCY + r")?|" + _AGENCY + r")"  # , Nigeria, Dec 1 | , Sept 19 (Agency) | (Agency)
    r"|[A-Z][^\W\d_]+(?:[ '\u2019-][A-Z]?[^\W\d_]+){0,2},\s+" + _DAY_MONTH + r"(?:" + _AGENCY + r")?)"  # Bamako, 20 novembre
    r"\s*[\u2013\u2014-]+\s+")
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

