"""Split constructions of news writing added in round 7: an adverb between the verb and its
preposition ("rompt alors avec"), a leader standing for the group he leads as the group left
("broke with Zouabri"), present and imperfect French forms ("se sépare de", "faisaient
dissidence", "a fait défection d'"), the group founded or named after the split as its subject
when the clause's subject is a pronoun or a common noun ("walked out of Y and set up X",
"said it was breaking with Y and called itself X"), a predicate noun with a relative clause
("X is a splinter group that broke away from Y"), "fighters loyal to X" as X's group, and
"se range derrière X" as a pledge. Sentences are our own; negatives must stay silent."""
import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _rel(ex, text, lang="en", types=("pledge", "split", "merger")):
    return [(c.type, c.subject and c.subject.id, c.object and c.object.id, c.polarity)
            for c in ex.extract(text, lang=lang) if c.type in types]


def _splits(ex, text, lang="en"):
    return [(s, o) for t, s, o, _ in _rel(ex, text, lang, types=("split",))]


# ---- an adverb between the verb and its preposition; a leader stands for his group ---------
@pytest.mark.parametrize("text,lang,want", [
    ("En 1998, Hassan Hattab rompt alors avec Antar Zouabri et quitte les maquis de l'Ouest.", "fr", ("hassan_hattab", "gia")),
    ("En 2013, Abou Walid al-Sahraoui rompt définitivement avec Mokhtar Belmokhtar.", "fr", ("al_sahrawi", "al_mourabitoun")),
    ("In 1998 Hassan Hattab broke publicly with Antar Zouabri over the massacres of villagers.", "en", ("hassan_hattab", "gia")),
    ("Late in 2012 Mokhtar Belmokhtar broke with Abdelmalek Droukdel and went south.", "en", ("belmokhtar", "aqim")),
])
def test_adverb_and_leader_as_the_group_left(ex, text, lang, want):
    assert _splits(ex, text, lang) == [want]


# ---- French present, imperfect and "défection d'" forms ------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Début 2006, Hassan Hattab se sépare du GSPC, qu'il avait pourtant fondé.", ("hassan_hattab", "gspc")),
    ("Omar Ould Hamaha a fait défection d'AQMI en 2011, selon ses proches.", ("omar_ould_hamaha", "aqim")),
    ("En 2014, des cadres d'AQMI faisaient dissidence pour fonder Jund al-Khilafah.", ("jund_al_khilafah", "aqim")),
    ("Fin 2012, Mokhtar Belmokhtar se sépare d'Abdelmalek Droukdel, l'émir d'AQMI.", ("belmokhtar", "aqim")),
])
def test_french_present_and_imperfect_forms(ex, text, want):
    assert want in _splits(ex, text, "fr")


# ---- the group founded or named is the subject of a split whose actors are a pronoun or a noun --
@pytest.mark.parametrize("text,lang,want", [
    # a pronoun inside an aside must not take the subject from the previous sentence
    ("The Islamic State expanded fast in 2014. In September, a handful of commanders, furious at what they called "
     "the emir's passivity, walked out of AQIM and set up Jund al-Khilafah.", "en", ("jund_al_khilafah", "aqim")),
    ("When its emir was killed, al-Mourabitoun splintered: a wing led by Adnan Abu Walid al-Sahrawi announced that "
     "it was breaking with the group and called itself the Islamic State in the Greater Sahara.", "en",
     ("isgs", "al_mourabitoun")),
    ("En 2014, une faction d'AQMI a annoncé qu'elle rompait avec l'organisation et prend le nom de Jund al-Khilafah.",
     "fr", ("jund_al_khilafah", "aqim")),
])
def test_the_group_founded_or_named_is_the_splitter(ex, text, lang, want):
    assert _splits(ex, text, lang) == [want]


def test_a_named_person_keeps_the_subject_when_he_founds_a_group(ex):
    text = "Hassan Hattab walked out of the GIA in 1998 and set up the Salafist Group for Preaching and Combat."
    assert _splits(ex, text) == [("hassan_hattab", "gia")]


def test_a_group_pronoun_without_a_new_name_stays_the_subject(ex):
    text = "Ansar Dine said on Monday that it was breaking with AQIM and called for talks with Bamako."
    assert _splits(ex, text) == [("ansar_dine", "aqim")]


