"""Text -> claims. `Extractor(kb)` compiles aliases, places and vocabularies once;
`extract(text, published, lang)` is pure (no I/O) and linear in the text.

Sentence by sentence: mentions, places and dates are looked up, then pledge, split,
merger and attack patterns run; a discourse memory carries what "the group", "they",
"he", "another ambush", "the following January" refer to. The same pledge, split or
merger stated twice in one article is one claim (the first statement).

Text in Arabic script (whatever `lang` says) is read by `claims.arabic.ArabicPatterns`.
"""
from __future__ import annotations

import bisect
from functools import partial
from operator import attrgetter
import logging
import re
from datetime import date, datetime

from claims.arabic import ArabicPatterns, is_arabic
from claims.attacks import AttackPatterns
from claims.dates import MONTH_YEAR_RX, MONTHS, SAME_DAY, YEAR_RX, find_dates, in_aside
from claims.discourse import Analyzer, Memory, Sent
from claims.entities import EntityMatcher, resolve_shared, shifted_mentions
from claims.kb import KnowledgeBase
from claims.learned import NameLearner
from claims.mergers import MergerPatterns
from claims.model import Claim, Evidence
from claims.patterns import Draft, RelationPatterns, is_party, party_place
from claims.places import Gazetteer, shifted_places
from claims.sentences import sentence_bounds
from claims.text import fold_tokens
from claims.vocab import guess_lang, trigger_prefilter, vocab

log = logging.getLogger(__name__)
_NOTE_MARK = re.compile(r"\[\d+\]")  # a line that opens on one ("[3] Ibid."): its sentences are skipped
# "since" before a year, a month and year or a full date ("since 2013", "depuis le 2 octobre 2023", "since
# October 2, 2023"): searched up to the year (\Z: the end of the window)
_SINCE_YEAR = re.compile(r"\b(?:since|depuis)\s+(?:(?:le|the)\s+)?(?:\d{1,2}(?:er|st|nd|rd|th)?\s+)?"
                         r"(?:(?:of\s+)?[a-z]+\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\Z")
# A clause that goes on to another step after a claim's trigger ("..., before adopting the name X in January 2007")
_NEXT_CLAUSE = re.compile(r",\s*(?:avant|apres|before|after|puis|then|later|but|mais|while|tandis|whereas|alors\s+que)\b")
_FRONTED = re.compile(r"\W*(?:(?:in|on|at|en|le|les|au|du|a|the)\s+){0,2}")  # what may come before a fronted date
_ADJACENT = re.compile(r"\s*(?:en\s+)?")  # a date right before a trigger (or its gerund, "en rompant")
_CONFIDENCE = {"asserted": 0.8, "hedged": 0.5, "denied": 0.4}
_NO_CUES: frozenset = frozenset()


class _Tools:
    def __init__(self, kb: KnowledgeBase, lang: str):
        v = vocab(lang)
        self.an = Analyzer(kb, v)
        self.rel = RelationPatterns(kb, self.an, v)
        self.mergers = MergerPatterns(kb, self.an, v, self.rel)
        self.attacks = AttackPatterns(self.an, v, self.rel)
        self.any_trigger = trigger_prefilter(v)
        self.names = NameLearner(v)


