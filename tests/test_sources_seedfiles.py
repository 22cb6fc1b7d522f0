from datetime import date

import pytest

from sources.errors import ConfigError, ItemError
from sources.seedfiles import SeedMeta, load_seed_articles, parse_seed


def test_all_seeds_load_with_manifest_metadata(seeds_copy):
    articles, errors = load_seed_articles(seeds_copy)
    assert errors == []
    assert len(articles) == 5
    first = articles[0]
    assert first.published == date(2014, 9, 22)
    assert first.author == "Caitlin Dearing Scott"
    assert first.url == "seed:000_999dedc9c3ac5313.txt"
    assert len({a.article_id for a in articles}) == 5


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"caf\xe9 in Latin-1\n", "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
])
def test_bad_seed_bytes_give_the_reason(content, reason):
    with pytest.raises(ItemError) as err:
        parse_seed(content, SeedMeta(file="x.txt"), "seeds")
    assert err.value.item == "x.txt"
    assert err.value.reason == reason


def test_bad_seed_files_are_skipped_and_named_others_load(seeds_copy):
    (seeds_copy / "000_999dedc9c3ac5313.txt").unlink()
    (seeds_copy / "001_4c83a6919461b5c5.txt").write_bytes(b"")
    (seeds_copy / "002_b477e73326a32eb0.txt").write_bytes("Malí".encode("latin-1"))
    articles, errors = load_seed_articles(seeds_copy)
    assert len(articles) == 2
    reasons = {e.item: e.reason for e in errors}
    assert reasons["000_999dedc9c3ac5313.txt"].startswith("file not found")
    assert reasons["001_4c83a6919461b5c5.txt"] == "empty file"
    assert "not UTF-8" in reasons["002_b477e73326a32eb0.txt"]


def test_malformed_manifest_names_file_and_line(seeds_copy):
    (seeds_copy / "manifest.yaml").write_text("seeds:\n  - file: a.txt\n    title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_seed_articles(seeds_copy)
    message = str(err.value)
    assert "manifest.yaml" in message and "malformed YAML" in message and "line 4" in message


def test_manifest_with_bad_date_is_refused(seeds_copy):
    (seeds_copy / "manifest.yaml").write_text("seeds:\n  - file: a.txt\n    published: last spring\n")
    with pytest.raises(ConfigError, match="line 2.*published"):
        load_seed_articles(seeds_copy)
