"""claims.numbers: number words and casualty figures."""
import random

import pytest

from claims.numbers import NUMBER_WORDS, casualties, may_be_number, parse_number
from claims.text import fold


@pytest.mark.parametrize("raw,value", [("33", 33), ("1,200", 1200), ("thirty three", 33), ("twenty six", 26),
                                       ("one hundred and five", 105), ("vingt six", 26), ("a dozen", 12),
                                       ("dozen", 12), ("trois", 3)])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("seed", range(3))
def test_may_be_number_is_false_only_where_parse_number_reads_none(seed):
    # may_be_number(word) False must mean parse_number(word) is None (its callers skip parse_number
    # then): every number and scale word, digits, and random mixed-script words
    rnd = random.Random(seed)
    words = [*NUMBER_WORDS, "hundred", "thousand", "cent", "cents", "mille", "dozen", "dizaine", "douzaine", "vingtaine",
             "trentaine", "quarantaine", "cinquantaine", "centaine", "zero", "and", "et", "12", "1,200", "2.000", "1st", "\u0663"]
    alphabet = "aeioun0123456789,.'-_;z\u00e9\u0663\u0394\u4e00"
    words += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 6))) for _ in range(3000)]
    for word in words:
        if not may_be_number(word):
            assert parse_number(word) is None, word
    assert all(may_be_number(w) for w in NUMBER_WORDS)


@pytest.mark.parametrize("text,killed,wounded,kidnapped", [
    ("killing thirty-three people", 33, None, None),
    ("that left at least thirty-eight civilians dead", 38, None, None),
    ("twin bombings that killed at least twenty-six in May", 26, None, None),
    ("killing 11 soldiers and injuring other five", 11, 5, None),
    ("which resulted in the death of 19 hostages", 19, None, None),
    ("five Chadian soldiers from the mission were killed", 5, None, None),
    ("more than 60 people dead", 60, None, None),
    ("kidnapped five members of a family", None, None, 5),
    ("hijacked and beheaded French citizen Hervé Gourdel", 1, None, 1),
    ("l'attaque a fait 12 morts et 8 blessés", 12, 8, None),
    ("tuant trois soldats", 3, None, None),
    ("In July 2015 another ambush killed 14 soldiers", 14, None, None),
    ("176 hostages rescued", None, None, None),
    ("its fighters tied up and slaughtered at least 43 farmers", 43, None, None),
    ("slaughtering twelve villagers", 12, None, None),
    # "lost their lives" / "perdu la vie" with its auxiliary after an aside
    ("quelque 80 personnes, dont une soixantaine de civils, y ont perdu la vie", 80, None, None),
    ("14 people, including three children, have lost their lives", 14, None, None),
    ("12 soldats ont perdu la vie", 12, None, None),
    ("20 ans après, 3 otages n'ont pas perdu espoir", None, None, None),
    # an "N of them" aside of up to 60 characters
    ("nine soldiers, four of them officers on leave from the northern garrison, were killed", 9, None, None),
])
def test_casualties(text, killed, wounded, kidnapped):
    assert casualties(fold(text)) == {"killed": killed, "wounded": wounded, "kidnapped": kidnapped}


@pytest.mark.parametrize("text,killed,wounded", [
    ("officials put the number of fatalities at 12", 12, None),  # the slot's gate holds each word a rule opens on
    ("the ministry put the dead at 9 and the wounded at 30", 9, 30),
    ("le ministere a porte le nombre de morts a 7", 7, None),
])
def test_figures_put_at_a_number(text, killed, wounded):
    out = casualties(fold(text))
    assert (out["killed"], out["wounded"]) == (killed, wounded)


def test_years_are_not_casualties():
    assert casualties(fold("in 2014 killed soldiers"))["killed"] is None


@pytest.mark.parametrize("text,killed,wounded", [
    ("two days later another roadside bomb killed a forest ranger.", 1, None),  # a lapse is no figure
    ("three weeks later, five traders were wounded", None, 5),
    ("trois jours plus tard, deux bergers ont ete tues", 2, None),
    ("gunmen killed a villager and wounded 4", 1, 4),
])
def test_a_lapse_is_no_figure(text, killed, wounded):
    got = casualties(fold(text))
    assert (got["killed"], got["wounded"]) == (killed, wounded)


