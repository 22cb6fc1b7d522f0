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
