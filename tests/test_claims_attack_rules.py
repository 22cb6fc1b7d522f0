"""Attack rules of the blind-set quality round: running totals, counts, state strikes,
back-references, reference clauses, unknown localities, datelines. Every sentence here is
written for the test (events and wording differ from the gold sets); each rule has a
hard negative it must not fire on."""
from datetime import date

import pytest

from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _attacks(ex, text, published=date(2021, 3, 23), lang=None):
    return [c for c in ex.extract(text, published, lang) if c.type == "attack"]


# ---- 1. aggregates ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The conflict has killed more than 25,000 people since 2011 and displaced two million.",
    "But the number of soldiers killed in the province of Gao has doubled since 2020, officials said.",
    "Le nombre de civils tués dans la région de Mopti a triplé depuis 2019.",
    "Since 2014, the insurgency has displaced millions and militants have killed thousands of villagers in Borno.",
    "Depuis 2016, les attaques imputées à l'EIGS ont coûté la vie à plus de 900 civils au Niger.",
    "Depuis 2013, plus de 150 soldats ont par ailleurs été tués au Niger.",
])
def test_running_totals_and_counts_are_not_attacks(ex, text):
    assert _attacks(ex, text) == []


@pytest.mark.parametrize("text,killed", [
    ("Gunmen killed 1,200 cattle herders near Gao on 3 March 2021, officials said.", 1200),
    ("A number of gunmen killed 12 soldiers in Gao on Monday.", 12),
    ("Since Monday's attack on Gao, 12 more bodies have been found.", None),  # no attack trigger of its own
])
def test_a_thousands_comma_or_a_number_of_is_no_total(ex, text, killed):
    got = _attacks(ex, text)
    assert [c.killed for c in got] == ([killed] if killed else [])


# ---- 2. state strikes -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The air force stepped up air strikes around Gao, one of which villagers said killed 14 herders in March.",
    "Le chef du groupe, tué en mai 2020 par une frappe de drone française près de Ménaka, n'a pas été remplacé.",
    "En mars, une frappe française contre un camp de l'EIGS près de Tillabéri a tué une quarantaine de combattants.",
    "In May, a US strike on a compound near Sabratha killed 40 fighters.",
])
def test_air_and_drone_strikes_are_state_operations(ex, text):
    assert _attacks(ex, text) == []


def test_a_strike_earlier_in_the_sentence_does_not_block_militants(ex):
    (c,) = _attacks(ex, "JNIM fighters killed 12 soldiers near Gao on Monday, days after a drone strike hit a wedding.")
    assert (c.subject.id, c.killed) == ("jnim", 12)


# ---- 5. back-references -----------------------------------------------------------------
def test_claim_of_the_attack_with_figures_fills_the_reported_attack(ex):
    text = ("Gunmen attacked an army post near Djibo on 3 March 2024. "
            "JNIM claimed the attack the same evening, saying it had killed 45 soldiers.")
    (c,) = _attacks(ex, text, date(2024, 3, 5))
    assert (c.subject.id, c.killed, c.date) == ("jnim", 45, "2024-03-03")


def test_claim_of_that_attack_dates_it_from_its_relative_clause(ex):
    text = ("The statement came a week after the assault on a hotel in Sévaré. "
            "Al-Mourabitoun had claimed that assault, in which gunmen killed nine people on August 7.")
    got = _attacks(ex, text, date(2015, 8, 20))
    assert [(c.subject.id, c.killed, c.date) for c in got] == [("al_mourabitoun", 9, "2015-08-07")]


def test_french_claim_of_the_attack_fills_figures(ex):
    text = ("Des hommes armés ont attaqué un poste de gendarmerie à Djibo le 3 mars 2024. "
            "Le JNIM a revendiqué l'attaque le lendemain, affirmant avoir tué une trentaine de gendarmes et 12 supplétifs.")
    (c,) = _attacks(ex, text, date(2024, 3, 5), "fr")
    assert c.subject.id == "jnim"


@pytest.mark.parametrize("second,killed,wounded", [
    ("The governor said about 40 people were killed; residents spoke of as many as 60 dead.", 40, None),
    ("A security source put the number of dead at 19 and the wounded at 40.", 19, 40),
])
def test_a_reported_toll_fills_the_attack_just_reported(ex, second, killed, wounded):
    text = "Gunmen on motorbikes stormed the market of Tillabéri on 2 January 2021. " + second
    (c,) = _attacks(ex, text)
    assert (c.place, c.killed, c.wounded) == ("Tillabéri", killed, wounded)