@pytest.mark.parametrize("text,killed,wounded,kidnapped", [
    # an aside between the victims and their verb
    ("At least nine soldiers, four of them Americans, were killed on Monday", 9, None, None),
    ("eight people, among them five rangers, a soldier and a guide, were killed and 12 wounded", 8, 12, None),
    ("Nine soldiers, most of them conscripts, died in the attack", 9, None, None),
    # "shot dead", "gunned down", "ont péri", "perished"
    ("gunmen shot dead 14 villagers", 14, None, None),
    ("armed men who gunned down three guards", 3, None, None),
    ("douze soldats ont péri dans l'embuscade", 12, None, None),
    ("Forty passengers perished when the bus was set alight", 40, None, None),
    # the act named with its figure: "the killing of", "l'enlèvement de"
    ("the killing of eleven people - ten herders and their guide - near Gao", 11, None, None),
    ("le massacre de 30 villageois", 30, None, None),
    ("l'enlèvement de 30 élèves à Kankara", None, None, 30),
    ("the abduction of 12 workers", None, None, 12),
    # a figure told with a verb wins over an act named later ("revenge for the killing of two fighters")
    ("killing about 70 villagers in revenge for the killing of two fighters", 70, None, None),
    ("the killing of 2 years ago", None, None, None),  # no figure: a span of time
    ("the abduction of a French engineer near Gao", None, None, None),
])
def test_asides_shot_dead_perished_and_named_acts(text, killed, wounded, kidnapped):
    assert casualties(fold(text)) == {"killed": killed, "wounded": wounded, "kidnapped": kidnapped}


@pytest.mark.parametrize("text,killed,wounded,kidnapped", [
    # two groups of victims, one of them a single victim told with an article, are summed
    ("vingt militaires et un civil ont péri dans l'attaque", 21, None, None),
    ("a soldier and two civilians were killed", 3, None, None),
    ("un soldat et un homme ont été tués", 2, None, None),
    # after the verb too
    ("killed 21 foreign visitors and a Tunisian police officer", 22, None, None),
    ("killing a gendarme and a civilian", 2, None, None),
    ("tuant dix soldats et un gendarme", 11, None, None),
    ("killing four American and four Nigerien soldiers", 8, None, None),
    ("killing 12 soldiers and a herder, and wounding 4 soldiers and a woman", 13, 5, None),
    ("abducted two French nationals and a Dutch engineer", None, None, 3),
    # not a second group of victims: a part of the first, a lapse, a clause of its own, an object
    ("killing 12 soldiers and one of their commanders", 12, None, None),
    ("killing 12 soldiers and two days later", 12, None, None),
    ("killed 12 soldiers and 3 others were wounded", 12, 3, None),
    ("killing 12 soldiers and a civilian was wounded", 12, 1, None),
    ("killing 12 soldiers and burning a school", 12, None, None),
    ("killing 12 soldiers and a year later", 12, None, None),
    ("killing 12 soldiers and two civilians were wounded", 12, 2, None),
])
def test_two_groups_of_victims_are_summed(text, killed, wounded, kidnapped):
    assert casualties(fold(text)) == {"killed": killed, "wounded": wounded, "kidnapped": kidnapped}


@pytest.mark.parametrize("text,killed,kidnapped", [
    # a hostage killed in the clause that tells the kidnapping
    ("they abducted a French mountain guide near Tikjda and beheaded him", 1, 1),
    ("le groupe avait enlevé puis décapité le guide de montagne français", 1, 1),
    ("des hommes armés ont enlevé un commerçant près de Gao avant de l'exécuter", 1, 1),
    ("des hommes armés ont enlevé un commerçant près de Gao et l'ont égorgé", 1, 1),
    ("des hommes armés ont égorgé douze bergers", 12, None),
    # no kidnapping in the clause: "him" is no count of its own
    ("a drone strike killed him near Gao", None, None),
    ("le groupe l'a décapité trois jours plus tard", None, None),  # and "trois jours" is no figure
])
def test_a_hostage_killed_in_the_clause_of_the_kidnapping(text, killed, kidnapped):
    got = casualties(fold(text))
    assert (got["killed"], got["kidnapped"]) == (killed, kidnapped)


