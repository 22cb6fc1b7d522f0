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


@pytest.mark.parametrize("text,expected", [
    # a weekday before the day of the month: the day of the month dates it (PUB is years later)
    ("gunmen struck on Tuesday, 9 April 2002, near the market", ["2002-04-09"]),
    ("gunmen struck on Tuesday, April 9, 2002, near the market", ["2002-04-09"]),
    ("l'attaque a eu lieu le mardi 9 avril 2002 au marché", ["2002-04-09"]),
    ("l'attaque a eu lieu mardi 9 avril à l'aube", ["2014-04-09"]),
    ("gunmen struck on Friday, the 3rd of May 2019, near the market", ["2019-05-03"]),
    ("on the 21st of May, 2019 gunmen struck the market", ["2019-05-21"]),
    # "of" after a bare figure is no date: "12 of March 2019 recruits"
    ("gunmen killed 12 of March 2019 recruits", ["2019-03"]),
    # a weekday of its own stays
    ("gunmen struck on Tuesday; the army had cleared the road on 9 April 2002", ["2014-09-16", "2002-04-09"]),
])
def test_a_weekday_before_a_day_of_the_month(text, expected):
    assert values(text) == expected


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


# ---- the previous sentence's year: not one told in an aside; "that year" refers back to any ----
from claims.dates import in_aside  # noqa: E402
from claims.extract import _last_year  # noqa: E402


@pytest.mark.parametrize("sentence,year", [
    # narratives: the main clause's year carries on
    ("In 2011 the militia seized the airport of Sirte.", 2011),
    ("Les rebelles ont pris Kidal en 2012.", 2012),
    ("The brigade, which was founded in 2009, overran the garrison in 2013.", 2013),
    ("En 2017, le front a rejoint la coalition, créée en 2015.", 2017),
    # asides: a relative clause, a participle apposition, a parenthesis
    ("The talks stalled over the council, which the parties had set up in 2016.", None),
    ("Les pourparlers butent sur le conseil, que l'Etat, les milices et les chefs avaient créé en 2016.", None),
    ("The fighters answer to the Northern Front, a coalition formed in 2015.", None),
    ("Ils répondent au Front du Nord, une alliance constituée en 2015.", None),
    ("Its leader (arrested in 2018) still writes letters.", None),
    ("Its leader has led the movement since 2019.", None),
])
def test_previous_sentence_year_skips_asides(sentence, year):
    folded = fold(sentence)
    assert _last_year(folded, 0, len(folded)) == year


def _plain_last_year(folded, start, end, plain=True):
    """_last_year without its test for "19" and "20": every match of YEAR_RX weighed."""
    from claims.dates import YEAR_RX
    from claims.extract import _SINCE_YEAR as since
    last = None
    for m in YEAR_RX.finditer(folded, max(0, start - 3), end + 3):
        if start < m.end() <= end and (not plain or (not since.search(folded, max(0, m.start() - 40), m.start())
                                                     and not in_aside(folded[start:end], m.start() - start))):
            last = m
    return int(last.group("y")) if last is not None else None


def test_last_year_as_the_plain_form():
    import random

    rnd = random.Random(3)
    pieces = ["2019", "1999", "20", "19", "2", "9", "1920s", "20195", "since ", "in ", "(", ")", ", which ", " ", " ",
              "a", "é", "١٢", "\n", "depuis le 3 ", "year", ", "]
    for _ in range(3000):
        folded = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        for _ in range(4):
            start = rnd.randint(0, len(folded))
            end = rnd.randint(start, len(folded))
            for plain in (True, False):
                assert _last_year(folded, start, end, plain) == _plain_last_year(folded, start, end, plain), (folded, start, end)


def test_in_aside_reads_a_list_inside_a_relative_clause():
    s = fold("the council, que l'Etat, les milices et les chefs avaient cree en 2016")
    assert in_aside(s, s.index("2016"))
    s = fold("the brigade, which was founded in 2009, overran the town in 2013")
    assert in_aside(s, s.index("2009")) and not in_aside(s, s.index("2013"))


