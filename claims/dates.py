"""Dates in a sentence, absolute or relative, resolved to YYYY / YYYY-MM / YYYY-MM-DD.

Works on folded text (claims.text.fold: lower case, dashes as spaces). Resolution of an
incomplete date ("On September 13", "in December", "this summer", "last week") uses, in
order: a year stated earlier in the same sentence ("in May of that year"), the last year
stated in the previous sentence outside an aside (`context_year`; `in_aside`), then the publication date (the latest
such day or month not after it). Ranges ("September 21–24, 2014") give their start, and so does
a weekend ("over the weekend", "ce week-end": its Saturday).
Decades ("the 2000s") and spans ("in the last 10 years") are not dates. A lapse that opens a
sentence ("Two days later", "le lendemain": `find_lapse`) is no date of its own: `shift` moves
the date of the event told before by it (claims.attacks.AttackPatterns.chain_dates).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from claims.numbers import NUMBER_WORDS
from claims.scan import BLANK_NON_WORD_BYTES, any_of, finditer_at, matching_starts, window_bounds, window_starts
from claims.vocab import after_no_word, letter_branches, word_opening


def _alternation(names) -> str:
    """`n1|n2|...` (names of letters) written one group per first letter, `a(?:pril|vril)|m(?:ay|...)`
    (claims.vocab.letter_branches): the same matches."""
    return "|".join(letter_branches(list(names)))


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "jan": 1, "feb": 2, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_M = "(?P<m>" + _alternation(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<y>(?:19|20)\d\d)(?!\d|s\b)"
_NO_YEAR = r"(?!\s*,?\s*(?:1[89]|20)\d\d(?!\d))"  # "March 23, 2014" is a date with its year; "le 23 mars, 150 habitants" is not
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er)?"
_PREPS = ("in", "on", "since", "during", "by", "from", "until", "of", "early", "late", "mid", "en", "le", "au", "de", "du",
          "depuis", "the")
_PREP = "(?:" + _alternation(_PREPS) + ")"
_THAT_YEAR = r"\s+(?:of\s+|de\s+)?(?:(?:that|the\s+same)\s+year\b|cette\s+annee\s+la\b|la\s+meme\s+annee\b)"
# "last year" / "this year" after a month: the year of publication before, or its own ("in January last
# year", "en mars de l'annee derniere", "le 3 mai l'an dernier", "in April this year"; not "cette annee-la")
_REL_YEAR = (r"\s+(?:of\s+|de\s+)?(?:(?P<last>last\s+year\b|l'annee\s+(?:derniere|passee)\b|l'an\s+(?:dernier|passe)\b)"
             r"|this\s+year\b|cette\s+annee\b(?!\s*-?\s*la\b))")
_SEASONS = ("summer", "spring", "autumn", "fall", "winter", "ete", "printemps", "automne", "hiver")
_SEASON = "(?:" + "|".join(_SEASONS) + ")"
_DAYS_AGO_WORDS = ("two", "three", "four", "five", "six", "seven", "ten")  # "three days ago" (values: NUMBER_WORDS)
_JOURS_WORDS = ("deux", "trois", "quatre", "cinq", "six", "sept", "dix")  # "il y a trois jours"
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_WD = "(?:" + _alternation(WEEKDAYS) + ")"  # "vendredi 3 mai", "Friday, 3 May": the day of the month dates it


# (The patterns that no anchor limits (see _ANCHORS) open on their first letters, word_opening's
# form of `\b(?:...)`: run over the whole sentence, they are tried only where one of them is.)
_PATTERNS = [
    ("mdy", re.compile(r"\b" + _M + r"\s+" + _D + r"(?:\s+(?:to\s+|and\s+|au\s+|et\s+)?[0-3]?\d)?\s*,?\s+" + _Y)),
    ("dmy", re.compile(r"\b" + _D + r"(?:\s+(?:au\s+|to\s+|and\s+|et\s+)?[0-3]?\d)?\s+(?:(?<=st\s|nd\s|rd\s|th\s)of\s+)?" + _M + r"\s*,?\s+" + _Y)),  # "the 3rd of May 2019"
    ("my", re.compile(r"\b" + _M + r"\s+(?:of\s+|de\s+|d')?" + _Y)),
    ("m_that_year", re.compile(r"\b" + _D + r"\s+(?:of\s+)?" + _M + _THAT_YEAR)),  # "le 15 juin de cette annee-la"
    ("m_that_year", re.compile(r"\b" + _M + r"(?:\s+" + _D + r")?\s*,?" + _THAT_YEAR)),  # "in June of that year"
    ("m_rel_year", re.compile(r"\b" + _D + r"\s+(?:of\s+)?" + _M + r"\s*,?" + _REL_YEAR)),  # "le 3 mai l'an dernier"
    ("m_rel_year", re.compile(r"\b" + _M + r"(?:\s+" + _D + r")?\s*,?" + _REL_YEAR)),  # "in January last year"
    # told from the day of writing, whatever year the text spoke of before: "last November", "this March",
    # "en novembre dernier", "le 3 mars dernier"
    ("m_deictic", re.compile(r"\b(?:(?P<last>last)|this)\s+" + _M + r"(?!\s*[0-3]?\d)\b")),
    ("m_deictic", re.compile(r"\b(?:" + _D + r"\s+)?" + _M + r"\s+(?P<last>dernier)\b")),
    ("md", re.compile(r"\b" + _M + r"\s+" + _D + r"\b" + _NO_YEAR)),
    ("dm", re.compile(r"\b(?:on\s+|le\s+|les\s+|the\s+|du\s+|" + _WD + r"\s*,?\s+(?:the\s+)?)" + _D + r"(?:\s+(?:au|et|to|and)\s+[0-3]?\d)?\s+(?:of\s+)?" + _M +
                      r"\b" + _NO_YEAR)),  # "le 8 mars", "les 8 et 9 mars", "du 8 au 10 mars": the first day
    ("dm", re.compile(r"^\s*[a-z][a-z' .]*,\s+" + _D + r"\s+" + _M + r"\b" + _NO_YEAR + r"(?=\s*\()")),  # "OUAGADOUGOU, 28 aout (Agence)"
    ("following_m", re.compile(word_opening((r"the\s+(?:following|next)", "following", "next")) + r"\s+" + _M)),
    ("m", re.compile(r"\b(?:in|since|during|last|this|early|late|mid|en|depuis|by|until|fin|debut|mi|courant|"
                     r"(?:beginning|start|end|middle)\s+of|(?:fin|debut)\s+(?:de\s+|d'))\s*" + _M + r"(?!\s*[0-3]?\d)\b")),
    ("season_y", re.compile(word_opening((r"the\s+" + _SEASON, *_SEASONS)) + r"\s+(?:of\s+|de\s+|d')?" + _Y)),
    ("y", re.compile(r"\b" + _PREP + r"\s+(?:(?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half|fin|debut)\s+(?:of\s+|de\s+)?)?" + _Y)),
    ("y_bare", re.compile(r"(?<![\d$.,])\b" + _Y)),
    ("last_week", re.compile(word_opening((r"last\s+week", r"this\s+week", r"past\s+week", r"la\s+semaine\s+(?:derniere|passee)",
                                           r"cette\s+semaine")) + r"\b")),
    ("last_month", re.compile(word_opening((r"last\s+month", r"le\s+mois\s+(?:dernier|passe)")) + r"\b")),
    ("this_month", re.compile(word_opening((r"this\s+month", r"ce\s+mois")) + r"\b")),
    ("last_year", re.compile(word_opening((r"last\s+year", r"l'annee\s+(?:derniere|passee)", r"l'an\s+(?:dernier|passe)")) + r"\b")),
    ("this_year", re.compile(word_opening((r"this\s+year\b", r"earlier\s+this\s+year\b", r"later\s+this\s+year\b",
                                           r"cette\s+annee\b(?!\s+la\b)")))),
    ("this_season", re.compile(word_opening(("this", "cet", "cette")) + r"\s+" + _SEASON + r"\b")),
    ("last_season", re.compile(word_opening((r"last\s+" + _SEASON, *(s + r"\s+dernier" for s in _SEASONS))) + r"\b")),
    ("that_year", re.compile(word_opening((*(w + r"\s+(?:that\s+)?year" for w in ("earlier", "later", "that", r"the\s+same")),
                                           r"la\s+meme\s+annee", r"cette\s+annee\s+la")) + r"\b")),
    ("following_year", re.compile(word_opening((r"the\s+(?:following|next)\s+year", r"l'annee\s+suivante")) + r"\b")),
    ("yesterday", re.compile(word_opening(("yesterday", "hier")) + r"\b")),
    ("today", re.compile(word_opening(("today", "aujourd'hui")) + r"\b")),
    ("days_ago", re.compile(r"\b(?P<n>\d+|" + "|".join(_DAYS_AGO_WORDS) + r")\s+days\s+ago\b")),
    ("days_ago", re.compile(word_opening((r"il\s+y\s+a",)) + r"\s+(?P<n>\d+|" + "|".join(_JOURS_WORDS) + r")\s+jours\b")),
    # "over the weekend", "last weekend", "ce week-end": the last weekend, from its Saturday (a range: its start)
    ("weekend", re.compile(word_opening((r"over\s+the", "last", "this", r"the\s+past", "ce", "le")) + r"\s+week\s?end\b")),
    ("weekday", re.compile(word_opening(("on", "last", "ce", "le")) + r"\s+(?P<wd>" + _WD + r")\b")),
    ("weekday", re.compile("(?P<wd>" + word_opening(w for w in WEEKDAYS if w.endswith("di") or w == "dimanche") + r")\b(?:\s+dernier)?")),
    # a possessive determiner: "Friday's attack", "Tuesday night's raid"
    ("weekday", re.compile("(?P<wd>" + after_no_word([w for w in WEEKDAYS if w.endswith("day")])
                           + r")(?:\s+(?:night|morning|"
                           r"evening|afternoon))?'s\b")),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    explicit_year: bool  # the year is written in the mention


_DIGIT = re.compile(r"\d")


# "the same day", "le meme jour": the date of the attack told before
SAME_DAY = re.compile(word_opening((r"the\s+same\s+(?:day|night|morning|evening|afternoon)",
                                     r"that\s+same\s+(?:day|night|morning|evening|afternoon)",
                                     r"later\s+that\s+(?:day|night|morning|evening|afternoon)",
                                     r"earlier\s+that\s+(?:day|night|morning|evening|afternoon)", r"le\s+meme\s+jour",
                                     r"la\s+meme\s+(?:nuit|journee|matinee|soiree)", r"ce\s+meme\s+jour",
                                     r"cette\s+meme\s+(?:nuit|journee)", r"plus\s+tard\s+dans\s+la\s+(?:journee|soiree|nuit)")) + r"\b")


_MONTH_RX = re.compile(word_opening(MONTHS))
_MONTH_KINDS = {"mdy", "dmy", "my", "m_that_year", "m_rel_year", "m_deictic", "md", "dm", "following_m", "m"}
_NEEDS_DIGIT = {"mdy", "dmy", "my", "md", "dm", "season_y", "y", "y_bare"}
_NEEDS_YEAR = {"mdy", "dmy", "my", "season_y", "y", "y_bare"}  # a written year (_Y) in the match
# Literal cues of the other patterns: a pattern runs only when one of its cues is in the sentence.
# Each cue is one word, and in every match of its patterns one of them opens a word (it follows \s,
# "'" or the pattern's opening, word_opening's or after_no_word's: "last year", "l'an dernier",
# "il y a 3 jours", "friday's"), so in ASCII text only the cues that open a word are looked for,
# with the month names (_openings).
_CUES = {
    "season_y": _SEASONS, "this_season": _SEASONS, "last_season": _SEASONS,
    "last_week": ("week", "semaine"), "last_month": ("month", "mois"), "this_month": ("month", "mois"),
    "last_year": ("year", "annee", "dernier", "passe"), "this_year": ("year", "annee"), "that_year": ("year", "annee"),
    "following_year": ("year", "annee"), "m_that_year": ("year", "annee"), "following_m": ("following", "next"),
    "m_rel_year": ("year", "annee", "dernier", "passe"),
    "yesterday": ("yesterday", "hier"), "today": ("today", "aujourd"), "days_ago": ("ago", "jours"),
    "weekend": ("week",), "weekday": tuple(WEEKDAYS),
}
_CUE_SETS = list(dict.fromkeys(_CUES.values()))  # (each distinct cue tuple once)
_CUE_WORDS = tuple(sorted({c for cues in _CUE_SETS for c in cues}))  # (each word once)
# The month names and the cues that open words, found faster in a blanked copy (_openings): " "
# before the text and every ASCII character that is not \w made " ", a word starts right after a
# " ". Only the starts of the month names are wanted, so the names that hold no shorter one ("jan"
# for "january", "janvier"). The words hold no " ", so no match holds the " " of the next word;
# the alternatives longest first, the one read is the longest that opens there, and each other
# one that opens there is a prefix of it (_OPENING_FINDS).
_MONTH_OPENINGS = [n for n in MONTHS if not any(o != n and n.startswith(o) for o in MONTHS)]
_OPENINGS = sorted({*_MONTH_OPENINGS, *_CUE_WORDS}, key=len, reverse=True)
_BLANKED_OPENING_RX = re.compile((" (" + "|".join(letter_branches(list(map(re.escape, _OPENINGS)))) + ")").encode())
# for each word read there: whether a month name opens there, and the cue sets of the cues that open there
_OPENING_FINDS = {w.encode(): (any(map(w.startswith, _MONTH_OPENINGS)),
                               frozenset(i for i, cues in enumerate(_CUE_SETS) if any(map(w.startswith, cues))))
                  for w in _OPENINGS}
# Where a pattern's matches are looked for (claims.scan): "months"/"years" - they open on a month
# name / a written year, so they are tried there only; "near months"/"near years" - they hold one
# (opening a white-space separated word), preceded by at most _WORDS_BEFORE words of the match, and
# open at a word start (\b before a word character, or ^): they are tried at the word starts near one.
_ANCHORS = {"mdy": "months", "my": "months", "m_that_year": "near months", "m_rel_year": "near months",
            "m_deictic": "near months", "md": "months", "y_bare": "years",
            "dmy": "near months", "dm": "near months", "m": "near months", "y": "near years"}
_WORDS_BEFORE = {"near months": 3, "near years": 5}  # dmy "21 to 24 | September", y "in the first half of | 2019"


def _needs(kind: str) -> frozenset:
    """What a sentence must have for the pattern to match: "digit", "year", "month", a cue set."""
    return frozenset([f for f, kinds in (("digit", _NEEDS_DIGIT), ("year", _NEEDS_YEAR), ("month", _MONTH_KINDS))
                      if kind in kinds] + ([_CUE_SETS.index(_CUES[kind])] if kind in _CUES else []))


_PLAN = [(kind, rx, _ANCHORS.get(kind), _needs(kind)) for kind, rx in _PATTERNS]
# (A pattern that needs a digit needs a year or a month too: _features looks for a digit only where
# it finds a month but no year; a year has digits, and with neither no pattern that needs one is tried.)


@lru_cache(maxsize=None)
def _eligible(has: frozenset) -> tuple[tuple, dict]:
    """The patterns (in order) that a sentence with the features `has` may match (few distinct sets),
    and for each anchor that several of them are tried at, their pre-test (claims.scan.any_of)."""
    plan = tuple((kind, rx, anchor) for kind, rx, anchor, needs in _PLAN if needs <= has)
    at = {anchor: tuple(rx for _, rx, a in plan if a == anchor) for _, _, anchor in plan if anchor is not None}
    return plan, {anchor: any_of(rxs) for anchor, rxs in at.items() if len(rxs) > 1}


def find_dates(folded: str, published: date | None = None, context_year: int | None = None,
               anaphor_year: int | None = None, context_month: str | None = None) -> list[DateMention]:
    """Date mentions of one sentence (folded), left to right, overlaps removed. `anaphor_year`: the
    year that "that year", "cette annee-la" refer to where none is written before them in the
    sentence (default `context_year`; it may be one that `context_year` leaves out: "since 2015").
    `context_month` ("YYYY-MM"): the month that "at the end of the month", "later that month", "le
    meme mois" refer to (the last month the previous sentence wrote out with its year)."""
    if anaphor_year is None:
        anaphor_year = context_year
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    weekdays: set[int] = set()  # the starts of weekday mentions ("on Friday")
    has, anchors = _features(folded)
    plan, pretests = _eligible(has)
    starts: dict[str, list[int]] = {}  # by anchor: where its patterns are tried (found once for them)
    for kind, rx, anchor in plan:
        if anchor is None:
            matches = rx.finditer(folded)
        else:
            if anchor not in starts:
                starts[anchor] = _starts(folded, anchor, anchors, pretests.get(anchor), taken)
            matches = finditer_at(rx, folded, starts[anchor])
        for m in matches:
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind in ("m", "m_rel_year", "m_deictic") and m.group("m") == "may" and not m.groupdict().get("d") and not re.search(r"\b(?:in|since|last|early|late|mid|until|by)\s+may\b", m.group()):
                continue
            earlier = [d for d in found if d.explicit_year and d.start < m.start()]
            year_here = int(earlier[-1].value[:4]) if earlier else _year_before(folded, m.start())
            value = _resolve(kind, m, published, year_here, context_year, anaphor_year)
            if value:
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), value, "y" in m.groupdict() and m.group("y") is not None))
                if kind == "weekday":
                    weekdays.add(m.start())
    if context_month is not None:
        for m in _THAT_MONTH.finditer(folded):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append(DateMention(m.start(), m.end(), context_month, False))
    found.sort(key=lambda d: d.start)
    if weekdays and len(found) > 1:  # "on Friday, May 3, 2019": the day of the month dates it, not the weekday
        found = [d for d, nxt in zip(found, found[1:] + [None]) if not (
            d.start in weekdays and nxt is not None and len(nxt.value) == 10 and _WEEKDAY_GAP.fullmatch(folded, d.end, nxt.start))]
    return found


