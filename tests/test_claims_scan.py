"""claims.scan: the anchored searches find exactly what `rx.finditer` finds (and a shared word
scan, claims.text.Tokens.share, what a scan per index finds)."""
import random
import re

from claims.scan import finditer_at, window_bounds, window_starts

WORDS = ["in", "the", "first", "half", "of", "2019", "since", "may", "x", "21", "to", "24", "september", ",", "(", "\n"]


def _texts(n=3000, seed=1):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(WORDS) + rnd.choice([" ", "  ", "\n", "", " " * 70]) for _ in range(rnd.randint(0, 30)))


def test_near_anchors_finds_the_same_matches():
    rx = re.compile(r"\b(?:in|since|of)\s+(?:(?:the\s+)?(?:first\s+half)\s+(?:of\s+)?)?(?:19|20)\d\d(?!\d)")
    for text in _texts():
        anchors = [m.start() for m in re.finditer(r"(?:19|20)\d\d", text)]
        got = [m.span() for m in finditer_at(rx, text, window_starts(text, anchors, window_bounds(text, anchors, 5)))]
        assert got == [m.span() for m in rx.finditer(text)], text


def test_window_bounds_are_those_a_word_count_gives():
    """(Its split stops after `words` splits: the count must still tell more than `words` words.)"""
    for text in _mixed_texts(seed=9):
        anchors = [m.start() for m in re.finditer(r"\b\w", text)]
        for n in (0, 1, 4, 5):
            want = [max(0, a - 60) if len(text[max(0, a - 60):a].split()) > n else 0 for a in anchors]
            want = [min(want[i:]) for i in range(len(want))]
            assert window_bounds(text, anchors, n) == want, (text, n)


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


# The fast paths for ASCII text (str.translate / bytes.translate and split, where a regex scan
# would test each character's Unicode class) give what the regex or plain form gives.

MIXED = WORDS + ["é", "l'attaque", "?", "\u2019", "\u00a0", "AQMI", "Qaïda", "\u0627\u0644", "\U0001f600", "_x", "tués", "3rd"]


def _mixed_texts(n=2000, seed=5):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(MIXED) + rnd.choice([" ", "", "-", ".", "\t"]) for _ in range(rnd.randint(0, 25)))


