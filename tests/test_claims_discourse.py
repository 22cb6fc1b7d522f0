"""claims.discourse: the memory a sentence leaves (Analyzer.remember_plain) is the one the plain
form below leaves, on random mentions, places and anaphors."""
import copy
import random

from claims.discourse import Analyzer, Memory, ref_of
from claims.entities import Mention
from claims.kb import KnowledgeBase
from claims.model import EntityRef
from claims.places import PlaceMention
from claims.vocab import vocab


def _plain_remember(an: Analyzer, index, mentions, places, anaphors, mem: Memory, recent: list) -> list:
    """The plain form: a scan for each thing remembered; `recent`: the (sentence index, group) pairs
    remembered so far, the new ones returned (the groups of the last two sentences)."""
    recent = [r for r in recent if r[0] >= index - 1]
    named = [m for m in mentions if m.kind == "group"]
    persons = [m for m in mentions if m.kind == "person"]
    units = [m for m in named if an.unit_rx.search(m.text.lower()) or an.unit_rx.search(m.name.lower())]
    if units:
        mem.last_unit = ref_of(units[-1])
    if persons:
        mem.last_person, mem.last_person_at = ref_of(persons[-1]), index
    groups = [ref_of(m) for m in named]
    for got in anaphors:
        if got and got.id not in {g.id for g in groups}:
            groups.insert(0, got)
    if groups:
        mem.last_group, mem.last_group_at = groups[-1], index
        recent = recent + [(index, g) for g in groups]
    mem.prev_first_group = groups[0] if groups else None
    towns = [p for p in places if p.kind == "place"]
    if towns:
        mem.last_place = (index, towns[-1].name, towns[-1].country)
    either = [p for p in places if p.kind in ("country", "place")]
    if either:
        mem.last_country = either[-1].country
    return recent


NAMES = [("g1", "Katiba Macina", "katiba macina"), ("g4", "Ansar Brigade", "Ansar"), ("g2", "AQIM", "aqim"), (None, "the Foo Brigade", "foo brigade"),
         ("g3", "Boko Haram", "boko haram"), (None, "Lakurawa", "lakurawa"), ("p1", "Iyad Ag Ghaly", "ag ghaly")]
KINDS = ["group", "group", "person", "country", "place"]
PLACES = [("Gao", "ML"), ("Niger", "NE"), ("north", None), ("Mopti", "ML")]
PLACE_KINDS = ["place", "country", "demonym", "relative"]


def test_remember_leaves_what_the_plain_form_leaves():
    an = Analyzer(KnowledgeBase(entities={}), vocab("en"))
    rnd = random.Random(5)
    fast, plain = Memory(), Memory()
    index, recent = 0, []
    for _ in range(3000):
        index += rnd.choice([0, 1, 1, 2, 3])
        mentions = [Mention(0, 1, *rnd.choice(NAMES), rnd.choice(KINDS)) for _ in range(rnd.choice([0, 0, 1, 2, 4]))]
        places = [PlaceMention(0, 1, *rnd.choice(PLACES)[:1], "", rnd.choice(PLACES)[1], rnd.choice(PLACE_KINDS))
                  for _ in range(rnd.choice([0, 0, 1, 2, 3]))]
        anaphors = [rnd.choice([None, EntityRef("g2", "AQIM", "aqim"), EntityRef("g9", "X", "x"), EntityRef(None, "Y", "y")])
                    for _ in range(rnd.choice([0, 0, 0, 1, 2]))]
        before = copy.deepcopy(fast)
        if anaphors:
            an.remember_plain(index, mentions, places, fast, anaphors)
        else:
            an.remember_plain(index, mentions, places, fast)
        recent = _plain_remember(an, index, mentions, places, anaphors, plain, recent)
        assert fast.recent_groups == [g for _, g in recent], (before, mentions, places, anaphors)
        plain.groups_at, plain.groups_here, plain.groups_before = fast.groups_at, fast.groups_here, fast.groups_before
        assert fast == plain, (before, mentions, places, anaphors)
        assert all(an.is_unit(m) == an._names_unit(m.text, m.name) for m in mentions)  # (its cache: the same)


def _owned_noun(m, window, heads):
    """What _mention_cands reads of an owner match: its span and the owned noun (None: no noun)."""
    if m is None:
        return None
    from claims.discourse import _FIRST_TWO
    head = _FIRST_TWO.match(window, m.start(1))
    w = next((g for g in head.groups() if g in heads), None) if head else None
    return None if w is None else (m.span(), m.start(1), w)


