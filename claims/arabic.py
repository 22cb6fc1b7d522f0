"""Claims in Arabic text: pledges (بايع، أعلن مبايعته، انضم), splits (انشق، انفصل),
mergers (اندمج ... ليشكلا، اندماجها في تنظيم ... يحمل اسم) and attacks (هاجم، كمين،
تفجير، اختطاف، احتجاز رهائن), with the vocabulary in claims/vocab/ar.yaml.

Simpler than the English and French patterns, sentence by sentence:

* words are normalised (short vowels, tatweel, hamza forms, ى/ة) and looked up with their
  clitics stripped (و ف, then ب ل ك, then ال), so "وبايعت", "لمبايعة", "بالهجوم" are found;
* knowledge-base names are found by the shared EntityMatcher on a same-length copy of the
  text where glued prepositions before the article are blanked ("للدولة" -> "الدولة",
  "بالقاعدة" -> " القاعدة") and the genitive "أبي"/"أبا" reads "أبو";
* a subject is the first actor of the trigger's clause (clauses end at ":" "؛" and at
  حين / بعد / أن ...), else the actor right after a verb (verb-subject-object order), else
  the subject of the sentence's previous claim, else for "التنظيم" / "الجماعة" the last
  actor named as a claim's subject; an actor after a glued or separate preposition (لـ،
  على، ضد، عن) is an object, never a subject or perpetrator;
* a claim of responsibility (تبنى ... الهجوم) names the perpetrator of the attack reported
  just before it;
* polarity from cue words before the trigger (نفى: denied; يعتقد، ربما: hedged); threats,
  calls, refusals, plans and aggregates (هدد، دعوات، رفض، منذ) are not claims.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


from claims.entities import EntityMatcher, Mention
from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef, Evidence
from claims.patterns import Draft  # a claim being built; `trig`: (first, end) token of its trigger
from claims.places import Gazetteer
from claims.sentences import split_sentences
from claims.vocab import load_data

_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                          **{chr(0x660 + i): str(i) for i in range(10)}})
_TOKEN = re.compile("[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0640\u0671-\u06d3]+|[0-9\u0660-\u0669]+|[^\\s]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ASCII_NON_LETTERS = bytes(i for i in range(128) if not chr(i).isalpha())  # bytes.translate's delete set
_GLUED_BEFORE_AL = re.compile("(?<![\u0621-\u064a])([وف]?[بكل])(ال)")
_GLUED_LAM_AL = re.compile("(?<![\u0621-\u064a])([وف]?)لل(?=[\u0621-\u064a]{2})")
_ABU = re.compile("(?<![\u0621-\u064a])([وف]?)(أب[يا])(?=\\s)")
_CONFIDENCE = {"asserted": 0.8, "hedged": 0.5, "denied": 0.4}
_ACTOR_KINDS = ("group", "person")


def normalise(word: str) -> str:
    """Comparison form of an Arabic word (see module doc); digits become ASCII."""
    return _HARAKAT.sub("", word).translate(_LETTERS)


def forms(word: str) -> tuple[str, ...]:
    """The word and its clitic-stripped readings: و/ف, then ب/ل/ك, then ال (لل = ل + ال)."""
    out, core = [word], word
    if len(core) > 3 and core[0] in "وف":
        core = core[1:]
        out.append(core)
    if len(core) > 3 and core.startswith("لل"):
        out += ["ال" + core[2:], core[2:]]
        return tuple(out)
    if len(core) > 3 and core[0] in "بلك":
        core = core[1:]
        out.append(core)
    if len(core) > 3 and core.startswith("ال"):
        out.append(core[2:])
    return tuple(dict.fromkeys(out))


def is_arabic(text: str) -> bool:
    """Is the text mostly Arabic script (its first 2,000 characters)?"""
    if not _ARABIC_LETTER.search(text, 0, 2000):  # (the common case, far cheaper than the count)
        return False
    head = text[:2000]
    arabic = len(_ARABIC_LETTER.findall(head))  # (Arabic letters are letters: str.isalpha)
    # The letters lie between the ASCII ones and those plus every other character: these bounds
    # (C-level counts) settle nearly every text without testing each character in Python.
    ascii_only = head.encode("ascii", "ignore")
    ascii_letters = len(ascii_only.translate(None, _ASCII_NON_LETTERS))
    if 2 * arabic <= ascii_letters:
        return False
    if 2 * arabic > ascii_letters + len(head) - len(ascii_only):
        return True
    letters = sum(ch.isalpha() for ch in head)
    return letters > 0 and arabic > letters / 2


class Tok(NamedTuple):  # (a tuple: built far more cheaply than a frozen dataclass, one per word)
    start: int
    end: int
    forms: tuple[str, ...]

    @property
    def word(self) -> str:
        return self.forms[0]


_new = tuple.__new__  # builds a NamedTuple from a tuple of its fields (its own __new__ is a Python function)


class Toks(list):
    """A sentence's tokens, with every vocabulary phrase found in them (`_Index.scan`)."""

    __slots__ = ("hits",)


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, ...]:
    return forms(normalise(word))


