"""claims.entities (alias matching) and the knowledge base file seeds/entities.yaml."""
import re
from pathlib import Path

import pytest
import yaml

from claims.entities import EntityMatcher
from claims.errors import KnowledgeBaseError
from claims.kb import KnowledgeBase

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def matcher(kb):
    return EntityMatcher(kb)


def ids(matcher, text):
    return [m.entity_id for m in matcher.find(text)]


@pytest.mark.parametrize("surface,entity_id", [
    ("Djound Al-Khalifa en Algerie", "jund_al_khilafah"),
    ("Jund al-Khilafah fi Ard al-Jazayer", "jund_al_khilafah"),
    ("Soldiers of the Caliphate in the Land of Algeria", "jund_al_khilafah"),
    ("Droukdel", "droukdel"), ("Drukdal", "droukdel"), ("Abdelmalek Droukdal", "droukdel"),
    ("Abou Mossab Abdelwadoud", "droukdel"),
    ("al-Mourabitoun", "al_mourabitoun"), ("al-Murabitoun", "al_mourabitoun"), ("al-Murabitun", "al_mourabitoun"),
    ("Al Mourabitoune", "al_mourabitoun"), ("Al-Mourabitoun’s", "al_mourabitoun"),
    ("MUJAO", "mujao"), ("Mujao", "mujao"), ("Movement for Oneness and Jihad in West Africa", "mujao"),
    ("Movement for the Unity of Jihad in West Africa", "mujao"), ("Monotheism and Jihad Movement in West Africa", "mujao"),
    ("ISIS", "islamic_state"), ("ISIL", "islamic_state"), ("Daesh", "islamic_state"), ("داعش", "islamic_state"),
    ("SGPC", "gspc"), ("GSPC", "gspc"), ("AQMI", "aqim"), ("Al-Qaïda au Maghreb islamique", "aqim"),
    ("تنظيم القاعدة في بلاد المغرب الإسلامي", "aqim"), ("Ansar AlKhilafah", "ansar_al_khilafah"),
    ("Saraya AlGhurabaa", "saraya_al_ghurabaa"), ("Abu Bakr AlBaghdadi", "baghdadi"), ("MINUSMA", "minusma"),
    ("MNLA", "mnla"), ("AMISOM", "amisom"), ("French troops", "french_forces"),
])
def test_alias_variants(matcher, surface, entity_id):
    assert ids(matcher, f"Reports say {surface} was there.") == [entity_id]


def test_longest_alias_wins_and_offsets(matcher):
    text = "He left al-Qaeda in the Islamic Maghreb for al-Qaeda."
    ms = matcher.find(text)
    assert [m.entity_id for m in ms] == ["aqim", "al_qaeda"]
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_acronyms_are_case_sensitive(matcher):
    assert ids(matcher, "the goddess isis and a gia vase") == []


def test_unknown_organisation_like_names(matcher):
    ms = matcher.find("Fighters of Katiba Salaheddine and the Ansar Bait Maqdis joined.")
    unknown = [m.name for m in ms if m.entity_id is None]
    assert "Katiba Salaheddine" in unknown and "Ansar Bait Maqdis" in unknown


def test_kb_file_is_valid_and_complete(kb):
    ents = kb.entities
    assert {"aqim", "gspc", "gia", "islamic_state", "jund_al_khilafah", "al_mourabitoun", "mujao",
            "belmokhtar", "droukdel", "baghdadi", "shekau"} <= set(ents)
    assert kb.find("gspc", "pledged_to", "al_qaeda").date == "2006-09-11"
    assert kb.find("al_mourabitoun", "merged_into", "aqim").date == "2015-12-04"
    assert kb.leader_group("droukdel") == "aqim" and kb.leader_group("baghdadi") == "islamic_state"
    assert all(r.note for r in kb.relations)


def test_kb_one_entity_per_block():
    lines = (SEEDS / "entities.yaml").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if re.match(r"\s+- id: ", line)) == len(
        yaml.safe_load("\n".join(lines))["entities"])


def test_kb_validation_reports_problems():
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_records({"entities": [{"id": "a", "name": "A", "kind": "tribe"}],
                                    "relations": [{"subject": "a", "relation": "leads", "object": "b"}]})
    assert len(err.value.problems) == 2


ORG_MIX = ["Ansar", "Jama'at", "Jund", "Harakat", "Katiba", "Katibat", "Katibas", "Brigade", "Battalions", "Movement",
           "Shura", "Council", "for", "of", "in", "the", "al", "Dine", "Sahara", "Mujahideen", "Foo", "x", "l'", "-", "é"]


def test_organisation_forms_tried_at_their_anchors_find_what_a_plain_scan_finds():
    """_org_starts tries the forms that open on their anchor word ("Ansar", "Movement") at the anchor
    only, the others a few words before theirs: the same matches as a scan of the whole text."""
    import random

    from claims.entities import _ORG_ANCHORS, _ORG_RX, _org_starts
    from claims.scan import finditer_at
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(ORG_MIX) + rnd.choice([" ", " ", " ", "", "-", ", ", ".\n"])
                       for _ in range(rnd.randint(0, 16)))
        anchors = [m.start() for m in _ORG_ANCHORS.finditer(text)]
        for rx in _ORG_RX.values():
            got = [m.span() for m in finditer_at(rx, text, _org_starts(text, anchors))]
            assert got == [m.span() for m in rx.finditer(text)], text
