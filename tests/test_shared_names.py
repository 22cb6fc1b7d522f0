"""Names the knowledge base gives to groups of several countries ("Ansar al-Sharia"): in an
article they mean the group of the country in context, else an unknown actor (or the name's
default entity: "Jund al-Khilafah" is the Algerian group's own name)."""
from datetime import date

import pytest

from claims.entities import EntityMatcher
from claims.errors import KnowledgeBaseError
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from claims.linking import Linker
from sources.yamlfile import parse_yaml

PUBLISHED = date(2015, 6, 1)


@pytest.fixture(scope="module")
def extractor(kb):
    return Extractor(kb)


def _subjects(extractor, text, lang="en"):
    return [(c.type, c.subject.id if c.subject else None, c.subject.name if c.subject else None)
            for c in extractor.extract(text, published=PUBLISHED, lang=lang)]


def test_the_seed_kb_declares_the_shared_names(kb):
    ansar = kb.shared_name("ansar al-sharia")
    assert dict(ansar.by_country) == {"Libya": "ansar_al_sharia_libya", "Tunisia": "ansar_al_sharia_tunisia",
                                      "Mali": "ansar_al_sharia_mali"} and ansar.default is None
    assert kb.shared_name("Ansar al-Charia").by_country == ansar.by_country
    jund = kb.shared_name("Jund al-Khilafa")
    assert jund.default == "jund_al_khilafah" and jund.entity_of("Tunisia") == "jund_al_khilafah_tunisia"
    assert kb.shared_name("Ansar al-Sharia in Libya") is None and kb.shared_name("Ansar Dine") is None


def test_a_tunisian_article(extractor):
    text = ("TUNIS, March 6 (sahelwatch) - Gunmen from Ansar al-Sharia killed two police officers in an attack "
            "on a checkpoint near Kasserine on Thursday, the interior ministry said.\n\n"
            "Ansar al-Sharia pledged allegiance to the Islamic State in 2015, officials said.")
    assert _subjects(extractor, text) == [("attack", "ansar_al_sharia_tunisia", "Ansar al-Sharia in Tunisia"),
                                          ("pledge", "ansar_al_sharia_tunisia", "Ansar al-Sharia in Tunisia")]


def test_a_libyan_article_in_french(extractor):
    text = ("Combats à Benghazi\n\nLe 3 mai 2014, des combattants d'Ansar al-Charia ont tué cinq soldats dans une "
            "embuscade à Benghazi. Ansar al-Charia a prêté allégeance à l'État islamique en 2015.")
    assert {s for _, s, _ in _subjects(extractor, text, "fr")} == {"ansar_al_sharia_libya"}


def test_the_sentence_country_decides_in_an_article_naming_both(extractor):
    text = ("In Tunisia, Ansar al-Sharia killed two soldiers near Kasserine on 4 June 2013. "
            "In Libya, Ansar al-Sharia killed three soldiers in Benghazi on 5 June 2014.")
    assert [s for _, s, _ in _subjects(extractor, text)] == ["ansar_al_sharia_tunisia", "ansar_al_sharia_libya"]


def test_without_a_country_the_name_stays_an_unknown_actor(extractor):
    text = "Ansar al-Sharia killed two soldiers in an ambush on 4 June 2013, the group said."
    assert _subjects(extractor, text) == [("attack", None, "Ansar al-Sharia")]


def test_a_name_qualified_by_another_country_is_another_group(extractor):
    text = ("Tunisian officials said on Monday that Ansar al-Sharia in Yemen pledged allegiance to the "
            "Islamic State in 2015.")
    assert _subjects(extractor, text) == [("pledge", None, "Ansar al-Sharia")]


def test_the_paragraph_then_the_document_decide(extractor):
    # the second paragraph names no country: the document names Libya most
    text = ("Clashes in Benghazi and Derna\n\nFighting went on in Benghazi and Derna, Libyan officials said. "
            "A court in Tunis sentenced two men on Monday.\n\n"
            "Ansar al-Sharia killed two soldiers in an ambush on 4 June 2014.")
    assert _subjects(extractor, text) == [("attack", "ansar_al_sharia_libya", "Ansar al-Sharia in Libya")]
    # a country named before it in its paragraph comes first
    text = ("Tunisian police arrested ten men in Tunis and Sousse.\n\nThe men had trained in Libya. "
            "Ansar al-Sharia killed two soldiers in an ambush on 4 June 2014.")
    assert [s for _, s, _ in _subjects(extractor, text)] == ["ansar_al_sharia_libya"]


def test_a_name_with_a_default_entity(extractor):
    tunisian = ("Jund al-Khilafa claimed the killing of a shepherd near Sidi Bouzid, in Tunisia, "
                "on 13 November 2015.")
    assert [s for _, s, _ in _subjects(extractor, tunisian)] == ["jund_al_khilafah_tunisia"]
    nowhere = "Jund al-Khilafa killed a shepherd on 13 November 2015."
    assert [s for _, s, _ in _subjects(extractor, nowhere)] == ["jund_al_khilafah"]


