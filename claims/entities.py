"""Entity mentions: an alias matcher compiled once from a KnowledgeBase.

Matching is token based (a dictionary keyed by an alias's first token), so it is linear in
the length of the text whatever the number of aliases. Aliases are compared on folded
text (case, diacritics, hyphens, curly apostrophes), with al-/el- variants generated
("al-Khilafah", "AlKhilafah", "el-Khilafah"). All-capital aliases of up to six letters
(AQIM, GIA, ISIS) only match capital letters in the text.

Names the knowledge base lacks but that look like organisations ("Katiba X", "Ansar Y",
"... Brigade", "Movement for ...") come back as mentions with `entity_id=None`.

A name the knowledge base shares among entities of several countries ("Ansar al-Sharia",
`claims.kb.SharedName`) comes back as its default entity, if it has one, else as an unknown
actor; the caller, which knows the document's places, resolves it (`find(..., shared=[])`
lists these mentions; `resolve_shared` gives each the entity of the country in context).
"""
from __future__ import annotations

import bisect
import re
from itertools import combinations
from typing import NamedTuple

from claims.kb import KnowledgeBase, SharedName
from claims.scan import finditer_at, window_bounds
from claims.text import PhraseIndex, Tokens, fold, translit_key

_WORD = re.compile(r"\w+|[^\w\s]")
_AL = ("al", "el")
_ARTICLES = frozenset({"the", "les", "le", "la", "l"})


_new = tuple.__new__  # builds a NamedTuple from a tuple of its fields (its own __new__ is a Python function)


class Mention(NamedTuple):  # (a tuple: built far more cheaply than a frozen dataclass, and often)
    start: int
    end: int
    entity_id: str | None
    name: str  # canonical name (or the surface form for an unknown actor)
    text: str  # surface form
    kind: str  # entity kind; "group" for an unknown organisation-like name


def shifted_mentions(mentions, offset: int) -> list[Mention]:
    """The mentions with offsets relative to `offset` (each one's fields unpacked once: no method call per mention)."""
    return [_new(Mention, (s - offset, e - offset, entity_id, name, text, kind))
            for s, e, entity_id, name, text, kind in mentions]


def _alias_token_variants(alias: str) -> set[tuple[str, ...]]:
    toks = tuple(m.group() for m in _WORD.finditer(fold(alias)))
    out = {toks}
    for i, tok in enumerate(toks[:-1]):
        if tok in _AL:
            for cur in list(out):
                if len(cur) != len(toks):
                    continue
                for pre in _AL:
                    out.add(cur[:i] + (pre,) + cur[i + 1:])
                    out.add(cur[:i] + (pre + cur[i + 1],) + cur[i + 2:])
    if len(toks) > 2 and toks[0] in _ARTICLES:  # "Les Signataires par le sang": also "des Signataires par le sang"
        out |= {t[2:] if t[1] == "'" else t[1:] for t in list(out) if t[0] == toks[0]}
    if len(toks) > 1 and toks[0] in _AL and (len(toks) > 2 or len(toks[1]) >= 8):
        out.add(toks[1:])  # "the Mulathamun Battalion", "the Mourabitoun": the name without its article (not "Qaeda")
    return {t for t in out if t}


_ORG_FORMS = (  # (the folded words one of which a match of the form holds, the form, whether each match opens
    #              on one of these words: the form's own anchor word, see _org_starts)
    (frozenset({"katiba", "katibat", "ansar", "jama", "jamaat", "harakat", "saraya", "liwa", "jaish", "kataib", "jund"}),
     r"(?:Katiba|Katibat|Ansar|Jama'?at|Harakat|Saraya|Liwa|Jaish|Kataib|Jund)"
     r"(?:\s+(?:al|el|ad|ar|as|ash|an|of|the|for|de|du|des|la|le|l')?[\s\-']*[A-Z][\w'\u2019\-]+){1,4}", True),
    (frozenset({"brigade", "brigades", "battalion", "battalions", "katiba", "katibas"}),
     r"(?:[A-Z][\w'\u2019\-]+\s+){1,4}(?:Brigade|Battalion|Katiba)s?\b", False),
    (frozenset({"movement"}), r"Movement\s+for\s+(?:the\s+)?(?:[A-Z][\w\-]+\s*(?:and|of|in|for)?\s*){1,6}", True),
    # "the Islamic Youth Shura Council", "the Shura Council of Mujahideen in Derna" (not a group's own "Shura Council")
    (frozenset({"shura"}), r"(?:(?:[A-Z][\w'\u2019\-]+\s+){1,4}Shura\s+Council(?:\s+(?:of|in|for)\s+(?:the\s+)?[A-Z][\w'\u2019\-]+"
                           r"(?:\s+(?:of\s+|in\s+)?[A-Z][\w'\u2019\-]+){0,3})?|Shura\s+Council\s+(?:of|in|for)\s+(?:the\s+)?"
                           r"[A-Z][\w'\u2019\-]+(?:\s+(?:of\s+|in\s+)?[A-Z][\w'\u2019\-]+){0,3})", False),
)


