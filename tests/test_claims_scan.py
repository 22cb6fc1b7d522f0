"""claims.scan: the anchored searches find exactly what `rx.finditer` finds."""
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