def test_the_matcher_reports_shared_names_and_their_default(kb):
    matcher = EntityMatcher(kb)
    text = "Ansar al-Sharia, Jund al-Khilafah and Ansar al-Sharia in Tunisia"
    shared: list = []
    ments = matcher.find(text, shared=shared)
    assert [(m.text, m.entity_id) for m in ments] == [
        ("Ansar al-Sharia", None), ("Jund al-Khilafah", "jund_al_khilafah"),
        ("Ansar al-Sharia in Tunisia", "ansar_al_sharia_tunisia")]
    assert [(s, sh.name) for s, sh in shared] == [(0, "Ansar al-Sharia"), (17, "Jund al-Khilafah")]
    assert matcher.find(text) == ments  # (without the list: the same mentions)


def test_the_linker_links_a_shared_name_by_country(kb):
    linker = Linker(kb)
    assert linker.link("Ansar al-Sharia") is None and linker.link("ansar al charia") is None
    assert linker.link("Ansar al-Sharia", country="Tunisia").entity_id == "ansar_al_sharia_tunisia"
    assert linker.link("Ansar al-Charia", country="Libya").entity_id == "ansar_al_sharia_libya"
    assert linker.link("Ansar al-Sharia", country="Yemen") is None
    assert linker.link("Jund al-Khilafa").entity_id == "jund_al_khilafah"
    assert linker.link("Jund al-Khilafa", country="Tunisia").entity_id == "jund_al_khilafah_tunisia"
    assert linker.link("Ansar al-Sharia in Libya").entity_id == "ansar_al_sharia_libya"


def test_a_rebuilt_kb_keeps_its_shared_names(kb):
    # (the warehouse rebuilds the KB from its entities and relations, with confirmed additions)
    assert KnowledgeBase(entities=dict(kb.entities), relations=kb.relations).shared_names() == kb.shared_names()


def _group(gid, country=None, **extra):
    return {"id": gid, "name": gid.upper(), "kind": "group", **({"country": country} if country else {}), **extra}


@pytest.mark.parametrize("entities, message", [
    ([_group("a", "Mali", shared_names="X")], "shared_names must be a list of names"),
    ([_group("a", shared_names=["X"]), _group("b", "Mali", shared_names=["X"])], "shared_names need a country"),
    ([_group("a", "Mali", shared_names=["X"])], "shared name 'X' is no other entity's"),
    ([_group("a", "Libya", shared_names=["X"]), _group("b", "Libya", shared_names=["X"])],
     "must be of different countries (several are of Libya: a, b)"),
    ([_group("a", "Mali", aliases=["X"]), _group("b", "Niger", aliases=["X"]), _group("c", "Chad", shared_names=["X"])],
     "is the name or an alias of several entities (a, b)"),
    ([_group("a", "Mali", aliases=["X"], shared_names=["x"]), _group("b", "Chad", shared_names=["X"])],
     "'a' lists 'x' both as a name or alias and in shared_names"),
    ([_group("a", aliases=["X"]), _group("b", "Chad", shared_names=["X"])], "one has no country"),
])
def test_kb_validation_of_shared_names(entities, message):
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_records({"entities": entities})
    assert any(message in p for p in err.value.problems), err.value.problems


def test_shared_name_errors_name_the_line():
    text = ("entities:\n"
            "  - id: a\n    name: A\n    kind: group\n    country: Libya\n    shared_names: [Ansar X]\n"
            "  - id: b\n    name: B\n    kind: group\n    country: Libya\n    shared_names: [Ansar X]\n")
    data, where = parse_yaml(text, "entities.yaml")
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_records(data, where)
    assert err.value.problems == ["entities[0] (line 2): shared name 'Ansar X': the entities that share it must "
                                  "be of different countries (several are of Libya: a, b)"]


def test_a_valid_shared_name_and_its_default():
    kb = KnowledgeBase.from_records({"entities": [
        _group("a", "Mali", aliases=["Ansar X"]), _group("b", "Niger", shared_names=["ansar x"])]})
    (sh,) = kb.shared_names()
    assert sh.by_country == (("Mali", "a"), ("Niger", "b")) and sh.default == "a" and sh.name == "ansar x"


def test_a_monitoring_run_links_a_shared_name_left_unknown_by_the_claims_country(kb):
    from claims.batch import link_claim
    from claims.model import Claim, EntityRef, Evidence
    linker = Linker(kb)
    unknown = EntityRef(None, "Ansar al-Sharia", "Ansar al-Sharia")
    claim = Claim("attack", unknown, None, Evidence("Ansar al-Sharia attacked a post.", 0, 31), country="Tunisia")
    assert link_claim(claim, linker).subject.id == "ansar_al_sharia_tunisia"
    assert link_claim(Claim("attack", unknown, None, claim.evidence, country="Yemen"), linker) == \
        Claim("attack", unknown, None, claim.evidence, country="Yemen")  # a country not among the name's: unknown


@pytest.mark.parametrize("text,lang,expected", [
    ("Le MIA, issu d'une scission d'Ansar Dine, a rallié le HCUA en mai 2013.", "fr", "mia_azawad"),
    ("In 1993 the MIA, like the GIA, attacked army posts, killing 12 soldiers.", "en", "mia"),
])
def test_the_groups_named_with_it_give_the_country(extractor, text, lang, expected):
    assert {s for _, s, _ in _subjects(extractor, text, lang)} == {expected}


def test_groups_of_no_country_of_the_name_decide_nothing(extractor):
    text = "Ansar al-Sharia pledged allegiance to the Islamic State in 2015, the group said."
    assert _subjects(extractor, text) == [("pledge", None, "Ansar al-Sharia")]
