"""claims.dates: absolute and relative dates, resolved against the publication date."""
from datetime import date

import pytest

from claims.dates import at_precision, find_dates
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