@pytest.mark.parametrize("text,expected", [
    ("Le 3 mai de cette année-là, les insurgés ont frappé Gao.", ["2016-05-03"]),
    ("En août de la même année, un convoi a sauté.", ["2016-08"]),
    ("On 9 October of that year a convoy was hit.", ["2016-10-09"]),
    ("In July of that year a convoy was hit.", ["2016-07"]),
    ("Cette année-là, les insurgés ont frappé Gao.", ["2016"]),
    ("Cette année, les insurgés ont frappé Gao.", ["2014"]),  # this year: the publication's
])
def test_that_year_refers_back_even_to_a_since_year(text, expected):
    # "depuis 2016. Le 3 mai de cette annee-la": the since-year is no context year, but "that year" names it
    assert [d.value for d in find_dates(fold(text), PUB, None, 2016)] == expected


def test_bare_month_after_an_aside_takes_the_publication_year():
    from claims.extract import _find_dates
    text = fold("Ils répondent au Front du Nord, une alliance formée en 2011. Au sud, la tuerie de Fada, en juin, a fait 40 morts.")
    cut = text.index(". ") + 1
    assert [d.value for d in _find_dates(text[cut + 1:], PUB, text, (0, cut))] == ["2014-06"]
    text = fold("Le front a pris Kidal en 2011. Au sud, en juin, il a attaqué Fada.")
    cut = text.index(". ") + 1
    assert [d.value for d in _find_dates(text[cut + 1:], PUB, text, (0, cut))] == ["2011-06"]
    text = fold("Le front tient Kidal depuis 2011. Le 3 juin de cette année-là, il a attaqué Fada.")
    cut = text.index(". ") + 1
    assert [d.value for d in _find_dates(text[cut + 1:], PUB, text, (0, cut))] == ["2011-06-03"]


@pytest.mark.parametrize("text,expected", [
    ("Les 8 et 9 mars 2012, des hommes armés", ["2012-03-08"]),
    ("les 8 et 9 mars, des hommes armés", ["2014-03-08"]),
    ("du 8 au 10 mars, les combats", ["2014-03-08"]),
    ("March 8 and 9, 2012, gunmen", ["2012-03-08"]),
    ("On 8 and 9 March, gunmen", ["2014-03-08"]),
    ("les 30 soldats tués en mars", ["2014-03"]),  # a figure, no day
])
def test_two_days_of_one_month_give_the_first(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Fin avril, deux journalistes ont été tués", ["2014-04"]),
    ("Début mars, des hommes armés", ["2014-03"]),
    ("À la mi-mars, des hommes armés", ["2014-03"]),
    ("Fin d'avril 2012, des hommes armés", ["2012-04"]),
    ("courant juin, le groupe", ["2014-06"]),
    ("At the end of July the fighters overran", ["2014-07"]),
    ("the beginning of March", ["2014-03"]),
    ("Fin 2012, le groupe", ["2012"]),  # a year: no month
    ("la fin des combats", []),
])
def test_a_part_of_a_month_gives_the_month(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Le 23 mars, 150 habitants ont été tués", ["2014-03-23"]),  # a figure after the comma, no year
    ("On March 23, 150 residents were killed", ["2014-03-23"]),
    ("On March 23, 2012, 150 residents were killed", ["2012-03-23"]),
    ("le 23 mars, 2012 fut une année noire", ["2012-03-23"]),  # a year right after the day: read as its year
])
def test_a_figure_after_a_day_and_month_is_no_year(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a month with "last year" / "this year": the year before publication, or its own (PUB: 2014-09-22),
    # whatever year the sentence before stated (context_year)
    ("In January last year, gunmen stormed the hotel", ["2013-01"]),
    ("gunmen stormed the hotel on January 5 last year", ["2013-01-05"]),
    ("en mars de l'année dernière, des hommes armés ont attaqué", ["2013-03"]),
    ("le 3 mai l'an dernier, des hommes armés ont attaqué", ["2013-05-03"]),
    ("in April this year they occupied the town", ["2014-04"]),
    # "cette année-là" is the year told before, not the year of publication
    ("le 15 juin de cette année-là, des hommes armés ont attaqué", ["2010-06-15"]),
    # "may" the verb
    ("officials fear that attacks may this year exceed the toll of 2012", ["2014", "2012"]),
])
def test_a_month_of_last_year_or_this_year(text, expected):
    assert values(text, context_year=2010) == expected


