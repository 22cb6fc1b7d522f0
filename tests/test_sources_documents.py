import json
from datetime import date

import pytest

from sources.config import parse_sources
from sources.documents import document_from_bytes
from sources.errors import ConfigError, ItemError
from sources.yamlfile import parse_yaml

PAGE = b"""<html><head><title>Sahel desk</title><meta name="date" content="2023-08-15"></head>
<body><nav>Home | World | Africa</nav><article><h1>Convoy ambushed near Menaka</h1>
<p>Gunmen ambushed an army convoy on the road north of Menaka on Sunday, the defence ministry said,
adding that several soldiers were killed and the attackers fled towards the border with Niger.</p>
<p>The region has seen repeated fighting between rival armed groups for control of the roads and
the weekly markets since the start of the year, local officials told reporters in Bamako.</p>
</article><footer>All rights reserved</footer></body></html>"""


def test_html_main_text_without_navigation():
    article = document_from_bytes(PAGE, "page.html")
    assert "ambushed an army convoy" in article.text
    assert "All rights reserved" not in article.text and "Home | World" not in article.text
    assert article.published == date(2023, 8, 15)


def test_json_input_with_metadata():
    data = json.dumps({"text": "Some text.", "title": "T", "published": "2020-01-02", "url": "https://x.test/a"})
    article = document_from_bytes(data.encode(), "in.json")
    assert (article.title, article.published, article.url) == ("T", date(2020, 1, 2), "https://x.test/a")


@pytest.mark.parametrize("data, reason", [
    (b"{not json", "malformed JSON at line 1"),
    (b'{"title": "no text"}', "non-empty 'text'"),
    (b'{"text": "x", "published": "yesterday"}', "not an ISO date"),
])
def test_bad_json_inputs(data, reason):
    with pytest.raises(ItemError, match=reason):
        document_from_bytes(data, "bad.json")


def test_plain_text_title_is_first_line():
    article = document_from_bytes("Headline here\n\nBody text.".encode(), "a.txt")
    assert article.title == "Headline here"


def test_sources_yaml_invalid_entries_are_reported_by_line_and_skipped():
    text = ("sources:\n"
            "  - id: good\n    kind: seed_files\n"
            "  - id: bad\n    kind: carrier_pigeon\n"
            "  - id: badgrade\n    kind: seed_files\n    reliability: Z\n")
    data, where = parse_yaml(text, "sources.yaml")
    specs, problems = parse_sources(data, where, "sources.yaml")
    assert [s.id for s in specs] == ["good"]
    assert problems[0].startswith("sources.yaml: line 4: source 'bad': kind 'carrier_pigeon'")
    assert "line 6" in problems[1] and "reliability" in problems[1]


def test_empty_yaml_is_an_error():
    with pytest.raises(ConfigError, match="empty file"):
        parse_yaml("# nothing\n", "x.yaml")
