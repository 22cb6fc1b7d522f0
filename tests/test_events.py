from claims.events import event_id_for, status_of
from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef, Evidence

KB = KnowledgeBase.from_records({
    "entities": [
        {"id": "aqim", "name": "AQIM", "kind": "group"},
        {"id": "is", "name": "Islamic State", "kind": "group"},
        {"id": "jak", "name": "Jund al-Khilafah", "kind": "group"},
        {"id": "mur", "name": "al-Mourabitoun", "kind": "group"},
    ],
    "relations": [
        {"subject": "jak", "relation": "pledged_to", "object": "is", "date": "2014-09"},
        {"subject": "mur", "relation": "merged_into", "object": "aqim", "date": "2015-12-04"},
    ],
})
EV = Evidence("s.", 0, 2)


def ref(i, name=None):
    return EntityRef(i, name or i, name or i)


def test_same_pledge_in_two_articles_is_one_event():
    a = Claim("pledge", ref("jak"), ref("is"), EV, date="2014-09-13")
    b = Claim("pledge", ref("jak"), ref("is"), Evidence("other.", 100, 106), date="2014-09-14")
    assert event_id_for(a) == event_id_for(b)


def test_attacks_in_different_months_are_different_events():
    a = Claim("attack", ref("aqim"), None, EV, date="2014-04-19", country="Algeria", place="Tizi Ouzou")
    b = Claim("attack", ref("aqim"), None, EV, date="2015-07", country="Algeria", place="Tizi Ouzou")
    assert event_id_for(a) != event_id_for(b)


def test_status_known_new_unknown():
    assert status_of(Claim("pledge", ref("jak"), ref("is"), EV), KB)[0] == "known"
    status, reason = status_of(Claim("pledge", ref("aqim"), ref("is"), EV), KB)
    assert status == "new"
    status, reason = status_of(Claim("pledge", EntityRef(None, "Katiba Test", "Katiba Test"), ref("is"), EV), KB)
    assert status == "unknown_actor" and "Katiba Test" in reason


def test_merger_known_when_every_member_merged_into_result():
    claim = Claim("merger", None, ref("aqim"), EV, members=(ref("mur"), ref("aqim")))
    status, reason = status_of(claim, KB)
    assert status == "known" and "al-Mourabitoun merged into AQIM (2015-12-04)" in reason
