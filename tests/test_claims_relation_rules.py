"""Pledge, split and merger rules added after the blind set: relative clauses inside an
apposition, "the battalion" as a merger member, reflexive and "rejoined its ranks" pledges,
"joined forces" with the group formed named, participles of birth ("born from the merger
of", "né d'une scission du"), the possessor of an allegiance noun, "broke away from Y to
create X", partitives, and the participle "né" that is no negation. Sentences are our own."""
import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _rel(ex, text, lang="en", types=("pledge", "split", "merger")):
    out = []
    for c in ex.extract(text, lang=lang):
        if c.type in types:
            out.append((c.type, c.subject and c.subject.id, c.object and c.object.id,
                        tuple(sorted(m.id for m in c.members)), c.polarity))
    return out


# ---- relative clause after an apposition's head noun ----------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Al-Mourabitoun, a group that broke away from AQIM in 2013 and later drifted south, claimed the raid.", "en"),
    ("Al-Mourabitoun, an outfit which split from AQIM in 2013, claimed the raid.", "en"),
    ("Al-Mourabitoune, un groupe qui a fait scission avec AQMI en 2013, a revendiqué le raid.", "fr"),
])
def test_relative_clause_in_an_apposition_is_about_the_name(ex, text, lang):
    assert _rel(ex, text, lang) == [("split", "al_mourabitoun", "aqim", (), "asserted")]


def test_that_outside_an_apposition_stays_a_clause_boundary(ex):
    # "that" after a verb is no relative pronoun: the split's subject is not the speaker
    assert _rel(ex, "AQIM said that fighters split from the organisation in 2013.") == []


def test_relative_clause_after_a_person_anaphor_is_hedged_by_the_conditional(ex):
    text = ("En 2019, l'armée a visé l'imam Iyad Ag Ghaly. "
            "Ce prédicateur touareg, qui aurait rejoint les rangs d'Ansar Dine en 2012, reste introuvable.")
    assert ("pledge", "iyad_ag_ghaly", "ansar_dine", (), "hedged") in _rel(ex, text, "fr")


# ---- "the battalion" as a merger member ----------------------------------------------
def test_unit_anaphor_is_a_merger_member(ex):
    text = ("Belmokhtar founded the Signed-in-Blood Battalion in 2012. "
            "A year later, the battalion and MUJAO merged to form al-Mourabitoun.")
    assert ("merger", None, "al_mourabitoun", ("al_mulathamun", "mujao"), "asserted") in _rel(ex, text)


def test_unit_anaphor_without_a_named_unit_is_nobody(ex):
    # an army battalion: no group named as one before, no member
    text = "Soldiers patrolled near Gao. In 2013 the battalion and MUJAO merged to form al-Mourabitoun."
    assert [r for r in _rel(ex, text) if r[0] == "merger"] == []


# ---- pledge verb frames -----------------------------------------------------------------
def test_reflexive_pledge_and_its_denial(ex):
    assert _rel(ex, "In 2014 Jund al-Khilafah pledged itself to the Islamic State.") == [
        ("pledge", "jund_al_khilafah", "islamic_state", (), "asserted")]
    got = _rel(ex, "Droukdel denied that Katiba Macina had pledged itself to the Islamic State.")
    assert got == [("pledge", "katiba_macina", "islamic_state", (), "denied")]


def test_rejoined_its_ranks_is_a_pledge_to_the_owner_not_to_itself(ex):
    text = "JNIM said in a statement on May 2 that Ansarul Islam had rejoined its ranks."
    assert _rel(ex, text) == [("pledge", "ansarul_islam", "jnim", (), "asserted")]
    assert _rel(ex, "In 2012, Ansar Dine fighters joined the ranks of MUJAO.") == [
        ("pledge", "ansar_dine", "mujao", (), "asserted")]


def test_rejoined_a_named_group_is_left_alone(ex):
    # "rejoined X" (a return the seeds do not count as a pledge) is no trigger by itself
    assert _rel(ex, "Al-Sahrawi later rejoined MUJAO.") == []


def test_possessor_of_the_allegiance_noun_pledges(ex):
    text = ("In 2017 Ansar Dine and Katiba Macina merged to form JNIM under Iyad Ag Ghaly, "
            "who pledged the new alliance's loyalty to al-Qaeda.")
    got = _rel(ex, text)
    assert ("pledge", "jnim", "al_qaeda", (), "asserted") in got
    assert not any(r[0] == "pledge" and r[1] == "iyad_ag_ghaly" for r in got)