def tokenize(text: str, offset: int = 0) -> Toks:
    return Toks(_new(Tok, (m.start() + offset, m.end() + offset, _word_forms(m.group())))
                for m in _TOKEN.finditer(text))


def _word(pattern: str, tok: Tok) -> bool:
    if pattern.endswith("*"):
        return any(f.startswith(pattern[:-1]) for f in tok.forms)
    return pattern in tok.forms


class _Index:
    """Every phrase of every Lexicon, keyed by its first word (or that word's prefix for a
    starred one): one pass over a sentence's tokens finds all of them."""

    def __init__(self):
        self.exact: dict[str, list] = {}
        self.prefix: dict[str, list] = {}
        self.lengths: list[int] = []
        self._found: dict[str, tuple] = {}  # word form -> the (lexicon, phrase) it may start (bounded cache)

    def add(self, lex: "Lexicon", phrase: tuple[str, ...]) -> None:
        self._found.clear()
        first = phrase[0]
        if first.endswith("*"):
            self.prefix.setdefault(first[:-1], []).append((lex, phrase))
            self.lengths = sorted({*self.lengths, len(first) - 1})
        else:
            self.exact.setdefault(first, []).append((lex, phrase))

    def _starting(self, f: str) -> tuple:
        """The (lexicon, phrase) pairs whose first word may be the word form `f`."""
        found = list(self.exact.get(f, ()))
        for n in self.lengths:
            if n > len(f):
                break
            found += self.prefix.get(f[:n], ())
        if len(self._found) > 100_000:
            self._found.clear()
        self._found[f] = out = tuple(found)
        return out

    def scan(self, toks: Toks) -> Toks:
        hits: dict = {}
        cache = self._found
        for i, tok in enumerate(toks):
            for f in tok.forms:
                found = cache.get(f)
                if found is None:
                    found = self._starting(f)
                for lex, phrase in found:
                    size = len(phrase)
                    if size == 1 or (i + size <= len(toks)
                                     and all(_word(w, toks[i + k]) for k, w in enumerate(phrase[1:], 1))):
                        at = hits.setdefault(lex, {})
                        at[i] = max(at.get(i, 0), size)
        toks.hits = hits
        return toks


_NONE: dict = {}


class Lexicon:
    """Words and phrases of the vocabulary, found by the shared `_Index` of a sentence's
    tokens; `match(toks, i)`: the number of tokens a phrase at token i covers (0: none)."""

    def __init__(self, phrases, index: _Index):
        for p in phrases or ():
            index.add(self, tuple(normalise(w) for w in str(p).split()))

    def match(self, toks: Toks, i: int) -> int:
        return toks.hits.get(self, _NONE).get(i, 0)

    def find(self, toks: Toks) -> list[int]:
        return sorted(toks.hits.get(self, _NONE))

    def within(self, toks: Toks, lo: int, hi: int) -> bool:
        """A phrase starts at a token in [lo, hi)?"""
        return any(lo <= i < hi for i in toks.hits.get(self, _NONE))


@dataclass
class _Memory:
    last_subject: EntityRef | None = None  # the last actor named as a claim's subject
    last_date: str | None = None
    context_year: int | None = None
    country: str | None = None
    attacks: list[tuple[int, Draft]] = field(default_factory=list)  # (sentence index, attack) of the last sentence