def _starts(folded: str, anchor: str, anchors: dict[str, list[int]], pretest: re.Pattern | None,
            taken: list[tuple[int, int]]) -> list[int]:
    """The offsets that the patterns of `anchor` are tried at (see _ANCHORS): the anchors themselves,
    or the word starts in their windows (claims.scan.window_starts); where several patterns are, only
    those that one of them matches at (their pre-test). Of the years (_YEAR_ENDED), not those that a
    date found before holds (`taken`)."""
    held = anchors[anchor[5:] if anchor in _WORDS_BEFORE else anchor]
    if taken and anchor in _YEAR_ENDED:
        held = [a for a in held if not any(s <= a < e for s, e in taken)]
    if anchor in _WORDS_BEFORE:
        held = window_starts(folded, held, window_bounds(folded, held, _WORDS_BEFORE[anchor]))
    return held if pretest is None else matching_starts(pretest, folded, held)


# The anchors whose patterns (y_bare, y) each end on the written year they hold, the only digits in
# the match (before it: a preposition, words): a match that holds a year inside a date found
# before overlaps that date and is dropped, and it overlaps no match that holds another year (two
# matches that overlap end on the same year, so each year's match is the one at its first start).
# The windows of such years need no search: the dates found are the same.
_YEAR_ENDED = ("years", "near years")


