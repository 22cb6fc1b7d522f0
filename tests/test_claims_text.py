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


# The plain form of the sentence splitter: every candidate checked for an abbreviation, every
# sentence trimmed on both sides (claims.sentences marks the dots that may end an abbreviation in
# its pattern and skips the white space after a boundary as it goes).
def _plain_split(text):
    import re

    from claims.sentences import MAX_SENTENCE, _is_abbreviation
    candidate = re.compile(r"[.!?\n](?:(?<=\n)\s*|[.!?]*(?:\[\d{1,3}\])?[\"'\u201d\u2019)\]]*"
                           r"(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F\u0600-\u06FF]))")
    spans, start = [], 0

    def add(start, end):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            spans.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            spans.append((start, end))
    for m in candidate.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        add(start, m.end())
        start = m.end()
    add(start, len(text))
    return spans


SENTENCE_WORDS = ["Gen", "gen", "U.S", "a.k.a", "Mr", "MR", "No", "etc", "A", "b", "É", "Lt.-Col", "J.-C", "said",
                  "attacked", "Ouagadougou", "2019", "x2", "é2", "١٢", "Ⅻ", "_", "(Dr", "Dr)", "[3]", "\u212a", "u.\u212a",
                  "approx", "approxi", "aaaaaaa", "abcdefgh", "qu'il", "Abu-Bakr", "…", "”", "’", "\"", ")", "«", "غرب", "Σ", "", "Mr\n", "St\r\n"]
SENTENCE_SEPS = [". ", ".  ", ".\n", ". \n", "\n", "\n\n ", "? ", "! ", "?! ", "... ", ".” ", ".) ", ".[2] ", ". “",
                 " ", " ", " ", "-", ".", "\r\n", "\t", ".\u00a0", "?", "\u2029", "?. ", ".? ", "!?\u201d ", "!", ".!.? ",
                 ".\t", ". \n ", ".\u2028", "?\u00a0\n", ".\u201d \n", ".[2]\n"]


def test_sentences_as_the_plain_splitter():
    import random

    from claims.sentences import _ABBREV, sentence_bounds
    # (the pattern leaves out a dot after a digit: no abbreviation may end in one)
    assert not any(w[-1].isdecimal() for w in _ABBREV)
    rnd = random.Random(5)
    for k in range(4000):
        text = "".join(rnd.choice(SENTENCE_WORDS) + rnd.choice(SENTENCE_SEPS) for _ in range(rnd.randint(0, 40)))
        if k % 7 == 0:
            text = rnd.choice(["", " ", "\n", " \n "]) + text + rnd.choice(["", " ", "\n"])
        if k % 50 == 0:
            text += "word " * rnd.randint(150, 400)
        want = _plain_split(text)
        assert [tuple(s) for s in split_sentences(text)] == want, text
        assert list(zip(*sentence_bounds(text))) == want, text


def _plain_is_abbreviation(text, dot):
    """claims.sentences._is_abbreviation as first written: the run of word characters, dots and
    hyphens that ends at the dot, searched for in the 20 characters before it."""
    import re

    from claims.sentences import _ABBREV
    if text[dot] != ".":
        return False
    lo = max(0, dot - 20)
    w = re.search(r"[\w.\-]+$", text[lo:dot])
    if not w:
        return False
    start = lo + w.start()
    word = w.group().lower().lstrip("(").rstrip(".")
    if word in _ABBREV:
        return True
    return len(word) == 1 and word.isalpha() and text[start].isupper()


def test_is_abbreviation_as_the_plain_form():
    import random

    from claims.sentences import _is_abbreviation
    # (letters whose lower case is longer, "İ"; title case, "ǅ"; a letter that is no \w)
    words = SENTENCE_WORDS + ["İ", "ǅ", "ﬀ", "Ⓐ", "Dr.", "u.s.", "gen.-", "abcdefghijklmnopqrstu", "ST", "p.p"]
    seps = [" ", "  ", "\n", "(", "-", ".", "\t", "", "\u00a0", "’", " ("]
    rnd = random.Random(11)
    for _ in range(20000):
        text = "".join(rnd.choice(seps) + rnd.choice(words) for _ in range(rnd.randint(1, 6))) + "."
        for dot in range(len(text)):
            assert _is_abbreviation(text, dot) == _plain_is_abbreviation(text, dot), (text, dot)


def test_no_abbreviation_ends_on_the_pairs_the_splitter_does_not_ask_about():
    """sentence_bounds asks _is_abbreviation about no dot after two ASCII letters of
    _NO_ABBREVIATION_END (derived from _ABBREV): after them, in any case and after any run of
    characters, it says no; each abbreviation, in any case, ends on a pair it asks about."""
    import random

    from claims.sentences import _ABBREV, _NO_ABBREVIATION_END, _is_abbreviation
    for w in _ABBREV:
        for form in (w, w.upper(), w.title()):
            assert form[-2:] not in _NO_ABBREVIATION_END, form
    heads = SENTENCE_WORDS + ["İ", "ǅ", "ﬀ", "Σ", "ß", "(", "-", ".", "U.", "J.-", "a.k.", "", "", "x"]
    rnd = random.Random(4)
    pairs = sorted(_NO_ABBREVIATION_END)
    for _ in range(20000):
        text = rnd.choice(["", " ", "\n", "("]) + rnd.choice(heads) + rnd.choice(["", "", "-", "."]) + rnd.choice(heads) + rnd.choice(pairs) + "."
        assert not _is_abbreviation(text, len(text) - 1), text


class _KeyedEachTime(dict):
    """A PhraseIndex's `_keys` that calls the key function at each look-up (the plain form of
    the kept keys)."""

    def __init__(self, key):
        super().__init__()
        self.key = key

    def __getitem__(self, w):
        return self.key(w)

    def get(self, w, default=None):
        return self.key(w)

    def __setitem__(self, w, k):
        pass