@pytest.mark.parametrize("text,killed,wounded", [
    # one victim named and "N others" of the same kind: N + 1
    ("gunmen stormed the compound, killing the regional governor and five other officials", 6, None),
    ("the district prefect and two other civil servants were shot dead", 3, None),
    ("le chef du village et quatre autres habitants ont été tués", 5, None),
    ("des assaillants ont tué l'imam de la mosquée et deux autres fidèles", 3, None),
    # a figure in the head is a sum already; a head with a verb is a clause of its own
    ("killing 12 soldiers and two others", 14, None),
    ("a soldier was wounded and three others were killed", 3, 1),
    ("two soldiers were wounded and three others were killed", 3, 2),
    ("killing the mayor, and three others were wounded", None, 3),
])
def test_one_named_victim_and_n_others(text, killed, wounded):
    got = casualties(fold(text))
    assert (got["killed"], got["wounded"]) == (killed, wounded)


def test_rules_tried_only_before_the_words_they_need_find_what_all_openers_find(monkeypatch):
    """casualties() tries a rule only at the openers that the words it needs (_NEEDS) follow: on random
    clauses of figures, victims, verbs and other words (some not ASCII) and marks, it finds what it finds
    when each rule is tried at all its openers."""
    import random

    from claims import numbers

    pieces = {
        "figure": "12|1,200|2015|five|twenty six|douze|vingt|a dozen|a|an|un|une|at least 4|some 30|plus de 9|over 3|two",
        "victims": "soldiers|civilian|soldier|villagers|people|men|élèves|french guide|of them|years|jours",
        "verb": ("killed|dead|died|perished|mort|morts|peri|tues|massacred|egorges|gunned down|abattus|abattues|"
                 "lost their lives|have lost their lives|y ont perdu la vie|perdu la vie|injured|wounded|hurt|blesses|"
                 "kidnapped|abducted|taken hostage|enleves|kidnappes"),
        "aux": "were|was|have been|had|has|ont ete|also|sont",
        "opener": "killing|kills|wounding|tuant|enlevant|abducting|the killing of|le massacre de|toll rose to|dead at",
        "and": "and|et",
        "link": "other|others|autres|including|dont|and two others|et trois autres",
        "other": "the|near|in|قتل|ñandú|3h|later|from|gao|bus|la|vie|lives|down|hostage",
    }
    pieces = {kind: forms.split("|") for kind, forms in pieces.items()}
    kinds = [*pieces]
    marks = (" ", " ", " ", " ", ", ", ". ", " - ", "; ")
    # the order of the rules' parts, each part now and then another or left out
    orders = ("figure victims and figure victims aux verb", "opener figure victims and figure victims link",
              "figure victims link other other verb", "figure other aux verb other figure verb")
    rng = random.Random(7)
    clauses = []
    for _ in range(6000):
        parts = [kind if rng.random() < 0.7 else rng.choice(kinds) for kind in rng.choice(orders).split()]
        clauses.append("".join(rng.choice(pieces[kind]) + rng.choice(marks) for kind in parts if rng.random() < 0.85))
    # and each verb after two figures, each opener before two
    clauses += [f"{one} soldier {and_} 4 men {verb}" for verb in pieces["verb"] for and_ in pieces["and"] for one in ("12", "un")]
    clauses += [f"{opener} 12 soldiers {and_} 3 {victims}" for opener in pieces["opener"] for and_ in pieces["and"]
                for victims in ("civilians", "others")]
    fast = [numbers.casualties(c) for c in clauses]
    plain = {slot: tuple((rx, opener, (), *rest) for rx, opener, _, *rest in plan) for slot, plan in numbers._PLAN.items()}
    monkeypatch.setattr(numbers, "_PLAN", plain)
    assert fast == [numbers.casualties(c) for c in clauses]
    assert sum(any(v is not None for v in got.values()) for got in fast) > 600  # (clauses that state a figure)
