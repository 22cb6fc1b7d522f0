"""claims.places: the gazetteer."""
from claims.places import Gazetteer


def found(text):
    return [(p.name, p.country, p.kind) for p in Gazetteer.load().find(text)]


def test_niger_is_not_nigeria():
    assert found("Niger and Nigeria") == [("Niger", "Niger", "country"), ("Nigeria", "Nigeria", "country")]
    assert found("a Nigerien and a Nigerian") == [("Nigerien", "Niger", "demonym"), ("Nigerian", "Nigeria", "demonym")]


def test_towns_with_diacritics_and_variants():
    assert found("in Ain Defla and Aïn Defla")[0][:2] == ("Ain Defla", "Algeria")
    assert found("Tombouctou")[0][1] == "Mali"
    assert found("the Bardo National Museum")[0] == ("Bardo National Museum", "Tunisia", "place")


def test_french_and_arabic_names():
    assert found("en Algérie")[0][1] == "Algeria"
    assert found("Jund al-Khilafah fi Ard al-Jazayer")[0][1] == "Algeria"


def test_relative_place():
    assert found("in the north of the country") == [("north of the country", None, "relative")]


def test_lower_case_word_is_not_a_place():
    assert found("the river niger") == []


def test_canonical():
    g = Gazetteer.load()
    assert g.canonical("Ain Defla") == g.canonical("Aïn Defla") == "Aïn Defla"
    assert g.canonical("the north of the country") == "north of the country"
    assert g.country_of("Kidal") == "Mali"