def test_a_french_reported_toll_fills_the_attack_just_reported(ex):
    text = ("Des hommes armés ont attaqué le marché de Djibo le 3 mars 2024. "
            "Un collectif d'habitants a avancé le chiffre d'au moins 35 morts.")
    (c,) = _attacks(ex, text, date(2024, 3, 5), "fr")
    assert c.killed == 35


@pytest.mark.parametrize("second", [
    "Officials said 12 soldiers were killed near Gao on 4 January 2021.",  # its own town and date
    "In a separate ambush, 12 soldiers were killed, officials said.",  # "separate"
    "Officials said 12 soldiers were killed in an ambush the next morning.",  # an indefinite attack noun
])
def test_a_toll_of_its_own_is_another_attack(ex, second):
    text = "Gunmen on motorbikes stormed the market of Tillabéri on 2 January 2021, killing 30 people. " + second
    assert len(_attacks(ex, text)) == 2


def test_a_definite_attack_named_by_its_town_is_the_attack_just_reported(ex):
    text = ("Gunmen killed 20 villagers in Tillabéri on 2 January 2021. "
            "Officials said the Tillabéri massacre was probably the work of a rival faction, which has been active since 2019.")
    assert len(_attacks(ex, text)) == 1


def test_possessor_inside_an_apposition_is_not_the_claimant(ex):
    text = ("Gunmen attacked a school in Bamako on Tuesday, killing 12 people. "
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's affiliate in the Sahel, claimed the attack within hours.")
    (c,) = _attacks(ex, text, date(2024, 9, 19))
    assert c.subject.id == "jnim"


# ---- 6. attacks told inside a reference -------------------------------------------------
@pytest.mark.parametrize("text,lang,place", [
    ("Four days after the attack that hit Djibo, the authorities had still given no toll.", "en", "Djibo"),
    ("The vote came two weeks after the assault on the Splendid hotel in Ouagadougou.", "en", "Ouagadougou"),
    ("Trois jours après l'assaut lancé à l'aube contre le camp de Tillabéri, les autorités ont annoncé un bilan de 18 morts.",
     "fr", "Tillabéri"),
    ("L'attaque qui a coûté la vie à 42 soldats, dimanche, à Gao, a été revendiquée par l'EIGS.", "fr", "Gao"),
])
def test_an_attack_told_inside_a_reference_is_reported(ex, text, lang, place):
    (c,) = _attacks(ex, text, lang=lang)
    assert c.place == place


@pytest.mark.parametrize("text", [
    "Two weeks after Daesh's attacks, the government declared an emergency.",
    "Two weeks after the attack, the government declared an emergency in Mali.",  # no clause of its own
    "After the attack on the convoy, the army sent troops to Gao.",  # its target holds no anchor
])
def test_a_bare_reference_is_no_report(ex, text):
    assert _attacks(ex, text) == []


# ---- 4. datelines, "N days after" -------------------------------------------------------
def test_the_dateline_is_not_the_attacks_date_or_place(ex):
    text = "GAO, Sept 19 (Agency) – Gunmen killed 12 soldiers at an army post near Ansongo, officials said."
    (c,) = _attacks(ex, text, date(2024, 9, 19))
    assert (c.date, c.place) == (None, "Ansongo")


@pytest.mark.parametrize("text,lang,day", [
    ("NIAMEY, Sept 19 (Agency) – Officials gave no toll on Thursday, two days after gunmen stormed a camp in Ayorou.", "en",
     "2024-09-17"),
    ("NIAMEY, 19 septembre (Agence) – Quatre jours après l'attaque qui a frappé Ayorou, aucun bilan n'a été publié.", "fr",
     "2024-09-15"),
])
def test_n_days_after_counts_back_from_the_report(ex, text, lang, day):
    (c,) = _attacks(ex, text, date(2024, 9, 19), lang)
    assert c.date == day


# ---- 3. raids on one day ----------------------------------------------------------------
def test_raids_on_one_day_are_one_attack(ex):
    (c,) = _attacks(ex, "Gunmen on motorcycles killed 58 people in raids on villages near Tillabéri on Sunday.")
    assert (c.killed, c.date) == (58, "2021-03-21")


def test_killed_in_attacks_over_a_year_is_a_total(ex):
    assert _attacks(ex, "In 2020, more than 300 soldiers were killed in attacks across the north of Mali.") == []


def test_a_denial_about_the_named_attack_stays_a_claim(ex):
    text = ("Au moins 40 personnes ont été tuées samedi à Djibo. "
            "Dans un communiqué, le JNIM a nié toute implication dans la tuerie de Djibo.")
    got = _attacks(ex, text, lang="fr")
    assert [c.polarity for c in got] == ["asserted", "denied"]
