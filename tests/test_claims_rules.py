"""Rules added for issue 4's second pass: GeoNames towns, French thousands, singular
victims, "the same day", possessed followers, "a faction led by X", French elision,
longest alias, asides' dates, deaths of known actors."""
from datetime import date

import pytest

from claims.extract import Extractor
from claims.numbers import casualties
from claims.text import fold


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def test_geonames_town_and_niger_is_not_nigeria(ex):
    (c,) = ex.extract("On February 19, 2018, ISWAP militants kidnapped 110 schoolgirls in Dapchi, Yobe State.")
    assert (c.place, c.country, c.kidnapped) == ("Dapchi", "Nigeria", 110)
    (c,) = ex.extract("In October 2016, gunmen kidnapped an American aid worker in Abalak.")
    assert (c.place, c.country) == ("Abalak", "Niger")


def test_french_thousands_and_singular_victims():
    assert casualties(fold("au moins 2 000 personnes auraient été tuées"))["killed"] == 2000
    assert casualties(fold("A French soldier was killed yesterday"))["killed"] == 1
    assert casualties(fold("Hervé Gourdel a été enlevé par le groupe"))["kidnapped"] == 1
    assert casualties(fold("the group kidnapped the French mountain guide Hervé Gourdel"))["kidnapped"] == 1
    assert casualties(fold("le 15 2015"))["killed"] is None


def test_hedge_inside_the_passive_verb(ex):
    (c,) = ex.extract("Au moins 2 000 personnes auraient été tuées lors de l'attaque de Baga en janvier 2015.", lang="fr")
    assert (c.polarity, c.killed) == ("hedged", 2000)


def test_same_day_takes_the_previous_attacks_date(ex):
    text = ("On January 15, 2016, gunmen attacked the Splendid Hotel in Ouagadougou, killing 30 people. "
            "On the same day, suspected jihadists kidnapped two Australian doctors in Djibo.")
    a, b = ex.extract(text, published=date(2016, 1, 18))
    assert a.date == b.date == "2016-01-15"


@pytest.mark.parametrize("opening,lang", [
    ("That same day, suspected jihadists", "en"),
    ("Later that day, suspected jihadists", "en"),
    ("Plus tard dans la journée, des jihadistes présumés", "fr"),
    ("Ce même jour, des jihadistes présumés", "fr"),
])
def test_later_that_day_takes_the_previous_attacks_date(ex, opening, lang):
    first = {"en": "On January 15, 2016, gunmen attacked the Splendid Hotel in Ouagadougou, killing 30 people. ",
             "fr": "Le 15 janvier 2016, des hommes armés ont attaqué l'hôtel Splendid à Ouagadougou, tuant 30 personnes. "}[lang]
    rest = {"en": " kidnapped two Australian doctors in Djibo.", "fr": " ont enlevé deux médecins australiens à Djibo."}[lang]
    a, b = [c for c in ex.extract(first + opening + rest, published=date(2016, 1, 18), lang=lang) if c.type == "attack"]
    assert a.date == b.date == "2016-01-15"


@pytest.mark.parametrize("text,lang", [
    ("Al-Sahrawi and his followers then broke away from al-Mourabitoun.", "en"),
    ("In 2015, a faction led by Adnan Abu Walid al-Sahrawi split from al-Mourabitoun.", "en"),
    ("Les partisans d'al-Sahraoui ont alors fait scission avec al-Mourabitoun.", "fr"),
])
def test_split_by_a_leaders_followers(ex, text, lang):
    (c,) = [c for c in ex.extract(text, lang=lang) if c.type == "split"]
    assert (c.subject.id, c.object.id) == ("al_sahrawi", "al_mourabitoun")


def test_french_elided_attack_noun_and_longest_alias(ex):
    text = ("Le 4 octobre 2017, quatre soldats nigériens ont été tués dans une embuscade près de Tongo Tongo. "
            "L'État islamique au Grand Sahara a revendiqué l'embuscade en janvier 2018.")
    (c,) = ex.extract(text, lang="fr")
    assert c.subject.id == "isgs" and c.place == "Tongo Tongo"


def test_date_of_an_aside_is_not_the_claims(ex):
    (c,) = ex.extract("Ansaru, une faction dissidente apparue en 2012, a de son côté renouvelé son allégeance à al-Qaïda.",
                      lang="fr")
    assert c.type == "pledge" and c.date is None


def test_death_of_a_known_leader_is_not_an_attack(ex):
    assert ex.extract("Nigerian officials repeatedly claimed in 2014 that Abubakar Shekau had been killed.") == []


def test_later_claim_of_responsibility_keeps_an_asserted_perpetrator(ex):
    text = ("JNIM fighters attacked an army post near Djibo on 3 March 2024, killing 12 soldiers. "
            "The al-Qaeda affiliate claimed the attack in a statement the next day.")
    (c,) = ex.extract(text, published=date(2024, 3, 5))
    assert c.subject.id == "jnim"


def test_later_claim_of_responsibility_names_a_hedged_perpetrator(ex):
    text = ("It is not clear whether AQIM fighters were involved in the bombing of a hotel in Tunis in March 2015. "
            "The Islamic State claimed responsibility for the attack.")
    claims = [c for c in ex.extract(text, published=date(2015, 4, 1)) if c.type == "attack"]
    assert claims and claims[0].subject.id == "islamic_state"
