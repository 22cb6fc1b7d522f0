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


def _plain_remember(an: Analyzer, index, mentions, places, anaphors, mem: Memory) -> None:
    """The plain form: a scan for each thing remembered."""
    recent = [r for r in mem.recent_groups if r[0] >= index - 1]
    mem.recent_groups = recent
    named = [m for m in mentions if m.kind == "group"]
    persons = [m for m in mentions if m.kind == "person"]
    units = [m for m in named if an.is_unit(m)]
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
        mem.recent_groups = recent + [(index, g) for g in groups]
    mem.prev_first_group = groups[0] if groups else None
    towns = [p for p in places if p.kind == "place"]
    if towns:
        mem.last_place = (index, towns[-1].name, towns[-1].country)
    either = [p for p in places if p.kind in ("country", "place")]
    if either:
        mem.last_country = either[-1].country


NAMES = [("g1", "Katiba Macina", "katiba macina"), ("g2", "AQIM", "aqim"), (None, "the Foo Brigade", "foo brigade"),
         ("g3", "Boko Haram", "boko haram"), (None, "Lakurawa", "lakurawa"), ("p1", "Iyad Ag Ghaly", "ag ghaly")]
KINDS = ["group", "group", "person", "country", "place"]
PLACES = [("Gao", "ML"), ("Niger", "NE"), ("north", None), ("Mopti", "ML")]
PLACE_KINDS = ["place", "country", "demonym", "relative"]


def test_remember_leaves_what_the_plain_form_leaves():
    an = Analyzer(KnowledgeBase(entities={}), vocab("en"))
    rnd = random.Random(5)
    fast, plain = Memory(), Memory()
    index = 0
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
        _plain_remember(an, index, mentions, places, anaphors, plain)
        assert fast == plain, (before, mentions, places, anaphors)