@pytest.mark.parametrize("text,expected", [
    # "last <month>", "this <month>", "<mois> dernier": told from the day of writing (PUB: 2014-09-22),
    # whatever year the sentence before stated (context_year); "last": the latest such month before it
    ("Last November, gunmen stormed the hotel", ["2013-11"]),
    ("Last June, gunmen stormed the hotel", ["2014-06"]),
    ("This March, gunmen stormed the hotel", ["2014-03"]),
    ("Last May, gunmen stormed the hotel; this may force a review", ["2014-05"]),  # ("this may": the verb)
    ("En novembre dernier, des hommes armés ont attaqué", ["2013-11"]),
    ("Le 3 juillet dernier, des hommes armés ont attaqué", ["2014-07-03"]),
    ("Le 30 septembre dernier, des hommes armés ont attaqué", ["2013-09-30"]),
    # not a weekday, a month with its year, nor "in November" alone (the year told before)
    ("last Friday gunmen stormed the hotel", ["2014-09-19"]),
    ("In November 2012 gunmen stormed the hotel", ["2012-11"]),
    ("In November gunmen stormed the hotel", ["2010-11"]),
    ("le dernier mois de l'année, des hommes armés ont attaqué", []),
])
def test_last_month_is_told_from_the_day_of_writing(text, expected):
    assert values(text, context_year=2010) == expected


def test_a_pattern_that_needs_a_digit_needs_a_year_or_a_month():
    """claims.dates._features looks for a digit only where it finds a month but no year."""
    from claims.dates import _PLAN
    assert all(needs & {"year", "month"} for _, _, _, needs in _PLAN if "digit" in needs)


def _plain_forms():
    r"""The plain `\b(?:...)` forms of the patterns that claims.dates writes with word_opening /
    after_no_word (by their index in _PATTERNS), as they read before that rewriting."""
    from claims.dates import _JOURS_WORDS, _M, _SEASON, _WD, _Y, WEEKDAYS
    return {
        12: ("following_m", r"\b(?:the\s+)?(?:following|next)\s+" + _M),
        14: ("season_y", r"\b(?:the\s+)?" + _SEASON + r"\s+(?:of\s+|de\s+|d')?" + _Y),
        17: ("last_week", r"\b(?:last|this|past)\s+week\b|\bla\s+semaine\s+(?:derniere|passee)\b|\bcette\s+semaine\b"),
        18: ("last_month", r"\blast\s+month\b|\ble\s+mois\s+(?:dernier|passe)\b"),
        19: ("this_month", r"\bthis\s+month\b|\bce\s+mois\b"),
        20: ("last_year", r"\blast\s+year\b|\bl'annee\s+(?:derniere|passee)\b|\bl'an\s+(?:dernier|passe)\b"),
        21: ("this_year", r"\b(?:this|earlier\s+this|later\s+this)\s+year\b|\bcette\s+annee\b(?!\s+la\b)"),
        22: ("this_season", r"\b(?:this|cet|cette)\s+" + _SEASON + r"\b"),
        23: ("last_season", r"\blast\s+" + _SEASON + r"\b|\b" + _SEASON + r"\s+dernier\b"),
        24: ("that_year", r"\b(?:earlier|later|that|the\s+same)\s+(?:that\s+)?year\b|\bla\s+meme\s+annee\b|\bcette\s+annee\s+la\b"),
        25: ("following_year", r"\bthe\s+(?:following|next)\s+year\b|\bl'annee\s+suivante\b"),
        26: ("yesterday", r"\byesterday\b|\bhier\b"),
        27: ("today", r"\btoday\b|\baujourd'hui\b"),
        29: ("days_ago", r"\bil\s+y\s+a\s+(?P<n>\d+|" + "|".join(_JOURS_WORDS) + r")\s+jours\b"),
        30: ("weekend", r"\b(?:over\s+the|last|this|the\s+past|ce|le)\s+week\s?end\b"),
        31: ("weekday", r"\b(?:on|last|ce|le)\s+(?P<wd>" + _WD + r")\b"),
        32: ("weekday", r"\b(?P<wd>" + "|".join(w for w in WEEKDAYS if w.endswith("di") or w == "dimanche") + r")\b(?:\s+dernier)?"),
        33: ("weekday", r"(?P<wd>(?<![\w'])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?:\s+(?:night|morning|"
                        r"evening|afternoon))?'s\b"),
    }