def test_keyed_phrase_index_reads_its_kept_keys_as_the_key_function_gives_them():
    import random

    from claims.text import PhraseIndex, Tokens, translit_key
    phrases = ["Mourabitoun", "al Mourabitoun", "Katiba Macina", "Ansar Dine", "Ansar al-Sharia in Libya", "Islamic State",
               "Islamic State Sahel", "Jamaat Nusrat al-Islam wal-Muslimin", "AQIM", "U.S. Army",
               "Qaeda in the Islamic Maghreb", "Sahrawi", "Djihad"]
    words = ["Murabitun", "mourabitoune", "Mourabitoun", "Macina", "Maccina", "Katiba", "Ansar", "dine", "Dinee", "al",
             "el", "Sharia", "Shariaa", "in", "Libya", "Lybia", "Islamic", "Islamik", "State", "Sahel", "Jamaat", "Nusrat",
             "Nousrat", "Islam", "wal", "Muslimin", "Mouslimin", "AQIM", "U.S.", "Army", "Qaeda", "the", "Maghreb",
             "Sahraoui", "Sahrawi", "Jihad", "Djihad", "x", ",", ".", "al Murabitun", "Katiba Maccina", "Ansar Dinee",
             "Qaeda in the Islamik Maghreb", "Islamic State Sahel", "Jamaat Nousrat al-Islam wal-Mouslimin"]
    fast, plain = PhraseIndex(key=translit_key), PhraseIndex(key=translit_key)
    plain._keys = _KeyedEachTime(translit_key)
    for i, phrase in enumerate(phrases):
        fast.add(phrase, i)
        plain.add(phrase, i)
    rnd = random.Random(11)
    hits = 0
    for _ in range(3000):
        folded = fold("".join(rnd.choice(words) + rnd.choice([" ", " ", "  ", "\n", ", ", "-", ""])
                              for _ in range(rnd.randint(0, 20))))
        got = fast.find(folded, words=Tokens(folded))
        assert got == plain.find(folded, words=Tokens(folded)), folded
        hits += sum(e - s > 12 for s, e, _ in got)
    assert hits > 300  # (phrases of several words do occur)


def _no_leaves(node: dict) -> None:
    """Give each leaf of a PhraseIndex trie a child that no token reaches ("\\x01": fold makes a
    control character a space), so that the matcher walks on from it (_longest)."""
    for k, child in list(node.items()):
        if k != "\x00":
            if len(child) == 1 and "\x00" in child:
                child["\x01"] = {}
            else:
                _no_leaves(child)


def test_a_phrase_of_two_tokens_ending_on_a_leaf_is_what_the_longest_walk_gives():
    import random

    from claims.text import PhraseIndex, Tokens, translit_key
    phrases = ["Ansar", "Ansar Dine", "Katiba Macina", "Katiba Macina Sud", "Macina", "Gao", "Gao Region", "In Amenas", "In",
               "Tin Zaouatine",
               "U.S.", "U.S. Army", "al Qaeda", "Qaeda", "Qaeda in the Islamic Maghreb", "Bamako"]
    words = ["Ansar", "Dine", "Sud", "Katiba", "Macina", "Gao", "Region", "In", "in", "Amenas", "Tin", "Zaouatine", "U.S.", "Army",
             "al", "Qaeda", "the", "Islamic", "Maghreb", "Bamako", "x", ",", "."]
    rnd = random.Random(12)
    for key in (None, translit_key):
        fast, plain = PhraseIndex(key=key), PhraseIndex(key=key)
        for i, phrase in enumerate(phrases):
            fast.add(phrase, i)
            fast.add(phrase, i + 100)
            plain.add(phrase, i)
            plain.add(phrase, i + 100)
        _no_leaves(plain._index)
        for _ in range(2000):
            folded = fold("".join(rnd.choice(words) + rnd.choice([" ", " ", "  ", "\n", ", ", "-", ""])
                                  for _ in range(rnd.randint(0, 16))))
            for accept in (None, lambda s, e, v: (s + e + v) % 3 != 0, lambda s, e, v: v >= 100, lambda s, e, v: (s + e) % 3):
                assert fast.find(folded, accept, Tokens(folded)) == plain.find(folded, accept, Tokens(folded)), folded


def test_fold_tokens_are_the_tokens_of_the_folded_text():
    """fold_tokens (the folding and Tokens' non-word spaces from one split of the text) gives
    what Tokens(fold(text)) gives, on text that folds to ASCII or not, or is mostly non-ASCII."""
    import random

    from claims.text import Tokens, fold_tokens
    rnd = random.Random(11)
    ascii_words = ["attack", "AQMI", "l'", "?", "_x", "3rd", "killed", "Ouagadougou", "jnim"]
    others = ["Qaïda", "É", "tués", "\u2019", "\u00a0", "\u2013", "\u0627\u0644", "\u062c\u0645\u0627\u0639\u0629",
              "\U0001f600", "\u20ac", "\u2026", "\u00b0", "\u0301", "\u00bd"]
    for _ in range(3000):
        share = rnd.choice([0.0, 0.05, 0.2, 0.8])  # of non-ASCII words: the text's path (ASCII, sparse, dense)
        text = "".join(rnd.choice(others if rnd.random() < share else ascii_words)
                       + rnd.choice([" ", "", "-", ".", "\t", "?"]) for _ in range(rnd.randint(0, 30)))
        got, want = fold_tokens(text), Tokens(fold(text))
        assert (got.folded, got.pieces, got.uniq) == (want.folded, want.pieces, want.uniq), text
        assert got.occurrences(want.uniq) == want.occurrences(want.uniq), text
