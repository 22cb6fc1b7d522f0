"""Quality gate: extraction on the seed documents scored against tests/gold_seeds.jsonl.

The floors are pinned just under what the extractor reaches, so quality can only go up.
Print the full report with:  .venv/bin/python -m pytest tests/test_claims_quality.py -s
"""
import json
from pathlib import Path

import pytest

from claims.evaluate import format_report, score
from claims.extract import Extractor
from sources.seedfiles import load_seed_articles

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {  # type: (precision, recall)
    "pledge": (0.99, 0.99),
    "split": (0.99, 0.99),
    "merger": (0.99, 0.99),
    "attack": (0.99, 0.99),
}
SLOT_FLOORS = {"date": 0.99, "place": 0.97, "country": 0.99, "killed": 0.99, "wounded": 0.99,
               "kidnapped": 0.99, "perpetrator": 0.94, "polarity": 0.99}


@pytest.fixture(scope="module")
def report(kb):
    articles, errors = load_seed_articles(ROOT / "seeds")
    assert not errors
    ex = Extractor(kb)
    preds = {a.url.removeprefix("seed:"): ex.extract(a.text, published=a.published, lang=a.lang) for a in articles}
    assert len(preds) == 5
    gold = [json.loads(line) for line in (ROOT / "tests" / "gold_seeds.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rep = score(gold, preds, kb)
    print(format_report(rep))
    return rep


@pytest.mark.parametrize("ctype", sorted(FLOORS))
def test_precision_recall_floor(report, ctype):
    p, r, _ = report.prf(ctype)
    assert p >= FLOORS[ctype][0], format_report(report)
    assert r >= FLOORS[ctype][1], format_report(report)


@pytest.mark.parametrize("slot", sorted(SLOT_FLOORS))
def test_slot_floor(report, slot):
    assert report.slot_accuracy(slot) >= SLOT_FLOORS[slot], format_report(report)


def test_micro_and_overall_slots(report):
    assert report.prf()[2] >= 0.99
    assert report.slot_accuracy() >= 0.99


# ---- the second gold set: our own fixture articles (tests/gold/own), English and French --------
# Files with "_h_" in their name are held out: never looked at while tuning the extractor.
OWN = ROOT / "tests" / "gold" / "own"
OWN_FLOORS = {"pledge": (0.99, 0.99), "split": (0.99, 0.99), "merger": (0.99, 0.99), "attack": (0.99, 0.99)}
OWN_SLOT_FLOORS = {"date": 0.99, "place": 0.94, "country": 0.98, "killed": 0.99, "wounded": 0.99,
                   "kidnapped": 0.99, "perpetrator": 0.95, "polarity": 0.99}
OWN_LANG_FLOORS = {"en": (0.99, 0.99, 0.99), "fr": (0.99, 0.99, 0.98)}  # micro precision, recall, all slots


@pytest.fixture(scope="module")
def own(kb):
    articles, errors = load_seed_articles(OWN)
    assert not errors
    ex = Extractor(kb)
    preds = {a.url.removeprefix("seed:"): ex.extract(a.text, published=a.published, lang=a.lang) for a in articles}
    langs = {a.url.removeprefix("seed:"): a.lang for a in articles}
    gold = [json.loads(line) for line in (ROOT / "tests" / "gold" / "own.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return gold, preds, langs


@pytest.fixture(scope="module")
def own_report(kb, own):
    gold, preds, _ = own
    rep = score(gold, preds, kb)
    print(format_report(rep))
    return rep


def test_own_gold_set_shape(own):
    gold, preds, langs = own
    real = [g for g in gold if not g.get("optional")]
    assert len(real) >= 60
    assert sum(langs[g["doc"]] == "fr" for g in real) * 3 >= len(real)
    assert {g["doc"] for g in gold} <= set(preds)
    assert any("_h_" in doc for doc in preds)  # a held-out part


@pytest.mark.parametrize("ctype", sorted(OWN_FLOORS))
def test_own_precision_recall_floor(own_report, ctype):
    p, r, _ = own_report.prf(ctype)
    assert p >= OWN_FLOORS[ctype][0], format_report(own_report)
    assert r >= OWN_FLOORS[ctype][1], format_report(own_report)


@pytest.mark.parametrize("slot", sorted(OWN_SLOT_FLOORS))
def test_own_slot_floor(own_report, slot):
    assert own_report.slot_accuracy(slot) >= OWN_SLOT_FLOORS[slot], format_report(own_report)


@pytest.mark.parametrize("lang", sorted(OWN_LANG_FLOORS))
def test_own_floor_per_language(kb, own, lang):
    gold, preds, langs = own
    docs = {d for d, lg in langs.items() if lg == lang}
    rep = score([g for g in gold if g["doc"] in docs], {d: preds[d] for d in docs}, kb)
    p, r, _ = rep.prf()
    fp, fr_, fs = OWN_LANG_FLOORS[lang]
    assert (p >= fp and r >= fr_ and rep.slot_accuracy() >= fs), format_report(rep)


# ---- blind sets: realistic articles written by helpers who never saw the extractor ------------
# blind and blind2 became development sets once scored (rules were then worked out on them);
# blind3 and blind4 too in later rounds, blind5 after its third scoring, and blind7 after its first;
# blind6 and blind8 are scored only as a whole, never looked at claim by claim. The parties are linked as a run links them
# (flows.evaluation.extract_docs). Floors: (micro precision, micro recall, all slots), just under what
# the extractor reaches.
BLIND_FLOORS = {
    "blind": (0.99, 0.91, 0.94),
    "blind2": (0.90, 0.86, 0.93),
    "blind3": (0.86, 0.77, 0.90),  # (slots 0.873 -> 0.865 as more claims matched, some with a slot missed; 0.901 since)
    "blind4": (0.89, 0.85, 0.89),
    "blind5": (0.83, 0.79, 0.92),
    "blind6": (0.76, 0.68, 0.85),
    "blind7": (0.85, 0.68, 0.86),
    "blind8": (0.67, 0.53, 0.83),
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_blind_set_floor(kb, name):
    from flows.evaluation import extract_docs, read_gold

    gold = read_gold(ROOT / "tests" / "gold" / f"{name}.jsonl")
    docs = extract_docs(kb, ROOT / "tests" / "gold" / name)
    rep = score(gold, {doc: claims for doc, (_, claims) in docs.items()}, kb)
    p, r, _ = rep.prf()
    fp, fr_, fs = BLIND_FLOORS[name]
    assert (p >= fp and r >= fr_ and rep.slot_accuracy() >= fs), format_report(rep, show_errors=False)