def test_owner_before_reads_what_the_plain_search_reads():
    """_owner_before (its pretests, its later start) against `_BEFORE.search` over the whole window,
    on random windows of owner phrases, owned nouns, other words, punctuation and other scripts."""
    from claims.discourse import _BEFORE, _owner_before
    an = Analyzer(KnowledgeBase(entities={}), vocab("en"))
    heads = an.owner_heads
    rnd = random.Random(11)
    words = (sorted(heads)[:12] + ["of", "from", "in", "de", "d'", "du", "des", "by", "par", "led", "dirigee", "se",
             "reclamant", "linked", "links", "close", "to", "with", "a", "au", "the", "l'", "la", "le", "x", "ties",
             "members", "fighters", "groupe", "militants", "2013", "émir", "al-", "(", ",", "'s", "\u2019", "Of", "_"])
    seps = [" ", " ", " ", "  ", "\n", "\t", "", "\u00a0", "\x1c"]
    hits = 0
    for _ in range(20000):
        window = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(0, 9)))
        plain = _owned_noun(_BEFORE.search(window), window, heads)
        hits += plain is not None
        assert _owned_noun(_owner_before(window, heads), window, heads) == plain, window
    assert hits > 300


def test_group_anaphors_skip_only_far_mentions():
    """_group_anaphors builds the candidates of the mentions near the words it found alone: the
    same anaphors as with those of every mention, on random sentences."""
    from claims.discourse import Sent
    an = Analyzer(KnowledgeBase(entities={}), vocab("en"))
    plain = Analyzer(KnowledgeBase(entities={}), vocab("en"))
    full = plain._mention_cands
    plain._mention_cands = lambda sent, ments=None: full(sent)
    rnd = random.Random(3)
    words = ["the", "group", "the group", "battalion", "the battalion", "members of", "fighters", "of", "linked to",
             "said", "and", "its", "alliance", "a", "X", "Y Z", ",", "militants", "in", "network", "organization",
             "movement affiliated with the", "faction close to", "militant groups led by", "closely", "Q"]
    seen = 0
    for _ in range(4000):
        text, spans = "", []
        for _ in range(rnd.randint(1, 30)):
            w = rnd.choice(words)
            if w[0].isupper():
                spans.append((len(text), len(text) + len(w)))
            text += w + " "
        ments = [Mention(a, b, "g1", "X", text[a:b], "group") for a, b in spans]
        got = an._group_anaphors(Sent(0, 0, text, text.lower(), ments, []))
        want = plain._group_anaphors(Sent(0, 0, text, text.lower(), ments, []))
        assert [(c.start, c.end, c.word) for c in got] == [(c.start, c.end, c.word) for c in want], text
        seen += bool(want)
    assert seen > 500


def test_whole_words_rx_finds_what_the_plain_alternation_finds():
    """_whole_words_rx (its words opening the pattern, a word boundary after their first character),
    and the alternation of only the words a text holds (_group_anaphors), against the plain
    `\\b(?:w1|w2|...)\\b` of every word, on random texts of those words, parts of them, other
    scripts, digits, "_" and punctuation."""
    import re
    from claims.discourse import _whole_words_rx
    an = Analyzer(KnowledgeBase(entities={}), vocab("fr"))
    words = an.group_anaphor_words + ("group", "groups", "katibat", "l'organisation", "-brigade", "armed group")
    pieces = list(words) + ["rou", "x", "_", "2", "é", "ü", "\u0645", "\u4e2d", "'", "-", ",", "(", "s", "é" + "groupe"]
    seps = [" ", " ", "", "", "\n", "\u00a0", "'", "-"]
    rnd = random.Random(12)
    hits = 0
    for _ in range(6000):
        alts = tuple(sorted(rnd.sample(words, rnd.randint(1, 6)), key=len, reverse=True))
        text = "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(0, 12)))
        want = [m.span() for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, alts)) + r")\b", text)]
        assert [m.span() for m in _whole_words_rx(alts).finditer(text)] == want, (alts, text)
        present = tuple(filter(text.__contains__, alts))
        if present:
            assert [m.span() for m in _whole_words_rx(present).finditer(text)] == want, (alts, text)
        hits += bool(want)
    assert hits > 1000
