"""claims.evaluate: the matching rule."""
from claims.evaluate import format_report, score
from claims.model import Claim, EntityRef, Evidence

SENT = "In October 2014, Ansar al-Sharia in Derna pledged alliance to Daesh and was confronted with others."


def claim(ctype="pledge", subject="ansar_al_sharia_derna", obj="islamic_state", sentence=SENT, **kw):
    ref = lambda i: EntityRef(i, i, i) if i else None  # noqa: E731
    return Claim(type=ctype, subject=ref(subject), object=ref(obj), evidence=Evidence(sentence, 0, len(sentence)), **kw)


def gold(**kw):
    row = {"doc": "d", "type": "pledge", "subject": "Ansar al-Sharia in Derna", "object": "ISIS", "members": [],
           "date": "2014-10", "place": "Derna", "country": "Libya", "killed": None, "wounded": None, "kidnapped": None,
           "polarity": "asserted", "optional": False, "evidence": SENT}
    row.update(kw)
    return row


def test_names_resolve_through_aliases_and_slots(kb):
    rep = score([gold()], {"d": [claim(date="2014-10-03", place="Derna", country="Libya")]}, kb)
    assert rep.counts["pledge"] == {"tp": 1, "fp": 0, "fn": 0}
    assert rep.slot_accuracy("date") == 1.0  # compared at the gold's precision


def test_wrong_party_is_fp_and_fn(kb):
    rep = score([gold()], {"d": [claim(subject="ansar_dine")]}, kb)
    assert rep.counts["pledge"] == {"tp": 0, "fp": 1, "fn": 1}


def test_evidence_containment_either_way(kb):
    rep = score([gold(evidence=SENT + " Next sentence.")], {"d": [claim()]}, kb)
    assert rep.counts["pledge"]["tp"] == 1
    rep = score([gold(evidence="Unrelated sentence.")], {"d": [claim()]}, kb)
    assert rep.counts["pledge"] == {"tp": 0, "fp": 1, "fn": 1}


def test_optional_gold_neither_rewarded_nor_penalised(kb):
    rep = score([gold(optional=True)], {"d": [claim()]}, kb)
    assert rep.counts["pledge"] == {"tp": 0, "fp": 0, "fn": 0}
    rep = score([gold(optional=True)], {"d": []}, kb)
    assert rep.counts["pledge"] == {"tp": 0, "fp": 0, "fn": 0}


def test_attack_perpetrator_is_a_slot_and_best_pairing_wins(kb):
    s = "It isn't clear if they attacked Tunis in March 2015 or Libya earlier that year."
    golds = [gold(type="attack", subject="Islamic State", object=None, place="Tunis", country="Tunisia",
                  date="2015-03", evidence=s),
             gold(type="attack", subject="Islamic State", object=None, place=None, country="Libya", date="2015",
                  evidence=s)]
    preds = [claim("attack", None, None, s, country="Libya", date="2015"),
             claim("attack", "aqim", None, s, place="Tunis", country="Tunisia", date="2015-03")]
    rep = score(golds, {"d": preds}, kb)
    assert rep.counts["attack"] == {"tp": 2, "fp": 0, "fn": 0}
    assert rep.slots["place"] == [2, 2] and rep.slots["perpetrator"] == [0, 2]
    assert "perpetrator" in format_report(rep)


def test_merger_members_are_part_of_identity(kb):
    s = "MUJAO merged with the al-Mulathamun Battalion in May 2013 to form al-Murabitoun."
    g = gold(type="merger", subject=None, object="al-Mourabitoun", members=["MUJAO", "al-Mulathamun"], evidence=s,
             place=None, country=None, date="2013-05")
    ok = Claim("merger", None, EntityRef("al_mourabitoun", "x", "x"), Evidence(s, 0, len(s)),
               members=(EntityRef("mujao", "m", "m"), EntityRef("al_mulathamun", "a", "a")), date="2013-05")
    bad = Claim("merger", None, EntityRef("al_mourabitoun", "x", "x"), Evidence(s, 0, len(s)),
                members=(EntityRef("mujao", "m", "m"),), date="2013-05")
    assert score([g], {"d": [ok]}, kb).counts["merger"]["tp"] == 1
    assert score([g], {"d": [bad]}, kb).counts["merger"] == {"tp": 0, "fp": 1, "fn": 1}
