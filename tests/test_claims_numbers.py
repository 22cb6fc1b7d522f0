"""claims.numbers: number words and casualty figures."""
import pytest

from claims.numbers import casualties, parse_number
from claims.text import fold


@pytest.mark.parametrize("raw,value", [("33", 33), ("1,200", 1200), ("thirty three", 33), ("twenty six", 26),
                                       ("one hundred and five", 105), ("vingt six", 26), ("a dozen", 12),
                                       ("dozen", 12), ("trois", 3)])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


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
])
def test_casualties(text, killed, wounded, kidnapped):
    assert casualties(fold(text)) == {"killed": killed, "wounded": wounded, "kidnapped": kidnapped}


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