def test_word_starts_are_those_a_regex_finds():
    """(And offset 0 when the range opens there: a pattern may open on ^.)"""
    from claims.scan import _word_starts
    for text in _mixed_texts():
        for t in (text, text.encode("ascii", "replace").decode()):  # the regex path, then the ASCII one
            for lo, hi in ((0, len(t)), (len(t) // 3, len(t)), (1, len(t) // 2)):
                want = sorted({m.start() for m in re.finditer(r"\b\w", t) if lo <= m.start() < hi} | ({0} if lo == 0 else set()))
                assert _word_starts(t, lo, hi) == want, (t, lo, hi)


def test_fold_is_the_translation_by_its_table():
    from claims.text import _TABLE, fold
    for text in _mixed_texts(seed=6):
        assert fold(text) == text.translate(_TABLE), text


def test_casualty_openers_of_ascii_text_are_those_a_word_scan_finds():
    from claims.numbers import _DIGIT_ENTRIES, _HELD_BY, _WORD, _openings
    rnd = random.Random(7)
    vocab = sorted(_HELD_BY)[:40] + ["12", "3rd", "x", "les", "killed", "-", "'", "500"]
    for _ in range(2000):
        text = "".join(rnd.choice(vocab) + rnd.choice([" ", ", ", "-", "'", ""]) for _ in range(rnd.randint(0, 20)))
        want: dict[int, list[int]] = {}
        for m in _WORD.finditer(text):
            for i in (_DIGIT_ENTRIES if m[0][0].isdigit() else _HELD_BY.get(m[0], ())):
                want.setdefault(i, []).append(m.start())
        assert _openings(text) == want, text


def test_month_anchors_of_ascii_text_are_those_the_month_pattern_finds():
    from claims.dates import _MONTH_RX, _openings
    rnd = random.Random(8)
    vocab = ["jan", "janvier", "june", "juin", "mai", "may", "mayor", "mars", "march", "marsh", "aout", "aug", "sept",
             "septembre", "oct", "dec", "decembre", "nov", "fevrier", "feb", "x", "_jan", "3", "l'", "d'avril", "avril", "e"]
    for _ in range(3000):
        text = "".join(rnd.choice(vocab) + rnd.choice([" ", "", "-", ".", "_"]) for _ in range(rnd.randint(0, 15)))
        text += "é" * (rnd.random() < 0.2)  # (mostly ASCII: the fast path)
        assert _openings(text)[0] == [m.start() for m in _MONTH_RX.finditer(text)], text


DATE_WORDS = MIXED + ["le", "les", "du", "au", "et", "on", "last", "this", "dernier", "friday", "vendredi", "mars", "may",
                      "june", "juin", "end", "of", "fin", "de", "d'", "13", "3", "31st", "2014", "year", "annee", "that",
                      "ouagadougou,", "(afp)", "8", "and", "10"]


def test_a_pretest_keeps_the_starts_where_one_of_the_patterns_matches():
    """claims.scan.any_of / matching_starts: the date patterns of each anchor, tried at the starts
    that their pre-test keeps, find what each finds at every start (so what `rx.finditer` finds)."""
    from claims.dates import _PLAN
    from claims.scan import any_of, matching_starts
    groups: dict = {}
    for _, rx, anchor, _ in _PLAN:
        groups.setdefault(anchor, []).append(rx)
    rnd = random.Random(6)
    for _ in range(1500):
        text = " ".join(rnd.choice(DATE_WORDS) + rnd.choice(["", ",", " "]) for _ in range(rnd.randint(0, 20)))
        everywhere = list(range(len(text) + 1))
        for rxs in groups.values():
            kept = matching_starts(any_of(tuple(rxs)), text, everywhere)
            for rx in rxs:
                assert [m.span() for m in finditer_at(rx, text, kept)] == [m.span() for m in rx.finditer(text)], text


def test_piece_indices_are_the_ints_in_order():
    """(Tokens' scan takes them from a list kept from text to text, or a range for a long text.)"""
    from claims.text import _indices
    for n in (0, 5, 300, 70, 1 << 16, (1 << 16) + 3, 1000):
        assert list(_indices(n))[:n] == list(range(n))


def _plain_tokens_before(folded, end, n=5):
    """claims.learned._tokens_before as a walk over a regex's words (the plain form)."""
    lo, out, nxt = max(0, end - 80), [], end
    for a, b in reversed([m.span() for m in re.compile(r"[\w']+").finditer(folded, lo, end)]):
        if folded[b:nxt].strip() or (a == lo and lo > 0 and (folded[lo - 1].isalnum() or folded[lo - 1] == "'")):
            break
        out.append((a, b))
        nxt = a
        if len(out) == n:
            break
    return out


def _plain_tokens_before_bracket(folded, end):
    """claims.learned._tokens_before_bracket as a walk over a regex's words (the plain form)."""
    lo, out, nxt = max(0, end - 120), [], end
    for a, b in reversed([m.span() for m in re.compile(r"[\w']+").finditer(folded, lo, end)]):
        if folded[b:nxt].strip(" -\u00a0") or (a == lo and lo > 0):
            break
        out.append((a, b))
        nxt = a
        if len(out) == 10:
            break
    return out[::-1]


def test_words_before_an_offset_are_those_a_walk_over_the_words_finds():
    from claims.learned import _tokens_before, _tokens_before_bracket
    rnd = random.Random(13)
    vocab = ["Mouvement", "pour", "le", "salut", "de", "l'Azawad", "al", "x", "d'", "'", "é", "Qaïda", "\u0627\u0644",
             "3", "_", "ab", "Macina", "Liberation", "Front", "the", "Nusratalislamwalmuslimin", "x" * 30]
    gaps = [" ", " ", "  ", "-", " - ", "\u00a0", "\n", "\t", ", ", ".", "(", ""]
    for i in range(3000):
        some = (gaps, gaps[:6], [" ", "  ", "\n", "\t", "\u00a0"])[i % 3]  # (and long runs of words, no punctuation)
        text = "".join(rnd.choice(vocab) + rnd.choice(some) for _ in range(rnd.randint(0, 40)))
        starts = [m.start() for m in re.finditer(r"[\w']+", text)]  # (and a window that opens on a word, or inside one)
        ends = {len(text), rnd.randint(0, len(text))} | {a + k + rnd.randint(0, 1) for a in rnd.sample(starts, min(3, len(starts)))
                                                            for k in (80, 120)}
        for end in (e for e in ends if e <= len(text)):
            assert _tokens_before(text, end) == _plain_tokens_before(text, end), (text, end)
            assert _tokens_before_bracket(text, end) == _plain_tokens_before_bracket(text, end), (text, end)
