"""Entity linking: a name as written -> a knowledge-base entity, or None.

Three tiers, the first that answers wins (a lone generic word, "Ansar", "Katiba", never links):

1. exact     the name is an entity's name or alias, character for character;
2. normalised the comparison keys are equal: case, diacritics, hyphens and apostrophes
             folded; leading articles ("the", "l'", "les") and the Arabic article dropped;
             al-/el-/ad-/ash- particles removed; transliteration variants collapsed
             (ou/oo -> u, dj -> j, ch -> sh, q -> k, doubled letters; Arabic alef, ta
             marbuta, alif maqsura and diacritics);
3. fuzzy     rapidfuzz similarity of the keys >= `FUZZY_CUTOFF`, under guards against
             false merges:
             - acronyms and names of one short word never link fuzzily;
             - qualifier words (countries and their adjectives, regions, cities, "west",
               "greater", "province"...) must be the same on both sides: "Niger" never
               becomes "Nigeria", "Ansar al-Sharia in Libya" never "... in Tunisia",
               "Islamic State" never "Islamic State in the Greater Sahara";
             - the number of content words may differ by at most one, and every word of
               the shorter name must resemble a word of the other ("National Front" is
               not "National Movement");
             - two candidates scoring within `AMBIGUITY_MARGIN` of each other: no link.

When several entities share a key, the one whose alias is valid at the claim's date wins
(ISGS is "Islamic State Sahel Province" from March 2022); otherwise no link. A name the
knowledge base lists as shared by groups of several countries ("Ansar al-Sharia",
`claims.kb.SharedName`; exact or normalised) links to the group of `country` if given,
else to the name's default entity if it has one, else not at all (never fuzzily). A person
in the object of a pledge resolves to the group he led at the date (`as_group`).

Pure: built once from a KnowledgeBase, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from claims.kb import KnowledgeBase, SharedName
from claims.text import fold

FUZZY_CUTOFF = 88.0
AMBIGUITY_MARGIN = 3.0
WORD_CUTOFF = 75.0  # every word of the shorter name must resemble one of the other's
GENERIC = frozenset({"ansar", "katiba", "katibat", "jund", "jamaat", "jamaa", "harakat", "saraya", "liua",
                     "jaish", "group", "brigade", "battalion", "movement", "front", "state", "islamic"})

# Words that distinguish otherwise similar names: they must match exactly.
QUALIFIERS = frozenset("""
niger nigeria nigerien nigerian nigerienne nigeriane mali malian malien malienne burkina faso burkinabe
algeria algerian algerie algerien jazair jazayer jazaier libya libyan libye libyen tunisia tunisian tunisie tunisien
tunis morocco moroccan maroc marocain mauritania mauritanian mauritanie chad chadian tchad tchadien
senegal somalia somali somalie yemen egypt egyptian egypte sinai syria iraq sham levant benin togo ghana
ivory cote ivoire guinea cameroon cameroun sudan soudan
benghazi derna darna sirte tripoli tarabulus barqa fezzan gao kidal timbuktu tombouctou menaka macina massina
serma gourma liptako azawad sahara sahel sahil maghreb magreb arabian peninsula africa afrique ifriqiya
west ouest east est north nord south sud greater grand central centrale province wilayat
islamic islamique state etat
""".split())
_ARTICLES = re.compile(r"^(?:the|l'|le|la|les|al|el)\s+")
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ed", "ash", "as", "an", "ar", "at", "az", "ad-", "l", "wal", "wa"})
_STOP = frozenset({"of", "the", "in", "for", "and", "de", "du", "des", "la", "le", "l", "en", "au", "aux",
                   "dans", "fi", "et", "a", "its", "d"})
_TRANSLIT = ((r"ou", "u"), (r"oo", "u"), (r"dj", "j"), (r"ch", "sh"), (r"q", "k"), (r"ph", "f"),
             (r"ee", "i"), (r"y", "i"), (r"w", "u"), (r"(\w)\1", r"\1"))
_AR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_AR_MARKS = re.compile(r"[\u064b-\u0652\u0670]")
_ACRONYM = re.compile(r"^[A-Z0-9\-]{2,7}$")


@dataclass(frozen=True, slots=True)
class Link:
    entity_id: str
    method: str  # exact | normalised | fuzzy
    score: float  # 100 for exact and normalised
    alias: str  # the KB name or alias it matched


def key(name: str) -> str:
    """The normalised comparison key of a name (see the module docstring)."""
    return _key(name)


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    s = _AR_MARKS.sub("", name.translate(_AR_MAP))
    s = fold(s).replace("'s ", " ").strip()
    s = re.sub(r"[\"'`.,;:()\[\]]", " ", s)
    s = re.sub(r"\bال(?=\w)", "", s)
    words = [w for w in s.split() if w not in _PARTICLES]
    s = _ARTICLES.sub("", " ".join(words))
    return " ".join(_translit(w) for w in s.split())


def _translit(word: str) -> str:
    if word in QUALIFIERS or not word.isascii():
        return word
    for pattern, repl in _TRANSLIT:
        word = re.sub(pattern, repl, word)
    return word


def _words(k: str) -> list[str]:
    return [w for w in k.split() if w not in _STOP]


def _qualifiers(name: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[^\w]+", fold(name)) if w in QUALIFIERS)


class Linker:
    """Compiled once per KnowledgeBase: `link(name, when)` -> Link or None."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._exact: dict[str, set[str]] = {}
        self._by_key: dict[str, set[str]] = {}
        self._alias_of: dict[tuple[str, str], str] = {}  # (entity_id, key) -> alias
        for ent in kb.entities.values():
            for alias in (ent.name, *ent.aliases):
                self._exact.setdefault(alias, set()).add(ent.id)
                k = _key(alias)
                if k:
                    self._by_key.setdefault(k, set()).add(ent.id)
                    self._alias_of.setdefault((ent.id, k), alias)
        self._keys = [k for k in self._by_key if _fuzzable(k)]
        # the shared names: as written, and by key (a shared name's key links no entity's alias)
        self._shared_exact: dict[str, SharedName] = {}
        self._shared: dict[str, SharedName] = {}
        for sh in kb.shared_names():
            self._shared_exact[sh.name] = sh
            self._shared.setdefault(_key(sh.name), sh)

    def link(self, name: str, when: str | None = None, country: str | None = None) -> Link | None:
        """The entity `name` refers to (at `when`, YYYY[-MM[-DD]], if given), or None.
        `country`: the country in context, for a name several groups share."""
        name = " ".join(name.split())
        if not name:
            return None
        ids = self._exact.get(name)
        if ids and name not in self._shared_exact:
            chosen = self._choose(ids, name, when)
            return Link(chosen, "exact", 100.0, name) if chosen else None
        k = _key(name)
        if k in GENERIC:
            return None
        sh = self._shared_exact.get(name) or self._shared.get(k) if self._shared else None
        if sh is not None:
            return self._shared_link(sh, name, country)
        ids = self._by_key.get(k)
        if ids:
            chosen = self._choose(ids, k, when, by_key=True)
            return Link(chosen, "normalised", 100.0, self._alias_of[(chosen, k)]) if chosen else None
        return self._fuzzy(name, k, when)

    def as_group(self, entity_id: str, when: str | None = None) -> str:
        """A person resolves to the group he led at `when` (a pledge to a leader is a
        pledge to his group); any other entity is itself."""
        ent = self.kb.entities.get(entity_id)
        if ent is None or ent.kind != "person":
            return entity_id
        return self.kb.leader_group(entity_id, when) or entity_id

    # ---- internals -----------------------------------------------------------------
    def _shared_link(self, sh: SharedName, name: str, country: str | None) -> Link | None:
        chosen = (sh.entity_of(country) if country else None) or sh.default
        if chosen is None:
            return None
        return Link(chosen, "exact" if name == sh.name else "normalised", 100.0, sh.name)

    def _choose(self, ids: set[str], alias: str, when: str | None, by_key: bool = False) -> str | None:
        if len(ids) == 1:
            return next(iter(ids))
        valid = [i for i in ids if self._valid(i, alias, when, by_key)]
        return valid[0] if len(valid) == 1 else None

    def _valid(self, entity_id: str, alias: str, when: str | None, by_key: bool) -> bool:
        ent = self.kb.entities[entity_id]
        if by_key:
            alias = self._alias_of.get((entity_id, alias), alias)
        return bool(when) and ent.alias_valid_at(alias, when) and any(d.alias == alias for d in ent.dated_aliases)

    def _fuzzy(self, name: str, k: str, when: str | None) -> Link | None:
        if not _fuzzable(k) or _ACRONYM.match(name):
            return None
        hits = process.extract(k, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        quals = _qualifiers(name)
        hits = [(cand, score) for cand, score, _ in hits if self._guarded(k, quals, cand)]
        if not hits:
            return None
        (best, score), rest = hits[0], hits[1:]
        ids = self._by_key[best]
        rivals = {i for cand, s in rest if s >= score - AMBIGUITY_MARGIN for i in self._by_key[cand]}
        if rivals - ids:
            return None
        chosen = self._choose(ids, best, when, by_key=True)
        return Link(chosen, "fuzzy", round(score, 1), self._alias_of[(chosen, best)]) if chosen else None

    def _guarded(self, k: str, quals: frozenset[str], cand: str) -> bool:
        """The false-merge guards: same qualifiers, content words within one."""
        alias = self._alias_of[(next(iter(self._by_key[cand])), cand)]
        if _qualifiers(alias) != quals:
            return False
        qw, cw = _words(k), _words(cand)
        if abs(len(qw) - len(cw)) > 1:
            return False
        short, long_ = sorted((qw, cw), key=len)
        return all(any(fuzz.ratio(w, v) >= WORD_CUTOFF for v in long_) for w in short)


def _fuzzable(k: str) -> bool:
    """Keys long enough to compare fuzzily: two words, or one word of 7+ letters."""
    words = _words(k)
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 7)
