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
