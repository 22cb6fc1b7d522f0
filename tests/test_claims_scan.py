"""claims.scan: the anchored searches find exactly what `rx.finditer` finds (and a shared word
scan, claims.text.Tokens.share, what a scan per index finds)."""
import random
import re

from claims.scan import finditer_at, finditer_near, window_bounds

WORDS = ["in", "the", "first", "half", "of", "2019", "since", "may", "x", "21", "to", "24", "september", ",", "(", "\n"]


def _texts(n=3000, seed=1):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(WORDS) + rnd.choice([" ", "  ", "\n", "", " " * 70]) for _ in range(rnd.randint(0, 30)))


def test_near_anchors_finds_the_same_matches():
    rx = re.compile(r"\b(?:in|since|of)\s+(?:(?:the\s+)?(?:first\s+half)\s+(?:of\s+)?)?(?:19|20)\d\d(?!\d)")
    for text in _texts():
        anchors = [m.start() for m in re.finditer(r"(?:19|20)\d\d", text)]
        got = [m.span() for m in finditer_near(rx, text, anchors, window_bounds(text, anchors, 5))]
        assert got == [m.span() for m in rx.finditer(text)], text


def test_at_starts_finds_the_same_matches():
    rx = re.compile(r"\b(?:september|may)\s+\d+")
    for text in _texts(seed=2):
        starts = [m.start() for m in re.finditer(r"\b(?:september|may)", text)]
        assert [m.span() for m in finditer_at(rx, text, starts)] == [m.span() for m in rx.finditer(text)], text


ORG_WORDS = ["Katiba", "Katibat", "Ansar", "Jama'at", "Jamaat", "Brigade", "Brigades", "Battalion", "Movement", "for",
             "the", "of", "al", "Dine", "Sahara", "Masina", "Foo", "x", "l'", "-", "é", "Katibas"]


def test_organisation_forms_tried_at_capitals_find_the_same_matches():
    from claims.entities import _ORG_ANCHORS, _ORG_RX, _org_starts
    rnd = random.Random(3)
    for _ in range(3000):
        text = "".join(rnd.choice(ORG_WORDS) + rnd.choice([" ", " ", "", "-", ", ", ".\n"])
                       for _ in range(rnd.randint(0, 14)))
        anchors = [m.start() for m in _ORG_ANCHORS.finditer(text)]
        for rx in _ORG_RX.values():
            got = [m.span() for m in finditer_at(rx, text, _org_starts(text, anchors))]
            assert got == [m.span() for m in rx.finditer(text)], text


def test_shared_word_scan_gives_each_index_the_same_occurrences():
    from claims.text import Tokens, fold
    rnd = random.Random(4)
    for _ in range(500):
        folded = fold("".join(rnd.choice(ORG_WORDS + WORDS) + rnd.choice([" ", "", "'"])
                              for _ in range(rnd.randint(0, 30))))
        words = sorted(Tokens(folded).uniq)
        subsets = [set(rnd.sample(words, min(len(words), k))) for k in (1, 3, 6)]
        shared = Tokens(folded)
        shared.share(set().union(*subsets))
        for found in subsets:
            assert shared.occurrences(found) == Tokens(folded).occurrences(found), folded
