"""Where an attack happened, round 7: a town named for another role than the site (a capital
for its government, where the victims came from or went to), countries named as a border or
neighbour, and localities the gazetteer lacks told with their region or an apposition. Every
sentence is written for the test (events and wording differ from the gold sets); each rule
has negatives it must not fire on."""
from datetime import date

import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _spots(ex, text, lang="en"):
    return [(c.place, c.country) for c in ex.extract(text, date(2021, 3, 23), lang) if c.type == "attack"]


# ---- 1. a capital for its government, an origin or destination: not the site ----------------------
@pytest.mark.parametrize("text,lang,spot", [
    ("Des jihadistes ont tué 30 soldats lors d'une attaque contre leur base de Kaiga, ce qui a poussé N'Djamena à lancer "
     "une offensive.", "fr", ("Kaiga", "Chad")),
    ("Suspected jihadists killed 14 villagers on Sunday, which prompted Bamako to send troops.", "en", (None, "Mali")),
    ("Gunmen kidnapped two aid workers on Tuesday, the government in Niamey said.", "en", (None, "Niger")),
    ("Gunmen kidnapped two aid workers near Kolmari on Tuesday, officials in Niamey said.", "en", ("Kolmari", "Niger")),
    ("Abuja said gunmen killed 20 villagers in an attack on Tuesday.", "en", (None, "Nigeria")),
    ("Des hommes armés ont tué six civils mardi, selon les autorités de Ouagadougou.", "fr", (None, "Burkina Faso")),
    ("Gunmen killed five passengers on a bus returning from Ouagadougou to Djibo on Tuesday.", "en", (None, "Burkina Faso")),
    ("Gunmen ambushed a convoy coming from Niamey near Ayorou, killing six soldiers.", "en", ("Ayorou", "Niger")),
    ("Le maire a été tué jeudi par des hommes armés qui ont arrêté le car dans lequel il rentrait de Niamey, près de Téra.",
     "fr", ("Téra", "Niger")),
    ("Gunmen killed four traders on the road to Gao on Wednesday.", "en", ("Gao", "Mali")),
    ("Gunmen killed four traders on the road from Gao to Ménaka, near Ansongo, on Wednesday.", "en", ("Ansongo", "Mali")),
    ("Trois commerçants ont été tués sur la route de Kaya, près de Boulsa, mercredi.", "fr", ("Boulsa", "Burkina Faso")),
    ("Un camion en provenance de Niamey a été attaqué près de Torodi dimanche.", "fr", ("Torodi", "Niger")),
    ("Un car à destination de Kaya a été attaqué dimanche par des hommes armés.", "fr", (None, "Burkina Faso")),
])
def test_a_town_named_for_another_role_is_not_the_site(ex, text, lang, spot):
    assert _spots(ex, text, lang) == [spot]


@pytest.mark.parametrize("text,lang,spot", [
    ("Gunmen killed ten people in Niamey on Monday.", "en", ("Niamey", "Niger")),
    ("Des hommes armés ont attaqué un hôtel à Bamako lundi, tuant 20 personnes.", "fr", ("Bamako", "Mali")),
    ("Bamako was hit by a suicide bombing that killed five people on Friday.", "en", ("Bamako", "Mali")),
    ("Jihadists attacked Ouagadougou on Friday, killing 30 people, the government said.", "en", ("Ouagadougou", "Burkina Faso")),
    ("An attack in Abuja has killed 12 people.", "en", ("Abuja", "Nigeria")),
    ("A bomb killed nine people in a market in Maroua, officials in Maroua said.", "en", ("Maroua", "Cameroon")),
    ("Gunmen killed four traders in Gao as they returned from the market.", "en", ("Gao", "Mali")),
])
def test_a_capital_or_town_that_is_the_site_stays_the_site(ex, text, lang, spot):
    assert _spots(ex, text, lang) == [spot]


# ---- 2. a country named as a border or neighbour is not the site's country ----------------------
@pytest.mark.parametrize("text,lang,spot", [
    ("Burkina Faso's army has lost dozens of men this year. Two gendarmes were killed on Monday near Kolmari, right on the "
     "Niger border.", "en", ("Kolmari", "Burkina Faso")),
    ("Le Mali a décrété un deuil national. Des hommes armés ont tué huit villageois à Wuro Saba, près de la frontière nigérienne.",
     "fr", ("Wuro Saba", "Mali")),
    ("Gunmen attacked Kolmari, a Nigerien village close to the border with Mali, on Sunday, killing 17 people.", "en",
     ("Kolmari", "Niger")),
    ("Des jihadistes ont attaqué Kolmari, une localité malienne frontalière du Burkina Faso, tuant douze civils.", "fr",
     ("Kolmari", "Mali")),
    ("Le Niger a annoncé un deuil national. Deux camps militaires proches de la frontière malienne ont été attaqués dimanche.",
     "fr", (None, "Niger")),
    ("Togo has sent troops to the north. Gunmen killed five rangers in a forest which straddles Benin, Togo and Burkina Faso.",
     "en", (None, "Togo")),
    ("Gunmen killed two rangers in the W National Park on Monday.", "en", ("W National Park", "Benin")),
])
def test_a_border_country_is_not_the_sites_country(ex, text, lang, spot):
    assert _spots(ex, text, lang) == [spot]


@pytest.mark.parametrize("text,spot", [
    ("Gunmen killed 11 soldiers in a Mali border ambush on Tuesday.", (None, "Mali")),
    ("Jihadists killed nine soldiers in Mali on Sunday near the border with Niger.", (None, "Mali")),
    ("Gunmen killed four traders near Kolmari in Cameroon, close to the Chadian border.", ("Kolmari", "Cameroon")),
    ("Gunmen killed six people in Kousseri, near the border with Chad.", ("Kousseri", "Cameroon")),
])
def test_the_sites_own_country_beside_a_border_stays(ex, text, spot):
    assert _spots(ex, text) == [spot]


# ---- 3. an unknown locality told with its region, or named as a locality ------------------------
@pytest.mark.parametrize("text,lang,spot", [
    ("En juin, des hommes armés ont enlevé cinq enseignants et deux élèves d'une école privée à Dankolo, dans l'État de Katsina.", "fr",
     ("Dankolo", "Nigeria")),
    ("In May, gunmen abducted 20 women and girls working on a farm in Garkin Fulani, in Borno State, and took them into the forest.", "en",
     ("Garkin Fulani", "Nigeria")),
    ("Gunmen overran a gendarmerie post guarding the Kankani camp for displaced people, in neighbouring Tillabéri region, "
     "killing nine gendarmes.", "en", ("Kankani", "Niger")),
    ("Des jihadistes ont tué 18 civils dans un hameau de Tagabat, dans la région de Tillabéri, mardi.", "fr", ("Tagabat", "Niger")),
])
def test_an_unknown_locality_with_its_region_is_the_site(ex, text, lang, spot):
    assert _spots(ex, text, lang) == [spot]


@pytest.mark.parametrize("text,lang,spot", [
    ("Ibrahim Kane, a village chief, was killed by gunmen near Gao on Monday.", "en", ("Gao", "Mali")),
    ("Gunmen attacked the Kolmari camp near Gao, killing four soldiers.", "en", ("Gao", "Mali")),
    ("Gunmen killed 12 villagers in Borno State on Monday.", "en", ("Borno State", "Nigeria")),
    ("Des hommes armés ont tué trois bergers près de Mopti, dans la région du même nom.", "fr", ("Mopti", "Mali")),
])
def test_a_known_town_still_wins_over_a_named_person_or_facility(ex, text, lang, spot):
    assert _spots(ex, text, lang) == [spot]
