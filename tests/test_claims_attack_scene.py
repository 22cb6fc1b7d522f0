"""Where an attack happened when the sentence opens on the place ("In Kolmari, gunmen ...",
"Le 4 mai, à Kolmari, des hommes armés ..."), when an apposition names the place a locality
and a known town only locates it ("at Kolmari, a hamlet near Gao"), when a plural site noun
lists several ("les localités de X et de Y"), and French places of worship and schools named
as the site ("dans l'église de Kolmari"). Every sentence is written for the test; each rule
has negatives it must not fire on."""
from datetime import date

import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _places(ex, text, lang="en"):
    return [c.place for c in ex.extract(text, date(2021, 3, 23), lang) if c.type == "attack"]


@pytest.mark.parametrize("text,lang,place", [
    ("In Wuro Saba, gunmen shot dead nine herders on Sunday.", "en", "Wuro Saba"),
    ("On Sunday in Wuro Saba, gunmen shot dead nine herders.", "en", "Wuro Saba"),
    ("Late on Sunday, in Wuro Saba, armed men on motorbikes killed nine herders.", "en", "Wuro Saba"),
    ("À Tagalit, des hommes armés ont abattu sept bergers dimanche.", "fr", "Tagalit"),
    ("Le 4 mai 2020, à Tagalit, des assaillants présentés comme des jihadistes ont tué sept bergers.", "fr", "Tagalit"),
    ("En avril, à Tagalit, une embuscade a coûté la vie à onze gendarmes.", "fr", "Tagalit"),
    ("Les 2 et 3 avril, à Tagalit puis à Fitili, des combattants ont tué une trentaine de civils.", "fr", "Tagalit"),
])
def test_a_locality_that_opens_the_sentence_is_the_site(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,lang", [
    ("In Wuro Saba, officials said gunmen shot dead nine herders.", "en"),  # where they spoke
    ("À Tagalit, le préfet a indiqué que sept bergers avaient été tués.", "fr"),
    ("Mr Diallo, a teacher, said gunmen shot dead nine herders on Sunday.", "en"),  # a person, no locative
    ("Herders in Wuro Saba fled after they heard that gunmen had killed nine people across the river in another district "
     "of the province.", "en"),  # the locative is the subject's, the attack far after it
])
def test_a_place_before_a_report_or_far_from_the_attack_is_not_its_scene(ex, text, lang):
    assert _places(ex, text, lang) == [None]


@pytest.mark.parametrize("text,place", [
    ("Six fidèles ont été tués pendant la messe dans l'église de Tagalit dimanche.", "Tagalit"),
    ("Des hommes armés ont tué quatre personnes à la mosquée de Tagalit vendredi.", "Tagalit"),
    ("Des hommes armés ont enlevé quinze élèves dans l'école de Tagalit lundi.", "Tagalit"),
    ("Six fidèles ont été tués dans l'église de Tagalit, près de Djibo, dimanche.", "Djibo"),  # a town beats a facility
])
def test_a_french_place_of_worship_or_school_names_its_locality(ex, text, place):
    assert _places(ex, text, "fr") == [place]