DATE_WORDS = ["the", "following", "next", "last", "this", "past", "week", "end", "weekend", "month", "year", "la", "le", "l'",
              "semaine", "derniere", "dernier", "passee", "passe", "cette", "cet", "ce", "annee", "an", "mois", "earlier",
              "later", "that", "same", "meme", "suivante", "yesterday", "hier", "today", "aujourd'hui", "il", "y", "a",
              "jours", "trois", "3", "over", "on", "friday", "vendredi", "dimanche", "sunday", "night", "'s", "summer",
              "ete", "automne", "fall", "hiver", "of", "de", "d'", "2014", "1999s", "may", "june", "juin", "x", "é", "ж",
              "لا", "_", "-", ",", "(", "9"]
# phrases that the patterns match, their words joined at random (so that each pattern matches often)
DATE_PHRASES = ["the following june", "next may", "the summer of 2014", "ete de 2014", "last week", "past week",
                "la semaine passee", "cette semaine", "last month", "le mois dernier", "this month", "ce mois",
                "last year", "l'annee derniere", "l'an passe", "this year", "earlier this year", "later this year",
                "cette annee la", "cet ete", "this fall", "last winter", "hiver dernier", "earlier that year",
                "the same year", "la meme annee", "the next year", "l'annee suivante", "il y a trois jours",
                "il y a 3 jours", "over the weekend", "the past week end", "ce week end", "on friday", "last sunday",
                "ce vendredi", "dimanche dernier", "friday's", "sunday night's"]


def _date_texts(n=3000, seed=5):
    import random
    rnd = random.Random(seed)
    seps = [" ", " ", "  ", "", "\n", "'", "\u00a0"]
    for _ in range(n):
        words = [w for _ in range(rnd.randint(0, 12))
                 for w in (rnd.choice(DATE_PHRASES).split() if rnd.random() < 0.4 else [rnd.choice(DATE_WORDS)])]
        yield "".join(w + rnd.choice(seps) for w in words)


def test_word_openings_find_what_the_plain_patterns_find():
    """Each pattern written to open on its first letters (claims.vocab.word_opening) finds the
    same matches, with the same groups, as its plain `\\b` form, on random mixed-script text."""
    import re

    from claims.dates import _PATTERNS
    plain = {i: (kind, re.compile(p)) for i, (kind, p) in _plain_forms().items()}
    assert all(_PATTERNS[i][0] == kind for i, (kind, _) in plain.items())
    for text in _date_texts():
        for i, (kind, rx) in plain.items():
            got = [(m.span(), m.groupdict()) for m in _PATTERNS[i][1].finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in rx.finditer(text)], (kind, text)