def _org_rx(forms: tuple[int, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(_ORG_FORMS[i][1] for i in forms) + ")")


_UNKNOWN_ORG = _org_rx(tuple(range(len(_ORG_FORMS))))
# The alternation without the forms whose words the text lacks (they cannot match): same matches, less work.
_ORG_RX = {forms: _org_rx(forms) for n in range(1, len(_ORG_FORMS) + 1) for forms in combinations(range(len(_ORG_FORMS)), n)}

# Every match of an _ORG_FORMS pattern holds one of these words (opening a white-space separated
# chunk), preceded by at most four words of the match, and opens on a capital that opens a word
# (\b[A-Z], written to open on a character class): the patterns are only tried at such capitals
# before an anchor (claims.scan.finditer_at), as a pattern that opens on \b is otherwise tried at
# every offset (and a search from before an anchor that no match holds reads on to the next match).
_ORG_ANCHORS = re.compile(r"Katiba|Katibat|Ansar|Jama|Harakat|Saraya|Liwa|Jaish|Kataib|Jund|Brigade|Battalion|Movement|Shura")
# The anchors, each with the folded words of a text one of which a match that holds it holds (the
# anchor's own word: "Jama'at" -> "jama"): an anchor whose words the text lacks can be skipped, as
# every match holds an anchor of its own form (the forms the text lacks are not tried: _ORG_RX).
_ANCHOR_WORDS = (("Katiba", frozenset({"katiba", "katibat", "katibas"})), ("Ansar", frozenset({"ansar"})),
                 ("Jama", frozenset({"jama", "jamaat"})), ("Harakat", frozenset({"harakat"})),
                 ("Saraya", frozenset({"saraya"})), ("Liwa", frozenset({"liwa"})), ("Jaish", frozenset({"jaish"})),
                 ("Kataib", frozenset({"kataib"})), ("Jund", frozenset({"jund"})),
                 ("Brigade", frozenset({"brigade", "brigades"})), ("Battalion", frozenset({"battalion", "battalions"})),
                 ("Movement", frozenset({"movement"})), ("Shura", frozenset({"shura"})))
# The anchors all of whose forms open on their anchor word (the forms' cue words that are the
# anchor's words: "Katiba" is also the last word of a "... Katiba" name, so not one of them).
_OPENING = frozenset(anchor for anchor, words in _ANCHOR_WORDS
                     if all(opens for cues, _, opens in _ORG_FORMS if not cues.isdisjoint(words)))
_LEAD_ARTICLE = re.compile(r"(?:The|Le|La|Les)\s+")
_WORD_CAPITAL = re.compile(r"[A-Z](?<!\w[A-Z])")

# Folded words one of which an unknown organisation-like name contains (a cheap gate for _UNKNOWN_ORG).
_UNKNOWN_CUES = frozenset({"katiba", "katibat", "ansar", "jama", "jamaat", "harakat", "saraya", "liwa", "jaish",
                           "kataib", "jund", "brigade", "brigades", "battalion", "battalions", "movement", "shura"})


class EntityMatcher:
    """Compiled once per KnowledgeBase; `find(text, folded)` returns sorted mentions."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        # Each alias's value: (whether an acronym, entity id, name, kind, the SharedName or None): a
        # match's mention at hand. A shared name's: (False, its default or None, the default's name or
        # None for the surface, its kind or "group", the SharedName).
        self._index = PhraseIndex(key=translit_key)
        shared: set[tuple[str, ...]] = set()  # a shared name's variants (keyed): no entity's alias
        for sh in kb.shared_names():
            default = kb.entities[sh.default] if sh.default else None
            value = (False, sh.default, default.name, default.kind, sh) if default else (False, None, None, "group", sh)
            for toks in _alias_token_variants(sh.name):
                shared.add(tuple(map(translit_key, toks)))
                self._index.add_tokens(toks, value)
        for ent in kb.entities.values():
            for alias in {ent.name, *ent.aliases}:
                acronym = alias.isupper() and alias.isalpha() and len(alias) <= 6
                for toks in _alias_token_variants(alias):
                    if not shared or tuple(map(translit_key, toks)) not in shared:
                        self._index.add_tokens(toks, (acronym, ent.id, ent.name, ent.kind, None))

    def first_words(self, toks: Tokens) -> set[str]:
        """The words of a text (its `Tokens`) at which `find` tries aliases."""
        return self._index.first_words(toks)

    def find(self, text: str, folded: str | None = None, toks: Tokens | None = None,
             shared: list[tuple[int, SharedName]] | None = None) -> list[Mention]:
        """The mentions of `text`, sorted. `shared`: a list to which (start, SharedName) of each
        mention of a shared name is added (see the module docstring)."""
        folded = fold(text) if folded is None else folded
        toks = toks if isinstance(toks, Tokens) else Tokens(folded)

        def accept(s: int, e: int, value) -> bool:
            return not value[0] or text[s:e].isupper()  # an acronym only in capitals

        out = []
        for start, end, (_, ent_id, name, kind, sh) in self._index.find(folded, accept, toks):
            surface = text[start:end]
            out.append(_new(Mention, (start, end, ent_id, name or surface, surface, kind)))
            if sh is not None and shared is not None:
                shared.append((start, sh))
        if not _UNKNOWN_CUES.isdisjoint(toks.uniq):
            forms = tuple(i for i, (cues, _, _) in enumerate(_ORG_FORMS) if not cues.isdisjoint(toks.uniq))
            unknown = self._unknown(text, out, _ORG_RX.get(forms, _UNKNOWN_ORG), _anchors(text, toks.uniq))
            if unknown:  # (the index's matches come in text order: else nothing to sort)
                out.extend(unknown)
                out.sort(key=lambda m: m.start)
        return out

    def _unknown(self, text: str, known: list[Mention], rx: re.Pattern = _UNKNOWN_ORG,
                 anchors: list[int] | None = None) -> list[Mention]:
        """The organisation-like names (`rx`: _ORG_RX of the forms the text may hold) that overlap
        no `known` mention; `anchors`: the offsets of the anchors that matter (_anchors), else all."""
        out = []
        known_starts = [k.start for k in known]
        if anchors is None:
            anchors = [a.start() for a in _ORG_ANCHORS.finditer(text)]
        for m in finditer_at(rx, text, _org_starts(text, anchors)):
            s, e = m.start(), m.end()
            surface = text[s:e].rstrip(" -'")
            e = s + len(surface)
            lead = _LEAD_ARTICLE.match(surface)  # "The Mujahideen Shura Council ...": a sentence's first word, no part of the name
            if lead:
                s, surface = s + lead.end(), surface[lead.end():]
            # Overlapping a known name? The known names are sorted and do not overlap (their ends
            # rise too): only the last that starts before `e` may reach past `s`.
            i = bisect.bisect_left(known_starts, e) - 1
            if i >= 0 and known[i].end > s:
                continue
            if len(surface.split()) < 2:
                continue
            out.append(Mention(s, e, None, surface, surface, "group"))
        return out


def _anchors(text: str, words: set[str]) -> list[int]:
    """The offsets (sorted) of the anchors (_ORG_ANCHORS) in `text` whose words (_ANCHOR_WORDS) are
    among the text's folded `words`, each anchor found by str.find: a regex scan of the
    alternation tries it at every capital of the text, at a far higher cost."""
    out: list[int] = []
    for anchor, anchor_words in _ANCHOR_WORDS:
        if not anchor_words.isdisjoint(words):
            at = text.find(anchor)
            while at >= 0:
                out.append(at)
                at = text.find(anchor, at + 1)
    out.sort()  # (anchors are capitalised words with no capital inside: none starts inside another)
    return out


def _org_starts(text: str, anchors: list[int]) -> list[int]:
    """The offsets (sorted) where a match of an _ORG_FORMS pattern may start: the capitals that open
    a word at most four words before an anchor (claims.scan.window_bounds), but an anchor of the
    forms that open on their anchor word only (_OPENING: "Ansar", "Movement") at the anchor itself:
    a match that opens before it holds an anchor of another form, whose window holds its start."""
    windowed = [a for a in anchors if _ORG_ANCHORS.match(text, a).group() not in _OPENING]
    starts: list[int] = []
    for a, lo in zip(windowed, window_bounds(text, windowed, 4)):
        lo = max(lo, starts[-1] + 1) if starts else lo
        starts += [m.start() for m in _WORD_CAPITAL.finditer(text, lo, a + 1)]
    if len(windowed) < len(anchors):
        starts = sorted(set(starts).union(a for a in anchors if _WORD_CAPITAL.match(text, a)))
    return starts


_QUALIFIER = re.compile(r"[ \t]+(?:in|of|en|au|aux|à|a|fi)[ \t]+(?:the[ \t]+|l'|la[ \t]+)?")


def resolve_shared(mentions: list, shared: dict, places: list, text: str, starts: list[int], ends: list[int],
                   kb: KnowledgeBase) -> list:
    """The mentions with each mention of a shared name (`shared`: start -> SharedName) given the
    entity of the country in context (the sentences of `text` lie in [starts[i], ends[i]); `places`
    sorted by start), the first of:

    1. the place the name is qualified by ("Ansar al-Sharia in Sirte"); one of another country
       ("... in Yemen") names another group: an unknown actor;
    2. the first country its sentence names (a country, a town's, a demonym's) that is one of the
       name's countries;
    3. the last of them named before it in its paragraph;
    4. the one the document names most (a tie: the first named: a dateline, a headline);
    5. the country of the known groups named with it: in its sentence, else the one of most of
       those of the document ("Le MIA, issu d'une scission d'Ansar Dine, a rejoint le HCUA": Mali);
    6. else the name's default entity if it has one, else an unknown actor of that name.
    Pure: the document's places in, mentions out."""
    pstarts = [p.start for p in places]
    doc_counts: dict[str, list[int]] = {}  # country -> [count, -first offset]
    for p in places:
        if p.country:
            c = doc_counts.setdefault(p.country, [0, -p.start])
            c[0] += 1
    out = list(mentions)
    for i, m in enumerate(out):
        sh = shared.get(m.start)
        if sh is None:
            continue
        country = _context_country(text, m, sh.countries(), places, pstarts, starts, ends, doc_counts)
        if country is None:
            country = _allies_country(mentions, shared, m, sh.countries(), kb, starts, ends)
        if country is None:
            ent_id = sh.default
        else:
            ent_id = sh.entity_of(country) if country else None
        if ent_id != m.entity_id:
            ent = kb.entities.get(ent_id) if ent_id else None
            out[i] = m._replace(entity_id=ent_id, name=ent.name if ent else m.text,
                                kind=ent.kind if ent else "group")
    return out


def _allies_country(mentions: list, shared: dict, m, countries: frozenset, kb: KnowledgeBase, starts: list[int],
                    ends: list[int]) -> str | None:
    """The country of `countries` of the known groups named with mention `m` (no shared name): the
    first in its sentence, else the one most of the document's are of (a tie: None)."""
    k = max(bisect.bisect_right(starts, m.start) - 1, 0)
    counts: dict[str, int] = {}
    for x in mentions:
        ent = kb.entities.get(x.entity_id) if x.entity_id and x.start not in shared else None
        if ent is None or ent.kind != "group" or ent.country not in countries:
            continue
        if starts[k] <= x.start < ends[k]:
            return ent.country
        counts[ent.country] = counts.get(ent.country, 0) + 1
    top = sorted(counts.values(), reverse=True)
    return max(counts, key=counts.get) if top and (len(top) == 1 or top[0] > top[1]) else None


def _context_country(text: str, m, countries: frozenset, places: list, pstarts: list[int], starts: list[int],
                     ends: list[int], doc_counts: dict) -> str | bool | None:
    """The country of `countries` in context of mention `m` (see resolve_shared); False where the
    name is qualified by a place of another country; None where nothing decides."""
    j = bisect.bisect_left(pstarts, m.end)
    if j < len(places):  # 1. "Ansar al-Sharia in Sirte"
        q = _QUALIFIER.match(text, m.end)
        if q and q.end() == places[j].start and places[j].country:
            return places[j].country if places[j].country in countries else False
    k = max(bisect.bisect_right(starts, m.start) - 1, 0)  # 2. its sentence
    lo = bisect.bisect_left(pstarts, starts[k])
    for p in places[lo:bisect.bisect_left(pstarts, ends[k])]:
        if p.country in countries:
            return p.country
    para = text.rfind("\n", 0, m.start) + 1  # 3. before it in its paragraph
    for p in reversed(places[bisect.bisect_left(pstarts, para):lo]):
        if p.country in countries:
            return p.country
    named = [(doc_counts[c], c) for c in countries if c in doc_counts]  # 4. the document
    return max(named)[1] if named else None