@dataclass
class _Sentence:
    index: int
    start: int
    text: str
    toks: list[Tok]
    mentions: list[tuple[Mention, bool]]  # (mention, after a preposition)
    places: list[tuple[int, str, str | None, str]]  # (token index, name, country, kind)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_data(resources.files("claims").joinpath("vocab/ar.yaml").read_text(encoding="utf-8"))


class ArabicPatterns:
    """Compiled once per knowledge base (vocabulary, places); `extract(text, published)`
    is pure and linear in the text."""

    def __init__(self, kb: KnowledgeBase, matcher: EntityMatcher, gazetteer: Gazetteer):
        v = _vocab()
        self.kb, self.matcher, self.gaz = kb, matcher, gazetteer
        self.index = _Index()
        Lex = lambda phrases: Lexicon(phrases, self.index)  # noqa: E731
        trig = v["triggers"]
        self.verbs = {t: Lex(trig[t]["verbs"]) for t in trig}
        self.nouns = {t: Lex(trig[t]["nouns"]) for t in trig}
        self.announce = Lex(trig["pledge"]["announce"])
        self.responsibility = Lex(trig["attack"]["responsibility"])
        self.clause_words = Lex(v["clause_words"])
        self.clause_marks = set(v["clause_marks"])
        self.merger_result = Lex(v["merger_result"])
        self.split_from = Lex(v["split_from"])
        pol = v["polarity"]
        self.denied, self.hedged = Lex(pol["denied"]), Lex(pol["hedged"])
        self.not_a_claim, self.near_only = Lex(pol["not_a_claim"]), Lex(pol["near_only"])
        self.anaphors, self.state = Lex(v["group_anaphors"]), Lex(v["state_actors"])
        cas = v["casualties"]
        self.cues = {k: Lex(cas[k]) for k in ("killed", "wounded", "kidnapped")}
        self.after = {"killed": Lex(cas["killed_after"]), "wounded": Lex(cas["wounded_after"])}
        self.victims, self.execution = Lex(cas["singular_victims"]), Lex(cas["execution"])
        num = v["numbers"]
        self.units = {normalise(k): n for k, n in num["units"].items()}
        self.teens = {normalise(w) for w in num["teens"]}
        self.tens = {normalise(k): n for k, n in num["tens"].items()}
        self.hundreds = {normalise(k): n for k, n in num["hundreds"].items()}
        d = v["dates"]
        self.months = _Phrases(d["months"])
        self.weekdays = {normalise(k): n for k, n in d["weekdays"].items()}
        self.days_back = _Phrases(d["days_back"])
        self.week_back, self.month_back = Lex(d["week_back"]), Lex(d["month_back"])
        self.year_back, self.same_period = Lex(d["year_back"]), Lex(d["same_period"])
        self.places = self._places(v)
        self.triggering = (*self.verbs.values(), *self.nouns.values(), self.responsibility)
        self.demonyms = {normalise(k): c for k, c in v["demonyms"].items()}
        self.the_country = Lex(v["the_country"])

    def _places(self, v: dict) -> "_Phrases":
        """Arabic place names (ar.yaml) and countries' Arabic names (places.yaml) ->
        (name, country, kind)."""
        out = {ar: (name, self.gaz.country_of(name), "place") for ar, name in v["places"].items()}
        raw = load_data(resources.files("claims").joinpath("vocab/places.yaml").read_text(encoding="utf-8"))
        for country, rec in (raw.get("countries") or {}).items():
            for alias in (rec or {}).get("aliases") or ():
                if _ARABIC_LETTER.search(alias):
                    out[alias] = (country, country, "country")
        return _Phrases(out)

    # ---- the document ------------------------------------------------------------------
    def extract(self, text: str, published: date | None = None) -> list[Claim]:
        if not text or not text.strip():
            return []
        mentions = _longest([Mention(m.start, m.end, m.entity_id, m.name, text[m.start:m.end], m.kind)
                             for m in self.matcher.find(text) + self.matcher.find(_matchable(text))])
        starts = [m.start for m in mentions]
        mem, out, seen = _Memory(), [], set()
        for idx, span in enumerate(split_sentences(text)):
            lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
            sent = self._sentence(idx, text, span.start, span.end, mentions[lo:hi])
            if not any(lex in sent.toks.hits for lex in self.triggering):  # no claim here: context only
                mem.context_year = next((int(t.word) for t in reversed(sent.toks) if _is_year(t.word)), mem.context_year)
                mem.country = next((c for _, _, c, kind in reversed(sent.places) if c and kind in ("country", "place")),
                                   mem.country)
                continue
            dates = self._dates(sent, published, mem)
            for d in self._claims(sent, dates, mem):
                key = (d.type, _key(d.subject), _key(d.object), frozenset(_key(m) for m in d.members))
                if d.type != "attack" and key in seen:
                    continue
                seen.add(key)
                out.append((d, sent))
            countries = [c for _, _, c, kind in sent.places if c and kind in ("country", "place")]
            mem.country = countries[-1] if countries else mem.country
            years = [int(v[:4]) for _, v in dates]
            mem.context_year = years[-1] if years else mem.context_year
        return [_claim(d, s) for d, s in out]

    def _sentence(self, idx: int, text: str, start: int, end: int, mentions: list[Mention]) -> _Sentence:
        toks = self.index.scan(tokenize(text[start:end], start))
        inside = [(m, self._after_preposition(text, toks, m)) for m in mentions if m.end <= end]
        places = []
        i = 0
        while i < len(toks):
            hit = _phrase_at(self.places, toks, i)
            if hit and not any(m.start <= toks[i].start < m.end for m, _ in inside):
                places.append((i, *hit[1]))
                i += hit[0]
                continue
            dem = next((self.demonyms[f] for f in toks[i].forms if f in self.demonyms), None)
            if dem:
                places.append((i, dem, dem, "demonym"))
            elif self.the_country.match(toks, i):
                places.append((i, "", None, "relative"))
            i += 1
        return _Sentence(idx, start, text[start:end], toks, inside, places)

    @staticmethod
    def _after_preposition(text: str, toks: list[Tok], m: Mention) -> bool:
        """Is the mention glued to (or right after) a preposition: لـ بـ كـ على ضد عن ...?"""
        tok = next((t for t in toks if t.start <= m.start < t.end), None)
        if tok is None:
            return False
        glued = normalise(text[tok.start:m.end])
        glued = glued[1:] if glued[:1] in "وف" and len(glued) > 3 else glued
        if glued.startswith("لل") or (m.start > tok.start and glued[:1] in "بلك"):
            return True
        k = toks.index(tok)
        if k > 1 and toks[k - 1].word in _ORG_NOUNS:  # "عن جماعة المرابطون"
            k -= 1
        return k > 0 and toks[k - 1].word in _PREPS

    # ---- triggers and claims -----------------------------------------------------------
    def _claims(self, s: _Sentence, dates, mem: _Memory) -> list[Draft]:
        toks = s.toks
        claimed = bool(self.responsibility.find(toks))
        attack = self._attack(s, dates, mem)
        if claimed and not (attack and _reported(attack)) and self._responsibility(s, mem):
            return []
        if claimed and attack and attack.subject is None:  # "... وتبنت جماعة X الهجوم" in the report itself
            actors = [m for _, m in self._actors(s, attack.trig[1], len(toks)) if m.entity_id]
            attack.subject = _ref(actors[0]) if actors else None
        drafts: list[Draft] = []
        for ctype in ("pledge", "split", "merger"):
            for i, verb in self._triggers(ctype, s):
                if self._blocked(toks, i):
                    continue
                for d in self._relation(ctype, s, i, verb, drafts, mem):
                    d.date = _pick(dates, i)
                    d.polarity = self._polarity(toks, i)
                    drafts.append(d)
        if attack is not None:
            drafts.append(attack)
            mem.attacks = [(s.index, attack)]
        for d in drafts:
            actor = d.object if d.type == "merger" else d.subject
            mem.last_subject = actor or mem.last_subject
            mem.last_date = d.date or mem.last_date
        return drafts

    def _triggers(self, ctype: str, s: _Sentence) -> list[tuple[int, bool]]:
        """(token index, is a verb) of a claim type's trigger words, outside actors' names
        ("التوحيد" in "جماعة التوحيد والجهاد" is no merger)."""
        toks = s.toks
        named = [(m.start, m.end) for m, _ in s.mentions]
        verbs = {i for i in self.verbs[ctype].find(toks)}
        nouns = {i for i in self.nouns[ctype].find(toks)} - verbs
        if ctype == "pledge":  # a pledge noun needs an announcing verb before it in its clause
            nouns = {i for i in nouns if self.announce.within(toks, self._clause_start(toks, i), i)}
        found = [(i, True) for i in verbs] + [(i, False) for i in nouns]
        return sorted((i, v) for i, v in found if not any(a <= toks[i].start < b for a, b in named))

    def _blocked(self, toks: list[Tok], i: int) -> bool:
        """A threat, call, refusal, plan or aggregate before the trigger, or لم/لن right before it."""
        return any(j < i and (not self.near_only.match(toks, j) or i - j <= 2) for j in self.not_a_claim.find(toks))

    def _polarity(self, toks: list[Tok], i: int) -> str:
        if self.denied.within(toks, 0, i):
            return "denied"
        if self.hedged.within(toks, 0, i):
            return "hedged"
        return "asserted"

    def _clause_start(self, toks: list[Tok], i: int) -> int:
        for j in range(i - 1, -1, -1):
            if toks[j].word in self.clause_marks or self.clause_words.match(toks, j):
                return j + 1
        return 0

    def _tok_of(self, toks: list[Tok], offset: int) -> int:
        return next((k for k, t in enumerate(toks) if t.start <= offset < t.end), len(toks))

    def _actors(self, s: _Sentence, lo: int, hi: int, free_only: bool = True) -> list[tuple[int, Mention]]:
        """Actors (groups, people) whose first token lies in [lo, hi); free_only: not after a preposition."""
        out = []
        for m, prep in s.mentions:
            k = self._tok_of(s.toks, m.start)
            if lo <= k < hi and m.kind in _ACTOR_KINDS and not (free_only and prep):
                out.append((k, m))
        return out

    def _subjects(self, s: _Sentence, i: int, verb: bool, drafts: list[Draft], mem: _Memory) -> list[EntityRef]:
        """Who pledges or splits: the first actor of the trigger's clause; else, after a
        verb followed by two actors, the first of them (verb-subject-object); else the
        subject of the sentence's previous claim; else the main clause's first actor
        ("نفت X أن تكون قد بايعت Y": the complement's subject is left implicit); else
        "التنظيم" / "الجماعة" as the last claim's subject."""
        lo = self._clause_start(s.toks, i)
        before = self._actors(s, lo, i)
        if before:
            return self._coordinated(s, before[0][1])
        after = self._actors(s, i + 1, i + 4) if verb else []
        if after and len(self._actors(s, i + 1, len(s.toks), free_only=False)) >= 2:
            return self._coordinated(s, after[0][1])
        earlier = [d.subject for d in drafts if d.subject is not None]
        if earlier:
            return [earlier[-1]]
        outer = self._actors(s, 0, lo)
        if outer:
            return self._coordinated(s, outer[0][1])
        if self.anaphors.within(s.toks, lo, i + 3) and mem.last_subject:
            return [mem.last_subject]
        return []

    def _coordinated(self, s: _Sentence, first: Mention) -> list[EntityRef]:
        """The actor and those joined to it by و or a comma ("أنصار الدين والمرابطون")."""
        out, prev = [_ref(first)], first
        for m, _ in s.mentions:
            if m.start < prev.end or m.kind not in _ACTOR_KINDS:
                continue
            gap = normalise(s.text[prev.end - s.start:m.start - s.start])
            if not _COORD.fullmatch(gap):
                break
            out.append(_ref(m))
            prev = m
        return out

    def _relation(self, ctype: str, s: _Sentence, i: int, verb: bool, drafts: list[Draft], mem: _Memory) -> list[Draft]:
        """The claims of a pledge, split or merger trigger: one per coordinated subject."""
        if ctype == "merger":
            d = self._merger(s, i)
            return [d] if d else []
        subjects = self._subjects(s, i, verb, drafts, mem)
        if not subjects:
            return []
        taken = {_key(x) for x in subjects}
        later = [(k, m) for k, m in self._actors(s, i + 1, len(s.toks), free_only=False) if _key(_ref(m)) not in taken]
        if ctype == "split":
            src = [(k, m) for k, m in later if k > 0 and self.split_from.match(s.toks, k - 1)]
            later = src or later
        if not later:
            return []
        obj = self._as_group(later[0][1], mem)
        if _key(obj) in taken:
            return []
        return [Draft(ctype, (i, i + 1), subject=x, object=obj) for x in subjects]

    def _as_group(self, m: Mention, mem: _Memory) -> EntityRef:
        """A pledge to a leader is a pledge to his group."""
        if m.kind == "person" and m.entity_id:
            gid = self.kb.leader_group(m.entity_id, mem.last_date)
            if gid:
                return EntityRef(gid, self.kb.entities[gid].name, m.text)
        return _ref(m)

    def _merger(self, s: _Sentence, i: int) -> Draft | None:
        toks = s.toks
        result = next((j for j in range(i + 1, len(toks)) if self.merger_result.match(toks, j)), None)
        lo = self._clause_start(toks, i)
        groups = [(k, m) for k, m in self._actors(s, lo, len(toks), free_only=False) if m.kind == "group"]
        if result is None:
            return None
        members = [_ref(m) for k, m in groups if k < result]
        product = [m for k, m in groups if k > result]
        if not product or len(members) < 2:
            return None
        return Draft("merger", (i, i + 1), object=_ref(product[0]), members=tuple(members))

    # ---- attacks -----------------------------------------------------------------------
    def _responsibility(self, s: _Sentence, mem: _Memory) -> bool:
        """"X claimed the attack": names the perpetrator of the attack just reported (True),
        unless there is none to name (False: the sentence is read as an attack report)."""
        actors = [m for _, m in self._actors(s, 0, len(s.toks)) if m.entity_id]
        recent = [d for idx, d in mem.attacks if s.index - idx <= 2]
        if not actors or not recent:
            return False
        ref = _ref(actors[0])
        for d in recent:
            if d.subject is None or d.polarity != "asserted":
                d.subject = ref
        mem.last_subject = ref
        return True

    def _attack(self, s: _Sentence, dates, mem: _Memory) -> Draft | None:
        toks = s.toks
        verbs = self.verbs["attack"].find(toks)
        nouns = self.nouns["attack"].find(toks)
        if not verbs and not nouns:
            return None
        i = verbs[0] if verbs else nouns[0]
        if self._blocked(toks, i):
            return None
        perp = self._perpetrator(s, verbs[0] if verbs else None, mem)
        if perp is False:
            return None
        d = Draft("attack", (i, i + 1), subject=perp or None)
        d.date = dates[0][1] if dates else (mem.last_date if self.same_period.find(toks) else None)
        d.polarity = self._polarity(toks, i)
        d.place, d.country = self._where(s, mem)
        self._casualties(s, d)
        return d

    def _perpetrator(self, s: _Sentence, verb: int | None, mem: _Memory):
        """The actor of the attack; None when unnamed; False when state forces are the actor."""
        toks = s.toks
        if verb is not None:
            lo = self._clause_start(toks, verb)
            after = self._actors(s, verb + 1, verb + 4)
            before = self._actors(s, lo, verb)
            pick = (before[-1][1] if before else after[0][1] if after else None)
            if pick is None:
                nxt = verb + 1
                if nxt < len(toks) and self.state.match(toks, nxt):
                    return False
                if self.anaphors.within(toks, lo, verb + 3):
                    return mem.last_subject
                return None
            return _ref(pick)
        actors = self._actors(s, 0, len(toks))
        if actors:
            return _ref(actors[0][1])
        if self.anaphors.find(toks):
            return mem.last_subject
        return None

    def _where(self, s: _Sentence, mem: _Memory) -> tuple[str | None, str | None]:
        places = [p for p in s.places if p[3] == "place"]
        if places:
            return places[0][1], places[0][2]
        for kind in ("country", "relative", "demonym"):
            hit = [p for p in s.places if p[3] == kind]
            if hit:
                return None, (hit[0][2] if kind != "relative" else mem.country)
        return None, None

    def _casualties(self, s: _Sentence, d: Draft) -> None:
        toks = s.toks
        for slot in ("killed", "wounded", "kidnapped"):
            for j in self.cues[slot].find(toks):
                n = self._number_near(s, j + 1)
                if n is not None:
                    setattr(d, slot, n)
                    break
            if getattr(d, slot) is None and slot in self.after:
                for j in range(1, len(toks)):
                    if self.after[slot].match(toks, j):
                        n = self._number_back(toks, j)
                        if n is not None:
                            setattr(d, slot, n)
                            break
        kidnap = [j for j in self.cues["kidnapped"].find(toks) if self.verbs["attack"].match(toks, j)]
        if d.kidnapped is None and kidnap and self.victims.within(toks, kidnap[0] + 1, kidnap[0] + 4):
            d.kidnapped = 1
        if d.killed is None and self.execution.find(toks):
            d.killed = 1

    def _number_near(self, s: _Sentence, j: int) -> int | None:
        """A figure within four words after a casualty cue, an actor's name not counted
        ("اختطف مسلحون من تنظيم القاعدة ... فرنسيين اثنين"); a comma ends the search."""
        toks, seen, k = s.toks, 0, j
        named = [(m.start, m.end) for m, _ in s.mentions]
        while k < len(toks) and seen < 4:
            if toks[k].word in ("،", ",", ".", "؛"):
                return None
            n = self._number_at(toks, k)
            if n is not None:
                return n
            seen += not any(a <= toks[k].start < b for a, b in named)
            k += 1
        return None

    def _number_back(self, toks: list[Tok], j: int) -> int | None:
        for k in (j - 1, j - 2):
            if k >= 0:
                n = self._number_at(toks, k)
                if n is not None:
                    return n
        return None

    def _number_at(self, toks: list[Tok], k: int) -> int | None:
        w = toks[k].word
        if w.isdigit():
            n = int(w)
            return n if n < 1900 or n > 2100 else None
        unit = next((self.units[f] for f in toks[k].forms if f in self.units), None)
        if unit is not None:
            if k + 1 < len(toks) and toks[k + 1].word in self.teens:
                return unit + 10
            if k + 1 < len(toks) and toks[k + 1].word.startswith("و"):
                tens = next((self.tens[f] for f in toks[k + 1].forms if f in self.tens), None)
                if tens:
                    return unit + tens
            return unit
        for table in (self.tens, self.hundreds):
            if w in table:
                return table[w]
        return None

    # ---- dates -------------------------------------------------------------------------
    def _dates(self, s: _Sentence, published: date | None, mem: _Memory) -> list[tuple[int, str]]:
        """(token index, value) of the dates of a sentence, in order."""
        toks, out, i = s.toks, [], 0
        year_in_sentence = None
        while i < len(toks):
            month, n = self._month_at(toks, i)
            w = toks[i].word
            if month:
                day = int(toks[i - 1].word) if i > 0 and toks[i - 1].word.isdigit() and len(toks[i - 1].word) <= 2 else None
                year = int(toks[i + n].word) if i + n < len(toks) and _is_year(toks[i + n].word) else None
                if year is None:
                    year = year_in_sentence or mem.context_year or _year_before(published, month, day)
                if year:
                    out.append((i, f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day and 1 <= day <= 31 else "")))
                    year_in_sentence = year
                i += n + (1 if i + n < len(toks) and _is_year(toks[i + n].word) else 0)
                continue
            if _is_year(w):
                out.append((i, w))
                year_in_sentence = int(w)
            elif published is not None:
                rel = self._relative(toks, i, published)
                if rel:
                    out.append((i, rel))
            i += 1
        if not out and published is not None:
            wd = next((self.weekdays[t.word] for t in toks if t.word in self.weekdays), None)
            if wd is not None:
                back = (published.weekday() - wd) % 7 or 7
                out.append((0, (published - timedelta(days=back)).isoformat()))
        return out

    def _month_at(self, toks: list[Tok], i: int) -> tuple[int | None, int]:
        hit = _phrase_at(self.months, toks, i)
        return (hit[1], hit[0]) if hit else (None, 1)

    def _relative(self, toks: list[Tok], i: int, published: date) -> str | None:
        days = _phrase_at(self.days_back, toks, i)
        if days:
            return (published - timedelta(days=days[1])).isoformat()
        if self.week_back.match(toks, i):
            return (published - timedelta(days=7)).isoformat()[:7]
        if self.month_back.match(toks, i):
            first = published.replace(day=1) - timedelta(days=1)
            return first.isoformat()[:7]
        if self.year_back.match(toks, i):
            return str(published.year - 1)
        return None