class Extractor:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.matcher = EntityMatcher(kb)
        self.gazetteer = Gazetteer.load()
        self._tools = {lang: _Tools(kb, lang) for lang in ("en", "fr")}
        self.arabic = ArabicPatterns(kb, self.matcher, self.gazetteer)

    def extract(self, text: str, published: date | None = None, lang: str | None = None) -> list[Claim]:
        if not text or not text.strip():
            return []
        if isinstance(published, datetime):
            published = published.date()
        if lang == "ar" or is_arabic(text):
            return self.arabic.extract(text, published)
        toks = fold_tokens(text)  # (Tokens(fold(text)) in one go)
        folded = toks.folded
        tools = self._tools.get(lang or guess_lang(folded)) or self._tools["en"]
        toks.share(self.matcher.first_words(toks) | self.gazetteer.first_words(toks)
                   | tools.any_trigger.first_words(toks.uniq) | (tools.names.heads & toks.uniq))
        starts, ends = sentence_bounds(text)
        triggered = tools.any_trigger.sentences(folded, toks.uniq, starts, ends, toks)
        if not triggered:  # every claim comes from a sentence with a trigger word (or the ones after
            return []      # it): without any, names and places need not be looked up
        shared: list = []  # the mentions of names several entities share, to resolve by country
        mentions = self.matcher.find(text, folded, toks, shared)
        places = self.gazetteer.find(text, folded, toks)
        if mentions and places:  # a GeoNames town inside an actor's name is part of the name
            named = [(m.start, m.end) for m in mentions if m.entity_id]
            places = [p for p in places if not (self.gazetteer.from_geonames(p)
                                                and any(a <= p.start < b for a, b in named))]
        learned = tools.names.find(text, folded, toks, mentions, places, self.gazetteer.from_geonames)
        if learned:  # names the text introduces ("the Lakurawa group"): actors, and no village of that name
            places = [p for p in places if not any(m.start < p.end and p.start < m.end for m in learned)]
            mentions = sorted(mentions + learned, key=attrgetter("start"))
        if shared:
            mentions = resolve_shared(mentions, dict(shared), places, text, starts, ends, self.kb)
        mem, found = Memory(), []
        ments, plcs = _by_sentence(mentions, starts, ends), _by_sentence(places, starts, ends)
        notes = _footnotes(text, starts)
        prev = (0, 0)  # the last sentence read (the last year it states is the next one's context)
        must = triggered.keys() | ments.keys() | plcs.keys()  # the sentences never passed over
        in_order = sorted(must)
        idx = 0
        while idx < len(starts):
            if mem.pending_founding is None and idx > mem.last_attack_sentence + 2 and idx not in must:
                # Nothing carries over to this sentence: up to the next one that is triggered or
                # names something, none is read; remembering each in turn as naming nothing leaves
                # the memory as remembering the last of them does (footnotes aside).
                nxt = _next_in(in_order, idx, len(starts))
                last = _last_read(idx, nxt, notes)
                if last is not None:
                    tools.an.remember_plain(last, [], [], mem)
                    prev = (starts[last], ends[last])
                idx = nxt
                continue
            s, e = starts[idx], ends[idx]
            if idx in notes:
                idx += 1
                continue
            if (idx in triggered or mem.pending_founding is not None
                    or (idx - mem.last_attack_sentence <= 2 and tools.attacks.may_continue(folded[s:e]))):
                low = folded[s:e]
                sent = Sent(idx, s, text[s:e], low, shifted_mentions(ments.get(idx, ()), s),
                            shifted_places(plcs.get(idx, ()), s))
                sent.date_finder = partial(_find_dates, low, published, folded, prev)
                sent.cues = triggered.get(idx, _NO_CUES)
                tools.an.prepare(sent)
                self._sentence(tools, sent, mem, found, sent.cues)
                tools.an.remember(sent, mem)
            else:
                tools.an.remember_plain(idx, ments.get(idx, []), plcs.get(idx, []), mem)
            prev = (s, e)
            idx += 1
        return _finish(_drop_headline(text, found, self.gazetteer))

    def _sentence(self, t: _Tools, sent: Sent, mem: Memory, found: list, types: frozenset) -> None:
        """The claims of one sentence; `types`: the claim types whose trigger words it holds
        (the patterns of the others cannot match and are not run; those of a type whose
        trigger list is absent, `sent.cues`, are skipped by the pattern classes)."""
        if mem.pending_founding is not None:
            pending, psent = mem.pending_founding
            mem.pending_founding = None
            d = t.mergers.composition(sent, pending, mem)
            if d:
                self._relations_slots(t, psent, [d], mem)
                found.append((d, psent))
        rel = t.rel.pledges(sent, mem) if "pledge" in types else []
        rel += t.rel.splits(sent, mem) if "split" in types else []
        if "merger" in types:
            merged = t.mergers.mergers(sent, mem)
            rel += merged
            union = None if merged else t.mergers.union(sent, mem)  # (a merger told outright is no second one)
            rel += [union] if union else []
            founding = t.mergers.founding(sent, mem)
            if founding is not None:
                mem.pending_founding = (founding, sent)
                mem.last_formed = founding.object
        if rel:
            self._relations_slots(t, sent, rel, mem)
        for d in rel:
            found.append((d, sent))
            mem.claim_subjects.append((sent.index, d.subject or d.object))
            if d.type == "merger" and is_party(d.object):
                mem.last_formed = d.object
        self._attacks(t, sent, mem, found, "attack" in types)

    def _attacks(self, t: _Tools, sent: Sent, mem: Memory, found: list, triggered: bool) -> None:
        slots = t.attacks.continuation(sent, mem)
        if slots is not None:
            for i in mem.last_attacks:
                d = found[i][0]
                for k, val in slots.items():
                    if val is None or k == "alleged":
                        continue
                    if k == "subject":  # a perpetrator named later: only where the report left it open or hedged
                        if _may_attribute(d):
                            d.subject = val
                            if slots.get("alleged") and d.polarity == "asserted":
                                d.polarity = "hedged"  # "The attack was blamed on X": an allegation
                    elif getattr(d, k) is None:
                        setattr(d, k, val)
            mem.last_attack_sentence = sent.index
            return
        drafts = t.attacks.attacks(sent, mem) if triggered else []
        for indices, perp in mem.extra_updates:
            for i in indices:
                if _may_attribute(found[i][0]):
                    found[i][0].subject = perp
        mem.extra_updates.clear()
        drafts = [d for d in drafts if not _told_before(d, found, self.gazetteer)]
        if not drafts:
            return
        same_day = SAME_DAY.search(sent.low)
        prev = [found[i][0].date for i in mem.last_attacks if found[i][0].date]
        for i, d in enumerate(drafts):
            if d.date is None and same_day:
                # "on the same day", "le meme jour": the date of the attack told before it, in this sentence or before
                here = [x.date for x in drafts[:i] if x.date and x.trig[0] < same_day.start()]
                if here:
                    d.date = here[-1]
                elif prev and sent.index - mem.last_attack_sentence <= 3:
                    d.date = prev[0]
        t.attacks.chain_dates(drafts, found, mem, sent)  # "Two days later": from the last dated claim
        mem.prev_attacks, mem.last_attacks = mem.last_attacks, []
        for d in drafts:
            mem.last_attacks.append(len(found))
            found.append((d, sent))
            if d.subject is not None:
                mem.last_perpetrator = d.subject
                mem.claim_subjects.append((sent.index, d.subject))
        mem.last_attack_sentence = sent.index

    def _relations_slots(self, t: _Tools, sent: Sent, drafts: list[Draft], mem: Memory) -> None:
        drafts.sort(key=lambda d: d.trig[0])
        trigs = sorted({d.trig for d in drafts})  # "A and B pledged ...": one trigger, one segment
        for d in drafts:
            k = trigs.index(d.trig)
            lo = trigs[k - 1][1] if k else 0
            hi = trigs[k + 1][0] if k + 1 < len(trigs) else len(sent.low)
            d.date = d.date or _pick_date(sent, d.trig, lo, hi)
            d.polarity = t.rel.polarity(sent, *d.trig)
            others = [x.subj_span for x in drafts if x is not d and x.subj_span]
            span = d.subj_span or next(((m.start, m.end) for m in sent.mentions
                                        if d.subject and d.subject.id and m.entity_id == d.subject.id), None)
            d.place, d.country = party_place(sent, span, others, d.trig, is_region=self.gazetteer.is_region)


