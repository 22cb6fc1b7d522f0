"""Near-duplicate stories stay linear in a run's size (issue 7) and give the same stories
as comparing every pair."""
import random
import time

from sources.dedupe import THRESHOLD, Known, assign_stories, similarity, sketch

WORDS = ("army post convoy fighters attacked near town officials said residents market road "
         "soldiers killed wounded gendarmes border region governor statement village displaced "
         "drought herders mine gold river bridge night dawn claimed group faction leaders").split()


def texts(n, seed=5):
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(120)) + f" report {i}" for i in range(n)]


def brute_force(new, known):
    pool, out = list(known), {}
    for article_id, sk in new:
        best, best_sim = None, THRESHOLD
        for other in pool:
            sim = similarity(sk, other.sketch)
            if sim >= best_sim:
                best, best_sim = other, sim
        out[article_id] = best.story_id if best else article_id
        pool.append(Known(article_id, out[article_id], sk))
    return out


def test_the_same_stories_as_comparing_every_pair():
    base = texts(60)
    rng = random.Random(9)
    copies = [f"By our correspondent. {t} Additional reporting by the desk." for t in rng.sample(base, 25)]
    new = [(f"n{i}", sketch(t)) for i, t in enumerate(base[30:] + copies)]
    known = [Known(f"k{i}", f"story-k{i}", sketch(t)) for i, t in enumerate(base[:30])]
    got = assign_stories(new, known)
    assert got == brute_force(new, known)
    assert sum(1 for a, s in got.items() if a != s) >= 25  # copies found their originals


def test_a_large_run_is_not_quadratic():
    new = [(f"n{i}", sketch(t)) for i, t in enumerate(texts(2000, seed=11))]
    started = time.perf_counter()
    got = assign_stories(new, [])
    # every pair would be 2 million comparisons (over a minute); shared hashes only: about a second
    assert time.perf_counter() - started < 10
    assert len(got) == 2000