_WEEKDAY_GAP = re.compile(r"[\s,(]*(?:the\s+|le\s+)?")


# the month the previous sentence named: "at the end of the month", "later that month", "a la fin du mois"
_THAT_MONTH = re.compile(r"\b(?:(?:at|by|towards?|until)\s+the\s+end\s+of\s+(?:that|the)\s+month|later\s+(?:that|the\s+same)\s+month|"
                         r"(?:in\s+|during\s+)?(?:that|the\s+same)\s+month|(?:a|vers|jusqu'a)\s+la\s+fin\s+(?:du|de\s+ce)\s+mois|"
                         r"(?:le|ce)\s+meme\s+mois|plus\s+tard\s+(?:dans|au\s+cours\s+de)\s+(?:ce|le)\s+mois)\b")
MONTH_YEAR_RX = re.compile(_M + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?" + _Y)  # "October 2014", "octobre 2014"


def _features(folded: str) -> tuple[frozenset, dict[str, list[int]]]:
    """What a sentence has (see _needs), and the offsets of its written years and month names."""
    months, has = _openings(folded)
    # (a written year opens on "19" or "20": two substring tests spare most sentences the scan)
    years = [m.start() for m in YEAR_RX.finditer(folded)] if "19" in folded or "20" in folded else []
    if years:
        has |= {"digit", "year"}
    elif months and _DIGIT.search(folded) is not None:  # (else a digit does not matter: see _PLAN)
        has.add("digit")
    if months:
        has.add("month")
    return frozenset(has), {"years": years, "months": months}


def _openings(folded: str) -> tuple[list[int], set]:
    """The offsets of the month names at word starts (_MONTH_RX's matches), and the indices of the
    cue sets (_CUE_SETS) that the sentence may match with. In an ASCII text both are found in the
    blanked copy (see _BLANKED_OPENING_RX), the cues where they open a word (see _CUES): the search
    tries only at its spaces, and the copy's offset of the " " is the text's offset of the word.
    Else the cues anywhere (`in`)."""
    if not folded.isascii():
        cues = {c for c in _CUE_WORDS if c in folded}
        return ([m.start() for m in _MONTH_RX.finditer(folded)],
                {i for i, cue_set in enumerate(_CUE_SETS) if not cues.isdisjoint(cue_set)})
    months, sets = [], set()
    for m in _BLANKED_OPENING_RX.finditer((b" " + folded.encode()).translate(BLANK_NON_WORD_BYTES)):
        month, cue_sets = _OPENING_FINDS[m.group(1)]
        if month:
            months.append(m.start())
        sets |= cue_sets
    return months, sets


YEAR_RX = re.compile(_Y)


def _year_before(folded: str, pos: int) -> int | None:
    years = YEAR_RX.findall(folded, 0, pos)
    return int(years[-1]) if years else None


def _resolve(kind, m, published, year_here, context_year, anaphor_year=None) -> str | None:
    g = m.groupdict()
    month = MONTHS.get(g.get("m") or "")
    day = int(g["d"]) if g.get("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if g.get("y"):
        y = int(g["y"])
        if kind in ("mdy", "dmy"):
            return f"{y:04d}-{month:02d}-{day:02d}"
        if kind == "my":
            return f"{y:04d}-{month:02d}"
        return f"{y:04d}"
    if kind == "m_rel_year":
        if published is None:
            return None
        return _month_day(month, day, published.year - (1 if g.get("last") else 0), published)
    if kind == "m_deictic":
        if published is None:
            return None
        before = (month, day or 1) < (published.month, published.day if day else 1)  # "last": the latest one before
        return _month_day(month, day, published.year - (1 if g.get("last") and not before else 0), published)
    anchor = year_here or (anaphor_year if kind in ("m_that_year", "that_year") else context_year)
    if kind in ("md", "dm", "m", "m_that_year"):
        return _month_day(month, None if kind == "m" else day, anchor, published)
    if kind == "following_m":
        if anchor is None:
            return None if published is None else f"{published.year:04d}-{month:02d}"
        return f"{anchor + 1:04d}-{month:02d}"
    return _relative(kind, m, published, anchor)


def _month_day(month: int, day: int | None, anchor: int | None, published: date | None) -> str | None:
    if anchor is not None:
        y = anchor
    elif published is not None:
        y = published.year
        if (month, day or 1) > (published.month, published.day):
            y -= 1
    else:
        return None
    return f"{y:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _relative(kind: str, m, published: date | None, anchor: int | None) -> str | None:
    if kind in ("that_year",):
        return f"{anchor:04d}" if anchor else None
    if kind == "following_year":
        return f"{anchor + 1:04d}" if anchor else None
    if published is None:
        return None
    p = published
    if kind == "last_week":
        return (p - timedelta(days=7)).strftime("%Y-%m")
    if kind == "this_month":
        return p.strftime("%Y-%m")
    if kind == "last_month":
        return (p.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    if kind in ("this_year", "this_season"):
        return f"{p.year:04d}"
    if kind in ("last_year", "last_season"):
        return f"{p.year - 1:04d}"
    if kind == "yesterday":
        return (p - timedelta(days=1)).isoformat()
    if kind == "today":
        return p.isoformat()
    if kind == "days_ago":
        n = m.group("n")
        return (p - timedelta(days=int(n) if n.isdigit() else NUMBER_WORDS[n])).isoformat()
    if kind == "weekday":
        back = (p.weekday() - WEEKDAYS[m.group("wd")]) % 7 or 7
        return (p - timedelta(days=back)).isoformat()
    if kind == "weekend":
        return (p - timedelta(days=(p.weekday() - 5) % 7)).isoformat()  # its Saturday (published on a Sunday: the day before)
    return None


def at_precision(value: str | None, gold: str | None) -> str | None:
    """`value` cut to the precision of `gold` (for scoring)."""
    if value is None or gold is None:
        return value
    return value[: len(gold)]


# ---- lapses: a date told relative to the previous event ("Two days later", "le lendemain") ----
@dataclass(frozen=True, slots=True)
class Lapse:
    """A time relative to the event told before: `sign` +1 after it, -1 before it; `n` units
    (None: vague, "days later", "quelques jours plus tot"); `unit`: hour, day, week, month, year."""
    sign: int
    n: int | None
    unit: str


_UNITS = {"hour": "hour", "heure": "hour", "day": "day", "jour": "day", "journee": "day", "week": "week",
          "semaine": "week", "month": "month", "mois": "month", "year": "year", "an": "year", "annee": "year"}
_VAGUE = r"(?:a\s+few|few|several|some|quelques|plusieurs)"
_COUNTS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 10}  # "a", "three", "trois"
_COUNT = r"(?:\d{1,2}|" + "|".join(_COUNTS) + ")"
_UNIT = r"(?P<u>hours?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans|annees?)"
_LAPSE_RX = re.compile(
    r"(?:(?:but|and|then|yet|mais|et|puis|alors)\s*,?\s+){0,2}(?:"
    r"(?:(?P<vague>" + _VAGUE + r")\s+|(?P<n>" + _COUNT + r")\s+)?" + _UNIT +
    r"\s+(?P<d>later|afterwards|earlier|plus\s+tard|plus\s+tot|auparavant|(?:after|before|apres|avant)(?=\s*,))"
    r"|the\s+(?P<d2>next|following|previous|preceding)\s+(?P<u2>day|morning|night|evening|afternoon|week|month)"
    r"|(?P<fr>le\s+lendemain|la\s+veille|le\s+surlendemain|l'avant\s+veille)(?!\s+(?:de|du|des|d')\b)"
    r"|(?:la\s+|le\s+|l')(?P<u3>semaine|mois|jour|annee)\s+(?P<d3>suivante?|d'apres|precedente?|d'avant)"
    r")(?=\s*[,;:]|\s+[a-z])")
_AFTER = ("later", "afterwards", "plus tard", "apres", "after", "next", "following", "suivant", "suivante", "d'apres")
_FR_DAYS = {"le lendemain": 1, "la veille": -1, "le surlendemain": 2, "l'avant veille": -2}


def find_lapse(folded: str) -> Lapse | None:
    """The lapse that opens a sentence (folded): "Two days later, ...", "Days later they ...",
    "The next day ...", "Quelques heures plus tot, ...", "Le lendemain, ..."; else None (a lapse
    inside the sentence may be another event's: "his body was found four days later")."""
    if not any(map(folded.__contains__, _LAPSE_CUES)):
        return None  # (the cheap test: no word that a lapse needs)
    m = _LAPSE_RX.match(folded.lstrip(" \t\n\"'\u00ab"))
    if m is None:
        return None
    g = m.groupdict()
    if g["fr"]:
        days = _FR_DAYS[re.sub(r"\s+", " ", g["fr"])]
        return Lapse(1 if days > 0 else -1, abs(days), "day")
    if g["d2"]:
        unit = "week" if g["u2"] == "week" else "month" if g["u2"] == "month" else "day"
        return Lapse(1 if g["d2"] in _AFTER else -1, 1, unit)
    if g["d3"]:
        return Lapse(1 if g["d3"] in _AFTER else -1, 1, _UNITS[g["u3"]])
    raw = g["u"]
    unit = _UNITS.get(raw) or _UNITS.get(raw[:-1]) or "year"  # "days", "ans"
    sign = 1 if re.sub(r"\s+", " ", g["d"]) in _AFTER else -1
    if g["n"]:
        n = int(g["n"]) if g["n"].isdigit() else _COUNTS[g["n"]]
        return Lapse(sign, n, unit)
    return Lapse(sign, None, unit)  # "days later", "quelques jours plus tot"


_LAPSE_CUES = ("later", "earlier", "next", "following", "previous", "preceding", "after", "before", "plus t", "auparavant",
               "lendemain", "veille", "suivant", "precedent", "d'apres", "d'avant", "apres", "avant")


def shift(value: str | None, lapse: Lapse) -> str | None:
    """`value` (YYYY, YYYY-MM or YYYY-MM-DD) moved by `lapse`, no more precise than the lapse allows:
    an exact number of days keeps a day (hours: the same day); weeks and vague days give the
    month; months the month; years the year. None where nothing can be said ("years later")."""
    if not value:
        return None
    parts = [int(x) for x in value.split("-")]
    n, unit = lapse.n, lapse.unit
    if unit == "hour":
        return value
    if unit in ("day", "week"):
        if n is None:
            return value[:7]
        if len(parts) < 3:
            return value  # "two days later" than "in May 2014": May 2014
        day = date(*parts) + timedelta(days=lapse.sign * n * (7 if unit == "week" else 1))
        return day.isoformat() if unit == "day" else day.isoformat()[:7]
    if unit == "month":
        if n is None:
            return value[:4]
        if len(parts) < 2:
            return value
        y, mo = divmod(parts[0] * 12 + parts[1] - 1 + lapse.sign * n, 12)
        return f"{y:04d}-{mo + 1:02d}"
    return None if n is None else f"{parts[0] + lapse.sign * n:04d}"


# ---- asides: a year told about something else than the sentence's own time ----
# A year inside a parenthesis, a relative clause (", que le MNLA avait formee en 2014", ", which was founded
# in 2012"), or a participle apposition (", une coalition formee en 2014", ", founded in 2011") dates the thing
# it describes, not the time the sentence tells of: the next sentence does not take it as its year.
_RELATIVE_OPEN = re.compile(r",\s*(?:que|qu'|qui|dont|ou|lequel|laquelle|lesquels|lesquelles|which|who|whom|whose|where)\b")
_PARTICIPLE_BEFORE = re.compile(r",\s*(?:(?:un|une|le|la|les|a|an|the)\s+[a-z]+\s+)?[a-z]+(?:ee?s?|ed|u|ue)\s+(?:en|in)\s+$")


def in_aside(sentence: str, pos: int) -> bool:
    """Whether offset `pos` of `sentence` (folded) lies in a parenthesis, a relative clause (up to the
    next comma that closes it - not one of a list -, or the sentence end) or a participle apposition that opens right before it."""
    head = sentence[:pos]
    if head.count("(") > head.count(")"):
        return True
    if _PARTICIPLE_BEFORE.search(head, max(0, pos - 40)) is not None:
        return True
    rel = None
    for rel in _RELATIVE_OPEN.finditer(head):
        pass
    return rel is not None and _CLAUSE_COMMA.search(head, rel.end()) is None


# a comma that closes a relative clause: not one that lists names ("que le MNLA, le HCUA et ...")
_CLAUSE_COMMA = re.compile(r",(?!\s*(?:le|la|les|l'|the|a|an|et|and|de|des|du|of)\b)")