def _next_in(must: list[int], idx: int, n: int) -> int:
    """The first sentence index of `must` (sorted) from `idx` on, else `n`."""
    i = bisect.bisect_left(must, idx)
    return must[i] if i < len(must) else n


def _last_read(a: int, b: int, notes: set[int]) -> int | None:
    """The last sentence index in [a, b) that is not a footnote, else None."""
    for i in range(b - 1, a - 1, -1):
        if i not in notes:
            return i
    return None


def _footnotes(text: str, starts: list[int]) -> set[int]:
    """The indices of the sentences that start on a footnote line ("[3] Ibid.")."""
    out: set[int] = set()
    # (The marks are searched for, then their lines: a pattern anchored on line starts, ^ with
    # re.M, is tried at every offset of the text.)
    for m in _NOTE_MARK.finditer(text) if "[" in text else ():
        line = text.rfind("\n", 0, m.start()) + 1
        if text[line:m.start()].strip(" \t"):
            continue  # not at the start of its line
        end = text.find("\n", line)
        end = len(text) if end < 0 else end
        out.update(range(bisect.bisect_left(starts, line), bisect.bisect_left(starts, end)))
    return out


def _find_dates(low: str, published: date | None, folded: str, prev: tuple[int, int]) -> list:
    """`find_dates` of a sentence (`low`) whose context year is the last year that the previous
    sentence (`prev`: its span in `folded`) states."""
    anaphor = _last_year(folded, *prev, plain=False) if "year" in low or "annee" in low else None
    month = _last_month(folded, *prev) if "month" in low or "mois" in low else None
    return find_dates(low, published, _last_year(folded, *prev), anaphor, month)


