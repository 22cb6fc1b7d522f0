"""claims.extract: claim semantics, polarity, negatives, robustness."""
from datetime import date

import pytest

from claims.extract import Extractor

PUB = date(2016, 3, 1)


@pytest.fixture(scope="module")
def ex(kb):
    return Extractor(kb)


def brief(claims):
    return [(c.type, c.subject and c.subject.id, c.object and c.object.id, c.polarity) for c in claims]


def test_pledge_to_leader_is_pledge_to_group(ex):
    cs = ex.extract("The Algerian cell announced its allegiance to Abu Bakr al-Baghdadi on Friday.", published=PUB)
    assert cs == [] or brief(cs)[0][2] == "islamic_state"
    cs = ex.extract("Ansar Dine pledged allegiance to Abu Bakr al-Baghdadi in March 2015.", published=PUB)
    assert brief(cs) == [("pledge", "ansar_dine", "islamic_state", "asserted")]
    assert cs[0].date == "2015-03"


def test_coordination_gives_one_pledge_each(ex):
    cs = ex.extract("Groups that have joined ISIS include Ansar Dine, MUJAO and Boko Haram in Nigeria.", published=PUB)
    assert [c.subject.id for c in cs] == ["ansar_dine", "mujao", "boko_haram"]
    assert [c.country for c in cs] == [None, None, "Nigeria"]


@pytest.mark.parametrize("text", [
    "ECOWAS pledged thousands of troops to the mission in 2013.",
    "AQIM's leaders refused to recognize the Islamic State in 2014.",
    "Ansar Dine could pledge allegiance to Daesh next year.",
    "MUJAO plans to join the Islamic State, officials said in May 2014.",
    "At least twenty-two peacekeepers have been killed since September 2014.",
    "AQIM's tactics include raids, assassinations and suicide bombings.",
    "AQIM leaders threaten to stage attacks in France.",
    "AQIM has not attacked Europe or the United States since 2007.",
    "Its members have frequently kidnapped aid workers in Mali.",
    "He was killed in a French raid at the end of 2014.",
    "More than 250 politically motivated killings have occurred in Benghazi in 2014.",
    "AQIM leaders praised the massacre in Paris in January 2015.",
])
def test_not_claims(ex, text):
    assert ex.extract(text, published=PUB) == []


def test_split_with_possessive_and_anaphor(ex):
    text = "AQIM lost ground in 2013. Mokhtar Belmokhtar's split from the group in late 2012 weakened it."
    cs = ex.extract(text, published=PUB)
    assert brief(cs) == [("split", "belmokhtar", "aqim", "asserted")] and cs[0].date == "2012"


def test_split_off_of_and_founding(ex):
    text = "Several GIA commanders broke away in 1998 to found the Salafist Group for Preaching and Combat."
    cs = ex.extract(text, published=PUB)
    assert brief(cs) == [("split", "gspc", "gia", "asserted")]


def test_merger_with_result(ex):
    cs = ex.extract("MUJAO merged with the al-Mulathamun Battalion in May 2013 to form al-Murabitoun.", published=PUB)
    assert cs[0].type == "merger" and cs[0].object.id == "al_mourabitoun"
    assert {m.id for m in cs[0].members} == {"mujao", "al_mulathamun"} and cs[0].date == "2013-05"


def test_denied_and_hedged(ex):
    cs = ex.extract("His deputy said in May that al-Mourabitoun had pledged allegiance to Daesh, "
                    "a claim quickly denied by Mokhtar Belmokhtar.", published=PUB)
    assert brief(cs) == [("pledge", "al_mourabitoun", "islamic_state", "denied")] and cs[0].date == "2015-05"
    cs = ex.extract("Belmokhtar is believed to have masterminded the attack on a hotel in Bamako in November 2015.",
                    published=PUB)
    assert brief(cs) == [("attack", "belmokhtar", None, "hedged")]
    assert (cs[0].place, cs[0].country, cs[0].date) == ("Bamako", "Mali", "2015-11")


def test_attack_slots_and_pronoun(ex):
    text = ("Boko Haram fighters stormed a village near Maiduguri on January 30, 2016, killing 65 people "
            "and injuring 136 others. Two weeks later they kidnapped twelve girls in Chibok.")
    cs = ex.extract(text, published=PUB)
    assert [(c.subject.id, c.place, c.country, c.date, c.killed, c.wounded, c.kidnapped) for c in cs] == [
        ("boko_haram", "Maiduguri", "Nigeria", "2016-01-30", 65, 136, None),
        ("boko_haram", "Chibok", "Nigeria", "2016-02", None, None, 12)]  # two weeks after January 30


def test_passive_attack_has_no_perpetrator(ex):
    cs = ex.extract("Peacekeepers were deployed in Mali. Last week, four soldiers were killed in an explosion "
                    "in the north of the country.", published=PUB)
    assert [(c.subject, c.place, c.country, c.killed, c.date) for c in cs] == [
        (None, "north of the country", "Mali", 4, "2016-02")]


def test_evidence_offsets(ex):
    text = "Intro line.\n\nAQIM attacked a convoy in Tizi Ouzou on April 19, 2014, killing 11 soldiers."
    c = ex.extract(text)[0]
    assert text[c.evidence.start:c.evidence.end] == c.evidence.sentence
    assert 0 < c.confidence <= 1


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x02", "....!!!???", "–" * 1000, "AQIM " * 20000,
                                  "attack " * 5000, "(" * 3000 + "AQIM attacked Gao in 2014" + ")" * 3000])