@pytest.mark.parametrize("text,lang,place", [
    ("Jihadists shot dead at least 30 herders who were watering their cattle at Wuro Saba, a hamlet near the town of Gao, "
     "on Sunday.", "en", "Wuro Saba"),
    ("Jihadists shot dead at least 30 herders who were watering their cattle at Wuro Saba, a hamlet located near Gao.",
     "en", "Wuro Saba"),
    ("Des hommes armés ont abattu au moins trente éleveurs qui abreuvaient leur bétail à Tagalit, un hameau proche de Gao.",
     "fr", "Tagalit"),
    # no apposition: the known town stays the site
    ("Jihadists shot dead at least 30 herders who were watering their cattle at Wuro Saba near the town of Gao.", "en", "Gao"),
    # the apposition's noun qualifies another ("a village chief"): no locality named
    ("Jihadists shot dead at least 30 herders who were watering their cattle with Mr Saba, a village chief, near Gao.",
     "en", "Gao"),
])
def test_a_town_that_locates_an_apposed_locality_is_no_site(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,lang,place", [
    ("Des hommes armés ont attaqué les localités de Tagalit et de Fitili, tuant une vingtaine de civils.", "fr", "Tagalit"),
    ("Gunmen raided the hamlets of Wuro Saba and Fitili on Sunday, killing 12 people.", "en", "Wuro Saba"),
])
def test_a_plural_site_noun_names_its_first_locality(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,lang,place", [
    ("In May, a gendarmerie post in Wuro Saba was attacked and two gendarmes killed.", "en", "Wuro Saba"),
    ("En mai, un poste de gendarmerie à Tagalit a été attaqué et deux gendarmes tués.", "fr", "Tagalit"),
    # a known town after the trigger stays the site; a locality after it beats a town in the subject
    ("In May, soldiers based in Wuro Saba were attacked near Gao.", "en", "Gao"),
    ("In May, soldiers based in Gao were attacked near Wuro Saba.", "en", "Wuro Saba"),
    # a clause break between: the place is not the subject's
    ("In May, in Wuro Saba, where the army keeps a small base that has been reinforced twice, two soldiers were "
     "attacked.", "en", None),
])
def test_a_locality_in_the_subject_of_a_passive_is_the_site(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,place", [
    ("En mai, à Tagalit, des hommes armés ont ouvert le feu dans la mosquée pendant la prière, tuant neuf fidèles.",
     "Tagalit"),
    ("Le 2 mai, des hommes armés ont fait irruption dans le temple protestant de Tagalit et tué neuf fidèles.", "Tagalit"),
])
def test_french_opening_fire_and_temples(ex, text, place):
    assert _places(ex, text, "fr") == [place]


def test_soldiers_opening_fire_is_no_attack(ex):
    assert _places(ex, "Les soldats ont ouvert le feu sur des manifestants à Gao, tuant trois personnes.", "fr") == []


@pytest.mark.parametrize("text,lang,place", [
    ("Vingt militaires ont été tués lors de l'attaque du camp de Tagalit, dans la région de Gao.", "fr", "Tagalit"),
    ("Vingt militaires ont été tués lors de l'attaque du village de Tagalit.", "fr", "Tagalit"),
    ("Vingt militaires ont été tués lors de l'attaque de Tagalit, dans la région de Gao.", "fr", "Tagalit"),
    ("Vingt militaires ont été tués lors de l'attaque du camp de Gao.", "fr", "Gao"),
    # a name that a facility noun follows is the facility's, not a locality ("the X hotel")
    ("Gunmen killed 20 guests during the siege of the Tagalit hotel in Gao.", "en", "Gao"),
])
def test_a_site_noun_after_an_attack_noun_names_its_locality(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,lang,place", [
    # "of" / "du" before a site noun leads to a locality; a town after a comma only locates it
    ("Gunmen killed 40 residents of the village of Tagalit, near Gao.", "en", "Tagalit"),
    ("Le 3 mars, plus de 40 habitants du village de Tagalit, près de Gao, ont été massacrés par des hommes armés.", "fr", "Tagalit"),
    ("Deux touristes ont été assassinées près du village de Tagalit le 3 mars.", "fr", "Tagalit"),
    ("Gunmen attacked the village of Tagalit, near Gao, killing 40 people.", "en", "Tagalit"),
    # a facility or a part of a town yields to the town
    ("Gunmen attacked the camp of Tagalit, near Gao, killing 15 soldiers.", "en", "Gao"),
    ("Un kamikaze a tué deux policiers dans un commissariat du quartier de Tagalit, à Gao.", "fr", "Gao"),
    ("The chief of the village of Tagalit said gunmen killed 15 people in Gao.", "en", "Gao"),
])
def test_a_site_noun_after_of_names_a_locality_that_a_town_after_a_comma_only_locates(ex, text, lang, place):
    assert _places(ex, text, lang) == [place]


@pytest.mark.parametrize("text,place", [
    # a complement qualifies the site noun before the locality's name (none of these is in the gazetteer)
    ("Des hommes armés ont attaqué le poste de gendarmerie de Tin-Akoff dans la nuit de samedi.", "Tin-Akoff"),
    ("Dimanche, des jihadistes ont attaqué le détachement de police de Kompienbiga, dans la province de la Kompienga.",
     "Kompienbiga"),
    ("L'attaque contre le camp de déplacés de Tin-Akoff a fait neuf morts mardi.", "Tin-Akoff"),
    # the site noun's own "de" is a word, not the opening of the name ("déplacés")
    ("Des assaillants ont attaqué le camp de Dégué-Dégué mardi.", "Dégué-Dégué"),
])
def test_a_qualified_french_site_noun_names_its_locality(ex, text, place):
    assert _places(ex, text, "fr") == [place]