def _last_month(folded: str, start: int, end: int) -> str | None:
    """"YYYY-MM" of the last month written with its year in folded[start:end] ("in October 2014"), else None."""
    last = None
    for last in MONTH_YEAR_RX.finditer(folded, start, end):
        pass
    return f"{last.group('y')}-{MONTHS[last.group('m')]:02d}" if last is not None else None


def _last_year(folded: str, start: int, end: int, plain: bool = True) -> int | None:
    """The last year (YEAR_RX) of folded[start:end] that no "since" opens and no aside holds (any year where
    not `plain`: the antecedent of "that year"), read as in the whole text: matches of
    YEAR_RX never overlap (one that ends is followed by no digit), so each is found from
    three characters before the span (one that ends inside it starts there at the earliest),
    with the three characters after it that its lookahead reads. (Every match opens on "19" or
    "20": where the window holds neither, as most sentences, a C search tells there is none.)"""
    lo, hi = (start - 3 if start > 3 else 0), end + 3
    if folded.find("20", lo, hi) < 0 and folded.find("19", lo, hi) < 0:
        return None
    last = None
    for m in YEAR_RX.finditer(folded, lo, hi):
        if start < m.end() <= end and (not plain or (not _SINCE_YEAR.search(folded, max(0, m.start() - 40), m.start())
                                                     and not in_aside(folded[start:end], m.start() - start))):
            last = m  # (not "since 2013", "depuis 2013": a span that runs up to now, no time of its own; nor a year in an aside)
    return int(last.group("y")) if last is not None else None


def _by_sentence(items: list, starts: list[int], ends: list[int]) -> dict[int, list]:
    """The items (sorted, document offsets) of each sentence that holds any, by sentence index:
    those that lie inside [starts[i], ends[i]). (One bisection per item, not two per sentence:
    most sentences name nothing.)"""
    out: dict[int, list] = {}
    right = bisect.bisect_right
    for m in items:
        i = right(starts, m[0]) - 1  # (m[0], m[1]: its start and end)
        if i >= 0 and m[1] <= ends[i] and m[0] < ends[i]:
            if i in out:
                out[i].append(m)
            else:
                out[i] = [m]
    return out


def _pick_date(sent: Sent, trig: tuple[int, int], lo: int, hi: int) -> str | None:
    """The date of a relation claim: the nearest in its segment, after the trigger first;
    a date inside an apposition or parenthesis ("X, a faction founded in 2012, ...") is
    about that aside, not the claim, unless the aside is the trigger's own ("la fusion, en mars 2017, d'A et de B")."""
    aside = sent.in_paren(trig[0])
    own = [(a, b) for a, b in sent.paren if trig[1] <= a <= trig[1] + 2] if not aside else []

    def counts(d) -> bool:
        return aside or not sent.in_paren(d.start) or any(a <= d.start < b for a, b in own)

    seg = [d for d in sent.dates if lo <= d.start < hi and counts(d)]
    brk = _NEXT_CLAUSE.search(sent.low, trig[1], hi)  # ", avant d'adopter en janvier 2007 ...": another event's date
    after = [d for d in seg if d.start >= trig[1] and (brk is None or d.start < brk.start())]
    before = [d for d in seg if d.end <= trig[0]]
    if before and _ADJACENT.fullmatch(sent.low, before[-1].end, trig[0]):
        return before[-1].value  # "apparu en janvier 2012 en rompant avec X", "in May 2015 pledged": the trigger's own date
    if after:
        first = before[0] if before else None
        if (first is not None and _fronted(sent.low, first) and "," in sent.low[trig[1]:after[0].start]
                and not after[0].value.startswith(first.value)):
            return first.value  # "Le 13 septembre, ils ont prete allegeance a X, proclame calife fin juin": the opening date
        return after[0].value
    if before:
        return before[-1].value
    earlier = [d for d in sent.dates if d.end <= trig[0] and counts(d)]
    return earlier[-1].value if earlier else None


