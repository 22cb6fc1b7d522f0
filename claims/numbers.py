"""Numbers and casualty figures (killed, wounded, kidnapped) in folded text.

Digits ("11", "1,200") and English / French number words ("thirty-three" — folded to
"thirty three" —, "twenty-six", "vingt-six", "a dozen") are read; quantifiers
("at least", "more than", "some", "au moins", "plus de") give the stated bound.
A singular victim after a killing or kidnapping verb ("beheaded French citizen X") counts 1.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from claims.scan import BLANK_NON_WORD_BYTES, finditer_at

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}
NUMBER_WORDS = _UNITS  # the number words (English, French) and their values: the one table of claims.dates, attack_anchors
_SCALES = {"hundred": 100, "thousand": 1000, "cent": 100, "cents": 100, "mille": 1000, "dozen": 12,
           "dizaine": 10, "douzaine": 12, "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "centaine": 100}
# ("dozens", "des dizaines", "hundreds" state no figure: left out)
_NUMWORD = "|".join(sorted([w for w in (*_UNITS, *_SCALES) if w not in ("a", "an", "un", "une")], key=len, reverse=True))
NUM = rf"(?:\d{{1,3}}(?:(?:,|\s|\.)\d{{3}})+(?![\d,.]\d)|\d+|(?:{_NUMWORD})(?:\s+(?:and\s+|et\s+)?(?:{_NUMWORD}))*)"
_QUANT = r"(?:(?:a(?=\s+(?:dozen|hundred|thousand)\b)|at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|a\s+total\s+of|au\s+moins|plus\s+de|pres\s+de|environ|quelque|(?:plus\s+|pres\s+)?d'une|une)\s+)?"
_GAP = r"(?:[^\W\d][\w']*\s+){0,5}?"
# no other figure nor another casualty verb between a figure and its verb ("71 soldiers were killed and twelve
# wounded": twelve wounded, not 71): a match whose gap holds one is passed over
_GAP_STOP = re.compile(rf"\b(?:{_NUMWORD}|killed|dead|died|wounded|injured|hurt|kidnapped|abducted|tues|tuees|morts?|blesses|enleves)\b")
_PASSIVE_AUX = (r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|being|got|ont\s+ete|a\s+ete|sont|"
                r"auraient\s+ete|aurait\s+ete|avaient\s+ete|avait\s+ete)\s+)?(?:also\s+|reportedly\s+)?")

_KILL_V = (r"(?:killing|killed|kills|kill|massacring|massacred|murdering|murdered|slaughtering|slaughtered|executing|executed|beheading|beheaded|shot\s+dead|"
           r"gunned\s+down|tuant|tue|tues|abattu|abattus|executant|execute|executes|decapitant|decapite|egorgeant|egorge|"
           r"assassinant|assassine)")
_WOUND_V = r"(?:injuring|injured|injures|wounding|wounded|wounds|blessant|blesse|blesses)"
_KIDNAP_V = r"(?:kidnapping|kidnapped|kidnaps|abducting|abducted|abducts|seizing|seized|hijacked|hijacking|took|taking|enlevant|enleve|enleves|kidnappe|kidnappes)"
_KILL_N = r"(?:killing|killings|massacre|murder|murders|execution|executions|assassinat|meurtre)"  # the act, named
# a day between the verb and its figure: "ont tue dimanche 12 soldats", "ont enleve samedi soir 20 femmes"
_DAY_BETWEEN = (r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|overnight)(?:\s+(?:soir|matin|apres\s+midi))?\s+)?")
_KIDNAP_N = r"(?:kidnapping|kidnappings|abduction|abductions|enlevement|enlevements|rapt)"
_NOT_UNIT = r"(?!\s+(?:years?|days?|months?|weeks?|miles?|km|percent|%|ans|jours|mois|semaines))"
_VICTIM_SG = (r"(?:citizen|national|hostage|tourist|soldier|policeman|police\s+officer|officer|gendarme|man|woman|"
              r"journalist|worker|engineer|priest|missionary|teacher|frenchman|guide|driver|diplomat|official|"
              r"employee|guard|villager|farmer|herder|shepherd|ranger|civilian|student|nurse|doctor|imam|trader|"
              r"ressortissant|otage|touriste|soldat|policier|journaliste|humanitaire|employe|gardien|villageois|berger|"
              r"enseignant|infirmier|commercant|civil|militaire|homme|femme|enfant)")
# a figure, or one victim told with an article: "a civilian", "un gendarme" (an article alone is no figure)
_FIG = rf"(?:{NUM}|(?:a|an|un|une)(?=\s+(?:[\w']+\s+){{0,3}}?{_VICTIM_SG}\b(?!s)))"

# an aside between the victims and their verb: "14 people, including a soldier, were killed", "eight people, among them
# five rangers, a soldier and a guide, were killed", "nine soldiers, four of them Americans, were killed"
_ASIDE = (r"(?:[^\W\d][\w']*,\s*(?:(?:dont|including|among\s+them|parmi\s+lesquels|parmi\s+eux)\s+[^;.]{1,80}?|"
          r"(?:\d+|[a-z]+)\s+(?:of\s+them|d'entre\s+eux)\s+[^,;.]{1,60}?),\s*)?")
_NOT_ACTIVE = r"(?<!had\s)(?<!has\s)(?<!have\s)"  # "a few dozen of its fighters had killed": the attackers, not victims
# "put the number of dead at 19 and the wounded at 40", "le nombre de morts a 40"
_PUT_AT = r"(?:(?<=the\s)|(?<=les\s)|(?<=of\s)|(?<=de\s))"  # opens on the slot word (a rare word, not "the")
_NOT_LAPSE = r"(?!\s+(?:years?|days?|months?|weeks?|hours?|ans|annees?|jours?|mois|semaines?|heures?)\b)"  # "two days later ... killed"
_NOT_HOUR = r"\b(?!\s*(?:a\.?\s?m\b|p\.?\s?m\b|h\b|heures?\b|o'clock|hours?\b))"
# "were massacred", "ont ete assassinees": the victims' verbs beside "killed"
_MASSACRED = r"massacred|murdered|slaughtered|massacres|massacrees|assassines|assassinees|egorges|egorgees"
# "lost their lives", "y ont perdu la vie": with its auxiliary (after an aside, no gap word takes it)
_LOST_LIVES = r"(?:(?:have|had)\s+)?lost\s+their\s+lives|(?:(?:y\s+)?(?:ont|avaient|a|avait|auraient|aurait)\s+)?perdu\s+la\s+vie"
# The last words of the casualty rules (the figure's verb, "and" between two figures, "other"): a rule is
# tried only where they follow (see _NEEDS).
_DIED = rf"killed|dead|died|perished|tues|tuees|morts|mort|peri|{_MASSACRED}"
_HURT = r"injured|wounded|hurt|blesses"
_TAKEN = r"kidnapped|abducted|taken\s+hostage|enleves|kidnappes"
_AND = r"and|et"
_OTHERS = r"other|others|autres"
_DIED_TOO = rf"{_DIED}|gunned\s+down|abattus|abattues|{_LOST_LIVES}"  # (after a lone figure)
_SUM_GAP = r"(?:(?!(?:morts?|dead|killed|died|tues|tuees|blesses|wounded|injured|hurt|kidnapped|abducted|enleves)\b)[^\W\d][\w']*\s+){0,5}?"
_SUM = rf"\b{_QUANT}(?P<n>{_FIG})\s+{_SUM_GAP}(?:{_AND})\s+{_QUANT}(?P<n2>{_FIG})\s+{_GAP}{_PASSIVE_AUX}"  # "four US and four Nigerien soldiers were killed"
# after the verb: "killing 21 visitors and a police officer", "tuant dix soldats et un gendarme"; not "... and
# one of them", "... and two days later", nor a second clause ("killed 12 soldiers and 3 others were wounded")
_FINITE_AUX = r"were|was|are|is|have|has|had|ont|sont|a|avaient|avait"  # a clause's own verb (each tested as a whole word)
_SUM_AFTER = (rf"\s+{_DAY_BETWEEN}{_QUANT}(?P<n>{_FIG})\s+{_SUM_GAP}(?:{_AND})\s+{_QUANT}(?P<n2>{_FIG})\b(?!\s+(?:of|d'|de|des)\b){_NOT_UNIT}"
              rf"(?!(?:\s+[\w']+){{0,4}}?\s+(?:{_FINITE_AUX})\b)")
# a casualty verb right before a figure: the figure is its object ("killing 12 soldiers ...")
_CASUALTY_V = rf"(?:{_KILL_V}|{_WOUND_V}|{_KIDNAP_V})"
_OBJECT_OF_VERB = re.compile(rf"\b{_CASUALTY_V}\s+{_DAY_BETWEEN}(?:other\s+|another\s+)?$")
# one victim named, and "N others" of the same kind: N + 1 ("killing Ambassador X and three other Americans",
# "le maire et trois autres civils ont ete tues"); a head with a figure is a sum (_SUM), one with a verb a clause
_HEAD_WORD = rf"(?!(?:and|et|{_FINITE_AUX}|{_NUMWORD})\b)[^\W\d][\w'.-]*\s+"
_HEAD_AND_OTHERS = rf"(?:{_HEAD_WORD}){{1,6}}?(?:{_AND})\s+{_QUANT}(?P<n>{NUM})\s+(?:{_OTHERS})\b"
_OTHERS_AFTER = re.compile(rf"\s+(?:{_OTHERS})\b")
_HEAD_BEFORE = re.compile(rf"(?:^|[,;:(]\s*|\b{_CASUALTY_V}\s+)(?:{_HEAD_WORD}){{1,6}}(?:and|et)\s+{_QUANT}$")
_RULES = {
    "killed": [
        re.compile(rf"{_PUT_AT}(?:dead|deaths|fatalities|morts|tues)\s+(?:at|to|a)\s+{_QUANT}(?P<n>{NUM}){_NOT_HOUR}"),
        re.compile(rf"{_SUM}(?:{_DIED})\b"),
        re.compile(rf"\b{_KILL_V}{_SUM_AFTER}"),
        re.compile(rf"\b{_KILL_V}\s+{_HEAD_AND_OTHERS}"),
        re.compile(rf"\b{_KILL_V}\s+{_DAY_BETWEEN}(?:other\s+|another\s+)?{_QUANT}(?P<n>{NUM})\b{_NOT_UNIT}"),
        re.compile(rf"\b{_QUANT}(?P<n>{_FIG}){_NOT_LAPSE}\s+(?P<gap>{_GAP}){_ASIDE}{_PASSIVE_AUX}{_NOT_ACTIVE}(?:{_DIED_TOO})\b"),
        re.compile(rf"\b(?:deaths?|mort|morts)\s+(?:of\s+|de\s+)?{_QUANT}(?P<n>{NUM})\b"),
        re.compile(rf"\b(?:death\s+toll|toll|bilan)\s+(?:\w+\s+){{0,3}}?(?:of\s+|to\s+|at\s+|de\s+)?{_QUANT}(?P<n>{NUM})\b"),
        # "the death toll from Sunday's attack in Djibo rose to 12", "le bilan ... s'est alourdi a 12"
        re.compile(rf"\b(?:toll|bilan)\s+(?:[\w']+\s+){{0,8}}?(?:rose|has\s+risen|had\s+risen|climbed|increased|reached|stood|stands|"
                   rf"s'est\s+alourdi|s'eleve|atteint)\s+(?:to\s+|at\s+|a\s+)?{_QUANT}(?P<n>{NUM})\b{_NOT_UNIT}"),
        # "cost the lives of 12 herders", "a coute la vie a 12 bergers"
        re.compile(rf"\b(?:cost|costing|claimed|claiming|coute|coutant)\s+(?:the\s+lives\s+of|la\s+vie\s+a)\s+{_QUANT}(?P<n>{NUM})\b"),
        # "the killing of eight people", "le massacre de 30 villageois" (last: a figure told with a verb wins)
        re.compile(rf"\b{_KILL_N}\s+(?:of|de|d')\s*{_QUANT}(?P<n>{NUM})\b{_NOT_UNIT}"),
    ],
    "wounded": [
        re.compile(rf"{_PUT_AT}(?:wounded|injured|blesses)\s+(?:at|to|a)\s+{_QUANT}(?P<n>{NUM}){_NOT_HOUR}"),
        re.compile(rf"{_SUM}(?:{_HURT})\b"),
        re.compile(rf"\b{_WOUND_V}{_SUM_AFTER}"),
        re.compile(rf"\b{_WOUND_V}\s+{_DAY_BETWEEN}(?:other\s+|another\s+)?{_QUANT}(?P<n>{NUM})\b"),
        re.compile(rf"\b{_QUANT}(?P<n>{_FIG}){_NOT_LAPSE}\s+(?P<gap>{_GAP}){_PASSIVE_AUX}{_NOT_ACTIVE}(?:{_HURT})\b"),
    ],
    "kidnapped": [
        re.compile(rf"{_SUM}(?:{_TAKEN})\b"),
        re.compile(rf"\b{_KIDNAP_V}{_SUM_AFTER}"),
        re.compile(rf"\b{_KIDNAP_V}\s+{_DAY_BETWEEN}(?:other\s+|another\s+)?{_QUANT}(?P<n>{NUM})\b{_NOT_UNIT}"),
        re.compile(rf"\b{_QUANT}(?P<n>{_FIG}){_NOT_LAPSE}\s+(?P<gap>{_GAP}){_PASSIVE_AUX}(?:{_TAKEN})\b"),
        re.compile(rf"\b{_KIDNAP_N}\s+(?:of|de|d')\s*{_QUANT}(?P<n>{NUM})\b{_NOT_UNIT}"),  # "the abduction of 12 workers"
    ],
}
_KILLED_FR = r"(?:tue|tuee|execute|executee|decapite|decapitee|assassine|assassinee|egorge|egorgee|abattu|abattue)"  # "l'ont decapite"
# the hostage of a kidnapping told in the same clause, killed: "abducted a guide near X and beheaded him",
# "ont enleve un commercant avant de l'executer", "... et l'ont egorge"
_HOSTAGE_KILLED = re.compile(rf"\b(?:{_KILL_V}|shot\s+dead)\s+(?:him|her)\b"
                             rf"|\b(?:l'|le\s+|la\s+)(?:ont|a|avaient|avait|aurait|auraient)\s+(?:ensuite\s+|finalement\s+)?{_KILLED_FR}\b"
                             rf"|\bavant\s+de\s+(?:le|la|l')\s*(?:tuer|executer|decapiter|egorger|assassiner|abattre)\b")
_SG_DET = r"(?:a\s+|an\s+|the\s+|un\s+|une\s+|le\s+|la\s+|l')?"
_SG_AUX = r"\b(?:was|has\s+been|had\s+been|is\s+reported\s+to\s+have\s+been|a\s+ete|avait\s+ete|aurait\s+ete|etait|fut)\s+(?:\w+ly\s+)?"
_SINGULAR = {  # one victim: "beheaded French citizen X", "kidnapped the French guide X", "a soldier was killed"
    "killed": re.compile(rf"\b(?:{_KILL_V}|shot\s+dead|assassinated)\s+(?:(?:and|et|puis)\s+\w+\s+)?{_SG_DET}(?:[\w']+\s+){{0,3}}?{_VICTIM_SG}\b(?!s)"
                         rf"|{_SG_AUX}(?:killed|shot\s+dead|gunned\s+down|abattue?|beheaded|executed|assassinated|murdered|tue|tuee|assassine|assassinee|decapite|decapitee|execute|executee)\b"),
    "kidnapped": re.compile(rf"\b{_KIDNAP_V}\s+(?:(?:and|et|puis)\s+\w+\s+)?{_SG_DET}(?:[\w']+\s+){{0,3}}?{_VICTIM_SG}\b(?!s)"
                            rf"|{_SG_AUX}(?:kidnapped|abducted|taken\s+hostage|enleve|enlevee|kidnappe|kidnappee|pris\s+en\s+otage|prise\s+en\s+otage)\b"),
}


def _words_of(alternation: str) -> frozenset:
    return frozenset(re.findall(r"[a-z]+", alternation))  # "(?:killing|killed|...)": its words


def _last_words(alternation: str) -> frozenset:
    """The last word of each form of an alternation ("killed|gunned\\s+down": killed, down); each form
    must end on a word that stands alone or follows \\s+."""
    forms, depth, start = [], 0, 0
    for i, c in enumerate(alternation):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            forms.append(alternation[start:i])
            start = i + 1
    forms.append(alternation[start:])
    last = [re.search(r"(?:^|\\s\+)([a-z]+)$", form) for form in forms]
    if not all(last):
        raise ValueError(f"a form that does not end on a word: {alternation}")
    return frozenset(m[1] for m in last)


# The words a match of each rule may open with, and whether a word that opens with a digit may
# too (every rule opens on \b and a word): a rule is tried at these words only (claims.scan.
# finditer_at), not at every offset of the clause.
_NUMBER = (frozenset({*_UNITS, *_SCALES, "at", "more", "over", "some", "about", "around", "nearly", "almost", "up", "as",
                      "au", "plus", "pres", "environ", "quelque", "d", "une"}), True)  # a number, or the first word of a _QUANT
_SG_AUX_FIRST = frozenset({"was", "has", "had", "is", "a", "avait", "aurait", "etait", "fut"})
_PUT_AT_FIRST = {"killed": (frozenset({"dead", "deaths", "fatalities", "morts", "tues"}), False),
                 "wounded": (frozenset({"wounded", "injured", "blesses"}), False)}
_KILL_W, _WOUND_W, _KIDNAP_W = _words_of(_KILL_V), _words_of(_WOUND_V), _words_of(_KIDNAP_V)  # the rules that open on a verb
_OPENERS = {
    "killed": [_PUT_AT_FIRST["killed"], _NUMBER, (_KILL_W, False), (_KILL_W, False), (_KILL_W, False), _NUMBER,
               (frozenset({"death", "deaths", "mort", "morts"}), False),
               (frozenset({"death", "toll", "bilan"}), False),
               (frozenset({"toll", "bilan"}), False),
               (frozenset({"cost", "costing", "claimed", "claiming", "coute", "coutant"}), False), (_words_of(_KILL_N), False)],
    "wounded": [_PUT_AT_FIRST["wounded"], _NUMBER, (_WOUND_W, False), (_WOUND_W, False), _NUMBER],
    "kidnapped": [_NUMBER, (_KIDNAP_W, False), (_KIDNAP_W, False), _NUMBER, (_words_of(_KIDNAP_N), False)],
}
# The words that a match of each rule holds after the word it opens with, in this order: "and" between two
# figures, "other" after the second, the last word of each form of the figure's verb. Each is a whole word
# (a run of \w as _openings finds them): \s+ comes before it in the rule (before a verb form of one word:
# \s+ or ",\s*") and \b or \s+ after it. A rule is tried only at the openers that they can follow (see
# _before_needs).
_AND_W, _OTHERS_W = (_last_words(_AND), False), (_last_words(_OTHERS), False)
_DIED_W, _DIED_TOO_W = (_last_words(_DIED), False), (_last_words(_DIED_TOO), False)
_HURT_W, _TAKEN_W = (_last_words(_HURT), False), (_last_words(_TAKEN), False)
_NEEDS = {
    "killed": [(), (_AND_W, _DIED_W), (_AND_W,), (_AND_W, _OTHERS_W), (), (_DIED_TOO_W,), (), (), (), (), ()],
    "wounded": [(), (_AND_W, _HURT_W), (_AND_W,), (), (_HURT_W,)],
    "kidnapped": [(_AND_W, _TAKEN_W), (_AND_W,), (), (_TAKEN_W,), ()],
}
_SINGULAR_OPENERS = {"killed": (_KILL_W | {"shot", "assassinated"} | _SG_AUX_FIRST, False),
                     "kidnapped": (_KIDNAP_W | _SG_AUX_FIRST, False)}
_WORD = re.compile(r"\w+")
# The distinct opener entries, and for each word the entries that hold it: one pass over a clause
# gives the offsets of every entry's words (see _openings).
_ENTRIES = list(dict.fromkeys([*(o for rules in _OPENERS.values() for o in rules), *_SINGULAR_OPENERS.values(),
                                *(o for rules in _NEEDS.values() for needs in rules for o in needs)]))
_ENTRY = {o: i for i, o in enumerate(_ENTRIES)}
_HELD_BY = {w: tuple(i for i, (ws, _) in enumerate(_ENTRIES) if w in ws) for ws, _ in _ENTRIES for w in ws}
_DIGIT_ENTRIES = tuple(i for i, (_, digits) in enumerate(_ENTRIES) if digits)

# Word stems one of which every rule of a slot needs (a superset: the gate only skips work).
# Per slot, each rule with what casualties() needs of it: (pattern, opener entry, the entries of the words it
# holds after its opener, its figure told before its verb, a gap to check, a sum of two figures).
_PLAN = {slot: tuple((rx, _ENTRY[opens], tuple(_ENTRY[o] for o in needs), opens is _NUMBER, "gap" in rx.groupindex,
                      "n2" in rx.groupindex)
                     for rx, opens, needs in zip(rules, _OPENERS[slot], _NEEDS[slot], strict=True))
         for slot, rules in _RULES.items()}
_GATES = {
    "killed": ("kill", "massacr", "murder", "slaughter", "egorg", "execut", "behead", "tuant", "tue", "abattu", "dead", "died", "death", "mort",
               "toll", "bilan", "shot", "assassin", "decapit", "lives", "la vie", "peri", "gunned", "assassinat", "meurtre",
               "fatalit"),
    "wounded": ("injur", "wound", "bless", "hurt"),
    "kidnapped": ("kidnap", "abduct", "seiz", "hijack", "took", "taking", "enlev", "hostage", "otage", "rapt"),
}


_NUMBER_WORD_SET = frozenset((*_UNITS, *_SCALES))


def may_be_number(word: str) -> bool:
    """Can parse_number read `word` (one word: no blank in it) as a figure? False tells that it
    returns None: such a word is read as a figure only if it opens with a digit or is a number
    or scale word (a cheap test before parse_number, which callers ask of many plain words)."""
    return word[:1].isdigit() or word in _NUMBER_WORD_SET


def parse_number(text: str) -> int | None:
    """Integer value of digits or number words ("thirty three", "1,200", "vingt six")."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            return int(text.replace(",", "").replace(".", "").replace(" ", ""))  # 1,200 / 2 000 / 2.000
        except ValueError:
            return None
    total, current = 0, 0
    for word in text.split():
        if word in ("and", "et"):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    return value if value or text.startswith("zero") else None


