"""Bad input never crashes the extractor and costs time linear in its length; surface
variants of names (transliteration, Arabic script) are still recognised."""
import time
from datetime import date

import pytest

from claims.entities import EntityMatcher
from claims.extract import Extractor


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02\x7f", ".", "\u200b\ufeff", "!!!???..." * 10])
def test_degenerate_text_gives_no_claims(ex, text):
    assert ex.extract(text, date(2020, 1, 1)) == []


def _trigger_phrases(lang):
    from claims.vocab import _TRIGGER_KEYS, vocab
    v = vocab(lang)
    keys = [(f, k) for f, ks in _TRIGGER_KEYS.items() for k in ks] + [("attack", "object_verbs"), ("split", "leave_verbs")]
    return sorted({w.rstrip("*") for f, k in keys for w in v.words(f, k)})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_trigger_phrase_at_a_clause_end_or_alone_gives_no_crash(ex, lang):
    # a trigger that ends its sentence or clause has no object, no figure, no name after it ("Gunmen seized.")
    for phrase in _trigger_phrases(lang):
        for text in (phrase, f"JNIM {phrase}.", f"Gunmen {phrase}, then fled with 12 people near Djibo on Sunday.", f"{phrase} JNIM",
                     f"In 2015, JNIM {phrase}"):
            ex.extract(text, date(2020, 1, 1), lang=lang)


def test_control_characters_and_mixed_scripts(ex):
    text = ("AQIM\x00 kidnapped\x07 five people in Gao on March 3, 2015. \u202e"
            "أعلن تنظيم القاعدة في بلاد المغرب الإسلامي \x1b[31m Боко Харам 日本語 \ud7ff.")
    claims = ex.extract(text, date(2015, 3, 10))
    assert [(c.type, c.subject.id, c.kidnapped, c.date) for c in claims] == [("attack", "aqim", 5, "2015-03-03")]


def test_five_megabytes_without_claims_is_fast(ex):
    text = ("Lorem ipsum dolor sit amet, the weather in the region stayed dry and markets opened late. " * 56000)[:5_000_000]
    t0 = time.process_time()
    assert ex.extract(text, date(2020, 1, 1)) == []
    assert time.process_time() - t0 < 60  # generous: a few seconds on a laptop


def test_text_without_sentence_breaks_is_cut_and_linear(ex):
    unit = "AQIM attacked Gao killing 5 and "
    small, big = unit * 6000, unit * 24000  # ~0.2 MB and ~0.8 MB, no boundary at all
    t0 = time.process_time()
    n_small = len(ex.extract(small))
    t_small = time.process_time() - t0
    t0 = time.process_time()
    n_big = len(ex.extract(big))
    t_big = time.process_time() - t0
    assert n_small > 0 and n_big > 3 * n_small  # claims still found in every cut piece
    assert t_big < 10 * t_small + 2  # linear (4x the text), with a generous margin


def test_rows_of_punctuation_are_linear(ex):
    """A row of dots or of "?!" (leaders, emphasis) holds a candidate sentence boundary at each
    mark: none may read the rest of the row again (16 times the row: about 16 times the time)."""
    def row(n):
        return "AQIM attacked Gao" + "." * (n // 2) + "?!" * (n // 4) + " Then AQIM attacked Kidal" + "!" * n + " x"
    t0 = time.process_time()
    ex.extract(row(750), date(2020, 1, 1))
    t_small = time.process_time() - t0
    t0 = time.process_time()
    ex.extract(row(12000), date(2020, 1, 1))
    t_big = time.process_time() - t0
    assert t_big < 40 * t_small + 1


def test_arabic_names_of_the_kb_are_recognised(kb):
    m = EntityMatcher(kb)
    text = "قال بيان إن جماعة نصرة الإسلام والمسلمين وتنظيم الدولة اشتبكا في مالي، بينما أعلن أبو بكر البغدادي ذلك."
    ids = [x.entity_id for x in m.find(text)]
    assert ids == ["jnim", "islamic_state", "baghdadi"]


@pytest.mark.parametrize("surface, entity", [
    ("al-Murabitun", "al_mourabitoun"), ("Al Mourabitoune", "al_mourabitoun"), ("al Mourabitoun's", "al_mourabitoun"),
    ("Adnan Abou Walid al-Sahraoui", "al_sahrawi"), ("al-Sahraoui", "al_sahrawi"), ("AlKhilafah", None),
    ("Abou Mosab al-Barnawi", "al_barnawi"), ("AQIM\u2019s", "aqim"), ("Al\u2011Qaïda au Maghreb islamique", "aqim"),
])
def test_transliteration_and_spelling_variants(kb, surface, entity):
    found = EntityMatcher(kb).find(f"Yesterday {surface} said nothing.")
    if entity is None:
        assert all(f.entity_id != "aqim" for f in found)
    else:
        assert [f.entity_id for f in found] == [entity]


def test_lowercase_acronym_is_not_a_mention(kb):
    assert EntityMatcher(kb).find("the jas and the aqmi were words") == []
