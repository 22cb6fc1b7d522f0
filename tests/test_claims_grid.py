"""A grid of plain attack reports: every template (EN and FR) with every opening date, place and
figure must give one attack with its date, place, country, toll and perpetrator. One bad
combination ("On May 3" read as a modal, "more than 30" read as a comparison, "August 9, 12
soldiers" read as a year) would fail every report written that way, on any day."""
import itertools
from datetime import date

import pytest

from claims.extract import Extractor

PUBLISHED = date(2021, 12, 1)  # a Wednesday
DATES = {
    "en": [("On May 3, 2021,", "2021-05-03"), ("On 3 May 2021,", "2021-05-03"), ("In March 2021,", "2021-03"),
           ("On Sunday,", "2021-11-28"), ("Last week,", "2021-11"), ("On August 9,", "2021-08-09"),
           ("Early on June 5,", "2021-06-05"), ("In 2019,", "2019"), ("Last year,", "2020")],
    "fr": [("Le 3 mai 2021,", "2021-05-03"), ("En mars 2021,", "2021-03"), ("Dimanche,", "2021-11-28"),
           ("Le 9 août,", "2021-08-09"), ("La semaine dernière,", "2021-11"), ("Le 1er juin 2021,", "2021-06-01"),
           ("En 2019,", "2019"), ("L'an dernier,", "2020")],
}
PLACES = [("Tillabéri", "Niger"), ("Djibo", "Burkina Faso"), ("Maiduguri", "Nigeria"), ("Ménaka", "Mali")]
FIGURES = {"en": [("12", 12), ("twelve", 12), ("at least 14", 14), ("more than 30", 30)],
           "fr": [("12", 12), ("douze", 12), ("au moins 14", 14), ("plus de 30", 30)]}
