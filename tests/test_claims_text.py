"""claims.text (folding keeps offsets) and claims.sentences (offsets, abbreviations)."""
import pytest

from claims.sentences import split_sentences
from claims.text import fold, norm_name


@pytest.mark.parametrize("raw", ["Al‑Qaïda’s  “émir”\u00a0–\tGSPC", "ÆØß ﬁ Ǆ", "\x00\x07 ok \u200b", ""])
def test_fold_keeps_length(raw):
    assert len(fold(raw)) == len(raw)


def test_fold_normalises_case_diacritics_dashes_quotes():
    assert fold("Aïn Defla – AQMI’s “cell”") == "ain defla   aqmi's \"cell\""


@pytest.mark.parametrize("a,b", [
    ("al-Mourabitoun", "Al Mourabitoun"),
    ("Al-Mourabitoun’s", "al-Mourabitoun"),
    ("Ansar AlKhilafah", "Ansar al-Khilafah"),
    ("Djound Al-Khalifa", "djound al khalifa"),
])
def test_norm_name_equal_variants(a, b):
    assert norm_name(a) == norm_name(b)


def test_norm_name_keeps_different_names_apart():
    assert norm_name("Niger") != norm_name("Nigeria")


def test_sentences_offsets_and_abbreviations():
    text = ("The U.S. State Department said so. Gen. Ham agreed with Thierno A. Diallo. "
            "Gouri (a.k.a. Khaled Abu Suleiman) led it.\nNew line here")
    spans = split_sentences(text)
    sents = [text[s.start:s.end] for s in spans]
    assert sents == ["The U.S. State Department said so.", "Gen. Ham agreed with Thierno A. Diallo.",
                     "Gouri (a.k.a. Khaled Abu Suleiman) led it.", "New line here"]


def test_sentences_footnote_marker_and_quote_end():
    text = "They attacked a convoy.[2] In July another ambush followed. He said “it is over.” Then left."
    sents = [text[s.start:s.end] for s in split_sentences(text)]
    assert sents[0] == "They attacked a convoy.[2]"
    assert sents[1] == "In July another ambush followed."
    assert sents[2] == "He said “it is over.”"


def test_sentences_edge_cases():
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []
    long = "word " * 3000
    spans = split_sentences(long)
    assert len(spans) >= 2 and all(s.end - s.start <= 5000 for s in spans)
