"""claims.vocab.TriggerFilter: the document-level trigger pass agrees with the sentence test."""
from pathlib import Path

import pytest

from claims.sentences import split_sentences
from claims.text import Tokens, fold
from claims.vocab import TriggerFilter, guess_lang, vocab

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold" / "own").glob("*.txt"))


def _per_document(flt: TriggerFilter, text: str) -> dict[int, frozenset]:
    folded = fold(text)
    spans = split_sentences(text)
    return flt.sentences(folded, Tokens(folded).uniq, [s.start for s in spans], [s.end for s in spans])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_document_pass_finds_the_same_sentences_as_the_sentence_test(lang):
    flt = TriggerFilter(vocab(lang))
    assert TEXTS
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        folded = fold(text)
        expected = {i for i, s in enumerate(split_sentences(text)) if flt.search(folded[s.start:s.end])}
        assert set(_per_document(flt, text)) == expected, path.name


def test_types_of_a_sentence_and_french_elision():
    en = TriggerFilter(vocab("en"))
    got = _per_document(en, "Rain fell on Gao. The group pledged allegiance to ISIS. Gunmen ambushed a convoy near Menaka.")
    assert set(got) == {1, 2}
    assert "pledge" in got[1] and "attack" in got[2] and "attack" not in got[1]
    fr = TriggerFilter(vocab("fr"))
    got = _per_document(fr, "Il pleuvait. L'embuscade a fait dix morts. Le mot contre-embuscadeX ne compte pas.")
    assert set(got) == {1}
    assert "attack" in got[1]


def test_words_inside_other_words_are_not_triggers():
    en = TriggerFilter(vocab("en"))
    assert _per_document(en, "The counterattacked... no. Unpledged funds stayed idle.") == {}


def test_a_word_of_a_longer_phrase_brings_its_types_only_where_the_phrase_occurs():
    en = TriggerFilter(vocab("en"))
    got = _per_document(en, "Gunmen of the group attacked Ansongo. Two commanders walked out of the group in May. "
                            "The attack walked nine miles from the road.")
    assert set(got) == {0, 1, 2}
    assert "split" not in got[0] and "attack" in got[0]  # "group" alone: no split phrase
    assert "split" in got[1] and ("split", "split_verbs") in got[1]
    assert "split" not in got[2]  # "walked" without "out of"
    fr = TriggerFilter(vocab("fr"))
    got = _per_document(fr, "Les deux mouvements ont uni leurs forces en 2019. Leurs chefs ont attaqué Ménaka.")
    assert ("merger", "merge_verbs") in got[0]
    assert 1 not in got or "merger" not in got[1]


def test_a_phrase_is_indexed_by_its_least_common_word():
    en = TriggerFilter(vocab("en"))
    assert en.search("two commanders left the group in may")
    assert not en.search("the group and the movement met in gao")
    assert "group" not in en._sure and "left" in en._sure  # "left the group": by "left", not "group"


def _plain_first_words(flt: TriggerFilter, uniq: set[str]) -> set[str]:
    return {w for w in uniq if w in flt._exact or any(w.startswith(p) for p in flt._stars)}


def test_first_words_are_the_exact_indexed_words_and_those_that_open_with_a_starred_one():
    from claims.vocab import Vocab
    starred = TriggerFilter(Vocab({"attack": {"en": {"verbs": ["kill*", "ambushed", "opened fire"], "nouns": ["raid"]}}}, "en"))
    assert starred._stars and not TriggerFilter(vocab("en"))._stars  # (both paths of first_words)
    for flt in (starred, TriggerFilter(vocab("en")), TriggerFilter(vocab("fr"))):
        for text in ["Gunmen killed two. Nothing here. They opened fire.", "No trigger at all.", "A raid. Killings went on.",
                     "Gunmen killed two. Nothing here."] + [p.read_text(encoding="utf-8") for p in TEXTS[:4]]:
            uniq = Tokens(fold(text)).uniq
            assert flt.first_words(uniq) == _plain_first_words(flt, uniq), text[:40]
            folded = fold(text)
            expected = {i for i, s in enumerate(split_sentences(text)) if flt.search(folded[s.start:s.end])}
            assert set(_per_document(flt, text)) == expected, text[:40]