# (template, perpetrator id, the slot of the figure)
TEMPLATES = {
    "en": [
        ("{d} gunmen killed {n} soldiers in {p}.", None, "killed"),
        ("{d} {n} soldiers were killed in an attack on an army post in {p}.", None, "killed"),
        ("{d} {n} soldiers were killed near {p}.", None, "killed"),
        ("{d} JNIM fighters attacked an army post in {p}, killing {n} soldiers.", "jnim", "killed"),
        ("{d} an ambush near {p} killed {n} soldiers, and JNIM claimed responsibility.", "jnim", "killed"),
        ("{d} {n} civilians were killed by suspected jihadists in {p}.", None, "killed"),
        ("{d} AQIM kidnapped {n} aid workers in {p}.", "aqim", "kidnapped"),
        ("{d} a suicide bomber killed {n} people at a market in {p}.", None, "killed"),
        ("{d} Boko Haram fighters raided {p}, killing {n} villagers.", "boko_haram", "killed"),
        ("{d} gunmen are believed to have killed {n} villagers in {p}.", None, "killed"),
        ("{d} gunmen abducted {n} students from a school in {p}.", None, "kidnapped"),
        ("{d} {n} students were abducted from a school in {p}.", None, "kidnapped"),
        ("{d} a car bomb exploded in {p}, killing {n} people.", None, "killed"),
    ],
    "fr": [
        ("{d} des hommes armés ont tué {n} soldats à {p}.", None, "killed"),
        ("{d} {n} soldats ont été tués dans une attaque contre un poste de l'armée à {p}.", None, "killed"),
        ("{d} {n} soldats ont été tués près de {p}.", None, "killed"),
        ("{d} des combattants du JNIM ont attaqué un poste de l'armée à {p}, tuant {n} soldats.", "jnim", "killed"),
        ("{d} une embuscade tendue près de {p} a coûté la vie à {n} soldats.", None, "killed"),
        ("{d} l'EIGS a enlevé {n} humanitaires à {p}.", "isgs", "kidnapped"),
        ("{d} des jihadistes de Boko Haram ont attaqué {p}, tuant {n} villageois.", "boko_haram", "killed"),
        ("{d} des hommes armés ont enlevé {n} élèves dans une école de {p}.", None, "kidnapped"),
        ("{d} {n} élèves ont été enlevés dans une école de {p}.", None, "kidnapped"),
        ("{d} une voiture piégée a explosé à {p}, tuant {n} personnes.", None, "killed"),
    ],
}


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _cases(lang):
    for (tpl, perp, slot), (d, when), (p, country), (n, count) in itertools.product(
            TEMPLATES[lang], DATES[lang], PLACES, FIGURES[lang]):
        yield tpl.format(d=d, p=p, n=n), (when, p, country, count, perp), slot


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_report_of_the_grid_gives_its_attack(ex, lang):
    wrong = []
    for text, expected, slot in _cases(lang):
        got = [c for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        seen = [(c.date, c.place, c.country, getattr(c, slot), c.subject.id if c.subject else None) for c in got]
        if seen != [expected]:
            wrong.append(f"{text} -> {seen}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- pledges and splits: (template, type, polarity) with every date, group and group joined or left
REL_DATES = {"en": DATES["en"][:4] + [("Last year,", "2020")], "fr": DATES["fr"][:4] + [("L'an dernier,", "2020")]}
REL_GROUPS = {"en": [("Ansar Dine", "ansar_dine"), ("the Macina Liberation Front", "katiba_macina"),
                     ("Al-Mourabitoun", "al_mourabitoun")],
              "fr": [("Ansar Dine", "ansar_dine"), ("la katiba Macina", "katiba_macina"),
                     ("Al-Mourabitoune", "al_mourabitoun")]}
REL_OTHERS = {"en": [("the Islamic State", "islamic_state"), ("AQIM", "aqim")],
              "fr": [("l'État islamique", "islamic_state"), ("AQMI", "aqim")]}
REL_TEMPLATES = {
    "en": [("{d} {g} pledged allegiance to {t}.", "pledge", "asserted"),
           ("{d} {g} swore allegiance to {t}.", "pledge", "asserted"),
           ("{d} {g} reportedly pledged allegiance to {t}.", "pledge", "hedged"),
           ("{d} {g} joined {t}.", "pledge", "asserted"),
           ("{d} {g} denied that it had pledged allegiance to {t}.", "pledge", "denied"),
           ("{d} {g} split from {t}.", "split", "asserted"),
           ("{d} {g} broke away from {t}.", "split", "asserted"),
           ("{d} {g} broke ranks with {t}.", "split", "asserted")],
    "fr": [("{d} {g} a prêté allégeance à {t}.", "pledge", "asserted"),
           ("{d} {g} a fait allégeance à {t}.", "pledge", "asserted"),
           ("{d} {g} aurait prêté allégeance à {t}.", "pledge", "hedged"),
           ("{d} {g} a rejoint {t}.", "pledge", "asserted"),
           ("{d} {g} a démenti avoir prêté allégeance à {t}.", "pledge", "denied"),
           ("{d} {g} a fait scission d'avec {t}.", "split", "asserted"),
           ("{d} {g} s'est séparé de {t}.", "split", "asserted"),
           ("{d} {g} a fait sécession d'avec {t}.", "split", "asserted"),
           ("{d} {g} avait fait sécession {du_t}.", "split", "asserted"),
           ("{d} {g} et plusieurs émirs rompaient à leur tour avec {t}.", "split", "asserted"),
           ("{d} {g} a juré fidélité à {t}.", "pledge", "asserted")],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_pledge_and_split_of_the_grid(ex, lang):
    wrong = []
    for (tpl, kind, polarity), (d, when), (g, gid), (t, tid) in itertools.product(
            REL_TEMPLATES[lang], REL_DATES[lang], REL_GROUPS[lang], REL_OTHERS[lang]):
        text = tpl.format(d=d, g=g, t=t, du_t={"l'État islamique": "de l'État islamique", "AQMI": "d'AQMI"}.get(t, t))
        got = [(c.type, c.subject and c.subject.id, c.object and c.object.id, c.date, c.polarity)
               for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [(kind, gid, tid, when, polarity)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- no claim: threats, fears, refusals, the state's operations, totals, trials, talks ----------
NEG_DATES = {"en": ["on May 3, 2021", "on Sunday"], "fr": ["le 3 mai 2021", "dimanche"]}
NEG_GROUPS = {"en": ["JNIM", "the Islamic State in the Greater Sahara"], "fr": ["le JNIM", "l'EIGS"]}
NEG_TEMPLATES = {
    "en": ["{G} threatened to attack {p}, officials said {d}.",
           "{G} could attack {p} soon, officials warned {d}.",
           "The army killed 12 jihadists near {p} {d}.",
           "A French air strike killed 12 fighters of {g} near {p} {d}.",
           "Since 2015, more than 300 soldiers have been killed in attacks around {p}, officials said {d}.",
           "{G} refused to pledge allegiance to al-Qaeda, its leader said {d}.",
           "Officials fear that {g} may join the Islamic State, a report said {d}.",
           "The leader of {g} was killed by French troops near {p} {d}.",
           "A court in {p} sentenced two members of {g} to death {d}.",
           "Residents of {p} fear another attack by {g}, they said {d}.",
           "Hundreds gathered in {p} {d} to mark the anniversary of the attack by {g} on a hotel, which killed 20 people.",
           "{G} seized weapons and vehicles in {p} {d}, officials said.",
           "The junta that seized power in {p} in 2020 said {d} that it would hold elections.",
           "The leader of {g} was killed with eight of his men in a special forces operation near {p} {d}."],
    "fr": ["{G} a menacé d'attaquer {p}, selon des responsables, {d}.",
           "{G} pourrait attaquer {p}, ont averti des responsables {d}.",
           "L'armée a tué 12 jihadistes près de {p} {d}.",
           "Une frappe aérienne française a tué 12 combattants près de {p} {d}.",
           "Depuis 2015, plus de 300 soldats ont été tués dans des attaques autour de {p}.",
           "{G} a refusé de prêter allégeance à Al-Qaïda, a déclaré son chef {d}.",
           "Le chef de {g} a été tué par des soldats français près de {p} {d}.",
           "Les habitants de {p} craignent une nouvelle attaque de {g}, ont-ils dit {d}.",
           "{d}, {p} a rendu hommage aux victimes de l'attaque de {g} contre un hôtel, qui avait fait 20 morts.",
           "Le chef de {g} a été tué avec huit de ses hommes lors d'une opération des forces spéciales près de {p} {d}."],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_claim_in_the_grid_of_non_events(ex, lang):
    wrong = []
    for tpl, d, p, g in itertools.product(NEG_TEMPLATES[lang], NEG_DATES[lang], [p for p, _ in PLACES[:2]], NEG_GROUPS[lang]):
        text = tpl.format(d=d, p=p, g=g, G=g[0].upper() + g[1:])
        got = ex.extract(text, published=PUBLISHED, lang=lang)
        if got:
            wrong.append(f"{text} -> {[c.type for c in got]}")
    assert not wrong, f"{len(wrong)} non-events read as claims, e.g.:\n" + "\n".join(wrong[:10])


# ---- mergers, lists of groups, pronouns, a pledge to a leader, a second verb of the same subject ----
SENTENCE_DATES = {"en": [("On March 2, 2017,", "2017-03-02"), ("In March 2017,", "2017-03"), ("Last year,", "2020")],
                  "fr": [("Le 2 mars 2017,", "2017-03-02"), ("En mars 2017,", "2017-03"), ("L'an dernier,", "2020")]}
MERGE = ("merger", None, "jnim")
SAHRAWI = [("pledge", "al_sahrawi", "islamic_state", ()), ("split", "al_sahrawi", "al_mourabitoun", ())]
STRUCTURES = {
    "en": [
        ("{d} Ansar Dine and al-Mourabitoun merged to form JNIM.", [MERGE + (("al_mourabitoun", "ansar_dine"),)]),
        ("{d} Ansar Dine, al-Mourabitoun and the Macina Liberation Front merged into JNIM.",
         [MERGE + (("al_mourabitoun", "ansar_dine", "katiba_macina"),)]),
        ("{d} Ansar Dine and al-Mourabitoun joined forces to create JNIM.", [MERGE + (("al_mourabitoun", "ansar_dine"),)]),
        ("{d} Ansar Dine, al-Mourabitoun and Ansarul Islam pledged allegiance to al-Qaeda.",
         [("pledge", g, "al_qaeda", ()) for g in ("al_mourabitoun", "ansar_dine", "ansarul_islam")]),
        ("{d} Boko Haram pledged allegiance to Abu Bakr al-Baghdadi.", [("pledge", "boko_haram", "islamic_state", ())]),
        ("Boko Haram grew stronger. {d} it pledged allegiance to the Islamic State.",
         [("pledge", "boko_haram", "islamic_state", ())]),
        ("{d} Adnan Abu Walid al-Sahrawi split from al-Mourabitoun and pledged allegiance to the Islamic State.", SAHRAWI),
        ("{d} Adnan Abu Walid al-Sahrawi quit al-Mourabitoun and pledged allegiance to the Islamic State.", SAHRAWI),
        ("ISWAP was formed in 2016. {d} a merger between the ISGS and JNIM was discussed, but never concluded.", []),
        ("{d} Ansar Dine merged with al-Mourabitoun and the Macina Liberation Front to form JNIM.",
         [MERGE + (("al_mourabitoun", "ansar_dine", "katiba_macina"),)]),
        ("{d} the MNLA and the HCUA announced their merger into the Azawad Liberation Front.", [("merger", None, "fla", ("hcua", "mnla"))]),
    ],
    "fr": [
        ("{d} Ansar Dine et Al-Mourabitoune ont fusionné pour former le GSIM.", [MERGE + (("al_mourabitoun", "ansar_dine"),)]),
        ("{d} Ansar Dine, Al-Mourabitoune et la katiba Macina ont fusionné au sein du GSIM.",
         [MERGE + (("al_mourabitoun", "ansar_dine", "katiba_macina"),)]),
        ("{d} la fusion d'Ansar Dine et d'Al-Mourabitoune a donné naissance au GSIM.",
         [MERGE + (("al_mourabitoun", "ansar_dine"),)]),
        ("{d} Ansar Dine, Al-Mourabitoune et Ansarul Islam ont prêté allégeance à Al-Qaïda.",
         [("pledge", g, "al_qaeda", ()) for g in ("al_mourabitoun", "ansar_dine", "ansarul_islam")]),
        ("Boko Haram s'est renforcé. {d} il a prêté allégeance à l'État islamique.",
         [("pledge", "boko_haram", "islamic_state", ())]),
        ("{d} Adnan Abou Walid al-Sahraoui a quitté Al-Mourabitoune et prêté allégeance à l'État islamique.", SAHRAWI),
        ("L'ISWAP est né en 2016. {d} un accord de fusion entre l'EIGS et le GSIM a été évoqué, mais jamais conclu.", []),
        ("La katiba Macina est apparue en 2015. {d} elle s'est fondue avec Ansar Dine, Al-Mourabitoune et l'émirat du Sahara d'AQMI "
         "au sein du GSIM, dont Iyad Ag Ghaly a pris la tête.", [MERGE + (("al_mourabitoun", "ansar_dine", "aqim", "katiba_macina"),)]),
        ("{d} les mouvements de la CMA, parmi lesquels le MNLA et le HCUA, ont annoncé leur fusion au sein d'un Front de libération de "
         "l'Azawad.", [("merger", None, "fla", ("hcua", "mnla"))]),
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_structure_of_the_grid(ex, lang):
    wrong = []
    for (tpl, expected), (d, when) in itertools.product(STRUCTURES[lang], SENTENCE_DATES[lang]):
        text = tpl.format(d=d)
        text = text[0].upper() + text[1:]
        got = sorted((c.type, c.subject and c.subject.id, c.object and c.object.id, tuple(sorted(m.id for m in c.members)),
                      c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang))
        if got != sorted(row + (when,) for row in expected):
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} sentences wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a report, then who did it in the next sentence (claimed, blamed, attributed), and its polarity --
FOLLOW_BASES = {"en": ["On Sunday, gunmen killed 12 soldiers in {p}.", "On Sunday, 12 soldiers were killed in an attack on an army post in {p}.",
                       "Twelve soldiers were killed on Sunday when gunmen attacked their base in {p}.",
                       "On Sunday, an ambush near {p} killed 12 soldiers."],
                "fr": ["Dimanche, des hommes armés ont tué 12 soldats à {p}.",
                       "Dimanche, 12 soldats ont été tués dans une attaque contre un poste de l'armée à {p}.",
                       "Douze soldats ont été tués dimanche lorsque des hommes armés ont attaqué leur base à {p}.",
                       "Dimanche, une embuscade près de {p} a tué 12 soldats."]}
# (second sentence, polarity; None: no perpetrator named)
FOLLOW_UPS = {"en": [("{G} claimed responsibility for the attack.", "asserted"), ("The attack was claimed by {g}.", "asserted"),
                     ("{G} later claimed the attack.", "asserted"), ("The army blamed the attack on {g}.", "hedged"),
                     ("Officials blamed {g} for the attack.", "hedged"), ("The attack was attributed to {g}.", "hedged"),
                     ("In a statement, {g} said its fighters had carried out the attack.", "asserted"),
                     ("Security sources attributed the assault to {g}.", "hedged"), ("No group has claimed responsibility.", None)],
              "fr": [("{G} a revendiqué l'attaque.", "asserted"), ("L'attaque a été revendiquée par {g}.", "asserted"),
                     ("L'armée a attribué l'attaque {a}.", "hedged"), ("L'attaque a été attribuée {a}.", "hedged"),
                     ("L'attaque a été imputée {a}.", "hedged"),
                     ("Dans un communiqué, {g} a affirmé que ses combattants avaient mené l'attaque.", "asserted"),
                     ("L'attaque n'a pas été revendiquée.", None)]}
FOLLOW_GROUPS = {"en": [("JNIM", "jnim", None), ("the Islamic State in the Greater Sahara", "isgs", None)],
                 "fr": [("le JNIM", "jnim", "au JNIM"), ("l'EIGS", "isgs", "à l'EIGS")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_perpetrator_named_in_the_next_sentence(ex, lang):
    wrong = []
    for base, (second, polarity), (g, gid, to_g) in itertools.product(FOLLOW_BASES[lang], FOLLOW_UPS[lang], FOLLOW_GROUPS[lang]):
        text = base.format(p="Djibo") + " " + second.format(g=g, G=g[0].upper() + g[1:], a=to_g)
        got = [(c.date, c.place, c.killed, c.subject.id if c.subject else None, c.polarity)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [("2021-11-28", "Djibo", 12, gid if polarity else None, polarity or "asserted")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- tolls told every way, an attribution inside the report, a kidnapping by "seized" ---------------
TOLLS = {"en": [("{d} gunmen attacked an army post in {p}, killing 12 soldiers and wounding 8 others.", (12, 8, None)),
                ("{d} gunmen attacked an army post in {p}, leaving 12 soldiers dead and 8 wounded.", (12, 8, None)),
                ("{d} 12 soldiers were killed and 8 wounded when gunmen attacked an army post in {p}.", (12, 8, None)),
                ("{d} gunmen killed a dozen soldiers in {p}.", (12, None, None)),
                ("{d} seventy-one soldiers were killed and twelve wounded when militants attacked a camp in {p}.", (71, 12, None)),
                ("{d} twenty-eight soldiers were killed in an ambush near {p}, where four American and four local soldiers died in 2017.",
                 (28, None, None)),
                ("{d} gunmen killed 12 soldiers and kidnapped 5 civilians in {p}.", (12, None, 5)),
                ("{d} jihadists killed 12 soldiers in {p}. Eight others were wounded.", (12, 8, None)),
                ("{d} gunmen seized 20 passengers from a bus near {p}.", (None, None, 20)),
                ("{d} twelve soldiers were killed in {p} in an attack blamed on JNIM.", (12, None, None, "jnim", "hedged")),
                ("{d} an attack attributed to JNIM killed 12 soldiers in {p}.", (12, None, None, "jnim", "hedged"))],
         "fr": [("{d} des hommes armés ont attaqué un poste de l'armée à {p}, tuant 12 soldats et en blessant 8 autres.", (12, 8, None)),
                ("{d} une attaque contre un poste de l'armée à {p} a fait 12 morts et 8 blessés.", (12, 8, None)),
                ("{d} des jihadistes ont tué une douzaine de soldats à {p}.", (12, None, None)),
                ("{d} des jihadistes ont tué 12 soldats à {p}. Huit autres ont été blessés.", (12, 8, None)),
                ("{d} des hommes armés ont tué douze soldats et en ont blessé huit à {p}.", (12, 8, None)),
                ("{d} une attaque attribuée au JNIM a tué 12 soldats à {p}.", (12, None, None, "jnim", "hedged")),
                ("{d} 12 soldats ont été tués à {p} dans une embuscade imputée au JNIM.", (12, None, None, "jnim", "hedged"))]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_toll_of_the_grid(ex, lang):
    wrong = []
    for (tpl, figures), (d, when), (p, country) in itertools.product(TOLLS[lang], DATES[lang][:4], PLACES):
        text = tpl.format(d=d, p=p)
        text = text[0].upper() + text[1:]
        perp, polarity = figures[3:] if len(figures) > 3 else (None, "asserted")
        got = [(c.date, c.place, c.country, c.killed, c.wounded, c.kidnapped, c.subject.id if c.subject else None, c.polarity)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [(when, p, country, *figures[:3], perp, polarity)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- the date and the place anywhere in the report, relative dates, place phrasings ----------------
POSITIONS = {"en": [("Gunmen killed 12 soldiers in {p} on Sunday.", "2021-11-28"), ("Gunmen on Sunday killed 12 soldiers in {p}.", "2021-11-28"),
                    ("In {p}, gunmen killed 12 soldiers on Sunday.", "2021-11-28"),
                    ("Gunmen killed 12 soldiers in {p} on Sunday night, officials said on Tuesday.", "2021-11-28"),
                    ("Gunmen killed 12 soldiers in {p} on Nov. 28.", "2021-11-28"), ("Gunmen killed 12 soldiers in {p} two days ago.", "2021-11-29"),
                    ("Gunmen killed 12 soldiers in {p} over the weekend.", "2021-11-27"),
                    ("Gunmen killed 12 soldiers in the {p} region on Sunday.", "2021-11-28"),
                    ("Gunmen killed 12 soldiers near the town of {p} on Sunday.", "2021-11-28"),
                    ("Gunmen killed 12 soldiers in {p}, in {c}, on Sunday.", "2021-11-28"),
                    ("Gunmen killed 12 soldiers about 30 km from {p} on Sunday.", "2021-11-28")],
             "fr": [("Des hommes armés ont tué 12 soldats à {p} dimanche.", "2021-11-28"),
                    ("Des hommes armés ont tué dimanche 12 soldats à {p}.", "2021-11-28"),
                    ("À {p}, des hommes armés ont tué 12 soldats dimanche.", "2021-11-28"),
                    ("Des hommes armés ont tué 12 soldats à {p} dans la nuit de samedi à dimanche.", "2021-11-27"),
                    ("Des hommes armés ont tué 12 soldats à {p} il y a deux jours.", "2021-11-29"),
                    ("Des hommes armés ont tué 12 soldats à {p} ce week-end.", "2021-11-27"),
                    ("Des hommes armés ont tué 12 soldats dans la région de {p} dimanche.", "2021-11-28"),
                    ("Des hommes armés ont tué 12 soldats à {p}, au {c}, dimanche.", "2021-11-28"),
                    ("Des hommes armés ont tué 12 soldats à une trentaine de kilomètres de {p} dimanche.", "2021-11-28")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_date_and_place_wherever_the_report_puts_them(ex, lang):
    wrong = []
    for (tpl, when), (p, country) in itertools.product(POSITIONS[lang], [("Djibo", "Burkina Faso"), ("Ménaka", "Mali"), ("Diffa", "Niger")]):
        text = tpl.format(p=p, c=country)
        got = [(c.date, c.place, c.country, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [(when, p, country, 12)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- pledges and splits in asides, reported speech, nominals, hedges and denials ---------------------
RELATIONS = {"en": [("{g}, a group active in northern Mali, pledged allegiance to {o} in 2015.", "pledge", "asserted"),
                    ("{g}, which had long operated alone, pledged allegiance to {o} in 2015.", "pledge", "asserted"),
                    ("In 2015, {g} announced that it had pledged allegiance to {o}.", "pledge", "asserted"),
                    ("In 2015, {g} said it had joined {o}.", "pledge", "asserted"),
                    ("In 2015, {g} publicly declared its allegiance to {o}.", "pledge", "asserted"),
                    ("In 2015, {g} is said to have pledged allegiance to {o}.", "pledge", "hedged"),
                    ("In 2015, {g} was rumoured to have joined {o}.", "pledge", "hedged"),
                    ("In 2015, {g} denied reports that it had joined {o}.", "pledge", "denied"),
                    ("In 2015, {g} announced its split from {o}.", "split", "asserted"),
                    ("The pledge of {g} to {o}, announced in 2015, surprised analysts.", "pledge", "asserted"),
                    ("{g}'s pledge of allegiance to {o} in 2015 changed the conflict.", "pledge", "asserted")],
             "fr": [("{g}, un groupe actif dans le nord du Mali, a prêté allégeance à {o} en 2015.", "pledge", "asserted"),
                    ("{g}, qui opérait seul depuis longtemps, a prêté allégeance à {o} en 2015.", "pledge", "asserted"),
                    ("En 2015, {g} a annoncé avoir prêté allégeance à {o}.", "pledge", "asserted"),
                    ("En 2015, {g} a annoncé qu'il avait rejoint {o}.", "pledge", "asserted"),
                    ("En 2015, {g} aurait rejoint {o}.", "pledge", "hedged"),
                    ("En 2015, {g} a démenti avoir rejoint {o}.", "pledge", "denied"),
                    ("{G} à {o}, annoncée en 2015, a surpris les analystes.", "pledge", "asserted"),
                    ("En 2015, le ralliement {g2} à {o} a surpris les analystes.", "pledge", "asserted")]}
RELATION_PARTIES = {"en": ([("Ansar Dine", "ansar_dine"), ("Boko Haram", "boko_haram")], [("the Islamic State", "islamic_state"), ("al-Qaeda", "al_qaeda")]),
                    "fr": ([("Ansar Dine", "ansar_dine", "L'allégeance d'Ansar Dine", "d'Ansar Dine"),
                            ("Boko Haram", "boko_haram", "L'allégeance de Boko Haram", "de Boko Haram")],
                           [("l'État islamique", "islamic_state"), ("Al-Qaïda", "al_qaeda")])}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pledges_and_splits_told_every_way(ex, lang):
    wrong = []
    groups, others = RELATION_PARTIES[lang]
    for (tpl, kind, polarity), g, (o, oid) in itertools.product(RELATIONS[lang], groups, others):
        text = tpl.format(g=g[0], o=o, G=g[2] if lang == "fr" else g[0], g2=g[3] if lang == "fr" else g[0])
        got = [(c.type, c.subject and c.subject.id, c.object and c.object.id, c.date, c.polarity)
               for c in ex.extract(text[0].upper() + text[1:], published=PUBLISHED, lang=lang)]
        if got != [(kind, g[1], oid, "2015", polarity)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a report followed by another attack, a state response, a lapse, a running total, a comparison ---
STORIES = {"en": [("On Sunday, gunmen killed 12 soldiers in {p}. In a separate attack on Monday, JNIM fighters killed 5 civilians in {q}.",
                   [("2021-11-28", "{p}", 12, None), ("2021-11-29", "{q}", 5, "jnim")]),
                  ("On Sunday, gunmen killed 12 soldiers in {p}. The army said it had killed 20 attackers in response.", [("2021-11-28", "{p}", 12, None)]),
                  ("On Sunday, gunmen killed 12 soldiers in {p}. Two days later, an ambush near {q} killed 5 more.",
                   [("2021-11-28", "{p}", 12, None), ("2021-11-30", "{q}", 5, None)]),
                  ("On Sunday, gunmen killed 12 soldiers in {p}. More than 2,000 people have been killed in the region since 2015.",
                   [("2021-11-28", "{p}", 12, None)]),
                  ("On Sunday, gunmen killed 12 soldiers in {p}. The attack was the deadliest since March, when 30 soldiers were killed in {q}.",
                   [("2021-11-28", "{p}", 12, None), ("2021-03", "{q}", 30, None)])],
           "fr": [("Dimanche, des hommes armés ont tué 12 soldats à {p}. Lundi, dans une autre attaque, des combattants du JNIM ont tué 5 civils à {q}.",
                   [("2021-11-28", "{p}", 12, None), ("2021-11-29", "{q}", 5, "jnim")]),
                  ("Dimanche, des hommes armés ont tué 12 soldats à {p}. L'armée a affirmé avoir tué 20 assaillants en riposte.",
                   [("2021-11-28", "{p}", 12, None)]),
                  ("Dimanche, des hommes armés ont tué 12 soldats à {p}. Deux jours plus tard, une embuscade près de {q} a tué 5 autres soldats.",
                   [("2021-11-28", "{p}", 12, None), ("2021-11-30", "{q}", 5, None)]),
                  ("Dimanche, des hommes armés ont tué 12 soldats à {p}. Plus de 2 000 personnes ont été tuées dans la région depuis 2015.",
                   [("2021-11-28", "{p}", 12, None)]),
                  ("En 2016, le groupe Ansarul Islam de l'imam Ibrahim Malam Dicko a tué 12 soldats à {p}.", [("2016", "{p}", 12, "ansarul_islam")])]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_attack_of_a_story_and_nothing_else(ex, lang):
    wrong = []
    for (tpl, expected), (p, q) in itertools.product(STORIES[lang], [("Djibo", "Arbinda"), ("Ménaka", "Ansongo"), ("Diffa", "Bosso")]):
        text = tpl.format(p=p, q=q)
        got = [(c.date, c.place, c.killed, c.subject and c.subject.id)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [(d, place.format(p=p, q=q), n, perp) for d, place, n, perp in expected]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} stories wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a province or a state names no town but gives its country ("Niger State" is in Nigeria) ---------
REGION_REPORTS = {"en": ["On Sunday, gunmen killed 12 villagers in {r}.", "On Sunday, gunmen killed 12 villagers in a village in {r}."],
                  "fr": ["Dimanche, des hommes armés ont tué 12 villageois dans le {r}.", "Dimanche, des hommes armés ont tué 12 villageois dans un village du {r}."]}
REGIONS = {"en": [("Kebbi State", "Nigeria"), ("Zamfara", "Nigeria"), ("Niger State", "Nigeria"), ("the Soum province", "Burkina Faso")],
           "fr": [("Soum", "Burkina Faso"), ("Yatenga", "Burkina Faso"), ("Sanmatenga", "Burkina Faso")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_province_or_a_state_gives_its_country(ex, lang):
    wrong = []
    for tpl, (r, country) in itertools.product(REGION_REPORTS[lang], REGIONS[lang]):
        text = tpl.format(r=r)
        got = [(c.date, c.country, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [("2021-11-28", country, 12)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


def test_a_name_after_a_leader_and_a_comma_is_the_subject_not_his_aside(ex):
    """"Né ... sous la direction d'Iyad Ag Ghaly, le GSIM a ... prêté allégeance à Al-Qaïda et à son chef, X.": the
    second comma does not make "le GSIM a ... son chef" an aside on the leader."""
    for tail in ("", " et à son chef, Ayman al-Zawahiri"):
        text = ("Né en mars 2017 de la fusion de plusieurs formations jihadistes sous la direction d'Iyad Ag Ghaly, le GSIM a dès sa "
                f"fondation prêté allégeance à Al-Qaïda{tail}.")
        got = sorted((c.type, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang="fr"))
        assert got == [("merger", "jnim", "2017-03"), ("pledge", "al_qaeda", "2017-03")], (tail, got)


def test_a_participle_after_et_shares_the_subject_of_its_compound_verb(ex):
    """"X, une dissidence de Y, a rompu avec l'organisation de Z et prêté allégeance à W": X pledged, not Z (the
    object of the first verb) nor the main clause's subject."""
    text = ("L'EI n'a jamais prospéré en Algérie depuis que Jund al-Khilafah, une dissidence d'AQMI, a rompu avec l'organisation "
            "d'Abdelmalek Droukdel et prêté allégeance à Abou Bakr al-Baghdadi en septembre 2014.")
    got = sorted((c.type, c.subject.id, c.object.id) for c in ex.extract(text, published=PUBLISHED, lang="fr"))
    assert got == [("pledge", "jund_al_khilafah", "islamic_state"), ("split", "jund_al_khilafah", "aqim")]


@pytest.mark.parametrize("text", ["Ansar Dine a quitté AQMI et prêté allégeance à l'État islamique en 2015.",
                                  "En 2015, Boko Haram a juré fidélité à l'EI.",
                                  "Dimanche, des hommes armés ont tué 12 soldats à Djibo."])
def test_a_short_french_text_is_read_as_french_without_a_language_tag(ex, text):
    assert ex.extract(text, published=PUBLISHED) == ex.extract(text, published=PUBLISHED, lang="fr") != []


# ---- more ways to tell a pledge, a split or a merger ------------------------------------------------
MORE_RELATIONS = {
    "en": [("In 2015, {g}, which had pledged allegiance to {o} a year earlier, attacked a base.", "pledge"),
           ("In 2015, the leader of {g} pledged allegiance to {o}.", "pledge"), ("In 2015, {g} declared its loyalty to {o}.", "pledge"),
           ("In 2015, {g} announced it was joining {o}.", "pledge"), ("In 2015, {O} accepted the pledge of {g}.", "pledge"),
           ("In 2015, {g} became an affiliate of {o}.", "pledge"), ("{g}, a splinter group of {o}, emerged in 2015.", "split"),
           ("{g}, a breakaway faction of {o}, emerged in 2015.", "split"), ("In 2015, {g} broke off from {o}.", "split"),
           ("{g} emerged in 2015 from a split within {o}.", "split"), ("In 2015, {g} severed ties with {o}.", "split"),
           ("In 2015, {g} cut its ties with {o}.", "split")],
    "fr": [("{g}, qui a prêté allégeance à {o} en 2015, a grandi.", "pledge"), ("En 2015, {g} s'est rallié à {o}.", "pledge"),
           ("En 2015, {O} a accepté l'allégeance de {g}.", "pledge"), ("En 2015, le chef de {g} a prêté allégeance à {o}.", "pledge"),
           ("En 2015, {g} a annoncé son affiliation à {o}.", "pledge"), ("{g}, un groupe dissident de {o}, est apparu en 2015.", "split"),
           ("En 2015, {g} s'est détaché de {o}.", "split"), ("En 2015, {g} a rompu ses liens avec {o}.", "split"),
           ("En 2015, {g} a coupé les ponts avec {o}.", "split")]}
MORE_PARTIES = {"en": ([("Ansar Dine", "ansar_dine"), ("Boko Haram", "boko_haram")], [("the Islamic State", "islamic_state"), ("al-Qaeda", "al_qaeda")]),
                "fr": ([("Ansar Dine", "ansar_dine"), ("Boko Haram", "boko_haram")], [("l'État islamique", "islamic_state"), ("Al-Qaïda", "al_qaeda")])}
MERGERS = {"en": ["In March 2017, JNIM was created through the merger of Ansar Dine, al-Mourabitoun and the Macina Liberation Front.",
                  "In March 2017, Ansar Dine, al-Mourabitoun and the Macina Liberation Front combined to form JNIM.",
                  "In March 2017, Ansar Dine, al-Mourabitoun and the Macina Liberation Front came together under the banner of JNIM.",
                  "JNIM, formed in March 2017 by the merger of Ansar Dine, al-Mourabitoun and the Macina Liberation Front, is active in Mali.",
                  "In March 2017, Ansar Dine, al-Mourabitoun and the Macina Liberation Front folded into JNIM."],
           "fr": ["En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina se sont regroupés pour former le GSIM.",
                  "En mars 2017, le GSIM est né de la fusion d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina.",
                  "Le GSIM, issu en mars 2017 de la fusion d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina, est actif au Mali.",
                  "En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina ont annoncé leur union sous la bannière du GSIM.",
                  "En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina ont fusionné, donnant naissance au GSIM."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_more_ways_to_tell_a_pledge_or_a_split(ex, lang):
    wrong = []
    groups, others = MORE_PARTIES[lang]
    for (tpl, kind), (g, gid), (o, oid) in itertools.product(MORE_RELATIONS[lang], groups, others):
        text = tpl.format(g=g, o=o, O=o[0].upper() + o[1:]).replace("de Al-", "d'Al-").replace("de Ansar", "d'Ansar")
        got = [(c.type, c.subject and c.subject.id, c.object and c.object.id, c.date)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type in ("pledge", "split")]
        if got != [(kind, gid, oid, "2015")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_more_ways_to_tell_a_merger(ex, lang):
    wrong = []
    for text in MERGERS[lang]:
        got = [(c.object.id, tuple(sorted(m.id for m in c.members)), c.date)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "merger"]
        if got != [("jnim", ("al_mourabitoun", "ansar_dine", "katiba_macina"), "2017-03")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} mergers wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- asides that carry their own date ---------------------------------------------------------------
ASIDE_SUBJECTS = {"en": [("JNIM", "jnim"), ("Boko Haram", "boko_haram"), ("The Islamic State in the Greater Sahara", "isgs")],
                  "fr": [("Le JNIM", "jnim"), ("Boko Haram", "boko_haram"), ("L'État islamique au Grand Sahara", "isgs")]}
DATED_ASIDES = {"en": [", which was formed in 2017,", ", which pledged allegiance to al-Qaeda in 2017,", ", formed in 2017,",
                       ", a coalition created in March 2017,", ", whose fighters took Gao in 2012,", " (founded in 2017)"],
                "fr": [", qui a été créé en 2017,", ", qui a prêté allégeance à Al-Qaïda en 2017,", ", créé en 2017,",
                       ", une coalition formée en mars 2017,", ", dont les combattants ont pris Gao en 2012,", " (fondé en 2017)"]}
DATED_EVENTS = {"en": [(" attacked an army post near Djibo on Sunday, killing 12 soldiers.", "2021-11-28"),
                       (" killed 12 soldiers near Djibo last week.", "2021-11"),
                       (" claimed an ambush that killed 12 soldiers near Djibo on 3 May 2021.", "2021-05-03")],
                "fr": [(" a attaqué dimanche un poste de l'armée près de Djibo, tuant 12 soldats.", "2021-11-28"),
                       (" a tué 12 soldats près de Djibo la semaine dernière.", "2021-11"),
                       (" a revendiqué l'embuscade qui a tué 12 soldats près de Djibo le 3 mai 2021.", "2021-05-03")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_date_inside_the_subjects_aside_is_not_the_attacks(ex, lang):
    wrong = []
    for (subj, sid), aside, (event, when) in itertools.product(ASIDE_SUBJECTS[lang], DATED_ASIDES[lang], DATED_EVENTS[lang]):
        text = subj + aside + event
        got = [(c.date, c.place, c.killed, c.subject and c.subject.id)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [(when, "Djibo", 12, sid)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} attacks wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- actors the knowledge base lacks, learned from how the text introduces them -----------------------
NEW_NAMES = ["Lakurawa", "Mahmuda", "Kel Tinga Wassa"]  # (the last one invented)
INTRODUCTIONS = {"en": ["The {n} group, which emerged in 2020, has grown in the area.",
                        "{n}, a jihadist group that emerged in 2020, is active in the area.",
                        "A group known as {n} has appeared in the area.",
                        "Officials said {n}, a little-known armed group, had settled in the area."],
                 "fr": ["Le groupe {n}, apparu en 2020, s'est implanté dans la zone.",
                        "{n}, un groupe jihadiste apparu en 2020, est actif dans la zone.",
                        "Un groupe connu sous le nom de {n} est apparu dans la zone.",
                        "Selon les autorités, le groupe armé {n} s'est installé dans la zone."]}
LATER_CLAIMS = {"en": [("On Sunday, {n} fighters attacked an army post near Djibo, killing 12 soldiers.", "attack"),
                       ("On Sunday, {n} attacked an army post near Djibo, killing 12 soldiers.", "attack"),
                       ("Last year, {n} pledged allegiance to the Islamic State.", "pledge")],
                "fr": [("Dimanche, des combattants de {n} ont attaqué un poste de l'armée près de Djibo, tuant 12 soldats.", "attack"),
                       ("Dimanche, {n} a attaqué un poste de l'armée près de Djibo, tuant 12 soldats.", "attack"),
                       ("L'an dernier, {n} a prêté allégeance à l'État islamique.", "pledge")]}
# A group named by no introduction, or an unarmed organisation's: no actor is learned
NO_NEW_NAME = {"en": ["Meanwhile, a group of gunmen attacked an army post near Djibo on Sunday, killing 12 soldiers.",
                      "On Sunday, a jihadist group attacked an army post near Djibo, killing 12 soldiers.",
                      "In Djibo, a group of armed men killed 12 soldiers on Sunday.",
                      "The Fulani militia attacked an army post near Djibo on Sunday, killing 12 soldiers.",
                      "The Malian group attacked an army post near Djibo on Sunday, killing 12 soldiers.",
                      "Sahel Watchers, a rights group, said gunmen killed 12 soldiers near Djibo on Sunday.",
                      "President Bazoum, a critic of the movement, said gunmen killed 12 soldiers near Djibo on Sunday."],
               "fr": ["Dimanche, un groupe d'hommes armés a attaqué un poste de l'armée près de Djibo, tuant 12 soldats.",
                      "Dimanche, un groupe jihadiste a attaqué un poste de l'armée près de Djibo, tuant 12 soldats.",
                      "Cependant, un groupe armé a tué 12 soldats près de Djibo dimanche.",
                      "Veille Sahel, une organisation humanitaire, a indiqué que des hommes armés avaient tué 12 soldats près de Djibo dimanche.",
                      "Selon le groupe de réflexion Sahel Études, des hommes armés ont tué 12 soldats près de Djibo dimanche."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_group_the_text_introduces_is_an_actor_wherever_named(ex, lang):
    wrong = []
    for name, intro, (tpl, kind) in itertools.product(NEW_NAMES, INTRODUCTIONS[lang], LATER_CLAIMS[lang]):
        text = intro.format(n=name) + " " + tpl.format(n=name)
        got = [(c.type, c.subject and c.subject.name, c.subject and c.subject.id) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [(kind, name, None)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_actor_is_learned_without_an_introduction(ex, lang):
    wrong = []
    for text in NO_NEW_NAME[lang]:
        got = [(c.type, c.subject and c.subject.name, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("attack", None, "2021-11-28")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- more ways to tell an attack and its toll --------------------------------------------------------
MORE_ATTACKS = {"en": ["At least 12 soldiers died when their convoy hit an improvised explosive device near {p} on Sunday.",
                       "A roadside bomb killed 12 soldiers near {p} on Sunday.",
                       "Twelve soldiers lost their lives in an attack near {p} on Sunday.",
                       "The death toll from Sunday's attack near {p} rose to 12.",
                       "Jihadists executed 12 civilians near {p} on Sunday.",
                       "JNIM executed the attack on an army post near {p} on Sunday, killing 12 soldiers."],
                "fr": ["Douze soldats ont perdu la vie dimanche dans une attaque près de {p}.",
                       "Un engin explosif improvisé a tué 12 soldats dimanche près de {p}.",
                       "Des hommes armés à moto ont fait irruption dimanche à {p}, tuant 12 personnes.",
                       "Des jihadistes ont exécuté 12 civils dimanche près de {p}.",
                       "Le bilan de l'attaque de dimanche près de {p} s'est alourdi à 12 morts.",
                       "Le JNIM a exécuté l'attaque contre un poste de l'armée près de {p} dimanche, tuant 12 soldats."]}
NOT_ATTACKS = {"en": ["The army executed 12 suspects near {p} on Sunday.", "The gold mine near {p} employs 1,200 people."],
               "fr": ["L'armée a exécuté 12 suspects près de {p} dimanche.", "La mine d'or près de {p} emploie 1 200 personnes."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_more_ways_to_tell_an_attack_and_its_toll(ex, lang):
    wrong = []
    for tpl, (p, country) in itertools.product(MORE_ATTACKS[lang], PLACES):
        text = tpl.format(p=p)
        got = [(c.date, c.place, c.country, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "attack"]
        if got != [("2021-11-28", p, country, 12)]:
            wrong.append(f"{text} -> {got}")
    for tpl, (p, _) in itertools.product(NOT_ATTACKS[lang], PLACES):
        got = ex.extract(tpl.format(p=p), published=PUBLISHED, lang=lang)
        if got:
            wrong.append(f"{tpl.format(p=p)} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- foundings and mergers told by the group formed, a passive, a list or a nominal ---------------------
MORE_MERGERS = {"en": ["Ansar Dine, al-Mourabitoun and Katiba Macina founded JNIM in March 2017.",
                       "In March 2017, Ansar Dine, al-Mourabitoun and Katiba Macina announced the creation of JNIM.",
                       "JNIM was formed in March 2017 by Ansar Dine, al-Mourabitoun and Katiba Macina.",
                       "The merger of Ansar Dine, al-Mourabitoun and Katiba Macina in March 2017 gave birth to JNIM.",
                       "JNIM emerged in March 2017 from the merger of Ansar Dine, al-Mourabitoun and Katiba Macina.",
                       "In March 2017, the leaders of Ansar Dine, al-Mourabitoun and Katiba Macina appeared in a video announcing their merger into JNIM.",
                       "Ansar Dine, al-Mourabitoun and Katiba Macina merged in March 2017."],
                "fr": ["En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina ont créé le GSIM.",
                       "En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina ont annoncé la création du GSIM.",
                       "Le GSIM a été créé en mars 2017 par Ansar Dine, Al-Mourabitoune et la katiba Macina.",
                       "La fusion, en mars 2017, d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina a donné naissance au GSIM.",
                       "Le GSIM est issu de la fusion, en mars 2017, d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina.",
                       "En mars 2017, Iyad Ag Ghaly a annoncé la fusion d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina au sein du GSIM.",
                       "En mars 2017, Ansar Dine, Al-Mourabitoune et la katiba Macina ont uni leurs forces au sein du GSIM."]}
NOT_MERGERS = {"en": ["In 2018, JNIM and ISGS formed an alliance of convenience.",
                      "Ansar Dine and al-Mourabitoun formed a joint unit to attack Gao in 2017.",
                      "In March 2017, JNIM was created by Iyad Ag Ghaly and Amadou Koufa.",
                      "The merger of Ansar Dine and al-Mourabitoun was discussed in 2016 but never happened."],
               "fr": ["En 2018, le GSIM et l'EIGS ont formé une alliance de circonstance.",
                      "Le GSIM a été créé en 2017 par Iyad Ag Ghaly et Amadou Koufa."]}
MORE_PLEDGES = {"en": ["Ansar Dine became part of JNIM in March 2017.", "In March 2017, Ansar Dine was integrated into JNIM.",
                       "In March 2017, Ansar Dine announced its affiliation with JNIM."],
                "fr": ["En mars 2017, Ansar Dine a intégré le GSIM.", "En mars 2017, Ansar Dine s'est affilié au GSIM.",
                       "Depuis mars 2017, Ansar Dine fait désormais partie du GSIM."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_foundings_and_mergers_told_every_way(ex, lang):
    wrong = []
    for text in MORE_MERGERS[lang]:
        got = [(c.object.id, tuple(sorted(m.id for m in c.members)), c.date)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "merger"]
        if got != [("jnim", ("al_mourabitoun", "ansar_dine", "katiba_macina"), "2017-03")]:
            wrong.append(f"{text} -> {got}")
    for text in NOT_MERGERS[lang]:
        got = [c for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "merger"]
        if got:
            wrong.append(f"{text} -> {got}")
    for text in MORE_PLEDGES[lang]:
        got = [(c.type, c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("pledge", "ansar_dine", "jnim", "2017-03")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- leaving a group told more ways, and joining another ------------------------------------------------
LEAVINGS = {"en": [("In 2015, {g} left {o}.", False), ("In 2015, {g} deserted {o}.", False), ("In 2015, {g} withdrew from {o}.", False),
                   ("In 2015, {g} pulled out of {o}.", False), ("In 2015, {g} renounced its allegiance to {o}.", False),
                   ("In 2015, {g} quit {o} to join the Islamic State.", True),
                   ("In 2015, {g} left {o} to join the Islamic State.", True),
                   ("{g} quarrelled with {o}'s leadership and left it in 2015.", False)],
            "fr": [("En 2015, {g} a abandonné {o}.", False), ("En 2015, {g} s'est retiré {o2}.", False),
                   ("En 2015, {g} a renié son allégeance {o3}.", False),
                   ("En 2015, {g} a quitté {o} pour rejoindre l'État islamique.", True)]}
LEAVERS = [("Katiba Serma", "katiba_serma"), ("Ansarul Islam", "ansarul_islam")]
LEFT = {"en": [("al-Mourabitoun", "al_mourabitoun", "", ""), ("JNIM", "jnim", "", "")],
        "fr": [("Al-Mourabitoune", "al_mourabitoun", "d'Al-Mourabitoune", "à Al-Mourabitoune"), ("le GSIM", "jnim", "du GSIM", "au GSIM")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_leaving_a_group_told_more_ways(ex, lang):
    wrong = []
    for (tpl, joins), (g, gid), (o, oid, o2, o3) in itertools.product(LEAVINGS[lang], LEAVERS, LEFT[lang]):
        text = tpl.format(g=g, o=o, o2=o2, o3=o3)
        got = sorted((c.type, c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang))
        want = sorted([("split", gid, oid, "2015")] + ([("pledge", gid, "islamic_state", "2015")] if joins else []))
        if got != want:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- the perpetrator told by a participle, an allegiance or a pronoun's passive ---------------------------
PERPETRATOR_FORMS = {"en": ["Twelve soldiers died on Sunday in an ambush carried out by {g} near {p}.",
                            "Twelve soldiers died on Sunday in an ambush laid by {g} near {p}.",
                            "Twelve soldiers were killed on Sunday in an attack staged by {g} near {p}.",
                            "Gunmen killed 12 soldiers near {p} on Sunday. It was claimed on Monday by {g}."],
                     "fr": ["Douze soldats sont morts dimanche dans une embuscade menée par {g} près de {p}.",
                            "Douze soldats sont morts dimanche dans une embuscade tendue par {g} près de {p}.",
                            "Dimanche, des combattants se réclamant {g2} ont attaqué un convoi près de {p}, tuant 12 soldats.",
                            "Une embuscade a fait 12 morts dimanche près de {p}. Elle a été revendiquée lundi par {g}."]}
PERPETRATORS = {"en": [("JNIM", "jnim", ""), ("Ansarul Islam", "ansarul_islam", "")],
                "fr": [("le JNIM", "jnim", "du JNIM"), ("Ansarul Islam", "ansarul_islam", "d'Ansarul Islam")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_perpetrator_told_by_a_participle_an_allegiance_or_a_passive(ex, lang):
    wrong = []
    for tpl, (g, gid, g2), (p, country) in itertools.product(PERPETRATOR_FORMS[lang], PERPETRATORS[lang], PLACES):
        text = tpl.format(g=g, g2=g2, p=p)
        got = [(c.subject and c.subject.id, c.date, c.place, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [(gid, "2021-11-28", p, 12)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} attacks wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a village the gazetteer lacks, whose name opens on the letters of an article ------------------------
VILLAGES = ["Anderamboukane", "Labbezanga", "Lerneb", "Unguwar Rogo", "Thelim", "Tessit"]  # (an, la, le, un, the; none)
REGION_FIRST = {"en": "In the Ménaka region, gunmen killed 12 villagers in {v} on Sunday.",
                "fr": "Dans la région de Ménaka, des hommes armés ont tué dimanche 12 villageois à {v}."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_village_whose_name_opens_like_an_article_is_the_site(ex, lang):
    wrong = []
    for v in VILLAGES:
        text = REGION_FIRST[lang].format(v=v)
        got = [(c.place, c.country, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [(v, "Mali", 12)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} sites wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- "later that month", "à la fin du mois": the month the sentence before named ------------------------
THAT_MONTH = {"en": ["Boko Haram attacked Baga in January 2015. Later that month, gunmen killed 12 villagers in {p}.",
                     "Boko Haram attacked Baga in January 2015. At the end of the month, gunmen killed 12 villagers in {p}.",
                     "Boko Haram attacked Baga in January 2015. In the same month, gunmen killed 12 villagers in {p}."],
              "fr": ["Boko Haram a attaqué Baga en janvier 2015. À la fin du mois, des hommes armés ont tué 12 villageois à {p}.",
                     "Boko Haram a attaqué Baga en janvier 2015. Le même mois, des hommes armés ont tué 12 villageois à {p}."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_that_month_is_the_month_the_sentence_before_named(ex, lang):
    wrong = []
    for tpl, (p, country) in itertools.product(THAT_MONTH[lang], PLACES):
        text = tpl.format(p=p)
        got = [(c.date, c.place, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.place == p]
        if got != [("2015-01", p, 12)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} attacks wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- French tenses of the written press, and more ways to tell who merged, split or joined ----------------
# (a) mergers: the members, the group formed
MERGERS_TENSES = {
    "en": ["In 2013, {a} and {b} announced that they were combining their forces into a single organisation, {x}.",
           "{a} and {b} announced in 2013 their merger into a single organisation, {x}.",
           "In 2013, {a} and {b} came together under a new name, {x}.",
           "{a} and {b} said in 2013 they had merged to form {x}."],
    "fr": ["En 2013, {a} et {b} s'unirent pour fonder {x}.", "En 2013, {a} et {b} s'étaient unis pour former {x}.",
           "En 2013, {a} et {b} se regroupèrent au sein {x_de}.", "En 2013, {a} et {b} fusionnèrent pour donner naissance {x_a}.",
           "En 2013, {a} et {b} fusionnaient au sein {x_de}.", "En 2013, {a} et {b} fondèrent {x}.",
           "En 2013, {a} et {b} se rassemblèrent au sein {x_de}.",
           "En 2013, {a} et {b} ont annoncé leur fusion au sein d'une seule organisation, {x}."],
}
MERGING = {"en": [("MUJAO", "the Signed-in-Blood Battalion", "al-Mourabitoun", "", "", ("al_mulathamun", "mujao"), "al_mourabitoun"),
                  ("Ansar Dine", "Katiba Macina", "JNIM", "", "", ("ansar_dine", "katiba_macina"), "jnim")],
           "fr": [("le MUJAO", "les Signataires par le sang", "Al-Mourabitoune", "d'Al-Mourabitoune", "à Al-Mourabitoune",
                   ("al_mulathamun", "mujao"), "al_mourabitoun"),
                  ("Ansar Dine", "la katiba Macina", "le GSIM", "du GSIM", "au GSIM", ("ansar_dine", "katiba_macina"), "jnim")]}
ABSORBED = {"en": "In 2013, {a} folded itself into {x}.", "fr": "En 2013, {a} se fondit dans {x}."}
# (b) pledges and splits: (template, type); {g} the party, {o} the other, {o_de} / {o_a} with "de" / "à"
RELATIONS_TENSES = {
    "en": [("In 2013, a group of {g} cadres seceded to found Jund al-Khilafah.", None),
           ("{g} was born in 2013 out of a split within {o}.", "split")],
    "fr": [("En 2013, {g} rejoignit {o}.", "pledge"), ("En 2013, {g} rallia {o}.", "pledge"),
           ("En 2013, {g} prêta allégeance {o_a}.", "pledge"), ("En 2013, des combattants {g_de} seraient passés {o_a}.", "pledge"),
           ("En 2013, {g} quitta {o}.", "split"), ("En 2013, {g} quittait {o} pour créer sa propre unité.", "split"),
           ("En 2013, {g} se sépara {o_de}.", "split"), ("En 2013, {g} se détacha {o_de}.", "split"),
           ("En 2013, {g} fit sécession {o_de}.", "split"), ("{g} est né fin 2013 d'une scission au sein {o_de}.", "split"),
           ("{g} était ainsi né en 2013 d'une dissidence au sein {o_de}.", "split")],
}
PARTIES = {"en": [("Ansarul Islam", "ansarul_islam", "", "JNIM", "jnim", "", ""), ("MUJAO", "mujao", "", "AQIM", "aqim", "", "")],
           "fr": [("Ansarul Islam", "ansarul_islam", "d'Ansarul Islam", "le GSIM", "jnim", "du GSIM", "au GSIM"),
                  ("le MUJAO", "mujao", "du MUJAO", "AQMI", "aqim", "d'AQMI", "à AQMI")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_mergers_told_in_every_tense(ex, lang):
    wrong = []
    for tpl, (a, b, x, x_de, x_a, members, xid) in itertools.product(MERGERS_TENSES[lang], MERGING[lang]):
        text = tpl.format(a=a, b=b, x=x, x_de=x_de, x_a=x_a)
        got = [(c.object.id, tuple(sorted(m.id for m in c.members)), c.date)
               for c in ex.extract(text, published=PUBLISHED, lang=lang) if c.type == "merger"]
        if got != [(xid, members, "2013")]:
            wrong.append(f"{text} -> {got}")
    for a, _, x, _, _, members, xid in MERGING[lang]:  # one group absorbed into another: both are members
        text = ABSORBED[lang].format(a=a[0].upper() + a[1:] if lang == "en" else a, x=x)
        got = [(c.object.id, tuple(sorted(m.id for m in c.members))) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [(xid, tuple(sorted([members[1] if a.startswith(("MUJAO", "le MUJAO")) else members[0], xid])))]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} mergers wrong, e.g.:\n" + "\n".join(wrong[:10])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pledges_and_splits_told_in_every_tense(ex, lang):
    wrong = []
    for (tpl, kind), (g, gid, g_de, o, oid, o_de, o_a) in itertools.product(RELATIONS_TENSES[lang], PARTIES[lang]):
        text = tpl.format(g=g, g_de=g_de, o=o, o_de=o_de, o_a=o_a)
        text = text[0].upper() + text[1:]
        got = [(c.type, c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)
               if c.type != "attack"]
        want = [(kind, gid, oid, "2013")] if kind else [("split", "jund_al_khilafah", gid, "2013")]
        if got != want:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a faction that leaves and founds a group: the group founded is the one that split -------------------
SECESSIONS = {"en": ["In 2014, a faction of {o} commanders broke away and announced a new group, {n}.",
                     "In 2014, a faction of {o} commanders broke away from {o} and formed a new group, {n}."],
              "fr": ["En 2014, une partie des cadres {o_de} fit sécession pour fonder {n}.",
                     "En 2014, une partie des cadres {o_de} a fait sécession pour fonder un nouveau mouvement, {n}."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_faction_that_secedes_to_found_a_group(ex, lang):
    wrong = []
    for tpl, (o, oid, o_de) in itertools.product(SECESSIONS[lang], [("AQIM", "aqim", "d'AQMI"), ("Boko Haram", "boko_haram", "de Boko Haram")]):
        text = tpl.format(o=o, o_de=o_de, n="Jund al-Khilafah")
        got = [(c.type, c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("split", "jund_al_khilafah", oid, "2014")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} splits wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a name given with its acronym in brackets: an actor, and so is the acronym ---------------------------
ACRONYMED = {"en": ("In 2016, the {name} ({acr}) split from the MNLA.", "Since then, the {acr} has fought alongside JNIM. In 2018, the {acr} broke with JNIM."),
             "fr": ("En 2016, la {name} ({acr}) a rompu avec le MNLA.", "Depuis, la {acr} combat aux côtés du GSIM. En 2018, la {acr} a rompu avec le GSIM.")}
NEW_MOVEMENTS = {"en": [("Coalition of the Azawad People", "CAP"), ("Front for the Defence of Tessit", "FDT")],  # (invented)
                 "fr": [("Coalition du peuple pour l'Azawad", "CPA"), ("Coordination des fronts patriotiques de Tessit", "CFPT")]}
NOT_MOVEMENTS = {"en": "In 2016, the {name} ({acr}) condemned the attack.",
                 "fr": "En 2016, le {name} ({acr}) a rompu avec la France."}
CIVIL = {"en": [("United Nations Security Council", "UNSC")], "fr": [("Conseil national pour la sauvegarde de la patrie", "CNSP")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_movement_named_with_its_acronym_is_an_actor(ex, lang):
    wrong = []
    for name, acr in NEW_MOVEMENTS[lang]:
        first, then = ACRONYMED[lang]
        text = first.format(name=name, acr=acr) + " " + then.format(acr=acr)
        got = [(c.type, c.subject.id, c.subject.name, c.object.id) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("split", None, name, "mnla"), ("split", None, acr, "jnim")]:
            wrong.append(f"{text} -> {got}")
    for name, acr in CIVIL[lang]:  # a state body or an international one: no actor
        text = NOT_MOVEMENTS[lang].format(name=name, acr=acr)
        got = ex.extract(text, published=PUBLISHED, lang=lang)
        if got:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- one allegiance to several parties: a pledge to each ---------------------------------------------------
LISTED_PLEDGES = {"en": ["In 2017, JNIM pledged allegiance to AQIM, al-Qaeda and the Taliban.",
                         "In 2017, JNIM pledged allegiance to Abdelmalek Droukdel, Ayman al-Zawahiri and the Taliban.",
                         "In 2017, JNIM pledged allegiance to AQIM's emir Abdelmalek Droukdel, to al-Qaeda's leader Ayman "
                         "al-Zawahiri and to the Taliban.",
                         "In 2017, JNIM pledged allegiance to AQIM's emir, Abdelmalek Droukdel, to al-Qaeda's leader, Ayman "
                         "al-Zawahiri, and to the Taliban."],
                  "fr": ["En 2017, le GSIM a prêté allégeance à AQMI, à Al-Qaïda et aux talibans.",
                         "En 2017, le GSIM a prêté allégeance à Abdelmalek Droukdel, à Ayman al-Zawahiri et aux talibans.",
                         "En 2017, le GSIM a prêté allégeance à l'émir d'AQMI, Abdelmalek Droukdel, au chef d'Al-Qaïda, "
                         "Ayman al-Zawahiri, et aux talibans."]}
ONE_PLEDGE = {"en": "In 2017, JNIM pledged allegiance to AQIM and ISGS attacked a base near Ménaka.",
              "fr": "En 2017, le GSIM a prêté allégeance à AQMI et l'EIGS a attaqué une base près de Ménaka."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_allegiance_to_a_list_is_a_pledge_to_each(ex, lang):
    wrong = []
    for text in LISTED_PLEDGES[lang]:
        got = sorted((c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang))
        if got != [("jnim", x, "2017") for x in ("al_qaeda", "aqim", "taliban")]:
            wrong.append(f"{text} -> {got}")
    got = [(c.subject.id, c.object.id) for c in ex.extract(ONE_PLEDGE[lang], published=PUBLISHED, lang=lang) if c.type == "pledge"]
    if got != [("jnim", "aqim")]:  # a clause of its own after "and": no second object
        wrong.append(f"{ONE_PLEDGE[lang]} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- an adverb between the verb and its object; a later step's date is not the claim's -----------------
JOINS_ADVERB = {"en": ["In September 2006, the GSPC in turn joined al-Qaeda.", "In September 2006, the GSPC formally joined al-Qaeda.",
                       "In September 2006, the GSPC joined al-Qaeda, before taking the name AQIM in January 2007.",
                       "In September 2006, the GSPC officially pledged allegiance to al-Qaeda, then became AQIM in January 2007."],
                "fr": ["En septembre 2006, le GSPC se ralliait officiellement à Al-Qaïda.", "En septembre 2006, le GSPC se ralliait à Al-Qaïda.",
                       "En septembre 2006, le GSPC a rejoint à son tour Al-Qaïda.",
                       "En septembre 2006, le GSPC se rallia à Al-Qaïda, avant d'adopter en janvier 2007 le nom d'AQMI.",
                       "En septembre 2006, le GSPC s'est officiellement rallié à Al-Qaïda, puis a pris en janvier 2007 le nom d'AQMI."]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_join_told_with_an_adverb_and_dated_by_its_own_clause(ex, lang):
    wrong = []
    for text in JOINS_ADVERB[lang]:
        got = [(c.type, c.subject.id, c.object.id, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("pledge", "gspc", "al_qaeda", "2006-09")]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a date that opens the sentence dates its claim, not a date in an aside after the object -------------
FRONTED_DATE = {"en": [("On 13 September 2014, Jund al-Khilafah pledged allegiance to Abu Bakr al-Baghdadi, who had proclaimed a caliphate in June.", "2014-09-13"),
                       ("In 2014, Jund al-Khilafah pledged allegiance to Abu Bakr al-Baghdadi, in September.", "2014-09"),  # the same year, told closer
                       ("Jund al-Khilafah pledged allegiance to Abu Bakr al-Baghdadi, who had proclaimed a caliphate in June 2014.", "2014-06")],
                "fr": [("Le 13 septembre 2014, Jund al-Khilafah a prêté allégeance à Abou Bakr al-Baghdadi, proclamé calife fin juin.", "2014-09-13"),
                       ("En 2014, Jund al-Khilafah a prêté allégeance à Abou Bakr al-Baghdadi, en septembre.", "2014-09"),
                       ("Jund al-Khilafah a prêté allégeance à Abou Bakr al-Baghdadi, proclamé calife en juin 2014.", "2014-06")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_opening_date_dates_the_claim_not_an_aside_after_it(ex, lang):
    wrong = []
    for text, when in FRONTED_DATE[lang]:
        got = [(c.type, c.date) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("pledge", when)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} claims wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- a claim told after the attacks: with a time between the verb and its agent; for both of two ---------
CLAIMS_AFTER = {"en": ("On Sunday, gunmen killed 14 soldiers near {p}.", "On the same day, five civilians were killed in {q}.",
                       ["The attack was claimed the same evening by {g}.", "The attack was claimed hours later by {g}."],
                       ["Both attacks were claimed by {g}.", "The two attacks were claimed on Monday by {g}.",
                        "Both deadly attacks were claimed by {g}."]),
                "fr": ("Dimanche, des hommes armés ont tué 14 soldats près de {p}.", "Le même jour, cinq civils ont été tués à {q}.",
                       ["L'attaque a été revendiquée le soir même par {g}.", "L'attaque a été revendiquée dans la soirée par {g}."],
                       ["Ces deux attaques ont été revendiquées par {g}.", "Les deux attaques ont été revendiquées lundi par {g}."])}
CLAIMANTS = {"en": [("JNIM", "jnim"), ("the Islamic State", "islamic_state")], "fr": [("le GSIM", "jnim"), ("l'État islamique", "islamic_state")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_claim_told_after_the_attack_or_after_both(ex, lang):
    first, second, singles, plurals = CLAIMS_AFTER[lang]
    wrong = []
    for (g, gid), ((p, _), (q, _)) in itertools.product(CLAIMANTS[lang], itertools.combinations(PLACES, 2)):
        for tpl in singles:
            text = first.format(p=p) + " " + tpl.format(g=g)
            got = [(c.subject and c.subject.id, c.place, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
            if got != [(gid, p, 14)]:
                wrong.append(f"{text} -> {got}")
        for tpl in plurals:
            text = " ".join((first.format(p=p), second.format(q=q), tpl.format(g=g)))
            got = [(c.subject and c.subject.id, c.place, c.killed) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
            if got != [(gid, p, 14), (gid, q, 5)]:
                wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])


# ---- one verb, its object told again for each site: an attack per site, each with its own figure -----------
ELIDED_SITES = {"en": [("On Sunday, gunmen killed 14 soldiers in {p} and five civilians in {q}.", "killed"),
                       ("On Sunday, JNIM fighters kidnapped 14 traders near {p} and five teachers near {q}.", "kidnapped")],
                "fr": [("Dimanche, des hommes armés ont tué 14 soldats à {p} et cinq civils à {q}.", "killed"),
                       ("Dimanche, des combattants du GSIM ont enlevé 14 commerçants près de {p} et cinq enseignants près de {q}.",
                        "kidnapped")]}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_verb_with_an_object_for_each_site_tells_an_attack_per_site(ex, lang):
    wrong = []
    for (tpl, slot), ((p, pc), (q, qc)) in itertools.product(ELIDED_SITES[lang], itertools.permutations(PLACES, 2)):
        text = tpl.format(p=p, q=q)
        got = [(c.date, c.place, c.country, getattr(c, slot)) for c in ex.extract(text, published=PUBLISHED, lang=lang)]
        if got != [("2021-11-28", p, pc, 14), ("2021-11-28", q, qc, 5)]:
            wrong.append(f"{text} -> {got}")
    assert not wrong, f"{len(wrong)} reports wrong, e.g.:\n" + "\n".join(wrong[:10])