def _fronted(low: str, d) -> bool:
    """The date opens the sentence and a comma closes it: "Le 13 septembre, ...", "On 4 May 2015, ..."."""
    return _FRONTED.fullmatch(low, 0, d.start) is not None and low[d.end:d.end + 2].lstrip().startswith(",")


def _finish(found: list[tuple[Draft, Sent]]) -> list[Claim]:
    out, seen = [], set()
    for d, sent in found:
        if d.type != "attack":
            key = (d.type, _k(d.subject), _k(d.object), frozenset(_k(m) for m in d.members))
            if key in seen:
                continue
            seen.add(key)
        out.append(_claim(d, sent))
    return out


def _k(ref) -> str | None:
    return None if ref is None else (ref.id or "?" + ref.name.casefold())


def _claim(d: Draft, sent: Sent) -> Claim:
    conf = _CONFIDENCE[d.polarity] + (0.1 if d.date else 0.0) - (0.1 if d.type == "attack" and d.subject is None else 0.0)
    ev = Evidence(sentence=sent.text, start=sent.start, end=sent.start + len(sent.text))
    return Claim(type=d.type, subject=d.subject, object=d.object, evidence=ev, members=tuple(d.members),
                 date=d.date, place=d.place, country=d.country, killed=d.killed, wounded=d.wounded,
                 kidnapped=d.kidnapped, polarity=d.polarity, confidence=round(min(conf, 0.95), 2))


def _drop_headline(text: str, found: list, gazetteer: Gazetteer) -> list:
    """Without the attacks of a headline (a first line with no final punctuation) that the body
    reports again (same town, or the headline names none or only a region of the body's country;
    no other country): a headline characterises the attack the body tells ("Kolmari: the
    country's worst massacre", "Farmworkers slaughtered in Borno"); a headline that is the only
    report stays a claim."""
    nl = text.find("\n")
    head = text[:nl].strip() if nl > 0 else ""
    if not head or head[-1] in ".!?\u00bb\"" or not any(d.type == "attack" and sent.index == 0 for d, sent in found):
        return found
    body = [d for d, sent in found if d.type == "attack" and sent.start >= nl]

    def told(d):
        place = gazetteer.canonical(d.place)
        region = bool(place) and gazetteer.is_region(place)
        return any((not place or place == gazetteer.canonical(b.place) or (region and d.country and d.country == b.country)) and (
            not d.country or not b.country or d.country == b.country) for b in body)
    return [(d, sent) for d, sent in found if not (d.type == "attack" and sent.start < nl and told(d))]


def _told_before(d: Draft, found: list, gazetteer: Gazetteer) -> bool:
    """A definite attack noun named by its place ("l'attaque de Kolmari", "the Kolmari raid")
    that adds no figure, where the document already reported an attack there: the same attack
    (a perpetrator it names is given to that one where open or hedged)."""
    if not d.extra.get("named") or d.killed or d.wounded or d.kidnapped or d.polarity == "denied":
        return False  # (a denial of responsibility is a claim of its own)
    place = gazetteer.canonical(d.place)
    for prev, _ in found:
        if prev.type == "attack" and prev.place and gazetteer.canonical(prev.place) == place:
            if is_party(d.subject) and _may_attribute(prev):
                prev.subject = d.subject
            return True
    return False


def _may_attribute(draft) -> bool:
    """A later claim of responsibility names an attack's perpetrator only where the report left
    it open or hedged ("it isn't clear if AQIM ..."): it never overwrites an asserted one
    ("JNIM fighters attacked ... The al-Qaeda affiliate claimed the attack")."""
    return not is_party(draft.subject) or draft.polarity != "asserted"