class _Phrases(dict):
    """Phrase (its normalised words) -> value, with the set of first words as a cheap gate."""

    def __init__(self, table: dict):
        super().__init__({tuple(normalise(w) for w in str(k).split()): v for k, v in table.items()})
        self.firsts = frozenset(k[0] for k in self)
        self.longest = max((len(k) for k in self), default=0)


def _phrase_at(table: _Phrases, toks: list[Tok], i: int) -> tuple[int, object] | None:
    """(words covered, value) of the longest phrase of the table at token i (its first word
    in any clitic reading, the others as written)."""
    forms = toks[i].forms
    if table.firsts.isdisjoint(forms):  # (the common case, a C-level test)
        return None
    firsts = [f for f in forms if f in table.firsts]
    for n in range(min(table.longest, len(toks) - i), 0, -1):
        rest = tuple(t.word for t in toks[i + 1:i + n])
        for f in firsts:
            if (f, *rest) in table:
                return n, table[(f, *rest)]
    return None


_PREPS = frozenset(normalise(w) for w in _vocab()["object_preps"])
_ORG_NOUNS = frozenset(("جماعه", "كتيبه", "تنظيم", "حركه"))  # "جماعة X": the name often follows one of these
_COORD = re.compile(r"\s*(?:[،,]\s*و?|و)\s*(?:(?:%s)\s*)?" % "|".join(_ORG_NOUNS))  # "و" or a comma between


