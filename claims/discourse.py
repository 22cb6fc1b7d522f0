"""One sentence's analysis (mentions, candidates for a party, parentheticals) and the
discourse memory that resolves "the group", "they", "he", "its" across sentences.

Finding the party of a trigger is a leftward scan over candidates (entity mentions,
pronouns, anaphoric noun phrases, generic agents such as "militants"): parentheticals
and appositions are skipped, an entity governed by a preposition ("from X", "of X") is
not a subject, a clause boundary ("that", "but", ";") stops the scan. "AQIM terrorists",
"AQIM's elements", "members of X" count as X; "part of X's fighters" does not. A relative
pronoun after an apposition's head noun ("X, a movement that/which ...") stands for the
actor the apposition describes; "the battalion" for the last group named as a battalion,
brigade or katiba (none named: nobody).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import attrgetter

from claims.entities import Mention
from claims.kb import KnowledgeBase
from claims.model import EntityRef
from claims.places import PlaceMention
from claims.dates import DateMention
from claims.vocab import Vocab, word_opening

GENERIC = EntityRef(id=None, name="<generic>", text="")
ACTOR_KINDS = ("group", "person")
_WORD_SPLIT = re.compile(r"(\w+|[^\w\s])")
# The same split for an ASCII sentence, with ASCII classes (cheaper to test than Unicode categories); for ASCII
# characters the Unicode classes are these, except that \x1c-\x1f are Unicode white space.
_WORD_SPLIT_ASCII = re.compile(r"(\w+|[^\w\s\x1c-\x1f])", re.ASCII)
# `(?:\b(?:the|this|that|le|la|ce|cet|cette)\s+|(?<![\w'])l')...`, written to open on its first letters (the
# same matches: a pattern that opens on \b is tried at every offset)
_DEFINITE_NP = re.compile(r"(?:t(?<!\wt)(?:he|his|hat)\s+|l(?:(?<!\wl)(?:e|a)\s+|(?<![\w']l)')|c(?<!\wc)(?:e|et|ette)\s+)"
                          r"(?:(?!the\b|this\b|that\b|le\b|la\b)[\w']+\s+){0,3}$")
_FIRST_TWO = re.compile(r"([a-z]+)\s+([a-z]+)?")
_NEW = re.compile(r"\b(?:new|newly|nouveau|nouvel|nouvelle)\b")
_AND = re.compile(r"\s+(?:and|et)\s+")
_BEFORE_REACH, _AFTER_REACH = 60, 40  # how far before and after a mention its candidate may reach (_mention_cands)
_AFTER = re.compile(r"(?:'s?)?\s*([a-z]+)(?:\s+([a-z]+))?")
# (a word and the spaces after it are possessive, "[a-z]++\s++": a shorter word, which a space would have to
# follow, or fewer spaces, which a letter would, cannot match: the same matches without trying them)
_BEFORE = re.compile(r"\b([a-z]++)\s++(?:(?:of|from|within|in|de|du|des|(?:led|headed|commanded|dirigee?s?|menee?s?)\s+(?:by|par))\s+|d'|"
                     r"se\s+reclamant\s+(?:de\s+|du\s+|d'|des\s+)|(?:[a-z]++\s++)?(?:links?|ties|linked|"
                     r"affiliated|loyal|allied|connected|close|lie|liee|lies|proche)\s+(?:to|with|a|au|de)\s+)"
                     r"(?:the\s+|l'|la\s+|le\s+)?$")
# The words that end _BEFORE (before an optional article): one of the window's last two chunks is one.
_OWNER_PREPS = frozenset({"of", "from", "within", "in", "de", "du", "des", "by", "par", "to", "with", "a", "au"})
_APPOSITION = re.compile(r",\s+(?:a|an|the|who|which|whose|one|its|his|their|himself|itself|now|once|formerly|un|une|le|la|les|qui|dont|son|sa|ses|lui\s+meme|elle\s+meme|ancien|ancienne"
                         # a participle of birth: "X, formed in 2013 by ..., joined Y", "X, issu d'une scission de Y, a ..."
                         r"|born|formed|created|founded|established|issue?s?|nee?s?|formee?s?|creee?s?|fondee?s?|apparue?s?)\b[^,;]{1,160},")
_PART = (r"(?:(?:une|a)\s+partie|part|some|certains|a\s+few|a\s+number|dozens|hundreds|a\s+group|a\s+handful"
         r"|most|many|(?:the|a|la|une)\s+majorit[ye]|la\s+plupart|beaucoup|nombre"
         r"|(?:a|une)\s+faction|a\s+splinter(?:\s+group)?|a\s+wing|une\s+aile|un\s+groupe)")
_PARTITIVE = re.compile(r"\b" + _PART + r"\s+(?:des|de\s+ses|de\s+leurs|de\s+la|de\s+l'|du|de|d'|of(?:\s+the|\s+its|\s+their)?)\s*$")
# "a faction of X", "une faction d'X": a candidate owned by X whose head noun is the part itself
_PART_HEAD = re.compile(r"(?<![\w'])(?:a|an|un|une)\s+(?=(?:faction|splinter(?:\s+group)?|wing|aile|groupe|group)\s+(?:of\b|de\b|du\b|des\b|d'))")
# "c'etait au tour du MSA de faire secession", "then came the turn of X to ...": X acts, though after a preposition
_TURN_OF = re.compile(r"\b(?:au\s+tour|the\s+turn)\s+(?:de\s+|du\s+|des\s+|d'|of\s+)(?:the\s+|la\s+|l'|le\s+)?$")
# "X lui-même", "le MSA elle-même": an emphatic pronoun repeats the name before it (no other party)
_EMPHATIC = re.compile(r"\s+memes?\b")
_FINITE_AUX = re.compile(r"\s+(?:a|avait|ont|avaient|est|sont|etait|has|had|have|is|was|are|were)\s")
_LIST_ARTICLE = re.compile(r",\s+(?:the\s+|le\s+|la\s+|les\s+|l')")
_LIST_NEXT = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,|\band\b|\bet\b|$)")
_POSSESSIVE_S = re.compile(r"'s?\s")  # "Belmokhtar's al-Mulathamun Battalion"
# "It is ...", "it seems ...", "it has been ..." opening a sentence; "it is not clear", "it was believed": no party
_IT_OPENS = re.compile(r"\s+(?:is|was|should|must|seems|appears|may|might|would|could|remains|has\s+been)\b")
_IT_IMPERSONAL = re.compile(r"\s+(?:is|was|isn't|wasn't|seems|appears|remains)\s+(?:not\s+)?(?:clear|unclear|likely|possible|"
                            r"important|true|known|believed|said)")
_BRACKETS = re.compile(r"\([^()]{0,200}\)|\[[^\[\]]{0,80}\]")
_DASH_ASIDE = re.compile(r"\s[\u2013\u2014]\s[^\u2013\u2014]{1,120}?\s[\u2013\u2014]\s")


@lru_cache(maxsize=1 << 10)
def _whole_words_rx(words: tuple[str, ...]) -> re.Pattern:
    """`\\b(?:w1|w2|...)\\b` for `words`, in their order, written to open on their first letters
    (claims.vocab.word_opening) where each opens on a letter or digit: the same matches, but a pattern
    that opens on \\b is tried at every offset of a text, one that opens on characters only where one
    of them is."""
    if all(w[:1].isalnum() for w in words):
        return re.compile(word_opening([re.escape(w) for w in words]) + r"\b")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


_START = attrgetter("start")


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """`pos` lies in one of the (start, end) spans (a plain loop: the lists are short, often empty,
    and a generator costs more)."""
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


_DETERMINERS = ("the", "this", "that", "le", "la", "ce", "cette")


def _definite(low: str, s: int, start: int) -> bool:
    """The noun phrase from `start` (Analyzer._np_start) to the word at `s` is definite."""
    return start < s or low[start:start + 4] in ("the ", "this", "that")


def _after_determiner(low: str, s: int) -> bool:
    """The word before `s` (as Sent.word_before(s, skip=()) reads it) is one of _DETERMINERS."""
    head = low[:s].rstrip()  # (str.isspace, str.isalnum and "_" are the regex classes \s and \w)
    for d in _DETERMINERS:
        if head.endswith(d):  # (none of them ends another)
            k = len(head) - len(d)
            return k == 0 or not (head[k - 1].isalnum() or head[k - 1] == "_")
    return False


def _owner_before(window: str, heads) -> re.Match | None:
    """`_BEFORE.search(window)` ("members of", "links to the", "membres d'") where its first word or
    the word after that one (what _mention_cands reads as the owned noun) may be one of `heads`;
    None where neither can be. Done only when one of the window's last two chunks is a word
    _BEFORE ends with, and begun at its fifth last chunk: a match runs to the end of the window
    over five chunks at most ("X Y linked to the", "X se reclamant de la"), so none starts before
    (\\b still sees the character before that start). Those two words are [a-z]+ runs of these
    chunks (the first one ends a chunk, the other one begins the next); where every chunk is one
    whole run (all its characters a-z) and none is one of `heads`, neither word is: no search."""
    last = window.rsplit(None, 5)
    if _OWNER_PREPS.isdisjoint(last[-2:]) and "d'" not in " ".join(last[-2:]):
        return None
    tail = last[1:] if len(last) == 6 else last
    if heads.isdisjoint(tail):
        letters = "".join(tail)
        if letters.isascii() and letters.isalpha() and letters.islower():
            return None
    return _BEFORE.search(window, len(last[0]) if len(last) == 6 else 0)


_PREP_NP = re.compile(r"\b([a-z]+)\s+(?:(?:the|his|its|their|le|la|son|sa|leur)\s+|l')(?:[a-z]+\s+)?[a-z]+$")
_GROUP_AFTER = re.compile(r"'s?\s+(group|organization|organisation|movement|faction|men|fighters)\b")  # "Droukdel's men"
_GROUP_OF = re.compile(r"\b(?:le|du|au)\s+(?:groupe|mouvement)\s+(?:de\s+|d')$")  # "le groupe de Shekau": the group he leads


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    kind: str  # entity | owned | pronoun | anaphor | generic | rel
    mention: Mention | None = None
    word: str = ""
    person: bool = False  # pronoun/anaphor about a person
    possessive: bool = False
    agents: bool = False  # an anaphor headed by an agent noun: "fighters of the group", "des combattants du groupe"


class Sent:
    """One analysed sentence. Its tokens, parentheticals and party candidates are computed
    on first use (by the Analyzer that prepared it): many triggered sentences end without
    needing them."""

    __slots__ = ("index", "start", "text", "low", "mentions", "places", "date_finder", "cues", "_dates", "_an",
                 "_toks", "_paren", "_cands")

    def __init__(self, index: int, start: int, text: str, low: str, mentions: list[Mention],
                 places: list[PlaceMention], date_finder=None):
        self.index, self.start, self.text, self.low = index, start, text, low
        self.mentions, self.places = mentions, places
        self.date_finder = date_finder  # () -> list[DateMention]; dates are read only when a claim needs them
        self.cues: frozenset = frozenset()  # the trigger lists present (claims.vocab.TriggerFilter.sentences)
        self._dates: list[DateMention] | None = None
        self._an: "Analyzer | None" = None
        self._toks: tuple[list[int], list[int], list[str]] | None = None
        self._paren: list[tuple[int, int]] | None = None
        self._cands: list[Cand] | None = None

    @property
    def dates(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = self.date_finder() if self.date_finder else []
        return self._dates

    @property
    def toks(self) -> tuple[list[int], list[int], list[str]]:
        """The starts, the ends and the texts of the sentence's tokens (each word and each other
        non-space character), as three lists (cheaper to build than a tuple per token)."""
        if self._toks is None:
            # The tokens at odd indices of the split, the white space between them at even ones;
            # their offsets are the running sums of the pieces' lengths (C loops, no match objects).
            pieces = (_WORD_SPLIT_ASCII if self.low.isascii() else _WORD_SPLIT).split(self.low)
            at = list(accumulate(map(len, pieces), initial=0))
            self._toks = (at[1::2], at[2::2], pieces[1::2])
        return self._toks

    @property
    def paren(self) -> list[tuple[int, int]]:
        if self._paren is None:
            self._paren = self._an._parentheticals(self)
        return self._paren

    @property
    def cands(self) -> list[Cand]:
        if self._cands is None:
            self._cands = self._an._candidates(self)
        return self._cands

    def in_paren(self, pos: int) -> bool:
        return _in_spans(pos, self.paren)

    def word_before(self, pos: int, skip: tuple[str, ...] = ("the",)) -> str:
        _, ends, words = self.toks
        i = bisect.bisect_right(ends, pos) - 1
        while i >= 0:
            w = words[i]
            if w not in skip:
                return w
            i -= 1
        return ""


@dataclass
class Memory:
    """What earlier sentences leave for later ones."""
    last_group: EntityRef | None = None
    last_person: EntityRef | None = None
    prev_first_group: EntityRef | None = None
    # the groups the last sentence remembered (remember_plain) names, and those the sentence before it names
    # (none where that one was not remembered): see recent_groups
    groups_at: int = -10  # the last sentence remembered
    groups_here: list[EntityRef] = field(default_factory=list)
    groups_before: list[EntityRef] = field(default_factory=list)
    claim_subjects: list[tuple[int, EntityRef]] = field(default_factory=list)
    last_split_object: EntityRef | None = None
    last_country: str | None = None
    last_attacks: list[int] = field(default_factory=list)  # indices into the claims list
    prev_attacks: list[int] = field(default_factory=list)  # those of the attack sentence before (for "both attacks")
    last_attack_sentence: int = -10
    last_perpetrator: EntityRef | None = None
    extra_updates: list = field(default_factory=list)  # (claim indices, new perpetrator)
    pending_founding: object = None  # a founding waiting for the next sentence's composition
    last_formed: EntityRef | None = None  # the group a merger or founding just created ("the new group")
    last_unit: EntityRef | None = None  # the last group named as a battalion, brigade, katiba ("the battalion")
    last_place: tuple[int, str, str | None] | None = None  # (sentence index, name, country) of the last town named
    last_group_at: int = -1  # the sentence that named last_group, last_person
    last_person_at: int = -1

    @property
    def recent_groups(self) -> list[EntityRef]:
        """The groups named (or stood for by an anaphor) in the last sentence remembered and in the one
        before it, in order."""
        return self.groups_before + self.groups_here


def ref_of(m: Mention) -> EntityRef:
    return _ref(m.entity_id, m.name, m.text)


@lru_cache(maxsize=1 << 14)
def _ref(entity_id: str | None, name: str, text: str) -> EntityRef:
    """One (immutable) EntityRef per party and surface form: building a frozen dataclass costs
    more than the cache lookup, and the same mention is referred to many times."""
    return EntityRef(id=entity_id, name=name, text=text)


class Analyzer:
    def __init__(self, kb: KnowledgeBase, voc: Vocab):
        self.kb, self.v = kb, voc
        self.agent = set(voc.words("common", "agent_nouns"))
        self.generic_groups = set(voc.words("common", "generic_groups"))
        self.owner_heads = frozenset(self.agent | self.generic_groups)  # the nouns of "members of X" (_owner_before)
        self.preps = set(voc.words("common", "prepositions"))
        self.stops = set(voc.words("common", "clause_stops")) | {";", ":"}
        self.pron_p = set(voc.words("common", "coreference_person"))
        self.pron_either = set(voc.words("common", "coreference_either"))  # "il": a man or a group named in the masculine
        self.owner_either = set(voc.words("common", "owner_either"))  # "ses": a man's or a group's
        self.pron_g = set(voc.words("common", "coreference_group"))
        self.anaphor_g = set(voc.words("common", "anaphor_group"))
        anaphors = "|".join(map(re.escape, sorted(self.anaphor_g, key=len, reverse=True)))
        # the same words for a substring test, less those that hold another ("groupe": "group"), "group" first (the
        # most frequent)
        self.anaphor_g_probe = tuple(sorted((w for w in self.anaphor_g if not any(o != w and o in w for o in self.anaphor_g)),
                                            key=lambda w: (w != "group", w)))
        self.anaphor_p = set(voc.words("common", "anaphor_person"))
        # the words that _group_anaphors looks for (a regex of those of them a sentence holds: _whole_words_rx)
        self.group_anaphor_words = tuple(sorted(self.anaphor_g | set(voc.words("common", "anaphor_unit")), key=len, reverse=True))
        # an agent noun's group named by an anaphor: "fighters of the group", "des combattants de l'organisation"
        self.agent_of_rx = re.compile(r"\s+(?:(?:of|from)\s+the|du|de\s+la|de\s+l')\s*(" + anaphors + r")\b")
        self.formed_here = None  # (sent, mem, before) -> the group a merger before `before` forms (claims.mergers)
        self.founders_of = None  # (sent, pos, mem) -> the group born of the split of the partitive at `pos` (claims.patterns)
        self.unit_nouns = set(voc.words("common", "anaphor_unit"))
        self.unit_rx = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.unit_nouns, key=len, reverse=True)))
                                  + r")\b") if self.unit_nouns else None
        # (surface, name) -> named as a battalion, brigade, katiba? (is_unit; cached per Analyzer, unit_rx being its
        # own: remember_plain asks it of each group named, with the fields it has unpacked, in one C call)
        self.names_unit = lru_cache(maxsize=1 << 14)(self._names_unit)
        self.heads = self.agent | self.generic_groups | self.anaphor_g | self.unit_nouns  # apposition heads
        heads = self.generic_groups | self.anaphor_g | self.unit_nouns
        bare = sorted((w for w in heads if not (w.endswith("s") and w[:-1] in heads)), key=len, reverse=True)  # singular
        self.bare_apposition_rx = re.compile(r",\s+(" + "|".join(map(re.escape, bare)) + r")\b[^,;]{1,160},")
        self.cand_words = (self.agent | self.generic_groups | self.pron_p | self.pron_g | self.anaphor_g
                           | self.anaphor_p | self.unit_nouns | {"who", "which", "whom", "qui", "that"})

    # ---- building ------------------------------------------------------------------
    def prepare(self, sent: Sent) -> None:
        """Leader groups now; tokens, parentheticals and candidates when first used."""
        sent._an = self
        sent.mentions = self._leader_groups(sent)

    def _leader_groups(self, sent: Sent) -> list[Mention]:
        """"Droukdel's group" is a mention of the group he leads."""
        out = []
        for m in sent.mentions:
            if m.kind == "person" and m.entity_id:
                g = _GROUP_AFTER.match(sent.low, m.end, m.end + 24)
                fr = None if g else _GROUP_OF.search(sent.low, max(0, m.start - 30), m.start)
                led = self.kb.leader_group(m.entity_id) if (g or fr) else None  # (a scan of the KB's relations)
                if led and led in self.kb.entities:
                    e = self.kb.entities[led]
                    start, end = (m.start, g.end()) if g else (fr.start(), m.end)
                    out.append(Mention(start, end, led, e.name, sent.text[start:end], e.kind))
                    continue
            out.append(m)
        return out

    def _parentheticals(self, sent: Sent) -> list[tuple[int, int]]:
        t, spans = sent.text, []
        for m in _BRACKETS.finditer(t) if ("(" in t or "[" in t) else ():
            spans.append((m.start(), m.end()))
        for m in _DASH_ASIDE.finditer(t) if ("\u2013" in t or "\u2014" in t) else ():
            spans.append((m.start(), m.end()))
        for mt in sent.mentions:  # apposition: "X, a founding member of Y who ..., VERB"
            m = _APPOSITION.match(sent.low, mt.end) if t.startswith(",", mt.end) else None
            if m and (self._list_item(sent, mt.end) or self._clause_subject(sent, mt.end)):
                continue  # "le MNLA, le HCUA et le MAA ...": a list; "Ne ... sous la direction de X, le GSIM a ...": a subject
            if m:
                spans.append((mt.end, m.end()))
            elif mt.kind == "group" and t.startswith(",", mt.end):  # "Ansaru, groupe né en 2012, ...": no article
                m = self.bare_apposition_rx.match(sent.low, mt.end)
                if m and not any(x.start <= m.start(1) < x.end for x in sent.mentions):  # not "X, katiba Macina, ..."
                    spans.append((mt.end, m.end()))
        return spans

    @staticmethod
    def _clause_subject(sent: Sent, comma: int) -> bool:
        """After the comma at `comma`, a definite article, a name and a finite auxiliary: the subject of
        the main clause ("..., le GSIM a des sa fondation prete allegeance", "..., the group has ..."), no aside."""
        art = _LIST_ARTICLE.match(sent.low, comma)
        if art is None:
            return False
        name = next((x for x in sent.mentions if x.start == art.end()), None)
        return name is not None and _FINITE_AUX.match(sent.low, name.end) is not None

    @staticmethod
    def _list_item(sent: Sent, comma: int) -> bool:
        """After the comma at `comma`, a definite article whose noun phrase is a name, then "and",
        "et", another comma or the end of the clause ("X, the HCUA and the MAA", "X, le HCUA et
        ..."): the next item of a list, not an apposition ("X, the al-Qaeda affiliate, ...")."""
        art = _LIST_ARTICLE.match(sent.low, comma)
        if art is None:
            return False
        nxt = next((m for m in sent.mentions if m.start >= art.end()), None)
        return nxt is not None and nxt.start == art.end() and _LIST_NEXT.match(sent.low, nxt.end) is not None

    def _candidates(self, sent: Sent) -> list[Cand]:
        cands = self._mention_cands(sent)
        taken = [(c.start, c.end) for c in cands]
        starts, ends, words = sent.toks
        for s, e, w in compress(zip(starts, ends, words), map(self.cand_words.__contains__, words)):  # (a C loop over the tokens)
            if _in_spans(s, taken):
                continue
            c = self._word_cand(sent, s, e, w)
            if c:
                cands.append(c)
                if c.end > e:  # (its words are read: "the group" in "fighters of the group" is no candidate of its own)
                    taken.append((c.start, c.end))
        cands.sort(key=_START)
        return cands

    def _mention_cands(self, sent: Sent, ments: list[Mention] | None = None) -> list[Cand]:
        """The candidates of the sentence's mentions (or of `ments`, some of them): "AQIM fighters",
        "members of X" (owned), X. A mention's candidate lies within _BEFORE_REACH characters before
        it and _AFTER_REACH after it."""
        cands: list[Cand] = []
        low, agent = sent.low, self.agent
        for m in sent.mentions if ments is None else ments:
            after = _AFTER.match(low, m.end, m.end + _AFTER_REACH)
            if after:
                first, second = after.groups()
                if first in agent or (second in agent and not first.endswith("ed")):
                    cands.append(Cand(m.start, after.end(1) if first in agent else after.end(2), "owned", m))
                    continue
            window = low[max(0, m.start - _BEFORE_REACH):m.start]
            before = _owner_before(window, self.owner_heads)
            if before:
                base = max(0, m.start - _BEFORE_REACH)
                head = _FIRST_TWO.match(low, base + before.start(1))  # "groupe lie a": the noun may be the second word
                w = next((g for g in head.groups() if g in self.owner_heads), None) if head else None
                if w is not None:
                    cands.append(Cand(base + before.start(1) if w == head.group(1) else head.start(2), m.end, "owned", m))
                    continue
            cands.append(Cand(m.start, m.end, "entity", m))
        return cands

    def _word_cand(self, sent: Sent, s: int, e: int, w: str) -> Cand | None:
        if w in ("who", "which", "whom") or (w in ("qui",)):
            return Cand(s, e, "rel", word=w)
        if w == "that":  # "X, a faction that split from Y,": relative after an apposition's head noun only
            return Cand(s, e, "rel", word=w) if (sent.word_before(s, skip=()) in self.heads
                                                 and self.apposition_anchor(sent, s)) else None
        if w in self.unit_nouns:  # "the battalion": the last group named as one (never an army unit)
            return self._unit_cand(sent, s, e, w)
        if (w in self.pron_p or w in self.pron_g) and _EMPHATIC.match(sent.low, e) and any(
                m.end < s and not sent.low[m.end:s].strip() for m in sent.mentions):
            return None
        if w in self.pron_p:
            return Cand(s, e, "pronoun", word=w, person=True, possessive=w in ("his", "son", "sa"))
        if w in self.pron_g:
            if w == "it" and s == 0 and _IT_OPENS.match(sent.low[e:e + 12]):
                return None
            if w == "it" and _IT_IMPERSONAL.match(sent.low[e:e + 30]):
                return None
            return Cand(s, e, "pronoun", word=w, possessive=w in ("its", "their", "leur", "leurs", "son", "sa", "ses"))
        if w in self.anaphor_g:
            start = self._np_start(sent, s)
            if _definite(sent.low, s, start) or sent.word_before(s, skip=()) in _DETERMINERS:
                return self._group_cand(sent, start, e, w)
        if w in self.anaphor_p:
            start = self._np_start(sent, s)
            if _definite(sent.low, s, start) and start <= 4:
                return None if self._named_after(sent, e) else Cand(start, e, "anaphor", word=w, person=True)
        if w in self.agent:
            own = self.agent_of_rx.match(sent.low, e)  # "fighters of the group", "un kamikaze du groupe": the group's
            if own is not None and not self._named_after(sent, own.end()):
                return Cand(s, own.end(), "anaphor", word=own.group(1), agents=True)
        if w in self.agent or w in self.generic_groups:
            return Cand(s, e, "generic", word=w)
        return None

    def _unit_cand(self, sent: Sent, s: int, e: int, w: str) -> Cand | None:
        start = self._np_start(sent, s)
        if _definite(sent.low, s, start) and not self._named_after(sent, e):
            return Cand(start, e, "anaphor", word=w)
        return None

    def _group_cand(self, sent: Sent, start: int, e: int, w: str) -> Cand | None:
        """"the group" (a definite noun phrase from `start`, see _np_start) unless a name follows
        ("the group Ansaroul Islam")."""
        if self._named_after(sent, e):
            return None
        return Cand(start, e, "anaphor", word=w)

    def _np_start(self, sent: Sent, s: int) -> int:
        """Start of the definite noun phrase ending at `s` ("the new group", "le nouveau groupe"), else `s`
        (computed once per word: the tests of a definite phrase and the candidate's start both read it)."""
        head = sent.low[max(0, s - 60):s]
        m = _DEFINITE_NP.search(head)
        return s - (len(head) - m.start()) if m else s

    def apposition_anchor(self, sent: Sent, pos: int) -> Mention | None:
        """The actor an apposition holding `pos` describes ("X, a movement that ...", "X (a group ...)")."""
        for a, b in sent.paren:
            if a <= pos < b:
                for m in sent.mentions:
                    if m.kind in ACTOR_KINDS and a - 2 <= m.end <= a and not sent.low[m.end:a].strip():
                        return m
        return None

    @staticmethod
    def partitive(sent: Sent, c: Cand) -> bool:
        """"une partie des combattants de X", "some of X's fighters", "a faction of X", "une faction
        d'X", "a group of them": a part of X (not X as a whole)."""
        if c.kind == "owned":
            head = _PART_HEAD.search(sent.low, max(0, c.start - 4), c.start + 20)
            if head is not None and head.end() == c.start:
                return True
        if c.kind in ("owned", "entity") or (c.kind == "pronoun" and not c.possessive):
            return _PARTITIVE.search(sent.low, max(0, c.start - 30), c.start) is not None
        return False

    def _named_after(self, sent: Sent, e: int) -> bool:
        return any(0 <= m.start - e <= 3 for m in sent.mentions)

    # ---- resolving -----------------------------------------------------------------
    def is_prepositional(self, sent: Sent, c: Cand) -> bool:
        # ("des combattants du groupe": "des" is the article of the agents)
        w = sent.word_before(c.start, skip=("the", "'", "s", "des") if c.agents else ("the", "'", "s"))
        return w in self.preps and not _TURN_OF.search(sent.low, max(0, c.start - 30), c.start)

    def subject_cand(self, sent: Sent, pos: int) -> Cand | None:
        """The candidate acting at `pos` (nearest to its left, in the same clause)."""
        paren = None  # the sentence's parentheticals (often none: no test then), read where a candidate is
        for c in reversed(sent.cands):
            if c.end > pos:
                continue
            if paren is None:
                paren = sent.paren
            if paren and _in_spans(c.start, paren) and not _in_spans(pos, paren):
                continue
            if self._stop_between(sent, c.end, pos):
                return None
            if c.kind in ("entity", "anaphor") and self.is_prepositional(sent, c):  # "the hold of ... over the group"
                continue
            if c.kind == "pronoun" and c.possessive and not self._adjacent(sent, c.end, pos):
                continue
            if c.kind == "entity" and self._names_an_object(sent, c):
                continue
            return c
        return None

    def _names_an_object(self, sent: Sent, c: Cand) -> bool:
        """A name set off by commas after a noun governed by a preposition names that noun
        ("fell out with the emir, Y, and left ..."): an object, not the subject."""
        low = sent.low
        if not low.startswith(",", c.end) or not low[:c.start].rstrip().endswith(","):
            return False
        comma = low.rfind(",", 0, c.start)
        m = _PREP_NP.search(low, max(0, comma - 40), comma)  # "with the emir", "avec l'emir"
        return (m is not None and m.group(1) in self.preps
                and any(k.end <= m.start() for k in sent.cands))  # not a sentence-opening "In the north, X, ..."

    def subject_left(self, sent: Sent, pos: int, mem: Memory, coordinated: bool = False) -> EntityRef | None:
        """The party acting at `pos`: GENERIC, an EntityRef, or None."""
        c = self.subject_cand(sent, pos)
        if c is None:
            return self.sentence_subject(sent, mem) if coordinated else None
        return self.resolve(sent, c, mem)

    def sentence_subject(self, sent: Sent, mem: Memory) -> EntityRef | None:
        c = self.sentence_subject_cand(sent)
        return None if c is None else self.resolve(sent, c, mem)

    def sentence_subject_cand(self, sent: Sent) -> Cand | None:
        """The first party candidate of the sentence outside brackets and prepositional phrases."""
        for c in sent.cands:
            if sent.in_paren(c.start) or (c.kind == "entity" and self.is_prepositional(sent, c)):
                continue
            if c.kind in ("entity", "owned", "anaphor", "pronoun", "generic"):
                return c
        return None

    def _adjacent(self, sent: Sent, end: int, pos: int) -> bool:
        """A possessive pronoun heads the phrase acting at `pos` ("their leaders split"), not
        one inside an aside before it ("X, rebuked for his indiscipline, split")."""
        gap = sent.low[end:pos]
        return len(gap.split()) <= 2 and "," not in gap

    def stop_between(self, sent: Sent, a: int, b: int) -> bool:
        return self._stop_between(sent, a, b)

    def _stop_between(self, sent: Sent, a: int, b: int) -> bool:
        """A clause stop among the tokens inside [a, b) (found by bisection: tokens are sorted)."""
        starts, ends, words = sent.toks
        i = bisect.bisect_right(ends, a)
        n = len(words)
        while i < n and starts[i] < a:  # a token that straddles `a`
            i += 1
        while i < n and ends[i] <= b:
            if words[i] in self.stops and not sent.in_paren(starts[i]):
                return True
            i += 1
        return False

    def resolve(self, sent: Sent, c: Cand, mem: Memory) -> EntityRef | None:
        if c.kind in ("entity", "owned"):
            return ref_of(c.mention) if c.mention.kind in ACTOR_KINDS else None
        if c.kind == "generic":
            owner = self._possessor(sent, c)
            if owner is None:
                return GENERIC
            lead = self._coordinated_owner(sent, owner)  # "al-Sahraoui et ses hommes": al-Sahraoui
            if lead is None and owner.word in self.owner_either:
                lead = self._man_owner(sent, owner, mem)  # "Iyad Ag Ghaly ... Ses hommes ont attaqué": Iyad Ag Ghaly
            return lead if lead is not None else self._pronoun(sent, owner, mem)
        if c.kind == "rel":
            return self._antecedent(sent, c, mem)
        if c.kind == "pronoun":
            return self._pronoun(sent, c, mem)
        if c.kind == "anaphor":
            if not c.person and _NEW.search(sent.low, c.start, c.end):
                here = self.formed_here(sent, mem, c.start) if self.formed_here is not None else None
                if here is not None:  # "... merged to form X, and the new group ...": formed in this sentence
                    return here
                if mem.last_formed is not None:
                    return mem.last_formed  # "the new group", "le nouveau groupe": the one just formed
            if c.word in self.unit_nouns:
                return self.last_unit(sent, c.start, mem)
            return self.last_of(sent, c.start, mem, person=c.person)
        return None

    def _coordinated_owner(self, sent: Sent, owner: Cand) -> EntityRef | None:
        """The party right before "and his men", "et ses partisans" (coordinated with its own followers)."""
        for k in sent.cands:
            if k.kind == "entity" and k.mention.kind in ACTOR_KINDS and k.end <= owner.start and _AND.fullmatch(
                    sent.low, k.end, owner.start):
                return ref_of(k.mention)
        return None

    def with_owner(self, sent: Sent, c: Cand) -> bool:
        """A generic agent coordinated with its owner, who acts himself ("X and his men", "X et ses hommes")."""
        owner = self._possessor(sent, c)
        return owner is not None and self._coordinated_owner(sent, owner) is not None

    @staticmethod
    def _man_owner(sent: Sent, owner: Cand, mem: Memory) -> EntityRef | None:
        """The man a possessive of either kind ("ses") refers to: the last actor named if he is a
        person (in this sentence, else in the text so far), else None (a group: see _pronoun)."""
        last = next((c for c in reversed(sent.cands) if c.end <= owner.start and c.kind == "entity"
                     and c.mention.kind in ACTOR_KINDS), None)
        if last is not None:
            return ref_of(last.mention) if last.mention.kind == "person" else None
        return mem.last_person if mem.last_person is not None and mem.last_person_at >= mem.last_group_at else None

    def _possessor(self, sent: Sent, c: Cand) -> Cand | None:
        """The possessive pronoun right before a generic agent ("his followers", "ses partisans")."""
        for k in sent.cands:
            if k.kind == "pronoun" and k.possessive and k.end <= c.start and not sent.low[k.end:c.start].strip():
                return k
        return None

    def _antecedent(self, sent: Sent, rel: Cand, mem: Memory) -> EntityRef | None:
        """The party a relative pronoun stands for: the candidate before it; an apposition's head
        noun ("X, a movement which ...") stands for the actor the apposition describes."""
        for c in reversed(sent.cands):
            if c.end <= rel.start and c.kind != "rel":
                if sent.low[c.end:rel.start].strip(" ,") == "" or c.kind in ("entity", "owned", "generic", "anaphor"):
                    if self.partitive(sent, c):  # "une partie des militants de X, qui ...": a part of X, not X,
                        # unless they are the founders of a group born of their split ("Z est issu de la
                        # dissidence d'une partie des militants de X, qui ...": Z)
                        return self.founders_of(sent, c.start, mem) if self.founders_of is not None else None
                    if c.kind in ("generic", "anaphor") and not c.person and not sent.low[c.end:rel.start].strip(" ,"):
                        anchor = self.apposition_anchor(sent, c.start)
                        if anchor is not None:
                            return ref_of(anchor)
                    return self.resolve(sent, c, mem)
        return None

    def _pronoun(self, sent: Sent, p: Cand, mem: Memory) -> EntityRef | None:
        if p.person:
            for c in reversed(sent.cands):
                if c.end <= p.start and c.kind == "entity" and c.mention.kind == "person":
                    return ref_of(c.mention)
            if p.word not in self.pron_either or (mem.last_person is not None and mem.last_person_at >= mem.last_group_at):
                return mem.last_person
            # "Boko Haram s'est renforcé. Il a prêté allégeance ...": the group, named after any man
        for c in reversed(sent.cands):  # the clause subject of the same sentence
            if c.end > p.start or (sent.in_paren(c.start) and not sent.in_paren(p.start)):
                continue
            if c.kind == "entity" and c.mention.kind == "group" and not self.is_prepositional(sent, c):
                return ref_of(c.mention)
            if c.kind == "anaphor" and not c.person:
                return self.resolve(sent, c, mem)
            if c.kind == "rel":
                got = self._antecedent(sent, c, mem)
                if got is not None and got is not GENERIC:
                    return got
        recent = [r for i, r in mem.claim_subjects if i >= sent.index - 1]
        if recent:
            return recent[-1]
        return mem.prev_first_group or mem.last_group

    def last_of(self, sent: Sent, pos: int, mem: Memory, person: bool = False) -> EntityRef | None:
        kind = "person" if person else "group"
        for m in reversed(sent.mentions):
            if m.end <= pos and m.kind == kind:
                return ref_of(m)
        return mem.last_person if person else mem.last_group

    def last_unit(self, sent: Sent, pos: int, mem: Memory) -> EntityRef | None:
        """"The battalion", "la phalange": the last group named as a battalion, brigade, katiba
        (in this sentence, else before); None if none was (an army unit, not a named group)."""
        for m in reversed(sent.mentions):
            if m.end <= pos and m.kind == "group" and self.is_unit(m):
                return ref_of(m)
        return mem.last_unit

    def is_unit(self, m: Mention) -> bool:
        """`m` is named as a battalion, brigade, katiba (its surface form or its name)."""
        return self.names_unit(m.text, m.name)

    def _names_unit(self, text: str, name: str) -> bool:
        """A group of surface form `text` and name `name` is named as a unit (names_unit: this, cached)."""
        return self.unit_rx is not None and (
            self.unit_rx.search(text.lower()) is not None or self.unit_rx.search(name.lower()) is not None)

    def mentions_between(self, sent: Sent, a: int, b: int, kinds=ACTOR_KINDS) -> list[Mention]:
        return [m for m in sent.mentions if a <= m.start and m.end <= b and m.kind in kinds]

    def first_after(self, sent: Sent, pos: int, mem: Memory, limit: int = 80) -> EntityRef | None:
        """The party right after a preposition ("to X", "from the group")."""
        for c in sent.cands:
            if c.start < pos or c.start > pos + limit:
                continue
            if c.kind in ("entity", "owned"):
                if _POSSESSIVE_S.match(sent.low, c.end, c.end + 3) and any(
                        0 < k.start - c.end <= 4 for k in sent.cands if k.kind in ("entity", "owned")):
                    continue  # "Belmokhtar's al-Mulathamun Battalion": the possessed one
                return ref_of(c.mention) if c.mention.kind in ACTOR_KINDS else None
            if c.kind in ("anaphor", "pronoun"):
                return self.resolve(sent, c, mem)
            if c.kind == "generic":
                return GENERIC
        return None

    def remember(self, sent: Sent, mem: Memory) -> None:
        anaphors = self._group_anaphors(sent)
        extra = [self.last_unit(sent, c.start, mem) if c.word in self.unit_nouns else self.last_of(sent, c.start, mem)
                 for c in anaphors] if anaphors else ()
        self.remember_plain(sent.index, sent.mentions, sent.places, mem, extra)

    def _group_anaphors(self, sent: Sent) -> list[Cand]:
        """The sentence's candidates "the group", "the battalion" (anaphors of no person), in
        order, in a sentence that holds a word of `anaphor_group` (none in others): from its
        candidates when built, else from the words of `anaphor_group` and `anaphor_unit` alone
        (outside the spans of the mentions' candidates, as there), without building the others,
        and without building even the mentions' ones unless a word of `anaphor_group` lies
        outside the mentions (inside one, the word is part of a name, taken by its candidate):
        that spares many sentences that name "... Group for ..."."""
        low = sent.low
        if not any(map(low.__contains__, self.anaphor_g_probe)):  # (a cheap test first)
            return []
        if sent._cands is not None:
            return [c for c in sent._cands if c.kind == "anaphor" and not c.person]
        # (the regex matches whole words: those of `anaphor_group` among them are the ones it alone would match;
        # the words the sentence lacks cannot match: the alternation of those it holds, one at least (the probe's),
        # finds the same words, often by a plain string search for the one word held)
        present = tuple(filter(low.__contains__, self.group_anaphor_words))
        found = [(m.start(), m.end(), m.group()) for m in _whole_words_rx(present).finditer(low)]
        ments = sent.mentions
        if not any(w in self.anaphor_g and not any(m.start <= s < m.end for m in ments) for s, _, w in found):
            return []
        # (only the candidates of the mentions close enough to reach a word found, see _mention_cands)
        lo, hi = found[0][0], found[-1][0]
        near = [m for m in ments if m.start - _BEFORE_REACH <= hi and lo < m.end + _AFTER_REACH]
        taken = [(c.start, c.end) for c in self._mention_cands(sent, near)] if near else []
        out = []
        for s, e, w in found:
            if _in_spans(s, taken):
                continue
            if w in self.unit_nouns:  # (as _word_cand, without the sentence's tokens)
                c = self._unit_cand(sent, s, e, w)
            else:
                start = self._np_start(sent, s)
                c = self._group_cand(sent, start, e, w) if (_definite(low, s, start) or _after_determiner(low, s)) else None
            if c is not None:
                out.append(c)
        out.sort(key=_START)
        return out

    def remember_plain(self, index: int, mentions: list[Mention], places: list[PlaceMention], mem: Memory,
                       anaphors=()) -> None:
        """Leave in `mem` what sentence `index` names: its groups, last person, last unit, last town
        and country; `anaphors`: the parties its group anaphors stand for (see remember). Called as
        is for a sentence that was not analysed (no anaphors looked for, offsets unused)."""
        groups = []
        if mentions:
            # (one plain loop: the groups named, the last unit, the last person; a mention's fields unpacked once,
            # cheaper than reading each by name)
            unit = person = None
            for m in mentions:
                _, _, entity_id, name, text, kind = m
                if kind == "group":
                    ref = _ref(entity_id, name, text)  # (ref_of)
                    groups.append(ref)
                    if self.names_unit(text, name):  # (is_unit)
                        unit = ref
                elif kind == "person":
                    person = m
            if unit is not None:
                mem.last_unit = unit
            if person is not None:
                mem.last_person, mem.last_person_at = ref_of(person), index
        for got in anaphors:
            if got and got.id not in {g.id for g in groups}:
                groups.insert(0, got)
        # (the groups of this sentence and of the one before, if remembered: Memory.recent_groups)
        at = mem.groups_at
        if at != index:
            mem.groups_before = mem.groups_here if at == index - 1 else []
            mem.groups_at, mem.groups_here = index, groups
        elif groups:  # (the same sentence again)
            mem.groups_here = mem.groups_here + groups
        if groups:
            mem.last_group, mem.last_group_at = groups[-1], index
            mem.prev_first_group = groups[0]
        else:
            mem.prev_first_group = None
        if not places:
            return
        # (of the towns and countries, the last one alone is kept: one reversed scan, to the last town)
        country = False
        for _, _, name, _, place_country, kind in reversed(places):
            if kind == "place":
                mem.last_place = (index, name, place_country)
                if not country:
                    mem.last_country = place_country
                break
            if kind == "country" and not country:
                mem.last_country, country = place_country, True