# ---- a predicate noun with a relative clause ---------------------------------------------------
@pytest.mark.parametrize("text,lang,want", [
    ("Ansaru is a splinter group that broke away from Boko Haram in January 2012.", "en", ("ansaru", "boko_haram")),
    ("Jund al-Khilafah describes itself as a faction that split from AQIM over the caliphate.", "en", ("jund_al_khilafah", "aqim")),
    ("Al-Mourabitoune se présente comme une faction dissidente qui a fait scission avec AQMI.", "fr", ("al_mourabitoun", "aqim")),
    ("Ansaru est un groupe qui a rompu avec Boko Haram en 2012.", "fr", ("ansaru", "boko_haram")),
])
def test_predicate_noun_with_a_relative_clause(ex, text, lang, want):
    assert _splits(ex, text, lang) == [want]


# ---- "fighters loyal to X": X's group ------------------------------------------------------------
@pytest.mark.parametrize("text,lang,want", [
    ("In 1998 the fighters loyal to Hassan Hattab broke away from the GIA.", "en", ("gspc", "gia")),
    ("En 1998, les combattants fidèles à Hassan Hattab se sont séparés du GIA.", "fr", ("gspc", "gia")),
])
def test_fighters_loyal_to_a_leader_are_his_group(ex, text, lang, want):
    assert _splits(ex, text, lang) == [want]


# ---- "se range derrière X": a pledge -------------------------------------------------------------
def test_se_range_derriere_is_a_pledge(ex):
    text = "Abou Walid al-Sahraoui rompt alors avec Belmokhtar et se range derrière Abou Bakr al-Baghdadi."
    got = _rel(ex, text, "fr")
    assert ("split", "al_sahrawi", "al_mourabitoun", "asserted") in got
    assert ("pledge", "al_sahrawi", "islamic_state", "asserted") in got


# ---- negatives ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Hassan Hattab threatened to break with Antar Zouabri over the massacres.", "en"),
    ("Belmokhtar refused to split from AQIM, his aides said.", "en"),
    ("Officials dismissed rumours that Belmokhtar might leave the organisation.", "en"),
    ("AQIM denied that Belmokhtar had broken with Droukdel.", "en"),
    ("Mali broke with France in 2022 and turned to Russia.", "en"),
    ("Le Mali a rompu avec la France et se tourne vers la Russie.", "fr"),
    ("Le gouvernement se sépare de son ministre de la Défense.", "fr"),
    ("Hassan Hattab menaçait de rompre avec Zouabri.", "fr"),
    ("The ministry said Ansaru is not a faction that broke away from Boko Haram.", "en"),
    ("The opposition party is a coalition that broke with the government last year.", "en"),
    ("Forces loyal to the government broke with the junta in Bamako.", "en"),
    ("Les partis d'opposition se rangent derrière le colonel Assimi Goïta.", "fr"),
])
def test_negatives(ex, text, lang):
    got = _rel(ex, text, lang)
    assert [g for g in got if g[0] == "split" and g[3] == "asserted"] == [] and [g for g in got if g[0] == "pledge"] == []


def test_parting_with_hostages_takes_no_earlier_group_as_the_one_left(ex):
    text = "En 2012, Belmokhtar a rompu avec AQMI. L'année suivante, Ansar Dine se sépare de deux otages libérés au Niger."
    assert _splits(ex, text, "fr") == [("belmokhtar", "aqim")]


@pytest.mark.parametrize("text,lang", [
    ("En 2015, la branche saharienne d'AQMI se sépare de Droukdel.", "fr"),
    ("In 2015 the Saharan wing of AQIM broke with Droukdel.", "en"),
])
def test_a_branch_of_a_group_is_not_the_group(ex, text, lang):
    assert _splits(ex, text, lang) == []


def test_an_anaphor_after_called_itself_is_no_new_name(ex):
    text = ("Ansar Dine was founded by Iyad Ag Ghaly. In 2013 Ansar Dine split: a faction declared that it was "
            "breaking with AQIM and called itself the movement of the north.")
    assert ("split", "aqim", "aqim") not in [(t, s, o) for t, s, o, _ in _rel(ex, text)]