def test_a_free_start_is_the_start_test_of_the_phrase_patterns():
    import random
    import re

    from claims.vocab import _free_start
    rnd = random.Random(5)
    chars = list("abz_09 '-,.\n") + ["é", "ß", "٣", "中", "\u00a0", "²", "ǅ"]
    plain = re.compile(r"(?<![\w'])|(?<=(?<!\w)[a-z]')|(?<=qu')")
    for _ in range(20000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 6)))
        for p in range(len(text) + 1):
            assert _free_start(text, p) == (plain.match(text, p) is not None), (text, p)


# ---- the language of a text given without one --------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Des hommes armés ont tué sept civils à Ansongo.", "fr"),
    ("Le JNIM a été désigné comme responsable.", "fr"),
    ("Gunmen killed seven civilians in Ansongo.", "en"),
    ("The Groupe de soutien à l'islam et aux musulmans claimed the attack on the camp, which was hit by mortars "
     "and rockets for the second time in a week; the army said that the base had been reinforced.", "en"),
])
def test_a_short_text_without_a_language_is_read_in_its_own(text, lang):
    assert guess_lang(fold(text)) == lang


def test_every_vocabulary_list_holds_phrases():
    """A bare `on` in a YAML list is the boolean True: every list of every vocabulary file must hold words."""
    import yaml
    for path in sorted((ROOT / "claims" / "vocab").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for lang, lists in data.items():
            for key, items in (lists or {}).items() if isinstance(lists, dict) else ():
                if isinstance(items, list):
                    assert all(isinstance(w, str) or type(w) is int for w in items), f"{path.name} {lang}.{key}: {items}"


def test_a_boolean_in_a_vocabulary_list_is_an_error():
    from claims.vocab import Vocab
    with pytest.raises(ValueError, match="quote it"):
        Vocab({"attack": {"en": {"site_locatives": ["in", True]}}}, "en").words("attack", "site_locatives")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_device_noun_is_an_attack_noun(lang):
    # a device noun that is no attack noun is never a trigger, so never checked for a foiled attack
    v = vocab(lang)
    assert set(v.words("attack", "device_nouns")) <= set(v.words("attack", "nouns"))


REF_WORDS = ["after", "afterwards", "hereafter", "than", "more", "since", "sinces", "before", "apres", "après", "depuis", "comme",
             "like", "unlike", "following", "in the wake of", "x", "the", "attack", "l'", "'", "-", "é", "ب", "30", ",", "(", "\n"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_reference_words_gated_are_those_the_word_scan_finds(lang):
    """AttackTriggers.references skips a span that holds no reference word's letters (its cheap gate):
    the same matches as the plain word scan, for any span (one that cuts a word included)."""
    import random

    from claims.attack_triggers import _COMPARATIVE_BEFORE, WORD_RX
    from claims.extract import Extractor
    from flows.loading import read_kb

    kb, _ = read_kb(ROOT / "seeds" / "entities.yaml")
    trig = Extractor(kb)._tools[lang].attacks.triggers
    rnd = random.Random(7)
    for _ in range(3000):
        low = "".join(rnd.choice(REF_WORDS) + rnd.choice([" ", "", "  "]) for _ in range(rnd.randint(0, 12)))
        a = rnd.randint(0, len(low))
        b = rnd.randint(a, len(low))
        plain = [m for m in WORD_RX.finditer(low, a, b) if m.group() in trig.reference and not (
            m.group() == "than" and _COMPARATIVE_BEFORE.search(low, max(0, m.start() - 8), m.start()))]
        assert [m.span() for m in trig.references(low, a, b)] == [m.span() for m in plain], (low, a, b)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_word_of_longer_phrases_counts_where_its_lists_searches_say(lang):
    """TriggerFilter.sentences takes whether a word that stands for longer phrases only counts from
    the searches of its lists (where they tell it) instead of searching its phrases anew: the
    same sentences and types as without that shortcut, and as the sentence test."""
    import random
    import re

    from claims.vocab import _TRIGGER_KEYS
    flt, plain = TriggerFilter(vocab(lang)), TriggerFilter(vocab(lang))
    plain._told_by_lists = frozenset()
    assert flt._told_by_lists  # (else the shortcut is never taken: nothing is tested)
    phrases = sorted({p for file, keys in _TRIGGER_KEYS.items() for key in keys for p in vocab(lang).words(file, key)})
    words = sorted({w for p in phrases for w in re.split(r"(\W)", p) if w.strip()} | {"x", "the", "le", ",", "l'", "é"})
    words += [p for p in phrases if " " in p]  # (the longer phrases whole too: they occur)
    rnd = random.Random(15)
    for _ in range(300):
        text = ". ".join(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(1, 6)))
        got = _per_document(flt, text)
        assert got == _per_document(plain, text), text
        folded = fold(text)
        assert set(got) == {i for i, s in enumerate(split_sentences(text)) if flt.search(folded[s.start:s.end])}, text



def test_a_word_of_longer_phrases_whose_lists_were_not_all_searched_is_searched():
    """Where a list of the word's phrases was not searched (a starred word of the same hit brought its
    types: "killed" is also "kill*"), the phrases are searched anew (_counts)."""
    from claims.vocab import Vocab
    data = {"attack": {"en": {"verbs": ["kill*", "killed them all"], "nouns": ["raid"]}},
            "split": {"en": {"split_verbs": ["killed the deal"]}}}
    flt, plain = TriggerFilter(Vocab(data, "en")), TriggerFilter(Vocab(data, "en"))
    plain._told_by_lists = frozenset()
    assert "killed" in flt._told_by_lists
    for text in ["Gunmen killed two.", "They killed them all.", "He killed the deal. A raid.", "Killing. Killed them all, killed."]:
        got = _per_document(flt, text)
        assert got == _per_document(plain, text), text
        folded = fold(text)
        assert set(got) == {i for i, s in enumerate(split_sentences(text)) if flt.search(folded[s.start:s.end])}, text



@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hits_are_the_occurrences_at_a_free_start(lang):
    """TriggerFilter._hits (a word of the Tokens looked at only after an apostrophe) keeps the
    occurrences of the indexed words, as words of the text and as literals, that _free_start
    takes: where trigger words follow letters, apostrophes, elisions and digits."""
    import random

    flt = TriggerFilter(vocab(lang))
    rnd = random.Random(7)
    words = sorted(flt._exact)[::7] + [k.rstrip("*") for k in flt._special] + list(flt._stars[::5]) + [
        "group", "the", "of", "allegiance", "ranks", "left", "joined", "killed", "attaque", "embuscade", "x"]
    seps = [" ", " ", " ", "'", " l'", " qu'", " d'", "x'", "a", "_", "-", ". ", ".\n", "\n\n", ", ", " (", "2", "é"]
    _assert_hits_at_free_starts(flt, rnd, words, seps, runs=300, most=60)


def test_literals_are_searched_where_the_text_has_their_words():
    """TriggerFilter._hits searches a literal (an indexed word that is no one word of the text) only
    where the text holds the words its match at a free start brings whole: it finds what searching
    every literal finds, starred ones and those opening or ending on no word character included."""
    import random

    from claims.vocab import Vocab
    data = {"attack": {"en": {"verbs": ["bay'ah*", "al-qa'ida", "x'y*", "'raid", "r.a.i.d.*", "o'*", "bay'a"],
                              "nouns": ["ambush"]}}}
    flt = TriggerFilter(Vocab(data, "en"))
    assert {"bay'ah*", "qa'ida", "x'y*", "'raid", "r.a.i.d.*", "o'*"} <= set(flt._special)
    rnd = random.Random(11)
    words = ["bay", "ah", "bay'ah", "bay'ahs", "bay'a", "al", "qa", "ida", "al-qa'ida", "al-qa'idas", "x", "y", "x'y",
             "x'yz", "raid", "'raid", "r.a.i.d.", "r.a.i.d.s", "r.a.i.d", "o", "o'", "o'k", "ambush", "é"]
    seps = [" ", " ", "'", " l'", "x", "-", "_", ". ", "\n", "2", "é", ""]
    _assert_hits_at_free_starts(flt, rnd, words, seps, runs=500, most=12)


def _assert_hits_at_free_starts(flt, rnd, words, seps, runs, most):
    """TriggerFilter._hits over `runs` random texts of 1..`most` (separator, word) pairs equals the plain
    form: the occurrences of its first words and the matches of every literal, at a free start."""
    from claims.vocab import _free_start
    for _ in range(runs):
        text = "".join(rnd.choice(seps) + rnd.choice(words) for _ in range(rnd.randint(1, most)))
        folded = fold(text)
        toks = Tokens(folded)
        found = flt.first_words(toks.uniq)
        plain = [(s, e, w, flt._word_keys[w]) for s, e, w, _ in toks.occurrences(found)]
        plain += [(m.start(), m.end(), m.group(), (k,)) for k in flt._special for m in flt._literal_rx(k).finditer(folded)]
        plain = [h for h in plain if _free_start(folded, h[0])]
        assert sorted(flt._hits(folded, toks.uniq, toks)) == sorted(plain), text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_led_searches_tell_whether_a_phrase_occurs(lang):
    """vocab.led_searches (one pattern per first letter, opening on the run of word characters its
    phrases share, what comes before it tested after that run) finds a phrase where and only where
    elided(compile_phrases(...)) does: the lists of TriggerFilter's longer phrases and made-up ones
    (shared openings, a starred word, an apostrophe, an opening on no word character), in random
    texts of their words after letters, apostrophes and elisions."""
    import random

    from claims.vocab import _TRIGGER_KEYS, compile_phrases, elided, led_searches
    v = vocab(lang)
    lists = [[p for p in v.words(f, k) if len(p.split()) > 1] for f, keys in _TRIGGER_KEYS.items() for k in keys]
    lists += [["united with", "united in", "unit in", "u s"], ["pledge* to", "pledged it", "was killed", "were killed"],
              ["s'est joint a", "s'est allie", "'s own"], ["qa'ida in", "a b", "ab c"]]
    rnd = random.Random(3)
    seps = [" ", " ", "  ", "\n", "'", " l'", " qu'", " d'", "x'", "x", "_", "-", ". ", ", ", "2", "é", ""]
    tried = found = 0
    for phrases in [ps for ps in lists if ps]:
        plain = elided(compile_phrases(phrases))
        led = led_searches(phrases)
        words = [w for p in phrases for w in p.replace("*", "s").split()] + ["the", "group", "x"]
        words += [p.replace("*", rnd.choice(["", "s"])) for p in phrases] * 2
        for _ in range(60):
            text = "".join(rnd.choice(seps) + rnd.choice(words) for _ in range(rnd.randint(1, 8)))
            want = plain.search(text) is not None
            assert any(rx.search(text) for rx in led) == want, (phrases, text)
            tried, found = tried + 1, found + want
    assert found > tried // 10  # (the texts hold phrases often enough to test both answers)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_first_letter_branches_match_as_the_plain_alternation(lang):
    r"""after_no_word, compile_phrases, elided and word_opening (one branch per first letter, opening
    on the run of word characters that all its alternatives share, what comes before tested after that
    run) find, with finditer, the same matches as the plain `(?<![\w'])(?:p1|p2|...)`, its elided form
    and `\b(?:p1|p2|...)`: every vocabulary list, and made-up lists with shared openings, quantified
    letters, a starred word and apostrophes, in random texts of their words after letters, apostrophes
    and elisions."""
    import random
    import re

    from claims.vocab import _PHRASE_END, after_no_word, compile_phrases, elided, phrase_pattern, word_opening
    v = vocab(lang)
    lists = [[w for w in v.words(f, k) if w.strip()] for f, d in v._data.items() for k in (d.get(lang) or {})]
    lists += [["united with", "united in", "unit in", "u s", "unite*"], ["s'est joint a", "s'est allie", "'s own", "sa"],
              ["qa'ida in", "a b", "ab c", "abc", "a"], ["in", "inside", "into", "i"]]
    raw = [["nee?s?", "nes", "born", "natif", "native"], ["an?", "the", "une?", "l'", "le", "la", "les"],
           ["ab+c", "abc*d", "ab{2}x", "abd", r"ab\s+c"], [r"this\s+year\b", r"this\s+week", "thus"]]
    rnd = random.Random(9)
    seps = [" ", " ", "  ", "\n", "'", " l'", " qu'", " d'", "x'", "x", "_", "-", ". ", ", ", "2", "é", ""]
    tried = found = 0
    for pats, phrases in [(sorted(map(phrase_pattern, ps), key=len, reverse=True), ps) for ps in lists if ps] + [(r, None) for r in raw]:
        alt = "(?:" + "|".join(pats) + ")"
        forms = [(re.compile("(?:" + after_no_word(pats) + ")"), re.compile(r"(?<![\w'])" + alt))]
        if all(p[0].isalnum() for p in pats):
            forms.append((re.compile(word_opening(pats)), re.compile(r"\b" + alt)))
        if phrases is not None:
            plain = re.compile(r"(?<![\w'])" + alt + _PHRASE_END)
            forms.append((compile_phrases(phrases), plain))
            forms.append((elided(compile_phrases(phrases)),
                          re.compile(r"(?<!\w)(?:(?<!')|(?<=\b[a-z]')|(?<=qu'))" + alt + _PHRASE_END)))
        words = [w for p in (phrases or pats) for w in p.replace("*", "s").split()] + ["the", "group", "x", "abbc", "ne", "nee"]
        words += [p.replace("*", rnd.choice(["", "s"])) for p in (phrases or [])] * 2
        for _ in range(40):
            text = "".join(rnd.choice(seps) + rnd.choice(words) for _ in range(rnd.randint(1, 8)))
            for fast, slow in forms:
                want = [m.span() for m in slow.finditer(text)]
                assert [m.span() for m in fast.finditer(text)] == want, (fast.pattern, text)
                tried, found = tried + 1, found + bool(want)
    assert found > tried // 10  # (the texts hold matches often enough to test both answers)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_text_without_the_needles_of_phrases_has_no_match(lang):
    """vocab.phrase_needles: where compile_phrases(phrases) finds a match, the text holds a needle (so
    a search is skipped only where it finds nothing): every vocabulary list and made-up ones (starred
    words, apostrophes, words inside others, a blank phrase), in random texts of their words, cut, after
    letters and apostrophes; and the edge cases (no phrase: no needle; a phrase of no word: None)."""
    import random

    from claims.vocab import compile_phrases, phrase_needles
    assert phrase_needles([]) == () and phrase_needles(["", " "]) == () and phrase_needles(["a", "*"]) is None
    assert phrase_needles(["ont nie", "nie", "niait", "nient"]) == ("niait", "nie")
    v = vocab(lang)
    lists = [v.words(f, k) for f, d in v._data.items() for k in (d.get(lang) or {})]
    lists += [["united with", "unite*", "u s", "ni"], ["s'est joint a", "'s own", "sa", ""], ["deny", "denying", "de*"]]
    rnd = random.Random(17)
    seps = [" ", " ", "  ", "\n", "'", " l'", "x", "_", "-", ". ", "2", "é", ""]
    tried = found = 0
    for phrases in [ps for ps in lists if any(p.strip() for p in ps)]:
        rx, needles = compile_phrases(phrases), phrase_needles(phrases)
        assert needles, phrases  # (every list of these has words)
        words = [w for p in phrases for w in p.replace("*", "s").split()] + ["the", "x"]
        words += [p.replace("*", rnd.choice(["", "s"])) for p in phrases] * 2
        for _ in range(40):
            text = "".join(rnd.choice(seps) + rnd.choice(words)[:rnd.choice([99, 99, 99, 3])] for _ in range(rnd.randint(1, 6)))
            want = rx.search(text) is not None
            if want:
                assert any(n in text for n in needles), (phrases, text)
            tried, found = tried + 1, found + want
    assert found > tried // 10  # (the texts hold matches often enough)
