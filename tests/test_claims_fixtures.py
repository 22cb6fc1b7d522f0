"""Fixture articles (written for these tests) beside the claims they must give."""
import json
from datetime import date
from pathlib import Path

import pytest

from claims.extract import Extractor

FIXTURES = Path(__file__).parent / "fixtures" / "claims"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
FIELDS = ("type", "date", "place", "country", "killed", "wounded", "kidnapped", "polarity")


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def _shape(claim) -> dict:
    d = {k: getattr(claim, k) for k in FIELDS}
    d["subject"] = claim.subject.id if claim.subject else None
    d["object"] = claim.object.id if claim.object else None
    d["members"] = sorted(m.id or m.name for m in claim.members)
    return d


@pytest.mark.parametrize("case", CASES)
def test_fixture(ex, case):
    text = (FIXTURES / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{case}.expected.json").read_text(encoding="utf-8"))
    claims = ex.extract(text, published=date.fromisoformat(expected["published"]), lang=expected.get("lang"))
    want = [{**c, "members": sorted(c["members"])} for c in expected["claims"]]
    assert [_shape(c) for c in claims] == want
    for c in claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.sentence


def test_every_fixture_has_its_expectation():
    assert CASES and all((FIXTURES / f"{c}.expected.json").exists() for c in CASES)