def test_names_by_first_letter_match_as_the_plain_alternation():
    """claims.dates._M, _PREP, _WD (the names one group per first letter: _alternation) match, at
    every offset and with the same group, what the plain alternation of the names matches."""
    import random
    import re

    from claims.dates import _M, _PREP, _PREPS, _WD, MONTHS, WEEKDAYS
    forms = [(_M, "(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?", sorted(MONTHS)),
             (_PREP, "(?:" + "|".join(_PREPS) + ")", _PREPS), (_WD, "(?:" + "|".join(WEEKDAYS) + ")", sorted(WEEKDAYS))]
    rnd = random.Random(12)
    for grouped, plain, names in forms:
        grouped, plain = re.compile(grouped), re.compile(plain)
        # (tails that make a shorter name's match differ from a longer one's: "de" / "depuis", "mar" / "mars")
        vocab = list(names) + ["ma", "mar", "ju", "jui", "sep", "septe", "dep", "dur", "mer", "sam", "x", "é", "3", "."]
        for _ in range(1500):
            text = "".join(rnd.choice(vocab) + rnd.choice(["", "", " ", ".", "-"]) for _ in range(rnd.randint(0, 8)))
            for p in range(len(text) + 1):
                m, want = grouped.match(text, p), plain.match(text, p)
                assert (m and (m.span(), m.groupdict())) == (want and (want.span(), want.groupdict())), (text, p)


def test_years_inside_dates_found_before_need_no_search(monkeypatch):
    """find_dates does not search the windows of the years that a date found before holds
    (claims.dates._YEAR_ENDED): the same dates as when it searches them, on random text."""
    import random

    import claims.dates as dates
    words = ["in", "on", "since", "early", "late", "the", "end", "first", "second", "half", "of", "de", "en", "le", "by",
             "summer", "ete", "2014", "2015", "1999", "2013s", "20145", "may", "june", "juin", "september", "sept.", "mars",
             "13", "21st", "3", "to", "et", "24", ",", "that", "year", "last", "this", "dernier", "x", "é", "$", "."]
    rnd = random.Random(8)
    texts = ["".join(rnd.choice(words) + rnd.choice([" ", " ", ", ", "", "  "]) for _ in range(rnd.randint(1, 14)))
             for _ in range(4000)]
    fast = [find_dates(t, date(2016, 5, 1), 2012) for t in texts]
    monkeypatch.setattr(dates, "_YEAR_ENDED", ())
    assert [find_dates(t, date(2016, 5, 1), 2012) for t in texts] == fast


def test_cues_that_open_words_find_what_every_pattern_finds(monkeypatch):
    """find_dates runs a pattern that has cues (claims.dates._CUES) only where one of them opens a
    word (ASCII text) or is in the text (others): the same dates as when it runs every pattern, on
    random text where the cue words also stand inside words and glued to others."""
    import random

    import claims.dates as dates
    rnd = random.Random(21)
    inside = ["today's", "holiday", "weekday", "midweek", "yearly", "annees", "pendant", "ilya", "agog", "fridays",
              "samedis", "spring's", "nextyear", "thisweek", "2014", "3", "mai", "le 3 mai", "in june"]
    texts = [t for t in _date_texts(2500, seed=9)]
    texts += ["".join(rnd.choice(inside + DATE_WORDS) + rnd.choice([" ", "", "'", "\n", "\u00e9 "])
                      for _ in range(rnd.randint(1, 10))) for _ in range(2500)]
    args = [(t, date(2016, 5, 1), 2012, 2011, "2011-04") for t in texts]
    fast = [find_dates(*a) for a in args]
    assert sum(map(bool, fast)) > 1500
    openings = dates._openings
    monkeypatch.setattr(dates, "_openings", lambda folded: (openings(folded)[0], set(range(len(dates._CUE_SETS)))))
    assert [find_dates(*a) for a in args] == fast