def _matchable(text: str) -> str:
    """Same-length copy of the text for the name matcher: glued prepositions before the
    article blanked, "لل" read as "ال", the genitive "أبي"/"أبا" read as "أبو"."""
    text = _GLUED_LAM_AL.sub(lambda m: " " * len(m.group(1)) + "ال", text)
    text = _GLUED_BEFORE_AL.sub(lambda m: " " * len(m.group(1)) + m.group(2), text)
    return _ABU.sub(lambda m: m.group(1) + "أبو", text)


def _longest(mentions: list[Mention]) -> list[Mention]:
    """The longest of overlapping mentions (the same name found in the text and in its
    matchable copy, or a short name inside a longer one), in text order; one sweep."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _year_before(published: date | None, month: int, day: int | None) -> int | None:
    """The year of a day and month without one: the publication's, or the year before when
    that would be after the publication."""
    if published is None:
        return None
    if (month, day or 1) > (published.month, published.day):
        return published.year - 1
    return published.year


def _reported(d: Draft) -> bool:
    """Does an attack sentence report the attack itself, rather
    than only its claim ("وتبنى التنظيم الهجوم بعد يومين")? A place or a toll says so."""
    return bool(d.place or d.killed or d.wounded or d.kidnapped)


def _pick(dates, i: int) -> str | None:
    after = [v for k, v in dates if k > i]
    before = [v for k, v in dates if k < i]
    return after[0] if after else before[-1] if before else None


def _ref(m: Mention) -> EntityRef:
    return EntityRef(m.entity_id, m.name, m.text)


def _key(ref: EntityRef | None) -> str | None:
    return None if ref is None else (ref.id or "?" + ref.name.casefold())


def _claim(d: Draft, s: _Sentence) -> Claim:
    conf = _CONFIDENCE[d.polarity] + (0.1 if d.date else 0.0) - (0.1 if d.type == "attack" and d.subject is None else 0.0)
    ev = Evidence(sentence=s.text, start=s.start, end=s.start + len(s.text))
    return Claim(type=d.type, subject=d.subject, object=d.object, evidence=ev, members=tuple(d.members), date=d.date,
                 place=d.place, country=d.country, killed=d.killed, wounded=d.wounded, kidnapped=d.kidnapped,
                 polarity=d.polarity, confidence=round(min(conf, 0.95), 2))
