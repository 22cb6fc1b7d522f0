"""claims.dates: absolute and relative dates, resolved against the publication date."""
from datetime import date

import pytest

from claims.dates import Lapse, at_precision, find_dates, find_lapse, shift
from claims.text import fold

PUB = date(2014, 9, 22)


def values(text, published=PUB, context_year=None):
    return [d.value for d in find_dates(fold(text), published, context_year)]


@pytest.mark.parametrize("text,expected", [
    ("On April 19, 2014, they attacked", "2014-04-19"),
    ("On September 21–24, 2014, they hijacked", "2014-09-21"),
    ("le 13 septembre 2014, le groupe", "2014-09-13"),
    ("in May 2014 near Tunis", "2014-05"),
    ("in late 2012 he broke", "2012"),
    ("In the summer of 2013, he founded", "2013"),
    ("at the end of 2014", "2014"),
    ("On September 13, the group", "2014-09-13"),
    ("in October, the group", "2013-10"),
    ("Just last week, they", "2014-09"),
    ("this summer", "2014"),
    ("last year", "2013"),
    ("yesterday", "2014-09-21"),
    ("two days ago", "2014-09-20"),
    ("la semaine dernière", "2014-09"),
])
def test_single_date(text, expected):
    assert values(text)[0] == expected


def test_month_without_year_uses_previous_sentence_year():
    assert values("In Algiers in December, they bombed", context_year=2007) == ["2007-12"]


def test_month_of_that_year_and_earlier_that_year():
    assert values("in January 2013 and in May of that year") == ["2013-01", "2013-05"]
    assert values("in March 2015 or in Libya earlier that year") == ["2015-03", "2015"]


def test_following_month():
    assert values("announced on September 11, 2006, and renamed the following January") == ["2006-09-11", "2007-01"]


def test_not_dates():
    assert values("in the 2000s") == []
    assert values("more than 3,000 miles and $50 million") == []
    assert values("this may force him out") == []
    assert values("On September 13", published=None) == []


def test_at_precision():
    assert at_precision("2014-09-13", "2014-09") == "2014-09"
    assert at_precision(None, "2014") is None


@pytest.mark.parametrize("text,expected", [
    ("claimed Friday's attack", "2014-09-19"),  # PUB is a Monday
    ("Sunday night's raid", "2014-09-21"),
    ("l'attaque du 21 juillet", "2014-07-21"),
])
def test_possessive_weekdays_and_du_dates(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text,sign,n,unit", [
    ("Two days later, gunmen", 1, 2, "day"),
    ("Days later they abducted", 1, None, "day"),
    ("But a week later the group", 1, 1, "week"),
    ("The next day gunmen", 1, 1, "day"),
    ("A few hours earlier, gunmen", -1, None, "hour"),
    ("Le lendemain, des hommes", 1, 1, "day"),
    ("La veille, des hommes", -1, 1, "day"),
    ("Quelques jours plus tôt, le maire", -1, None, "day"),
    ("Trois jours après, des hommes", 1, 3, "day"),
    ("Le mois suivant, le groupe", 1, 1, "month"),
])
def test_a_lapse_opening_a_sentence(text, sign, n, unit):
    assert find_lapse(fold(text)) == Lapse(sign, n, unit)


@pytest.mark.parametrize("text", [
    "His body was found four days later.",  # not opening the sentence
    "La veille des élections, des hommes armés",  # "la veille de": the eve of a named event
    "Le lendemain de l'attaque, le maire",
    "Two days after the visit, gunmen",  # "after" + its own event
])
def test_not_an_opening_lapse(text):
    assert find_lapse(fold(text)) is None


@pytest.mark.parametrize("value,lapse,expected", [
    ("2015-02-04", Lapse(1, 2, "day"), "2015-02-06"),
    ("2015-02", Lapse(1, 2, "day"), "2015-02"),  # no finer than the anchor
    ("2015-02-27", Lapse(1, None, "day"), "2015-02"),  # vague: the anchor's month
    ("2015-02-27", Lapse(1, 1, "week"), "2015-03"),
    ("2015-11", Lapse(1, 3, "month"), "2016-02"),
    ("2015-11-03", Lapse(-1, None, "month"), "2015"),
    ("2015", Lapse(-1, 4, "year"), "2011"),
    ("2015-11-03", Lapse(1, None, "hour"), "2015-11-03"),
    ("2015", Lapse(1, None, "year"), None),
])
def test_shift_keeps_no_more_precision_than_it_has(value, lapse, expected):
    assert shift(value, lapse) == expected
