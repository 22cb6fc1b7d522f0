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
