"""Arabic claims (claims/arabic.py): the patterns on sentences written for these tests, the
hard negatives, bad input, and the Arabic gold set's floors (tests/gold/ar.jsonl)."""
import time
from datetime import date
from pathlib import Path

import pytest

from claims.arabic import forms, is_arabic, normalise
from claims.evaluate import format_report, score
from claims.extract import Extractor
from flows.evaluation import extract_docs, read_gold

ROOT = Path(__file__).resolve().parents[1]
AR_FLOORS = {"pledge": (0.99, 0.99), "split": (0.99, 0.99), "merger": (0.99, 0.99), "attack": (0.99, 0.99)}
AR_SLOT_FLOOR = 0.98


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def claims(ex, text, published=date(2020, 6, 15)):
    return ex.extract(text, published=published, lang="ar")


def test_normalise_and_clitics():
    assert normalise("أَعلنَ") == "اعلن"
    assert normalise("مبايعةً") == "مبايعه"
    assert normalise("٢٠١٥") == "2015"
    assert "بايعت" in forms(normalise("وبايعت"))
    assert "هجوم" in forms(normalise("بالهجوم"))
    assert "الدوله" in forms(normalise("للدولة"))


def test_script_detection_routes_arabic_text(ex):
    text = "بايعت جماعة المرابطون تنظيم القاعدة في مارس 2016."
    assert is_arabic(text) and not is_arabic("JNIM pledged allegiance to al-Qaeda.")
    for lang in ("ar", None, "en"):  # the script decides, whatever the page claimed
        (c,) = ex.extract(text, published=date(2016, 5, 1), lang=lang)
        assert (c.type, c.subject.id, c.object.id, c.date) == ("pledge", "al_mourabitoun", "al_qaeda", "2016-03")


def test_verb_subject_object_order(ex):
    (c,) = claims(ex, "بايعت ولاية غرب أفريقيا تنظيم الدولة الإسلامية مجددا في أغسطس 2019.")
    assert (c.subject.id, c.object.id, c.date, c.polarity) == ("iswap", "islamic_state", "2019-08", "asserted")


def test_coordinated_subjects_give_one_pledge_each(ex):
    found = claims(ex, "وكانت كتيبة الفرقان وكتيبة طارق بن زياد قد أعلنتا ولاءهما لتنظيم القاعدة في بلاد المغرب الإسلامي.")
    assert sorted((c.subject.id, c.object.id) for c in found) == [("katiba_al_furqan", "aqim"), ("katiba_tarik_ibn_ziyad", "aqim")]


def test_pledge_to_a_leader_is_a_pledge_to_his_group(ex):
    (c,) = claims(ex, "وأعلن أمادو كوفا في تسجيل مصور مبايعته لأيمن الظواهري.")
    assert (c.subject.id, c.object.id) == ("amadou_koufa", "al_qaeda")


def test_split_object_after_an(ex):
    (c,) = claims(ex, "وفي يناير 2012، انشقت جماعة أنصارو عن جماعة بوكو حرام بسبب خلافات حول استهداف المدنيين.")
    assert (c.type, c.subject.id, c.object.id, c.date) == ("split", "ansaru", "boko_haram", "2012-01")


def test_merger_members_and_result(ex):
    (c,) = claims(ex, "واندمجت كتيبة الملثمين مع جماعة التوحيد والجهاد في غرب أفريقيا في أغسطس 2013 لتشكيل جماعة المرابطون.")
    assert c.type == "merger" and c.object.id == "al_mourabitoun"
    assert sorted(m.id for m in c.members) == ["al_mulathamun", "mujao"]
    assert c.date == "2013-08"


def test_polarity_denied_and_hedged(ex):
    (denied,) = claims(ex, "ونفت جماعة أنصار الإسلام أن تكون قد بايعت تنظيم الدولة الإسلامية.")
    assert denied.polarity == "denied" and denied.subject.id == "ansarul_islam"
    (hedged,) = claims(ex, "ويرجح أن جماعة بوكو حرام هاجمت قرية في ولاية بورنو أمس، ما أسفر عن مقتل 9 أشخاص.")
    assert hedged.polarity == "hedged" and hedged.subject.id == "boko_haram"
    assert (hedged.date, hedged.place, hedged.country, hedged.killed) == ("2020-06-14", "Borno", "Nigeria", 9)


