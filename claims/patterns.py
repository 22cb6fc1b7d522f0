"""Pledge, split and merger patterns over one analysed sentence.

Every rule is about the language, never about a named actor: trigger phrases come from
claims/vocab/*.yaml, parties from claims.discourse. A pledge to a leader is a pledge to
the group he leads (KB `leads`). A statement hedged by a modal or negated is not a claim.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress, repeat
from operator import contains, or_
from dataclasses import dataclass, field

from claims.discourse import GENERIC, Analyzer, Memory, Sent, ref_of
from claims.kb import KnowledgeBase
from claims.model import EntityRef
from claims.scan import finditer_at
from claims.vocab import Vocab, after_no_word, by_first_letter, compile_union, phrase_leads, phrase_needles

# "not only", "in May", "on May 3", "3 May": no negation, no modal
_COORDINATORS = frozenset({"and", "et"})
_TO_VERB = re.compile(r"\s+(?:(?:has|had|have|a|avait|ont)\s+)?(?:also\s+|then\s+|aussi\s+|alors\s+)?")  # a name, then its verb
_SPLINTER_WORDS = frozenset({"splinter", "breakaway", "offshoot"})  # (split nouns whose "of" names the group left)
_AUX_BEFORE = re.compile(r"\b(?:a|ont|avait|avaient|has|have|had)\s+(?=\w)")
_COORD_SKIP = ("also", "then", "later", "subsequently", "a", "ont", "avait", "avaient", "aussi", "ensuite", "puis")
_NOT_A_CUE = re.compile(r"\bnot\s+(?:to\s+mention|only)\b|\b(?:in|on|since|last|early|late|mid|of|until|by)\s+may\b|\bmay\s+\d|\d\s+may\b")
_AND = re.compile(r"\s*(?:,|\band\b|\bet\b|,\s*(?:and|et)\b)\s*")  # between two coordinated parties
_REL_TO = re.compile(r"which|whom|laquel|lequel|lesquel|auquel|auxquel|a\s+qui")  # (rel_pledge_rx's words)
_OF_NOUN = re.compile(r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:(the)\s+)?)")  # (group 1: "the", where a name may open)
_TO_NOUN = re.compile(r"\s+(?:a\s+la\s+|a\s+l'|au\s+|aux\s+|a\s+|to\s+)[\s\"\u00ab]*")
_FORCES = re.compile(r"\s+(?:forces|hands|leurs\s+forces)\b")
_OBJECT_PRONOUN = re.compile(r"\s+(?:it|them)\b")
_TO_JOIN = re.compile(r"\s*,?\s*(?:in\s+order\s+)?(?:to\s+join|pour\s+rejoindre|afin\s+de\s+rejoindre|and\s+joined|et\s+a\s+rejoint)\s+")
_POSSESSIVE = re.compile(r"\b(?:its|their)\b(?=\s+\w+$)")  # "rejoined its ranks" (not "announced its affiliation with")
# "whose leader, Jafar Dicko, ", "dont le chef ": group(1) the leader noun
_WHOSE = re.compile(r"(?<![\w'])(?:whose|dont\s+(?:le|l')\s*)\s*(?:[\w-]+\s+)?(\w+)(?:\s*,[^,;]{1,50},)?\s*"
                    r"(?:(?:has|had|a|avait|aurait)\s+)?$")
# A pledge's objects listed with no preposition of their own ("allegiance to A, B and C"), the list then
# ending (a mark, the sentence's end, a date or place to come), and a group's leader in apposition
_BARE_MORE = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)(?:the\s+|l'|la\s+|le\s+|les\s+)?")
_LIST_END = re.compile(r"\s*(?:[.,;:)\"\u00bb]|$|(?:in|on|en|le|au|during|after|apres|lors|since|depuis)\b)")
_APPOSED_LEADER = re.compile(r"(?:'s?\s+(?:[\w-]+\s+){0,2}?(?:emir|leader|chief|head|commander)\s*,?\s*|\s*,\s*)"
                             r"(?:(?:the|le|la)\s+)?(?:(?:mullah|mollah|sheikh|cheikh)\s+)?")
_ADVERBS_AFTER = re.compile(r"(?:\s+(?:\w+ly|\w+ment|in\s+turn|a\s+(?:son|leur)\s+tour|then|also|later|soon|aussi|alors|ensuite|"
                            r"bientot|deja|enfin))+(?=[\s,])")
_ORIGIN_AUX = re.compile(r"\b(?:est|etait|etaient|sont|fut|furent|was|is|were|had\s+been|has\s+been)\s+"
                         r"(?:(?:\w+ment|ainsi|donc|alors|thus|therefore|officially|formally)\s+)?$")
_ANTECEDENT_GAP = re.compile(r"[\s,)]*(?:\([^()]{0,60}\))?[\s,]*")  # "X (JNIM), whose": past the acronym
# ("ne" is also the folded participle "né": "né à Tombouctou", "né en 1980", "né le 3 mai" are no negation)
# (Only whether it matches is asked: written to open on "n" and "w", the letters of every match, where a
# pattern that opens on \b is tried at every offset: `\bnot\b|...|n't\b|\bn'|\bne\b(?!...)`.)
_NEG = re.compile(r"n(?:(?<!\wn)(?:ot\b|ever\b|o\s+longer\b|either\b|or\b|'|e\b(?!\s+(?:en|au|aux|a|dans|de|du|des|d'|vers|"
                  r"pres|fin|debut|mi|lors|apres|avant|sous|entre|le\s+\d|\d)))|'t\b)|w(?<!\ww)ithout\b")


# "into a new group, X", "into a single organisation called X", "au sein d'une seule organisation, le X"
NEW_GROUP = re.compile(r"\s*(?:(?:an?|une?)\s+)?(?:new|single|unified|joint|nouvel(?:le)?|nouveau|seule?|meme|unique)\s+"
                       r"(?:group|organi[sz]ation|movement|coalition|alliance|entity|front|groupe|mouvement|entite|structure)"
                       r"(?:\s+(?:unique|commune?))?\s*(?:,\s*|\s+(?:called|named|known\s+as|appelee?|baptisee?|denommee?|nommee?)\s+)")


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


def _pledge_opening(verbs: list[str], nouns: list[str], any_noun: str) -> str:
    r"""`(?:(?<![\w'])|(?<=\bd'))(?:(?:verbs)\s+(?:[\w']+\s+){0,2}?)?(?:nouns)` (an allegiance noun, a verb
    before it), written as one branch per first letter (each its verbs' branch, then its nouns'),
    so that the engine tries the pattern only where such a letter occurs; a pattern that opens on a
    lookbehind is tried at every offset. A verb or noun with another first letter cannot match
    there, so the branches try what the pattern tries, in the same order."""
    vs, ns = by_first_letter(verbs), by_first_letter(nouns)
    branches = []
    for c in dict.fromkeys([*vs, *ns]):
        parts = ([rf"(?:{'|'.join(vs[c])})\s+(?:[\w']+\s+){{0,2}}?(?:{any_noun})"] if c in vs else []) + (
            [rf"(?:{'|'.join(ns[c])})"] if c in ns else [])
        branches.append(rf"{c}(?:(?<![\w']{c})|(?<=\bd'{c}))(?:{'|'.join(parts)})")
    return "(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"


def _may_match(needles: tuple[str, ...] | None, text: str) -> bool:
    """Whether the pattern of the phrases whose needles these are (`phrase_needles`) may match in `text`:
    `text` holds one of them (or they are None)."""
    return needles is None or any(map(contains, repeat(text), needles))  # (operator.contains: a C call, where
    # `text.__contains__` is a slot wrapper that packs its argument in a tuple)


def lead_starts(leads: tuple[frozenset, tuple[str, ...]], sent: Sent) -> list[int]:
    """The offsets of the words of the sentence (its word tokens, runs of word characters: the tokens
    its candidates are read from too) that are a lead or open with a prefix of `leads`
    (`phrase_leads`), in order (C loops over the tokens)."""
    starts, _, words = sent.toks
    whole, prefixes = leads
    if not prefixes:
        return list(compress(starts, map(whole.__contains__, words)))
    return list(compress(starts, map(or_, map(whole.__contains__, words), map(str.startswith, words, repeat(prefixes)))))


def finditer_led(rx: re.Pattern, leads: tuple[frozenset, tuple[str, ...]] | None, sent: Sent):
    """`rx.finditer(sent.low)` for a trigger pattern of this module (compile_phrases, compile_union,
    `elided` forms, the pledge opening and patterns that open on them), tried only at the words a
    phrase of its lists opens on (`leads`, see `phrase_leads`), not at each letter of the sentence.
    A match of such a pattern opens where no word character comes before it (the phrase's
    lookbehind; an apostrophe may, in an elision), on the phrase's first word, whole (a phrase's
    first word is followed in its pattern by a character that is no word character, or ends the
    phrase, whose end test wants none), or on a word that opens with a starred first word's
    letters: at the start of a token of the sentence that is a lead or opens with a prefix, so
    `finditer_at` there finds what `rx.finditer` finds."""
    return rx.finditer(sent.low) if leads is None else finditer_at(rx, sent.low, lead_starts(leads, sent))


class RelationPatterns:
    def __init__(self, kb: KnowledgeBase, an: Analyzer, v: Vocab):
        self.kb, self.an, self.v = kb, an, v
        verbs = v.alternation("pledge", "pledge_verbs", longest_first=True)
        nouns = v.alternation("pledge", "allegiance_nouns")
        to = v.alternation("pledge", "to")
        # (a short adverbial may come between the noun and its object: "allegiance in a video to X",
        # "allégeance en 2020 à X")
        self.pledge_rx = re.compile(_pledge_opening(v.patterns("pledge", "pledge_verbs", longest_first=True),
                                                    v.patterns("pledge", "allegiance_nouns"), nouns)
                                    + rf"(\s+(?:in|on|at|during|via|through|dans|lors|en|par)(?:\s+[\w'-]+){{1,4}}?)?\s+(?:{to})(?!\w)")
        more_to = "|".join(p for p in v.patterns("pledge", "to") if p != "avec")  # "à A, avec B": B is no object
        self.more_to_rx = re.compile(rf"\s*(?:,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)(?:{more_to})\s+(?:the\s+|l'|la\s+|le\s+|les\s+)?"
                                     r"(?:(?:[\w-]+\s+){0,2}?(?:emir|leader|chief|chef|dirigeant)\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'))?")
        # "Y, to which X swore allegiance", "Y, à laquelle elle a prêté allégeance": Y is the relative's antecedent
        self.rel_pledge_rx = re.compile(r"(?<![\w'])(?:to\s+(?:which|whom)|a\s+(?:laquelle|qui|lequel|lesquels|lesquelles)|auquel|auxquels|auxquelles)"
                                        rf"\s+((?:[\w']+\s+){{1,6}}?)(?:{verbs})\s+(?:[\w']+\s+){{0,2}}?(?:{nouns})(?![\w'])")
        self.join_rx = v.rx("pledge", "join_verbs")
        # the words the trigger patterns open on (see finditer_led)
        self.pledge_leads = phrase_leads(v.words("pledge", "pledge_verbs"), v.words("pledge", "allegiance_nouns"))
        self.join_leads = phrase_leads(v.words("pledge", "join_verbs"))
        self.accept_leads = phrase_leads(v.words("pledge", "accept_verbs"))
        self.split_leads = phrase_leads(v.words("split", "split_verbs"), v.words("split", "split_nouns"))
        self.rally = set(v.words("pledge", "rally_nouns"))
        of_nouns = v.words("pledge", "pledge_of_nouns")
        self.pledge_of = tuple(of_nouns)  # (the cheap test)
        # "the pledge of X to Y", "l'allegeance de X a Y" (an elided article may come before the noun)
        self.pledge_of_rx = re.compile(r"(?<!\w)(?:" + v.alternation("pledge", "pledge_of_nouns") + r")(?=\s+(?:of\s|de\s|du\s|des\s|d'))") if of_nouns else None
        self.owner_rx = re.compile(r"'s?\s+(?:" + nouns + r")\b")
        leaders = v.alternation("common", "anaphor_person")
        # "the leader of X", "le chef de X": right before the name (see led_group)
        self.leader_of_rx = re.compile(r"\b(?:" + leaders + r")\s+(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l')?|du\s+|d')$") if leaders else re.compile(r"(?!x)x")
        # "accepted the pledge of X", "accepted oaths of allegiance from X", "welcomed pledges from A and B"
        self.accept_rx = re.compile(v.rx("pledge", "accept_verbs").pattern + r"\s+(?:the\s+|its\s+|their\s+|l'|la\s+|le\s+|les\s+)?"
                                    + r"(?:" + nouns + r"|pledges?|oaths?|sermons?)(?:\s+(?:of|d')\s*(?:" + nouns + r"))?"
                                    + r"\s+(?:of|from|de|du|des|d')\s*(?:the\s+)?")
        self.list_rx = v.rx("pledge", "list_intro")
        self.split_rx = compile_union(v.words("split", "split_verbs"), v.words("split", "split_nouns"))
        self.leave_rx = v.rx("split", "leave_verbs")
        self.bare_leave = frozenset(v.words("split", "bare_leave_verbs"))
        self.found_rx = re.compile(r"(?:\s+[\w']+){0,3}?\s+(?:to|pour)\s+(?:" + v.alternation("split", "found_verbs") + r")\b")
        naming = v.alternation("split", "naming", longest_first=True)  # "took the name X", "pour prendre le nom d'X"
        self.create_rx = re.compile(r"\b(?:to|pour)\s+(?:" + v.alternation("split", "found_verbs") + r")\b"
                                    + (r"|(?<![\w'])(?P<naming>" + naming + r")(?:(?<=')|(?!\w))" if naming else ""))
        # "X is a splinter group that broke away from Y", "X se présente comme une faction dissidente qui a
        # fait scission avec Y": the predicate's subject splits (a head noun of an apposition, one word
        # before it and one after it, then the relative pronoun and an auxiliary)
        heads = "|".join(sorted((re.escape(w) for w in an.heads), key=len, reverse=True))
        pred = v.alternation("split", "predicate_verbs", longest_first=True)
        self.pred_rel_rx = re.compile(rf"(?<![\w'])(?:{pred})\s+(?:a|an|the|un|une|le|la|l')\s*(?:[\w-]+\s+)?(?:{heads})"
                                      r"(?:\s+[\w-]+)?\s+(?:that|which|qui)\s+(?:has\s+|had\s+|a\s+|avait\s+)?$") if pred else None
        loyal = v.alternation("split", "loyal_to")  # "the fighters loyal to X"
        self.loyal_rx = re.compile(rf"\s+(?:{loyal})\s+") if loyal else None
        self.near_rx = v.rx("split", "near_object")
        branch = v.alternation("split", "branch_nouns")  # "la branche de l'EI": a part of X, not X
        self.branch_rx = re.compile(rf"(?<![\w'])(?:{branch})(?:\s+[\w-]+)?\s+(?:of|de|du|des|d')\s*(?:the\s+|l'|la\s+|le\s+)?$") if branch else None
        # (the participles as after_no_word's letter groups: the pattern is tried only where such a letter occurs)
        parts = v.patterns("common", "origin_participles")
        opening = after_no_word(parts) if parts else r"(?<![\w'])"
        self.origin_rx = re.compile("(?:" + opening + r")\b(?:\s+(?:en|in|fin|debut|late|early)\s+[\w\s]{1,20}?)?\s*"
                                    r"(?:de\s+la|de\s+l'|d'une|d'un|du|par\s+la|par\s+l'|from\s+(?:the|a|an)|out\s+of\s+(?:the|a|an)|"
                                    r"of\s+(?:the|a|an)|by\s+(?:the|a|an)|through\s+(?:the|a|an))\s*$")
        an.founders_of = self.founders_of
        self.modal_rx = v.rx("common", "modal")
        self.realised_rx = v.rx("common", "realised_to")
        self.hedge_rx = v.rx("common", "hedge")
        self.deny_rx = v.rx("common", "deny")
        self.hedge_needles = phrase_needles(v.words("common", "hedge"))
        self.deny_needles = phrase_needles(v.words("common", "deny"))

    def polarity(self, sent: Sent, s: int, e: int) -> str:
        """denied (a denial after the claim or before it), hedged (a hedge cue before it), asserted.
        (Each pattern is searched only where the text searched holds one of its needles: without, it has
        no match.)"""
        low = sent.low
        if _may_match(self.deny_needles, low) and (  # (what both searches read is in the sentence)
                self.deny_rx.search(low, e) or self.deny_rx.search(low[max(0, s - 60):s])):
            return "denied"
        head = low[:e]  # a hedge before the claim or in its verb ("auraient ete tues")
        if _may_match(self.hedge_needles, head) and self.hedge_rx.search(head):
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

    def list_after(self, sent: Sent, pos: int, reach: int = 40) -> list[tuple[EntityRef, tuple[int, int]]]:
        """The groups listed after "including", "among them", "dont" within `reach` of `pos`."""
        m = self.list_rx.search(sent.low, pos, pos + reach)
        if not m or (reach > 40 and self.an.stop_between(sent, pos, m.start())):
            return []
        return self.series(sent, m.end())

    def series(self, sent: Sent, cursor: int, part_start=None) -> list[tuple[EntityRef, tuple[int, int]]]:
        """The groups named in a series from `cursor` on: "A, B and C", "A in Egypt and B"; `part_start(m)`:
        where a name standing for a group opens before mention `m` ("et l'emirat du Sahara d'AQMI")."""
        out = []
        for men in sent.mentions:
            if men.start < cursor:
                continue
            gap = sent.text[cursor:part_start(men) if out and part_start else men.start]
            if out and not re.fullmatch(r"(?:\s+(?:in|en|au)\s+[A-Z][\w\s'\u2019-]{0,30})?\s*(?:,\s*(?:and\s+|or\s+|et\s+)?|\s+(?:and|or|et)\s+)(?:the\s+|l'|la\s+|le\s+|les\s+)?", gap):
                break
            if not out and gap.strip(" ,:"):
                break
            if men.kind not in ("group",):
                break
            out.append((ref_of(men), (men.start, men.end)))
            cursor = men.end
        return out

    def _subject(self, sent: Sent, s: int, mem: Memory):
        lead = self._whose_leader(sent, s)
        if lead is not None:  # "X (X), whose leader, Y, pledged allegiance to Z": X
            return lead
        c = self.an.subject_cand(sent, s)
        coordinated = sent.word_before(s, skip=_COORD_SKIP) in _COORDINATORS
        if coordinated and (c is None or (c.kind in ("entity", "owned") and not self._named_by_clause(sent, c))):
            # "X left Y and pledged allegiance to Z", "X a quitté Y et (a) prêté allégeance à Z": the verb
            # right after "and" shares the subject of the clause (Y is the first verb's object); where
            # that subject names no party ("a handful of commanders quit X, proclaimed themselves Y and
            # pledged ..."), the party named last before the verb
            head = self._first_verb_subject(sent, s) or self.an.sentence_subject_cand(sent)
            first = self.an.resolve(sent, head, mem) if head is not None and not self.an.partitive(sent, head) else None
            if c is None or is_party(first):
                return first, None
        if c is not None and self.an.partitive(sent, c):  # "part of X's fighters joined Y": not X
            return self._named_part(sent, c.end, s, mem), None
        if c is None:
            return self.led_group(sent, s), None
        span = (c.start, c.end) if c.kind in ("entity", "owned") else None
        return self.an.resolve(sent, c, mem), span

    def led_group(self, sent: Sent, s: int) -> EntityRef | None:
        """The group whose leader is the subject of the verb at `s` ("the leader of X pledged", "le chef
        de X a prete allegeance"): the leader acts for it. Else None."""
        m = next((m for m in reversed(sent.mentions) if m.end <= s), None)
        if m is None or m.kind != "group" or not _TO_VERB.fullmatch(sent.low, m.end, s):
            return None
        of = self.leader_of_rx.search(sent.low, max(0, m.start - 30), m.start)
        return ref_of(m) if of is not None else None

    def _first_verb_subject(self, sent: Sent, s: int):
        """The subject of the compound verb that the verb at `s` is coordinated with ("depuis que X, une
        dissidence d'AQMI, a rompu avec Y et prete allegeance a Z": X, not the main clause's subject),
        where one comes before it in its clause; else None."""
        aux = None
        for aux in _AUX_BEFORE.finditer(sent.low, max(0, sent.low.rfind(";", 0, s) + 1), s):
            pass
        if aux is None:
            return None
        c = self.an.subject_cand(sent, aux.start())
        aside = next((a for a, b in sent.paren if c is not None and a <= c.start < b), None)
        if aside is not None:  # "X, une dissidence d'AQMI, a rompu": X, not the name inside the aside
            c = self.an.subject_cand(sent, aside)
        return c if c is not None and c.kind in ("entity", "owned") else None

    def _named_by_clause(self, sent: Sent, c) -> bool:
        """Candidate `c` is the group a founding or naming verb just named ("..., called themselves
        X and pledged", "quit Y to found X and pledged"): the subject of the verbs after it."""
        return any(sent.low[m.end():c.start].strip() in ("", "the", "l'", "le", "la")
                   for m in self.create_rx.finditer(sent.low, max(0, c.start - 50), c.start))

    def _whose_leader(self, sent: Sent, s: int):
        """(group, span) when the party acting at `s` is a group's leader introduced by a relative
        "whose" / "dont le" after the group's name ("X, whose leader, Y, pledged ...",
        "X, dont le chef a prêté allégeance ..."): the group acts through him. Else None."""
        window = sent.low[max(0, s - 90):s]
        if "whose" not in window and "dont" not in window:  # (a cheap test first)
            return None
        w = _WHOSE.search(sent.low, max(0, s - 90), s)
        if w is None or w.group(1) not in self.an.anaphor_p:
            return None
        ante = next((m for m in reversed(sent.mentions) if m.end <= w.start()), None)
        if ante is None or ante.kind != "group" or not _ANTECEDENT_GAP.fullmatch(sent.low, ante.end, w.start()):
            return None
        return ref_of(ante), (ante.start, ante.end)

    def _named_part(self, sent: Sent, a: int, s: int, mem: Memory) -> EntityRef | None:
        """The group a part of a group ends at `a` formed by splitting before `s` ("a faction of
        X broke away to take the name Z and pledged allegiance to Y": Z), else None."""
        split = self.split_rx.search(sent.low, a, s)
        named = self.create_rx.search(sent.low, split.end(), s) if split else None
        if named is None or self.an.stop_between(sent, a, named.start()):
            return None
        got = self.an.first_after(sent, _name_start(sent, named), mem, limit=_name_reach(named))
        return got if is_party(got) else None

    def coordinated(self, sent: Sent, subj: EntityRef, span) -> list[tuple[EntityRef, tuple[int, int] | None]]:
        """The subject and the parties coordinated before it: "A, B and C have joined X"."""
        if span is None:
            return [(subj, span)]
        listed = listed_before(sent, span[0], ("group", "person"), _AND)
        return [(ref_of(m), (m.start, m.end)) for m in listed] + [(subj, span)]

    # ---- pledges -------------------------------------------------------------------
    def pledges(self, sent: Sent, mem: Memory) -> list[Draft]:
        """(A pattern whose trigger list the sentence lacks, `sent.cues`, cannot match: not run.)"""
        out, cues = [], sent.cues
        # "X accepted the pledge of Y": Y pledged to X
        for m in finditer_led(self.accept_rx, self.accept_leads, sent) if ("pledge", "accept_verbs") in cues else ():
            obj = self.to_group(self.an.subject_left(sent, m.start(), mem))
            if not is_party(obj) or self.blocked(sent, m.start()):
                continue
            sub = self.an.first_after(sent, m.end(), mem, limit=40)
            if sub is GENERIC:  # "oaths of allegiance from jihadists in ..., among them A and B"
                subs = self.list_after(sent, m.end(), reach=150)
            else:  # "pledges from A and B" (a named first party heads its series)
                subs = self.series(sent, m.end()) if is_party(sub) else []
                subs = subs if subs and _same(subs[0][0], sub) else [(sub, None)]
            for x, sp in subs:
                if is_party(x) and not _same(x, obj):
                    out.append(Draft("pledge", (m.start(), m.end()), subject=x, object=obj, subj_span=sp))
        for m in finditer_led(self.pledge_rx, self.pledge_leads, sent) if ("pledge", "allegiance_nouns") in cues else ():
            if m.group(1) and re.search(r"\balliance\s*$", sent.low[m.start():m.start(1)]):
                continue  # "an alliance in 2012 to oust ...": a purpose, no pledge
            if self._renounced(sent, m.start(), m.end()):
                continue  # "renounced its allegiance to X", "a renié son allégeance au X": a split (split.yaml)
            got = self._pledge_at(sent, mem, m.start(), m.end(), limit=70, owner=self._noun_owner(sent, m, mem), more=True)
            if got and m.group(1) and any(c.isdigit() for c in m.group(1)):  # "allégeance en 2020 à X": its date
                when = next((d.value for d in sent.dates if m.start(1) <= d.start < m.end(1)), None)
                for d in got:
                    d.date = when
            out += got
        rel = ("pledge", "allegiance_nouns") in cues and _REL_TO.search(sent.low) is not None  # (a cheap test first)
        for m in self.rel_pledge_rx.finditer(sent.low) if rel else ():
            d = self._pledge_to_antecedent(sent, mem, m)
            out += [d] if d else []
        if self.pledge_of_rx is not None and any(map(sent.low.__contains__, self.pledge_of)):
            for m in self.pledge_of_rx.finditer(sent.low):
                d = self._rally(sent, mem, m)
                out += [d] if d else []
        for m in finditer_led(self.join_rx, self.join_leads, sent) if ("pledge", "join_verbs") in cues else ():
            if m.group() in self.rally:
                d = self._rally(sent, mem, m)
                out += [d] if d else []
                continue
            if _FORCES.match(sent.low, m.end()):  # "joined forces (under X)": a merger or an alliance, no pledge
                continue
            own = _POSSESSIVE.search(m.group())  # "rejoined its ranks": the object is the pronoun's owner
            adverb = _ADVERBS_AFTER.match(sent.low, m.end())  # "a rejoint à son tour X", "se ralliait officiellement à X"
            out += self._pledge_at(sent, mem, m.start(), adverb.end() if adverb else m.end(), limit=14,
                                   obj_from=m.start() + own.start() if own else None)
        return out

    def _renounced(self, sent: Sent, s: int, e: int) -> bool:
        """The allegiance noun in [s, e) is given up: a split phrase of split.yaml holds it ("renounced its
        allegiance to", "a renié son allégeance au")."""
        return any(x.start() < e and s < x.end() and ("allegiance" in x.group() or "allegeance" in x.group())
                   for x in self.split_rx.finditer(sent.low, max(0, s - 40), e + 10))

    def _rally(self, sent: Sent, mem: Memory, m: re.Match) -> Draft | None:
        """"le ralliement de X à Y", "l'allégeance de X à Y", "the pledge of X to Y" (a noun): X pledged to Y."""
        de = _OF_NOUN.match(sent.low, m.end())
        c = next((k for k in sent.cands if k.start >= m.end()), None) if de else None
        if c is None or c.start not in (de.end(), de.start(1) if de.lastindex else -1) or c.kind not in ("entity", "owned") or (
                self.blocked(sent, m.start())):
            return None
        to = _TO_NOUN.match(sent.low, c.end)
        subj = self.an.resolve(sent, c, mem)
        at = next((k.start for k in sent.cands if c.end < k.start < to.end() < k.end), to.end()) if to else None  # "à l'|État islamique"
        obj = self.to_group(self.an.first_after(sent, at, mem, limit=4)) if to else None
        if not (is_party(subj) and is_party(obj)) or _same(subj, obj):
            return None
        return Draft("pledge", (m.start(), m.end()), subject=subj, object=obj, subj_span=(c.start, c.end))

    def _pledge_to_antecedent(self, sent: Sent, mem: Memory, m: re.Match) -> Draft | None:
        """"AQIM, to which the brigade swore allegiance": the party named right before the
        relative pledged to; the pledging party is the relative clause's subject."""
        ante = next((k for k in reversed(sent.mentions) if k.end <= m.start()), None)
        if ante is None or ante.kind not in ("group", "person") or sent.low[ante.end:m.start()].strip(" ,)"):
            return None
        if self.blocked(sent, m.end(1)):
            return None
        c = next((k for k in sent.cands if m.start(1) <= k.start < m.end(1)), None)
        subj = self.an.resolve(sent, c, mem) if c is not None else None
        obj = self.to_group(ref_of(ante))
        if c is not None and c.kind == "pronoun" and is_party(subj) and _same(subj, obj):
            subj = self.an.sentence_subject(sent, mem)  # "X joined Y, to which it swore allegiance": X
        if not (is_party(subj) and is_party(obj)) or _same(subj, obj):
            return None
        span = (c.start, c.end) if c.kind in ("entity", "owned") else None
        return Draft("pledge", (m.start(), m.end()), subject=subj, object=obj, subj_span=span,
                     date=_relative_clause_date(sent, m.start()))

    def _noun_owner(self, sent: Sent, m: re.Match, mem: Memory):
        """"(who declared) the new front's allegiance to X": the possessor of the allegiance noun
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
                   owner=None, more: bool = False) -> list[Draft]:
        if self.blocked(sent, s) or re.search(r"\bre\s*$", sent.low[max(0, s - 3):s]):
            return []
        if obj_from is not None:
            e, limit = obj_from, 0
        obj = self.to_group(self.an.first_after(sent, e, mem, limit=limit))
        if not is_party(obj):
            return []
        objects = [obj] + (self._more_objects(sent, e, limit, obj) if more else [])
        if len(objects) > 1:  # "allegiance to A, to B and to the emir of C": one pledge to each
            return [d for o in objects for d in self._pledge_to(sent, mem, s, e, limit, owner, o)]
        return self._pledge_to(sent, mem, s, e, limit, owner, obj)

    def _more_objects(self, sent: Sent, e: int, limit: int, first: EntityRef) -> list[EntityRef]:
        """The parties a pledge's object is coordinated with, each with its own preposition
        ("to A, to B and to the emir of C", "à A et à B")."""
        m = next((k for k in sent.mentions if e <= k.start <= e + limit), None)
        out = []
        while m is not None and m.kind in ("group", "person"):
            end = self._past_apposed_leader(sent, m)
            more = self.more_to_rx.match(sent.low, end) or _BARE_MORE.match(sent.low, end)
            nxt = next((k for k in sent.mentions if k.start >= end), None) if more else None
            if nxt is None or nxt.start != more.end() or nxt.kind not in ("group", "person"):
                break
            if more.re is _BARE_MORE and not self._listed_on(sent, nxt):
                break  # "to A and B attacked ...": B opens a clause of its own
            got = self.to_group(ref_of(nxt))
            if is_party(got) and not _same(got, first) and all(not _same(got, o) for o in out):
                out.append(got)
            m = nxt
        return out

    def _listed_on(self, sent: Sent, m) -> bool:
        """Party `m` of a list with no prepositions ends the list (a mark, the sentence's end, a date or
        a place to come) or another party follows it in the list."""
        end = self._past_apposed_leader(sent, m)
        if _LIST_END.match(sent.low, end):
            return True
        more = _BARE_MORE.match(sent.low, end)  # (then a party, or a name the knowledge base lacks)
        return more is not None and (sent.text[more.end():more.end() + 1].isupper() or any(
            k.start == more.end() and k.kind in ("group", "person") for k in sent.mentions))

    @staticmethod
    def _past_apposed_leader(sent: Sent, m) -> int:
        """Where a pledge's object `m` ends with its leader in apposition ("AQIM's emir Abdelmalek
        Droukdel,", "l'émir d'AQMI, Abdelmalek Droukdel,"): past the leader's name, else m.end."""
        gap = _APPOSED_LEADER.match(sent.low, m.end)
        if gap is None or m.kind != "group":
            return m.end
        leader = next((k for k in sent.mentions if k.start == gap.end() and k.kind == "person"), None)
        return m.end if leader is None else leader.end

    def _pledge_to(self, sent: Sent, mem: Memory, s: int, e: int, limit: int, owner, obj: EntityRef) -> list[Draft]:
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
        """The group a birth participle before `s` describes ("issu d'une scission du ...",
        "born from the merger of ..."): the subject after a sentence-opening participial phrase,
        the actor an apposition describes, the actor before ", né ...", or the subject of "est né"."""
        m = self.origin_rx.search(sent.low, max(0, s - 50), s)
        if m is None:
            return None
        p = m.start()
        if not sent.low[:p].strip(" \"'«"):  # sentence-opening: "Issu de la fusion de A et B, le X ..."
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
        if _ORIGIN_AUX.search(sent.low, max(0, p - 40), p):  # "X est né", "X était ainsi né", "X was officially born"
            return self.an.subject_left(sent, p, mem)
        named = next((x for x in reversed(sent.mentions) if x.end <= p), None)  # "JNIM emerged in 2017 from the merger of"
        if (m.group().startswith("emerged") and named is not None and named.kind == "group"
                and not sent.low[named.end:p].strip()):  # (not "linked to X formed in 2017 by": a reduced relative)
            return ref_of(named)
        return None

    def origin_date(self, sent: Sent, s: int) -> str | None:
        """The date inside the birth participle before `s` ("formed in 2024 out of the merger",
        "issu en 2013 d'une scission"): the date of the merger or split, wherever the sentence
        goes on to ("..., ont cohabité jusqu'en 2020")."""
        m = self.origin_rx.search(sent.low, max(0, s - 50), s)
        if m is None or not re.search(r"\d", m.group()):
            return None
        return next((d.value for d in sent.dates if m.start() <= d.start < s), None)

    def founders_of(self, sent: Sent, pos: int, mem: Memory) -> EntityRef | None:
        """The group born of the split of the part of a group named at `pos` ("Z est issu de la
        dissidence d'une partie des militants de X": Z), else None."""
        last = None
        for m in self.split_rx.finditer(sent.low, max(0, pos - 60), pos):
            last = m
        if last is None or len(sent.low[last.end():pos].split()) > 3:
            return None
        return self.origin(sent, last.start(), mem)

    # ---- splits --------------------------------------------------------------------
    def splits(self, sent: Sent, mem: Memory) -> list[Draft]:
        out = []
        for m in finditer_led(self.split_rx, self.split_leads, sent):
            if m.group() in self.bare_leave and not _OBJECT_PRONOUN.match(sent.low, m.end()) and not any(
                    m.end() < x.start <= m.end() + 8 for x in sent.mentions):
                continue  # "left", "deserted" with no group (or "it") right after: nothing left ("left 12 dead")
            d = self._split_at(sent, mem, m.start(), m.end(), m.group())
            if d:
                out.append(d)
                joined = self._left_to_join(sent, mem, d, m.end())
                out += [joined] if joined else []
        return out

    def _left_to_join(self, sent: Sent, mem: Memory, split: Draft, e: int) -> Draft | None:
        """"X quit Y to join Z", "X a quitté Y pour rejoindre Z": the split's party pledged to Z too
        (a purpose the news tells as done)."""
        if not is_party(split.subject) or not is_party(split.object):
            return None
        after = next((k for k in sent.cands if k.start >= e), None)  # past the group left
        m = _TO_JOIN.match(sent.low, after.end) if after is not None else None
        if m is None or after.start - e > 8:
            return None
        to = self.to_group(self.an.first_after(sent, m.end(), mem, limit=6))
        if not is_party(to) or _same(to, split.subject) or _same(to, split.object):
            return None
        return Draft("pledge", (m.start(), m.end()), subject=split.subject, object=to, subj_span=split.subj_span)

    def _split_at(self, sent: Sent, mem: Memory, s: int, e: int, trig: str) -> Draft | None:
        origin = self.origin(sent, s, mem)  # "X, issu d'une scission au sein du Y", "Ce front est issu de la dissidence de ... Y"
        if origin is not None:
            parent = next((ref_of(m) for m in self.an.mentions_between(sent, e, e + 90, kinds=("group",))), None)
            if not is_party(parent) or _same(parent, origin) or self.blocked(sent, s):
                return None
            mem.last_split_object = parent
            return Draft("split", (s, e), subject=origin, object=parent, date=self.origin_date(sent, s))
        words = trig.split()
        subj = obj = span = None
        if words[-2:] == ["out", "of"]:  # "walked out of X": X, the direct object, else no split
            obj = self.an.first_after(sent, e, mem, limit=6)
            if not is_party(obj):
                return None
        elif words[-1] == "of":
            x = self.an.first_after(sent, e, mem) or next(  # (a candidate "group of X" opens inside the trigger)
                (ref_of(m) for m in self.an.mentions_between(sent, e, e + 40, kinds=("group", "person"))), None)
            frm = re.search(r"\bfrom\b", sent.low[e:e + 80])
            if frm and is_party(x):
                subj, obj = x, self.an.first_after(sent, e + frm.end(), mem)
            elif words[0].startswith("split") or words[0] in _SPLINTER_WORDS:  # "X, a splinter group of Y": Y left
                obj = x
            else:
                subj = x
        elif words[-1] in ("from", "with", "avec", "de", "du", "d'avec", "d'", "within", "to", "a", "au"):
            near = self.near_rx.match(sent.low, s) is not None  # "se sépare de deux otages": no group left
            obj = self.an.first_after(sent, e, mem, limit=6 if near else 80)
            if near and not is_party(obj):
                return None
        else:
            frm = re.match(r"\s+(?:from|with)\b", sent.low[e:e + 8])
            leave = None if frm else self.leave_rx.match(sent.low, s)
            if frm:
                obj = self.an.first_after(sent, e + frm.end(), mem)
            elif leave:  # "quit the GSPC", "left the organisation", "a quitté AQMI": the direct object, a group
                obj = self.an.first_after(sent, leave.end(), mem, limit=6)
                c = next((k for k in sent.cands if k.start >= leave.end()), None)
                prior = [x for x in sent.mentions if x.end <= s and x.kind == "group"]
                if c is not None and c.kind == "pronoun" and c.start - leave.end() <= 2 and prior:
                    obj = ref_of(prior[-1])  # "quarrelled with AQIM's leadership and left it": the group named before
                ent = self.kb.entities.get(obj.id) if is_party(obj) and obj.id else None
                if not is_party(obj) or (ent is not None and ent.kind != "group"):
                    return None
            that_of = re.match(r"[^.;]{0,30}?\bthat\s+of\b", sent.low[e:e + 50])
            if that_of:
                subj = self.an.first_after(sent, e + that_of.end(), mem)
        if is_party(obj):
            mem.last_split_object = obj
        if self.blocked(sent, s):
            return None
        owner = weak = None
        if subj is None:
            subj, span = self._predicate_subject(sent, s, mem)
        if subj is None:
            c = self.an.subject_cand(sent, s)
            loyal = self._loyal_to(sent, c, s)
            if loyal is not None:  # "the fighters loyal to X broke away": X's group
                subj, span, c = loyal, None, None
            # a group pronoun ("they", "it", "elle") or a common noun acts: the group it founds or
            # names, when one follows ("walked out of Y and set up X", "... and called itself X")
            weak = c is not None and c.kind == "pronoun" and not c.person and not c.possessive
            coordinated = sent.word_before(s) in _COORDINATORS
            if c is None and coordinated:
                c = next((k for k in sent.cands if not sent.in_paren(k.start) and not (
                    k.kind == "entity" and self.an.is_prepositional(sent, k))), None)
            if c is not None and (self.an.partitive(sent, c) or self._branch_of(sent, c)):
                # "a faction of X broke away to take the name Z", "some of them broke away from
                # Y to found Z": a part is not the whole; the group it left is X (when no other
                # is named), its subject the group it formed (below), if named
                if not is_party(obj) and c.kind in ("owned", "entity"):
                    obj = self.an.resolve(sent, c, mem)
                    if is_party(obj):
                        mem.last_split_object = obj
                c = None
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
        elif (weak or not is_party(subj)) and is_party(obj):  # "rebels broke away from Y to establish X": X split from Y
            found = self.create_rx.search(sent.low, e, e + 90)
            if found and not self.an.stop_between(sent, e, found.start()):
                at = _name_start(sent, found)
                named = self.an.first_after(sent, at, mem, limit=_name_reach(found))
                if not weak or (is_party(named) and any(  # a name, not an anaphor ("called itself the movement")
                        at <= m.start <= at + _name_reach(found) and _same(ref_of(m), named)
                        for m in sent.mentions)):
                    subj, span = named, None
        if not is_party(obj):
            obj = mem.last_split_object
        if not (is_party(subj) and is_party(obj)) or subj.id == obj.id and subj.id:
            return None
        obj = self._group_of(self._left_group(sent, mem, e, subj, obj))  # "broke with Zouabri": his group
        if subj.id and subj.id == obj.id:
            return None
        return Draft("split", (s, e), subject=subj, object=obj, subj_span=span)

    def _group_of(self, ref: EntityRef) -> EntityRef:
        """The armed group a person leads (KB `leads`, a group, not a state's force), else `ref`."""
        got = self.to_group(ref)
        ent = self.kb.entities.get(got.id) if got is not ref and got.id else None
        return got if ent is not None and ent.kind == "group" else ref

    def _predicate_subject(self, sent: Sent, s: int, mem: Memory):
        """(subject, span) of a split told by a predicate noun and its relative clause ("X is a
        splinter group that broke away from Y", "X se présente comme une faction qui a rompu avec
        Y"), else (None, None)."""
        if self.pred_rel_rx is None:
            return None, None
        window = sent.low[max(0, s - 90):s]
        if "that" not in window and "which" not in window and "qui" not in window:  # (a cheap test first)
            return None, None
        m = self.pred_rel_rx.search(sent.low, max(0, s - 90), s)
        c = self.an.subject_cand(sent, m.start()) if m else None
        if c is None or c.kind not in ("entity", "owned", "anaphor", "pronoun"):
            return None, None
        subj = self.an.resolve(sent, c, mem)
        return (subj, (c.start, c.end) if c.kind in ("entity", "owned") else None) if is_party(subj) else (None, None)

    def _branch_of(self, sent: Sent, c) -> bool:
        """"la branche de l'EI", "the Saharan wing of AQIM": a part of the group named, not the group."""
        return (c.kind == "entity" and self.branch_rx is not None
                and self.branch_rx.search(sent.low, max(0, c.start - 40), c.start) is not None)

    def _loyal_to(self, sent: Sent, c, s: int) -> EntityRef | None:
        """"the fighters loyal to X broke away", "les combattants fidèles à X": the group X leads
        (else X), when a noun of fighters comes right before the phrase; else None."""
        if c is None or self.loyal_rx is None:
            return None
        lo = max(0, c.start - 40)
        m = self.loyal_rx.search(sent.low, lo, s)
        if m is None:
            return None
        if not (c.kind == "owned" and c.start < m.start() < c.end):  # (an owned phrase: "fighters loyal to X")
            noun = next((k for k in reversed(sent.cands) if k.end <= m.start()), None)
            if noun is None or noun.kind != "generic" or noun.end != m.start():
                return None
        x = next((k for k in sent.mentions if k.start >= m.end()), None)
        if x is None or x.start - m.end() > 4 or x.end > s or x.kind not in ("person", "group"):
            return None
        return self._group_of(ref_of(x))

    def _left_group(self, sent: Sent, mem: Memory, e: int, subj: EntityRef, obj: EntityRef) -> EntityRef:
        """"X split from the organisation": for a person whose membership the KB knows (a group
        he split from or pledged to), the one of his groups named before it in the sentence (the
        last), else the group last named before the sentence; else the nearest group (`obj`)."""
        c = next((k for k in sent.cands if e <= k.start <= e + 80), None)
        ent = self.kb.entities.get(subj.id) if subj.id else None
        if c is None or c.kind != "anaphor" or c.person or ent is None or ent.kind != "person":
            return obj
        ids = {r.object for rel in ("split_from", "pledged_to") for r in self.kb.relations_of(subj.id, rel)}
        if obj.id in ids:
            return obj
        named = [m for m in sent.mentions if m.end <= c.start and m.entity_id in ids]
        if named:
            return ref_of(named[-1])
        last = mem.last_group
        return last if last is not None and last.id in ids else obj


def listed_before(sent: Sent, cursor: int, kinds: tuple[str, ...], gap: re.Pattern) -> list:
    """The mentions (of `kinds`) coordinated right before `cursor`, in text order ("A, B and C" before
    "have joined X"): each separated from the next by a `gap` the pattern matches whole."""
    out: list = []
    for m in reversed([m for m in sent.mentions if m.end <= cursor and m.kind in kinds]):
        if not gap.fullmatch(sent.low[m.end:cursor]):
            break
        out.insert(0, m)
        cursor = m.start
    return out


def _name_start(sent: Sent, m: re.Match) -> int:
    """Where the name a founding or naming verb (`m`, create_rx) introduces may start: past "a new
    group," ("and formed a new group, X", "pour fonder un nouveau mouvement, le X")."""
    new = NEW_GROUP.match(sent.low, m.end())
    return new.end() if new else m.end()


def _name_reach(m: re.Match) -> int:
    """How far after "to found" (40: "to found in Gao the X") or a naming phrase (6: "took the
    name X", "and formed X"; not "and formed an alliance with X") the new group's name may start."""
    return 6 if m.group("naming") else 40


def _relative_clause_date(sent: Sent, s: int) -> str | None:
    """The date of a claim told in a relative clause opening at `s`: one inside the clause (up to
    the next comma), else the nearest before it (the clause it hangs on), never one after it
    (the sentence goes on about something else)."""
    comma = sent.low.find(",", s)
    end = comma if comma >= 0 else len(sent.low)
    inside = [d for d in sent.dates if s <= d.start < end]
    if inside:
        return inside[0].value
    before = [d for d in sent.dates if d.end <= s and not sent.in_paren(d.start)]
    return before[-1].value if before else None


# ---- the place of a relation claim ---------------------------------------------------
_ATTACHED = re.compile(r"\s*(?:[\u2013\u2014,-]\s*)?(?:based\s+)?in\s+(?:the\s+)?"
                       r"(?:(?:central|northern|southern|eastern|western)\s+)?")
# a birthplace ("né au Sahara occidental", "born in 1975 in Gao", "originaire de Kidal") is
# nobody's place of a pledge, split or merger
# (written to open on a letter, after_no_word: a pattern that opens on a lookbehind is tried at every offset)
_BIRTH = re.compile("(?:" + after_no_word(["nee?s?", "born", "natif", "native", "originaire"]) + r")\b[^,;()\u2013\u2014]{0,25}$")
_HEAD_WORDS = 4  # a demonym in an actor's own apposition counts within its first words ("the Nigerian group")


def party_place(sent: Sent, span: tuple[int, int] | None, others: list[tuple[int, int]],
                trig: tuple[int, int] | None = None, *, is_region: Callable[[str], bool]) -> tuple[str | None, str | None]:
    """(place, country) of a pledge/split/merger whose party is named at `span` (or None),
    the trigger at `trig`, the other claims' parties at `others`:
    - a place in the party's name or right after it ("X in Nigeria", "X – based in central
      Algeria –"); a region in its name (`is_region`: "the Movement for the Salvation of Azawad")
      names no place the party acts from, only its country;
    - else the one country named in a group's own apposition ("X, a splinter of Y active in
      Algeria, ..."; a person's tells his past, "X, who led a unit on the Algeria-Mali border");
    - else the one country the sentence names outside any other actor's name, not attached to
      another party.
    Never a birthplace ("né au Sahara occidental"), a demonym that names or qualifies people
    ("le Malien Iyad Ag Ghaly", "Algerian recruits"), nor a place inside an aside (apposition,
    parenthesis, dashes) other than the party's own, unless the trigger is in that aside."""
    real = [p for p in sent.places if p.kind in ("country", "place", "demonym")]
    if not real:
        return None, None
    real = [p for p in real if not _BIRTH.search(sent.low, max(0, p.start - 40), p.start)
            and not (p.kind == "demonym" and _names_person(sent, p))]
    if span:
        for p in real:
            if span[0] <= p.start < span[1] and is_region(p.canonical):  # "Mouvement pour le salut de l'Azawad"
                return None, p.country
            if span[0] <= p.start < span[1] or _ATTACHED.fullmatch(sent.text, span[1], p.start):
                return _as_slots(p)
    own = _own_aside(sent, span) if span else None
    if own is not None and any(m.start == span[0] and m.kind == "group" for m in sent.mentions):
        got = [p for p in real if own[0] <= p.start < own[1]
               and (p.kind != "demonym" or _within_words(sent, own[0], p.start, _HEAD_WORDS))]
        if len({p.country for p in got}) == 1:
            return _as_slots(got[0])
    trig_aside = _aside_of(sent, trig[0]) if trig else None
    real = [p for p in real if _aside_of(sent, p.start) in (None, trig_aside)]
    inside_other = lambda p: any(m.start <= p.start < m.end for m in sent.mentions  # noqa: E731
                                 if not (span and m.start == span[0]))
    claimed = {p.country for sp in others for p in real
               if sp[0] <= p.start < sp[1] or _ATTACHED.fullmatch(sent.text, sp[1], p.start)}
    free = {p.country for p in real if not inside_other(p) and p.country not in claimed}
    return (None, free.pop()) if len(free) == 1 else (None, None)


def _names_person(sent: Sent, p) -> bool:
    """A demonym that names or qualifies a person: right before a person's name ("le Malien
    Iyad Ag Ghaly", "the Algerian Droukdel"), or a French noun ("un Malien": capitalised
    inside the sentence; the adjective is lower case)."""
    nxt = next((m for m in sent.mentions if m.start >= p.end), None)
    if nxt is not None and nxt.kind == "person" and not sent.text[p.end:nxt.start].strip():
        return True
    people = sent._an.agent if sent._an is not None else ()
    before, after = sent.low[max(0, p.start - 20):p.start].split()[-1:], sent.low[p.end:p.end + 20].split()[:1]
    if any(w in people for w in before + after):  # "vétérans algériens", "Algerian recruits": nationality
        return True
    return (p.start > 0 and sent.text[p.start:p.start + 1].isupper()
            and _FR_NOUN_DET.search(sent.low, max(0, p.start - 4), p.start) is not None)


_FR_NOUN_DET = re.compile(r"(?<![\w'])(?:le|un|du|au|l')\s*$")


def _aside_of(sent: Sent, pos: int) -> tuple[int, int] | None:
    return next(((a, b) for a, b in sent.paren if a <= pos < b), None)


def _own_aside(sent: Sent, span: tuple[int, int]) -> tuple[int, int] | None:
    """The apposition or parenthesis right after the party's name ("X, a ...,", "X (a ...)")."""
    return next(((a, b) for a, b in sent.paren if span[1] <= a <= span[1] + 2 and not sent.low[span[1]:a].strip()), None)


def _within_words(sent: Sent, a: int, b: int, n: int) -> bool:
    return len(sent.low[a:b].split()) <= n


def _as_slots(p) -> tuple[str | None, str | None]:
    return (p.name, p.country) if p.kind == "place" else (None, p.country)


def _same(a: EntityRef, b: EntityRef) -> bool:
    return (a.id or a.name) == (b.id or b.name)