def test_robust(ex, text):
    claims = ex.extract(text, published=PUB)
    for c in claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.sentence


def test_extract_is_pure_and_repeatable(ex):
    text = "In October 2014, Ansar al-Sharia in Derna pledged allegiance to Daesh."
    assert ex.extract(text, published=PUB) == ex.extract(text, published=PUB)


def test_cost_is_linear_in_text_length(ex):
    import time
    para = open(__file__.replace("test_claims_extract.py", "fixtures/claims/grand_bassam.txt"), encoding="utf-8").read()
    small, big = para * 20, para * 200

    def cost(text):  # the least of three runs: a garbage-collector pause is not the extractor's
        runs = []
        for _ in range(3):
            t0 = time.process_time()
            ex.extract(text, published=PUB)
            runs.append(time.process_time() - t0)
        return min(runs)

    t_small, t_big = cost(small), cost(big)
    assert t_big < 25 * max(t_small, 0.005)


def test_last_year_of_a_span_reads_as_the_whole_text():
    """`_last_year` searches a window around the span: it finds what a scan of the whole text
    finds there (years cut by the span's edges, "2015s", a longer run of digits)."""
    from claims.dates import YEAR_RX
    from claims.extract import _last_year

    text = "in 2012. 2013 and 2014s; 20155 x2016 1999.2001 2020"
    ends = [(m.end(), int(m.group("y"))) for m in YEAR_RX.finditer(text)]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            want = [y for e, y in ends if start < e <= end]
            assert _last_year(text, start, end) == (want[-1] if want else None)


def test_is_arabic_counts_letters_as_str_isalpha():
    from claims.arabic import is_arabic

    def by_count(text):  # the definition: more than half of the letters are Arabic
        head = text[:2000]
        letters = sum(ch.isalpha() for ch in head)
        return letters > 0 and sum("\u0621" <= ch <= "\u064a" for ch in head) > letters / 2

    for text in ("جماعة abc", "جماعة abcdefgh", "ab جم", "abc جم", "123 جم ²½", "é ü جم", "三 جم", "جم",
                 "a" * 1990 + " جماعة", "ح" * 1500 + "a" * 1400):
        assert is_arabic(text) == by_count(text), text


def test_by_sentence_bins_what_a_scan_of_each_sentence_bins():
    """`_by_sentence` (a bisection for each item) against the plain form, each sentence scanning
    the items for those inside it, on random sentences (some empty, some starting where the one
    before does, gaps between them) and random items (sorted or not, empty ones, ones across a
    boundary or before the first sentence)."""
    import random

    from claims.extract import _by_sentence

    rnd = random.Random(8)
    for _ in range(3000):
        starts, ends, at = [], [], rnd.randint(0, 5)
        for _ in range(rnd.randint(0, 8)):
            starts.append(at)
            at += rnd.choice([0, 1, 3, 8])
            ends.append(at)
            at += rnd.choice([0, 0, 1, 2])
        items = []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(0, at + 3)
            items.append((a, a + rnd.choice([0, 1, 2, 4, 9]), "x"))
        if rnd.random() < 0.7:
            items.sort()
        want: dict[int, list] = {}
        for i, (s, e) in enumerate(zip(starts, ends)):
            nxt = starts[i + 1] if i + 1 < len(starts) else float("inf")
            got = [m for m in items if s <= m[0] < nxt and m[0] < e and m[1] <= e]
            if got:
                want[i] = got
        assert _by_sentence(items, starts, ends) == want, (items, starts, ends)


def test_sentences_get_their_mentions_and_places_shifted(ex, monkeypatch):
    """The mentions and places an analysed sentence is given are
    those `_by_sentence` bins in it, each shifted to the sentence's start (shifted_mentions, shifted_places): same fields, same order."""
    from claims import extract as mod

    binned, sents = [], []
    by_sentence, sent_cls = mod._by_sentence, mod.Sent
    monkeypatch.setattr(mod, "_by_sentence", lambda items, s, e: binned.append(by_sentence(items, s, e)) or binned[-1])

    def sent(*args):
        sents.append(sent_cls(*args))
        return sents[-1]
    monkeypatch.setattr(mod, "Sent", sent)
    text = ("On 3 March 2016, AQIM and Al-Mourabitoun announced their merger in Gao, Mali. Later, "
            "Katiba Macina fighters attacked a camp near Mopti; the group said Iyad Ag Ghaly led it. "
            "In Niamey, Niger, Boko Haram pledged allegiance to the Islamic State.")
    ex.extract(text, published=PUB, lang="en")
    ments, plcs = binned
    assert sents and any(s.mentions for s in sents) and any(s.places for s in sents)
    for s in sents:
        assert s.mentions == [m._replace(start=m.start - s.start, end=m.end - s.start) for m in ments.get(s.index, ())]
        assert s.places == [p._replace(start=p.start - s.start, end=p.end - s.start) for p in plcs.get(s.index, ())]
        assert all(type(m) is type(o) for m, o in zip(s.mentions + s.places, ments.get(s.index, []) + plcs.get(s.index, [])))
        assert all(s.text[m.start:m.end] == m.text for m in s.mentions)