def _is_year(n: int, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= n <= 2100


def casualties(folded: str) -> dict[str, int | None]:
    """killed / wounded / kidnapped figures stated in a (folded) clause."""
    out: dict[str, int | None] = {"killed": None, "wounded": None, "kidnapped": None}
    # None of a slot's words: no rule of the slot can match (a cheap literal test).
    gate = {slot: any(map(folded.__contains__, stems)) for slot, stems in _GATES.items()}
    starts: dict[int, list[int]] | None = None  # the offsets of each opener entry's words, found when first needed
    for slot, rules in _RULES.items():
        if not gate[slot]:
            continue
        if starts is None:
            starts = _openings(folded)
        summed = None  # (offset, figure) of the first sum ("four US and four Nigerien soldiers died"): an earlier plain figure wins
        for rx, opener, needs, subject, gapped, paired in _PLAN[slot]:
            at = starts.get(opener)
            if at is not None and needs:
                at = _before_needs(at, needs, starts)
            if not at:
                continue  # (no word the rule may open with, or none that the words it needs follow: no match)
            hit = _first_figure(rx, folded, at, subject, gapped, paired)
            if paired:
                if hit is not None and (summed is None or hit[0] < summed[0]):
                    summed = hit
            elif hit is not None and (summed is None or hit[0] < summed[0]):
                out[slot] = hit[1]
                break
        if out[slot] is None and summed is not None:
            out[slot] = summed[1]
    for slot, rx in _SINGULAR.items():
        if out[slot] is None and gate[slot]:
            if starts is None:
                starts = _openings(folded)
            if next(finditer_at(rx, folded, starts.get(_ENTRY[_SINGULAR_OPENERS[slot]], ())), None) is not None:
                out[slot] = 1
    if out["killed"] is None and out["kidnapped"] is not None and _HOSTAGE_KILLED.search(folded):
        out["killed"] = 1
    return out


def _first_figure(rx: re.Pattern, folded: str, starts: list[int], subject: bool, gapped: bool,
                  paired: bool) -> tuple[int, int] | None:
    """(offset, figure) of the first match of a casualty rule that reads as a figure (no year), else None;
    `subject`: the rule's figure comes before its verb, so a figure that is the object of a casualty verb
    ("killing 12 soldiers and a civilian was wounded": not 12 wounded) is passed over; `gapped`: a match
    whose gap holds another figure or casualty verb is passed over (and the openers inside it tried);
    `paired`: the rule sums two figures ("n", "n2")."""
    for m in finditer_at(rx, folded, starts):
        if (subject and _OBJECT_OF_VERB.search(folded, max(0, m.start() - 40), m.start())
                or gapped and _GAP_STOP.search(folded, m.start("gap"), m.end("gap"))):
            return _first_figure(rx, folded, [p for p in starts if m.start() < p], subject, gapped, paired)
        raw = m.group("n")
        n = parse_number(raw)
        if n is None or _is_year(n, raw) or n > 100000:
            continue
        if paired:
            n2 = parse_number(m.group("n2"))
            if n2 is None or _is_year(n2, m.group("n2")):
                continue
            n += n2
        elif _OTHERS_AFTER.match(folded, m.end("n")) and _HEAD_BEFORE.search(folded, max(0, m.start("n") - 90), m.start("n")):
            n += 1  # "X and three others"
        return m.start(), n
    return None


def _before_needs(at: list[int], needs: tuple[int, ...], starts: dict[int, list[int]]) -> list[int]:
    """The offsets of `at` (a rule's openers) that the words of `needs` (entries) can follow in this order
    (see _NEEDS): those before the last offset of the first entry's words that precedes the last offset
    of the second entry's words that precedes ... (the latest place each can take; a match at an opener
    holds one word of each entry after it, in this order, so one at or after that place has none)."""
    bound = None
    for entry in reversed(needs):
        offsets = starts.get(entry)
        i = 0 if offsets is None else len(offsets) if bound is None else bisect_left(offsets, bound)
        if i == 0:
            return []
        bound = offsets[i - 1]
    return at[:bisect_left(at, bound)]


def _openings(folded: str) -> dict[int, list[int]]:
    """For each opener entry (index in _ENTRIES: words, and whether a word that opens with a digit
    counts) that the clause holds a word of, the offsets (sorted) of these words (the entries' words
    hold no digit)."""
    if folded.isascii():
        hits = _ascii_openings(folded)
    else:
        hits = [(m.start(), _DIGIT_ENTRIES if m[0][0].isdigit() else _HELD_BY.get(m[0], ())) for m in _WORD.finditer(folded)]
    out: dict[int, list[int]] = {}
    for at, entries in sorted(hits):
        for i in entries:
            if i in out:
                out[i].append(at)
            else:
                out[i] = [at]
    return out


# ASCII text with its non-word characters blanked (claims.scan's table) and each digit read as "0"
_BLANK_NON_WORD = BLANK_NON_WORD_BYTES.translate(bytes.maketrans(b"0123456789", b"0" * 10))
_HELD_BY_BYTES = {w.encode(): (entries, b" " + w.encode() + b" ") for w, entries in _HELD_BY.items()}  # (with its blanks)
_OPENER_BYTES = frozenset(_HELD_BY_BYTES)


def _ascii_openings(folded: str) -> list[tuple[int, tuple[int, ...]]]:
    """(offset, entries that hold it), unsorted, of each opener word and word that opens with a digit
    of ASCII text. The text is cut into words (runs of \\w) by bytes.translate and split; the opener
    words among them are found by one set intersection, then located by bytes.find, as are the digit
    words: a regex scan that yields each word costs several times more."""
    text = b" " + folded.encode().translate(_BLANK_NON_WORD) + b" "  # (a word's offset in `folded`: its blank's here)
    hits = []
    for word in _OPENER_BYTES.intersection(text.split()):
        entries, blanked = _HELD_BY_BYTES[word]
        at = text.find(blanked)
        while at >= 0:
            hits.append((at, entries))
            at = text.find(blanked, at + 1)  # (the next opens on a blank: this one's last, at the earliest)
    at = text.find(b" 0")
    while at >= 0:
        hits.append((at, _DIGIT_ENTRIES))
        at = text.find(b" 0", at + 2)
    return hits
