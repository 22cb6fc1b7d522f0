"""General rules added for the second gold set's gaps: aggregates, state operations, coordinated
followers ("X et ses hommes"), "the new group", summed casualty figures, a site named earlier."""
from datetime import date

import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


@pytest.mark.parametrize("lang,text", [
    ("en", "The army says it has killed thousands of insurgents since 2009."),
    ("en", "Over the whole year, more than 300 Malian soldiers were killed in attacks across the north."),
    ("en", "According to officials, more than 4,000 people were killed in Mali and Niger in 2019."),
    ("fr", "Au moins 37 otages étrangers ont trouvé la mort lors de l'assaut final de l'armée algérienne à In Amenas."),
])
def test_totals_and_state_operations_are_no_attacks(ex, lang, text):
    assert [c for c in ex.extract(text, published=date(2020, 1, 1), lang=lang) if c.type == "attack"] == []


def test_leader_and_his_men_split(ex):
    text = ("En mai 2015, Adnan Abou Walid al-Sahraoui a prêté allégeance à l'État islamique. "
            "Quelques semaines plus tard, al-Sahraoui et ses hommes ont fait scission avec al-Mourabitoun.")
    splits = [c for c in ex.extract(text, lang="fr") if c.type == "split"]
    assert [(c.subject.id, c.object.id) for c in splits] == [("al_sahrawi", "al_mourabitoun")]


def test_the_new_group_is_the_one_just_formed(ex):
    text = ("Ansar Dine, la katiba Macina et al-Mourabitoun ont fusionné jeudi pour former le GSIM. "
            "Le nouveau groupe a aussi renouvelé son allégeance à AQMI.")
    pledges = [c for c in ex.extract(text, published=date(2017, 3, 4), lang="fr") if c.type == "pledge"]
    assert [(c.subject.id, c.object.id) for c in pledges] == [("jnim", "aqim")]


def test_merger_members_skip_a_leaders_name_and_the_result(ex):
    fr = "Le 2 mars 2017, la katiba Macina d'Amadou Koufa, Ansar Dine et al-Mourabitoun ont fusionné pour former le GSIM."
    en = "In August 2013, Mokhtar Belmokhtar's Signed-in-Blood Battalion and MUJAO merged to form al-Mourabitoun."
    (m_fr,) = [c for c in ex.extract(fr, lang="fr") if c.type == "merger"]
    (m_en,) = [c for c in ex.extract(en, lang="en") if c.type == "merger"]
    assert {m.id for m in m_fr.members} == {"katiba_macina", "ansar_dine", "al_mourabitoun"}
    assert {m.id for m in m_en.members} == {"al_mulathamun", "mujao"} and m_en.object.id == "al_mourabitoun"


def test_summed_figures_and_site_named_before(ex):
    (a,) = ex.extract("Le 4 octobre 2017, quatre soldats américains et quatre soldats nigériens ont été tués "
                      "dans une embuscade près de Tongo Tongo.", lang="fr")
    assert a.killed == 8
    text = ("The Radisson Blu hotel in Bamako is popular with foreigners. "
            "On November 20, 2015, al-Mourabitoun fighters stormed the hotel and took 170 people hostage.")
    (b,) = [c for c in ex.extract(text, lang="en") if c.type == "attack"]
    assert (b.place, b.country, b.subject.id) == ("Bamako", "Mali", "al_mourabitoun")


def test_elided_french_trigger_is_found(ex):
    text = ("Mardi, des centaines de jihadistes ont attaqué le camp militaire d'Inates, tuant 71 soldats. "
            "Le groupe État islamique a revendiqué l'attaque jeudi.")
    (a,) = ex.extract(text, published=date(2019, 12, 12), lang="fr")
    assert a.subject.id == "islamic_state" and a.killed == 71
