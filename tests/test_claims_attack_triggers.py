"""claims.attack_triggers: the fast paths find what the plain scans find: the trigger patterns tried
at the lead words of a sentence only (`_lead_starts`) what a scan of the whole sentence finds, and
the words before a trigger in ASCII text (`before`) what a regex finds."""
import random
import re

import pytest

from claims.extract import Extractor
from claims.vocab import vocab

KEYS = ("passive", "verbs", "nouns")
FILLERS = ["the", "in", "a", "x", "l'", "d'", "qu'", "'", "-", "2019", "_", "é", ",", ".", ";", "(", "\n", "killedx", "xattack"]


def _texts(lang: str, n: int, seed: int):
    """Random sentences of the words of the trigger phrases (their first words among them) and fillers."""
    words = sorted({w for k in KEYS for p in vocab(lang).words("attack", k) for w in re.split(r"(\W)", p) if w} | set(FILLERS))
    rnd = random.Random(seed)
    for _ in range(n):
        text = "".join(rnd.choice(words) + rnd.choice([" ", " ", "  ", "", "'", "-", ", "]) for _ in range(rnd.randint(0, 25)))
        yield text if rnd.random() < 0.2 else text.replace("é", "e")  # (mostly ASCII: the fast path)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_patterns_tried_at_lead_words_find_what_a_whole_scan_finds(kb, lang):
    trig = Extractor(kb)._tools[lang].attacks.triggers
    assert trig.all_leads is not None  # (else the fast path is never taken: nothing is tested)
    cues = frozenset(("attack", k) for k in KEYS)
    rxs = {"passive": trig.passive_rx, "verbs": trig.verb_rx, "nouns": trig.noun_rx}
    fast = 0
    for low in _texts(lang, 3000, seed=11):
        at = trig._lead_starts(low, cues)
        if at is not None:
            fast += 1
            assert at == [(m.start(), m.group()) for m in re.finditer(r"\w+", low) if m.group() in trig.all_leads], low
        for key, rx in rxs.items():
            got = [m.span() for m in trig._scan(rx, key, cues, low, at)]
            assert got == [m.span() for m in rx.finditer(low)], (key, low)
    assert fast > 2000


def test_words_before_a_trigger_in_ascii_text_are_those_a_regex_finds():
    from claims.attack_triggers import _WORD_OR_SEMI, _words_and_semis
    rnd = random.Random(12)
    pieces = [chr(i) for i in range(128)] + ["attack", "l'", "qu'", ";;", "  ", "2,000"]
    for _ in range(20000):
        head = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        assert _words_and_semis(head) == _WORD_OR_SEMI.findall(head), head


# the patterns of `valid` as they were written before word_opening grouped them by first letter
PLAIN_WORD_START = {
    "perfect": r"\b(?:have|has)\s+(?:\w+ly\s+)?(?:been|killed|left|cost|caused|claimed)\b"
               r"|\b(?:ont|a)\s+(?:\w+\s+){0,2}(?:ete|fait|tue|coute|cause)\b",
    "kind_of": r"\b(?:type|types|kind|kinds|sort|sorts|genre|forme|formes)\s+(?:of|d'|de|des)\s*$",
    "superlative": r"\b(?:the|its|their)\s+(?:most\s+\w+|deadliest|bloodiest|worst|biggest|largest)\s+(?:[\w-]+\s+)?$",
}
WORD_START_PIECES = ["have", "has", "ont", "a", "been", "killed", "fait", "ete", "tue", "x", "rapidly", "type", "types", "kinds",
                     "sort", "genre", "formes", "of", "d'", "des", "the", "its", "their", "most", "deadliest", "worst", "attack",
                     "é", "ß", "中", "_", "2", "-", "'", ",", "\n", "\u00a0"]


@pytest.mark.parametrize("name", sorted(PLAIN_WORD_START))
def test_patterns_grouped_by_first_letter_match_as_their_word_boundary_forms(kb, name):
    """The patterns of `valid` written with word_opening (first-letter groups) find what the
    `\\b(?:...)` forms find, in any span of any text (a word start at the span's edge included)."""
    from claims import attack_triggers as at
    trig = Extractor(kb)._tools["en"].attacks.triggers
    fast = {"perfect": trig.perfect_rx, "kind_of": at._KIND_OF, "superlative": at._SUPERLATIVE_BEFORE}[name]
    plain = re.compile(PLAIN_WORD_START[name])
    assert fast.pattern != plain.pattern
    rnd = random.Random(13)
    hits = 0
    for _ in range(20000):
        low = "".join(rnd.choice(WORD_START_PIECES) + rnd.choice([" ", " ", "", "  "]) for _ in range(rnd.randint(0, 10)))
        a = rnd.randint(0, len(low))
        b = rnd.choice([rnd.randint(a, len(low)), len(low)])
        want = plain.search(low, a, b)
        got = fast.search(low, a, b)
        assert (got and got.span()) == (want and want.span()), (low, a, b)
        hits += want is not None
    assert hits > 10  # (matches in many spans: the test tells something)


def test_word_opening_takes_only_patterns_that_open_on_a_letter():
    from claims.vocab import word_opening
    assert re.compile(word_opening(["has\\s", "have\\s", "a\\s"])).pattern == r"(?:ha(?<!\wha)(?:s\s|ve\s)|a(?<!\wa)(?:\s))"
    for bad in (["\\d+"], ["a*b"], ["'s"]):
        with pytest.raises(ValueError):
            word_opening(bad)