@pytest.mark.parametrize("text", [
    "وهددت جماعة نصرة الإسلام والمسلمين بشن هجوم على العاصمة باماكو.",  # a threat
    "ورفضت جماعة أنصار الدين مبايعة تنظيم الدولة الإسلامية.",  # a refusal (and no announcing verb)
    "وقد تعلن جماعة المرابطون ولاءها لتنظيم الدولة في الأشهر المقبلة.",  # a possibility
    "ومنذ عام 2013، قتل أكثر من 200 جندي من بعثة الأمم المتحدة في هجمات متفرقة.",  # an aggregate
    "ونفذ الجيش المالي غارات على مواقع المسلحين قرب موبتي.",  # state forces
    "هاجم الجيش النيجيري معاقل جماعة بوكو حرام في غابة سامبيسا.",  # state forces attacking
    "سنة من الهجمات في منطقة الساحل",  # a plural heading
    "ولم يتضح بعد ما إذا كانت جماعة أنصار الإسلام ستنضم إلى التحالف.",  # an open question about the future
])
def test_hard_negatives_are_not_claims(ex, text):
    assert claims(ex, text) == []


def test_claim_of_responsibility_names_the_last_attack(ex):
    text = ("فجر انتحاري نفسه عند مدخل معسكر للجيش في غاو يوم 18 يناير 2017، ما أسفر عن مقتل 77 شخصا. "
            "وتبنت جماعة المرابطون التفجير في بيان نشرته في اليوم التالي.")
    (c,) = claims(ex, text, published=date(2017, 1, 20))
    assert (c.subject.id, c.place, c.country, c.killed, c.date) == ("al_mourabitoun", "Gao", "Mali", 77, "2017-01-18")


def test_the_group_refers_to_the_last_claim_subject(ex):
    text = ("وفي مايو 2015 أعلن عدنان أبو الوليد الصحراوي مبايعته لتنظيم الدولة الإسلامية. "
            "وبعد أشهر هاجم التنظيم مركزا للدرك في منطقة تيلابيري ، وقتل في الهجوم ثلاثة عناصر.")
    pledge, attack = claims(ex, text)
    assert attack.type == "attack" and attack.subject.id == pledge.subject.id == "al_sahrawi"
    assert (attack.place, attack.killed) == ("Tillabéri", 3)


@pytest.mark.parametrize("phrase, killed", [
    ("مقتل أحد عشر جنديا", 11), ("مقتل خمسة وعشرين مدنيا", 25), ("مقتل ٣٤ شخصا", 34), ("سقوط 12 قتيلا", 12),
])
def test_casualty_figures(ex, phrase, killed):
    (c,) = claims(ex, f"هاجم مسلحون من جماعة أنصار الإسلام قرية في شمال بوركينا فاسو، ما أسفر عن {phrase}.")
    assert c.killed == killed and c.country == "Burkina Faso"


@pytest.mark.parametrize("when, expected", [
    ("أمس", "2020-06-14"), ("الأسبوع الماضي", "2020-06"), ("في 3 مارس", "2020-03-03"),
    ("في 30 ديسمبر", "2019-12-30"), ("في أكتوبر 2018", "2018-10"), ("في عام 2016", "2016"),
])
def test_dates_resolved_against_publication(ex, when, expected):
    (c,) = claims(ex, f"نصب مقاتلو جماعة نصرة الإسلام والمسلمين كمينا لقافلة عسكرية قرب كيدال {when}.")
    assert c.date == expected


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02" * 50, "؟؟؟!!!..." * 100, "مالي " * 3000])
def test_bad_input_gives_no_crash(ex, text):
    assert isinstance(claims(ex, text), list)


def test_long_text_without_breaks_is_linear(ex):
    unit = "هاجم مسلحون من جماعة أنصار الدين معسكرا في غاو ما أسفر عن مقتل 5 جنود وتبنت جماعة المرابطون الهجوم "
    small, big = unit * 500, unit * 2000
    t0 = time.process_time()
    n_small = len(claims(ex, small))
    t_small = time.process_time() - t0
    t0 = time.process_time()
    n_big = len(claims(ex, big))
    t_big = time.process_time() - t0
    assert n_small > 0 and n_big > 3 * n_small
    assert t_big < 10 * t_small + 2


@pytest.fixture(scope="module")
def ar_report(kb):
    docs = extract_docs(kb, ROOT / "tests" / "gold" / "ar")  # as `sahelwatch eval` reads them
    assert len(docs) == 4 and {lang for lang, _ in docs.values()} == {"ar"}
    rep = score(read_gold(ROOT / "tests" / "gold" / "ar.jsonl"), {d: claims for d, (_, claims) in docs.items()}, kb)
    print(format_report(rep))
    return rep


@pytest.mark.parametrize("ctype", sorted(AR_FLOORS))
def test_arabic_gold_floors(ar_report, ctype):
    p, r, _ = ar_report.prf(ctype)
    assert p >= AR_FLOORS[ctype][0] and r >= AR_FLOORS[ctype][1], format_report(ar_report)


def test_arabic_gold_slots(ar_report):
    assert ar_report.slot_accuracy() >= AR_SLOT_FLOOR, format_report(ar_report)
