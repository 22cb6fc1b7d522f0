"""Near-duplicate detection, measured on the local site's articles."""
from itertools import combinations

from flows.demo.content import load_content
from sources.dedupe import THRESHOLD, Known, assign_stories, similarity, sketch

_, STORIES = load_content()
BY_ID = {s.id: s for s in STORIES}


def body(story):
    return "\n".join((story.title, *story.paragraphs))


def test_a_syndicated_copy_scores_above_the_threshold():
    sim = similarity(sketch(body(BY_ID["park-w"])), sketch(body(BY_ID["park-w-copy"])))
    assert sim >= 0.7 > THRESHOLD


def test_different_articles_score_far_below_it_even_on_the_same_group():
    pairs = [(a, b) for a, b in combinations(STORIES, 2) if not {a.id, b.id} == {"park-w", "park-w-copy"}]
    worst = max(similarity(sketch(body(a)), sketch(body(b))) for a, b in pairs)
    assert worst < 0.2  # measured: 0.0 on this corpus


def test_copies_join_the_story_of_a_stored_article_or_of_an_earlier_one_in_the_batch():
    orig, copy = sketch(body(BY_ID["park-w"])), sketch(body(BY_ID["park-w-copy"]))
    other = sketch(body(BY_ID["fambita"]))
    assert assign_stories([("c", copy)], [Known("o", "story-o", orig)]) == {"c": "story-o"}
    assert assign_stories([("o", orig), ("c", copy), ("f", other)], []) == {"o": "o", "c": "o", "f": "f"}


def test_sketches_are_stable_and_bounded():
    sk = sketch(body(BY_ID["bamako-2024"]))
    assert sk == sketch(body(BY_ID["bamako-2024"])) and len(sk) == 64 and list(sk) == sorted(sk)
    assert all(0 <= h < 2 ** 63 for h in sk)
    assert similarity((), sk) == 0.0