# ---- mergers --------------------------------------------------------------------------
def test_joined_forces_with_the_result_named_before_when(ex):
    text = "JNIM was created in 2017 when Ansar Dine, Katiba Macina and al-Mourabitoun joined forces."
    assert _rel(ex, text) == [("merger", None, "jnim", ("al_mourabitoun", "ansar_dine", "katiba_macina"), "asserted")]
    text = "Ansar Dine and al-Mourabitoun joined forces to form JNIM in 2017."
    assert _rel(ex, text) == [("merger", None, "jnim", ("al_mourabitoun", "ansar_dine"), "asserted")]


def test_joined_forces_for_an_operation_is_no_merger(ex):
    assert _rel(ex, "Ansar Dine and MUJAO joined forces to attack Konna in January 2013.") == []


@pytest.mark.parametrize("text,lang,members", [
    ("Née en 2017 de la fusion d'Ansar Dine, d'al-Mourabitoune et de la katiba Macina d'Amadou Koufa, "
     "le GSIM revendique l'essentiel des attaques.", "fr", ("al_mourabitoun", "ansar_dine", "katiba_macina")),
    ("Born in 2017 from the merger of Ansar Dine and al-Mourabitoun, JNIM has grown fast.", "en",
     ("al_mourabitoun", "ansar_dine")),
    ("Les chercheurs opposent l'EIGS et le GSIM, une coalition née en 2017 de la fusion de plusieurs groupes, "
     "dans leurs analyses.", "fr", ()),
])
def test_merger_by_a_birth_participle(ex, text, lang, members):
    got = [r for r in _rel(ex, text, lang) if r[0] == "merger"]
    assert got == [("merger", None, "jnim", members, "asserted")]


def test_merger_of_unnamed_groups_without_participle_is_nothing(ex):
    assert _rel(ex, "Les analystes évoquent une fusion de plusieurs groupes du centre du Mali.", "fr") == []


# ---- splits ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Le MSA, né en 2016 d'une scission au sein du MNLA, patrouille près de Ménaka.",
    "Depuis 2016, les miliciens du MSA, nés d'une scission du MNLA, patrouillent près de Ménaka.",
])
def test_split_by_a_birth_participle(ex, text):
    assert ("split", "msa", "mnla", (), "asserted") in _rel(ex, text, "fr")


def test_split_noun_with_this_group_born_of_a_dissidence(ex):
    text = ("L'attaque a été revendiquée par Ansarul Islam. "
            "Ce groupe est né de la dissidence d'une partie des combattants d'Ansar Dine.")
    assert ("split", "ansarul_islam", "ansar_dine", (), "asserted") in _rel(ex, text, "fr")


def test_dissidents_broke_away_to_create_a_group(ex):
    text = ("In 2011 a handful of dissidents, angry at the grip of Algerian emirs on the organisation, "
            "broke away from AQIM to create MUJAO.")
    assert _rel(ex, text) == [("split", "mujao", "aqim", (), "asserted")]


def test_named_subject_keeps_the_split_when_it_creates_a_group(ex):
    text = "In 2012 Belmokhtar broke away from AQIM to create al-Mourabitoun."
    assert ("split", "belmokhtar", "aqim", (), "asserted") in _rel(ex, text)


def test_part_of_a_groups_fighters_is_not_the_group(ex):
    text = "Une partie des combattants d'Ansar Dine, qui ont rompu avec AQMI, a rejoint l'EIGS."
    assert not any(r[1] == "ansar_dine" for r in _rel(ex, text, "fr"))


def test_participle_ne_is_no_negation(ex):
    text = ("En 2015, Adnan Abou Walid al-Sahraoui, un ancien du Mujao né à Laâyoune, "
            "prête allégeance à l'État islamique et rompt avec al-Mourabitoune.")
    got = _rel(ex, text, "fr")
    assert ("pledge", "al_sahrawi", "islamic_state", (), "asserted") in got
    assert ("split", "al_sahrawi", "al_mourabitoun", (), "asserted") in got
    assert _rel(ex, "Al-Sahraoui ne prête pas allégeance à l'État islamique.", "fr") == []
